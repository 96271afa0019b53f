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
 * which goes on as if nothing happened.
 *
 * A file that begins with "#!" is a script: it names the program that
 * runs it, and that program is what gets loaded (exec_script.c). */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/stat.h>
#include "proc/exec.h"
#include "proc/binprm.h"
#include "proc/fork.h"
/* LAB(signals) BEGIN */
#include "proc/sigalarm.h"
/* LAB(signals) END */
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
#include "arch/timer.h"
#include "arch/tls.h"
#include "arch/x86.h"
#include "drv/random.h"

#define ARG_MAX   (128 * 1024)   /* argv + envp strings and pointers */
#define MAX_ARGS  4096

/* What the loader learned about the program, for the auxiliary vector. */
struct exec_info {
    uint32_t entry;              /* where it starts */
    uint32_t phdr, phnum;        /* where its program headers are in memory */
    const char *path;            /* the name it was run by (AT_EXECFN) */
};

/* Reads pointer i of an argument vector: one the kernel put in front, or
 * one of the caller's (NULL after its last); -EFAULT if it cannot be read. */
static int fetch_arg(struct arg_source *src, int i, const char **out)
{
    if (i < src->nfront) {
        *out = src->front[i];
        return 0;
    }
    if (!src->vec) {                     /* Linux takes a NULL vector as empty */
        *out = NULL;
        return 0;
    }
    i = i - src->nfront + src->skip;
    if (src->from_kernel) {
        *out = src->vec[i];
        return 0;
    }
    return copy_from_user(out, &src->vec[i], sizeof(*out));
}

/* The length of string i, which is at s; -EFAULT or -E2BIG. */
static long measure_string(struct arg_source *src, int i, const char *s)
{
    char probe[256];
    size_t len = 0;
    long n;

    if (i < src->nfront || src->from_kernel)
        return strlen(s);
    /* user strings are measured piecewise; a string longer than ARG_MAX
     * fails in the piece loop */
    while ((n = strncpy_from_user(probe, s + len, sizeof(probe))) == -ENAMETOOLONG) {
        len += sizeof(probe);
        if (len > ARG_MAX)
            return -E2BIG;
    }
    return n < 0 ? -EFAULT : (long)(len + n);
}

/* Counts the strings of a vector and adds up their sizes. */
static int measure_args(struct arg_source *src, int *count, uint32_t *bytes)
{
    const char *s;

    for (*count = 0;; (*count)++) {
        if (*count >= MAX_ARGS)
            return -E2BIG;
        if (fetch_arg(src, *count, &s) < 0)
            return -EFAULT;
        if (!s)
            return 0;
        long len = measure_string(src, *count, s);
        if (len < 0)
            return len;
        *bytes += len + 1 + sizeof(char *);
        if (*bytes > ARG_MAX)
            return -E2BIG;
    }
}

/* A script's interpreter runs with the script's name where argv[0] was:
 * drops the first string, the kernel's own or the caller's. */
int remove_arg_zero(struct arg_source *args)
{
    const char *first;

    if (args->nfront > 0) {
        args->nfront--;
        memmove(args->front, args->front + 1, args->nfront * sizeof(args->front[0]));
        return 0;
    }
    if (fetch_arg(args, 0, &first) < 0)
        return -EFAULT;
    if (first)                           /* an empty argv has nothing to drop */
        args->skip++;
    return 0;
}

/* Puts s before the other strings; s is not copied until the new stack
 * is built, so it must last until then. */
