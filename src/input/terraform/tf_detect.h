/* SPDX-License-Identifier: MIT */
/* Recognising Terraform input (tf_detect.c). */
#ifndef ZL_TF_DETECT_H
#define ZL_TF_DETECT_H

#include <stdbool.h>
#include <stddef.h>

enum { ZL_TF_DETECT_NONE, ZL_TF_DETECT_HCL, ZL_TF_DETECT_SHOW };

/* From the file name (may be NULL) and the start of the content. */
int zl_tf_detect(const char *data, size_t len, const char *name);
/* The name ends in .tf or .tf.json: Terraform reads it as part of its
 * directory's module. */
bool zl_tf_name_is_module_file(const char *name);
/* A directory with at least one *.tf or *.tf.json file. */
bool zl_tf_dir_is_module(const char *path);

#endif
