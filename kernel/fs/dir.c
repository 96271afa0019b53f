/* System calls on names: mkdir, mknod, rmdir, unlink, link, rename, each
 * also as its *at version (a relative path starts at a directory the
 * program has open; the old call is the *at call with AT_FDCWD), then
 * chdir, fchdir, getcwd, and getdents/getdents64 (reading a directory's
 * entries, for ls).  Symbolic links are made in fs/symlink.c. */
#include <stddef.h>
#include <string.h>
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include "syscall_protos.h"
#include "fs/file.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "mm/uaccess.h"
#include "mm/kmalloc.h"

/* A new inode at name (mkdir, mknod); rdev for a device. */
static long make_node(struct inode *dir, const char *name, mode_t mode, dev_t rdev)
{
    struct inode *ino;
    int err = vfs_create(dir, name, mode, rdev, &ino);

    if (err == 0)
        inode_put(ino);          /* the directory entry keeps it */
    return err;
}

static long mkdir_at(struct inode *dir, const char *name, long mode)
{
    return make_node(dir, name, S_IFDIR | (mode & ~current->umask & 0777), 0);
}

long sys_mkdirat(int dirfd, const char *upath, mode_t mode)
{
    return with_parent(dirfd, upath, mkdir_at, mode);
}

long sys_mkdir(const char *upath, mode_t mode)
{
    return sys_mkdirat(AT_FDCWD, upath, mode);
}

struct mknod_args {
    mode_t mode;
    dev_t dev;
};

static long mknod_at(struct inode *dir, const char *name, long arg)
{
    struct mknod_args *a = (struct mknod_args *)arg;

    return make_node(dir, name, a->mode, S_ISCHR(a->mode) || S_ISBLK(a->mode) ? a->dev : 0);
}

/* mknod(path, mode, dev): a regular file, a named pipe (fs/fifo.c), a
 * device node (dev in Linux's encoding; opening one Minnow has no driver
 * for is ENXIO) or a socket's name.  Not a directory (EPERM: that is
 * mkdir's) nor a symbolic link (EINVAL), as Linux. */
long sys_mknodat(int dirfd, const char *upath, mode_t mode, dev_t dev)
{
    struct mknod_args a = { mode & ~current->umask & 07777, dev };

    switch (mode & S_IFMT) {
    case 0:
        a.mode |= S_IFREG;       /* no type given: a regular file */
        break;
    case S_IFREG: case S_IFIFO: case S_IFCHR: case S_IFBLK: case S_IFSOCK:
        a.mode |= mode & S_IFMT;
        break;
    case S_IFDIR:
        return -EPERM;
    default:
        return -EINVAL;
    }
    return with_parent(dirfd, upath, mknod_at, (long)&a);
}

long sys_mknod(const char *upath, mode_t mode, dev_t dev)
{
    return sys_mknodat(AT_FDCWD, upath, mode, dev);
}

/* Why rmdir may not remove ino, or 0. */
static long rmdir_check(struct inode *ino)
{
    if (!S_ISDIR(ino->mode))
        return -ENOTDIR;
    if (ino->mounted || ino == ino->sb->root)
        return -EBUSY;           /* a mount point, or "/" itself */
    if (!vfs_is_empty(ino))
        return -ENOTEMPTY;
    return 0;
}

static long rmdir_at(struct inode *dir, const char *name, long unused)
{
    struct inode *ino;

    (void)unused;
    if (is_dot_name(name))
        return name[1] ? -ENOTEMPTY : -EINVAL;      /* "..", "." (Linux's answers) */
    long err = vfs_lookup(dir, name, &ino);
    if (err < 0)
        return err;
    err = rmdir_check(ino);
    inode_put(ino);
    return err < 0 ? err : vfs_unlink(dir, name);
}

static long unlink_at(struct inode *dir, const char *name, long unused)
{
    struct inode *ino;

    (void)unused;
    long err = vfs_lookup(dir, name, &ino);
    if (err < 0)
        return err;
    int is_dir = S_ISDIR(ino->mode);
    inode_put(ino);
    if (is_dir)
        return -EISDIR;
    /* an open file loses its name here but lives on until its last close */
    return vfs_unlink(dir, name);
}

