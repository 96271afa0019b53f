/* The file calls with junk: the *at family, the stat64/statx family,
 * pread64/pwrite64, readv/writev, _llseek, fcntl64, dup3, pipe2, getdents,
 * truncate64, the chown family and symbolic links, called at random in a
 * child per seed with dirfds, paths, flags, modes, buffers and counts
 * that are sometimes right and mostly not.  Each call must come back with
 * a result or an errno (the child must end by itself, not by the alarm
 * that stops a hung call), and once the tree the calls played in is
 * removed, every page must be back.
 *
 * The paths stay inside /tmp/atfuzz: plain names, links among them, and
 * junk made of letters only (no "/" or ".."), so that nothing outside can
 * be renamed, removed or chmod'ed.  Every open is O_NONBLOCK, so a named
 * pipe or a pipe never waits; the child closes every fd it inherited.  A
 * seed can be given as the argument: test_atfuzz SEED runs that one. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>
#include "syscall_raw.h"

#define D "/tmp/atfuzz"
#define CALLS 3000
#define NR_FDS 32

static unsigned seed;
static unsigned next_random(void)
{
    seed = seed * 1103515245 + 12345;
    return seed >> 8;
}

#define PICK(table) (table[next_random() % (sizeof(table) / sizeof(table[0]))])

static char junk[4096];                 /* letters, with a '\0' now and then */
static char buffer[8192];               /* where reads may land */
static char long_name[300], long_path[5000];
static struct iovec iov[8];

static const int calls[] = {
    __NR_openat, __NR_mkdirat, __NR_mknodat, __NR_mknod, __NR_fchownat, __NR_fstatat64,
    __NR_unlinkat, __NR_renameat, __NR_renameat2, __NR_linkat, __NR_symlinkat, __NR_symlink,
    __NR_readlinkat, __NR_readlink, __NR_fchmodat, __NR_fchmod, __NR_faccessat, __NR_faccessat2,
    __NR_utimensat, __NR_statx, __NR_stat64, __NR_lstat64, __NR_fstat64, __NR__llseek,
    __NR_fcntl64, __NR_pread64, __NR_pwrite64, __NR_readv, __NR_writev, __NR_dup3, __NR_pipe2,
    __NR_getdents, __NR_truncate64, __NR_ftruncate64, __NR_chown32, __NR_lchown32,
    __NR_fchown32, __NR_chown, __NR_lchown, __NR_fchown, __NR_fchdir,
};

static long random_path(void)
{
    static const char *names[] = {
        "a", "b", "d", "d/a", "d/b", "l", "l/a", "loop", "loop/a", "p", "a/", "d/", "nowhere",
        ".", "", "dang", "d/l", D "/a", D "/d/x",
    };
    switch (next_random() % 8) {
    case 0:  return (long)(junk + next_random() % sizeof(junk));
    case 1: {
        static const long bad[] = { 0, 1, (long)0xC0000000, (long)0xBFFFFFFF, (long)0xFFFFFFFF };
        return PICK(bad);
    }
    case 2:  return next_random() % 2 ? (long)long_name : (long)long_path;
    default: return (long)PICK(names);
    }
}

/* Mostly the playground's fds (0..7) and AT_FDCWD. */
static long random_fd(void)
{
    static const long odd[] = { -1, 1000, (long)0x80000000 };

    switch (next_random() % 8) {
    case 0: case 1: case 2: case 3: return next_random() % 8;
    case 4: case 5:                 return AT_FDCWD;
    case 6:                         return next_random() % NR_FDS;
    default:                        return PICK(odd);
    }
}

static long random_flags(void)
{
    static const long flags[] = {
        0, AT_SYMLINK_NOFOLLOW, AT_REMOVEDIR, AT_SYMLINK_FOLLOW, AT_EMPTY_PATH, AT_EACCESS,
        AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW, AT_STATX_SYNC_TYPE, RENAME_NOREPLACE, RENAME_EXCHANGE,
        O_CLOEXEC, -1,
    };
    return next_random() % 4 ? PICK(flags) : (long)next_random();
}

static long random_mode(void)
{
    static const long types[] = { 0, S_IFREG, S_IFIFO, S_IFCHR, S_IFBLK, S_IFSOCK, S_IFDIR, S_IFLNK, 0170000 };
    return PICK(types) | (next_random() & 07777);
}

static long random_size(void)
{
    static const long sizes[] = { 0, 1, 16, 255, 4096, 8192, 0x7fffffff, -1, (long)0x80000000 };
    return next_random() % 2 ? PICK(sizes) : (long)(next_random() % 10000);
}

static long random_buffer(void)
{
    static const long bad[] = { 0, 1, (long)0xC0000000, (long)0xBFFFFFF0, 0x10000, (long)0xFFFFF000 };
    return next_random() % 3 ? (long)(buffer + next_random() % sizeof(buffer)) : PICK(bad);
}

