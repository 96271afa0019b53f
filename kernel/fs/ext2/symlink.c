/* Symbolic links.  The VFS makes one with create(S_IFLNK), then writes
 * the target.  A target shorter than 60 bytes is kept in the inode itself,
 * in the 60 bytes of i_block where a file's block numbers would be (a
 * "fast" symbolic link: no block, nothing more to read); a longer one is
 * the contents of a block, like a file's.  Linux tells them apart the
 * same way: a fast link has no blocks (i_blocks counts only an
 * extended-attribute block, if it has one). */
#include <string.h>
#include <minnow/errno.h>
#include "fs/ext2/ext2.h"
#include "drv/rtc.h"

#define FAST_LINK_MAX 60         /* the bytes of i_block */

int ext2_is_fast_symlink(struct inode *ino)
{
    uint32_t acl_blocks = EXT2_I(ino)->i_file_acl ? EXT2_ISB(ino)->block_size / 512 : 0;

    return ino->blocks == acl_blocks;
}

static long ext2_symlink_read(struct inode *ino, void *buf, uint32_t off, uint32_t n)
{
    if (!ext2_is_fast_symlink(ino))
        return ext2_read(ino, buf, off, n);
    if (ino->size >= FAST_LINK_MAX) {
        ext2_error(EXT2_ISB(ino), EXT2_BAD_LINK, "symbolic link %lu: size %u in the inode",
                   ino->ino, ino->size);
        return -EIO;
    }
    if (off >= ino->size)
        return 0;
    if (n > ino->size - off)
        n = ino->size - off;
    memcpy(buf, (char *)EXT2_I(ino)->i_block + off, n);
    return n;
}

/* The target, written once into the new, empty link. */
static long ext2_symlink_write(struct inode *ino, const void *buf, uint32_t off, uint32_t n)
{
    if (off != 0 || ino->size != 0 || n >= FAST_LINK_MAX || !ext2_is_fast_symlink(ino))
        return ext2_write(ino, buf, off, n);
    ext2_lock(EXT2_ISB(ino));
    memcpy(EXT2_I(ino)->i_block, buf, n);
    ino->size = n;
    ino->mtime = ino->ctime = current_time();
    ext2_write_inode(ino);
    ext2_unlock(EXT2_ISB(ino));
    return n;
}

const struct inode_operations ext2_symlink_inode_ops = {
    .read = ext2_symlink_read,
    .write = ext2_symlink_write,
    .fsync = ext2_fsync,
};
