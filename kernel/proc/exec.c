/* execve(): replace the program a process runs.
 *
 * The new image is built completely in a fresh address space while the
 * old one still runs: an area for each ELF segment (mm/vma.h), then the
 * stack with argv and envp copied out of the old image.  The program's
 * pages are not read here: they come in from the file when first touched
 * (demand paging, mm/fault.c), and its text is the file's own pages,
 * shared by every process that runs it.  Only when all of that worked does
 * the process switch over; any error (no such file, not an executable, too
 * many arguments, out of memory) returns an errno to the old program,
 * which goes on as if nothing happened. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/stat.h>
#include "proc/exec.h"
#include "proc/fork.h"
#include "proc/elf.h"
#include "proc/sched.h"
#include "proc/signal.h"
#include "mm/mm.h"
#include "mm/vma.h"
#include "mm/fault.h"
#include "mm/paging.h"
#include "mm/memlayout.h"
#include "mm/page_alloc.h"
#include "mm/uaccess.h"
#include "mm/kmalloc.h"
#include "fs/file.h"
#include "fs/inode.h"
#include "fs/namei.h"

#define ARG_MAX   (128 * 1024)   /* argv + envp strings and pointers */
#define MAX_ARGS  4096

/* Where the argument strings come from: the calling program's memory, or
 * the kernel's (for init, whose arguments the kernel makes up). */
struct arg_source {
    char *const *vec;            /* argv or envp as the caller passed it */
    int from_kernel;
};

/* Reads pointer i of an argument vector; -EFAULT if it cannot be read. */
static int fetch_arg(struct arg_source *src, int i, const char **out)
{
    if (src->from_kernel) {
        *out = src->vec[i];
        return 0;
    }
    return copy_from_user(out, &src->vec[i], sizeof(*out));
}

/* Counts the strings of a vector and adds up their sizes. */
static int measure_args(struct arg_source *src, int *count, uint32_t *bytes)
{
    const char *s;

    *count = 0;
    if (!src->vec)
        return 0;
    for (;;) {
        if (*count >= MAX_ARGS)
            return -E2BIG;
        if (fetch_arg(src, *count, &s) < 0)
            return -EFAULT;
        if (!s)
            return 0;
        size_t len;
        if (src->from_kernel) {
            len = strlen(s);
        } else {
            char probe[256];
            long n;
            /* user strings are measured piecewise; a string longer than
             * ARG_MAX fails in the piece loop */
            len = 0;
            while ((n = strncpy_from_user(probe, s + len, sizeof(probe))) == -ENAMETOOLONG) {
                len += sizeof(probe);
                if (len > ARG_MAX)
                    return -E2BIG;
            }
            if (n < 0)
                return -EFAULT;
            len += n;
        }
        *bytes += len + 1 + sizeof(char *);
        if (*bytes > ARG_MAX)
            return -E2BIG;
        (*count)++;
    }
}

/* Writes len bytes at user address va of the NEW image (not yet the one in
 * use), through the kernel's mapping of its pages. */
static void put_new(pde_t *pgdir, uint32_t va, const void *data, uint32_t len)
{
    const char *p = data;

    while (len) {
        uint32_t off = va & (PAGE_SIZE - 1);
        uint32_t n = PAGE_SIZE - off < len ? PAGE_SIZE - off : len;
        memcpy((char *)user_page(pgdir, va - off) + off, p, n);
        va += n;
        p += n;
        len -= n;
    }
}

/* Copies the strings of a vector onto the new stack, top down, and their
 * new addresses into ptrs[].  The sources were checked by measure_args. */
static uint32_t copy_strings(pde_t *pgdir, uint32_t sp, struct arg_source *src,
                             int count, uint32_t *ptrs)
{
    for (int i = count - 1; i >= 0; i--) {
        const char *s;
        fetch_arg(src, i, &s);
        uint32_t len = strlen(s) + 1;
        sp -= len;
        put_new(pgdir, sp, s, len);
        ptrs[i] = sp;
    }
    return sp;
}

/* The stack area, with the pages that the arguments will fill brought
 * in now (exec writes them through the kernel's mapping of the pages). */
