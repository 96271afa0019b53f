/* ioremap(): a window of kernel addresses for device registers.
 *
 * The kernel maps all RAM at KERNEL_BASE (memlayout.h), but a PCI memory
 * BAR lies where the firmware put it, usually just under 4 GiB (the
 * e1000's at 0xFEBC0000): outside the direct map.  The 4 MiB above the
 * direct map's end are set aside for such registers, with one page table
 * that is part of the kernel's page directory from the start, so every
 * process's page directory, which copies the kernel's entries, sees each
 * mapping made later.
 *
 * The pages are uncached (PCD, PWT): a register read must reach the
 * device every time, and a write at once. */
#include "mm/ioremap.h"
#include "mm/memlayout.h"
#include "mm/paging.h"
#include "arch/x86.h"
#include "lib/printk.h"

#define IOREMAP_BASE (KERNEL_BASE + MAX_PHYS_MEM)    /* 0xF0000000 */
#define IOREMAP_SIZE (4u << 20)                     /* one page table's worth */
#define PTE_PWT 0x008            /* write-through */
#define PTE_PCD 0x010            /* cache disabled */

static pte_t ioremap_table[1024] __attribute__((aligned(4096)));
static uint32_t next_free = IOREMAP_BASE;   /* mappings are never undone */

void ioremap_init(void)
{
    kernel_pgdir[IOREMAP_BASE >> 22] = virt_to_phys(ioremap_table) | PTE_W | PTE_P;
}

void *ioremap(uint32_t phys, uint32_t size)
{
    uint32_t offset = phys & (PAGE_SIZE - 1);
    uint32_t pages = page_round_up(offset + size) / PAGE_SIZE;

    if (size == 0 || pages > (IOREMAP_BASE + IOREMAP_SIZE - next_free) / PAGE_SIZE) {
        printk("ioremap: no room for %u bytes at %08x\n", size, phys);
        return NULL;
    }
    uint32_t va = next_free;
    for (uint32_t i = 0; i < pages; i++) {
        uint32_t page_va = va + i * PAGE_SIZE;
        ioremap_table[(page_va >> 12) & 0x3FF] =
            (page_round_down(phys) + i * PAGE_SIZE) | PTE_PCD | PTE_PWT | PTE_W | PTE_P;
        invlpg(page_va);
    }
    next_free += pages * PAGE_SIZE;
    return (void *)(va + offset);
}
