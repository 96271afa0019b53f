/* Block devices: disks, seen by the rest of the kernel as a row of
 * 512-byte sectors that can be read and written in any order.
 *
 * A driver (drv/ide.c) fills in a struct block_device for each disk it
 * finds and registers it; the buffer cache (fs/buffer.c) and the device
 * files /dev/hda, /dev/hdb (fs/block_dev.c) find it by name or number and
 * move sectors through block_rw().  docs/disk.md follows one read through. */
#ifndef DRV_BLOCK_H
#define DRV_BLOCK_H

#include <stdint.h>
#include <minnow/types.h>

#define SECTOR_SIZE 512
#define MAX_BLOCK_DEVICES 8          /* hda, hdb and the loop devices */

/* Linux's numbers for the IDE disks: major 3, 64 minors per disk (the
 * partitions would be hda1, hda2...; Minnow reads whole disks only). */
#define IDE0_MAJOR 3

struct block_device;

struct block_device_ops {
    /* Moves count sectors, from sector on, between the disk and buf
     * (kernel memory, which stays valid while the caller sleeps); returns
     * when the transfer is over: 0, or -EIO.  The caller may sleep. */
    int (*rw)(struct block_device *bdev, int write, uint32_t sector, unsigned count,
              void *buf);
    unsigned max_sectors;        /* the most one call of rw may move */
    /* requests only this kind of device knows (a loop device's
     * LOOP_SET_FD); NULL: none */
    int (*ioctl)(struct block_device *bdev, unsigned long req, void *arg);
};

struct block_device {
    char name[8];                /* "hda": the name of its file in /dev */
    dev_t dev;                   /* MKDEV(3, 0) for hda */
    uint32_t sectors;            /* its size, in 512-byte sectors */
    const struct block_device_ops *ops;
    void *private;               /* the driver's own (struct ide_drive) */
    unsigned block_size;         /* the block size its device file reads the
                                    buffer cache with: 4096 unless the size
                                    says smaller; a mounted file system sets
                                    its own (fs/buffer.c's set_blocksize) */
    uint32_t next_sector;        /* the buffer cache's: where its last read
                                    from this disk ended; a miss there is a
                                    disk read in order, and reads ahead */

    /* what it has done, for /proc/bufstat */
    unsigned long reads, writes;         /* requests that went to the driver */
    unsigned long read_sectors, write_sectors;
    unsigned long errors;                /* of which failed (-EIO) */
};

int register_block_device(struct block_device *bdev);   /* -ENOSPC: table full */
/* The device's size changed (a loop device got a file): its sectors, and
 * the block size its device file reads with. */
void set_capacity(struct block_device *bdev, uint32_t sectors);
struct block_device *bdev_by_dev(dev_t dev);             /* NULL: none */
struct block_device *bdev_by_name(const char *name);     /* NULL: none */
struct block_device *bdev_by_index(int i);               /* 0, 1...; NULL at the end */

/* count sectors from sector on, to or from buf: splits the transfer into
 * pieces the driver takes, refuses one past the end of the disk (-EIO),
 * and counts what it did. */
int block_rw(struct block_device *bdev, int write, uint32_t sector, unsigned count, void *buf);

#endif
