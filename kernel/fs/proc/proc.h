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

/* A file, link or directory of /proc.  A file's show() writes its text,
 * a symbolic link's its target; t is its process (NULL for the files
 * about the whole system).  A directory holds the entries of `children`
 * (up to one without a name), and refresh() adds and removes the entries
 * that come and go, before each lookup or listing. */
struct proc_entry {
    const char *name;
    mode_t mode;
    void (*show)(struct proc_buf *b, struct task_struct *t, struct inode *ino);
    const struct proc_entry *children;
    void (*refresh)(struct inode *dir);
};

extern const struct proc_entry proc_pid_entries[];      /* pid.c: /proc/PID/... */
extern const struct proc_entry proc_system_entries[];   /* system.c: /proc/meminfo... */
extern const struct proc_entry proc_net_entries[];      /* net.c: /proc/net/dev... */
void proc_fd_refresh(struct inode *dir);                /* pid.c: /proc/PID/fd */
struct inode *proc_add(struct inode *dir, const char *name, const struct proc_entry *entry,
                       pid_t pid);                      /* root.c */
struct dentry *proc_find(struct inode *dir, const char *name);   /* no refresh */
long proc_read_link(struct inode *link, char *buf, size_t size);
extern const struct file_ops proc_file_ops;

void proc_init(void);                  /* makes /proc, at boot */
void proc_refresh(struct inode *dir);  /* before a lookup or a listing */
void proc_task_born(pid_t pid);        /* a new process */
void proc_forget(pid_t pid);           /* the process was reaped */

#endif
