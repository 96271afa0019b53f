/* The files of /proc/PID: one process's task_struct, as text.  status is
 * the lecture's picture of a process (its state, its pids, its signal
 * masks); stat is the same in the one-line form ps and top read; maps
 * lists its areas (mm/vma.h); cmdline is its argv as exec left it. */
#include <string.h>
#include <minnow/mman.h>
#include <minnow/signal.h>
#include <minnow/stat.h>
#include "fs/proc/proc.h"
#include "fs/file.h"
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

static void show_status(struct proc_buf *b, struct task_struct *t)
{
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
static void show_stat(struct proc_buf *b, struct task_struct *t)
{
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
static void show_statm(struct proc_buf *b, struct task_struct *t)
{
    proc_printf(b, "%lu %lu 0 0 0 0 0\n", vm_size(&t->mm) / PAGE_SIZE, mm_pages(&t->mm));
}

/* argv's strings, each ending in its NUL, read from the process's own
 * memory where exec put them (nothing for a zombie: its memory is gone). */
static void show_cmdline(struct proc_buf *b, struct task_struct *t)
{
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
static void show_maps(struct proc_buf *b, struct task_struct *t)
{
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

const struct proc_entry proc_pid_entries[] = {
    { "cmdline", S_IFREG | 0444, show_cmdline, NULL },
    { "maps", S_IFREG | 0444, show_maps, NULL },
    { "stat", S_IFREG | 0444, show_stat, NULL },
    { "statm", S_IFREG | 0444, show_statm, NULL },
    { "status", S_IFREG | 0444, show_status, NULL },
    { NULL, 0, NULL, NULL },
};
