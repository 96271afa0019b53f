/* The console tty and its line discipline.
 *
 * Characters arrive one by one from the keyboard and COM1 (tty_receive, in
 * an interrupt).  In canonical mode (the default) the tty edits a line --
 * echo, Backspace, Ctrl-W, Ctrl-U -- and only a finished line (Enter) or
 * Ctrl-D becomes readable.  Three keys are not characters but signals to
 * the foreground process group: Ctrl-C SIGINT, Ctrl-\ SIGQUIT, Ctrl-Z
 * SIGTSTP.  That group is set by the shell (tcsetpgrp) for the job it runs. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/termios.h>
#include <minnow/fcntl.h>
#include <minnow/poll.h>
#include "drv/tty.h"
#include "drv/console.h"
#include "proc/sched.h"
#include "proc/signal.h"
#include "proc/pgrp.h"
#include "mm/uaccess.h"
#include "arch/x86.h"
#include "arch/timer.h"

#define QUEUE_SIZE 1024
#define LINE_MAX 256
#define EOF_MARK 0x04            /* Ctrl-D ends a line without a newline */

struct tty {
    char queue[QUEUE_SIZE];      /* input a read() can take */
    size_t head, len;
    int lines;                   /* finished lines in the queue (canonical) */
    char line[LINE_MAX];         /* the line being edited */
    size_t line_len;
    struct termios termios;
    pid_t pgrp;                  /* the foreground process group */
    pid_t session;               /* the session it is the terminal of */
    struct winsize winsize;      /* rows and columns, for full-screen programs */
};

static struct tty console;

void tty_init(void)
{
    struct termios *t = &console.termios;

    t->c_iflag = ICRNL;
    t->c_oflag = OPOST | ONLCR;
    t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | IEXTEN;
    t->c_cc[VINTR] = 3;          /* Ctrl-C */
    t->c_cc[VQUIT] = 0x1c;       /* Ctrl-\ */
    t->c_cc[VERASE] = 0x7f;
    t->c_cc[VKILL] = 0x15;       /* Ctrl-U */
    t->c_cc[VEOF] = 4;           /* Ctrl-D */
    t->c_cc[VSUSP] = 0x1a;       /* Ctrl-Z */
    t->c_cc[VWERASE] = 0x17;     /* Ctrl-W */
    t->c_cc[VMIN] = 1;
    console.session = 1;         /* init's session, until a shell takes it */
    console.pgrp = 1;
    console.winsize = (struct winsize){ .ws_row = 25, .ws_col = 80 };   /* VGA text */
}

static void echo(const char *s)
{
    if (console.termios.c_lflag & ECHO)
        console_write(s, strlen(s));
}

static void queue_put(char c)
{
    if (console.len < QUEUE_SIZE) {
        console.queue[(console.head + console.len) % QUEUE_SIZE] = c;
        console.len++;
    }
}

/* The line is finished: it becomes readable.  A line the queue has no
 * room for is lost whole: a line without its terminator would not count
 * in `lines`, and one counted without it would be an end of file nobody
 * typed. */
static void end_line(char terminator)
{
    if (console.line_len + 1 <= QUEUE_SIZE - console.len) {
        for (size_t i = 0; i < console.line_len; i++)
            queue_put(console.line[i]);
        queue_put(terminator);
        console.lines++;
        wake_up(&console);
    }
    console.line_len = 0;
}

/* Canonical mode again (TCSETS): what raw mode queued, and what it took,
 * decide how many finished lines there are. */
static void count_lines(void)
{
    console.lines = 0;
    for (size_t i = 0; i < console.len; i++) {
        char c = console.queue[(console.head + i) % QUEUE_SIZE];
        console.lines += c == '\n' || c == EOF_MARK;
    }
}

/* Raw mode takes bytes as they come, canonical mode whole lines: when a
 * program switches (TCSETS), what was typed so far must not be lost in
 * between.  The line being edited becomes readable bytes in raw mode, as
 * on Linux; back in canonical mode, bytes after the last finished line are
 * the line being edited again, so Backspace reaches them. */
static void line_to_queue(void)
{
    for (size_t i = 0; i < console.line_len; i++)
        queue_put(console.line[i]);
    console.line_len = 0;
}

static void queue_tail_to_line(void)
{
    size_t tail = 0;

    while (tail < console.len && tail < LINE_MAX - 1) {
        char c = console.queue[(console.head + console.len - 1 - tail) % QUEUE_SIZE];
        if (c == '\n' || c == EOF_MARK)
            break;
        tail++;
    }
    console.len -= tail;
    for (size_t i = 0; i < tail; i++)
        console.line[i] = console.queue[(console.head + console.len + i) % QUEUE_SIZE];
    console.line_len = tail;
}

/* A key that c_cc[index] names; 0 there switches the key off
 * (_POSIX_VDISABLE on Linux). */
static int is_key(char c, int index)
{
    cc_t key = console.termios.c_cc[index];

    return key != 0 && c == (char)key;
}

