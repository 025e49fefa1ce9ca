resource "aws_route53_record" "dkim" {
  name    = "k1._domainkey"
  records = [<<EOT
v=DKIM1; k=rsa; p=MIGf
]
}
