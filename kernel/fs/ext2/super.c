/* Mounting an ext2 file system: the superblock and the group descriptors.
 *
 * The disk is cut into blocks (1, 2 or 4 KiB), and the blocks into block
 * groups of s_blocks_per_group.  The superblock (at byte 1024) says how
 * big all that is and which features the file system uses; after it come
 * the group descriptors, one per group, each saying where the group's
 * block bitmap, inode bitmap and inode table are and how much of it is
 * free (docs/ext2.md has the picture).
 *
 * Nothing read from the disk is trusted: a mount refuses (with a line on
 * the console) a superblock or descriptor that does not add up, and
 * every later read checks what it uses (ext2_error says what was wrong,
 * once per kind of problem).  Features: an unknown "incompatible" one
 * refuses the mount, an unknown "read-only compatible" one allows it
 * read-only.
 *
 * While it is mounted the superblock's buffer and the descriptors' stay
 * held in the buffer cache: the free counts in them change with every
 * allocation, and bdflush, sync or umount writes them back.  s_state says
 * "not clean" on the disk while a read-write mount lasts, so that e2fsck
 * knows to look after a crash. */
#include <stdarg.h>
#include <string.h>
#include <minnow/errno.h>
#include "fs/ext2/ext2.h"
#include "fs/namei.h"
#include "drv/rtc.h"
#include "lib/printk.h"
#include "mm/kmalloc.h"
#include "proc/sched.h"

_Static_assert(sizeof(struct ext2_super_block) == 1024, "the superblock is 1024 bytes");
_Static_assert(sizeof(struct ext2_group_desc) == 32, "a group descriptor is 32 bytes");
_Static_assert(sizeof(struct ext2_inode) == 128, "an inode is at least 128 bytes");

static const struct super_operations ext2_super_ops;

/* ---------------------------------------------------------------- helpers */

void ext2_error(struct ext2_sb_info *sbi, enum ext2_problem kind, const char *fmt, ...)
{
    char line[160];
    va_list ap;

    if (sbi->reported & (1u << kind))
        return;                      /* said once: a damaged disk must not flood the console */
    sbi->reported |= 1u << kind;
    va_start(ap, fmt);
    vsnprintk(line, sizeof(line), fmt, ap);
    va_end(ap);
    printk("ext2: %s: %s\n", sbi->bdev->name, line);
}

void ext2_lock(struct ext2_sb_info *sbi)
{
    while (sbi->lock_owner && sbi->lock_owner != current)
        uninterruptible_sleep_on(&sbi->lock_owner);
    sbi->lock_owner = current;
    sbi->lock_depth++;
}

void ext2_unlock(struct ext2_sb_info *sbi)
{
    if (--sbi->lock_depth == 0) {
        sbi->lock_owner = NULL;
        wake_up(&sbi->lock_owner);
    }
}

/* A block of the file system, held (brelse when done); NULL if the disk
 * cannot read it. */
struct buffer_head *ext2_bread(struct ext2_sb_info *sbi, uint32_t block)
{
    struct buffer_head *bh = bread(sbi->bdev, block, sbi->block_size);

    if (!bh)
        ext2_error(sbi, EXT2_IO_ERROR, "cannot read block %u", block);
    return bh;
}

struct ext2_group_desc *ext2_group_desc(struct ext2_sb_info *sbi, uint32_t group)
{
    uint32_t per_block = sbi->block_size / sizeof(struct ext2_group_desc);
    struct buffer_head *bh = sbi->gd_bh[group / per_block];

    return (struct ext2_group_desc *)bh->b_data + group % per_block;
}

void ext2_group_desc_dirty(struct ext2_sb_info *sbi, uint32_t group)
{
    mark_buffer_dirty(sbi->gd_bh[group / (sbi->block_size / sizeof(struct ext2_group_desc))]);
}

void ext2_super_dirty(struct ext2_sb_info *sbi)
{
    mark_buffer_dirty(sbi->sbh);
}

/* ---------------------------------------------------------------- checking */

