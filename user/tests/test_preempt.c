/* Preemption: two processes that never make a system call both get the
 * CPU, because the timer takes it away when a time slice is spent. */
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/syscalls.h>
#include <minnow/sysinfo.h>
#include <minnow/test.h>

static pid_t spin(void)
{
    pid_t pid = fork();

    if (pid == 0)
        for (volatile unsigned long n = 0;; n++)    /* no system calls at all */
            ;
    return pid;
}

int main(void)
{
    pid_t a = spin(), b = spin();

    usleep(500000);                  /* half a second: ~50 ticks to share */
    unsigned long ta = cpu_ticks(a), tb = cpu_ticks(b);
    static struct sched_event ev[512];
    int n = getschedlog(ev, 512), a_to_b = 0;
    for (int i = 0; i < n; i++)
        a_to_b += ev[i].from == a && ev[i].to == b;
    check(a_to_b >= 3, "schedlog_shows_switches", "%d switches from %d to %d in %d events", a_to_b, a, b, n);
    check(getschedlog((void *)0xC0000000, 10) == -1, "schedlog_efault", "a kernel address was accepted");
    kill(a, SIGKILL);
    kill(b, SIGKILL);
    waitpid(a, NULL, 0);
    waitpid(b, NULL, 0);
    check(ta >= 5 && tb >= 5, "preempt_both_run", "CPU ticks: %lu and %lu", ta, tb);
    /* round-robin: neither gets more than three times the other's share */
    check(ta * 3 >= tb && tb * 3 >= ta, "preempt_fair_share", "CPU ticks: %lu and %lu", ta, tb);
    return test_exit_code();
}
