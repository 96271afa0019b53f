/* The lecture's programs (user/lecture/) run and print what their
 * comments promise: the three pipe examples, sigpipe_demo, fork_demo,
 * orphan_demo, signal_ignore, minishell, and signal_handler, which gets
 * real signals from this test (what Ctrl-C and Ctrl-\ would send). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/test.h>

static char out[4096];           /* what the program printed */
static size_t out_len;

/* Starts argv[0] with its standard output on a pipe; *fd gets the read
 * end, and input (if not NULL) is all of its standard input. */
static pid_t start(char *const argv[], const char *input, int *fd)
{
    out_len = 0;
    out[0] = '\0';
    return start_captured(argv, input, fd, NULL, 5);   /* a program that hangs is killed */
}

/* Reads the program's output from fd until want has appeared `times`
 * times in out (want NULL: until end of file); 1 if it did. */
static int read_until_count(int fd, const char *want, int times)
{
    return read_until(fd, out, sizeof(out), &out_len, want, times);
}

static int read_until_once(int fd, const char *want)
{
    return read_until_count(fd, want, 1);
}

/* Runs a program to its end; returns its wait status. */
static int run(const char *name, const char *arg, const char *input)
{
    char *argv[] = { (char *)name, (char *)arg, NULL };
    int status = run_captured(argv, input, out, sizeof(out), NULL, 0);

    out_len = strlen(out);
    return status;
}

static void pipes(void)
{
    int s = run("pipe_single", NULL, NULL);
    check(s == 0 && strstr(out, "wrote 21 bytes into the pipe\n") &&
          strstr(out, "read 21 bytes back: \"hello through a pipe\"\n"),
          "lecture_pipe_single", "status %#x, \"%s\"", s, out);

    s = run("pipe_parent_child", NULL, NULL);
    check(s == 0 && strstr(out, "child: got \"line 1 from the parent\"\n") &&
          strstr(out, "child: got \"line 3 from the parent\"\n") &&
          strstr(out, "child: end of file, good-bye\n") &&
          strstr(out, "parent: the child has finished\n"),
          "lecture_pipe_parent_child", "status %#x, \"%s\"", s, out);

    s = run("pipe_child_parent", NULL, NULL);
    check(s == 0 && strstr(out, "parent: got \"hello from child ") &&
          strstr(out, "parent: got \"the child's answer is 42\"\n") &&
          strstr(out, "parent: end of file") && strstr(out, "exited with status 0\n"),
          "lecture_pipe_child_parent", "status %#x, \"%s\"", s, out);

    /* the same write twice: killed by SIGPIPE, then EPIPE with it ignored */
    s = run("sigpipe_demo", NULL, NULL);
    char *killed = strstr(out, "parent: the child was killed by signal 13 (SIGPIPE: Broken pipe)\n");
    char *epipe = strstr(out, "child: write returned -1, errno 32 (EPIPE: Broken pipe)\n");
    check(s == 0 && killed && epipe && killed < epipe &&
          strstr(epipe, "parent: the child exited with status 0\n") &&
          !strstr(out, "write returned 6"), "lecture_sigpipe_demo", "status %#x, \"%s\"", s, out);
}

static void processes(void)
{
    int s = run("fork_demo", NULL, NULL);
    check(s == 0 && strstr(out, "child: fork returned 0; I am pid ") &&
          strstr(out, "child: x = 2 in my copy\n") && strstr(out, "parent: x = 1 in mine"),
          "lecture_fork_demo", "status %#x, \"%s\"", s, out);

    /* The orphan keeps the pipe open until it ends, so this reads its
     * last line too. */
    s = run("orphan_demo", NULL, NULL);
    check(s == 0 && strstr(out, "my parent is now 1 -- init adopted me\n"),
          "lecture_orphan_demo", "status %#x, \"%s\"", s, out);

    s = run("minishell", NULL, "echo hello from minishell\nfalse\nnosuchprogram\nexit\n");
    check(s == 0 && strstr(out, "minishell> hello from minishell\n") &&
          strstr(out, "exited with status 0]\n") && strstr(out, "exited with status 1]\n") &&
          strstr(out, "exited with status 127]\n"),
          "lecture_minishell", "status %#x, \"%s\"", s, out);
}

static void signals(void)
{
    int s = run("signal_ignore", NULL, NULL);
    check(s == 0 && strstr(out, "after fork: SIGINT is ignored, SIGQUIT has a handler\n") &&
          strstr(out, "after exec: SIGINT is ignored, SIGQUIT is default\n"),
          "lecture_signal_ignore", "status %#x, \"%s\"", s, out);

    /* SIGINT and SIGQUIT are caught; SIGTERM still ends it. */
    char *argv[] = { "signal_handler", NULL };
    int fd, status;
    pid_t pid = start(argv, NULL, &fd);
    int ready = read_until_once(fd, "press Ctrl-C");
    kill(pid, SIGINT);
    int got_int = read_until_once(fd, "HELLO! Signal 2 caught.\n");
    kill(pid, SIGQUIT);
    int got_quit = read_until_once(fd, "HELLO! Signal 3 caught.\n");
    kill(pid, SIGTERM);
    waitpid(pid, &status, 0);
    close(fd);
    check(ready && got_int, "lecture_signal_handler_sigint", "\"%s\"", out);
    check(got_quit, "lecture_signal_handler_sigquit", "\"%s\"", out);
    check(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "lecture_signal_handler_sigterm_ends",
          "status %#x", status);

    /* Three caught signals, and it ends by itself. */
    pid = start(argv, NULL, &fd);
    read_until_once(fd, "press Ctrl-C");
    for (int i = 1; i <= 3; i++) {
        kill(pid, SIGINT);
        /* wait for each message, so that no two signals merge into one */
        read_until_count(fd, "HELLO! Signal 2 caught.\n", i);
    }
    read_until_once(fd, NULL);
    waitpid(pid, &status, 0);
    close(fd);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0 && strstr(out, "goodbye"),
          "lecture_signal_handler_three_end_it", "status %#x, \"%s\"", status, out);
}

int main(void)
{
    pipes();
    processes();
    signals();
    return test_exit_code();
}
