/* sh: the Minnow shell.
 *
 * A shell is a loop around the lecture's three calls, fork + exec + wait.
 * This file follows one command line from top to bottom:
 *
 *   1. read a line     read(0, ...): the tty already did the line editing
 *   2. lex             cut it into words and operators  | & ; && || < > >> 2>&1
 *   3. parse           into pipelines joined by && || ; &
 *   4. expand          quotes, $VAR, $?, ~ -- just before a command runs, so
 *                      that "false; echo $?" prints 1
 *   5. run             pipe() between neighbours, fork() a child per command,
 *                      dup2() pipe ends and files onto 0/1/2, execve(), and
 *                      waitpid() for the job
 *
 * Job control, when a person types at a terminal: every pipeline is a
 * process group of its own (a "job"), and the terminal's foreground group
 * (tcsetpgrp) is the job that runs now.  The tty sends Ctrl-C's SIGINT and
 * Ctrl-Z's SIGTSTP to that group only, so they reach the job, never the
 * shell.  docs/shell.md tells the whole story. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define MAX_LINE      1024      /* characters in a command line */
#define MAX_TOKENS    256       /* words and operators in a line */
#define MAX_WORDS     64        /* words of one command (also after expansion) */
#define MAX_REDIRS    8         /* redirections of one command */
#define MAX_COMMANDS  64        /* commands in a line (a pipeline may use them all) */
#define MAX_PIPELINES 32        /* pipelines in a line */
#define MAX_JOBS      16
#define WORD_MAX      1024      /* characters in one expanded word */
#define ARENA_SIZE    65536     /* memory for one line's words */

/* ================================================================ the shell's state */

static int interactive;         /* a person at a terminal: prompt and job control */
static pid_t shell_pgid;        /* our own process group */
static pid_t saved_tty_pgid;    /* who had the terminal before us: given back at exit */
static int last_status;         /* $? */
static pid_t last_bg_pid;       /* $! */
static pid_t shell_pid;         /* $$ (the same in every child we fork) */
static char **params;           /* $0 $1 $2 ...: the script's name and arguments */
static int nparams;

static void complain(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Every error message starts with "sh: ", on stderr. */
static void complain(const char *fmt, ...)
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
static char *arena_concat(const char *a, size_t n, const char *b)
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

static char *arena_strndup(const char *s, size_t n)
{
    return arena_concat(s, n, "");
}

/* ================================================================ variables
 *
 * Exported variables are the environment (environ, which execve hands to
 * every program we start); the others stay in the shell, in a small list. */

struct var {
    char *name, *value;
    struct var *next;
};
static struct var *locals;

static struct var *find_local(const char *name)
{
    for (struct var *v = locals; v; v = v->next)
        if (strcmp(v->name, name) == 0)
            return v;
    return NULL;
}

/* Forgets the shell's own variable name (if there is one). */
static void remove_local(const char *name)
{
    for (struct var **pp = &locals; *pp; pp = &(*pp)->next) {
        if (strcmp((*pp)->name, name) == 0) {
            struct var *v = *pp;
            *pp = v->next;
            free(v->name);
            free(v->value);
            free(v);
            return;
        }
    }
}

static void unset_var(const char *name)
{
    remove_local(name);
    unsetenv(name);
}

static const char *get_var(const char *name)
{
    struct var *v = find_local(name);
    return v ? v->value : getenv(name);
}

/* NAME=value: an exported variable stays exported, any other is local. */
static void set_var(const char *name, const char *value)
{
    if (getenv(name)) {
        setenv(name, value, 1);
        return;
    }
    struct var *v = find_local(name);
    if (!v) {
        v = calloc(1, sizeof(*v));
        if (!v || !(v->name = strdup(name))) {
            free(v);
            complain("out of memory");
            return;
        }
        v->next = locals;
        locals = v;
    }
    free(v->value);
    v->value = strdup(value);
}

/* export NAME=value, or export NAME: the variable moves into environ. */
static void export_var(const char *name, const char *value)
{
    struct var *v = find_local(name);

    if (!value && !v)
        return;                                 /* already exported, or unknown */
    char *copy = strdup(value ? value : v->value);
    if (!copy) {
        complain("out of memory");
        return;
    }
    remove_local(name);
    setenv(name, copy, 1);                      /* setenv keeps a copy of its own */
    free(copy);
}

/* A name is a letter or _, then letters, digits and _ (len characters). */
static int valid_name(const char *s, size_t len)
{
    if (len == 0 || isdigit((unsigned char)s[0]))
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '_')
            return 0;
    return 1;
}

