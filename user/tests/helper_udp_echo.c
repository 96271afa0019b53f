/* The first process of tools/hosttests/udp_echo.sh's boot (init=...):
 * the host runs a UDP echo server on its 127.0.0.1, at the port written
 * on the first line of /dev/hda; QEMU's user network takes datagrams to
 * 10.0.2.2 there.  This sends datagrams of several sizes (up to the 1472
 * bytes that fit Ethernet's MTU) with sendto, and then on a connected
 * socket, and checks every echo: its bytes, its length, where it came
 * from.  The line's second number is a closed port of the host: a
 * connected socket's datagram there must come back as ECONNREFUSED (the
 * host refuses it, QEMU turns that into ICMP port unreachable).  It
 * prints "ok"/"FAIL" lines and powers the machine off. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/reboot.h>
#include <sys/socket.h>
#include <minnow/test.h>

static char out[1500], in[1600];

/* Sends n bytes (a pattern marked with seq) and waits up to 5 s for the
 * echo: 1 if it came back whole, from 10.0.2.2:port. */
static int echo_once(int fd, const struct sockaddr_in *to, int n, int seq)
{
    for (int i = 0; i < n; i++)
        out[i] = (char)(seq * 31 + i);
    long r = to ? sendto(fd, out, n, 0, (const struct sockaddr *)to, sizeof(*to)) : send(fd, out, n, 0);
    if (r != n) {
        printf("FAIL udp_host_send_%d: %s\n", n, strerror(errno));
        return 0;
    }
    struct pollfd p = { fd, POLLIN, 0 };
    if (poll(&p, 1, 5000) != 1) {
        printf("FAIL udp_host_echo_%d: no echo in 5 s\n", n);
        return 0;
    }
    struct sockaddr_in from;
    socklen_t len = sizeof(from);
    r = recvfrom(fd, in, sizeof(in), 0, (struct sockaddr *)&from, &len);
    if (r != n || memcmp(in, out, n) != 0 || from.sin_addr.s_addr != inet_addr("10.0.2.2")) {
        printf("FAIL udp_host_echo_%d: got %ld bytes from %s\n", n, r, inet_ntoa(from.sin_addr));
        return 0;
    }
    return 1;
}

int main(void)
{
    char line[32] = "";
    int disk = open("/dev/hda", O_RDONLY);
    if (disk < 0 || read(disk, line, sizeof(line) - 1) <= 0) {
        printf("FAIL udp_host_port: cannot read /dev/hda\n");
        reboot(RB_POWER_OFF);
    }
    int port = atoi(line);
    struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(port),
                              .sin_addr.s_addr = inet_addr("10.0.2.2") };
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    static const int sizes[] = { 1, 100, 512, 1000, 1472 };
    int good = 0;
    for (int i = 0; i < 5; i++)
        good += echo_once(fd, &to, sizes[i], i);
    printf("%s udp_host_sendto_echoes%s\n", good == 5 ? "ok" : "FAIL",
           good == 5 ? "" : ": not every echo came back");
    int c = socket(AF_INET, SOCK_DGRAM, 0);
    good = connect(c, (struct sockaddr *)&to, sizeof(to)) == 0;
    for (int i = 0; good && i < 3; i++)
        good = echo_once(c, NULL, 200 + i, 10 + i);
    printf("%s udp_host_connected_echoes\n", good ? "ok" : "FAIL");

    int closed = atoi(strchr(line, ' ') ? strchr(line, ' ') + 1 : "0");
    struct sockaddr_in nobody = to;
    nobody.sin_port = htons(closed);
    int r = socket(AF_INET, SOCK_DGRAM, 0);
    struct pollfd p = { r, POLLIN, 0 };
    long e = connect(r, (struct sockaddr *)&nobody, sizeof(nobody)) == 0 && send(r, "?", 1, 0) == 1
                 ? poll(&p, 1, 5000) : -1;
    long got = recv(r, in, sizeof(in), MSG_DONTWAIT);
    int why = got < 0 ? errno : 0;
    printf("%s udp_host_closed_port_econnrefused", got < 0 && why == ECONNREFUSED ? "ok" : "FAIL");
    if (!(got < 0 && why == ECONNREFUSED))
        printf(": port %d, poll %ld (revents %#x), recv %ld, %s", closed, e, p.revents, got,
               strerror(why));
    printf("\n");
    fflush(stdout);
    reboot(RB_POWER_OFF);
    return 0;
}