static long random_iovec(void)
{
    for (int i = 0; i < 8; i++) {
        iov[i].iov_base = (void *)random_buffer();
        iov[i].iov_len = next_random() % 3 ? next_random() % 600 : (size_t)random_size();
    }
    return next_random() % 8 ? (long)iov : random_buffer();
}

static long random_count(void)
{
    static const long counts[] = { 0, 1, 2, 3, 8, 1024, 1025, -1 };
    return PICK(counts);
}

/* A 64-bit offset or length, low half then high half. */
static void random_offset(long *low, long *high)
{
    static const long highs[] = { 0, 0, 0, 1, -1, 0x7fffffff };
    *low = next_random() % 2 ? (long)(next_random() % 20000) : random_size();
    *high = PICK(highs);
}

static long random_fcntl(long *arg)
{
    static const long cmds[] = {
        F_GETLK, F_SETLK, F_SETLKW, F_GETLK64, F_SETLK64, F_SETLKW64, F_DUPFD, F_DUPFD_CLOEXEC,
        F_GETFD, F_SETFD, F_GETFL, F_SETFL, 99, -1,
    };
    static struct flock64 lock;
    long cmd = PICK(cmds);

    lock.l_type = next_random() % 4;
    lock.l_whence = next_random() % 4;
    lock.l_start = next_random() % 100;
    lock.l_len = next_random() % 100;
    *arg = next_random() % 3 ? (long)&lock : random_buffer();
    if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC || cmd == F_SETFD)
        *arg = next_random() % 40;
    if (cmd == F_SETFL)
        *arg = next_random() | O_NONBLOCK;   /* no fd may start to wait */
    return cmd;
}

static void one_call(void)
{
    long nr = PICK(calls), a[6] = { 0 };

    switch (nr) {
    case __NR_openat:
        a[0] = random_fd(); a[1] = random_path();
        a[2] = (next_random() & (O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC | O_APPEND | O_DIRECTORY |
                                 O_NOFOLLOW | O_CLOEXEC | O_TMPFILE)) | O_NONBLOCK;
        a[3] = random_mode();
        break;
    case __NR_mkdirat: case __NR_fchmodat: case __NR_faccessat:
        a[0] = random_fd(); a[1] = random_path(); a[2] = random_mode();
        break;
    case __NR_mknodat: {
        static const long devs[] = { 0, (1 << 8) | 3, (1 << 8) | 5, 0x12345678, -1 };
        a[0] = random_fd(); a[1] = random_path(); a[2] = random_mode(); a[3] = PICK(devs);
        break;
    }
    case __NR_mknod:
        a[0] = random_path(); a[1] = random_mode() & ~S_IFMT; a[1] |= next_random() % 2 ? S_IFIFO : 0;
        break;
    case __NR_fchownat:
        a[0] = random_fd(); a[1] = random_path(); a[2] = next_random() % 3 ? 0 : random_size();
        a[3] = next_random() % 3 ? -1 : random_size(); a[4] = random_flags();
        break;
    case __NR_fstatat64: case __NR_unlinkat: case __NR_faccessat2: case __NR_utimensat:
        a[0] = random_fd(); a[1] = random_path(); a[2] = random_buffer(); a[3] = random_flags();
        if (nr == __NR_unlinkat)
            a[2] = random_flags();
        if (nr == __NR_faccessat2)
            a[2] = next_random() % 10;
        if (nr == __NR_utimensat && next_random() % 4 == 0)
            a[1] = 0;
        break;
    case __NR_renameat: case __NR_renameat2: case __NR_linkat:
        a[0] = random_fd(); a[1] = random_path(); a[2] = random_fd(); a[3] = random_path();
        a[4] = random_flags();
        break;
    case __NR_symlinkat:
        a[0] = random_path(); a[1] = random_fd(); a[2] = random_path();
        break;
    case __NR_symlink:
        a[0] = random_path(); a[1] = random_path();
        break;
    case __NR_readlinkat:
        a[0] = random_fd(); a[1] = random_path(); a[2] = random_buffer(); a[3] = random_size();
        break;
    case __NR_readlink: case __NR_stat64: case __NR_lstat64:
        a[0] = random_path(); a[1] = random_buffer(); a[2] = random_size();
        break;
    case __NR_statx:
        a[0] = random_fd(); a[1] = random_path(); a[2] = random_flags();
        a[3] = next_random() % 2 ? STATX_BASIC_STATS : (long)next_random() * 7; a[4] = random_buffer();
        break;
    case __NR_fstat64: case __NR_fchmod: case __NR_fchdir:
        a[0] = random_fd(); a[1] = nr == __NR_fstat64 ? random_buffer() : random_mode();
        break;
    case __NR__llseek:
        a[0] = random_fd(); random_offset(&a[2], &a[1]); a[3] = random_buffer();
        a[4] = next_random() % 4;
        break;
    case __NR_fcntl64:
        a[0] = random_fd(); a[1] = random_fcntl(&a[2]);
        break;
    case __NR_pread64: case __NR_pwrite64:
        a[0] = random_fd(); a[1] = random_buffer(); a[2] = random_size(); random_offset(&a[3], &a[4]);
        break;
    case __NR_readv: case __NR_writev:
        a[0] = random_fd(); a[1] = random_iovec(); a[2] = random_count();
        break;
    case __NR_dup3:
        a[0] = random_fd(); a[1] = next_random() % 40; a[2] = random_flags();
        break;
    case __NR_pipe2:
        a[0] = random_buffer(); a[1] = random_flags() | O_NONBLOCK;
        break;
    case __NR_getdents:
        a[0] = random_fd(); a[1] = random_buffer(); a[2] = random_size();
        break;
    case __NR_truncate64:
        a[0] = random_path(); random_offset(&a[1], &a[2]);
        break;
    case __NR_ftruncate64:
        a[0] = random_fd(); random_offset(&a[1], &a[2]);
        break;
    default:                          /* the chown family */
        a[0] = nr == __NR_fchown32 || nr == __NR_fchown ? random_fd() : random_path();
        a[1] = next_random() % 2 ? 0 : random_size();
        a[2] = next_random() % 2 ? -1 : random_size();
        break;
    }
    __syscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
}

