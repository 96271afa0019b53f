/* What the file system says about a file: stat, and the calls that change
 * its attributes (chmod, umask, truncate) or just check them (access). */
#include <string.h>
#include <minnow/errno.h>
#include "fs/file.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "mm/uaccess.h"
#include "drv/rtc.h"
#include <minnow/time.h>

static int fill_stat(struct inode *ino, struct stat *ust)
{
    struct stat st;

    memset(&st, 0, sizeof(st));
    st.st_dev = 1;
    st.st_ino = ino->ino;
    st.st_mode = ino->mode;
    st.st_nlink = ino->nlink;
    st.st_rdev = ino->rdev;
    st.st_size = ino->size;
    st.st_blksize = 4096;
    st.st_blocks = (ino->size + 511) / 512;
    st.st_atime = ino->atime;
    st.st_mtime = ino->mtime;
    st.st_ctime = ino->ctime;
    return copy_to_user(ust, &st, sizeof(st));
}

/* Runs op on the inode a user path names. */
static long with_inode(const char *upath, long (*op)(struct inode *ino, long arg), long arg)
{
    struct inode *ino;
    long err = user_namei(upath, &ino);

    if (err < 0)
        return err;
    err = op(ino, arg);
    inode_put(ino);
    return err;
}

static long stat_op(struct inode *ino, long ust)
{
    return fill_stat(ino, (struct stat *)ust);
}

long sys_stat(const char *upath, struct stat *ust)
{
    return with_inode(upath, stat_op, (long)ust);
}

/* Minnow has no symbolic links, so lstat is stat. */
long sys_lstat(const char *upath, struct stat *ust)
{
    return with_inode(upath, stat_op, (long)ust);
}

long sys_fstat(int fd, struct stat *ust)
{
    struct file *f = fget(fd);

    if (!f)
        return -EBADF;
    return fill_stat(f->inode, ust);    /* pipes and sockets have one too */
}

static long access_op(struct inode *ino, long mode)
{
    return mode ? inode_permission(ino, mode & 7) : 0;
}

/* access(path, mode): F_OK (0) exists; R_OK 4, W_OK 2, X_OK 1 allowed. */
long sys_access(const char *upath, int mode)
{
    if (mode & ~7)
        return -EINVAL;
    return with_inode(upath, access_op, mode);
}

static long chmod_op(struct inode *ino, long mode)
{
    if (ino->proc)
        return -EPERM;               /* /proc's modes say what can be read */
    ino->mode = (ino->mode & S_IFMT) | (mode & 07777);
    return 0;
}

long sys_chmod(const char *upath, mode_t mode)
{
    return with_inode(upath, chmod_op, mode);
}

long sys_umask(mode_t mask)
{
    mode_t old = current->umask;

    current->umask = mask & 0777;
    return old;
}

static long utime_op(struct inode *ino, long utimes)
{
    struct utimbuf t;

    if (utimes) {
        if (copy_from_user(&t, (void *)utimes, sizeof(t)) < 0)
            return -EFAULT;
    } else {
        t.actime = t.modtime = current_time();      /* NULL: "now" */
    }
    ino->atime = t.actime;
    ino->mtime = t.modtime;
    ino->ctime = current_time();
    return 0;
}

/* utime(path, times): set a file's access and modification times (touch). */
long sys_utime(const char *upath, const struct utimbuf *times)
{
    return with_inode(upath, utime_op, (long)times);
}

static long truncate_op(struct inode *ino, long length)
{
    if (S_ISDIR(ino->mode))
        return -EISDIR;
    if (!S_ISREG(ino->mode))
        return -EINVAL;
    if (inode_permission(ino, 2) < 0)
        return -EACCES;
    return inode_truncate(ino, length);
}

long sys_truncate(const char *upath, off_t length)
{
    if (length < 0)
        return -EINVAL;
    return with_inode(upath, truncate_op, length);
}

long sys_ftruncate(int fd, off_t length)
{
    struct file *f = fget(fd);

    if (!f)
        return -EBADF;
    if (length < 0 || !f->inode || !S_ISREG(f->inode->mode))
        return -EINVAL;
    if (!file_writable(f))
        return -EBADF;
    return inode_truncate(f->inode, length);
}
