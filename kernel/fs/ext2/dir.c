/* Directories: a directory is a file whose blocks hold a chain of
 * entries (struct ext2_dir_entry): an inode number, the entry's length
 * (rec_len, which leads to the next entry), the name's length, the file's
 * type, and the name.  Entries never cross a block's end; the last one of
 * a block reaches to it.
 *
 *   | 2 |12|1|d| .  | 2 |12|2|d| .. | 14 |16|5|f| notes... | 0 |980|...
 *
 * Adding a name takes the room at the end of an entry that is longer than
 * its name needs (or an unused entry, or a new block); removing one
 * merges it into the entry before it (or, first in its block, marks it
 * unused with inode 0) -- so lookups are a walk along the chain, as in
 * Linux's ext2.
 *
 * Every block is checked before it is used (bad rec_len or name_len, an
 * entry crossing the block's end, an inode number past the last): a
 * damaged block is -EIO for what needs it, said once on the console, and
 * the directory's other blocks stay readable.
 *
 * Directories that Linux indexed (dir_index: an htree, whose nodes are
 * blocks that look like one unused entry) are read the same way; when
 * Minnow adds or removes a name it clears EXT2_INDEX_FL, as Linux's ext2
 * does, since it does not update the index.
 *
 * The callers (namei.c) hold the file system's lock; readdir and
 * is_empty, which the VFS calls, take it themselves. */
#include <string.h>
#include <minnow/errno.h>
#include "fs/ext2/ext2.h"
#include "drv/rtc.h"

static struct ext2_dir_entry *entry_at(struct buffer_head *bh, uint32_t off)
{
    return (struct ext2_dir_entry *)(bh->b_data + off);
}

static int is_dot_entry(struct ext2_dir_entry *de)
{
    return (de->name_len == 1 && de->name[0] == '.') ||
           (de->name_len == 2 && de->name[0] == '.' && de->name[1] == '.');
}

static int matches(struct ext2_dir_entry *de, const char *name, uint32_t len)
{
    return de->inode && de->name_len == len && memcmp(de->name, name, len) == 0;
}

/* The file type an entry records for an inode of this mode. */
static uint8_t type_of(struct ext2_sb_info *sbi, mode_t mode)
{
    if (!sbi->filetype)
        return EXT2_FT_UNKNOWN;          /* revision 0: the entries have no type field */
    switch (mode & S_IFMT) {
    case S_IFREG:  return EXT2_FT_REG_FILE;
    case S_IFDIR:  return EXT2_FT_DIR;
    case S_IFCHR:  return EXT2_FT_CHRDEV;
    case S_IFBLK:  return EXT2_FT_BLKDEV;
    case S_IFIFO:  return EXT2_FT_FIFO;
    case S_IFSOCK: return EXT2_FT_SOCK;
    case S_IFLNK:  return EXT2_FT_SYMLINK;
    default:       return EXT2_FT_UNKNOWN;
    }
}

/* ---------------------------------------------------------------- reading blocks */

/* What is wrong with the entry at off of a directory block, or NULL. */
static const char *bad_entry(struct ext2_sb_info *sbi, struct ext2_dir_entry *de, uint32_t off)
{
    if (sbi->block_size - off < ext2_rec_len(1))
        return "no room for an entry";
    if (de->rec_len < ext2_rec_len(1) || de->rec_len % 4)
        return "bad rec_len";
    if (de->rec_len < ext2_rec_len(de->name_len))
        return "name longer than the entry";
    if (de->rec_len > sbi->block_size - off)
        return "entry crosses the block's end";
    if (de->inode > sbi->inodes_count)
        return "inode number out of range";
    if (de->inode && de->name_len == 0)
        return "empty name";
    return NULL;
}

