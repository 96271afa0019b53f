/* schedviz: a picture of the scheduler at work.
 *
 * It starts three processes that only compute and one that mostly sleeps,
 * lets them run for a moment, then asks the kernel for its log of context
 * switches (getschedlog, Minnow's own system call) and draws who had the
 * CPU in each timer tick.  Look for: the busy ones take turns in slices of
 * a few ticks (round robin); the sleeper gets the CPU as soon as it wakes.
 *
 *   schedviz [ticks]       (default 60, at most 70: one column a tick) */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <minnow/syscalls.h>
#include <minnow/sysinfo.h>

#define WORKERS 4
#define MAX_EVENTS 512

static pid_t start_worker(int sleeper)
{
    pid_t pid = fork();

    if (pid == 0) {
        for (;;) {
            for (volatile int i = 0; i < 200000; i++)   /* a little work */
                ;
            if (sleeper)
                usleep(30000);                           /* then a nap */
        }
    }
    return pid;
}

/* Who ran at the start of tick t, from the switch log. */
static int running_at(struct sched_event *ev, int n, unsigned long t, int before)
{
    int pid = before;

    for (int i = 0; i < n && ev[i].jiffies <= t; i++)
        pid = ev[i].to;
    return pid;
}

static int ran_during(struct sched_event *ev, int n, unsigned long t, int pid, int before)
{
    if (running_at(ev, n, t, before) == pid)
        return 1;
    for (int i = 0; i < n; i++)
        if (ev[i].jiffies == t && ev[i].to == pid)
            return 1;
    return 0;
}

static void draw_row(const char *label, int pid, struct sched_event *ev, int n,
                     unsigned long t0, int ticks, int before)
{
    printf("%-12s ", label);
    for (int t = 0; t < ticks; t++)
        putchar(ran_during(ev, n, t0 + t, pid, before) ? '#' : '.');
    putchar('\n');
}

int main(int argc, char *argv[])
{
    int ticks = argc > 1 ? atoi(argv[1]) : 60;
    if (ticks < 10 || ticks > 70)
        ticks = 60;

    struct tms tm;
    pid_t pids[WORKERS];
    for (int i = 0; i < WORKERS; i++)
        pids[i] = start_worker(i == WORKERS - 1);
    unsigned long t0 = times(&tm) + 2;        /* let them all get going */
    usleep((ticks + 4) * 10000);

    static struct sched_event ev[MAX_EVENTS];
    int n = getschedlog(ev, MAX_EVENTS);
    for (int i = 0; i < WORKERS; i++)
        kill(pids[i], SIGKILL);
    while (wait(NULL) > 0)
        ;
    if (n < 0) {
        perror("schedviz: getschedlog");
        return 1;
    }
    int first = 0;                             /* events inside the window */
    while (first < n && ev[first].jiffies < t0)
        first++;
    int before = first > 0 ? ev[first - 1].to : 0;

    printf("The scheduler at work: who had the CPU in each of %d timer ticks (HZ=100).\n", ticks);
    printf("Three processes only compute; the last one computes a little, then sleeps.\n\n");
    printf("%-12s 0", "tick");
    for (int t = 10; t < ticks; t += 10)
        printf("%10d", t);
    printf("\n");
    char label[32];
    for (int i = 0; i < WORKERS; i++) {
        snprintf(label, sizeof(label), "pid %d %s", pids[i], i == WORKERS - 1 ? "naps" : "busy");
        draw_row(label, pids[i], ev + first, n - first, t0, ticks, before);
    }
    snprintf(label, sizeof(label), "pid %d (me)", getpid());
    draw_row(label, getpid(), ev + first, n - first, t0, ticks, before);
    draw_row("idle", 0, ev + first, n - first, t0, ticks, before);
    int switches = 0;
    for (int i = first; i < n && ev[i].jiffies < t0 + ticks; i++)
        switches++;
    printf("\n%d context switches in %d ticks.  # = on the CPU during that tick.\n", switches, ticks);
    return 0;
}
