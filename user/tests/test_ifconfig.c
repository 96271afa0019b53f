/* The interfaces through ioctl() on a socket (netdevice(7)): SIOCGIFCONF
 * and the SIOCGIF* requests give eth0's address, netmask, broadcast,
 * flags, MTU and MAC with Linux's numbers and struct ifreq; the errors;
 * and ifconfig's output, net-tools' lines for eth0. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <minnow/test.h>

static int ask(int fd, unsigned long req, const char *name, struct ifreq *r)
{
    memset(r, 0, sizeof(*r));
    strcpy(r->ifr_name, name);
    return ioctl(fd, req, r) < 0 ? -errno : 0;
}

static const char *addr_of(const struct ifreq *r)
{
    return inet_ntoa(((const struct sockaddr_in *)&r->ifr_addr)->sin_addr);
}

static void requests(void)
{
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct ifreq r, list[8];
    check(sizeof(struct ifreq) == 32 && sizeof(struct ifconf) == 8, "ifreq_layout",
          "ifreq %zu, ifconf %zu bytes", sizeof(struct ifreq), sizeof(struct ifconf));

    struct ifconf c = { .ifc_len = 0, .ifc_buf = NULL };
    int e = ioctl(fd, SIOCGIFCONF, &c);
    check(e == 0 && c.ifc_len >= (int)sizeof(struct ifreq), "siocgifconf_size", "len %d", c.ifc_len);
    c.ifc_len = sizeof(list);
    c.ifc_req = list;
    e = ioctl(fd, SIOCGIFCONF, &c);
    int found = 0;
    for (int i = 0; e == 0 && i < c.ifc_len / (int)sizeof(struct ifreq); i++)
        found |= strcmp(list[i].ifr_name, "eth0") == 0 && strcmp(addr_of(&list[i]), "10.0.2.15") == 0;
    check(found, "siocgifconf_eth0", "ioctl %d, len %d", e, c.ifc_len);

    e = ask(fd, SIOCGIFADDR, "eth0", &r);
    check(e == 0 && r.ifr_addr.sa_family == AF_INET && strcmp(addr_of(&r), "10.0.2.15") == 0,
          "siocgifaddr", "%d %s", e, addr_of(&r));
    e = ask(fd, SIOCGIFNETMASK, "eth0", &r);
    check(e == 0 && strcmp(addr_of(&r), "255.255.255.0") == 0, "siocgifnetmask", "%d %s", e,
          addr_of(&r));
    e = ask(fd, SIOCGIFBRDADDR, "eth0", &r);
    check(e == 0 && strcmp(addr_of(&r), "10.0.2.255") == 0, "siocgifbrdaddr", "%d %s", e,
          addr_of(&r));
    e = ask(fd, SIOCGIFFLAGS, "eth0", &r);
    check(e == 0 && r.ifr_flags == (IFF_UP | IFF_BROADCAST | IFF_RUNNING), "siocgifflags",
          "%d %#x", e, r.ifr_flags);
    e = ask(fd, SIOCGIFMTU, "eth0", &r);
    check(e == 0 && r.ifr_mtu == 1500, "siocgifmtu", "%d %d", e, r.ifr_mtu);
    e = ask(fd, SIOCGIFHWADDR, "eth0", &r);
    check(e == 0 && r.ifr_hwaddr.sa_family == ARPHRD_ETHER &&
          memcmp(r.ifr_hwaddr.sa_data, "\x52\x54\x00\x12\x34\x56", 6) == 0, "siocgifhwaddr",
          "%d family %d", e, r.ifr_hwaddr.sa_family);
    e = ask(fd, SIOCGIFADDR, "eth9", &r);
    check(e == -ENODEV, "siocgifaddr_no_device_enodev", "got %d", e);
    e = ioctl(fd, SIOCGIFADDR, (void *)16) < 0 ? -errno : 0;
    check(e == -EFAULT, "siocgifaddr_bad_pointer_efault", "got %d", e);
    e = ioctl(fd, 0x5401 /* TCGETS */, &r) < 0 ? -errno : 0;
    check(e == -ENOTTY, "socket_ioctl_other_enotty", "got %d", e);
    close(fd);
}

static void program(void)
{
    char out[4096];
    char *argv[] = { "ifconfig", NULL };
    int status = run_captured(argv, NULL, out, sizeof(out), NULL, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
          strstr(out, "eth0: flags=67<UP,BROADCAST,RUNNING>  mtu 1500\n"
                      "        inet 10.0.2.15  netmask 255.255.255.0  broadcast 10.0.2.255\n"
                      "        ether 52:54:00:12:34:56  txqueuelen 1000  (Ethernet)\n"
                      "        RX packets ") &&
          strstr(out, "        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n"),
          "ifconfig_eth0", "status %#x:\n%s", status, out);
    unsigned long pk, by, whole, tenth;
    char unit[4] = "";
    char *rx = strstr(out, "        RX packets ");
    check(rx && sscanf(rx, "        RX packets %lu  bytes %lu (%lu.%lu %3[BKMGi])", &pk, &by, &whole,
                       &tenth, unit) == 5 && !strchr(out, '%'), "ifconfig_counters", "%s", out);
    char *one[] = { "ifconfig", "eth9", NULL };
    status = run_captured(one, NULL, out, sizeof(out), NULL, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 1, "ifconfig_no_such_interface",
          "status %#x", status);
}

int main(void)
{
    check_group(requests, "ifconfig_requests");
    check_group(program, "ifconfig_program");
    return test_exit_code();
}
