/* SPDX-License-Identifier: MIT */
/* A fast source of libyaml events for the JSON that exports are: for a
 * file that is one JSON object or array of plain JSON (ASCII, strings with
 * the simple escapes, no CR), the events libyaml's parser makes of it,
 * with the same marks, at a small part of libyaml's cost. ystream.c asks
 * zl_yj_valid first and reads every other file through libyaml, so the
 * readers see the same events either way. */
#ifndef ZL_YJSON_H
#define ZL_YJSON_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

/* The input: read returns up to max bytes, 0 at its end. */
typedef size_t (*zl_yj_read_fn)(void *data, char *buf, size_t max);

struct zl_yj;
struct zl_yj *zl_yj_new(zl_yj_read_fn read, void *data);
void zl_yj_free(struct zl_yj *j);
/* The next event into *ev: 1, or 0 when the input is not JSON this source
 * reads. *ev holds pointers into j until the next call: never give it to
 * yaml_event_delete. After the stream's end: YAML_NO_EVENT, as libyaml. */
int zl_yj_next(struct zl_yj *j, yaml_event_t *ev);
/* How many objects and arrays are open. */
size_t zl_yj_depth(const struct zl_yj *j);
/* Reads the value's tokens without making events, at most budget of them,
 * until only depth objects and arrays are open: 1; 0 when the budget ran
 * out first; -1 at a token zl_yj_next is to read (one not JSON, or one
 * that would open more than limit). *line is the scanner's line then. */
int zl_yj_skip(struct zl_yj *j, size_t depth, size_t limit, size_t budget, size_t *line);
/* Ends the stream with the value, as libyaml does when its input ends
 * there (ystream.c's chunks): whatever follows is not read. */
void zl_yj_chunked(struct zl_yj *j);
/* After the value's last event: the bytes up to and with its closing bracket. */
size_t zl_yj_value_end(const struct zl_yj *j);
/* Reads the whole input: true when it is one object or array, blanks
 * around it, that zl_yj_next reads to its end (the tests' question). */
bool zl_yj_valid(zl_yj_read_fn read, void *data);

#endif
