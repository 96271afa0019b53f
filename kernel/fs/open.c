/* open() and openat(): from a path name to a new fd.  The inode's type
 * decides which file operations the new struct file gets: a ramfs file's,
 * a device's (the console, /dev/null...), or a named pipe's. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include "syscall_protos.h"
#include "fs/file.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "fs/ramfs_file.h"
#include "fs/dev.h"
#include "fs/block_dev.h"
#include "fs/proc/proc.h"
#include "fs/pipe.h"

/* Finds path, creating a regular file there if O_CREAT asks for it.
 * 1 if it made the file, 0 if it was there, or -errno.  A symbolic link
 * as the last part is followed (to create the file it points to), except
 * with O_NOFOLLOW or O_EXCL: then the name itself counts. */
static int lookup_or_create(int dirfd, const char *path, int flags, mode_t mode,
                            struct inode **out)
{
    char name[NAME_MAX + 1];
    struct inode *dir, *ino;
    int follow = flags & (O_NOFOLLOW | O_EXCL) ? 0 : LOOKUP_FOLLOW;
    int err;

    if (!(flags & O_CREAT))
        return namei_at(dirfd, path, follow, out);
    if (path[0] && path[strlen(path) - 1] == '/')
        return -EISDIR;              /* "name/" could only be a directory */
    if ((err = namei_parent_at(dirfd, path, follow, &dir, name)) < 0)
        return err;
    int found = vfs_lookup(dir, name, &ino) == 0;
    /* finding a name in dir needs its x bit (as in namei); adding one, w too */
    err = inode_permission(dir, found ? 1 : 3);
    if (err == 0 && found) {
        err = (flags & O_EXCL) ? -EEXIST : 0;
        if (!err)
            *out = cross_mounts(inode_get(ino));
    } else if (err == 0) {
        err = vfs_create(dir, name, S_IFREG | (mode & ~current->umask & 0777), 0, out);
        if (err == 0)
            err = 1;
    }
    if (found)
        inode_put(ino);
    inode_put(dir);
    return err;
}

/* May this inode be opened this way?  A file this open just made may,
 * whatever its mode: open("f", O_CREAT | O_WRONLY, 0444) writes it. */
static int may_open(struct inode *ino, int flags, int created)
{
    int acc = flags & O_ACCMODE;

    if (S_ISDIR(ino->mode) && (acc != O_RDONLY || (flags & O_CREAT)))
        return -EISDIR;              /* O_CREAT asks for a file: as Linux */
    if ((flags & O_DIRECTORY) && !S_ISDIR(ino->mode))
        return -ENOTDIR;
    if (S_ISLNK(ino->mode))
        return -ELOOP;               /* O_NOFOLLOW met a link */
    if (S_ISSOCK(ino->mode))
        return -ENXIO;               /* a socket is reached with connect() */
    if (S_ISREG(ino->mode) && (acc != O_RDONLY || (flags & O_TRUNC)) && is_read_only(ino))
        return -EROFS;               /* a device on a read-only mount may still be written */
    int mask = (acc != O_WRONLY ? 4 : 0) | (acc != O_RDONLY ? 2 : 0);
    return created ? 0 : inode_permission(ino, mask);
}

/* A struct file for a named inode, with the operations of its type. */
static int file_for_inode(struct inode *ino, int flags, struct file **out)
{
    const struct file_ops *ops = &ramfs_file_ops;

    if (S_ISFIFO(ino->mode))
        return fifo_open(ino, flags, out);
    if (S_ISCHR(ino->mode))
        ops = dev_file_ops(ino->rdev);
    else if (ino->proc)
        ops = &proc_file_ops;        /* text made at the first read (fs/proc/) */
    else if (S_ISBLK(ino->mode))
        ops = blkdev_file_ops(ino->rdev);   /* a disk (fs/block_dev.c) */
    if (!ops)
        return -ENXIO;               /* a device Minnow has no driver for */
    if (!(*out = file_alloc(ops, flags)))
        return -ENFILE;
    (*out)->inode = inode_get(ino);
    return 0;
}

/* Opens ino and installs the file in the fd table.  -errno or the fd. */
static int open_inode(struct inode *ino, int flags)
{
    struct file *f;
    int err = file_for_inode(ino, flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC), &f);

    if (err < 0)
        return err;
    int fd = fd_install(f, flags & O_CLOEXEC);
    if (fd < 0)
        file_put(f);
    return fd;
}

long do_openat(int dirfd, const char *path, int flags, mode_t mode)
{
    struct inode *ino;
    int err;

    if ((flags & O_ACCMODE) == 3)
        return -EINVAL;              /* before O_CREAT makes anything */
    if ((flags & O_TMPFILE) == O_TMPFILE)
        return -EOPNOTSUPP;          /* an unnamed file: the RAM file system has none */
    if ((err = lookup_or_create(dirfd, path, flags, mode, &ino)) < 0)
        return err;
    if ((err = may_open(ino, flags, err)) == 0) {
        if ((flags & O_TRUNC) && S_ISREG(ino->mode) && (flags & O_ACCMODE) != O_RDONLY)
            err = inode_truncate(ino, 0);
        if (err == 0)
            err = open_inode(ino, flags);
    }
    inode_put(ino);
    return err;
}

long do_open(const char *path, int flags, mode_t mode)
{
    return do_openat(AT_FDCWD, path, flags, mode);
}

long sys_openat(int dirfd, const char *upath, int flags, mode_t mode)
{
    char *path;
    long err = getname(upath, &path);

    if (err < 0)
        return err;
    err = do_openat(dirfd, path, flags, mode);
    putname(path);
    return err;
}

long sys_open(const char *upath, int flags, mode_t mode)
{
    return sys_openat(AT_FDCWD, upath, flags, mode);
}

long sys_creat(const char *upath, mode_t mode)
{
    return sys_open(upath, O_CREAT | O_WRONLY | O_TRUNC, mode);
}
