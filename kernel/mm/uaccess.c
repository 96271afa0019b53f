/* Checked access to user memory (see uaccess.h).
 *
 * Because the current process's pages are mapped while it is in the
 * kernel, a checked user pointer can be used directly.  The check walks the
 * page tables; a page that is not there yet, or is shared copy-on-write, is
 * brought in on the way by the page fault handler's own code, just as if
 * the program had touched it -- so read(fd, buf) into a fresh heap or a
 * page shared since fork works, and the kernel itself never faults. */
#include <string.h>
#include <minnow/errno.h>
#include "mm/uaccess.h"
#include "mm/memlayout.h"
#include "mm/fault.h"
#include "mm/paging.h"
#include "proc/task.h"

static int page_ok(uint32_t va, int write)
{
    pte_t *pte = pgdir_walk(current->mm.pgdir, va, 0);
    uint32_t need = PTE_P | PTE_U | (write ? PTE_W : 0);

    if (pte && (*pte & need) == need)
        return 1;
    return handle_mm_fault(va, write) == FAULT_OK;
}

int verify_area(const void *uptr, size_t len, int write)
{
    uint32_t start = (uint32_t)uptr;

    if (len == 0)
        return 0;
    if (!current->mm.pgdir || start >= USER_TOP || len > USER_TOP - start)
        return -EFAULT;
    for (uint32_t va = page_round_down(start); va < start + len; va += PAGE_SIZE) {
        if (!page_ok(va, write))
            return -EFAULT;
        if (va + PAGE_SIZE < va)          /* wrapped around: the last page */
            break;
    }
    return 0;
}

int copy_from_user(void *dst, const void *usrc, size_t len)
{
    if (verify_area(usrc, len, 0) < 0)
        return -EFAULT;
    memcpy(dst, usrc, len);
    return 0;
}

int copy_to_user(void *udst, const void *src, size_t len)
{
    if (verify_area(udst, len, 1) < 0)
        return -EFAULT;
    memcpy(udst, src, len);
    return 0;
}

long strncpy_from_user(char *dst, const char *usrc, size_t max)
{
    uint32_t va = (uint32_t)usrc;

    for (size_t i = 0; i < max; i++, va++) {
        /* check each page once, when the string enters it */
        if ((i == 0 || (va & (PAGE_SIZE - 1)) == 0) && verify_area((void *)va, 1, 0) < 0)
            return -EFAULT;
        dst[i] = *(const char *)va;
        if (dst[i] == '\0')
            return i;
    }
    return -ENAMETOOLONG;
}
