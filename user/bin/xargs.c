/* xargs: run a command with words read from standard input as its
 * arguments.
 *
 *   xargs [-n N] [COMMAND [ARG...]]     COMMAND is echo if not given
 *     -n N   at most N words per run of COMMAND
 *
 *   ls | xargs rm          removes every file ls printed
 *
 * Words are separated by spaces, tabs and newlines.  For each batch,
 * xargs does what a shell does: fork, exec the command in the child,
 * wait for it in the parent.  The exit status is 123 if any run failed,
 * 127 if the command was not found. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define MAX_ARGS 128
#define MAX_WORD 1024

/* Runs argv, returns its exit status (128 + N if signal N killed it). */
static int run(char *argv[])
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "xargs: fork: %s\n", strerror(errno));
        return 126;
    }
    if (pid == 0) {
        execvp(argv[0], argv);
        fprintf(stderr, "xargs: %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int status;
    if (waitpid(pid, &status, 0) < 0)
        return 126;
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

/* Reads the next word of standard input into word; 0 at the end. */
static int next_word(char *word, size_t size)
{
    int c;
    size_t len = 0;

    while ((c = getchar()) != EOF && isspace(c))
        ;
    while (c != EOF && !isspace(c)) {
        if (len < size - 1)
            word[len++] = c;
        c = getchar();
    }
    word[len] = '\0';
    return len > 0;
}

int main(int argc, char *argv[])
{
    int per_run = MAX_ARGS;
    int c;

    while ((c = getopt(argc, argv, "n:")) != -1) {
        if (c == 'n' && atoi(optarg) > 0) {
            per_run = atoi(optarg);
        } else {
            fprintf(stderr, "usage: xargs [-n N] [COMMAND [ARG...]]\n");
            return 1;
        }
    }

    /* args = the command and its own arguments, then the words. */
    char *args[MAX_ARGS + 64];
    int fixed = 0;
    if (optind == argc)
        args[fixed++] = "echo";
    for (int i = optind; i < argc && fixed < 63; i++)
        args[fixed++] = argv[i];
    if (per_run > MAX_ARGS)
        per_run = MAX_ARGS;

    int status = 0, words = 0, ran = 0;
    char word[MAX_WORD];
    for (;;) {
        int got = next_word(word, sizeof(word));
        if (got)
            args[fixed + words++] = strdup(word);
        /* Run when a batch is full, and at the end for the words left
         * (or once with none at all, if the input had no words). */
        if (words == per_run || (!got && (words > 0 || !ran))) {
            args[fixed + words] = NULL;
            int s = run(args);
            ran = 1;
            if (s == 127 || s == 126)
                return s;
            if (s != 0)
                status = 123;
            while (words > 0)
                free(args[fixed + --words]);
        }
        if (!got)
            break;
    }
    return status;
}
