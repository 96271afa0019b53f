/* The ioctl requests of a block device file (/dev/hda), Linux's numbers
 * (<linux/fs.h>; glibc's <sys/mount.h> has them too). */
#ifndef _MINNOW_BLKDEV_H
#define _MINNOW_BLKDEV_H

#define BLKGETSIZE   0x1260      /* unsigned long *: the size in 512-byte sectors */
#define BLKFLSBUF    0x1261      /* write back the dirty blocks, drop the cached ones */
#define BLKSSZGET    0x1268      /* int *: the sector size, 512 */
#define BLKBSZGET    0x80041270  /* int *: the block size the cache is read with */
#define BLKGETSIZE64 0x80041272  /* unsigned long long *: the size in bytes */

#endif
