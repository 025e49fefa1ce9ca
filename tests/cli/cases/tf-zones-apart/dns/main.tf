# Two domains on Cloudflare, one module per domain (provider v5: the zone
# is looked up with filter = { name = ... }), and a third whose zone is
# found by a search, so its name is not known here.
data "cloudflare_zone" "shop" {
  filter = { name = "shop.example" }
}

data "cloudflare_zone" "blog" {
  filter = { name = "blog.example" }
}

data "cloudflare_zone" "lab" {
  filter = { name = "contains:lab" }
}

module "shop" {
  source  = "./modules/site"
  zone_id = data.cloudflare_zone.shop.id
  policy  = "reject"
  web     = "shop-example.pages.dev"
}

module "blog" {
  source  = "./modules/site"
  zone_id = data.cloudflare_zone.blog.id
  policy  = "quarantine"
  web     = "blog-example.pages.dev"
}

module "lab" {
  source  = "./modules/site"
  zone_id = data.cloudflare_zone.lab.id
  policy  = "none"
  web     = "lab-example.pages.dev"
}

# The blog's www is also an A record: a real conflict in one zone.
resource "cloudflare_dns_record" "blog_www_a" {
  zone_id = data.cloudflare_zone.blog.id
  name    = "www"
  type    = "A"
  content = "192.0.2.10"
  ttl     = 1
  proxied = false
}
