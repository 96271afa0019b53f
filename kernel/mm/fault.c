/* The page fault handler: where demand paging and copy-on-write happen.
 *
 * A page table entry that is missing, or read-only, is not yet an error:
 * the CPU traps to do_page_fault(), which asks the process's areas what
 * the page should be.  The address is in no area, or the access is one the
 * area forbids: SIGSEGV.  Otherwise the page comes in now -- from its file,
 * or zeroed -- or, for a write to a page shared since fork, is copied --
 * and the instruction runs again.  docs/vm.md follows one fault through. */
#include <string.h>
#include <minnow/errno.h>
#include "mm/fault.h"
#include "mm/vma.h"
#include "mm/memlayout.h"
#include "mm/page_alloc.h"
#include "mm/paging.h"
#include "arch/x86.h"
#include "fs/inode.h"
#include "lib/printk.h"
#include "proc/signal.h"

static void flush_page(struct mm_struct *mm, uint32_t va)
{
    if (read_cr3() == virt_to_phys(mm->pgdir))
        invlpg(va);
}

static void *pte_page(pte_t pte)
{
    return phys_to_virt(PTE_ADDR(pte));
}

/* Nothing is mapped at va yet: its page is a page of the file (the RAM
 * file system's own page, so every process that maps the file shares it,
 * and a program's text is in memory once however many run it), or a new
 * page of zeroes. */
static int do_no_page(struct vm_area_struct *vma, uint32_t va, pte_t *pte)
{
    void *page;

    if (vma->vm_file) {
        uint32_t index = vma->vm_pgoff + (va - vma->vm_start) / PAGE_SIZE;
        if (index >= page_round_up(vma->vm_file->size) / PAGE_SIZE)
            return FAULT_SIGBUS;             /* wholly past the end of the file */
        page = inode_page(vma->vm_file, index);
        if (!page)
            return FAULT_OOM;
        get_page(page);                      /* this mapping holds it too */
    } else {
        page = alloc_page();
        if (!page)
            return FAULT_OOM;
    }
    *pte = virt_to_phys(page) | PTE_P;      /* the rights: fault_in_page */
    return 0;
}

/* Copy-on-write: a write to a private page that someone else holds too
 * (the other side of a fork, or the file it came from).  This process
 * gets a copy of its own, and lets go of the shared one. */
static int do_wp_page(struct mm_struct *mm, struct vm_area_struct *vma, uint32_t va,
                      pte_t *pte)
{
    void *old = pte_page(*pte);
    void *copy = alloc_page();

    if (!copy)
        return FAULT_OOM;
    memcpy(copy, old, PAGE_SIZE);
    *pte = virt_to_phys(copy) | vma_pte_flags(vma, copy);
    free_page(old);
    flush_page(mm, va);
    mm->cow_copies++;
    return 0;
}

/* A read fault in a file mapping also maps the neighbours of the page
 * that the file already holds (read-only, as any file page at first):
 * they cost no memory, and a program that runs through its text takes a
 * fault per 64 KiB instead of per page (Linux's "fault-around"). */
#define FAULT_AROUND_PAGES 16

static void fault_around(struct mm_struct *mm, struct vm_area_struct *vma, uint32_t va)
{
    uint32_t window = FAULT_AROUND_PAGES * PAGE_SIZE;
    uint32_t start = va & ~(window - 1), end = start + window;
    uint32_t file_pages = page_round_up(vma->vm_file->size) / PAGE_SIZE;

    if (start < vma->vm_start)
        start = vma->vm_start;
    if (end > vma->vm_end)
        end = vma->vm_end;
    for (uint32_t a = start; a < end; a += PAGE_SIZE) {
        uint32_t index = vma->vm_pgoff + (a - vma->vm_start) / PAGE_SIZE;
        pte_t *pte = pgdir_walk(mm->pgdir, a, 0);     /* the table of va: there */
        void *page = index < file_pages ? inode_find_page(vma->vm_file, index) : NULL;
        if (!page || !pte || (*pte & PTE_P))
            continue;                        /* a hole is not worth a page now */
        get_page(page);
        *pte = virt_to_phys(page) | vma_pte_flags(vma, page);
    }
}

