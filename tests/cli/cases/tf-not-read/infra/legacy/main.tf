resource "njalla_record_txt" "spf" {
  domain  = "example.org"
  name    = "@"
  content = "v=spf1 include:_spf.mail.example -all"
  ttl     = 3600
}

resource "njalla_record_mx" "mx" {
  domain   = "example.org"
  name     = "@"
  content  = "mx.mail.example"
  priority = 10
  ttl      = 3600
}

resource "cloudns_dns_record" "dmarc" {
  name  = "_dmarc"
  zone  = "example.org"
  type  = "TXT"
  value = "v=DMARC1; p=quarantine; rua=dmarc@example.org"
  ttl   = 3600
}
