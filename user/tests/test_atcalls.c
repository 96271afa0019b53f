/* The *at calls: a relative path starts at the directory open as dirfd,
 * AT_FDCWD means the working directory, and an absolute path ignores
 * dirfd.  openat, mkdirat, mknodat, unlinkat, renameat, renameat2,
 * linkat, fchownat (and the chown family), fchmodat/fchmod, faccessat,
 * utimensat/futimens and fchdir, each with its errors: EBADF, ENOTDIR,
 * ENOENT, EEXIST, EFAULT, EINVAL.  Every group runs in a child and must
 * give back every page it took. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>
#include "syscall_raw.h"

#define D "/tmp/at"
#define BAD_PTR ((const char *)0xC0000000)     /* kernel memory */

static int dfd;                 /* D, open as a directory */

static mode_t mode_of(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 ? st.st_mode : 0;
}

static long size_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* The errors every *at call shares, for one that takes (dirfd, path). */
static void dirfd_errors(const char *name, int (*call)(int dirfd, const char *path))
{
    char what[64];
    int file = open(D "/plain", O_RDONLY);

    snprintf(what, sizeof(what), "%s_ebadf", name);
    check(call(20, "x") == -1 && errno == EBADF, what, "errno %d", errno);
    snprintf(what, sizeof(what), "%s_ebadf_negative", name);
    check(call(-1, "x") == -1 && errno == EBADF, what, "errno %d", errno);
    snprintf(what, sizeof(what), "%s_enotdir", name);
    check(call(file, "x") == -1 && errno == ENOTDIR, what, "errno %d", errno);
    snprintf(what, sizeof(what), "%s_enoent_empty", name);
    check(call(dfd, "") == -1 && errno == ENOENT, what, "errno %d", errno);
    snprintf(what, sizeof(what), "%s_efault", name);
    check(call(dfd, BAD_PTR) == -1 && errno == EFAULT, what, "errno %d", errno);
    close(file);
}

static int openat_ro(int dirfd, const char *path) { return openat(dirfd, path, O_RDONLY); }
static int mkdirat_0755(int dirfd, const char *path) { return mkdirat(dirfd, path, 0755); }
static int mknodat_reg(int dirfd, const char *path) { return mknodat(dirfd, path, S_IFREG | 0644, 0); }
static int unlinkat_0(int dirfd, const char *path) { return unlinkat(dirfd, path, 0); }
static int renameat_same(int dirfd, const char *path) { return renameat(dirfd, path, dirfd, "y"); }
static int linkat_0(int dirfd, const char *path) { return linkat(dirfd, path, dirfd, "y", 0); }
static int fchownat_0(int dirfd, const char *path) { return fchownat(dirfd, path, 0, 0, 0); }
static int fchmodat_0(int dirfd, const char *path) { return fchmodat(dirfd, path, 0644, 0); }
static int faccessat_0(int dirfd, const char *path) { return faccessat(dirfd, path, F_OK, 0); }
static int utimensat_0(int dirfd, const char *path) { return utimensat(dirfd, path, NULL, 0); }
static int symlinkat_x(int dirfd, const char *path) { return symlinkat("x", dirfd, path); }
static int readlinkat_buf(int dirfd, const char *path)
{
    char buf[16];
    return readlinkat(dirfd, path, buf, sizeof(buf));
}

static void shared_errors(void)
{
    dirfd_errors("openat", openat_ro);
    dirfd_errors("mkdirat", mkdirat_0755);
    dirfd_errors("mknodat", mknodat_reg);
    dirfd_errors("unlinkat", unlinkat_0);
    dirfd_errors("renameat", renameat_same);
    dirfd_errors("linkat", linkat_0);
    dirfd_errors("fchownat", fchownat_0);
    dirfd_errors("fchmodat", fchmodat_0);
    dirfd_errors("faccessat", faccessat_0);
    dirfd_errors("utimensat", utimensat_0);
    dirfd_errors("symlinkat", symlinkat_x);
    dirfd_errors("readlinkat", readlinkat_buf);
}

