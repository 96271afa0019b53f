/* kinfo(2), Minnow's own: a few numbers about the system and the caller
 * (the lab "Add a system call", docs/labs/syscall.md).  The kernel fills
 * the whole record in. */
#ifndef _MINNOW_KINFO_H
#define _MINNOW_KINFO_H

struct kinfo {
    unsigned long free_pages;    /* pages of memory free (4096 bytes each) */
    unsigned long total_pages;   /* pages of memory the kernel manages */
    unsigned int procs;          /* processes: every task in use but the idle
                                    task, zombies too (a zombie holds its slot) */
    unsigned long syscalls;      /* system calls the caller made, this one
                                    included; a new process starts at 0 */
};

#endif
