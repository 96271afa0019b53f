/* builtins.c: the commands the shell runs itself, without fork + exec.
 *
 * cd must change the shell's own directory (a child's chdir changes only
 * the child's), exit must end the shell, set and export change its
 * variables, break and return its control flow.  POSIX calls some of
 * them "special" (marked below): their variable assignments stay after
 * they run, and they are found before functions.
 *
 * More of them live in builtins_io.c (echo, printf, read),
 * builtins_test.c (test, [) and builtins_jobs.c (jobs, fg, bg, wait,
 * kill); trap is in trap.c. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mode.h"
#include "sh.h"

/* A whole non-negative number, for exit, shift, break, return... */
static int number_arg(const char *who, const char *s, long *n)
{
    char *end;

    *n = strtol(s, &end, 10);
    if (!*s || *end) {
        complain("%s: %s: numeric argument required", who, s);
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- directories */

/* cd and pwd work on the *logical* path by default (POSIX's -L): the
 * directory as it was named, links and all.  After "cd link", $PWD ends
 * in /link and "cd .." goes back to where the link is, not to the parent
 * of where it points.  -P follows the links (getcwd). */

/* dir joined to $PWD if relative, "." and "name/.." taken away as text.
 * NULL when $PWD is no absolute path to start from. */
static char *logical_path(const char *dir)
{
    const char *pwd = get_var("PWD");
    struct buf all = { 0 }, out = { 0 };

    if (dir[0] != '/' && (!pwd || pwd[0] != '/'))
        return NULL;
    if (dir[0] != '/')
        buf_puts(&all, pwd);
    buf_putc(&all, '/');
    buf_puts(&all, dir);
    buf_putn(&out, "", 0);              /* a string, even when ".." cuts it to nothing */
    for (char *part = strtok(all.s, "/"); part; part = strtok(NULL, "/")) {
        if (strcmp(part, ".") == 0)
            continue;
        if (strcmp(part, "..") == 0) {
            while (out.len > 0 && out.s[--out.len] != '/')
                ;
            out.s[out.len] = '\0';
            continue;
        }
        buf_putc(&out, '/');
        buf_puts(&out, part);
    }
    buf_free(&all);
    if (out.len == 0)
        buf_putc(&out, '/');
    return buf_take(&out);
}

/* Is path (absolute) a name of the current directory? */
static int names_cwd(const char *path)
{
    struct stat a, b;

    return path && path[0] == '/' && stat(path, &a) == 0 && stat(".", &b) == 0 &&
           a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* The current directory's name: $PWD if it names it, else getcwd's. */
static void current_directory(char *out, size_t size)
{
    const char *pwd = get_var("PWD");

    if (names_cwd(pwd))
        snprintf(out, size, "%s", pwd);
    else if (!getcwd(out, size))
        out[0] = '\0';
}

/* cd [-L|-P] [dir]: no dir is $HOME, - is $OLDPWD. */
static int builtin_cd(int argc, char **argv)
{
    int physical = 0, i = 1;
    char old[PATH_MAX], now[PATH_MAX];

    for (; i < argc && (strcmp(argv[i], "-L") == 0 || strcmp(argv[i], "-P") == 0); i++)
        physical = argv[i][1] == 'P';
    i += i < argc && strcmp(argv[i], "--") == 0;
    const char *dir = i < argc ? argv[i] : get_var("HOME");
    int dash = dir && strcmp(dir, "-") == 0;
    if (dash && !(dir = get_var("OLDPWD"))) {
        complain("cd: OLDPWD not set");
        return 1;
    }
    if (!dir)
        dir = "/";
    current_directory(old, sizeof(old));
    char *logical = physical ? NULL : logical_path(dir);
    if (logical && chdir(logical) < 0) {
        free(logical);                  /* $PWD was out of date: by the links, then */
        logical = NULL;
    }
    if (!logical && chdir(dir) < 0) {
        complain("cd: %s: %s", dir, strerror(errno));
        return 1;
    }
    set_var("OLDPWD", old, 0);
    if (logical)
        set_var("PWD", logical, 0);
    else if (getcwd(now, sizeof(now)))
        set_var("PWD", now, 0);
    free(logical);
    if (dash)
        printf("%s\n", get_var("PWD"));
    return 0;
}

/* pwd [-L|-P]: $PWD if it names this directory, else getcwd's answer. */
static int builtin_pwd(int argc, char **argv)
{
    char cwd[PATH_MAX];
    const char *pwd = get_var("PWD");

    if (!(argc > 1 && strcmp(argv[argc - 1], "-P") == 0) && names_cwd(pwd)) {
        printf("%s\n", pwd);
        return 0;
    }
    if (!getcwd(cwd, sizeof(cwd))) {
        complain("pwd: %s", strerror(errno));
        return 1;
    }
    printf("%s\n", cwd);
    return 0;
}

/* ---------------------------------------------------------------- the end */

/* An interactive shell with stopped jobs warns once; the second exit
 * goes (and the jobs get SIGHUP). */
static int builtin_exit(int argc, char **argv)
{
    static int warned;
    long status = status_for_exit();

    if (argc > 1 && number_arg("exit", argv[1], &status) < 0)
        status = 2;
    if (is_interactive() && stopped_jobs() && !warned) {
        warned = 1;
        fprintf(stderr, "There are stopped jobs.\n");
        return 1;
    }
    leave((int)(status & 0xff));
}

/* ---------------------------------------------------------------- variables */

/* export NAME=value, export NAME, export -p. */
static int mark_vars(int argc, char **argv, int flag, const char *who)
{
    int status = 0, i = 1;

    if (i < argc && strcmp(argv[i], "-p") == 0)
        i++;
    if (i >= argc) {
        print_vars(flag, who);
        return 0;
    }
    for (; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        size_t len = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);
        if (!valid_name(argv[i], len)) {
            complain("%s: `%s': not a valid identifier", who, argv[i]);
            status = builtin_error(1);
        } else if (eq) {
            if (assign(argv[i], 0) < 0)
                status = builtin_error(1);
            *eq = '\0';
            add_var_flags(argv[i], flag);
            *eq = '=';
        } else {
            add_var_flags(argv[i], flag);
        }
    }
    return status;
}

static int builtin_export(int argc, char **argv)
{
    return mark_vars(argc, argv, V_EXPORT, "export");
}

static int builtin_readonly(int argc, char **argv)
{
    return mark_vars(argc, argv, V_READONLY, "readonly");
}

/* unset NAME, unset -v NAME, unset -f FUNCTION */
static int builtin_unset(int argc, char **argv)
{
    int functions = 0, status = 0, i = 1;

    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-f") == 0)
            functions = 1;
        else if (strcmp(argv[i], "-v") != 0)
            break;
    }
    for (; i < argc; i++) {
        if (functions)
            unset_function(argv[i]);
        else if (unset_var(argv[i]) < 0)
            status = builtin_error(1);
    }
    return status;
}

static int builtin_local(int argc, char **argv)
{
    int status = 0;

    if (function_depth() == 0) {
        complain("local: not in a function");
        return 1;
    }
    for (int i = 1; i < argc; i++)
        status |= make_local(argv[i]);
    return status;
}

/* set -e -u -x +e..., set -o name, set -- args, set (every variable). */
static int builtin_set(int argc, char **argv)
{
    int i = 1;

    if (argc == 1) {
        print_vars(0, NULL);
        return 0;
    }
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if ((a[0] != '-' && a[0] != '+') || !a[1])
            break;
        int on = a[0] == '-';
        for (const char *c = a + 1; *c; c++) {
            if (*c == 'o' && i + 1 >= argc) {
                print_options(!on);
                return 0;
            }
            /* -o NAME, also in a group: set -euo pipefail */
            int o = *c == 'o' ? option_by_name(argv[++i]) : option_by_letter(*c);
            if (o < 0) {
                if (*c == 'o')
                    complain("set: %s: invalid option name", argv[i]);
                else
                    complain("set: -%c: invalid option", *c);
                return builtin_error(2);
            }
            set_option((enum option)o, on);
        }
    }
    if (i < argc || (i > 1 && strcmp(argv[i - 1], "--") == 0))
        set_params(argv + i, argc - i);
    return 0;
}