static void openat_calls(void)
{
    char buf[8] = { 0 };
    int fd = openat(dfd, "f", O_CREAT | O_WRONLY, 0644);

    check(fd >= 0 && write(fd, "abc", 3) == 3, "openat_creates_in_dirfd", "fd %d errno %d", fd, errno);
    close(fd);
    check(size_of(D "/f") == 3, "openat_name_is_in_dirfd", "size %ld", size_of(D "/f"));
    chdir(D);
    fd = openat(AT_FDCWD, "f", O_RDONLY);
    check(fd >= 0 && read(fd, buf, 8) == 3 && memcmp(buf, "abc", 3) == 0, "openat_at_fdcwd",
          "fd %d errno %d", fd, errno);
    close(fd);
    chdir("/");
    fd = openat(20, D "/f", O_RDONLY);           /* 20 is not open: not looked at */
    check(fd >= 0, "openat_absolute_ignores_dirfd", "errno %d", errno);
    close(fd);
    check(openat(dfd, "f", O_CREAT | O_EXCL | O_WRONLY, 0644) == -1 && errno == EEXIST,
          "openat_excl_eexist", "errno %d", errno);
    check(openat(dfd, "nope", O_RDONLY) == -1 && errno == ENOENT, "openat_enoent", "errno %d", errno);
    check(openat(dfd, "f", O_RDONLY | O_DIRECTORY) == -1 && errno == ENOTDIR, "openat_o_directory",
          "errno %d", errno);
    check(openat(dfd, ".", O_TMPFILE | O_RDWR, 0600) == -1 && errno == EOPNOTSUPP,
          "openat_tmpfile_eopnotsupp", "errno %d", errno);
    check(openat(dfd, NULL, O_RDONLY) == -1 && errno == EFAULT, "openat_null_efault", "errno %d", errno);
    check(openat(dfd, "f", 3) == -1 && errno == EINVAL, "openat_bad_access_einval", "errno %d", errno);
    /* a directory fd of a removed directory: nothing can be made in it */
    mkdir(D "/gone", 0755);
    int gone = open(D "/gone", O_RDONLY | O_DIRECTORY);
    rmdir(D "/gone");
    check(openat(gone, "new", O_CREAT | O_WRONLY, 0644) == -1 && errno == ENOENT,
          "openat_removed_dir_enoent", "errno %d", errno);
    close(gone);
    unlink(D "/f");
}

static void mkdirat_mknodat(void)
{
    check(mkdirat(dfd, "d", 0750) == 0 && mode_of(D "/d") == (S_IFDIR | 0750), "mkdirat_makes_dir",
          "mode %o", mode_of(D "/d"));
    check(mkdirat(dfd, "d", 0755) == -1 && errno == EEXIST, "mkdirat_eexist", "errno %d", errno);
    check(mkdirat(dfd, "no/d", 0755) == -1 && errno == ENOENT, "mkdirat_enoent", "errno %d", errno);
    check(mknodat(dfd, "reg", S_IFREG | 0600, 0) == 0 && mode_of(D "/reg") == (S_IFREG | 0600) &&
          size_of(D "/reg") == 0, "mknodat_regular", "mode %o", mode_of(D "/reg"));
    check(mknodat(dfd, "plain0", 0640, 0) == 0 && mode_of(D "/plain0") == (S_IFREG | 0640),
          "mknodat_no_type_is_regular", "mode %o", mode_of(D "/plain0"));
    check(mknodat(dfd, "fifo", S_IFIFO | 0644, 0) == 0 && S_ISFIFO(mode_of(D "/fifo")),
          "mknodat_fifo", "mode %o", mode_of(D "/fifo"));
    check(mknodat(dfd, "reg", S_IFREG | 0600, 0) == -1 && errno == EEXIST, "mknodat_eexist",
          "errno %d", errno);
    check(mknodat(dfd, "dir", S_IFDIR | 0755, 0) == -1 && errno == EPERM, "mknodat_dir_eperm",
          "errno %d", errno);
    check(mknodat(dfd, "lnk", S_IFLNK | 0777, 0) == -1 && errno == EINVAL, "mknodat_link_einval",
          "errno %d", errno);
    check(mknodat(dfd, "odd", 0170000 | 0644, 0) == -1 && errno == EINVAL, "mknodat_bad_type_einval",
          "errno %d", errno);
    /* a device node is the device: (1, 3) is /dev/null */
    char c;
    check(mknodat(dfd, "null", S_IFCHR | 0666, (1 << 8) | 3) == 0, "mknodat_chr", "errno %d", errno);
    int fd = openat(dfd, "null", O_RDWR);
    check(fd >= 0 && write(fd, "xyz", 3) == 3 && read(fd, &c, 1) == 0, "mknodat_chr_is_device",
          "fd %d errno %d", fd, errno);
    close(fd);
    struct stat st;
    check(stat(D "/null", &st) == 0 && st.st_rdev == ((1 << 8) | 3), "mknodat_chr_rdev",
          "rdev %#lx", st.st_rdev);
    check(mknodat(dfd, "blk", S_IFBLK | 0600, (8 << 8) | 0) == 0 && openat(dfd, "blk", O_RDONLY) == -1 &&
          errno == ENXIO, "mknodat_blk_open_enxio", "errno %d", errno);
    check(mknod(D "/old", S_IFREG | 0600, 0) == 0 && S_ISREG(mode_of(D "/old")), "mknod_old_call",
          "errno %d", errno);
    unlink(D "/old");
    unlink(D "/blk");
    unlink(D "/null");
    unlink(D "/fifo");
    unlink(D "/plain0");
    unlink(D "/reg");
    rmdir(D "/d");
}

