/* SPDX-License-Identifier: MIT */
/* gh-check: the checks tests/github/run.sh needs on action.yml and the
 * problem matcher, with real parsers (libyaml, jansson, POSIX regex) instead
 * of grep.
 *
 *   gh-check action action.yml
 *       validates the composite action and prints its number of steps:
 *       every input has a description (and a default unless required),
 *       runs.using is composite, every step has a name and either `run`
 *       with `shell` or a pinned `uses`; ${{ }} expressions name declared
 *       inputs, outputs of earlier steps that their script writes, or
 *       github.action_path / runner.os|arch|temp, and never appear inside a
 *       script (inputs reach scripts through env:); every input is used.
 *   gh-check inputs action.yml
 *       prints `inputs.NAME=DEFAULT` for every input (the runner's defaults).
 *   gh-check step action.yml N CONTEXT OUTDIR
 *       writes step N (from 0) for the shell to run: OUTDIR/uses (the
 *       action it calls), or OUTDIR/run.sh, OUTDIR/env.sh (export lines,
 *       expressions replaced from CONTEXT, a file of `expr=value` lines)
 *       and OUTDIR/id.
 *   gh-check matcher MATCHER.json GCC.txt FINDINGS.json
 *       validates the matcher as the runner does (owner, severity, group
 *       numbers, a message), checks that each regexp means the same in
 *       JavaScript and POSIX (no \d, lazy quantifiers, (?...), [^]...),
 *       and that every line of GCC.txt is matched by exactly one pattern
 *       whose groups give the file, line, column, severity, code and
 *       message of the same finding in FINDINGS.json (zonelint's JSON of
 *       the same run).
 *   gh-check sarif FILE
 *       FILE is JSON with version 2.1.0 and a zonelint run.
 * Exit status 0 when all is well, 1 with messages on stderr otherwise. */
#include <regex.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <yaml.h>

static int errors;

static void complain(const char *fmt, const char *a, const char *b)
{
    fputs("gh-check: ", stderr);
    fprintf(stderr, fmt, a, b ? b : "");
    fputc('\n', stderr);
    errors++;
}

/* ---- YAML ----------------------------------------------------------------------- */

static yaml_document_t doc;

static void load_yaml(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        complain("cannot open %s%s", path, NULL);
        exit(1);
    }
    yaml_parser_t p;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_file(&p, f);
    if (!yaml_parser_load(&p, &doc) || !yaml_document_get_root_node(&doc)) {
        fprintf(stderr, "gh-check: %s: YAML error at line %lu: %s\n", path,
                (unsigned long)p.problem_mark.line + 1, p.problem ? p.problem : "empty document");
        exit(1);
    }
    yaml_parser_delete(&p);
    fclose(f);
}

static yaml_node_t *node(int id)
{
    return id ? yaml_document_get_node(&doc, id) : NULL;
}

static const char *scalar(yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static yaml_node_t *get(yaml_node_t *map, const char *key)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return NULL;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        const char *k = scalar(node(p->key));
        if (k && !strcmp(k, key))
            return node(p->value);
    }
    return NULL;
}

static size_t seq_len(yaml_node_t *n)
{
    return n && n->type == YAML_SEQUENCE_NODE ? (size_t)(n->data.sequence.items.top - n->data.sequence.items.start)
                                              : 0;
}

static yaml_node_t *seq_at(yaml_node_t *n, size_t i)
{
    return node(n->data.sequence.items.start[i]);
}

/* ---- expressions ---------------------------------------------------------------- */

struct ctx {
    yaml_node_t *inputs, *steps;
    size_t step;       /* the step being checked: outputs of earlier ones only */
    bool *used;        /* per input */
};

static size_t input_index(yaml_node_t *inputs, const char *name)
{
    size_t i = 0;
    for (yaml_node_pair_t *p = inputs->data.mapping.pairs.start; p < inputs->data.mapping.pairs.top; p++, i++) {
        const char *k = scalar(node(p->key));
        if (k && !strcmp(k, name))
            return i;
    }
    return (size_t)-1;
}

