/* read, write, lseek and ioctl: the same calls for every kind of file.
 * Each checks the fd and the user's buffer, then hands over to the file's
 * own operation (a ramfs file, a pipe, the tty, a socket...).
 * docs/files.md follows a read() from here to each of them.  Their
 * relatives are built on the same two steps: pread64/pwrite64 (at a given
 * offset), readv/writev (several buffers), _llseek (64-bit offsets). */
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include <minnow/uio.h>
#include "fs/file.h"
#include "fs/inode.h"
#include "mm/kmalloc.h"
#include "mm/uaccess.h"
#include "proc/sched.h"
#include "syscall.h"
#include "syscall_protos.h"

#define MAX_RW 0x7ffff000u       /* one call moves at most this much (as Linux) */
#define SSIZE_MAX 0x7fffffff

/* The file behind fd, if it may be read (or, with `write`, written). */
static long rw_file(int fd, int write, struct file **out)
{
    struct file *f = fget(fd);

    if (!f || !(write ? file_writable(f) : file_readable(f)))
        return -EBADF;
    if (!write && S_ISDIR(f->inode->mode))
        return -EISDIR;
    *out = f;
    return 0;
}

/* One transfer between a user buffer and the file, at *pos. */
static long rw_buffer(struct file *f, int write, char *buf, size_t n, off_t *pos)
{
    if (n > MAX_RW)
        n = MAX_RW;
    if (verify_area(buf, n, !write) < 0)
        return -EFAULT;
    if (n == 0)
        return 0;
    return write ? f->ops->write(f, buf, n, pos) : f->ops->read(f, buf, n, pos);
}

/* On a file with an offset, reads, writes and lseeks through one open
 * file happen one after the other, as POSIX asks: two processes sharing
 * it (after fork), both asleep on the disk in the middle of a read,
 * would otherwise read the same bytes twice, or write over each other.
 * Whoever moves f->pos holds it; the others wait (a signal ends the
 * wait).  Pipes, sockets and the terminal have no offset: their own
 * queues order their readers and writers. */
long lock_pos(struct file *f)
{
    if (!f->ops->lseek)
        return 0;
    while (f->pos_busy)
        if (sleep_on(&f->pos_busy) < 0)
            return -EINTR;
    f->pos_busy = 1;
    return 0;
}

void unlock_pos(struct file *f)
{
    if (!f->ops->lseek)
        return;
    f->pos_busy = 0;
    wake_up(&f->pos_busy);
}

static long do_rw(int fd, int write, char *buf, size_t n)
{
    struct file *f;
    long err = rw_file(fd, write, &f);

    if (err < 0 || (err = lock_pos(f)) < 0)
        return err;
    err = rw_buffer(f, write, buf, n, &f->pos);
    unlock_pos(f);
    return err;
}

long sys_read(int fd, void *buf, size_t n)
{
    return do_rw(fd, 0, buf, n);
}

long sys_write(int fd, const void *buf, size_t n)
{
    return do_rw(fd, 1, (char *)buf, n);
}

/* pread64/pwrite64: a read or write at offset pos, leaving the file's
 * offset where it was: the operations move a copy of pos, never f->pos,
 * so another process sharing the open file (after fork) does not see it
 * change, even while this read sleeps on the disk.  Without a position (a
 * pipe, a socket, the terminal) it is ESPIPE.  With O_APPEND a write
 * still goes at the end, as on Linux. */
static long rw_at(int fd, int write, char *buf, size_t n, long long pos)
{
    struct file *f;

    if (pos < 0)
        return -EINVAL;
    long err = rw_file(fd, write, &f);
    if (err < 0)
        return err;
    if (!f->ops->lseek)
        return -ESPIPE;
    /* past the largest file every offset is alike: end of file, or EFBIG */
    off_t at = pos > MAX_FILE_SIZE ? MAX_FILE_SIZE : pos;
    return rw_buffer(f, write, buf, n, &at);
}

long sys_pread64(int fd, void *buf, size_t n, unsigned long pos_low, unsigned long pos_high)
{
    return rw_at(fd, 0, buf, n, arg64(pos_low, pos_high));
}

