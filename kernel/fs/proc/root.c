/* The tree of /proc, and how its files are read.
 *
 * /proc is a directory of the RAM file system whose entries follow the task
 * table: a process's directory is made when the process is (proc_task_born,
 * from alloc_task) and removed when it is reaped (proc_forget, from
 * free_task).  Before anyone looks a name up in /proc or lists it
 * (proc_refresh, called by its lookups and listings), a directory that
 * could not be made then, for want of memory, is made now.  Each
 * /proc/PID holds the same fixed files (pid.c); /proc itself also holds
 * the files about the whole system (system.c).
 *
 * A /proc file has no bytes of its own.  Its first read() asks its show()
 * for the text, from the kernel's tables as they are at that moment, into
 * a buffer that belongs to that open file; later reads, and lseek, move
 * through that one snapshot, so a program reading in small pieces sees one
 * consistent text (as with Linux's seq_file). */
#include <stdarg.h>
#include <string.h>
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include <minnow/stat.h>
#include "fs/proc/proc.h"
#include "fs/file.h"
#include "fs/inode.h"
#include "lib/printk.h"
#include "mm/kmalloc.h"
#include "proc/task.h"

#define FIRST_SIZE 2048
#define MAX_SIZE (256 * 1024)

static void root_refresh(struct inode *dir);

static const struct proc_entry proc_root = {
    "proc", S_IFDIR | 0555, NULL, proc_system_entries, root_refresh,
};
static const struct proc_entry proc_pid_dir = { NULL, S_IFDIR | 0555, NULL, proc_pid_entries, NULL };
static struct inode *proc_dir;       /* /proc itself */

/* ---------------------------------------------------------------- the text */

void proc_write(struct proc_buf *b, const void *data, size_t n)
{
    if (b->full || n > b->size - b->len) {
        b->full = 1;
        return;
    }
    memcpy(b->data + b->len, data, n);
    b->len += n;
}

void proc_printf(struct proc_buf *b, const char *fmt, ...)
{
    va_list ap;

    if (b->full)
        return;
    va_start(ap, fmt);
    int n = vsnprintk(b->data + b->len, b->size - b->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= b->size - b->len)
        b->full = 1;
    else
        b->len += n;
}

/* Runs show() into a buffer big enough for its text; NULL if memory ran
 * out.  The process may be gone by now: then there is nothing to show. */
static struct proc_buf *make_text(struct inode *ino, long *err)
{
    struct task_struct *t = NULL;

    if (ino->proc_pid && !(t = find_task(ino->proc_pid))) {
        *err = -ESRCH;
        return NULL;
    }
    for (size_t size = FIRST_SIZE; size <= MAX_SIZE; size *= 2) {
        struct proc_buf *b = kmalloc(sizeof(*b));
        char *data = kmalloc(size);
        if (!b || !data) {
            kfree(b);
            kfree(data);
            break;
        }
        *b = (struct proc_buf){ .data = data, .size = size };
        ino->proc->show(b, t, ino);
        if (!b->full)
            return b;
        kfree(data);
        kfree(b);
    }
    *err = -ENOMEM;
    return NULL;
}

static ssize_t proc_read(struct file *f, char *buf, size_t n, off_t *pos)
{
    long err = 0;

    if (!f->private && !(f->private = make_text(f->inode, &err)))
        return err;
    struct proc_buf *b = f->private;
    if ((size_t)*pos >= b->len)
        return 0;
    if (n > b->len - *pos)
        n = b->len - *pos;
    memcpy(buf, b->data + *pos, n);
    *pos += n;
    return n;
}

static ssize_t proc_write_op(struct file *f, const char *buf, size_t n, off_t *pos)
{
    (void)f, (void)buf, (void)n, (void)pos;
    return -EINVAL;                  /* nothing in Minnow's /proc can be set */
}

static off_t proc_lseek(struct file *f, off_t off, int whence)
{
    long err = 0;

    if (whence == SEEK_END && !f->private && !(f->private = make_text(f->inode, &err)))
        return err;
    off_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? f->pos :
                 (off_t)((struct proc_buf *)f->private)->len;
    if (base + off < 0)
        return -EINVAL;
    f->pos = base + off;
    return f->pos;
}

