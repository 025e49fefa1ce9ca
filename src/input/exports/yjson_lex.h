/* SPDX-License-Identifier: MIT */
/* Between the JSON scanner (grammar/json.l) and its event maker (yjson.c). */
#ifndef ZL_YJSON_LEX_H
#define ZL_YJSON_LEX_H

#include <stdbool.h>
#include <stddef.h>

enum zl_yj_tok {
    ZL_YJ_EOF = 0,
    ZL_YJ_LBRACE,
    ZL_YJ_RBRACE,
    ZL_YJ_LBRACK,
    ZL_YJ_RBRACK,
    ZL_YJ_COLON,
    ZL_YJ_COMMA,
    ZL_YJ_STRING,  /* with its quotes; escapes only \" \\ \n \r \t \b \f */
    ZL_YJ_SCALAR,  /* a number, true, false or null */
    ZL_YJ_OTHER,   /* anything else: not JSON this scanner reads */
};

/* Where the scanner's bytes come from (read returns up to max bytes, 0 at
 * the end), and where it is: blanks and newlines are counted, not returned. */
struct zl_yj_input {
    size_t (*read)(void *data, char *buf, size_t max);
    void *data;
    bool block;               /* outside the value: a tab is ZL_YJ_OTHER */
    size_t off;               /* bytes matched so far */
    size_t line, line_start;  /* '\n' lines so far, where the current one starts */
    size_t tok_off;           /* the last token: where it starts, its bytes */
    size_t tok_line, tok_line_start; /* ... its line (line may be the next one already) */
    char *text;               /* the scanner's buffer: take_value may end a string there */
    size_t len;
};

#endif
