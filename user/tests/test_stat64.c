/* The stat family in the layouts glibc and busybox use: stat64, lstat64,
 * fstat64, fstatat64 (struct stat64, 96 bytes) and statx (struct statx,
 * 256 bytes), and the old getdents (struct linux_dirent).  Each layout is
 * written out here again from Linux's headers -- not taken from Minnow's
 * -- and every field is compared with what the old stat() says of the
 * same file; the bytes after the structure must stay untouched. */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>
#include "syscall_raw.h"

#define D "/tmp/st64"
#define BAD_PTR 0xC0000000L

/* arch/x86/include/uapi/asm/stat.h, i386 */
struct linux_stat64 {
    unsigned long long st_dev;
    unsigned char __pad0[4];
    unsigned long __st_ino;
    unsigned int st_mode;
    unsigned int st_nlink;
    unsigned long st_uid;
    unsigned long st_gid;
    unsigned long long st_rdev;
    unsigned char __pad3[4];
    long long st_size;
    unsigned long st_blksize;
    unsigned long long st_blocks;
    unsigned long st_atime;
    unsigned long st_atime_nsec;
    unsigned long st_mtime;
    unsigned int st_mtime_nsec;
    unsigned long st_ctime;
    unsigned long st_ctime_nsec;
    unsigned long long st_ino;
};

_Static_assert(sizeof(struct linux_stat64) == 96, "struct stat64 is 96 bytes on i386");
_Static_assert(offsetof(struct linux_stat64, st_size) == 44, "st_size at 44");
_Static_assert(offsetof(struct linux_stat64, st_blocks) == 56, "st_blocks at 56");
_Static_assert(offsetof(struct linux_stat64, st_ino) == 88, "st_ino at 88");
_Static_assert(sizeof(struct stat64) == 96, "Minnow's struct stat64 too");

/* Field offsets of struct statx (include/uapi/linux/stat.h). */
enum {
    STX_MASK = 0x00, STX_BLKSIZE = 0x04, STX_NLINK = 0x10, STX_UID = 0x14, STX_GID = 0x18,
    STX_MODE = 0x1c, STX_INO = 0x20, STX_SIZE = 0x28, STX_BLOCKS = 0x30, STX_ATIME = 0x40,
    STX_BTIME = 0x50, STX_CTIME = 0x60, STX_MTIME = 0x70, STX_RDEV_MAJOR = 0x80,
    STX_RDEV_MINOR = 0x84, STX_DEV_MAJOR = 0x88, STX_DEV_MINOR = 0x8c, STATX_BYTES = 0x100,
};

static unsigned char buf[512];          /* the structure, then bytes that must stay 0xAA */

static void fill(void)
{
    memset(buf, 0xAA, sizeof(buf));
}

static int tail_untouched(size_t size)
{
    for (size_t i = size; i < sizeof(buf); i++)
        if (buf[i] != 0xAA)
            return 0;
    return 1;
}

static unsigned int u32(size_t off) { unsigned int v; memcpy(&v, buf + off, 4); return v; }
static unsigned long long u64(size_t off) { unsigned long long v; memcpy(&v, buf + off, 8); return v; }
static unsigned short u16(size_t off) { unsigned short v; memcpy(&v, buf + off, 2); return v; }

/* Compares buf, filled by one of the stat64 calls, with st (the old stat). */
static void check_stat64(const char *name, const struct stat *st)
{
    struct linux_stat64 s;
    char what[64];

    memcpy(&s, buf, sizeof(s));
    snprintf(what, sizeof(what), "%s_fields", name);
    check(s.st_dev == st->st_dev && s.__st_ino == st->st_ino && s.st_ino == st->st_ino &&
          s.st_mode == st->st_mode && s.st_nlink == st->st_nlink && s.st_uid == 0 && s.st_gid == 0 &&
          s.st_rdev == st->st_rdev && s.st_size == (long long)st->st_size &&
          s.st_blksize == st->st_blksize && s.st_blocks == st->st_blocks &&
          s.st_atime == st->st_atime && s.st_mtime == st->st_mtime && s.st_ctime == st->st_ctime,
          what, "ino %llu/%lu mode %o/%o size %lld/%lu nlink %u/%u", s.st_ino, st->st_ino, s.st_mode,
          st->st_mode, s.st_size, st->st_size, s.st_nlink, st->st_nlink);
    snprintf(what, sizeof(what), "%s_by_offset", name);
    check(u32(12) == st->st_ino && u32(16) == st->st_mode && u64(44) == st->st_size &&
          u64(88) == st->st_ino, what, "ino %u mode %o size %llu", u32(12), u32(16), u64(44));
    snprintf(what, sizeof(what), "%s_96_bytes", name);
    check(tail_untouched(96) && s.__pad0[0] == 0 && s.__pad3[0] == 0, what, "wrote past 96 bytes");
}

