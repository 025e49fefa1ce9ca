module "ses" {
  source = "../../../cli"
}
