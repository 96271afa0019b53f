/* The file operations of a regular file (or directory) of any file system
 * -- the RAM file system's, ext2's: read and write at the file's offset,
 * which they move, through the inode's operations; lseek sets it. */
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include "fs/ramfs_file.h"
#include "fs/inode.h"

#define OFF_MAX 0x7fffffff           /* off_t is 32 bits */

static ssize_t ramfs_read(struct file *f, char *buf, size_t n, off_t *pos)
{
    long got = inode_read(f->inode, buf, *pos, n);

    if (got > 0)
        *pos += got;
    return got;
}

static ssize_t ramfs_write(struct file *f, const char *buf, size_t n, off_t *pos)
{
    uint32_t at = *pos;
    long put = f->flags & O_APPEND ? inode_append(f->inode, buf, n, &at)
                                   : inode_write(f->inode, buf, at, n);
    *pos = at + (put > 0 ? put : 0);     /* with O_APPEND: after the end, even if nothing fit */
    return put;
}

static off_t ramfs_lseek(struct file *f, off_t off, int whence)
{
    off_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? f->pos : (off_t)f->inode->size;

    if (off > 0 && base > OFF_MAX - off)
        return -EOVERFLOW;           /* not an off_t (and base + off would be undefined) */
    if (base + off < 0)
        return -EINVAL;
    f->pos = base + off;             /* past the end is fine: a later write leaves a hole */
    return f->pos;
}

/* fsync: the inode's file system writes it (ext2: to the disk; in RAM
 * there is nothing to do). */
static int ramfs_fsync(struct file *f, int datasync)
{
    (void)datasync;
    return inode_fsync(f->inode);
}

const struct file_ops ramfs_file_ops = {
    .read = ramfs_read,
    .write = ramfs_write,
    .lseek = ramfs_lseek,
    .fsync = ramfs_fsync,
};