/* ================================================================ 2. lexer
 *
 * A token is a word (kept as typed: quotes are removed later, by the
 * expansion) or an operator.  A redirection token carries its fd: "2>" is
 * fd 2, ">" fd 1, "<" fd 0, and "2>&1" says "fd 2 becomes a copy of fd 1". */

enum token_type { T_WORD, T_PIPE, T_AND, T_OR, T_SEMI, T_AMP, T_REDIR, T_END };
enum redir_kind { R_IN, R_OUT, R_APPEND, R_DUP };

struct token {
    enum token_type type;
    char *word;                 /* T_WORD: the text as typed */
    int fd, kind, dup_fd;       /* T_REDIR: fd, enum redir_kind, and for R_DUP the fd copied */
    const char *start, *end;    /* where it is in the line */
};

static struct token tokens[MAX_TOKENS];

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int is_operator_char(char c)
{
    return c == '|' || c == '&' || c == ';' || c == '<' || c == '>';
}

/* A number at p: its value, and *end just after it. */
static int read_number(const char *p, const char **end)
{
    int n = 0;

    while (isdigit((unsigned char)*p))
        n = n * 10 + (*p++ - '0');
    *end = p;
    return n;
}

/* A redirection at p: [n]< [n]> [n]>> [n]>&m [n]<&m.  Returns its end,
 * or NULL after an error message. */
static const char *lex_redirection(const char *p, struct token *t)
{
    int fd = isdigit((unsigned char)*p) ? read_number(p, &p) : -1;
    char op = *p++;

    t->type = T_REDIR;
    t->fd = fd >= 0 ? fd : op == '<' ? 0 : 1;
    t->kind = op == '<' ? R_IN : R_OUT;
    if (op == '>' && *p == '>') {
        t->kind = R_APPEND;
        p++;
    }
    if (*p == '&') {                                /* 2>&1: fd 2 becomes a copy of fd 1 */
        if (!isdigit((unsigned char)p[1])) {
            complain("syntax error: `%c&' needs a file descriptor number, as in 2>&1", op);
            return NULL;
        }
        t->kind = R_DUP;
        t->dup_fd = read_number(p + 1, &p);
    }
    return p;
}

/* An operator at p.  Returns the end, or NULL if p is no operator
 * (error is then set if it was a malformed one). */
static const char *lex_operator(const char *p, struct token *t, int *error)
{
    const char *digits = p;

    while (isdigit((unsigned char)*digits))
        digits++;
    if (*digits == '<' || *digits == '>') {
        const char *end = lex_redirection(p, t);
        *error = end == NULL;
        return end;
    }
    if (*p == '|' || *p == '&') {
        int doubled = p[1] == p[0];
        t->type = *p == '|' ? (doubled ? T_OR : T_PIPE) : (doubled ? T_AND : T_AMP);
        return p + 1 + doubled;
    }
    if (*p == ';') {
        if (p[1] == ';') {
            complain("syntax error near unexpected token `;;'");
            *error = 1;
            return NULL;
        }
        t->type = T_SEMI;
        return p + 1;
    }
    return NULL;
}

