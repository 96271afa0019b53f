/* The memory system calls: mmap (mmap2 and the old mmap), munmap,
 * mprotect, mremap, msync, madvise, mincore -- Linux i386's numbers and
 * rules -- and getvmas, Minnow's own, for pmap.  Each one changes the
 * list of areas (mm/vma.c) and, where pages are already there, the page
 * tables; the pages themselves come and go in the page fault handler. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include <minnow/mman.h>
#include "mm/vma.h"
#include "mm/mm.h"
#include "mm/memlayout.h"
#include "mm/page_alloc.h"
#include "mm/paging.h"
#include "mm/uaccess.h"
#include "arch/x86.h"
#include "fs/file.h"
#include "fs/inode.h"

static int page_aligned(uint32_t addr)
{
    return (addr & (PAGE_SIZE - 1)) == 0;
}

/* [addr, addr + len rounded up to pages): *end, or 0 if it leaves user space */
static int user_range(uint32_t addr, uint32_t len, uint32_t *end)
{
    uint32_t size = page_round_up(len);

    if (size < len || addr >= USER_TOP || size > USER_TOP - addr)
        return -ENOMEM;
    *end = addr + size;
    return 0;
}

static uint32_t prot_to_vm(int prot)
{
    return (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
           (prot & PROT_EXEC ? VM_EXEC : 0);
}

/* What a file mapping of fd may be: a regular file, opened for reading;
 * a shared writable mapping needs it open for writing too (not for
 * appending), and a shared one that is not may never become writable (no
 * VM_MAYWRITE).  A file system whose pages are copies of its blocks (ext2)
 * has no shared writable mappings at all. */
static int mapping_file(int fd, int shared, int prot, uint32_t *vm_flags, struct inode **out)
{
    struct file *f = fget(fd);

    if (!f)
        return -EBADF;
    if (!f->inode || !S_ISREG(f->inode->mode))
        return -ENODEV;                      /* a pipe, socket or device */
    if (!file_readable(f))
        return -EACCES;
    if (shared && (f->inode->sb->flags & SB_PAGE_COPIES)) {
        if (prot & PROT_WRITE)
            return -ENODEV;                  /* ext2's pages are copies: writes would stay in them */
        *vm_flags &= ~VM_MAYWRITE;
    }
    if (shared && (!file_writable(f) || (f->flags & O_APPEND))) {
        if (prot & PROT_WRITE)
            return -EACCES;
        *vm_flags &= ~VM_MAYWRITE;
    }
    *out = f->inode;
    return 0;
}

/* Where the new area goes (*addr): exactly at *addr (MAP_FIXED, which
 * first unmaps whatever is there; MAP_FIXED_NOREPLACE, which refuses), or
 * at a free place, *addr being a hint.  (Addresses from 0x80000000 up are
 * negative as a long: the address and the errno travel apart.) */
static int place_mapping(struct mm_struct *mm, uint32_t *addr, uint32_t size, int flags)
{
    if (!(flags & (MAP_FIXED | MAP_FIXED_NOREPLACE))) {
        *addr = get_unmapped_area(mm, *addr, size);
        return *addr ? 0 : -ENOMEM;
    }
    if (!page_aligned(*addr))
        return -EINVAL;
    if (*addr < MMAP_MIN_ADDR)
        return -EPERM;                       /* NULL stays a fault */
    if (size > USER_TOP - *addr)
        return -ENOMEM;
    if (flags & MAP_FIXED_NOREPLACE) {
        struct vm_area_struct *vma = find_vma(mm, *addr);
        return vma && vma->vm_start < *addr + size ? -EEXIST : 0;
    }
    return unmap_range(mm, *addr, *addr + size);
}

#define MAP_KNOWN (MAP_TYPE | MAP_FIXED | MAP_ANONYMOUS | MAP_GROWSDOWN | MAP_DENYWRITE | \
                   MAP_EXECUTABLE | MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | \
                   MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB | MAP_FIXED_NOREPLACE)

