/* ext2, the second extended file system: what is on the disk, and what
 * Minnow keeps of it in memory while it is mounted.  docs/ext2.md draws the
 * layout and follows a read() and a create() through these files:
 *
 *   super.c    mounting: the superblock and the group descriptors; statfs,
 *              sync, umount; the per-file-system lock; error messages
 *   bitmap.c   finding, setting and clearing bits of a bitmap block
 *   balloc.c   blocks: allocating near a goal, freeing (the block bitmaps)
 *   ialloc.c   inodes: allocating in a good group, freeing (the inode bitmaps)
 *   inode.c    inodes in memory: the cache, reading and writing the inode
 *              table, evict (delete on the last close)
 *   blockmap.c block n of a file: direct, single, double and triple
 *              indirect blocks (ext2_get_block), and freeing them (truncate)
 *   file.c     read, write, truncate, fsync, and pages for mmap and exec
 *   dir.c      directory entries: find, add, delete, readdir
 *   namei.c    lookup, create, link, unlink, rename
 *   symlink.c  symbolic links: short targets in the inode, long ones in a block
 *   xattr.c    extended-attribute blocks: only let go of when a file goes
 *
 * Everything on the disk is little-endian, as the i386 is: the structures
 * below are read and written as they are, without byte swapping.  Their
 * layout is the one the ext2 documentation gives (and e2fsprogs uses). */
#ifndef FS_EXT2_EXT2_H
#define FS_EXT2_EXT2_H

#include <stdint.h>
#include "fs/inode.h"
#include "fs/buffer.h"
#include "proc/task.h"

#define EXT2_SUPER_MAGIC     0xEF53
#define EXT2_SUPER_OFFSET    1024        /* the superblock's byte on the disk */
#define EXT2_ROOT_INO        2           /* "/" of the file system */
#define EXT2_GOOD_OLD_FIRST_INO   11     /* revision 0: inodes 1-10 are reserved */
#define EXT2_GOOD_OLD_INODE_SIZE  128
#define EXT2_NAME_LEN        255
#define EXT2_LINK_MAX        32000       /* links to one inode (Linux's limit) */

/* s_state */
#define EXT2_VALID_FS        1           /* unmounted cleanly */
#define EXT2_ERROR_FS        2           /* errors were found */

/* Features.  A "compatible" one may be ignored; a "read-only compatible"
 * one may be ignored by a reader but not by a writer; an "incompatible"
 * one may not be ignored at all. */
#define EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER  0x0001   /* superblock backups in a few groups */
#define EXT2_FEATURE_RO_COMPAT_LARGE_FILE    0x0002   /* files of 2 GiB or more */
#define EXT2_FEATURE_INCOMPAT_FILETYPE       0x0002   /* directory entries carry the type */
#define EXT2_RO_COMPAT_SUPPORTED (EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER | \
                                  EXT2_FEATURE_RO_COMPAT_LARGE_FILE)
#define EXT2_INCOMPAT_SUPPORTED  EXT2_FEATURE_INCOMPAT_FILETYPE

/* i_flags: only the one Minnow must know about.  A directory with it has
 * an htree index (dir_index) hidden in blocks that look empty to ext2;
 * Minnow changes such a directory without updating the index, so it
 * clears the flag, and Linux then reads the directory linearly too. */
#define EXT2_INDEX_FL        0x00001000

/* i_block[]: 12 direct block numbers, then one single, one double and
 * one triple indirect block. */
#define EXT2_NDIR_BLOCKS     12
#define EXT2_IND_BLOCK       12
#define EXT2_DIND_BLOCK      13
#define EXT2_TIND_BLOCK      14
#define EXT2_N_BLOCKS        15

/* The superblock: 1024 bytes at byte 1024 of the disk (and, as backups,
 * at the start of some groups, which Minnow leaves alone as Linux does). */
struct ext2_super_block {
    uint32_t s_inodes_count;
    uint32_t s_blocks_count;
    uint32_t s_r_blocks_count;           /* reserved for the superuser */
    uint32_t s_free_blocks_count;
    uint32_t s_free_inodes_count;
    uint32_t s_first_data_block;         /* 1 with 1 KiB blocks, else 0 */
    uint32_t s_log_block_size;           /* block size = 1024 << this */
    uint32_t s_log_frag_size;
    uint32_t s_blocks_per_group;
    uint32_t s_frags_per_group;
    uint32_t s_inodes_per_group;
    uint32_t s_mtime;                    /* last mount */
    uint32_t s_wtime;                    /* last write */
    uint16_t s_mnt_count;
    int16_t  s_max_mnt_count;
    uint16_t s_magic;
    uint16_t s_state;                    /* EXT2_VALID_FS when unmounted cleanly */
    uint16_t s_errors;
    uint16_t s_minor_rev_level;
    uint32_t s_lastcheck;
    uint32_t s_checkinterval;
    uint32_t s_creator_os;
    uint32_t s_rev_level;                /* 0: the original format; 1: "dynamic" */
    uint16_t s_def_resuid;
    uint16_t s_def_resgid;
    /* revision 1 only */
    uint32_t s_first_ino;                /* the first inode files may use */
    uint16_t s_inode_size;
    uint16_t s_block_group_nr;           /* of this copy */
    uint32_t s_feature_compat;
    uint32_t s_feature_incompat;
    uint32_t s_feature_ro_compat;
    uint8_t  s_uuid[16];
    char     s_volume_name[16];
    char     s_last_mounted[64];
    uint32_t s_rest[206];                /* journal, htree seed... not Minnow's */
};