static int builtin_shift(int argc, char **argv)
{
    long n = 1;

    if (argc > 1 && number_arg("shift", argv[1], &n) < 0)
        return builtin_error(2);
    if (shift_params((int)n) < 0) {
        complain("shift: can't shift that many");
        return builtin_error(1);
    }
    return 0;
}

/* ---------------------------------------------------------------- control */

static int builtin_break(int argc, char **argv)
{
    long n = 1;

    if (argc > 1 && number_arg(argv[0], argv[1], &n) < 0)
        return builtin_error(1);
    if (n < 1) {
        complain("%s: %s: loop count out of range", argv[0], argv[1]);
        return builtin_error(1);
    }
    if (loop_depth() == 0)
        return 0;
    if (argv[0][0] == 'b')
        request_break((int)n);
    else
        request_continue((int)n);
    return 0;
}

static int builtin_return(int argc, char **argv)
{
    long n = status_for_exit();

    if (argc > 1 && number_arg("return", argv[1], &n) < 0)
        n = builtin_error(2);
    request_return((int)(n & 0xff));
    return (int)(n & 0xff);
}

static int builtin_true(int argc, char **argv)
{
    (void)argc, (void)argv;
    return 0;
}

static int builtin_false(int argc, char **argv)
{
    (void)argc, (void)argv;
    return 1;
}

