/* The system call dispatcher: a program did "int $0x80" with the call's
 * number in eax and its arguments in ebx, ecx, edx, esi, edi, ebp (the
 * Linux i386 convention).  Put a breakpoint on syscall() to see every call go
 * by; `print regs->eax` says which. */
#include <minnow/errno.h>
#include "syscall.h"
#include "proc/task.h"
#include "lib/printk.h"
/* LAB(syscall) BEGIN */
#include "proc/trace.h"
/* LAB(syscall) END */

/* Every sys_ function takes up to six 32-bit arguments and returns long;
 * the table stores them as plain addresses (see syscall.h).  The sixth
 * comes in ebp, as on Linux (only mmap2 needs it). */
typedef long (*syscall_fn)(long, long, long, long, long, long);

/* A program built elsewhere (glibc, busybox) may ask for a call Minnow
 * does not have; it gets ENOSYS, as from Linux, and the console says which
 * call, so that a user can tell what is missing.  Once per number: a
 * program that retries, or a fuzzer, must not flood the console.  The
 * numbers past the table's reach share one report. */
#define REPORTED_MAX 1024
static uint32_t reported[REPORTED_MAX / 32 + 1];

static void report_unknown(uint32_t nr)
{
    uint32_t slot = nr < REPORTED_MAX ? nr : REPORTED_MAX;

    if (reported[slot / 32] & (1u << (slot % 32)))
        return;
    reported[slot / 32] |= 1u << (slot % 32);
    printk("pid %d (%s): unknown system call %u\n", current->pid, current->name, nr);
}

/* Calls system call nr with arguments a[0..5]; -ENOSYS if there is none. */
long call_syscall(uint32_t nr, const long a[6])
{
    if (nr >= NR_SYSCALLS || !sys_call_table[nr].fn) {
        report_unknown(nr);
        return -ENOSYS;
    }
    syscall_fn fn = (syscall_fn)sys_call_table[nr].fn;
    return fn(a[0], a[1], a[2], a[3], a[4], a[5]);
}

void syscall(struct pt_regs *regs)
{
    const long args[6] = { regs->ebx, regs->ecx, regs->edx, regs->esi, regs->edi, regs->ebp };

    current->syscall_nr = regs->eax;
    current->restart_requested = 0;     /* until the call asks (request_restart) */
    /* LAB(syscall) BEGIN */
    current->syscalls++;                /* before the call: exit never comes back */
    /* LAB(syscall) END */
    regs->eax = call_syscall(regs->eax, args);
    /* LAB(syscall) BEGIN */
    trace_syscall(current->syscall_nr, regs->eax);
    /* LAB(syscall) END */
}
