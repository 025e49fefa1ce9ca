domain  = "example.org"
zone_id = "Z0123456789ABCDEFGHIJ"