static void unlinkat_calls(void)
{
    mkdirat(dfd, "d", 0755);
    close(openat(dfd, "f", O_CREAT | O_WRONLY, 0644));
    check(unlinkat(dfd, "d", 0) == -1 && errno == EISDIR, "unlinkat_dir_eisdir", "errno %d", errno);
    check(unlinkat(dfd, "f", AT_REMOVEDIR) == -1 && errno == ENOTDIR, "unlinkat_removedir_file_enotdir",
          "errno %d", errno);
    check(unlinkat(dfd, "f", 0x1234) == -1 && errno == EINVAL, "unlinkat_bad_flags_einval",
          "errno %d", errno);
    check(unlinkat(dfd, "f", 0) == 0 && mode_of(D "/f") == 0, "unlinkat_file", "errno %d", errno);
    close(openat(dfd, "d/in", O_CREAT | O_WRONLY, 0644));
    check(unlinkat(dfd, "d", AT_REMOVEDIR) == -1 && errno == ENOTEMPTY, "unlinkat_removedir_enotempty",
          "errno %d", errno);
    unlinkat(dfd, "d/in", 0);
    check(unlinkat(dfd, "d", AT_REMOVEDIR) == 0 && mode_of(D "/d") == 0, "unlinkat_removedir",
          "errno %d", errno);
    check(unlinkat(dfd, "f", 0) == -1 && errno == ENOENT, "unlinkat_enoent", "errno %d", errno);
    check(unlinkat(dfd, ".", AT_REMOVEDIR) == -1 && errno == EINVAL, "unlinkat_dot_einval",
          "errno %d", errno);
}

static void renameat_calls(void)
{
    char buf[16] = { 0 };

    mkdir(D "/a", 0755);
    mkdir(D "/b", 0755);
    int a = open(D "/a", O_RDONLY | O_DIRECTORY), b = open(D "/b", O_RDONLY | O_DIRECTORY);
    write_file(D "/a/f", "moved");
    check(renameat(a, "f", b, "g") == 0 && mode_of(D "/a/f") == 0 && read_file(D "/b/g", buf, 16) == 5 &&
          strcmp(buf, "moved") == 0, "renameat_between_dirfds", "errno %d, \"%s\"", errno, buf);
    write_file(D "/a/h", "other");
    check(renameat2(a, "h", b, "g", RENAME_NOREPLACE) == -1 && errno == EEXIST &&
          read_file(D "/b/g", buf, 16) == 5 && strcmp(buf, "moved") == 0 && mode_of(D "/a/h") != 0,
          "renameat2_noreplace_eexist", "errno %d, \"%s\"", errno, buf);
    check(renameat2(a, "h", b, "h", RENAME_NOREPLACE) == 0 && mode_of(D "/b/h") != 0,
          "renameat2_noreplace_new_name", "errno %d", errno);
    check(renameat2(b, "h", b, "g", 0) == 0 && read_file(D "/b/g", buf, 16) == 5 &&
          strcmp(buf, "other") == 0, "renameat2_flags_0_replaces", "errno %d, \"%s\"", errno, buf);
    check(renameat2(b, "g", a, "g", RENAME_EXCHANGE) == -1 && errno == EINVAL,
          "renameat2_exchange_einval", "errno %d", errno);
    check(renameat2(b, "g", a, "g", 8) == -1 && errno == EINVAL, "renameat2_bad_flags_einval",
          "errno %d", errno);
    check(renameat(a, "nope", b, "x") == -1 && errno == ENOENT, "renameat_enoent", "errno %d", errno);
    check(renameat(dfd, "a", a, "inside") == -1 && errno == EINVAL, "renameat_into_itself_einval",
          "errno %d", errno);
    check(renameat(b, "g", 20, "x") == -1 && errno == EBADF, "renameat_new_dirfd_ebadf",
          "errno %d", errno);
    unlink(D "/b/g");
    close(a);
    close(b);
    rmdir(D "/a");
    rmdir(D "/b");
}

