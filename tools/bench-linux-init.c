/* /init of the Linux side of `make bench` (tools/bench.sh): Debian's
 * Linux kernel starts it from an initrd that holds only the benchmark
 * programs, built with glibc.  Linux gives the first process no open
 * files when the initrd has no /dev/console, so mount devtmpfs, make the
 * console its standard input, output and error, mount /proc (bench_ext2
 * reads /proc/diskstats, as on Minnow), load the disk drivers, the
 * file system and the network card, give eth0 the address Minnow gives
 * itself, and become runbench,
 * as Minnow's init=/usr/libexec/minnow/runbench does directly. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <net/route.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/socket.h>
#include <sys/syscall.h>

/* Debian's kernel has its disk drivers as modules: load the ones
 * /lib/modules/order lists (tools/deps.sh --bench), then wait for the
 * second disk, which libata finds in the background. */
static void load_modules(void)
{
    FILE *f = fopen("/lib/modules/order", "r");
    char name[64], path[128];

    while (f && fscanf(f, "%63s", name) == 1) {
        snprintf(path, sizeof(path), "/lib/modules/%s.ko", name);
        int fd = open(path, O_RDONLY);
        if (fd < 0 || syscall(SYS_finit_module, fd, "", 0) != 0)
            perror(path);
        close(fd);
    }
    if (f)
        fclose(f);
    for (int i = 0; f && i < 100 && access("/dev/sdb", F_OK) != 0; i++)
        usleep(50000);
}

/* Debian's kernel has no ext2 driver of its own: ext4.ko registers
 * "ext2" as well (CONFIG_EXT4_USE_FOR_EXT2).  Say so when it did not, or
 * bench_ext2's rows would be missing with only a failed mount to tell. */
static void check_ext2(void)
{
    FILE *f = fopen("/proc/filesystems", "r");
    char line[80];
    int found = 0;

    while (f && fgets(line, sizeof(line), f))
        found |= strcmp(line, "\text2\n") == 0;
    if (f)
        fclose(f);
    if (!found)
        printf("bench-linux-init: no ext2 in /proc/filesystems (ext4.ko not loaded?)\n");
}

/* sa as an IPv4 address, for the ioctls below. */
static void set_addr(struct sockaddr *sa, const char *dotted)
{
    struct sockaddr_in *in = (struct sockaddr_in *)sa;

    memset(in, 0, sizeof(*in));
    in->sin_family = AF_INET;
    inet_pton(AF_INET, dotted, &in->sin_addr);
}

/* An interface request on eth0: address or netmask, or flags. */
static int if_ioctl(int fd, unsigned long request, const char *dotted, short flags)
{
    struct ifreq ifr;

    memset(&ifr, 0, sizeof(ifr));
    strncpy(ifr.ifr_name, "eth0", IFNAMSIZ - 1);
    if (dotted)
        set_addr(&ifr.ifr_addr, dotted);
    else
        ifr.ifr_flags = flags;
    if (ioctl(fd, request, &ifr) == 0)
        return 0;
    perror("bench-linux-init: eth0");
    return -1;
}

/* eth0 as Minnow configures itself at boot (docs/net.md): 10.0.2.15/24,
 * up, default route via QEMU's gateway 10.0.2.2 — what ifconfig and
 * route would do, by their ioctls (netdevice(7), the route's SIOCADDRT).
 * No DHCP: the address is QEMU's, and the TCP rows need nothing else.
 * The e1000 module registered eth0 while it loaded (no udev renames it
 * here); its link comes up by itself a moment after IFF_UP. */
static void configure_net(void)
{
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct rtentry rt;

    if (fd < 0 || if_ioctl(fd, SIOCSIFADDR, "10.0.2.15", 0) < 0 ||
        if_ioctl(fd, SIOCSIFNETMASK, "255.255.255.0", 0) < 0 ||
        if_ioctl(fd, SIOCSIFFLAGS, NULL, IFF_UP | IFF_RUNNING) < 0) {
        if (fd >= 0)
            close(fd);
        return;
    }
    memset(&rt, 0, sizeof(rt));
    set_addr(&rt.rt_dst, "0.0.0.0");
    set_addr(&rt.rt_genmask, "0.0.0.0");
    set_addr(&rt.rt_gateway, "10.0.2.2");
    rt.rt_flags = RTF_UP | RTF_GATEWAY;
    if (ioctl(fd, SIOCADDRT, &rt) < 0)
        perror("bench-linux-init: the default route via 10.0.2.2");
    close(fd);
}

int main(void)
{
    mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
    int fd = open("/dev/console", O_RDWR);
    if (fd >= 0) {
        dup2(fd, 0);
        dup2(fd, 1);
        dup2(fd, 2);
        if (fd > 2)
            close(fd);
    }
    mount("proc", "/proc", "proc", 0, NULL);
    load_modules();
    check_ext2();
    configure_net();
    char *argv[] = { "/usr/libexec/minnow/runbench", NULL };
    execv(argv[0], argv);
    perror("bench-linux-init: /usr/libexec/minnow/runbench");
    reboot(RB_POWER_OFF);
    return 1;
}