/* Is `expr` (trimmed) one this action may use at this step? */
static bool expr_ok(struct ctx *c, const char *expr)
{
    static const char *const fixed[] = { "github.action_path", "runner.os", "runner.arch", "runner.temp" };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        if (!strcmp(expr, fixed[i]))
            return true;
    if (!strncmp(expr, "inputs.", 7)) {
        size_t k = c->inputs ? input_index(c->inputs, expr + 7) : (size_t)-1;
        if (k == (size_t)-1)
            return false;
        c->used[k] = true;
        return true;
    }
    if (!strncmp(expr, "steps.", 6)) {
        const char *id = expr + 6, *dot = strstr(id, ".outputs.");
        if (!dot)
            return false;
        const char *out = dot + 9;
        for (size_t i = 0; i < c->step && i < seq_len(c->steps); i++) {
            yaml_node_t *s = seq_at(c->steps, i);
            const char *sid = scalar(get(s, "id")), *run = scalar(get(s, "run"));
            if (!sid || strlen(sid) != (size_t)(dot - id) || strncmp(sid, id, (size_t)(dot - id)))
                continue;
            /* the step's script must write that output */
            char want[256];
            snprintf(want, sizeof want, "echo \"%s=", out);
            return run && strstr(run, want);
        }
        return false;
    }
    return false;
}

/* Calls fn for each ${{ expr }} in s; returns false when one is unclosed. */
static bool each_expr(const char *s, void (*fn)(void *, const char *), void *user)
{
    for (const char *p = strstr(s, "${{"); p; p = strstr(p, "${{")) {
        const char *end = strstr(p, "}}");
        if (!end)
            return false;
        char expr[256];
        const char *a = p + 3, *b = end;
        while (a < b && *a == ' ')
            a++;
        while (b > a && b[-1] == ' ')
            b--;
        snprintf(expr, sizeof expr, "%.*s", (int)(b - a), a);
        fn(user, expr);
        p = end + 2;
    }
    return true;
}

static void check_one(void *user, const char *expr)
{
    if (!expr_ok(user, expr))
        complain("action.yml: expression '${{ %s }}' names nothing this step may use%s", expr, NULL);
}

static void check_exprs(struct ctx *c, yaml_node_t *n)
{
    if (!n)
        return;
    if (n->type == YAML_SCALAR_NODE) {
        if (!each_expr(scalar(n), check_one, c))
            complain("action.yml: unclosed ${{ in '%s'%s", scalar(n), NULL);
    } else if (n->type == YAML_MAPPING_NODE) {
        for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++)
            check_exprs(c, node(p->value));
    } else {
        for (size_t i = 0; i < seq_len(n); i++)
            check_exprs(c, seq_at(n, i));
    }
}

/* ---- gh-check action ---------------------------------------------------------------- */

