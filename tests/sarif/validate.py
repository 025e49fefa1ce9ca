#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Validates SARIF files against the SARIF 2.1.0 JSON schema.

usage: validate.py [--schema SCHEMA] FILE...

The schema defaults to shared/schemas/sarif-schema-2.1.0.json beside the
repository (../shared from the repo root, as laid out for developers and CI).
Formats (uri, uri-reference, date-time) are checked when jsonschema can.
Besides the schema, checks what GitHub code scanning requires and the schema
leaves optional: a driver name, rules with id and descriptions, results with
ruleId, message.text, a location with artifactLocation.uri and startLine.

Exit: 0 valid, 1 invalid, 2 usage or unreadable input, 77 skipped (the
schema file or the jsonschema module is missing; automake's "skip" code).
"""

import json
import os
import re
import sys

SKIP = 77


def find_schema():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    for base in (repo, os.getcwd()):
        cand = os.path.join(base, "..", "shared", "schemas", "sarif-schema-2.1.0.json")
        if os.path.isfile(cand):
            return os.path.normpath(cand)
    return None


# RFC 3986 URI-reference characters, with every '%' starting an escape. The
# schema is draft-04, whose format checker does not know "uri-reference".
URI_REF = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")


def uri_problems(node, where, out):
    """Every artifactLocation.uri anywhere in the log must be a URI reference."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "uri" and isinstance(v, str) and not URI_REF.match(v):
                out.append("%s/uri: not an RFC 3986 URI reference: %r" % (where, v))
            else:
                uri_problems(v, "%s/%s" % (where, k), out)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            uri_problems(v, "%s/%d" % (where, i), out)


def github_problems(log):
    """What GitHub's SARIF upload needs beyond the schema."""
    out = []
    uri_problems(log, "", out)
    for ri, run in enumerate(log.get("runs", [])):
        driver = run.get("tool", {}).get("driver", {})
        if not driver.get("name"):
            out.append("runs[%d].tool.driver.name missing" % ri)
        rules = driver.get("rules", [])
        ids = [r.get("id") for r in rules]
        if len(set(ids)) != len(ids):
            out.append("runs[%d]: duplicate rule ids" % ri)
        for i, rule in enumerate(rules):
            for key in ("shortDescription", "fullDescription", "help"):
                if not rule.get(key, {}).get("text"):
                    out.append("runs[%d].rules[%d].%s.text missing" % (ri, i, key))
        if "results" not in run:
            out.append("runs[%d].results missing" % ri)
        for i, res in enumerate(run.get("results", [])):
            where = "runs[%d].results[%d]" % (ri, i)
            if not res.get("ruleId"):
                out.append(where + ".ruleId missing")
            idx = res.get("ruleIndex")
            if idx is not None and (idx >= len(rules) or rules[idx].get("id") != res.get("ruleId")):
                out.append(where + ".ruleIndex does not point at ruleId")
            if not res.get("message", {}).get("text"):
                out.append(where + ".message.text missing")
            locs = res.get("locations") or []
            if not locs:
                out.append(where + ".locations empty")
            for loc in locs[:1]:
                pl = loc.get("physicalLocation", {})
                if not pl.get("artifactLocation", {}).get("uri"):
                    out.append(where + ": artifactLocation.uri missing")
                if "startLine" not in pl.get("region", {}):
                    out.append(where + ": region.startLine missing")
    return out


def main(argv):
    args = argv[1:]
    schema_path = None
    if len(args) >= 2 and args[0] == "--schema":
        schema_path = args[1]
        args = args[2:]
    if not args or any(a.startswith("-") and a != "-" for a in args):
        sys.stderr.write(__doc__)
        return 2
    try:
        import jsonschema
    except ImportError:
        print("skip: python3 module jsonschema missing (Debian: python3-jsonschema)")
        return SKIP
    schema_path = schema_path or find_schema()
    if not schema_path or not os.path.isfile(schema_path):
        print("skip: SARIF schema not found (expected ../shared/schemas/sarif-schema-2.1.0.json)")
        return SKIP
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)

    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=getattr(cls, "FORMAT_CHECKER", jsonschema.FormatChecker()))

    status = 0
    for path in args:
        try:
            if path == "-":
                log = json.load(sys.stdin)
            else:
                with open(path, "rb") as f:
                    log = json.loads(f.read().decode("utf-8"))
        except (OSError, ValueError) as e:
            print("%s: cannot read as JSON: %s" % (path, e))
            return 2
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
        problems = ["%s: %s" % ("/".join(map(str, e.absolute_path)) or "(root)", e.message)
                    for e in errors]
        problems += github_problems(log)
        if problems:
            status = 1
            for p in problems[:50]:
                print("%s: %s" % (path, p))
        else:
            print("%s: valid SARIF 2.1.0" % path)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
