/* jobs.c: job control -- the job table, waiting, and telling the user.
 *
 * A job is one pipeline (or one "a && b &" list run by a child shell):
 * its processes share a process group, so one kill(-pgid, sig) reaches
 * all of them.  The table remembers each process's state, which
 * waitpid() tells us about: WUNTRACED reports a stopped process (Ctrl-Z),
 * WCONTINUED a continued one, WNOHANG asks without waiting.  A foreground
 * job gets the terminal (tcsetpgrp) while it runs, and the keyboard's
 * signals with it.
 *
 * The table is a list that grows as needed.  A job leaves it when it has
 * ended and the user has been told (before a prompt, or by jobs), or when
 * a script has waited for it. */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "sh.h"

/* The job table: global state, as the shell remembers its jobs from one
 * command to the next.  Private to this file. */
static struct job *jobs;
static int job_seq;
static int sigint_seen;         /* the last foreground job died of Ctrl-C */

/* A script that starts thousands of background jobs and never waits:
 * the oldest finished ones are forgotten beyond this many. */
#define MAX_DONE_JOBS 1000

static void forget_old_done_jobs(void)
{
    int done = 0;
    for (struct job *j = jobs; j; j = j->next)
        done += job_state(j) == P_DONE;
    while (done-- > MAX_DONE_JOBS) {
        struct job *oldest = NULL;
        for (struct job *j = jobs; j; j = j->next)
            if (job_state(j) == P_DONE && (!oldest || j->seq < oldest->seq))
                oldest = j;
        free_job(oldest);
    }
}

/* The smallest number no job has: %1 is free again once job 1 is gone. */
static int free_id(void)
{
    for (int id = 1;; id++) {
        struct job *j = jobs;
        while (j && j->id != id)
            j = j->next;
        if (!j)
            return id;
    }
}

struct job *new_job(const char *text)
{
    forget_old_done_jobs();
    struct job *j = calloc(1, sizeof(*j));
    if (!j || !(j->text = strdup(text))) {
        free(j);
        complain("out of memory");
        exit(2);
    }
    j->id = free_id();
    j->seq = ++job_seq;
    struct job **tail = &jobs;          /* kept in order of their numbers */
    while (*tail && (*tail)->id < j->id)
        tail = &(*tail)->next;
    j->next = *tail;
    *tail = j;
    return j;
}

void add_proc(struct job *j, pid_t pid)
{
    if (j->nprocs == j->cap) {
        int cap = j->cap ? j->cap * 2 : 4;
        struct proc *p = realloc(j->procs, (size_t)cap * sizeof(*p));
        if (!p) {
            complain("out of memory");
            exit(2);
        }
        j->procs = p;
        j->cap = cap;
    }
    j->procs[j->nprocs++] = (struct proc){ .pid = pid, .state = P_RUNNING };
}

void free_job(struct job *j)
{
    for (struct job **pp = &jobs; *pp; pp = &(*pp)->next) {
        if (*pp == j) {
            *pp = j->next;
            break;
        }
    }
    free(j->text);
    free(j->procs);
    free(j);
}

/* A child shell (a subshell, a "a && b &") has no jobs of its own yet. */
void forget_jobs(void)
{
    while (jobs)
        free_job(jobs);
}

/* Running if any process runs; else stopped if any is stopped; else done. */
enum proc_state job_state(const struct job *j)
{
    enum proc_state s = P_DONE;

    for (int i = 0; i < j->nprocs; i++) {
        if (j->procs[i].state == P_RUNNING)
            return P_RUNNING;
        if (j->procs[i].state == P_STOPPED)
            s = P_STOPPED;
    }
    return s;
}

/* The job's waitpid status: a stopped process's, or the last one's --
 * with set -o pipefail the last one's that failed, so that a failure on
 * the left of a | is not lost. */
int job_wait_status(const struct job *j)
{
    if (j->nprocs == 0)
        return 0;
    for (int i = 0; i < j->nprocs; i++)
        if (j->procs[i].state == P_STOPPED)
            return j->procs[i].status;
    int last = j->nprocs - 1;
    while (option(OPT_PIPEFAIL) && last > 0 && exit_code(j->procs[last].status) == 0)
        last--;
    return j->procs[last].status;
}

/* A waitpid status as $? sees it: the exit code, or 128 + the signal. */
int exit_code(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSTOPPED(status))
        return 128 + WSTOPSIG(status);
    return 128 + WTERMSIG(status);
}

struct job *job_of_pid(pid_t pid)
{
    for (struct job *j = jobs; j; j = j->next)
        for (int k = 0; k < j->nprocs; k++)
            if (j->procs[k].pid == pid)
                return j;
    return NULL;
}

