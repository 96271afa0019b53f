#ifndef MM_MM_H
#define MM_MM_H

#include "proc/task.h"

int mm_copy(struct mm_struct *dst, struct mm_struct *src);   /* fork */
void mm_release(struct mm_struct *mm);                       /* exit, exec */
unsigned long mm_pages(struct mm_struct *mm);                /* for ps */

#endif