static int check_dir_block(struct inode *dir, struct buffer_head *bh, uint32_t k)
{
    struct ext2_sb_info *sbi = EXT2_ISB(dir);

    for (uint32_t off = 0; off < sbi->block_size; off += entry_at(bh, off)->rec_len) {
        const char *why = bad_entry(sbi, entry_at(bh, off), off);
        if (why) {
            ext2_error(sbi, EXT2_BAD_DIR, "directory %lu: block %u, offset %u: %s", dir->ino,
                       k, off, why);
            return -EIO;
        }
    }
    return 0;
}

/* Block k of the directory, held and checked; -EIO if it is damaged, a
 * hole (a directory has none), or unreadable. */
static int dir_block(struct inode *dir, uint32_t k, struct buffer_head **out)
{
    struct ext2_sb_info *sbi = EXT2_ISB(dir);
    uint32_t block;
    int err = ext2_get_block(dir, k, 0, &block);

    if (err < 0)
        return err;
    if (block == 0) {
        ext2_error(sbi, EXT2_BAD_DIR, "directory %lu: block %u is a hole", dir->ino, k);
        return -EIO;
    }
    if (!(*out = ext2_bread(sbi, block)))
        return -EIO;
    if (check_dir_block(dir, *out, k) < 0) {
        brelse(*out);
        return -EIO;
    }
    return 0;
}

static uint32_t dir_blocks(struct inode *dir)
{
    return dir->size / EXT2_ISB(dir)->block_size;
}

/* Adding or removing a name: the directory's times change, and an htree
 * index over it would be stale. */
static void dir_changed(struct inode *dir)
{
    dir->mtime = dir->ctime = current_time();
    EXT2_I(dir)->i_flags &= ~EXT2_INDEX_FL;
    ext2_write_inode(dir);
}

/* ---------------------------------------------------------------- finding */

/* The entry for name: its block stays held in *slot (brelse(slot->bh)
 * when done).  -ENOENT if there is none; -EIO if there is none in the
 * blocks that could be read, but some could not. */
int ext2_find_entry(struct inode *dir, const char *name, struct ext2_dir_slot *slot)
{
    uint32_t len = strlen(name), bs = EXT2_ISB(dir)->block_size;
    int result = -ENOENT;
    struct buffer_head *bh;

    for (uint32_t k = 0; k < dir_blocks(dir); k++) {
        if (dir_block(dir, k, &bh) < 0) {
            result = -EIO;
            continue;
        }
        for (uint32_t off = 0; off < bs; off += entry_at(bh, off)->rec_len) {
            if (matches(entry_at(bh, off), name, len)) {
                slot->bh = bh;
                slot->de = entry_at(bh, off);
                return 0;
            }
        }
        brelse(bh);
    }
    return result;
}

/* The ".." entry of a directory: the second entry of its first block. */
int ext2_find_dotdot(struct inode *dir, struct ext2_dir_slot *slot)
{
    struct buffer_head *bh;

    if (dir_blocks(dir) == 0 || dir_block(dir, 0, &bh) < 0)
        return -EIO;
    struct ext2_dir_entry *dot = entry_at(bh, 0);
    if (dot->rec_len < EXT2_ISB(dir)->block_size) {
        struct ext2_dir_entry *dotdot = entry_at(bh, dot->rec_len);
        if (dotdot->name_len == 2 && memcmp(dotdot->name, "..", 2) == 0) {
            slot->bh = bh;
            slot->de = dotdot;
            return 0;
        }
    }
    ext2_error(EXT2_ISB(dir), EXT2_BAD_DIR, "directory %lu: no \"..\" entry", dir->ino);
    brelse(bh);
    return -EIO;
}

/* ---------------------------------------------------------------- changing */

/* Fills the entry de (splitting off the `used` bytes its old name keeps). */
static void fill_entry(struct inode *dir, struct ext2_dir_entry *de, uint32_t used,
                       const char *name, struct inode *ino)
{
    if (used) {
        struct ext2_dir_entry *rest = (struct ext2_dir_entry *)((char *)de + used);
        rest->rec_len = de->rec_len - used;
        de->rec_len = used;
        de = rest;
    }
    de->inode = ino->ino;
    de->name_len = strlen(name);
    de->file_type = type_of(EXT2_ISB(dir), ino->mode);
    memcpy(de->name, name, de->name_len);
}

