/* echoclient_tcp [HOST [PORT]]: the lecture's echo client, over TCP/IP
 * (127.0.0.1 and port 7 if not given).
 *
 * What it shows: echoclient with an Internet address.  connect() names
 * the server by an IP address and a port (both in network byte order:
 * htons, inet_aton); the kernel sends a SYN, the server's answers, and
 * connect() returns once the handshake is done -- or fails with
 * ECONNREFUSED if nobody listens there.  Then, as echoclient: each line
 * typed goes with its NUL, which marks where a message ends in a stream
 * of bytes, and the reply is read up to its NUL however it arrives.
 *
 *   echoserver_tcp &
 *   echoclient_tcp
 *   echoclient_tcp 10.0.2.2 7000     a server on the host machine */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

static int read_reply(int fd, char *buf, int size)
{
    int got = 0;

    while (got == 0 || buf[got - 1] != '\0') {
        if (got == size)
            return -1;
        int n = read(fd, buf + got, size - got);
        if (n <= 0)
            return -1;
        got += n;
    }
    return got;
}

int main(int argc, char **argv)
{
    const char *host = argc > 1 ? argv[1] : "127.0.0.1";
    int port = argc > 2 ? atoi(argv[2]) : 7;
    struct sockaddr_in addr;
    char line[256], reply[256];

    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    if (inet_aton(host, &addr.sin_addr) == 0) {
        fprintf(stderr, "echoclient_tcp: %s: not an address like 127.0.0.1\n", host);
        return 1;
    }
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
        perror("echoclient_tcp: connect");       /* nobody there: ECONNREFUSED */
        return 1;
    }

    while (fgets(line, sizeof(line), stdin)) {
        line[strcspn(line, "\n")] = '\0';
        int len = strlen(line) + 1;
        if (write(fd, line, len) != len) {
            perror("echoclient_tcp: write");
            return 1;
        }
        if (read_reply(fd, reply, sizeof(reply)) < 0) {
            fprintf(stderr, "echoclient_tcp: the server closed the connection\n");
            return 1;
        }
        printf("echo: %s\n", reply);
        fflush(stdout);
    }
    close(fd);
    return 0;
}
