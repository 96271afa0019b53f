/* Inodes: which are free is written in each group's inode bitmap, and
 * counted in its descriptor and the superblock, as for blocks; a group
 * also counts its directories (bg_used_dirs_count).
 *
 * Where a new inode goes decides where its blocks go (near it): a file
 * is put in its directory's group, so that a directory's files lie
 * together; a new directory in the group with the fewest directories
 * among those with a fair share of free inodes, so that directories --
 * and with them their files -- spread over the disk instead of filling
 * group 0 first.  (Linux's Orlov allocator is a finer version of this.) */
#include <string.h>
#include <minnow/errno.h>
#include "fs/ext2/ext2.h"
#include "drv/rtc.h"

/* A group for a new directory: among the groups with at least the
 * average number of free inodes, the one with the fewest directories. */
static long find_group_dir(struct ext2_sb_info *sbi)
{
    uint32_t average = sbi->es->s_free_inodes_count / sbi->groups_count;
    long best = -1;

    for (uint32_t g = 0; g < sbi->groups_count; g++) {
        struct ext2_group_desc *gd = ext2_group_desc(sbi, g);
        if (gd->bg_free_inodes_count == 0 || gd->bg_free_inodes_count < average)
            continue;
        if (best < 0 || gd->bg_used_dirs_count < ext2_group_desc(sbi, best)->bg_used_dirs_count)
            best = g;
    }
    return best;
}

/* A group for a new file: its directory's, if it has room for the file
 * and some of its blocks; else the next one that does; else any with a
 * free inode. */
static long find_group_other(struct ext2_sb_info *sbi, uint32_t parent_group)
{
    for (uint32_t i = 0; i < sbi->groups_count; i++) {
        struct ext2_group_desc *gd = ext2_group_desc(sbi, (parent_group + i) % sbi->groups_count);
        if (gd->bg_free_inodes_count && gd->bg_free_blocks_count)
            return (parent_group + i) % sbi->groups_count;
    }
    for (uint32_t g = 0; g < sbi->groups_count; g++)
        if (ext2_group_desc(sbi, g)->bg_free_inodes_count)
            return g;
    return -1;
}

/* Is inode nr in use after all?  The bitmap may lie: an inode that is in
 * memory, or has links on the disk, is some file's. */
static int in_use(struct ext2_sb_info *sbi, ino_t nr)
{
    struct buffer_head *bh;

    if (ext2_ilookup(sbi, nr))
        return 1;
    struct ext2_inode *raw = ext2_raw_inode(sbi, nr, &bh);
    if (!raw)
        return 1;
    int links = raw->i_links_count;
    brelse(bh);
    return links != 0;
}

/* A new inode starts from zeroes on the disk: what Minnow does not keep
 * (the rest of a 256-byte inode, the owner) must not be an old file's. */
static int clear_raw_inode(struct ext2_sb_info *sbi, ino_t nr)
{
    struct buffer_head *bh;
    struct ext2_inode *raw = ext2_raw_inode(sbi, nr, &bh);

    if (!raw)
        return -EIO;
    memset(raw, 0, sbi->inode_size);
    mark_buffer_dirty(bh);
    brelse(bh);
    return 0;
}

/* Takes a free inode of the group: its number, or 0 if it has none. */
static ino_t take_inode(struct ext2_sb_info *sbi, uint32_t group, int is_dir)
{
    struct ext2_group_desc *gd = ext2_group_desc(sbi, group);
    struct buffer_head *bh = ext2_bread(sbi, gd->bg_inode_bitmap);
    long bit = -1;

    if (!bh)
        return 0;
    for (uint32_t from = 0; (bit = ext2_find_zero_bit(bh->b_data, sbi->inodes_per_group, from)) >= 0;
         from = bit + 1) {
        ino_t nr = group * sbi->inodes_per_group + bit + 1;
        if (nr >= sbi->first_ino && !in_use(sbi, nr))
            break;
        ext2_error(sbi, EXT2_BAD_BITMAP, "group %u: bitmap says inode %lu is free", group, nr);
    }
    if (bit < 0) {
        brelse(bh);
        return 0;
    }
    ext2_set_bit(bh->b_data, bit);
    mark_buffer_dirty(bh);
    brelse(bh);
    if (gd->bg_free_inodes_count > 0)
        gd->bg_free_inodes_count--;
    if (is_dir)
        gd->bg_used_dirs_count++;
    ext2_group_desc_dirty(sbi, group);
    if (sbi->es->s_free_inodes_count > 0)
        sbi->es->s_free_inodes_count--;
    ext2_super_dirty(sbi);
    return group * sbi->inodes_per_group + bit + 1;
}

