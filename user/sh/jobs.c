/* jobs.c: job control -- the job table, waiting, and telling the user.
 *
 * A job is one pipeline (or one "a && b &" list): its processes share a
 * process group, so one kill(-pgid, sig) reaches all of them.  The table
 * remembers each process's state, which waitpid() tells us about:
 * WUNTRACED reports a stopped process (Ctrl-Z), WCONTINUED a continued one,
 * WNOHANG asks without waiting.  A foreground job gets the terminal
 * (tcsetpgrp) while it runs, and the keyboard's signals with it.
 *
 * exec.c creates the jobs and forks their processes into them; the
 * built-ins jobs, fg, bg, wait and kill (builtins.c) work on them here. */
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
 * line to the next.  Private to this file; the others go through the
 * functions below. */
static struct job jobs[MAX_JOBS];
static int job_seq;

struct job *new_job(const char *start, const char *end)
{
    for (int i = 0; i < MAX_JOBS; i++) {
        struct job *j = &jobs[i];
        if (j->id == 0) {
            memset(j, 0, sizeof(*j));
            j->text = strndup(start, (size_t)(end - start));
            j->id = i + 1;
            j->seq = ++job_seq;
            return j;
        }
    }
    complain("too many jobs (the limit is %d)", MAX_JOBS);
    return NULL;
}

void free_job(struct job *j)
{
    free(j->text);
    j->id = 0;
}

/* A child shell (which runs "a && b &") has no jobs yet. */
void forget_jobs(void)
{
    memset(jobs, 0, sizeof(jobs));
}

/* Running if any process runs; else stopped if any is stopped; else done. */
enum proc_state job_state(const struct job *j)
{
    enum proc_state s = P_DONE;

    for (int i = 0; i < j->nprocs; i++) {
        if (j->state[i] == P_RUNNING)
            return P_RUNNING;
        if (j->state[i] == P_STOPPED)
            s = P_STOPPED;
    }
    return s;
}

