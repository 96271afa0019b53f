/* builtins.c: the commands the shell runs itself, without fork + exec.
 *
 * cd must change the shell's own directory (a child's chdir changes only
 * the child's), exit must end the shell, and fg, bg, jobs, wait and kill
 * work on the shell's job table (jobs.c); export, unset and set on its
 * variables (vars.c).  exec.c runs a built-in in the shell, with its
 * redirections, or in a forked child when it is part of a pipeline. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

static int builtin_cd(int argc, char **argv)
{
    char old[PATH_MAX], now[PATH_MAX];
    const char *dir = argc > 1 ? argv[1] : get_var("HOME");

    if (!dir)
        dir = "/";
    if (strcmp(dir, "-") == 0) {
        if (!(dir = get_var("OLDPWD"))) {
            complain("cd: OLDPWD not set");
            return 1;
        }
        printf("%s\n", dir);
    }
    if (!getcwd(old, sizeof(old)))
        old[0] = '\0';
    if (chdir(dir) < 0) {
        complain("cd: %s: %s", dir, strerror(errno));
        return 1;
    }
    set_var("OLDPWD", old);
    if (getcwd(now, sizeof(now)))
        set_var("PWD", now);
    return 0;
}

static int builtin_pwd(int argc, char **argv)
{
    char cwd[PATH_MAX];

    (void)argc, (void)argv;
    if (!getcwd(cwd, sizeof(cwd))) {
        complain("pwd: %s", strerror(errno));
        return 1;
    }
    printf("%s\n", cwd);
    return 0;
}

static int builtin_exit(int argc, char **argv)
{
    leave(argc > 1 ? atoi(argv[1]) : get_last_status());
    return 1;                                   /* not reached */
}

static int builtin_jobs(int argc, char **argv)
{
    (void)argc, (void)argv;
    list_jobs();
    return 0;
}

/* fg: give the job the terminal, wake it up (SIGCONT), wait for it. */
static int builtin_fg(int argc, char **argv)
{
    struct job *j = find_job(argc > 1 ? argv[1] : NULL, "fg");

    if (!j)
        return 1;
    printf("%s\n", j->text);
    fflush(stdout);
    if (is_interactive())
        tcsetpgrp(0, j->pgid);                  /* first the terminal, then SIGCONT */
    continue_job(j);
    return wait_in_foreground(j);
}

/* bg: wake the job up, but leave it in the background. */
static int builtin_bg(int argc, char **argv)
{
    struct job *j = find_job(argc > 1 ? argv[1] : NULL, "bg");

    if (!j)
        return 1;
    continue_job(j);
    printf("[%d]+ %s &\n", j->id, j->text);
    return 0;
}

/* wait [%job | pid]...: until they end; with no argument, every job. */
static int builtin_wait(int argc, char **argv)
{
    int status = 0;

    for (int i = 1; i < argc; i++) {
        struct job *j = find_job(argv[i], "wait");
        if (!j) {
            status = 127;
            continue;
        }
        if (wait_for_job(j, 1) < 0)
            return 128 + SIGINT;
        status = exit_code(job_wait_status(j));
    }
    if (argc == 1 && wait_for_all_jobs() < 0)
        return 128 + SIGINT;
    return status;
}

/* kill -l N: the name of signal N (or of the one in exit status N, 137);
 * kill -l NAME: its number. */
static int convert_signal(const char *arg)
{
    char name[SIG2STR_MAX];
    int sig;

    if (isdigit((unsigned char)arg[0])) {
        sig = atoi(arg) > 128 ? atoi(arg) - 128 : atoi(arg);
        if (sig2str(sig, name) == 0) {
            printf("%s\n", name);
            return 0;
        }
    } else if (str2sig(arg, &sig) == 0) {
        printf("%d\n", sig);
        return 0;
    }
    complain("kill: %s: invalid signal specification", arg);
    return 1;
}

/* kill -l: " 1) SIGHUP	 2) SIGINT ..." five to a line, like bash. */
static int list_signals(int argc, char **argv)
{
    char name[SIG2STR_MAX];
    int column = 0;

    if (argc > 2)
        return convert_signal(argv[2]);
    for (int sig = 1; sig < NSIG; sig++) {
        if (sig2str(sig, name) < 0)
            continue;
        printf("%2d) SIG%s%s", sig, name, ++column % 5 == 0 ? "\n" : "\t");
    }
    if (column % 5)
        printf("\n");
    return 0;
}

/* kill a stopped job with SIGTERM, and it would stay stopped with the
 * signal pending: like bash, also send SIGCONT so that it can die. */
