/* SPDX-License-Identifier: MIT */
/* rule-pages: docs/rules/ZLnnnn.md, one page per rule, and docs/rules/README.md,
 * the index, from `zonelint rules --format=json` (make docs).
 *
 *   rule-pages RULES.json OUTDIR
 *
 * A page holds the summary, why (the explanation's prose), the bad and the
 * good example, how to suppress the rule, and related rules (those the
 * explanation names, and its neighbours by code). The explanation format is
 * the registry's (rules/rules.h): paragraphs of plain text, examples
 * indented by four spaces after "Bad:" and "Good:" lines. Works for any
 * number of rules; reads nothing but its two arguments. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

struct rule {
    const char *code, *slug, *severity, *summary, *explain;
};

static struct rule *rules;
static size_t nrules;

static _Noreturn void die(const char *fmt, const char *arg)
{
    fputs("rule-pages: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(2);
}

static bool valid_code(const char *s)
{
    if (strncmp(s, "ZL", 2) != 0 || strlen(s) != 6)
        return false;
    for (int i = 2; i < 6; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

static bool valid_slug(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '-'))
            return false;
    return true;
}

static const char *family_name(char digit)
{
    switch (digit) {
    case '1': return "input and syntax";
    case '2': return "records";
    case '3': return "zone";
    case '4': return "mail policy (SPF, DMARC)";
    case '5': return "Amazon SES";
    case '9': return "about zonelint itself";
    default: return NULL;
    }
}

/* ---- markdown ----------------------------------------------------------------- */

/* Prose: every character Markdown (GitHub's included: $ math, ~ strike)
 * could read as markup is escaped, so the text shows as written. */
static void put_prose_line(FILE *f, const char *s, size_t n)
{
    size_t i = 0;
    /* a line that would start a list, a heading, a quote or a rule */
    if (n && strchr("-+=>#*", s[0])) {
        fputc('\\', f);
    } else {
        while (i < n && isdigit((unsigned char)s[i]))
            i++;
        if (i && i < n && (s[i] == '.' || s[i] == ')')) {
            fwrite(s, 1, i, f);
            fputc('\\', f);
            s += i;
            n -= i;
        }
    }
    for (i = 0; i < n; i++) {
        if (strchr("\\`*_{}[]<>#|$~&!", s[i]))
            fputc('\\', f);
        fputc(s[i], f);
    }
    fputc('\n', f);
}

/* A fenced block longer than any run of backticks inside it. */
static void put_code(FILE *f, const char **lines, const size_t *lens, size_t n)
{
    size_t run = 0, longest = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < lens[i]; k++) {
            run = lines[i][k] == '`' ? run + 1 : 0;
            if (run > longest)
                longest = run;
        }
    size_t fence = longest >= 3 ? longest + 1 : 3;
    for (size_t k = 0; k < fence; k++)
        fputc('`', f);
    fputc('\n', f);
    for (size_t i = 0; i < n; i++) {
        fwrite(lines[i], 1, lens[i], f);
        fputc('\n', f);
    }
    for (size_t k = 0; k < fence; k++)
        fputc('`', f);
    fputc('\n', f);
}

/* Splits the explanation into lines (pointers into it). */
static size_t split_lines(const char *s, const char ***lines, size_t **lens)
{
    size_t cap = 1, n = 0;
    for (const char *p = s; *p; p++)
        cap += *p == '\n';
    *lines = calloc(cap, sizeof **lines);
    *lens = calloc(cap, sizeof **lens);
    if (!*lines || !*lens)
        die("%s", "out of memory");
    while (*s && n < cap) {
        size_t len = strcspn(s, "\n");
        (*lines)[n] = s;
        (*lens)[n] = len;
        n++;
        s += len;
        if (*s == '\n')
            s++;
    }
    return n;
}

static bool is_line(const char *l, size_t n, const char *word)
{
    return n == strlen(word) && memcmp(l, word, n) == 0;
}

static bool indented(const char *l, size_t n)
{
    return n >= 4 && memcmp(l, "    ", 4) == 0;
}

static bool blank(const char *l, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (l[i] != ' ' && l[i] != '\t')
            return false;
    return true;
}

/* Lines [from, to) of the explanation as Markdown: runs of indented lines
 * become code blocks, "Bad:" and "Good:" headings, the rest prose. */
