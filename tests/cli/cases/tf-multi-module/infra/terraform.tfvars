domain                 = "example.io"
ses_verification_token = "fmxqxT/icOYx4aA/bEUrDPMeax9/s3frblS+niixmqk="