long sys_pwrite64(int fd, const void *buf, size_t n, unsigned long pos_low,
                  unsigned long pos_high)
{
    return rw_at(fd, 1, (char *)buf, n, arg64(pos_low, pos_high));
}

/* Copies in the vector of a readv/writev (or a sendmsg/recvmsg) and checks
 * it whole: the count (at most UIO_MAXIOV), the total (at most SSIZE_MAX),
 * then every buffer.  The caller frees *out. */
long get_iovec(const struct iovec *uiov, int count, int write, struct iovec **out)
{
    size_t total = 0;

    if (count < 0 || count > UIO_MAXIOV)
        return -EINVAL;
    struct iovec *iov = kmalloc(count * sizeof(*iov));
    if (!iov)
        return -ENOMEM;
    long err = copy_from_user(iov, uiov, count * sizeof(*iov));
    for (int i = 0; i < count && err == 0; i++) {
        if (iov[i].iov_len > SSIZE_MAX - total)
            err = -EINVAL;
        total += iov[i].iov_len;
    }
    for (int i = 0; i < count && err == 0; i++)
        if (verify_area(iov[i].iov_base, iov[i].iov_len, !write) < 0)
            err = -EFAULT;
    if (err < 0)
        kfree(iov);
    else
        *out = iov;
    return err;
}

/* readv/writev: each buffer in turn is an ordinary read or write, and
 * the call stops at the first that comes back short (the file had no
 * more, or no more room, for now).  A read from a file without a position
 * (a pipe, a socket, the terminal) must not wait once it has something:
 * after the first buffer it reads as with O_NONBLOCK, taking only what is
 * there already. */
static long rw_vector(int fd, int write, const struct iovec *uiov, int count)
{
    struct file *f;
    struct iovec *iov;
    long done = 0;
    long err = rw_file(fd, write, &f);

    if (err == 0)
        err = get_iovec(uiov, count, write, &iov);
    if (err < 0)
        return err;
    if ((err = lock_pos(f)) < 0) {
        kfree(iov);
        return err;
    }
    unsigned int flags = f->flags;
    for (int i = 0; i < count; i++) {
        if (iov[i].iov_len == 0)
            continue;
        long n = rw_buffer(f, write, iov[i].iov_base, iov[i].iov_len, &f->pos);
        if (n < 0) {
            done = done ? done : n;          /* EAGAIN after data: the data */
            break;
        }
        done += n;
        if ((size_t)n < iov[i].iov_len)
            break;
        /* lent for this call only: nobody else runs while it does not sleep */
        if (!write && !f->ops->lseek)
            f->flags |= O_NONBLOCK;
    }
    f->flags = flags;
    unlock_pos(f);
    kfree(iov);
    return done;
}

long sys_readv(int fd, const struct iovec *uiov, int count)
{
    return rw_vector(fd, 0, uiov, count);
}

long sys_writev(int fd, const struct iovec *uiov, int count)
{
    return rw_vector(fd, 1, uiov, count);
}

/* Minnow's file offsets are 32 bits (files stop at 1 GiB): a 64-bit
 * offset beyond them is EINVAL, as Linux says past a file system's
 * largest file. */
static long do_lseek(int fd, long long offset, int whence)
{
    struct file *f = fget(fd);

    if (!f)
        return -EBADF;
    if (!f->ops->lseek)
        return -ESPIPE;          /* pipes, sockets, the tty: no position */
    if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END)
        return -EINVAL;
    if (offset != (off_t)offset)
        return -EINVAL;
    long err = lock_pos(f);
    if (err < 0)
        return err;
    err = f->ops->lseek(f, offset, whence);
    unlock_pos(f);
    return err;
}

long sys_lseek(int fd, off_t offset, int whence)
{
    return do_lseek(fd, offset, whence);
}

/* _llseek(fd, high, low, &result, whence): lseek with a 64-bit offset,
 * given high half first, and the new position stored at result. */
long sys__llseek(unsigned int fd, unsigned long high, unsigned long low, long long *uresult,
                 unsigned int whence)
{
    long pos = do_lseek(fd, arg64(low, high), whence);

    if (pos < 0)
        return pos;
    long long result = pos;
    return copy_to_user(uresult, &result, sizeof(result));
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