/* waitpid told us about pid: note it in its job. */
static void record_status(pid_t pid, int status)
{
    struct job *j = job_of_pid(pid);

    for (int k = 0; j && k < j->nprocs; k++) {
        struct proc *p = &j->procs[k];
        if (p->pid != pid)
            continue;
        if (WIFCONTINUED(status)) {
            p->state = P_RUNNING;
            return;
        }
        p->state = WIFSTOPPED(status) ? P_STOPPED : P_DONE;
        p->status = status;
        j->changed = 1;
        if (p->state == P_STOPPED)
            j->warned_stopped = 0;
    }
}

int stopped_jobs(void)
{
    int n = 0;
    for (struct job *j = jobs; j; j = j->next)
        n += job_state(j) == P_STOPPED;
    return n;
}

/* %+ (which 0) is the most recent job, %- (which 1) the one before. */
static struct job *recent_job(int which)
{
    struct job *best = NULL, *second = NULL;

    for (struct job *j = jobs; j; j = j->next) {
        if (!best || j->seq > best->seq) {
            second = best;
            best = j;
        } else if (!second || j->seq > second->seq) {
            second = j;
        }
    }
    return which == 0 ? best : second;
}

/* %N, %+ or %%, %-, %name (a command that starts so), or a pid. */
struct job *find_job(const char *spec, const char *who)
{
    struct job *found = NULL;

    if (!spec || strcmp(spec, "%") == 0 || strcmp(spec, "%%") == 0 || strcmp(spec, "%+") == 0)
        found = recent_job(0);
    else if (strcmp(spec, "%-") == 0)
        found = recent_job(1);
    else if (spec[0] == '%' && isdigit((unsigned char)spec[1])) {
        for (struct job *j = jobs; j && !found; j = j->next)
            if (j->id == atoi(spec + 1))
                found = j;
    } else if (spec[0] == '%') {
        for (struct job *j = jobs; j && !found; j = j->next)
            if (strncmp(j->text, spec + 1, strlen(spec + 1)) == 0)
                found = j;
    } else {
        found = job_of_pid((pid_t)atoi(spec));
    }
    if (!found && who)
        complain("%s: %s: no such job", who, spec ? spec : "current");
    return found;
}

/* ---------------------------------------------------------------- telling the user */

/* "Running", "Stopped", "Done", "Exit 3", "Killed", "Segmentation fault (core dumped)" */
static void describe(const struct job *j, char *buf, size_t size)
{
    enum proc_state s = job_state(j);
    int status = job_wait_status(j);

    if (s == P_RUNNING)
        snprintf(buf, size, "Running");
    else if (s == P_STOPPED)
        snprintf(buf, size, "%s", strsignal(WSTOPSIG(status)));
    else if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        snprintf(buf, size, "Done");
    else if (WIFEXITED(status))
        snprintf(buf, size, "Exit %d", WEXITSTATUS(status));
    else
        snprintf(buf, size, "%s%s", strsignal(WTERMSIG(status)), WCOREDUMP(status) ? " (core dumped)" : "");
}

/* "[1]+  Stopped                 sleep 5" */
static void print_job_to(FILE *f, const struct job *j)
{
    char state[64];
    char mark = j == recent_job(0) ? '+' : j == recent_job(1) ? '-' : ' ';

    describe(j, state, sizeof(state));
    fprintf(f, "[%d]%c  %-24s%s%s\n", j->id, mark, state, j->text,
            job_state(j) == P_RUNNING ? " &" : "");
    fflush(f);
}

void print_job(const struct job *j)
{
    print_job_to(stdout, j);
}

static int killed_by_signal(const struct job *j)
{
    int status = job_wait_status(j);
    return job_state(j) == P_DONE && WIFSIGNALED(status);
}

/* Records what every child did since we last looked: ended, stopped or
 * continued (WNOHANG: without waiting). */
void collect_changes(void)
{
    int status;
    pid_t pid;

    while ((pid = waitpid(-1, &status, WNOHANG | WUNTRACED | WCONTINUED)) > 0)
        record_status(pid, status);
}

/* wait in a script: a job a signal killed is worth a line, as at a prompt. */
void report_if_killed(struct job *j)
{
    if (j->changed && killed_by_signal(j) && WTERMSIG(job_wait_status(j)) != SIGPIPE)
        print_job_to(stderr, j);
    j->changed = 0;
}

/* Before each prompt: collect what ended or stopped and say so, and
 * forget the jobs that ended. */