/* A word runs to the first blank or operator outside quotes. */
static const char *lex_word(const char *p, struct token *t)
{
    const char *start = p;

    while (*p && !is_blank(*p) && !is_operator_char(*p)) {
        if (*p == '\\') {
            p += p[1] ? 2 : 1;
        } else if (*p == '\'' || *p == '"') {
            char quote = *p++;
            while (*p && *p != quote)
                p += (quote == '"' && *p == '\\' && p[1]) ? 2 : 1;
            if (!*p) {
                complain("syntax error: missing closing %c", quote);
                return NULL;
            }
            p++;
        } else {
            p++;
        }
    }
    t->type = T_WORD;
    t->word = arena_strndup(start, (size_t)(p - start));
    return t->word ? p : NULL;
}

/* Fills tokens[], ending with T_END.  Returns 0, or -1 after an error message. */
static int lex(const char *p)
{
    int n = 0;

    for (;;) {
        while (is_blank(*p))
            p++;
        struct token *t = &tokens[n];
        t->start = p;
        if (*p == '\0' || *p == '#') {              /* # starts a comment */
            t->type = T_END;
            t->end = p;
            return 0;
        }
        if (n == MAX_TOKENS - 1) {
            complain("too many words in one line (the limit is %d)", MAX_TOKENS - 1);
            return -1;
        }
        int error = 0;
        const char *end = lex_operator(p, t, &error);
        if (!end && !error)
            end = lex_word(p, t);
        if (!end)
            return -1;
        t->end = p = end;
        n++;
    }
}

/* ================================================================ 3. parser
 *
 *   line      = pipeline { (&& | || | ; | &) pipeline } [; | &]
 *   pipeline  = command { | command }
 *   command   = { word | redirection }       (at least one)
 *
 * The result is flat: pipelines[] in order, each with the operator that
 * follows it.  "a && b || c & d" is a, b, c (ops &&, ||, &) then d. */

struct redir {
    int fd, kind, dup_fd;
    char *target;               /* the file name, as typed */
};

struct command {
    char *words[MAX_WORDS + 1];
    int nwords;
    struct redir redirs[MAX_REDIRS];
    int nredirs;
};

struct pipeline {
    struct command *cmds;
    int ncmds;
    enum token_type op;         /* what follows: T_AND, T_OR, T_SEMI or T_AMP */
    const char *start, *end;    /* its text in the line: the job's name */
};

static struct command commands[MAX_COMMANDS];
static int ncommands;
static struct pipeline pipelines[MAX_PIPELINES];
static int npipelines;
static int pos;                 /* the next token to look at */

static int syntax_error(const struct token *t)
{
    if (t->type == T_END)
        complain("syntax error: unexpected end of line");
    else
        complain("syntax error near unexpected token `%.*s'", (int)(t->end - t->start), t->start);
    return -1;
}

static int parse_redirection(struct command *c)
{
    const struct token *t = &tokens[pos++];
    struct redir *r = &c->redirs[c->nredirs++];

    r->fd = t->fd;
    r->kind = t->kind;
    r->dup_fd = t->dup_fd;
    r->target = NULL;
    if (r->kind == R_DUP)
        return 0;
    if (tokens[pos].type != T_WORD) {
        complain("syntax error: `%.*s' needs a file name", (int)(t->end - t->start), t->start);
        return -1;
    }
    r->target = tokens[pos++].word;
    return 0;
}

static int parse_command(struct command *c)
{
    c->nwords = c->nredirs = 0;
    for (;;) {
        enum token_type type = tokens[pos].type;
        if (type == T_WORD && c->nwords < MAX_WORDS) {
            c->words[c->nwords++] = tokens[pos++].word;
        } else if (type == T_REDIR && c->nredirs < MAX_REDIRS) {
            if (parse_redirection(c) < 0)
                return -1;
        } else if (type == T_WORD || type == T_REDIR) {
            complain("command too long (at most %d words, %d redirections)", MAX_WORDS, MAX_REDIRS);
            return -1;
        } else {
            break;
        }
    }
    c->words[c->nwords] = NULL;
    if (c->nwords == 0 && c->nredirs == 0)
        return syntax_error(&tokens[pos]);
    return 0;
}

