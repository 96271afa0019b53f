/* Loop devices: a file seen as a disk.
 *
 *   losetup /dev/loop0 disk.img      (ioctl LOOP_SET_FD with disk.img open)
 *   mount /dev/loop0 /mnt            ext2 now reads disk.img's bytes
 *
 * The block device's rw operation, which for the IDE disk moves sectors
 * over the ATA ports, here reads and writes the file: sector n is bytes
 * n * 512 .. n * 512 + 511 of it.  So a file system image can be mounted
 * without a second disk -- the tests mount hundreds of damaged images this
 * way, one after another, in one boot.  Linux's numbers: major 7. */
#include <string.h>
#include <minnow/blkdev.h>
#include <minnow/errno.h>
#include "drv/block.h"
#include "drv/loop.h"
#include "fs/buffer.h"
#include "fs/file.h"
#include "fs/inode.h"
#include "mm/uaccess.h"

#define NR_LOOP 4
#define LOOP_MAJOR 7

struct loop_device {
    struct block_device bdev;
    struct inode *backing;       /* the file (a reference), or NULL */
};

static struct loop_device loops[NR_LOOP];

/* Sectors to and from the file.  Past its end a read gets zeros (a file
 * whose size is not a whole number of sectors still has a last sector). */
static int loop_rw(struct block_device *bdev, int write, uint32_t sector, unsigned count, void *buf)
{
    struct loop_device *lo = bdev->private;
    uint32_t off = sector * SECTOR_SIZE, len = count * SECTOR_SIZE;

    if (!lo->backing)
        return -EIO;
    if (write)
        return inode_write(lo->backing, buf, off, len) == (long)len ? 0 : -EIO;
    long got = inode_read(lo->backing, buf, off, len);
    if (got < 0)
        return -EIO;
    memset((char *)buf + got, 0, len - got);
    return 0;
}

/* LOOP_SET_FD: fd's file becomes the device's content. */
static int loop_set_fd(struct loop_device *lo, int fd)
{
    struct file *f = fget(fd);

    if (lo->backing)
        return -EBUSY;
    if (!f)
        return -EBADF;
    if (!f->inode || !S_ISREG(f->inode->mode))
        return -EINVAL;
    lo->backing = inode_get(f->inode);
    invalidate_bdev(&lo->bdev);      /* nothing of a file bound before may stay cached */
    set_capacity(&lo->bdev, lo->backing->size / SECTOR_SIZE);
    return 0;
}

/* LOOP_CLR_FD: the file is let go of, its blocks written back first. */
static int loop_clr_fd(struct loop_device *lo)
{
    if (!lo->backing)
        return -ENXIO;
    if (dev_is_mounted(lo->bdev.dev))
        return -EBUSY;
    invalidate_bdev(&lo->bdev);
    inode_put(lo->backing);
    lo->backing = NULL;
    set_capacity(&lo->bdev, 0);
    return 0;
}

static int loop_get_status(struct loop_device *lo, void *arg)
{
    struct loop_info64 info;

    if (!lo->backing)
        return -ENXIO;
    memset(&info, 0, sizeof(info));
    info.lo_device = lo->backing->sb->dev;
    info.lo_inode = lo->backing->ino;
    info.lo_rdevice = lo->bdev.dev;
    info.lo_number = lo - loops;
    return copy_to_user(arg, &info, sizeof(info));
}

static int loop_ioctl(struct block_device *bdev, unsigned long req, void *arg)
{
    struct loop_device *lo = bdev->private;

    switch (req) {
    case LOOP_SET_FD:
        return loop_set_fd(lo, (int)(long)arg);
    case LOOP_CLR_FD:
        return loop_clr_fd(lo);
    case LOOP_GET_STATUS64:
        return loop_get_status(lo, arg);
    default:
        return -ENOTTY;
    }
}

static const struct block_device_ops loop_ops = {
    .rw = loop_rw,
    .max_sectors = 128,
    .ioctl = loop_ioctl,
};

void loop_init(void)
{
    for (int i = 0; i < NR_LOOP; i++) {
        struct loop_device *lo = &loops[i];
        memcpy(lo->bdev.name, "loop0", 6);
        lo->bdev.name[4] = (char)('0' + i);
        lo->bdev.dev = (LOOP_MAJOR << 8) | i;
        lo->bdev.ops = &loop_ops;
        lo->bdev.private = lo;
        register_block_device(&lo->bdev);
    }
}