/* Room for a name needing `need` bytes in block bh: the entry to put it
 * in (*used: the bytes the entry keeps), or NULL. */
static struct ext2_dir_entry *find_room(struct ext2_sb_info *sbi, struct buffer_head *bh,
                                        uint32_t need, uint32_t *used)
{
    for (uint32_t off = 0; off < sbi->block_size; off += entry_at(bh, off)->rec_len) {
        struct ext2_dir_entry *de = entry_at(bh, off);
        *used = de->inode ? ext2_rec_len(de->name_len) : 0;
        if (de->rec_len >= *used + need)
            return de;
    }
    return NULL;
}

/* A new block at the end of the directory, holding one unused entry. */
static int grow_dir(struct inode *dir, struct buffer_head **out)
{
    struct ext2_sb_info *sbi = EXT2_ISB(dir);
    uint32_t block;
    int err = ext2_get_block(dir, dir_blocks(dir), 1, &block);

    if (err < 0)
        return err;
    if (!(*out = ext2_bread(sbi, block)))
        return -EIO;
    entry_at(*out, 0)->inode = 0;
    entry_at(*out, 0)->rec_len = sbi->block_size;
    dir->size += sbi->block_size;
    return 0;
}

/* A new entry name -> ino in dir (ino's link count is the caller's).
 * One walk over the directory both looks for the name (-EEXIST if it is
 * taken) and remembers the first block with room; without room anywhere,
 * the directory grows by a block.  -ENOSPC if it cannot. */
int ext2_add_link(struct inode *dir, const char *name, struct inode *ino)
{
    struct ext2_sb_info *sbi = EXT2_ISB(dir);
    uint32_t len = strlen(name), need = ext2_rec_len(len), used = 0;
    struct ext2_dir_entry *room = NULL;
    struct buffer_head *bh, *room_bh = NULL;
    int err = 0;

    for (uint32_t k = 0; k < dir_blocks(dir) && err == 0; k++) {
        if ((err = dir_block(dir, k, &bh)) < 0)
            break;
        for (uint32_t off = 0; off < sbi->block_size; off += entry_at(bh, off)->rec_len)
            if (matches(entry_at(bh, off), name, len))
                err = -EEXIST;
        if (!room && (room = find_room(sbi, bh, need, &used)))
            room_bh = bh;                /* held until the walk is over */
        else
            brelse(bh);
    }
    if (err == 0 && !room && (err = grow_dir(dir, &room_bh)) == 0) {
        room = entry_at(room_bh, 0);
        used = 0;
    }
    if (err == 0) {
        fill_entry(dir, room, used, name, ino);
        mark_buffer_dirty(room_bh);
    }
    brelse(room_bh);
    if (err == 0)
        dir_changed(dir);
    return err;
}

/* Removes the entry in slot (found by ext2_find_entry), and lets go of
 * its block.  It merges into the entry before it in the block; the first
 * entry of a block becomes unused instead. */
int ext2_delete_entry(struct inode *dir, struct ext2_dir_slot *slot)
{
    struct ext2_dir_entry *prev = NULL, *de;
    uint32_t off = 0;

    while ((de = entry_at(slot->bh, off)) != slot->de) {
        prev = de;
        off += de->rec_len;
    }
    if (prev)
        prev->rec_len += de->rec_len;
    else
        de->inode = 0;
    mark_buffer_dirty(slot->bh);
    brelse(slot->bh);
    dir_changed(dir);
    return 0;
}

/* The entry in slot now names ino (rename over a name; a moved
 * directory's ".."); lets go of its block.  update_times: dir's mtime and
 * ctime change (not for ".."). */
