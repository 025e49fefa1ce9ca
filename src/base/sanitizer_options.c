/* SPDX-License-Identifier: MIT */
/* Linked into SANITIZE=1 builds only (Makefile): the sanitizers' default
 * options, so that a sanitizer report can never pass for an ordinary exit
 * status. By default ASan and UBSan exit 1, which is zonelint's "findings";
 * here ASan and LeakSanitizer exit 86 and UBSan 87 (clang's runtime shares
 * one exit code between them: 87), which no test expects, and the test
 * runners name them. ASAN_OPTIONS / UBSAN_OPTIONS still override these. */
#ifdef ZL_SANITIZE

const char *__asan_default_options(void);
const char *__ubsan_default_options(void);

const char *__asan_default_options(void)
{
    return "exitcode=86:detect_leaks=1";
}

const char *__ubsan_default_options(void)
{
    return "exitcode=87:halt_on_error=1:print_stacktrace=1";
}

#else
/* ISO C wants a translation unit to declare something. */
typedef int zl_sanitizer_options_unused;
#endif