static void stat64_calls(void)
{
    struct stat st;
    int fd = open(D "/f", O_CREAT | O_TRUNC | O_RDWR, 0640);

    write(fd, "0123456789", 10);
    link(D "/f", D "/f2");                     /* nlink 2 */
    stat(D "/f", &st);

    fill();
    check(__syscall2(__NR_stat64, (long)D "/f", (long)buf) == 0, "stat64_ok", "failed");
    check_stat64("stat64", &st);
    fill();
    check(__syscall2(__NR_fstat64, fd, (long)buf) == 0, "fstat64_ok", "failed");
    check_stat64("fstat64", &st);
    fill();
    check(__syscall4(__NR_fstatat64, AT_FDCWD, (long)D "/f", (long)buf, 0) == 0, "fstatat64_ok",
          "failed");
    check_stat64("fstatat64", &st);
    int dfd = open(D, O_RDONLY | O_DIRECTORY);
    fill();
    check(__syscall4(__NR_fstatat64, dfd, (long)"f", (long)buf, 0) == 0 && u64(88) == st.st_ino,
          "fstatat64_dirfd", "ino %llu", u64(88));
    fill();
    check(__syscall4(__NR_fstatat64, fd, (long)"", (long)buf, AT_EMPTY_PATH) == 0, "fstatat64_empty_path",
          "failed");
    check_stat64("fstatat64_empty", &st);

    symlink("f", D "/l");
    struct stat lst;
    lstat(D "/l", &lst);
    fill();
    check(__syscall2(__NR_lstat64, (long)D "/l", (long)buf) == 0, "lstat64_ok", "failed");
    check_stat64("lstat64", &lst);
    check(S_ISLNK(u32(16)) && u64(44) == 1, "lstat64_is_link", "mode %o", u32(16));
    fill();
    check(__syscall4(__NR_fstatat64, AT_FDCWD, (long)D "/l", (long)buf, AT_SYMLINK_NOFOLLOW) == 0 &&
          S_ISLNK(u32(16)), "fstatat64_nofollow", "mode %o", u32(16));
    fill();
    check(__syscall2(__NR_stat64, (long)D "/l", (long)buf) == 0 && u64(88) == st.st_ino,
          "stat64_follows", "ino %llu", u64(88));

    /* a pipe has an inode of its own, a fifo */
    int p[2];
    pipe(p);
    fill();
    check(__syscall2(__NR_fstat64, p[0], (long)buf) == 0 && S_ISFIFO(u32(16)), "fstat64_pipe",
          "mode %o", u32(16));
    close(p[0]);
    close(p[1]);

    check(__syscall4(__NR_fstatat64, dfd, (long)"f", (long)buf, 0x8000) == -EINVAL,
          "fstatat64_bad_flags_einval", "no");
    check(__syscall4(__NR_fstatat64, 20, (long)"f", (long)buf, 0) == -EBADF, "fstatat64_ebadf", "no");
    check(__syscall4(__NR_fstatat64, fd, (long)"x", (long)buf, 0) == -ENOTDIR, "fstatat64_enotdir", "no");
    check(__syscall4(__NR_fstatat64, 20, (long)D "/f", (long)buf, 0) == 0,
          "fstatat64_absolute_ignores_dirfd", "no");
    check(__syscall4(__NR_fstatat64, fd, (long)"", (long)buf, 0) == -ENOENT,
          "fstatat64_empty_without_flag_enoent", "no");
    check(__syscall2(__NR_stat64, (long)D "/f", BAD_PTR) == -EFAULT, "stat64_buf_efault", "no");
    check(__syscall2(__NR_stat64, BAD_PTR, (long)buf) == -EFAULT, "stat64_path_efault", "no");
    check(__syscall2(__NR_fstat64, 20, (long)buf) == -EBADF, "fstat64_ebadf", "no");
    check(__syscall2(__NR_lstat64, (long)D "/nope", (long)buf) == -ENOENT, "lstat64_enoent", "no");

    /* the C library's fstatat (on fstatat64) gives the old struct stat */
    struct stat via;
    check(fstatat(dfd, "f", &via, 0) == 0 && via.st_ino == st.st_ino && via.st_size == 10 &&
          via.st_mode == st.st_mode && via.st_nlink == 2 && via.st_mtime == st.st_mtime,
          "libc_fstatat", "ino %lu size %lu", via.st_ino, via.st_size);
    close(dfd);
    close(fd);
    unlink(D "/l");
    unlink(D "/f2");
    unlink(D "/f");
}

