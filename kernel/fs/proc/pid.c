/* The files of /proc/PID: one process's task_struct, as text.  status is
 * the lecture's picture of a process (its state, its pids, its signal
 * masks); stat is the same in the one-line form ps and top read; maps
 * lists its areas (mm/vma.h); cmdline is its argv as exec left it; exe
 * and fd/N are links to the program and to each open file. */
#include <string.h>
#include <minnow/mman.h>
#include <minnow/signal.h>
#include <minnow/stat.h>
#include "fs/proc/proc.h"
#include "fs/file.h"
#include "fs/inode.h"
#include "lib/printk.h"
#include "mm/mm.h"
#include "mm/paging.h"
#include "mm/vma.h"
#include "mm/memlayout.h"
#include "proc/signal.h"
#include "proc/task.h"

static const char *state_name(enum task_state s)
{
    switch (s) {
    case TASK_RUNNING: case TASK_READY: return "R (running)";
    case TASK_INTERRUPTIBLE:            return "S (sleeping)";
    case TASK_UNINTERRUPTIBLE:          return "D (disk sleep)";
    case TASK_STOPPED:                  return "T (stopped)";
    case TASK_ZOMBIE:                   return "Z (zombie)";
    default:                            return "? (unknown)";
    }
}

static pid_t ppid_of(struct task_struct *t)
{
    return t->parent ? t->parent->pid : 0;
}

/* The bytes of all its areas. */
static unsigned long vm_size(struct mm_struct *mm)
{
    unsigned long bytes = 0;

    for (struct vm_area_struct *v = mm->mmap; v; v = v->vm_next)
        bytes += v->vm_end - v->vm_start;
    return bytes;
}

/* Which signals it ignores and which it catches (a handler). */
static void dispositions(struct task_struct *t, sigset_t *ignored, sigset_t *caught)
{
    *ignored = *caught = 0;
    for (int sig = 1; sig < NSIG; sig++) {
        if (t->sigaction[sig].sa_handler == SIG_IGN)
            *ignored |= sigmask(sig);
        else if (t->sigaction[sig].sa_handler != SIG_DFL)
            *caught |= sigmask(sig);
    }
}

static void show_sigset(struct proc_buf *b, const char *name, sigset_t set)
{
    proc_printf(b, "%s:\t%08lx%08lx\n", name, (unsigned long)(set >> 32), (unsigned long)set);
}

static int open_fds(struct task_struct *t)
{
    int n = 0;

    for (int fd = 0; fd < NR_OPEN; fd++)
        n += t->files[fd] != NULL;
    return n;
}

static void show_status(struct proc_buf *b, struct task_struct *t, struct inode *ino)
{
    (void)ino;
    sigset_t ignored, caught;

    dispositions(t, &ignored, &caught);
    proc_printf(b, "Name:\t%s\nUmask:\t%04o\nState:\t%s\n", t->name, t->umask, state_name(t->state));
    proc_printf(b, "Tgid:\t%d\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n", t->pid, t->pid, ppid_of(t));
    proc_printf(b, "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nFDSize:\t%d\nGroups:\t\n", NR_OPEN);
    proc_printf(b, "NSpgid:\t%d\nNSsid:\t%d\n", t->pgid, t->sid);
    proc_printf(b, "VmSize:\t%8lu kB\nVmRSS:\t%8lu kB\n", vm_size(&t->mm) / 1024,
                mm_pages(&t->mm) * (PAGE_SIZE / 1024));
    proc_printf(b, "Threads:\t1\n");
    show_sigset(b, "SigPnd", t->pending);
    show_sigset(b, "ShdPnd", 0);
    show_sigset(b, "SigBlk", t->blocked);
    show_sigset(b, "SigIgn", ignored);
    show_sigset(b, "SigCgt", caught);
    proc_printf(b, "OpenFiles:\t%d\n", open_fds(t));
}

/* The 52 fields of Linux's /proc/PID/stat (proc(5)); Minnow fills what it
 * keeps and gives 0 for the rest (majflt, nice, rt_priority...). */
static void show_stat(struct proc_buf *b, struct task_struct *t, struct inode *ino)
{
    (void)ino;
    struct mm_struct *mm = &t->mm;
    sigset_t ignored, caught;
    unsigned long utime = t->ticks - t->stime;

    dispositions(t, &ignored, &caught);
    proc_printf(b, "%d (%s) %c %d %d %d 0 -1 0 %lu 0 0 0 %lu %lu 0 0 20 0 1 0 %lu ",
                t->pid, t->name, task_state_letter(t->state), ppid_of(t), t->pgid, t->sid,
                mm->min_flt, utime, t->stime, t->start_time);
    proc_printf(b, "%lu %lu 4294967295 0 0 %lu 0 0 %lu %lu %lu %lu 0 0 0 17 0 0 0 0 0 0 ",
                vm_size(mm), mm_pages(mm), (unsigned long)mm->start_stack,
                (unsigned long)t->pending, (unsigned long)t->blocked,
                (unsigned long)ignored, (unsigned long)caught);
    proc_printf(b, "0 0 %lu %lu %lu 0 0 %d\n", (unsigned long)mm->start_brk,
                (unsigned long)mm->arg_start, (unsigned long)mm->arg_end, t->exit_code);
}

/* size resident shared text lib data dt, in pages. */
static void show_statm(struct proc_buf *b, struct task_struct *t, struct inode *ino)
{
    (void)ino;
    proc_printf(b, "%lu %lu 0 0 0 0 0\n", vm_size(&t->mm) / PAGE_SIZE, mm_pages(&t->mm));
}

