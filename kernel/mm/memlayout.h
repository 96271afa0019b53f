/* Where things are in memory.
 *
 *   0x00000000 .. 0x08048000   unmapped (catches NULL pointers)
 *   0x08048000 ..              a user program: text, data, bss, then the heap (brk)
 *             .. 0xC0000000    the user stack grows down from USER_STACK_TOP
 *   0xC0000000 ..              the kernel: all of physical memory, mapped
 *                              1:1 (phys + KERNEL_BASE) in every process
 *
 * Every process has its own page directory for the part below KERNEL_BASE
 * (so it "appears to own the whole memory") and shares the kernel part. */
#ifndef MM_MEMLAYOUT_H
#define MM_MEMLAYOUT_H

#include <stdint.h>

#define KERNEL_BASE     0xC0000000u
#define PAGE_SIZE       4096u
#define PAGE_SHIFT      12
#define MAX_PHYS_MEM    (768u << 20)   /* the most RAM the direct map covers */

#define USER_BASE       0x08048000u    /* where static ELF programs are linked */
#define USER_TOP        KERNEL_BASE    /* first address a user may not touch */
#define USER_STACK_TOP  0xBFFFF000u    /* one page below, as a guard */
#define USER_STACK_MAX  (8u << 20)     /* the stack may grow to 8 MiB */

/* Physical <-> kernel virtual, through the direct map. */
static inline void *phys_to_virt(uint32_t pa)
{
    return (void *)(pa + KERNEL_BASE);
}

static inline uint32_t virt_to_phys(const void *va)
{
    return (uint32_t)va - KERNEL_BASE;
}

static inline uint32_t page_round_down(uint32_t a)
{
    return a & ~(PAGE_SIZE - 1);
}

static inline uint32_t page_round_up(uint32_t a)
{
    return (a + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
}

#endif
