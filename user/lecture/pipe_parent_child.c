/* pipe_parent_child: the parent writes into a pipe, the child reads.
 *
 * What you should see (the order of the first lines may vary):
 *     parent: writing 3 lines to the child
 *     child: got "line 1 from the parent"
 *     child: got "line 2 from the parent"
 *     child: got "line 3 from the parent"
 *     child: end of file, good-bye
 *     parent: the child has finished
 *
 * The pipe is made BEFORE fork, so both processes have both ends (fork
 * copies the file descriptor table).  Each then closes the end it does
 * not use.  That matters: the child's read() returns 0, "end of file",
 * only when NO process has the write end open any more.  If the child
 * kept its own copy of fds[1], it would wait forever for itself.
 *
 * Try: delete the child's close(fds[1]) and run it again -- the child
 * hangs after line 3 (and so does the parent, waiting for it). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static void child(int fds[2])
{
    FILE *in;
    char line[128];

    close(fds[1]);                       /* the child only reads */
    in = fdopen(fds[0], "r");
    while (fgets(line, sizeof(line), in)) {
        line[strcspn(line, "\n")] = '\0';
        printf("child: got \"%s\"\n", line);
        fflush(stdout);
    }
    printf("child: end of file, good-bye\n");
    fclose(in);
}

int main(void)
{
    int fds[2];

    if (pipe(fds) < 0) {
        perror("pipe");
        return 1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        child(fds);
        return 0;
    }

    close(fds[0]);                       /* the parent only writes */
    printf("parent: writing 3 lines to the child\n");
    fflush(stdout);
    for (int i = 1; i <= 3; i++)
        dprintf(fds[1], "line %d from the parent\n", i);
    close(fds[1]);                       /* now the child will see EOF */

    waitpid(pid, NULL, 0);
    printf("parent: the child has finished\n");
    return 0;
}