static void linkat_calls(void)
{
    struct stat st1, st2;

    write_file(D "/f", "x");
    check(linkat(dfd, "f", dfd, "g", 0) == 0 && stat(D "/f", &st1) == 0 && stat(D "/g", &st2) == 0 &&
          st1.st_ino == st2.st_ino && st1.st_nlink == 2, "linkat_second_name", "errno %d nlink %u",
          errno, st1.st_nlink);
    check(linkat(dfd, "f", dfd, "g", 0) == -1 && errno == EEXIST, "linkat_eexist", "errno %d", errno);
    check(linkat(dfd, "f", dfd, "h", 0x4000) == -1 && errno == EINVAL, "linkat_bad_flags_einval",
          "errno %d", errno);
    mkdir(D "/d", 0755);
    check(linkat(dfd, "d", dfd, "dl", 0) == -1 && errno == EPERM, "linkat_dir_eperm", "errno %d", errno);
    int fd = open(D "/f", O_RDONLY);
    check(linkat(fd, "", dfd, "fromfd", AT_EMPTY_PATH) == 0 && stat(D "/fromfd", &st2) == 0 &&
          st2.st_ino == st1.st_ino, "linkat_empty_path_links_fd", "errno %d", errno);
    check(linkat(fd, "", dfd, "nope", 0) == -1 && errno == ENOENT, "linkat_empty_without_flag_enoent",
          "errno %d", errno);
    close(fd);
    int p[2];
    pipe(p);
    check(linkat(p[0], "", dfd, "pipe", AT_EMPTY_PATH) == -1 && errno == ENOENT,
          "linkat_unnamed_pipe_enoent", "errno %d", errno);
    close(p[0]);
    close(p[1]);
    check(link(D "/f", D "/old") == 0 && stat(D "/f", &st1) == 0 && st1.st_nlink == 4, "link_old_call",
          "nlink %u", st1.st_nlink);
    unlink(D "/old");
    unlink(D "/fromfd");
    unlink(D "/g");
    unlink(D "/f");
    rmdir(D "/d");
}

static void chown_calls(void)
{
    struct stat st;

    write_file(D "/f", "x");
    check(fchownat(dfd, "f", 0, 0, 0) == 0 && chown(D "/f", -1, -1) == 0 && lchown(D "/f", 0, -1) == 0,
          "chown_to_root", "errno %d", errno);
    check(fchownat(dfd, "f", 1000, 0, 0) == -1 && errno == EINVAL, "fchownat_other_uid_einval",
          "errno %d", errno);
    check(chown(D "/f", 0, 100) == -1 && errno == EINVAL, "chown_other_gid_einval", "errno %d", errno);
    check(stat(D "/f", &st) == 0 && st.st_uid == 0 && st.st_gid == 0, "chown_owner_stays_root",
          "uid %u gid %u", st.st_uid, st.st_gid);
    check(fchownat(dfd, "f", 0, 0, 0x8000) == -1 && errno == EINVAL, "fchownat_bad_flags_einval",
          "errno %d", errno);
    check(chown(D "/nope", 0, 0) == -1 && errno == ENOENT, "chown_enoent", "errno %d", errno);
    int fd = open(D "/f", O_RDONLY);
    check(fchown(fd, 0, 0) == 0 && fchown(fd, 5, 5) == -1 && errno == EINVAL, "fchown_fd",
          "errno %d", errno);
    check(fchownat(fd, "", -1, 0, AT_EMPTY_PATH) == 0, "fchownat_empty_path", "errno %d", errno);
    close(fd);
    check(fchown(20, 0, 0) == -1 && errno == EBADF, "fchown_ebadf", "errno %d", errno);
    /* the first calls' 16-bit ids: 0xffff is -1, 0x10000 is 0 */
    check(__syscall3(__NR_chown, (long)D "/f", 0xffff, 0x10000) == 0 &&
          __syscall3(__NR_lchown, (long)D "/f", 0, 0xffff) == 0 &&
          __syscall3(__NR_chown, (long)D "/f", 1000, 0) == -EINVAL,
          "chown16_ids", "errno");
    fd = open(D "/f", O_RDONLY);
    check(__syscall3(__NR_fchown, fd, 0xffff, 0xffff) == 0, "fchown16", "errno");
    close(fd);
    unlink(D "/f");
}

