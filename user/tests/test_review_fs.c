/* Regression tests from a review of the file system and the tty: names
 * made in a removed directory, the memory reserve of the RAM file system,
 * lseek overflow, O_CREAT (directories, modes, permissions), a deep getcwd, and
 * the tty's line count, O_NONBLOCK, VMIN 0 and job control. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <minnow/test.h>

/* ---------------------------------------------------------------- names */

/* A removed directory takes no new names (Linux: ENOENT); before, the
 * names were lost with it, and their inodes leaked. */
static void create_in_removed_dir(void)
{
    mkdir("/tmp/rv_gone", 0755);
    check(chdir("/tmp/rv_gone") == 0 && rmdir("/tmp/rv_gone") == 0, "review_rmdir_cwd", "errno %d", errno);
    int fd = open("f", O_CREAT | O_WRONLY, 0644);
    check(fd == -1 && errno == ENOENT, "review_creat_in_removed_dir", "fd %d errno %d", fd, errno);
    if (fd >= 0)
        close(fd);
    check(mkdir("d", 0755) == -1 && errno == ENOENT, "review_mkdir_in_removed_dir", "errno %d", errno);
    check(link("/hello.txt", "l") == -1 && errno == ENOENT, "review_link_into_removed_dir",
          "errno %d", errno);
    chdir("/");
}

/* open(O_CREAT) never makes or opens a directory: EISDIR, as Linux. */
static void creat_directory(void)
{
    int fd = open("/tmp", O_CREAT | O_RDONLY, 0644);
    check(fd == -1 && errno == EISDIR, "review_creat_existing_dir_eisdir", "fd %d errno %d", fd, errno);
    if (fd >= 0)
        close(fd);
    fd = open("/tmp/rv_new/", O_CREAT | O_WRONLY, 0644);
    struct stat st;
    check(fd == -1 && errno == EISDIR && stat("/tmp/rv_new", &st) == -1, "review_creat_trailing_slash_eisdir",
          "fd %d errno %d", fd, errno);
    if (fd >= 0)
        close(fd);
    unlink("/tmp/rv_new");

    /* the mode is for later opens: the creating one may write */
    fd = open("/tmp/rv_ro", O_CREAT | O_WRONLY | O_EXCL, 0444);
    check(fd >= 0 && write(fd, "x", 1) == 1, "review_creat_readonly_mode_writes", "fd %d errno %d", fd, errno);
    close(fd);
    fd = open("/tmp/rv_ro", O_WRONLY);
    check(fd == -1 && errno == EACCES, "review_readonly_file_eacces", "fd %d errno %d", fd, errno);
    unlink("/tmp/rv_ro");
    fd = open("/tmp/rv_bad", O_CREAT | 3, 0644);
    check(fd == -1 && errno == EINVAL && stat("/tmp/rv_bad", &st) == -1, "review_bad_accmode_creates_nothing",
          "fd %d errno %d", fd, errno);
    unlink("/tmp/rv_bad");

    /* O_CREAT of an existing file still needs search permission */
    mkdir("/tmp/rv_nox", 0755);
    close(open("/tmp/rv_nox/f", O_CREAT | O_WRONLY, 0644));
    chmod("/tmp/rv_nox", 0600);
    fd = open("/tmp/rv_nox/f", O_CREAT | O_RDONLY, 0644);
    check(fd == -1 && errno == EACCES, "review_creat_needs_search_permission", "fd %d errno %d", fd, errno);
    if (fd >= 0)
        close(fd);
    chmod("/tmp/rv_nox", 0755);
    unlink("/tmp/rv_nox/f");
    rmdir("/tmp/rv_nox");
}

/* A working directory deeper than PATH_MAX: ENAMETOOLONG, not ENOENT. */
static void getcwd_too_long(void)
{
    char name[201], buf[64];
    int depth = 0;

    memset(name, 'd', 200);
    name[200] = '\0';
    chdir("/tmp");
    while (depth < 25 && mkdir(name, 0755) == 0 && chdir(name) == 0)
        depth++;
    errno = 0;
    char *r = getcwd(buf, sizeof(buf));
    check(depth == 25 && !r && errno == ENAMETOOLONG, "review_getcwd_enametoolong", "depth %d errno %d", depth,
          errno);
    while (depth-- > 0) {
        chdir("..");
        rmdir(name);
    }
    chdir("/");
}

static void lseek_overflow(void)
{
    int fd = open("/tmp/rv_seek", O_CREAT | O_RDWR | O_TRUNC, 0644);
    char c;

    check(lseek(fd, 0x7fffffff, SEEK_SET) == 0x7fffffff, "review_lseek_max", "errno %d", errno);
    check(lseek(fd, 1, SEEK_CUR) == -1 && errno == EOVERFLOW && lseek(fd, 0, SEEK_CUR) == 0x7fffffff,
          "review_lseek_overflow", "errno %d", errno);
    check(read(fd, &c, 1) == 0 && write(fd, "x", 1) == -1 && errno == EFBIG, "review_rw_at_max_offset",
          "errno %d", errno);
    close(fd);
    unlink("/tmp/rv_seek");
}

/* ---------------------------------------------------------------- memory */

/* Growing files with truncate takes memory for their page tables too; it
 * must leave the kernel its reserve, so that the files can be removed. */
