/* Running a student's program under a grader (the util and sockets labs):
 * with its output captured, a deadline, an optional limit on its open
 * files, and a look afterwards at what it left behind.
 *
 * The program runs in a process group of its own (its pid is the group's
 * id), so that everything it forks can be found -- and killed -- as one:
 * a pipeline that hangs holds the output pipe open in every stage, and
 * killing only the first process would leave the grader waiting. */
#ifndef LAB_RUN_H
#define LAB_RUN_H

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <minnow/sysinfo.h>
#include <minnow/syscalls.h>
#include <minnow/test.h>

struct run {
    pid_t pid;                  /* the program, and its process group */
    int status;                 /* its wait status; -1 if it did not start */
    int timed_out;              /* it had not ended by the deadline: killed */
    char out[4096];             /* its stdout, as a string (the rest dropped) */
    char err[1024];             /* its stderr */
};

/* Whether the program exited by itself with status `code`. */
static inline int exited_with(const struct run *r, int code)
{
    return !r->timed_out && r->status >= 0 && WIFEXITED(r->status) &&
           WEXITSTATUS(r->status) == code;
}

/* "exit status 1", "killed by signal 13", "still running after 10 s" */
static inline const char *how_it_ended(const struct run *r, unsigned seconds)
{
    static char text[48];

    if (r->status < 0)
        return "could not be started";
    if (r->timed_out)
        snprintf(text, sizeof(text), "still running after %u s", seconds);
    else if (WIFEXITED(r->status))
        snprintf(text, sizeof(text), "exit status %d", WEXITSTATUS(r->status));
    else
        snprintf(text, sizeof(text), "killed by signal %d", WTERMSIG(r->status));
    return text;
}

/* s as it can go into a FAIL line: newlines as \n, at most 100 bytes
 * (a second call overwrites the first one's result: use one per line). */
static inline const char *one_line(const char *s)
{
    static char text[128];
    size_t len = 0;

    for (; *s && len < 100; s++) {
        if (*s == '\n') {
            text[len++] = '\\';
            text[len++] = 'n';
        } else {
            text[len++] = *s == '\t' ? ' ' : *s;
        }
    }
    snprintf(text + len, sizeof(text) - len, "%s", *s ? "..." : "");
    return text;
}

/* In the child: its own group, the limit, the pipes as 0, 1 and 2, and
 * nothing else open. */
static inline void become_program(char *const argv[], int in, int out, int err, int fd_limit)
{
    setpgid(0, 0);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    for (int fd = 3; fd < 64; fd++)
        close(fd);
    signal(SIGPIPE, SIG_DFL);
    if (fd_limit > 0) {
        struct rlimit rl;
        getrlimit(RLIMIT_NOFILE, &rl);
        rl.rlim_cur = fd_limit;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    execvp(argv[0], argv);
    dprintf(2, "cannot exec %s: %s\n", argv[0], strerror(errno));
    _exit(126);
}

static inline long ms_since(const struct timespec *start)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start->tv_sec) * 1000 + (now.tv_nsec - start->tv_nsec) / 1000000;
}

/* Reads the program's stdout and stderr until both are at end of file
 * (every process that had them has exited or closed them), or until the
 * deadline.  Returns 1 if the deadline came first. */
static inline int capture(struct run *r, int out, int err, unsigned seconds)
{
    struct pollfd fds[2] = { { out, POLLIN, 0 }, { err, POLLIN, 0 } };
    char *buf[2] = { r->out, r->err };
    size_t size[2] = { sizeof(r->out), sizeof(r->err) }, len[2] = { 0, 0 };
    struct timespec start;
    int open_ends = 2;

    clock_gettime(CLOCK_MONOTONIC, &start);
    while (open_ends > 0) {
        long left = (long)seconds * 1000 - ms_since(&start);
        if (left <= 0)
            return 1;
        if (poll(fds, 2, (int)left) < 0 && errno != EINTR)
            return 1;
        for (int i = 0; i < 2; i++) {
            char chunk[512];
            if (fds[i].fd < 0 || !fds[i].revents)
                continue;
            ssize_t n = read(fds[i].fd, chunk, sizeof(chunk));
            if (n <= 0) {
                fds[i].fd = -1;         /* poll skips it from now on */
                open_ends--;
                continue;
            }
            size_t keep = size[i] - 1 - len[i];
            if (keep > (size_t)n)
                keep = (size_t)n;
            memcpy(buf[i] + len[i], chunk, keep);
            len[i] += keep;
            buf[i][len[i]] = '\0';
        }
    }
    return 0;
}

/* Runs argv (looked up in PATH) with `input` on its stdin (NULL: end of
 * file at once), at most `seconds` long, with at most fd_limit open files
 * (0: no limit of ours).  On a timeout the whole group is killed.  The
 * processes the program left behind stay: see left_in_group(). */
static inline void run_program(char *const argv[], const char *input, unsigned seconds,
                               int fd_limit, struct run *r)
{
    int in[2], out[2], err[2];

    memset(r, 0, sizeof(*r));
    r->status = -1;
    if (pipe(in) < 0 || pipe(out) < 0 || pipe(err) < 0)
        return;
    fflush(stdout);
    r->pid = fork();
    if (r->pid == 0)
        become_program(argv, in[0], out[1], err[1], fd_limit);
    setpgid(r->pid, r->pid);            /* whichever of the two runs first */
    close(in[0]);
    close(out[1]);
    close(err[1]);
    signal(SIGPIPE, SIG_IGN);           /* a program that does not read its input */
    if (r->pid > 0 && input)
        write(in[1], input, strlen(input));
    close(in[1]);
    if (r->pid > 0 && capture(r, out[0], err[0], seconds)) {
        r->timed_out = 1;
        kill(-r->pid, SIGKILL);
    }
    close(out[0]);
    close(err[0]);
    if (r->pid > 0)
        r->status = wait_status(r->pid);
}

/* The processes of the run's group that still exist (zombies too), not
 * counting the program itself, which the grader has reaped. */
static inline int left_in_group(const struct run *r)
{
    static struct procinfo p[128];
    int n = getprocs(p, 128), left = 0;

    for (int i = 0; i < n; i++)
        left += p[i].pgid == r->pid && p[i].pid != r->pid;
    return left;
}

/* Kills what is left of the run, so that the next check starts clean. */
static inline void clean_up(const struct run *r)
{
    if (r->pid > 0)
        kill(-r->pid, SIGKILL);
}

/* Whether /bin/NAME exists; if not, every check in names[] fails with a
 * message that says which file to write, and where the lab's handout is. */
static inline int program_exists(const char *name, const char *lab, const char *const names[],
                                  int count)
{
    char path[64];

    snprintf(path, sizeof(path), "/bin/%s", name);
    if (access(path, X_OK) == 0)
        return 1;
    for (int i = 0; i < count; i++)
        check(0, names[i], "%s is missing: write user/bin/%s.c (docs/labs/%s.md)", path, name,
              lab);
    return 0;
}

#endif
