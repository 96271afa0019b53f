/* Process groups and sessions: how a shell does job control.  A job (a
 * pipeline) is one process group; a login is one session; the terminal
 * sends Ctrl-C's SIGINT to its foreground process group (drv/tty.c). */
#include <minnow/errno.h>
#include "proc/pgrp.h"
#include "proc/signal.h"

int group_exists_in_session(pid_t pgid, pid_t sid)
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

/* ---------------------------------------------------------------- orphans */

/* A group is orphaned when no member has a parent that could continue it:
 * one in another group of the same session (a shell).  init does not
 * count, nor does `leaving`, which is on its way out. */
int pgrp_orphaned(pid_t pgid, struct task_struct *leaving)
{
    for (int i = 1; i < NR_TASKS; i++) {
        struct task_struct *t = &tasks[i];
        if (t == leaving || t->pgid != pgid || t->state == TASK_UNUSED ||
            t->state == TASK_ZOMBIE)
            continue;
        struct task_struct *p = t->parent;
        if (p && p != leaving && p->pid != 1 && p->pgid != pgid && p->sid == t->sid)
            return 0;
    }
    return 1;
}

static int pgrp_has_stopped(pid_t pgid)
{
    for (int i = 1; i < NR_TASKS; i++)
        if (tasks[i].pgid == pgid && tasks[i].state == TASK_STOPPED)
            return 1;
    return 0;
}

/* Group pgid was kept from being orphaned by leaving (its member, or the
 * parent of its members): if it is orphaned now, wake its stopped jobs. */
static void check_orphaned(pid_t pgid, struct task_struct *leaving)
{
    if (pgrp_has_stopped(pgid) && pgrp_orphaned(pgid, leaving)) {
        kill_pgrp(pgid, SIGHUP);
        kill_pgrp(pgid, SIGCONT);
    }
}

void kill_orphaned_pgrps(struct task_struct *leaving)
{
    struct task_struct *parent = leaving->parent;

    if (parent && parent->pgid != leaving->pgid && parent->sid == leaving->sid)
        check_orphaned(leaving->pgid, leaving);
    for (struct task_struct *c = leaving->children; c; c = c->sibling)
        if (c->pgid != leaving->pgid && c->sid == leaving->sid)
            check_orphaned(c->pgid, leaving);
}
