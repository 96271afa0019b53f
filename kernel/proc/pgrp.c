/* Process groups and sessions: how a shell does job control.  A job (a
 * pipeline) is one process group; a login is one session; the terminal
 * sends Ctrl-C's SIGINT to its foreground process group (drv/tty.c). */
#include <minnow/errno.h>
#include "proc/task.h"

static int group_exists_in_session(pid_t pgid, pid_t sid)
{
    for (int i = 1; i < NR_TASKS; i++)
        if (tasks[i].state != TASK_UNUSED && tasks[i].pgid == pgid && tasks[i].sid == sid)
            return 1;
    return 0;
}

/* setpgid(pid, pgid): put pid (0: the caller) into group pgid (0: its own
 * new group).  Only the caller or its children, within one session. */
long sys_setpgid(pid_t pid, pid_t pgid)
{
    struct task_struct *t = pid ? find_task(pid) : current;

    if (pgid < 0)
        return -EINVAL;
    if (!t || (t != current && t->parent != current))
        return -ESRCH;
    if (t->sid != current->sid || t->sid == t->pid)
        return -EPERM;                /* another session, or a session leader */
    if (pgid == 0)
        pgid = t->pid;
    if (pgid != t->pid && !group_exists_in_session(pgid, current->sid))
        return -EPERM;
    t->pgid = pgid;
    return 0;
}

long sys_getpgid(pid_t pid)
{
    struct task_struct *t = pid ? find_task(pid) : current;
    return t ? t->pgid : -ESRCH;
}

long sys_getpgrp(void)
{
    return current->pgid;
}

/* setsid(): a new session and group led by the caller (not allowed for a
 * group leader, whose group would then straddle two sessions). */
long sys_setsid(void)
{
    if (current->pgid == current->pid)
        return -EPERM;
    current->sid = current->pgid = current->pid;
    return current->sid;
}

long sys_getsid(pid_t pid)
{
    struct task_struct *t = pid ? find_task(pid) : current;
    return t ? t->sid : -ESRCH;
}
