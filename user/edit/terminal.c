/* The terminal, as a full-screen program needs it (the lecture's termios):
 *
 *   raw mode   the tty hands over every byte at once (no ICANON), shows
 *              nothing itself (no ECHO), makes no signals of Ctrl-C and
 *              Ctrl-Z (no ISIG), and translates neither CR on input
 *              (ICRNL) nor NL on output (OPOST): the editor draws alone;
 *   restore    the settings from before, at exit and on a fatal signal,
 *              or the shell would be left with a terminal that shows
 *              nothing typed;
 *   keys       the bytes of an escape sequence (ESC [ A) become one key.
 *
 * The editor draws on the terminal's other screen (CSI ? 1049 h, where
 * xterm keeps the shell's screen to give it back at the end; Minnow's VGA
 * console has one screen and ignores it, so leaving also clears). */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include "write_all.h"
#include "edit.h"

enum { SEQUENCE_WAIT_MS = 100 };    /* a lone Esc, or the start of a sequence? */

/* How the terminal was.  Global because a signal handler must reach it. */
static struct termios saved;
static int raw_on;

static void write_string(const char *s)
{
    write_all(STDOUT_FILENO, s, strlen(s));
}

void terminal_restore(void)
{
    if (!raw_on)
        return;
    write_string("\033[2J\033[H\033[?1049l");   /* clear, and back to the shell's screen */
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    raw_on = 0;
}

/* SIGTERM, SIGSEGV...: the terminal back first, then die of the signal as
 * if it had not been caught (so the shell reports it). */
static void on_fatal_signal(int sig)
{
    terminal_restore();
    signal(sig, SIG_DFL);
    raise(sig);
}

void terminal_raw(void)
{
    static const int fatal[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGSEGV, SIGBUS,
                                 SIGFPE, SIGILL, SIGABRT };
    struct termios raw;

    if (tcgetattr(STDIN_FILENO, &saved) < 0) {
        fprintf(stderr, "edit: standard input is not a terminal\n");
        exit(1);
    }
    raw = saved;
    raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ISIG | IEXTEN);
    raw.c_iflag &= ~(tcflag_t)ICRNL;
    raw.c_oflag &= ~(tcflag_t)OPOST;
    raw.c_cc[VMIN] = 1;                      /* read() waits for one byte, no longer */
    raw.c_cc[VTIME] = 0;
    for (size_t i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
        signal(fatal[i], on_fatal_signal);
    atexit(terminal_restore);
    if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) < 0) {
        perror("edit: tcsetattr");
        exit(1);
    }
    raw_on = 1;
    write_string("\033[?1049h");
}

/* The window's size from the tty (TIOCGWINSZ), or 24x80 if it has none. */
void terminal_size(int *rows, int *cols)
{
    struct winsize ws;

    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) < 0 || ws.ws_row == 0 || ws.ws_col == 0) {
        ws.ws_row = 24;
        ws.ws_col = 80;
    }
    *rows = ws.ws_row;
    *cols = ws.ws_col;
}

/* One byte; -1 when none came within timeout_ms (-1: wait for good). */
static int read_byte(int timeout_ms)
{
    struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
    unsigned char c;

    for (;;) {
        if (timeout_ms >= 0 && poll(&p, 1, timeout_ms) == 0)
            return -1;
        ssize_t n = read(STDIN_FILENO, &c, 1);
        if (n == 1)
            return c;
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        terminal_restore();                  /* the terminal is gone: nobody to edit for */
        fprintf(stderr, "edit: the terminal closed\n");
        exit(1);
    }
}

/* After ESC [ (or ESC O): parameters, then the final byte that names the
 * key.  xterm's keys: A B C D arrows, H F Home End, N ~ for the others. */
static int read_sequence(void)
{
    char params[16];
    int n = 0, c;

    for (;;) {
        if ((c = read_byte(SEQUENCE_WAIT_MS)) < 0)
            return KEY_ESC;
        if (c >= 0x40 && c <= 0x7e)
            break;                           /* the final byte */
        if (n < (int)sizeof(params) - 1)
            params[n++] = c;
    }
    params[n] = '\0';
    switch (c) {
    case 'A': return KEY_UP;
    case 'B': return KEY_DOWN;
    case 'C': return KEY_RIGHT;
    case 'D': return KEY_LEFT;
    case 'H': return KEY_HOME;
    case 'F': return KEY_END;
    case '~':
        switch (atoi(params)) {
        case 1: case 7: return KEY_HOME;
        case 4: case 8: return KEY_END;
        case 3: return KEY_DELETE;
        case 5: return KEY_PAGE_UP;
        case 6: return KEY_PAGE_DOWN;
        }
    }
    return KEY_NONE;
}

int read_key(struct editor *e)
{
    int c;

    if (e->has_lookahead) {
        e->has_lookahead = 0;
        c = e->lookahead;
    } else {
        c = read_byte(-1);
    }
    if (c != KEY_ESC)
        return c;
    int next = read_byte(SEQUENCE_WAIT_MS);
    if (next == '[' || next == 'O')
        return read_sequence();
    if (next >= 0) {                         /* Esc, then soon another key: keep that one */
        e->has_lookahead = 1;
        e->lookahead = next;
    }
    return KEY_ESC;
}
