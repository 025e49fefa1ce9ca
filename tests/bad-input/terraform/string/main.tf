resource "cloudflare_record" "spf" {
  value = "v=spf1 include:_spf.example.com
  -all"
}