/* unlinkat(dirfd, path, flags): unlink, or rmdir with AT_REMOVEDIR. */
long sys_unlinkat(int dirfd, const char *upath, int flags)
{
    if (flags & ~AT_REMOVEDIR)
        return -EINVAL;
    return with_parent(dirfd, upath, flags & AT_REMOVEDIR ? rmdir_at : unlink_at, 0);
}

long sys_unlink(const char *upath)
{
    return sys_unlinkat(AT_FDCWD, upath, 0);
}

long sys_rmdir(const char *upath)
{
    return sys_unlinkat(AT_FDCWD, upath, AT_REMOVEDIR);
}

/* link(old, new): a second name for the same file (not for directories). */
static long link_at(struct inode *dir, const char *name, long target)
{
    struct inode *ino = (struct inode *)target;

    if (S_ISDIR(ino->mode))
        return -EPERM;
    if (ino->nlink == 0)
        return -ENOENT;          /* AT_EMPTY_PATH on a removed file, or a pipe */
    return vfs_link(dir, name, ino);
}

/* linkat: a link as the old name's last part gets the new name itself,
 * unless AT_SYMLINK_FOLLOW; AT_EMPTY_PATH names the file open as olddirfd. */
long sys_linkat(int olddirfd, const char *uold, int newdirfd, const char *unew, int flags)
{
    struct inode *ino;

    if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    long err = user_namei_at(olddirfd, uold, (flags & AT_SYMLINK_FOLLOW ? LOOKUP_FOLLOW : 0) |
                             (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &ino);
    if (err < 0)
        return err;
    err = with_parent(newdirfd, unew, link_at, (long)ino);
    inode_put(ino);
    return err;
}

long sys_link(const char *uold, const char *unew)
{
    return sys_linkat(AT_FDCWD, uold, AT_FDCWD, unew, 0);
}

/* Is `a` the directory `b` or one of b's ancestors in its file system?
 * (rename may not move a directory into itself.)  A directory in memory
 * holds its parent, so the chain is there to follow. */
static int is_ancestor(struct inode *a, struct inode *b)
{
    for (;;) {
        if (a == b)
            return 1;
        if (b == b->sb->root || !b->parent)
            return 0;
        b = b->parent;
    }
}

/* What rename carries from the old name's side to the new one's. */
struct rename_args {
    int newdirfd;
    const char *unew;
    unsigned int flags;          /* renameat2's RENAME_NOREPLACE */
    struct inode *olddir;        /* the old name, once resolved */
    const char *oldname;
};

/* Why ino may not be renamed onto target (NULL: a free name), or 0; 1:
 * both are the same file, and there is nothing to do. */
static long rename_check(struct rename_args *r, struct inode *ino, struct inode *newdir,
                         struct inode *target)
{
    if (target && (r->flags & RENAME_NOREPLACE))
        return -EEXIST;
    if (ino == target)
        return 1;
    if (ino->mounted || ino == ino->sb->root || (target && target->mounted))
        return -EBUSY;
    if (S_ISDIR(ino->mode) && ino->sb == newdir->sb && is_ancestor(ino, newdir))
        return -EINVAL;
    if (target) {                /* rename replaces what is at the new name */
        if (S_ISDIR(target->mode) && !S_ISDIR(ino->mode))
            return -EISDIR;
        if (!S_ISDIR(target->mode) && S_ISDIR(ino->mode))
            return -ENOTDIR;
        if (S_ISDIR(target->mode) && !vfs_is_empty(target))
            return -ENOTEMPTY;
    }
    return 0;
}

static long rename_at(struct inode *newdir, const char *newname, long arg)
{
    struct rename_args *r = (struct rename_args *)arg;
    struct inode *ino, *target = NULL;

    if (is_dot_name(r->oldname) || is_dot_name(newname))
        return -EBUSY;                   /* not names of their own (as Linux) */
    long err = vfs_lookup(r->olddir, r->oldname, &ino);
    if (err < 0)
        return err;
    vfs_lookup(newdir, newname, &target);
    err = rename_check(r, ino, newdir, target);
    if (err == 0)
        err = vfs_rename(r->olddir, r->oldname, newdir, newname);
    inode_put(target);
    inode_put(ino);
    return err == 1 ? 0 : err;
}

/* The old name is resolved first, then the new one, each the same way as
 * for the other calls here. */
static long rename_from(struct inode *olddir, const char *oldname, long arg)
{
    struct rename_args *r = (struct rename_args *)arg;

    r->olddir = olddir;
    r->oldname = oldname;
    return with_parent(r->newdirfd, r->unew, rename_at, arg);
}

/* renameat2: flags 0 or RENAME_NOREPLACE; RENAME_EXCHANGE and
 * RENAME_WHITEOUT are not in Minnow (EINVAL, as a Linux file system
 * without them says). */
long sys_renameat2(int olddirfd, const char *uold, int newdirfd, const char *unew,
                   unsigned int flags)
{
    struct rename_args r = { newdirfd, unew, flags, NULL, NULL };

    if (flags & ~RENAME_NOREPLACE)
        return -EINVAL;
    return with_parent(olddirfd, uold, rename_from, (long)&r);
}

long sys_renameat(int olddirfd, const char *uold, int newdirfd, const char *unew)
{
    return sys_renameat2(olddirfd, uold, newdirfd, unew, 0);
}

long sys_rename(const char *uold, const char *unew)
{
    return sys_renameat2(AT_FDCWD, uold, AT_FDCWD, unew, 0);
}

/* The working directory becomes ino, a searchable directory. */
static long change_dir(struct inode *ino)
{
    if (!S_ISDIR(ino->mode))
        return -ENOTDIR;
    if (inode_permission(ino, 1) < 0)
        return -EACCES;
    inode_put(current->cwd);
    current->cwd = inode_get(ino);
    return 0;
}

long sys_chdir(const char *upath)
{
    struct inode *ino;
    long err = user_namei_at(AT_FDCWD, upath, LOOKUP_FOLLOW, &ino);

    if (err < 0)
        return err;
    err = change_dir(ino);
    inode_put(ino);
    return err;
}

long sys_fchdir(int fd)
{
    struct file *f = fget(fd);

    if (!f)
        return -EBADF;
    return change_dir(f->inode);
}

/* One step of getcwd: the name of d in its parent, put in front of the
 * path at path[*pos]; *d becomes the parent.  The root of a mounted file
 * system has no name of its own there: it stands for its mount point. */
static long climb(struct inode **d, char *path, size_t *pos)
{
    char name[NAME_MAX + 1];
    struct inode *dir = *d;

    while (dir == dir->sb->root && dir->sb->mount && dir->sb->mount->mountpoint)
        dir = dir->sb->mount->mountpoint;
    if (dir == root_inode) {
        *d = dir;
        return 0;
    }
    struct inode *parent = dir->parent;
    if (!parent || dir->nlink == 0 || vfs_name_of(parent, dir->ino, name) < 0)
        return -ENOENT;              /* removed */
    size_t len = strlen(name);
    if (len + 1 > *pos)
        return -ENAMETOOLONG;        /* deeper than PATH_MAX */
    *pos -= len;
    memcpy(path + *pos, name, len);
    path[--*pos] = '/';
    *d = parent;
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
    for (struct inode *d = current->cwd; d != root_inode;) {
        long err = climb(&d, path, &pos);
        if (err < 0) {
            kfree(path);
            return err;
        }
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
    case S_IFBLK:  return DT_BLK;
    case S_IFSOCK: return DT_SOCK;
    case S_IFIFO:  return DT_FIFO;
    case S_IFLNK:  return DT_LNK;
    default:       return DT_REG;
    }
}

/* The two layouts of a directory entry: each builder writes one record
 * into rec and returns its length (a multiple of the alignment Linux
 * uses for it).  next_pos is where reading goes on after this entry. */
typedef unsigned int (*dirent_builder)(char *rec, const char *name, ino_t ino, mode_t type,
                                       long next_pos);

static unsigned int dirent64_record(char *rec, const char *name, ino_t ino, mode_t type,
                                    long next_pos)
{
    struct linux_dirent64 *d = (struct linux_dirent64 *)rec;
    unsigned int reclen = (offsetof(struct linux_dirent64, d_name) + strlen(name) + 1 + 7) & ~7u;

    memset(rec, 0, reclen);
    d->d_ino = ino;
    d->d_off = next_pos;
    d->d_reclen = reclen;
    d->d_type = dirent_type(type);
    strcpy(d->d_name, name);
    return reclen;
}

/* The old getdents: no d_type field; the type is the record's last byte. */
static unsigned int dirent32_record(char *rec, const char *name, ino_t ino, mode_t type,
                                    long next_pos)
{
    struct linux_dirent *d = (struct linux_dirent *)rec;
    unsigned int reclen = (offsetof(struct linux_dirent, d_name) + strlen(name) + 2 + 3) & ~3u;

    memset(rec, 0, reclen);
    d->d_ino = ino;
    d->d_off = next_pos;
    d->d_reclen = reclen;
    strcpy(d->d_name, name);
    rec[reclen - 1] = dirent_type(type);
    return reclen;
}

/* The entry at position *pos or the next one after it: "." and ".."
 * first, then the names; *pos becomes its position. */
static int entry_at(struct inode *dir, long *pos, char name[NAME_MAX + 1], ino_t *ino,
                    mode_t *type)
{
    if (*pos == 0 || *pos == 1) {
        struct inode *which = *pos == 0 ? dir : (dir->parent ? dir->parent : dir);
        strcpy(name, *pos == 0 ? "." : "..");
        *ino = which->ino;
        *type = S_IFDIR;
        return 1;
    }
    return vfs_readdir(dir, pos, name, ino, type);
}

/* As many records as fit into ubuf, from *fpos on (an entry's position;
 * see struct dentry), which follows.  0 at the end. */
static long fill_dir(struct inode *dir, off_t *fpos, char *ubuf, unsigned int count,
                     dirent_builder build)
{
    char rec[sizeof(struct linux_dirent64) + NAME_MAX + 8];
    char name[NAME_MAX + 1];
    unsigned int used = 0;
    ino_t ino;
    mode_t type;
    long pos = *fpos;
    int found;

    while ((found = entry_at(dir, &pos, name, &ino, &type)) > 0) {
        unsigned int reclen = build(rec, name, ino, type, pos + 1);
        if (used + reclen > count)
            return used ? (long)used : -EINVAL;    /* EINVAL: not even one fits */
        memcpy(ubuf + used, rec, reclen);
        used += reclen;
        *fpos = ++pos;
    }
    return found < 0 && !used ? found : (long)used;    /* a disk's directory may be damaged: EIO */
}

/* A disk's directory is read between sleeps: two processes sharing the
 * open directory take turns (lock_pos), or both would get the same
 * entries. */
static long read_dir(int fd, void *ubuf, unsigned int count, dirent_builder build)
{
    struct file *f = fget(fd);
    long r;

    if (!f)
        return -EBADF;
    if (!S_ISDIR(f->inode->mode))
        return -ENOTDIR;
    if (verify_area(ubuf, count, 1) < 0)
        return -EFAULT;
    if ((r = lock_pos(f)) < 0)
        return r;
    r = fill_dir(f->inode, &f->pos, ubuf, count, build);
    unlock_pos(f);
    return r;
}

long sys_getdents64(int fd, void *ubuf, unsigned int count)
{
    return read_dir(fd, ubuf, count, dirent64_record);
}

long sys_getdents(int fd, void *ubuf, unsigned int count)
{
    return read_dir(fd, ubuf, count, dirent32_record);
}
