#ifndef PROC_RESOURCE_H
#define PROC_RESOURCE_H

#include "proc/task.h"

/* A new process's limits (init's; fork copies them). */
void rlimits_init(struct task_struct *t);
/* A struct rusage with ticks of CPU time and minflt page faults, to the
 * program at uru: 0 or -EFAULT. */
int put_rusage(struct rusage *uru, unsigned long ticks, unsigned long minflt);

#endif
