/* What a failed assert() does: say which condition failed, where, and
 * abort (so that the failure cannot go unnoticed). */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

_Noreturn void __assert_fail(const char *cond, const char *file, int line,
                             const char *func)
{
    fflush(stdout);
    fprintf(stderr, "%s:%d: %s: Assertion `%s' failed.\n", file, line, func, cond);
    abort();
}
