#ifndef FS_DEV_H
#define FS_DEV_H

#include <minnow/types.h>
#include "fs/file.h"

/* Linux's device numbers for the devices Minnow has. */
#define MKDEV(major, minor) (((major) << 8) | (minor))
#define DEV_NULL    MKDEV(1, 3)
#define DEV_ZERO    MKDEV(1, 5)
#define DEV_TTY     MKDEV(5, 0)
#define DEV_CONSOLE MKDEV(5, 1)

const struct file_ops *dev_file_ops(dev_t rdev);   /* NULL: no such device */
void dev_init(void);                               /* makes /dev and its nodes */

#endif
