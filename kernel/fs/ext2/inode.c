/* Inodes in memory.  Inode n of the file system lives in the inode table
 * of group (n - 1) / s_inodes_per_group, at index (n - 1) % that; its
 * struct inode in memory is made when someone first needs it (lookup)
 * and freed when the last reference goes (evict).  While it is in
 * memory there is exactly one struct inode for it: the inode cache (a
 * hash table of the mounted file system) finds it, so two processes that
 * open the same file share its size, its times and its pages.
 *
 * A change to an inode is written through at once: ext2_write_inode
 * copies the fields into the inode table's block in the buffer cache,
 * which writes it to the disk later (bdflush, sync).  So nothing is
 * "dirty" in struct inode itself, and sync has no inodes to look for.
 *
 * An inode whose last name went (nlink 0) is freed by evict, when its
 * last user lets go of it: its blocks, its extended attributes, its
 * number -- the "delete on last close" that lets an unlinked open file
 * be read until it is closed. */
#include <string.h>
#include <minnow/errno.h>
#include "fs/ext2/ext2.h"
#include "mm/kmalloc.h"

/* The inode's record in the inode table, in its held buffer (*bh: brelse
 * when done); NULL if nr is not an inode of the file system or its block
 * cannot be read. */
struct ext2_inode *ext2_raw_inode(struct ext2_sb_info *sbi, ino_t nr, struct buffer_head **bh)
{
    if (nr < 1 || nr > sbi->inodes_count)
        return NULL;
    uint32_t per_block = sbi->block_size / sbi->inode_size;
    uint32_t index = (nr - 1) % sbi->inodes_per_group;
    struct ext2_group_desc *gd = ext2_group_desc(sbi, (nr - 1) / sbi->inodes_per_group);

    if (!(*bh = ext2_bread(sbi, gd->bg_inode_table + index / per_block)))
        return NULL;
    return (struct ext2_inode *)((*bh)->b_data + index % per_block * sbi->inode_size);
}

/* ---------------------------------------------------------------- the cache */

static struct inode **hash_bucket(struct ext2_sb_info *sbi, ino_t nr)
{
    return &sbi->inode_hash[nr % EXT2_INODE_HASH];
}

/* Inode nr if it is in memory (no reference taken), or NULL. */
struct inode *ext2_ilookup(struct ext2_sb_info *sbi, ino_t nr)
{
    for (struct inode *ino = *hash_bucket(sbi, nr); ino; ino = EXT2_I(ino)->hash_next)
        if (ino->ino == nr)
            return ino;
    return NULL;
}

static void hash_remove(struct inode *ino)
{
    struct inode **p = hash_bucket(EXT2_ISB(ino), ino->ino);

    while (*p && *p != ino)
        p = &EXT2_I(*p)->hash_next;
    if (*p)
        *p = EXT2_I(ino)->hash_next;
}

int ext2_inodes_in_memory(struct ext2_sb_info *sbi)
{
    int n = 0;

    for (int i = 0; i < EXT2_INODE_HASH; i++)
        for (struct inode *ino = sbi->inode_hash[i]; ino; ino = EXT2_I(ino)->hash_next)
            n++;
    return n;
}

static void set_ops(struct inode *ino)
{
    if (S_ISDIR(ino->mode))
        ino->op = &ext2_dir_inode_ops;
    else if (S_ISREG(ino->mode))
        ino->op = &ext2_file_inode_ops;
    else if (S_ISLNK(ino->mode))
        ino->op = &ext2_symlink_inode_ops;
    else
        ino->op = &ext2_special_inode_ops;   /* devices, fifos, sockets: the VFS does those */
}

/* A struct inode for inode nr, with a reference, in the cache; the caller
 * fills in the rest.  NULL if memory is out. */
struct inode *ext2_new_vfs_inode(struct super_block *sb, ino_t nr, mode_t mode)
{
    struct inode *ino = kmalloc(sizeof(*ino));
    struct ext2_inode_info *ei = kmalloc(sizeof(*ei));

    if (!ino || !ei) {
        kfree(ino);
        kfree(ei);
        return NULL;
    }
    ino->ino = nr;
    ino->mode = mode;
    ino->count = 1;
    ino->sb = sb;
    ino->private = ei;
    set_ops(ino);
    struct inode **bucket = hash_bucket(EXT2_SB(sb), nr);
    ei->hash_next = *bucket;
    *bucket = ino;
    return ino;
}

/* ---------------------------------------------------------------- reading */

static int valid_type(mode_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFREG: case S_IFDIR: case S_IFLNK: case S_IFCHR: case S_IFBLK: case S_IFIFO:
    case S_IFSOCK:
        return 1;
    default:
        return 0;
    }
}

/* Why an inode read from the disk cannot be used, or NULL. */
static const char *bad_inode(struct ext2_sb_info *sbi, struct ext2_inode *raw)
{
    if (raw->i_links_count == 0)
        return "is not in use";
    if (!valid_type(raw->i_mode))
        return "has no valid type";
    if (S_ISREG(raw->i_mode) && (raw->i_size_high || raw->i_size > MAX_FILE_SIZE))
        return "is larger than Minnow's files may be (1 GiB)";
    /* a directory has no holes: its size is at most the blocks it has */
    if (S_ISDIR(raw->i_mode) && (raw->i_size % sbi->block_size || raw->i_size > MAX_FILE_SIZE ||
                                 raw->i_size / 512 > raw->i_blocks))
        return "is a directory of a bad size";
    return NULL;
}

/* A device's number: Linux keeps an old-style one (8-bit major and minor)
 * in i_block[0], a bigger one in i_block[1]. */
