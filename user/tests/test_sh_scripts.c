/* The shell's script suite: every NN-topic.sh of /usr/libexec/minnow/sh-tests
 * (user/tests/sh/ in the tree; the test initrd installs it) runs under
 * /bin/sh, and what it prints is compared with NN-topic.out, what dash
 * printed for it on Linux (tools/sh-expected.sh makes those files).
 *
 *   test_sh_scripts                  every script, with /bin/sh
 *   test_sh_scripts SHELL [NAME...]  with another shell (run with argv[0]
 *                                    "sh", so /bin/busybox is busybox sh),
 *                                    only the scripts named (NN-topic)
 *
 * A script runs as the generator runs it: in a fresh empty directory of
 * its own (here under /tmp, removed afterwards) that is also HOME, with an
 * environment of PATH and HOME alone, stdin from /dev/null, stderr thrown
 * away; its stdout, then a line "exit N" with its status, is what counts.
 * Each prints one line: "ok sh_script_NN-topic", or a FAIL with the first
 * line that differs.  A script that runs longer than LIMIT seconds is
 * killed with everything it started (it is a session of its own).  The
 * runner kills a test after 60 seconds, so the scripts share SUITE_SECONDS:
 * when they are used up (several scripts hung), the rest are reported as
 * not run, each with its own FAIL line, instead of vanishing. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <minnow/test.h>

#define SCRIPT_DIR "/usr/libexec/minnow/sh-tests"
#define WORK_DIR "/tmp/sh-scripts"        /* one directory per script below it */
#define LIMIT 5                           /* seconds one script may run: under
                                             busybox sh each takes well under 1 */
#define SUITE_SECONDS 50                  /* all of them: below the runner's 60 */
#define MAX_SCRIPTS 200
#define OUT_SIZE 65536                    /* more output than any script prints */

static const char *shell = "/bin/sh";
static time_t deadline;                   /* the suite's end, CLOCK_MONOTONIC */
static char *names[MAX_SCRIPTS];          /* "NN-topic", sorted */
static int count;

/* ---------------------------------------------------------------- the scripts */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every NN-topic.sh in SCRIPT_DIR, as "NN-topic", in name order. */
static void find_scripts(void)
{
    DIR *d = opendir(SCRIPT_DIR);
    struct dirent *e;

    if (!d)
        return;
    while ((e = readdir(d)) && count < MAX_SCRIPTS) {
        size_t len = strlen(e->d_name);
        if (len > 3 && strcmp(e->d_name + len - 3, ".sh") == 0) {
            names[count] = strdup(e->d_name);
            names[count++][len - 3] = '\0';
        }
    }
    closedir(d);
    qsort(names, (size_t)count, sizeof(names[0]), by_name);
}

/* ---------------------------------------------------------------- directories */

/* rm -rf path: whatever a script left, even a directory it made read-only. */
static void remove_tree(const char *path)
{
    struct stat st;

    if (lstat(path, &st) < 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        unlink(path);
        return;
    }
    chmod(path, 0755);
    DIR *d = opendir(path);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char child[PATH_MAX];
        snprintf(child, sizeof(child), "%s/%s", path, e->d_name);
        remove_tree(child);
    }
    if (d)
        closedir(d);
    rmdir(path);
}

/* ---------------------------------------------------------------- one run */

/* In the child: the script's directory, fds, signals and environment,
 * then the shell.  Never returns. */
static void exec_script(const char *name, const char *dir, const char *out_path)
{
    char script[PATH_MAX], home[PATH_MAX + 8];
    sigset_t none;

    setsid();                             /* a session of its own: killed as one */
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    for (int sig = 1; sig <= SIGRTMAX; sig++)   /* as a shell gets them at login */
        signal(sig, SIG_DFL);
    int null = open("/dev/null", O_RDWR);
    int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (null < 0 || out < 0 || chdir(dir) < 0)
        _exit(125);
    dup2(null, 0);
    dup2(out, 1);
    dup2(null, 2);
    for (int fd = 3; fd < OPEN_MAX; fd++)
        close(fd);
    snprintf(script, sizeof(script), "%s/%s.sh", SCRIPT_DIR, name);
    snprintf(home, sizeof(home), "HOME=%s", dir);
    char *argv[] = { "sh", script, NULL };
    char *envp[] = { "PATH=/bin:/usr/bin", home, NULL };
    execve(shell, argv, envp);
    _exit(125);
}

/* The session of process pid, from /proc/PID/stat ("pid (comm) state
 * ppid pgrp session ..."; comm may hold spaces and parentheses), or -1
 * (also for a zombie: it is dead already, only not yet reaped). */
static pid_t session_of(pid_t pid)
{
    char path[32], stat[512];
    int ppid, pgrp, session;
    char state;

    snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
    if (read_file(path, stat, sizeof(stat)) <= 0)
        return -1;
    char *after_comm = strrchr(stat, ')');
    if (!after_comm || sscanf(after_comm + 1, " %c %d %d %d", &state, &ppid, &pgrp, &session) != 4)
        return -1;
    return state == 'Z' ? -1 : session;
}

/* SIGKILL to every process of session sid: the script's shell and all it
 * started, even a job it put into a process group of its own.  Again
 * while one was found: it may have forked meanwhile. */
static void kill_session(pid_t sid)
{
    for (int found = 1, round = 0; found && round < 10; round++) {
        DIR *d = opendir("/proc");
        struct dirent *e;

        found = 0;
        while (d && (e = readdir(d))) {
            pid_t pid = (pid_t)atoi(e->d_name);
            if (pid > 0 && session_of(pid) == sid && kill(pid, SIGKILL) == 0)
                found = 1;
        }
        if (d)
            closedir(d);
    }
}

