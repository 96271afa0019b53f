#ifndef PROC_FORK_H
#define PROC_FORK_H

#include "proc/task.h"

void add_child(struct task_struct *parent, struct task_struct *child);
void unlink_child(struct task_struct *parent, struct task_struct *child);
/* t exits (exiting = 1) or execs: CLONE_CHILD_CLEARTID, a vfork parent */
void leave_address_space(struct task_struct *t, int exiting);
struct task_struct *kernel_thread(void (*fn)(void));

#endif
