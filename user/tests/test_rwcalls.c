/* The fd calls glibc and busybox use beside read and write: pread64 and
 * pwrite64 (an offset of their own), readv and writev (several buffers),
 * _llseek (a 64-bit offset), truncate64/ftruncate64, fcntl64 with record
 * locks, dup3, pipe2, and named pipes (mkfifo).  Each group runs in a
 * child and must give back every page. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>
#include "syscall_raw.h"

#define D "/tmp/rw"
#define F D "/f"
#define BAD_PTR ((void *)0xC0000000)

static int fresh_file(const char *text)
{
    int fd = open(F, O_CREAT | O_TRUNC | O_RDWR, 0644);
    write(fd, text, strlen(text));
    return fd;
}

static void pread_pwrite(void)
{
    char buf[32] = { 0 };
    int fd = fresh_file("0123456789");

    lseek(fd, 2, SEEK_SET);
    check(pread(fd, buf, 4, 3) == 4 && memcmp(buf, "3456", 4) == 0, "pread_at_offset", "got \"%s\"", buf);
    check(lseek(fd, 0, SEEK_CUR) == 2, "pread_keeps_offset", "offset %ld", (long)lseek(fd, 0, SEEK_CUR));
    check(pwrite(fd, "AB", 2, 20) == 2 && lseek(fd, 0, SEEK_CUR) == 2, "pwrite_keeps_offset",
          "errno %d", errno);
    memset(buf, 1, sizeof(buf));
    check(pread(fd, buf, 32, 8) == 14 && memcmp(buf, "89\0\0\0\0\0\0\0\0\0\0AB", 14) == 0,
          "pwrite_past_end_leaves_hole", "errno %d", errno);
    check(pread(fd, buf, 4, 100) == 0, "pread_past_end_0", "errno %d", errno);
    check(pread(fd, buf, 4, -1) == -1 && errno == EINVAL, "pread_negative_einval", "errno %d", errno);
    /* the 64-bit offset: low half, then high half */
    check(__syscall5(__NR_pread64, fd, (long)buf, 4, 3, 0) == 4 && memcmp(buf, "3456", 4) == 0,
          "pread64_low_high", "got \"%.4s\"", buf);
    check(__syscall5(__NR_pread64, fd, (long)buf, 4, 3, 1) == 0, "pread64_past_4gib_eof", "no");
    check(__syscall5(__NR_pwrite64, fd, (long)"x", 1, 0, 1) == -EFBIG, "pwrite64_past_4gib_efbig", "no");
    check(pread(fd, BAD_PTR, 4, 0) == -1 && errno == EFAULT, "pread_efault", "errno %d", errno);
    check(pread(20, buf, 4, 0) == -1 && errno == EBADF, "pread_ebadf", "errno %d", errno);
    int p[2];
    pipe(p);
    check(pwrite(p[1], "x", 1, 0) == -1 && errno == ESPIPE && pread(p[0], buf, 1, 0) == -1 &&
          errno == ESPIPE, "pread_pipe_espipe", "errno %d", errno);
    close(p[0]);
    close(p[1]);
    int ro = open(F, O_RDONLY);
    check(pwrite(ro, "x", 1, 0) == -1 && errno == EBADF, "pwrite_rdonly_ebadf", "errno %d", errno);
    close(ro);
    int dir = open(D, O_RDONLY);
    check(pread(dir, buf, 4, 0) == -1 && errno == EISDIR, "pread_dir_eisdir", "errno %d", errno);
    close(dir);
    /* with O_APPEND, Linux's pwrite appends whatever the offset */
    int app = open(F, O_WRONLY | O_APPEND);
    struct stat st;
    check(pwrite(app, "Z", 1, 0) == 1 && fstat(app, &st) == 0 && st.st_size == 23 &&
          pread(fd, buf, 1, 0) == 1 && buf[0] == '0', "pwrite_append_appends", "size %lu", st.st_size);
    close(app);
    close(fd);
    unlink(F);
}

