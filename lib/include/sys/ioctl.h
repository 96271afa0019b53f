/* ioctl: device-specific requests.  The terminal's requests (TCGETS,
 * TIOCGPGRP, TIOCGWINSZ, ...) are in <minnow/termios.h>. */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <minnow/termios.h>

/* The third argument, when the request takes one, is a pointer. */
int ioctl(int fd, unsigned long request, ...);

#endif
