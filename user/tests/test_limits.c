/* Running out of things is an error, never a crash: the system-wide file
 * table (ENFILE) and memory for files (ENOSPC: a file keeps what was
 * written before). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/test.h>

#define BIG "/tmp/test_limits.big"

static void file_table_full(void)
{
    pid_t kids[10];
    int nkids = 0, p[2];

    pipe(p);
    for (int i = 0; i < 10; i++) {           /* 10 x 30 opens > 256 files */
        pid_t pid = fork();
        if (pid == 0) {
            int n = 0;
            while (n < 30 && open("/hello.txt", O_RDONLY) >= 0)
                n++;
            char c = n == 30 ? 'y' : 'n';
            write(p[1], &c, 1);
            pause();
            _exit(0);
        }
        kids[nkids++] = pid;
    }
    int full = 0;
    for (int i = 0; i < nkids; i++) {
        char c;
        read(p[0], &c, 1);
        full += c == 'n';
    }
    int fd = open("/hello.txt", O_RDONLY);
    check(fd == -1 && errno == ENFILE && full > 0, "open_enfile", "fd %d errno %d, %d children hit the limit",
          fd, errno, full);
    for (int i = 0; i < nkids; i++)
        kill(kids[i], SIGKILL);
    while (wait(NULL) > 0)
        ;
    close(p[0]);
    close(p[1]);
    fd = open("/hello.txt", O_RDONLY);
    check(fd >= 0, "open_after_enfile", "errno %d", errno);
    close(fd);
}

static void out_of_space(void)
{
    static char chunk[65536];
    memset(chunk, 'm', sizeof(chunk));
    memcpy(chunk, "first bytes", 11);
    long before = free_pages();              /* after chunk's pages came in */
    int fd = open(BIG, O_CREAT | O_RDWR | O_TRUNC, 0644);
    long total = 0, n;
    while ((n = write(fd, chunk, sizeof(chunk))) == (long)sizeof(chunk))
        total += n;
    int err = errno;
    if (n > 0)
        total += n;
    check(n == -1 ? err == ENOSPC : n >= 0, "write_enospc", "write gave %ld, errno %d", n, err);
    check(total > (1 << 20), "ramfs_filled", "only %ld bytes", total);
    char buf[11];
    lseek(fd, 0, SEEK_SET);
    check(read(fd, buf, 11) == 11 && memcmp(buf, "first bytes", 11) == 0, "enospc_keeps_data",
          "the start of the file changed");
    off_t size = lseek(fd, 0, SEEK_END);
    check(size == total, "enospc_size_matches", "size %ld, wrote %ld", (long)size, total);
    close(fd);
    unlink(BIG);
    check(free_pages() == before, "enospc_pages_back", "%ld -> %ld", before, free_pages());
}

int main(void)
{
    file_table_full();
    out_of_space();
    return test_exit_code();
}
