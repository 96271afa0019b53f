/* vars.c: variables, the positional parameters, and the shell's options.
 *
 * Every variable is in one list here, with its flags: exported (the
 * programs we start get it in their environment) and read-only.  The
 * exported ones are mirrored into environ, which execve() hands on and
 * the C library's getenv() reads.
 *
 * A function's "local x" saves x's old value in the function's frame;
 * the frame gives it back when the function returns.
 *
 * Also here: the special parameters ($? $! $$ $0 $1 ... $#) and the
 * options of "set -e -u -x -f -C -m". */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

extern char **environ;

struct var {
    char *name, *value;         /* value NULL: declared (export x) but not set */
    int flags;
    struct var *next;
};
static struct var *vars;

static void *need(void *p)
{
    if (!p) {
        complain("out of memory");
        exit(2);
    }
    return p;
}

static struct var *find(const char *name)
{
    for (struct var *v = vars; v; v = v->next)
        if (strcmp(v->name, name) == 0)
            return v;
    return NULL;
}

static struct var *find_or_add(const char *name)
{
    struct var *v = find(name);
    if (!v) {
        v = need(calloc(1, sizeof(*v)));
        v->name = need(strdup(name));
        v->next = vars;
        vars = v;
    }
    return v;
}

/* A variable got a new value (or none): environ follows the exported
 * ones, and getopts starts again when OPTIND changes. */
static void mirror(const struct var *v)
{
    if (strcmp(v->name, "OPTIND") == 0)
        getopts_reset();
    if ((v->flags & V_EXPORT) && v->value)
        setenv(v->name, v->value, 1);
    else
        unsetenv(v->name);
}

const char *get_var(const char *name)
{
    struct var *v = find(name);
    return v ? v->value : NULL;
}

int var_flags(const char *name)
{
    struct var *v = find(name);
    return v ? v->flags : 0;
}

int set_var(const char *name, const char *value, int flags)
{
    struct var *v = find_or_add(name);

    if (v->flags & V_READONLY) {
        complain("%s: is read only", name);
        return -1;
    }
    char *copy = need(strdup(value));
    free(v->value);
    v->value = copy;
    v->flags |= flags;
    mirror(v);
    return 0;
}

int assign(const char *name_eq_value, int flags)
{
    const char *eq = strchr(name_eq_value, '=');
    char name[256];

    if (!eq || eq - name_eq_value >= (long)sizeof(name))
        return -1;
    memcpy(name, name_eq_value, (size_t)(eq - name_eq_value));
    name[eq - name_eq_value] = '\0';
    return set_var(name, eq + 1, flags);
}

void add_var_flags(const char *name, int flags)
{
    struct var *v = find_or_add(name);
    v->flags |= flags;
    mirror(v);
}

int unset_var(const char *name)
{
    for (struct var **pp = &vars; *pp; pp = &(*pp)->next) {
        struct var *v = *pp;
        if (strcmp(v->name, name) != 0)
            continue;
        if (v->flags & V_READONLY) {
            complain("%s: is read only", name);
            return -1;
        }
        *pp = v->next;
        free(v->value);
        v->value = NULL;
        mirror(v);
        free(v->name);
        free(v);
        return 0;
    }
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp((*(struct var *const *)a)->name, (*(struct var *const *)b)->name);
}

/* A value as the shell would read it back: it's -> 'it'\''s'. */
void print_quoted(const char *s)
{
    putchar('\'');
    for (; *s; s++) {
        if (*s == '\'')
            fputs("'\\''", stdout);
        else
            putchar(*s);
    }
    putchar('\'');
}

/* set (only_flags 0): every variable; export -p, readonly -p: those with
 * the flag, as commands ("export X='1'"). */