static int cmd_action(const char *path)
{
    load_yaml(path);
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (!scalar(get(root, "name")) || !scalar(get(root, "description")))
        complain("%s: needs a name and a description%s", path, NULL);
    yaml_node_t *inputs = get(root, "inputs"), *runs = get(root, "runs");
    size_t ninputs = 0;
    if (inputs) {
        if (inputs->type != YAML_MAPPING_NODE) {
            complain("%s: inputs is not a mapping%s", path, NULL);
            inputs = NULL;
        } else {
            ninputs = (size_t)(inputs->data.mapping.pairs.top - inputs->data.mapping.pairs.start);
        }
    }
    for (size_t i = 0; i < ninputs; i++) {
        yaml_node_pair_t *p = &inputs->data.mapping.pairs.start[i];
        const char *name = scalar(node(p->key));
        yaml_node_t *in = node(p->value);
        const char *req = scalar(get(in, "required"));
        if (!scalar(get(in, "description")))
            complain("%s: input '%s' has no description", path, name);
        if (!(req && !strcmp(req, "true")) && !get(in, "default"))
            complain("%s: optional input '%s' has no default", path, name);
    }
    const char *using = scalar(get(runs, "using"));
    if (!using || strcmp(using, "composite") != 0)
        complain("%s: runs.using is '%s', not composite", path, using ? using : "(none)");
    yaml_node_t *steps = get(runs, "steps");
    size_t n = seq_len(steps);
    if (!n)
        complain("%s: runs.steps is empty%s", path, NULL);
    bool used[64] = { false };
    if (ninputs > 64)
        complain("%s: too many inputs%s", path, NULL);
    struct ctx c = { inputs, steps, 0, used };
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *s = seq_at(steps, i);
        const char *name = scalar(get(s, "name")), *run = scalar(get(s, "run")), *uses = scalar(get(s, "uses"));
        const char *id = scalar(get(s, "id"));
        char label[64];
        snprintf(label, sizeof label, "step %zu", i + 1);
        if (!name)
            complain("%s: %s has no name", path, label);
        if (!run == !uses)
            complain("%s: %s needs exactly one of run and uses", path, label);
        if (run && !scalar(get(s, "shell")))
            complain("%s: %s runs a script without shell:", path, label);
        if (run && strstr(run, "${{"))
            complain("%s: %s has ${{ }} inside its script; pass values through env:", path, label);
        if (uses) {
            const char *at = strchr(uses, '@');
            if (!at || !strchr(uses, '/') || !at[1])
                complain("%s: 'uses: %s' is not pinned to a version", path, uses);
        }
        for (size_t k = 0; id && k < i; k++)
            if (scalar(get(seq_at(steps, k), "id")) && !strcmp(scalar(get(seq_at(steps, k), "id")), id))
                complain("%s: two steps have the id '%s'", path, id);
        c.step = i;
        check_exprs(&c, get(s, "env"));
        check_exprs(&c, get(s, "with"));
        check_exprs(&c, get(s, "if"));
    }
    /* outputs may name any step */
    c.step = n;
    yaml_node_t *outputs = get(root, "outputs");
    if (outputs && outputs->type == YAML_MAPPING_NODE)
        for (yaml_node_pair_t *p = outputs->data.mapping.pairs.start; p < outputs->data.mapping.pairs.top; p++) {
            yaml_node_t *o = node(p->value);
            if (!scalar(get(o, "description")) || !scalar(get(o, "value")))
                complain("%s: output '%s' needs a description and a value", path, scalar(node(p->key)));
            check_exprs(&c, get(o, "value"));
        }
    for (size_t i = 0; i < ninputs && i < 64; i++)
        if (!used[i])
            complain("%s: input '%s' is never used", path, scalar(node(inputs->data.mapping.pairs.start[i].key)));
    if (!errors)
        printf("%zu\n", n);
    return errors ? 1 : 0;
}

/* ---- gh-check step ------------------------------------------------------------------ */

struct expand {
    const char *ctxfile;
    FILE *out;
    bool ok;
};

static bool lookup(const char *ctxfile, const char *expr, char *val, size_t cap)
{
    FILE *f = fopen(ctxfile, "r");
    if (!f)
        return false;
    char line[8192];
    size_t n = strlen(expr);
    bool found = false;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (!strncmp(line, expr, n) && line[n] == '=') {
            snprintf(val, cap, "%s", line + n + 1); /* the last one wins */
            found = true;
        }
    }
    fclose(f);
    return found;
}

static void put_sq_char(FILE *out, char ch)
{
    if (ch == '\'')
        fputs("'\\''", out);
    else
        fputc(ch, out);
}

/* Writes s single-quoted for sh, expressions replaced. */
static bool put_expanded(FILE *out, const char *ctxfile, const char *s)
{
    fputc('\'', out);
    for (const char *p = s; *p;) {
        if (!strncmp(p, "${{", 3)) {
            const char *end = strstr(p, "}}");
            if (!end)
                return false;
            char expr[256], val[8192];
            const char *a = p + 3, *b = end;
            while (a < b && *a == ' ')
                a++;
            while (b > a && b[-1] == ' ')
                b--;
            snprintf(expr, sizeof expr, "%.*s", (int)(b - a), a);
            if (!lookup(ctxfile, expr, val, sizeof val)) {
                complain("no value for '${{ %s }}' in %s", expr, ctxfile);
                return false;
            }
            for (const char *v = val; *v; v++)
                put_sq_char(out, *v);
            p = end + 2;
        } else {
            put_sq_char(out, *p++);
        }
    }
    fputs("'\n", out);
    return true;
}