static long do_mmap(uint32_t addr, uint32_t len, int prot, int flags, int fd, uint32_t pgoff)
{
    struct mm_struct *mm = &current->mm;
    int type = flags & MAP_TYPE, shared = type != MAP_PRIVATE;
    uint32_t size = page_round_up(len), vm_flags;
    struct inode *file = NULL;
    int err;

    if (len == 0 || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) ||
        (type != MAP_SHARED && type != MAP_PRIVATE && type != MAP_SHARED_VALIDATE) ||
        (flags & MAP_HUGETLB))
        return -EINVAL;
    if (type == MAP_SHARED_VALIDATE && (flags & ~MAP_KNOWN))
        return -EOPNOTSUPP;
    if (size < len || size > USER_TOP - MMAP_MIN_ADDR)
        return -ENOMEM;
    vm_flags = prot_to_vm(prot) | VM_MAYWRITE | (shared ? VM_SHARED : 0) |
               (flags & MAP_GROWSDOWN ? VM_GROWSDOWN : 0);
    if (!(flags & MAP_ANONYMOUS)) {
        if (flags & MAP_GROWSDOWN)
            return -EINVAL;                  /* only anonymous stacks grow */
        if (pgoff + size / PAGE_SIZE < pgoff ||
            pgoff + size / PAGE_SIZE > MAX_FILE_SIZE / PAGE_SIZE)
            return -EOVERFLOW;
        if ((err = mapping_file(fd, shared, prot, &vm_flags, &file)) < 0)
            return err;
    } else if (shared ? size > MAX_FILE_SIZE :     /* its unnamed file's limit */
               !(flags & MAP_NORESERVE) && (prot & PROT_WRITE) &&
               size / PAGE_SIZE > nr_free_pages()) {
        return -ENOMEM;                      /* could never be filled */
    }
    if ((err = place_mapping(mm, &addr, size, flags)) < 0)
        return err;
    if (flags & MAP_ANONYMOUS) {
        pgoff = 0;
        if (shared) {
            /* shared zeroes: an unnamed file of their own, so that parent
             * and child after fork find the same pages */
            if (!(file = inode_alloc(S_IFREG | 0600)))
                return -ENOMEM;
            file->size = size;
        }
    }
    err = insert_vma(mm, addr, addr + size, vm_flags, file, pgoff);
    if (flags & MAP_ANONYMOUS)
        inode_put(file);                     /* the area holds it now */
    if (err < 0)
        return err;
    merge_vmas(mm);
    return addr;
}

long sys_mmap2(void *addr, size_t len, int prot, int flags, int fd, unsigned long pgoff)
{
    return do_mmap((uint32_t)addr, len, prot, flags, fd, pgoff);
}

long sys_mmap(struct mmap_arg_struct *uargs)
{
    struct mmap_arg_struct a;

    if (copy_from_user(&a, uargs, sizeof(a)) < 0)
        return -EFAULT;
    if (!page_aligned(a.offset))
        return -EINVAL;
    return do_mmap(a.addr, a.len, a.prot, a.flags, a.fd, a.offset / PAGE_SIZE);
}

long sys_munmap(void *uaddr, size_t len)
{
    uint32_t addr = (uint32_t)uaddr, end;

    if (!page_aligned(addr) || len == 0 || user_range(addr, len, &end) < 0)
        return -EINVAL;
    return unmap_range(&current->mm, addr, end);
}

/* Gives every page already present in [start, end) the rights of its
 * area now. */
static void update_ptes(struct mm_struct *mm, uint32_t start, uint32_t end)
{
    for (struct vm_area_struct *vma = find_vma(mm, start); vma && vma->vm_start < end;
         vma = vma->vm_next) {
        for (uint32_t va = vma->vm_start; va < vma->vm_end; va += PAGE_SIZE) {
            pte_t *pte = pgdir_walk(mm->pgdir, va, 0);
            if (pte && (*pte & PTE_P))
                *pte = PTE_ADDR(*pte) |
                       vma_pte_flags(vma, phys_to_virt(PTE_ADDR(*pte)));
        }
    }
    write_cr3(virt_to_phys(mm->pgdir));      /* forget the old rights */
}

long sys_mprotect(void *uaddr, size_t len, int prot)
{
    struct mm_struct *mm = &current->mm;
    uint32_t addr = (uint32_t)uaddr, end;

    if (!page_aligned(addr) || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
        return -EINVAL;
    if (len == 0)
        return 0;
    if (user_range(addr, len, &end) < 0 || !vma_range_mapped(mm, addr, end))
        return -ENOMEM;
    for (struct vm_area_struct *vma = find_vma(mm, addr); vma && vma->vm_start < end;
         vma = vma->vm_next)
        if ((prot & PROT_WRITE) && !(vma->vm_flags & VM_MAYWRITE))
            return -EACCES;                  /* a shared file opened read-only */
    if (split_vmas_at(mm, addr, end) < 0)
        return -ENOMEM;
    for (struct vm_area_struct *vma = find_vma(mm, addr); vma && vma->vm_start < end;
         vma = vma->vm_next)
        vma->vm_flags = (vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC)) | prot_to_vm(prot);
    update_ptes(mm, addr, end);
    merge_vmas(mm);
    return 0;
}

