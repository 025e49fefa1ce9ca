# One file per domain, named after it, as many DNS repositories do; the
# file name is not a zone: names are as the provider sees them.
variable "zone_id" {
  default = "Z08123456ABCDEFGHIJKL"
}

resource "aws_route53_record" "example_org_www" {
  zone_id = var.zone_id
  name    = "www.example.org"
  type    = "CNAME"
  ttl     = 300
  records = ["example-org.netlify.app"]
}

resource "aws_route53_record" "example_org_dmarc" {
  zone_id = var.zone_id
  name    = "_dmarc.example.org"
  type    = "TXT"
  ttl     = 300
  records = ["v=DMARC1; p=reject; rua=mailto:dmarc@example.org"]
}
