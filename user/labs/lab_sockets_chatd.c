/* Grader of the lab "A chat server" (docs/labs/sockets.md): chatd.
 *
 * The grader starts `chatd /tmp/lab_chat.sock` and connects to it as
 * several clients, each an AF_UNIX socket of its own.  Its sockets never
 * block: every wait is a poll() with a time limit, so a server that hangs
 * costs its checks, never the grader.
 *
 *   A, B, C join               welcomes, "* client N joined"
 *   A says hello               B and C get "NA: hello from a", A does not
 *   C leaves                   "* client NC left"
 *   A sends a line in pieces   B gets it once, whole; two lines in one
 *                              write come as two
 *   14 more join, all talk     each of 16 hears 15 lines; a 17th: full
 *   V leaves as A talks        the write to V fails; chatd lives on
 *   W never reads, A floods    B still hears A's last line
 *   everyone leaves            chatd's open files are what they were */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include "lab_run.h"

#define PATH "/tmp/lab_chat.sock"
#define LOG "/tmp/lab_chatd.log"
#define WAIT_MS 3000
#define MANY 16                         /* chatd's clients at most */

struct client {
    int fd;
    int number;                         /* from its welcome */
    int eof;                            /* the server closed it */
    char in[8192];                      /* what it received (the latest part) */
    size_t len;
};

static pid_t server;
static int server_status = -1;          /* once it has died */

/* ---------------------------------------------------------------- the server */

static int server_alive(void)
{
    int status;

    if (server_status < 0 && waitpid(server, &status, WNOHANG) == server)
        server_status = status;
    return server_status < 0;
}

/* Why the server is no longer there, for a message. */
static const char *server_death(void)
{
    static char text[120];

    if (WIFSIGNALED(server_status) && WTERMSIG(server_status) == SIGPIPE)
        return "chatd was killed by SIGPIPE: a write to a client that has gone raises it; "
               "ignore SIGPIPE, and take EPIPE as the client leaving";
    snprintf(text, sizeof(text), "chatd has ended (%s %d)",
             WIFSIGNALED(server_status) ? "killed by signal" : "exit status",
             WIFSIGNALED(server_status) ? WTERMSIG(server_status) : WEXITSTATUS(server_status));
    return text;
}

