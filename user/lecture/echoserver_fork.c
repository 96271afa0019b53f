/* echoserver_fork [PATH]: the echo server that serves many clients at once.
 *
 * What it shows: accept + fork.  The parent only accepts; for each
 * connection it forks a child, which inherits the connection's fd (sockets
 * are files, and fork shares files), serves that one client and exits.
 * The parent closes its copy of the connection fd -- or the client would
 * never see end of file when the child is done -- and accepts the next
 * client at once.  The child closes its copy of the listening fd, which it
 * does not need.  Dead children are reaped by a SIGCHLD handler, so no
 * zombies pile up; SA_RESTART lets the accept() the signal interrupted go on.
 *
 *   echoserver_fork &
 *   echoclient & echoclient        (both are served) */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#define SOCK_PATH "/tmp/echo.sock"

static void serve(int conn)
{
    char buf[256];
    int n;

    while ((n = read(conn, buf, sizeof(buf))) > 0) {
        printf("echoserver_fork[%d]: request \"%.*s\"\n", getpid(), (int)strnlen(buf, n), buf);
        fflush(stdout);
        if (write(conn, buf, n) != n)
            break;
    }
}

/* SIGCHLD: reap every child that has ended (several may end at once). */
static void reap_children(int sig)
{
    int saved = errno;

    (void)sig;
    while (waitpid(-1, NULL, WNOHANG) > 0)
        ;
    errno = saved;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : SOCK_PATH;
    struct sockaddr_un addr;
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = reap_children;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGCHLD, &sa, NULL);

    int listener = socket(AF_UNIX, SOCK_STREAM, 0);
    memset(&addr, 0, sizeof(addr));
    addr.sun_family = AF_UNIX;
    strncpy(addr.sun_path, path, sizeof(addr.sun_path) - 1);
    unlink(path);
    if (listener < 0 || bind(listener, (struct sockaddr *)&addr, sizeof(addr)) < 0 ||
        listen(listener, 5) < 0) {
        perror("echoserver_fork");
        return 1;
    }
    printf("echoserver_fork: listening on %s\n", path);
    fflush(stdout);

    for (;;) {
        int conn = accept(listener, NULL, NULL);
        if (conn < 0) {
            perror("echoserver_fork: accept");
            continue;
        }
        pid_t pid = fork();
        if (pid == 0) {              /* the child: this one client */
            close(listener);
            serve(conn);
            _exit(0);
        }
        if (pid < 0)
            perror("echoserver_fork: fork");
        close(conn);                 /* the parent: the child has it now */
    }
}