/* May Minnow mount this superblock?  0, or -EINVAL with the reason said. */
static int check_super(struct block_device *bdev, struct ext2_super_block *es)
{
    const char *why = NULL;
    uint32_t unknown = es->s_feature_incompat & ~EXT2_INCOMPAT_SUPPORTED;

    if (es->s_magic != EXT2_SUPER_MAGIC)
        why = "no ext2 file system (bad magic number)";
    else if (es->s_rev_level > 1)
        why = "revision newer than 1";
    else if (es->s_rev_level == 1 && unknown) {
        printk("ext2: %s: unsupported incompatible features (%#x): not mounted\n",
               bdev->name, unknown);
        return -EINVAL;
    } else if (es->s_log_block_size > 2)
        why = "block size larger than 4 KiB";
    else if (es->s_blocks_per_group == 0 || es->s_blocks_per_group > 8192u << es->s_log_block_size ||
             es->s_inodes_per_group == 0 || es->s_inodes_per_group > 8192u << es->s_log_block_size)
        why = "bad group sizes";
    else if (es->s_first_data_block != (es->s_log_block_size == 0 ? 1u : 0u) ||
             es->s_blocks_count <= es->s_first_data_block)
        why = "bad block counts";
    else if (es->s_rev_level == 1 &&
             (es->s_inode_size < EXT2_GOOD_OLD_INODE_SIZE ||
              (es->s_inode_size & (es->s_inode_size - 1)) ||
              es->s_inode_size > 1024u << es->s_log_block_size ||
              es->s_first_ino < EXT2_GOOD_OLD_FIRST_INO || es->s_first_ino > es->s_inodes_count))
        why = "bad inode size or first inode";
    if (why)
        printk("ext2: %s: %s: not mounted\n", bdev->name, why);
    return why ? -EINVAL : 0;
}

/* The sizes the rest of ext2 uses, from a checked superblock; then the
 * checks that need them.  0, or -EINVAL. */
static int read_geometry(struct ext2_sb_info *sbi, struct ext2_super_block *es)
{
    struct block_device *bdev = sbi->bdev;

    sbi->block_size = 1024u << es->s_log_block_size;
    sbi->addr_per_block = sbi->block_size / 4;
    sbi->blocks_count = es->s_blocks_count;
    sbi->inodes_count = es->s_inodes_count;
    sbi->first_data_block = es->s_first_data_block;
    sbi->blocks_per_group = es->s_blocks_per_group;
    sbi->inodes_per_group = es->s_inodes_per_group;
    if (sbi->blocks_count > bdev->sectors / (sbi->block_size / SECTOR_SIZE)) {
        printk("ext2: %s: the file system is larger than the disk: not mounted\n", bdev->name);
        return -EINVAL;
    }
    sbi->groups_count = (es->s_blocks_count - es->s_first_data_block + es->s_blocks_per_group - 1) /
                        es->s_blocks_per_group;
    sbi->inode_size = es->s_rev_level ? es->s_inode_size : EXT2_GOOD_OLD_INODE_SIZE;
    sbi->first_ino = es->s_rev_level ? es->s_first_ino : EXT2_GOOD_OLD_FIRST_INO;
    sbi->filetype = es->s_rev_level && (es->s_feature_incompat & EXT2_FEATURE_INCOMPAT_FILETYPE) != 0;
    /* the descriptors stay held in the buffer cache: not all of it */
    uint32_t per_block = sbi->block_size / sizeof(struct ext2_group_desc);
    if (sbi->groups_count > EXT2_MAX_GD_BLOCKS * per_block) {
        printk("ext2: %s: %u groups are more than Minnow holds: not mounted\n", bdev->name,
               sbi->groups_count);
        return -EINVAL;
    }
    sbi->gd_blocks = (sbi->groups_count + per_block - 1) / per_block;
    /* every inode of every group, and the descriptors within group 0 */
    if ((uint64_t)sbi->groups_count * sbi->inodes_per_group != sbi->inodes_count ||
        sbi->first_data_block + 1 + sbi->gd_blocks > sbi->blocks_count) {
        printk("ext2: %s: inode or group counts do not add up: not mounted\n", bdev->name);
        return -EINVAL;
    }
    return 0;
}

/* Does [start, start + count) lie within group g? */
static int in_group(struct ext2_sb_info *sbi, uint32_t g, uint32_t start, uint32_t count)
{
    uint32_t first = ext2_group_first_block(sbi, g), n = ext2_group_blocks(sbi, g);

    return start >= first && count <= n && start - first <= n - count;
}

/* Each group's bitmaps and inode table must be inside the group (Linux's
 * rule for ext2: a descriptor pointing elsewhere is damage). */
static int check_descriptors(struct ext2_sb_info *sbi)
{
    uint32_t table_blocks = (sbi->inodes_per_group * sbi->inode_size + sbi->block_size - 1) /
                            sbi->block_size;

    for (uint32_t g = 0; g < sbi->groups_count; g++) {
        struct ext2_group_desc *gd = ext2_group_desc(sbi, g);
        if (!in_group(sbi, g, gd->bg_block_bitmap, 1) || !in_group(sbi, g, gd->bg_inode_bitmap, 1) ||
            !in_group(sbi, g, gd->bg_inode_table, table_blocks)) {
            printk("ext2: %s: group %u: bitmaps or inode table outside the group: not mounted\n",
                   sbi->bdev->name, g);
            return -EINVAL;
        }
    }
    return 0;
}