static void put_body(FILE *f, const char **lines, const size_t *lens, size_t from, size_t to)
{
    for (size_t i = from; i < to;) {
        const char *l = lines[i];
        size_t n = lens[i];
        if (indented(l, n)) {
            size_t end = i;
            /* blank lines inside a block belong to it; trailing ones do not */
            for (size_t k = i; k < to && (indented(lines[k], lens[k]) || blank(lines[k], lens[k])); k++)
                if (indented(lines[k], lens[k]))
                    end = k + 1;
            const char **code = malloc((end - i) * sizeof *code);
            size_t *clen = malloc((end - i) * sizeof *clen);
            if (!code || !clen)
                die("%s", "out of memory");
            for (size_t k = i; k < end; k++) {
                bool in = indented(lines[k], lens[k]);
                code[k - i] = in ? lines[k] + 4 : lines[k];
                clen[k - i] = in ? lens[k] - 4 : 0;
            }
            put_code(f, code, clen, end - i);
            free(code);
            free(clen);
            i = end;
        } else if (is_line(l, n, "Bad:") || is_line(l, n, "Good:")) {
            fprintf(f, "### %.*s\n", (int)(n - 1), l);
            i++;
        } else if (blank(l, n)) {
            fputc('\n', f);
            i++;
        } else {
            put_prose_line(f, l, n);
            i++;
        }
    }
}

/* ---- related rules -------------------------------------------------------------- */

/* Does text name `word` as a whole word (codes and slugs: [A-Za-z0-9-])? */
static bool mentions(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
        bool left = p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '-');
        bool right = !(isalnum((unsigned char)p[n]) || p[n] == '-');
        if (left && right)
            return true;
    }
    return false;
}

static bool related(const struct rule *r, const struct rule *o)
{
    if (r == o)
        return false;
    /* neighbours: the same ten codes (ZL500x: the DKIM CNAME rules) */
    if (strncmp(r->code, o->code, 5) == 0)
        return true;
    return mentions(r->explain, o->code) || mentions(r->explain, o->slug) ||
           mentions(o->explain, r->code) || mentions(o->explain, r->slug);
}

/* ---- pages -------------------------------------------------------------------- */

static void put_sentence(FILE *f, const char *s)
{
    size_t n = strlen(s);
    if (!n)
        return;
    char *t = malloc(n + 2);
    if (!t)
        die("%s", "out of memory");
    memcpy(t, s, n + 1);
    t[0] = (char)toupper((unsigned char)t[0]);
    if (t[n - 1] != '.')
        t[n++] = '.', t[n] = '\0';
    put_prose_line(f, t, n);
    free(t);
}

static void write_page(const char *dir, const struct rule *r)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.md", dir, r->code);
    FILE *f = fopen(path, "w");
    if (!f)
        die("cannot write %s", path);

    fprintf(f, "# %s %s\n\n", r->code, r->slug);
    put_sentence(f, r->summary);
    const char *fam = family_name(r->code[2]);
    fprintf(f, "\nDefault severity: **%s**. Family: %cxxx%s%s. ", r->severity, r->code[2],
            fam ? " " : "", fam ? fam : "");
    fprintf(f, "Shown by `zonelint explain %s`.\n\n", r->slug);

    const char **lines = NULL;
    size_t *lens = NULL;
    size_t n = split_lines(r->explain, &lines, &lens);
    size_t bad = n;
    for (size_t i = 0; i < n; i++)
        if (is_line(lines[i], lens[i], "Bad:")) {
            bad = i;
            break;
        }
    /* The paragraph just before "Bad:" introduces the examples when it
     * ends in a colon ("With --expect-ns ns-1.awsdns-01.org:"). */
    size_t intro = bad;
    if (bad < n) {
        size_t k = bad;
        while (k > 0 && blank(lines[k - 1], lens[k - 1]))
            k--;
        if (k > 0 && lens[k - 1] && lines[k - 1][lens[k - 1] - 1] == ':') {
            size_t start = k - 1;
            while (start > 0 && !blank(lines[start - 1], lens[start - 1]))
                start--;
            intro = start;
        }
    }
    size_t why_end = intro;
    while (why_end > 0 && blank(lines[why_end - 1], lens[why_end - 1]))
        why_end--;
    fputs("## Why\n\n", f);
    put_body(f, lines, lens, 0, why_end);
    if (bad < n) {
        fputs("\n## Examples\n\n", f);
        if (intro < bad)
            put_body(f, lines, lens, intro, bad);
        put_body(f, lines, lens, bad, n);
    }
    free(lines);
    free(lens);

    fprintf(f, "\n## How to suppress\n\n"
               "On the line of a finding, or alone on the line above it:\n\n"
               "```\n; zonelint: disable=%s\n```\n\n"
               "In a whole file, anywhere in it:\n\n"
               "```\n; zonelint: disable-file=%s\n```\n\n"
               "In every file (provider exports keep no comments), in `.zonelint`:\n\n"
               "```ini\nignore = %s\n```\n\n"
               "or on the command line: `zonelint --ignore=%s`. The code `%s` works\n"
               "wherever the slug does. A suppression that matches no finding is itself reported\n"
               "(ZL9001 unused-suppression).\n",
            r->slug, r->slug, r->slug, r->slug, r->code);

    bool any = false;
    for (size_t i = 0; i < nrules; i++) {
        const struct rule *o = &rules[i];
        if (!related(r, o))
            continue;
        if (!any)
            fputs("\n## Related rules\n\n", f);
        any = true;
        fprintf(f, "- [%s %s](%s.md): ", o->code, o->slug, o->code);
        size_t sl = strlen(o->summary);
        put_prose_line(f, o->summary, sl);
    }
    fputs("\n---\n\nGenerated by `make docs` from the rule registry (`zonelint rules --format=json`);\n"
          "edit the rule's explanation in `rules/`, not this page.\n",
          f);
    if (fclose(f) != 0)
        die("cannot write %s", path);
}