/* Moves the page table entries of [from, from + size) to [to, ...): the
 * pages keep their holders, only their addresses change.  The page tables
 * at the destination are made first, so that running out of memory
 * changes nothing. */
static int move_ptes(struct mm_struct *mm, uint32_t from, uint32_t to, uint32_t size)
{
    for (uint32_t off = 0; off < size; off += PAGE_SIZE)
        if (!pgdir_walk(mm->pgdir, to + off, 1))
            return -ENOMEM;
    for (uint32_t off = 0; off < size; off += PAGE_SIZE) {
        pte_t *src = pgdir_walk(mm->pgdir, from + off, 0);
        if (src && (*src & PTE_P)) {
            *pgdir_walk(mm->pgdir, to + off, 0) = *src;
            *src = 0;
        }
    }
    write_cr3(virt_to_phys(mm->pgdir));
    return 0;
}

/* mremap's move: a new area at `to` of new_size bytes with the same
 * source, the pages of [addr, addr + old_size) moved into it, and the old
 * range unmapped. */
static long move_area(struct mm_struct *mm, struct vm_area_struct *vma, uint32_t addr,
                      uint32_t old_size, uint32_t to, uint32_t new_size)
{
    uint32_t pgoff = vma->vm_pgoff + (addr - vma->vm_start) / PAGE_SIZE;

    if (insert_vma(mm, to, to + new_size, vma->vm_flags, vma->vm_file, pgoff) < 0)
        return -ENOMEM;
    if (move_ptes(mm, addr, to, old_size < new_size ? old_size : new_size) < 0) {
        unmap_range(mm, to, to + new_size);
        return -ENOMEM;
    }
    unmap_range(mm, addr, addr + old_size);
    merge_vmas(mm);
    return to;
}

long sys_mremap(void *uold, size_t old_len, size_t new_len, int flags, void *unew)
{
    struct mm_struct *mm = &current->mm;
    uint32_t addr = (uint32_t)uold, to = (uint32_t)unew, old_end, new_end;
    uint32_t old_size = page_round_up(old_len), new_size = page_round_up(new_len);

    if (!page_aligned(addr) || (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED)) ||
        ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE)) ||
        old_len == 0 || new_len == 0)        /* (old_len 0: Linux's duplicate; not here) */
        return -EINVAL;
    if (user_range(addr, old_len, &old_end) < 0)
        return -EFAULT;
    struct vm_area_struct *vma = vma_containing(mm, addr);
    if (!vma || old_end > vma->vm_end)
        return -EFAULT;                      /* not one area */
    if (flags & MREMAP_FIXED) {
        if (!page_aligned(to) || to < MMAP_MIN_ADDR || user_range(to, new_len, &new_end) < 0 ||
            (to < old_end && addr < new_end))
            return -EINVAL;
        if (unmap_range(mm, to, new_end) < 0)
            return -ENOMEM;
        return move_area(mm, vma, addr, old_size, to, new_size);
    }
    if (new_size <= old_size) {
        long err = unmap_range(mm, addr + new_size, old_end);
        return err < 0 ? err : (long)addr;
    }
    /* grow in place, if the area ends here and the space after is free */
    struct vm_area_struct *next = vma->vm_next;
    if (old_end == vma->vm_end && new_size <= USER_TOP - addr &&
        (!next || next->vm_start >= addr + new_size)) {
        vma->vm_end = addr + new_size;
        return addr;
    }
    if (!(flags & MREMAP_MAYMOVE))
        return -ENOMEM;
    if (!(to = get_unmapped_area(mm, 0, new_size)))
        return -ENOMEM;
    return move_area(mm, vma, addr, old_size, to, new_size);
}

/* The RAM file system's pages are the mapping's pages: a MAP_SHARED write
 * is in the file at once, and there is nothing to write back.  msync
 * checks its arguments as Linux does and succeeds. */
long sys_msync(void *uaddr, size_t len, int flags)
{
    uint32_t addr = (uint32_t)uaddr, end;

    if (!page_aligned(addr) || (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)) ||
        ((flags & MS_ASYNC) && (flags & MS_SYNC)))
        return -EINVAL;
    if (user_range(addr, len, &end) < 0 || !vma_range_mapped(&current->mm, addr, end))
        return -ENOMEM;
    return 0;
}

