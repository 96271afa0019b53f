/* The floating-point unit and the SSE registers.  User programs may use
 * both (glibc's string functions use SSE2 where CPUID offers it), so they
 * are part of a process's context: the scheduler saves and restores them
 * on every switch, fork copies them, a signal handler gets a clean copy
 * and sigreturn puts the old one back.  The kernel itself never touches
 * them (it is built with -mno-80387 -mno-sse).
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

#define CPUID_FXSR (1u << 24)
#define CR4_OSFXSR (1u << 9)             /* the OS saves SSE state with fxsave */
#define CR4_OSXMMEXCPT (1u << 10)        /* SSE errors as exception 19, not #UD */
#define MXCSR_DEFAULT 0x1f80             /* every SSE exception masked */

static int have_fxsr;

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

void fpu_save(void *state)
{
    if (have_fxsr)
        __asm__ volatile("fxsave (%0)" : : "r"(state) : "memory");
    else                                 /* fnsave also resets: put it back */
        __asm__ volatile("fnsave (%0)\n\tfrstor (%0)" : : "r"(state) : "memory");
}

void fpu_restore(const void *state)
{
    if (have_fxsr)
        __asm__ volatile("fxrstor (%0)" : : "r"(state) : "memory");
    else
        __asm__ volatile("frstor (%0)" : : "r"(state) : "memory");
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
