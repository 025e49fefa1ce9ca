# An environment root that calls many modules; one of them holds the DNS records.
module "bucket_00" {
  source = "./modules/bucket"
  name   = "assets-00"
}

module "bucket_01" {
  source = "./modules/bucket"
  name   = "assets-01"
}

module "bucket_02" {
  source = "./modules/bucket"
  name   = "assets-02"
}

module "bucket_03" {
  source = "./modules/bucket"
  name   = "assets-03"
}

module "bucket_04" {
  source = "./modules/bucket"
  name   = "assets-04"
}

module "bucket_05" {
  source = "./modules/bucket"
  name   = "assets-05"
}

module "bucket_06" {
  source = "./modules/bucket"
  name   = "assets-06"
}

module "bucket_07" {
  source = "./modules/bucket"
  name   = "assets-07"
}

module "bucket_08" {
  source = "./modules/bucket"
  name   = "assets-08"
}

module "bucket_09" {
  source = "./modules/bucket"
  name   = "assets-09"
}

module "bucket_10" {
  source = "./modules/bucket"
  name   = "assets-10"
}

module "bucket_11" {
  source = "./modules/bucket"
  name   = "assets-11"
}

module "bucket_12" {
  source = "./modules/bucket"
  name   = "assets-12"
}

module "bucket_13" {
  source = "./modules/bucket"
  name   = "assets-13"
}

module "bucket_14" {
  source = "./modules/bucket"
  name   = "assets-14"
}

module "bucket_15" {
  source = "./modules/bucket"
  name   = "assets-15"
}

module "bucket_16" {
  source = "./modules/bucket"
  name   = "assets-16"
}

module "bucket_17" {
  source = "./modules/bucket"
  name   = "assets-17"
}

module "bucket_18" {
  source = "./modules/bucket"
  name   = "assets-18"
}

module "bucket_19" {
  source = "./modules/bucket"
  name   = "assets-19"
}

module "bucket_20" {
  source = "./modules/bucket"
  name   = "assets-20"
}

module "bucket_21" {
  source = "./modules/bucket"
  name   = "assets-21"
}

module "bucket_22" {
  source = "./modules/bucket"
  name   = "assets-22"
}

module "bucket_23" {
  source = "./modules/bucket"
  name   = "assets-23"
}

module "bucket_24" {
  source = "./modules/bucket"
  name   = "assets-24"
}

module "bucket_25" {
  source = "./modules/bucket"
  name   = "assets-25"
}

module "bucket_26" {
  source = "./modules/bucket"
  name   = "assets-26"
}

module "bucket_27" {
  source = "./modules/bucket"
  name   = "assets-27"
}

module "bucket_28" {
  source = "./modules/bucket"
  name   = "assets-28"
}

module "bucket_29" {
  source = "./modules/bucket"
  name   = "assets-29"
}

module "bucket_30" {
  source = "./modules/bucket"
  name   = "assets-30"
}

module "bucket_31" {
  source = "./modules/bucket"
  name   = "assets-31"
}

module "bucket_32" {
  source = "./modules/bucket"
  name   = "assets-32"
}

module "bucket_33" {
  source = "./modules/bucket"
  name   = "assets-33"
}

module "bucket_34" {
  source = "./modules/bucket"
  name   = "assets-34"
}

module "bucket_35" {
  source = "./modules/bucket"
  name   = "assets-35"
}

module "bucket_36" {
  source = "./modules/bucket"
  name   = "assets-36"
}

module "bucket_37" {
  source = "./modules/bucket"
  name   = "assets-37"
}

module "bucket_38" {
  source = "./modules/bucket"
  name   = "assets-38"
}

module "bucket_39" {
  source = "./modules/bucket"
  name   = "assets-39"
}

module "bucket_40" {
  source = "./modules/bucket"
  name   = "assets-40"
}

module "bucket_41" {
  source = "./modules/bucket"
  name   = "assets-41"
}

module "bucket_42" {
  source = "./modules/bucket"
  name   = "assets-42"
}

module "bucket_43" {
  source = "./modules/bucket"
  name   = "assets-43"
}

module "bucket_44" {
  source = "./modules/bucket"
  name   = "assets-44"
}

