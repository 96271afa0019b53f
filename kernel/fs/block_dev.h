/* The device files of the disks (/dev/hda): fs/block_dev.c. */
#ifndef FS_BLOCK_DEV_H
#define FS_BLOCK_DEV_H

#include <minnow/types.h>
#include "fs/file.h"

const struct file_ops *blkdev_file_ops(dev_t rdev);   /* NULL: no such disk */
void blkdev_make_nodes(void);                          /* at boot, after dev_init */

#endif