static void chmod_access_calls(void)
{
    write_file(D "/f", "x");
    check(fchmodat(dfd, "f", 0600, 0) == 0 && mode_of(D "/f") == (S_IFREG | 0600), "fchmodat_sets_mode",
          "mode %o", mode_of(D "/f"));
    check(fchmodat(dfd, "f", 0640, AT_SYMLINK_NOFOLLOW) == 0 && mode_of(D "/f") == (S_IFREG | 0640),
          "fchmodat_nofollow_on_file", "mode %o", mode_of(D "/f"));
    check(fchmodat(dfd, "f", 0640, 0x4) == -1 && errno == EINVAL, "fchmodat_bad_flags_einval",
          "errno %d", errno);
    int fd = open(D "/f", O_RDONLY);
    check(fchmod(fd, 0604) == 0 && mode_of(D "/f") == (S_IFREG | 0604), "fchmod_fd", "mode %o",
          mode_of(D "/f"));
    check(fchmod(20, 0600) == -1 && errno == EBADF, "fchmod_ebadf", "errno %d", errno);
    close(fd);

    fchmodat(dfd, "f", 0400, 0);
    check(faccessat(dfd, "f", R_OK, 0) == 0, "faccessat_read_ok", "errno %d", errno);
    check(faccessat(dfd, "f", W_OK, 0) == -1 && errno == EACCES, "faccessat_write_eacces",
          "errno %d", errno);
    check(faccessat(dfd, "f", R_OK, AT_EACCESS) == 0, "faccessat_eaccess", "errno %d", errno);
    check(faccessat(dfd, "f", 8, 0) == -1 && errno == EINVAL, "faccessat_bad_mode_einval",
          "errno %d", errno);
    check(faccessat(dfd, "f", F_OK, 0x10) == -1 && errno == EINVAL, "faccessat_bad_flags_einval",
          "errno %d", errno);
    check(__syscall3(__NR_faccessat, dfd, (long)"f", W_OK) == -EACCES &&
          __syscall3(__NR_faccessat, dfd, (long)"f", R_OK) == 0, "faccessat_three_args", "faccessat");
    fd = open(D "/f", O_RDONLY);
    check(faccessat(fd, "", R_OK, AT_EMPTY_PATH) == 0 && faccessat(fd, "", W_OK, AT_EMPTY_PATH) == -1 &&
          errno == EACCES, "faccessat_empty_path", "errno %d", errno);
    close(fd);
    check(access(D "/f", R_OK) == 0 && access(D "/nope", F_OK) == -1 && errno == ENOENT,
          "access_old_call", "errno %d", errno);
    unlink(D "/f");
}

static void utimensat_calls(void)
{
    struct stat st;
    struct timespec t[2] = { { 1000000, 0 }, { 2000000, 500 } };

    write_file(D "/f", "x");
    check(utimensat(dfd, "f", t, 0) == 0 && stat(D "/f", &st) == 0 && st.st_atime == 1000000 &&
          st.st_mtime == 2000000, "utimensat_sets_times", "atime %lu mtime %lu", st.st_atime,
          st.st_mtime);
    struct timespec omit_now[2] = { { 5, UTIME_OMIT }, { 0, UTIME_NOW } };
    check(utimensat(dfd, "f", omit_now, 0) == 0 && stat(D "/f", &st) == 0 && st.st_atime == 1000000 &&
          st.st_mtime > 1600000000, "utimensat_omit_and_now", "atime %lu mtime %lu", st.st_atime,
          st.st_mtime);
    utimensat(dfd, "f", t, 0);
    check(utimensat(dfd, "f", NULL, 0) == 0 && stat(D "/f", &st) == 0 && st.st_atime > 1600000000 &&
          st.st_mtime > 1600000000, "utimensat_null_is_now", "atime %lu", st.st_atime);
    int fd = open(D "/f", O_RDONLY);
    check(futimens(fd, t) == 0 && stat(D "/f", &st) == 0 && st.st_mtime == 2000000, "futimens",
          "errno %d mtime %lu", errno, st.st_mtime);
    check(utimensat(fd, NULL, t, AT_SYMLINK_NOFOLLOW) == -1 && errno == EINVAL,
          "futimens_flags_einval", "errno %d", errno);
    close(fd);
    struct timespec bad[2] = { { 0, 1000000000 }, { 0, 0 } };
    check(utimensat(dfd, "f", bad, 0) == -1 && errno == EINVAL, "utimensat_bad_nsec_einval",
          "errno %d", errno);
    check(utimensat(dfd, "f", NULL, 0x2) == -1 && errno == EINVAL, "utimensat_bad_flags_einval",
          "errno %d", errno);
    check(utimensat(dfd, "f", (struct timespec *)BAD_PTR, 0) == -1 && errno == EFAULT,
          "utimensat_times_efault", "errno %d", errno);
    check(utimensat(AT_FDCWD, NULL, NULL, 0) == -1 && errno == EFAULT, "utimensat_null_path_cwd_efault",
          "errno %d", errno);
    check(futimens(20, NULL) == -1 && errno == EBADF, "futimens_ebadf", "errno %d", errno);
    /* both UTIME_OMIT: nothing to do, and Linux does not look for the file */
    struct timespec omit[2] = { { 0, UTIME_OMIT }, { 0, UTIME_OMIT } };
    check(utimensat(dfd, "nope", omit, 0) == 0, "utimensat_all_omit_no_lookup", "errno %d", errno);
    unlink(D "/f");
}