static FILE *open_out(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        complain("cannot write %s%s", path, NULL);
        exit(1);
    }
    return f;
}

static int cmd_step(const char *path, const char *num, const char *ctxfile, const char *dir)
{
    load_yaml(path);
    yaml_node_t *steps = get(get(yaml_document_get_root_node(&doc), "runs"), "steps");
    size_t i = (size_t)strtoul(num, NULL, 10);
    if (i >= seq_len(steps)) {
        complain("%s has no step %s", path, num);
        return 1;
    }
    yaml_node_t *s = seq_at(steps, i);
    const char *uses = scalar(get(s, "uses")), *run = scalar(get(s, "run")), *id = scalar(get(s, "id"));
    FILE *f = open_out(dir, "id");
    fprintf(f, "%s\n", id ? id : "");
    fclose(f);
    if (uses) {
        f = open_out(dir, "uses");
        fprintf(f, "%s\n", uses);
        fclose(f);
        return 0;
    }
    f = open_out(dir, "run.sh");
    fputs(run ? run : "", f);
    fclose(f);
    f = open_out(dir, "env.sh");
    yaml_node_t *env = get(s, "env");
    if (env && env->type == YAML_MAPPING_NODE)
        for (yaml_node_pair_t *p = env->data.mapping.pairs.start; p < env->data.mapping.pairs.top; p++) {
            fprintf(f, "export %s=", scalar(node(p->key)));
            if (!put_expanded(f, ctxfile, scalar(node(p->value)) ? scalar(node(p->value)) : ""))
                errors++;
        }
    fclose(f);
    return errors ? 1 : 0;
}

/* ---- gh-check matcher --------------------------------------------------------------- */

/* The runner reads regexps as ECMAScript (.NET RegexOptions.ECMAScript);
 * this check reads them as POSIX ERE. Only constructs that mean the same
 * in both are allowed. */
static bool portable(const char *re, const char **why)
{
    for (const char *p = re; *p; p++) {
        if (*p == '\\') {
            if (!p[1] || !strchr("[](){}.*+?^$|\\/-", p[1])) {
                *why = "a backslash class or escape (\\d, \\s, \\w, \\b, \\1...) differs between JavaScript and POSIX";
                return false;
            }
            p++;
        } else if (*p == '(' && p[1] == '?') {
            *why = "(?...) groups do not exist in POSIX";
            return false;
        } else if (strchr("*+?}", *p) && p[1] == '?') {
            *why = "lazy quantifiers do not exist in POSIX";
            return false;
        } else if (*p == '[' && (p[1] == ']' || (p[1] == '^' && p[2] == ']'))) {
            *why = "[] and [^] mean different things in JavaScript and POSIX";
            return false;
        }
    }
    return true;
}

struct pattern {
    const char *owner, *defsev, *re;
    regex_t rx;
    int file, line, column, severity, code, message;
};

static int field(json_t *pat, const char *key, size_t ngroups, const char *owner)
{
    json_t *v = json_object_get(pat, key);
    if (!v)
        return 0;
    if (!json_is_integer(v) || json_integer_value(v) < 1 || (size_t)json_integer_value(v) > ngroups) {
        complain("matcher '%s': '%s' is not a group number of its regexp", owner, key);
        return 0;
    }
    return (int)json_integer_value(v);
}

static void group(const char *line, const regmatch_t *m, int g, char *out, size_t cap)
{
    out[0] = '\0';
    if (g > 0 && m[g].rm_so >= 0)
        snprintf(out, cap, "%.*s", (int)(m[g].rm_eo - m[g].rm_so), line + m[g].rm_so);
}