/* Advice is only advice, but MADV_DONTNEED/MADV_FREE act: the pages go,
 * and the next touch brings zeroes (private, anonymous) or the file's
 * bytes again. */
long sys_madvise(void *uaddr, size_t len, int advice)
{
    struct mm_struct *mm = &current->mm;
    uint32_t addr = (uint32_t)uaddr, end;

    if (!page_aligned(addr))
        return -EINVAL;
    switch (advice) {
    case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL: case MADV_WILLNEED:
    case MADV_DONTNEED: case MADV_FREE:
        break;
    default:
        return -EINVAL;
    }
    if (len == 0)
        return 0;
    if (user_range(addr, len, &end) < 0 || !vma_range_mapped(mm, addr, end))
        return -ENOMEM;
    if (advice == MADV_DONTNEED || advice == MADV_FREE)
        zap_page_range(mm, addr, end);
    return 0;
}

/* Which pages of [addr, addr + len) are in memory: in this process's
 * page tables, or (for a file mapping) in the file. */
static int page_resident(struct mm_struct *mm, struct vm_area_struct *vma, uint32_t va)
{
    pte_t *pte = pgdir_walk(mm->pgdir, va, 0);

    if (pte && (*pte & PTE_P))
        return 1;
    return vma->vm_file &&
           inode_find_page(vma->vm_file, vma->vm_pgoff + (va - vma->vm_start) / PAGE_SIZE);
}

long sys_mincore(void *uaddr, size_t len, unsigned char *uvec)
{
    struct mm_struct *mm = &current->mm;
    uint32_t addr = (uint32_t)uaddr, end;

    if (!page_aligned(addr))
        return -EINVAL;
    if (user_range(addr, len, &end) < 0 || !vma_range_mapped(mm, addr, end))
        return -ENOMEM;
    if (verify_area(uvec, (end - addr) / PAGE_SIZE, 1) < 0)
        return -EFAULT;
    for (uint32_t va = addr; va < end; va += PAGE_SIZE)
        uvec[(va - addr) / PAGE_SIZE] = page_resident(mm, vma_containing(mm, va), va);
    return 0;
}

/* ---------------------------------------------------------------- getvmas */

static unsigned long resident_pages(struct mm_struct *mm, struct vm_area_struct *vma)
{
    unsigned long n = 0;

    for (uint32_t va = vma->vm_start; va < vma->vm_end; va += PAGE_SIZE) {
        pte_t *pte = pgdir_walk(mm->pgdir, va, 0);
        n += pte && (*pte & PTE_P);
    }
    return n;
}

/* What getvmas and /proc/PID/maps say about one area. */
void describe_vma(struct task_struct *t, struct vm_area_struct *vma, struct vma_info *info)
{
    struct mm_struct *mm = &t->mm;

    memset(info, 0, sizeof(*info));
    info->start = vma->vm_start;
    info->end = vma->vm_end;
    info->flags = (vma->vm_flags & VM_READ ? VMI_READ : 0) |
                  (vma->vm_flags & VM_WRITE ? VMI_WRITE : 0) |
                  (vma->vm_flags & VM_EXEC ? VMI_EXEC : 0) |
                  (vma->vm_flags & VM_SHARED ? VMI_SHARED : 0);
    info->resident = resident_pages(mm, vma);
    if (vma->vm_file && vma->vm_file->nlink) {      /* not shared zeroes */
        info->offset = vma->vm_pgoff * PAGE_SIZE;
        info->ino = vma->vm_file->ino;
        if (vma->vm_file == mm->exe_file)
            strcpy(info->name, t->name);
    } else if (vma->vm_start <= mm->start_brk && mm->start_brk < vma->vm_end) {
        strcpy(info->name, "[heap]");
    } else if (vma->vm_flags & VM_GROWSDOWN) {
        strcpy(info->name, "[stack]");
    }
}

/* getvmas(pid, buf, max): the areas of process pid (0: the caller), up to
 * max of them; returns how many it has. */
long sys_getvmas(pid_t pid, struct vma_info *ubuf, int max)
{
    struct task_struct *t = pid ? find_task(pid) : current;
    struct vma_info info;
    int n = 0;

    if (!t || t->state == TASK_ZOMBIE)
        return -ESRCH;
    if (max < 0)
        return -EINVAL;
    for (struct vm_area_struct *vma = t->mm.mmap; vma; vma = vma->vm_next, n++) {
        if (n >= max)
            continue;
        describe_vma(t, vma, &info);
        if (copy_to_user(&ubuf[n], &info, sizeof(info)) < 0)
            return -EFAULT;
    }
    return n;
}
