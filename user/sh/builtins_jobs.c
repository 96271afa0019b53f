/* builtins_jobs.c: jobs, fg, bg, wait and kill -- job control by hand.
 *
 * fg gives a job the terminal (tcsetpgrp) and wakes it (SIGCONT); bg
 * only wakes it; kill sends any signal to a process or a whole job (its
 * process group: kill(-pgid, sig)). */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

int builtin_jobs(int argc, char **argv)
{
    list_jobs(argc, argv);
    return 0;
}

/* fg: give the job the terminal, wake it up (SIGCONT), wait for it. */
int builtin_fg(int argc, char **argv)
{
    struct job *j = find_job(argc > 1 ? argv[1] : NULL, "fg");

    if (!j)
        return 1;
    printf("%s\n", j->text);
    fflush(stdout);
    if (is_interactive() && j->pgid)
        tcsetpgrp(0, j->pgid);                  /* first the terminal, then SIGCONT */
    continue_job(j);
    j->background = 0;
    return wait_in_foreground(j);
}

/* bg: wake the job up, but leave it in the background. */
int builtin_bg(int argc, char **argv)
{
    collect_changes();                          /* a job stopped a moment ago is stopped */
    struct job *j = find_job(argc > 1 ? argv[1] : NULL, "bg");

    if (!j)
        return 1;
    if (job_state(j) == P_RUNNING) {
        complain("bg: job %d already in background", j->id);
        return 0;
    }
    if (job_state(j) == P_DONE) {
        complain("bg: job %d has ended", j->id);
        return 1;
    }
    continue_job(j);
    j->background = 1;
    printf("[%d]+ %s &\n", j->id, j->text);
    return 0;
}

/* wait [%job | pid]...: until they end, and their status; with no
 * argument, every job, and 0.  A trapped signal ends the wait: 128 + n. */
int builtin_wait(int argc, char **argv)
{
    int status = 0;

    for (int i = 1; i < argc; i++) {
        struct job *j = find_job(argv[i], argv[i][0] == '%' ? "wait" : NULL);
        if (!j) {
            status = 127;
            continue;
        }
        if (wait_for_job(j, 1) < 0)
            return 128 + pending_trap_signal();
        status = exit_code(job_wait_status(j));
        if (job_state(j) == P_DONE) {
            report_if_killed(j);
            free_job(j);
        }
    }
    if (argc > 1)
        return status;
    struct job *j;
    while ((j = find_job("%+", NULL)) != NULL) {
        if (job_state(j) == P_STOPPED)
            break;
        if (wait_for_job(j, 1) < 0)
            return 128 + pending_trap_signal();
        report_if_killed(j);
        free_job(j);
    }
    return 0;
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
    } else if ((sig = parse_signal(arg)) > 0) {
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
        if (job_state(j) == P_STOPPED && sig != SIGKILL && sig != SIGCONT && sig != SIGSTOP &&
            sig != SIGTSTP && sig != 0)
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

/* "TERM", "SIGTERM", "15", "0" (0: only check that the process exists). */
static int signal_number(const char *s)
{
    if (isdigit((unsigned char)s[0])) {
        char *end;
        long n = strtol(s, &end, 10);
        return *end || n >= NSIG ? -1 : (int)n;
    }
    int sig = parse_signal(s);
    return sig == 0 ? -1 : sig;         /* "EXIT" is trap's, not kill's */
}

/* kill [-s SIG | -SIG | -N] pid|%job...   kill -l [N] */
int builtin_kill(int argc, char **argv)
{
    int sig = SIGTERM, i = 1, status = 0;

    if (argc > 1 && strcmp(argv[1], "-l") == 0)
        return list_signals(argc, argv);
    if (argc > 2 && strcmp(argv[1], "-s") == 0) {
        if ((sig = signal_number(argv[2])) < 0) {
            complain("kill: %s: invalid signal specification", argv[2]);
            return 1;
        }
        i = 3;
    } else if (argc > 1 && argv[1][0] == '-' && argv[1][1] && strcmp(argv[1], "--") != 0) {
        if ((sig = signal_number(argv[1] + 1)) < 0) {
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
