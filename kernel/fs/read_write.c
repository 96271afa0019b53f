/* read, write, lseek and ioctl: the same four calls for every kind of
 * file.  Each checks the fd and the user's buffer, then hands over to the
 * file's own operation (a ramfs file, a pipe, the tty, a socket...).
 * docs/files.md follows a read() from here to each of them. */
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include "fs/file.h"
#include "fs/inode.h"
#include "mm/uaccess.h"

#define MAX_RW 0x7ffff000u       /* one call moves at most this much (as Linux) */

long sys_read(int fd, void *buf, size_t n)
{
    struct file *f = fget(fd);

    if (!f || !file_readable(f))
        return -EBADF;
    if (f->inode && S_ISDIR(f->inode->mode))
        return -EISDIR;
    if (n > MAX_RW)
        n = MAX_RW;
    if (verify_area(buf, n, 1) < 0)
        return -EFAULT;
    if (n == 0)
        return 0;
    return f->ops->read(f, buf, n);
}

long sys_write(int fd, const void *buf, size_t n)
{
    struct file *f = fget(fd);

    if (!f || !file_writable(f))
        return -EBADF;
    if (n > MAX_RW)
        n = MAX_RW;
    if (verify_area(buf, n, 0) < 0)
        return -EFAULT;
    if (n == 0)
        return 0;
    return f->ops->write(f, buf, n);
}

long sys_lseek(int fd, off_t offset, int whence)
{
    struct file *f = fget(fd);

    if (!f)
        return -EBADF;
    if (!f->ops->lseek)
        return -ESPIPE;          /* pipes, sockets, the tty: no position */
    if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END)
        return -EINVAL;
    return f->ops->lseek(f, offset, whence);
}

long sys_ioctl(int fd, unsigned long req, void *arg)
{
    struct file *f = fget(fd);

    if (!f)
        return -EBADF;
    if (!f->ops->ioctl)
        return -ENOTTY;
    return f->ops->ioctl(f, req, arg);
}
