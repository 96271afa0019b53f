/* exec.c: walking the tree -- the lecture's fork + exec + wait, and the
 * control structures around it.
 *
 * A simple command is expanded (expand.c), then run: a builtin or a
 * function in the shell itself, a program in a fork()ed child that
 * execve()s it while the shell waits.  A pipeline "a | b | c" is n - 1
 * pipe()s and n children, one job (jobs.c).  if, while, for and case
 * decide from exit statuses: 0 is true.
 *
 * break, continue and return do not jump: they set a request that every
 * loop and list on the way up sees ("unwinding") and obeys. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "sh.h"

extern char **environ;

static int exec_node(struct node *n);
static _Noreturn void exec_in_child(struct node *n);
static void assignment_failed(void);

/* ================================================================ unwinding */

static int break_levels, continue_levels, returning;
static int loops, functions;
static int errexit_off;         /* > 0 while a condition runs: set -e ignores it */

void request_break(int levels)
{
    break_levels = levels < loops ? levels : loops;
}

void request_continue(int levels)
{
    continue_levels = levels < loops ? levels : loops;
}

void request_return(void)
{
    returning = 1;
}

int loop_depth(void)
{
    return loops;
}

int function_depth(void)
{
    return functions;
}

static int unwinding(void)
{
    return break_levels || continue_levels || returning || interrupted_by_sigint();
}

/* set -e: a failed command ends the shell, unless it was a condition. */
static void check_errexit(int status)
{
    if (status != 0 && option(OPT_ERREXIT) && errexit_off == 0 && !unwinding())
        leave(status);
}

/* ================================================================ functions */

struct function {
    char *name;
    struct node *body;
    struct pool *pool;          /* held: the body lives there */
    struct function *next;
};
static struct function *functions_list;

struct node *find_function(const char *name)
{
    for (struct function *f = functions_list; f; f = f->next)
        if (strcmp(f->name, name) == 0)
            return f->body;
    return NULL;
}

static struct function **find_slot(const char *name)
{
    struct function **pp = &functions_list;
    while (*pp && strcmp((*pp)->name, name) != 0)
        pp = &(*pp)->next;
    return pp;
}

static void define_function(struct node *def)
{
    struct function **pp = find_slot(def->name);
    struct function *f = *pp;

    if (!f) {
        f = calloc(1, sizeof(*f));
        if (!f || !(f->name = strdup(def->name))) {
            complain("out of memory");
            exit(2);
        }
        *pp = f;
    } else {
        pool_drop(f->pool);
    }
    f->body = def->a;
    f->pool = def->pool;
    pool_hold(f->pool);
}

int unset_function(const char *name)
{
    struct function **pp = find_slot(name);
    struct function *f = *pp;

    if (!f)
        return 0;
    *pp = f->next;
    pool_drop(f->pool);
    free(f->name);
    free(f);
    return 0;
}

void print_functions(void)
{
    for (struct function *f = functions_list; f; f = f->next) {
        char *text = node_text(f->body);
        printf("%s() %s\n", f->name, text);
        free(text);
    }
}

/* A call: $1... are the arguments while it runs, and its "local"
 * variables go back when it returns. */
/* A function that calls itself forever would run the shell off the end
 * of its 8 MiB stack (about 500 bytes a call): stop it with a message. */
#define MAX_FUNCTION_DEPTH 5000

int run_function(struct node *body, int argc, char **argv)
{
    if (functions >= MAX_FUNCTION_DEPTH) {
        complain("%s: functions nested more than %d deep", argv[0], MAX_FUNCTION_DEPTH);
        return 2;
    }
    struct function *f = functions_list;
    while (f && f->body != body)
        f = f->next;
    struct pool *pool = f ? f->pool : NULL;
    if (pool)
        pool_hold(pool);        /* the function may redefine itself while it runs */
    struct params *saved = save_params();
    set_params(argv + 1, argc - 1);
    push_locals_frame();
    int saved_loops = loops;
    loops = 0;                  /* break in a function does not leave the caller's loop */
    functions++;
    int status = exec_node(body);
    if (returning) {
        returning = 0;
        status = get_last_status();
    }
    functions--;
    loops = saved_loops;
    pop_locals_frame();
    restore_params(saved);
    if (pool)
        pool_drop(pool);
    return status;
}

