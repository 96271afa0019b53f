/* sh: the Minnow shell.
 *
 * A shell is a loop around the lecture's three calls, fork + exec + wait.
 * This file is the loop; the other files follow one command line through
 * its steps:
 *
 *   1. read a line     at a terminal the line editor (lineedit.c), else
 *                      read(0, ...)  (here)
 *   2. lex             cut it into words and operators  | & ; && || < > >> 2>&1  (lex.c)
 *   3. parse           into pipelines joined by && || ; &  (parse.c)
 *   4. expand          quotes, $VAR, $?, ~ -- just before a command runs, so
 *                      that "false; echo $?" prints 1  (expand.c, vars.c)
 *   5. run             pipe() between neighbours, fork() a child per command,
 *                      dup2() pipe ends and files onto 0/1/2, execve(), and
 *                      waitpid() for the job  (exec.c, jobs.c, builtins.c)
 *
 * Job control, when a person types at a terminal: every pipeline is a
 * process group of its own (a "job"), and the terminal's foreground group
 * (tcsetpgrp) is the job that runs now.  The tty sends Ctrl-C's SIGINT and
 * Ctrl-Z's SIGTSTP to that group only, so they reach the job, never the
 * shell.  This file takes the terminal at the start and gives it back at
 * the end; docs/shell.md tells the whole story.
 *
 * Here too: complain(), and the arena the words of a line live in, which
 * every step uses. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

/* ================================================================ the shell's state
 *
 * Whether a person is at a terminal decides the prompt and job control
 * in every file, so it is kept here, once, and read with is_interactive(). */

static int interactive;         /* a person at a terminal: prompt and job control */
static pid_t shell_pgid;        /* our own process group */
static pid_t saved_tty_pgid;    /* who had the terminal before us: given back at exit */

int is_interactive(void)
{
    return interactive;
}

void set_interactive(int yes)
{
    interactive = yes;
}

pid_t get_shell_pgid(void)
{
    return shell_pgid;
}

