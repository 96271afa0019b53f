/* Files in the RAM file system: create, write, read back, append,
 * truncate, seek past the end, 1 MiB round trip, unlink while open, and
 * the errors a program gets for bad requests. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>
#include <sys/stat.h>
#include <minnow/test.h>

#define F "/tmp/test_files.txt"

static void create_read_append_truncate(void)
{
    char buf[64] = { 0 };
    int fd = open(F, O_CREAT | O_TRUNC | O_RDWR, 0644);
    check(fd >= 0 && write(fd, "hello", 5) == 5, "file_create_write", "fd %d errno %d", fd, errno);
    check(lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, sizeof(buf)) == 5 && memcmp(buf, "hello", 5) == 0,
          "file_read_back", "read \"%s\"", buf);
    check(read(fd, buf, sizeof(buf)) == 0, "file_read_eof", "read past the end gave data");
    close(fd);

    fd = open(F, O_WRONLY | O_APPEND);
    lseek(fd, 0, SEEK_SET);                  /* O_APPEND ignores the offset */
    write(fd, " world", 6);
    close(fd);
    fd = open(F, O_RDONLY);
    int n = read(fd, buf, sizeof(buf));
    check(n == 11 && memcmp(buf, "hello world", 11) == 0, "file_append", "got %d bytes", n);
    check(write(fd, "x", 1) == -1 && errno == EBADF, "file_write_rdonly_ebadf", "errno %d", errno);
    close(fd);

    check(truncate(F, 4) == 0, "file_truncate", "errno %d", errno);
    struct stat st;
    stat(F, &st);
    check(st.st_size == 4 && S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0644, "file_stat",
          "size %lu mode %o", st.st_size, st.st_mode);
    struct utimbuf times = { 1000000, 2000000 };
    check(utime(F, &times) == 0 && stat(F, &st) == 0 && st.st_atime == 1000000 &&
          st.st_mtime == 2000000, "utime_sets_times", "atime %lu mtime %lu", st.st_atime, st.st_mtime);
    check(utime(F, NULL) == 0 && stat(F, &st) == 0 && st.st_mtime > 1600000000, "utime_now",
          "mtime %lu", st.st_mtime);
    check(utime("/no/such", NULL) == -1 && errno == ENOENT, "utime_enoent", "errno %d", errno);
    /* "relatime", as Linux mounts by default: a read moves an access time
     * older than the last change, and leaves a newer one alone */
    time_t now = time(NULL);
    struct utimbuf newer = { now + 1000, 2000000 }, older = { 1000000, 2000000 };
    utime(F, &newer);
    fd = open(F, O_RDONLY);
    read(fd, buf, 1);
    check(fstat(fd, &st) == 0 && (time_t)st.st_atime == now + 1000, "read_keeps_newer_atime",
          "atime %ld, was %ld", (long)st.st_atime, (long)now + 1000);
    close(fd);
    utime(F, &older);
    fd = open(F, O_RDONLY);
    read(fd, buf, 1);
    check(fstat(fd, &st) == 0 && (time_t)st.st_atime >= now, "read_moves_older_atime",
          "atime %ld, now %ld", (long)st.st_atime, (long)now);
    close(fd);
    fd = open(F, O_WRONLY | O_TRUNC);
    fstat(fd, &st);
    check(st.st_size == 0, "file_o_trunc", "size %lu", st.st_size);
    close(fd);
}

static void seek_past_end(void)
{
    char buf[8];
    int fd = open(F, O_RDWR | O_TRUNC);
    check(lseek(fd, 10000, SEEK_SET) == 10000 && write(fd, "end", 3) == 3, "lseek_past_end",
          "errno %d", errno);
    lseek(fd, 5000, SEEK_SET);
    check(read(fd, buf, 4) == 4 && memcmp(buf, "\0\0\0\0", 4) == 0, "file_hole_reads_zeros",
          "the hole had data");
    check(lseek(fd, -3, SEEK_END) == 10000 && read(fd, buf, 8) == 3, "lseek_end", "errno %d", errno);
    check(lseek(fd, -1, SEEK_SET) == -1 && errno == EINVAL, "lseek_negative_einval", "errno %d", errno);
    check(lseek(fd, 0, 7) == -1 && errno == EINVAL, "lseek_bad_whence", "errno %d", errno);
    close(fd);
}

