/* The device files of the disks, /dev/hda and /dev/hdb: the whole disk as
 * one file of bytes, read and written through the buffer cache (so that
 * `od -c /dev/hda`, busybox's dd, or a file system's tools in Minnow see
 * what the cache sees).  A read or write is cut into blocks of the
 * device's block size; each block is one bread() (or getblk(), when a
 * write covers a whole block and nothing needs reading first). */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include <minnow/blkdev.h>
#include "fs/block_dev.h"
#include "fs/buffer.h"
#include "fs/inode.h"
#include "mm/uaccess.h"
#include "proc/sched.h"

#define OFF_MAX 0x7fffffff           /* off_t is 32 bits: 2 GiB of a disk is reachable */

static struct block_device *file_bdev(struct file *f)
{
    return bdev_by_dev(f->inode->rdev);
}

/* The disk's size in bytes, as far as an off_t reaches. */
static off_t disk_bytes(struct block_device *bdev)
{
    uint32_t max_sectors = (uint32_t)OFF_MAX / SECTOR_SIZE;
    return (off_t)(bdev->sectors < max_sectors ? bdev->sectors : max_sectors) * SECTOR_SIZE;
}

/* Reads stop at the end of the disk: 0, end of file, from there on. */
static ssize_t blkdev_read(struct file *f, char *buf, size_t n, off_t *pos)
{
    struct block_device *bdev = file_bdev(f);
    size_t done = 0;

    if (!bdev)
        return -ENXIO;
    off_t size = disk_bytes(bdev);
    if (*pos >= size)
        return 0;
    if (n > (size_t)(size - *pos))
        n = size - *pos;
    while (done < n) {
        unsigned bs = bdev->block_size, off = *pos % bs;
        size_t chunk = bs - off < n - done ? bs - off : n - done;
        struct buffer_head *bh = bread(bdev, *pos / bs, bs);
        if (!bh)
            return done ? (ssize_t)done : -EIO;
        memcpy(buf + done, bh->b_data + off, chunk);   /* buf: checked by read() */
        brelse(bh);
        done += chunk;
        *pos += chunk;
        cond_resched();              /* 16 MiB from the cache is a long job */
    }
    return done;
}

/* The buffer for a write of `chunk` bytes at `off` in the block: a whole
 * block needs nothing read first, a part of one does. */
static struct buffer_head *buffer_for_write(struct block_device *bdev, uint32_t block,
                                            unsigned off, size_t chunk)
{
    unsigned bs = bdev->block_size;

    if (off != 0 || chunk != bs)
        return bread(bdev, block, bs);
    struct buffer_head *bh = getblk(bdev, block, bs);
    if (bh)
        wait_on_buffer(bh);          /* not while someone's read fills it */
    return bh;
}

/* Writes go into the cache and are written back later (sync, fsync,
 * bdflush).  Past the end of the disk there is no room: ENOSPC. */
static ssize_t blkdev_write(struct file *f, const char *buf, size_t n, off_t *pos)
{
    struct block_device *bdev = file_bdev(f);
    size_t done = 0;

    if (!bdev)
        return -ENXIO;
    off_t size = disk_bytes(bdev);
    if (*pos >= size)
        return -ENOSPC;
    if (n > (size_t)(size - *pos))
        n = size - *pos;
    while (done < n) {
        unsigned bs = bdev->block_size, off = *pos % bs;
        size_t chunk = bs - off < n - done ? bs - off : n - done;
        struct buffer_head *bh = buffer_for_write(bdev, *pos / bs, off, chunk);
        if (!bh)
            return done ? (ssize_t)done : -EIO;
        memcpy(bh->b_data + off, buf + done, chunk);
        bh->b_uptodate = 1;
        mark_buffer_dirty(bh);
        brelse(bh);
        done += chunk;
        *pos += chunk;
        cond_resched();
    }
    return done;
}

static off_t blkdev_lseek(struct file *f, off_t off, int whence)
{
    struct block_device *bdev = file_bdev(f);

    if (!bdev)
        return -ENXIO;
    off_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? f->pos : disk_bytes(bdev);
    if (off > 0 && base > OFF_MAX - off)
        return -EOVERFLOW;
    if (base + off < 0)
        return -EINVAL;
    f->pos = base + off;
    return f->pos;
}

static int blkdev_ioctl(struct file *f, unsigned long req, void *arg)
{
    struct block_device *bdev = file_bdev(f);

    if (!bdev)
        return -ENXIO;
    switch (req) {
    case BLKGETSIZE: {
        unsigned long sectors = bdev->sectors;
        return copy_to_user(arg, &sectors, sizeof(sectors));
    }
    case BLKGETSIZE64: {
        unsigned long long bytes = (unsigned long long)bdev->sectors * SECTOR_SIZE;
        return copy_to_user(arg, &bytes, sizeof(bytes));
    }
    case BLKSSZGET: {
        int size = SECTOR_SIZE;
        return copy_to_user(arg, &size, sizeof(size));
    }
    case BLKBSZGET: {
        int size = bdev->block_size;
        return copy_to_user(arg, &size, sizeof(size));
    }
    case BLKFLSBUF:
        return invalidate_bdev(bdev);
    default:
        return bdev->ops->ioctl ? bdev->ops->ioctl(bdev, req, arg) : -ENOTTY;
    }
}

/* fsync and fdatasync: the device's dirty blocks to the disk. */
static int blkdev_fsync(struct file *f, int datasync)
{
    struct block_device *bdev = file_bdev(f);

    (void)datasync;                  /* a device file has no metadata of its own */
    return bdev ? sync_dev(bdev) : -ENXIO;
}

static const struct file_ops blkdev_ops = {
    .read = blkdev_read,
    .write = blkdev_write,
    .lseek = blkdev_lseek,
    .ioctl = blkdev_ioctl,
    .fsync = blkdev_fsync,
};

const struct file_ops *blkdev_file_ops(dev_t rdev)
{
    return bdev_by_dev(rdev) ? &blkdev_ops : NULL;
}

/* /dev/hda, /dev/hdb...: a node for each disk the drivers found (what
 * Linux's devtmpfs does as a disk appears). */
void blkdev_make_nodes(void)
{
    struct inode *dev = ramfs_find(root_inode, "dev");
    struct block_device *bdev;

    for (int i = 0; dev && (bdev = bdev_by_index(i)); i++) {
        if (ramfs_find(dev, bdev->name))
            continue;
        struct inode *ino = inode_alloc(S_IFBLK | 0660);
        if (!ino)
            return;
        ino->rdev = bdev->dev;
        ramfs_add(dev, bdev->name, ino);
        inode_put(ino);
    }
}