static void statx_calls(void)
{
    struct stat st;
    int fd = open(D "/f", O_CREAT | O_TRUNC | O_RDWR, 0604);

    write(fd, "abcdefgh", 8);
    stat(D "/f", &st);
    fill();
    check(statx(AT_FDCWD, D "/f", 0, STATX_BASIC_STATS, (struct statx *)buf) == 0, "statx_ok",
          "errno %d", errno);
    check((u32(STX_MASK) & STATX_BASIC_STATS) == STATX_BASIC_STATS && u32(STX_BLKSIZE) == st.st_blksize &&
          u32(STX_NLINK) == st.st_nlink && u32(STX_UID) == 0 && u32(STX_GID) == 0 &&
          u16(STX_MODE) == st.st_mode && u64(STX_INO) == st.st_ino && u64(STX_SIZE) == 8 &&
          u64(STX_BLOCKS) == st.st_blocks, "statx_fields", "mask %#x mode %o ino %llu size %llu",
          u32(STX_MASK), u16(STX_MODE), u64(STX_INO), u64(STX_SIZE));
    check(u64(STX_ATIME) == st.st_atime && u64(STX_MTIME) == st.st_mtime && u64(STX_CTIME) == st.st_ctime &&
          u32(STX_MTIME + 8) == 0 && u64(STX_BTIME) == 0, "statx_times", "mtime %llu/%lu",
          u64(STX_MTIME), st.st_mtime);
    check(u32(STX_DEV_MAJOR) == (st.st_dev >> 8) && u32(STX_DEV_MINOR) == (st.st_dev & 0xff),
          "statx_dev", "%u:%u for %#lx", u32(STX_DEV_MAJOR), u32(STX_DEV_MINOR), st.st_dev);
    check(tail_untouched(STATX_BYTES), "statx_256_bytes", "wrote past 256 bytes");

    fill();
    check(statx(AT_FDCWD, "/dev/null", 0, STATX_BASIC_STATS, (struct statx *)buf) == 0 &&
          u32(STX_RDEV_MAJOR) == 1 && u32(STX_RDEV_MINOR) == 3 && S_ISCHR(u16(STX_MODE)),
          "statx_rdev", "%u:%u", u32(STX_RDEV_MAJOR), u32(STX_RDEV_MINOR));
    /* glibc's fstat: statx(fd, "", AT_EMPTY_PATH), on any kind of file */
    int p[2];
    pipe(p);
    fill();
    check(statx(p[1], "", AT_EMPTY_PATH | AT_NO_AUTOMOUNT, STATX_BASIC_STATS, (struct statx *)buf) == 0 &&
          S_ISFIFO(u16(STX_MODE)), "statx_empty_path_pipe", "errno %d mode %o", errno, u16(STX_MODE));
    close(p[0]);
    close(p[1]);
    symlink("f", D "/l");
    fill();
    check(statx(AT_FDCWD, D "/l", AT_SYMLINK_NOFOLLOW, STATX_TYPE, (struct statx *)buf) == 0 &&
          S_ISLNK(u16(STX_MODE)) && u64(STX_SIZE) == 1, "statx_nofollow", "mode %o", u16(STX_MODE));
    fill();
    check(statx(AT_FDCWD, D "/l", AT_STATX_DONT_SYNC, STATX_INO, (struct statx *)buf) == 0 &&
          u64(STX_INO) == st.st_ino, "statx_follows", "ino %llu", u64(STX_INO));
    check(statx(AT_FDCWD, D "/f", 0x10000, STATX_BASIC_STATS, (struct statx *)buf) == -1 &&
          errno == EINVAL, "statx_bad_flags_einval", "errno %d", errno);
    check(statx(AT_FDCWD, D "/f", AT_STATX_SYNC_TYPE, STATX_BASIC_STATS, (struct statx *)buf) == -1 &&
          errno == EINVAL, "statx_both_syncs_einval", "errno %d", errno);
    check(statx(AT_FDCWD, D "/f", 0, 0x80000000u, (struct statx *)buf) == -1 && errno == EINVAL,
          "statx_reserved_mask_einval", "errno %d", errno);
    check(statx(AT_FDCWD, D "/f", 0, STATX_BASIC_STATS, (struct statx *)BAD_PTR) == -1 && errno == EFAULT,
          "statx_efault", "errno %d", errno);
    check(statx(20, "f", 0, STATX_BASIC_STATS, (struct statx *)buf) == -1 && errno == EBADF,
          "statx_ebadf", "errno %d", errno);
    check(statx(fd, "f", 0, STATX_BASIC_STATS, (struct statx *)buf) == -1 && errno == ENOTDIR,
          "statx_enotdir", "errno %d", errno);
    close(fd);
    unlink(D "/l");
    unlink(D "/f");
}