int fault_in_page(struct mm_struct *mm, struct vm_area_struct *vma, uint32_t va, int write)
{
    pte_t *pte = pgdir_walk(mm->pgdir, va, 1);

    if (!pte)
        return FAULT_OOM;                    /* no page for the page table */
    if (!(*pte & PTE_P)) {
        int err = do_no_page(vma, va, pte);
        if (err)
            return err;
        if (vma->vm_file && !write)
            fault_around(mm, vma, va);
    }
    /* every fault served here is a minor fault, as in Linux: a page
     * brought in, a copy-on-write copy (cow_copies counts those too), or
     * a page made writable again */
    mm->min_flt++;
    void *page = pte_page(*pte);
    if (write && !(vma->vm_flags & VM_SHARED) && page_count(page) > 1)
        return do_wp_page(mm, vma, va, pte);
    /* present, or just brought in: give it the rights its area allows (a
     * private page whose other holders are gone becomes writable again,
     * without a copy) */
    *pte = PTE_ADDR(*pte) | vma_pte_flags(vma, page);
    flush_page(mm, va);
    return 0;
}

/* A stack grows down by itself: a touch below a VM_GROWSDOWN area, within
 * USER_STACK_MAX of its top and not into the area below it (a page stays
 * between, as a guard), extends the area down to the touched page. */
static int expand_stack(struct mm_struct *mm, struct vm_area_struct *vma, uint32_t addr)
{
    uint32_t low = page_round_down(addr);
    struct vm_area_struct *below = NULL;

    if (!(vma->vm_flags & VM_GROWSDOWN) || vma->vm_end - low > USER_STACK_MAX)
        return -EFAULT;
    for (struct vm_area_struct *v = mm->mmap; v != vma; v = v->vm_next)
        below = v;
    if (below && below->vm_end + PAGE_SIZE > low)
        return -EFAULT;
    vma->vm_start = low;
    return 0;
}

/* Out of memory while a process needed a page: that process alone is
 * killed, and says so; the kernel and everyone else go on. */
static void oom_kill(void)
{
    printk("Out of memory: killed process %d (%s)\n", current->pid, current->name);
    force_signal(SIGKILL);
}

int handle_mm_fault(uint32_t addr, int write)
{
    struct mm_struct *mm = &current->mm;
    struct vm_area_struct *vma = find_vma(mm, addr);

    if (!mm->pgdir || !vma)
        return FAULT_SIGSEGV;
    if (vma->vm_start > addr && expand_stack(mm, vma, addr) < 0)
        return FAULT_SIGSEGV;
    uint32_t need = write ? VM_WRITE : VM_READ | VM_WRITE | VM_EXEC;
    if (!(vma->vm_flags & need))
        return FAULT_SIGSEGV;                /* e.g. a write after mprotect(PROT_READ) */
    int err = fault_in_page(mm, vma, page_round_down(addr), write);
    if (err == FAULT_OOM)
        oom_kill();
    return err;
}

/* A touch that cannot be served: SIGSEGV or SIGBUS.  An SA_SIGINFO
 * handler learns the address, and whether anything was mapped there. */
static void fault_signal(int sig, uint32_t addr)
{
    struct vm_area_struct *vma = find_vma(&current->mm, addr);
    int mapped = vma && vma->vm_start <= addr;
    struct ksiginfo info = { .addr = addr };

    if (sig == SIGBUS)
        info.code = BUS_ADRERR;
    else
        info.code = mapped ? SEGV_ACCERR : SEGV_MAPERR;
    force_signal_info(sig, &info);
}

/* From the CPU: a page fault in user mode.  (In kernel mode it is a bug:
 * the kernel checks every user pointer first, see uaccess.c.) */
void do_page_fault(struct pt_regs *regs)
{
    uint32_t addr = read_cr2();

    if (!user_mode(regs))
        panic_trap(regs, "page fault in the kernel at %08x (%s, %s)", addr,
                   regs->err & 1 ? "protection" : "not present",
                   regs->err & 2 ? "write" : "read");
    switch (handle_mm_fault(addr, regs->err & 2)) {
    case FAULT_SIGSEGV: fault_signal(SIGSEGV, addr); break;
    case FAULT_SIGBUS:  fault_signal(SIGBUS, addr); break;
    }
}
