/* The physical page allocator: one bit per 4 KiB page of RAM, 1 = in use.
 *
 * At boot every page is "in use"; the multiboot memory map then frees the
 * usable RAM, and the kernel image and the initrd are marked used again.
 * A bitmap (rather than a free list) lets alloc_pages() find contiguous
 * runs, which kernel stacks need.
 *
 * Every page in use also has a reference count: how many holders it has
 * (a page table entry of each process that maps it, a RAM file whose bytes
 * it holds).  Copy-on-write fork shares a page by taking a reference
 * (get_page); free_page() drops one, and the page goes back to the pool
 * when the last holder lets go (docs/vm.md). */
#include <string.h>
#include "mm/page_alloc.h"
#include "mm/memlayout.h"
#include "lib/printk.h"

#define MAX_PAGES (MAX_PHYS_MEM / PAGE_SIZE)

static uint32_t page_bitmap[MAX_PAGES / 32];
static unsigned long max_pfn;        /* pages above this do not exist */
static unsigned long free_count;
static unsigned long total_count;
static unsigned long lowest_free;    /* no page below this one is free */
static uint32_t page_refs[MAX_PAGES];   /* holders of each page in use */
static unsigned long shared_count;   /* pages with more than one holder */

static int page_used(unsigned long pfn)
{
    return page_bitmap[pfn / 32] & (1u << (pfn % 32));
}

static void set_used(unsigned long pfn)
{
    page_bitmap[pfn / 32] |= 1u << (pfn % 32);
}

static void set_free(unsigned long pfn)
{
    page_bitmap[pfn / 32] &= ~(1u << (pfn % 32));
    if (pfn < lowest_free)
        lowest_free = pfn;
}

void page_alloc_init(uint32_t mem_end)
{
    if (mem_end > MAX_PHYS_MEM)
        mem_end = MAX_PHYS_MEM;
    max_pfn = mem_end / PAGE_SIZE;
    memset(page_bitmap, 0xff, sizeof(page_bitmap));
}

/* Makes [start, end) available; partial pages at the edges are left out. */
void free_phys_range(uint32_t start, uint32_t end)
{
    for (unsigned long pfn = page_round_up(start) / PAGE_SIZE;
         pfn < end / PAGE_SIZE && pfn < max_pfn; pfn++) {
        if (page_used(pfn)) {
            set_free(pfn);
            free_count++;
            total_count++;
        }
    }
}

/* Takes [start, end) out of the pool for good (the kernel image, modules). */
void reserve_phys_range(uint32_t start, uint32_t end)
{
    for (unsigned long pfn = start / PAGE_SIZE;
         pfn < page_round_up(end) / PAGE_SIZE && pfn < max_pfn; pfn++) {
        if (!page_used(pfn)) {
            set_used(pfn);
            free_count--;
            total_count--;
        }
    }
}

/* Returns the first pfn of n free pages in a row, or 0 (page 0 is never
 * free: it holds the real-mode interrupt table).
 *
 * First fit: the lowest free pages go first, so a page just freed is the
 * next one handed out, and the kernel keeps reusing a few warm pages
 * rather than walking through all of memory.  Under QEMU's emulation a
 * page touched for the first time in a while is dear: it misses in the
 * emulator's TLB, and a page that once held code a process ran (its
 * translated code is still cached) makes every store check that code.
 * With a "next fit" search that went round all of memory, each open()
 * (whose path name gets a fresh page) took three times as long for
 * thousands of calls after processes had come and gone (docs/bench.md). */
static unsigned long find_free_run(unsigned n)
{
    unsigned long run = 0;
    int seen_free = 0;

    for (unsigned long pfn = lowest_free; pfn < max_pfn; pfn++) {
        if (pfn % 32 == 0 && page_bitmap[pfn / 32] == 0xffffffffu) {
            pfn += 31;                    /* 32 pages in use: skip the word */
            run = 0;
            continue;
        }
        if (page_used(pfn)) {
            run = 0;
            continue;
        }
        if (!seen_free) {                 /* everything below was in use */
            lowest_free = pfn;
            seen_free = 1;
        }
        if (++run == n)
            return pfn - n + 1;
    }
    return 0;
}

void *alloc_pages(unsigned n)
{
    if (n == 0 || free_count < n)
        return NULL;
    unsigned long first = find_free_run(n);
    if (first == 0)
        return NULL;
    for (unsigned long pfn = first; pfn < first + n; pfn++) {
        set_used(pfn);
        page_refs[pfn] = 1;
    }
    free_count -= n;
    if (first == lowest_free)
        lowest_free = first + n;
    void *va = phys_to_virt(first * PAGE_SIZE);
    memset(va, 0, n * PAGE_SIZE);
    return va;
}

void *alloc_page(void)
{
    return alloc_pages(1);
}

/* The page frame number of a page handed out by alloc_pages; a kernel bug
 * (a pointer that is no such page) stops the machine here rather than
 * corrupting the pool. */
static unsigned long pfn_of(void *page)
{
    unsigned long pfn = virt_to_phys(page) / PAGE_SIZE;

    if (((uint32_t)page & (PAGE_SIZE - 1)) || (uint32_t)page < KERNEL_BASE ||
        pfn >= max_pfn || !page_used(pfn) || page_refs[pfn] == 0)
        panic("bad page %p", page);
    return pfn;
}

/* Drops one reference to each of the n pages; a page nobody holds any
 * more is free again. */
void free_pages(void *page, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        unsigned long pfn = pfn_of((char *)page + i * PAGE_SIZE);
        if (--page_refs[pfn] == 1)
            shared_count--;
        if (page_refs[pfn] > 0)
            continue;
        set_free(pfn);
        free_count++;
    }
}

void free_page(void *page)
{
    free_pages(page, 1);
}

void get_page(void *page)
{
    if (++page_refs[pfn_of(page)] == 2)
        shared_count++;
}

unsigned page_count(void *page)
{
    return page_refs[pfn_of(page)];
}

unsigned long nr_shared_pages(void)
{
    return shared_count;
}

unsigned long nr_free_pages(void)
{
    return free_count;
}

unsigned long nr_total_pages(void)
{
    return total_count;
}
