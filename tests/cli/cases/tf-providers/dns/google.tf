resource "google_dns_managed_zone" "prod" {
  name     = "prod-zone"
  dns_name = "prod.example.com."
}

resource "google_dns_record_set" "www" {
  managed_zone = google_dns_managed_zone.prod.name
  name         = "www.${google_dns_managed_zone.prod.dns_name}"
  type         = "A"
  ttl          = 300
  rrdatas      = ["192.0.2.10", "192.0.2.11"]
}

resource "google_dns_record_set" "spf" {
  managed_zone = google_dns_managed_zone.prod.name
  name         = google_dns_managed_zone.prod.dns_name
  type         = "TXT"
  ttl          = 300
  rrdatas      = ["\"v=spf1 include:_spf.google.com ~all\""]
}

resource "google_dns_record_set" "mx" {
  managed_zone = google_dns_managed_zone.prod.name
  name         = google_dns_managed_zone.prod.dns_name
  type         = "MX"
  ttl          = 3600
  rrdatas = [
    "1 smtp.google.com.",
  ]
}
