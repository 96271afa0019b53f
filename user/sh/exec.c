/* exec.c: step 5, running commands -- the lecture's fork + exec + wait.
 *
 * A pipeline "a | b | c" is n - 1 pipe()s and n fork()ed children; each
 * child dup2()s its pipe ends onto 0 and 1, then its redirections (open()
 * the file, dup2() it onto 0, 1 or 2), and execve()s the program.  The
 * children of one pipeline are one job, in a process group of their own;
 * a foreground job gets the terminal (tcsetpgrp) and the shell waits for
 * it (jobs.c).  A built-in runs in the shell itself (builtins.c).  Last,
 * the lists: && || ; and &. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

/* ---------------------------------------------------------------- redirections */

/* Redirections: open the file and dup2() it onto the fd -- the program
 * then finds its input or output there without knowing.  When saved is
 * not NULL, a copy of each fd is kept first, so that a built-in (which runs
 * in the shell itself) can give the shell its own fds back. */
struct saved_fd {
    int fd, copy;               /* copy: -1 if fd was not open */
};

static int open_target(const struct redir *r)
{
    static const int flags[] = {
        [R_IN] = O_RDONLY,
        [R_OUT] = O_WRONLY | O_CREAT | O_TRUNC,
        [R_APPEND] = O_WRONLY | O_CREAT | O_APPEND,
    };
    if (r->kind == R_DUP) {
        if (fcntl(r->dup_fd, F_GETFD) < 0) {
            complain("%d: bad file descriptor", r->dup_fd);
            return -1;
        }
        return r->dup_fd;
    }
    char *path = expand_one(r->target, "redirect");
    if (!path)
        return -1;
    int fd = open(path, flags[r->kind], 0644);
    if (fd < 0)
        complain("%s: %s", path, strerror(errno));
    return fd;
}

static int apply_redirs(const struct command *c, struct saved_fd *saved, int *nsaved)
{
    for (int i = 0; i < c->nredirs; i++) {
        const struct redir *r = &c->redirs[i];
        int fd = open_target(r);
        if (fd < 0)
            return -1;
        if (saved) {
            saved[*nsaved].fd = r->fd;
            saved[(*nsaved)++].copy = fcntl(r->fd, F_DUPFD_CLOEXEC, 10);
        }
        if (fd != r->fd) {
            dup2(fd, r->fd);
            if (r->kind != R_DUP)
                close(fd);
        }
    }
    return 0;
}

static void restore_fds(struct saved_fd *saved, int n)
{
    while (n-- > 0) {
        if (saved[n].copy >= 0) {
            dup2(saved[n].copy, saved[n].fd);
            close(saved[n].copy);
        } else {
            close(saved[n].fd);
        }
    }
}

/* ---------------------------------------------------------------- a built-in, in the shell */

/* A built-in or a bare assignment runs in the shell itself: "cd" in a
 * child would change the child's directory, not ours. */
static void run_here(const struct command *c, struct expanded *x)
{
    struct saved_fd saved[MAX_REDIRS];
    int nsaved = 0;

    fflush(stdout);
    if (apply_redirs(c, saved, &nsaved) < 0) {
        set_last_status(1);
    } else if (x->argc == 0) {
        for (int i = 0; i < x->nassign; i++) {
            char *eq = strchr(x->assign[i], '=');
            *eq = '\0';
            set_var(x->assign[i], eq + 1);
        }
        set_last_status(0);
    } else {
        set_last_status(find_builtin(x->argv[0])->run(x->argc, x->argv));
    }
    fflush(stdout);
    restore_fds(saved, nsaved);
}

/* ---------------------------------------------------------------- a child process */

/* The keyboard's signals: the shell catches or ignores them for itself. */
static void keyboard_signals(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGQUIT);
    sigaddset(set, SIGTSTP);
}

/* Signals the shell ignores would stay ignored across exec: the child
 * puts back the defaults, so that Ctrl-C can stop the program. */
