/* Names: the directory operations of ext2, each a few directory-entry
 * changes (dir.c) and link-count changes, made under the file system's
 * lock.  The order matters for a crash in the middle: a new entry is
 * made before an old one goes (rename), so that a file always has at
 * least one name; e2fsck fixes a link count that is one too high, not a
 * lost file.
 *
 * Link counts, as on every Unix file system: a file counts its names; a
 * directory counts its name, its own "." and the ".." of each of its
 * subdirectories.  So mkdir adds 2 to the new directory and 1 to its
 * parent; rmdir takes them away.
 *
 * A directory in memory holds its parent (ino->parent, with a reference),
 * which the VFS's ".." and getcwd use: it is set when a directory is
 * found through a name in its parent (iget_child), made (create), or
 * moved (rename). */
#include <string.h>
#include <minnow/errno.h>
#include "fs/ext2/ext2.h"
#include "drv/rtc.h"

/* The inode nr that an entry of dir names, with a reference. */
static int iget_child(struct inode *dir, ino_t nr, struct inode **out)
{
    int err = ext2_iget(dir->sb, nr, out);

    if (err == 0 && S_ISDIR((*out)->mode) && !(*out)->parent && *out != dir)
        (*out)->parent = inode_get(dir);
    return err;
}

/* The inode name names in dir, with a reference (the lock held). */
static int find_inode(struct inode *dir, const char *name, struct inode **out)
{
    struct ext2_dir_slot slot;
    int err = ext2_find_entry(dir, name, &slot);

    if (err < 0)
        return err;
    ino_t nr = slot.de->inode;
    brelse(slot.bh);
    return iget_child(dir, nr, out);
}

static int ext2_lookup(struct inode *dir, const char *name, struct inode **out)
{
    ext2_lock(EXT2_ISB(dir));
    int err = find_inode(dir, name, out);
    ext2_unlock(EXT2_ISB(dir));
    return err;
}

/* ---------------------------------------------------------------- create */

/* What a new inode of each type starts with. */
static int init_new_inode(struct inode *dir, struct inode *ino, dev_t rdev)
{
    struct ext2_inode_info *ei = EXT2_I(ino);

    ino->nlink = 1;
    if (S_ISDIR(ino->mode)) {
        ino->nlink = 2;                          /* its name and its "." */
        return ext2_make_empty(ino, dir);
    }
    if (S_ISCHR(ino->mode) || S_ISBLK(ino->mode)) {
        ino->rdev = rdev;
        ei->i_block[rdev < 0x10000 ? 0 : 1] = rdev;   /* Linux's old and new places */
    }
    return ext2_write_inode(ino);
}

/* A new inode of any type (a file, a directory, a device, a fifo, a
 * socket, a symbolic link, whose target the VFS writes next), named name
 * in dir.  If anything fails on the way, the new inode gets no links and
 * evict takes it back. */
static int ext2_create(struct inode *dir, const char *name, mode_t mode, dev_t rdev,
                       struct inode **out)
{
    struct ext2_sb_info *sbi = EXT2_ISB(dir);
    struct inode *ino = NULL;
    int err;

    ext2_lock(sbi);
    if (S_ISDIR(mode) && dir->nlink >= EXT2_LINK_MAX)
        err = -EMLINK;
    else if ((err = ext2_new_inode(dir, mode, &ino)) == 0 &&
             (err = init_new_inode(dir, ino, rdev)) == 0)
        err = ext2_add_link(dir, name, ino);     /* -EEXIST if the name came meanwhile */
    if (err < 0 && ino) {
        ino->nlink = 0;
        inode_put(ino);
    } else if (err == 0) {
        if (S_ISDIR(mode)) {
            dir->nlink++;                        /* the new directory's ".." */
            ext2_write_inode(dir);
            ino->parent = inode_get(dir);
        }
        *out = ino;
    }
    ext2_unlock(sbi);
    return err;
}

static int ext2_link(struct inode *dir, const char *name, struct inode *ino)
{
    int err = -EMLINK;

    ext2_lock(EXT2_ISB(dir));
    if (ino->nlink < EXT2_LINK_MAX && (err = ext2_add_link(dir, name, ino)) == 0) {
        ino->nlink++;
        ino->ctime = current_time();
        ext2_write_inode(ino);
    }
    ext2_unlock(EXT2_ISB(dir));
    return err;
}

/* ---------------------------------------------------------------- unlink */

/* ino lost a name: a directory loses its "." with it (it had one name). */
static void lose_link(struct inode *ino)
{
    if (S_ISDIR(ino->mode))
        ino->nlink = 0;
    else if (ino->nlink > 0)
        ino->nlink--;
    ino->ctime = current_time();
    ext2_write_inode(ino);
}

/* A file's name, or an empty directory.  The inode itself goes when its
 * last user lets go of it (ext2_evict): at once, if nobody has it open. */