/* eval "args": the words joined by blanks, parsed and run as a command. */
static int builtin_eval(int argc, char **argv)
{
    struct buf b = { 0 };

    for (int i = 1; i < argc; i++) {
        if (i > 1)
            buf_putc(&b, ' ');
        buf_puts(&b, argv[i]);
    }
    int status = run_string(b.s ? b.s : "");
    buf_free(&b);
    return status;
}

/* . FILE: its commands run in this shell (found in $PATH if no slash). */
static int builtin_dot(int argc, char **argv)
{
    if (argc < 2) {
        complain(".: filename argument required");
        return builtin_error(2);
    }
    char *path = strchr(argv[1], '/') ? strdup(argv[1]) : find_program(argv[1]);
    struct input *in = input_file(path ? path : argv[1]);
    free(path);
    if (!in) {
        complain(".: %s: not found", argv[1]);
        return builtin_error(1);
    }
    int status = run_input(in);
    input_free(in);
    return status;
}

/* exec CMD ARGS: the shell becomes CMD.  exec with only redirections
 * ("exec 3> file") keeps them for the shell itself. */
static int builtin_exec(int argc, char **argv)
{
    if (argc < 2)
        return 0;               /* the redirections stay: exec.c does not restore them */
    int status = exec_replace(argv + 1);
    if (!is_interactive())
        leave(status);
    return status;
}

/* ---------------------------------------------------------------- what a name is */

enum { SAY_NAME, SAY_PATH_ONLY, SAY_SENTENCE };

/* command -v, command -V and type. */
static int describe_name(const char *name, int how)
{
    if (is_reserved_word(name)) {
        printf(how == SAY_SENTENCE ? "%s is a shell keyword\n" : "%s\n", name);
        return 0;
    }
    if (find_function(name)) {
        printf(how == SAY_SENTENCE ? "%s is a function\n" : "%s\n", name);
        return 0;
    }
    const struct builtin *b = find_builtin(name);
    if (b) {
        printf(how == SAY_SENTENCE ? "%s is a %sshell builtin\n" : "%s\n", name, b->special ? "special " : "");
        return 0;
    }
    char *path = find_program(name);
    if (path && access(path, X_OK) == 0) {
        if (how == SAY_SENTENCE)
            printf("%s is %s\n", name, path);
        else
            printf("%s\n", path);
        free(path);
        return 0;
    }
    free(path);
    if (how == SAY_SENTENCE)
        complain("%s: not found", name);
    return 1;
}

static int builtin_type(int argc, char **argv)
{
    int status = 0;
    for (int i = 1; i < argc; i++)
        status |= describe_name(argv[i], SAY_SENTENCE);
    return status;
}

/* command [-v|-V] NAME [ARGS]: run NAME skipping functions, or say what it is. */
static int builtin_command(int argc, char **argv)
{
    int i = 1, how = -1;

    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-v") == 0)
            how = SAY_NAME;
        else if (strcmp(argv[i], "-V") == 0)
            how = SAY_SENTENCE;
        else if (strcmp(argv[i], "-p") != 0) {
            i += strcmp(argv[i], "--") == 0;
            break;
        }
    }
    if (i >= argc)
        return 0;
    if (how >= 0) {
        int status = 0;
        for (; i < argc; i++)
            status |= describe_name(argv[i], how);
        return status;
    }
    return run_by_command(argv + i, argc - i);
}

/* ---------------------------------------------------------------- odds and ends */

