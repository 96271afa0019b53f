/* LAB(util) FILE */
/* xargs_lab [-P N] COMMAND [ARG...]: runs COMMAND once for each line of
 * standard input, with the line's words after ARG...; up to N runs at
 * the same time (1 if not given).  (The lab's xargs: /bin/xargs packs
 * many lines into one run.)
 *
 *     $ printf 'a b\nc\n' | xargs_lab echo word:
 *     word: a b
 *     word: c
 *
 * Exit status 0 if every run exited with 0, else 123 (as GNU xargs).
 *
 * Each run is the shell's fork-exec-wait; -P N only moves the wait: up to
 * N children run, and the next line waits until wait() says one of them
 * has ended -- any one.  A run's standard input is /dev/null, not ours:
 * the lines are xargs_lab's input, and a command that reads its input
 * would otherwise eat the lines meant for the runs after it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define MAX_LINE 1024
#define MAX_ARGS 64

static int failed;                      /* some run did not exit with 0 */
static int running;                     /* children not yet waited for */

/* Waits for any one child and notes how it ended. */
static void wait_one(void)
{
    int status;

    while (wait(&status) < 0) {
        if (errno != EINTR) {
            perror("xargs_lab: wait");
            exit(1);
        }
    }
    running--;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        failed = 1;
}

/* In the child: stdin from /dev/null, then become the command. */
static void exec_command(char *argv[])
{
    int null = open("/dev/null", O_RDONLY);

    if (null < 0 || dup2(null, STDIN_FILENO) < 0) {
        perror("xargs_lab: /dev/null");
        _exit(126);
    }
    if (null != STDIN_FILENO)
        close(null);                    /* the command gets 0, 1 and 2 only */
    execvp(argv[0], argv);
    fprintf(stderr, "xargs_lab: %s: %s\n", argv[0], strerror(errno));
    _exit(127);
}

static void start(char *argv[])
{
    fflush(stdout);                     /* nothing buffered goes out twice */
    pid_t pid = fork();
    if (pid < 0) {
        perror("xargs_lab: fork");
        exit(1);
    }
    if (pid == 0)
        exec_command(argv);
    running++;
}

/* The words of line after the fixed arguments argv[0..fixed-1]; returns
 * how many there are in all, or -1 if they do not fit. */
static int add_words(char *argv[], int fixed, char *line)
{
    int n = fixed;

    for (char *w = strtok(line, " \t\n"); w; w = strtok(NULL, " \t\n")) {
        if (n == MAX_ARGS - 1)
            return -1;
        argv[n++] = w;
    }
    argv[n] = NULL;
    return n;
}

int main(int argc, char *argv[])
{
    char line[MAX_LINE];
    char *args[MAX_ARGS];
    int first = 1, parallel = 1;

    if (argc > 2 && strcmp(argv[1], "-P") == 0) {
        parallel = atoi(argv[2]);
        first = 3;
    }
    int fixed = argc - first;
    if (fixed < 1 || fixed >= MAX_ARGS || parallel < 1) {
        fprintf(stderr, "usage: xargs_lab [-P N] COMMAND [ARG...]   (N >= 1)\n");
        return 2;
    }
    for (int i = 0; i < fixed; i++)
        args[i] = argv[first + i];
    while (fgets(line, sizeof(line), stdin)) {
        if (!strchr(line, '\n') && !feof(stdin)) {
            fprintf(stderr, "xargs_lab: a line longer than %d bytes\n", MAX_LINE - 2);
            failed = 1;
            break;
        }
        int n = add_words(args, fixed, line);
        if (n < 0) {
            fprintf(stderr, "xargs_lab: more than %d words\n", MAX_ARGS - 1);
            failed = 1;
            continue;
        }
        if (n == fixed)
            continue;                   /* an empty line runs nothing */
        if (running == parallel)
            wait_one();
        start(args);
    }
    while (running > 0)
        wait_one();
    return failed ? 123 : 0;
}
