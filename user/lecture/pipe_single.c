/* pipe_single: a pipe inside one process.
 *
 * What you should see:
 *     pipe: read end is fd 3, write end is fd 4
 *     wrote 21 bytes into the pipe
 *     read 21 bytes back: "hello through a pipe"
 *
 * pipe() makes a buffer in the kernel and two new file descriptors:
 * fds[1] to write into it, fds[0] to read from it, first in first out.
 * One process alone gains nothing by it -- it is the first step: after a
 * fork, two processes share the two ends (see pipe_parent_child).
 *
 * Try: write more than the pipe holds (4096 bytes) before reading.  The
 * write blocks, waiting for a reader that never comes: the process hangs,
 * because it is its own reader.  (Ctrl-C ends it.) */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    int fds[2];
    const char *msg = "hello through a pipe\n";
    char buf[64];

    if (pipe(fds) < 0) {
        perror("pipe");
        return 1;
    }
    printf("pipe: read end is fd %d, write end is fd %d\n", fds[0], fds[1]);

    ssize_t n = write(fds[1], msg, strlen(msg));
    printf("wrote %zd bytes into the pipe\n", n);

    n = read(fds[0], buf, sizeof(buf) - 1);
    if (n < 0) {
        perror("read");
        return 1;
    }
    buf[n] = '\0';
    if (n > 0 && buf[n - 1] == '\n')
        buf[n - 1] = '\0';               /* just to print it in quotes */
    printf("read %zd bytes back: \"%s\"\n", n, buf);

    close(fds[0]);
    close(fds[1]);
    return 0;
}
