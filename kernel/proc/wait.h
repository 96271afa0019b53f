#ifndef PROC_WAIT_H
#define PROC_WAIT_H

#include "proc/task.h"

/* A child stopped, continued or exited (status: what wait() will say):
 * the parent gets a signal and wakes up if it sleeps in wait(). */
void notify_parent(struct task_struct *t, int status);

#endif
