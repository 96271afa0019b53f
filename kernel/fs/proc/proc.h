/* /proc: the kernel's tables shown as files (docs/proc.md).  Every file is
 * made of text the moment it is first read, from the task_struct and the
 * other tables; the directories of /proc follow the task table. */
#ifndef FS_PROC_PROC_H
#define FS_PROC_PROC_H

#include <stddef.h>
#include <minnow/types.h>

struct inode;
struct task_struct;

/* The text of one open /proc file. */
struct proc_buf {
    char *data;
    size_t len, size;
    int full;                    /* it did not fit: made again, twice as big */
};

void proc_printf(struct proc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void proc_write(struct proc_buf *b, const void *data, size_t n);

/* A file or directory of /proc.  A file has show(); t is its process
 * (NULL for the files about the whole system).  A directory lists the
 * entries of `children`, ending in an entry without a name. */
struct proc_entry {
    const char *name;
    mode_t mode;
    void (*show)(struct proc_buf *b, struct task_struct *t);
    const struct proc_entry *children;
};

extern const struct proc_entry proc_pid_entries[];      /* pid.c: /proc/PID/... */
extern const struct proc_entry proc_system_entries[];   /* system.c: /proc/meminfo... */
extern const struct file_ops proc_file_ops;

void proc_init(void);                  /* makes /proc, at boot */
void proc_refresh(struct inode *dir);  /* before a lookup or a listing */
void proc_task_born(pid_t pid);        /* a new process */
void proc_forget(pid_t pid);           /* the process was reaped */

#endif
