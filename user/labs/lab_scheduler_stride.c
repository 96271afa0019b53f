/* Grader of the lab "Change the scheduler" (docs/labs/scheduler.md),
 * part 2: stride scheduling.
 *
 * settickets(n) gives the caller n tickets (1 to 1000, 100 at first,
 * inherited by fork) and returns the old number; sched_policy(p) sets the
 * whole system's policy, SCHED_ROUND_ROBIN (the default) or SCHED_STRIDE,
 * and returns the old one.  Under SCHED_STRIDE the ready task with the
 * lowest pass runs for one tick, and its pass grows by STRIDE1 / tickets.
 *
 * Loops that never make a system call race for a second; what each got is
 * read twice: as CPU ticks (getprocs, as ps shows them), and tick by tick
 * from the scheduler's log (getschedlog, as schedviz draws it), where
 * stride scheduling keeps every loop within a tick or two of its exact
 * share at every moment -- a lottery would stray further by chance.  The
 * calls are made by number, so this builds before they exist. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <minnow/sched.h>
#include <minnow/syscalls.h>
#include <minnow/sysinfo.h>
#include "lab.h"

#ifndef __NR_settickets
#define __NR_settickets 514         /* the numbers the handout asks for */
#endif
#ifndef __NR_sched_policy
#define __NR_sched_policy 515
#endif

enum { MAX_LOOPS = 3, LOG_MAX = 512, RACE_US = 1000000 };

static long tickets(int n)
{
    return syscall(__NR_settickets, n);
}

static long policy(int p)
{
    return syscall(__NR_sched_policy, p);
}

/* ---------------------------------------------------------------- the calls */

static void inherited(void)
{
    long r = tickets(100);
    check(r == 70, "stride_calls", "after settickets(70), a child's settickets(100)"
          " returned %ld, want 70: fork passes the tickets on", r);
}

static void calls(void)
{
    long a = policy(SCHED_ROUND_ROBIN);
    long b = tickets(0);
    int eb = errno;
    long c = tickets(1001);
    int ec = errno;
    long d = tickets(50), e = tickets(70);
    long f = policy(7);
    int ef = errno;

    if (a != SCHED_ROUND_ROBIN)
        check(0, "stride_calls", "the first sched_policy(SCHED_ROUND_ROBIN) returned %ld,"
              " want %d: round robin stays the default", a, SCHED_ROUND_ROBIN);
    else if (b != -1 || eb != EINVAL || c != -1 || ec != EINVAL)
        check(0, "stride_calls", "settickets(0) and settickets(1001) returned %ld (%s) and"
              " %ld (%s), want -1 EINVAL: 1 to 1000 tickets", b, strerror(eb), c, strerror(ec));
    else if (d != 100 || e != 50)
        check(0, "stride_calls", "settickets(50) then settickets(70) returned %ld and %ld,"
              " want 100 (everyone starts with 100) and 50 (the old number)", d, e);
    else if (f != -1 || ef != EINVAL)
        check(0, "stride_calls", "sched_policy(7) returned %ld (%s), want -1 EINVAL",
              f, strerror(ef));
    else
        run_in_child(inherited, NULL);
}

/* ---------------------------------------------------------------- races */

struct race {
    int n;                          /* loops */
    int tickets[MAX_LOOPS];
    int delay_ms[MAX_LOOPS];        /* sleep this long before looping */
    pid_t pid[MAX_LOOPS];
    unsigned long cpu[MAX_LOOPS];   /* CPU ticks each got (getprocs) */
    int seq[200];                   /* from the log: which loop ran each tick */
    int len;
};

static void loop(int n, int delay_ms, int go)
{
    char c;

    tickets(n);
    read(go, &c, 1);                /* end of file: all start together */
    if (delay_ms)
        usleep(delay_ms * 1000);
    for (volatile unsigned long i = 0;; i++)     /* no system calls at all */
        ;
}

/* Which loop a pid is, or -1. */
static int loop_index(const struct race *r, int pid)
{
    for (int i = 0; i < r->n; i++)
        if (r->pid[i] == pid)
            return i;
    return -1;
}

/* r->seq: the ticks from start to end, as the log's switches tell them:
 * whoever a switch gave the CPU to ran until the next switch. */
static void ticks_from_log(struct race *r, unsigned long start, unsigned long end)
{
    static struct sched_event ev[LOG_MAX];
    int count = getschedlog(ev, LOG_MAX);

    r->len = 0;
    for (int k = 0; k + 1 < count; k++) {
        if (ev[k].jiffies < start || ev[k + 1].jiffies > end)
            continue;
        int who = loop_index(r, ev[k].to);
        for (unsigned long t = ev[k].jiffies; t < ev[k + 1].jiffies; t++)
            if (who >= 0 && r->len < (int)(sizeof(r->seq) / sizeof(r->seq[0])))
                r->seq[r->len++] = who;
    }
}

