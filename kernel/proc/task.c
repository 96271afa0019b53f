/* The task table: finding, allocating and freeing slots. */
#include <string.h>
#include <minnow/errno.h>
#include "proc/task.h"
#include "arch/timer.h"
#include "mm/page_alloc.h"
#include "fs/proc/proc.h"
#include "arch/fpu.h"

static pid_t last_pid;

struct task_struct *find_task(pid_t pid)
{
    for (int i = 0; i < NR_TASKS; i++)
        if (tasks[i].state != TASK_UNUSED && tasks[i].pid == pid)
            return &tasks[i];
    return NULL;
}

/* How many processes there are (the idle task not counted), or how many
 * could run now: sysinfo, /proc/loadavg, the load averages. */
int count_tasks(int runnable_only)
{
    int n = 0;

    for (int i = 1; i < NR_TASKS; i++) {
        enum task_state s = tasks[i].state;
        if (s != TASK_UNUSED && (!runnable_only || s == TASK_RUNNING || s == TASK_READY))
            n++;
    }
    return n;
}

/* The letter ps and /proc show for a state. */
char task_state_letter(enum task_state s)
{
    switch (s) {
    case TASK_RUNNING: case TASK_READY: return 'R';
    case TASK_INTERRUPTIBLE:            return 'S';
    case TASK_UNINTERRUPTIBLE:          return 'D';
    case TASK_STOPPED:                  return 'T';
    case TASK_ZOMBIE:                   return 'Z';
    default:                            return '?';
    }
}

pid_t last_pid_allocated(void)
{
    return last_pid;
}

/* A new pid: the next number not in use (pids grow, then wrap, as in Linux). */
static pid_t alloc_pid(void)
{
    do {
        last_pid = last_pid >= 32767 ? 2 : last_pid + 1;
    } while (find_task(last_pid) || (last_pid > 1 && find_pgid_in_use(last_pid)));
    return last_pid;
}

/* A free slot with a kernel stack and a pid: -EAGAIN if the table is
 * full, -ENOMEM if memory is out.  The caller fills in the rest and makes
 * it READY; until then no one schedules it or finds it by pid. */
int alloc_task(struct task_struct **out)
{
    for (int i = 1; i < NR_TASKS; i++) {
        struct task_struct *t = &tasks[i];
        if (t->state != TASK_UNUSED)
            continue;
        void *kstack = alloc_pages(KSTACK_PAGES);
        if (!kstack)
            return -ENOMEM;
        memset(t, 0, sizeof(*t));
        t->kstack = kstack;
        *(uint32_t *)kstack = STACK_MAGIC;  /* overwritten = the stack overflowed */
        t->pid = alloc_pid();
        t->start_time = jiffies;
        proc_task_born(t->pid);
        t->state = TASK_INTERRUPTIBLE;    /* not runnable until filled in */
        *out = t;
        return 0;
    }
    return -EAGAIN;
}

/* Frees the slot of a reaped zombie (or a fork that failed half-way). */
void free_task(struct task_struct *t)
{
    fpu_forget(t);
    proc_forget(t->pid);
    free_pages(t->kstack, KSTACK_PAGES);
    t->kstack = NULL;
    t->state = TASK_UNUSED;
}

/* The name shown by ps: the last part of the program's path. */
void set_task_name(struct task_struct *t, const char *path)
{
    const char *slash = strrchr(path, '/');
    memset(t->name, 0, sizeof(t->name));    /* no leftovers of the old name */
    strlcpy(t->name, slash ? slash + 1 : path, sizeof(t->name));
}

int find_pgid_in_use(pid_t pgid)
{
    for (int i = 0; i < NR_TASKS; i++)
        if (tasks[i].state != TASK_UNUSED && (tasks[i].pgid == pgid || tasks[i].sid == pgid))
            return 1;
    return 0;
}
