/* echoserver_tcp [PORT]: the lecture's forking echo server, over TCP/IP
 * (port 7, the echo service, if not given).
 *
 * What it shows: the same socket calls as echoserver_fork, with another
 * kind of address.  socket(AF_INET, SOCK_STREAM, 0) asks for TCP; bind()
 * names the socket by an IP address and a port instead of a path --
 * INADDR_ANY, every address of this machine: 127.0.0.1 through the
 * loopback interface, 10.0.2.15 through the network card (make qemu
 * forwards a host port to port 7: it prints which).  accept() gives the
 * client's address and port.  Then a child per client, as in
 * echoserver_fork: every byte back, until the client closes.
 *
 *   echoserver_tcp &
 *   echoclient_tcp
 *
 * SO_REUSEADDR lets a restarted server bind its port again while the old
 * connections wait out TIME_WAIT. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>

/* Every byte back, however the reads cut the stream. */
static void serve(int conn)
{
    char buf[4096];
    ssize_t n;

    while ((n = read(conn, buf, sizeof(buf))) > 0)
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(conn, buf + off, n - off);
            if (w <= 0)
                return;
            off += w;
        }
}

static void reap_children(int sig)
{
    (void)sig;
    while (waitpid(-1, NULL, WNOHANG) > 0)
        ;
}

int main(int argc, char **argv)
{
    int port = argc > 1 ? atoi(argv[1]) : 7;
    struct sockaddr_in addr;
    struct sigaction sa;
    int one = 1;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = reap_children;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGCHLD, &sa, NULL);

    int listener = socket(AF_INET, SOCK_STREAM, 0);
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);                 /* network byte order */
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (listener < 0 || bind(listener, (struct sockaddr *)&addr, sizeof(addr)) < 0 ||
        listen(listener, 128) < 0) {
        perror("echoserver_tcp");
        return 1;
    }
    printf("echoserver_tcp: listening on port %d\n", port);
    fflush(stdout);

    for (;;) {
        struct sockaddr_in client;
        socklen_t len = sizeof(client);
        int conn = accept(listener, (struct sockaddr *)&client, &len);
        if (conn < 0) {
            perror("echoserver_tcp: accept");
            continue;
        }
        pid_t pid = fork();
        if (pid == 0) {              /* the child: this one client */
            close(listener);
            serve(conn);
            _exit(0);
        }
        if (pid < 0)
            perror("echoserver_tcp: fork");
        close(conn);                 /* the parent: the child has it now */
    }
}
