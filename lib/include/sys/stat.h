/* File status: struct stat and the S_IF... / S_I... bits (shared with the
 * kernel in <minnow/stat.h>), and the calls that use them. */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/types.h>
#include <minnow/stat.h>
#include <minnow/time.h>           /* struct timespec */
#include <minnow/fcntl.h>          /* AT_FDCWD, AT_ flags */

int stat(const char *path, struct stat *st);
int lstat(const char *path, struct stat *st);      /* a symbolic link itself */
int fstat(int fd, struct stat *st);
/* flags: AT_SYMLINK_NOFOLLOW (as lstat), AT_EMPTY_PATH ("" is dirfd itself) */
int fstatat(int dirfd, const char *path, struct stat *st, int flags);
int statx(int dirfd, const char *path, int flags, unsigned int mask, struct statx *buf);
int chmod(const char *path, mode_t mode);
int fchmod(int fd, mode_t mode);
int fchmodat(int dirfd, const char *path, mode_t mode, int flags);
int mkdir(const char *path, mode_t mode);
int mkdirat(int dirfd, const char *path, mode_t mode);
int mknod(const char *path, mode_t mode, dev_t dev);
int mknodat(int dirfd, const char *path, mode_t mode, dev_t dev);
int mkfifo(const char *path, mode_t mode);          /* a named pipe */
int mkfifoat(int dirfd, const char *path, mode_t mode);
/* times[0] access, times[1] modification; tv_nsec UTIME_NOW or UTIME_OMIT
 * for now or unchanged; times NULL: both now */
int utimensat(int dirfd, const char *path, const struct timespec *times, int flags);
int futimens(int fd, const struct timespec times[2]);
mode_t umask(mode_t mask);

#endif
