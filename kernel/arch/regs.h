/* struct pt_regs: the user's registers as the trap entry code
 * (kernel/arch/entry.asm) pushes them on the kernel stack.  This is the
 * "context" of the lecture: saved on every entry to the kernel, and what a
 * signal, fork or exec changes before the return to user mode. */
#ifndef ARCH_REGS_H
#define ARCH_REGS_H

#include <stdint.h>

struct pt_regs {
    /* pushed by trap_common */
    uint32_t gs, fs, es, ds;
    uint32_t edi, esi, ebp, esp_unused, ebx, edx, ecx, eax;   /* pusha */
    /* pushed by the vector stub */
    uint32_t trapno;
    uint32_t err;          /* the CPU's error code, or 0 */
    /* pushed by the CPU */
    uint32_t eip, cs, eflags;
    uint32_t esp, ss;      /* only when the trap came from user mode */
};

/* Selectors in the GDT (kernel/arch/gdt.c); the low 2 bits are the ring. */
#define KERNEL_CS   0x08
#define KERNEL_DS   0x10
#define USER_CS     (0x18 | 3)
#define USER_DS     (0x20 | 3)
#define TSS_SEL     0x28

#define EFLAGS_TF   (1u << 8)    /* trap after each instruction (single step) */
#define EFLAGS_IF   (1u << 9)    /* interrupts enabled */
#define EFLAGS_DF   (1u << 10)   /* string instructions go downwards */

static inline int user_mode(const struct pt_regs *regs)
{
    return (regs->cs & 3) == 3;
}

#endif