static int map_stack(struct mm_struct *mm, uint32_t low)
{
    if (insert_vma(mm, low, USER_STACK_TOP, VM_READ | VM_WRITE | VM_MAYWRITE | VM_GROWSDOWN,
                   NULL, 0) < 0)
        return -ENOMEM;
    struct vm_area_struct *vma = vma_containing(mm, low);
    for (uint32_t va = low; va < USER_STACK_TOP; va += PAGE_SIZE)
        if (fault_in_page(mm, vma, va, 1) != FAULT_OK)
            return -ENOMEM;
    mm->start_stack = USER_STACK_TOP;
    return 0;
}

/* Builds the System V i386 initial stack of the new image:
 *   sp -> argc, argv[0..argc-1], NULL, envp[0..], NULL, ...strings...  */
static int build_stack(struct mm_struct *mm, struct arg_source *argv,
                       struct arg_source *envp, uint32_t *sp_out)
{
    int argc, envc;
    uint32_t bytes = 0;
    int err;

    if ((err = measure_args(argv, &argc, &bytes)) < 0 ||
        (err = measure_args(envp, &envc, &bytes)) < 0)
        return err;
    uint32_t total = bytes + 4 * sizeof(uint32_t) + 16;
    if ((err = map_stack(mm, page_round_down(USER_STACK_TOP - total - PAGE_SIZE))) < 0)
        return err;

    uint32_t *ptrs = kmalloc((argc + envc + 3) * sizeof(uint32_t));
    if (!ptrs)
        return -ENOMEM;
    /* ptrs = argc, argv pointers, NULL, envp pointers, NULL */
    uint32_t sp = USER_STACK_TOP;
    sp = copy_strings(mm->pgdir, sp, envp, envc, &ptrs[argc + 2]);
    sp = copy_strings(mm->pgdir, sp, argv, argc, &ptrs[1]);
    ptrs[0] = argc;
    ptrs[argc + 1] = 0;
    ptrs[argc + envc + 2] = 0;
    sp = (sp - (argc + envc + 3) * sizeof(uint32_t)) & ~15u;
    put_new(mm->pgdir, sp, ptrs, (argc + envc + 3) * sizeof(uint32_t));
    kfree(ptrs);
    *sp_out = sp;
    return 0;
}

static int check_header(struct elf_header *eh)
{
    if (eh->magic != ELF_MAGIC || eh->class != ELFCLASS32 || eh->data != ELFDATA2LSB ||
        eh->type != ET_EXEC || eh->machine != EM_386 ||
        eh->phentsize != sizeof(struct elf_phdr) || eh->phnum == 0 || eh->phnum > 16)
        return -ENOEXEC;
    return 0;
}

static uint32_t segment_rights(struct elf_phdr *ph)
{
    return (ph->flags & PF_R ? VM_READ : 0) | (ph->flags & PF_W ? VM_WRITE : 0) |
           (ph->flags & PF_X ? VM_EXEC : 0) | VM_MAYWRITE;
}

/* The bss may begin in the middle of the segment's last file page: the
 * rest of that page must read as zeroes, not as whatever follows in the
 * file, so the page becomes the process's own copy now (as Linux's
 * padzero does). */
static int zero_page_tail(struct mm_struct *mm, uint32_t addr, uint32_t rights)
{
    struct vm_area_struct *vma = vma_containing(mm, addr);
    uint32_t off = addr & (PAGE_SIZE - 1);

    if (!vma)                                /* no file bytes there: all zeroes */
        return insert_vma(mm, addr - off, addr - off + PAGE_SIZE, rights, NULL, 0);
    if (fault_in_page(mm, vma, addr - off, 1) != FAULT_OK)
        return -ENOMEM;
    memset((char *)user_page(mm->pgdir, addr - off) + off, 0, PAGE_SIZE - off);
    return 0;
}

/* One PT_LOAD segment becomes up to two areas: its bytes in the file (a
 * private mapping of the file, pages in on demand), and the bss after them
 * (zero-filled).  A segment may overlap the page of the one before; as
 * with Linux's mmap(MAP_FIXED), the later one wins. */