static void one_mib(void)
{
    enum { SIZE = 1 << 20 };
    unsigned char *out = malloc(SIZE), *in = malloc(SIZE);
    for (int i = 0; i < SIZE; i++)
        out[i] = (unsigned char)(i * 7 + i / 4096);
    int fd = open(F, O_RDWR | O_TRUNC);
    int w = 0, r = 0, n;
    for (int off = 0; off < SIZE; off += n)          /* odd-sized pieces */
        if ((n = write(fd, out + off, off + 3001 < SIZE ? 3001 : SIZE - off)) <= 0)
            break;
        else
            w += n;
    lseek(fd, 0, SEEK_SET);
    while ((n = read(fd, in + r, 65536)) > 0)
        r += n;
    check(w == SIZE && r == SIZE && memcmp(in, out, SIZE) == 0, "file_1mib_exact",
          "wrote %d read %d", w, r);
    close(fd);
    free(in);
    free(out);
}

static void unlink_while_open(void)
{
    char buf[8] = { 0 };
    int fd = open(F, O_RDWR | O_TRUNC);
    write(fd, "still", 5);
    check(unlink(F) == 0 && open(F, O_RDONLY) == -1 && errno == ENOENT, "unlink_removes_name",
          "errno %d", errno);
    lseek(fd, 0, SEEK_SET);
    check(read(fd, buf, 5) == 5 && memcmp(buf, "still", 5) == 0, "unlink_open_still_readable",
          "read \"%s\"", buf);
    close(fd);
}

static void errors(void)
{
    char buf[4];
    char long_name[300];
    memset(long_name, 'a', sizeof(long_name) - 1);
    long_name[sizeof(long_name) - 1] = 0;

    check(open("/no/such/file", O_RDONLY) == -1 && errno == ENOENT, "open_enoent", "errno %d", errno);
    check(open("/hello.txt/x", O_RDONLY) == -1 && errno == ENOTDIR, "open_enotdir", "errno %d", errno);
    check(open("/tmp", O_WRONLY) == -1 && errno == EISDIR, "open_dir_write_eisdir", "errno %d", errno);
    int fd = open("/tmp", O_RDONLY);
    check(fd >= 0 && read(fd, buf, 4) == -1 && errno == EISDIR, "read_dir_eisdir", "errno %d", errno);
    close(fd);
    check(open(long_name, O_RDONLY) == -1 && errno == ENAMETOOLONG, "open_enametoolong", "errno %d", errno);
    close(open(F, O_CREAT | O_WRONLY, 0644));
    check(open(F, O_CREAT | O_EXCL | O_WRONLY, 0644) == -1 && errno == EEXIST, "open_excl_eexist",
          "errno %d", errno);
    chmod(F, 0200);
    check(open(F, O_RDONLY) == -1 && errno == EACCES, "open_eacces", "errno %d", errno);
    unlink(F);
    check(read(99, buf, 1) == -1 && errno == EBADF, "read_ebadf", "errno %d", errno);
    check(close(-1) == -1 && errno == EBADF, "close_ebadf", "errno %d", errno);
    check(lseek(0, 0, SEEK_SET) == -1 && errno == ESPIPE, "lseek_tty_espipe", "errno %d", errno);
}

/* The fd table has 32 slots: the 33rd open fails with EMFILE. */
static void table_full(void)
{
    int fds[40], n = 0;
    while (n < 40 && (fds[n] = open("/hello.txt", O_RDONLY)) >= 0)
        n++;
    int err = errno;
    check(n < 40 && err == EMFILE, "open_emfile", "%d opens, errno %d", n, err);
    while (n > 0)
        close(fds[--n]);
}

static void no_leak(void)
{
    long before = free_pages();
    int first = open("/hello.txt", O_RDONLY);
    close(first);
    for (int i = 0; i < 100; i++) {
        int fd = open(F, O_CREAT | O_RDWR | O_TRUNC, 0644);
        write(fd, "some bytes", 10);
        close(fd);
        unlink(F);
    }
    int next = open("/hello.txt", O_RDONLY);
    close(next);
    check(free_pages() == before && next == first, "open_close_100_no_leak",
          "pages %ld -> %ld, fd %d -> %d", before, free_pages(), first, next);
}

int main(void)
{
    create_read_append_truncate();
    seek_past_end();
    one_mib();
    unlink_while_open();
    errors();
    table_full();
    no_leak();
    unlink(F);
    return test_exit_code();
}
