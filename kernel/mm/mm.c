/* A process's address space (struct mm_struct): copied by fork, released
 * by exit and exec, grown by brk (the heap) and by touching the stack. */
#include <string.h>
#include <minnow/errno.h>
#include "mm/mm.h"
#include "mm/memlayout.h"
#include "mm/page_alloc.h"
#include "mm/paging.h"

#define USER_PDES (KERNEL_BASE >> 22)

/* fork: the child gets a copy of every user page ("copy-on-write" would
 * share them until one side writes; Minnow copies at once, which is simpler
 * to follow).  On failure nothing is left allocated. */
int mm_copy(struct mm_struct *dst, struct mm_struct *src)
{
    *dst = *src;
    dst->pgdir = pgdir_create();
    if (!dst->pgdir)
        return -ENOMEM;
    for (uint32_t i = 0; i < USER_PDES; i++) {
        if (!(src->pgdir[i] & PTE_P))
            continue;
        pte_t *table = phys_to_virt(PTE_ADDR(src->pgdir[i]));
        for (uint32_t j = 0; j < 1024; j++) {
            if (!(table[j] & PTE_P))
                continue;
            void *page = alloc_page();
            uint32_t va = (i << 22) | (j << 12);
            if (!page || map_page(dst->pgdir, va, page, table[j] & 0xfff) < 0) {
                if (page)
                    free_page(page);
                pgdir_destroy(dst->pgdir);
                dst->pgdir = NULL;
                return -ENOMEM;
            }
            memcpy(page, phys_to_virt(PTE_ADDR(table[j])), PAGE_SIZE);
        }
    }
    return 0;
}

void mm_release(struct mm_struct *mm)
{
    if (mm->pgdir)
        pgdir_destroy(mm->pgdir);
    mm->pgdir = NULL;
}

int mm_map_zeroed(struct mm_struct *mm, uint32_t start, uint32_t end, uint32_t flags)
{
    for (uint32_t va = page_round_down(start); va < end; va += PAGE_SIZE) {
        pte_t *pte = pgdir_walk(mm->pgdir, va, 0);
        if (pte && (*pte & PTE_P)) {         /* already there (shared by two */
            *pte |= flags;                   /* ELF segments): keep, widen */
            continue;
        }
        void *page = alloc_page();
        if (!page)
            return -ENOMEM;
        if (map_page(mm->pgdir, va, page, flags | PTE_U) < 0) {
            free_page(page);
            return -ENOMEM;
        }
    }
    return 0;
}

static void unmap_range(struct mm_struct *mm, uint32_t start, uint32_t end)
{
    for (uint32_t va = page_round_up(start); va < end; va += PAGE_SIZE) {
        void *page = unmap_page(mm->pgdir, va);
        if (page)
            free_page(page);
    }
    free_empty_tables(mm->pgdir, page_round_up(start), end);
}

/* The stack grows by itself: an access just below it, within
 * USER_STACK_MAX of the top, maps the pages down to there. */
int grow_stack(struct mm_struct *mm, uint32_t va)
{
    if (!mm->pgdir || va >= USER_STACK_TOP || va < USER_STACK_TOP - USER_STACK_MAX)
        return -EFAULT;
    if (va >= mm->stack_low)
        return -EFAULT;                      /* mapped already, so not a growth */
    uint32_t low = page_round_down(va);
    if (mm_map_zeroed(mm, low, mm->stack_low, PTE_W) < 0)
        return -ENOMEM;
    mm->stack_low = low;
    return 0;
}

/* brk(addr): move the end of the heap.  Returns the new end, or the old
 * one if the request cannot be met (Linux's convention: the C library's
 * sbrk compares). brk(0) asks where the end is. */
long sys_brk(void *addr)
{
    struct mm_struct *mm = &current->mm;
    uint32_t new_brk = (uint32_t)addr;

    if (new_brk < mm->start_brk || new_brk >= USER_STACK_TOP - USER_STACK_MAX)
        return mm->brk;
    if (new_brk > mm->brk) {
        if ((new_brk - mm->brk) / PAGE_SIZE > nr_free_pages())
            return mm->brk;                  /* cannot possibly fit */
        if (mm_map_zeroed(mm, page_round_up(mm->brk), new_brk, PTE_W) < 0) {
            unmap_range(mm, mm->brk, new_brk);   /* give back what we got */
            return mm->brk;
        }
    } else {
        unmap_range(mm, new_brk, mm->brk);
    }
    mm->brk = new_brk;
    return mm->brk;
}

unsigned long mm_pages(struct mm_struct *mm)
{
    unsigned long n = 0;

    if (!mm->pgdir)
        return 0;
    for (uint32_t i = 0; i < USER_PDES; i++) {
        if (!(mm->pgdir[i] & PTE_P))
            continue;
        pte_t *table = phys_to_virt(PTE_ADDR(mm->pgdir[i]));
        for (int j = 0; j < 1024; j++)
            if (table[j] & PTE_P)
                n++;
    }
    return n;
}
