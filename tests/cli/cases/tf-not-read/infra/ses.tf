resource "aws_ses_domain_identity" "id" {
  domain = "example.com"
}

resource "aws_ses_domain_dkim" "dkim" {
  domain = aws_ses_domain_identity.id.domain
}

resource "aws_route53_zone" "com" {
  name = "example.com"
}

resource "aws_route53_record" "dkim" {
  count   = 3
  zone_id = aws_route53_zone.com.zone_id
  name    = "${aws_ses_domain_dkim.dkim.dkim_tokens[count.index]}._domainkey"
  type    = "CNAME"
  ttl     = 600
  records = ["${aws_ses_domain_dkim.dkim.dkim_tokens[count.index]}.dkim.amazonses.com"]
}