/* The job's waitpid status: its last process's, or a stopped one's. */
int job_wait_status(const struct job *j)
{
    for (int i = 0; i < j->nprocs; i++)
        if (j->state[i] == P_STOPPED)
            return j->status[i];
    return j->status[j->nprocs - 1];
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

/* waitpid told us about pid: note it in its job. */
static void record_status(pid_t pid, int status)
{
    for (int i = 0; i < MAX_JOBS; i++) {
        struct job *j = &jobs[i];
        for (int k = 0; j->id && k < j->nprocs; k++) {
            if (j->pids[k] != pid)
                continue;
            if (WIFCONTINUED(status)) {
                j->state[k] = P_RUNNING;
                return;
            }
            j->state[k] = WIFSTOPPED(status) ? P_STOPPED : P_DONE;
            j->status[k] = status;
            j->changed = 1;
            return;
        }
    }
}

/* %+ (which 0) is the most recent job, %- (which 1) the one before. */
static struct job *recent_job(int which)
{
    struct job *best = NULL, *second = NULL;

    for (int i = 0; i < MAX_JOBS; i++) {
        struct job *j = &jobs[i];
        if (!j->id)
            continue;
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
    for (int i = 0; spec && !found && i < MAX_JOBS; i++) {
        struct job *j = &jobs[i];
        if (!j->id)
            continue;
        if (spec[0] == '%' && isdigit((unsigned char)spec[1]) && atoi(spec + 1) == j->id)
            found = j;
        else if (spec[0] == '%' && !isdigit((unsigned char)spec[1]) && strncmp(j->text, spec + 1, strlen(spec + 1)) == 0)
            found = j;
        for (int k = 0; spec[0] != '%' && k < j->nprocs; k++)
            if (j->pids[k] == atoi(spec))
                found = j;
    }
    if (!found)
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
static void print_job(FILE *f, const struct job *j)
{
    char state[64];
    char mark = j == recent_job(0) ? '+' : j == recent_job(1) ? '-' : ' ';

    describe(j, state, sizeof(state));
    fprintf(f, "[%d]%c  %-24s%s%s\n", j->id, mark, state, j->text,
            job_state(j) == P_RUNNING ? " &" : "");
    fflush(f);
}

static int killed_by_signal(const struct job *j)
{
    int status = job_wait_status(j);
    return job_state(j) == P_DONE && WIFSIGNALED(status);
}

/* Records what every child did since we last looked: ended, stopped or
 * continued (WNOHANG: without waiting). */
static void collect_changes(void)
{
    int status;
    pid_t pid;

    while ((pid = waitpid(-1, &status, WNOHANG | WUNTRACED | WCONTINUED)) > 0)
        record_status(pid, status);
}

/* Before each prompt: collect what ended or stopped (WNOHANG: without
 * waiting) and say so.  A script is told only of jobs a signal stopped
 * or killed. */
void check_jobs(void)
{
    collect_changes();
    for (int i = 0; i < MAX_JOBS; i++) {
        struct job *j = &jobs[i];
        if (!j->id || !j->changed || job_state(j) == P_RUNNING)
            continue;
        j->changed = 0;
        if (is_interactive() || job_state(j) == P_STOPPED || killed_by_signal(j))
            print_job(stderr, j);
        if (job_state(j) == P_DONE)
            free_job(j);
    }
}

/* The jobs built-in: every job, what it does now. */
void list_jobs(void)
{
    collect_changes();
    for (int i = 0; i < MAX_JOBS; i++) {
        struct job *j = &jobs[i];
        if (!j->id)
            continue;
        print_job(stdout, j);
        j->changed = 0;
        if (job_state(j) == P_DONE)
            free_job(j);
    }
}

/* ---------------------------------------------------------------- waiting and signalling */

/* Waits until no process of j runs (all ended, or some stopped).  Waiting
 * for -1 also collects news of the other jobs on the way.  Returns -1 if a
 * signal interrupted the wait (only when interruptible). */
int wait_for_job(struct job *j, int interruptible)
{
    while (job_state(j) == P_RUNNING) {
        int status;
        pid_t pid = waitpid(-1, &status, WUNTRACED);
        if (pid > 0) {
            record_status(pid, status);
        } else if (errno == EINTR) {
            if (interruptible)
                return -1;
        } else {                                /* no children left: none runs */
            for (int i = 0; i < j->nprocs; i++)
                if (j->state[i] == P_RUNNING)
                    j->state[i] = P_DONE;
        }
    }
    return 0;
}

/* The wait built-in without arguments: until every job has ended (or
 * stopped).  Returns -1 if a signal interrupted the wait. */
int wait_for_all_jobs(void)
{
    for (int i = 0; i < MAX_JOBS; i++)
        if (jobs[i].id && wait_for_job(&jobs[i], 1) < 0)
            return -1;
    return 0;
}

void signal_job(struct job *j, int sig)
{
    if (j->pgid > 0) {
        kill(-j->pgid, sig);                    /* the whole process group */
        return;
    }
    for (int i = 0; i < j->nprocs; i++)
        if (j->state[i] != P_DONE)
            kill(j->pids[i], sig);
}

/* SIGCONT wakes a stopped job (fg, bg). */
void continue_job(struct job *j)
{
    for (int i = 0; i < j->nprocs; i++)
        if (j->state[i] == P_STOPPED)
            j->state[i] = P_RUNNING;
    j->seq = ++job_seq;
    signal_job(j, SIGCONT);
}

/* At exit: a stopped job would stay stopped forever, so it gets SIGHUP
 * (and SIGCONT to act on it). */
void hang_up_stopped_jobs(void)
{
    for (int i = 0; i < MAX_JOBS; i++) {
        if (jobs[i].id && job_state(&jobs[i]) == P_STOPPED) {
            signal_job(&jobs[i], SIGHUP);
            signal_job(&jobs[i], SIGCONT);
        }
    }
}

/* The job has the terminal while it runs; then the shell takes it back.
 * A job killed by a signal is reported (not for Ctrl-C, whose ^C the tty
 * showed, nor a broken pipe); a stopped one stays in the table.  Returns
 * the job's exit code, for $?. */
int wait_in_foreground(struct job *j)
{
    if (is_interactive())
        tcsetpgrp(0, j->pgid);
    wait_for_job(j, 0);
    if (is_interactive())
        tcsetpgrp(0, get_shell_pgid());
    int status = job_wait_status(j);
    if (job_state(j) == P_STOPPED) {
        j->seq = ++job_seq;
        j->changed = 0;
        print_job(stderr, j);
        return exit_code(status);
    }
    if (WIFSIGNALED(status) && WTERMSIG(status) != SIGINT && WTERMSIG(status) != SIGPIPE) {
        char what[64];
        describe(j, what, sizeof(what));
        fprintf(stderr, "%s\n", what);
    }
    free_job(j);
    return exit_code(status);
}
