/* The helper of Minnow's in-OS test programs: check() prints one line per
 * check, "ok NAME" or "FAIL NAME: reason", which the test runner reads.
 *
 * Each line is built in memory and written with a single write(), after
 * stdout's own buffer was flushed: lines from the test and from check()
 * never cut into each other, even when a forked child also prints.
 *
 * After it, the helpers that several tests share (see <minnow/test.h>). */
#include <minnow/test.h>
#include <minnow/syscalls.h>
#include <minnow/sysinfo.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>

static int failures;

void check(int cond, const char *name, const char *fmt, ...)
{
    char line[256];
    const int room = (int)sizeof(line) - 1;   /* the last byte is for '\n' */
    int len;

    if (cond) {
        len = snprintf(line, (size_t)room, "ok %s", name);
    } else {
        va_list ap;
        failures++;
        len = snprintf(line, (size_t)room, "FAIL %s: ", name);
        va_start(ap, fmt);
        if (len < room)
            len += vsnprintf(line + len, (size_t)(room - len), fmt, ap);
        va_end(ap);
    }
    if (len > room - 1)                       /* too long: cut */
        len = room - 1;
    line[len++] = '\n';
    fflush(stdout);
    write(STDOUT_FILENO, line, (size_t)len);
}

int test_failures(void)
{
    return failures;
}

int test_exit_code(void)
{
    return failures ? 1 : 0;
}

/* sysinfo counts memory in units of mem_unit bytes (Minnow: pages). */
long free_pages(void)
{
    struct sysinfo si;

    if (sysinfo(&si) < 0)
        return -1;
    unsigned long unit = si.mem_unit ? si.mem_unit : 1;
    if (unit >= 4096)
        return (long)(si.freeram * (unit / 4096));
    return (long)(si.freeram / (4096 / unit));
}

/* ---------------------------------------------------------------- children */

int wait_status(pid_t pid)
{
    int status;

    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return status;
}

pid_t run_in_child(void (*fn)(void), int *status)
{
    fflush(stdout);
    pid_t pid = fork();

    if (pid == 0) {
        fn();
        _exit(0);
    }
    int s = pid < 0 ? -1 : wait_status(pid);
    if (status)
        *status = s;
    return pid;
}

int child_status(void (*fn)(void))
{
    int status;

    run_in_child(fn, &status);
    return status;
}

void check_group(void (*fn)(void), const char *name)
{
    char what[64];
    long before = free_pages();
    int status;

    run_in_child(fn, &status);
    snprintf(what, sizeof(what), "%s_group_ended", name);
    check(WIFEXITED(status), what, "status %#x", status);
    long after = free_pages();
    snprintf(what, sizeof(what), "%s_no_leak", name);
    check(after == before, what, "%ld pages free before, %ld after", before, after);
}

/* ---------------------------------------------------------------- signals */

int install_handler(int sig, void (*handler)(int), int flags)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = handler;
    sa.sa_flags = flags;
    return sigaction(sig, &sa, NULL);
}

static void do_nothing(int sig)
{
    (void)sig;
}

static struct sigaction alarm_old_action;
static unsigned alarm_seconds, alarm_left;

void alarm_interrupt(unsigned seconds)
{
    sigaction(SIGALRM, NULL, &alarm_old_action);
    install_handler(SIGALRM, do_nothing, 0);      /* no SA_RESTART: EINTR */
    alarm_seconds = seconds;
    alarm_left = alarm(seconds);
}

void alarm_restore(void)
{
    int e = errno;
    unsigned left = alarm_left;

    if (left > alarm_seconds)
        left -= alarm_seconds;
    else if (left > 0)
        left = 1;                                 /* it was due: soon, then */
    alarm(left);                                  /* before SIGALRM may kill again */
    sigaction(SIGALRM, &alarm_old_action, NULL);
    errno = e;
}

/* ---------------------------------------------------------------- programs */

pid_t spawn(char *const argv[], int in, int out, int err, unsigned timeout)
{
    fflush(stdout);
    pid_t pid = fork();

    if (pid != 0)
        return pid;
    if (in >= 0)
        dup2(in, 0);
    if (out >= 0)
        dup2(out, 1);
    if (err >= 0)
        dup2(err, 2);
    for (int fd = 3; fd < OPEN_MAX; fd++)
        close(fd);
    signal(SIGPIPE, SIG_DFL);
    if (timeout)
        alarm(timeout);                           /* an alarm survives exec */
    execvp(argv[0], argv);
    dprintf(2, "cannot exec %s: %s", argv[0], strerror(errno));
    _exit(126);
}

