resource "aws_route53_record" "spf" {
  zone_id = var.zone_id
  name    = "example.com"
  type    = "TXT"
  ttl     = 300
  records = ["v=spf1 include:amazonses.com ~all"
}