static dev_t decode_rdev(struct ext2_inode_info *ei)
{
    return ei->i_block[0] ? ei->i_block[0] : ei->i_block[1];
}

static void fill_inode(struct inode *ino, struct ext2_inode *raw)
{
    struct ext2_inode_info *ei = EXT2_I(ino);

    ino->nlink = raw->i_links_count;
    ino->size = raw->i_size;
    ino->blocks = raw->i_blocks;
    ino->atime = raw->i_atime;
    ino->mtime = raw->i_mtime;
    ino->ctime = raw->i_ctime;
    memcpy(ei->i_block, raw->i_block, sizeof(ei->i_block));
    ei->i_flags = raw->i_flags;
    ei->i_file_acl = raw->i_file_acl;
    ei->i_dtime = raw->i_dtime;
    ei->block_group = (ino->ino - 1) / EXT2_ISB(ino)->inodes_per_group;
    if (S_ISCHR(ino->mode) || S_ISBLK(ino->mode))
        ino->rdev = decode_rdev(ei);
}

/* The inode numbered nr, with a reference: the one in memory, or read
 * from the inode table now.  -EIO for a number a directory entry may not
 * name (a reserved inode, one past the end) or an inode that makes no
 * sense.  The caller holds the lock (or is mounting). */
int ext2_iget(struct super_block *sb, ino_t nr, struct inode **out)
{
    struct ext2_sb_info *sbi = EXT2_SB(sb);
    struct buffer_head *bh;

    if ((*out = ext2_ilookup(sbi, nr)) != NULL) {
        inode_get(*out);
        return 0;
    }
    if ((nr != EXT2_ROOT_INO && nr < sbi->first_ino) || nr > sbi->inodes_count) {
        ext2_error(sbi, EXT2_BAD_INODE, "inode number %lu out of range", nr);
        return -EIO;
    }
    struct ext2_inode *raw = ext2_raw_inode(sbi, nr, &bh);
    if (!raw)
        return -EIO;
    const char *why = bad_inode(sbi, raw);
    if (why) {
        ext2_error(sbi, EXT2_BAD_INODE, "inode %lu %s", nr, why);
        brelse(bh);
        return -EIO;
    }
    struct inode *ino = ext2_new_vfs_inode(sb, nr, raw->i_mode);
    if (ino)
        fill_inode(ino, raw);
    brelse(bh);
    if (!ino)
        return -ENOMEM;
    *out = ino;
    return 0;
}

/* ---------------------------------------------------------------- writing */

/* Copies the inode into its record in the inode table (write-through: the
 * buffer goes to the disk later).  Fields Minnow does not keep -- the
 * owner, the generation, the rest of a large inode -- stay as they are. */
int ext2_write_inode(struct inode *ino)
{
    struct ext2_inode_info *ei = EXT2_I(ino);
    struct buffer_head *bh;
    struct ext2_inode *raw = ext2_raw_inode(EXT2_ISB(ino), ino->ino, &bh);

    if (!raw)
        return -EIO;
    raw->i_mode = ino->mode;
    raw->i_links_count = ino->nlink;
    raw->i_size = ino->size;
    if (S_ISREG(ino->mode))
        raw->i_size_high = 0;        /* Minnow's files stay under 2 GiB */
    raw->i_blocks = ino->blocks;
    raw->i_atime = ino->atime;
    raw->i_mtime = ino->mtime;
    raw->i_ctime = ino->ctime;
    raw->i_dtime = ei->i_dtime;
    raw->i_flags = ei->i_flags;
    raw->i_file_acl = ei->i_file_acl;
    memcpy(raw->i_block, ei->i_block, sizeof(raw->i_block));
    mark_buffer_dirty(bh);
    brelse(bh);
    return 0;
}

/* chmod, utimes...: the VFS changed the inode's attributes. */
void ext2_dirty_inode(struct inode *ino)
{
    if (is_read_only(ino))
        return;                      /* the VFS refuses those changes anyway */
    ext2_lock(EXT2_ISB(ino));
    ext2_write_inode(ino);
    ext2_unlock(EXT2_ISB(ino));
}

/* ---------------------------------------------------------------- evict */

/* Does i_block hold block numbers?  A device's holds its number, a fast
 * symbolic link's its target, a fifo's or socket's nothing. */
static int has_block_map(struct inode *ino)
{
    if (S_ISLNK(ino->mode))
        return !ext2_is_fast_symlink(ino);
    return S_ISREG(ino->mode) || S_ISDIR(ino->mode);
}

/* No name and no user left: the file goes from the disk. */
static void delete_inode(struct inode *ino)
{
    struct ext2_sb_info *sbi = EXT2_ISB(ino);

    ext2_lock(sbi);
    if (has_block_map(ino))
        ext2_free_blocks_from(ino, 0);
    ext2_xattr_drop(ino);
    ino->size = 0;
    ext2_free_inode(ino);
    ext2_unlock(sbi);
}

/* The last reference to ino is gone.  It leaves the cache at once, before
 * anything can sleep, so that nobody finds it half gone; then, if no name
 * is left either, the file is deleted.  A directory held its parent: the
 * VFS puts that next. */
struct inode *ext2_evict(struct inode *ino)
{
    struct inode *parent = ino->parent == ino ? NULL : ino->parent;

    hash_remove(ino);
    if (ino->nlink == 0 && !is_read_only(ino))
        delete_inode(ino);
    ext2_drop_pages(ino, 0);
    kfree(EXT2_I(ino)->pages);
    kfree(ino->private);
    kfree(ino);
    return parent;
}
