# The landing site at the apex of a Cloudflare zone: Cloudflare flattens
# the CNAME (answers A/AAAA with the target's addresses), and the apex MX
# and TXT stay served. The same CNAME at the apex of a Route 53 zone is
# refused.
data "cloudflare_zone" "main" {
  name = "example.org"
}

resource "cloudflare_record" "apex" {
  zone_id = data.cloudflare_zone.main.id
  name    = "@"
  type    = "CNAME"
  content = "example-org.github.io"
  proxied = false
}

resource "cloudflare_record" "mx" {
  zone_id  = data.cloudflare_zone.main.id
  name     = "@"
  type     = "MX"
  content  = "mx.mail.example.net"
  priority = 10
}

resource "cloudflare_record" "spf" {
  zone_id = data.cloudflare_zone.main.id
  name    = "@"
  type    = "TXT"
  content = "v=spf1 include:mail.example.net -all"
}

# A second zone on Cloudflare: an A record next to the apex CNAME is a
# conflict there too (one name is an address or an alias).
data "cloudflare_zone" "other" {
  filter = { name = "example.com" }
}

resource "cloudflare_dns_record" "other_apex" {
  zone_id = data.cloudflare_zone.other.id
  name    = "@"
  type    = "CNAME"
  content = "example-com.github.io"
  ttl     = 1
  proxied = false
}

resource "cloudflare_dns_record" "other_a" {
  zone_id = data.cloudflare_zone.other.id
  name    = "@"
  type    = "A"
  content = "192.0.2.7"
  ttl     = 1
  proxied = false
}

resource "aws_route53_zone" "aws" {
  name = "example.net"
}

resource "aws_route53_record" "aws_apex" {
  zone_id = aws_route53_zone.aws.zone_id
  name    = ""
  type    = "CNAME"
  ttl     = 300
  records = ["example-net.github.io"]
}