/* Runs the loops of r for a second under the policy pol. */
static void race(struct race *r, int pol)
{
    int go[2];

    if (pipe(go) < 0)
        return;
    policy(pol);
    fflush(stdout);
    for (int i = 0; i < r->n; i++) {
        r->pid[i] = fork();
        if (r->pid[i] == 0) {
            close(go[1]);
            loop(r->tickets[i], r->delay_ms[i], go[0]);
        }
    }
    close(go[0]);
    unsigned long start = times(NULL);
    close(go[1]);                   /* go */
    usleep(RACE_US);
    unsigned long end = times(NULL);
    ticks_from_log(r, start, end);
    for (int i = 0; i < r->n; i++)
        r->cpu[i] = cpu_ticks(r->pid[i]);
    for (int i = 0; i < r->n; i++)
        kill(r->pid[i], SIGKILL);
    for (int i = 0; i < r->n; i++)
        waitpid(r->pid[i], NULL, 0);
    policy(SCHED_ROUND_ROBIN);
    printf("%s, tickets", pol == SCHED_STRIDE ? "stride" : "round robin");
    for (int i = 0; i < r->n; i++)
        printf(" %d", r->tickets[i]);
    printf(": CPU ticks");
    for (int i = 0; i < r->n; i++)
        printf(" %lu", r->cpu[i]);
    printf(" in 1 s; the log: ");
    for (int i = 0; i < r->len; i++)
        putchar('A' + r->seq[i]);
    putchar('\n');
}

static int total_tickets(const struct race *r)
{
    int t = 0;

    for (int i = 0; i < r->n; i++)
        t += r->tickets[i];
    return t;
}

/* Each loop's CPU ticks within 3 ticks and 5% of its share of the total. */
static void shares(const struct race *r)
{
    unsigned long total = 0;
    int tt = total_tickets(r);

    for (int i = 0; i < r->n; i++)
        total += r->cpu[i];
    for (int i = 0; i < r->n; i++) {
        long want = (long)(total * r->tickets[i] / tt);
        long off = labs((long)r->cpu[i] - want);
        if (total < 50 || off > 3 + (long)total / 20) {
            check(0, "stride_share", "tickets %d, %d, %d: %lu, %lu, %lu CPU ticks in 1 s;"
                  " want about %lu, %lu, %lu", r->tickets[0], r->tickets[1], r->tickets[2],
                  r->cpu[0], r->cpu[1], r->cpu[2], total * r->tickets[0] / tt,
                  total * r->tickets[1] / tt, total * r->tickets[2] / tt);
            return;
        }
    }
    check(1, "stride_share", "-");
}

/* At every tick of the log, each loop within 2 ticks of its exact share. */
static void schedule_exact(const struct race *r)
{
    int count[MAX_LOOPS] = { 0 };
    int tt = total_tickets(r);
    char first[41];

    if (r->len < 60) {
        check(0, "stride_schedule", "the log shows only %d ticks of the loops in 1 s, want"
              " about 100: does the timer ask for a new choice at every tick?", r->len);
        return;
    }
    for (int n = 1; n <= r->len; n++) {
        count[r->seq[n - 1]]++;
        for (int i = 0; i < r->n; i++) {
            if (labs((long)count[i] * tt - (long)n * r->tickets[i]) <= 2L * tt)
                continue;
            int k = 0;
            for (; k < r->len && k < 40; k++)
                first[k] = 'A' + r->seq[k];
            first[k] = '\0';
            check(0, "stride_schedule", "after %d ticks loop %c (%d tickets) had run %d,"
                  " want %d +- 2 (lowest pass first, one tick each); the log began %s",
                  n, 'A' + i, r->tickets[i], count[i], n * r->tickets[i] / tt, first);
            return;
        }
    }
    check(1, "stride_schedule", "-");
}

int main(void)
{
    long a = tickets(100), b = policy(SCHED_ROUND_ROBIN);

    if ((a < 0 && errno == ENOSYS) || (b < 0 && errno == ENOSYS)) {
        const char *name = a < 0 ? "settickets" : "sched_policy";
        check(0, "stride_calls", "%s() returned ENOSYS: add it to kernel/syscall.list"
              " (number %d) and write sys_%s", name,
              a < 0 ? __NR_settickets : __NR_sched_policy, name);
        const char *later[] = { "stride_share", "stride_schedule", "stride_newcomer", "stride_off" };
        for (int i = 0; i < 4; i++)
            check(0, later[i], "needs settickets() and sched_policy() first (see stride_calls)");
        return test_exit_code();
    }
    run_in_child(calls, NULL);      /* our own tickets stay 100 */

    /* 3:2:1 */
    struct race r = { .n = 3, .tickets = { 300, 200, 100 } };
    race(&r, SCHED_STRIDE);
    shares(&r);
    schedule_exact(&r);

    /* B sleeps through the first half while A runs alone: once awake, B
     * gets its half, not the whole CPU until its pass has caught up. */
    struct race late = { .n = 2, .tickets = { 100, 100 }, .delay_ms = { 0, 500 } };
    race(&late, SCHED_STRIDE);
    unsigned long sum = late.cpu[0] + late.cpu[1];
    check(sum >= 50 && late.cpu[1] * 100 <= sum * 35 && late.cpu[1] * 100 >= sum * 15,
          "stride_newcomer", "A looped for 1 s, B slept 0.5 s and then looped, equal tickets:"
          " A got %lu CPU ticks, B %lu; want about 75 and 25: a task that slept must"
          " not take the CPU until its pass catches up", late.cpu[0], late.cpu[1]);

    /* Round robin again: tickets change nothing. */
    struct race rr = { .n = 2, .tickets = { 300, 100 } };
    race(&rr, SCHED_ROUND_ROBIN);
    check(rr.cpu[0] >= 10 && rr.cpu[1] >= 10 && 2 * rr.cpu[0] <= 3 * rr.cpu[1] &&
          2 * rr.cpu[1] <= 3 * rr.cpu[0], "stride_off", "under SCHED_ROUND_ROBIN, tickets"
          " 300 and 100 got %lu and %lu CPU ticks in 1 s; want about equal (tickets count"
          " only under SCHED_STRIDE)", rr.cpu[0], rr.cpu[1]);
    return test_exit_code();
}