static int parse_pipeline(struct pipeline *p)
{
    p->cmds = &commands[ncommands];
    p->ncmds = 0;
    p->start = tokens[pos].start;
    for (;;) {
        if (ncommands == MAX_COMMANDS) {
            complain("too many commands in one line (the limit is %d)", MAX_COMMANDS);
            return -1;
        }
        if (parse_command(&commands[ncommands]) < 0)
            return -1;
        ncommands++;
        p->ncmds++;
        p->end = tokens[pos - 1].end;
        if (tokens[pos].type != T_PIPE)
            return 0;
        if (tokens[++pos].type == T_END) {
            complain("syntax error: nothing after `|'");
            return -1;
        }
    }
}

/* Fills pipelines[].  Returns 0, or -1 after an error message. */
static int parse_line(void)
{
    pos = npipelines = ncommands = 0;
    while (tokens[pos].type != T_END) {
        if (npipelines == MAX_PIPELINES) {
            complain("too many commands in one line (the limit is %d)", MAX_PIPELINES);
            return -1;
        }
        struct pipeline *p = &pipelines[npipelines++];
        if (parse_pipeline(p) < 0)
            return -1;
        const struct token *t = &tokens[pos];
        p->op = t->type == T_END ? T_SEMI : t->type;
        if (t->type == T_END)
            break;
        pos++;
        if ((t->type == T_AND || t->type == T_OR) && tokens[pos].type == T_END) {
            complain("syntax error: nothing after `%.*s'", (int)(t->end - t->start), t->start);
            return -1;
        }
    }
    return 0;
}

/* ================================================================ 4. expansion
 *
 * Turns the words as typed into the argv a program gets:
 *   'single quotes'   everything literal
 *   "double quotes"   literal but $VAR, and \ before $ " \ `
 *   \c                c, literally
 *   $NAME ${NAME}     the variable; also $? $$ $! $# $0..$9 $@
 *   ~ or ~/...        $HOME
 * An unquoted $VAR whose value has blanks becomes several words. */

struct expansion {
    char **argv;                /* the finished words... */
    int argc, max;              /* ...how many, and room for how many */
    char buf[WORD_MAX];         /* the word being built */
    int len;
    int started;                /* quotes make a word even if empty: "" */
    int split;                  /* split unquoted values at blanks? */
    int failed;
};

static void put_char(struct expansion *e, char c)
{
    if (e->len < WORD_MAX - 1)
        e->buf[e->len++] = c;
    else if (!e->failed++)
        complain("word too long (the limit is %d characters)", WORD_MAX - 1);
}

static void end_word(struct expansion *e)
{
    if (!e->started && e->len == 0)
        return;
    if (e->argc == e->max) {
        if (!e->failed++)
            complain("too many words (the limit is %d)", e->max);
    } else if (!(e->argv[e->argc++] = arena_strndup(e->buf, (size_t)e->len))) {
        e->failed = 1;
    }
    e->len = e->started = 0;
}

static void put_value(struct expansion *e, const char *s, int quoted)
{
    for (; *s; s++) {
        if (!quoted && e->split && is_blank(*s))
            end_word(e);
        else
            put_char(e, *s);
    }
}

/* The value of $name; special parameters are made in tmp. */
static const char *lookup(const char *name, char *tmp, size_t size)
{
    if (strcmp(name, "?") == 0)
        snprintf(tmp, size, "%d", last_status);
    else if (strcmp(name, "$") == 0)
        snprintf(tmp, size, "%d", shell_pid);
    else if (strcmp(name, "!") == 0)
        snprintf(tmp, size, "%d", last_bg_pid);
    else if (strcmp(name, "#") == 0)
        snprintf(tmp, size, "%d", nparams - 1);
    else if (isdigit((unsigned char)name[0]))
        return atoi(name) < nparams ? params[atoi(name)] : "";
    else if (strcmp(name, "@") == 0 || strcmp(name, "*") == 0) {
        tmp[0] = '\0';
        for (int i = 1; i < nparams; i++)
            snprintf(tmp + strlen(tmp), size - strlen(tmp), "%s%s", i > 1 ? " " : "", params[i]);
    } else {
        const char *v = get_var(name);
        return v ? v : "";
    }
    return tmp;
}