/* The old getdents: d_ino, d_off (longs), d_reclen, the name, a '\0',
 * padding, and the type in the record's last byte. */
static void old_getdents(void)
{
    struct stat st;
    int seen_file = 0, seen_dot = 0, odd = 0;

    close(open(D "/entry", O_CREAT | O_WRONLY, 0644));
    mkdir(D "/sub", 0755);
    stat(D "/entry", &st);
    int fd = open(D, O_RDONLY | O_DIRECTORY);
    long n = __syscall3(__NR_getdents, fd, (long)buf, sizeof(buf));
    check(n > 0, "getdents_reads", "returned %ld", n);
    for (long off = 0; off < n;) {
        unsigned short reclen = u16(off + 8);
        const char *name = (const char *)buf + off + 10;
        unsigned char type = buf[off + reclen - 1];
        if (reclen % 4 || reclen < 12 || off + reclen > n) {
            odd = 1;
            break;
        }
        if (strcmp(name, "entry") == 0)
            seen_file = u32(off) == st.st_ino && type == DT_REG;
        if (strcmp(name, ".") == 0)
            seen_dot = type == DT_DIR;
        if (strcmp(name, "sub") == 0)
            odd |= type != DT_DIR;
        off += reclen;
    }
    check(!odd && seen_file && seen_dot, "getdents_old_layout", "odd %d file %d dot %d", odd, seen_file,
          seen_dot);
    check(__syscall3(__NR_getdents, fd, (long)buf, sizeof(buf)) == 0, "getdents_end", "not at the end");
    lseek(fd, 0, SEEK_SET);
    check(__syscall3(__NR_getdents, fd, (long)buf, 8) == -EINVAL, "getdents_small_buffer_einval", "no");
    check(__syscall3(__NR_getdents, fd, BAD_PTR, sizeof(buf)) == -EFAULT, "getdents_efault", "no");
    close(fd);
    fd = open(D "/entry", O_RDONLY);
    check(__syscall3(__NR_getdents, fd, (long)buf, sizeof(buf)) == -ENOTDIR, "getdents_enotdir", "no");
    close(fd);
    check(__syscall3(__NR_getdents, 20, (long)buf, sizeof(buf)) == -EBADF, "getdents_ebadf", "no");
    unlink(D "/entry");
    rmdir(D "/sub");
}

int main(void)
{
    mkdir(D, 0755);
    check_group(stat64_calls, "stat64");
    check_group(statx_calls, "statx");
    check_group(old_getdents, "getdents");
    check(rmdir(D) == 0, "stat64_dir_empty_at_end", "errno %d", errno);
    return test_exit_code();
}
