/* The block map: which disk block holds block n of a file.
 *
 * An inode has 15 block numbers (i_block).  The first 12 are the file's
 * first 12 blocks ("direct").  The 13th names an indirect block: a block
 * full of block numbers, the file's next P blocks (P = block size / 4:
 * 256 with 1 KiB blocks).  The 14th names a double indirect block, whose
 * P numbers each name an indirect block: P * P blocks more.  The 15th, a
 * triple indirect block, one level deeper: P * P * P.  With 1 KiB blocks
 * that is 12 KiB direct, 256 KiB single, 64 MiB double, 16 GiB triple.
 *
 *   i_block[0..11] --------------------------------> data
 *   i_block[12] -> [ind] --------------------------> data
 *   i_block[13] -> [ind] -> [ind] -----------------> data
 *   i_block[14] -> [ind] -> [ind] -> [ind] --------> data
 *
 * A 0 anywhere on the way is a hole: the block reads as zeroes and takes
 * no space, until a write puts a block (and the indirect blocks above it)
 * there.  ext2_get_block walks the way; ext2_free_blocks_from cuts the
 * tree back for truncate and delete.  Every number met on the way is
 * checked before it is used. */
#include <string.h>
#include <minnow/errno.h>
#include "fs/ext2/ext2.h"

/* The way to file block iblock: the index in i_block, then the index in
 * each indirect block.  The number of steps (1 to 4), or 0 if this
 * function knows no way there (ext2's ways end with the triple indirect
 * block). */
static int block_to_path(struct ext2_sb_info *sbi, uint32_t iblock, uint32_t offsets[4])
{
    uint32_t p = sbi->addr_per_block;

    if (iblock < EXT2_NDIR_BLOCKS) {
        offsets[0] = iblock;
        return 1;
    }
    iblock -= EXT2_NDIR_BLOCKS;
    if (iblock < p) {
        offsets[0] = EXT2_IND_BLOCK;
        offsets[1] = iblock;
        return 2;
    }
    /* LAB(fs) BEGIN */
    iblock -= p;
    if (iblock < p * p) {
        offsets[0] = EXT2_DIND_BLOCK;
        offsets[1] = iblock / p;
        offsets[2] = iblock % p;
        return 3;
    }
    iblock -= p * p;
    if (iblock < p * p * p) {
        offsets[0] = EXT2_TIND_BLOCK;
        offsets[1] = iblock / (p * p);
        offsets[2] = iblock / p % p;
        offsets[3] = iblock % p;
        return 4;
    }
    /* LAB(fs) END */
    return 0;
}

/* A new block for ino, filled with zeroes (an indirect block must be, and
 * a data block's bytes past what is written must read as zeroes), counted
 * in i_blocks.  0 and *err if there is none. */
static uint32_t new_zeroed_block(struct inode *ino, int *err)
{
    struct ext2_sb_info *sbi = EXT2_ISB(ino);
    struct ext2_inode_info *ei = EXT2_I(ino);
    uint32_t block = ext2_new_block(ino, ei->next_goal, err);

    if (!block)
        return 0;
    struct buffer_head *bh = getblk(sbi->bdev, block, sbi->block_size);
    if (!bh) {
        ext2_free_block(ino, block);
        *err = -EIO;
        return 0;
    }
    wait_on_buffer(bh);
    memset(bh->b_data, 0, sbi->block_size);
    bh->b_uptodate = 1;
    mark_buffer_dirty(bh);
    brelse(bh);
    ino->blocks += sbi->block_size / 512;
    ei->next_goal = block + 1;           /* the next one right after: files lie together */
    return block;
}

/* LAB(fs) BEGIN */
/* The disk block that holds file block iblock of ino: *out, or 0 for a
 * hole.  With create, a hole gets a new block (and the indirect blocks on
 * its way).  -EIO for a bad block number on the way, -ENOSPC when the
 * disk is full, -EFBIG past the largest file. */
