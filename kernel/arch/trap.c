/* trap(): where every interrupt, exception and system call arrives, with
 * the registers of whatever was running saved in *regs (entry.asm), and
 * ret_to_user(): the one way back to user mode. */
#include "arch/trap.h"
#include "arch/idt.h"
#include "arch/fpu.h"
#include "arch/irq.h"
#include "arch/pic.h"
#include "arch/timer.h"
#include "arch/x86.h"
#include "drv/serial.h"
#include "drv/keyboard.h"
#include "drv/ide.h"
#include "lib/printk.h"
#include "mm/fault.h"
#include "proc/sched.h"
#include "proc/timer_list.h"
#include "proc/signal.h"
/* LAB(signals) BEGIN */
#include "proc/sigalarm.h"
/* LAB(signals) END */
#include "syscall.h"

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

    if (pic_spurious(n))
        return;
    irq_account(n);
    /* An edge-triggered line (the ISA devices) is acknowledged first, so
     * that an edge during the handler is not lost.  A level-triggered one
     * (PCI's) only after its handlers have made the device lower it: the
     * PIC would otherwise take the same request again at once. */
    int level = pic_level_triggered(n);
    if (!level)
        pic_eoi(n);
    irq_enter();
    switch (n) {
    case IRQ_TIMER: timer_intr(); do_timer(user_mode(regs)); run_timers(); break;
    case IRQ_KBD:   keyboard_intr(); break;
    case IRQ_COM1:  serial_intr(); break;
    case IRQ_IDE:   ide_intr(); break;
    default:        handle_irq(n); break;    /* PCI devices: arch/irq.c */
    }
    irq_exit();
    if (level)
        pic_eoi(n);
}

/* A CPU exception in a user program becomes a signal to that program (the
 * lecture: "the kernel sends the signal on the hardware's behalf"). */
static int exception_signal(struct pt_regs *regs)
{
    switch (regs->trapno) {
    case T_DIVIDE: case T_FPERR: case T_SIMDERR: return SIGFPE;
    case T_ILLOP:                                 return SIGILL;
    case T_BRKPT: case T_DEBUG:                   return SIGTRAP;
    case T_ALIGN:                                 return SIGBUS;
    default:                                      return SIGSEGV;
    }
}

static void exception(struct pt_regs *regs)
{
    if (regs->trapno == T_PGFLT) {
        do_page_fault(regs);                 /* mm/fault.c */
        return;
    }
    if (regs->trapno == T_DEVICE && user_mode(regs)) {
        fpu_trap();                          /* the first FPU use since a switch */
        return;
    }
    if (!user_mode(regs))
        panic_trap(regs, "%s in the kernel", exception_name(regs->trapno));
    force_signal(exception_signal(regs));
}

void trap(struct pt_regs *regs)
{
    if (user_mode(regs))
        current->regs = regs;
    if (regs->trapno == T_SYSCALL)
        syscall(regs);
    else if (regs->trapno >= IRQ0 && regs->trapno < IRQ0 + 16)
        irq(regs);
    else
        exception(regs);
    if (user_mode(regs))
        ret_to_user(regs);
}

/* Every return to user mode passes here: after a system call, an
 * interrupt (so a program in an endless loop still gets its signals at the
 * next timer tick) or an exception.  Two things can happen on the way:
 * another process gets the CPU, and signals are delivered. */
void ret_to_user(struct pt_regs *regs)
{
    resched_if_needed();
    do_signal(regs);
    /* LAB(signals) BEGIN */
    sigalarm_deliver(regs);
    /* LAB(signals) END */
}