static int cmd_matcher(const char *mpath, const char *gccpath, const char *jsonpath)
{
    json_error_t err;
    json_t *root = json_load_file(mpath, 0, &err);
    if (!root) {
        complain("%s: %s", mpath, err.text);
        return 1;
    }
    json_t *list = json_object_get(root, "problemMatcher");
    size_t n = json_array_size(list);
    if (!json_is_array(list) || !n) {
        complain("%s: no problemMatcher array%s", mpath, NULL);
        return 1;
    }
    struct pattern *pats = calloc(n, sizeof *pats);
    if (!pats)
        return 1;
    for (size_t i = 0; i < n; i++) {
        json_t *m = json_array_get(list, i);
        struct pattern *p = &pats[i];
        p->owner = json_string_value(json_object_get(m, "owner"));
        p->defsev = json_string_value(json_object_get(m, "severity"));
        if (!p->owner || !*p->owner) {
            complain("%s: a matcher has no owner%s", mpath, NULL);
            return 1;
        }
        for (size_t k = 0; k < i; k++)
            if (!strcasecmp(pats[k].owner, p->owner))
                complain("%s: two matchers are owned by '%s'", mpath, p->owner);
        if (p->defsev && strcmp(p->defsev, "error") && strcmp(p->defsev, "warning") && strcmp(p->defsev, "notice"))
            complain("matcher '%s': severity '%s' is not error, warning or notice", p->owner, p->defsev);
        json_t *pl = json_object_get(m, "pattern");
        if (json_array_size(pl) != 1) {
            complain("matcher '%s': expected one pattern (zonelint's findings are one line each)%s", p->owner, NULL);
            return 1;
        }
        json_t *pat = json_array_get(pl, 0);
        p->re = json_string_value(json_object_get(pat, "regexp"));
        const char *why;
        if (!p->re) {
            complain("matcher '%s' has no regexp%s", p->owner, NULL);
            return 1;
        }
        if (!portable(p->re, &why)) {
            complain("matcher '%s': %s", p->owner, why);
            return 1;
        }
        int rc = regcomp(&p->rx, p->re, REG_EXTENDED);
        if (rc) {
            complain("matcher '%s': the regexp does not compile as POSIX ERE%s", p->owner, NULL);
            return 1;
        }
        size_t ng = p->rx.re_nsub;
        p->file = field(pat, "file", ng, p->owner);
        p->line = field(pat, "line", ng, p->owner);
        p->column = field(pat, "column", ng, p->owner);
        p->severity = field(pat, "severity", ng, p->owner);
        p->code = field(pat, "code", ng, p->owner);
        p->message = field(pat, "message", ng, p->owner);
        if (!p->message || !p->file || !p->code)
            complain("matcher '%s' must capture the file, the message and the code%s", p->owner, NULL);
    }

    json_t *findings = json_load_file(jsonpath, 0, &err);
    if (!json_is_array(findings)) {
        complain("%s: not a JSON array of findings%s", jsonpath, NULL);
        return 1;
    }
    FILE *g = fopen(gccpath, "r");
    if (!g) {
        complain("cannot open %s%s", gccpath, NULL);
        return 1;
    }
    char line[16384];
    size_t ln = 0;
    while (fgets(line, sizeof line, g)) {
        line[strcspn(line, "\n")] = '\0';
        json_t *f = json_array_get(findings, ln++);
        if (!f) {
            complain("%s has more lines than %s has findings%s", gccpath, jsonpath);
            break;
        }
        struct pattern *hit = NULL;
        regmatch_t m[16], hm[16];
        int hits = 0;
        for (size_t i = 0; i < n; i++)
            if (pats[i].rx.re_nsub < 16 && regexec(&pats[i].rx, line, 16, m, 0) == 0) {
                hits++;
                hit = &pats[i];
                memcpy(hm, m, sizeof m);
            }
        if (hits != 1) {
            complain(hits ? "line matched by more than one matcher: %s%s" : "line matched by no matcher: %s%s", line, NULL);
            continue;
        }
        char v[8192], want[64];
        const char *jfile = json_string_value(json_object_get(f, "file"));
        const char *jsev = json_string_value(json_object_get(f, "severity"));
        group(line, hm, hit->file, v, sizeof v);
        if (!jfile || strcmp(v, jfile))
            complain("file '%s' where the finding's file is '%s'", v, jfile);
        long long jl = json_integer_value(json_object_get(f, "line"));
        long long jc = json_integer_value(json_object_get(f, "column"));
        group(line, hm, hit->line, v, sizeof v);
        snprintf(want, sizeof want, "%lld", jl);
        if (jl ? strcmp(v, want) != 0 : hit->line != 0)
            complain("line '%s' where the finding's line is %s", v, want);
        group(line, hm, hit->column, v, sizeof v);
        snprintf(want, sizeof want, "%lld", jc);
        if (jc ? strcmp(v, want) != 0 : hit->column != 0)
            complain("column '%s' where the finding's column is %s", v, want);
        group(line, hm, hit->severity, v, sizeof v);
        const char *sev = hit->severity ? v : hit->defsev ? hit->defsev : "error";
        const char *expect = jsev && !strcmp(jsev, "info") ? "notice" : jsev;
        if (!expect || strcmp(sev, expect))
            complain("severity '%s' where the finding is '%s'", sev, jsev);
        group(line, hm, hit->code, v, sizeof v);
        if (strcmp(v, json_string_value(json_object_get(f, "code")) ? json_string_value(json_object_get(f, "code")) : ""))
            complain("code '%s' in: %s", v, line);
        group(line, hm, hit->message, v, sizeof v);
        const char *jmsg = json_string_value(json_object_get(f, "message"));
        if (!jmsg || strcmp(v, jmsg))
            complain("message '%s' where the finding says '%s'", v, jmsg);
    }
    fclose(g);
    if (ln != json_array_size(findings))
        complain("%s has fewer lines than %s has findings%s", gccpath, jsonpath);
    if (!errors)
        printf("%zu lines, each matched by one of %zu matchers, fields equal to the JSON findings\n", ln, n);
    for (size_t i = 0; i < n; i++)
        regfree(&pats[i].rx);
    free(pats);
    json_decref(findings);
    json_decref(root);
    return errors ? 1 : 0;
}

