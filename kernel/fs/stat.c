/* stat and its relatives: what the file system says about a file, in the
 * three layouts Linux i386 programs ask for -- struct stat (stat, lstat,
 * fstat), struct stat64 (stat64, lstat64, fstat64, fstatat64) and struct
 * statx (statx, which glibc tries first).  Each is filled from the inode
 * alone.  Minnow keeps times in whole seconds (every nanosecond field is
 * 0) and has one user, root, so uid and gid are 0. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include "syscall_protos.h"
#include "fs/file.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "mm/uaccess.h"

/* st_blocks counts 512 bytes: what a disk's file takes (holes take
 * nothing, indirect blocks something), or in RAM what its size needs */
#define BLOCKS(ino) ((ino)->blocks ? (ino)->blocks : ((ino)->size + 511) / 512)

_Static_assert(sizeof(struct stat64) == 96, "struct stat64 is Linux i386's");
_Static_assert(sizeof(struct statx) == 256, "struct statx is Linux's");

static void fill_stat64(struct inode *ino, struct stat64 *st)
{
    memset(st, 0, sizeof(*st));
    st->st_dev = ino->sb->dev;      /* which file system: df and find -xdev tell them apart */
    st->__st_ino = ino->ino;
    st->st_ino = ino->ino;
    st->st_mode = ino->mode;
    st->st_nlink = ino->nlink;
    st->st_rdev = ino->rdev;
    st->st_size = ino->size;
    st->st_blksize = 4096;
    st->st_blocks = BLOCKS(ino);
    st->st_atime = ino->atime;
    st->st_mtime = ino->mtime;
    st->st_ctime = ino->ctime;
}

static long stat64_op(struct inode *ino, long ust)
{
    struct stat64 st;

    fill_stat64(ino, &st);
    return copy_to_user((void *)ust, &st, sizeof(st));
}

/* The old layout is made from the new one (<minnow/stat.h>). */
static long stat_op(struct inode *ino, long ust)
{
    struct stat64 st64;

    fill_stat64(ino, &st64);
    struct stat st = stat_from_stat64(&st64);
    return copy_to_user((void *)ust, &st, sizeof(st));
}

/* Linux's device numbers: 12 bits of major, 20 of minor, mixed so that
 * the old 8:8 numbers keep their value. */
static unsigned int dev_major(dev_t dev) { return (dev >> 8) & 0xfff; }
static unsigned int dev_minor(dev_t dev) { return (dev & 0xff) | ((dev >> 12) & 0xfff00); }

/* statx fills every basic field whatever the mask asks (Linux may too),
 * and says so in stx_mask; the birth time is not kept. */
static long statx_op(struct inode *ino, long ubuf)
{
    struct statx stx;

    memset(&stx, 0, sizeof(stx));
    stx.stx_mask = STATX_BASIC_STATS;
    stx.stx_blksize = 4096;
    stx.stx_nlink = ino->nlink;
    stx.stx_mode = ino->mode;
    stx.stx_ino = ino->ino;
    stx.stx_size = ino->size;
    stx.stx_blocks = BLOCKS(ino);
    stx.stx_atime.tv_sec = ino->atime;
    stx.stx_ctime.tv_sec = ino->ctime;
    stx.stx_mtime.tv_sec = ino->mtime;
    stx.stx_rdev_major = dev_major(ino->rdev);
    stx.stx_rdev_minor = dev_minor(ino->rdev);
    stx.stx_dev_major = dev_major(ino->sb->dev);
    stx.stx_dev_minor = dev_minor(ino->sb->dev);
    return copy_to_user((void *)ubuf, &stx, sizeof(stx));
}

long sys_stat(const char *upath, struct stat *ust)
{
    return with_inode(AT_FDCWD, upath, LOOKUP_FOLLOW, stat_op, (long)ust);
}

/* lstat: a symbolic link as the last part is described itself. */
long sys_lstat(const char *upath, struct stat *ust)
{
    return with_inode(AT_FDCWD, upath, 0, stat_op, (long)ust);
}

long sys_fstat(int fd, struct stat *ust)
{
    return with_fd_inode(fd, stat_op, (long)ust);    /* pipes and sockets have one too */
}

long sys_stat64(const char *upath, struct stat64 *ust)
{
    return with_inode(AT_FDCWD, upath, LOOKUP_FOLLOW, stat64_op, (long)ust);
}

long sys_lstat64(const char *upath, struct stat64 *ust)
{
    return with_inode(AT_FDCWD, upath, 0, stat64_op, (long)ust);
}

long sys_fstat64(int fd, struct stat64 *ust)
{
    return with_fd_inode(fd, stat64_op, (long)ust);
}

/* fstatat64: AT_SYMLINK_NOFOLLOW makes it lstat; AT_EMPTY_PATH with ""
 * makes it fstat of dirfd (glibc's fstat). */
long sys_fstatat64(int dirfd, const char *upath, struct stat64 *ust, int flags)
{
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
        return -EINVAL;
    return with_inode(dirfd, upath, at_lookup_flags(flags), stat64_op, (long)ust);
}

long sys_statx(int dirfd, const char *upath, int flags, unsigned int mask, struct statx *ubuf)
{
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE))
        return -EINVAL;
    if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
        return -EINVAL;          /* both "force" and "don't" */
    if (mask & STATX__RESERVED)
        return -EINVAL;
    return with_inode(dirfd, upath, at_lookup_flags(flags), statx_op, (long)ubuf);
}
