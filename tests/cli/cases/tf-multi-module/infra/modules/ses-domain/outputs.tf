output "mail_from_domain" {
  value = local.mail_from_domain
}
