# Records for SES on a delegated subdomain, pasted from the SES console.

resource "aws_route53_zone" "mail" {
  name = "sub.example.com"
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

locals {
  dkim_tokens = toset([
    "4ixtpnvpubjuxqvnex727otq55y2ew7w",
    "tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo",
    "vtlb7vjp6beuml7w2oxu4h7zsvbruq2r",
  ])
}

# The console shows the full name; the provider appends the zone again
# unless the name ends with it.
resource "aws_route53_record" "dkim" {
  for_each = local.dkim_tokens
  zone_id  = aws_route53_zone.mail.zone_id
  name     = "${each.value}._domainkey.sub.example.com.sub.example.com"
  type     = "CNAME"
  ttl      = 1800
  records  = ["${each.value}.dkim.amazonses.com"]
}

# Quotes copied along with the token: the provider adds its own.
resource "aws_route53_record" "verification" {
  zone_id = aws_route53_zone.mail.zone_id
  name    = "_amazonses"
  type    = "TXT"
  ttl     = 1800
  records = ["\"ijkrG1GAuiLtNvQL64z1RTDN0fpLCMUZNYW+ZpvbEPg=\""]
}

resource "aws_route53_record" "mail_from_mx" {
  zone_id = aws_route53_zone.mail.zone_id
  name    = "bounce.sub.example.com"
  type    = "MX"
  ttl     = 600
  records = ["feedback-smtp.${var.region}.amazonses.com"]
}

resource "aws_route53_record" "mail_from_spf" {
  zone_id = aws_route53_zone.mail.zone_id
  name    = "bounce"
  type    = "TXT"
  ttl     = 600
  records = ["v=spf1 include:amazonses.com ~all!"]
}

resource "aws_route53_record" "dmarc" {
  zone_id = aws_route53_zone.mail.zone_id
  name    = "_dmarc"
  type    = "TXT"
  ttl     = 600
  records = ["\"v=DMARC1; p=none\""]
}