static int cmd_inputs(const char *path)
{
    load_yaml(path);
    yaml_node_t *inputs = get(yaml_document_get_root_node(&doc), "inputs");
    if (inputs && inputs->type == YAML_MAPPING_NODE)
        for (yaml_node_pair_t *p = inputs->data.mapping.pairs.start; p < inputs->data.mapping.pairs.top; p++) {
            const char *def = scalar(get(node(p->value), "default"));
            printf("inputs.%s=%s\n", scalar(node(p->key)), def ? def : "");
        }
    return 0;
}

static int cmd_sarif(const char *path)
{
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    if (!root) {
        complain("%s: %s", path, err.text);
        return 1;
    }
    const char *v = json_string_value(json_object_get(root, "version"));
    json_t *run = json_array_get(json_object_get(root, "runs"), 0);
    const char *tool = json_string_value(json_object_get(json_object_get(json_object_get(run, "tool"), "driver"), "name"));
    if (!v || strcmp(v, "2.1.0") || !tool || strcmp(tool, "zonelint"))
        complain("%s is not SARIF 2.1.0 from zonelint%s", path, NULL);
    else
        printf("%zu results\n", json_array_size(json_object_get(run, "results")));
    json_decref(root);
    return errors ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "action"))
        return cmd_action(argv[2]);
    if (argc == 3 && !strcmp(argv[1], "inputs"))
        return cmd_inputs(argv[2]);
    if (argc == 6 && !strcmp(argv[1], "step"))
        return cmd_step(argv[2], argv[3], argv[4], argv[5]);
    if (argc == 5 && !strcmp(argv[1], "matcher"))
        return cmd_matcher(argv[2], argv[3], argv[4]);
    if (argc == 3 && !strcmp(argv[1], "sarif"))
        return cmd_sarif(argv[2]);
    fputs("usage: gh-check action FILE | inputs FILE | step FILE N CONTEXT OUTDIR | matcher FILE GCC JSON | sarif FILE\n",
          stderr);
    return 2;
}
