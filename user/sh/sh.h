/* sh.h: what the files of the shell share -- the limits, the types a
 * command line becomes on its way through, and the functions each file
 * offers the others.
 *
 * A line goes through the files in this order (docs/shell.md):
 *
 *   main.c      read a line; the shell's start and end
 *   lex.c       cut it into words and operators  | & ; && || < > >> 2>&1
 *   parse.c     into pipelines joined by && || ; &
 *   expand.c    quotes, $VAR, $?, ~ -- just before a command runs
 *   exec.c      pipe(), fork(), dup2(), execve(), and wait for the job
 *   jobs.c      the job table: process groups, waitpid() and the terminal
 *   builtins.c  cd, exit, fg, kill... which run in the shell itself
 *   vars.c      variables: the shell's own, the environment, $? $$ $!
 *   lineedit.c  at a terminal: the line editor, history, Tab completion
 *
 * The shell's global state is kept where it belongs, static in its file,
 * and the others use it through the functions below: the job table in
 * jobs.c, $? $! $$ $0... in vars.c, "is a person at a terminal" in main.c. */
#ifndef SH_H
#define SH_H

#include <sys/types.h>

#define MAX_LINE      1024      /* characters in a command line */
#define MAX_TOKENS    256       /* words and operators in a line */
#define MAX_WORDS     64        /* words of one command (also after expansion) */
#define MAX_REDIRS    8         /* redirections of one command */
#define MAX_COMMANDS  64        /* commands in a line (a pipeline may use them all) */
#define MAX_PIPELINES 32        /* pipelines in a line */
#define MAX_JOBS      16
#define WORD_MAX      1024      /* characters in one expanded word */
#define ARENA_SIZE    65536     /* memory for one line's words */

/* ================================================================ main.c */

/* Every error message starts with "sh: ", on stderr. */
void complain(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The words of a line live in one arena, emptied when the next line starts. */
char *arena_concat(const char *a, size_t n, const char *b);
char *arena_strndup(const char *s, size_t n);

/* A person at a terminal: prompt and job control.  A child the shell
 * forks is no interactive shell, and says so with set_interactive(0). */
int is_interactive(void);
void set_interactive(int yes);
pid_t get_shell_pgid(void);     /* the shell's own process group */

/* The end: stopped jobs get SIGHUP, the terminal goes back, exit(status). */
_Noreturn void leave(int status);

/* ================================================================ vars.c */

void set_var(const char *name, const char *value);     /* NAME=value */
const char *get_var(const char *name);                 /* NULL if not set */
void export_var(const char *name, const char *value);  /* into environ */
void unset_var(const char *name);
void print_locals(void);        /* the shell's own variables, NAME=value */
int valid_name(const char *s, size_t len);

/* The special parameters: $? $! $$ $0 $1 ... */
int get_last_status(void);
void set_last_status(int status);
void set_last_bg_pid(pid_t pid);
void set_params(char **argv, int n);  /* $0 $1 ... */
void init_variables(void);      /* PATH, HOME, PWD if missing; and $$ */

/* The value of $name; special parameters are made in tmp. */
const char *lookup(const char *name, char *tmp, size_t size);

/* ================================================================ lex.c
 *
 * A token is a word, kept as typed (quotes and all), or an operator; a
 * redirection carries its fd ("2>&1": fd 2 becomes a copy of fd 1). */

enum token_type { T_WORD, T_PIPE, T_AND, T_OR, T_SEMI, T_AMP, T_REDIR, T_END };
enum redir_kind { R_IN, R_OUT, R_APPEND, R_DUP };

struct token {
    enum token_type type;
    char *word;                 /* T_WORD: the text as typed */
    int fd, kind, dup_fd;       /* T_REDIR: fd, enum redir_kind, and for R_DUP the fd copied */
    const char *start, *end;    /* where it is in the line */
};

/* Fills tokens[MAX_TOKENS], ending with T_END.  Returns 0, or -1 after an
 * error message. */
int lex(const char *p, struct token *tokens);
int is_blank(char c);

/* ================================================================ parse.c
 *
 * A line becomes a flat array of pipelines, each with the operator that
 * follows it: "a && b || c & d" is a, b, c (ops &&, ||, &) then d. */

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

/* A parsed line: its pipelines, and the commands they are made of. */
struct line {
    struct command commands[MAX_COMMANDS];
    int ncommands;
    struct pipeline pipelines[MAX_PIPELINES];
    int npipelines;
};

/* Fills line from the tokens.  Returns 0, or -1 after an error message. */
int parse_line(const struct token *tokens, struct line *line);

/* ================================================================ expand.c */

/* A command after expansion: its assignments and its argv. */
struct expanded {
    char *assign[MAX_WORDS + 1];   /* "NAME=value" */
    int nassign;
    char *argv[MAX_WORDS + 1];
    int argc;
};

/* Quotes removed, $VAR replaced.  Returns -1 after an error message. */
int expand_command(const struct command *c, struct expanded *x);
/* A file name or a variable's value: exactly one word, never split.
 * Returns NULL after an error message. */
char *expand_one(const char *word, const char *what);

/* ================================================================ exec.c */

/* Runs a parsed line: its pipelines, joined by && || ; & */
void run_lists(const struct line *line);

/* ================================================================ jobs.c
 *
 * A job is one pipeline (or one "a && b &" list): its processes share a
 * process group, so one kill(-pgid, sig) reaches all of them. */

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

struct job *new_job(const char *start, const char *end);
void free_job(struct job *j);
void forget_jobs(void);         /* a child shell starts with no jobs */
enum proc_state job_state(const struct job *j);
int job_wait_status(const struct job *j);
int exit_code(int status);      /* a waitpid status as $? sees it */
struct job *find_job(const char *spec, const char *who);   /* %1 %+ %- %name pid */

void check_jobs(void);          /* before each prompt: report what changed */
void list_jobs(void);           /* the jobs built-in */
int wait_for_job(struct job *j, int interruptible);
int wait_for_all_jobs(void);    /* -1 if a signal interrupted the wait */
int wait_in_foreground(struct job *j);     /* returns the job's $? */
void signal_job(struct job *j, int sig);
void continue_job(struct job *j);
void hang_up_stopped_jobs(void);

/* ================================================================ builtins.c */

struct builtin {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *help;
};

const struct builtin *find_builtin(const char *name);     /* NULL: a program */
const char *builtin_name(int i);    /* the i-th built-in's name, NULL past the last */

/* ================================================================ lineedit.c
 *
 * An interactive shell reads its lines through the line editor: keys,
 * history, Tab completion (docs/shell.md, "The line editor"). */

/* Shows prompt and edits one line with the terminal in raw mode; the
 * terminal's previous (cooked) settings are back when it returns.
 * buf gets the line with its '\n' and a NUL.  Returns the length,
 * 0 at the end of input (Ctrl-D on an empty line), -1 on a read error,
 * -2 after Ctrl-C (it has printed "^C" and a newline; the caller drops
 * any unfinished command and prompts anew). */
int edit_line(const char *prompt, char *buf, size_t size);
void history_load(void);             /* from $HOME/.sh_history, at the start of an interactive shell */
void history_add(const char *line);  /* in memory and appended to the file; skips empty lines and a repeat of the last */

#endif
