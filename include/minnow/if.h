/* Network interfaces as programs ask about them: ioctl() on any socket
 * with Linux's requests and struct ifreq (netdevice(7)), the way
 * net-tools' ifconfig does. */
#ifndef _MINNOW_IF_H
#define _MINNOW_IF_H

#include <minnow/socket.h>

#define IFNAMSIZ 16

/* the requests (Linux's <linux/sockios.h>) */
#define SIOCGIFCONF    0x8912    /* the interfaces that have an IPv4 address */
#define SIOCGIFFLAGS   0x8913
#define SIOCGIFADDR    0x8915
#define SIOCGIFBRDADDR 0x8919
#define SIOCGIFNETMASK 0x891b
#define SIOCGIFMTU     0x8921
#define SIOCGIFHWADDR  0x8927    /* sa_family: ARPHRD_*, sa_data: the address */
#define SIOCGIFINDEX   0x8933

/* ifr_flags */
#define IFF_UP        0x1
#define IFF_BROADCAST 0x2
#define IFF_LOOPBACK  0x8
#define IFF_RUNNING   0x40
#define IFF_MULTICAST 0x1000

/* SIOCGIFHWADDR's sa_family */
#define ARPHRD_ETHER    1
#define ARPHRD_LOOPBACK 772

struct ifmap {
    unsigned long mem_start, mem_end;
    unsigned short base_addr;
    unsigned char irq, dma, port;
};

struct ifreq {
    char ifr_name[IFNAMSIZ];     /* "eth0" */
    union {
        struct sockaddr ifru_addr;
        struct sockaddr ifru_dstaddr;
        struct sockaddr ifru_broadaddr;
        struct sockaddr ifru_netmask;
        struct sockaddr ifru_hwaddr;
        short ifru_flags;
        int ifru_ivalue;
        int ifru_mtu;
        struct ifmap ifru_map;
        char ifru_slave[IFNAMSIZ];
        char ifru_newname[IFNAMSIZ];
        char *ifru_data;
    } ifr_ifru;
};
#define ifr_addr ifr_ifru.ifru_addr
#define ifr_broadaddr ifr_ifru.ifru_broadaddr
#define ifr_netmask ifr_ifru.ifru_netmask
#define ifr_hwaddr ifr_ifru.ifru_hwaddr
#define ifr_flags ifr_ifru.ifru_flags
#define ifr_ifindex ifr_ifru.ifru_ivalue
#define ifr_mtu ifr_ifru.ifru_mtu

struct ifconf {
    int ifc_len;                 /* in: the buffer's size; out: the bytes used */
    union {
        char *ifcu_buf;          /* NULL: only say how much room is needed */
        struct ifreq *ifcu_req;
    } ifc_ifcu;
};
#define ifc_buf ifc_ifcu.ifcu_buf
#define ifc_req ifc_ifcu.ifcu_req

#endif
