/* LAB(signals) FILE */
/* sigalarm(ticks, handler): a handler called every `ticks` ticks of the
 * process's CPU time (proc/sigalarm.c, docs/labs/signals.md). */
#ifndef PROC_SIGALARM_H
#define PROC_SIGALARM_H

#include "proc/task.h"

void sigalarm_tick(struct task_struct *t);     /* t was charged a tick */
void sigalarm_deliver(struct pt_regs *regs);   /* on the way out to user mode */
void sigalarm_exec(struct task_struct *t);     /* a new program has no handler */

#endif
