/* Grader of the lab "Change the scheduler" (docs/labs/scheduler.md):
 * the system call nice(inc).
 *
 * nice(inc) adds inc to the caller's nice value (0 at boot, at most 19),
 * and returns the new value.  A process may only become nicer: a negative
 * inc fails with EPERM.  Children inherit their parent's nice value.
 * It is called by number, so this program builds before the call exists. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "lab.h"

#ifndef __NR_nice
#define __NR_nice 34                /* Linux i386's number */
#endif

static long do_nice(int inc)
{
    return syscall(__NR_nice, inc);
}

static void values(void)
{
    long a = do_nice(3), b = do_nice(2), c = do_nice(100);
    long d = do_nice(-1);
    int e = errno;
    check(a == 3 && b == 5 && c == 19 && d == -1 && e == EPERM, "nice_value",
          "nice(3), nice(2), nice(100), nice(-1) returned %ld, %ld, %ld, %ld (%s);"
          " want 3, 5, 19, -1 (EPERM)", a, b, c, d, d < 0 ? strerror(e) : "no error");
}

static void grandchild(void)
{
    long n = do_nice(0);
    check(n == 5, "nice_inherited", "after nice(5) in the parent, the child's nice(0) returned %ld, want 5", n);
}

static void inherited(void)
{
    do_nice(5);
    run_in_child(grandchild, NULL);
}

int main(void)
{
    static const char *const later[] = { "nice_value", "nice_inherited" };

    long r = do_nice(0);
    if (!syscall_exists("nice", __NR_nice, r, later, 2))
        return test_exit_code();
    /* in children, so that our own nice value stays 0 */
    run_in_child(values, NULL);
    run_in_child(inherited, NULL);
    return test_exit_code();
}
