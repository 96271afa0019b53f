/* The lecture's echo programs, run as a user would: echoserver (and
 * echoserver_fork) in the background, echoclient with lines on its stdin.
 * The client must print every line echoed back; the server must print
 * every request it got. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <minnow/test.h>

#define PATH "/tmp/test_socket_echo.sock"

/* Starts program with `lines` on its stdin (NULL: none) and its stdout
 * into a pipe, whose read end goes to *out. */
static pid_t start(const char *program, const char *lines, int *out)
{
    char *argv[] = { (char *)program, PATH, NULL };

    return start_captured(argv, lines, out, NULL, 0);
}

/* Everything a pipe gives until end of file; then it is closed. */
static void read_all(int fd, char *buf, size_t size)
{
    read_to_end(fd, buf, size);
    close(fd);
}

/* The server is ready once its name exists. */
static int wait_for_name(void)
{
    struct stat st;
    struct timespec t = { 0, 10 * 1000 * 1000 };

    for (int i = 0; i < 200; i++) {
        if (stat(PATH, &st) == 0 && S_ISSOCK(st.st_mode))
            return 1;
        nanosleep(&t, NULL);
    }
    return 0;
}

static int exited_ok(pid_t pid)
{
    int status = wait_status(pid);

    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void stop_server(pid_t pid)
{
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
}

static void echoserver(void)
{
    static char out[1024], log[1024];
    int server_out, client_out;

    unlink(PATH);
    pid_t server = start("/bin/echoserver", NULL, &server_out);
    check(wait_for_name(), "echoserver_listens", "no socket at %s", PATH);
    pid_t c = start("/bin/echoclient", "hello\nsecond line\n", &client_out);
    read_all(client_out, out, sizeof(out));
    check(exited_ok(c), "echoclient_exits_ok", "echoclient failed");
    check(strcmp(out, "echo: hello\necho: second line\n") == 0, "echoclient_prints_replies",
          "printed \"%s\"", out);
    stop_server(server);
    read_all(server_out, log, sizeof(log));
    check(strstr(log, "request \"hello\"") && strstr(log, "request \"second line\""),
          "echoserver_prints_requests", "printed \"%s\"", log);
    unlink(PATH);
}

static void echoserver_fork(void)
{
    static char out1[1024], out2[1024], log[2048];
    int server_out, c1_out, c2_out;

    unlink(PATH);
    pid_t server = start("/bin/echoserver_fork", NULL, &server_out);
    check(wait_for_name(), "echoserver_fork_listens", "no socket at %s", PATH);
    pid_t c1 = start("/bin/echoclient", "one\n", &c1_out);
    pid_t c2 = start("/bin/echoclient", "two\nthree\n", &c2_out);
    read_all(c1_out, out1, sizeof(out1));
    read_all(c2_out, out2, sizeof(out2));
    int ok = exited_ok(c1) && exited_ok(c2);
    check(ok && strcmp(out1, "echo: one\n") == 0 && strcmp(out2, "echo: two\necho: three\n") == 0,
          "echoserver_fork_two_clients", "printed \"%s\" and \"%s\"", out1, out2);
    stop_server(server);
    read_all(server_out, log, sizeof(log));
    check(strstr(log, "\"one\"") && strstr(log, "\"three\""), "echoserver_fork_prints_requests",
          "printed \"%s\"", log);
    unlink(PATH);
}

int main(void)
{
    echoserver();
    echoserver_fork();
    return test_exit_code();
}
