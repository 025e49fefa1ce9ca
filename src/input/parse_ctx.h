/* SPDX-License-Identifier: MIT */
/* Internal contract between the generated scanner/parser (grammar/) and the
 * record builder (src/input/parser.c). The grammar only says *where* things are;
 * everything semantic happens in the zl_p_* functions. */
#ifndef ZL_PARSE_CTX_H
#define ZL_PARSE_CTX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct zl_parser;
struct zl_file;

/* Semantic value of a token: its text is in the parser's line buffer. */
struct zl_tokval {
    uint32_t off;   /* into the parser's line text buffer */
    uint32_t len;
    uint32_t num;   /* TTL value, class or type code */
};

/* Location: bison's default YYLTYPE shape (lines, 1-based byte columns,
 * last_column exclusive). */
struct zl_yyltype {
    int first_line, first_column, last_line, last_column;
};

/* The flex header names the value and location types without our prefix. */
#ifndef YYSTYPE
#define YYSTYPE struct zl_tokval
#endif
#ifndef YYLTYPE
#define YYLTYPE struct zl_yyltype
#endif

/* Lexer state (flex extra data). */
struct zl_lexer {
    struct zl_parser *p;
    int fd;                  /* -1 for memory input */
    struct zl_file *file;    /* a regular file: read at most its size at open (fileio.h) */
    uint64_t got_total;      /* bytes read from fd or file */
    uint64_t max;            /* cap for a stream without a size (stdin) */
    bool stop;               /* read nothing more (UTF-16, binary, over the cap) */
    bool cut;                /* the input was not read whole: over the cap, or it grew */
    const char *mem;         /* memory input */
    size_t mem_len, mem_pos;
    bool started;            /* first block read (BOM check done) */
    bool eof_eol_sent;       /* EOL synthesised at end of input */
    bool record_has_owner_token;
    int paren;               /* open '(' depth */
    uint32_t paren_line, paren_col;
    uint32_t line;
    uint64_t offset;         /* bytes consumed */
    uint64_t line_start;     /* offset of the current line's first byte */
    uint64_t blank_start, blank_end; /* the last run of blanks (no token) */
    int comment_sc;          /* start condition a comment read by the DFA returns to */
    int read_errno;
    /* The last token the scanner cut: its value (text in the parser's line
     * buffer) and its place; also what the parser reports a syntax error at. */
    struct zl_tokval val;
    struct zl_yyltype loc;
};

/* Called by the scanner (and zl_p_stash and zl_p_token, inline in
 * parser_impl.h). */
size_t zl_lex_read(struct zl_lexer *lx, char *buf, size_t max);
void zl_p_lex_error(struct zl_parser *p, const struct zl_yyltype *loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void zl_p_comment(struct zl_parser *p, const char *text, size_t len, const struct zl_yyltype *loc,
                  bool own_line);
/* Classifies a word in the TTL/class/type position: returns the token kind
 * (TTL, CLASS, TYPE or WORD from the generated header) and sets *num. */
int zl_p_classify(struct zl_parser *p, const char *text, size_t len, uint32_t *num);

/* The parts of a record, called by the scanner as it cuts each token; the
 * builder ignores a part the grammar rejects (a second TTL or class, one
 * after a syntax error on the line). */
void zl_p_owner(struct zl_parser *p, const struct zl_tokval *v, const struct zl_yyltype *loc);
void zl_p_owner_inherit(struct zl_parser *p, const struct zl_yyltype *loc);
void zl_p_ttl(struct zl_parser *p, const struct zl_tokval *v, const struct zl_yyltype *loc);
void zl_p_class(struct zl_parser *p, const struct zl_tokval *v, const struct zl_yyltype *loc);
void zl_p_type(struct zl_parser *p, const struct zl_tokval *v, const struct zl_yyltype *loc);
/* A directive starts (its arguments are still to come). */
void zl_p_directive(struct zl_parser *p, int which, const struct zl_tokval *name,
                    const struct zl_yyltype *loc);

/* Called by grammar actions: a record or a directive ends at EOL. */
void zl_p_record_end(struct zl_parser *p);
void zl_p_directive_end(struct zl_parser *p);
void zl_p_line_reset(struct zl_parser *p);
/* bison syntax error: the token code it could not use (the most recently
 * scanned token, -1 for a directive) and the token codes it expected. */
void zl_p_syntax_error(struct zl_parser *p, int unexpected, const struct zl_yyltype *loc,
                       const int *expected, int nexpected);
const char *zl_p_text(struct zl_parser *p, const struct zl_tokval *v);

enum { ZL_DIR_ORIGIN, ZL_DIR_TTL, ZL_DIR_INCLUDE, ZL_DIR_GENERATE, ZL_DIR_UNKNOWN };

#endif
