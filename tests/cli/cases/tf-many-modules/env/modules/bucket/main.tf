variable "name" {}

resource "aws_s3_bucket" "b" {
  bucket = var.name
}

output "arn" {
  value = aws_s3_bucket.b.arn
}
