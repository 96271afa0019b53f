#ifndef MM_FAULT_H
#define MM_FAULT_H

#include <stdint.h>
#include "proc/task.h"
#include "arch/regs.h"

struct vm_area_struct;

/* What became of a fault. */
#define FAULT_OK      0
#define FAULT_SIGSEGV 1          /* no area, or an access it forbids */
#define FAULT_SIGBUS  2          /* a file mapping's page past the end of the file */
#define FAULT_OOM     3          /* no free page: the process was killed */

void do_page_fault(struct pt_regs *regs);          /* the CPU's page fault */
/* The current process touched addr: bring its page in, or say why not.
 * The kernel calls it too, for user pointers (uaccess.c). */
int handle_mm_fault(uint32_t addr, int write);
/* Brings in page va of vma in mm; with write, makes it the process's own
 * (copy-on-write).  Does not check the area's rights (exec uses it to
 * build the new image). */
int fault_in_page(struct mm_struct *mm, struct vm_area_struct *vma, uint32_t va, int write);

#endif
