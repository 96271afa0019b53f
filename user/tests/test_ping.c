/* Ping sockets (icmp(7)) and the ping program: an echo request written
 * to socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP) is answered by QEMU's
 * gateway and by this host (127.0.0.1), the kernel owns the identifier
 * (the socket's port), only echo requests may be sent; `ping` prints what
 * iputils' ping prints, and counts a host that never answers as lost. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <minnow/test.h>

struct echo {
    unsigned char type, code;
    unsigned short checksum, id, seq;
    char data[24];
};

static int err(long r)
{
    return r < 0 ? -errno : (int)r;
}

/* Sends an echo request with `seq` to ip and waits up to 3 s for a reply:
 * its length, and *reply. */
static long ping_once(int fd, const char *ip, int seq, struct echo *reply, struct sockaddr_in *from)
{
    struct echo e = { .type = 8, .seq = htons(seq), .data = "minnow ping socket" };
    struct sockaddr_in to = { .sin_family = AF_INET, .sin_addr.s_addr = inet_addr(ip) };
    socklen_t len = sizeof(*from);

    if (sendto(fd, &e, sizeof(e), 0, (struct sockaddr *)&to, sizeof(to)) != sizeof(e))
        return -errno;
    struct pollfd p = { fd, POLLIN, 0 };
    if (poll(&p, 1, 3000) != 1)
        return -ETIMEDOUT;
    return err(recvfrom(fd, reply, sizeof(*reply), 0, (struct sockaddr *)from, &len));
}

static void sockets(void)
{
    int fd = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
    check(fd >= 0, "ping_socket", "errno %d", errno);
    struct echo r;
    struct sockaddr_in from;
    long n;
    /* LAB(net) BEGIN */
    /* through the card: the lab net's driver */
    struct sockaddr_in me;
    n = ping_once(fd, "10.0.2.2", 1, &r, &from);
    socklen_t len = sizeof(me);
    getsockname(fd, (struct sockaddr *)&me, &len);
    check(n == sizeof(r) && r.type == 0 && ntohs(r.seq) == 1 &&
          strcmp(r.data, "minnow ping socket") == 0 && from.sin_addr.s_addr == inet_addr("10.0.2.2"),
          "ping_socket_gateway_replies", "got %ld, type %d, seq %d from %s", n, r.type,
          ntohs(r.seq), inet_ntoa(from.sin_addr));
    check(me.sin_port != 0 && r.id == me.sin_port, "ping_socket_kernel_identifier",
          "reply id %d, socket's port %d", ntohs(r.id), ntohs(me.sin_port));
    /* LAB(net) END */
    n = ping_once(fd, "127.0.0.1", 2, &r, &from);
    check(n == sizeof(r) && r.type == 0 && ntohs(r.seq) == 2 &&
          from.sin_addr.s_addr == htonl(INADDR_LOOPBACK), "ping_socket_loopback",
          "got %ld from %s", n, inet_ntoa(from.sin_addr));

    /* IP_RECVTTL: the TTL as a control message; our own replies leave with 64 */
    int on = 1, got = 0;
    socklen_t olen = sizeof(got);
    setsockopt(fd, IPPROTO_IP, IP_RECVTTL, &on, sizeof(on));
    getsockopt(fd, IPPROTO_IP, IP_RECVTTL, &got, &olen);
    struct echo e = { .type = 8, .seq = htons(4) };
    struct sockaddr_in lo = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    sendto(fd, &e, sizeof(e), 0, (struct sockaddr *)&lo, sizeof(lo));
    union { struct cmsghdr h; char room[CMSG_SPACE(sizeof(int))]; } control;
    struct iovec iov = { &r, sizeof(r) };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = &control,
                        .msg_controllen = sizeof(control) };
    n = recvmsg(fd, &m, MSG_DONTWAIT);
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    check(got == 1 && n == sizeof(r) && c && c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_TTL &&
          c->cmsg_len == CMSG_LEN(sizeof(int)) && *(int *)CMSG_DATA(c) == 64 &&
          m.msg_controllen == CMSG_SPACE(sizeof(int)), "ping_socket_ip_recvttl",
          "got %ld, option %d, controllen %u", n, got, (unsigned)m.msg_controllen);
    sendto(fd, &e, sizeof(e), 0, (struct sockaddr *)&lo, sizeof(lo));
    m.msg_controllen = 4;                /* too little room: cut, and said so */
    n = recvmsg(fd, &m, MSG_DONTWAIT);
    check(n == sizeof(r) && m.msg_controllen == 0 && (m.msg_flags & MSG_CTRUNC),
          "ping_socket_ip_recvttl_ctrunc", "got %ld, controllen %u, flags %#x", n,
          (unsigned)m.msg_controllen, m.msg_flags);

    /* only echo requests, at least a header */
    struct echo bad = { .type = 13 };
    struct sockaddr_in to = { .sin_family = AF_INET, .sin_addr.s_addr = inet_addr("10.0.2.2") };
    int e1 = err(sendto(fd, &bad, sizeof(bad), 0, (struct sockaddr *)&to, sizeof(to)));
    int e2 = err(sendto(fd, "\x08", 1, 0, (struct sockaddr *)&to, sizeof(to)));
    check(e1 == -EINVAL && e2 == -EINVAL, "ping_socket_echo_only", "got %d, %d", e1, e2);

    /* another socket's replies are not ours */
    int other = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
    n = ping_once(other, "127.0.0.1", 3, &r, &from);
    int mine = err(recv(fd, &r, sizeof(r), MSG_DONTWAIT));
    check(n == sizeof(r) && mine == -EAGAIN, "ping_socket_own_replies_only", "got %ld, %d", n,
          mine);
    close(other);
    close(fd);
}

