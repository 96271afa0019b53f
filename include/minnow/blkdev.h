/* The ioctl requests of a block device file (/dev/hda), Linux's numbers
 * (<linux/fs.h>; glibc's <sys/mount.h> has them too). */
#ifndef _MINNOW_BLKDEV_H
#define _MINNOW_BLKDEV_H

#define BLKGETSIZE   0x1260      /* unsigned long *: the size in 512-byte sectors */
#define BLKFLSBUF    0x1261      /* write back the dirty blocks, drop the cached ones */
#define BLKSSZGET    0x1268      /* int *: the sector size, 512 */
#define BLKBSZGET    0x80041270  /* int *: the block size the cache is read with */
#define BLKGETSIZE64 0x80041272  /* unsigned long long *: the size in bytes */

/* A loop device (/dev/loop0...): a file seen as a disk. */
#define LOOP_SET_FD        0x4C00    /* arg: an fd open on a regular file */
#define LOOP_CLR_FD        0x4C01    /* let go of it (EBUSY while mounted) */
#define LOOP_GET_STATUS64  0x4C05    /* struct loop_info64 *: which file (ENXIO: none) */

struct loop_info64 {
    unsigned long long lo_device;    /* the file's st_dev */
    unsigned long long lo_inode;     /* and st_ino */
    unsigned long long lo_rdevice;   /* the loop device's own number */
    unsigned long long lo_offset, lo_sizelimit;
    unsigned int lo_number;          /* 0 for loop0 */
    unsigned int lo_encrypt_type, lo_encrypt_key_size, lo_flags;
    unsigned char lo_file_name[64];
    unsigned char lo_crypt_name[64];
    unsigned char lo_encrypt_key[32];
    unsigned long long lo_init[2];
};

#endif
