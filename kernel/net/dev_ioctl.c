/* What a program may ask about the interfaces through ioctl() on any
 * socket, with Linux's requests and struct ifreq (netdevice(7)):
 * SIOCGIFCONF lists the interfaces that have an IPv4 address, and
 * SIOCGIF{FLAGS,ADDR,NETMASK,BRDADDR,MTU,HWADDR,INDEX} read one of them,
 * named in ifr_name.  ifconfig is built on them (and on /proc/net/dev for
 * the counters, as net-tools' is).  Only reading: the address is set by
 * the kernel (net/net.c, DHCP), not by SIOCSIFADDR. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/if.h>
#include "net/dev_ioctl.h"
#include "net/netdevice.h"
#include "net/byteorder.h"
#include "mm/uaccess.h"

static int dev_index(const struct net_device *dev)
{
    int i = 1;

    for (struct net_device *d = first_net_device(); d && d != dev; d = d->next)
        i++;
    return i;
}

static void put_in_addr(struct sockaddr *sa, uint32_t addr)
{
    struct sockaddr_in *in = (struct sockaddr_in *)sa;

    memset(in, 0, sizeof(*in));
    in->sin_family = AF_INET;
    in->sin_addr.s_addr = htonl(addr);
}

/* One SIOCGIF* request about dev into r. */
static long ifreq_get(unsigned long req, struct net_device *dev, struct ifreq *r)
{
    memset(&r->ifr_ifru, 0, sizeof(r->ifr_ifru));
    switch (req) {
    case SIOCGIFFLAGS:
        r->ifr_flags = (short)dev->flags;
        return 0;
    case SIOCGIFMTU:
        r->ifr_mtu = (int)dev->mtu;
        return 0;
    case SIOCGIFINDEX:
        r->ifr_ifindex = dev_index(dev);
        return 0;
    case SIOCGIFHWADDR:
        r->ifr_hwaddr.sa_family = dev->flags & IFF_LOOPBACK ? ARPHRD_LOOPBACK : ARPHRD_ETHER;
        memcpy(r->ifr_hwaddr.sa_data, dev->dev_addr, ETH_ALEN);
        return 0;
    }
    if (!dev->ip.addr)
        return -EADDRNOTAVAIL;               /* as Linux: no IPv4 address configured */
    uint32_t value = req == SIOCGIFADDR ? dev->ip.addr
                   : req == SIOCGIFNETMASK ? dev->ip.netmask
                   : dev->ip.addr | ~dev->ip.netmask;     /* SIOCGIFBRDADDR */
    put_in_addr(&r->ifr_addr, value);
    return 0;
}

/* SIOCGIFCONF: an ifreq (name, address) for each interface with an
 * address, as many as fit; ifc_len becomes the bytes written -- or, with
 * no buffer, the bytes all of them need. */
static long ifconf(struct ifconf *uc)
{
    struct ifconf c;
    int used = 0;

    if (copy_from_user(&c, uc, sizeof(c)) < 0)
        return -EFAULT;
    for (struct net_device *d = first_net_device(); d; d = d->next) {
        if (!d->ip.addr)
            continue;
        if (c.ifc_buf) {
            if (used + (int)sizeof(struct ifreq) > c.ifc_len)
                break;
            struct ifreq r;
            memset(&r, 0, sizeof(r));
            strncpy(r.ifr_name, d->name, IFNAMSIZ - 1);
            put_in_addr(&r.ifr_addr, d->ip.addr);
            if (copy_to_user(c.ifc_buf + used, &r, sizeof(r)) < 0)
                return -EFAULT;
        }
        used += sizeof(struct ifreq);
    }
    c.ifc_len = used;
    return copy_to_user(uc, &c, sizeof(c)) < 0 ? -EFAULT : 0;
}

long dev_ioctl(unsigned long req, void *arg)
{
    struct ifreq r;

    if (req == SIOCGIFCONF)
        return ifconf(arg);
    if (req != SIOCGIFFLAGS && req != SIOCGIFADDR && req != SIOCGIFNETMASK &&
        req != SIOCGIFBRDADDR && req != SIOCGIFMTU && req != SIOCGIFHWADDR && req != SIOCGIFINDEX)
        return -ENOTTY;
    if (copy_from_user(&r, arg, sizeof(r)) < 0)
        return -EFAULT;
    r.ifr_name[IFNAMSIZ - 1] = '\0';
    struct net_device *dev = dev_get_by_name(r.ifr_name);
    if (!dev)
        return -ENODEV;
    long err = ifreq_get(req, dev, &r);
    if (err == 0 && copy_to_user(arg, &r, sizeof(r)) < 0)
        return -EFAULT;
    return err;
}