static void program(void)
{
    char out[2048], errs[256];
    int status;
    /* LAB(net) BEGIN */
    /* through the card: the lab net's driver */
    char *argv[] = { "ping", "-c", "3", "-i", "0.2", "10.0.2.2", NULL };
    status = run_captured(argv, NULL, out, sizeof(out), errs, sizeof(errs));
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "ping_program_exit", "status %#x: %s",
          status, errs);
    check(strncmp(out, "PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.\n", 47) == 0 &&
          strstr(out, "64 bytes from 10.0.2.2: icmp_seq=1 ttl=") &&
          strstr(out, "64 bytes from 10.0.2.2: icmp_seq=3 ttl=") &&
          strstr(out, "\n--- 10.0.2.2 ping statistics ---\n"
                      "3 packets transmitted, 3 received, 0% packet loss, time ") &&
          strstr(out, "rtt min/avg/max/mdev = "), "ping_program_output", "%s", out);

    /* every number printed as a number: "time=0.512 ms", "= 0.4/0.5/.../... ms" */
    int numbers = !strchr(out, '%') || strstr(out, "% packet loss") == strchr(out, '%');
    for (char *t = strstr(out, "time="); t && numbers; t = strstr(t + 1, "time=")) {
        unsigned long whole, frac;
        char unit[3] = "";
        numbers = sscanf(t, "time=%lu.%3lu %2s", &whole, &frac, unit) == 3 &&
                  strcmp(unit, "ms") == 0;
    }
    unsigned long r[8];
    char *rtt = strstr(out, "rtt min/avg/max/mdev = ");
    check(numbers && rtt && sscanf(rtt, "rtt min/avg/max/mdev = %lu.%lu/%lu.%lu/%lu.%lu/%lu.%lu ms",
                                   &r[0], &r[1], &r[2], &r[3], &r[4], &r[5], &r[6], &r[7]) == 8,
          "ping_program_numbers", "%s", out);
    /* LAB(net) END */

    /* nobody at 10.0.2.99: ARP goes unanswered, the request is lost */
    char *lost[] = { "ping", "-c", "1", "-W", "1", "10.0.2.99", NULL };
    status = run_captured(lost, NULL, out, sizeof(out), NULL, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 1 &&
          strstr(out, "1 packets transmitted, 0 received, 100% packet loss"),
          "ping_program_no_answer", "status %#x: %s", status, out);
    /* the request waits in ARP's cache until ARP gives up (3 tries): then
     * its buffer is free again, which the group's page count checks */
    static char arp[2048];
    for (int i = 0; i < 60 && read_file("/proc/net/arp", arp, sizeof(arp)) > 0 &&
                    strstr(arp, "10.0.2.99 "); i++)
        usleep(100000);
    check(!strstr(arp, "10.0.2.99 "), "ping_arp_gave_up", "%s", arp);
    char *bad[] = { "ping", "bad..name", NULL };
    status = run_captured(bad, NULL, out, sizeof(out), errs, sizeof(errs));
    check(WIFEXITED(status) && WEXITSTATUS(status) == 2 &&
          strcmp(errs, "ping: bad..name: Name or service not known\n") == 0,
          "ping_program_bad_host", "status %#x: %s", status, errs);
    char *byname[] = { "ping", "-c", "1", "localhost", NULL };     /* /etc/hosts */
    status = run_captured(byname, NULL, out, sizeof(out), NULL, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
          strstr(out, "PING localhost (127.0.0.1) 56(84) bytes of data.\n64 bytes from 127.0.0.1:"),
          "ping_program_by_name", "status %#x: %s", status, out);
}

int main(void)
{
    check_group(sockets, "ping_sockets");
    check_group(program, "ping_program");
    return test_exit_code();
}
