variable "hosts" {
  type = map(string)
}

resource "aws_route53_record" "hosts" {
  for_each = var.hosts
  zone_id  = aws_route53_zone.com.zone_id
  name     = each.key
  type     = "A"
  ttl      = 300
  records  = [each.value]
}

module "legacy" {
  source = "./legacy"
}

module "gone" {
  source = "./modules/removed"
}
