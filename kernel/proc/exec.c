/* execve(): replace the program a process runs.
 *
 * The new image is built completely in a fresh page directory while the
 * old one still runs: the ELF segments, then the stack with argv and envp
 * copied out of the old image.  Only when all of that worked does the
 * process switch over; any error (no such file, not an executable, too
 * many arguments, out of memory) returns an errno to the old program,
 * which goes on as if nothing happened. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/stat.h>
#include "proc/exec.h"
#include "proc/elf.h"
#include "proc/sched.h"
#include "proc/signal.h"
#include "mm/mm.h"
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
    uint32_t low = page_round_down(USER_STACK_TOP - total - PAGE_SIZE);
    if (mm_map_zeroed(mm, low, USER_STACK_TOP, PTE_W) < 0)
        return -ENOMEM;
    mm->stack_low = low;

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

/* Maps one PT_LOAD segment and copies its bytes from the file. */
static int load_segment(struct mm_struct *mm, struct inode *ino, struct elf_phdr *ph)
{
    uint32_t end = ph->vaddr + ph->memsz;

    if (ph->memsz < ph->filesz || end < ph->vaddr || ph->vaddr < PAGE_SIZE ||
        end > USER_STACK_TOP - USER_STACK_MAX)
        return -ENOEXEC;
    if (ph->memsz == 0)
        return 0;
    if (mm_map_zeroed(mm, ph->vaddr, end, (ph->flags & PF_W) ? PTE_W : 0) < 0)
        return -ENOMEM;
    /* copy the file's bytes page by page into the new pages */
    uint32_t done = 0;
    while (done < ph->filesz) {
        uint32_t va = ph->vaddr + done;
        uint32_t off = va & (PAGE_SIZE - 1);
        uint32_t n = PAGE_SIZE - off;
        if (n > ph->filesz - done)
            n = ph->filesz - done;
        char *page = user_page(mm->pgdir, va - off);
        if (inode_read(ino, page + off, ph->offset + done, n) != (long)n)
            return -ENOEXEC;
        done += n;
    }
    if (end > mm->start_brk)
        mm->start_brk = page_round_up(end);
    return 0;
}

/* Builds the new image in *mm; returns the entry point or an errno. */
static long load_image(struct inode *ino, struct mm_struct *mm)
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
        int err = load_segment(mm, ino, &ph);
        if (err < 0)
            return err;
    }
    if (eh.entry < USER_BASE || eh.entry >= mm->start_brk)
        return -ENOEXEC;
    mm->brk = mm->start_brk;
    return eh.entry;
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
static void switch_image(struct mm_struct *mm, const char *path, long entry, uint32_t sp)
{
    struct pt_regs *regs = current->regs;

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
    uint32_t sp;
    long err;

    if ((err = open_program(path, &ino)) < 0)
        return err;
    mm.pgdir = pgdir_create();
    if (!mm.pgdir) {
        inode_put(ino);
        return -ENOMEM;
    }
    long entry = load_image(ino, &mm);
    inode_put(ino);
    if (entry < 0) {
        err = entry;
        goto fail;
    }
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
