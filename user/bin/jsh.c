/* jsh: a small shell with job control -- the lab jobshell's shell
 * (docs/labs/jobshell.md).  /bin/sh is Minnow's full shell; this one is
 * short enough to read in one sitting.
 *
 * A line is words separated by blanks; `|` between two commands makes a
 * pipeline, and `&` as the last word runs it in the background.  There
 * are no quotes, variables or redirections (that is what sh is for).
 *
 * Every line the shell runs is a job: fork and exec for each command,
 * pipes in between, then wait (lecture: "a shell is a job control
 * system"). */
/* LAB(jobshell) BEGIN */
/*     jsh$ ls / | wc -l             a pipeline, in the foreground
 *     jsh$ sleep 100 &              a job in the background
 *     [1] 12
 *     jsh$ sleep 200                Ctrl-Z stops it...
 *     [2] Stopped  sleep 200
 *     jsh$ jobs
 *     [1] Running  sleep 100 &
 *     [2] Stopped  sleep 200
 *     jsh$ bg %2                    ...bg lets it go on in the background,
 *     jsh$ fg %1                    fg brings a job back to the terminal
 *
 * The builtins are exit [N], cd [DIR], jobs, fg [%N] and bg [%N].  Job
 * control is three ideas:
 *   - each job is a process group of its own (setpgid), so that one
 *     kill(-pgid, sig) reaches all of its processes;
 *   - the terminal sends the keyboard's signals -- Ctrl-C's SIGINT,
 *     Ctrl-Z's SIGTSTP -- to ONE group, its foreground group
 *     (tcsetpgrp): the job in the foreground, never the shell, never a
 *     job in the background;
 *   - waitpid(..., WUNTRACED) tells the shell when a process stops, not
 *     only when it ends, and SIGCONT lets a stopped job go on (fg, bg). */
/* LAB(jobshell) STARTER */
//: /*     jsh$ ls / | wc -l             a pipeline, in the foreground
//:  *
//:  * The builtins are exit [N] and cd [DIR].  Job control -- `&`, the
//:  * builtins jobs, fg and bg, Ctrl-C and Ctrl-Z for the job in the
//:  * foreground only -- is the lab jobshell's (docs/labs/jobshell.md). */
/* LAB(jobshell) END */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define MAX_LINE 512
#define MAX_WORDS 64                    /* in a whole line */
#define MAX_CMDS 8                      /* in a pipeline */
/* LAB(jobshell) BEGIN */
#define MAX_JOBS 16
/* LAB(jobshell) END */

/* ---------------------------------------------------------------- a line */

/* A line cut into commands: cmd[i] points into words[], each command's
 * words ending with NULL, as execvp wants them. */
struct pipeline {
    char *words[MAX_WORDS + MAX_CMDS];
    char **cmd[MAX_CMDS];
    int ncmds;
    int background;                     /* the line ended with & */
};

/* Cuts line (in place) into p.  Returns 0, or -1 after saying what is
 * wrong.  An empty line is a pipeline of no commands. */