static void readv_writev(void)
{
    char a[4] = { 0 }, b[16] = { 0 };
    struct iovec out[3] = { { "ab", 2 }, { "", 0 }, { "cdefg", 5 } };
    int fd = fresh_file("");

    check(writev(fd, out, 3) == 7, "writev_gathers", "errno %d", errno);
    lseek(fd, 0, SEEK_SET);
    struct iovec in[2] = { { a, 3 }, { b, sizeof(b) } };
    check(readv(fd, in, 2) == 7 && memcmp(a, "abc", 3) == 0 && memcmp(b, "defg", 4) == 0,
          "readv_scatters", "a \"%s\" b \"%s\"", a, b);
    check(readv(fd, in, 2) == 0, "readv_eof", "errno %d", errno);
    check(writev(fd, out, 0) == 0, "writev_count_0", "errno %d", errno);
    check(writev(fd, out, -1) == -1 && errno == EINVAL, "writev_negative_count_einval", "errno %d", errno);
    static struct iovec many[IOV_MAX + 1];
    check(writev(fd, many, IOV_MAX) == 0, "writev_iov_max", "errno %d", errno);
    check(writev(fd, many, IOV_MAX + 1) == -1 && errno == EINVAL, "writev_past_iov_max_einval",
          "errno %d", errno);
    struct iovec huge[2] = { { b, 0x7fffffff }, { b, 1 } };
    check(readv(fd, huge, 2) == -1 && errno == EINVAL, "readv_total_past_ssize_max_einval",
          "errno %d", errno);
    struct iovec bad[2] = { { "ok", 2 }, { BAD_PTR, 4 } };
    check(writev(fd, bad, 2) == -1 && errno == EFAULT, "writev_bad_buffer_efault", "errno %d", errno);
    check(writev(fd, BAD_PTR, 1) == -1 && errno == EFAULT, "writev_bad_vector_efault", "errno %d", errno);
    check(readv(20, in, 2) == -1 && errno == EBADF, "readv_ebadf", "errno %d", errno);
    int ro = open(F, O_RDONLY);
    check(writev(ro, out, 1) == -1 && errno == EBADF, "writev_rdonly_ebadf", "errno %d", errno);
    close(ro);
    close(fd);
    unlink(F);

    /* a pipe: readv takes what is there, into as many buffers as it needs,
     * and does not wait for more once it has some */
    int p[2];
    pipe(p);
    writev(p[1], out, 3);
    memset(a, 0, sizeof(a));
    memset(b, 0, sizeof(b));
    check(readv(p[0], in, 2) == 7 && memcmp(a, "abc", 3) == 0 && memcmp(b, "defg", 4) == 0,
          "readv_pipe_both_buffers", "a \"%s\" b \"%s\"", a, b);
    write(p[1], "xyz", 3);
    struct iovec exact[2] = { { a, 3 }, { b, 4 } };
    check(readv(p[0], exact, 2) == 3 && fcntl(p[0], F_GETFL) == O_RDONLY, "readv_pipe_no_wait",
          "flags %#x", fcntl(p[0], F_GETFL));
    close(p[1]);
    check(readv(p[0], in, 2) == 0, "readv_pipe_eof", "errno %d", errno);
    close(p[0]);
}

