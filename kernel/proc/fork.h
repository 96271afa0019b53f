#ifndef PROC_FORK_H
#define PROC_FORK_H

#include "proc/task.h"

void add_child(struct task_struct *parent, struct task_struct *child);
struct task_struct *kernel_thread(void (*fn)(void));

#endif
