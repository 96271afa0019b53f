/* The environment: getenv, setenv, unsetenv, putenv, environ, and that
 * exec passes it on. */
#include <errno.h>
#include <minnow/test.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int entries_named(const char *name)
{
    size_t len = strlen(name);
    int n = 0;

    for (char **e = environ; e && *e; e++)
        if (strncmp(*e, name, len) == 0 && (*e)[len] == '=')
            n++;
    return n;
}

static void set_get_unset(void)
{
    check(getenv("MINNOW_TEST_NOPE") == NULL, "getenv_absent", "found something");
    check(setenv("MINNOW_A", "one", 1) == 0, "setenv", "failed");
    const char *v = getenv("MINNOW_A");
    check(v && !strcmp(v, "one"), "getenv_after_setenv", "got %s", v ? v : "NULL");
    setenv("MINNOW_A", "two", 0);
    v = getenv("MINNOW_A");
    check(v && !strcmp(v, "one"), "setenv_no_overwrite", "got %s", v ? v : "NULL");
    setenv("MINNOW_A", "three", 1);
    v = getenv("MINNOW_A");
    check(v && !strcmp(v, "three") && entries_named("MINNOW_A") == 1, "setenv_overwrite",
          "got %s, %d entries", v ? v : "NULL", entries_named("MINNOW_A"));
    check(getenv("MINNOW_") == NULL && getenv("MINNOW_AB") == NULL, "getenv_exact_name",
          "matched a prefix or a longer name");
    check(unsetenv("MINNOW_A") == 0 && getenv("MINNOW_A") == NULL &&
          entries_named("MINNOW_A") == 0, "unsetenv", "still there");
    errno = 0;
    check(setenv("BAD=NAME", "x", 1) == -1 && errno == EINVAL, "setenv_bad_name",
          "errno %d", errno);
    check(setenv("", "x", 1) == -1, "setenv_empty_name", "accepted");
}

static void put(void)
{
    static char entry[] = "MINNOW_P=first";

    check(putenv(entry) == 0, "putenv", "failed");
    entry[9] = 'F';                             /* the string itself is in environ */
    const char *v = getenv("MINNOW_P");
    check(v && !strcmp(v, "First"), "putenv_no_copy", "got %s", v ? v : "NULL");
    unsetenv("MINNOW_P");
}

static void many(void)
{
    char name[32], value[32];
    int ok = 1;

    for (int i = 0; i < 50; i++) {
        snprintf(name, sizeof(name), "MINNOW_MANY_%d", i);
        snprintf(value, sizeof(value), "v%d", i * i);
        if (setenv(name, value, 1) < 0)
            ok = 0;
    }
    for (int i = 0; i < 50; i++) {
        snprintf(name, sizeof(name), "MINNOW_MANY_%d", i);
        snprintf(value, sizeof(value), "v%d", i * i);
        const char *v = getenv(name);
        if (!v || strcmp(v, value))
            ok = 0;
        unsetenv(name);
    }
    check(ok && entries_named("MINNOW_MANY_1") == 0, "setenv_many", "lost a variable");
}

/* A child sees the variable after exec: run ourselves with an argument
 * (execvp: argv[0] may be a bare name, found in PATH or /bin). */
static void inherited(const char *self)
{
    setenv("MINNOW_CHILD", "inherited", 1);
    pid_t pid = fork();
    if (pid == 0) {
        char *args[] = { (char *)self, "child", NULL };
        execvp(self, args);
        _exit(100 + errno);
    }
    int status = -1;
    waitpid(pid, &status, 0);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    check(code == 0, "environ_exec", "%s (status 0x%x)",
          code == 1 ? "the variable is missing" :
          code >= 100 ? strerror(code - 100) : "the child died", status);
}

/* How a child that unsets PATH and execvp's name ends: 0 if it ran
 * (/bin/true), 100 + errno if execvp failed. */
static int exec_without_path(const char *name)
{
    pid_t pid = fork();
    if (pid == 0) {
        char *args[] = { (char *)name, NULL };
        unsetenv("PATH");
        execvp(name, args);
        _exit(100 + errno);
    }
    int status = wait_status(pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Without PATH, execvp searches "/bin:/usr/bin", as glibc's does: the
 * system's programs are in both (busybox's in /usr/bin).  A probe in
 * /usr/bin (a link to /bin/true) must be found. */
static void default_path(void)
{
    const char *probe = "/usr/bin/minnow_default_path_probe";

    mkdir("/usr", 0755);
    mkdir("/usr/bin", 0755);             /* (both there when busybox is) */
    unlink(probe);
    int made = symlink("/bin/true", probe);
    int in_bin = exec_without_path("true");
    int in_usr_bin = exec_without_path("minnow_default_path_probe");
    unlink(probe);
    check(in_bin == 0, "execvp_default_path_bin", "true: status %d", in_bin);
    check(made == 0 && in_usr_bin == 0, "execvp_default_path_usr_bin",
          "symlink %d, status %d", made, in_usr_bin);
}

int main(int argc, char **argv, char **envp)
{
    if (argc == 2 && !strcmp(argv[1], "child")) {
        const char *v = getenv("MINNOW_CHILD");
        return v && !strcmp(v, "inherited") ? 0 : 1;
    }
    check(environ == envp, "environ_is_envp", "environ %p envp %p", (void *)environ, (void *)envp);
    set_get_unset();
    put();
    many();
    inherited(argv[0]);
    default_path();
    return test_exit_code();
}
