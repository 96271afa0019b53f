/* The x87 floating-point unit.  User programs may use floating point, so
 * its registers are part of a process's context: the scheduler saves and
 * restores them on every switch (fnsave/frstor in proc/sched.c).  The
 * kernel itself never touches them (it is built with -mno-80387). */
#include <stdint.h>
#include "arch/fpu.h"

void fpu_init(void)
{
    uint32_t cr0;

    __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
    cr0 &= ~((1u << 2) | (1u << 3));     /* EM off (an FPU exists), TS off */
    cr0 |= (1u << 1) | (1u << 5);        /* MP, NE: FPU errors as exception 16 */
    __asm__ volatile("mov %0, %%cr0\n\tfninit" : : "r"(cr0));
}