/* A new inode of this mode for a name in dir: in memory (count 1, nlink 0:
 * the caller gives it its links) and on the disk (zeroes, then written). */
int ext2_new_inode(struct inode *dir, mode_t mode, struct inode **out)
{
    struct ext2_sb_info *sbi = EXT2_ISB(dir);
    long group = S_ISDIR(mode) ? find_group_dir(sbi)
                               : find_group_other(sbi, EXT2_I(dir)->block_group);
    ino_t nr = 0;

    if (group < 0)
        group = find_group_other(sbi, 0);    /* the counts disagree: any group will do */
    if (group < 0 || sbi->es->s_free_inodes_count == 0)
        return -ENOSPC;
    for (uint32_t i = 0; i < sbi->groups_count && !nr; i++) {
        uint32_t g = (group + i) % sbi->groups_count;
        if (ext2_group_desc(sbi, g)->bg_free_inodes_count)
            nr = take_inode(sbi, g, S_ISDIR(mode));
    }
    if (!nr)
        return -ENOSPC;
    int err = clear_raw_inode(sbi, nr);
    struct inode *ino = err ? NULL : ext2_new_vfs_inode(dir->sb, nr, mode);
    if (!ino) {
        ext2_free_inode_number(sbi, nr, S_ISDIR(mode));
        return err ? err : -ENOMEM;
    }
    ino->atime = ino->mtime = ino->ctime = current_time();
    EXT2_I(ino)->block_group = (nr - 1) / sbi->inodes_per_group;
    *out = ino;
    return ext2_write_inode(ino);
}

/* Gives inode number nr back to its group. */
void ext2_free_inode_number(struct ext2_sb_info *sbi, ino_t nr, int is_dir)
{
    uint32_t group = (nr - 1) / sbi->inodes_per_group, bit = (nr - 1) % sbi->inodes_per_group;
    struct ext2_group_desc *gd = ext2_group_desc(sbi, group);
    struct buffer_head *bh = ext2_bread(sbi, gd->bg_inode_bitmap);

    if (!bh)
        return;
    if (!ext2_test_bit(bh->b_data, bit)) {
        ext2_error(sbi, EXT2_BAD_BITMAP, "inode %lu is free already", nr);
        brelse(bh);
        return;
    }
    ext2_clear_bit(bh->b_data, bit);
    mark_buffer_dirty(bh);
    brelse(bh);
    gd->bg_free_inodes_count++;
    if (is_dir && gd->bg_used_dirs_count > 0)
        gd->bg_used_dirs_count--;
    ext2_group_desc_dirty(sbi, group);
    sbi->es->s_free_inodes_count++;
    ext2_super_dirty(sbi);
}

/* The last link and the last reference are gone: the on-disk inode says
 * when it died (i_dtime, which e2fsck reads) and its number is free.  Its
 * blocks are gone already (evict truncated it). */
void ext2_free_inode(struct inode *ino)
{
    EXT2_I(ino)->i_dtime = current_time();
    ext2_write_inode(ino);
    ext2_free_inode_number(EXT2_ISB(ino), ino->ino, S_ISDIR(ino->mode));
}

uint32_t ext2_count_free_inodes(struct ext2_sb_info *sbi)
{
    uint32_t n = 0;

    for (uint32_t g = 0; g < sbi->groups_count; g++)
        n += ext2_group_desc(sbi, g)->bg_free_inodes_count;
    return n;
}