int ext2_get_block(struct inode *ino, uint32_t iblock, int create, uint32_t *out)
{
    struct ext2_inode_info *ei = EXT2_I(ino);
    uint32_t offsets[4];
    int depth = block_to_path(EXT2_ISB(ino), iblock, offsets), err = 0, allocated = 0;
    uint32_t *slot = &ei->i_block[offsets[0]];
    struct buffer_head *bh = NULL;       /* the indirect block slot is in (NULL: the inode) */

    if (depth == 0)
        return -EFBIG;
    for (int level = 0;; level++) {
        uint32_t block = *slot;
        if (block == 0 && !create) {
            *out = 0;                    /* a hole */
            break;
        }
        if (block == 0) {
            if (!(block = new_zeroed_block(ino, &err)))
                break;
            *slot = block;
            allocated = 1;
            if (bh)
                mark_buffer_dirty(bh);
        } else if ((err = ext2_check_block(ino, block)) < 0) {
            break;
        }
        if (level == depth - 1) {
            *out = block;
            break;
        }
        brelse(bh);
        if (!(bh = ext2_bread(EXT2_ISB(ino), block))) {
            err = -EIO;
            break;
        }
        slot = (uint32_t *)bh->b_data + offsets[level + 1];
    }
    brelse(bh);
    if (allocated)
        ext2_write_inode(ino);           /* i_block or i_blocks changed */
    return err;
}
/* LAB(fs) STARTER */
//: /* The block number in *slot, checked: *out (0: a hole).  With create, a
//:  * hole gets a new block, and *allocated says so; holder is the indirect
//:  * block that slot is in (NULL: the inode), marked dirty when *slot changes. */
//: static int map_slot(struct inode *ino, uint32_t *slot, struct buffer_head *holder, int create,
//:                     int *allocated, uint32_t *out)
//: {
//:     int err = 0;
//:
//:     if (*slot == 0 && create) {
//:         if (!(*slot = new_zeroed_block(ino, &err)))
//:             return err;
//:         *allocated = 1;
//:         if (holder)
//:             mark_buffer_dirty(holder);
//:     } else if (*slot && (err = ext2_check_block(ino, *slot)) < 0) {
//:         return err;
//:     }
//:     *out = *slot;
//:     return 0;
//: }
//:
//: /* The disk block that holds file block iblock of ino: *out, or 0 for a
//:  * hole.  With create, a hole gets a new block (and the indirect block on
//:  * its way).  -EIO for a bad block number on the way, -ENOSPC when the
//:  * disk is full, -EFBIG past what this block map reaches: it knows the
//:  * direct blocks (depth 1) and the single indirect block (depth 2) only.
//:  * Lab fs (docs/labs/fs.md): the double and the triple indirect blocks. */
//: int ext2_get_block(struct inode *ino, uint32_t iblock, int create, uint32_t *out)
//: {
//:     struct ext2_inode_info *ei = EXT2_I(ino);
//:     uint32_t offsets[4], ind;
//:     int depth = block_to_path(EXT2_ISB(ino), iblock, offsets), allocated = 0, err;
//:     uint32_t *slot = &ei->i_block[offsets[0]];
//:
//:     if (depth == 0 || depth > 2)
//:         return -EFBIG;
//:     if (depth == 1) {
//:         err = map_slot(ino, slot, NULL, create, &allocated, out);
//:     } else if ((err = map_slot(ino, slot, NULL, create, &allocated, &ind)) == 0) {
//:         *out = 0;                        /* no indirect block: a hole */
//:         struct buffer_head *bh = ind ? ext2_bread(EXT2_ISB(ino), ind) : NULL;
//:         if (ind && !bh)
//:             err = -EIO;
//:         else if (bh)
//:             err = map_slot(ino, (uint32_t *)bh->b_data + offsets[1], bh, create, &allocated, out);
//:         brelse(bh);
//:     }
//:     if (allocated)
//:         ext2_write_inode(ino);           /* i_block or i_blocks changed */
//:     return err;
//: }
/* LAB(fs) END */

/* Cuts back the branch whose number is in *slot: a block `depth` levels
 * above the data (0: a data block), which covers file blocks from
 * `start` on.  Every block of it at `first` or beyond goes, indirect
 * blocks too; one that straddles `first` keeps its own block, even if
 * holes leave it empty.  holder is the
 * indirect block *slot is in (NULL: the inode), marked dirty when *slot
 * changes.  A bad number is reported, and dropped, not freed. */
static void truncate_branch(struct inode *ino, uint32_t *slot, struct buffer_head *holder,
                            int depth, uint32_t start, uint32_t first)
{
    struct ext2_sb_info *sbi = EXT2_ISB(ino);
    uint32_t block = *slot;

    if (block == 0)
        return;
    if (ext2_check_block(ino, block) < 0) {
        if (start >= first && holder)
            mark_buffer_dirty(holder);
        if (start >= first)
            *slot = 0;
        return;
    }
    if (depth > 0) {
        struct buffer_head *bh = ext2_bread(sbi, block);
        if (!bh)
            return;                      /* the blocks below stay: e2fsck will find them */
        /* LAB(fs) BEGIN */
        uint32_t span = 1;               /* file blocks under each number here */
        for (int d = 1; d < depth; d++)
            span *= sbi->addr_per_block;
        for (uint32_t i = 0; i < sbi->addr_per_block; i++) {
            uint32_t child = start + i * span;
            if (child + span > first)
                truncate_branch(ino, (uint32_t *)bh->b_data + i, bh, depth - 1, child, first);
        }
        /* LAB(fs) STARTER */
//:         for (uint32_t i = 0; i < sbi->addr_per_block; i++)     /* depth 1: data blocks */
//:             if (start + i >= first)
//:                 truncate_branch(ino, (uint32_t *)bh->b_data + i, bh, 0, start + i, first);
        /* LAB(fs) END */
        brelse(bh);
    }
    if (start >= first) {
        ext2_free_block(ino, block);
        ino->blocks -= ino->blocks >= sbi->block_size / 512 ? sbi->block_size / 512 : ino->blocks;
        *slot = 0;
        if (holder)
            mark_buffer_dirty(holder);
    }
}

/* Frees every block of ino from file block `first` on, and the indirect
 * blocks whose file blocks all lie at `first` or beyond (truncate; delete
 * with 0). */
int ext2_free_blocks_from(struct inode *ino, uint32_t first)
{
    struct ext2_inode_info *ei = EXT2_I(ino);

    for (uint32_t i = 0; i < EXT2_NDIR_BLOCKS; i++)
        if (i >= first)
            truncate_branch(ino, &ei->i_block[i], NULL, 0, i, first);
    truncate_branch(ino, &ei->i_block[EXT2_IND_BLOCK], NULL, 1, EXT2_NDIR_BLOCKS, first);
    /* LAB(fs) BEGIN */
    uint32_t p = EXT2_ISB(ino)->addr_per_block, start = EXT2_NDIR_BLOCKS + p;
    truncate_branch(ino, &ei->i_block[EXT2_DIND_BLOCK], NULL, 2, start, first);
    start += p * p;
    truncate_branch(ino, &ei->i_block[EXT2_TIND_BLOCK], NULL, 3, start, first);
    /* LAB(fs) END */
    ei->next_goal = 0;
    return ext2_write_inode(ino);
}