static void start_server(void)
{
    fflush(stdout);
    server = fork();
    if (server == 0) {
        int log = open(LOG, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int null = open("/dev/null", O_RDONLY);
        dup2(null, 0);
        dup2(log, 1);
        dup2(log, 2);
        for (int fd = 3; fd < 64; fd++)
            close(fd);
        signal(SIGPIPE, SIG_DFL);
        execl("/bin/chatd", "chatd", PATH, (char *)NULL);
        _exit(126);
    }
}

/* Open files of the server, from /proc/PID/fd. */
static int server_fds(void)
{
    char dir[32];
    DIR *d;
    struct dirent *e;
    int n = 0;

    snprintf(dir, sizeof(dir), "/proc/%d/fd", server);
    if (!(d = opendir(dir)))
        return -1;
    while ((e = readdir(d)) != NULL)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

/* ---------------------------------------------------------------- clients */

static int connect_client(struct client *c)
{
    struct sockaddr_un addr;

    memset(c, 0, sizeof(*c));
    c->fd = socket(AF_UNIX, SOCK_STREAM, 0);
    memset(&addr, 0, sizeof(addr));
    addr.sun_family = AF_UNIX;
    strcpy(addr.sun_path, PATH);
    alarm_interrupt(2);                 /* a full backlog: connect would wait */
    int r = connect(c->fd, (struct sockaddr *)&addr, sizeof(addr));
    alarm_restore();
    if (r < 0) {
        close(c->fd);
        c->fd = -1;
        return -1;
    }
    fcntl(c->fd, F_SETFL, O_NONBLOCK);
    return 0;
}

static void close_client(struct client *c)
{
    if (c->fd >= 0)
        close(c->fd);
    c->fd = -1;
}

/* Takes in what has come for c, waiting up to ms for something. */
static void receive(struct client *c, int ms)
{
    struct pollfd pfd = { c->fd, POLLIN, 0 };

    if (c->fd < 0 || c->eof || poll(&pfd, 1, ms) <= 0)
        return;
    for (;;) {
        if (c->len > sizeof(c->in) - 512) {      /* keep the latest part */
            memmove(c->in, c->in + c->len - 2048, 2048);
            c->len = 2048;
        }
        ssize_t n = read(c->fd, c->in + c->len, sizeof(c->in) - 1 - c->len);
        if (n == 0)
            c->eof = 1;
        if (n <= 0)
            break;
        c->len += n;
        c->in[c->len] = '\0';
    }
}

/* How many times c received exactly this line. */
static int times_received(const struct client *c, const char *line)
{
    size_t len = strlen(line);
    int n = 0;

    for (const char *p = c->in; (p = strstr(p, line)) != NULL; p++)
        n += (p == c->in || p[-1] == '\n') && p[len] == '\n';
    return n;
}

/* Waits (up to WAIT_MS) until c has received line. */
static int wait_line(struct client *c, const char *line)
{
    for (int waited = 0; waited < WAIT_MS && !times_received(c, line); waited += 20)
        receive(c, 20);
    return times_received(c, line) > 0;
}

static int sendf(struct client *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int sendf(struct client *c, const char *fmt, ...)
{
    char text[512];
    va_list ap;

    va_start(ap, fmt);
    int len = vsnprintf(text, sizeof(text), fmt, ap);
    va_end(ap);
    return write(c->fd, text, len) == len ? 0 : -1;
}

/* A new client and its welcome "* you are client N"; 0, or -1. */
static int join(struct client *c)
{
    if (connect_client(c) < 0)
        return -1;
    for (int waited = 0; waited < WAIT_MS; waited += 20) {
        receive(c, 20);
        if (sscanf(c->in, "* you are client %d\n", &c->number) == 1 && strchr(c->in, '\n'))
            return 0;
    }
    return -1;
}

/* ---------------------------------------------------------------- the checks */

static struct client a, b, cl, v, w, more[MANY];

static int started(void)
{
    for (int waited = 0; waited < WAIT_MS; waited += 50) {
        struct client probe;
        if (!server_alive())
            return 0;
        if (access(PATH, F_OK) == 0 && connect_client(&probe) == 0) {
            close_client(&probe);
            usleep(100000);             /* let it see that one leave */
            return 1;
        }
        usleep(50000);
    }
    return 0;
}

static int check_join(void)
{
    char line[64];
    struct client *late = join(&a) < 0 ? &a : join(&b) < 0 ? &b : NULL;

    if (late) {
        check(0, "chatd_join_leave", "a new client got no line \"* you are client N\" within "
              "3 s (it got \"%s\")", one_line(late->in));
        return 0;
    }
    snprintf(line, sizeof(line), "* client %d joined", b.number);
    if (!wait_line(&a, line)) {
        check(0, "chatd_join_leave", "client %d did not get \"%s\" when client %d connected "
              "(it got \"%s\")", a.number, line, b.number, one_line(a.in));
        return 0;
    }
    if (join(&cl) < 0 || b.number == a.number || cl.number == b.number ||
        cl.number == a.number) {
        check(0, "chatd_join_leave", "three clients got the numbers %d, %d and %d: each a "
              "number of its own", a.number, b.number, cl.number);
        return 0;
    }
    return 1;
}

static void check_broadcast(void)
{
    char line[64];

    snprintf(line, sizeof(line), "%d: hello from a", a.number);
    sendf(&a, "hello from a\n");
    int to_b = wait_line(&b, line), to_c = wait_line(&cl, line);
    receive(&a, 300);
    int echoed = times_received(&a, line);
    check(to_b && to_c && !echoed, "chatd_broadcast", "client %d said \"hello from a\": client "
          "%d %s, client %d %s, and the sender %s \"%s\" (want: the others only)", a.number,
          b.number, to_b ? "got it" : "did not get it", cl.number,
          to_c ? "got it" : "did not get it", echoed ? "got it back as" : "not", line);
}

static void check_leave(int joined_ok)
{
    char line[64];

    snprintf(line, sizeof(line), "* client %d left", cl.number);
    close_client(&cl);
    int told = wait_line(&a, line) && wait_line(&b, line);
    if (joined_ok)
        check(told, "chatd_join_leave", "client %d left; the others did not get \"%s\": a "
              "read of 0 bytes (end of file) is a client leaving", cl.number, line);
}

static void check_partial(void)
{
    char line[64];

    sendf(&a, "par");
    usleep(200000);
    sendf(&a, "tial li");
    usleep(200000);
    sendf(&a, "ne\n");
    snprintf(line, sizeof(line), "%d: partial line", a.number);
    int whole = wait_line(&b, line);
    receive(&b, 200);
    if (!whole || times_received(&b, line) != 1) {
        check(0, "chatd_partial", "client %d sent \"par\", \"tial li\", \"ne\\n\" in three "
              "writes; client %d got \"...%s\", want \"%s\" once: keep each client's bytes "
              "until its newline comes", a.number, b.number,
              one_line(b.len > 40 ? b.in + b.len - 40 : b.in), line);
        return;
    }
    sendf(&a, "one\ntwo\n");
    snprintf(line, sizeof(line), "%d: one", a.number);
    int one = wait_line(&b, line);
    snprintf(line, sizeof(line), "%d: two", a.number);
    int two = wait_line(&b, line);
    check(one && two, "chatd_partial", "client %d sent \"one\\ntwo\\n\" in one write: client %d "
          "got %s: a read may bring several lines", a.number, b.number,
          one ? "only the first line" : "not the first line");
}

static void check_many(void)
{
    int n = 2;                          /* a and b */

    for (int i = 0; i < MANY - 2; i++, n++)
        if (join(&more[i]) < 0)
            break;
    if (n < MANY) {
        check(0, "chatd_many", "client %d of %d got no welcome (%s)", n + 1, MANY,
              server_alive() ? "chatd lives" : server_death());
        for (int i = 0; i < MANY - 2; i++)
            close_client(&more[i]);
        return;
    }
    struct client *all[MANY] = { &a, &b };
    for (int i = 0; i < MANY - 2; i++)
        all[i + 2] = &more[i];
    for (int i = 0; i < MANY; i++)
        sendf(all[i], "line from %d\n", all[i]->number);
    int missing = 0, who = 0, from = 0;
    for (int i = 0; i < MANY; i++)
        for (int k = 0; k < MANY; k++) {
            char line[64];
            snprintf(line, sizeof(line), "%d: line from %d", all[k]->number, all[k]->number);
            if (i != k && !wait_line(all[i], line) && !missing++) {
                who = all[i]->number;
                from = all[k]->number;
            }
        }
    struct client extra;
    int full = connect_client(&extra) == 0 && wait_line(&extra, "* server full");
    close_client(&extra);
    for (int i = 0; i < MANY - 2; i++)
        close_client(&more[i]);
    if (missing)
        check(0, "chatd_many", "%d clients each said a line: %d lines missing (client %d did "
              "not get client %d's)", MANY, missing, who, from);
    else
        check(full, "chatd_many", "%d clients connected; the next one did not get \"* server "
              "full\" (it got \"%s\")", MANY, one_line(extra.in));
}

static void check_vanish(void)
{
    char line[64], left[64];

    if (join(&v) < 0) {
        check(0, "chatd_vanish", "a new client got no welcome (%s)",
              server_alive() ? "chatd lives" : server_death());
        return;
    }
    usleep(100000);
    close_client(&v);                   /* gone, and A talks at the same moment */
    sendf(&a, "after vanish\n");
    snprintf(line, sizeof(line), "%d: after vanish", a.number);
    snprintf(left, sizeof(left), "* client %d left", v.number);
    int got = wait_line(&b, line), told = wait_line(&b, left);
    usleep(100000);
    if (!server_alive())
        check(0, "chatd_vanish", "%s", server_death());
    else
        check(got && told, "chatd_vanish", "client %d left as client %d spoke: client %d got "
              "%s and %s", v.number, a.number, b.number, got ? "the line" : "no line",
              told ? "\"left\"" : "no \"left\"");
}

/* W never reads; A sends far more than W's queue holds, in rounds; B
 * reads each round's lines before the next round is sent. */
#define ROUNDS 100
#define PER_ROUND 20
#define FLOOD "flood %04d ......................................................."

static void check_slow_reader(void)
{
    char line[128];
    int sent = 0, stalled = 0;

    if (join(&w) < 0) {
        check(0, "chatd_slow_reader", "a new client got no welcome (%s)",
              server_alive() ? "chatd lives" : server_death());
        return;
    }
    for (int round = 0; round < ROUNDS && !stalled; round++) {
        for (int k = 0; k < PER_ROUND && !stalled; k++)
            stalled = sendf(&a, FLOOD "\n", sent++) < 0;   /* A's queue full */
        int len = snprintf(line, sizeof(line), "%d: ", a.number);
        snprintf(line + len, sizeof(line) - len, FLOOD, sent - 1);
        stalled |= !wait_line(&b, line);
        receive(&a, 0);
    }
    if (!server_alive())
        check(0, "chatd_slow_reader", "%s", server_death());
    else
        check(!stalled, "chatd_slow_reader", "client %d never reads; client %d sent lines of "
              "80 bytes, and after %d of them client %d got no more: a write to a client that "
              "does not read must not make the server wait (O_NONBLOCK)", w.number, a.number,
              sent, b.number);
    close_client(&w);
}

int main(void)
{
    static const char *const names[] = {
        "chatd_join_leave", "chatd_broadcast", "chatd_partial", "chatd_many", "chatd_vanish",
        "chatd_slow_reader", "chatd_fds",
    };

    if (!program_exists("chatd", "sockets", names, 7))
        return test_exit_code();
    unlink(PATH);
    start_server();
    if (!started()) {
        char log[200] = "";
        read_file(LOG, log, sizeof(log));
        for (int i = 0; i < 7; i++)
            check(0, names[i], "chatd %s did not accept a connection within 3 s (%s; it "
                  "printed \"%s\")", PATH, server_alive() ? "it runs" : server_death(),
                  one_line(log));
        if (server_alive())
            kill(server, SIGKILL);
        return test_exit_code();
    }
    int fds_before = server_fds();
    int joined = check_join();
    if (joined) {
        check_broadcast();
        check_leave(1);
        check_partial();
        check_many();
        check_vanish();
        check_slow_reader();
    } else {
        for (int i = 1; i < 6; i++)
            check(0, names[i], "needs chatd_join_leave first");
    }
    close_client(&a);
    close_client(&b);
    close_client(&cl);
    usleep(300000);
    int fds_after = server_fds();
    if (!server_alive())
        check(0, "chatd_fds", "%s", server_death());
    else
        check(joined && fds_after == fds_before, "chatd_fds", "chatd had %d open files "
              "before the first client and %d once all had left: close each connection that "
              "ends%s", fds_before, fds_after, joined ? "" : " (needs chatd_join_leave first)");
    kill(server, SIGKILL);
    waitpid(server, NULL, 0);
    unlink(PATH);
    unlink(LOG);
    return test_exit_code();
}
