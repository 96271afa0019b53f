#ifndef MM_MM_H
#define MM_MM_H

#include "proc/task.h"

int mm_copy(struct mm_struct *dst, struct mm_struct *src);   /* fork */
void mm_release(struct mm_struct *mm);                       /* exit, exec */
int grow_stack(struct mm_struct *mm, uint32_t va);
unsigned long mm_pages(struct mm_struct *mm);                /* for ps */
/* Maps fresh zeroed pages over [start, end) of mm; -ENOMEM if memory is out. */
int mm_map_zeroed(struct mm_struct *mm, uint32_t start, uint32_t end, uint32_t flags);

#endif
