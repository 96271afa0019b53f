/* ps: list the processes.
 *
 *   ps        PID, parent's PID, process group, state and name of each
 *   ps -l     also the session, memory (in 4 KiB pages) and CPU time
 *
 * The kernel keeps one struct task_struct per process; Minnow's own
 * system call getprocs() copies the interesting fields of each into a
 * struct procinfo (<minnow/sysinfo.h>).  STAT is the task's state:
 *   R  running or ready to run      S  sleeping (waiting for something)
 *   T  stopped (Ctrl-Z, SIGSTOP)    Z  zombie: ended, not yet waited for
 * PID 0 is the idle task, which runs when nothing else can. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <minnow/sysinfo.h>

#define MAX_PROCS 256
#define TICKS_PER_SECOND 100

static struct procinfo procs[MAX_PROCS];

int main(int argc, char *argv[])
{
    int longform = 0;
    int c;

    while ((c = getopt(argc, argv, "l")) != -1) {
        if (c == 'l') {
            longform = 1;
        } else {
            fprintf(stderr, "usage: ps [-l]\n");
            return 1;
        }
    }

    int n = getprocs(procs, MAX_PROCS);
    if (n < 0) {
        fprintf(stderr, "ps: getprocs: %s\n", strerror(errno));
        return 1;
    }
    if (longform)
        printf("  PID  PPID  PGID   SID STAT PAGES   TIME NAME\n");
    else
        printf("  PID  PPID  PGID STAT NAME\n");
    for (int i = 0; i < n; i++) {
        struct procinfo *p = &procs[i];
        if (longform) {
            unsigned long secs = p->ticks / TICKS_PER_SECOND;
            printf("%5d %5d %5d %5d %c    %5lu %3lu:%02lu %.16s\n", p->pid, p->ppid,
                   p->pgid, p->sid, p->state, p->pages, secs / 60, secs % 60, p->name);
        } else {
            printf("%5d %5d %5d %c    %.16s\n", p->pid, p->ppid, p->pgid, p->state, p->name);
        }
    }
    return 0;
}
