/* SPDX-License-Identifier: MIT */
/* A sanitizer report must never look like an ordinary exit status: in a
 * SANITIZE=1 build, undefined behaviour ends the process with exit 87 (or
 * 86, or a signal when ASAN_OPTIONS says abort_on_error), never 0, 1 or 2
 * (src/sanitizer_options.c). Skipped in plain builds. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#ifdef ZL_SANITIZE
static int overflow(int by)
{
    volatile int x = INT_MAX;
    x += by; /* signed overflow: UBSan halts here */
    return x;
}

static void leak(void)
{
    void *volatile p = malloc(64);
    p = NULL; /* LeakSanitizer reports it at exit */
    (void)p;
}
#endif

static void expect_sanitizer_exit(int what)
{
#ifdef ZL_SANITIZE
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        /* the child's report goes to /dev/null: it is expected */
        if (!freopen("/dev/null", "w", stderr))
            _exit(3);
        if (what == 0)
            exit(overflow(1) ? 0 : 0);
        leak();
        exit(0);
    }
    int st = 0;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    if (WIFEXITED(st)) {
        int rc = WEXITSTATUS(st);
        if (rc != 86 && rc != 87)
            print_error("the sanitized child exited %d\n", rc);
        assert_true(rc == 86 || rc == 87);
    } else {
        assert_true(WIFSIGNALED(st)); /* abort_on_error=1 */
    }
#else
    (void)what;
    skip();
#endif
}

static void test_ubsan_exit_is_not_a_finding(void **state)
{
    (void)state;
    expect_sanitizer_exit(0);
}

static void test_leak_exit_is_not_a_finding(void **state)
{
    (void)state;
    expect_sanitizer_exit(1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ubsan_exit_is_not_a_finding),
        cmocka_unit_test(test_leak_exit_is_not_a_finding),
    };
    return cmocka_run_group_tests_name("sanitize", tests, NULL, NULL);
}
