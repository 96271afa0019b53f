/* struct stat as Linux i386's stat/fstat/lstat (numbers 106..108) fill
 * it, struct stat64 (stat64, fstatat64...) and struct statx, and the file
 * type bits of st_mode. */
#ifndef _MINNOW_STAT_H
#define _MINNOW_STAT_H

#include <minnow/types.h>

struct stat {
    unsigned long  st_dev;
    unsigned long  st_ino;
    unsigned short st_mode;
    unsigned short st_nlink;
    unsigned short st_uid;
    unsigned short st_gid;
    unsigned long  st_rdev;
    unsigned long  st_size;
    unsigned long  st_blksize;
    unsigned long  st_blocks;
    unsigned long  st_atime;
    unsigned long  st_atime_nsec;
    unsigned long  st_mtime;
    unsigned long  st_mtime_nsec;
    unsigned long  st_ctime;
    unsigned long  st_ctime_nsec;
    unsigned long  __unused4;
    unsigned long  __unused5;
};

/* Linux i386's struct stat64 (96 bytes), field by field as in its
 * asm/stat.h.  On i386 a long long inside a struct is aligned to 4 bytes
 * only, so st_size follows __pad3 directly. */
struct stat64 {
    unsigned long long st_dev;       /*  0 */
    unsigned char __pad0[4];         /*  8 */
    unsigned long __st_ino;          /* 12: the inode number, cut to 32 bits */
    unsigned int st_mode;            /* 16 */
    unsigned int st_nlink;           /* 20 */
    unsigned long st_uid;            /* 24 */
    unsigned long st_gid;            /* 28 */
    unsigned long long st_rdev;      /* 32 */
    unsigned char __pad3[4];         /* 40 */
    long long st_size;               /* 44 */
    unsigned long st_blksize;        /* 52 */
    unsigned long long st_blocks;    /* 56: 512-byte blocks */
    unsigned long st_atime;          /* 64 */
    unsigned long st_atime_nsec;
    unsigned long st_mtime;          /* 72 */
    unsigned long st_mtime_nsec;
    unsigned long st_ctime;          /* 80 */
    unsigned long st_ctime_nsec;
    unsigned long long st_ino;       /* 88: the whole inode number */
};

/* The old struct stat from a struct stat64: every value Minnow has fits.
 * The kernel's stat/lstat/fstat and the C library's fstatat (on
 * fstatat64) both make theirs this way. */
static inline struct stat stat_from_stat64(const struct stat64 *s)
{
    return (struct stat){
        .st_dev = s->st_dev, .st_ino = s->st_ino, .st_mode = s->st_mode,
        .st_nlink = s->st_nlink, .st_uid = s->st_uid, .st_gid = s->st_gid,
        .st_rdev = s->st_rdev, .st_size = s->st_size, .st_blksize = s->st_blksize,
        .st_blocks = s->st_blocks, .st_atime = s->st_atime, .st_mtime = s->st_mtime,
        .st_ctime = s->st_ctime,
    };
}

/* statx (Linux's include/uapi/linux/stat.h): 256 bytes. */
struct statx_timestamp {
    long long tv_sec;
    unsigned int tv_nsec;
    int __reserved;
};

struct statx {
    unsigned int stx_mask;           /* 0x00: which fields below are filled in */
    unsigned int stx_blksize;
    unsigned long long stx_attributes;
    unsigned int stx_nlink;          /* 0x10 */
    unsigned int stx_uid;
    unsigned int stx_gid;
    unsigned short stx_mode;
    unsigned short __spare0[1];
    unsigned long long stx_ino;      /* 0x20 */
    unsigned long long stx_size;
    unsigned long long stx_blocks;
    unsigned long long stx_attributes_mask;
    struct statx_timestamp stx_atime;    /* 0x40 */
    struct statx_timestamp stx_btime;
    struct statx_timestamp stx_ctime;
    struct statx_timestamp stx_mtime;
    unsigned int stx_rdev_major;     /* 0x80 */
    unsigned int stx_rdev_minor;
    unsigned int stx_dev_major;
    unsigned int stx_dev_minor;
    unsigned long long stx_mnt_id;   /* 0x90 */
    unsigned int stx_dio_mem_align;
    unsigned int stx_dio_offset_align;
    unsigned long long __spare3[12]; /* 0xa0 */
};

/* stx_mask bits: what a program asks for and what statx filled in */
#define STATX_TYPE        0x0001
#define STATX_MODE        0x0002
#define STATX_NLINK       0x0004
#define STATX_UID         0x0008
#define STATX_GID         0x0010
#define STATX_ATIME       0x0020
#define STATX_MTIME       0x0040
#define STATX_CTIME       0x0080
#define STATX_INO         0x0100
#define STATX_SIZE        0x0200
#define STATX_BLOCKS      0x0400
#define STATX_BASIC_STATS 0x07ff
#define STATX__RESERVED   0x80000000u   /* asking for it: EINVAL */

/* utimensat: a tv_nsec that means "now" or "leave it" */
#define UTIME_NOW  ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)

#define S_IFMT   0170000
#define S_IFSOCK 0140000
#define S_IFLNK  0120000
#define S_IFREG  0100000
#define S_IFBLK  0060000
#define S_IFDIR  0040000
#define S_IFCHR  0020000
#define S_IFIFO  0010000

#define S_ISREG(m)  (((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)  (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)  (((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)  (((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)
#define S_ISLNK(m)  (((m) & S_IFMT) == S_IFLNK)

#define S_ISUID 04000           /* set-user-ID on execution */
#define S_ISGID 02000           /* set-group-ID on execution */
#define S_ISVTX 01000           /* sticky: only owners remove entries of a directory */
#define S_IRWXU 0700
#define S_IRUSR 0400
#define S_IWUSR 0200
#define S_IXUSR 0100
#define S_IRWXG 070
#define S_IRGRP 040
#define S_IWGRP 020
#define S_IXGRP 010
#define S_IRWXO 07
#define S_IROTH 04
#define S_IWOTH 02
#define S_IXOTH 01

/* getdents64 records (Linux's struct linux_dirent64). */
struct linux_dirent64 {
    uint64_t d_ino;
    int64_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

/* getdents records (Linux's old struct linux_dirent): the type is the
 * record's last byte, after the name's NUL. */
struct linux_dirent {
    unsigned long d_ino;
    unsigned long d_off;
    unsigned short d_reclen;
    char d_name[];
};

#define DT_UNKNOWN 0
#define DT_FIFO    1
#define DT_CHR     2
#define DT_DIR     4
#define DT_BLK     6
#define DT_REG     8
#define DT_LNK    10
#define DT_SOCK   12

#endif
