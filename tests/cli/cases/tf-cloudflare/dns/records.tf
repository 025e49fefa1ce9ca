resource "cloudflare_record" "apex" {
  zone_id = cloudflare_zone.main.id
  name    = "@"
  type    = "A"
  value   = "192.0.2.80"
  proxied = true
}

resource "cloudflare_record" "www" {
  zone_id = cloudflare_zone.main.id
  name    = "www"
  type    = "CNAME"
  value   = "example.net"
  proxied = true
}

resource "cloudflare_record" "mx" {
  zone_id  = cloudflare_zone.main.id
  name     = "example.net"
  type     = "MX"
  value    = "mx1.mail.example.com"
  priority = 10
}

resource "cloudflare_record" "ses_dkim" {
  for_each = local.ses_dkim

  zone_id = cloudflare_zone.main.id
  name    = "${each.key}._domainkey"
  type    = "CNAME"
  value   = "${each.key}.dkim.amazonses.com"
  proxied = each.value
  ttl     = 1
}

resource "cloudflare_dns_record" "spf" {
  zone_id = cloudflare_zone.main.id
  name    = "example.net"
  type    = "TXT"
  content = "v=spf1 include:amazonses.com -all"
  ttl     = 3600
}

resource "cloudflare_dns_record" "dmarc" {
  zone_id = cloudflare_zone.main.id
  name    = "_dmarc.example.net"
  type    = "TXT"
  content = "\"v=DMARC1; p=none; rua=mailto:dmarc@example.net\""
  ttl     = 3600
}
