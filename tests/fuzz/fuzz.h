/* SPDX-License-Identifier: MIT */
/* Fuzz entry points, one per input reader. Each takes the raw fuzz input
 * (first byte: options, the rest: the file) and never fails; bugs show as
 * sanitizer reports, leaks or hangs. fuzz_main.c wraps one of them as the
 * libFuzzer target; replay.c runs saved inputs through them without
 * libFuzzer (make check). */
#ifndef ZL_FUZZ_H
#define ZL_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "lint/lint.h"

int zl_fuzz_zone(const uint8_t *data, size_t size);       /* fuzz_zone.c */
int zl_fuzz_route53(const uint8_t *data, size_t size);    /* fuzz_format.c */
int zl_fuzz_octodns(const uint8_t *data, size_t size);
int zl_fuzz_gcloud(const uint8_t *data, size_t size);
int zl_fuzz_yblock(const uint8_t *data, size_t size); /* yblock.c against libyaml */
int zl_fuzz_r53change(const uint8_t *data, size_t size);      /* Route 53 change batches */
int zl_fuzz_cloudformation(const uint8_t *data, size_t size); /* CloudFormation templates */
int zl_fuzz_sesid(const uint8_t *data, size_t size);      /* --ses-identity JSON */
int zl_fuzz_delegation(const uint8_t *data, size_t size); /* --expect-ns file */
int zl_fuzz_terraform(const uint8_t *data, size_t size);  /* fuzz_terraform.c: .tf / .tf.json */
int zl_fuzz_tfjson(const uint8_t *data, size_t size);     /* terraform show -json */
int zl_fuzz_config(const uint8_t *data, size_t size);     /* fuzz_files.c: .zonelint */
int zl_fuzz_octodns_config(const uint8_t *data, size_t size); /* octoDNS config */
int zl_fuzz_senders(const uint8_t *data, size_t size);    /* a sender pack (senders = DIR) */

/* Target name ("zone", "route53", ...) to entry point; NULL when unknown. */
typedef int (*zl_fuzz_fn)(const uint8_t *data, size_t size);
zl_fuzz_fn zl_fuzz_find(const char *name);

/* Inputs above this are skipped: they only make each run slower. */
#define ZL_FUZZ_MAX_INPUT (64 * 1024)

/* $GENERATE records per directive for the targets: 0 (replay.c) is the
 * CLI's 65536; the libFuzzer target lowers it (fuzz_main.c), because one
 * 40-byte line of 65536 records costs ~1 s under ASan and would drown the
 * fuzzer in slow runs, while the limit code paths stay the same. */
extern unsigned long zl_fuzz_max_generate;

/* Shared by the targets (fuzz_util.c). */
struct zl_name;
const struct zl_name *zl_fuzz_origin(void); /* example.com. */
/* When flags bit 3 is set, writes diags to /dev/null with the reporter that
 * bits 4-5 pick (text, gcc, json, github), bit 6 = colour. */
void zl_fuzz_report(const struct zl_diags *diags, unsigned flags);
/* Lints text with every rule; frees everything again. */
void zl_fuzz_lint(const char *text, size_t len, const char *name, const struct zl_lint_opts *lo,
                  unsigned flags);

#endif