static int ext2_unlink(struct inode *dir, const char *name)
{
    struct ext2_dir_slot slot;
    struct inode *ino;

    ext2_lock(EXT2_ISB(dir));
    int err = ext2_find_entry(dir, name, &slot);
    if (err == 0 && (err = iget_child(dir, slot.de->inode, &ino)) < 0)
        brelse(slot.bh);
    if (err == 0 && S_ISDIR(ino->mode) && !ext2_empty_dir(ino)) {
        brelse(slot.bh);
        inode_put(ino);
        err = -ENOTEMPTY;
    }
    if (err == 0) {
        lose_link(ino);
        if (S_ISDIR(ino->mode) && dir->nlink > 2)
            dir->nlink--;                        /* its ".." */
        ext2_delete_entry(dir, &slot);           /* writes dir too */
        inode_put(ino);
    }
    ext2_unlock(EXT2_ISB(dir));
    return err;
}

/* ---------------------------------------------------------------- rename */

/* May ino replace target? */
static int check_replace(struct inode *ino, struct inode *target)
{
    if (S_ISDIR(target->mode) && !S_ISDIR(ino->mode))
        return -EISDIR;
    if (!S_ISDIR(target->mode) && S_ISDIR(ino->mode))
        return -ENOTDIR;
    if (S_ISDIR(target->mode) && !ext2_empty_dir(target))
        return -ENOTEMPTY;
    return 0;
}

/* The entry newname in newdir names ino from now on: the entry that named
 * another file is changed (that file loses a link), or a new one is made.
 * 1 if it named ino already (nothing to do). */
static int link_new_name(struct inode *newdir, const char *newname, struct inode *ino)
{
    struct ext2_dir_slot slot;
    struct inode *target;
    int err = ext2_find_entry(newdir, newname, &slot);

    if (err == -ENOENT) {
        if (S_ISDIR(ino->mode) && newdir->nlink >= EXT2_LINK_MAX)
            return -EMLINK;
        if ((err = ext2_add_link(newdir, newname, ino)) == 0 && S_ISDIR(ino->mode)) {
            newdir->nlink++;                     /* ino's ".." will point here */
            ext2_write_inode(newdir);
        }
        return err;
    }
    if (err < 0)
        return err;
    if ((err = iget_child(newdir, slot.de->inode, &target)) < 0) {
        brelse(slot.bh);
        return err;
    }
    if (target == ino || (err = check_replace(ino, target)) < 0) {
        brelse(slot.bh);
        inode_put(target);
        return err < 0 ? err : 1;
    }
    /* newdir keeps its link count: a replaced directory's ".." goes, ino's comes */
    ext2_set_link(newdir, &slot, ino, 1);
    lose_link(target);
    inode_put(target);                           /* freed now, unless open */
    return 0;
}

/* A directory moved from olddir to newdir: its ".." on the disk and in
 * memory, and olddir's link count (the ".." no longer points there). */
static void move_dir(struct inode *ino, struct inode *olddir, struct inode *newdir)
{
    struct ext2_dir_slot slot;

    if (olddir != newdir) {
        if (ext2_find_dotdot(ino, &slot) == 0)
            ext2_set_link(ino, &slot, newdir, 0);
        struct inode *old_parent = ino->parent;
        ino->parent = inode_get(newdir);
        inode_put(old_parent);
    }
    if (olddir->nlink > 2)
        olddir->nlink--;
    ext2_write_inode(olddir);
}

/* rename: the VFS checked the names and types; they are looked up again
 * here, under the lock, as another process may have changed them while
 * this one slept. */
static int ext2_rename(struct inode *olddir, const char *oldname, struct inode *newdir,
                       const char *newname)
{
    struct ext2_sb_info *sbi = EXT2_ISB(olddir);
    struct ext2_dir_slot slot;
    struct inode *ino;

    ext2_lock(sbi);
    int err = find_inode(olddir, oldname, &ino);
    if (err == 0) {
        err = link_new_name(newdir, newname, ino);
        if (err == 0) {
            ino->ctime = current_time();
            ext2_write_inode(ino);
            /* found again: adding the new name may have moved entries */
            if (ext2_find_entry(olddir, oldname, &slot) == 0)
                ext2_delete_entry(olddir, &slot);
            if (S_ISDIR(ino->mode))
                move_dir(ino, olddir, newdir);
        }
        inode_put(ino);
    }
    ext2_unlock(sbi);
    return err == 1 ? 0 : err;
}

const struct inode_operations ext2_dir_inode_ops = {
    .lookup = ext2_lookup,
    .create = ext2_create,
    .link = ext2_link,
    .unlink = ext2_unlink,
    .rename = ext2_rename,
    .readdir = ext2_readdir,
    .is_empty = ext2_empty_dir,
    .fsync = ext2_fsync,
};
