#ifndef MM_KMALLOC_H
#define MM_KMALLOC_H

#include <stddef.h>

void *kmalloc(size_t size);      /* zero-filled, or NULL when memory is out */
void kfree(void *p);             /* kfree(NULL) does nothing */

#endif
