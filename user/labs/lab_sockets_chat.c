/* Grader of the lab "A chat server" (docs/labs/sockets.md): chat, the
 * client.
 *
 * Here the grader is the server: it listens on /tmp/lab_chat_client.sock,
 * starts `chat` on that name with pipes for its stdin and stdout, and
 * talks to it from both sides.  chat must print what the server sends
 * while nothing comes on its stdin (it waits for both at once), pass on
 * what comes on its stdin, and end -- with status 0 -- when its stdin
 * ends (closing the connection) and when the server goes away. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include "lab_run.h"

#define PATH "/tmp/lab_chat_client.sock"
#define WAIT_MS 3000

struct chat {
    pid_t pid;
    int in, out;                        /* its stdin (we write), its stdout (we read) */
    int conn;                           /* its connection, our end */
    char got[1024];                     /* what it printed */
    char heard[1024];                   /* what it sent us */
};

static int listen_here(void)
{
    struct sockaddr_un addr;
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    memset(&addr, 0, sizeof(addr));
    addr.sun_family = AF_UNIX;
    strcpy(addr.sun_path, PATH);
    unlink(PATH);
    if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 || listen(fd, 2) < 0)
        return -1;
    return fd;
}

/* Waits up to WAIT_MS for fd to have something; 1 if it has. */
static int ready(int fd)
{
    struct pollfd pfd = { fd, POLLIN, 0 };

    return poll(&pfd, 1, WAIT_MS) > 0;
}

/* Reads from fd into buf (a string) until want is in it; 1 if it came. */
static int wait_for(int fd, char *buf, size_t size, const char *want)
{
    size_t len = strlen(buf);

    while (!strstr(buf, want) && len < size - 1 && ready(fd)) {
        ssize_t n = read(fd, buf + len, size - 1 - len);
        if (n <= 0)
            break;
        len += n;
        buf[len] = '\0';
    }
    return strstr(buf, want) != NULL;
}

/* Waits for end of file on fd, throwing away what comes first. */
static int wait_eof(int fd)
{
    char buf[256];

    while (ready(fd))
        if (read(fd, buf, sizeof(buf)) <= 0)
            return 1;
    return 0;
}

/* chat PATH, connected to us: 0, or -1 if it did not connect. */
static int start_chat(int listener, struct chat *c)
{
    int in[2], out[2];

    memset(c, 0, sizeof(*c));
    c->conn = -1;
    pipe(in);
    pipe(out);
    fflush(stdout);
    c->pid = fork();
    if (c->pid == 0) {
        setpgid(0, 0);
        dup2(in[0], 0);
        dup2(out[1], 1);
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 2);
        for (int fd = 3; fd < 64; fd++)
            close(fd);
        signal(SIGPIPE, SIG_DFL);
        alarm(20);                      /* a chat that hangs ends */
        execl("/bin/chat", "chat", PATH, (char *)NULL);
        _exit(126);
    }
    close(in[0]);
    close(out[1]);
    c->in = in[1];
    c->out = out[0];
    if (!ready(listener))
        return -1;
    c->conn = accept(listener, NULL, NULL);
    return c->conn < 0 ? -1 : 0;
}

/* Waits up to WAIT_MS for chat to exit: its status, or -1 if it runs. */
static int exit_status(struct chat *c)
{
    for (int waited = 0; waited < WAIT_MS; waited += 20) {
        int status;
        if (waitpid(c->pid, &status, WNOHANG) == c->pid)
            return status;
        usleep(20000);
    }
    return -1;
}

static void stop_chat(struct chat *c)
{
    kill(-c->pid, SIGKILL);
    kill(c->pid, SIGKILL);
    waitpid(c->pid, NULL, WNOHANG);
    close(c->in);
    close(c->out);
    if (c->conn >= 0)
        close(c->conn);
}

static const char *exit_text(int status)
{
    static char text[40];

    if (status == -1)
        return "still running after 3 s";
    snprintf(text, sizeof(text), WIFEXITED(status) ? "exit status %d" : "killed by signal %d",
             WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
    return text;
}

/* Both directions, while the other one is quiet. */
static int check_relay(struct chat *c)
{
    const char *from_server = "* you are client 1\n2: hi there\n";

    write(c->conn, from_server, strlen(from_server));
    if (!wait_for(c->out, c->got, sizeof(c->got), "2: hi there\n")) {
        check(0, "chat_relay", "the server sent \"2: hi there\", and chat printed \"%s\" while "
              "nothing came on its stdin: wait for both (poll), not only for stdin",
              one_line(c->got));
        return 0;
    }
    write(c->in, "hello\n", 6);
    if (!wait_for(c->conn, c->heard, sizeof(c->heard), "hello\n")) {
        check(0, "chat_relay", "\"hello\" typed on chat's stdin did not reach the server "
              "(it got \"%s\")", one_line(c->heard));
        return 0;
    }
    write(c->conn, "3: again\n", 9);
    int again = wait_for(c->out, c->got, sizeof(c->got), "3: again\n");
    check(again, "chat_relay", "after a line from stdin, the next line from the server was "
          "not printed (chat printed \"%s\")", one_line(c->got));
    return again;
}

int main(void)
{
    static const char *const names[] = { "chat_relay", "chat_ends" };
    struct chat c;

    if (!program_exists("chat", "sockets", names, 2))
        return test_exit_code();
    signal(SIGPIPE, SIG_IGN);
    int listener = listen_here();
    if (listener < 0) {
        check(0, "chat_relay", "the grader could not listen on %s (errno %d)", PATH, errno);
        check(0, "chat_ends", "the grader could not listen on %s", PATH);
        return test_exit_code();
    }

    /* 1: both ways, then end of file on stdin */
    if (start_chat(listener, &c) < 0) {
        check(0, "chat_relay", "chat %s did not connect within 3 s (%s)", PATH,
              exit_text(exit_status(&c)));
        check(0, "chat_ends", "needs chat_relay first");
        stop_chat(&c);
        return test_exit_code();
    }
    int relayed = check_relay(&c);
    close(c.in);
    int closed = wait_eof(c.conn);
    int status = exit_status(&c);
    stop_chat(&c);
    if (!relayed) {
        check(0, "chat_ends", "needs chat_relay first");
        return test_exit_code();
    }
    if (!closed || status != 0) {
        check(0, "chat_ends", "end of file on stdin: %s, chat %s; want the connection "
              "closed and exit status 0", closed ? "the connection closed" :
              "the connection still open", exit_text(status));
        return test_exit_code();
    }

    /* 2: the server goes away */
    if (start_chat(listener, &c) < 0) {
        check(0, "chat_ends", "a second chat did not connect within 3 s");
        stop_chat(&c);
        return test_exit_code();
    }
    close(c.conn);
    c.conn = -1;
    status = exit_status(&c);
    stop_chat(&c);
    check(status == 0, "chat_ends", "the server closed the connection; chat: %s, want exit "
          "status 0 (a read of 0 bytes from the server is the end)", exit_text(status));
    close(listener);
    unlink(PATH);
    return test_exit_code();
}
