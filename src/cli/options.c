/* SPDX-License-Identifier: MIT */
/* --help, printed from the option and subcommand rows (options.h). */
#include <stdbool.h>
#include <string.h>

#include "cli/options.h"

#define HELP_WIDTH 79 /* columns */
#define HELP_LABEL 24 /* where the help text of an option starts */

const char *zl_opt_words(const struct zl_opt *o, char *buf, size_t cap)
{
    const char *w = o->words_fn ? o->words_fn() : o->words;
    size_t n = 0;
    if (!cap)
        return "";
    /* "auto, bind, cloudflare" and "auto bind cloudflare" both become the latter. */
    for (bool blank = true; w && *w && n + 1 < cap; w++) {
        if (*w == ',' || *w == ' ' || *w == '\t') {
            if (!blank)
                buf[n++] = ' ';
            blank = true;
        } else {
            buf[n++] = *w;
            blank = false;
        }
    }
    while (n && buf[n - 1] == ' ')
        n--;
    buf[n] = '\0';
    return buf;
}

/* Writes text wrapped at HELP_WIDTH, every line after the first indented
 * to column `indent`; `col` is the column the first line starts at. */
static void put_wrapped(FILE *out, const char *text, size_t col, size_t indent)
{
    const char *s = text;
    bool first_word = true;
    while (*s) {
        while (*s == ' ')
            s++;
        size_t n = strcspn(s, " ");
        if (!n)
            break;
        if (!first_word && col + 1 + n > HELP_WIDTH) {
            fprintf(out, "\n%*s", (int)indent, "");
            col = indent;
        } else if (!first_word) {
            fputc(' ', out);
            col++;
        }
        fwrite(s, 1, n, out);
        col += n;
        s += n;
        first_word = false;
    }
    fputc('\n', out);
}

void zl_cli_print_help(FILE *out, const struct zl_cli_spec *spec)
{
    for (size_t i = 0; i < spec->ncmds; i++) {
        const struct zl_cmd *c = &spec->cmds[i];
        int n = fprintf(out, "%s zonelint %-26s  ", i ? "      " : "usage:", c->usage);
        put_wrapped(out, c->help, n > 0 ? (size_t)n : 0, 44);
    }
    fputs("\noptions:\n", out);
    for (size_t i = 0; i < spec->nopts; i++) {
        const struct zl_opt *o = &spec->opts[i];
        char label[64];
        snprintf(label, sizeof label, "%s%s%s%s%s", o->alias ? o->alias : "", o->alias ? ", " : "",
                 o->name, o->arg ? "=" : "", o->arg ? o->arg : "");
        if (2 + strlen(label) + 2 > HELP_LABEL) {
            /* a long label gets the text on the next line */
            fprintf(out, "  %s\n%*s", label, HELP_LABEL, "");
        } else {
            fprintf(out, "  %-*s", HELP_LABEL - 2, label); /* at least two blanks follow */
        }
        const char *at = strstr(o->help, "{values}");
        if (at) {
            /* "{values}": the option's words as "a, b or c" */
            char words[512], list[640], text[1024];
            zl_opt_words(o, words, sizeof words);
            size_t n = 0, nw = 0;
            for (const char *w = words; *w; w += strcspn(w, " "), w += *w == ' ')
                nw++;
            list[0] = '\0';
            size_t k = 0;
            for (const char *w = words; *w && n < sizeof list; k++) {
                size_t l = strcspn(w, " ");
                int r = snprintf(list + n, sizeof list - n, "%s%.*s", k == 0 ? "" : k + 1 == nw ? " or " : ", ",
                                 (int)l, w);
                n += r > 0 ? (size_t)r : 0;
                w += l;
                w += *w == ' ';
            }
            snprintf(text, sizeof text, "%.*s%s%s", (int)(at - o->help), o->help, list, at + 8);
            put_wrapped(out, text, HELP_LABEL, HELP_LABEL);
        } else {
            put_wrapped(out, o->help, HELP_LABEL, HELP_LABEL);
        }
    }
    if (spec->trailer)
        fprintf(out, "\n%s", spec->trailer);
}
