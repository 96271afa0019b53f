/* The exec family: all of them end in the one system call, execve.
 *
 *   execv(path, argv)         this environment
 *   execvp(file, argv)        file is looked up in the directories of PATH
 *   execl(path, arg0, ..., NULL)     the arguments as a list
 *   execlp(file, arg0, ..., NULL)    a list, looked up in PATH
 *   execle(path, arg0, ..., NULL, envp)
 *
 * When exec works it does not return: this program is replaced. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <limits.h>

/* Where execvp looks when there is no PATH: where the system keeps its
 * programs, Minnow's own in /bin and busybox's in /usr/bin (glibc's
 * default too, confstr(_CS_PATH)). */
#define DEFAULT_PATH "/bin:/usr/bin"

int execv(const char *path, char *const argv[])
{
    return execve(path, argv, environ);
}

/* A file that is not a program but has execute permission is a shell
 * script: POSIX says execvp runs it with /bin/sh. */
static void exec_script(const char *path, char *const argv[])
{
    int argc = 0, n = 0;

    while (argv[argc])
        argc++;
    char *sh_argv[argc + 3];
    sh_argv[n++] = "sh";
    sh_argv[n++] = (char *)path;
    for (int i = 1; i < argc; i++)
        sh_argv[n++] = argv[i];
    sh_argv[n] = NULL;
    execve("/bin/sh", sh_argv, environ);
}

static void try_exec(const char *path, char *const argv[])
{
    execve(path, argv, environ);
    if (errno == ENOEXEC) {
        exec_script(path, argv);
        errno = ENOEXEC;
    }
}

/* PATH is a list of directories, "/bin:/usr/bin"; an empty entry means
 * ".".  Puts "DIR/file" for the first directory of list into path, and
 * returns the rest of the list (NULL after the last directory). */
static const char *next_candidate(const char *list, const char *file,
                                  char *path, size_t size)
{
    const char *colon = strchr(list, ':');
    size_t len = colon ? (size_t)(colon - list) : strlen(list);
    const char *dir = len ? list : ".";

    if (len == 0)
        len = 1;
    if (len + strlen(file) + 2 > size)
        path[0] = '\0';                   /* too long: skip it */
    else {
        memcpy(path, dir, len);
        path[len] = '/';
        strcpy(path + len + 1, file);
    }
    return colon ? colon + 1 : NULL;
}

int execvp(const char *file, char *const argv[])
{
    char path[PATH_MAX];
    int saw_eacces = 0;

    if (!*file) {
        errno = ENOENT;
        return -1;
    }
    if (strchr(file, '/')) {             /* a path: no search */
        try_exec(file, argv);
        return -1;
    }
    const char *list = getenv("PATH");
    if (!list)
        list = DEFAULT_PATH;
    while (list) {
        list = next_candidate(list, file, path, sizeof(path));
        if (!path[0])
            continue;
        try_exec(path, argv);
        if (errno == EACCES)
            saw_eacces = 1;              /* remember it, but keep looking */
        else if (errno != ENOENT && errno != ENOTDIR)
            return -1;                   /* found, but it would not run */
    }
    errno = saw_eacces ? EACCES : ENOENT;
    return -1;
}

/* The execl variants take the arguments one by one, ending with NULL:
 * count them, then put them in an array for execve. */
static int count_args(const char *arg0, va_list ap)
{
    int n = 1;
    va_list count;

    va_copy(count, ap);
    if (arg0)
        while (va_arg(count, const char *))
            n++;
    va_end(count);
    return n;
}

static void collect_args(char **argv, int n, const char *arg0, va_list ap)
{
    argv[0] = (char *)arg0;
    for (int i = 1; i < n; i++)
        argv[i] = va_arg(ap, char *);
    argv[n] = NULL;
}

int execl(const char *path, const char *arg0, ...)
{
    va_list ap;
    va_start(ap, arg0);
    int n = count_args(arg0, ap);
    char *argv[n + 1];
    collect_args(argv, n, arg0, ap);
    va_end(ap);
    return execve(path, argv, environ);
}

int execlp(const char *file, const char *arg0, ...)
{
    va_list ap;
    va_start(ap, arg0);
    int n = count_args(arg0, ap);
    char *argv[n + 1];
    collect_args(argv, n, arg0, ap);
    va_end(ap);
    return execvp(file, argv);
}

/* execle: after the NULL that ends the arguments comes the environment. */
int execle(const char *path, const char *arg0, ...)
{
    va_list ap;
    va_start(ap, arg0);
    int n = count_args(arg0, ap);
    char *argv[n + 1];
    collect_args(argv, n, arg0, ap);
    if (arg0)
        (void)va_arg(ap, char *);        /* the NULL */
    char **envp = va_arg(ap, char **);
    va_end(ap);
    return execve(path, argv, envp);
}
