/* The console's window size: TIOCGWINSZ says 80x25 (the VGA screen),
 * TIOCSWINSZ changes what it says and sends SIGWINCH to the foreground
 * job; a file that is not a terminal is ENOTTY. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <minnow/test.h>

static volatile int winch;
static void on_winch(int sig) { (void)sig; winch++; }

int main(void)
{
    struct winsize ws = { 0, 0, 0, 0 };
    pid_t old_fg = tcgetpgrp(0);

    setpgid(0, 0);
    tcsetpgrp(0, getpid());                  /* the foreground job, as a shell makes it */
    install_handler(SIGWINCH, on_winch, SA_RESTART);

    check(ioctl(0, TIOCGWINSZ, &ws) == 0 && ws.ws_row == 25 && ws.ws_col == 80, "winsize_default_80x25",
          "%ux%u", ws.ws_col, ws.ws_row);
    struct winsize big = { 40, 100, 800, 640 };
    check(ioctl(0, TIOCSWINSZ, &big) == 0 && winch == 1, "winsize_set_sends_sigwinch", "winch %d", winch);
    ws = (struct winsize){ 0, 0, 0, 0 };
    check(ioctl(0, TIOCGWINSZ, &ws) == 0 && ws.ws_row == 40 && ws.ws_col == 100 && ws.ws_xpixel == 800,
          "winsize_set_kept", "%ux%u", ws.ws_col, ws.ws_row);
    int fd = open("/dev/tty", O_RDWR);
    check(ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col == 100, "winsize_same_on_dev_tty", "%u", ws.ws_col);
    close(fd);
    check(ioctl(0, TIOCSWINSZ, &big) == 0 && winch == 1, "winsize_same_size_no_sigwinch", "winch %d", winch);
    check(ioctl(0, TIOCGWINSZ, (void *)0xC0000000) < 0 && errno == EFAULT, "winsize_efault", "errno %d", errno);

    int p[2];
    pipe(p);
    fd = open("/dev/null", O_RDONLY);
    check(ioctl(p[0], TIOCGWINSZ, &ws) < 0 && errno == ENOTTY && ioctl(fd, TIOCSWINSZ, &big) < 0 &&
          errno == ENOTTY, "winsize_not_a_tty_enotty", "errno %d", errno);

    struct winsize vga = { 25, 80, 0, 0 };
    ioctl(0, TIOCSWINSZ, &vga);              /* as it was, for whoever comes next */
    check(winch == 2, "winsize_restored", "winch %d", winch);
    install_handler(SIGWINCH, SIG_DFL, 0);
    tcsetpgrp(0, old_fg);
    return test_exit_code();
}
