# Splits the instructions of a callgrind run of zonelint (valgrind
# --tool=callgrind --dump-instr=no) into the stages of a record's way:
#
#   awk -f tools/cg-phases.awk callgrind.out
#
# prints "phase instructions" lines: total, scanner (flex, with the token
# callbacks it makes), parser (bison and the grammar actions), building
# (owner, TTL, class and the record around the RDATA), rdata (presentation
# text to wire), output (`print`: the record back to text), rules (the
# engine and every rule pass, zone passes included), reader (a JSON/YAML
# export's reader: libyaml and the walk over it) and other (start-up,
# option and config handling, exit). Each is the inclusive cost of the
# functions that start the stage, less the stages nested in it (the call
# graph of one run: callgrind records every call's inclusive cost).
function fname(line,    s, id, rest) {
    s = substr(line, index(line, "=") + 1)
    if (substr(s, 1, 1) != "(")
        return s
    id = substr(s, 2, index(s, ")") - 2)
    rest = substr(s, index(s, ")") + 1)
    sub(/^ /, "", rest)
    if (rest != "")
        names[id] = rest
    return names[id]
}
/^summary:/ { total = $2; next }
/^fn=/ { cur = fname($0); incall = 0; next }
/^cfn=/ { callee = fname($0); next }
/^calls=/ { incall = 1; next }
/^[0-9+*-]/ {
    if (incall) {
        if (callee != cur)
            edge[cur, callee] += $NF
        out[cur] += $NF
        incall = 0
    } else {
        self[cur] += $NF
    }
    next
}
function I(f) { return self[f] + out[f] }
END {
    nb = split("zl_p_owner zl_p_owner_inherit zl_p_ttl zl_p_class zl_p_type", build, " ")
    output = I("print_record")
    per_record = I("on_record")          # the engine and the rules, record by record
    rules = per_record + I("zl_engine_end")
    rdata = I("zl_rdata_parse")
    building = I("zl_p_record_end") - rdata - output - per_record
    scanner = I("zl_yylex")
    for (i = 1; i <= nb; i++) {
        building += I(build[i])
        scanner -= edge["zl_yylex", build[i]]
    }
    parser = 0
    reader = 0
    if (I("zl_yyparse") > 0) {
        parser = I("zl_yyparse") - scanner - building - rdata - output - per_record
    } else {
        building = 0
        scanner = 0
        reader = I("zl_read_input") - rdata - output - per_record
    }
    other = total - scanner - parser - building - rdata - output - rules - reader
    printf "total %.0f\nscanner %.0f\nparser %.0f\nbuilding %.0f\nrdata %.0f\noutput %.0f\nrules %.0f\nreader %.0f\nother %.0f\n",
        total, scanner, parser, building, rdata, output, rules, reader, other
}
