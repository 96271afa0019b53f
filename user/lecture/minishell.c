/* minishell: the smallest shell -- fork, exec, wait.
 *
 * What you should see:
 *     minishell> ls /
 *     bin  dev ...                  (what ls prints)
 *     [pid 7 exited with status 0]
 *     minishell> false
 *     [pid 8 exited with status 1]
 *     minishell> exit
 *
 * Every command goes the same way:
 *   1. read a line and cut it into words at the spaces ("ls", "/")
 *   2. fork(): now there are two copies of minishell
 *   3. the child calls execvp(): it becomes ls (and never comes back)
 *   4. the parent calls waitpid() until ls ends, and shows its status
 *
 * Try: `sleep 5`, then Ctrl-C -- both minishell and sleep die, because
 * both are in the terminal's foreground process group and minishell does
 * not ignore SIGINT (the real shell, sh, does).  Try a command that does
 * not exist, and `kill -9` on yourself from another terminal.  There are
 * no pipes, redirections or quotes here: that is what sh adds. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define MAX_WORDS 32

/* Cuts line into words (in place); returns how many. */
static int split(char *line, char *words[])
{
    int n = 0;
    char *word = strtok(line, " \t\n");

    while (word && n < MAX_WORDS - 1) {
        words[n++] = word;
        word = strtok(NULL, " \t\n");
    }
    words[n] = NULL;                     /* execvp wants a NULL at the end */
    return n;
}

int main(void)
{
    char line[256];
    char *words[MAX_WORDS];

    for (;;) {
        printf("minishell> ");
        fflush(stdout);
        if (!fgets(line, sizeof(line), stdin)) {
            printf("\n");               /* Ctrl-D: end of input */
            break;
        }
        if (split(line, words) == 0)
            continue;
        if (strcmp(words[0], "exit") == 0)
            break;

        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            continue;
        }
        if (pid == 0) {
            execvp(words[0], words);
            /* only reached when exec failed */
            fprintf(stderr, "minishell: %s: %s\n", words[0], strerror(errno));
            _exit(127);
        }

        int status;
        waitpid(pid, &status, 0);
        if (WIFEXITED(status))
            printf("[pid %d exited with status %d]\n", pid, WEXITSTATUS(status));
        else if (WIFSIGNALED(status))
            printf("[pid %d killed by signal %d]\n", pid, WTERMSIG(status));
    }
    return 0;
}
