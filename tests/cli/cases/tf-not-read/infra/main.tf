resource "azurerm_dns_zone" "main" {
  name                = "example.net"
  resource_group_name = "dns"
}

# name left out: azurerm serves it at the apex ("@", the default)
resource "azurerm_dns_mx_record" "mail" {
  zone_name           = azurerm_dns_zone.main.name
  resource_group_name = "dns"
  ttl                 = 3600
  record {
    preference = 10
    exchange   = "mail.example.net"
  }
}

resource "azurerm_dns_cname_record" "mail" {
  name                = "mail"
  zone_name           = azurerm_dns_zone.main.name
  resource_group_name = "dns"
  ttl                 = 3600
  record              = "mx.provider.example"
}