module "bucket_45" {
  source = "./modules/bucket"
  name   = "assets-45"
}

module "bucket_46" {
  source = "./modules/bucket"
  name   = "assets-46"
}

module "bucket_47" {
  source = "./modules/bucket"
  name   = "assets-47"
}

module "bucket_48" {
  source = "./modules/bucket"
  name   = "assets-48"
}

module "bucket_49" {
  source = "./modules/bucket"
  name   = "assets-49"
}

module "bucket_50" {
  source = "./modules/bucket"
  name   = "assets-50"
}

module "bucket_51" {
  source = "./modules/bucket"
  name   = "assets-51"
}

module "bucket_52" {
  source = "./modules/bucket"
  name   = "assets-52"
}

module "bucket_53" {
  source = "./modules/bucket"
  name   = "assets-53"
}

module "bucket_54" {
  source = "./modules/bucket"
  name   = "assets-54"
}

module "bucket_55" {
  source = "./modules/bucket"
  name   = "assets-55"
}

module "bucket_56" {
  source = "./modules/bucket"
  name   = "assets-56"
}

module "bucket_57" {
  source = "./modules/bucket"
  name   = "assets-57"
}

module "bucket_58" {
  source = "./modules/bucket"
  name   = "assets-58"
}

module "bucket_59" {
  source = "./modules/bucket"
  name   = "assets-59"
}

module "bucket_60" {
  source = "./modules/bucket"
  name   = "assets-60"
}

module "bucket_61" {
  source = "./modules/bucket"
  name   = "assets-61"
}

module "bucket_62" {
  source = "./modules/bucket"
  name   = "assets-62"
}

module "bucket_63" {
  source = "./modules/bucket"
  name   = "assets-63"
}

module "bucket_64" {
  source = "./modules/bucket"
  name   = "assets-64"
}

module "bucket_65" {
  source = "./modules/bucket"
  name   = "assets-65"
}

module "bucket_66" {
  source = "./modules/bucket"
  name   = "assets-66"
}

module "bucket_67" {
  source = "./modules/bucket"
  name   = "assets-67"
}

module "bucket_68" {
  source = "./modules/bucket"
  name   = "assets-68"
}

module "bucket_69" {
  source = "./modules/bucket"
  name   = "assets-69"
}

module "bucket_70" {
  source = "./modules/bucket"
  name   = "assets-70"
}

module "bucket_71" {
  source = "./modules/bucket"
  name   = "assets-71"
}

module "bucket_72" {
  source = "./modules/bucket"
  name   = "assets-72"
}

module "bucket_73" {
  source = "./modules/bucket"
  name   = "assets-73"
}

module "bucket_74" {
  source = "./modules/bucket"
  name   = "assets-74"
}

module "bucket_75" {
  source = "./modules/bucket"
  name   = "assets-75"
}

module "bucket_76" {
  source = "./modules/bucket"
  name   = "assets-76"
}

module "bucket_77" {
  source = "./modules/bucket"
  name   = "assets-77"
}

module "bucket_78" {
  source = "./modules/bucket"
  name   = "assets-78"
}

module "bucket_79" {
  source = "./modules/bucket"
  name   = "assets-79"
}

module "bucket_80" {
  source = "./modules/bucket"
  name   = "assets-80"
}

module "bucket_81" {
  source = "./modules/bucket"
  name   = "assets-81"
}

module "bucket_82" {
  source = "./modules/bucket"
  name   = "assets-82"
}

module "bucket_83" {
  source = "./modules/bucket"
  name   = "assets-83"
}

module "bucket_84" {
  source = "./modules/bucket"
  name   = "assets-84"
}

module "bucket_85" {
  source = "./modules/bucket"
  name   = "assets-85"
}

module "bucket_86" {
  source = "./modules/bucket"
  name   = "assets-86"
}

module "bucket_87" {
  source = "./modules/bucket"
  name   = "assets-87"
}

module "bucket_88" {
  source = "./modules/bucket"
  name   = "assets-88"
}

module "bucket_89" {
  source = "./modules/bucket"
  name   = "assets-89"
}

module "mail" {
  source = "./modules/mail"
  domain = "example.com"
}
