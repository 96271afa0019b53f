/* LAB(util) FILE */
/* pingpong: one byte to a child and back, over two pipes.
 *
 *     $ pingpong
 *     8: received ping
 *     7: received pong
 *
 * A pipe carries bytes one way only (lecture: "pipes are an abstraction
 * of a single queue"), so a conversation needs two: the parent writes
 * "ping" into one, the child answers into the other.  Each process closes
 * the ends it does not use, so that if one side dies the other reads end
 * of file instead of waiting for ever.  The read is what orders the
 * output: the child cannot print before the byte has come, nor the
 * parent before the answer. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static void die(const char *what)
{
    fprintf(stderr, "pingpong: %s: %s\n", what, strerror(errno));
    exit(1);
}

/* Reads the one byte the other side sends; end of file means it died. */
static void receive(int fd, const char *what)
{
    char byte;

    if (read(fd, &byte, 1) != 1)
        die("read");
    printf("%d: received %s\n", getpid(), what);
    fflush(stdout);                     /* before the other side prints */
}

static void send(int fd)
{
    if (write(fd, "x", 1) != 1)
        die("write");
}

int main(void)
{
    int to_child[2], to_parent[2];

    if (pipe(to_child) < 0 || pipe(to_parent) < 0)
        die("pipe");
    pid_t pid = fork();
    if (pid < 0)
        die("fork");
    if (pid == 0) {
        close(to_child[1]);
        close(to_parent[0]);
        receive(to_child[0], "ping");
        send(to_parent[1]);
        exit(0);
    }
    close(to_child[0]);
    close(to_parent[1]);
    send(to_child[1]);
    receive(to_parent[0], "pong");
    int status;
    if (waitpid(pid, &status, 0) < 0)
        die("waitpid");
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