static void llseek_truncate64(void)
{
    long long pos = -1;
    struct stat st;
    int fd = fresh_file("0123456789");

    check(__syscall5(__NR__llseek, fd, 0, 4, (long)&pos, SEEK_SET) == 0 && pos == 4 &&
          lseek(fd, 0, SEEK_CUR) == 4, "llseek_set", "pos %lld", pos);
    check(__syscall5(__NR__llseek, fd, -1, -3, (long)&pos, SEEK_END) == 0 && pos == 7,
          "llseek_negative_from_end", "pos %lld", pos);
    check(__syscall5(__NR__llseek, fd, 1, 0, (long)&pos, SEEK_SET) == -EINVAL && pos == 7,
          "llseek_past_4gib_einval", "pos %lld", pos);
    check(__syscall5(__NR__llseek, fd, -1, -100, (long)&pos, SEEK_CUR) == -EINVAL,
          "llseek_before_start_einval", "no");
    check(__syscall5(__NR__llseek, fd, 0, 0, (long)&pos, 7) == -EINVAL, "llseek_bad_whence_einval", "no");
    check(__syscall5(__NR__llseek, fd, 0, 0, (long)BAD_PTR, SEEK_SET) == -EFAULT, "llseek_efault", "no");
    check(__syscall5(__NR__llseek, 20, 0, 0, (long)&pos, SEEK_SET) == -EBADF, "llseek_ebadf", "no");
    int p[2];
    pipe(p);
    check(__syscall5(__NR__llseek, p[0], 0, 0, (long)&pos, SEEK_SET) == -ESPIPE, "llseek_pipe_espipe",
          "no");
    close(p[0]);
    close(p[1]);

    check(__syscall3(__NR_ftruncate64, fd, 5000, 0) == 0 && fstat(fd, &st) == 0 && st.st_size == 5000,
          "ftruncate64_grows", "size %lu", st.st_size);
    check(__syscall3(__NR_truncate64, (long)F, 3, 0) == 0 && stat(F, &st) == 0 && st.st_size == 3,
          "truncate64_shrinks", "size %lu", st.st_size);
    check(__syscall3(__NR_truncate64, (long)F, 0, 1) == -EFBIG, "truncate64_past_4gib_efbig", "no");
    check(__syscall3(__NR_ftruncate64, fd, 0, -1) == -EINVAL, "ftruncate64_negative_einval", "no");
    check(__syscall3(__NR_truncate64, (long)D "/nope", 0, 1) == -ENOENT, "truncate64_enoent_first", "no");
    int ro = open(F, O_RDONLY);
    check(__syscall3(__NR_ftruncate64, ro, 0, 0) == -EBADF, "ftruncate64_rdonly_ebadf", "no");
    close(ro);
    close(fd);
    unlink(F);
}

static void fcntl_locks(void)
{
    int fd = fresh_file("data");
    struct flock64 l64 = { F_WRLCK, SEEK_SET, 0, 0, 0 };
    struct flock l = { F_RDLCK, SEEK_SET, 0, 0, 0 };

    check(__syscall3(__NR_fcntl64, fd, F_GETLK64, (long)&l64) == 0 && l64.l_type == F_UNLCK,
          "fcntl64_getlk_nothing_in_the_way", "type %d", l64.l_type);
    l64.l_type = F_WRLCK;
    check(__syscall3(__NR_fcntl64, fd, F_SETLK64, (long)&l64) == 0 &&
          __syscall3(__NR_fcntl64, fd, F_SETLKW64, (long)&l64) == 0, "fcntl64_setlk_granted", "no");
    l64.l_type = F_UNLCK;
    check(__syscall3(__NR_fcntl64, fd, F_SETLK64, (long)&l64) == 0, "fcntl64_unlock", "no");
    check(fcntl(fd, F_GETLK, &l) == 0 && l.l_type == F_UNLCK, "fcntl_getlk", "type %d", l.l_type);
    l.l_type = F_RDLCK;
    check(fcntl(fd, F_SETLK, &l) == 0, "fcntl_setlk", "errno %d", errno);
    l.l_type = 7;
    check(fcntl(fd, F_SETLK, &l) == -1 && errno == EINVAL, "fcntl_setlk_bad_type_einval", "errno %d", errno);
    l.l_type = F_UNLCK;
    check(fcntl(fd, F_GETLK, &l) == -1 && errno == EINVAL, "fcntl_getlk_unlck_einval", "errno %d", errno);
    l.l_type = F_RDLCK;
    l.l_whence = 9;
    check(fcntl(fd, F_SETLK, &l) == -1 && errno == EINVAL, "fcntl_setlk_bad_whence_einval",
          "errno %d", errno);
    check(fcntl(fd, F_SETLK, BAD_PTR) == -1 && errno == EFAULT, "fcntl_setlk_efault", "errno %d", errno);
    int ro = open(F, O_RDONLY);
    l64.l_type = F_WRLCK;
    check(__syscall3(__NR_fcntl64, ro, F_SETLK64, (long)&l64) == -EBADF, "fcntl64_wrlck_rdonly_ebadf",
          "no");
    close(ro);
    /* the rest of fcntl64 is fcntl */
    long nfd = __syscall3(__NR_fcntl64, fd, F_DUPFD_CLOEXEC, 10);
    check(nfd >= 10 && fcntl(nfd, F_GETFD) == FD_CLOEXEC && __syscall3(__NR_fcntl64, fd, F_GETFD, 0) == 0,
          "fcntl64_dupfd_cloexec", "fd %ld", nfd);
    check(__syscall3(__NR_fcntl64, fd, F_SETFL, O_APPEND) == 0 && (fcntl(fd, F_GETFL) & O_APPEND),
          "fcntl64_setfl", "no");
    check(__syscall3(__NR_fcntl64, fd, 12345, 0) == -EINVAL, "fcntl64_unknown_einval", "no");
    check(__syscall3(__NR_fcntl64, 20, F_GETFD, 0) == -EBADF, "fcntl64_ebadf", "no");
    close(nfd);
    close(fd);
    unlink(F);
}

