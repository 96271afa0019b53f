/* The console's line discipline, driven by "typing" with ioctl TIOCSTI:
 * a read returns a whole line, Backspace, Ctrl-W and Ctrl-U edit it,
 * Ctrl-D is end of file, Ctrl-C sends SIGINT to the foreground process
 * group and throws away what was typed ahead. */
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

/* Ctrl-W erases the blanks before the cursor and the word before them;
 * only with IEXTEN, as on Linux (without it, it is a character). */
static void word_erase(void)
{
    char buf[64];
    struct termios t, saved;

    type("one two  \x17three\n");
    check(strcmp((read_line(buf, sizeof(buf)), buf), "one three\n") == 0, "tty_ctrl_w_erases_word", "got \"%s\"", buf);
    type("a\x17\x17\x17" "b\n");
    check(strcmp((read_line(buf, sizeof(buf)), buf), "b\n") == 0, "tty_ctrl_w_at_line_start", "got \"%s\"", buf);

    tcgetattr(0, &saved);
    t = saved;
    t.c_lflag &= ~(tcflag_t)IEXTEN;
    tcsetattr(0, TCSANOW, &t);
    type("x\x17\n");
    check(strcmp((read_line(buf, sizeof(buf)), buf), "x\x17\n") == 0, "tty_ctrl_w_needs_iexten", "got \"%s\"", buf);
    tcsetattr(0, TCSANOW, &saved);
}

/* Types `key` (a signal key, with a handler installed) after a finished
 * line and half of another; returns what the next read gets once "after"
 * is typed too. */
static const char *typed_ahead_then(const char *key, char *buf, int size)
{
    type("typed ahead\nhalf");
    type(key);
    type("after\n");
    read_line(buf, size);
    return buf;
}

/* Ctrl-C, Ctrl-\ and Ctrl-Z throw away what was typed ahead (the queue of
 * finished lines and the line being edited), unless NOFLSH is set. */
static void signal_keys_flush(void)
{
    char buf[64];
    struct termios t, saved;

    install_handler(SIGINT, on_sigint, 0);
    install_handler(SIGQUIT, on_sigint, 0);
    install_handler(SIGTSTP, on_sigint, 0);
    check(strcmp(typed_ahead_then("\x03", buf, sizeof(buf)), "after\n") == 0, "tty_ctrl_c_flushes_input", "got \"%s\"", buf);
    check(strcmp(typed_ahead_then("\x1c", buf, sizeof(buf)), "after\n") == 0, "tty_ctrl_backslash_flushes_input", "got \"%s\"", buf);
    check(strcmp(typed_ahead_then("\x1a", buf, sizeof(buf)), "after\n") == 0, "tty_ctrl_z_flushes_input", "got \"%s\"", buf);

    tcgetattr(0, &saved);
    t = saved;
    t.c_lflag |= NOFLSH;
    tcsetattr(0, TCSANOW, &t);
    got_sigint = 0;
    typed_ahead_then("\x03", buf, sizeof(buf));
    int first_kept = strcmp(buf, "typed ahead\n") == 0;
    read_line(buf, sizeof(buf));
    check(got_sigint && first_kept && strcmp(buf, "halfafter\n") == 0, "tty_noflsh_keeps_input", "got \"%s\" (signal %d)", buf, got_sigint);
    tcsetattr(0, TCSANOW, &saved);
    install_handler(SIGINT, SIG_DFL, 0);
    install_handler(SIGQUIT, SIG_DFL, 0);
    install_handler(SIGTSTP, SIG_DFL, 0);
}

/* A program that switches to raw mode finds the line typed so far; back
 * in canonical mode, bytes typed in raw mode after the last line are the
 * line being edited again (Backspace reaches them). */
static void mode_switch(void)
{
    char buf[64];
    struct termios raw, cooked, saved;

    tcgetattr(0, &saved);
    cooked = saved;
    cooked.c_lflag &= ~(tcflag_t)ECHO;       /* an unfinished line would be echoed before the next "ok" */
    tcsetattr(0, TCSANOW, &cooked);
    raw = cooked;
    raw.c_lflag &= ~(tcflag_t)ICANON;
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    type("abc");
    tcsetattr(0, TCSANOW, &raw);
    int n = read(0, buf, sizeof(buf) - 1);
    buf[n > 0 ? n : 0] = '\0';
    check(strcmp(buf, "abc") == 0, "tty_raw_reads_unfinished_line", "got \"%s\"", buf);

    type("xy");
    tcsetattr(0, TCSANOW, &cooked);
    type("\bz\n");
    check(strcmp((read_line(buf, sizeof(buf)), buf), "xz\n") == 0, "tty_canonical_edits_raw_tail", "got \"%s\"", buf);
    tcsetattr(0, TCSANOW, &saved);
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

    word_erase();
    signal_keys_flush();
    mode_switch();
    check(ioctl(0, 0x7777, 0) == -1 && errno == ENOTTY, "tty_bad_ioctl_enotty", "errno %d", errno);
    hangup();
    return test_exit_code();
}