static int kill_target(const char *target, int sig)
{
    if (target[0] == '%') {
        struct job *j = find_job(target, "kill");
        if (!j)
            return 1;
        if (job_state(j) == P_DONE) {           /* its group may be someone else's by now */
            complain("kill: %s: the job has ended", target);
            return 1;
        }
        signal_job(j, sig);
        if (job_state(j) == P_STOPPED && sig != SIGKILL && sig != SIGCONT && sig != SIGSTOP && sig != SIGTSTP)
            continue_job(j);
        return 0;
    }
    char *end;
    long pid = strtol(target, &end, 10);
    if (*end || end == target) {
        complain("kill: %s: arguments must be process or job IDs", target);
        return 1;
    }
    if (kill((pid_t)pid, sig) < 0) {
        complain("kill: (%ld) - %s", pid, strerror(errno));
        return 1;
    }
    return 0;
}

/* kill [-s SIG | -SIG | -N] pid|%job...   kill -l [N] */
static int builtin_kill(int argc, char **argv)
{
    int sig = SIGTERM, i = 1, status = 0;

    if (argc > 1 && strcmp(argv[1], "-l") == 0)
        return list_signals(argc, argv);
    if (argc > 2 && strcmp(argv[1], "-s") == 0) {
        if (str2sig(argv[2], &sig) < 0) {
            complain("kill: %s: invalid signal specification", argv[2]);
            return 1;
        }
        i = 3;
    } else if (argc > 1 && argv[1][0] == '-' && strcmp(argv[1], "--") != 0) {
        if (str2sig(argv[1] + 1, &sig) < 0) {
            complain("kill: %s: invalid signal specification", argv[1] + 1);
            return 1;
        }
        i = 2;
    }
    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    if (i >= argc) {
        complain("kill: usage: kill [-s SIG | -SIG] pid | %%job ...  or  kill -l [SIG]");
        return 2;
    }
    for (; i < argc; i++)
        status |= kill_target(argv[i], sig);
    return status;
}

static void print_environment(void)
{
    for (char **e = environ; e && *e; e++)
        printf("%s\n", *e);
}

/* export NAME=value, export NAME (a shell variable), export (list them). */
static int builtin_export(int argc, char **argv)
{
    int status = 0;

    if (argc == 1)
        print_environment();
    for (int i = 1; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        size_t len = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);
        if (!valid_name(argv[i], len)) {
            complain("export: `%s': not a valid identifier", argv[i]);
            status = 1;
            continue;
        }
        if (eq)
            *eq = '\0';
        export_var(argv[i], eq ? eq + 1 : NULL);
    }
    return status;
}

static int builtin_unset(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        unset_var(argv[i]);
    return 0;
}

/* set: every variable, the shell's own and the exported ones. */
static int builtin_set(int argc, char **argv)
{
    (void)argc, (void)argv;
    print_locals();
    print_environment();
    return 0;
}

static int builtin_help(int argc, char **argv);

static const struct builtin builtins[] = {
    { "cd",     builtin_cd,     "cd [dir]        change directory (no dir: $HOME; -: the last one)" },
    { "pwd",    builtin_pwd,    "pwd             print the current directory" },
    { "exit",   builtin_exit,   "exit [n]        leave the shell with status n" },
    { "jobs",   builtin_jobs,   "jobs            list the jobs: running, stopped, done" },
    { "fg",     builtin_fg,     "fg [%n]         continue job n in the foreground" },
    { "bg",     builtin_bg,     "bg [%n]         continue job n in the background" },
    { "wait",   builtin_wait,   "wait [%n|pid]   wait for background jobs to end" },
    { "kill",   builtin_kill,   "kill [-SIG] pid|%n   send a signal; kill -l lists them" },
    { "export", builtin_export, "export [X[=v]]  give X to the programs we start; alone: list" },
    { "unset",  builtin_unset,  "unset X         forget variable X" },
    { "set",    builtin_set,    "set             list all variables" },
    { "help",   builtin_help,   "help            this list" },
};

#define NBUILTINS (sizeof(builtins) / sizeof(builtins[0]))

const struct builtin *find_builtin(const char *name)
{
    for (size_t i = 0; i < NBUILTINS; i++)
        if (strcmp(builtins[i].name, name) == 0)
            return &builtins[i];
    return NULL;
}

/* For Tab completion (lineedit.c). */
const char *builtin_name(int i)
{
    return i >= 0 && (size_t)i < NBUILTINS ? builtins[i].name : NULL;
}

static int builtin_help(int argc, char **argv)
{
    (void)argc, (void)argv;
    printf("Built-in commands (anything else is a program in $PATH):\n");
    for (size_t i = 0; i < NBUILTINS; i++)
        printf("  %s\n", builtins[i].help);
    printf("Syntax: a | b   a > f   a >> f   a < f   a 2> f   a 2>&1   a ; b   a && b   a || b   a &\n"
           "        'quoted'  \"with $VAR\"  $?  $$  $!  X=value  Ctrl-C  Ctrl-Z\n");
    return 0;
}
