# Turns `zonelint print` output (owner TAB ttl TAB class TAB type TAB rdata)
# into a provider export of the same records, for `make bench` (tools/bench.sh):
#
#   awk -v format=route53 -v origin=example.com. -f tools/bench-export.awk FILE
#       aws route53 list-resource-record-sets JSON, one record set per
#       (name, type, TTL), names with Route 53's octal escapes (\052 for *)
#   awk -v format=octodns -v origin=example.com. -f tools/bench-export.awk FILE
#       an octoDNS YamlProvider zone file: names relative to the zone, one
#       record per (name, type), values as octoDNS stores them (\; in TXT)
#
# Record sets keep the order of their first record; the SOA is left out of
# the octoDNS file (octoDNS does not manage it).
BEGIN {
    FS = "\t"
    if (format != "route53" && format != "octodns") {
        print "bench-export.awk: -v format=route53|octodns" > "/dev/stderr"
        exit 2
    }
    suffix = "." origin
}

# Joins the pieces of s split at sep with rep between them (gsub's
# replacement escapes differ between awks; concatenation does not).
function replace_all(s, sep, rep,    n, i, a, out) {
    n = split(s, a, sep)
    out = a[1]
    for (i = 2; i <= n; i++)
        out = out rep a[i]
    return out
}

function json_str(s) {
    if (index(s, "\\"))
        s = replace_all(s, "\\", "\\\\")
    if (index(s, "\""))
        s = replace_all(s, "\"", "\\\"")
    return "\"" s "\""
}

function yaml_str(s) {
    gsub(/'/, "''", s)
    return "'" s "'"
}

# A TXT value as octoDNS stores it: the strings joined, ';' escaped.
function octodns_txt(v,    out, n, i, parts) {
    out = ""
    n = split(v, parts, /" "/)
    for (i = 1; i <= n; i++)
        out = out parts[i]
    sub(/^"/, "", out)
    sub(/"$/, "", out)
    gsub(/;/, "\\;", out)
    return out
}

{
    owner = $1; ttl = $2; type = $4; rdata = $5
    if (format == "route53") {
        key = owner SUBSEP type SUBSEP ttl
        if (!(key in nvals)) {
            order[++nsets] = key
            set_owner[key] = owner; set_type[key] = type; set_ttl[key] = ttl
        }
        vals[key, ++nvals[key]] = rdata
        next
    }
    if (type == "SOA")
        next
    if (owner == origin)
        rel = ""
    else if (length(owner) > length(suffix) && substr(owner, length(owner) - length(suffix) + 1) == suffix)
        rel = substr(owner, 1, length(owner) - length(suffix))
    else
        next
    if (!(rel in ntypes))
        owners[++nowners] = rel
    key = rel SUBSEP type
    if (!(key in nvals)) {
        types[rel, ++ntypes[rel]] = type
        set_ttl[key] = ttl
    }
    vals[key, ++nvals[key]] = rdata
}

function route53(    i, k, key, name) {
    print "{"
    print "    \"ResourceRecordSets\": ["
    for (i = 1; i <= nsets; i++) {
        key = order[i]
        name = set_owner[key]
        gsub(/\*/, "\\052", name)
        print "        {"
        print "            \"Name\": " json_str(name) ","
        print "            \"Type\": \"" set_type[key] "\","
        print "            \"TTL\": " set_ttl[key] ","
        print "            \"ResourceRecords\": ["
        for (k = 1; k <= nvals[key]; k++) {
            print "                {"
            print "                    \"Value\": " json_str(vals[key, k])
            print "                }" (k < nvals[key] ? "," : "")
        }
        print "            ]"
        print "        }" (i < nsets ? "," : "")
    }
    print "    ]"
    print "}"
}

function octodns_value(type, v,    f, n) {
    n = split(v, f, " ")
    if (type == "MX")
        return "exchange: " yaml_str(f[2]) "\n        preference: " f[1]
    if (type == "SRV")
        return "port: " f[3] "\n        priority: " f[1] "\n        target: " yaml_str(f[4]) "\n        weight: " f[2]
    if (type == "CAA") {
        sub(/^[^ ]+ [^ ]+ /, "", v)
        sub(/^"/, "", v)
        sub(/"$/, "", v)
        return "flags: " f[1] "\n        tag: " f[2] "\n        value: " yaml_str(v)
    }
    if (type == "DS") {
        sub(/^[^ ]+ [^ ]+ [^ ]+ /, "", v)
        gsub(/ /, "", v)
        return "algorithm: " f[2] "\n        digest: " yaml_str(v) "\n        digest_type: " f[3] "\n        key_tag: " f[1]
    }
    if (type == "TXT" || type == "SPF")
        return yaml_str(octodns_txt(v))
    return yaml_str(v)
}

function octodns(    i, j, k, rel, type, key) {
    print "---"
    for (i = 1; i <= nowners; i++) {
        rel = owners[i]
        print yaml_str(rel) ":"
        for (j = 1; j <= ntypes[rel]; j++) {
            type = types[rel, j]
            key = rel SUBSEP type
            print "  - type: " type
            if (set_ttl[key] != 3600)
                print "    ttl: " set_ttl[key]
            print "    values:"
            for (k = 1; k <= nvals[key]; k++)
                print "      - " octodns_value(type, vals[key, k])
        }
    }
}

END {
    if (format == "route53")
        route53()
    else if (format == "octodns")
        octodns()
}