void check_jobs(void)
{
    collect_changes();
    for (struct job *j = jobs, *next; j; j = next) {
        next = j->next;
        if (!j->changed || job_state(j) == P_RUNNING)
            continue;
        j->changed = 0;
        if (is_interactive() || job_state(j) == P_STOPPED || killed_by_signal(j))
            print_job_to(stderr, j);
        if (job_state(j) == P_DONE && is_interactive())
            free_job(j);
    }
}

/* The jobs built-in: every job (or those named), what it does now;
 * -p: only the process group ids. */
void list_jobs(int argc, char **argv)
{
    int pids_only = argc > 1 && strcmp(argv[1], "-p") == 0;
    int first = 1 + pids_only;

    collect_changes();
    for (struct job *j = jobs, *next; j; j = next) {
        next = j->next;
        int named = first >= argc;
        for (int i = first; i < argc; i++)
            named |= find_job(argv[i], NULL) == j;
        if (!named)
            continue;
        if (pids_only)
            printf("%d\n", j->pgid ? (int)j->pgid : (int)j->procs[0].pid);
        else
            print_job(j);
        j->changed = 0;
        if (job_state(j) == P_DONE)
            free_job(j);
    }
}

/* ---------------------------------------------------------------- waiting and signalling */

/* Waits until no process of j runs (all ended, or some stopped).  Waiting
 * for -1 also collects news of the other jobs on the way.  Returns -1 if a
 * trapped signal interrupted the wait (only when interruptible). */
int wait_for_job(struct job *j, int interruptible)
{
    while (job_state(j) == P_RUNNING) {
        /* A signal may have come while waitpid was returning another
         * child (the one that sent it, often): it interrupted nothing. */
        if (interruptible && pending_trap_signal())
            return -1;
        int status;
        pid_t pid = waitpid(-1, &status, WUNTRACED);
        if (pid > 0) {
            record_status(pid, status);
        } else if (errno == EINTR) {
            continue;
        } else {                                /* no children left: none runs */
            for (int i = 0; i < j->nprocs; i++)
                if (j->procs[i].state == P_RUNNING)
                    j->procs[i].state = P_DONE;
        }
    }
    return 0;
}

/* $(...)'s child: this one only, not a job's. */
pid_t wait_for_pid(pid_t pid, int *status)
{
    pid_t r;
    while ((r = waitpid(pid, status, 0)) < 0 && errno == EINTR)
        ;
    return r;
}

void signal_job(struct job *j, int sig)
{
    if (j->pgid > 0) {
        kill(-j->pgid, sig);                    /* the whole process group */
        return;
    }
    for (int i = 0; i < j->nprocs; i++)
        if (j->procs[i].state != P_DONE)
            kill(j->procs[i].pid, sig);
}

/* SIGCONT wakes a stopped job (fg, bg). */
void continue_job(struct job *j)
{
    for (int i = 0; i < j->nprocs; i++)
        if (j->procs[i].state == P_STOPPED)
            j->procs[i].state = P_RUNNING;
    j->seq = ++job_seq;
    signal_job(j, SIGCONT);
}

/* At exit: a stopped job would stay stopped forever, so it gets SIGHUP
 * (and SIGCONT to act on it). */
void hang_up_stopped_jobs(void)
{
    for (struct job *j = jobs; j; j = j->next) {
        if (job_state(j) == P_STOPPED) {
            signal_job(j, SIGHUP);
            signal_job(j, SIGCONT);
        }
    }
}

int interrupted_by_sigint(void)
{
    return sigint_seen;
}

void clear_interrupted(void)
{
    sigint_seen = 0;
}

/* The job has the terminal while it runs; then the shell takes it back.
 * A job killed by a signal is reported (not for Ctrl-C, whose ^C the tty
 * showed, nor a broken pipe); a stopped one stays in the table.  Returns
 * the job's exit code, for $?. */
int wait_in_foreground(struct job *j)
{
    if (is_interactive() && j->pgid)
        tcsetpgrp(0, j->pgid);
    wait_for_job(j, 0);
    if (is_interactive())
        tcsetpgrp(0, get_shell_pgid());
    int status = job_wait_status(j);
    if (job_state(j) == P_STOPPED) {
        j->seq = ++job_seq;
        j->changed = 0;
        print_job_to(stderr, j);
        return exit_code(status);
    }
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGINT && is_interactive())
        sigint_seen = 1;
    if (WIFSIGNALED(status) && WTERMSIG(status) != SIGINT && WTERMSIG(status) != SIGPIPE) {
        char what[64];
        describe(j, what, sizeof(what));
        fprintf(stderr, "%s\n", what);
    }
    free_job(j);
    return exit_code(status);
}
