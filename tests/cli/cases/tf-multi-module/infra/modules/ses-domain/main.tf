locals {
  mail_from_domain = "${var.mail_from_label}.${var.domain}"
  dkim = { for t in var.dkim_tokens : t => "${t}.dkim.amazonses.com" }
}

resource "aws_route53_record" "verification" {
  zone_id = var.zone_id
  name    = "_amazonses"
  type    = "TXT"
  ttl     = var.ttl
  records = [var.verification]
}

resource "aws_route53_record" "dkim" {
  for_each = local.dkim

  zone_id = var.zone_id
  name    = "${each.key}._domainkey.${var.domain}"
  type    = "CNAME"
  ttl     = var.ttl
  records = [each.value]
}

resource "aws_route53_record" "mail_from" {
  for_each = {
    MX  = "10 feedback-smtp.${var.region}.amazonses.com"
    TXT = "v=spf1 include:amazonses.com ~all"
  }

  zone_id = var.zone_id
  name    = local.mail_from_domain
  type    = each.key
  ttl     = var.ttl
  records = [each.value]
}
