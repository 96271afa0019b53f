/* Areas of an address space: a list sorted by address, kept as few as it
 * can be (neighbours that are alike are joined), cut where a system call
 * changes only part of an area.  See vma.h for what an area is. */
#include <string.h>
#include <minnow/errno.h>
#include "mm/vma.h"
#include "mm/memlayout.h"
#include "mm/kmalloc.h"
#include "mm/page_alloc.h"
#include "mm/paging.h"
#include "fs/inode.h"
#include "proc/task.h"

/* The first area that ends above addr (it may also start above it). */
struct vm_area_struct *find_vma(struct mm_struct *mm, uint32_t addr)
{
    for (struct vm_area_struct *vma = mm->mmap; vma; vma = vma->vm_next)
        if (vma->vm_end > addr)
            return vma;
    return NULL;
}

struct vm_area_struct *vma_containing(struct mm_struct *mm, uint32_t addr)
{
    struct vm_area_struct *vma = find_vma(mm, addr);

    return vma && vma->vm_start <= addr ? vma : NULL;
}

/* Whether every page of [start, end) belongs to some area. */
int vma_range_mapped(struct mm_struct *mm, uint32_t start, uint32_t end)
{
    uint32_t covered = start;

    for (struct vm_area_struct *vma = find_vma(mm, start); vma && covered < end;
         vma = vma->vm_next) {
        if (vma->vm_start > covered)
            return 0;                        /* a hole */
        covered = vma->vm_end;
    }
    return covered >= end;
}

static struct vm_area_struct *new_vma(struct mm_struct *mm)
{
    if (mm->map_count >= MAX_MAP_COUNT)
        return NULL;
    struct vm_area_struct *vma = kmalloc(sizeof(*vma));
    if (vma)
        mm->map_count++;
    return vma;
}

static void free_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
    inode_put(vma->vm_file);
    kfree(vma);
    mm->map_count--;
}

int insert_vma(struct mm_struct *mm, uint32_t start, uint32_t end, uint32_t flags,
               struct inode *file, uint32_t pgoff)
{
    struct vm_area_struct *vma = new_vma(mm);

    if (!vma)
        return -ENOMEM;
    vma->vm_start = start;
    vma->vm_end = end;
    vma->vm_flags = flags;
    vma->vm_file = inode_get(file);
    vma->vm_pgoff = file ? pgoff : 0;
    struct vm_area_struct **link = &mm->mmap;
    while (*link && (*link)->vm_start < start)
        link = &(*link)->vm_next;
    vma->vm_next = *link;
    *link = vma;
    return 0;
}

/* Cuts vma in two at addr, a page boundary inside it. */
static int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, uint32_t addr)
{
    struct vm_area_struct *tail = new_vma(mm);

    if (!tail)
        return -ENOMEM;
    *tail = *vma;
    tail->vm_start = addr;
    if (tail->vm_file) {
        inode_get(tail->vm_file);
        tail->vm_pgoff += (addr - vma->vm_start) / PAGE_SIZE;
    }
    vma->vm_end = addr;
    vma->vm_next = tail;
    return 0;
}

/* Cutting changes nothing a program can see, so a failure part way leaves
 * a valid list behind. */
int split_vmas_at(struct mm_struct *mm, uint32_t start, uint32_t end)
{
    struct vm_area_struct *vma = vma_containing(mm, start);

    if (vma && vma->vm_start < start && split_vma(mm, vma, start) < 0)
        return -ENOMEM;
    vma = vma_containing(mm, end);
    if (vma && vma->vm_start < end && split_vma(mm, vma, end) < 0)
        return -ENOMEM;
    return 0;
}

int unmap_range(struct mm_struct *mm, uint32_t start, uint32_t end)
{
    if (split_vmas_at(mm, start, end) < 0)
        return -ENOMEM;
    struct vm_area_struct **link = &mm->mmap;
    while (*link) {
        struct vm_area_struct *vma = *link;
        if (vma->vm_start >= start && vma->vm_end <= end) {
            *link = vma->vm_next;
            free_vma(mm, vma);
        } else {
            link = &vma->vm_next;
        }
    }
    zap_page_range(mm, start, end);
    return 0;
}

/* Two neighbours can be one area if nothing tells them apart: the same
 * rights, and the same source (zeroes, or one file at following offsets). */
static int can_merge(struct vm_area_struct *a, struct vm_area_struct *b)
{
    if (a->vm_end != b->vm_start || a->vm_flags != b->vm_flags || a->vm_file != b->vm_file)
        return 0;
    return !a->vm_file || a->vm_pgoff + (a->vm_end - a->vm_start) / PAGE_SIZE == b->vm_pgoff;
}

void merge_vmas(struct mm_struct *mm)
{
    struct vm_area_struct *vma = mm->mmap;

    while (vma && vma->vm_next) {
        struct vm_area_struct *next = vma->vm_next;
        if (can_merge(vma, next)) {
            vma->vm_end = next->vm_end;
            vma->vm_next = next->vm_next;
            free_vma(mm, next);
        } else {
            vma = next;
        }
    }
}