static void dup3_pipe2(void)
{
    char c;
    int p[2];

    int fd = fresh_file("x");
    check(dup3(fd, 10, O_CLOEXEC) == 10 && fcntl(10, F_GETFD) == FD_CLOEXEC, "dup3_cloexec",
          "errno %d", errno);
    check(dup3(fd, 10, 0) == 10 && fcntl(10, F_GETFD) == 0, "dup3_replaces_without_cloexec",
          "errno %d", errno);
    check(dup3(fd, fd, 0) == -1 && errno == EINVAL, "dup3_same_fd_einval", "errno %d", errno);
    check(dup2(fd, fd) == fd, "dup2_same_fd_ok", "errno %d", errno);
    check(dup3(fd, 11, O_NONBLOCK) == -1 && errno == EINVAL, "dup3_bad_flags_einval", "errno %d", errno);
    check(dup3(20, 11, 0) == -1 && errno == EBADF, "dup3_old_ebadf", "errno %d", errno);
    check(dup3(fd, 99, 0) == -1 && errno == EBADF && dup3(fd, -1, 0) == -1 && errno == EBADF,
          "dup3_new_out_of_range_ebadf", "errno %d", errno);
    /* dup3 onto a pipe's only write end closes it: the reader sees EOF */
    pipe(p);
    dup3(fd, p[1], 0);
    check(read(p[0], &c, 1) == 0, "dup3_closes_old_file", "errno %d", errno);
    close(p[0]);
    close(p[1]);
    close(10);
    close(fd);
    unlink(F);

    check(pipe2(p, O_CLOEXEC) == 0 && fcntl(p[0], F_GETFD) == FD_CLOEXEC && fcntl(p[1], F_GETFD) == FD_CLOEXEC,
          "pipe2_cloexec", "errno %d", errno);
    close(p[0]);
    close(p[1]);
    check(pipe2(p, O_NONBLOCK) == 0 && (fcntl(p[0], F_GETFL) & O_NONBLOCK) && fcntl(p[0], F_GETFD) == 0 &&
          read(p[0], &c, 1) == -1 && errno == EAGAIN, "pipe2_nonblock", "errno %d", errno);
    close(p[0]);
    close(p[1]);
    check(pipe2(p, 0) == 0 && write(p[1], "k", 1) == 1 && read(p[0], &c, 1) == 1 && c == 'k',
          "pipe2_flags_0", "errno %d", errno);
    close(p[0]);
    close(p[1]);
    check(pipe2(p, O_DIRECT) == -1 && errno == EINVAL, "pipe2_o_direct_einval", "errno %d", errno);
    check(pipe2(p, 0x1) == -1 && errno == EINVAL, "pipe2_bad_flags_einval", "errno %d", errno);
    check(pipe2(BAD_PTR, 0) == -1 && errno == EFAULT, "pipe2_efault", "errno %d", errno);
    /* O_CLOEXEC really closes on exec */
    pipe2(p, O_CLOEXEC);
    pid_t pid = fork();
    if (pid == 0) {
        char arg[8];
        snprintf(arg, sizeof(arg), "%d", p[0]);
        char *argv[] = { "helper_fdcheck", arg, NULL };
        execv("/usr/libexec/minnow/helper_fdcheck", argv);
        _exit(2);
    }
    int status = wait_status(pid);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "pipe2_cloexec_closed_by_exec", "status %#x",
          status);
    close(p[0]);
    close(p[1]);
}

