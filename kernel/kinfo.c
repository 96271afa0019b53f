/* LAB(syscall) FILE */
/* kinfo(info): a few numbers about the system and the caller, in one
 * struct kinfo (include/minnow/kinfo.h; docs/labs/syscall.md).
 *
 * The record is filled in the kernel and copied out in one piece:
 * copy_to_user checks that the whole of it is the caller's, writable
 * memory, so a bad pointer (NULL, the kernel's half, a read-only page)
 * fails with EFAULT instead of faulting in the kernel. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/kinfo.h>
#include "proc/task.h"
#include "mm/page_alloc.h"
#include "mm/uaccess.h"

long sys_kinfo(struct kinfo *uinfo)
{
    struct kinfo info;

    memset(&info, 0, sizeof(info));
    info.free_pages = nr_free_pages();
    info.total_pages = nr_total_pages();
    info.procs = count_tasks(0);
    info.syscalls = current->syscalls;
    return copy_to_user(uinfo, &info, sizeof(info));
}
