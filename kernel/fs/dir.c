/* System calls on names: mkdir, rmdir, unlink, link, rename, chdir,
 * getcwd, and getdents64 (reading a directory's entries, for ls). */
#include <string.h>
#include <minnow/errno.h>
#include "fs/file.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "mm/uaccess.h"
#include "mm/kmalloc.h"

/* Each call below works on a user path: copy it in, resolve the directory
 * that holds its last part, and hand both to `op`. */
static long with_parent(const char *upath, long (*op)(struct inode *dir, const char *name, long arg),
                        long arg)
{
    char *path, name[NAME_MAX + 1];
    struct inode *dir;
    long err = getname(upath, &path);

    if (err < 0)
        return err;
    if ((err = namei_parent(path, &dir, name)) == 0) {
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
            err = -EINVAL;       /* "rmdir ." and friends */
        else
            err = inode_permission(dir, 3);
        if (err == 0)
            err = op(dir, name, arg);
        inode_put(dir);
    }
    putname(path);
    return err;
}

static long mkdir_at(struct inode *dir, const char *name, long mode)
{
    if (dir_lookup(dir, name))
        return -EEXIST;
    struct inode *ino = inode_alloc(S_IFDIR | (mode & ~current->umask & 0777));
    if (!ino)
        return -ENOSPC;
    int err = dir_add(dir, name, ino);
    inode_put(ino);              /* the directory entry keeps it */
    return err;
}

long sys_mkdir(const char *upath, mode_t mode)
{
    return with_parent(upath, mkdir_at, mode);
}

static long rmdir_at(struct inode *dir, const char *name, long unused)
{
    struct inode *ino = dir_lookup(dir, name);

    (void)unused;
    if (!ino)
        return -ENOENT;
    if (!S_ISDIR(ino->mode))
        return -ENOTDIR;
    if (!dir_is_empty(ino))
        return -ENOTEMPTY;
    if (ino == root_inode)
        return -EBUSY;
    return dir_remove(dir, name);
}

long sys_rmdir(const char *upath)
{
    return with_parent(upath, rmdir_at, 0);
}

static long unlink_at(struct inode *dir, const char *name, long unused)
{
    struct inode *ino = dir_lookup(dir, name);

    (void)unused;
    if (!ino)
        return -ENOENT;
    if (S_ISDIR(ino->mode))
        return -EISDIR;
    /* an open file loses its name here but lives on until its last close */
    return dir_remove(dir, name);
}

long sys_unlink(const char *upath)
{
    return with_parent(upath, unlink_at, 0);
}

/* link(old, new): a second name for the same file (not for directories). */
static long link_at(struct inode *dir, const char *name, long target)
{
    struct inode *ino = (struct inode *)target;

    if (dir_lookup(dir, name))
        return -EEXIST;
    if (S_ISDIR(ino->mode))
        return -EPERM;
    return dir_add(dir, name, ino);
}

long sys_link(const char *uold, const char *unew)
{
    struct inode *ino;
    long err = user_namei(uold, &ino);

    if (err < 0)
        return err;
    err = with_parent(unew, link_at, (long)ino);
    inode_put(ino);
    return err;
}

/* Is `a` the directory `b` or one of b's ancestors? (rename may not move a
 * directory into itself.) */
static int is_ancestor(struct inode *a, struct inode *b)
{
    for (;;) {
        if (a == b)
            return 1;
        if (b == root_inode)
            return 0;
        b = b->parent;
    }
}

struct rename_source {
    struct inode *dir;
    const char *name;
};

static long rename_at(struct inode *newdir, const char *newname, long arg)
{
    struct rename_source *src = (struct rename_source *)arg;
    struct inode *ino = dir_lookup(src->dir, src->name);
    struct inode *target = dir_lookup(newdir, newname);

    if (!ino)
        return -ENOENT;
    if (ino == target)
        return 0;
    if (S_ISDIR(ino->mode) && is_ancestor(ino, newdir))
        return -EINVAL;
    if (target) {                /* rename replaces what is at the new name */
        if (S_ISDIR(target->mode) && !S_ISDIR(ino->mode))
            return -EISDIR;
        if (!S_ISDIR(target->mode) && S_ISDIR(ino->mode))
            return -ENOTDIR;
        if (S_ISDIR(target->mode) && !dir_is_empty(target))
            return -ENOTEMPTY;
    }
    return dir_rename(src->dir, src->name, newdir, newname);
}

/* The old name is resolved first, then the new one, each the same way as
 * for the other calls here. */
