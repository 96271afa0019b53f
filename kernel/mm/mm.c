/* A process's address space (struct mm_struct): its areas (mm/vma.c) and
 * its page tables.  fork copies it (mm_copy), exit and exec release it,
 * brk moves the end of its heap. */
#include <string.h>
#include <minnow/errno.h>
#include "mm/mm.h"
#include "mm/vma.h"
#include "mm/memlayout.h"
#include "mm/page_alloc.h"
#include "mm/paging.h"
#include "arch/x86.h"
#include "fs/inode.h"

/* LAB(cow) BEGIN */
/* One page of the parent (*spte) for the child (*dpte), by fork: shared.
 * A private page loses its write bit on both sides: whoever writes first
 * gets a copy (mm/fault.c), so "each process has its own copy" while a
 * fork costs page tables, not pages.  A page of a shared area stays
 * writable: it is one memory for both. */
static int fork_page(struct vm_area_struct *vma, pte_t *spte, pte_t *dpte)
{
    if (!(vma->vm_flags & VM_SHARED))
        *spte &= ~PTE_W;
    *dpte = *spte;
    get_page(phys_to_virt(PTE_ADDR(*spte)));
    return 0;
}
/* LAB(cow) STARTER */
//: /* One page of the parent (*spte) for the child (*dpte), by fork.  A page
//:  * of a shared area (MAP_SHARED) is one memory for both: the child's
//:  * entry points at the parent's page, which gets one holder more.  Every
//:  * other page is copied now, whole, so that each process has its own --
//:  * and a fork costs as many pages, and as much time, as the process has
//:  * pages.  Lab cow (docs/labs/cow.md): copy on the first write instead. */
//: static int fork_page(struct vm_area_struct *vma, pte_t *spte, pte_t *dpte)
//: {
//:     void *page = phys_to_virt(PTE_ADDR(*spte));
//:
//:     if (vma->vm_flags & VM_SHARED) {
//:         *dpte = *spte;
//:         get_page(page);
//:         return 0;
//:     }
//:     void *copy = alloc_page();
//:     if (!copy)
//:         return -ENOMEM;
//:     memcpy(copy, page, PAGE_SIZE);
//:     *dpte = virt_to_phys(copy) | vma_pte_flags(vma, copy);
//:     return 0;
//: }
/* LAB(cow) END */

/* The present pages of one area, for the child (fork_page). */
static int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
                           struct vm_area_struct *vma)
{
    for (uint32_t va = vma->vm_start; va < vma->vm_end;) {
        if (!(src->pgdir[va >> 22] & PTE_P)) {
            va = (va | 0x3fffff) + 1;        /* no page table: skip its 4 MiB */
            continue;
        }
        pte_t *spte = pgdir_walk(src->pgdir, va, 0);
        if (*spte & PTE_P) {
            pte_t *dpte = pgdir_walk(dst->pgdir, va, 1);
            if (!dpte || fork_page(vma, spte, dpte) < 0)
                return -ENOMEM;
        }
        va += PAGE_SIZE;
    }
    return 0;
}

int mm_copy(struct mm_struct *dst, struct mm_struct *src)
{
    int err = -ENOMEM;

    *dst = *src;
    dst->mmap = NULL;
    dst->min_flt = dst->cow_copies = 0;
    inode_get(dst->exe_file);
    dst->pgdir = pgdir_create();
    if (dst->pgdir && copy_vmas(dst, src) == 0) {
        err = 0;
        for (struct vm_area_struct *vma = src->mmap; vma && !err; vma = vma->vm_next)
            err = copy_page_range(dst, src, vma);
    }
    /* LAB(cow) BEGIN */
    if (read_cr3() == virt_to_phys(src->pgdir))
        write_cr3(virt_to_phys(src->pgdir));     /* the parent's pages lost PTE_W */
    /* LAB(cow) END */
    if (err)
        mm_release(dst);
    return err;
}

void mm_release(struct mm_struct *mm)
{
    free_vmas(mm);
    if (mm->pgdir)
        pgdir_destroy(mm->pgdir);            /* each page loses one holder */
    mm->pgdir = NULL;
    inode_put(mm->exe_file);
    mm->exe_file = NULL;
}

/* brk(addr): move the end of the heap.  Returns the new end, or the old
 * one if the request cannot be met (Linux's convention: the C library's
 * sbrk compares).  brk(0) asks where the end is.  The heap is an area of
 * zero-filled pages; they come in when first touched, so growing the heap
 * costs no memory until it is used, and a request for more than there is
 * free memory now is refused at once. */
long sys_brk(void *addr)
{
    struct mm_struct *mm = &current->mm;
    uint32_t new_brk = (uint32_t)addr;
    uint32_t old_end = page_round_up(mm->brk), new_end = page_round_up(new_brk);

    if (new_brk < mm->start_brk || new_brk > MMAP_BASE)
        return mm->brk;
    if (new_end > old_end) {
        struct vm_area_struct *next = find_vma(mm, old_end);
        if ((next && next->vm_start < new_end) ||
            (new_end - old_end) / PAGE_SIZE > nr_free_pages() ||
            insert_vma(mm, old_end, new_end, VM_READ | VM_WRITE | VM_MAYWRITE, NULL, 0) < 0)
            return mm->brk;
        merge_vmas(mm);
    } else if (new_end < old_end && unmap_range(mm, new_end, old_end) < 0) {
        return mm->brk;
    }
    mm->brk = new_brk;
    return mm->brk;
}

/* Pages present in the page tables now (ps's "resident" size). */
unsigned long mm_pages(struct mm_struct *mm)
{
    unsigned long n = 0;

    if (!mm->pgdir)
        return 0;
    for (uint32_t i = 0; i < (KERNEL_BASE >> 22); i++) {
        if (!(mm->pgdir[i] & PTE_P))
            continue;
        pte_t *table = phys_to_virt(PTE_ADDR(mm->pgdir[i]));
        for (int j = 0; j < 1024; j++)
            if (table[j] & PTE_P)
                n++;
    }
    return n;
}
