/* Device registers in memory space (a PCI memory BAR), mapped into the
 * kernel's address space. */
#ifndef MM_IOREMAP_H
#define MM_IOREMAP_H

#include <stdint.h>

void ioremap_init(void);        /* from paging_init, before any page directory is copied */
/* The kernel address of [phys, phys + size), uncached; NULL when the
 * window (IOREMAP_SIZE) is full.  Mappings last until the machine stops. */
void *ioremap(uint32_t phys, uint32_t size);

#endif
