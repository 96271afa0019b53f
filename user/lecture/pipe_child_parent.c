/* pipe_child_parent: the child writes into a pipe, the parent reads.
 *
 * What you should see:
 *     parent: reading what the child sends
 *     parent: got "hello from child PID"
 *     parent: got "the child's answer is 42"
 *     parent: end of file -- the child closed its end (and exited)
 *     parent: child PID exited with status 0
 *
 * The same as pipe_parent_child, the other way round.  This is what the
 * shell does for `ls | wc`: ls's standard output becomes the write end
 * of a pipe (with dup2), wc's standard input the read end.  Here the
 * child puts the write end on its standard output with dup2 in the same
 * way, and then simply uses printf.
 *
 * Try: remove the parent's close(fds[1]).  The parent then never sees end
 * of file, because it holds a write end itself. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
    int fds[2];

    if (pipe(fds) < 0) {
        perror("pipe");
        return 1;
    }
    fflush(stdout);                      /* nothing buffered twice by fork */
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        close(fds[0]);                   /* the child only writes */
        dup2(fds[1], STDOUT_FILENO);     /* standard output -> the pipe */
        close(fds[1]);
        printf("hello from child %d\n", getpid());
        printf("the child's answer is %d\n", 42);
        return 0;                        /* exit flushes stdout into the pipe */
    }

    close(fds[1]);                       /* the parent only reads */
    printf("parent: reading what the child sends\n");
    FILE *in = fdopen(fds[0], "r");
    char line[128];
    while (fgets(line, sizeof(line), in)) {
        line[strcspn(line, "\n")] = '\0';
        printf("parent: got \"%s\"\n", line);
    }
    printf("parent: end of file -- the child closed its end (and exited)\n");
    fclose(in);

    int status;
    waitpid(pid, &status, 0);
    printf("parent: child %d exited with status %d\n", pid, WEXITSTATUS(status));
    return 0;
}