/* ================================================================ finding a program */

char *find_program(const char *name)
{
    if (strchr(name, '/'))
        return strdup(name);
    const char *path = get_var("PATH");
    if (!path)
        path = "/bin:/usr/bin";
    for (const char *p = path;; p++) {
        const char *colon = strchr(p, ':');
        size_t n = colon ? (size_t)(colon - p) : strlen(p);
        char *full = malloc(n + strlen(name) + 3);
        if (!full)
            return NULL;
        snprintf(full, n + strlen(name) + 3, "%.*s%s%s", (int)n, p, n ? "/" : "", name);
        struct stat st;
        if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && access(full, X_OK) == 0)
            return full;
        free(full);
        if (!colon)
            return NULL;
        p = colon;
    }
}

/* execve(), and if the file is no program but a script without "#!",
 * POSIX says: the shell runs it.  Returns only on failure, with errno. */
static void try_exec(const char *path, char **argv)
{
    execve(path, argv, environ);
    if (errno != ENOEXEC)
        return;
    int argc = 0;
    while (argv[argc])
        argc++;
    char **args = calloc((size_t)argc + 2, sizeof(char *));
    if (!args)
        return;
    args[0] = "sh";
    args[1] = (char *)path;
    for (int i = 1; i < argc; i++)
        args[i + 1] = argv[i];
    execve("/bin/sh", args, environ);
    free(args);
    errno = ENOEXEC;
}

/* In a child: become the program.  127: not found; 126: found, can't run. */
static _Noreturn void exec_program(char **argv)
{
    char *path = find_program(argv[0]);

    if (!path) {
        complain("%s: command not found", argv[0]);
        leave(127);
    }
    try_exec(path, argv);
    int err = errno;
    complain("%s: %s", argv[0], strerror(err));
    leave(err == ENOENT ? 127 : 126);
}

int exec_replace(char **argv)
{
    char *path = find_program(argv[0]);

    if (!path) {
        complain("exec: %s: not found", argv[0]);
        return 127;
    }
    fflush(stdout);
    try_exec(path, argv);
    int err = errno;
    complain("exec: %s: %s", argv[0], strerror(err));
    free(path);
    return err == ENOENT ? 127 : 126;
}

/* ================================================================ a child process */

/* The keyboard's signals: the shell handles or ignores them itself. */
static void keyboard_signals(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGQUIT);
    sigaddset(set, SIGTSTP);
}

void become_subshell(void)
{
    set_interactive(0);         /* a child is no interactive shell */
    forget_jobs();
    reset_traps_in_subshell();
    clear_interrupted();
}

/* The child's half of fork_into_job. */
static void join_job(struct job *j, int background, int job_control)
{
    if (job_control) {
        setpgid(0, j->pgid);                    /* pgid 0: a new group, named by our pid */
        if (!background)
            tcsetpgrp(0, getpgrp());
    }
    become_subshell();
    if (background && !job_control) {
        /* a script's "cmd &": no terminal input, and Ctrl-C is for the script */
        signal(SIGINT, SIG_IGN);
        signal(SIGQUIT, SIG_IGN);
        int null = open("/dev/null", O_RDONLY);
        if (null >= 0 && null != 0) {
            dup2(null, 0);
            close(null);
        }
    }
}

/* fork() one process of job j.  With job control, both parent and child
 * put the child into the job's group (whoever runs first: the other's
 * setpgid then changes nothing), and a foreground job gets the terminal.
 *
 * A Ctrl-C typed just after fork() reaches the child while it still has
 * the shell's handler, and would be lost.  So the keyboard's signals are
 * blocked across fork(): one that comes early waits, pending, until the
 * child has put back the default actions and unblocks it. */
