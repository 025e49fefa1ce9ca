variable "domain" {
  description = "Domain verified in SES"
  type        = string
  default     = "example.com"
}

variable "mail_from_subdomain" {
  description = "Custom MAIL FROM subdomain"
  type        = string
  default     = "bounce"
}

variable "aws_region" {
  type    = string
  default = "eu-west-1"
}

# Tokens copied from the SES console (Easy DKIM)
variable "dkim_tokens" {
  type = list(string)
  default = [
    "4ixtpnvpubjuxqvnex727otq55y2ew7w",
    "tmoxp5vgftwsmhkukt2z6ayvfj5bw7zo",
    "vtlb7vjp6beuml7w2oxu4h7zsvbruq2r",
  ]
}
