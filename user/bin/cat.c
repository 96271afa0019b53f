/* cat: copy each file (or standard input) to standard output.
 *
 *   cat [FILE...]        "-" or no FILE at all means standard input
 *
 * It works on file descriptors with read() and write(), not stdio: this
 * is the loop of the lecture, "read a block, write the block". */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int status;               /* becomes 1 when any file fails */

/* Writes all n bytes, even if write() takes them in several pieces
 * (a pipe may accept less than asked). */
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

static void copy(int fd, const char *name)
{
    char buf[4096];
    ssize_t n;

    while ((n = read(fd, buf, sizeof(buf))) > 0) {
        if (write_all(STDOUT_FILENO, buf, n) < 0) {
            fprintf(stderr, "cat: write error: %s\n", strerror(errno));
            status = 1;
            return;
        }
    }
    if (n < 0) {
        fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
        status = 1;
    }
}

int main(int argc, char *argv[])
{
    if (argc < 2)
        copy(STDIN_FILENO, "-");
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-") == 0) {
            copy(STDIN_FILENO, "-");
            continue;
        }
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        copy(fd, argv[i]);
        close(fd);
    }
    return status;
}
