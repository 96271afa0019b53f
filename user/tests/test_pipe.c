/* Pipes as the lecture shows them: in one process, parent to child,
 * end of file only when every write end is closed, a blocked writer woken
 * by the reader, 1 MiB between two processes, and EPIPE with no reader. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <minnow/test.h>

static void single_process(void)
{
    int p[2];
    char buf[32] = { 0 };
    check(pipe(p) == 0 && p[0] >= 0 && p[1] >= 0, "pipe_create", "errno %d", errno);
    write(p[1], "through the pipe", 16);
    check(read(p[0], buf, sizeof(buf)) == 16 && strcmp(buf, "through the pipe") == 0,
          "pipe_single_process", "read \"%s\"", buf);
    struct stat st;
    check(fstat(p[0], &st) == 0 && S_ISFIFO(st.st_mode), "pipe_fstat_fifo", "mode %o", st.st_mode);
    check(lseek(p[0], 0, SEEK_SET) == -1 && errno == ESPIPE, "pipe_lseek_espipe", "errno %d", errno);
    check(write(p[0], "x", 1) == -1 && errno == EBADF, "pipe_write_read_end_ebadf", "errno %d", errno);
    close(p[0]);
    close(p[1]);
}

static void parent_to_child(void)
{
    int p[2];
    pipe(p);
    pid_t pid = fork();
    if (pid == 0) {
        char buf[64];
        int n, total = 0;
        close(p[1]);                         /* or the read below never sees EOF */
        while ((n = read(p[0], buf, sizeof(buf))) > 0)
            total += n;
        _exit(total == 26 ? 0 : 1);
    }
    close(p[0]);
    write(p[1], "abcdefghijklm", 13);
    write(p[1], "nopqrstuvwxyz", 13);
    close(p[1]);
    int status;
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "pipe_parent_to_child", "status %#x", status);
}

/* EOF needs EVERY write end closed -- including the forgotten copy that
 * the parent still holds. */
static void eof_needs_all_writers(void)
{
    int p[2];
    pipe(p);
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        write(p[1], "x", 1);
        _exit(0);                            /* the child's write end closes */
    }
    waitpid(pid, NULL, 0);
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    char c;
    read(p[0], &c, 1);
    int r = read(p[0], &c, 1);
    check(r == -1 && errno == EAGAIN, "pipe_no_eof_while_parent_writes", "read gave %d", r);
    close(p[1]);
    check(read(p[0], &c, 1) == 0, "pipe_eof_after_last_writer", "no EOF");
    close(p[0]);
}

/* A writer blocks on a full pipe until the reader drains it. */
static void writer_blocks(void)
{
    int p[2];
    pipe(p);
    pid_t pid = fork();
    if (pid == 0) {
        static char big[20 * 4096];         /* more than a pipe holds (64 KiB) */
        close(p[0]);
        memset(big, 'w', sizeof(big));
        _exit(write(p[1], big, sizeof(big)) == (ssize_t)sizeof(big) ? 0 : 1);
    }
    close(p[1]);
    usleep(100000);
    int status;
    check(waitpid(pid, &status, WNOHANG) == 0, "pipe_writer_blocks_when_full", "the writer finished");
    char buf[4096];
    int total = 0, n;
    while ((n = read(p[0], buf, sizeof(buf))) > 0)
        total += n;
    waitpid(pid, &status, 0);
    check(total == 20 * 4096 && WEXITSTATUS(status) == 0, "pipe_writer_wakes", "read %d", total);
    close(p[0]);
}

static void one_mib(void)
{
    enum { SIZE = 1 << 20 };
    int p[2];
    pipe(p);
    pid_t pid = fork();
    if (pid == 0) {
        unsigned char buf[1000];
        close(p[0]);
        for (int off = 0; off < SIZE; off += sizeof(buf)) {
            int n = SIZE - off < (int)sizeof(buf) ? SIZE - off : (int)sizeof(buf);
            for (int i = 0; i < n; i++)
                buf[i] = (unsigned char)((off + i) * 13 + (off + i) / 256);
            if (write(p[1], buf, n) != n)
                _exit(1);
        }
        _exit(0);
    }
    close(p[1]);
    unsigned char buf[777];
    int total = 0, bad = -1, n;
    while ((n = read(p[0], buf, sizeof(buf))) > 0) {
        for (int i = 0; i < n && bad < 0; i++)
            if (buf[i] != (unsigned char)((total + i) * 13 + (total + i) / 256))
                bad = total + i;
        total += n;
    }
    int status;
    waitpid(pid, &status, 0);
    check(total == SIZE && bad < 0 && WEXITSTATUS(status) == 0, "pipe_1mib_in_order",
          "read %d bytes, first bad byte at %d", total, bad);
    close(p[0]);
}

static void epipe(void)
{
    int p[2];
    pipe(p);
    close(p[0]);
    signal(SIGPIPE, SIG_IGN);
    check(write(p[1], "x", 1) == -1 && errno == EPIPE, "pipe_epipe_no_reader", "errno %d", errno);
    signal(SIGPIPE, SIG_DFL);
    close(p[1]);
}

static void no_leak(void)
{
    long before = free_pages();
    for (int i = 0; i < 100; i++) {
        int p[2];
        if (pipe(p) < 0)
            break;
        write(p[1], "data", 4);
        close(p[0]);
        close(p[1]);
    }
    check(free_pages() == before, "pipe_100_no_leak", "%ld -> %ld", before, free_pages());
}

int main(void)
{
    single_process();
    parent_to_child();
    eof_needs_all_writers();
    writer_blocks();
    one_mib();
    epipe();
    no_leak();
    return test_exit_code();
}