int prepend_arg(struct arg_source *args, const char *s)
{
    if (args->nfront == MAX_FRONT_ARGS)  /* cannot be, with MAX_SCRIPT_DEPTH scripts */
        return -E2BIG;
    memmove(args->front + 1, args->front, args->nfront * sizeof(args->front[0]));
    args->front[0] = s;
    args->nfront++;
    return 0;
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

/* The auxiliary vector's keys (Linux's <linux/auxvec.h>, <asm/auxvec.h>). */
enum {
    AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6, AT_BASE = 7,
    AT_FLAGS = 8, AT_ENTRY = 9, AT_UID = 11, AT_EUID = 12, AT_GID = 13, AT_EGID = 14,
    AT_PLATFORM = 15, AT_HWCAP = 16, AT_CLKTCK = 17, AT_SECURE = 23, AT_RANDOM = 25,
    AT_EXECFN = 31,
};
#define NR_AUXV 17               /* pairs, AT_NULL included */
#define PLATFORM "i686"

/* The auxiliary vector: what the kernel tells a new program about itself
 * and the machine, after envp on the stack.  A C library reads it before
 * main: glibc finds its thread-local storage template through AT_PHDR,
 * seeds its stack protector from AT_RANDOM's bytes, and runs off the top
 * of the stack looking for AT_NULL if there is none. */
static void fill_auxv(uint32_t *aux, struct exec_info *info, uint32_t platform,
                      uint32_t random, uint32_t execfn)
{
    uint32_t pairs[NR_AUXV][2] = {
        { AT_PHDR, info->phdr }, { AT_PHENT, sizeof(struct elf_phdr) },
        { AT_PHNUM, info->phnum }, { AT_PAGESZ, PAGE_SIZE }, { AT_BASE, 0 },
        { AT_FLAGS, 0 }, { AT_ENTRY, info->entry },
        { AT_UID, 0 }, { AT_EUID, 0 }, { AT_GID, 0 }, { AT_EGID, 0 },  /* all root (sys.c) */
        { AT_SECURE, 0 }, { AT_RANDOM, random }, { AT_HWCAP, cpu_features() },
        { AT_CLKTCK, HZ }, { AT_PLATFORM, platform }, { AT_EXECFN, execfn },
    };
    memcpy(aux, pairs, sizeof(pairs));
    aux[2 * NR_AUXV] = AT_NULL;
    aux[2 * NR_AUXV + 1] = 0;
}

/* Puts n bytes on the new stack below sp; returns their address. */
static uint32_t push_bytes(pde_t *pgdir, uint32_t sp, const void *data, uint32_t n)
{
    sp -= n;
    put_new(pgdir, sp, data, n);
    return sp;
}

/* Builds the System V i386 initial stack of the new image, as Linux does:
 *   sp -> argc, argv[0..argc-1], NULL, envp[0..], NULL,
 *         auxv (key, value) pairs ending in AT_NULL,
 *         ...16 random bytes, "i686", the strings of argv and envp, the
 *         program's name... up to the top of the stack. */
static int build_stack(struct mm_struct *mm, struct arg_source *argv,
                       struct arg_source *envp, struct exec_info *info, uint32_t *sp_out)
{
    int argc, envc;
    uint32_t bytes = strlen(info->path) + 1 + sizeof(PLATFORM) + 16;
    int err;

    if ((err = measure_args(argv, &argc, &bytes)) < 0 ||
        (err = measure_args(envp, &envc, &bytes)) < 0)
        return err;
    uint32_t nwords = argc + envc + 3 + 2 * (NR_AUXV + 1);
    uint32_t total = bytes + nwords * sizeof(uint32_t) + 32;
    if ((err = map_stack(mm, page_round_down(USER_STACK_TOP - total - PAGE_SIZE))) < 0)
        return err;

    uint32_t *words = kmalloc(nwords * sizeof(uint32_t));
    if (!words)
        return -ENOMEM;
    /* words = argc, argv pointers, NULL, envp pointers, NULL, auxv */
    uint32_t sp = push_bytes(mm->pgdir, USER_STACK_TOP, info->path, strlen(info->path) + 1);
    uint32_t execfn = sp;
    sp = copy_strings(mm->pgdir, sp, envp, envc, &words[argc + 2]);
    mm->arg_end = sp;
    sp = copy_strings(mm->pgdir, sp, argv, argc, &words[1]);
    mm->arg_start = sp;
    uint32_t platform = sp = push_bytes(mm->pgdir, sp, PLATFORM, sizeof(PLATFORM));
    unsigned char random[16];
    get_random_bytes(random, sizeof(random));
    uint32_t random_at = sp = push_bytes(mm->pgdir, sp & ~15u, random, sizeof(random));
    words[0] = argc;
    words[argc + 1] = 0;
    words[argc + envc + 2] = 0;
    fill_auxv(&words[argc + envc + 3], info, platform, random_at, execfn);
    sp = (sp - nwords * sizeof(uint32_t)) & ~15u;
    put_new(mm->pgdir, sp, words, nwords * sizeof(uint32_t));
    kfree(words);
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

/* Where the program headers are in the new image: a PT_PHDR header says
 * so; otherwise they are in the loaded segment that holds their bytes of
 * the file (as in every static program).  0 if they are not loaded. */
static uint32_t phdr_address(struct inode *ino, struct elf_header *eh)
{
    struct elf_phdr ph;

    for (int i = 0; i < eh->phnum; i++) {
        if (inode_read(ino, &ph, eh->phoff + i * sizeof(ph), sizeof(ph)) != sizeof(ph))
            return 0;
        if (ph.type == PT_PHDR)
            return ph.vaddr;
        if (ph.type == PT_LOAD && ph.offset <= eh->phoff &&
            eh->phoff - ph.offset < ph.filesz)
            return ph.vaddr + (eh->phoff - ph.offset);
    }
    return 0;
}

/* Builds the new image in *mm and says where it starts (info). */
static int load_image(struct inode *ino, struct mm_struct *mm, struct exec_info *info)
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
    info->entry = eh.entry;
    info->phdr = phdr_address(ino, &eh);
    info->phnum = eh.phnum;
    return 0;
}

/* Finds the program file: it must exist, be a regular file, and have its
 * execute bit. */
int open_program(const char *path, struct inode **out)
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
    /* LAB(signals) BEGIN */
    sigalarm_exec(current);              /* the handler was the old program's */
    /* LAB(signals) END */
    tls_exec(current);                   /* no thread-local storage yet */

    memset(regs, 0, sizeof(*regs));
    regs->eip = entry;
    regs->esp = sp;
    regs->cs = USER_CS;
    regs->ds = regs->es = regs->fs = regs->gs = regs->ss = USER_DS;
    regs->eflags = EFLAGS_IF;            /* interrupts on in user mode */
    fpu_state_init(current->fpu_state);  /* a clean FPU, as a new program expects */
    fpu_reload(current);
}