/* The tree the calls play in: a file, a directory, links (one dangling,
 * one a loop) and a named pipe, and fds on some of them. */
static void make_playground(void)
{
    int fd = open("a", O_CREAT | O_RDWR, 0644);
    write(fd, "some data", 9);
    mkdir("d", 0755);
    close(open("d/a", O_CREAT | O_WRONLY, 0644));
    symlink("d", "l");
    symlink("loop", "loop");
    symlink("nowhere", "dang");
    mkfifo("p", 0644);
    open(".", O_RDONLY | O_DIRECTORY);
    open("d", O_RDONLY | O_DIRECTORY);
    open("p", O_RDWR | O_NONBLOCK);
    int p[2];
    pipe2(p, O_NONBLOCK);
}

static void fuzz_seed(unsigned s)
{
    seed = s;
    for (int fd = 0; fd < NR_FDS; fd++)
        close(fd);                    /* nothing of the console, no inherited fd */
    alarm(30);                        /* a call that hangs: the test fails */
    signal(SIGPIPE, SIG_IGN);         /* a write to a pipe nobody reads: EPIPE will do */
    if (chdir(D) < 0)
        _exit(3);
    make_playground();
    for (unsigned i = 0; i < sizeof(junk); i++)
        junk[i] = next_random() % 12 == 0 ? '\0' : (char)('a' + next_random() % 26);
    for (int i = 0; i < CALLS; i++)
        one_call();
    _exit(0);
}

/* Removes the tree, links not followed, modes the fuzz set put right. */
static void remove_tree(const char *path)
{
    struct stat st;

    if (lstat(path, &st) < 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        unlink(path);
        return;
    }
    chmod(path, 0755);
    DIR *d = opendir(path);
    struct dirent *e;
    char *child = malloc(PATH_MAX);
    /* removing an entry moves no other (struct dentry's pos): read on */
    while (d && child && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(child, PATH_MAX, "%s/%s", path, e->d_name);
        remove_tree(child);
    }
    free(child);
    if (d)
        closedir(d);
    rmdir(path);
}

static unsigned first_seed = 20260101, nr_seeds = 4;

static void fuzz_all(void)
{
    memset(long_name, 'n', sizeof(long_name) - 1);
    strcpy(long_path, D "/");
    while (strlen(long_path) < sizeof(long_path) - 3)
        strcat(long_path, "d/");
    for (unsigned i = 0; i < nr_seeds; i++) {
        unsigned s = first_seed + i * 7919;
        mkdir(D, 0755);
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0)
            fuzz_seed(s);
        int status = wait_status(pid);
        char name[48];
        snprintf(name, sizeof(name), "atfuzz_seed_%u_answered", s);
        check(WIFEXITED(status) && WEXITSTATUS(status) == 0, name, "status %#x", status);
        remove_tree(D);
        struct stat st;
        snprintf(name, sizeof(name), "atfuzz_seed_%u_cleaned", s);
        check(lstat(D, &st) == -1 && errno == ENOENT, name, "errno %d", errno);
    }
}

int main(int argc, char *argv[])
{
    if (argc > 1) {
        first_seed = strtoul(argv[1], NULL, 10);
        nr_seeds = 1;
    }
    check_group(fuzz_all, "atfuzz");
    check(write(1, "", 0) == 0 && getpid() > 0, "atfuzz_kernel_alive", "the kernel stopped answering");
    return test_exit_code();
}
