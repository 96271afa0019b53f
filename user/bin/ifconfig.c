/* ifconfig: the network interfaces, as net-tools' ifconfig shows them.
 *
 * Like net-tools, it finds the interfaces and their counters in
 * /proc/net/dev (every interface, with or without an address), and asks
 * the kernel for the rest with ioctl() on a socket: SIOCGIFFLAGS,
 * SIOCGIFMTU, SIOCGIFADDR, SIOCGIFNETMASK, SIOCGIFBRDADDR and
 * SIOCGIFHWADDR, each a struct ifreq named by the interface (netdevice(7)).
 * It only shows: Minnow's addresses are set by the kernel (DHCP). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

/* One interface's line of /proc/net/dev. */
struct counters {
    char name[IFNAMSIZ];
    unsigned long rx_bytes, rx_packets, rx_errs, rx_drop, rx_fifo, rx_frame, rx_compressed,
        rx_multicast, tx_bytes, tx_packets, tx_errs, tx_drop, tx_fifo, tx_colls, tx_carrier;
};

static int sock;

/* "(6.6 KiB)": net-tools' way of saying a number of bytes. */
static const char *human(unsigned long n, char *buf)
{
    static const char *const unit[] = { "B", "KiB", "MiB", "GiB" };
    unsigned long long tenths = n * 10ULL;        /* one decimal, in whole numbers */
    int u = 0;
    while (tenths >= 10240 && u < 3) {
        tenths = (tenths + 512) / 1024;
        u++;
    }
    sprintf(buf, "%lu.%lu %s", (unsigned long)(tenths / 10), (unsigned long)(tenths % 10), unit[u]);
    return buf;
}

static int ask(unsigned long req, const char *name, struct ifreq *r)
{
    memset(r, 0, sizeof(*r));
    strncpy(r->ifr_name, name, IFNAMSIZ - 1);
    return ioctl(sock, req, r);
}

static const char *in_addr_of(const struct ifreq *r)
{
    return inet_ntoa(((const struct sockaddr_in *)&r->ifr_addr)->sin_addr);
}

static void show_flags(const char *name)
{
    static const struct { int bit; const char *name; } names[] = {
        { IFF_UP, "UP" }, { IFF_BROADCAST, "BROADCAST" }, { IFF_LOOPBACK, "LOOPBACK" },
        { IFF_RUNNING, "RUNNING" }, { IFF_MULTICAST, "MULTICAST" },
    };
    struct ifreq r;
    int flags = ask(SIOCGIFFLAGS, name, &r) == 0 ? (unsigned short)r.ifr_flags : 0;
    printf("%s: flags=%d<", name, flags);
    const char *sep = "";
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (flags & names[i].bit) {
            printf("%s%s", sep, names[i].name);
            sep = ",";
        }
    int mtu = ask(SIOCGIFMTU, name, &r) == 0 ? r.ifr_mtu : 0;
    printf(">  mtu %d\n", mtu);
}

static void show_addresses(const char *name)
{
    struct ifreq r;
    if (ask(SIOCGIFADDR, name, &r) == 0) {
        printf("        inet %s", in_addr_of(&r));
        if (ask(SIOCGIFNETMASK, name, &r) == 0)
            printf("  netmask %s", in_addr_of(&r));
        int loop = ask(SIOCGIFFLAGS, name, &r) == 0 && (r.ifr_flags & IFF_LOOPBACK);
        if (!loop && ask(SIOCGIFBRDADDR, name, &r) == 0)
            printf("  broadcast %s", in_addr_of(&r));
        printf("\n");
    }
    if (ask(SIOCGIFHWADDR, name, &r) < 0)
        return;
    if (r.ifr_hwaddr.sa_family == ARPHRD_LOOPBACK) {
        printf("        loop  txqueuelen 1000  (Local Loopback)\n");
        return;
    }
    const unsigned char *m = (const unsigned char *)r.ifr_hwaddr.sa_data;
    printf("        ether %02x:%02x:%02x:%02x:%02x:%02x  txqueuelen 1000  (Ethernet)\n", m[0],
           m[1], m[2], m[3], m[4], m[5]);
}

static void show_counters(const struct counters *c)
{
    char h[32];
    printf("        RX packets %lu  bytes %lu (%s)\n", c->rx_packets, c->rx_bytes,
           human(c->rx_bytes, h));
    printf("        RX errors %lu  dropped %lu  overruns %lu  frame %lu\n", c->rx_errs, c->rx_drop,
           c->rx_fifo, c->rx_frame);
    printf("        TX packets %lu  bytes %lu (%s)\n", c->tx_packets, c->tx_bytes,
           human(c->tx_bytes, h));
    printf("        TX errors %lu  dropped %lu overruns %lu  carrier %lu  collisions %lu\n\n",
           c->tx_errs, c->tx_drop, c->tx_fifo, c->tx_carrier, c->tx_colls);
}

/* The next interface of /proc/net/dev's text at *p; 0 at the end. */
static int next_counters(char **p, struct counters *c)
{
    while (**p) {
        char *line = *p;
        size_t len = strcspn(line, "\n");
        *p += len + (line[len] == '\n');
        line[len] = '\0';
        char *colon = strchr(line, ':');
        if (!colon || strchr(line, '|'))
            continue;                    /* the two header lines */
        *colon = '\0';
        line += strspn(line, " ");
        snprintf(c->name, sizeof(c->name), "%s", line);
        unsigned long *v[] = { &c->rx_bytes, &c->rx_packets, &c->rx_errs, &c->rx_drop,
                               &c->rx_fifo, &c->rx_frame, &c->rx_compressed, &c->rx_multicast,
                               &c->tx_bytes, &c->tx_packets, &c->tx_errs, &c->tx_drop,
                               &c->tx_fifo, &c->tx_colls, &c->tx_carrier };
        char *s = colon + 1;
        for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
            *v[i] = strtoul(s, &s, 10);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    static char text[8192];
    const char *only = argc > 1 ? argv[1] : NULL;

    if (argc > 2 || (only && only[0] == '-')) {
        fprintf(stderr, "usage: ifconfig [interface]\n");
        return 2;
    }
    FILE *f = fopen("/proc/net/dev", "r");
    sock = socket(AF_INET, SOCK_DGRAM, 0);
    if (!f || sock < 0) {
        fprintf(stderr, "ifconfig: %s: %s\n", f ? "socket" : "/proc/net/dev", strerror(errno));
        return 1;
    }
    size_t n = fread(text, 1, sizeof(text) - 1, f);
    text[n] = '\0';
    fclose(f);
    struct counters c;
    int shown = 0;
    for (char *p = text; next_counters(&p, &c);) {
        if (only && strcmp(only, c.name) != 0)
            continue;
        show_flags(c.name);
        show_addresses(c.name);
        show_counters(&c);
        shown++;
    }
    if (only && !shown) {
        fprintf(stderr, "%s: error fetching interface information: Device not found\n", only);
        return 1;
    }
    return 0;
}