static int map_segment(struct mm_struct *mm, struct inode *ino, struct elf_phdr *ph)
{
    uint32_t end = ph->vaddr + ph->memsz, file_end = ph->vaddr + ph->filesz;
    uint32_t start = page_round_down(ph->vaddr);
    int err;

    if (ph->memsz < ph->filesz || end < ph->vaddr || ph->vaddr < MMAP_MIN_ADDR ||
        end > MMAP_BASE || (ph->vaddr - ph->offset) % PAGE_SIZE != 0 ||
        ph->offset > ino->size || ph->filesz > ino->size - ph->offset)
        return -ENOEXEC;
    if (ph->filesz) {
        if ((err = unmap_range(mm, start, page_round_up(file_end))) < 0 ||
            (err = insert_vma(mm, start, page_round_up(file_end), segment_rights(ph), ino,
                              page_round_down(ph->offset) / PAGE_SIZE)) < 0)
            return err;
    }
    if (ph->memsz > ph->filesz) {
        if ((file_end & (PAGE_SIZE - 1)) && (err = zero_page_tail(mm, file_end, segment_rights(ph))) < 0)
            return err;
        uint32_t bss = page_round_up(file_end), bss_end = page_round_up(end);
        if (bss_end > bss &&
            ((err = unmap_range(mm, bss, bss_end)) < 0 ||
             (err = insert_vma(mm, bss, bss_end, segment_rights(ph), NULL, 0)) < 0))
            return err;
    }
    if (page_round_up(end) > mm->start_brk)
        mm->start_brk = page_round_up(end);
    return 0;
}

/* Builds the new image in *mm and says where it starts (*entry). */
static int load_image(struct inode *ino, struct mm_struct *mm, uint32_t *entry)
{
    struct elf_header eh;
    struct elf_phdr ph;

    if (inode_read(ino, &eh, 0, sizeof(eh)) != sizeof(eh) || check_header(&eh) < 0)
        return -ENOEXEC;
    for (int i = 0; i < eh.phnum; i++) {
        if (inode_read(ino, &ph, eh.phoff + i * sizeof(ph), sizeof(ph)) != sizeof(ph))
            return -ENOEXEC;
        if (ph.type != PT_LOAD)
            continue;
        int err = map_segment(mm, ino, &ph);
        if (err < 0)
            return err;
    }
    if (!vma_containing(mm, eh.entry))
        return -ENOEXEC;
    merge_vmas(mm);
    mm->brk = mm->start_brk;
    mm->exe_file = inode_get(ino);
    *entry = eh.entry;
    return 0;
}

/* Finds the program file: it must exist, be a regular file, and have its
 * execute bit. */
static int open_program(const char *path, struct inode **out)
{
    struct inode *ino;
    int err = namei(path, &ino);

    if (err < 0)
        return err;
    if (!S_ISREG(ino->mode) || !(ino->mode & S_IXUSR)) {
        inode_put(ino);
        return -EACCES;
    }
    *out = ino;
    return 0;
}

/* The point of no return: the new image replaces the old. */
static void switch_image(struct mm_struct *mm, const char *path, uint32_t entry, uint32_t sp)
{
    struct pt_regs *regs = current->regs;

    leave_address_space(current, 0);     /* a vfork parent goes on */
    switch_pgdir(mm->pgdir);
    mm_release(&current->mm);
    current->mm = *mm;
    set_task_name(current, path);
    files_exec(current);                 /* closes the FD_CLOEXEC ones */
    signals_exec(current);               /* caught signals back to SIG_DFL */

    memset(regs, 0, sizeof(*regs));
    regs->eip = entry;
    regs->esp = sp;
    regs->cs = USER_CS;
    regs->ds = regs->es = regs->fs = regs->gs = regs->ss = USER_DS;
    regs->eflags = EFLAGS_IF;            /* interrupts on in user mode */
    /* a clean FPU; fnsave leaves the live one initialized as well */
    __asm__ volatile("fninit\n\tfnsave %0" : "=m"(current->fpu_state));
}

long do_execve(const char *path, char *const argv[], char *const envp[], int from_kernel)
{
    struct arg_source args = { argv, from_kernel }, env = { envp, from_kernel };
    struct mm_struct mm = { 0 };
    struct inode *ino;
    uint32_t sp, entry;
    long err;

    if ((err = open_program(path, &ino)) < 0)
        return err;
    mm.pgdir = pgdir_create();
    if (!mm.pgdir) {
        inode_put(ino);
        return -ENOMEM;
    }
    err = load_image(ino, &mm, &entry);
    inode_put(ino);
    if (err < 0)
        goto fail;
    if ((err = build_stack(&mm, &args, &env, &sp)) < 0)
        goto fail;
    switch_image(&mm, path, entry, sp);
    return 0;
fail:
    mm_release(&mm);
    return err;
}

long sys_execve(const char *upath, char *const argv[], char *const envp[])
{
    char *path;
    long err = getname(upath, &path);

    if (err < 0)
        return err;
    err = do_execve(path, argv, envp, 0);
    putname(path);
    return err;
}
