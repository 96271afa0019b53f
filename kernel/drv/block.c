/* The table of block devices, and the one way to move their sectors.
 *
 * Why in drv/: this is the drivers' side of the line -- what a disk driver
 * registers and what it is called through -- and knows nothing of files.
 * The other side, the buffer cache and the device files, is in fs/
 * (fs/buffer.c, fs/block_dev.c), as Linux splits block/ from fs/. */
#include <string.h>
#include <minnow/errno.h>
#include "drv/block.h"
#include "lib/printk.h"

static struct block_device *devices[MAX_BLOCK_DEVICES];

int register_block_device(struct block_device *bdev)
{
    bdev->block_size = 4096;     /* the largest that divides the disk's size */
    while (bdev->block_size > SECTOR_SIZE && bdev->sectors % (bdev->block_size / SECTOR_SIZE))
        bdev->block_size /= 2;
    for (int i = 0; i < MAX_BLOCK_DEVICES; i++) {
        if (!devices[i]) {
            devices[i] = bdev;
            printk("%s: %u sectors (%u MiB), device %u,%u\n", bdev->name, bdev->sectors,
                   bdev->sectors / 2048, bdev->dev >> 8, bdev->dev & 0xff);
            return 0;
        }
    }
    return -ENOSPC;
}

struct block_device *bdev_by_dev(dev_t dev)
{
    for (int i = 0; i < MAX_BLOCK_DEVICES; i++)
        if (devices[i] && devices[i]->dev == dev)
            return devices[i];
    return NULL;
}

struct block_device *bdev_by_name(const char *name)
{
    for (int i = 0; i < MAX_BLOCK_DEVICES; i++)
        if (devices[i] && strcmp(devices[i]->name, name) == 0)
            return devices[i];
    return NULL;
}

struct block_device *bdev_by_index(int i)
{
    return i >= 0 && i < MAX_BLOCK_DEVICES ? devices[i] : NULL;
}

int block_rw(struct block_device *bdev, int write, uint32_t sector, unsigned count, void *buf)
{
    char *p = buf;

    if (sector >= bdev->sectors || count > bdev->sectors - sector)
        return -EIO;                 /* past the end of the disk */
    while (count > 0) {
        unsigned n = count < bdev->ops->max_sectors ? count : bdev->ops->max_sectors;
        int err = bdev->ops->rw(bdev, write, sector, n, p);
        if (write) {
            bdev->writes++;
            bdev->write_sectors += n;
        } else {
            bdev->reads++;
            bdev->read_sectors += n;
        }
        if (err < 0) {
            bdev->errors++;
            return err;
        }
        sector += n;
        count -= n;
        p += n * SECTOR_SIZE;
    }
    return 0;
}