/* p is at a '$'.  Returns where the expansion ends. */
static const char *expand_dollar(struct expansion *e, const char *p, int quoted)
{
    char name[64], tmp[WORD_MAX];
    const char *start = p + 1, *end;

    if (*start == '{') {
        start++;
        end = strchr(start, '}');
        if (!end || end == start || end - start >= (int)sizeof(name)) {
            put_char(e, '$');
            return p + 1;
        }
    } else if (*start && strchr("?$!#@*", *start)) {
        end = start + 1;
    } else if (isdigit((unsigned char)*start)) {
        end = start + 1;
    } else {
        end = start;
        while (isalnum((unsigned char)*end) || *end == '_')
            end++;
        if (end == start || end - start >= (int)sizeof(name)) {
            put_char(e, '$');                   /* a lone $ is just a $ */
            return p + 1;
        }
    }
    memcpy(name, start, (size_t)(end - start));
    name[end - start] = '\0';
    put_value(e, lookup(name, tmp, sizeof(tmp)), quoted);
    return *end == '}' ? end + 1 : end;
}

/* p is just after the opening ".  Returns the end, after the closing ". */
static const char *expand_double_quoted(struct expansion *e, const char *p)
{
    while (*p && *p != '"') {
        if (*p == '\\' && p[1] && strchr("$\"\\`", p[1])) {
            put_char(e, p[1]);
            p += 2;
        } else if (*p == '$') {
            p = expand_dollar(e, p, 1);
        } else {
            put_char(e, *p++);
        }
    }
    return *p ? p + 1 : p;
}

static void expand_word(struct expansion *e, const char *p)
{
    if (p[0] == '~' && (p[1] == '/' || p[1] == '\0')) {
        const char *home = get_var("HOME");
        put_value(e, home ? home : "/", 1);
        p++;
    }
    while (*p) {
        if (*p == '\'') {
            e->started = 1;
            for (p++; *p && *p != '\''; p++)
                put_char(e, *p);
            if (*p)
                p++;
        } else if (*p == '"') {
            e->started = 1;
            p = expand_double_quoted(e, p + 1);
        } else if (*p == '\\') {
            e->started = 1;
            if (p[1])
                put_char(e, p[1]);
            p += p[1] ? 2 : 1;
        } else if (*p == '$') {
            p = expand_dollar(e, p, 0);
        } else {
            put_char(e, *p++);
        }
    }
    end_word(e);
}

/* A file name or a variable's value: exactly one word, never split.
 * Returns NULL after an error message. */
static char *expand_one(const char *word, const char *what)
{
    char *argv[2];
    struct expansion e = { .argv = argv, .max = 2 };

    expand_word(&e, word);
    if (e.failed)
        return NULL;
    if (e.argc != 1) {
        complain("%s: ambiguous %s", word, what);
        return NULL;
    }
    return argv[0];
}

/* NAME=value at the start of a command is an assignment, not a program. */
static int is_assignment(const char *word)
{
    const char *eq = strchr(word, '=');
    return eq && valid_name(word, (size_t)(eq - word));
}

/* A command after expansion: its assignments and its argv. */
struct expanded {
    char *assign[MAX_WORDS + 1];   /* "NAME=value" */
    int nassign;
    char *argv[MAX_WORDS + 1];
    int argc;
};

