#ifndef MM_PAGE_ALLOC_H
#define MM_PAGE_ALLOC_H

#include <stdint.h>

/* Pages are handed out as kernel virtual addresses in the direct map. */
void page_alloc_init(uint32_t mem_end);
void free_phys_range(uint32_t start, uint32_t end);
void reserve_phys_range(uint32_t start, uint32_t end);

void *alloc_page(void);               /* one page, zero-filled, or NULL */
void *alloc_pages(unsigned n);        /* n contiguous pages, zero-filled, or NULL */
void free_page(void *page);
void free_pages(void *page, unsigned n);

unsigned long nr_free_pages(void);    /* what tests compare before/after */
unsigned long nr_total_pages(void);

#endif
