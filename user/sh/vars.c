/* vars.c: variables -- what $NAME, $?, $$ and the others stand for.
 *
 * Exported variables are the environment (environ, which execve hands to
 * every program we start); the others stay in the shell, in a small list.
 * The special parameters ($? $! $$ $# $0..$9 $@) are kept here too: the
 * shell sets them as it runs commands (exec.c), and expand.c asks lookup()
 * for their value when a command's words are expanded. */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

/* ================================================================ the special parameters
 *
 * Global state, but in one place: every command changes $?, and any word
 * of any later command may read it. */

static int last_status;         /* $? */
static pid_t last_bg_pid;       /* $! */
static pid_t shell_pid;         /* $$ (the same in every child we fork) */
static char **params;           /* $0 $1 $2 ...: the script's name and arguments */
static int nparams;

int get_last_status(void)
{
    return last_status;
}

void set_last_status(int status)
{
    last_status = status;
}

void set_last_bg_pid(pid_t pid)
{
    last_bg_pid = pid;
}

void set_params(char **argv, int n)
{
    params = argv;
    nparams = n;
}

/* ================================================================ variables */

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

void unset_var(const char *name)
{
    remove_local(name);
    unsetenv(name);
}

const char *get_var(const char *name)
{
    struct var *v = find_local(name);
    return v ? v->value : getenv(name);
}

/* NAME=value: an exported variable stays exported, any other is local. */
void set_var(const char *name, const char *value)
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
void export_var(const char *name, const char *value)
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

/* The shell's own variables, for the set built-in. */
void print_locals(void)
{
    for (struct var *v = locals; v; v = v->next)
        printf("%s=%s\n", v->name, v->value);
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

void init_variables(void)
{
    char cwd[PATH_MAX];

    if (!getenv("PATH"))
        setenv("PATH", "/bin:/usr/bin", 1);     /* what execvp searches without it */
    if (!getenv("HOME"))
        setenv("HOME", "/home/user", 1);
    if (getcwd(cwd, sizeof(cwd)))
        setenv("PWD", cwd, 1);
    shell_pid = getpid();
}

/* ================================================================ $name */

/* The value of $name; special parameters are made in tmp. */
const char *lookup(const char *name, char *tmp, size_t size)
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
