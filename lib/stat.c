/* The file-attribute calls the C library writes by hand: the POSIX
 * interface differs from the system call's (fstatat, fchmodat and
 * faccessat take flags the kernel's call lacks or reads elsewhere), or is
 * another call in disguise (futimens, mkfifo, chown: the 32-bit id calls). */
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>
#include <minnow/syscall_nr.h>
#include "syscall_raw.h"

/* The kernel's *at stat fills Linux's struct stat64; Minnow's struct stat
 * is the smaller one of stat(), into which every value fits. */
int fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
    struct stat64 st64;
    long r = __syscall4(__NR_fstatat64, dirfd, (long)path, (long)&st64, flags);

    if (r < 0)
        return (int)__syscall_ret(r);
    *st = stat_from_stat64(&st64);
    return 0;
}

/* The system call has no flags.  AT_SYMLINK_NOFOLLOW would change a
 * link's own mode, which Linux links do not have: for a link that is
 * EOPNOTSUPP, for anything else the same as without the flag (glibc). */
int fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
    struct stat st;

    if (flags & ~AT_SYMLINK_NOFOLLOW) {
        errno = EINVAL;
        return -1;
    }
    if (flags && fstatat(dirfd, path, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
        errno = EOPNOTSUPP;
        return -1;
    }
    return (int)__syscall_ret(__syscall3(__NR_fchmodat, dirfd, (long)path, (long)mode));
}

/* faccessat's flags came with the second call, faccessat2. */
int faccessat(int dirfd, const char *path, int mode, int flags)
{
    return (int)__syscall_ret(__syscall4(__NR_faccessat2, dirfd, (long)path, mode, flags));
}

int futimens(int fd, const struct timespec times[2])
{
    return utimensat(fd, NULL, times, 0);
}

int mkfifo(const char *path, mode_t mode)
{
    return mknod(path, S_IFIFO | (mode & 07777), 0);
}

int mkfifoat(int dirfd, const char *path, mode_t mode)
{
    return mknodat(dirfd, path, S_IFIFO | (mode & 07777), 0);
}

/* chown, fchown and lchown are the "32" calls: the first ones took
 * 16-bit ids. */
int chown(const char *path, uid_t owner, gid_t group)
{
    return (int)__syscall_ret(__syscall3(__NR_chown32, (long)path, owner, group));
}

int fchown(int fd, uid_t owner, gid_t group)
{
    return (int)__syscall_ret(__syscall3(__NR_fchown32, fd, owner, group));
}

int lchown(const char *path, uid_t owner, gid_t group)
{
    return (int)__syscall_ret(__syscall3(__NR_lchown32, (long)path, owner, group));
}
