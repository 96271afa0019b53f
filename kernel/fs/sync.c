/* sync, fsync, fdatasync: a program's way to say "now, on the disk".
 *
 * Writes go into the buffer cache and reach the disk later (fs/buffer.c);
 * these calls are for a program that cannot wait for that: an editor that
 * has saved a file, a database after a commit.  sync writes every dirty
 * block of every disk; fsync writes what belongs to one open file, through
 * its file's own fsync operation; fdatasync may leave out what only
 * describes the file (its times), where a file system can tell them
 * apart. */
#include <minnow/errno.h>
#include <minnow/stat.h>
#include "fs/file.h"
#include "fs/inode.h"
#include "fs/buffer.h"
#include "syscall_protos.h"

long sys_sync(void)
{
    sync_all();                      /* sync cannot fail: errors stay unsaid */
    return 0;
}

/* A file without an fsync operation: one in RAM has nothing to write (0,
 * as Linux's tmpfs); a pipe, a socket or a terminal cannot be synced. */
static long do_fsync(int fd, int datasync)
{
    struct file *f = fget(fd);

    if (!f)
        return -EBADF;
    if (f->ops->fsync)
        return f->ops->fsync(f, datasync);
    if (f->inode && (S_ISREG(f->inode->mode) || S_ISDIR(f->inode->mode)))
        return 0;
    return -EINVAL;
}

long sys_fsync(int fd)
{
    return do_fsync(fd, 0);
}

long sys_fdatasync(int fd)
{
    return do_fsync(fd, 1);
}
