/* LAB(syscall) FILE */
/* trace(mask): the kernel's own small strace (docs/labs/syscall.md).
 *
 * Each process has a mask of the calls it wants reported: bit n for
 * call number n.  The mask is the process's, like its signal mask: a
 * child made by fork starts with its parent's, and exec keeps it, so that
 * /bin/trace can set it and then become the command it traces.  Only
 * calls below 32 fit in the mask; the old Unix calls all do. */
#include "proc/trace.h"
#include "proc/task.h"
#include "syscall.h"
#include "lib/printk.h"

long sys_trace(unsigned int mask)
{
    current->trace_mask = mask;
    return 0;
}

void trace_syscall(uint32_t nr, long result)
{
    if (nr >= 32 || !(current->trace_mask & (1u << nr)))
        return;
    /* one printk for the whole line: no other output can cut into it */
    printk("trace: pid %d %s -> %ld\n", current->pid, sys_call_table[nr].name, result);
}
