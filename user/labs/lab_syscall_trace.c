/* Grader of the lab "Add a system call" (docs/labs/syscall.md): trace().
 *
 * trace(mask) makes the kernel print, for every system call number n < 32
 * whose bit (1 << n) is set in mask, one line when the call returns:
 *
 *     trace: pid 7 getpid -> 7
 *
 * for the calling process and the children it forks afterwards.  This
 * program makes the calls; tools/grade.sh checks the console for the
 * lines (see lab.h).  It calls trace by number, so it builds before the
 * call exists. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "lab.h"

#ifndef __NR_trace
#define __NR_trace 510              /* the number the handout asks for */
#endif
#define BIT(nr) (1u << (nr))

static long set_trace(unsigned mask)
{
    return syscall(__NR_trace, mask);
}

static void getpid_then_off(void)
{
    set_trace(BIT(__NR_getpid) | BIT(__NR_getuid));
    getpid();
    set_trace(0);
    getuid();                       /* after trace(0): no line */
}

static void child_getpid(void)
{
    getpid();
}

int main(void)
{
    static const char *const later[] = {
        "trace_prints", "trace_errors", "trace_mask", "trace_off", "trace_fork",
    };
    pid_t me = getpid();
    uid_t uid = getuid();

    long r = set_trace(0);
    if (!syscall_exists("trace", __NR_trace, r, later, sizeof(later) / sizeof(later[0])))
        return test_exit_code();

    /* A traced call gets its line, with its name and its result. */
    expect_console("trace_prints", "trace: pid %d getpid -> %d", me, me);
    set_trace(BIT(__NR_getpid));
    getpid();
    set_trace(0);
    check(1, "trace_prints", "-");

    /* A call that fails shows its result as -errno. */
    expect_console("trace_errors", "trace: pid %d chdir -> %d", me, -ENOENT);
    set_trace(BIT(__NR_chdir));
    int failed = chdir("/no/such/dir") < 0;
    set_trace(0);
    check(failed, "trace_errors", "chdir(\"/no/such/dir\") did not fail");

    /* Only the calls in the mask. */
    expect_console("trace_mask", "trace: pid %d getpid -> %d", me, me);
    forbid_console("trace_mask", "trace: pid %d getuid -> %d", me, (int)uid);
    forbid_console("trace_mask", "trace: pid %d close -> %d", me, -EBADF);
    set_trace(BIT(__NR_getpid));
    getuid();
    close(-1);
    getpid();
    set_trace(0);
    check(1, "trace_mask", "-");

    /* trace(0) turns it off (in a child, whose pid is new). */
    pid_t c = run_in_child(getpid_then_off, NULL);
    expect_console("trace_off", "trace: pid %d getpid -> %d", c, c);
    forbid_console_note("trace_off", "the child's getuid, after its trace(0)",
                        "trace: pid %d getuid -> %d", c, (int)uid);
    check(c > 0, "trace_off", "fork failed: %s", strerror(errno));

    /* A child inherits its parent's mask. */
    set_trace(BIT(__NR_fork) | BIT(__NR_getpid));
    c = run_in_child(child_getpid, NULL);
    set_trace(0);
    expect_console_note("trace_fork", "the parent's fork, which returns the child's pid",
                        "trace: pid %d fork -> %d", me, c);
    expect_console_note("trace_fork", "the CHILD's getpid: a child starts with its parent's"
                        " mask, so fork must copy it", "trace: pid %d getpid -> %d", c, c);
    check(c > 0, "trace_fork", "fork failed: %s", strerror(errno));
    return test_exit_code();
}
