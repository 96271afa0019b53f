#ifndef MM_PAGE_ALLOC_H
#define MM_PAGE_ALLOC_H

#include <stdint.h>

/* Pages are handed out as kernel virtual addresses in the direct map. */
void page_alloc_init(uint32_t mem_end);
void free_phys_range(uint32_t start, uint32_t end);
void reserve_phys_range(uint32_t start, uint32_t end);

void *alloc_page(void);               /* one page, zero-filled, or NULL */
void *alloc_pages(unsigned n);        /* n contiguous pages, zero-filled, or NULL */
void free_page(void *page);           /* drops a reference; the last one frees */
void free_pages(void *page, unsigned n);

/* Reference counts, for pages with several holders (copy-on-write, file
 * pages mapped by processes).  alloc_page's page has one holder. */
void get_page(void *page);
unsigned page_count(void *page);

unsigned long nr_free_pages(void);    /* what tests compare before/after */
unsigned long nr_total_pages(void);
unsigned long nr_shared_pages(void);  /* pages with more than one holder */

#endif
