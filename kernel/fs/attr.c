/* The calls that change a file's attributes -- permissions (chmod), owner
 * (chown), times (utime, utimensat), size (truncate) -- or check them
 * (access), each on a path, on a path from a directory fd (the *at
 * versions), or on an open fd (the f... versions); and umask. */
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include <minnow/time.h>
#include "syscall_protos.h"
#include "fs/file.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "mm/uaccess.h"
#include "drv/rtc.h"
#include "syscall.h"

/* ---------------------------------------------------------------- access */

static long access_op(struct inode *ino, long mode)
{
    return mode ? inode_permission(ino, mode & 7) : 0;
}

/* faccessat2(dirfd, path, mode, flags): F_OK (0) exists; R_OK 4, W_OK 2,
 * X_OK 1 allowed.  AT_EACCESS changes nothing: every id is 0. */
long sys_faccessat2(int dirfd, const char *upath, int mode, int flags)
{
    if (mode & ~7)
        return -EINVAL;
    if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    return with_inode(dirfd, upath, at_lookup_flags(flags), access_op, mode);
}

long sys_faccessat(int dirfd, const char *upath, int mode)
{
    return sys_faccessat2(dirfd, upath, mode, 0);
}

long sys_access(const char *upath, int mode)
{
    return sys_faccessat2(AT_FDCWD, upath, mode, 0);
}

/* ---------------------------------------------------------------- chmod */

static long chmod_op(struct inode *ino, long mode)
{
    if (ino->proc)
        return -EPERM;               /* /proc's modes say what can be read */
    if (is_read_only(ino))
        return -EROFS;
    ino->mode = (ino->mode & S_IFMT) | (mode & 07777);
    ino->ctime = current_time();
    inode_changed(ino);              /* a disk's inode is written back */
    return 0;
}

long sys_fchmodat(int dirfd, const char *upath, mode_t mode)
{
    return with_inode(dirfd, upath, LOOKUP_FOLLOW, chmod_op, mode);
}

long sys_chmod(const char *upath, mode_t mode)
{
    return sys_fchmodat(AT_FDCWD, upath, mode);
}

long sys_fchmod(int fd, mode_t mode)
{
    return with_fd_inode(fd, chmod_op, mode);
}

/* ---------------------------------------------------------------- chown */

/* Minnow has one user, root (uid 0, gid 0), and its inodes keep no owner.
 * So chown may set the owner to 0 or leave it (-1), which changes only
 * ctime; any other id is EINVAL, which is what Linux answers for an id
 * its user namespace cannot map -- Minnow's maps 0 alone. */
static int ids_valid(uid_t owner, gid_t group)
{
    return (owner == 0 || owner == (uid_t)-1) && (group == 0 || group == (gid_t)-1);
}

static long chown_op(struct inode *ino, long valid)
{
    if (!valid)
        return -EINVAL;
    ino->ctime = current_time();
    return 0;
}

long sys_fchownat(int dirfd, const char *upath, uid_t owner, gid_t group, int flags)
{
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    return with_inode(dirfd, upath, at_lookup_flags(flags), chown_op, ids_valid(owner, group));
}

long sys_chown32(const char *upath, uid_t owner, gid_t group)
{
    return sys_fchownat(AT_FDCWD, upath, owner, group, 0);
}