static long rename_from(struct inode *olddir, const char *oldname, long unew)
{
    struct rename_source src = { olddir, oldname };

    return with_parent((const char *)unew, rename_at, (long)&src);
}

long sys_rename(const char *uold, const char *unew)
{
    return with_parent(uold, rename_from, (long)unew);
}

long sys_chdir(const char *upath)
{
    struct inode *ino;
    long err = user_namei(upath, &ino);

    if (err < 0)
        return err;
    if (!S_ISDIR(ino->mode))
        err = -ENOTDIR;
    else
        err = inode_permission(ino, 1);
    if (err < 0) {
        inode_put(ino);
        return err;
    }
    inode_put(current->cwd);
    current->cwd = ino;
    return 0;
}

/* getcwd: climb from the working directory to "/" through "..", finding
 * each directory's name in its parent, and build the path from the end. */
long sys_getcwd(char *ubuf, size_t size)
{
    char *path = kmalloc(PATH_MAX);
    size_t pos = PATH_MAX - 1;

    if (!path)
        return -ENOMEM;
    path[pos] = '\0';
    for (struct inode *d = current->cwd; d != root_inode; d = d->parent) {
        const char *name = dir_name_of(d->parent, d);
        size_t len = name ? strlen(name) : 0;
        if (!name || len + 1 > pos) {
            kfree(path);             /* removed, or deeper than PATH_MAX */
            return name ? -ENAMETOOLONG : -ENOENT;
        }
        pos -= len;
        memcpy(path + pos, name, len);
        path[--pos] = '/';
    }
    if (pos == PATH_MAX - 1)
        path[--pos] = '/';
    size_t len = PATH_MAX - pos;     /* with the terminating NUL */
    long err = len > size ? -ERANGE : copy_to_user(ubuf, path + pos, len);
    kfree(path);
    return err < 0 ? err : (long)len;
}

static unsigned char dirent_type(mode_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFDIR:  return DT_DIR;
    case S_IFCHR:  return DT_CHR;
    case S_IFSOCK: return DT_SOCK;
    case S_IFIFO:  return DT_FIFO;
    default:       return DT_REG;
    }
}

/* Writes one record at ubuf + *used if it fits; returns 0 if it did not. */
static int put_dirent(char *ubuf, unsigned int count, unsigned int *used, const char *name,
                      struct inode *ino, long next_pos)
{
    unsigned int reclen = (sizeof(struct linux_dirent64) + strlen(name) + 1 + 7) & ~7u;
    char rec[sizeof(struct linux_dirent64) + NAME_MAX + 8];
    struct linux_dirent64 *d = (struct linux_dirent64 *)rec;

    if (*used + reclen > count)
        return 0;
    memset(rec, 0, reclen);
    d->d_ino = ino->ino;
    d->d_off = next_pos;
    d->d_reclen = reclen;
    d->d_type = dirent_type(ino->mode);
    strcpy(d->d_name, name);
    memcpy(ubuf + *used, rec, reclen);
    *used += reclen;
    return 1;
}

/* The entry at position *pos or the next one after it: "." and ".."
 * first, then the names; *pos becomes its position. */
static int entry_at(struct inode *dir, long *pos, const char **name, struct inode **ino)
{
    if (*pos == 0 || *pos == 1) {
        *name = *pos == 0 ? "." : "..";
        *ino = *pos == 0 ? dir : dir->parent;
        return 1;
    }
    struct dentry *d = dir_entry_from(dir, *pos);
    if (!d)
        return 0;
    *pos = d->pos;
    *name = d->name;
    *ino = d->inode;
    return 1;
}

/* getdents64: as many entries as fit, from the file offset on (the offset
 * is an entry's position; see struct dentry).  0 at the end. */
long sys_getdents64(int fd, void *ubuf, unsigned int count)
{
    struct file *f = fget(fd);
    unsigned int used = 0;
    const char *name;
    struct inode *ino;

    if (!f)
        return -EBADF;
    if (!f->inode || !S_ISDIR(f->inode->mode))
        return -ENOTDIR;
    if (verify_area(ubuf, count, 1) < 0)
        return -EFAULT;
    long pos = f->pos;
    while (entry_at(f->inode, &pos, &name, &ino)) {
        if (!put_dirent(ubuf, count, &used, name, ino, pos + 1))
            return used ? (long)used : -EINVAL;    /* EINVAL: not even one fits */
        f->pos = ++pos;
    }
    return used;
}
