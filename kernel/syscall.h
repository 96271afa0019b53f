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

/* A 64-bit argument (an loff_t) comes in two registers on i386, the low
 * half first: pread64's offset, truncate64's length. */
static inline long long arg64(unsigned long low, unsigned long high)
{
    return (long long)(((unsigned long long)high << 32) | low);
}

extern const struct syscall_entry sys_call_table[NR_SYSCALLS];

void syscall(struct pt_regs *regs);
/* The same table for socketcall's sub-calls: call nr with args. */
long call_syscall(uint32_t nr, const long args[6]);

#endif
