/* ps: list the processes.
 *
 *   ps        PID, parent's PID, process group, state and name of each
 *   ps -l     also the session, memory (in 4 KiB pages) and CPU time
 *   ps -v     virtual memory: resident pages (RSS), page faults taken
 *             (MINFLT) and pages copied on write (COW); BSD's `ps v`,
 *             which is accepted too
 *
 * The kernel keeps one struct task_struct per process; Minnow's own
 * system call getprocs() copies the interesting fields of each into a
 * struct procinfo (<minnow/sysinfo.h>).  STAT is the task's state:
 *   R  running or ready to run      S  sleeping (waiting for something)
 *   T  stopped (Ctrl-Z, SIGSTOP)    Z  zombie: ended, not yet waited for
 * PID 0 is the idle task, which runs when nothing else can.
 *
 * MINFLT counts the page faults the kernel served without an error: a
 * page brought in on first touch (demand paging) or copied on a write.
 * COW counts the copies alone: after fork, parent and child share every
 * page until one of them writes to it (docs/vm.md). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <minnow/sysinfo.h>

#define MAX_PROCS 256
#define TICKS_PER_SECOND 100

static struct procinfo procs[MAX_PROCS];

enum format { PLAIN, LONG, VM };

static void print_header(enum format f)
{
    if (f == LONG)
        printf("  PID  PPID  PGID   SID STAT PAGES   TIME NAME\n");
    else if (f == VM)
        printf("  PID STAT   TIME   RSS   MINFLT      COW NAME\n");
    else
        printf("  PID  PPID  PGID STAT NAME\n");
}

static void print_proc(enum format f, const struct procinfo *p)
{
    unsigned long secs = p->ticks / TICKS_PER_SECOND;

    if (f == LONG)
        printf("%5d %5d %5d %5d %c    %5lu %3lu:%02lu %.16s\n", p->pid, p->ppid,
               p->pgid, p->sid, p->state, p->pages, secs / 60, secs % 60, p->name);
    else if (f == VM)
        printf("%5d %c    %3lu:%02lu %5lu %8lu %8lu %.16s\n", p->pid, p->state,
               secs / 60, secs % 60, p->pages, p->min_flt, p->cow_copies, p->name);
    else
        printf("%5d %5d %5d %c    %.16s\n", p->pid, p->ppid, p->pgid, p->state, p->name);
}

int main(int argc, char *argv[])
{
    enum format format = PLAIN;
    int c;

    static char dash_v[] = "-v";
    if (argc == 2 && strcmp(argv[1], "v") == 0)
        argv[1] = dash_v;                           /* BSD's spelling, without the dash */
    while ((c = getopt(argc, argv, "lv")) != -1) {
        if (c == 'l') {
            format = LONG;
        } else if (c == 'v') {
            format = VM;
        } else {
            fprintf(stderr, "usage: ps [-l | -v]\n");
            return 1;
        }
    }

    int n = getprocs(procs, MAX_PROCS);
    if (n < 0) {
        fprintf(stderr, "ps: getprocs: %s\n", strerror(errno));
        return 1;
    }
    print_header(format);
    for (int i = 0; i < n; i++)
        print_proc(format, &procs[i]);
    return 0;
}
