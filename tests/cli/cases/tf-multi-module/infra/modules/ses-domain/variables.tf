variable "domain" {
  type = string
}

variable "zone_id" {
  type = string
}

variable "region" {
  type = string
}

variable "dkim_tokens" {
  type = list(string)
}

variable "verification" {
  type = string
}

variable "mail_from_label" {
  type    = string
  default = "bounce"
}

variable "ttl" {
  type    = number
  default = 1800
}
