/* The Global Descriptor Table.  Segmentation is switched off in effect
 * (every segment spans 0..4 GiB); what the GDT still gives us is the
 * privilege level: ring 0 segments for the kernel, ring 3 for user
 * programs, and the TSS that tells the CPU which kernel stack to use when a
 * user program traps (an interrupt or int $0x80). */
#include <string.h>
#include "arch/gdt.h"
#include "arch/regs.h"

struct gdt_entry {
    uint16_t limit_low;
    uint16_t base_low;
    uint8_t base_mid;
    uint8_t access;        /* present, ring, type */
    uint8_t flags_limit;   /* granularity, 32-bit, limit 19:16 */
    uint8_t base_high;
} __attribute__((packed));

struct gdt_ptr {
    uint16_t limit;
    uint32_t base;
} __attribute__((packed));

/* Only ss0/esp0 matter to us: where the kernel stack is. */
struct tss {
    uint32_t prev, esp0, ss0, unused[22];
    uint16_t trap, iomap_base;
} __attribute__((packed));

/* 0 null, 1-2 kernel code and data, 3-4 user code and data, 5 the TSS,
 * 6-8 the running task's thread-local storage (tls.c): Linux's numbers,
 * which a program built for Linux may have in its code (gs = 0x33). */
static struct gdt_entry gdt[9];
static struct tss tss;

enum {
    SEG_CODE = 0x9A,      /* present, ring 0, code, readable */
    SEG_DATA = 0x92,      /* present, ring 0, data, writable */
    SEG_RING3 = 0x60,     /* DPL 3 */
    SEG_TSS = 0x89,       /* present, 32-bit available TSS */
    FLAGS_4K_32 = 0xC0,   /* limit in 4 KiB units, 32-bit */
};

static void set_entry(int i, uint32_t base, uint32_t limit, uint8_t access,
                      uint8_t flags)
{
    gdt[i] = (struct gdt_entry){
        .limit_low = limit & 0xffff,
        .base_low = base & 0xffff,
        .base_mid = (base >> 16) & 0xff,
        .access = access,
        .flags_limit = flags | ((limit >> 16) & 0x0f),
        .base_high = base >> 24,
    };
}

void gdt_set_tls(const uint64_t tls[3])
{
    memcpy(&gdt[6], tls, 3 * sizeof(uint64_t));
}

void tss_set_kernel_stack(uint32_t esp0)
{
    tss.esp0 = esp0;
}

void gdt_init(void)
{
    set_entry(0, 0, 0, 0, 0);
    set_entry(KERNEL_CS >> 3, 0, 0xfffff, SEG_CODE, FLAGS_4K_32);
    set_entry(KERNEL_DS >> 3, 0, 0xfffff, SEG_DATA, FLAGS_4K_32);
    set_entry(USER_CS >> 3, 0, 0xfffff, SEG_CODE | SEG_RING3, FLAGS_4K_32);
    set_entry(USER_DS >> 3, 0, 0xfffff, SEG_DATA | SEG_RING3, FLAGS_4K_32);
    tss.ss0 = KERNEL_DS;
    tss.iomap_base = sizeof(tss);        /* no I/O permission bitmap */
    set_entry(TSS_SEL >> 3, (uint32_t)&tss, sizeof(tss) - 1, SEG_TSS, 0);

    struct gdt_ptr ptr = { sizeof(gdt) - 1, (uint32_t)gdt };
    __asm__ volatile(
        "lgdt %0\n\t"
        "mov %1, %%ds\n\tmov %1, %%es\n\tmov %1, %%ss\n\t"
        "mov %1, %%fs\n\tmov %1, %%gs\n\t"
        "ljmp %2, $1f\n1:\n\t"
        "ltr %w3"
        : : "m"(ptr), "r"(KERNEL_DS), "i"(KERNEL_CS), "r"(TSS_SEL) : "memory");
}
