/* Grader of the lab "Change the scheduler" (docs/labs/scheduler.md): the
 * nice value sets the time slice, and so the share of the CPU.
 *
 * Two loops that never make a system call run side by side for a second;
 * the CPU ticks the kernel charged to each (getprocs, as ps shows them)
 * must be in the ratio of their time slices: 5 - nice / 4 ticks. */
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <minnow/syscalls.h>
#include <minnow/sysinfo.h>
#include "lab.h"

#ifndef __NR_nice
#define __NR_nice 34
#endif

static pid_t spin(int nice)
{
    pid_t pid = fork();

    if (pid == 0) {
        syscall(__NR_nice, nice);
        for (volatile unsigned long n = 0;; n++)    /* no system calls at all */
            ;
    }
    return pid;
}

/* CPU ticks of two loops at nice values na and nb, in one second. */
static void race(int na, int nb, unsigned long *ta, unsigned long *tb)
{
    pid_t a = spin(na), b = spin(nb);

    usleep(1000000);
    *ta = cpu_ticks(a);
    *tb = cpu_ticks(b);
    printf("nice %d and nice %d: %lu and %lu CPU ticks in 1 s\n", na, nb, *ta, *tb);
    kill(a, SIGKILL);
    kill(b, SIGKILL);
    waitpid(a, NULL, 0);
    waitpid(b, NULL, 0);
}

int main(void)
{
    unsigned long ta, tb;

    if (syscall(__NR_nice, 0) < 0) {
        check(0, "nice_share", "needs nice() first (see nice_exists)");
        check(0, "nice_slice_length", "needs nice() first (see nice_exists)");
        check(0, "nice_equal_share", "needs nice() first (see nice_exists)");
        return test_exit_code();
    }

    /* slices of 5 and 1 ticks: about 5 to 1 */
    race(0, 19, &ta, &tb);
    if (tb == 0)
        check(0, "nice_share", "the nice 19 loop got no CPU at all (nice 0: %lu ticks):"
              " a nice process must still run", ta);
    else
        check(ta >= 3 * tb, "nice_share", "CPU ticks in 1 s: nice 0: %lu, nice 19: %lu;"
              " want about 5 to 1", ta, tb);

    /* slices of 5 and 3 ticks: about 5 to 3 */
    race(0, 8, &ta, &tb);
    check(20 * ta >= 27 * tb && ta <= 2 * tb, "nice_slice_length",
          "CPU ticks in 1 s: nice 0: %lu, nice 8: %lu; want about 5 to 3", ta, tb);

    /* equal nice values, equal shares */
    race(10, 10, &ta, &tb);
    check(ta >= 5 && tb >= 5 && 2 * ta <= 3 * tb && 2 * tb <= 3 * ta, "nice_equal_share",
          "CPU ticks in 1 s: nice 10: %lu and %lu; want about equal", ta, tb);
    return test_exit_code();
}
