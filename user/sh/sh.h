/* sh.h: what the files of the shell share -- the types a script becomes
 * on its way through, and the functions each file offers the others.
 *
 * Text goes through the files in this order (docs/shell.md):
 *
 *   input.c     characters: from a string (sh -c), a file, or the terminal
 *   lineedit.c  at a terminal: the line editor, history, Tab completion
 *   lex.c       cut them into tokens: words (kept as typed) and operators
 *   parse.c     tokens into a tree: pipelines, lists, if, while, for, case,
 *               functions, subshells -- one complete command at a time
 *   exec.c      walk the tree: fork, exec, pipe, dup2, wait
 *   expand.c    a word as typed into fields: $VAR, ${...}, $(...), $((...)),
 *               splitting at IFS, then globs (glob.c), then quote removal
 *   arith.c     $(( )) arithmetic
 *   glob.c      patterns: * ? [...] for file names and for case
 *   redir.c     < > >> <& >& <> << : open, dup2, and give back
 *   jobs.c      the job table: process groups, waitpid() and the terminal
 *   builtins*.c cd, exit, set, read, test, trap... which run in the shell
 *   vars.c      variables, positional parameters, the shell's options
 *   trap.c      signals the shell catches for the trap built-in
 *   pool.c      memory: a parse tree lives as long as its functions,
 *               an expanded word until its command has run
 *
 * Each file keeps its own state static, and the others reach it through
 * the functions below. */
#ifndef SH_H
#define SH_H

#include <stddef.h>
#include <sys/types.h>

/* ================================================================ main.c */