static void erase_char(void)
{
    if (console.line_len > 0) {
        console.line_len--;
        echo("\b \b");
    }
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Ctrl-W: the blanks before the cursor, then the word before them, as
 * POSIX describes VWERASE. */
static void erase_word(void)
{
    while (console.line_len > 0 && is_blank(console.line[console.line_len - 1]))
        erase_char();
    while (console.line_len > 0 && !is_blank(console.line[console.line_len - 1]))
        erase_char();
}

/* Ctrl-C, Ctrl-\, Ctrl-Z: a signal for the foreground job.  What was
 * typed ahead -- finished lines nobody has read yet, and the line being
 * edited -- is thrown away unless NOFLSH is set: it was meant for the
 * program being interrupted, and must not run as commands afterwards. */
static int signal_key(char c)
{
    int sig = is_key(c, VINTR) ? SIGINT : is_key(c, VQUIT) ? SIGQUIT : is_key(c, VSUSP) ? SIGTSTP : 0;

    if (!sig || !(console.termios.c_lflag & ISIG))
        return 0;
    echo(sig == SIGINT ? "^C\n" : sig == SIGQUIT ? "^\\\n" : "^Z\n");
    if (!(console.termios.c_lflag & NOFLSH)) {
        console.len = console.lines = 0;
        console.line_len = 0;
    }
    if (console.pgrp > 0)
        kill_pgrp(console.pgrp, sig);
    return 1;
}

void tty_receive(char c)
{
    struct termios *t = &console.termios;

    if (signal_key(c))
        return;
    if (c == '\r' && (t->c_iflag & ICRNL))
        c = '\n';
    if (!(t->c_lflag & ICANON)) {            /* raw: every byte at once */
        queue_put(c);
        if (t->c_lflag & ECHO)
            console_write(&c, 1);
        wake_up(&console);
        return;
    }
    if (c == '\b' || is_key(c, VERASE)) {
        erase_char();
    } else if (is_key(c, VWERASE) && (t->c_lflag & IEXTEN)) {
        erase_word();
    } else if (is_key(c, VKILL)) {
        while (console.line_len > 0)
            erase_char();
    } else if (is_key(c, VEOF)) {
        end_line(EOF_MARK);
    } else if (c == '\n') {
        echo("\n");
        end_line('\n');
    } else if (console.line_len < LINE_MAX - 1) {
        console.line[console.line_len++] = c;
        char s[2] = { c, 0 };
        echo(s);
    }
}

/* The session that owns the console has ended (its leader, the login
 * shell, exited): like a modem hanging up, its foreground job gets SIGHUP
 * (and SIGCONT, should it be stopped), and the console goes back to init's
 * session until a new shell claims it. */
void tty_session_ended(pid_t sid)
{
    if (sid != console.session || sid == 1)
        return;
    if (console.pgrp > 0) {
        kill_pgrp(console.pgrp, SIGHUP);
        kill_pgrp(console.pgrp, SIGCONT);
    }
    console.session = 1;
    console.pgrp = 1;
}

/* Job control: a process of a background job that reads the terminal is
 * stopped by SIGTTIN (or gets EIO if it ignores that, or if its group is
 * orphaned: nobody would be left to continue it). */
static int background_read(void)
{
    if (current->sid != console.session || console.pgrp <= 0 || current->pgid == console.pgrp)
        return 0;
    if (current->sigaction[SIGTTIN].sa_handler == SIG_IGN || (current->blocked & sigmask(SIGTTIN)) ||
        pgrp_orphaned(current->pgid, NULL))
        return -EIO;
    kill_pgrp(current->pgid, SIGTTIN);
    return request_restart(-ERESTARTSYS);
}

static char queue_take(void)
{
    char c = console.queue[console.head];

    console.head = (console.head + 1) % QUEUE_SIZE;
    console.len--;
    return c;
}

/* Waits until a read has something to take: a finished line (canonical)
 * or a byte (raw).  0 when there is; 1 when a raw read with VMIN 0 should
 * return 0 now (after VTIME tenths of a second, if VTIME is set). */
static int tty_wait(struct file *f)
{
    int err;

    for (;;) {
        /* the shell may have moved us to the background while we slept */
        if ((err = background_read()) < 0)
            return err;
        if (console.termios.c_lflag & ICANON ? console.lines > 0 : console.len > 0)
            return 0;
        if (f->flags & O_NONBLOCK)
            return -EAGAIN;
        if (!(console.termios.c_lflag & ICANON) && console.termios.c_cc[VMIN] == 0) {
            cc_t vtime = console.termios.c_cc[VTIME];
            if (vtime && sleep_on_timeout(&console, vtime * HZ / 10) < 0)
                return request_restart(-ERESTARTSYS);
            return console.len == 0;
        }
        if (sleep_on(&console) < 0)
            return request_restart(-ERESTARTSYS);
    }
}

static ssize_t tty_read(struct file *f, char *buf, size_t n, off_t *pos)
{
    (void)pos;                       /* a stream: no offset */
    size_t got = 0;
    int err = tty_wait(f);

    if (err != 0)
        return err < 0 ? err : 0;
    int canonical = console.termios.c_lflag & ICANON;
    while (got < n && console.len > 0) {
        char c = console.queue[console.head];
        if (canonical && c == EOF_MARK) {    /* Ctrl-D: the read ends here */
            queue_take();
            console.lines--;
            break;
        }
        buf[got++] = queue_take();
        if (canonical && c == '\n') {
            console.lines--;
            break;
        }
    }
    return got;                              /* 0 after Ctrl-D on an empty line */
}

/* Output goes out in pieces, and between two pieces interrupts may come
 * in (the kernel otherwise runs with them off): a megabyte written to the
 * console, some seconds of work, must not stop the clock or the keyboard,
 * nor keep every other process off the CPU meanwhile (cond_resched) -- and
 * Ctrl-C can end such a write early (with the count written so far). */
#define WRITE_PIECE 256

static ssize_t tty_write(struct file *f, const char *buf, size_t n, off_t *pos)
{
    size_t done = 0;

    (void)f, (void)pos;              /* the terminal has no offset */
    while (done < n) {
        size_t piece = n - done < WRITE_PIECE ? n - done : WRITE_PIECE;
        console_write(buf + done, piece);
        done += piece;
        if (done < n) {
            interrupt_window();
            cond_resched();
            /* a signal may also have come while others ran */
            if (signal_pending(current))
                break;
        }
    }
    return done;
}

static int set_foreground(pid_t *upgrp)
{
    pid_t pgrp;

    if (copy_from_user(&pgrp, upgrp, sizeof(pgrp)) < 0)
        return -EFAULT;
    if (current->sid != console.session)
        return -ENOTTY;                      /* not our terminal */
    if (pgrp <= 0)
        return -EINVAL;
    if (!group_exists_in_session(pgrp, current->sid))
        return -EPERM;                       /* no such group in this session */
    console.pgrp = pgrp;
    return 0;
}

/* TIOCSWINSZ: a terminal emulator (or stty) says how large the window
 * is; the foreground job hears of a change by SIGWINCH, as on Linux.  The
 * console does not change: the VGA screen stays 80x25. */
static int set_winsize(const struct winsize *uws)
{
    struct winsize ws;

    if (copy_from_user(&ws, uws, sizeof(ws)) < 0)
        return -EFAULT;
    if (memcmp(&ws, &console.winsize, sizeof(ws)) == 0)
        return 0;
    console.winsize = ws;
    if (console.pgrp > 0)
        kill_pgrp(console.pgrp, SIGWINCH);
    return 0;
}

static int set_termios(const struct termios *ut)
{
    struct termios t;
    int was_canonical = console.termios.c_lflag & ICANON;

    if (copy_from_user(&t, ut, sizeof(t)) < 0)
        return -EFAULT;
    console.termios = t;
    int canonical = t.c_lflag & ICANON;
    if (was_canonical && !canonical && console.line_len > 0) {
        line_to_queue();
        wake_up(&console);
    }
    if (!was_canonical && canonical)
        queue_tail_to_line();
    if (canonical)
        count_lines();
    return 0;
}

static int tty_ioctl(struct file *f, unsigned long req, void *arg)
{
    char c;

    (void)f;
    switch (req) {
    case TCGETS:
        return copy_to_user(arg, &console.termios, sizeof(struct termios));
    case TCSETSF:
        console.len = console.lines = 0;     /* flush pending input */
        console.line_len = 0;
        /* fall through */
    case TCSETS:
    case TCSETSW:
        return set_termios(arg);
    case TIOCGPGRP:
        return copy_to_user(arg, &console.pgrp, sizeof(pid_t));
    case TIOCSPGRP:
        return set_foreground(arg);
    case TIOCSCTTY:                          /* a session leader claims it */
        if (current->sid != current->pid)
            return -EPERM;
        console.session = current->sid;
        console.pgrp = current->pgid;
        return 0;
    case TIOCGWINSZ:
        return copy_to_user(arg, &console.winsize, sizeof(struct winsize));
    case TIOCSWINSZ:
        return set_winsize(arg);
    case TIOCSTI:                            /* "type" a character (tests use it) */
        if (copy_from_user(&c, arg, 1) < 0)
            return -EFAULT;
        tty_receive(c);
        return 0;
    case FIONREAD:
        return copy_to_user(arg, &console.len, sizeof(int));
    default:
        return -ENOTTY;
    }
}

/* poll: readable when a read would not wait (tty_wait): a finished line,
 * or in raw mode a byte; output never waits. */
static unsigned int tty_poll(struct file *f)
{
    int canonical = console.termios.c_lflag & ICANON;
    unsigned int mask = POLLOUT | POLLWRNORM;

    (void)f;
    if (canonical ? console.lines > 0 : console.len > 0)
        mask |= POLLIN | POLLRDNORM;
    return mask;
}

const struct file_ops tty_ops = {
    .read = tty_read,
    .write = tty_write,
    .ioctl = tty_ioctl,
    .poll = tty_poll,
};