static void fchdir_calls(void)
{
    char cwd[64];

    mkdir(D "/d", 0755);
    int fd = open(D "/d", O_RDONLY | O_DIRECTORY);
    check(fchdir(fd) == 0 && getcwd(cwd, sizeof(cwd)) && strcmp(cwd, D "/d") == 0, "fchdir_moves",
          "cwd %s", cwd);
    close(fd);
    write_file(D "/f", "x");
    fd = open(D "/f", O_RDONLY);
    check(fchdir(fd) == -1 && errno == ENOTDIR, "fchdir_file_enotdir", "errno %d", errno);
    close(fd);
    check(fchdir(20) == -1 && errno == EBADF, "fchdir_ebadf", "errno %d", errno);
    chmod(D "/d", 0600);
    fd = open(D "/d", O_RDONLY | O_DIRECTORY);
    check(fchdir(fd) == -1 && errno == EACCES, "fchdir_unsearchable_eacces", "errno %d", errno);
    close(fd);
    chdir("/");
    chmod(D "/d", 0755);
    rmdir(D "/d");
    unlink(D "/f");
}

/* "." and ".." as the last part are no names of their own: each call
 * answers as Linux does (busybox's mkdir -p makes "/" first). */
static void dot_names(void)
{
    check(mkdir("/", 0755) < 0 && errno == EEXIST, "dot_mkdir_root_eexist", "errno %d", errno);
    check(mkdirat(dfd, ".", 0755) < 0 && errno == EEXIST, "dot_mkdir_dot_eexist", "errno %d", errno);
    check(rmdir(D "/.") < 0 && errno == EINVAL, "dot_rmdir_dot_einval", "errno %d", errno);
    check(rmdir(D "/..") < 0 && errno == ENOTEMPTY, "dot_rmdir_dotdot_enotempty", "errno %d", errno);
    check(unlinkat(dfd, ".", 0) < 0 && errno == EISDIR, "dot_unlink_eisdir", "errno %d", errno);
    check(renameat(dfd, ".", dfd, "x") < 0 && errno == EBUSY, "dot_rename_ebusy", "errno %d", errno);
    check(symlinkat("t", dfd, "..") < 0 && errno == EEXIST, "dot_symlink_eexist", "errno %d", errno);
}

int main(void)
{
    umask(0);
    mkdir(D, 0755);
    write_file(D "/plain", "not a directory");
    dfd = open(D, O_RDONLY | O_DIRECTORY);
    check(dfd >= 0, "open_test_dir", "errno %d", errno);
    check_group(shared_errors, "at_shared_errors");
    check_group(openat_calls, "openat");
    check_group(mkdirat_mknodat, "mkdirat_mknodat");
    check_group(unlinkat_calls, "unlinkat");
    check_group(renameat_calls, "renameat");
    check_group(linkat_calls, "linkat");
    check_group(chown_calls, "chown");
    check_group(chmod_access_calls, "chmod_access");
    check_group(utimensat_calls, "utimensat");
    check_group(fchdir_calls, "fchdir");
    check_group(dot_names, "dot_names");
    close(dfd);
    unlink(D "/plain");
    check(rmdir(D) == 0, "test_dir_empty_at_end", "errno %d", errno);
    return test_exit_code();
}