pid_t start_captured(char *const argv[], const char *input, int *out, int *err,
                     unsigned timeout)
{
    int i[2], o[2], e[2] = { -1, -1 };

    if (pipe(i) < 0)
        return -1;
    if (pipe(o) < 0 || (err && pipe(e) < 0)) {
        close(i[0]); close(i[1]); close(o[0]); close(o[1]);
        return -1;
    }
    pid_t pid = spawn(argv, i[0], o[1], e[1], timeout);
    /* Written while we still hold the read end too: a program that exits
     * without reading its input gives no SIGPIPE here. */
    if (pid > 0 && input)
        write(i[1], input, strlen(input));
    close(i[0]);
    close(i[1]);
    close(o[1]);
    if (err)
        close(e[1]);
    if (pid < 0) {
        close(o[0]);
        if (err)
            close(e[0]);
        return -1;
    }
    *out = o[0];
    if (err)
        *err = e[0];
    return pid;
}

int run_captured(char *const argv[], const char *input, char *out, size_t out_size,
                 char *err, size_t err_size)
{
    int o, e;
    pid_t pid = start_captured(argv, input, &o, err ? &e : NULL, RUN_TIMEOUT);

    out[0] = '\0';
    if (err)
        err[0] = '\0';
    if (pid < 0)
        return -1;
    read_to_end(o, out, out_size);
    close(o);
    if (err) {
        read_to_end(e, err, err_size);
        close(e);
    }
    return wait_status(pid);
}

/* ---------------------------------------------------------------- reading */

size_t read_to_end(int fd, char *buf, size_t size)
{
    char chunk[512];
    size_t len = 0;
    ssize_t n;

    while ((n = read(fd, chunk, sizeof(chunk))) > 0) {
        size_t keep = size - 1 - len;
        if (keep > (size_t)n)
            keep = (size_t)n;
        memcpy(buf + len, chunk, keep);
        len += keep;
    }
    buf[len] = '\0';
    return len;
}

/* How many times want occurs in s. */
static int occurrences(const char *s, const char *want)
{
    int n = 0;

    for (const char *p = strstr(s, want); p; p = strstr(p + 1, want))
        n++;
    return n;
}

int read_until(int fd, char *buf, size_t size, size_t *len, const char *want, int times)
{
    struct pollfd p = { .fd = fd, .events = POLLIN };

    buf[*len] = '\0';
    for (;;) {
        if (want && occurrences(buf, want) >= times)
            return 1;
        if (*len == size - 1)
            return 0;                             /* full: it cannot come */
        if (poll(&p, 1, READ_UNTIL_SECONDS * 1000) != 1)
            return 0;                             /* silence: give up */
        ssize_t n = read(fd, buf + *len, size - 1 - *len);
        if (n <= 0)
            return want == NULL;                  /* end of file (or an error) */
        *len += (size_t)n;
        buf[*len] = '\0';
    }
}

long read_file(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY);

    buf[0] = '\0';
    if (fd < 0)
        return -1;
    long len = (long)read_to_end(fd, buf, size);
    close(fd);
    return len;
}

void write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

    write(fd, text, strlen(text));
    close(fd);
}

void fill_file(const char *path, char fill, size_t size)
{
    static char buf[4096];
    int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0644);

    memset(buf, fill, sizeof(buf));
    for (size_t done = 0; done < size; done += sizeof(buf))
        write(fd, buf, size - done < sizeof(buf) ? size - done : sizeof(buf));
    close(fd);
}

/* ---------------------------------------------------------------- sockets */

struct sockaddr_in inet_address(const char *ip, int port)
{
    struct sockaddr_in a;

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    inet_pton(AF_INET, ip, &a.sin_addr);
    return a;
}

/* close() without losing the errno of what failed before it */
static void close_keep_errno(int fd)
{
    int e = errno;

    close(fd);
    errno = e;
}

int tcp_listener(int port, int backlog)
{
    struct sockaddr_in a = inet_address("127.0.0.1", port);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;

    if (fd < 0)
        return -1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(fd, backlog) < 0) {
        close_keep_errno(fd);
        return -1;
    }
    return fd;
}

int tcp_connect(int port, int flags)
{
    struct sockaddr_in a = inet_address("127.0.0.1", port);
    int fd = socket(AF_INET, SOCK_STREAM | flags, 0);

    if (fd < 0)
        return -1;
    if (connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0 && errno != EINPROGRESS) {
        close_keep_errno(fd);
        return -1;
    }
    return fd;
}

int tcp_pair(int port, int *client, int *server)
{
    int l = tcp_listener(port, 1);

    if (l < 0)
        return -1;
    *client = tcp_connect(port, 0);
    *server = *client < 0 ? -1 : accept(l, NULL, NULL);
    close_keep_errno(l);
    if (*server < 0) {
        if (*client >= 0)
            close_keep_errno(*client);
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- the CPU */

unsigned long cpu_ticks(pid_t pid)
{
    struct procinfo p[128];
    int n = getprocs(p, 128);

    for (int i = 0; i < n; i++)
        if (p[i].pid == pid)
            return p[i].ticks;
    return 0;
}
