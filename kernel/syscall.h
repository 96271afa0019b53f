#ifndef SYSCALL_H
#define SYSCALL_H

#include <minnow/syscall_nr.h>
#include "arch/regs.h"

/* One entry of the dispatch table, generated from kernel/syscall.list
 * into build/gen/kernel/syscall_table.c. */
struct syscall_entry {
    void (*fn)(void);        /* sys_NAME, whatever its parameters */
    int nargs;
    const char *name;
};

extern const struct syscall_entry sys_call_table[NR_SYSCALLS];

void syscall(struct pt_regs *regs);
/* The same table for socketcall's sub-calls: call nr with args. */
long call_syscall(uint32_t nr, const long args[6]);

#endif
