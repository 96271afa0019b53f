/* The terminal's settings and its foreground process group.  Each of
 * these is one ioctl on the terminal's file descriptor. */
#include <errno.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int tcgetattr(int fd, struct termios *t)
{
    return ioctl(fd, TCGETS, t);
}

/* when: TCSANOW (at once), TCSADRAIN (after pending output is sent),
 * TCSAFLUSH (that, and pending input is thrown away). */
int tcsetattr(int fd, int when, const struct termios *t)
{
    switch (when) {
    case TCSANOW:   return ioctl(fd, TCSETS, t);
    case TCSADRAIN: return ioctl(fd, TCSETSW, t);
    case TCSAFLUSH: return ioctl(fd, TCSETSF, t);
    default:
        errno = EINVAL;
        return -1;
    }
}

/* Raw mode: every key as it is typed, no echo, no Ctrl-C signal. */
void cfmakeraw(struct termios *t)
{
    t->c_iflag &= ~(tcflag_t)ICRNL;
    t->c_oflag &= ~(tcflag_t)OPOST;
    t->c_lflag &= ~(tcflag_t)(ECHO | ECHOE | ECHOK | ECHOCTL | ICANON | ISIG | IEXTEN);
    t->c_cc[VMIN] = 1;
    t->c_cc[VTIME] = 0;
}

/* A descriptor is a terminal if it has terminal settings. */
int isatty(int fd)
{
    struct termios t;

    return tcgetattr(fd, &t) == 0;
}

/* The foreground process group: the one that gets the keyboard's input
 * and its Ctrl-C. */
pid_t tcgetpgrp(int fd)
{
    pid_t pgrp;

    if (ioctl(fd, TIOCGPGRP, &pgrp) < 0)
        return -1;
    return pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
    return ioctl(fd, TIOCSPGRP, &pgrp);
}
