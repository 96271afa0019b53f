/* sigpipe_demo: writing to a pipe that nobody can read any more.
 *
 * What you should see:
 *     1. SIGPIPE has its default action
 *     child: writing 6 bytes into a pipe whose read end is closed
 *     parent: the child was killed by signal 13 (SIGPIPE: Broken pipe)
 *
 *     2. SIGPIPE is ignored
 *     child: writing 6 bytes into a pipe whose read end is closed
 *     child: write returned -1, errno 32 (EPIPE: Broken pipe)
 *     parent: the child exited with status 0
 *
 * The lecture: "After the last read descriptor is closed, writes generate
 * SIGPIPE signals.  If the process ignores it, the write fails with an
 * EPIPE error."  Both children run the same code; the only difference is
 * signal(SIGPIPE, SIG_IGN) in the second.
 *
 * Why a signal, and not just an error?  Most programs never check what
 * write() returns.  In  yes | head -n 1  head exits after one line; if yes
 * only got an error, it would go on writing for ever.  SIGPIPE's default
 * action ends it, quietly (a shell does not report it).  A program that
 * wants to handle the error itself -- a server whose client went away --
 * ignores SIGPIPE and checks for EPIPE.
 *
 * Try: delete the close(fds[0]) in write_to_closed_pipe.  Then the writer
 * itself still has a read end: the write succeeds (the pipe has room), and
 * neither SIGPIPE nor EPIPE comes. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

/* The child's part, the same in both runs. */
static void write_to_closed_pipe(void)
{
    int fds[2];

    if (pipe(fds) < 0) {
        perror("pipe");
        exit(1);
    }
    close(fds[0]);                       /* the last read end: no reader is left */
    printf("child: writing 6 bytes into a pipe whose read end is closed\n");
    fflush(stdout);                      /* before write: it may be our last act */

    ssize_t n = write(fds[1], "hello\n", 6);
    if (n < 0)
        printf("child: write returned -1, errno %d (%s: %s)\n", errno,
               errno == EPIPE ? "EPIPE" : "not EPIPE", strerror(errno));
    else
        printf("child: write returned %zd\n", n);
    close(fds[1]);
}

/* How the child ended, as its parent learns it from waitpid. */
static void report(int status)
{
    if (WIFSIGNALED(status))
        printf("parent: the child was killed by signal %d (%s: %s)\n", WTERMSIG(status),
               WTERMSIG(status) == SIGPIPE ? "SIGPIPE" : "not SIGPIPE",
               strsignal(WTERMSIG(status)));
    else if (WIFEXITED(status))
        printf("parent: the child exited with status %d\n", WEXITSTATUS(status));
}

/* Runs the child, with SIGPIPE ignored or not, and waits for it. */
static void run(int ignore_sigpipe)
{
    fflush(stdout);                      /* nothing buffered is copied by fork */
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(1);
    }
    if (pid == 0) {
        if (ignore_sigpipe)
            signal(SIGPIPE, SIG_IGN);
        write_to_closed_pipe();
        exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    report(status);
}

int main(void)
{
    printf("1. SIGPIPE has its default action\n");
    run(0);
    printf("\n2. SIGPIPE is ignored\n");
    run(1);
    return 0;
}