static int expand_command(const struct command *c, struct expanded *x)
{
    struct expansion e = { .argv = x->argv, .max = MAX_WORDS, .split = 1 };
    int i = 0;

    x->nassign = 0;
    for (; i < c->nwords && is_assignment(c->words[i]); i++) {
        char *eq = strchr(c->words[i], '=');
        char *value = expand_one(eq + 1, "value");
        if (!value || !(x->assign[x->nassign++] = arena_concat(c->words[i], (size_t)(eq + 1 - c->words[i]), value)))
            return -1;
    }
    for (; i < c->nwords; i++)
        expand_word(&e, c->words[i]);
    x->argc = e.argc;
    x->argv[x->argc] = NULL;
    return e.failed ? -1 : 0;
}

/* ================================================================ jobs
 *
 * A job is one pipeline (or one "a && b &" list): its processes share a
 * process group, so one kill(-pgid, sig) reaches all of them.  The table
 * remembers each process's state, which waitpid() tells us about. */

enum proc_state { P_RUNNING, P_STOPPED, P_DONE };

struct job {
    int id;                     /* %1, %2, ...; 0: the slot is free */
    pid_t pgid;                 /* its process group (0: it stayed in ours) */
    char *text;                 /* the command, for messages */
    int nprocs;
    pid_t pids[MAX_COMMANDS];
    int status[MAX_COMMANDS];   /* as waitpid reported it */
    enum proc_state state[MAX_COMMANDS];
    int seq;                    /* larger = more recent; %+ is the largest */
    int changed;                /* stopped or ended since we last said so */
};

static struct job jobs[MAX_JOBS];
static int job_seq;

static struct job *new_job(const char *start, const char *end)
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

static void free_job(struct job *j)
{
    free(j->text);
    j->id = 0;
}

/* Running if any process runs; else stopped if any is stopped; else done. */
static enum proc_state job_state(const struct job *j)
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
static int job_wait_status(const struct job *j)
{
    for (int i = 0; i < j->nprocs; i++)
        if (j->state[i] == P_STOPPED)
            return j->status[i];
    return j->status[j->nprocs - 1];
}

/* A waitpid status as $? sees it: the exit code, or 128 + the signal. */
static int exit_code(int status)
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
static struct job *find_job(const char *spec, const char *who)
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

/* Before each prompt: collect what ended or stopped (WNOHANG: without
 * waiting) and say so.  A script is told only of jobs a signal stopped
 * or killed. */
static void check_jobs(void)
{
    int status;
    pid_t pid;

    while ((pid = waitpid(-1, &status, WNOHANG | WUNTRACED | WCONTINUED)) > 0)
        record_status(pid, status);
    for (int i = 0; i < MAX_JOBS; i++) {
        struct job *j = &jobs[i];
        if (!j->id || !j->changed || job_state(j) == P_RUNNING)
            continue;
        j->changed = 0;
        if (interactive || job_state(j) == P_STOPPED || killed_by_signal(j))
            print_job(stderr, j);
        if (job_state(j) == P_DONE)
            free_job(j);
    }
}

/* ---------------------------------------------------------------- waiting and signalling */

/* Waits until no process of j runs (all ended, or some stopped).  Waiting
 * for -1 also collects news of the other jobs on the way.  Returns -1 if a
 * signal interrupted the wait (only when interruptible). */
static int wait_for_job(struct job *j, int interruptible)
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

static void signal_job(struct job *j, int sig)
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
static void continue_job(struct job *j)
{
    for (int i = 0; i < j->nprocs; i++)
        if (j->state[i] == P_STOPPED)
            j->state[i] = P_RUNNING;
    j->seq = ++job_seq;
    signal_job(j, SIGCONT);
}

/* The job has the terminal while it runs; then the shell takes it back.
 * A job killed by a signal is reported (not for Ctrl-C, whose ^C the tty
 * showed, nor a broken pipe); a stopped one stays in the table. */
