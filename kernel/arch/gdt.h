#ifndef ARCH_GDT_H
#define ARCH_GDT_H

#include <stdint.h>

void gdt_init(void);
/* Entries 6..8 of the GDT: the running task's thread-local storage (tls.c). */
void gdt_set_tls(const uint64_t tls[3]);
/* The kernel stack the CPU switches to when user mode traps. */
void tss_set_kernel_stack(uint32_t esp0);

#endif