static time_t now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec;
}

/* Waits for the script's shell, at most `limit` seconds; then ends what the
 * script left running (background jobs) or, if it timed out, all of it.
 * Returns the wait status, or -1 if it timed out. */
static int wait_script(pid_t pid, unsigned limit)
{
    int status;

    alarm_interrupt(limit);
    pid_t got = waitpid(pid, &status, 0);
    int e = errno;
    alarm_restore();
    kill_session(pid);                    /* pid is the session's id */
    if (got == pid)
        return status;
    if (e == EINTR)                       /* the alarm: it ran too long */
        wait_status(pid);
    return -1;
}

/* Runs one script; its stdout plus "exit N\n" goes to out.  Returns 0,
 * or -1 with the reason in why. */
static int run_script(const char *name, char *out, size_t size, char *why, size_t why_size)
{
    char dir[PATH_MAX], out_path[PATH_MAX];
    unsigned limit = deadline > now() ? (unsigned)(deadline - now()) : 0;

    if (limit == 0) {
        snprintf(why, why_size, "not run: the suite's %d seconds are used up", SUITE_SECONDS);
        return -1;
    }
    if (limit > LIMIT)
        limit = LIMIT;
    snprintf(dir, sizeof(dir), "%s/%s", WORK_DIR, name);
    snprintf(out_path, sizeof(out_path), "%s/%s.stdout", WORK_DIR, name);
    remove_tree(dir);
    if (mkdir(dir, 0755) < 0) {
        snprintf(why, why_size, "mkdir %s: %s", dir, strerror(errno));
        return -1;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0)
        exec_script(name, dir, out_path);
    if (pid < 0) {
        snprintf(why, why_size, "fork: %s", strerror(errno));
        return -1;
    }
    int status = wait_script(pid, limit);
    long len = read_file(out_path, out, size - 16);    /* room for "exit N" */
    remove_tree(dir);
    unlink(out_path);
    if (status == -1) {
        snprintf(why, why_size, "no result after %u seconds (killed)", limit);
        return -1;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 125 && len <= 0) {
        snprintf(why, why_size, "could not start %s", shell);
        return -1;
    }
    /* A shell killed by a signal: the status a parent shell shows ($?). */
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    snprintf(out + (len > 0 ? len : 0), 16, "exit %d\n", code);
    return 0;
}

/* ---------------------------------------------------------------- comparing */

/* The line of text that starts at s, for a message: at most 60
 * characters, with tabs and other control characters shown as \t, \ooo. */
static void show_line(const char *s, char *buf, size_t size)
{
    size_t n = 0;

    if (!*s) {
        snprintf(buf, size, "(end of output)");
        return;
    }
    buf[n++] = '\'';
    for (; *s && *s != '\n' && n + 8 < size; s++) {
        if (n > 60) {
            n += (size_t)snprintf(buf + n, size - n, "...");
            break;
        }
        unsigned char c = (unsigned char)*s;
        if (c == '\t')
            n += (size_t)snprintf(buf + n, size - n, "\\t");
        else if (c < 32 || c == 127)
            n += (size_t)snprintf(buf + n, size - n, "\\%03o", c);
        else
            buf[n++] = (char)c;
    }
    snprintf(buf + n, size - n, "'");
}

/* Compares got with want; if they differ, says where in why. */
static int same_output(const char *want, const char *got, char *why, size_t why_size)
{
    const char *w = want, *g = got;
    int line = 1;

    while (*w && *w == *g) {              /* to the first differing byte */
        if (*w == '\n') {
            line++;
            want = w + 1;
            got = g + 1;
        }
        w++;
        g++;
    }
    if (*w == *g)
        return 1;
    char a[80], b[80];
    show_line(want, a, sizeof(a));        /* from the start of that line */
    show_line(got, b, sizeof(b));
    snprintf(why, why_size, "line %d: expected %s got %s", line, a, b);
    return 0;
}

static void check_script(const char *name)
{
    static char want[OUT_SIZE], got[OUT_SIZE];
    char path[PATH_MAX], test[96], why[200];

    snprintf(test, sizeof(test), "sh_script_%s", name);
    snprintf(path, sizeof(path), "%s/%s.out", SCRIPT_DIR, name);
    if (read_file(path, want, sizeof(want)) < 0) {
        check(0, test, "no expected output %s", path);
        return;
    }
    if (run_script(name, got, sizeof(got), why, sizeof(why)) < 0) {
        check(0, test, "%s", why);
        return;
    }
    check(same_output(want, got, why, sizeof(why)), test, "%s", why);
}

int main(int argc, char *argv[])
{
    if (argc > 1)
        shell = argv[1];
    deadline = now() + SUITE_SECONDS;
    find_scripts();
    check(count > 0, "sh_scripts_found", "no scripts in %s", SCRIPT_DIR);
    remove_tree(WORK_DIR);
    check(mkdir(WORK_DIR, 0755) == 0, "sh_scripts_work_dir", "mkdir %s: %s", WORK_DIR, strerror(errno));
    for (int i = 0; i < count; i++) {
        int wanted = argc <= 2;
        for (int a = 2; a < argc; a++)
            wanted |= strcmp(argv[a], names[i]) == 0;
        if (wanted)
            check_script(names[i]);
    }
    remove_tree(WORK_DIR);
    return test_exit_code();
}
