/* The floating-point unit and the SSE registers.  User programs may use
 * both (glibc's string functions use SSE2 where CPUID offers it), so they
 * are part of a process's context: fork copies them, a signal frame
 * carries them, sigreturn puts them back.  The kernel itself never uses
 * them (it is built with -mno-80387 -mno-sse).
 *
 * Switching them is lazy, as Linux long did: moving 512 bytes out and in
 * at every switch costs about 5,000 cycles under QEMU, and most of
 * Minnow's own programs never touch the FPU.  So the registers stay with
 * fpu_owner, the last task that used them, and a switch to any other task
 * only sets CR0.TS ("task switched").  That task's first FPU or SSE
 * instruction then traps (device not available, vector 7): fpu_trap()
 * saves the owner's registers into its task_struct, loads the current
 * task's, and clears TS, and the instruction runs again.
 *
 * fxsave/fxrstor move the x87 and SSE registers together, 512 bytes.  The
 * CPU runs SSE instructions only once the kernel says it saves them
 * (CR4.OSFXSR): without that, a program that CPUID told it has SSE2 dies of
 * an invalid opcode.  A CPU without fxsave (none QEMU offers) falls back to
 * the x87 alone, fnsave/frstor. */
#include <stdint.h>
#include <string.h>
#include "arch/fpu.h"
#include "arch/x86.h"
#include "proc/task.h"

#define CPUID_FXSR (1u << 24)
#define CR4_OSFXSR (1u << 9)             /* the OS saves SSE state with fxsave */
#define CR4_OSXMMEXCPT (1u << 10)        /* SSE errors as exception 19, not #UD */
#define MXCSR_DEFAULT 0x1f80             /* every SSE exception masked */

static int have_fxsr;
static struct task_struct *fpu_owner;    /* whose registers the FPU holds (NULL: nobody's) */

#define CR0_TS (1u << 3)

static void clts(void) { __asm__ volatile("clts"); }

static void stts(void)
{
    uint32_t cr0;
    __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
    __asm__ volatile("mov %0, %%cr0" : : "r"(cr0 | CR0_TS));
}

void fpu_init(void)
{
    uint32_t cr0, cr4;

    __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
    cr0 &= ~((1u << 2) | (1u << 3));     /* EM off (an FPU exists), TS off */
    cr0 |= (1u << 1) | (1u << 5);        /* MP, NE: FPU errors as exception 16 */
    __asm__ volatile("mov %0, %%cr0\n\tfninit" : : "r"(cr0));

    have_fxsr = (cpu_features() & CPUID_FXSR) != 0;
    if (have_fxsr) {
        __asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
        cr4 |= CR4_OSFXSR | CR4_OSXMMEXCPT;
        __asm__ volatile("mov %0, %%cr4" : : "r"(cr4));
    }
}

static void fpu_save(void *state)
{
    if (have_fxsr)
        __asm__ volatile("fxsave (%0)" : : "r"(state) : "memory");
    else                                 /* fnsave also resets: put it back */
        __asm__ volatile("fnsave (%0)\n\tfrstor (%0)" : : "r"(state) : "memory");
}

static void fpu_restore(const void *state)
{
    if (have_fxsr)
        __asm__ volatile("fxrstor (%0)" : : "r"(state) : "memory");
    else
        __asm__ volatile("frstor (%0)" : : "r"(state) : "memory");
}

/* ---------------------------------------------------------------- lazy switching */

void fpu_switch(struct task_struct *next)
{
    if (next == fpu_owner)
        clts();                          /* its registers are still there */
    else
        stts();
}

/* The current task's registers into the FPU (t is current), the owner's
 * saved first. */
void fpu_activate(struct task_struct *t)
{
    clts();
    if (fpu_owner == t)
        return;
    if (fpu_owner)
        fpu_save(fpu_owner->fpu_state);
    __asm__ volatile("fninit");          /* no pending x87 error may trap in frstor */
    fpu_restore(t->fpu_state);
    fpu_owner = t;
}

void fpu_trap(void)
{
    fpu_activate(current);
}

void fpu_flush(struct task_struct *t)
{
    if (fpu_owner == t) {
        clts();
        fpu_save(t->fpu_state);
        if (t != current)
            stts();                      /* the registers are still not current's */
    }
}

/* The registers no longer match t->fpu_state (exec, sigreturn): the
 * next FPU instruction loads the new state. */
void fpu_reload(struct task_struct *t)
{
    if (fpu_owner == t)
        fpu_owner = NULL;
    if (t == current)
        stts();
}

void fpu_forget(struct task_struct *t)
{
    if (fpu_owner == t)
        fpu_owner = NULL;
}

int fpu_has_fxsr(void)
{
    return have_fxsr;
}

/* fnsave resets the FPU as it saves: frstor puts the state back. */
void fpu_save_legacy(void *buf)
{
    __asm__ volatile("fnsave (%0)\n\tfrstor (%0)" : : "r"(buf) : "memory");
}

/* fninit first: frstor waits for a pending x87 exception of the state it
 * replaces, which would trap here, in the kernel. */
void fpu_restore_legacy(const void *buf)
{
    __asm__ volatile("fninit\n\tfrstor (%0)" : : "r"(buf) : "memory");
}

/* What fninit gives: control word 0x37f (everything masked, 64-bit
 * precision), an empty register stack, and MXCSR's default. */
void fpu_state_init(void *state)
{
    uint8_t *s = state;

    memset(s, 0, FPU_STATE_SIZE);
    if (have_fxsr) {
        *(uint16_t *)s = 0x37f;                      /* FCW */
        *(uint32_t *)(s + 24) = MXCSR_DEFAULT;       /* MXCSR */
    } else {
        *(uint16_t *)s = 0x37f;                      /* fnsave: FCW */
        *(uint16_t *)(s + 8) = 0xffff;               /* every register empty */
    }
}

/* fxrstor refuses (#GP, in the kernel) an MXCSR with reserved bits set,
 * so only the bits every SSE CPU has stay (DAZ, bit 6, is not one of
 * them).  Nothing in the x87 part can make it fault, only the program
 * later, at its next x87 instruction. */
void fpu_sanitize(void *state)
{
    if (have_fxsr)
        *(uint32_t *)((uint8_t *)state + 24) &= 0xffbf;
}
