/* statfs64(2): what a mounted file system holds and has free, in Linux
 * i386's layout (84 bytes; the 64-bit counts are 4-aligned on i386). */
#ifndef _MINNOW_STATFS_H
#define _MINNOW_STATFS_H

#include <minnow/types.h>

struct statfs64 {
    uint32_t f_type;             /* RAMFS_MAGIC, EXT2_SUPER_MAGIC... */
    uint32_t f_bsize;            /* the block size the counts use */
    uint64_t f_blocks;
    uint64_t f_bfree;
    uint64_t f_bavail;           /* free for an ordinary user */
    uint64_t f_files;            /* inodes */
    uint64_t f_ffree;
    int f_fsid[2];
    uint32_t f_namelen;
    uint32_t f_frsize;
    uint32_t f_flags;            /* ST_RDONLY */
    uint32_t f_spare[4];
};

#define ST_RDONLY 1

#endif