/* Every error message starts with "sh: " (or the script's name), on stderr. */
void complain(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A person at a terminal: prompt, line editing and job control.  A child
 * the shell forks is no interactive shell, and says so with
 * set_interactive(0). */
int is_interactive(void);
void set_interactive(int yes);
pid_t get_shell_pgid(void);     /* the shell's own process group */

/* The end: the EXIT trap, stopped jobs get SIGHUP, the terminal goes back. */
_Noreturn void leave(int status);

/* ================================================================ pool.c
 *
 * Two lifetimes.  A parse tree is allocated in a pool that lives as long
 * as someone holds a reference: the command that runs it, and every
 * function defined in it.  Expanded words are allocated on the scratch
 * stack: mark before a command, release after it has run. */

struct pool;
struct pool *pool_new(void);
void pool_hold(struct pool *p);
void pool_drop(struct pool *p);         /* frees everything at the last drop */
void *pool_alloc(struct pool *p, size_t size);      /* zeroed; exits if memory runs out */
char *pool_strndup(struct pool *p, const char *s, size_t n);

void *scratch_alloc(size_t size);
char *scratch_strndup(const char *s, size_t n);
char *scratch_strdup(const char *s);
void *scratch_mark(void);
void scratch_release(void *mark);

/* A string that grows: the one way this shell builds text. */
struct buf {
    char *s;
    size_t len, cap;
};
void buf_putc(struct buf *b, char c);
void buf_puts(struct buf *b, const char *s);
void buf_putn(struct buf *b, const char *s, size_t n);
char *buf_take(struct buf *b);          /* a malloc'ed string; b is empty again */
void buf_free(struct buf *b);

/* ================================================================ input.c
 *
 * Where the characters of commands come from.  The lexer asks for one
 * character at a time; at the end of a line it is the input that decides
 * whether to prompt (PS1 for a new command, PS2 inside one). */

struct input;
struct input *input_string(const char *text);
struct input *input_fd(int fd, int interactive);
struct input *input_file(const char *path);     /* NULL: see errno */
void input_free(struct input *in);
int input_getc(struct input *in);       /* -1 at the end */
int input_line(struct input *in);       /* the number of the line being read */
void input_ungetc(struct input *in, int c);
void input_new_command(struct input *in);       /* the next line is a new command: PS1 */
int input_interrupted(struct input *in);        /* Ctrl-C at the prompt (until the next command) */
size_t input_offset(struct input *in);          /* characters consumed (strings) */
/* Everything consumed between start and stop, for $(...) in a word. */
void input_record_start(struct input *in, struct buf *b);
void input_record_stop(struct input *in);

/* ================================================================ lineedit.c
 *
 * Shows prompt and edits one line with the terminal in raw mode; the
 * terminal's previous (cooked) settings are back when it returns.  buf gets
 * the line with its '\n' and a NUL.  Returns the length, 0 at the end of
 * input (Ctrl-D on an empty line), -1 on a read error, -2 after Ctrl-C. */
int edit_line(const char *prompt, char *buf, size_t size);
void history_load(void);                /* from $HOME/.sh_history */
void history_add(const char *line);     /* in memory and appended to the file */

/* ================================================================ the tree (parse.c) */

enum redir_kind {
    R_IN,           /* <   */
    R_OUT,          /* >   */
    R_CLOBBER,      /* >|  */
    R_APPEND,       /* >>  */
    R_RDWR,         /* <>  */
    R_DUPIN,        /* <&  */
    R_DUPOUT,       /* >&  */
    R_HEREDOC,      /* <<  and <<- */
};

struct redir {
    int fd;
    enum redir_kind kind;
    char *word;                 /* the file, the fd to copy, or the here-document's delimiter */
    char *body;                 /* a here-document's text */
    int expand_body;            /* delimiter not quoted: $ and ` work in the text */
    int strip_tabs;             /* <<- */
    struct redir *next;
};

enum node_type {
    N_SIMPLE,       /* assignments, words, redirections */
    N_PIPELINE,     /* kids joined by |, maybe negated by ! */
    N_AND,          /* a && b */
    N_OR,           /* a || b */
    N_LIST,         /* kids joined by ; or newline (or &: kid is N_BACKGROUND) */
    N_BACKGROUND,   /* a & */
    N_SUBSHELL,     /* ( a ) */
    N_GROUP,        /* { a; } */
    N_IF,           /* if a then b else c */
    N_WHILE,        /* while a do b */
    N_UNTIL,        /* until a do b */
    N_FOR,          /* for var in words do a */
    N_CASE,         /* case word in items esac */
    N_FUNCDEF,      /* name() a */
};

struct case_item {
    char **patterns;
    int npatterns;
    struct node *body;          /* may be NULL: "x) ;;" */
    struct case_item *next;
};

struct node {
    enum node_type type;
    struct redir *redirs;       /* of a simple or a compound command */
    char **assigns;             /* N_SIMPLE: NAME=value words */
    int nassigns;
    char **words;               /* N_SIMPLE: the command; N_FOR: the list */
    int nwords;
    struct node **kids;         /* N_PIPELINE, N_LIST */
    int nkids;
    int bang;                   /* N_PIPELINE: ! */
    struct node *a, *b, *c;     /* parts: condition, then, else; body... */
    char *name;                 /* N_FOR: the variable; N_FUNCDEF: the name; N_CASE: the word */
    int has_in;                 /* N_FOR: "in" given (else "$@") */
    struct case_item *items;    /* N_CASE */
    struct pool *pool;          /* N_FUNCDEF: where the body lives */
    const char *text;           /* N_PIPELINE/N_BACKGROUND: the job's name */
};

/* Parses one complete command (a line, and more lines if it is not yet
 * finished) from in.  *tree is NULL for an empty line.  Returns 0, -1 at
 * the end of the input, or -2 after a syntax error (with a message; the
 * rest of the line has been skipped). */
int parse_command(struct input *in, struct pool *pool, struct node **tree);
/* All of a string, for eval, trap actions, sh -c and $(...). */
int parse_string(const char *text, struct pool *pool, struct node **tree);
/* A command's text, made again from its tree: the job table's names. */
char *node_text(const struct node *n);
int is_reserved_word(const char *w);
int is_assignment(const char *w);       /* NAME=... as typed */

/* ================================================================ lex.c */

/* ( { if ${ $( ... may nest this deep: enough for any script a person
 * writes; deeper would only run the parser off the end of its stack. */
#define MAX_NESTING 1000

enum token_type {
    T_WORD, T_NEWLINE, T_EOF, T_IO_NUMBER,
    T_AND_IF, T_OR_IF, T_DSEMI, T_PIPE, T_AMP, T_SEMI, T_LPAREN, T_RPAREN,
    T_LESS, T_GREAT, T_DLESS, T_DLESSDASH, T_DGREAT, T_LESSAND, T_GREATAND,
    T_LESSGREAT, T_CLOBBER,
    T_ERROR,
};

struct token {
    enum token_type type;
    char *text;                 /* T_WORD: as typed (quotes and all) */
    int quoted;                 /* T_WORD: had quotes (no reserved word, no alias) */
    int lineno;
};

struct lexer {
    struct input *in;
    struct pool *pool;
    struct token peeked;
    int have_peeked;
    struct redir *pending_heredocs[16];     /* bodies to read after the next newline */
    int npending;
    int depth;                  /* compound commands open: ((((( has a limit */
    int error;
};

void lex_init(struct lexer *lx, struct input *in, struct pool *pool);
struct token lex_next(struct lexer *lx);
struct token *lex_peek(struct lexer *lx);
void lex_skip_line(struct lexer *lx);           /* after a syntax error */
int lex_add_heredoc(struct lexer *lx, struct redir *r);
/* the parser, called back for $( ... ) inside a word */
int parse_subcommand(struct lexer *lx);
/* expand.c: the length of the ${...}, $(...) or $((...)) after a '$'
 * (dq: inside "..."), -1 if it does not end. */
long dollar_length(const char *s, int dq);

/* ================================================================ expand.c */

struct fields {
    char **v;
    int n, cap;
};

/* Words into fields: expansions, splitting, globs, quotes removed.
 * command: they are a simple command's, where export, readonly and local
 * take NAME=value as an assignment.  Returns -1 after an error message
 * ($? is then non-zero). */
int expand_words(char **words, int nwords, int command, struct fields *out);
/* One word to one string: no splitting, no globs (assignments, redirection
 * targets, case words, ${x:-word}). */
char *expand_word(const char *word);
/* NAME=value: the value like expand_word, and ~ also after each ':'. */
char *expand_assignment(const char *word);
/* A case pattern: expanded, with quoted characters escaped by a backslash
 * so that they match only themselves. */
char *expand_pattern(const char *word);
/* A here-document's text: $ ` and \ work, quotes do not. */
char *expand_heredoc(const char *text);
/* The output of a command, without its trailing newlines ($(...)). */
char *command_output(const char *text);
int command_substitutions(void);        /* how many have run: "x=$(cmd)" takes cmd's $? */
void fields_add(struct fields *f, char *s);

/* ================================================================ arith.c */

/* $(( expr )): 0 and *value, or -1 after an error message. */
int arith_eval(const char *expr, long *value);

/* ================================================================ glob.c */

/* Does s match the pattern (* ? [...], \ quotes the next character)?  */
int pattern_match(const char *pattern, const char *s);
int has_glob_chars(const char *pattern);
/* Adds the file names matching pattern to out, sorted; returns how many. */
int glob_expand(const char *pattern, struct fields *out);

/* ================================================================ exec.c */

/* Runs a tree; returns its exit status (also in $?). */
int exec_tree(struct node *n);
/* eval, trap actions, sh -c: parse and run text. */
int run_string(const char *text);
/* Runs a file, line by line (the . builtin and sh FILE). */
int run_input(struct input *in);
/* Finds name in $PATH; returns a malloc'ed path or NULL. */
char *find_program(const char *name);
/* A shell function, or NULL. */
struct node *find_function(const char *name);
int run_function(struct node *f, int argc, char **argv);
int unset_function(const char *name);
void print_functions(void);
/* break, continue and return unwind the tree through these. */
void request_break(int levels);
void request_continue(int levels);
void request_return(int status);
int loop_depth(void);
int function_depth(void);
/* exec NAME ARGS: replace the shell; returns only if that failed. */
int exec_replace(char **argv);
/* A child about to run a part of the tree: no jobs, no terminal, default traps. */
void become_subshell(void);
/* "command NAME": the program or builtin only, no function. */
int run_by_command(char **argv, int argc);
/* A special builtin's error ends a script (POSIX 2.8.1); returns status. */
int builtin_error(int status);

/* ================================================================ redir.c */

/* Applies redirections.  When saved is set, the shell's own fds are kept
 * first and put back by redir_restore (for builtins, functions, groups). */
struct saved_fds;
int redir_apply(struct redir *r, struct saved_fds **saved);
void redir_restore(struct saved_fds *saved);

/* ================================================================ vars.c */

#define V_EXPORT   1
#define V_READONLY 2

const char *get_var(const char *name);          /* NULL if not set */
int set_var(const char *name, const char *value, int flags);   /* -1: read-only */
int assign(const char *name_eq_value, int flags);               /* "NAME=value" */
int unset_var(const char *name);
int var_flags(const char *name);
void add_var_flags(const char *name, int flags);
void print_vars(int only_flags, const char *prefix);   /* set, export -p, readonly -p */
void print_quoted(const char *s);       /* in '...', as the shell reads it back */
int valid_name(const char *s, size_t len);
void init_variables(void);

/* local NAME: saved now, given back when the function returns */
void push_locals_frame(void);
void pop_locals_frame(void);
int make_local(const char *name_eq_value);

/* The special parameters: $? $! $$ $# $0 $1 ... $@ */
int get_last_status(void);
void set_last_status(int status);
void set_last_bg_pid(pid_t pid);
pid_t get_last_bg_pid(void);
pid_t get_shell_pid(void);
const char *get_arg0(void);
void set_arg0(const char *name);
int get_nparams(void);
const char *get_param(int i);           /* $1 is get_param(1) */
/* Positional parameters: set -- a b, shift, and around a function call. */
struct params;
struct params *save_params(void);
void set_params(char **argv, int n);
void restore_params(struct params *old);
int shift_params(int n);

/* The shell's options: set -e -u -x -f -C -m */
enum option { OPT_ERREXIT, OPT_NOUNSET, OPT_XTRACE, OPT_NOGLOB, OPT_NOCLOBBER, OPT_MONITOR,
              OPT_VERBOSE, OPT_NOEXEC, OPT_PIPEFAIL, OPT_COUNT };
int option(enum option o);
void set_option(enum option o, int on);
int option_by_letter(char c);           /* -1 if unknown */
int option_by_name(const char *name);
void print_options(int as_commands);
const char *option_letters(void);       /* $- */

/* ================================================================ trap.c */

void trap_init(void);
int builtin_trap(int argc, char **argv);
void run_pending_traps(void);
int pending_trap_signal(void);  /* a trapped signal came (wait returns early) */
void run_exit_trap(void);
int status_for_exit(void);      /* exit and return without a number */
void reset_traps_in_subshell(void);
/* The signal names of kill and trap: "INT", "SIGINT", "2". -1 if unknown. */
int parse_signal(const char *s);

/* ================================================================ jobs.c
 *
 * A job is one pipeline (or one "a && b &" list): its processes share a
 * process group, so one kill(-pgid, sig) reaches all of them. */

enum proc_state { P_RUNNING, P_STOPPED, P_DONE };

struct proc {
    pid_t pid;
    int status;                 /* as waitpid reported it */
    enum proc_state state;
};

struct job {
    int id;                     /* %1, %2, ... */
    pid_t pgid;                 /* its process group (0: it stayed in ours) */
    char *text;                 /* the command, for messages */
    struct proc *procs;
    int nprocs, cap;
    int seq;                    /* larger = more recent; %+ is the largest */
    int changed;                /* stopped or ended since we last said so */
    int background;
    int warned_stopped;
    struct job *next;
};

struct job *new_job(const char *text);
void add_proc(struct job *j, pid_t pid);
void free_job(struct job *j);
void forget_jobs(void);         /* a child shell starts with no jobs */
enum proc_state job_state(const struct job *j);
int job_wait_status(const struct job *j);
int exit_code(int status);      /* a waitpid status as $? sees it */
struct job *find_job(const char *spec, const char *who);   /* %1 %+ %- %name pid */
struct job *job_of_pid(pid_t pid);
int stopped_jobs(void);

void check_jobs(void);          /* before each prompt: report what changed */
void collect_changes(void);     /* what the children did, noted without a word */
void list_jobs(int argc, char **argv);
int wait_for_job(struct job *j, int interruptible);
int wait_in_foreground(struct job *j);     /* returns the job's $? */
void signal_job(struct job *j, int sig);
void continue_job(struct job *j);
void hang_up_stopped_jobs(void);
void print_job(const struct job *j);
void report_if_killed(struct job *j);
pid_t wait_for_pid(pid_t pid, int *status);     /* for $(...): that child only */
/* the foreground job was killed by Ctrl-C: the interactive shell stops
 * running the rest of the command line */
int interrupted_by_sigint(void);
void clear_interrupted(void);

/* ================================================================ builtins */

struct builtin {
    const char *name;
    int (*run)(int argc, char **argv);
    int special;                /* POSIX special builtin: assignments stay, errors end a script */
    const char *help;
};

const struct builtin *find_builtin(const char *name);     /* NULL: a program */
void getopts_reset(void);               /* OPTIND has a new value */
const char *builtin_name(int i);        /* for completion; NULL past the last */

/* builtins_io.c */
int builtin_echo(int argc, char **argv);
int builtin_printf(int argc, char **argv);
int builtin_read(int argc, char **argv);
/* builtins_test.c */
int builtin_test(int argc, char **argv);
/* builtins_jobs.c */
int builtin_jobs(int argc, char **argv);
int builtin_fg(int argc, char **argv);
int builtin_bg(int argc, char **argv);
int builtin_wait(int argc, char **argv);
int builtin_kill(int argc, char **argv);

#endif