/* umask -S: the bits new files may get, "u=rwx,g=rx,o=rx". */
static void print_symbolic_mask(mode_t mask)
{
    static const char classes[] = "ugo";

    for (int c = 0; c < 3; c++) {
        mode_t allowed = (~mask >> (6 - 3 * c)) & 7;
        printf("%s%c=%s%s%s", c ? "," : "", classes[c], allowed & 4 ? "r" : "", allowed & 2 ? "w" : "",
               allowed & 1 ? "x" : "");
    }
    putchar('\n');
}

/* umask [-S] [mask]: the permission bits new files do not get.  An octal
 * mask names them (022); a symbolic one, as chmod's, names the bits files
 * do get (u=rwx,g=rx,o=, g-w). */
static int builtin_umask(int argc, char **argv)
{
    int symbolic = argc > 1 && strcmp(argv[1], "-S") == 0, i = 1 + symbolic;
    mode_t mask = umask(0), allowed;

    umask(mask);
    if (i >= argc) {
        if (symbolic)
            print_symbolic_mask(mask);
        else
            printf("%04o\n", (unsigned)mask);
        return 0;
    }
    if (argv[i][0] && strspn(argv[i], "01234567") == strlen(argv[i]) && strtol(argv[i], NULL, 8) <= 0777) {
        umask((mode_t)strtol(argv[i], NULL, 8));
        return 0;
    }
    if (isdigit((unsigned char)argv[i][0]) || new_mode(argv[i], ~mask & 0777, 1, 0, &allowed) < 0) {
        complain("umask: %s: bad mask", argv[i]);
        return 1;
    }
    umask(~allowed & 0777);
    return 0;
}

/* getopts OPTSTRING NAME [ARGS]: the next option of $@ (or ARGS) in NAME,
 * its argument in OPTARG; OPTIND is the number of the argument to look
 * at.  Where getopts is inside a group like "-abc" is next_char; a new
 * value of OPTIND (OPTIND=1 starts again) sets it back to the group's start. */
static int next_char = 1;

void getopts_reset(void)
{
    next_char = 1;
}

static void set_optind(int optind, int next)
{
    char num[16];

    snprintf(num, sizeof(num), "%d", optind);
    set_var("OPTIND", num, 0);          /* which calls getopts_reset */
    next_char = next;
}

/* The option's argument: the rest of its group, or the next argument.
 * Returns the name's value: the option, or ':' or '?' if it is missing. */
static char option_argument(const char *arg, int *optind, char **args, int nargs, char c, int silent)
{
    const char *value = arg + next_char;

    if (!*value && *optind < nargs)
        value = args ? args[(*optind)++] : get_param(++*optind);
    else if (!*value) {
        char opt[2] = { c, 0 };
        if (silent) {
            set_var("OPTARG", opt, 0);
            return ':';
        }
        fprintf(stderr, "%s: option requires an argument -- %c\n", get_arg0(), c);
        return '?';
    }
    set_var("OPTARG", value, 0);
    return c;
}

static int builtin_getopts(int argc, char **argv)
{
    if (argc < 3) {
        complain("getopts: usage: getopts optstring name [arg...]");
        return 2;
    }
    const char *optstring = argv[1], *name = argv[2];
    char **args = argc > 3 ? argv + 3 : NULL;
    int nargs = args ? argc - 3 : get_nparams();
    const char *optind_s = get_var("OPTIND");
    int optind = optind_s && atoi(optind_s) > 0 ? atoi(optind_s) : 1;
    const char *arg = optind > nargs ? NULL : args ? args[optind - 1] : get_param(optind);
    int silent = optstring[0] == ':';

    unset_var("OPTARG");
    if (!arg || arg[0] != '-' || !arg[1] || strcmp(arg, "--") == 0) {
        set_optind(optind + (arg && strcmp(arg, "--") == 0), 1);
        set_var(name, "?", 0);
        return 1;
    }
    if (next_char >= (int)strlen(arg))
        next_char = 1;                  /* "set --" changed the arguments */
    char c = arg[next_char++];
    char opt[2] = { c, 0 };
    const char *spec = c != ':' ? strchr(optstring, c) : NULL;
    if (!spec) {
        if (silent)
            set_var("OPTARG", opt, 0);
        else
            fprintf(stderr, "%s: illegal option -- %c\n", get_arg0(), c);
        opt[0] = '?';
    } else if (spec[1] == ':') {
        opt[0] = option_argument(arg, &optind, args, nargs, c, silent);
        next_char = (int)strlen(arg);
    }
    if (!arg[next_char])
        set_optind(optind + 1, 1);
    else
        set_optind(optind, next_char);
    set_var(name, opt, 0);
    return 0;
}

