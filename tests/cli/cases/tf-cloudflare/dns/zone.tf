variable "account_id" {
  type    = string
  default = "f037e56e89293a057740de681ac9abbe"
}

resource "cloudflare_zone" "main" {
  account_id = var.account_id
  zone       = "example.net"
  plan       = "free"
}

locals {
  ses_dkim = {
    "4ixtpnvpubjuxqvnex727otq55y2ew7w" = true  # proxied by mistake
    "tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo" = false
    "vtlb7vjp6beuml7w2oxu4h7zsvbruq2r" = false
  }
}
