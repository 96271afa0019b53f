/* Areas of an address space (struct vm_area_struct, as in Linux).
 *
 * A process's memory is a sorted list of areas: the program's text and
 * data (pieces of its ELF file), the bss, the heap, the stack, and every
 * mmap.  An area says what the process may do with its pages and where
 * they come from (a file and an offset in it, or zeroes); the page tables
 * say only which pages are there right now.  A page fault looks up the
 * area of the address and brings the page in (mm/fault.c). */
#ifndef MM_VMA_H
#define MM_VMA_H

#include <stdint.h>
#include "proc/task.h"

#define VM_READ       0x001
#define VM_WRITE      0x002
#define VM_EXEC       0x004
#define VM_SHARED     0x008      /* writes reach the file and every mapper */
#define VM_MAYWRITE   0x020      /* mprotect may add VM_WRITE (not for a
                                    shared file opened read-only) */
#define VM_GROWSDOWN  0x100      /* a stack: a touch just below grows it */

#define MAX_MAP_COUNT 1024       /* areas per process (mmap: ENOMEM) */
#define MMAP_MIN_ADDR 0x10000u   /* nothing is mapped below (NULL stays a fault) */
/* mmap without an address takes the highest free space below the stack's
 * room to grow, as Linux i386 does. */
#define MMAP_BASE     (USER_STACK_TOP - USER_STACK_MAX - PAGE_SIZE)

struct inode;

struct vm_area_struct {
    uint32_t vm_start;           /* first address */
    uint32_t vm_end;             /* first address after it; both page-aligned */
    uint32_t vm_flags;           /* VM_READ, VM_WRITE, ... */
    struct inode *vm_file;       /* the file its pages come from (a reference),
                                    or NULL: zero-filled (anonymous) */
    uint32_t vm_pgoff;           /* page of the file at vm_start */
    struct vm_area_struct *vm_next;   /* the next area up */
};

struct vm_area_struct *find_vma(struct mm_struct *mm, uint32_t addr);
struct vm_area_struct *vma_containing(struct mm_struct *mm, uint32_t addr);
int vma_range_mapped(struct mm_struct *mm, uint32_t start, uint32_t end);

/* A new area [start, end) in mm; the range must be free.  -ENOMEM if
 * memory or the area limit ran out. */
int insert_vma(struct mm_struct *mm, uint32_t start, uint32_t end, uint32_t flags,
               struct inode *file, uint32_t pgoff);
/* Cuts the areas so that start and end are area boundaries. */
int split_vmas_at(struct mm_struct *mm, uint32_t start, uint32_t end);
/* Removes every area and page in [start, end) (munmap). */
int unmap_range(struct mm_struct *mm, uint32_t start, uint32_t end);
/* Joins vma with its neighbours where they are alike. */
void merge_vmas(struct mm_struct *mm);
/* The free space of len bytes where mmap puts a new area: at hint if it
 * is free, else the highest that fits below MMAP_BASE; 0 if none. */
uint32_t get_unmapped_area(struct mm_struct *mm, uint32_t hint, uint32_t len);

int copy_vmas(struct mm_struct *dst, struct mm_struct *src);   /* fork */
void free_vmas(struct mm_struct *mm);

/* The page-table side of an area, for the page fault handler and for
 * mprotect: the bits a page's entry should have in vma. */
uint32_t vma_pte_flags(struct vm_area_struct *vma, void *page);
void zap_page_range(struct mm_struct *mm, uint32_t start, uint32_t end);
/* A file shrank to `pages` pages: every mapping of it drops the rest. */
void unmap_file_pages(struct inode *file, uint32_t pages);

/* One area as getvmas and /proc/PID/maps show it (mm/mmap.c). */
struct task_struct;
struct vma_info;
void describe_vma(struct task_struct *t, struct vm_area_struct *vma, struct vma_info *info);

#endif