static void wait_in_foreground(struct job *j)
{
    if (interactive)
        tcsetpgrp(0, j->pgid);
    wait_for_job(j, 0);
    if (interactive)
        tcsetpgrp(0, shell_pgid);
    int status = job_wait_status(j);
    last_status = exit_code(status);
    if (job_state(j) == P_STOPPED) {
        j->seq = ++job_seq;
        j->changed = 0;
        print_job(stderr, j);
        return;
    }
    if (WIFSIGNALED(status) && WTERMSIG(status) != SIGINT && WTERMSIG(status) != SIGPIPE) {
        char what[64];
        describe(j, what, sizeof(what));
        fprintf(stderr, "%s\n", what);
    }
    free_job(j);
}

/* ================================================================ 5. running commands */

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

/* ---------------------------------------------------------------- built-ins */

struct builtin {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *help;
};
static const struct builtin *find_builtin(const char *name);

/* A built-in or a bare assignment runs in the shell itself: "cd" in a
 * child would change the child's directory, not ours. */
static void run_here(const struct command *c, struct expanded *x)
{
    struct saved_fd saved[MAX_REDIRS];
    int nsaved = 0;

    fflush(stdout);
    if (apply_redirs(c, saved, &nsaved) < 0) {
        last_status = 1;
    } else if (x->argc == 0) {
        for (int i = 0; i < x->nassign; i++) {
            char *eq = strchr(x->assign[i], '=');
            *eq = '\0';
            set_var(x->assign[i], eq + 1);
        }
        last_status = 0;
    } else {
        last_status = find_builtin(x->argv[0])->run(x->argc, x->argv);
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
    if (interactive && !background)
        tcsetpgrp(0, getpgrp());
    default_signals();
    if (background && !interactive) {           /* no terminal input for a script's & */
        int null = open("/dev/null", O_RDONLY);
        dup2(null, 0);
        close(null);
    }
    interactive = 0;                            /* a child is no interactive shell */
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
    int own_group = interactive || background;
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
        if (interactive && !background)
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
            last_status = 1;
            return;
        }
        if (x.argc == 0 || find_builtin(x.argv[0])) {
            run_here(&p->cmds[0], &x);
            return;
        }
    }
    struct job *j = new_job(p->start, p->end);
    if (!j) {
        last_status = 1;
        return;
    }
    start_pipeline(p, j, background);
    if (j->nprocs == 0) {
        free_job(j);
        last_status = 1;
    } else if (background) {
        last_bg_pid = j->pids[j->nprocs - 1];
        if (interactive)
            fprintf(stderr, "[%d] %d\n", j->id, last_bg_pid);
        last_status = 0;
    } else {
        wait_in_foreground(j);
    }
}

/* ---------------------------------------------------------------- && || ; & */

/* Pipelines first..last joined by && and ||: the next one runs only if
 * the last status says so (0 is success, "true"). */
static void run_and_or(int first, int last)
{
    run_pipeline(&pipelines[first], 0);
    for (int i = first + 1; i <= last; i++) {
        enum token_type op = pipelines[i - 1].op;
        if ((op == T_AND && last_status == 0) || (op == T_OR && last_status != 0))
            run_pipeline(&pipelines[i], 0);
    }
}

/* "a && b &": a child shell runs the whole list, as one background job. */
static void run_in_background(int first, int last)
{
    if (first == last) {
        run_pipeline(&pipelines[first], 1);
        return;
    }
    struct job *j = new_job(pipelines[first].start, pipelines[last].end);
    if (!j)
        return;
    pid_t pid = fork_into_job(j, 1);
    if (pid == 0) {
        memset(jobs, 0, sizeof(jobs));          /* the child shell has no jobs yet */
        run_and_or(first, last);
        fflush(stdout);
        _exit(last_status);
    }
    if (pid < 0) {
        free_job(j);
        return;
    }
    last_bg_pid = pid;
    if (interactive)
        fprintf(stderr, "[%d] %d\n", j->id, pid);
    last_status = 0;
}

