resource "azurerm_resource_group" "dns" {
  name     = "rg-dns"
  location = "westeurope"
}

resource "azurerm_dns_zone" "corp" {
  name                = "corp.example.org"
  resource_group_name = azurerm_resource_group.dns.name
}

resource "azurerm_dns_a_record" "intranet" {
  name                = "intranet"
  zone_name           = azurerm_dns_zone.corp.name
  resource_group_name = azurerm_resource_group.dns.name
  ttl                 = 300
  records             = ["198.51.100.7"]
}

resource "azurerm_dns_mx_record" "apex" {
  name                = "@"
  zone_name           = azurerm_dns_zone.corp.name
  resource_group_name = azurerm_resource_group.dns.name
  ttl                 = 3600

  record {
    preference = 0
    exchange   = "corp-example-org.mail.protection.outlook.com"
  }
}

resource "azurerm_dns_txt_record" "spf" {
  name                = "@"
  zone_name           = azurerm_dns_zone.corp.name
  resource_group_name = azurerm_resource_group.dns.name
  ttl                 = 3600

  record {
    value = "v=spf1 include:spf.protection.outlook.com -all"
  }
}

resource "azurerm_dns_cname_record" "autodiscover" {
  name                = "autodiscover"
  zone_name           = azurerm_dns_zone.corp.name
  resource_group_name = azurerm_resource_group.dns.name
  ttl                 = 3600
  record              = "autodiscover.outlook.com"
}
