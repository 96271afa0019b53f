/* The terminal's settings (echo, canonical mode, special characters):
 * struct termios and its flags are Linux's, in <minnow/termios.h>.  The
 * functions are ioctl calls on the terminal's file descriptor. */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <sys/types.h>
#include <minnow/termios.h>

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);
void cfmakeraw(struct termios *t);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

#endif
