/* SPDX-License-Identifier: MIT */
/* `zonelint senders` and `zonelint explain sender:NAME` (see sender_print.h). */
#include "cli/senders.h"

#include <string.h>
#include <strings.h>

#include "rdata/types.h"

struct zl_senders *zl_senders_for_run(char *const *dirs, size_t n, FILE *err)
{
    struct zl_senders *s = zl_senders_new();
    for (size_t i = 0; i < n; i++) {
        struct zl_sender_error e;
        if (zl_senders_load_dir(s, dirs[i], &e) != 0) {
            fprintf(err, "%s:%u:%u: error: %s\n", e.file, e.line, e.col, e.msg);
            zl_senders_free(s);
            return NULL;
        }
    }
    return s;
}

void zl_senders_print_list(const struct zl_senders *s, FILE *out)
{
    for (size_t i = 0; i < zl_senders_count(s); i++) {
        const struct zl_sender_pack *p = zl_senders_at(s, i);
        char what[64];
        snprintf(what, sizeof what, "%u record%s%s", p->nentries, p->nentries == 1 ? "" : "s",
                 p->classify_only ? " (classification only)" : "");
        fprintf(out, "sender:%-14s %-22s %-32s %s\n", p->id, p->name, what,
                zl_senders_is_user(s, i) ? p->file : "built in");
    }
}

static const char *type_name(uint16_t t)
{
    return t == ZL_T_CNAME ? "CNAME" : t == ZL_T_MX ? "MX" : "TXT";
}

/* Paragraph text wrapped at 78 columns, indented by two spaces. */
static void wrap(FILE *out, const char *text)
{
    size_t col = 0;
    for (const char *s = text; *s;) {
        while (*s == ' ' || *s == '\n')
            s++;
        const char *e = s;
        while (*e && *e != ' ' && *e != '\n')
            e++;
        if (e == s)
            break;
        size_t w = (size_t)(e - s);
        if (col && col + 1 + w > 76) {
            fputc('\n', out);
            col = 0;
        }
        fputs(col ? " " : "  ", out);
        fwrite(s, 1, w, out);
        col += w + (col ? 1 : 2);
        s = e;
    }
    if (col)
        fputc('\n', out);
}

/* An owner template for people: {sel} as <sel>. */
static const char *show_owner(const char *t, char *out, size_t cap)
{
    size_t o = 0;
    for (; *t && o + 1 < cap; t++)
        out[o++] = *t == '{' ? '<' : *t == '}' ? '>' : *t;
    out[o] = '\0';
    return out;
}

bool zl_senders_print_pack(const struct zl_senders *s, const char *id, FILE *out)
{
    long at = zl_senders_find(s, id, strlen(id));
    if (at < 0)
        return false;
    const struct zl_sender_pack *p = zl_senders_at(s, (size_t)at);
    fprintf(out, "sender:%s  %s%s\n", p->id, p->name,
            p->classify_only ? " (known for classification; the ses-* rules check it)" : "");
    if (p->about) {
        fputc('\n', out);
        wrap(out, p->about);
    }
    fputs("\nRecords (names relative to the sending domain; '@' is the domain itself):\n", out);
    for (size_t i = 0; i < p->nentries; i++) {
        const struct zl_sender_entry *e = &p->entries[i];
        const char *shows = e->shows ? e->shows : e->value;
        char owner[256];
        show_owner(e->owner, owner, sizeof owner);
        if (e->role == ZL_ROLE_SPF)
            fprintf(out, "  %-13s %-5s %s: %s\n", zl_sender_role_name(e->role), type_name(e->type), owner, shows);
        else
            fprintf(out, "  %-13s %-5s %s -> %s\n", zl_sender_role_name(e->role), type_name(e->type), owner,
                    shows);
        char extra[512];
        size_t o = 0;
        extra[0] = '\0';
        if (e->set_capture && e->nset_members) {
            o += (size_t)snprintf(extra + o, sizeof extra - o, "set: <%s> =", e->set_capture);
            for (size_t k = 0; k < e->nset_members && o < sizeof extra; k++)
                o += (size_t)snprintf(extra + o, sizeof extra - o, " %s", e->set_members[k]);
            o += (size_t)snprintf(extra + o, sizeof extra - o, "; ");
        } else if (e->set_capture && e->set_count && o < sizeof extra) {
            o += (size_t)snprintf(extra + o, sizeof extra - o, "set: %u records; ", e->set_count);
        }
        if (e->nsame && o < sizeof extra) {
            o += (size_t)snprintf(extra + o, sizeof extra - o, "same in every record:");
            for (size_t k = 0; k < e->nsame && o < sizeof extra; k++)
                o += (size_t)snprintf(extra + o, sizeof extra - o, " <%s>", e->same[k]);
            o += (size_t)snprintf(extra + o, sizeof extra - o, "; ");
        }
        if (e->required && o < sizeof extra)
            o += (size_t)snprintf(extra + o, sizeof extra - o, "required; ");
        if (e->type == ZL_T_CNAME && o < sizeof extra)
            o += (size_t)snprintf(extra + o, sizeof extra - o, "%s; ",
                                  e->proxy == ZL_PROXY_NEVER ? "never proxied" : "may be proxied");
        if (o > 2 && o < sizeof extra) {
            extra[o - 2] = '\0';
            fprintf(out, "                      (%s)\n", extra);
        }
        fprintf(out, "                      source: %s\n", e->source);
    }
    if (p->nsources) {
        fputs("\nSources:\n", out);
        for (size_t i = 0; i < p->nsources; i++)
            fprintf(out, "  %s\n", p->sources[i]);
    }
    if (p->example) {
        fputs("\nA correct setup for example.com:\n\n", out);
        for (const char *l = p->example; *l;) {
            const char *e = strchr(l, '\n');
            size_t n = e ? (size_t)(e - l) : strlen(l);
            fprintf(out, "    %.*s\n", (int)n, l);
            l += n + (e ? 1 : 0);
        }
    }
    fprintf(out, "\nPack: %s (%s)\n", p->file, zl_senders_is_user(s, (size_t)at) ? "from a senders directory" : "built in");
    if (!p->classify_only)
        fputs("Checked by the sender-* rules ZL5101-ZL5110 (zonelint rules; zonelint explain sender-link).\n",
              out);
    return true;
}

const char *zl_senders_unknown_name(const struct zl_senders *s, char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *v = list[i];
        if (strncasecmp(v, "sender:", 7) != 0)
            continue;
        if (zl_senders_find(s, v + 7, strlen(v + 7)) < 0)
            return v;
    }
    return NULL;
}