/* Every error message starts with "sh: ", on stderr. */
void complain(const char *fmt, ...)
{
    va_list ap;

    fflush(stdout);
    fputs("sh: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* The words of a line live in one arena, emptied when the next line starts:
 * no free() to forget, and no leak however long the session. */
static char arena[ARENA_SIZE];
static size_t arena_used;

/* The first n characters of a, then all of b, as one string in the arena. */
char *arena_concat(const char *a, size_t n, const char *b)
{
    size_t len = n + strlen(b);

    if (arena_used + len + 1 > ARENA_SIZE) {
        complain("line too long");
        return NULL;
    }
    char *p = arena + arena_used;
    memcpy(p, a, n);
    strcpy(p + n, b);
    arena_used += len + 1;
    return p;
}

char *arena_strndup(const char *s, size_t n)
{
    return arena_concat(s, n, "");
}

/* ================================================================ input and the main loop */

/* Commands come from a file descriptor (the terminal, a script, a pipe) or
 * from the string of sh -c. */
struct input {
    int fd;
    const char *text;
};

/* One line into buf, without its '\n'.  Returns -1 at the end of input.
 * From a file we read one byte at a time: a program we start may read the
 * same stdin, and must find the lines after ours still there. */
static int read_line(struct input *in, char *buf, int size)
{
    int len = 0, too_long = 0;
    char c;

    if (in->text && !*in->text)
        return -1;
    for (;;) {
        if (in->text) {
            c = *in->text ? *in->text++ : '\n';
        } else {
            ssize_t n = read(in->fd, &c, 1);
            if (n < 0 && errno == EINTR) {      /* Ctrl-C at the prompt: a new line */
                len = 0;
                break;
            }
            if (n <= 0 && len == 0)
                return -1;
            if (n <= 0)
                break;
        }
        if (c == '\n')
            break;
        if (len < size - 1)
            buf[len++] = c;
        else
            too_long = 1;
    }
    buf[len] = '\0';
    if (too_long) {
        complain("line too long (the limit is %d characters)", size - 1);
        buf[0] = '\0';
    }
    return 0;
}

static const char *prompt(char *buf, size_t size)
{
    char cwd[PATH_MAX];

    snprintf(buf, size, "minnow:%s$ ", getcwd(cwd, sizeof(cwd)) ? cwd : "?");
    return buf;
}

/* A person at the terminal: the line editor reads the line, and keeps it
 * in the history.  Returns -1 at the end of input. */
static int read_edited_line(char *buf, int size)
{
    char text[PATH_MAX + 16];
    int n = edit_line(prompt(text, sizeof(text)), buf, size);

    if (n == 0 || n == -1)
        return -1;
    buf[n > 0 ? n - 1 : 0] = '\0';          /* without its '\n'; Ctrl-C (-2): empty */
    history_add(buf);
    return 0;
}

/* Lex, parse, run.  A malformed line runs nothing, and $? is 2. */
static void run_line(const char *text)
{
    static struct token tokens[MAX_TOKENS];
    static struct line line;

    arena_used = 0;
    if (lex(text, tokens) < 0 || parse_line(tokens, &line) < 0) {
        set_last_status(2);
        return;
    }
    run_lists(&line);
}

static int run_input(struct input *in)
{
    static char line[MAX_LINE];

    if (interactive)
        history_load();
    for (;;) {
        check_jobs();
        int got = interactive ? read_edited_line(line, sizeof(line)) : read_line(in, line, sizeof(line));
        if (got < 0)
            break;
        run_line(line);
    }
    if (interactive)
        fprintf(stderr, "exit\n");
    return get_last_status();
}

/* The end: a stopped job would stay stopped forever, so it gets SIGHUP
 * (and SIGCONT to act on it); the terminal goes back to who had it. */
_Noreturn void leave(int status)
{
    if (interactive) {
        hang_up_stopped_jobs();
        tcsetpgrp(0, saved_tty_pgid);
    }
    fflush(stdout);
    exit(status);
}

/* ================================================================ the start */

/* The handler does nothing, but a read() or wait it interrupts returns
 * EINTR.  (At the prompt the terminal is in raw mode, and Ctrl-C is a key
 * for the line editor, not a signal.) */
static void on_sigint(int sig)
{
    (void)sig;
}

/* Job control needs the terminal: wait until we are its foreground group
 * (a shell started in the background is stopped by SIGTTIN until then),
 * then take a group of our own and make it the foreground. */
static void start_job_control(void)
{
    struct sigaction sa = { .sa_handler = on_sigint };   /* no SA_RESTART */

    if (tcgetpgrp(0) < 0) {
        interactive = 0;
        return;
    }
    while (tcgetpgrp(0) != getpgrp())
        kill(-getpgrp(), SIGTTIN);
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGTSTP, SIG_IGN);                   /* Ctrl-Z stops jobs, not the shell */
    signal(SIGTTIN, SIG_IGN);
    signal(SIGTTOU, SIG_IGN);
    saved_tty_pgid = tcgetpgrp(0);
    setpgid(0, 0);                              /* fails, harmlessly, for a session leader */
    shell_pgid = getpgrp();
    tcsetpgrp(0, shell_pgid);
}

/*   sh                    commands from stdin (a terminal: interactive)
 *   sh -c 'commands' [name args...]
 *   sh script [args...] */
int main(int argc, char *argv[])
{
    static char *no_name[] = { "sh", NULL };
    struct input in = { 0, NULL };
    char **params = argv;
    int nparams = argc > 0 ? 1 : 0;

    init_variables();
    if (argc > 1 && strcmp(argv[1], "-c") == 0) {
        if (argc < 3) {
            complain("-c: option requires an argument");
            return 2;
        }
        in.text = argv[2];
        params = argc > 3 ? argv + 3 : no_name;
        nparams = argc > 3 ? argc - 3 : 1;
    } else if (argc > 1) {
        in.fd = open(argv[1], O_RDONLY | O_CLOEXEC);
        if (in.fd < 0) {
            complain("%s: %s", argv[1], strerror(errno));
            return 127;
        }
        params = argv + 1;
        nparams = argc - 1;
    } else {
        interactive = isatty(0);
    }
    if (nparams == 0) {
        params = no_name;
        nparams = 1;
    }
    set_params(params, nparams);
    if (interactive) {
        start_job_control();
        const char *home = get_var("HOME");
        if (home && chdir(home) == 0)
            setenv("PWD", home, 1);
    }
    leave(run_input(&in));
}