/* One per block group, in the blocks after the superblock. */
struct ext2_group_desc {
    uint32_t bg_block_bitmap;            /* block numbers */
    uint32_t bg_inode_bitmap;
    uint32_t bg_inode_table;
    uint16_t bg_free_blocks_count;
    uint16_t bg_free_inodes_count;
    uint16_t bg_used_dirs_count;
    uint16_t bg_pad;
    uint32_t bg_reserved[3];
};

/* An inode in the inode table: the first 128 bytes (revision 1 inodes may
 * be larger; Minnow keeps the rest as it is). */
struct ext2_inode {
    uint16_t i_mode;
    uint16_t i_uid;
    uint32_t i_size;
    uint32_t i_atime, i_ctime, i_mtime;
    uint32_t i_dtime;                    /* when it was deleted */
    uint16_t i_gid;
    uint16_t i_links_count;
    uint32_t i_blocks;                   /* 512-byte units, indirect blocks included */
    uint32_t i_flags;
    uint32_t i_osd1;
    uint32_t i_block[EXT2_N_BLOCKS];
    uint32_t i_generation;
    uint32_t i_file_acl;                 /* an extended-attribute block */
    uint32_t i_size_high;                /* i_dir_acl in revision 0 */
    uint32_t i_faddr;
    uint8_t  i_osd2[12];
};

/* A directory entry: a directory's blocks are chains of these.  rec_len
 * leads to the next one; the last one of a block reaches its end.  An
 * entry with inode 0 is unused.  name is not '\0'-terminated. */
struct ext2_dir_entry {
    uint32_t inode;
    uint16_t rec_len;
    uint8_t  name_len;
    uint8_t  file_type;                  /* EXT2_FT_*, with the filetype feature */
    char     name[];
};

enum {
    EXT2_FT_UNKNOWN, EXT2_FT_REG_FILE, EXT2_FT_DIR, EXT2_FT_CHRDEV,
    EXT2_FT_BLKDEV, EXT2_FT_FIFO, EXT2_FT_SOCK, EXT2_FT_SYMLINK
};

/* The bytes an entry with a name of len bytes needs: 8 + name, rounded
 * up to 4. */
static inline unsigned ext2_rec_len(unsigned name_len)
{
    return (8 + name_len + 3) & ~3u;
}

/* ---------------------------------------------------------------- in memory */

/* Each kind of damage is reported once per mount (ext2_error). */
enum ext2_problem {
    EXT2_BAD_BLOCK, EXT2_BAD_INODE, EXT2_BAD_DIR, EXT2_BAD_BITMAP,
    EXT2_BAD_LINK, EXT2_IO_ERROR, EXT2_NR_PROBLEMS
};

#define EXT2_INODE_HASH 64
#define EXT2_MAX_GD_BLOCKS 256   /* 8192 groups of 1 KiB blocks: 64 GiB; with 4 KiB: 8 TiB */

/* The mounted file system (sb->private). */
struct ext2_sb_info {
    struct block_device *bdev;
    struct super_block *sb;
    struct buffer_head *sbh;             /* the superblock's buffer, held while mounted */
    struct ext2_super_block *es;         /* ...and the superblock in it */
    struct buffer_head **gd_bh;          /* the group descriptors' buffers, held */
    uint32_t gd_blocks;

    uint32_t block_size;
    uint32_t addr_per_block;             /* block numbers in an indirect block */
    uint32_t blocks_count, inodes_count;
    uint32_t first_data_block;
    uint32_t blocks_per_group, inodes_per_group;
    uint32_t groups_count;
    uint32_t inode_size, first_ino;
    int filetype;                        /* entries carry their type */
    uint16_t mount_state;                /* s_state when mounted, put back at umount */

    /* One task at a time works on the file system: the operations sleep
     * (reading the disk) in the middle of changes that must not mix.  The
     * owner may take it again (a page fault inside a read...). */
    struct task_struct *lock_owner;
    int lock_depth;

    unsigned reported;                   /* 1 << ext2_problem: said already */
    struct inode *inode_hash[EXT2_INODE_HASH];   /* the inodes in memory */
};

/* What ext2 keeps of an inode besides struct inode's fields (ino->private;
 * i_blocks is ino->blocks). */
