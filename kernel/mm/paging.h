#ifndef MM_PAGING_H
#define MM_PAGING_H

#include <stdint.h>

typedef uint32_t pde_t;   /* page directory entry: a page table, or 4 MiB */
typedef uint32_t pte_t;   /* page table entry: one 4 KiB page */

#define PTE_P     0x001   /* present */
#define PTE_W     0x002   /* writable */
#define PTE_U     0x004   /* user may access */
#define PTE_PS    0x080   /* (in a PDE) 4 MiB page */
#define PTE_ADDR(e) ((e) & ~0xfffu)

extern pde_t kernel_pgdir[1024];

void paging_init(uint32_t mem_end);
void switch_pgdir(pde_t *pgdir);

pde_t *pgdir_create(void);                  /* kernel half filled in, or NULL */
void pgdir_destroy(pde_t *pgdir);           /* frees user pages and tables */
pte_t *pgdir_walk(pde_t *pgdir, uint32_t va, int create);
int map_page(pde_t *pgdir, uint32_t va, void *page, uint32_t flags);
void *unmap_page(pde_t *pgdir, uint32_t va); /* returns the page, not freed */
void *user_page(pde_t *pgdir, uint32_t va);  /* kernel address of a user page */
void free_empty_tables(pde_t *pgdir, uint32_t start, uint32_t end);

#endif