void print_vars(int only_flags, const char *prefix)
{
    int n = 0;
    for (struct var *v = vars; v; v = v->next)
        n++;
    struct var **all = need(calloc((size_t)n + 1, sizeof(*all)));
    n = 0;
    for (struct var *v = vars; v; v = v->next)
        if (!only_flags || (v->flags & only_flags))
            all[n++] = v;
    qsort(all, (size_t)n, sizeof(*all), by_name);
    for (int i = 0; i < n; i++) {
        if (prefix)
            printf("%s ", prefix);
        fputs(all[i]->name, stdout);
        if (all[i]->value) {
            putchar('=');
            print_quoted(all[i]->value);
        }
        putchar('\n');
    }
    free(all);
}

/* A name is a letter or _, then letters, digits and _ (len characters). */
int valid_name(const char *s, size_t len)
{
    if (len == 0 || isdigit((unsigned char)s[0]))
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '_')
            return 0;
    return 1;
}

/* ================================================================ local */

struct saved_var {
    char *name, *value;
    int flags, existed;
    struct saved_var *next;
};

struct frame {
    struct saved_var *saved;
    struct frame *up;
};
static struct frame *frames;

void push_locals_frame(void)
{
    struct frame *f = need(calloc(1, sizeof(*f)));
    f->up = frames;
    frames = f;
}

void pop_locals_frame(void)
{
    struct frame *f = frames;

    if (!f)
        return;
    while (f->saved) {
        struct saved_var *s = f->saved;
        f->saved = s->next;
        struct var *v = find(s->name);
        if (v)
            v->flags &= ~V_READONLY;
        if (!s->existed) {
            unset_var(s->name);
        } else {
            v = find_or_add(s->name);
            free(v->value);
            v->value = s->value;
            v->flags = s->flags;
            mirror(v);
            s->value = NULL;
        }
        free(s->name);
        free(s->value);
        free(s);
    }
    frames = f->up;
    free(f);
}

/* local NAME[=value]: as in dash, a local starts with the outer value. */
int make_local(const char *arg)
{
    const char *eq = strchr(arg, '=');
    size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
    char *name = need(strndup(arg, len));

    if (!frames || !valid_name(name, len)) {
        complain(frames ? "local: `%s': not a valid identifier" : "local: %s: not in a function", name);
        free(name);
        return 1;
    }
    int already = 0;
    for (struct saved_var *s = frames->saved; s; s = s->next)
        already |= strcmp(s->name, name) == 0;
    if (!already) {
        struct saved_var *s = need(calloc(1, sizeof(*s)));
        struct var *v = find(name);
        s->name = name;
        s->existed = v != NULL;
        if (v) {
            s->value = v->value ? need(strdup(v->value)) : NULL;
            s->flags = v->flags;
        }
        s->next = frames->saved;
        frames->saved = s;
    } else {
        free(name);
    }
    return eq && assign(arg, 0) < 0 ? 1 : 0;
}

/* ================================================================ the special parameters */

static int last_status;         /* $? */
static pid_t last_bg_pid;       /* $! */
static pid_t shell_pid;         /* $$ (the same in every subshell) */
static char *arg0;              /* $0 */

int get_last_status(void) { return last_status; }
void set_last_status(int status) { last_status = status; }
void set_last_bg_pid(pid_t pid) { last_bg_pid = pid; }
pid_t get_last_bg_pid(void) { return last_bg_pid; }
pid_t get_shell_pid(void) { return shell_pid; }
const char *get_arg0(void) { return arg0 ? arg0 : "sh"; }

void set_arg0(const char *name)
{
    free(arg0);
    arg0 = need(strdup(name));
}

/* $1 $2 ...: set by sh's arguments, "set --", and around a function call. */
struct params {
    char **v;
    int n;
};
static struct params *params;

static void free_params(struct params *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->n; i++)
        free(p->v[i]);
    free(p->v);
    free(p);
}

int get_nparams(void)
{
    return params ? params->n : 0;
}

const char *get_param(int i)
{
    return params && i >= 1 && i <= params->n ? params->v[i - 1] : "";
}