static int builtin_help(int argc, char **argv);

static const struct builtin builtins[] = {
    { ":",        builtin_true,     1, ":               do nothing, successfully" },
    { ".",        builtin_dot,      1, ". file          run file's commands in this shell" },
    { "[",        builtin_test,     0, "[ expr ]        test expr (see test)" },
    { "bg",       builtin_bg,       0, "bg [%n]         continue job n in the background" },
    { "break",    builtin_break,    1, "break [n]       leave n loops" },
    { "cd",       builtin_cd,       0, "cd [dir]        change directory (no dir: $HOME; -: the last one)" },
    { "command",  builtin_command,  0, "command [-v] x  run x (never a function), or say what x is" },
    { "continue", builtin_break,    1, "continue [n]    next round of the n-th loop" },
    { "echo",     builtin_echo,     0, "echo [-neE] ... print the words (-e: \\n and friends)" },
    { "eval",     builtin_eval,     1, "eval words      run the words as a command" },
    { "exec",     builtin_exec,     1, "exec cmd        replace the shell by cmd; alone: keep redirections" },
    { "exit",     builtin_exit,     1, "exit [n]        leave the shell with status n" },
    { "export",   builtin_export,   1, "export [X[=v]]  give X to the programs we start; alone: list" },
    { "false",    builtin_false,    0, "false           fail" },
    { "fg",       builtin_fg,       0, "fg [%n]         continue job n in the foreground" },
    { "getopts",  builtin_getopts,  0, "getopts s name  the next option of $@" },
    { "help",     builtin_help,     0, "help            this list" },
    { "jobs",     builtin_jobs,     0, "jobs [-p]       list the jobs: running, stopped, done" },
    { "kill",     builtin_kill,     0, "kill [-SIG] pid|%n   send a signal; kill -l lists them" },
    { "local",    builtin_local,    0, "local X[=v]     X belongs to this function call" },
    { "printf",   builtin_printf,   0, "printf fmt ...  formatted output, like C's printf" },
    { "pwd",      builtin_pwd,      0, "pwd             print the current directory" },
    { "read",     builtin_read,     0, "read [-r] X...  a line of input into variables" },
    { "readonly", builtin_readonly, 1, "readonly X[=v]  X can no longer change" },
    { "return",   builtin_return,   1, "return [n]      leave the function with status n" },
    { "set",      builtin_set,      1, "set [-eux] [-- args]  options, or $1 $2...; alone: list variables" },
    { "shift",    builtin_shift,    1, "shift [n]       drop $1 (n of them), $2 becomes $1" },
    { "test",     builtin_test,     0, "test expr       compare strings and numbers, check files" },
    { "trap",     builtin_trap,     1, "trap cmd SIG    run cmd when signal SIG comes (EXIT: at the end)" },
    { "true",     builtin_true,     0, "true            succeed" },
    { "type",     builtin_type,     0, "type x          say what x is: builtin, function, program" },
    { "umask",    builtin_umask,    0, "umask [-S] [m]  the permissions new files do not get" },
    { "unset",    builtin_unset,    1, "unset [-f] X    forget variable (or function) X" },
    { "wait",     builtin_wait,     0, "wait [%n|pid]   wait for background jobs to end" },
};

#define NBUILTINS (sizeof(builtins) / sizeof(builtins[0]))

const struct builtin *find_builtin(const char *name)
{
    for (size_t i = 0; i < NBUILTINS; i++)
        if (strcmp(builtins[i].name, name) == 0)
            return &builtins[i];
    return NULL;
}

const char *builtin_name(int i)
{
    return i >= 0 && (size_t)i < NBUILTINS ? builtins[i].name : NULL;
}

static int builtin_help(int argc, char **argv)
{
    (void)argc, (void)argv;
    printf("Built-in commands (anything else is a program in $PATH; man sh tells more):\n");
    for (size_t i = 0; i < NBUILTINS; i++)
        printf("  %s\n", builtins[i].help);
    printf("Syntax: a | b   a > f   a >> f   a < f   a 2>&1   a ; b   a && b   a || b   a &\n"
           "        if ...; then ...; elif ...; else ...; fi    while ...; do ...; done\n"
           "        for x in a b; do ...; done    case $x in a*) ...;; esac    f() { ...; }\n"
           "        'quoted' \"$x\" $(cmd) $((1+2)) ${x:-default} *.c  <<EOF (here-document)\n");
    return 0;
}