/* lchown: a link as the last part is changed itself. */
long sys_lchown32(const char *upath, uid_t owner, gid_t group)
{
    return sys_fchownat(AT_FDCWD, upath, owner, group, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown32(int fd, uid_t owner, gid_t group)
{
    return with_fd_inode(fd, chown_op, ids_valid(owner, group));
}

/* The first chown calls (numbers 16, 95, 182) took 16-bit ids, in which
 * 0xffff is -1. */
static uid_t id16(unsigned int id)
{
    id &= 0xffff;
    return id == 0xffff ? (uid_t)-1 : id;
}

long sys_chown(const char *upath, unsigned int owner, unsigned int group)
{
    return sys_chown32(upath, id16(owner), id16(group));
}

long sys_lchown(const char *upath, unsigned int owner, unsigned int group)
{
    return sys_lchown32(upath, id16(owner), id16(group));
}

long sys_fchown(int fd, unsigned int owner, unsigned int group)
{
    return sys_fchown32(fd, id16(owner), id16(group));
}

/* ---------------------------------------------------------------- umask */

long sys_umask(mode_t mask)
{
    mode_t old = current->umask;

    current->umask = mask & 0777;
    return old;
}

/* ---------------------------------------------------------------- times */

/* t[0] is the access time, t[1] the modification time; a tv_nsec of
 * UTIME_NOW means now, UTIME_OMIT leaves that time as it is.  Minnow
 * keeps whole seconds: other nanoseconds are dropped. */
static long utimes_op(struct inode *ino, long arg)
{
    const struct timespec *t = (const struct timespec *)arg;
    time_t now = current_time();

    if (is_read_only(ino))
        return -EROFS;
    if (t[0].tv_nsec != UTIME_OMIT)
        ino->atime = t[0].tv_nsec == UTIME_NOW ? now : t[0].tv_sec;
    if (t[1].tv_nsec != UTIME_OMIT)
        ino->mtime = t[1].tv_nsec == UTIME_NOW ? now : t[1].tv_sec;
    ino->ctime = now;
    inode_changed(ino);
    return 0;
}

static int nsec_valid(long nsec)
{
    return (nsec >= 0 && nsec <= 999999999) || nsec == UTIME_NOW || nsec == UTIME_OMIT;
}

/* utimensat(dirfd, path, times, flags): times NULL sets both to now.  A
 * NULL path with a dirfd is futimens(dirfd, times).  With both times
 * UTIME_OMIT there is nothing to do, and Linux does not even look for the
 * file (its man page says so); nor does Minnow. */
long sys_utimensat(int dirfd, const char *upath, const struct timespec *utimes, int flags)
{
    struct timespec t[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };

    if (utimes && copy_from_user(t, utimes, sizeof(t)) < 0)
        return -EFAULT;
    if (!nsec_valid(t[0].tv_nsec) || !nsec_valid(t[1].tv_nsec))
        return -EINVAL;
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    if (t[0].tv_nsec == UTIME_OMIT && t[1].tv_nsec == UTIME_OMIT)
        return 0;
    if (!upath && dirfd != AT_FDCWD)
        return flags ? -EINVAL : with_fd_inode(dirfd, utimes_op, (long)t);
    return with_inode(dirfd, upath, at_lookup_flags(flags), utimes_op, (long)t);
}

/* utime(path, times): set a file's access and modification times, in
 * seconds; NULL for now (touch). */
long sys_utime(const char *upath, const struct utimbuf *utimes)
{
    struct timespec t[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
    struct utimbuf b;

    if (utimes) {
        if (copy_from_user(&b, utimes, sizeof(b)) < 0)
            return -EFAULT;
        t[0] = (struct timespec){ b.actime, 0 };
        t[1] = (struct timespec){ b.modtime, 0 };
    }
    return with_inode(AT_FDCWD, upath, LOOKUP_FOLLOW, utimes_op, (long)t);
}

/* ---------------------------------------------------------------- truncate */

/* A length as the file system takes it: past the largest file, every
 * length is as much too big as one byte more (EFBIG). */
static uint32_t file_length(long long length)
{
    return length > MAX_FILE_SIZE ? MAX_FILE_SIZE + 1 : (uint32_t)length;
}

static long truncate_op(struct inode *ino, long length)
{
    if (S_ISDIR(ino->mode))
        return -EISDIR;
    if (!S_ISREG(ino->mode))
        return -EINVAL;
    if (inode_permission(ino, 2) < 0)
        return -EACCES;
    return inode_truncate(ino, (uint32_t)length);
}

static long do_truncate(const char *upath, long long length)
{
    if (length < 0)
        return -EINVAL;
    return with_inode(AT_FDCWD, upath, LOOKUP_FOLLOW, truncate_op, file_length(length));
}

static long do_ftruncate(int fd, long long length)
{
    struct file *f = fget(fd);

    if (!f)
        return -EBADF;
    if (length < 0 || !S_ISREG(f->inode->mode))
        return -EINVAL;
    if (!file_writable(f))
        return -EBADF;
    return inode_truncate(f->inode, file_length(length));
}

long sys_truncate(const char *upath, off_t length)
{
    return do_truncate(upath, length);
}

long sys_ftruncate(int fd, off_t length)
{
    return do_ftruncate(fd, length);
}

/* The 64-bit lengths come in two registers, the low half first. */
long sys_truncate64(const char *upath, unsigned long low, unsigned long high)
{
    return do_truncate(upath, arg64(low, high));
}

long sys_ftruncate64(int fd, unsigned long low, unsigned long high)
{
    return do_ftruncate(fd, arg64(low, high));
}