struct params *save_params(void)
{
    struct params *old = params;
    params = NULL;
    return old;
}

void set_params(char **argv, int n)
{
    struct params *p = need(calloc(1, sizeof(*p)));

    p->v = need(calloc((size_t)n + 1, sizeof(char *)));
    for (int i = 0; i < n; i++)
        p->v[i] = need(strdup(argv[i]));
    p->n = n;
    free_params(params);
    params = p;
}

void restore_params(struct params *old)
{
    free_params(params);
    params = old;
}

int shift_params(int n)
{
    if (n < 0 || n > get_nparams())
        return -1;
    for (int i = 0; i < n; i++)
        free(params->v[i]);
    memmove(params->v, params->v + n, (size_t)(params->n - n + 1) * sizeof(char *));
    params->n -= n;
    return 0;
}

/* ================================================================ options */

static const struct {
    char letter;
    const char *name;
} options[OPT_COUNT] = {
    [OPT_ERREXIT] = { 'e', "errexit" },  [OPT_NOUNSET] = { 'u', "nounset" },
    [OPT_XTRACE] = { 'x', "xtrace" },    [OPT_NOGLOB] = { 'f', "noglob" },
    [OPT_NOCLOBBER] = { 'C', "noclobber" }, [OPT_MONITOR] = { 'm', "monitor" },
    [OPT_VERBOSE] = { 'v', "verbose" },  [OPT_NOEXEC] = { 'n', "noexec" },
    [OPT_PIPEFAIL] = { 0, "pipefail" },     /* POSIX 2024: only set -o pipefail */
};
static char option_on[OPT_COUNT];

int option(enum option o) { return option_on[o]; }
void set_option(enum option o, int on) { option_on[o] = (char)on; }

int option_by_letter(char c)
{
    for (int i = 0; i < OPT_COUNT; i++)
        if (options[i].letter == c)
            return i;
    return -1;
}

int option_by_name(const char *name)
{
    for (int i = 0; i < OPT_COUNT; i++)
        if (strcmp(options[i].name, name) == 0)
            return i;
    return -1;
}

/* set -o (a table) and set +o (commands that set them again). */
void print_options(int as_commands)
{
    for (int i = 0; i < OPT_COUNT; i++) {
        if (as_commands)
            printf("set %co %s\n", option_on[i] ? '-' : '+', options[i].name);
        else
            printf("%-16s%s\n", options[i].name, option_on[i] ? "on" : "off");
    }
}

const char *option_letters(void)
{
    static char letters[OPT_COUNT + 2];
    int n = 0;

    for (int i = 0; i < OPT_COUNT; i++)
        if (option_on[i] && options[i].letter)
            letters[n++] = options[i].letter;
    if (is_interactive())
        letters[n++] = 'i';
    letters[n] = '\0';
    return letters;
}

/* ================================================================ the start */

void init_variables(void)
{
    char cwd[PATH_MAX];

    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (eq && valid_name(*e, (size_t)(eq - *e))) {
            char *name = need(strndup(*e, (size_t)(eq - *e)));
            struct var *v = find_or_add(name);
            free(name);
            free(v->value);
            v->value = need(strdup(eq + 1));
            v->flags = V_EXPORT;
        }
    }
    if (!get_var("PATH"))
        set_var("PATH", "/bin:/usr/bin", V_EXPORT);
    if (!get_var("HOME"))
        set_var("HOME", "/home/user", V_EXPORT);
    if (getcwd(cwd, sizeof(cwd)))
        set_var("PWD", cwd, V_EXPORT);
    set_var("PS1", "minnow:$PWD$ ", 0);
    set_var("PS2", "> ", 0);
    set_var("PS4", "+ ", 0);
    set_var("OPTIND", "1", 0);
    shell_pid = getpid();
    char ppid[16];
    snprintf(ppid, sizeof(ppid), "%d", (int)getppid());
    set_var("PPID", ppid, 0);
}