static void proc_release(struct file *f)
{
    struct proc_buf *b = f->private;

    if (b) {
        kfree(b->data);
        kfree(b);
    }
}

const struct file_ops proc_file_ops = {
    .read = proc_read,
    .write = proc_write_op,
    .lseek = proc_lseek,
    .release = proc_release,
};

/* ---------------------------------------------------------------- the tree */

struct dentry *proc_find(struct inode *dir, const char *name)
{
    for (struct dentry *d = dir->entries; d; d = d->next)
        if (strcmp(d->name, name) == 0)
            return d;
    return NULL;
}

/* Adds an inode showing `entry` (of process pid, or 0) to dir; returns it
 * (the directory entry holds it), or NULL without memory. */
struct inode *proc_add(struct inode *dir, const char *name, const struct proc_entry *entry,
                       pid_t pid)
{
    struct inode *ino = inode_alloc(entry->mode);

    if (!ino)
        return NULL;
    ino->proc = entry;
    ino->proc_pid = pid;
    if (ramfs_add(dir, name, ino) < 0) {
        inode_put(ino);
        return NULL;
    }
    inode_put(ino);
    return ino;
}

/* The fixed files of a /proc directory, and of its fixed subdirectories
 * (/proc/net). */
static void add_children(struct inode *dir, pid_t pid)
{
    for (const struct proc_entry *e = dir->proc->children; e && e->name; e++) {
        struct inode *ino = proc_add(dir, e->name, e, pid);
        if (ino && e->children)
            add_children(ino, pid);
    }
}

static void add_pid_dir(struct inode *proc, pid_t pid)
{
    char name[12];

    snprintk(name, sizeof(name), "%d", pid);
    struct inode *dir = proc_add(proc, name, &proc_pid_dir, pid);
    if (dir)
        add_children(dir, pid);
}

/* A process is gone: its directory goes, and with it its files (an open
 * one lives on until closed, and then reads as ESRCH). */
static void remove_pid_dir(struct inode *parent, struct inode *dir, const char *name)
{
    while (dir->entries) {
        struct dentry *d = dir->entries;
        if (S_ISDIR(d->inode->mode))
            remove_pid_dir(dir, d->inode, d->name);     /* fd/ */
        else
            ramfs_remove(dir, d->name);
    }
    ramfs_remove(parent, name);
}

/* A new process gets its directory at once, and loses it when it is
 * reaped: so /proc holds memory exactly for the processes there are, and a
 * test that counts free pages around a child sees them all come back. */
void proc_task_born(pid_t pid)
{
    if (proc_dir)
        add_pid_dir(proc_dir, pid);
}

void proc_forget(pid_t pid)
{
    for (struct dentry *d = proc_dir ? proc_dir->entries : NULL; d; d = d->next)
        if (d->inode->proc == &proc_pid_dir && d->inode->proc_pid == pid) {
            remove_pid_dir(proc_dir, d->inode, d->name);
            return;
        }
}

/* /proc itself: a directory for each process (one that fork could not
 * make for want of memory is made here). */
static void root_refresh(struct inode *dir)
{
    for (int i = 1; i < NR_TASKS; i++) {
        char name[12];
        if (tasks[i].state == TASK_UNUSED)
            continue;
        snprintk(name, sizeof(name), "%d", tasks[i].pid);
        if (!proc_find(dir, name))
            add_pid_dir(dir, tasks[i].pid);
    }
}

/* A /proc link's target, made now: "self" names whoever follows it. */
long proc_read_link(struct inode *link, char *buf, size_t size)
{
    long err;
    struct proc_buf *b = make_text(link, &err);

    if (!b)
        return err;
    size_t n = b->len < size ? b->len : size;
    memcpy(buf, b->data, n);
    kfree(b->data);
    kfree(b);
    return n;
}

void proc_refresh(struct inode *dir)
{
    if (dir->proc->refresh)
        dir->proc->refresh(dir);
}

void proc_init(void)
{
    struct inode *proc = proc_find(root_inode, "proc") ? NULL :
                         proc_add(root_inode, "proc", &proc_root, 0);

    if (!proc) {
        printk("proc: no /proc (a file of that name, or no memory)\n");
        return;
    }
    add_children(proc, 0);
    proc_dir = proc;
}