static void fifo_writer(void)
{
    int fd = open(D "/fifo", O_WRONLY);        /* waits for the reader */
    write(fd, "through the fifo", 16);
    close(fd);
}

static void fifos(void)
{
    char buf[32] = { 0 };
    struct stat st = { 0 };

    check(mkfifo(D "/fifo", 0644) == 0 && stat(D "/fifo", &st) == 0 && S_ISFIFO(st.st_mode) &&
          (st.st_mode & 0777) == 0644, "mkfifo", "mode %o", st.st_mode);
    check(mkfifo(D "/fifo", 0644) == -1 && errno == EEXIST, "mkfifo_eexist", "errno %d", errno);
    check(open(D "/fifo", O_WRONLY | O_NONBLOCK) == -1 && errno == ENXIO, "fifo_nonblock_writer_enxio",
          "errno %d", errno);
    int r = open(D "/fifo", O_RDONLY | O_NONBLOCK);
    check(r >= 0 && read(r, buf, 1) == 0, "fifo_nonblock_reader_no_writer_eof", "errno %d", errno);
    int w = open(D "/fifo", O_WRONLY | O_NONBLOCK);
    check(w >= 0 && write(w, "hi", 2) == 2 && read(r, buf, 8) == 2 && memcmp(buf, "hi", 2) == 0,
          "fifo_nonblock_pair", "errno %d", errno);
    close(w);
    close(r);

    /* a reader waits in open until a writer comes, then reads to EOF */
    fflush(stdout);
    pid_t writer = fork();
    if (writer == 0) {
        fifo_writer();
        _exit(0);
    }
    r = open(D "/fifo", O_RDONLY);
    size_t n = read_to_end(r, buf, sizeof(buf));
    check(r >= 0 && n == 16 && strcmp(buf, "through the fifo") == 0, "fifo_reader_meets_writer",
          "got %zu \"%s\"", n, buf);
    close(r);
    wait_status(writer);

    /* O_RDWR opens at once, with both ends */
    int rw = open(D "/fifo", O_RDWR);
    check(rw >= 0 && write(rw, "self", 4) == 4 && read(rw, buf, 4) == 4 && memcmp(buf, "self", 4) == 0,
          "fifo_rdwr", "errno %d", errno);
    close(rw);

    /* a signal ends the wait: EINTR */
    alarm_interrupt(1);
    r = open(D "/fifo", O_RDONLY);
    int err = errno;
    alarm_restore();
    check(r == -1 && err == EINTR, "fifo_open_interrupted_eintr", "r %d errno %d", r, err);
    check(unlink(D "/fifo") == 0, "fifo_unlink", "errno %d", errno);
}

int main(void)
{
    mkdir(D, 0755);
    check_group(pread_pwrite, "pread");
    check_group(readv_writev, "readv");
    check_group(llseek_truncate64, "llseek");
    check_group(fcntl_locks, "fcntl64");
    check_group(dup3_pipe2, "dup3_pipe2");
    check_group(fifos, "fifo");
    check(rmdir(D) == 0, "rw_dir_empty_at_end", "errno %d", errno);
    return test_exit_code();
}
