output "name_servers" {
  value = aws_route53_zone.primary.name_servers
}

output "mail_from" {
  value = module.ses.mail_from_domain
}
