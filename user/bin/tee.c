/* tee: copy standard input to standard output AND into files.
 *
 *   tee [-a] [FILE...]      -a: append to the files instead of replacing
 *
 * Like a T-shaped pipe fitting:  ls -l | tee listing | wc -l  shows the
 * count and keeps the listing. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define MAX_FILES 32

static int write_all(int fd, const char *buf, ssize_t n)
{
    while (n > 0) {
        ssize_t done = write(fd, buf, n);
        if (done < 0)
            return -1;
        buf += done;
        n -= done;
    }
    return 0;
}

int main(int argc, char *argv[])
{
    int flags = O_WRONLY | O_CREAT | O_TRUNC;
    int fds[MAX_FILES + 1];
    const char *names[MAX_FILES + 1];
    int nfds = 0, status = 0;
    int c;

    while ((c = getopt(argc, argv, "a")) != -1) {
        if (c == 'a') {
            flags = O_WRONLY | O_CREAT | O_APPEND;
        } else {
            fprintf(stderr, "usage: tee [-a] [FILE...]\n");
            return 1;
        }
    }
    fds[nfds] = STDOUT_FILENO;
    names[nfds++] = "standard output";
    for (int i = optind; i < argc; i++) {
        if (nfds > MAX_FILES) {
            fprintf(stderr, "tee: %s: too many files\n", argv[i]);
            status = 1;
            continue;
        }
        int fd = open(argv[i], flags, 0644);
        if (fd < 0) {
            fprintf(stderr, "tee: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        fds[nfds] = fd;
        names[nfds++] = argv[i];
    }

    char buf[4096];
    ssize_t n;
    while ((n = read(STDIN_FILENO, buf, sizeof(buf))) > 0) {
        for (int i = 0; i < nfds; i++) {
            if (fds[i] >= 0 && write_all(fds[i], buf, n) < 0) {
                fprintf(stderr, "tee: %s: %s\n", names[i], strerror(errno));
                fds[i] = -1;              /* keep writing to the others */
                status = 1;
            }
        }
    }
    for (int i = 1; i < nfds; i++)
        if (fds[i] >= 0)
            close(fds[i]);
    return status;
}
