/* The system-wide table of open files and each process's fd table.
 *
 * fd n of a process is current->files[n], a pointer into the global table.
 * fork and dup make two fds point at the SAME struct file, so they share
 * its offset: the lecture's "parent and child write to the same file and
 * do not overwrite each other". */
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include "syscall_protos.h"
#include "fs/file.h"
#include "fs/inode.h"
#include "mm/uaccess.h"

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

static void set_cloexec(int fd, int on)
{
    if (on)
        current->close_on_exec |= 1u << fd;
    else
        current->close_on_exec &= ~(1u << fd);
}

/* The lowest free fd from `from` on becomes f's; -EMFILE if none. */
static int fd_install_from(struct file *f, int from, int cloexec)
{
    /* RLIMIT_NOFILE: one more than the highest fd it may take */
    unsigned long limit = current->rlim[RLIMIT_NOFILE].rlim_cur;

    for (int fd = from; fd < NR_OPEN && (unsigned long)fd < limit; fd++) {
        if (!current->files[fd]) {
            current->files[fd] = f;
            set_cloexec(fd, cloexec);
            return fd;
        }
    }
    return -EMFILE;
}

int fd_install(struct file *f, int cloexec)
{
    return fd_install_from(f, 0, cloexec);
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
    return sys_fcntl(fd, F_DUPFD, 0);
}

/* dup3(old, new, flags): new becomes another fd of old's file, after
 * closing what new was; O_CLOEXEC is the only flag.  Unlike dup2, old ==
 * new is an error. */
long sys_dup3(int oldfd, int newfd, int flags)
{
    if (flags & ~O_CLOEXEC)
        return -EINVAL;
    if (oldfd == newfd)
        return -EINVAL;
    if (newfd < 0 || newfd >= NR_OPEN)
        return -EBADF;
    struct file *f = fget(oldfd);
    if (!f)
        return -EBADF;
    file_get(f);
    if (current->files[newfd])
        fd_close(current, newfd);
    current->files[newfd] = f;
    set_cloexec(newfd, flags & O_CLOEXEC);
    return newfd;
}

long sys_dup2(int oldfd, int newfd)
{
    if (oldfd == newfd)
        return fget(oldfd) ? newfd : -EBADF;
    return sys_dup3(oldfd, newfd, 0);
}

/* Record locks (F_GETLK, F_SETLK, F_SETLKW and their 64-bit twins): Minnow
 * keeps none.  Every lock is granted at once, and F_GETLK answers that
 * nothing stands in the way (l_type becomes F_UNLCK), which is the truth
 * as long as no other process uses locks on the same file.  The request
 * is still checked as Linux does: its type and origin, and that the file
 * is open for reading (a read lock) or writing (a write lock). */
static long record_lock(struct file *f, int get, void *ulock, size_t size)
{
    short head[2];                   /* l_type, l_whence: the same in both layouts */

    if (verify_area(ulock, size, get) < 0 || copy_from_user(head, ulock, sizeof(head)) < 0)
        return -EFAULT;
    if (head[1] != SEEK_SET && head[1] != SEEK_CUR && head[1] != SEEK_END)
        return -EINVAL;
    if (get) {
        if (head[0] != F_RDLCK && head[0] != F_WRLCK)
            return -EINVAL;
        head[0] = F_UNLCK;
        return copy_to_user(ulock, head, sizeof(head[0]));
    }
    if (head[0] == F_UNLCK)
        return 0;
    if (head[0] != F_RDLCK && head[0] != F_WRLCK)
        return -EINVAL;
    if (head[0] == F_RDLCK ? !file_readable(f) : !file_writable(f))
        return -EBADF;
    return 0;
}

/* fcntl: the fd's FD_CLOEXEC flag, the file's O_APPEND/O_NONBLOCK, dup to
 * the lowest fd >= arg, and record locks (above). */
long sys_fcntl(int fd, int cmd, long arg)
{
    struct file *f = fget(fd);

    if (!f)
        return -EBADF;
    switch (cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC: {
        if (arg < 0 || arg >= NR_OPEN)
            return -EINVAL;
        int newfd = fd_install_from(file_get(f), arg, cmd == F_DUPFD_CLOEXEC);
        if (newfd < 0)
            file_put(f);
        return newfd;
    }
    case F_GETFD:
        return (current->close_on_exec >> fd) & 1;
    case F_SETFD:
        set_cloexec(fd, arg & FD_CLOEXEC);
        return 0;
    case F_GETFL:
        return f->flags;
    case F_SETFL:
        f->flags = (f->flags & ~(O_APPEND | O_NONBLOCK)) | (arg & (O_APPEND | O_NONBLOCK));
        return 0;
    case F_GETLK:
    case F_SETLK:
    case F_SETLKW:
        return record_lock(f, cmd == F_GETLK, (void *)arg, sizeof(struct flock));
    default:
        return -EINVAL;
    }
}

/* fcntl64 (glibc's fcntl on i386): fcntl, with struct flock64 for the
 * 64-bit lock commands. */
long sys_fcntl64(int fd, int cmd, long arg)
{
    struct file *f = fget(fd);

    if (!f)
        return -EBADF;
    if (cmd == F_GETLK64 || cmd == F_SETLK64 || cmd == F_SETLKW64)
        return record_lock(f, cmd == F_GETLK64, (void *)arg, sizeof(struct flock64));
    return sys_fcntl(fd, cmd, arg);
}