void ext2_set_link(struct inode *dir, struct ext2_dir_slot *slot, struct inode *ino,
                   int update_times)
{
    slot->de->inode = ino->ino;
    slot->de->file_type = type_of(EXT2_ISB(dir), ino->mode);
    mark_buffer_dirty(slot->bh);
    brelse(slot->bh);
    if (update_times) {
        dir->mtime = dir->ctime = current_time();
        ext2_write_inode(dir);
    }
}

/* A new directory's first block: "." (itself) and ".." (its parent). */
int ext2_make_empty(struct inode *ino, struct inode *parent)
{
    struct buffer_head *bh;
    int err = grow_dir(ino, &bh);

    if (err < 0)
        return err;
    struct ext2_dir_entry *dot = entry_at(bh, 0);
    fill_entry(ino, dot, 0, ".", ino);
    fill_entry(ino, dot, ext2_rec_len(1), "..", parent);
    mark_buffer_dirty(bh);
    brelse(bh);
    return ext2_write_inode(ino);
}

/* ---------------------------------------------------------------- listing */

/* Does dir hold nothing but "." and ".."?  A directory that cannot be
 * read is not empty: rmdir must not remove what it cannot see. */
static int empty_dir(struct inode *dir)
{
    uint32_t bs = EXT2_ISB(dir)->block_size;
    struct buffer_head *bh;

    for (uint32_t k = 0; k < dir_blocks(dir); k++) {
        if (dir_block(dir, k, &bh) < 0)
            return 0;
        for (uint32_t off = 0; off < bs; off += entry_at(bh, off)->rec_len) {
            struct ext2_dir_entry *de = entry_at(bh, off);
            if (de->inode && !is_dot_entry(de)) {
                brelse(bh);
                return 0;
            }
        }
        brelse(bh);
    }
    return 1;
}

int ext2_empty_dir(struct inode *dir)
{
    ext2_lock(EXT2_ISB(dir));
    int empty = empty_dir(dir);
    ext2_unlock(EXT2_ISB(dir));
    return empty;
}

/* The type of the file an entry names: from the entry, or (revision 0,
 * or an entry that does not say) from the inode itself. */
static mode_t entry_type(struct inode *dir, struct ext2_dir_entry *de)
{
    static const mode_t types[] = { 0, S_IFREG, S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFSOCK,
                                    S_IFLNK };
    struct inode *ino;

    if (EXT2_ISB(dir)->filetype && de->file_type > 0 && de->file_type <= EXT2_FT_SYMLINK)
        return types[de->file_type];
    if (ext2_iget(dir->sb, de->inode, &ino) < 0)
        return 0;
    mode_t type = ino->mode & S_IFMT;
    inode_put(ino);
    return type;
}

/* getdents: the entry at position *pos or after it.  A position is the
 * entry's byte offset in the directory plus 2 (0 and 1 are the VFS's "."
 * and "..", so the disk's own are skipped): positions only grow, and
 * stay right while names are added and removed.  A damaged block is
 * skipped (the rest is listed). */
int ext2_readdir(struct inode *dir, long *pos, char name[NAME_MAX + 1], ino_t *ino,
                 mode_t *type)
{
    struct ext2_sb_info *sbi = EXT2_ISB(dir);
    uint32_t start = *pos < 2 ? 0 : *pos - 2, bs = sbi->block_size;
    struct buffer_head *bh;
    int found = 0;

    ext2_lock(sbi);
    for (uint32_t k = start / bs; k < dir_blocks(dir) && !found; k++) {
        if (dir_block(dir, k, &bh) < 0)
            continue;
        for (uint32_t off = 0; off < bs && !found; off += entry_at(bh, off)->rec_len) {
            struct ext2_dir_entry *de = entry_at(bh, off);
            if (k * bs + off < start || !de->inode || is_dot_entry(de))
                continue;
            memcpy(name, de->name, de->name_len);
            name[de->name_len] = '\0';
            *ino = de->inode;
            *type = entry_type(dir, de);
            *pos = k * bs + off + 2;
            found = 1;
        }
        brelse(bh);
    }
    ext2_unlock(sbi);
    return found;
}