static void write_index(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/README.md", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        die("cannot write %s", path);
    fprintf(f, "# zonelint rules\n\n"
               "%zu rules. Each page says what the rule catches and why, with a bad and a good\n"
               "example, how to suppress it, and related rules. `zonelint rules` lists them and\n"
               "`zonelint explain CODE` prints the same explanation in a terminal.\n\n"
               "| code | slug | default severity | summary |\n"
               "| --- | --- | --- | --- |\n",
            nrules);
    for (size_t i = 0; i < nrules; i++) {
        const struct rule *r = &rules[i];
        fprintf(f, "| [%s](%s.md) | `%s` | %s | ", r->code, r->code, r->slug, r->severity);
        for (const char *s = r->summary; *s; s++) {
            if (strchr("\\`*_{}[]<>#|$~&!", *s))
                fputc('\\', f);
            fputc(*s, f);
        }
        fputs(" |\n", f);
    }
    fputs("\n---\n\nGenerated by `make docs` from the rule registry; `make check` fails when these pages\n"
          "do not match it.\n",
          f);
    if (fclose(f) != 0)
        die("cannot write %s", path);
}

static const char *get_str(json_t *o, const char *key, size_t i)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v)) {
        char buf[64];
        snprintf(buf, sizeof buf, "rule %zu has no string '%s'", i, key);
        die("%s", buf);
    }
    return json_string_value(v);
}

int main(int argc, char **argv)
{
    if (argc != 3)
        die("%s", "usage: rule-pages RULES.json OUTDIR");
    json_error_t err;
    json_t *root = json_load_file(argv[1], 0, &err);
    if (!root)
        die("cannot read the rules: %s", err.text);
    if (!json_is_array(root) || json_array_size(root) == 0)
        die("%s: expected a non-empty array of rules", argv[1]);
    nrules = json_array_size(root);
    rules = calloc(nrules, sizeof *rules);
    if (!rules)
        die("%s", "out of memory");
    for (size_t i = 0; i < nrules; i++) {
        json_t *o = json_array_get(root, i);
        struct rule *r = &rules[i];
        r->code = get_str(o, "code", i);
        r->slug = get_str(o, "slug", i);
        r->severity = get_str(o, "severity", i);
        r->summary = get_str(o, "summary", i);
        r->explain = get_str(o, "explain", i);
        if (!valid_code(r->code))
            die("bad rule code '%s' (expected ZLnnnn)", r->code);
        if (!valid_slug(r->slug))
            die("bad rule slug '%s'", r->slug);
        for (size_t k = 0; k < i; k++)
            if (!strcmp(rules[k].code, r->code))
                die("rule code %s appears twice", r->code);
    }
    for (size_t i = 0; i < nrules; i++)
        write_page(argv[2], &rules[i]);
    write_index(argv[2]);
    json_decref(root);
    free(rules);
    return 0;
}
