/* The VFS's side of every inode operation: the checks that are the same
 * for every file system, then a call through the inode's table (fs/vfs.h).
 * The system calls (fs/open.c, fs/dir.c, fs/read_write.c...) use only
 * these, so they work on any file system. */
#include <string.h>
#include <minnow/errno.h>
#include "fs/inode.h"
#include "proc/sched.h"

struct inode *inode_get(struct inode *ino)
{
    if (ino)
        ino->count++;
    return ino;
}

void inode_put(struct inode *ino)
{
    /* A loop, not recursion: forgetting a removed directory drops its
     * hold on its parent, which may be a removed directory too, and so on
     * up a chain as long as a user cares to build -- the kernel stack
     * could not take that as recursion. */
    while (ino && --ino->count == 0)
        ino = ino->sb->op->evict(ino);
}

int is_read_only(struct inode *ino)
{
    return (ino->sb->flags & SB_RDONLY) != 0;
}

int atime_needs_update(struct inode *ino, time_t now)
{
    if (is_read_only(ino))
        return 0;
    return ino->atime <= ino->mtime || ino->atime <= ino->ctime || now - ino->atime >= 24 * 3600;
}

/* Minnow has one user; it checks the owner's bits for everyone (no root
 * override), so `chmod 000 f` really makes f unreadable.  Nothing on a
 * read-only mount may be written (EROFS is for the callers that change
 * names; here a write is just refused). */
int inode_permission(struct inode *ino, int mask)
{
    int bits = (ino->mode >> 6) & 7;

    return (bits & mask) == mask ? 0 : -EACCES;
}

/* ---------------------------------------------------------------- names */

/* ".." of the root of a mounted file system leads out of it: to the
 * directory it is mounted on, whose ".." is then the answer. */
static struct inode *leave_mounts(struct inode *dir)
{
    while (dir == dir->sb->root && dir->sb->mount && dir->sb->mount->mountpoint)
        dir = dir->sb->mount->mountpoint;
    return dir;
}

struct inode *cross_mounts(struct inode *ino)
{
    while (ino->mounted) {
        struct inode *root = inode_get(ino->mounted->sb->root);
        inode_put(ino);
        ino = root;
    }
    return ino;
}

int vfs_lookup(struct inode *dir, const char *name, struct inode **out)
{
    if (strcmp(name, ".") == 0) {
        *out = inode_get(dir);
        return 0;
    }
    if (strcmp(name, "..") == 0) {
        dir = leave_mounts(dir);
        *out = inode_get(dir->parent ? dir->parent : dir);
        return 0;
    }
    if (!dir->op->lookup)
        return -ENOTDIR;
    return dir->op->lookup(dir, name, out);
}

/* Is there an entry name in dir?  (Without keeping what it names.) */
static int exists(struct inode *dir, const char *name)
{
    struct inode *ino;

    if (vfs_lookup(dir, name, &ino) < 0)
        return 0;
    inode_put(ino);
    return 1;
}

int vfs_create(struct inode *dir, const char *name, mode_t mode, dev_t rdev, struct inode **out)
{
    if (exists(dir, name))
        return -EEXIST;
    if (is_read_only(dir))
        return -EROFS;
    if (!dir->op->create)
        return -EPERM;
    return dir->op->create(dir, name, mode, rdev, out);
}

int vfs_link(struct inode *dir, const char *name, struct inode *ino)
{
    if (exists(dir, name))
        return -EEXIST;
    if (dir->sb != ino->sb)
        return -EXDEV;           /* a name can only point into its own file system */
    if (is_read_only(dir))
        return -EROFS;
    if (!dir->op->link)
        return -EPERM;
    return dir->op->link(dir, name, ino);
}

int vfs_unlink(struct inode *dir, const char *name)
{
    if (is_read_only(dir))
        return -EROFS;
    if (!dir->op->unlink)
        return -EPERM;
    return dir->op->unlink(dir, name);
}

int vfs_rename(struct inode *olddir, const char *oldname, struct inode *newdir,
               const char *newname)
{
    if (olddir->sb != newdir->sb)
        return -EXDEV;           /* across file systems it is a copy, and mv does that */
    if (is_read_only(olddir))
        return -EROFS;
    if (!olddir->op->rename)
        return -EPERM;
    return olddir->op->rename(olddir, oldname, newdir, newname);
}

int vfs_readdir(struct inode *dir, long *pos, char name[NAME_MAX + 1], ino_t *ino, mode_t *type)
{
    return dir->op->readdir ? dir->op->readdir(dir, pos, name, ino, type) : 0;
}

int vfs_is_empty(struct inode *dir)
{
    return dir->op->is_empty ? dir->op->is_empty(dir) : 1;
}

int vfs_name_of(struct inode *dir, ino_t ino, char name[NAME_MAX + 1])
{
    long pos = 2;                /* after "." and ".." */
    ino_t found;
    mode_t type;

    while (vfs_readdir(dir, &pos, name, &found, &type) > 0) {
        if (found == ino)
            return 0;
        pos++;
    }
    return -ENOENT;
}

/* ---------------------------------------------------------------- contents */

long inode_read(struct inode *ino, void *buf, uint32_t off, uint32_t n)
{
    return ino->op->read ? ino->op->read(ino, buf, off, n) : -EINVAL;
}

/* Writers of one inode take turns, as Linux's inode lock makes them: an
 * O_APPEND write must find the end and write there as one step, though
 * ext2 may sleep on the disk in between -- two appenders would otherwise
 * both find the same end and write over each other -- and a truncate must
 * not cut a write in two. */
static void inode_lock(struct inode *ino)
{
    while (ino->writing)
        uninterruptible_sleep_on(&ino->writing);
    ino->writing = 1;
}

static void inode_unlock(struct inode *ino)
{
    ino->writing = 0;
    wake_up(&ino->writing);
}

static long write_locked(struct inode *ino, const void *buf, uint32_t off, uint32_t n)
{
    if (is_read_only(ino))
        return -EROFS;
    return ino->op->write ? ino->op->write(ino, buf, off, n) : -EINVAL;
}

long inode_write(struct inode *ino, const void *buf, uint32_t off, uint32_t n)
{
    inode_lock(ino);
    long done = write_locked(ino, buf, off, n);
    inode_unlock(ino);
    return done;
}

long inode_append(struct inode *ino, const void *buf, uint32_t n, uint32_t *at)
{
    inode_lock(ino);
    *at = ino->size;
    long done = write_locked(ino, buf, *at, n);
    inode_unlock(ino);
    return done;
}

int inode_truncate(struct inode *ino, uint32_t size)
{
    if (is_read_only(ino))
        return -EROFS;
    if (!ino->op->truncate)
        return -EINVAL;
    inode_lock(ino);
    int err = ino->op->truncate(ino, size);
    inode_unlock(ino);
    return err;
}

void *inode_page(struct inode *ino, uint32_t index)
{
    return ino->op->get_page ? ino->op->get_page(ino, index) : NULL;
}

void *inode_find_page(struct inode *ino, uint32_t index)
{
    return ino->op->find_page ? ino->op->find_page(ino, index) : NULL;
}

void inode_changed(struct inode *ino)
{
    if (ino->sb->op->dirty_inode)
        ino->sb->op->dirty_inode(ino);
}

int inode_fsync(struct inode *ino)
{
    return ino->op->fsync ? ino->op->fsync(ino) : 0;
}