/* Reads the group descriptors into held buffers. */
static int load_descriptors(struct ext2_sb_info *sbi)
{
    sbi->gd_bh = kmalloc(sbi->gd_blocks * sizeof(struct buffer_head *));
    if (!sbi->gd_bh)
        return -ENOMEM;
    for (uint32_t i = 0; i < sbi->gd_blocks; i++)
        if (!(sbi->gd_bh[i] = ext2_bread(sbi, sbi->first_data_block + 1 + i)))
            return -EIO;
    return check_descriptors(sbi);
}

/* ---------------------------------------------------------------- mount */

/* "/dev/hda" -> the disk behind that block-device file. */
static int find_bdev(const char *source, struct block_device **out)
{
    struct inode *ino;
    int err = namei(source, &ino);

    if (err < 0)
        return err;
    if (!S_ISBLK(ino->mode))
        err = -ENOTBLK;
    else if (!(*out = bdev_by_dev(ino->rdev)))
        err = -ENXIO;
    inode_put(ino);
    return err;
}

struct busy_check {
    struct block_device *bdev;
    int busy;
};

static void is_mounted_on(struct mount *m, void *arg)
{
    struct busy_check *c = arg;

    if (strcmp(m->sb->type, ext2_type.name) == 0 && EXT2_SB(m->sb)->bdev == c->bdev)
        c->busy = 1;
}

/* Reads the superblock: first as a 1 KiB block (its size is not known
 * yet), then, if the file system's blocks are bigger, again in the block
 * that holds it, which stays held while mounted.  The buffer cache is set
 * to the file system's block size first, so that /dev/hda and the file
 * system share one copy of every block. */
static int read_super(struct ext2_sb_info *sbi)
{
    struct block_device *bdev = sbi->bdev;

    set_blocksize(bdev, 1024);
    struct buffer_head *bh = bread(bdev, EXT2_SUPER_OFFSET / 1024, 1024);
    if (!bh) {
        printk("ext2: %s: cannot read the superblock: not mounted\n", bdev->name);
        return -EIO;
    }
    int err = check_super(bdev, (struct ext2_super_block *)bh->b_data);
    if (err == 0)
        err = read_geometry(sbi, (struct ext2_super_block *)bh->b_data);
    brelse(bh);
    if (err < 0)
        return err;
    if (sbi->block_size != 1024 && set_blocksize(bdev, sbi->block_size) < 0) {
        printk("ext2: %s: the disk's size is not a multiple of the block size: not mounted\n",
               bdev->name);
        return -EINVAL;
    }
    uint32_t block = EXT2_SUPER_OFFSET / sbi->block_size;
    if (!(sbi->sbh = ext2_bread(sbi, block)))
        return -EIO;
    sbi->es = (struct ext2_super_block *)(sbi->sbh->b_data + EXT2_SUPER_OFFSET % sbi->block_size);
    return sbi->es->s_magic == EXT2_SUPER_MAGIC ? 0 : -EIO;
}

/* Read-write from here: the superblock says so on the disk at once
 * ("not clean"), and its free counts are made the sums of the groups'
 * (as Linux recounts them at mount). */
static void start_writing(struct ext2_sb_info *sbi)
{
    struct ext2_super_block *es = sbi->es;

    if (!(es->s_state & EXT2_VALID_FS))
        printk("ext2: %s: was not cleanly unmounted: run e2fsck\n", sbi->bdev->name);
    else if (es->s_state & EXT2_ERROR_FS)
        printk("ext2: %s: has errors: run e2fsck\n", sbi->bdev->name);
    sbi->mount_state = es->s_state;
    es->s_state &= ~EXT2_VALID_FS;
    es->s_mnt_count++;
    es->s_mtime = es->s_wtime = current_time();
    uint32_t blocks = ext2_count_free_blocks(sbi), inodes = ext2_count_free_inodes(sbi);
    es->s_free_blocks_count = blocks < sbi->blocks_count ? blocks : sbi->blocks_count;
    es->s_free_inodes_count = inodes < sbi->inodes_count ? inodes : sbi->inodes_count;
    bwrite(sbi->sbh);
}

static void put_buffers(struct ext2_sb_info *sbi)
{
    for (uint32_t i = 0; sbi->gd_bh && i < sbi->gd_blocks; i++)
        brelse(sbi->gd_bh[i]);
    kfree(sbi->gd_bh);
    brelse(sbi->sbh);
    kfree(sbi);
}

static int load_root(struct super_block *sb)
{
    struct inode *root;
    int err = ext2_iget(sb, EXT2_ROOT_INO, &root);

    if (err < 0) {
        printk("ext2: %s: cannot read the root directory: not mounted\n", EXT2_SB(sb)->bdev->name);
        return err;
    }
    if (!S_ISDIR(root->mode)) {
        printk("ext2: %s: the root is not a directory: not mounted\n", EXT2_SB(sb)->bdev->name);
        inode_put(root);
        return -EINVAL;
    }
    root->parent = root;             /* its own "..", without a reference */
    sb->root = root;
    return 0;
}

