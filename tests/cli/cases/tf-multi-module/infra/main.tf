provider "aws" {
  region = var.region
}

resource "aws_route53_zone" "primary" {
  name    = var.domain
  comment = "Managed by Terraform"
}

module "ses" {
  source = "./modules/ses-domain"

  domain          = aws_route53_zone.primary.name
  zone_id         = aws_route53_zone.primary.zone_id
  region          = var.region
  dkim_tokens     = var.ses_dkim_tokens
  verification    = var.ses_verification_token
  mail_from_label = "mail"
}

resource "aws_route53_record" "apex_mx" {
  zone_id = aws_route53_zone.primary.zone_id
  name    = ""
  type    = "MX"
  ttl     = 3600
  records = [for i, host in var.mx_hosts : "${(i + 1) * 10} ${host}."]
}
