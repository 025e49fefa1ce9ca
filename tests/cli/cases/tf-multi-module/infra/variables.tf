variable "region" {
  type    = string
  default = "us-east-1"
}

variable "domain" {
  type = string
}

variable "ses_dkim_tokens" {
  type    = list(string)
  default = []
}

variable "ses_verification_token" {
  type = string
}

variable "mx_hosts" {
  type    = list(string)
  default = ["aspmx.l.google.com", "alt1.aspmx.l.google.com"]
}
