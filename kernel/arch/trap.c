/* trap(): where every interrupt, exception and system call arrives, with
 * the registers of whatever was running saved in *regs (entry.asm). */
#include "arch/regs.h"
#include "arch/idt.h"
#include "arch/pic.h"
#include "arch/timer.h"
#include "drv/serial.h"
#include "drv/keyboard.h"
#include "lib/printk.h"
#include "arch/x86.h"

static const char *const exception_names[32] = {
    "divide error", "debug", "NMI", "breakpoint", "overflow",
    "bound range exceeded", "invalid opcode", "device not available",
    "double fault", "coprocessor segment overrun", "invalid TSS",
    "segment not present", "stack-segment fault", "general protection fault",
    "page fault", "reserved", "x87 floating-point error", "alignment check",
    "machine check", "SIMD floating-point error",
};

const char *exception_name(unsigned trapno)
{
    if (trapno < 32 && exception_names[trapno])
        return exception_names[trapno];
    return "reserved exception";
}

static void irq(struct pt_regs *regs)
{
    int n = regs->trapno - IRQ0;

    if (n == 7 || n == 15)           /* spurious: the PIC wants no EOI for 7 */
        return;
    pic_eoi(n);
    switch (n) {
    case IRQ_TIMER: timer_intr(); break;
    case IRQ_KBD:   keyboard_intr(); break;
    case IRQ_COM1:  serial_intr(); break;
    }
}

static void exception(struct pt_regs *regs)
{
    if (regs->trapno == T_PGFLT)
        panic_trap(regs, "page fault in the kernel at %08x (%s, %s)", read_cr2(),
                   regs->err & 1 ? "protection" : "not present",
                   regs->err & 2 ? "write" : "read");
    panic_trap(regs, "%s in the kernel", exception_name(regs->trapno));
}

void trap(struct pt_regs *regs)
{
    if (regs->trapno >= IRQ0 && regs->trapno < IRQ0 + 16)
        irq(regs);
    else
        exception(regs);
}

void ret_to_user(struct pt_regs *regs)
{
    (void)regs;
}
