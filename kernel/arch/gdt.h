#ifndef ARCH_GDT_H
#define ARCH_GDT_H

#include <stdint.h>

void gdt_init(void);
/* The kernel stack the CPU switches to when user mode traps. */
void tss_set_kernel_stack(uint32_t esp0);

#endif