static void default_signals(void)
{
    static const int sigs[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        signal(sigs[i], SIG_DFL);
}

/* The child's half of fork_into_job. */
static void join_job(struct job *j, int background, int own_group)
{
    if (own_group)
        setpgid(0, j->pgid);                    /* pgid 0: a new group, named by our pid */
    if (is_interactive() && !background)
        tcsetpgrp(0, getpgrp());
    default_signals();
    if (background && !is_interactive()) {      /* no terminal input for a script's & */
        int null = open("/dev/null", O_RDONLY);
        dup2(null, 0);
        close(null);
    }
    set_interactive(0);                         /* a child is no interactive shell */
}

/* fork() one process of job j.  Both parent and child put the child into
 * the job's group (whoever runs first: the other's setpgid then changes
 * nothing), and a foreground job gets the terminal.
 *
 * A Ctrl-C typed just after fork() reaches the child while it still has
 * the shell's handler, and would be lost.  So the keyboard's signals are
 * blocked across fork(): one that comes early waits, pending, until the
 * child has put back the default actions and unblocks it. */
static pid_t fork_into_job(struct job *j, int background)
{
    int own_group = is_interactive() || background;
    sigset_t keys, old;

    fflush(stdout);
    keyboard_signals(&keys);
    sigprocmask(SIG_BLOCK, &keys, &old);
    pid_t pid = fork();
    if (pid == 0) {
        join_job(j, background, own_group);
        sigprocmask(SIG_SETMASK, &old, NULL);
        return 0;
    }
    if (pid > 0 && own_group) {
        if (j->pgid == 0)
            j->pgid = pid;
        setpgid(pid, j->pgid);
        if (is_interactive() && !background)
            tcsetpgrp(0, j->pgid);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (pid < 0) {
        complain("fork: %s", strerror(errno));
        return -1;
    }
    j->pids[j->nprocs] = pid;
    j->state[j->nprocs++] = P_RUNNING;
    return pid;
}

/* execvp() searches $PATH; if it returns, the program could not start. */
static void exec_program(char **argv)
{
    execvp(argv[0], argv);
    int err = errno;
    if (err == ENOENT && !strchr(argv[0], '/'))
        complain("%s: command not found", argv[0]);
    else
        complain("%s: %s", argv[0], strerror(err));
    _exit(err == ENOENT ? 127 : 126);
}

/* In the child: stdin from the previous pipe (in), stdout into the next
 * (out; other is that pipe's read end, which only the next command needs),
 * then the command's own redirections, then exec. */
static void run_child(const struct command *c, int in, int out, int other)
{
    struct expanded x;

    if (in >= 0) {
        dup2(in, 0);
        close(in);
    }
    if (out >= 0) {
        dup2(out, 1);
        close(out);
        close(other);
    }
    if (expand_command(c, &x) < 0 || apply_redirs(c, NULL, NULL) < 0)
        _exit(1);
    for (int i = 0; i < x.nassign; i++)
        putenv(x.assign[i]);                    /* X=1 cmd: for this program only */
    if (x.argc == 0)
        _exit(0);
    const struct builtin *b = find_builtin(x.argv[0]);
    if (b) {
        int status = b->run(x.argc, x.argv);
        fflush(stdout);
        _exit(status);
    }
    exec_program(x.argv);
}

/* ---------------------------------------------------------------- a pipeline */

/* cmd1 | cmd2 | cmd3: n - 1 pipes, n children.  The parent closes each
 * pipe end as soon as the children have it: a reader sees end of file
 * only when no write end is left open anywhere. */
static void start_pipeline(const struct pipeline *p, struct job *j, int background)
{
    int in = -1;

    for (int i = 0; i < p->ncmds; i++) {
        int fds[2] = { -1, -1 };
        if (i < p->ncmds - 1 && pipe(fds) < 0) {
            complain("pipe: %s", strerror(errno));
            break;
        }
        pid_t pid = fork_into_job(j, background);
        if (pid == 0)
            run_child(&p->cmds[i], in, fds[1], fds[0]);
        if (in >= 0)
            close(in);
        if (fds[1] >= 0)
            close(fds[1]);
        in = fds[0];
        if (pid < 0)
            break;
    }
    if (in >= 0)
        close(in);
}

static void run_pipeline(const struct pipeline *p, int background)
{
    if (p->ncmds == 1 && !background) {
        struct expanded x;
        if (expand_command(&p->cmds[0], &x) < 0) {
            set_last_status(1);
            return;
        }
        if (x.argc == 0 || find_builtin(x.argv[0])) {
            run_here(&p->cmds[0], &x);
            return;
        }
    }
    struct job *j = new_job(p->start, p->end);
    if (!j) {
        set_last_status(1);
        return;
    }
    start_pipeline(p, j, background);
    if (j->nprocs == 0) {
        free_job(j);
        set_last_status(1);
    } else if (background) {
        pid_t pid = j->pids[j->nprocs - 1];     /* $! */
        set_last_bg_pid(pid);
        if (is_interactive())
            fprintf(stderr, "[%d] %d\n", j->id, pid);
        set_last_status(0);
    } else {
        set_last_status(wait_in_foreground(j));
    }
}

/* ---------------------------------------------------------------- && || ; & */

/* Pipelines first..last joined by && and ||: the next one runs only if
 * the last status says so (0 is success, "true"). */
static void run_and_or(const struct line *line, int first, int last)
{
    const struct pipeline *pipelines = line->pipelines;

    run_pipeline(&pipelines[first], 0);
    for (int i = first + 1; i <= last; i++) {
        enum token_type op = pipelines[i - 1].op;
        if ((op == T_AND && get_last_status() == 0) || (op == T_OR && get_last_status() != 0))
            run_pipeline(&pipelines[i], 0);
    }
}

/* "a && b &": a child shell runs the whole list, as one background job. */
static void run_in_background(const struct line *line, int first, int last)
{
    const struct pipeline *pipelines = line->pipelines;

    if (first == last) {
        run_pipeline(&pipelines[first], 1);
        return;
    }
    struct job *j = new_job(pipelines[first].start, pipelines[last].end);
    if (!j)
        return;
    pid_t pid = fork_into_job(j, 1);
    if (pid == 0) {
        forget_jobs();                          /* the child shell has no jobs yet */
        run_and_or(line, first, last);
        fflush(stdout);
        _exit(get_last_status());
    }
    if (pid < 0) {
        free_job(j);
        return;
    }
    set_last_bg_pid(pid);
    if (is_interactive())
        fprintf(stderr, "[%d] %d\n", j->id, pid);
    set_last_status(0);
}

/* A line is lists, each ended by ; or &: "a && b; c &" is two. */
void run_lists(const struct line *line)
{
    const struct pipeline *pipelines = line->pipelines;

    for (int first = 0; first < line->npipelines;) {
        int last = first;
        while (pipelines[last].op == T_AND || pipelines[last].op == T_OR)
            last++;
        if (pipelines[last].op == T_AMP)
            run_in_background(line, first, last);
        else
            run_and_or(line, first, last);
        first = last + 1;
    }
}
