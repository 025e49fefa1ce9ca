region = "eu-central-1"
ses_dkim_tokens = [
  "4hzwn5lmznmmjyl2pqf2agr3ueo2kf3d",
  "pulp7qjsqhdbso37ilwga3oqdtijlixr",
  "ti6gtbd5kklonhgd7z67u4gxjytipv6q",
]
