/* Page directories: the kernel's own, and one per process.
 *
 * The kernel half (0xC0000000 and up) maps all of physical memory with
 * 4 MiB pages; those entries are copied into every process's page
 * directory, so the kernel is at the same place whichever process runs.
 * The user half is built from ordinary 4 KiB pages, private to the
 * process. */
#include <string.h>
#include "mm/paging.h"
#include "mm/memlayout.h"
#include "mm/page_alloc.h"
#include "mm/ioremap.h"
#include "arch/x86.h"

#define KERNEL_PDE (KERNEL_BASE >> 22)       /* 768: first kernel entry */

pde_t kernel_pgdir[1024] __attribute__((aligned(4096)));

void paging_init(uint32_t mem_end)
{
    if (mem_end > MAX_PHYS_MEM)
        mem_end = MAX_PHYS_MEM;
    for (uint32_t pa = 0; pa < mem_end; pa += 4u << 20)
        kernel_pgdir[KERNEL_PDE + (pa >> 22)] = pa | PTE_PS | PTE_W | PTE_P;
    ioremap_init();                  /* device registers, above the direct map */
    /* No entry below KERNEL_BASE: the boot code's identity map is gone, so
     * a NULL pointer in the kernel faults instead of reading BIOS data. */
    switch_pgdir(kernel_pgdir);
}

void switch_pgdir(pde_t *pgdir)
{
    write_cr3(virt_to_phys(pgdir));
}

pde_t *pgdir_create(void)
{
    pde_t *pgdir = alloc_page();
    if (pgdir)
        memcpy(&pgdir[KERNEL_PDE], &kernel_pgdir[KERNEL_PDE],
               (1024 - KERNEL_PDE) * sizeof(pde_t));
    return pgdir;
}

/* The entry for va in pgdir's page tables; with create, a missing page
 * table is allocated (NULL if memory is out). */
pte_t *pgdir_walk(pde_t *pgdir, uint32_t va, int create)
{
    pde_t *pde = &pgdir[va >> 22];

    if (!(*pde & PTE_P)) {
        if (!create)
            return NULL;
        pte_t *table = alloc_page();
        if (!table)
            return NULL;
        *pde = virt_to_phys(table) | PTE_P | PTE_W | PTE_U;
    }
    pte_t *table = phys_to_virt(PTE_ADDR(*pde));
    return &table[(va >> 12) & 0x3ff];
}

/* Maps the kernel page `page` at user address va.  -1 if out of memory. */
int map_page(pde_t *pgdir, uint32_t va, void *page, uint32_t flags)
{
    pte_t *pte = pgdir_walk(pgdir, va, 1);
    if (!pte)
        return -1;
    *pte = virt_to_phys(page) | flags | PTE_P;
    if (read_cr3() == virt_to_phys(pgdir))
        invlpg(va);
    return 0;
}

void *unmap_page(pde_t *pgdir, uint32_t va)
{
    pte_t *pte = pgdir_walk(pgdir, va, 0);
    if (!pte || !(*pte & PTE_P))
        return NULL;
    void *page = phys_to_virt(PTE_ADDR(*pte));
    *pte = 0;
    if (read_cr3() == virt_to_phys(pgdir))
        invlpg(va);
    return page;
}

/* Frees the page tables in [start, end) that map nothing any more. */
void free_empty_tables(pde_t *pgdir, uint32_t start, uint32_t end)
{
    for (uint32_t i = start >> 22; i < KERNEL_PDE && (i << 22) < end; i++) {
        if (!(pgdir[i] & PTE_P))
            continue;
        pte_t *table = phys_to_virt(PTE_ADDR(pgdir[i]));
        int used = 0;
        for (int j = 0; j < 1024 && !used; j++)
            used = table[j] & PTE_P;
        if (!used) {
            pgdir[i] = 0;
            free_page(table);
        }
    }
    if (read_cr3() == virt_to_phys(pgdir))
        write_cr3(virt_to_phys(pgdir));      /* forget the old translations */
}

void *user_page(pde_t *pgdir, uint32_t va)
{
    pte_t *pte = pgdir_walk(pgdir, va, 0);
    if (!pte || !(*pte & PTE_P))
        return NULL;
    return phys_to_virt(PTE_ADDR(*pte));
}

void pgdir_destroy(pde_t *pgdir)
{
    for (unsigned i = 0; i < KERNEL_PDE; i++) {
        if (!(pgdir[i] & PTE_P))
            continue;
        pte_t *table = phys_to_virt(PTE_ADDR(pgdir[i]));
        for (int j = 0; j < 1024; j++)
            if (table[j] & PTE_P)
                free_page(phys_to_virt(PTE_ADDR(table[j])));
        free_page(table);
    }
    free_page(pgdir);
}
