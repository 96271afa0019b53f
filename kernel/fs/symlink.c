/* Symbolic links: a name whose inode holds another path, the link's
 * target, which the path walk (fs/namei.c) follows in its place.  The
 * target need not exist ("dangling"), and is not checked when the link is
 * made.  It is kept as the inode's contents, its length as the size, so
 * a link costs one page, as in Linux's ramfs.  A link's own permission
 * bits are always 0777: they are never checked. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include "syscall_protos.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "mm/uaccess.h"
#include "mm/kmalloc.h"
#include "fs/proc/proc.h"

static long symlink_at(struct inode *dir, const char *name, long arg)
{
    const char *target = (const char *)arg;
    long len = strlen(target);
    struct inode *ino;
    long err = vfs_create(dir, name, S_IFLNK | 0777, 0, &ino);

    if (err < 0)
        return err;
    long written = inode_write(ino, target, 0, len);
    if (written != len) {
        vfs_unlink(dir, name);       /* no room for the target: no link */
        err = written < 0 ? written : -ENOSPC;
    }
    inode_put(ino);
    return err;
}

/* symlinkat(target, newdirfd, path): path becomes a link to target. */
long sys_symlinkat(const char *utarget, int newdirfd, const char *upath)
{
    char *target;
    long err = getname(utarget, &target);

    if (err < 0)
        return err;
    if (*target == '\0')
        err = -ENOENT;               /* an empty target names nothing (as Linux) */
    else
        err = with_parent(newdirfd, upath, symlink_at, (long)target);
    putname(target);
    return err;
}

long sys_symlink(const char *utarget, const char *upath)
{
    return sys_symlinkat(utarget, AT_FDCWD, upath);
}

/* readlinkat(dirfd, path, buf, size): the target, cut to size bytes,
 * without a '\0'; returns its length.  EINVAL if path is not a link or
 * size is not positive (Linux takes it as an int). */
long sys_readlinkat(int dirfd, const char *upath, char *ubuf, size_t size)
{
    struct inode *ino;

    if ((int)size <= 0)
        return -EINVAL;
    long err = user_namei_at(dirfd, upath, 0, &ino);
    if (err < 0)
        return err;
    char *text = kmalloc(PATH_MAX);
    if (!S_ISLNK(ino->mode))
        err = -EINVAL;
    else if (!text)
        err = -ENOMEM;
    else if ((err = read_link(ino, text, size < PATH_MAX ? size : PATH_MAX)) > 0 &&
             copy_to_user(ubuf, text, err) < 0)
        err = -EFAULT;
    kfree(text);
    inode_put(ino);
    return err;
}

/* A link's target into buf, at most size bytes, without a '\0'; returns
 * its length.  A /proc link (self, fd/N, exe) keeps no target: it is made
 * now, for whoever asks (fs/proc/). */
long read_link(struct inode *link, char *buf, size_t size)
{
    if (link->proc)
        return proc_read_link(link, buf, size);
    return inode_read(link, buf, 0, size < link->size ? size : link->size);
}

long sys_readlink(const char *upath, char *ubuf, size_t size)
{
    return sys_readlinkat(AT_FDCWD, upath, ubuf, size);
}
