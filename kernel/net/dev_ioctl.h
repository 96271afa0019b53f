/* ioctl() on a socket: the interfaces' SIOCGIF* requests (net/dev_ioctl.c). */
#ifndef NET_DEV_IOCTL_H
#define NET_DEV_IOCTL_H

/* req with its user pointer arg: 0, or -ENOTTY (not a request of ours),
 * -ENODEV (no such interface), -EADDRNOTAVAIL (no address), -EFAULT. */
long dev_ioctl(unsigned long req, void *arg);

#endif
