resource "aws_route53_record" "x" {
  name = "${var.a"
}
