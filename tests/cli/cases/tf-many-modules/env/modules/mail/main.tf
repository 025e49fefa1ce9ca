variable "domain" {}

resource "aws_route53_zone" "z" {
  name = var.domain
}

resource "aws_route53_record" "dmarc" {
  zone_id = aws_route53_zone.z.zone_id
  name    = "_dmarc.${var.domain}"
  type    = "TXT"
  ttl     = 300
  records = ["v=DMARC1; p=nonee; rua=mailto:dmarc@${var.domain}"]
}
