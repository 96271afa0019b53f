/* LAB(scheduler) FILE */
/* Stride scheduling, the second policy (proc/stride.c). */
#ifndef PROC_STRIDE_H
#define PROC_STRIDE_H

#include "proc/task.h"

#define DEFAULT_TICKETS 100      /* what init has, and passes on by fork */

int stride_active(void);         /* is sched_policy(SCHED_STRIDE) in force? */
struct task_struct *pick_next_stride(void);
void stride_charge(struct task_struct *t);   /* t ran for one tick */

#endif
