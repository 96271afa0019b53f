/* open() flags and fcntl() commands: Linux i386 values. */
#ifndef _MINNOW_FCNTL_H
#define _MINNOW_FCNTL_H

#define O_RDONLY      00
#define O_WRONLY      01
#define O_RDWR        02
#define O_ACCMODE     03
#define O_CREAT     0100
#define O_EXCL      0200
#define O_NOCTTY    0400
#define O_TRUNC    01000
#define O_APPEND   02000
#define O_NONBLOCK 04000
#define O_DIRECT   040000
#define O_LARGEFILE 0100000      /* glibc adds it; every Minnow file is "large" */
#define O_DIRECTORY 0200000
#define O_NOFOLLOW 0400000
#define O_CLOEXEC  02000000
#define O_PATH     010000000
#define O_TMPFILE  (020000000 | O_DIRECTORY)

#define F_DUPFD        0
#define F_GETFD        1
#define F_SETFD        2
#define F_GETFL        3
#define F_SETFL        4
#define F_GETLK        5
#define F_SETLK        6
#define F_SETLKW       7
#define F_GETLK64      12        /* fcntl64: the same with struct flock64 */
#define F_SETLK64      13
#define F_SETLKW64     14
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC     1

/* Record locks (F_GETLK, F_SETLK, F_SETLKW) */
#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2

struct flock {
    short l_type;                /* F_RDLCK, F_WRLCK, F_UNLCK */
    short l_whence;              /* SEEK_SET... for l_start */
    long l_start;
    long l_len;                  /* 0: to the end of the file */
    int l_pid;                   /* F_GETLK: who holds the lock */
};

struct flock64 {                 /* i386: the 64-bit fields are only 4-aligned */
    short l_type;
    short l_whence;
    long long l_start;
    long long l_len;
    int l_pid;
};

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

/* The *at calls: a relative path starts at the directory open as dirfd,
 * or at the working directory for AT_FDCWD. */
#define AT_FDCWD            -100
#define AT_SYMLINK_NOFOLLOW 0x100    /* a link as the last part: the link itself */
#define AT_REMOVEDIR        0x200    /* unlinkat: rmdir */
#define AT_EACCESS          0x200    /* faccessat: the effective ids (Minnow's are all 0) */
#define AT_SYMLINK_FOLLOW   0x400    /* linkat: follow a link as the last part */
#define AT_NO_AUTOMOUNT     0x800    /* stat: no automounts (Minnow has none) */
#define AT_EMPTY_PATH       0x1000   /* "" names dirfd's own file */
#define AT_STATX_SYNC_TYPE  0x6000   /* statx: how to sync (nothing to sync here) */
#define AT_STATX_FORCE_SYNC 0x2000
#define AT_STATX_DONT_SYNC  0x4000

/* renameat2 */
#define RENAME_NOREPLACE 1           /* EEXIST if the new name is taken */
#define RENAME_EXCHANGE  2           /* swap the two (not in Minnow: EINVAL) */
#define RENAME_WHITEOUT  4           /* for overlay file systems (not in Minnow: EINVAL) */

#endif