static int range_free(struct mm_struct *mm, uint32_t start, uint32_t end)
{
    struct vm_area_struct *vma = find_vma(mm, start);

    return !vma || vma->vm_start >= end;
}

uint32_t get_unmapped_area(struct mm_struct *mm, uint32_t hint, uint32_t len)
{
    if (len > MMAP_BASE - MMAP_MIN_ADDR)
        return 0;
    hint = page_round_up(hint);
    if (hint >= MMAP_MIN_ADDR && hint <= USER_TOP - len && range_free(mm, hint, hint + len))
        return hint;
    /* the highest hole below MMAP_BASE that len fits in */
    uint32_t best = 0, hole_start = MMAP_MIN_ADDR;
    for (struct vm_area_struct *vma = mm->mmap; ; vma = vma->vm_next) {
        uint32_t hole_end = vma && vma->vm_start < MMAP_BASE ? vma->vm_start : MMAP_BASE;
        if (hole_end > hole_start && hole_end - hole_start >= len)
            best = hole_end - len;
        if (!vma || vma->vm_end >= MMAP_BASE)
            return best;
        if (vma->vm_end > hole_start)
            hole_start = vma->vm_end;
    }
}

/* fork: the child gets a copy of every area (its pages: copy_page_range
 * in mm.c). */
int copy_vmas(struct mm_struct *dst, struct mm_struct *src)
{
    struct vm_area_struct **link = &dst->mmap;

    dst->mmap = NULL;
    dst->map_count = 0;
    for (struct vm_area_struct *vma = src->mmap; vma; vma = vma->vm_next) {
        struct vm_area_struct *copy = new_vma(dst);
        if (!copy)
            return -ENOMEM;
        *copy = *vma;
        inode_get(copy->vm_file);
        copy->vm_next = NULL;
        *link = copy;
        link = &copy->vm_next;
    }
    return 0;
}

void free_vmas(struct mm_struct *mm)
{
    while (mm->mmap) {
        struct vm_area_struct *vma = mm->mmap;
        mm->mmap = vma->vm_next;
        free_vma(mm, vma);
    }
}

/* The page table entry's bits for a page of vma.  PROT_NONE keeps the
 * page present but the kernel's alone (no PTE_U), so a touch faults.  A
 * private page is writable only while this process is its one holder:
 * that is copy-on-write -- a shared page stays read-only, and the first
 * write faults and copies it (mm/fault.c). */
uint32_t vma_pte_flags(struct vm_area_struct *vma, void *page)
{
    uint32_t flags = PTE_P;

    if (!(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
        return flags;
    flags |= PTE_U;
    if ((vma->vm_flags & VM_WRITE) &&
        ((vma->vm_flags & VM_SHARED) || page_count(page) == 1))
        flags |= PTE_W;
    return flags;
}

/* Drops the pages of [start, end) from the page tables (each page loses
 * one holder), and the page tables that hold nothing any more. */
void zap_page_range(struct mm_struct *mm, uint32_t start, uint32_t end)
{
    for (uint32_t va = start; va < end && va >= start;) {
        if (!(mm->pgdir[va >> 22] & PTE_P)) {
            va = (va | 0x3fffff) + 1;        /* no page table: skip its 4 MiB */
            continue;
        }
        pte_t *pte = pgdir_walk(mm->pgdir, va, 0);
        if (*pte & PTE_P) {
            free_page(phys_to_virt(PTE_ADDR(*pte)));
            *pte = 0;
        }
        va += PAGE_SIZE;
    }
    free_empty_tables(mm->pgdir, start, end);    /* and forgets old translations */
}

/* The part of vma that maps pages `pages` and up of its file. */
static uint32_t first_va_from(struct vm_area_struct *vma, uint32_t pages)
{
    return vma->vm_pgoff >= pages ? vma->vm_start
                                  : vma->vm_start + (pages - vma->vm_pgoff) * PAGE_SIZE;
}

/* The file shrank to `pages` pages.  Every process that maps it lets go
 * of the pages past that, as Linux's truncate does: otherwise a mapping
 * would keep the page the file dropped, a later touch would find it
 * instead of the end of the file (SIGBUS), and once the file grew again
 * the mapping and read() would see two different pages.  Private copies
 * go too, as in Linux: past the end of the file there is nothing. */
void unmap_file_pages(struct inode *file, uint32_t pages)
{
    for (int i = 0; i < NR_TASKS; i++) {
        struct mm_struct *mm = &tasks[i].mm;
        if (tasks[i].state == TASK_UNUSED || !mm->pgdir)
            continue;
        for (struct vm_area_struct *vma = mm->mmap; vma; vma = vma->vm_next)
            if (vma->vm_file == file &&
                vma->vm_pgoff + (vma->vm_end - vma->vm_start) / PAGE_SIZE > pages)
                zap_page_range(mm, first_va_from(vma, pages), vma->vm_end);
    }
}
