/* sh: the Minnow shell.
 *
 * A shell is a loop around the lecture's three calls, fork + exec + wait,
 * and a language around that loop: if, while, for, case, functions,
 * pipes, redirections, $(...).  This file starts it and ends it; the
 * others follow a command from its characters to its exit status (sh.h
 * lists them, docs/shell.md tells the story).
 *
 *   sh                         commands from stdin; a person at a terminal
 *                              gets a prompt, line editing and job control
 *   sh -c 'commands' [name [args...]]
 *   sh script [args...]        $0 is script, $1... the args
 *   sh -e -u -x ...            the options of set, from the start
 *
 * Job control, when a person types at a terminal: every pipeline is a
 * process group of its own (a "job"), and the terminal's foreground group
 * (tcsetpgrp) is the job that runs now.  The tty sends Ctrl-C's SIGINT and
 * Ctrl-Z's SIGTSTP to that group only, so they reach the job, never the
 * shell. */
#include <errno.h>
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

static int interactive;
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

/* The end: the EXIT trap first (it may still print); a stopped job would
 * stay stopped forever, so it gets SIGHUP; the terminal goes back. */
_Noreturn void leave(int status)
{
    static int leaving;

    if (!leaving++) {
        set_last_status(status);
        run_exit_trap();
    }
    if (interactive) {
        hang_up_stopped_jobs();
        tcsetpgrp(0, saved_tty_pgid);
    }
    fflush(stdout);
    fflush(stderr);
    exit(status);
}

/* ================================================================ the start */

/* Job control needs the terminal: wait until we are its foreground group
 * (a shell started in the background is stopped by SIGTTIN until then),
 * then take a group of our own and make it the foreground. */
static void start_job_control(void)
{
    if (tcgetpgrp(0) < 0) {
        interactive = 0;
        return;
    }
    while (tcgetpgrp(0) != getpgrp())
        kill(-getpgrp(), SIGTTIN);
    saved_tty_pgid = tcgetpgrp(0);
    setpgid(0, 0);                              /* fails, harmlessly, for a session leader */
    shell_pgid = getpgrp();
    tcsetpgrp(0, shell_pgid);
    set_option(OPT_MONITOR, 1);
}

/* How to read the commands: sh -c 'text', sh -s (stdin, though operands
 * follow: they are $1...), sh -i (as if a person typed them). */
struct start_mode {
    int command_string, from_stdin, force_interactive;
};

/* -e, -eux, +x, -o errexit: the options before the operands. */
static int parse_options(int argc, char **argv, struct start_mode *mode)
{
    int i = 1;

    for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0 || strcmp(argv[i], "-") == 0)
            return i + 1;
        int on = argv[i][0] == '-';
        if (argv[i][1] == 'o' && !argv[i][2] && i + 1 < argc) {
            int o = option_by_name(argv[++i]);
            if (o < 0) {
                complain("%s: invalid option name", argv[i]);
                exit(2);
            }
            set_option((enum option)o, on);
            continue;
        }
        for (const char *c = argv[i] + 1; *c; c++) {
            int o = option_by_letter(*c);
            if (*c == 'c')
                mode->command_string = 1;
            else if (*c == 'i')
                mode->force_interactive = 1;
            else if (*c == 's')
                mode->from_stdin = 1;
            else if (o >= 0)
                set_option((enum option)o, on);
            else {
                complain("-%c: invalid option", *c);
                exit(2);
            }
        }
    }
    return i;
}

int main(int argc, char *argv[])
{
    struct start_mode mode = { 0 };
    struct input *in;

    init_variables();
    set_arg0(argc > 0 ? argv[0] : "sh");
    int i = parse_options(argc, argv, &mode);
    if (mode.command_string) {
        if (i >= argc) {
            complain("-c: option requires an argument");
            return 2;
        }
        in = input_string(argv[i++]);
        if (i < argc)
            set_arg0(argv[i++]);
    } else if (i < argc && !mode.from_stdin) {
        in = input_file(argv[i]);
        if (!in) {
            complain("%s: %s", argv[i], strerror(errno));
            return 127;
        }
        set_arg0(argv[i++]);
    } else {
        interactive = mode.force_interactive || (isatty(0) && isatty(2));
        in = input_fd(0, interactive);
    }
    set_params(argv + i, argc - i);
    trap_init();
    if (interactive) {
        start_job_control();
        trap_init();                            /* start_job_control may have said no */
        const char *home = get_var("HOME");
        if (home && chdir(home) == 0)
            set_var("PWD", home, 0);
        history_load();
    }
    int status = run_input(in);
    if (interactive)
        fprintf(stderr, "exit\n");
    leave(status);
}
