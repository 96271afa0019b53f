/* The system-wide table of open files and each process's fd table.
 *
 * fd n of a process is current->files[n], a pointer into the global table.
 * fork and dup make two fds point at the SAME struct file, so they share
 * its offset: the lecture's "parent and child write to the same file and
 * do not overwrite each other". */
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include "fs/file.h"
#include "fs/inode.h"

static struct file file_table[NR_FILE];

struct file *file_alloc(const struct file_ops *ops, unsigned int flags)
{
    for (int i = 0; i < NR_FILE; i++) {
        struct file *f = &file_table[i];
        if (f->count == 0) {
            *f = (struct file){ .count = 1, .flags = flags, .ops = ops };
            return f;
        }
    }
    return NULL;
}

struct file *file_get(struct file *f)
{
    f->count++;
    return f;
}

void file_put(struct file *f)
{
    if (--f->count > 0)
        return;
    if (f->ops->release)
        f->ops->release(f);
    inode_put(f->inode);
    f->inode = NULL;
}

struct file *fget(int fd)
{
    if (fd < 0 || fd >= NR_OPEN)
        return NULL;
    return current->files[fd];
}

int fd_install(struct file *f, int cloexec)
{
    /* RLIMIT_NOFILE: one more than the highest fd it may take */
    unsigned long limit = current->rlim[RLIMIT_NOFILE].rlim_cur;

    for (int fd = 0; fd < NR_OPEN && (unsigned long)fd < limit; fd++) {
        if (!current->files[fd]) {
            current->files[fd] = f;
            if (cloexec)
                current->close_on_exec |= 1u << fd;
            else
                current->close_on_exec &= ~(1u << fd);
            return fd;
        }
    }
    return -EMFILE;
}

int fd_close(struct task_struct *t, int fd)
{
    if (fd < 0 || fd >= NR_OPEN || !t->files[fd])
        return -EBADF;
    struct file *f = t->files[fd];
    t->files[fd] = NULL;
    t->close_on_exec &= ~(1u << fd);
    file_put(f);
    return 0;
}

void files_fork(struct task_struct *child, struct task_struct *parent)
{
    for (int fd = 0; fd < NR_OPEN; fd++)
        if (parent->files[fd])
            child->files[fd] = file_get(parent->files[fd]);
    child->close_on_exec = parent->close_on_exec;
}

void files_exec(struct task_struct *t)
{
    for (int fd = 0; fd < NR_OPEN; fd++)
        if (t->close_on_exec & (1u << fd))
            fd_close(t, fd);
}

void files_exit(struct task_struct *t)
{
    for (int fd = 0; fd < NR_OPEN; fd++)
        if (t->files[fd])
            fd_close(t, fd);
}

long sys_close(int fd)
{
    return fd_close(current, fd);
}

long sys_dup(int fd)
{
    struct file *f = fget(fd);

    if (!f)
        return -EBADF;
    int newfd = fd_install(file_get(f), 0);
    if (newfd < 0)
        file_put(f);
    return newfd;
}

long sys_dup2(int oldfd, int newfd)
{
    struct file *f = fget(oldfd);

    if (!f)
        return -EBADF;
    if (newfd < 0 || newfd >= NR_OPEN)
        return -EBADF;
    if (newfd == oldfd)
        return newfd;
    file_get(f);
    if (current->files[newfd])
        fd_close(current, newfd);
    current->files[newfd] = f;
    current->close_on_exec &= ~(1u << newfd);
    return newfd;
}

/* fcntl: the fd's FD_CLOEXEC flag, the file's O_APPEND/O_NONBLOCK, and
 * dup to the lowest fd >= arg. */
long sys_fcntl(int fd, int cmd, long arg)
{
    struct file *f = fget(fd);

    if (!f)
        return -EBADF;
    switch (cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
        if (arg < 0 || arg >= NR_OPEN)
            return -EINVAL;
        for (int n = arg; n < NR_OPEN; n++) {
            if (!current->files[n]) {
                current->files[n] = file_get(f);
                if (cmd == F_DUPFD_CLOEXEC)
                    current->close_on_exec |= 1u << n;
                else
                    current->close_on_exec &= ~(1u << n);
                return n;
            }
        }
        return -EMFILE;
    case F_GETFD:
        return (current->close_on_exec >> fd) & 1;
    case F_SETFD:
        if (arg & FD_CLOEXEC)
            current->close_on_exec |= 1u << fd;
        else
            current->close_on_exec &= ~(1u << fd);
        return 0;
    case F_GETFL:
        return f->flags;
    case F_SETFL:
        f->flags = (f->flags & ~(O_APPEND | O_NONBLOCK)) | (arg & (O_APPEND | O_NONBLOCK));
        return 0;
    default:
        return -EINVAL;
    }
}
