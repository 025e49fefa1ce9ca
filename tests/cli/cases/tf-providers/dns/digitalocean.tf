resource "digitalocean_domain" "shop" {
  name = "shop.example.net"
}

resource "digitalocean_record" "www" {
  domain = digitalocean_domain.shop.id
  type   = "CNAME"
  name   = "www"
  value  = "@"
}

resource "digitalocean_record" "mx" {
  domain   = digitalocean_domain.shop.id
  type     = "MX"
  name     = "@"
  priority = 10
  value    = "mx.example.net."
  ttl      = 3600
}

resource "digitalocean_record" "verify" {
  domain = digitalocean_domain.shop.name
  type   = "TXT"
  name   = "_github-challenge-shop"
  value  = "8f3b2c1d0e"
}
