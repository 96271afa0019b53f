#ifndef PROC_PGRP_H
#define PROC_PGRP_H

#include "proc/task.h"

/* Does process group pgid have a member in session sid? */
int group_exists_in_session(pid_t pgid, pid_t sid);
/* Is group pgid orphaned (no member has a parent in another group of the
 * same session), counting `leaving` (or NULL) as gone already? */
int pgrp_orphaned(pid_t pgid, struct task_struct *leaving);
/* leaving exits: SIGHUP and SIGCONT to the groups it leaves orphaned with
 * a stopped member (POSIX), who would otherwise stay stopped for ever. */
void kill_orphaned_pgrps(struct task_struct *leaving);

#endif