static int ext2_fill_super(struct super_block *sb, const char *source, int flags)
{
    struct busy_check busy = { NULL, 0 };
    int err = find_bdev(source, &busy.bdev);

    if (err < 0)
        return err;
    for_each_mount(is_mounted_on, &busy);
    if (busy.busy)
        return -EBUSY;               /* two mounts would each think they own the blocks */
    struct ext2_sb_info *sbi = kmalloc(sizeof(*sbi));
    if (!sbi)
        return -ENOMEM;
    sbi->bdev = busy.bdev;
    sbi->sb = sb;
    sb->private = sbi;
    sb->op = &ext2_super_ops;
    sb->dev = busy.bdev->dev;
    if ((err = read_super(sbi)) < 0 || (err = load_descriptors(sbi)) < 0) {
        put_buffers(sbi);
        return err;
    }
    /* revision 0 has no feature fields: nothing is unknown */
    uint32_t unknown = sbi->es->s_rev_level ? sbi->es->s_feature_ro_compat & ~EXT2_RO_COMPAT_SUPPORTED : 0;
    if (unknown && !(flags & SB_RDONLY))
        printk("ext2: %s: unsupported read-only features (%#x): mounted read-only\n",
               sbi->bdev->name, unknown);
    if (unknown)
        sb->flags |= SB_RDONLY;
    sb->flags |= SB_PAGE_COPIES;
    if ((err = load_root(sb)) < 0) {
        put_buffers(sbi);
        return err;
    }
    if (!(sb->flags & SB_RDONLY))
        start_writing(sbi);
    return 0;
}

/* ---------------------------------------------------------------- the super_operations */

/* Everything to the disk: the inodes and the free counts are in buffers
 * already (they are written through), so this is the device's dirty
 * buffers, the superblock's among them. */
static int ext2_sync(struct super_block *sb)
{
    struct ext2_sb_info *sbi = EXT2_SB(sb);

    if (!(sb->flags & SB_RDONLY)) {
        ext2_lock(sbi);
        sbi->es->s_wtime = current_time();
        ext2_super_dirty(sbi);
        ext2_unlock(sbi);
    }
    return sync_dev(sbi->bdev);
}

/* df: sizes in blocks.  The total is every block of the file system (the
 * bitmaps and inode tables too, as Linux's "minixdf" counts); what is
 * available to a user leaves out the blocks reserved for root. */
static int ext2_statfs(struct super_block *sb, struct statfs64_info *st)
{
    struct ext2_super_block *es = EXT2_SB(sb)->es;

    st->type = EXT2_SUPER_MAGIC;
    st->block_size = EXT2_SB(sb)->block_size;
    st->blocks = es->s_blocks_count;
    st->free_blocks = es->s_free_blocks_count;
    st->avail_blocks = es->s_free_blocks_count > es->s_r_blocks_count ?
                       es->s_free_blocks_count - es->s_r_blocks_count : 0;
    st->files = es->s_inodes_count;
    st->free_files = es->s_free_inodes_count;
    st->name_max = EXT2_NAME_LEN;
    return 0;
}

/* umount: the root goes (nothing else of the file system is in use: umount
 * checked), the superblock says "clean" again if it was at mount, and
 * everything is written and let go of. */
static void ext2_kill(struct super_block *sb)
{
    struct ext2_sb_info *sbi = EXT2_SB(sb);

    inode_put(sb->root);
    if (ext2_inodes_in_memory(sbi))
        printk("ext2: %s: inodes still in memory at umount\n", sbi->bdev->name);
    if (!(sb->flags & SB_RDONLY)) {
        sbi->es->s_state = sbi->mount_state;
        sbi->es->s_wtime = current_time();
        ext2_super_dirty(sbi);
    }
    sync_dev(sbi->bdev);
    put_buffers(sbi);
}

/* Is any inode in memory besides the root, or the root held by more than
 * the mount?  (A socket's name, say: no process table shows it.) */
static int ext2_busy(struct super_block *sb)
{
    return sb->root->count > 1 || ext2_inodes_in_memory(EXT2_SB(sb)) > 1;
}

static const struct super_operations ext2_super_ops = {
    .evict = ext2_evict,
    .dirty_inode = ext2_dirty_inode,
    .sync = ext2_sync,
    .statfs = ext2_statfs,
    .kill = ext2_kill,
    .busy = ext2_busy,
};

struct file_system_type ext2_type = {
    .name = "ext2",
    .needs_device = 1,
    .fill_super = ext2_fill_super,
};

void ext2_init(void)
{
    register_filesystem(&ext2_type);
}