/* argv's strings, each ending in its NUL, read from the process's own
 * memory where exec put them (nothing for a zombie: its memory is gone). */
static void show_cmdline(struct proc_buf *b, struct task_struct *t, struct inode *ino)
{
    (void)ino;
    struct mm_struct *mm = &t->mm;

    for (uint32_t va = mm->arg_start; mm->pgdir && va < mm->arg_end;) {
        uint32_t page = page_round_down(va), n = PAGE_SIZE - (va - page);
        char *kpage = user_page(mm->pgdir, page);
        if (!kpage)
            break;
        if (n > mm->arg_end - va)
            n = mm->arg_end - va;
        proc_write(b, kpage + (va - page), n);
        va += n;
    }
}

/* One line per area, in Linux's format:
 *   08048000-0804c000 r-xp 00000000 00:00 12        /bin/sh   */
static void show_maps(struct proc_buf *b, struct task_struct *t, struct inode *ino)
{
    (void)ino;
    struct vma_info info;

    for (struct vm_area_struct *v = t->mm.mmap; v; v = v->vm_next) {
        describe_vma(t, v, &info);
        proc_printf(b, "%08lx-%08lx %c%c%c%c %08lx 00:00 %-10lu", info.start, info.end,
                    info.flags & VMI_READ ? 'r' : '-', info.flags & VMI_WRITE ? 'w' : '-',
                    info.flags & VMI_EXEC ? 'x' : '-', info.flags & VMI_SHARED ? 's' : 'p',
                    info.offset, info.ino);
        if (info.name[0])
            proc_printf(b, "      %s", info.name);
        proc_printf(b, "\n");
    }
}

/* ---------------------------------------------------------------- links */

/* The path of an inode, found by searching the tree from dir (the RAM
 * file system keeps no name in a file's inode: a file may have several,
 * or none).  Writes "/a/b" at path[len..]; 1 if found. */
static int find_path(struct inode *dir, struct inode *target, char *path, size_t len,
                     size_t size, int depth)
{
    for (struct dentry *d = dir->entries; d; d = d->next) {
        size_t n = strlen(d->name);
        if (len + 1 + n + 1 > size)
            continue;
        path[len] = '/';
        memcpy(path + len + 1, d->name, n + 1);
        if (d->inode == target)
            return 1;
        if (S_ISDIR(d->inode->mode) && depth < 16 &&
            find_path(d->inode, target, path, len + 1 + n, size, depth + 1))
            return 1;
    }
    return 0;
}

/* What an open file is, as Linux names it in /proc/PID/fd: a path, or
 * "pipe:[inode]", "socket:[inode]" for the unnamed ones. */
static void describe_file(struct proc_buf *b, struct inode *ino)
{
    char path[256];

    if (ino == root_inode)
        proc_printf(b, "/");
    else if (ino->nlink == 0 && S_ISFIFO(ino->mode))
        proc_printf(b, "pipe:[%lu]", (unsigned long)ino->ino);
    else if (ino->nlink == 0 && S_ISSOCK(ino->mode))
        proc_printf(b, "socket:[%lu]", (unsigned long)ino->ino);
    else if (find_path(root_inode, ino, path, 0, sizeof(path), 0))   /* (its first name) */
        proc_printf(b, "%s", path);
    else
        proc_printf(b, "(deleted)");
}

static void show_exe(struct proc_buf *b, struct task_struct *t, struct inode *ino)
{
    (void)ino;
    if (t->mm.exe_file)
        describe_file(b, t->mm.exe_file);
}

static void show_fd(struct proc_buf *b, struct task_struct *t, struct inode *ino)
{
    struct file *f = ino->proc_fd < NR_OPEN ? t->files[ino->proc_fd] : NULL;

    if (f && f->inode)
        describe_file(b, f->inode);
}

static const struct proc_entry fd_link = { NULL, S_IFLNK | 0777, show_fd, NULL, NULL };

/* /proc/PID/fd follows the process's fd table: a link for each open fd. */
void proc_fd_refresh(struct inode *dir)
{
    struct task_struct *t = find_task(dir->proc_pid);
    struct dentry *d, *next;

    for (d = dir->entries; d; d = next) {
        next = d->next;
        if (!t || !t->files[d->inode->proc_fd])
            ramfs_remove(dir, d->name);
    }
    for (int fd = 0; t && fd < NR_OPEN; fd++) {
        char name[12];
        snprintk(name, sizeof(name), "%d", fd);
        if (!t->files[fd] || proc_find(dir, name))
            continue;
        struct inode *link = proc_add(dir, name, &fd_link, t->pid);
        if (link)
            link->proc_fd = fd;
    }
}

const struct proc_entry proc_pid_entries[] = {
    { "cmdline", S_IFREG | 0444, show_cmdline, NULL, NULL },
    { "exe", S_IFLNK | 0777, show_exe, NULL, NULL },
    { "fd", S_IFDIR | 0555, NULL, NULL, proc_fd_refresh },
    { "maps", S_IFREG | 0444, show_maps, NULL, NULL },
    { "stat", S_IFREG | 0444, show_stat, NULL, NULL },
    { "statm", S_IFREG | 0444, show_statm, NULL, NULL },
    { "status", S_IFREG | 0444, show_status, NULL, NULL },
    { NULL, 0, NULL, NULL, NULL },
};
