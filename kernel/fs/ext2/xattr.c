/* Extended attributes (ACLs, SELinux labels...).  Minnow neither reads
 * nor makes them, but a file made elsewhere may have a block of them
 * (i_file_acl), which several inodes may share: the block's header counts
 * its users.  When such a file is deleted, its share must be given back,
 * or e2fsck finds a block nobody owns. */
#include <minnow/errno.h>
#include "fs/ext2/ext2.h"

#define EXT2_XATTR_MAGIC 0xEA020000

struct ext2_xattr_header {
    uint32_t h_magic;
    uint32_t h_refcount;         /* inodes that use the block */
    uint32_t h_blocks;           /* always 1 */
};

void ext2_xattr_drop(struct inode *ino)
{
    struct ext2_sb_info *sbi = EXT2_ISB(ino);
    struct ext2_inode_info *ei = EXT2_I(ino);
    uint32_t block = ei->i_file_acl;

    if (block == 0 || ext2_check_block(ino, block) < 0)
        return;
    struct buffer_head *bh = ext2_bread(sbi, block);
    if (!bh)
        return;
    struct ext2_xattr_header *h = (struct ext2_xattr_header *)bh->b_data;
    if (h->h_magic != EXT2_XATTR_MAGIC || h->h_blocks != 1) {
        ext2_error(sbi, EXT2_BAD_BLOCK, "inode %lu: bad extended-attribute block %u", ino->ino,
                   block);
        brelse(bh);
        return;
    }
    if (h->h_refcount > 1) {
        h->h_refcount--;                 /* others still use it */
        mark_buffer_dirty(bh);
    } else {
        ext2_free_block(ino, block);
    }
    brelse(bh);
    ei->i_file_acl = 0;
    ino->blocks -= ino->blocks >= sbi->block_size / 512 ? sbi->block_size / 512 : ino->blocks;
}
