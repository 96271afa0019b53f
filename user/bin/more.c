/* more: show text one screen at a time.
 *
 *   more [FILE...]
 *
 * After each screen it waits for a key: SPACE shows the next screen,
 * ENTER one more line, q quits.  To get each key at once (without
 * waiting for ENTER, and without echoing it) more switches the terminal
 * out of canonical mode with tcsetattr() and back when it is done.
 * The keys come from /dev/tty, because standard input may be the text
 * itself:  ls -l /bin | more
 * When the output is not a terminal, more just copies, like cat. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>

static int tty = -1;                     /* where the keys come from */
static struct termios saved;             /* the terminal's settings before */
static int rows = 24;

static void restore_terminal(void)
{
    if (tty >= 0)
        tcsetattr(tty, TCSANOW, &saved);
}

static void on_interrupt(int sig)
{
    (void)sig;
    restore_terminal();
    write(STDOUT_FILENO, "\n", 1);
    _exit(1);
}

/* Prepares the terminal; returns 0, or -1 if there is none to ask. */
static int open_terminal(void)
{
    struct winsize ws;
    struct termios raw;

    tty = open("/dev/tty", O_RDONLY);
    if (tty < 0 || tcgetattr(tty, &saved) < 0)
        return -1;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 2)
        rows = ws.ws_row;
    raw = saved;
    raw.c_lflag &= ~(ICANON | ECHO);     /* every key at once, not echoed */
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    signal(SIGINT, on_interrupt);
    return tcsetattr(tty, TCSANOW, &raw);
}

/* Asks for a key; returns how many more lines to show, 0 to quit. */
static int ask(void)
{
    char key;

    fputs("--More--", stdout);
    fflush(stdout);
    if (read(tty, &key, 1) != 1)
        key = 'q';
    fputs("\r        \r", stdout);       /* erase the prompt */
    if (key == 'q' || key == 'Q')
        return 0;
    if (key == '\n' || key == '\r')
        return 1;
    return rows - 1;
}

/* Returns 0 if the user quit. */
static int page(FILE *f, int *left)
{
    int c;

    while ((c = getc(f)) != EOF) {
        putchar(c);
        if (c == '\n' && --*left == 0) {
            *left = ask();
            if (*left == 0)
                return 0;
        }
    }
    return 1;
}

int main(int argc, char *argv[])
{
    int status = 0;

    if (!isatty(STDOUT_FILENO) || open_terminal() < 0) {
        /* not a terminal: copy everything */
        execvp("cat", argv);
        fprintf(stderr, "more: cat: %s\n", strerror(errno));
        return 1;
    }
    int left = rows - 1;
    if (argc < 2)
        page(stdin, &left);
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "r");
        if (!f) {
            fprintf(stderr, "more: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        int go_on = page(f, &left);
        fclose(f);
        if (!go_on)
            break;
    }
    restore_terminal();
    return status;
}