static pid_t fork_into_job(struct job *j, int background)
{
    int job_control = is_interactive();
    sigset_t keys, old;

    fflush(stdout);
    fflush(stderr);
    keyboard_signals(&keys);
    sigprocmask(SIG_BLOCK, &keys, &old);
    pid_t pid = fork();
    if (pid == 0) {
        join_job(j, background, job_control);
        sigprocmask(SIG_SETMASK, &old, NULL);
        return 0;
    }
    if (pid > 0 && job_control) {
        if (j->pgid == 0)
            j->pgid = pid;
        setpgid(pid, j->pgid);
        if (!background)
            tcsetpgrp(0, j->pgid);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (pid < 0) {
        complain("fork: %s", strerror(errno));
        return -1;
    }
    add_proc(j, pid);
    return pid;
}

/* ================================================================ simple commands */

/* set -x: "+ echo hello" on stderr, before the command runs. */
static void xtrace(char **assigns, int nassigns, struct fields *f)
{
    if (!option(OPT_XTRACE))
        return;
    fflush(stdout);
    fputs("+", stderr);
    for (int i = 0; i < nassigns; i++)
        fprintf(stderr, " %s", assigns[i]);
    for (int i = 0; i < f->n; i++)
        fprintf(stderr, " %s", f->v[i]);
    fputc('\n', stderr);
}

/* NAME=value words, expanded left to right.  Without a command they are
 * assigned at once, so that "a=1 b=$a" sees the new a.  NULL after an
 * error message. */
static char **expand_assignments(struct node *n, int assign_now)
{
    char **out = scratch_alloc((size_t)(n->nassigns + 1) * sizeof(char *));

    for (int i = 0; i < n->nassigns; i++) {
        char *eq = strchr(n->assigns[i], '=');
        char *value = expand_assignment_value(eq + 1);
        if (!value)
            return NULL;
        size_t len = (size_t)(eq - n->assigns[i]) + 1;
        out[i] = scratch_alloc(len + strlen(value) + 1);
        memcpy(out[i], n->assigns[i], len);
        strcpy(out[i] + len, value);
        if (assign_now && assign(out[i], 0) < 0)
            assignment_failed();
    }
    return out;
}

/* POSIX: a failed assignment (to a read-only variable) ends a script. */
static void assignment_failed(void)
{
    if (!is_interactive())
        leave(2);
}

static int assign_all(char **assigns, int n, int flags)
{
    for (int i = 0; i < n; i++) {
        if (assign(assigns[i], flags) < 0) {
            assignment_failed();
            return -1;
        }
    }
    return 0;
}

/* A builtin's own assignments ("IFS=: read a b") last only while it runs:
 * they are its locals. */
static int run_builtin(const struct builtin *b, char **assigns, int nassigns, int argc, char **argv)
{
    int status;

    if (b->special || nassigns == 0) {
        if (assign_all(assigns, nassigns, 0) < 0)
            return 1;
        status = b->run(argc, argv);
    } else {
        push_locals_frame();
        for (int i = 0; i < nassigns; i++)
            make_local(assigns[i]);
        status = b->run(argc, argv);
        pop_locals_frame();
    }
    fflush(stdout);
    return status;
}

static int run_function_with(struct node *body, char **assigns, int nassigns, int argc, char **argv)
{
    push_locals_frame();
    for (int i = 0; i < nassigns; i++) {
        make_local(assigns[i]);
        char *eq = strchr(assigns[i], '=');
        *eq = '\0';
        add_var_flags(assigns[i], V_EXPORT);
        *eq = '=';
    }
    int status = run_function(body, argc, argv);
    pop_locals_frame();
    return status;
}

/* A program: fork, and in the child its assignments go into its
 * environment, its redirections onto its fds, and execve. */
static int run_program(struct node *n, char **assigns, char **argv)
{
    char *text = node_text(n);
    struct job *j = new_job(text);
    free(text);

    pid_t pid = fork_into_job(j, 0);
    if (pid == 0) {
        if (redir_apply(n->redirs, NULL) < 0 || assign_all(assigns, n->nassigns, V_EXPORT) < 0)
            leave(1);
        exec_program(argv);
    }
    if (pid < 0) {
        free_job(j);
        return 1;
    }
    return wait_in_foreground(j);
}

/* Runs argv, already expanded: a builtin or function here, or a program. */
static int run_command(struct node *n, char **assigns, struct fields *f, int no_functions)
{
    const struct builtin *b = find_builtin(f->v[0]);
    struct node *body = no_functions ? NULL : find_function(f->v[0]);
    struct saved_fds *saved = NULL;
    int status;

    if (b && strcmp(f->v[0], "exec") == 0 && f->n == 1)
        return redir_apply(n->redirs, NULL) < 0 ? 1 : 0;   /* "exec 3> f": for good */
    if (b || body) {
        if (redir_apply(n->redirs, &saved) < 0)
            status = 1;
        else if ((b && b->special) || !body)
            status = run_builtin(b, assigns, n->nassigns, f->n, f->v);
        else
            status = run_function_with(body, assigns, n->nassigns, f->n, f->v);
        redir_restore(saved);
        return status;
    }
    return run_program(n, assigns, f->v);
}

/* Only assignments (made already) and redirections: "x=1", "> file". */
static int run_assignments(struct node *n)
{
    struct saved_fds *saved = NULL;
    int status = redir_apply(n->redirs, &saved) < 0 ? 1 : 0;

    redir_restore(saved);
    /* "x=$(false)" has the status of its command substitution */
    return status ? status : get_last_status();
}

static int exec_simple(struct node *n, int no_functions)
{
    void *mark = scratch_mark();
    struct fields f;
    int status;

    int substitutions = command_substitutions();
    char **assigns = expand_assignments(n, n->nwords == 0);
    if (!assigns || expand_words(n->words, n->nwords, &f) < 0) {
        status = 1;
    } else {
        xtrace(assigns, n->nassigns, &f);
        if (f.n == 0 && substitutions == command_substitutions())
            set_last_status(0);         /* "x=$(cmd)" has cmd's status, "x=1" 0 */
        status = f.n == 0 ? run_assignments(n) : run_command(n, assigns, &f, no_functions);
    }
    scratch_release(mark);
    return status;
}

/* "command NAME ARGS": a builtin or a program, never a function. */
int run_simple_command(char **argv, int argc, int no_functions)
{
    struct node n = { .type = N_SIMPLE, .words = argv, .nwords = argc };
    struct fields f = { .v = argv, .n = argc };
    return run_command(&n, NULL, &f, no_functions);
}

/* In a child already (a pipeline's part): no second fork for a program. */
static _Noreturn void exec_simple_in_child(struct node *n)
{
    struct fields f;
    char **assigns = expand_assignments(n, n->nwords == 0);

    if (!assigns || expand_words(n->words, n->nwords, &f) < 0)
        leave(1);
    xtrace(assigns, n->nassigns, &f);
    if (f.n == 0)
        leave(run_assignments(n));
    if (find_builtin(f.v[0]) || find_function(f.v[0]))
        leave(run_command(n, assigns, &f, 0));
    if (redir_apply(n->redirs, NULL) < 0 || assign_all(assigns, n->nassigns, V_EXPORT) < 0)
        leave(1);
    exec_program(f.v);
}

static _Noreturn void exec_in_child(struct node *n)
{
    if (n->type == N_SIMPLE)
        exec_simple_in_child(n);
    if (n->type == N_SUBSHELL) {        /* already in a child: no second fork */
        if (redir_apply(n->redirs, NULL) < 0)
            leave(1);
        leave(exec_node(n->a));
    }
    leave(exec_node(n));
}

/* ================================================================ pipelines and jobs */

/* cmd1 | cmd2 | cmd3: n - 1 pipes, n children.  The parent closes each
 * pipe end as soon as the children have it: a reader sees end of file
 * only when no write end is left open anywhere. */
static void start_pipeline(struct node *p, struct job *j, int background)
{
    int in = -1;

    for (int i = 0; i < p->nkids; i++) {
        int fds[2] = { -1, -1 };
        if (i < p->nkids - 1 && pipe(fds) < 0) {
            complain("pipe: %s", strerror(errno));
            break;
        }
        pid_t pid = fork_into_job(j, background);
        if (pid == 0) {
            if (in >= 0) {
                dup2(in, 0);
                close(in);
            }
            if (fds[1] >= 0) {
                dup2(fds[1], 1);
                close(fds[1]);
                close(fds[0]);
            }
            exec_in_child(p->kids[i]);
        }
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

/* A job in the background: $! is its last process. */
static int started_in_background(struct job *j)
{
    pid_t pid = j->procs[j->nprocs - 1].pid;

    j->background = 1;
    set_last_bg_pid(pid);
    if (is_interactive())
        fprintf(stderr, "[%d] %d\n", j->id, (int)pid);
    return 0;
}

/* A pipeline of several commands, or one command in a child of its own
 * (a subshell, or anything run with &). */
static int run_job(struct node *n, int background)
{
    char *text = node_text(n);
    struct job *j = new_job(text);
    free(text);

    if (n->type == N_PIPELINE) {
        start_pipeline(n, j, background);
    } else if (fork_into_job(j, background) == 0) {
        exec_in_child(n);
    }
    if (j->nprocs == 0) {
        free_job(j);
        return 1;
    }
    return background ? started_in_background(j) : wait_in_foreground(j);
}

static int exec_pipeline(struct node *p)
{
    struct node *only = p->nkids == 1 ? p->kids[0] : NULL;
    int status;

    errexit_off += p->bang;
    if (only && only->type == N_SIMPLE)
        status = exec_simple(only, 0);
    else if (only && only->type != N_SUBSHELL)
        status = exec_node(only);
    else
        status = run_job(only ? only : p, 0);
    errexit_off -= p->bang;
    if (p->bang)
        return !status;
    /* set -e looks at commands, not at a compound command's leftovers */
    if (!only || only->type == N_SIMPLE || only->type == N_SUBSHELL)
        check_errexit(status);
    return status;
}

/* ================================================================ compound commands */

/* if: the condition's status decides; set -e ignores it. */
static int condition(struct node *n)
{
    errexit_off++;
    int status = exec_node(n);
    errexit_off--;
    return status;
}

/* After a loop's body: does the loop go on? */
static int loop_goes_on(void)
{
    if (break_levels) {
        break_levels--;
        return 0;
    }
    if (continue_levels > 1) {
        continue_levels--;
        return 0;
    }
    continue_levels = 0;
    return !returning && !interrupted_by_sigint();
}

static int exec_while(struct node *n)
{
    int status = 0;

    loops++;
    for (;;) {
        int c = condition(n->a);
        if (unwinding()) {
            loop_goes_on();
            break;
        }
        if ((c == 0) != (n->type == N_WHILE))
            break;
        status = exec_node(n->b);
        if (!loop_goes_on())
            break;
        run_pending_traps();
    }
    loops--;
    return status;
}

static int exec_for(struct node *n)
{
    void *mark = scratch_mark();
    struct fields f = { 0 };
    int status = 0;

    if (n->has_in) {
        if (expand_words(n->words, n->nwords, &f) < 0) {
            scratch_release(mark);
            return 1;
        }
    } else {
        for (int i = 1; i <= get_nparams(); i++)
            fields_add(&f, scratch_strdup(get_param(i)));
    }
    loops++;
    for (int i = 0; i < f.n; i++) {
        if (set_var(n->name, f.v[i], 0) < 0) {
            status = 1;
            break;
        }
        status = exec_node(n->b);
        if (!loop_goes_on())
            break;
    }
    loops--;
    scratch_release(mark);
    return status;
}

static int exec_case(struct node *n)
{
    void *mark = scratch_mark();
    char *word = expand_word(n->name);

    for (struct case_item *item = n->items; word && item; item = item->next) {
        for (int i = 0; i < item->npatterns; i++) {
            char *pattern = expand_pattern(item->patterns[i]);
            if (pattern && pattern_match(pattern, word)) {
                scratch_release(mark);
                return item->body ? exec_node(item->body) : 0;
            }
        }
    }
    scratch_release(mark);
    return word ? 0 : 1;
}

static int exec_if(struct node *n)
{
    int c = condition(n->a);

    if (unwinding())
        return c;
    if (c == 0)
        return exec_node(n->b);
    return n->c ? exec_node(n->c) : 0;
}

static int exec_list(struct node *n)
{
    int status = 0;

    for (int i = 0; i < n->nkids && !unwinding(); i++) {
        status = exec_node(n->kids[i]);
        run_pending_traps();
    }
    return status;
}

/* { list; } > file: the redirections for the whole group, in the shell. */
static int exec_group(struct node *n)
{
    struct saved_fds *saved = NULL;
    int status = redir_apply(n->redirs, &saved) < 0 ? 1 : exec_node(n->a);
    redir_restore(saved);
    return status;
}

/* "cmd &", "a | b &", "a && b &": the last in a child shell of its own. */
static int exec_background(struct node *n)
{
    struct node *a = n->a;
    if (a->type == N_PIPELINE && a->nkids == 1 && !a->bang)
        a = a->kids[0];
    return run_job(a, 1);
}

/* Redirections on a compound command ("while ...; done < f") wrap it. */
static int exec_compound(struct node *n)
{
    switch (n->type) {
    case N_IF:          return exec_if(n);
    case N_WHILE:
    case N_UNTIL:       return exec_while(n);
    case N_FOR:         return exec_for(n);
    case N_CASE:        return exec_case(n);
    default:            return exec_node(n->a);
    }
}

static int exec_redirected(struct node *n)
{
    if (!n->redirs)
        return exec_compound(n);
    struct saved_fds *saved = NULL;
    int status = redir_apply(n->redirs, &saved) < 0 ? 1 : exec_compound(n);
    redir_restore(saved);
    return status;
}

static int exec_node(struct node *n)
{
    int status;

    if (!n)
        return 0;
    switch (n->type) {
    case N_SIMPLE:
        status = exec_simple(n, 0);
        break;
    case N_PIPELINE:
        status = exec_pipeline(n);
        break;
    case N_AND:
    case N_OR:
        status = condition(n->a);
        if (!unwinding() && (status == 0) == (n->type == N_AND))
            status = exec_node(n->b);
        break;
    case N_LIST:
        status = exec_list(n);
        break;
    case N_BACKGROUND:
        status = exec_background(n);
        break;
    case N_SUBSHELL:
        status = run_job(n, 0);
        break;
    case N_GROUP:
        status = exec_group(n);
        break;
    case N_FUNCDEF:
        define_function(n);
        status = 0;
        break;
    default:
        status = exec_redirected(n);
        break;
    }
    set_last_status(status);
    return status;
}

/* ================================================================ entry points */

int exec_tree(struct node *n)
{
    return exec_node(n);
}

int run_string(const char *text)
{
    struct pool *pool = pool_new();
    struct node *tree;
    int status;

    if (parse_string(text, pool, &tree) < 0)
        status = 2;
    else
        status = exec_node(tree);
    pool_drop(pool);
    set_last_status(status);
    return status;
}

/* A script, a file read by ".", or the person at the terminal: one
 * complete command at a time, parsed and run before the next is read. */
int run_input(struct input *in)
{
    int status = 0;

    for (;;) {
        struct pool *pool = pool_new();
        struct node *tree;
        input_new_command(in);
        int r = parse_command(in, pool, &tree);
        if (r == -1) {
            pool_drop(pool);
            break;
        }
        if (r == -2) {
            set_last_status(input_interrupted(in) ? 130 : 2);
            status = get_last_status();
            pool_drop(pool);
            if (!is_interactive())
                leave(2);
            continue;
        }
        if (tree && !option(OPT_NOEXEC))
            status = exec_node(tree);
        else
            status = get_last_status();
        pool_drop(pool);
        run_pending_traps();
        clear_interrupted();
        if (!is_interactive())
            check_jobs();       /* a script hears of jobs a signal stopped or killed */
        if (returning && functions == 0) {
            returning = 0;      /* "return" in a file read by "." ends the file */
            break;
        }
    }
    return status;
}
