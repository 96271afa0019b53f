/* The console's line discipline, driven by "typing" with ioctl TIOCSTI:
 * a read returns a whole line, Backspace and Ctrl-U edit it, Ctrl-D is
 * end of file, Ctrl-C sends SIGINT to the foreground process group. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <minnow/test.h>

static void type(const char *s)
{
    for (; *s; s++)
        ioctl(0, TIOCSTI, (char *)s);
}

static int read_line(char *buf, int size)
{
    int n = read(0, buf, size - 1);
    buf[n > 0 ? n : 0] = '\0';
    return n;
}

static volatile int got_sigint;
static void on_sigint(int sig)
{
    (void)sig;
    got_sigint = 1;
}

/* When the leader of the session that owns the terminal exits (a login
 * shell), its foreground job gets SIGHUP. */
static void hangup(void)
{
    int p[2];
    pipe(p);
    pid_t leader = fork();
    if (leader == 0) {
        setsid();
        ioctl(0, TIOCSCTTY, 0);              /* this session owns the console now */
        pid_t job = fork();
        if (job == 0) {
            close(p[0]);
            setpgid(0, 0);
            for (;;)
                pause();                     /* until SIGHUP ends it */
        }
        setpgid(job, job);
        tcsetpgrp(0, job);
        close(p[1]);
        usleep(50000);
        _exit(0);                            /* the "shell" leaves */
    }
    close(p[1]);
    waitpid(leader, NULL, 0);
    char c;
    int r = read(p[0], &c, 1);               /* EOF once the job died */
    close(p[0]);
    check(r == 0, "tty_leader_exit_hangs_up_job", "read gave %d", r);
    check(tcsetpgrp(0, getpgrp()) == 0, "tty_back_to_init_session", "errno %d", errno);
}

int main(void)
{
    char buf[64];
    pid_t me = getpid();

    /* be the foreground job, as a shell would make us */
    setpgid(0, 0);
    check(tcsetpgrp(0, me) == 0 && tcgetpgrp(0) == me, "tty_tcsetpgrp", "errno %d", errno);

    type("hello\n");
    check(read_line(buf, sizeof(buf)) == 6 && strcmp(buf, "hello\n") == 0, "tty_reads_a_line", "got \"%s\"", buf);
    type("abcx\b\bd\n");
    check(read_line(buf, sizeof(buf)) == 4 && strcmp(buf, "abd\n") == 0, "tty_backspace", "got \"%s\"", buf);
    type("wrong\x15right\n");
    check(strcmp((read_line(buf, sizeof(buf)), buf), "right\n") == 0, "tty_ctrl_u", "got \"%s\"", buf);
    type("\x04");
    check(read_line(buf, sizeof(buf)) == 0, "tty_ctrl_d_eof", "got \"%s\"", buf);
    type("two\nlines\n");
    read_line(buf, sizeof(buf));
    check(read_line(buf, sizeof(buf)) == 6 && strcmp(buf, "lines\n") == 0, "tty_one_line_per_read", "got \"%s\"", buf);

    struct termios t;
    check(tcgetattr(0, &t) == 0 && (t.c_lflag & ICANON) && (t.c_lflag & ECHO), "tty_tcgetattr", "lflag %#x", t.c_lflag);

    signal(SIGINT, on_sigint);
    type("\x03");
    check(got_sigint, "tty_ctrl_c_sigint", "no SIGINT");
    signal(SIGINT, SIG_DFL);

    /* a background process that reads the terminal is stopped by SIGTTIN */
    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);                       /* not the foreground group */
        read(0, buf, 1);
        _exit(0);
    }
    setpgid(pid, pid);
    int status;
    check(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status) && WSTOPSIG(status) == SIGTTIN,
          "tty_background_read_sigttin", "status %#x", status);
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);

    check(ioctl(0, 0x7777, 0) == -1 && errno == ENOTTY, "tty_bad_ioctl_enotty", "errno %d", errno);
    hangup();
    return test_exit_code();
}