struct ext2_inode_info {
    uint32_t i_block[EXT2_N_BLOCKS];
    uint32_t i_flags;
    uint32_t i_file_acl;
    uint32_t i_dtime;
    uint32_t block_group;                /* where it lives: new blocks go near */
    uint32_t next_goal;                  /* where the next new block should go */
    struct inode *hash_next;             /* the inode cache's chain */
    char **pages;                        /* copies of its pages for mmap and exec */
    uint32_t nr_pages;
};

static inline struct ext2_sb_info *EXT2_SB(struct super_block *sb)
{
    return sb->private;
}

static inline struct ext2_inode_info *EXT2_I(struct inode *ino)
{
    return ino->private;
}

static inline struct ext2_sb_info *EXT2_ISB(struct inode *ino)
{
    return ino->sb->private;
}

/* super.c */
extern struct file_system_type ext2_type;
void ext2_init(void);
void ext2_error(struct ext2_sb_info *sbi, enum ext2_problem kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ext2_lock(struct ext2_sb_info *sbi);
void ext2_unlock(struct ext2_sb_info *sbi);
struct ext2_group_desc *ext2_group_desc(struct ext2_sb_info *sbi, uint32_t group);
void ext2_group_desc_dirty(struct ext2_sb_info *sbi, uint32_t group);
void ext2_super_dirty(struct ext2_sb_info *sbi);
struct buffer_head *ext2_bread(struct ext2_sb_info *sbi, uint32_t block);

/* bitmap.c */
int ext2_test_bit(const char *map, uint32_t bit);
void ext2_set_bit(char *map, uint32_t bit);
void ext2_clear_bit(char *map, uint32_t bit);
long ext2_find_zero_bit(const char *map, uint32_t size, uint32_t from);

/* balloc.c */
uint32_t ext2_group_first_block(struct ext2_sb_info *sbi, uint32_t group);
uint32_t ext2_group_blocks(struct ext2_sb_info *sbi, uint32_t group);
int ext2_data_block_valid(struct ext2_sb_info *sbi, uint32_t block);
int ext2_check_block(struct inode *ino, uint32_t block);
uint32_t ext2_new_block(struct inode *ino, uint32_t goal, int *err);
void ext2_free_block(struct inode *ino, uint32_t block);
uint32_t ext2_count_free_blocks(struct ext2_sb_info *sbi);

/* ialloc.c */
int ext2_new_inode(struct inode *dir, mode_t mode, struct inode **out);
void ext2_free_inode(struct inode *ino);
void ext2_free_inode_number(struct ext2_sb_info *sbi, ino_t nr, int is_dir);
uint32_t ext2_count_free_inodes(struct ext2_sb_info *sbi);

/* inode.c */
struct ext2_inode *ext2_raw_inode(struct ext2_sb_info *sbi, ino_t nr, struct buffer_head **bh);
int ext2_iget(struct super_block *sb, ino_t nr, struct inode **out);
struct inode *ext2_ilookup(struct ext2_sb_info *sbi, ino_t nr);
struct inode *ext2_new_vfs_inode(struct super_block *sb, ino_t nr, mode_t mode);
int ext2_write_inode(struct inode *ino);
void ext2_dirty_inode(struct inode *ino);
struct inode *ext2_evict(struct inode *ino);
int ext2_inodes_in_memory(struct ext2_sb_info *sbi);

/* blockmap.c */
int ext2_get_block(struct inode *ino, uint32_t iblock, int create, uint32_t *out);
int ext2_free_blocks_from(struct inode *ino, uint32_t first);

/* file.c */
extern const struct inode_operations ext2_file_inode_ops;
extern const struct inode_operations ext2_special_inode_ops;
long ext2_read(struct inode *ino, void *buf, uint32_t off, uint32_t n);
long ext2_write(struct inode *ino, const void *buf, uint32_t off, uint32_t n);
int ext2_truncate(struct inode *ino, uint32_t size);
int ext2_fsync(struct inode *ino);
void ext2_drop_pages(struct inode *ino, uint32_t first);

/* dir.c */
struct ext2_dir_slot {                   /* where an entry is: its block, held */
    struct buffer_head *bh;
    struct ext2_dir_entry *de;
};
int ext2_find_entry(struct inode *dir, const char *name, struct ext2_dir_slot *slot);
int ext2_add_link(struct inode *dir, const char *name, struct inode *ino);
int ext2_delete_entry(struct inode *dir, struct ext2_dir_slot *slot);
void ext2_set_link(struct inode *dir, struct ext2_dir_slot *slot, struct inode *ino,
                   int update_times);
int ext2_find_dotdot(struct inode *dir, struct ext2_dir_slot *slot);
int ext2_make_empty(struct inode *ino, struct inode *parent);
int ext2_empty_dir(struct inode *dir);
int ext2_readdir(struct inode *dir, long *pos, char name[NAME_MAX + 1], ino_t *ino,
                 mode_t *type);

/* namei.c */
extern const struct inode_operations ext2_dir_inode_ops;

/* symlink.c */
extern const struct inode_operations ext2_symlink_inode_ops;
int ext2_is_fast_symlink(struct inode *ino);

/* xattr.c */
void ext2_xattr_drop(struct inode *ino);

#endif