/* Finds the program that path runs: the file itself, or the interpreter
 * at the end of a chain of scripts, with their strings before argv. */
static int find_program(struct binprm *bprm, const char *path)
{
    int err = open_program(path, &bprm->file);

    bprm->filename = path;
    while (!err && is_script(bprm->file))
        err = load_script(bprm);
    return err;
}

/* Builds the new image and switches to it; an error leaves the old one. */
static int exec_program(struct binprm *bprm, struct arg_source *envp, const char *path)
{
    struct mm_struct mm = { 0 };
    struct exec_info info = { .path = path };
    uint32_t sp;
    int err;

    mm.pgdir = pgdir_create();
    if (!mm.pgdir)
        return -ENOMEM;
    if ((err = load_image(bprm->file, &mm, &info)) < 0 ||
        (err = build_stack(&mm, &bprm->argv, envp, &info, &sp)) < 0) {
        mm_release(&mm);
        return err;
    }
    /* the name shown by ps is the script's, as on Linux; /proc/PID/exe is
     * the file loaded, the interpreter */
    switch_image(&mm, path, info.entry, sp);
    return 0;
}

long do_execve(const char *path, char *const argv[], char *const envp[], int from_kernel)
{
    struct arg_source env = { .vec = envp, .from_kernel = from_kernel };
    /* in the heap: a chain of scripts' lines is too big for the kernel stack */
    struct binprm *bprm = kmalloc(sizeof(*bprm));
    long err;

    if (!bprm)
        return -ENOMEM;
    bprm->argv.vec = argv;
    bprm->argv.from_kernel = from_kernel;
    err = find_program(bprm, path);
    if (!err)
        err = exec_program(bprm, &env, path);
    inode_put(bprm->file);               /* the new image holds its own references */
    kfree(bprm);
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
