/* Scheduling: sched_yield(), and clone()'s flags (<minnow/sched.h>).
 * The C library has no clone() wrapper: call it with syscall(__NR_clone,
 * flags, stack, parent_tid, tls, child_tid), Linux i386's order. */
#ifndef _SCHED_H
#define _SCHED_H

#include <minnow/sched.h>

int sched_yield(void);

#endif
