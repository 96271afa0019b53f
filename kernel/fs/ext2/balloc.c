/* Blocks: which are free is written in each group's block bitmap, and
 * counted in the group's descriptor and in the superblock (all three
 * change together; e2fsck checks that they agree).
 *
 * A new block is looked for near a goal -- the block after the one the
 * file got last, or the start of its inode's group -- so that a file's
 * blocks lie together, and close to its inode: that is the idea of block
 * groups (a disk's head moves little).  Failing that group, the next
 * groups in turn.
 *
 * The callers hold the file system's lock; nothing here sleeps between
 * looking at a bit and setting it, but reading a bitmap may sleep. */
#include <minnow/errno.h>
#include "fs/ext2/ext2.h"

uint32_t ext2_group_first_block(struct ext2_sb_info *sbi, uint32_t group)
{
    return sbi->first_data_block + group * sbi->blocks_per_group;
}

/* Blocks in the group: the last one may be cut short by the disk's end. */
uint32_t ext2_group_blocks(struct ext2_sb_info *sbi, uint32_t group)
{
    uint32_t left = sbi->blocks_count - ext2_group_first_block(sbi, group);

    return left < sbi->blocks_per_group ? left : sbi->blocks_per_group;
}

/* May a file own this block?  Not if it is outside the file system, the
 * superblock or the group descriptors, or the bitmaps or inode table of
 * its group: a block number read from the disk that names one of them is
 * damage, and writing there would spread it. */
int ext2_data_block_valid(struct ext2_sb_info *sbi, uint32_t block)
{
    if (block <= sbi->first_data_block + sbi->gd_blocks || block >= sbi->blocks_count)
        return 0;
    uint32_t group = (block - sbi->first_data_block) / sbi->blocks_per_group;
    struct ext2_group_desc *gd = ext2_group_desc(sbi, group);
    uint32_t table_blocks = (sbi->inodes_per_group * sbi->inode_size + sbi->block_size - 1) /
                            sbi->block_size;
    if (block == gd->bg_block_bitmap || block == gd->bg_inode_bitmap)
        return 0;
    return block < gd->bg_inode_table || block >= gd->bg_inode_table + table_blocks;
}

/* The same for a block number found in ino (its i_block or an indirect
 * block): -EIO, said on the console, if it is bad. */
int ext2_check_block(struct inode *ino, uint32_t block)
{
    struct ext2_sb_info *sbi = EXT2_ISB(ino);

    if (ext2_data_block_valid(sbi, block))
        return 0;
    ext2_error(sbi, EXT2_BAD_BLOCK, "inode %lu: block %u out of range", ino->ino, block);
    return -EIO;
}

static struct buffer_head *read_block_bitmap(struct ext2_sb_info *sbi, uint32_t group)
{
    return ext2_bread(sbi, ext2_group_desc(sbi, group)->bg_block_bitmap);
}

/* A free bit in the group's bitmap from `from` on, that is a block a file
 * may have: a bitmap that calls the group's own bitmaps or inode table
 * free is lying, and is not believed.  -1 if none. */
static long find_free_block(struct ext2_sb_info *sbi, uint32_t group, const char *map,
                            uint32_t from)
{
    uint32_t first = ext2_group_first_block(sbi, group), size = ext2_group_blocks(sbi, group);
    long bit;

    while ((bit = ext2_find_zero_bit(map, size, from)) >= 0) {
        if (ext2_data_block_valid(sbi, first + bit))
            return bit;
        ext2_error(sbi, EXT2_BAD_BITMAP, "group %u: bitmap says block %u is free", group,
                   first + (uint32_t)bit);
        from = bit + 1;
    }
    return -1;
}

/* Takes a free block of the group, from bit `from` on (then from its
 * start).  The block number, or 0 if the group has none. */
static uint32_t take_block(struct ext2_sb_info *sbi, uint32_t group, uint32_t from)
{
    struct ext2_group_desc *gd = ext2_group_desc(sbi, group);
    struct buffer_head *bh;

    if (gd->bg_free_blocks_count == 0 || !(bh = read_block_bitmap(sbi, group)))
        return 0;
    long bit = find_free_block(sbi, group, bh->b_data, from);
    if (bit < 0 && from > 0)
        bit = find_free_block(sbi, group, bh->b_data, 0);
    if (bit < 0) {
        brelse(bh);
        return 0;
    }
    ext2_set_bit(bh->b_data, bit);
    mark_buffer_dirty(bh);
    brelse(bh);
    gd->bg_free_blocks_count--;
    ext2_group_desc_dirty(sbi, group);
    if (sbi->es->s_free_blocks_count > 0)
        sbi->es->s_free_blocks_count--;
    ext2_super_dirty(sbi);
    return ext2_group_first_block(sbi, group) + bit;
}

/* A new block for ino, as near goal as there is one.  Its contents are
 * whatever the disk has: the caller fills it.  0 with *err = -ENOSPC
 * when the file system is full. */
uint32_t ext2_new_block(struct inode *ino, uint32_t goal, int *err)
{
    struct ext2_sb_info *sbi = EXT2_ISB(ino);

    if (sbi->es->s_free_blocks_count == 0) {
        *err = -ENOSPC;
        return 0;
    }
    if (goal == 0 || goal < sbi->first_data_block || goal >= sbi->blocks_count)
        goal = ext2_group_first_block(sbi, EXT2_I(ino)->block_group);
    uint32_t group = (goal - sbi->first_data_block) / sbi->blocks_per_group;
    uint32_t from = goal - ext2_group_first_block(sbi, group);
    for (uint32_t i = 0; i < sbi->groups_count; i++) {
        uint32_t g = (group + i) % sbi->groups_count;
        uint32_t block = take_block(sbi, g, i == 0 ? from : 0);
        if (block)
            return block;
    }
    *err = -ENOSPC;
    return 0;
}

/* Gives a block back.  A block that is not ino's to give (a bad number,
 * or one the bitmap says is free already) is reported and left alone. */
void ext2_free_block(struct inode *ino, uint32_t block)
{
    struct ext2_sb_info *sbi = EXT2_ISB(ino);

    if (ext2_check_block(ino, block) < 0)
        return;
    uint32_t group = (block - sbi->first_data_block) / sbi->blocks_per_group;
    uint32_t bit = block - ext2_group_first_block(sbi, group);
    struct buffer_head *bh = read_block_bitmap(sbi, group);
    if (!bh)
        return;
    if (!ext2_test_bit(bh->b_data, bit)) {
        ext2_error(sbi, EXT2_BAD_BITMAP, "inode %lu: block %u is free already", ino->ino, block);
        brelse(bh);
        return;
    }
    ext2_clear_bit(bh->b_data, bit);
    mark_buffer_dirty(bh);
    brelse(bh);
    ext2_group_desc(sbi, group)->bg_free_blocks_count++;
    ext2_group_desc_dirty(sbi, group);
    sbi->es->s_free_blocks_count++;
    ext2_super_dirty(sbi);
}

uint32_t ext2_count_free_blocks(struct ext2_sb_info *sbi)
{
    uint32_t n = 0;

    for (uint32_t g = 0; g < sbi->groups_count; g++)
        n += ext2_group_desc(sbi, g)->bg_free_blocks_count;
    return n;
}