static void run_line(const char *line)
{
    arena_used = 0;
    if (lex(line) < 0 || parse_line() < 0) {
        last_status = 2;
        return;
    }
    for (int first = 0; first < npipelines;) {
        int last = first;
        while (pipelines[last].op == T_AND || pipelines[last].op == T_OR)
            last++;
        if (pipelines[last].op == T_AMP)
            run_in_background(first, last);
        else
            run_and_or(first, last);
        first = last + 1;
    }
}

/* ================================================================ the built-ins */

static _Noreturn void leave(int status);

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
    leave(argc > 1 ? atoi(argv[1]) : last_status);
    return 1;                                   /* not reached */
}

static int builtin_jobs(int argc, char **argv)
{
    int status;
    pid_t pid;

    (void)argc, (void)argv;
    while ((pid = waitpid(-1, &status, WNOHANG | WUNTRACED | WCONTINUED)) > 0)
        record_status(pid, status);
    for (int i = 0; i < MAX_JOBS; i++) {
        struct job *j = &jobs[i];
        if (!j->id)
            continue;
        print_job(stdout, j);
        j->changed = 0;
        if (job_state(j) == P_DONE)
            free_job(j);
    }
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
    if (interactive)
        tcsetpgrp(0, j->pgid);                  /* first the terminal, then SIGCONT */
    continue_job(j);
    wait_in_foreground(j);
    return last_status;
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
    for (int i = 0; argc == 1 && i < MAX_JOBS; i++)
        if (jobs[i].id && wait_for_job(&jobs[i], 1) < 0)
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
    for (struct var *v = locals; v; v = v->next)
        printf("%s=%s\n", v->name, v->value);
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

static const struct builtin *find_builtin(const char *name)
{
    for (size_t i = 0; i < NBUILTINS; i++)
        if (strcmp(builtins[i].name, name) == 0)
            return &builtins[i];
    return NULL;
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

static void prompt(void)
{
    char cwd[PATH_MAX];

    fprintf(stderr, "minnow:%s$ ", getcwd(cwd, sizeof(cwd)) ? cwd : "?");
}

static int run_input(struct input *in)
{
    static char line[MAX_LINE];

    for (;;) {
        check_jobs();
        if (interactive)
            prompt();
        if (read_line(in, line, sizeof(line)) < 0)
            break;
        run_line(line);
    }
    if (interactive)
        fprintf(stderr, "exit\n");
    return last_status;
}

/* The end: a stopped job would stay stopped forever, so it gets SIGHUP
 * (and SIGCONT to act on it); the terminal goes back to who had it. */
static _Noreturn void leave(int status)
{
    for (int i = 0; interactive && i < MAX_JOBS; i++) {
        if (jobs[i].id && job_state(&jobs[i]) == P_STOPPED) {
            signal_job(&jobs[i], SIGHUP);
            signal_job(&jobs[i], SIGCONT);
        }
    }
    if (interactive)
        tcsetpgrp(0, saved_tty_pgid);
    fflush(stdout);
    exit(status);
}

/* Ctrl-C at the prompt: the handler does nothing, but the read() it
 * interrupts returns EINTR, and the shell prints a fresh prompt. */
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

static void init_variables(void)
{
    char cwd[PATH_MAX];

    if (!getenv("PATH"))
        setenv("PATH", "/bin", 1);
    if (!getenv("HOME"))
        setenv("HOME", "/home/user", 1);
    if (getcwd(cwd, sizeof(cwd)))
        setenv("PWD", cwd, 1);
}

/*   sh                    commands from stdin (a terminal: interactive)
 *   sh -c 'commands' [name args...]
 *   sh script [args...] */
int main(int argc, char *argv[])
{
    static char *no_name[] = { "sh", NULL };
    struct input in = { 0, NULL };

    init_variables();
    shell_pid = getpid();
    params = argv;
    nparams = argc > 0 ? 1 : 0;
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
    if (interactive) {
        start_job_control();
        const char *home = get_var("HOME");
        if (home && chdir(home) == 0)
            setenv("PWD", home, 1);
    }
    leave(run_input(&in));
}