static int parse(char *line, struct pipeline *p)
{
    int n = 0;

    memset(p, 0, sizeof(*p));
    p->cmd[0] = &p->words[0];
    for (char *w = strtok(line, " \t\n"); w; w = strtok(NULL, " \t\n")) {
        if (p->background) {
            fprintf(stderr, "jsh: & must be the last word\n");
            return -1;
        }
        if (strcmp(w, "&") == 0) {
            p->background = 1;
        } else if (strcmp(w, "|") == 0) {
            if (n == 0 || p->words[n - 1] == NULL || p->ncmds + 1 == MAX_CMDS) {
                fprintf(stderr, "jsh: a | needs a command on each side (at most %d)\n",
                        MAX_CMDS);
                return -1;
            }
            p->words[n++] = NULL;
            p->cmd[++p->ncmds] = &p->words[n];
        } else if (n == MAX_WORDS) {
            fprintf(stderr, "jsh: more than %d words\n", MAX_WORDS);
            return -1;
        } else {
            p->words[n++] = w;
        }
    }
    p->words[n] = NULL;
    if (n > 0 && p->words[n - 1] == NULL) {
        fprintf(stderr, "jsh: a | needs a command on each side\n");
        return -1;
    }
    if (n > 0)
        p->ncmds++;
    else if (p->background) {
        fprintf(stderr, "jsh: & needs a command\n");
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- jobs */

/* A job: the processes of one line the shell started. */
struct job {
    pid_t pids[MAX_CMDS];
    char state[MAX_CMDS];               /* each process: 'R'unning, 'T' stopped, 'D'one */
    int nprocs;
    int status;                         /* the wait status of its last command */
    /* LAB(jobshell) BEGIN */
    int id;                             /* %1, %2...; 0: a free slot of the table */
    pid_t pgid;                         /* its process group: its first process's pid */
    int told_stopped;                   /* the user was told it stopped */
    char text[MAX_LINE];                /* the line, for jobs */
    /* LAB(jobshell) END */
};
/* LAB(jobshell) BEGIN */

/* The shell remembers its jobs from one line to the next: the table is
 * this file's own, as the shell's memory of what it started. */
static struct job jobs[MAX_JOBS];
static pid_t shell_pgid;
static int interactive;                 /* stdin is a terminal: job control */

/* The job that process pid belongs to, or NULL. */
static struct job *job_of(pid_t pid)
{
    for (int i = 0; i < MAX_JOBS; i++)
        for (int k = 0; jobs[i].id && k < jobs[i].nprocs; k++)
            if (jobs[i].pids[k] == pid)
                return &jobs[i];
    return NULL;
}

/* A free slot with the smallest free number, as %N; NULL if full. */
static struct job *new_job(const char *text)
{
    for (int id = 1; id <= MAX_JOBS; id++) {
        int taken = 0;
        for (int i = 0; i < MAX_JOBS; i++)
            taken |= jobs[i].id == id;
        if (taken)
            continue;
        for (int i = 0; i < MAX_JOBS; i++)
            if (!jobs[i].id) {
                memset(&jobs[i], 0, sizeof(jobs[i]));
                jobs[i].id = id;
                snprintf(jobs[i].text, sizeof(jobs[i].text), "%s", text);
                return &jobs[i];
            }
    }
    return NULL;
}

static void free_job(struct job *j)
{
    j->id = 0;
}

/* 'D' if every process has ended, 'T' if the rest are stopped, else 'R'. */
static char job_state(const struct job *j)
{
    char s = 'D';

    for (int k = 0; k < j->nprocs; k++) {
        if (j->state[k] == 'R')
            return 'R';
        if (j->state[k] == 'T')
            s = 'T';
    }
    return s;
}

static void print_job(const struct job *j, const char *what)
{
    printf("[%d] %s  %s\n", j->id, what, j->text);
}

/* What waitpid said about pid goes into its job. */
static void note_status(pid_t pid, int status)
{
    struct job *j = job_of(pid);

    for (int k = 0; j && k < j->nprocs; k++) {
        if (j->pids[k] != pid)
            continue;
        if (WIFSTOPPED(status)) {
            j->state[k] = 'T';
        } else {
            j->state[k] = 'D';
            if (k == j->nprocs - 1)
                j->status = status;
        }
    }
}

/* The terminal's keyboard signals go to group pgid from now on. */
static void give_terminal(pid_t pgid)
{
    if (interactive)
        tcsetpgrp(STDIN_FILENO, pgid);
}

/* Before a prompt: collect what happened to the jobs in the background
 * (without waiting), and tell the user about the ones that ended or
 * stopped.  An ended job leaves the table: nobody would reap it else. */
static void report_job_changes(void)
{
    int status;
    pid_t pid;

    while ((pid = waitpid(-1, &status, WNOHANG | WUNTRACED)) > 0)
        note_status(pid, status);
    for (int i = 0; i < MAX_JOBS; i++) {
        struct job *j = &jobs[i];
        if (!j->id)
            continue;
        char s = job_state(j);
        if (s == 'D') {
            print_job(j, "Done");
            free_job(j);
        } else if (s == 'T' && !j->told_stopped) {
            print_job(j, "Stopped");
            j->told_stopped = 1;
        }
    }
}
/* LAB(jobshell) END */

/* Waits for the job in the foreground until it has ended -- or, with job
 * control, stopped. */
/* LAB(jobshell) BEGIN */
static void wait_for_job(struct job *j)
{
    give_terminal(j->pgid);
    while (job_state(j) == 'R') {
        int status;
        pid_t pid = waitpid(-j->pgid, &status, WUNTRACED);
        if (pid < 0 && errno == EINTR)
            continue;
        if (pid < 0)
            break;
        note_status(pid, status);
    }
    give_terminal(shell_pgid);
    if (job_state(j) == 'T') {
        print_job(j, "Stopped");
        j->told_stopped = 1;
    } else {
        free_job(j);
    }
}
/* LAB(jobshell) STARTER */
//: static void wait_for_job(struct job *j)
//: {
//:     for (int k = 0; k < j->nprocs; k++) {
//:         int status;
//:         while (waitpid(j->pids[k], &status, 0) < 0 && errno == EINTR)
//:             ;
//:         j->state[k] = 'D';
//:         j->status = status;
//:     }
//: }
/* LAB(jobshell) END */

/* ---------------------------------------------------------------- running */

/* The signals a shell ignores for itself: the keyboard's are meant for
 * the job in the foreground.  Its children take them back (SIG_DFL). */
static const int shell_ignores[] = {
    SIGINT, SIGQUIT,
    /* LAB(jobshell) BEGIN */
    SIGTSTP, SIGTTIN, SIGTTOU,
    /* LAB(jobshell) END */
};
#define NR_IGNORED (int)(sizeof(shell_ignores) / sizeof(shell_ignores[0]))

static void set_signals(void (*action)(int))
{
    for (int i = 0; i < NR_IGNORED; i++)
        signal(shell_ignores[i], action);
}

/* The child, for command argv of job j: reads from in and writes to out
 * (-1: the shell's own stdin or stdout), and closes the read end of the
 * pipe after it (next_in), which only the next command uses. */
static void run_child(char **argv, struct job *j, int background, int in, int out, int next_in)
{
    /* LAB(jobshell) BEGIN */
    setpgid(0, j->pgid);                /* pgid 0: a new group, named by our pid */
    if (!background)
        give_terminal(getpgrp());       /* as the shell does: whoever is first */
    /* LAB(jobshell) STARTER */
//:     (void)j;                        /* lab jobshell: its group, and the terminal */
//:     (void)background;
    /* LAB(jobshell) END */
    set_signals(SIG_DFL);
    if (in >= 0) {
        dup2(in, STDIN_FILENO);
        close(in);
    }
    if (out >= 0) {
        dup2(out, STDOUT_FILENO);
        close(out);
    }
    if (next_in >= 0)
        close(next_in);
    execvp(argv[0], argv);
    fprintf(stderr, "jsh: %s: %s\n", argv[0], strerror(errno));
    _exit(127);
}

/* Starts the commands of p as the processes of job j, each command's
 * output a pipe into the next one's input. */
static void start_job(struct pipeline *p, struct job *j)
{
    int in = -1;

    for (int i = 0; i < p->ncmds; i++) {
        int fd[2] = { -1, -1 };
        if (i < p->ncmds - 1 && pipe(fd) < 0) {
            perror("jsh: pipe");
            break;
        }
        fflush(stdout);                 /* nothing buffered goes out twice */
        pid_t pid = fork();
        if (pid == 0)
            run_child(p->cmd[i], j, p->background, in, fd[1], fd[0]);
        if (pid < 0) {
            perror("jsh: fork");
            close(fd[0]);
            close(fd[1]);
            break;
        }
        /* LAB(jobshell) BEGIN */
        if (j->pgid == 0)
            j->pgid = pid;
        setpgid(pid, j->pgid);          /* here too: the child may not have run yet */
        if (!p->background && pid == j->pgid)
            give_terminal(j->pgid);
        /* LAB(jobshell) END */
        j->pids[j->nprocs] = pid;
        j->state[j->nprocs++] = 'R';
        if (in >= 0)
            close(in);
        if (fd[1] >= 0)
            close(fd[1]);
        in = fd[0];
    }
    if (in >= 0)
        close(in);
}

/* ---------------------------------------------------------------- builtins */

static int builtin_exit(char **argv)
{
    /* LAB(jobshell) BEGIN */
    /* jobs left stopped would wait for ever: they are told to end */
    for (int i = 0; i < MAX_JOBS; i++)
        if (jobs[i].id) {
            kill(-jobs[i].pgid, SIGHUP);
            kill(-jobs[i].pgid, SIGCONT);
        }
    /* LAB(jobshell) END */
    exit(argv[1] ? atoi(argv[1]) : 0);
}

static int builtin_cd(char **argv)
{
    const char *dir = argv[1] ? argv[1] : getenv("HOME");

    if (dir && chdir(dir) == 0)
        return 0;
    fprintf(stderr, "jsh: cd: %s: %s\n", dir ? dir : "(no HOME)", strerror(errno));
    return 1;
}
/* LAB(jobshell) BEGIN */

static int builtin_jobs(char **argv)
{
    (void)argv;
    for (int i = 0; i < MAX_JOBS; i++)
        if (jobs[i].id)
            print_job(&jobs[i], job_state(&jobs[i]) == 'T' ? "Stopped" : "Running");
    return 0;
}

/* The job %N names (argv[1]), or without it the newest one. */
static struct job *named_job(char **argv)
{
    struct job *newest = NULL;
    int id = 0;

    if (argv[1] && (argv[1][0] != '%' || (id = atoi(argv[1] + 1)) <= 0)) {
        fprintf(stderr, "jsh: %s: %s: not a job (%%N)\n", argv[0], argv[1]);
        return NULL;
    }
    for (int i = 0; i < MAX_JOBS; i++) {
        if (jobs[i].id && jobs[i].id == id)
            return &jobs[i];
        if (jobs[i].id && (!newest || jobs[i].id > newest->id))
            newest = &jobs[i];
    }
    if (id || !newest)
        fprintf(stderr, "jsh: %s: no such job\n", argv[0]);
    return id ? NULL : newest;
}

/* Every process of j that has not ended runs again. */
static void continue_job(struct job *j)
{
    for (int k = 0; k < j->nprocs; k++)
        if (j->state[k] == 'T')
            j->state[k] = 'R';
    j->told_stopped = 0;
    kill(-j->pgid, SIGCONT);
}

static int builtin_fg(char **argv)
{
    struct job *j = named_job(argv);

    if (!j)
        return 1;
    printf("%s\n", j->text);
    give_terminal(j->pgid);             /* first the terminal, then SIGCONT */
    continue_job(j);
    wait_for_job(j);
    return 0;
}

static int builtin_bg(char **argv)
{
    struct job *j = named_job(argv);

    if (!j)
        return 1;
    continue_job(j);
    printf("[%d] %s &\n", j->id, j->text);
    return 0;
}
/* LAB(jobshell) END */

struct builtin {
    const char *name;
    int (*run)(char **argv);
};

static const struct builtin builtins[] = {
    { "exit", builtin_exit },
    { "cd", builtin_cd },
    /* LAB(jobshell) BEGIN */
    { "jobs", builtin_jobs },
    { "fg", builtin_fg },
    { "bg", builtin_bg },
    /* LAB(jobshell) END */
};

/* Runs p if it is a builtin (one command, no &): 1 if it was. */
static int run_builtin(struct pipeline *p)
{
    for (unsigned i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
        if (strcmp(p->cmd[0][0], builtins[i].name) == 0) {
            if (p->ncmds > 1 || p->background)
                fprintf(stderr, "jsh: %s: a builtin runs alone\n", builtins[i].name);
            else
                builtins[i].run(p->cmd[0]);
            return 1;
        }
    return 0;
}

/* ---------------------------------------------------------------- the loop */

/* A line of text, as the jobs list shows it: without the newline and the
 * blanks around it. */
static void trim(char *text)
{
    size_t len = strcspn(text, "\n");

    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    text[len] = '\0';
    size_t lead = strspn(text, " \t");
    memmove(text, text + lead, len - lead + 1);
}

/* Runs one line. */
static void run_line(char *line)
{
    char text[MAX_LINE];
    struct pipeline p;

    snprintf(text, sizeof(text), "%s", line);
    trim(text);
    if (parse(line, &p) < 0 || p.ncmds == 0 || run_builtin(&p))
        return;
    /* LAB(jobshell) BEGIN */
    struct job *j = new_job(text);
    if (!j) {
        fprintf(stderr, "jsh: too many jobs (%d)\n", MAX_JOBS);
        return;
    }
    start_job(&p, j);
    if (j->nprocs == 0)
        free_job(j);
    else if (p.background)
        printf("[%d] %d\n", j->id, j->pgid);
    else
        wait_for_job(j);
    /* LAB(jobshell) STARTER */
//:     struct job job = { 0 };
//:
//:     if (p.background)
//:         fprintf(stderr, "jsh: no jobs in the background yet: "
//:                 "running it in the foreground\n");
//:     start_job(&p, &job);
//:     wait_for_job(&job);
    /* LAB(jobshell) END */
}

/* The shell at start: the signals it ignores, and, with job control,
 * a group of its own, in the foreground. */
static void init_shell(void)
{
    set_signals(SIG_IGN);
    /* LAB(jobshell) BEGIN */
    interactive = isatty(STDIN_FILENO);
    if (interactive) {
        setpgid(0, 0);                  /* fails, harmlessly, for a session leader */
        shell_pgid = getpgrp();
        give_terminal(shell_pgid);
    }
    /* LAB(jobshell) END */
}

int main(void)
{
    char line[MAX_LINE];

    init_shell();
    for (;;) {
        /* LAB(jobshell) BEGIN */
        report_job_changes();
        /* LAB(jobshell) END */
        printf("jsh$ ");
        fflush(stdout);
        if (!fgets(line, sizeof(line), stdin)) {
            if (ferror(stdin) && errno == EINTR) {
                clearerr(stdin);
                continue;
            }
            printf("\n");               /* Ctrl-D: end of input */
            break;
        }
        run_line(line);
    }
    char *argv[] = { "exit", NULL };
    return builtin_exit(argv);
}