#define MAXF 600
static void truncate_keeps_reserve(void)
{
    char path[32];
    long before = free_pages();
    int n = 0;

    for (long size = 1L << 30; size >= 1L << 16 && n < MAXF;) {
        snprintf(path, sizeof(path), "/tmp/rv_big%d", n);
        int fd = open(path, O_CREAT | O_WRONLY, 0600);
        if (fd < 0)
            break;
        int r = ftruncate(fd, size);
        close(fd);
        n++;
        if (r < 0)
            size /= 2;
    }
    long low = free_pages();
    check(low >= 60, "review_truncate_keeps_reserve", "%ld free pages left, %d files", low, n);
    int failed = 0;
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof(path), "/tmp/rv_big%d", i);
        failed += unlink(path) < 0;
    }
    check(failed == 0 && free_pages() == before, "review_truncate_fill_unlink", "%d unlinks failed, pages %ld -> %ld",
          failed, before, free_pages());
}

/* ---------------------------------------------------------------- tty */

/* read, but given up after a second (EINTR) if nothing comes. */
static int timed_read(int fd, char *buf, int size)
{
    alarm_interrupt(1);
    int n = read(fd, buf, size);
    alarm_restore();                      /* the runner's timeout; errno stays */
    return n;
}

/* Does a read of fd wait (EINTR after a second), or say EAGAIN? */
static int read_waits(int fd)
{
    char c;
    int n = timed_read(fd, &c, 1);

    return n == -1 && (errno == EINTR || errno == EAGAIN);
}

static void type(const char *s)
{
    for (; *s; s++)
        ioctl(0, TIOCSTI, (char *)s);
}

/* More typed lines than the input queue holds: the lines that did not fit
 * are dropped whole, and a read never sees an end of file nobody typed. */
static void tty_full_queue(void)
{
    char line[201], buf[256];
    int lines = 0, n, avail;

    memset(line, 'q', 199);
    line[199] = '\n';
    line[200] = '\0';
    for (int i = 0; i < 8; i++)
        type(line);
    while (ioctl(0, FIONREAD, &avail) == 0 && avail > 0 && (n = read(0, buf, sizeof(buf))) > 0)
        lines += buf[n - 1] == '\n';
    check(lines == 5, "review_tty_full_queue_whole_lines", "%d lines", lines);
    check(read_waits(0), "review_tty_full_queue_no_false_eof", "read did not wait");
}

/* A line typed in canonical mode, read in raw mode: back in canonical
 * mode a read must wait, not return 0. */
static void tty_raw_then_canonical(struct termios *quiet)
{
    struct termios raw = *quiet;
    char buf[8];

    type("abc\n");
    raw.c_lflag &= ~ICANON;
    tcsetattr(0, TCSANOW, &raw);
    int n = read(0, buf, sizeof(buf));
    tcsetattr(0, TCSANOW, quiet);
    check(n == 4, "review_tty_raw_reads_line", "read %d", n);
    check(read_waits(0), "review_tty_canonical_after_raw_waits", "read did not wait");
    /* and the other way: raw bytes with a newline make a line */
    tcsetattr(0, TCSANOW, &raw);
    type("xy\n");
    tcsetattr(0, TCSANOW, quiet);
    n = timed_read(0, buf, sizeof(buf));
    check(n == 3 && memcmp(buf, "xy\n", 3) == 0, "review_tty_raw_input_then_canonical", "read %d", n);
}

static void tty_nonblock(struct termios *quiet)
{
    int fd = open("/dev/tty", O_RDONLY | O_NONBLOCK);
    char c;

    errno = 0;
    int n = fd >= 0 ? timed_read(fd, &c, 1) : -2;
    check(n == -1 && errno == EAGAIN, "review_tty_nonblock_eagain", "read %d errno %d", n, errno);
    close(fd);

    struct termios poll = *quiet;
    poll.c_lflag &= ~ICANON;
    poll.c_cc[VMIN] = 0;
    poll.c_cc[VTIME] = 0;
    tcsetattr(0, TCSANOW, &poll);
    n = timed_read(0, &c, 1);
    type("k");
    int m = timed_read(0, &c, 1);
    tcsetattr(0, TCSANOW, quiet);
    check(n == 0 && m == 1 && c == 'k', "review_tty_vmin0_polls", "read %d then %d", n, m);
}

/* A reader asleep when its group stops being the foreground one is
 * stopped by SIGTTIN when input comes, instead of taking it. */
static void tty_foreground_changes(void)
{
    pid_t me = getpgrp();
    int status;
    char buf[8];

    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        tcsetpgrp(0, getpid());
        _exit(read(0, buf, sizeof(buf)) > 0 ? 3 : 4);
    }
    setpgid(pid, pid);
    usleep(200000);                       /* until the child sleeps in read */
    tcsetpgrp(0, me);
    type("z\n");
    pid_t w = waitpid(pid, &status, WUNTRACED);
    check(w == pid && WIFSTOPPED(status) && WSTOPSIG(status) == SIGTTIN, "review_tty_fg_change_sigttin",
          "status %#x", status);
    int n = timed_read(0, buf, sizeof(buf));
    check(n == 2 && buf[0] == 'z', "review_tty_fg_keeps_input", "read %d", n);
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
}

static void tty_tests(void)
{
    struct termios saved, quiet;
    pid_t old_fg = tcgetpgrp(0);

    setpgid(0, 0);
    tcsetpgrp(0, getpid());
    tcgetattr(0, &saved);
    quiet = saved;
    quiet.c_lflag &= ~ECHO;               /* the typing stays off the test log */
    tcsetattr(0, TCSAFLUSH, &quiet);
    tty_full_queue();
    tty_raw_then_canonical(&quiet);
    tty_nonblock(&quiet);
    tty_foreground_changes();
    tcsetattr(0, TCSAFLUSH, &saved);
    if (tcsetpgrp(0, old_fg) < 0)         /* that group may be gone */
        tcsetpgrp(0, getpid());
}

int main(void)
{
    create_in_removed_dir();
    creat_directory();
    getcwd_too_long();
    lseek_overflow();
    tty_tests();
    truncate_keeps_reserve();             /* last: before the fix, it left no memory */
    return test_exit_code();
}
