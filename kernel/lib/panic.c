/* panic(): the kernel found a bug in itself and stops.  It prints what it
 * knows: the message, the trap's registers if a trap caused it, which task
 * was running, and a backtrace with function names.  Under `make test` it
 * also ends QEMU with a failure code so the run fails instead of hanging. */
#include <stdarg.h>
#include "lib/printk.h"
#include "lib/ksyms.h"
#include "lib/cmdline.h"
#include "arch/regs.h"
#include "arch/power.h"
#include "arch/x86.h"
#include "mm/memlayout.h"

void print_backtrace(unsigned long ebp)
{
    printk("backtrace:\n");
    /* Each frame starts with the caller's ebp, then the return address. */
    for (int depth = 0; depth < 20; depth++) {
        if (ebp < KERNEL_BASE || ebp >= KERNEL_BASE + MAX_PHYS_MEM || (ebp & 3))
            break;
        uint32_t *frame = (uint32_t *)ebp;
        uint32_t ret = frame[1], offset;
        /* ret - 1 is inside the call instruction: a call that ends a
         * function returns to the start of the next one. */
        const char *name = ksym_lookup(ret - 1, &offset);
        printk("  %08x  %s+0x%x\n", ret, name ? name : "?", offset + 1);
        ebp = frame[0];
    }
}

static void print_regs(struct pt_regs *r)
{
    printk("trap %u  err %08x  eip %08x  cs %04x  eflags %08x\n",
           r->trapno, r->err, r->eip, r->cs, r->eflags);
    printk("eax %08x  ebx %08x  ecx %08x  edx %08x\n", r->eax, r->ebx, r->ecx, r->edx);
    printk("esi %08x  edi %08x  ebp %08x  cr2 %08x\n", r->esi, r->edi, r->ebp, read_cr2());
    uint32_t offset;
    const char *name = ksym_lookup(r->eip, &offset);
    if (name && !user_mode(r))
        printk("eip is at %s+0x%x\n", name, offset);
}

static __attribute__((noreturn)) void vpanic(struct pt_regs *regs, const char *fmt, va_list ap)
{
    char msg[200];

    cli();
    vsnprintk(msg, sizeof(msg), fmt, ap);
    printk("\nKERNEL PANIC: %s\n", msg);
    if (regs) {
        print_regs(regs);
        print_backtrace(regs->ebp);
    } else {
        print_backtrace(read_ebp());
    }
    if (cmdline_get("test"))
        qemu_exit(QEMU_EXIT_PANIC);
    machine_halt();
}

void panic(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vpanic(NULL, fmt, ap);
}

void panic_trap(struct pt_regs *regs, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vpanic(regs, fmt, ap);
}
