/* input.c: where the characters of commands come from.
 *
 *   sh -c 'text'        a string
 *   sh script           a file, read in blocks
 *   sh < file, a pipe   standard input, read one byte at a time: a program
 *                       the shell starts reads the same stdin, and must
 *                       find the lines after ours still there
 *   a person            the terminal, a line at a time through the line
 *                       editor (lineedit.c), after a prompt: PS1 when a
 *                       new command starts, PS2 inside an unfinished one
 *
 * The lexer takes one character at a time and may give one back. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include "sh.h"

#define MAX_RECORDS 32

struct input {
    const char *text;           /* a string; or NULL */
    size_t pos;
    int fd;
    int own_fd;                 /* a file we opened: closed by input_free */
    int interactive;
    char *line;                 /* the block or line being read */
    size_t len, next;
    int new_command;            /* the next prompt is PS1 */
    int interrupted;            /* Ctrl-C at the prompt */
    int at_end;
    int lines;                  /* newlines read: for the line numbers of errors */
    int pushed[2];              /* characters given back: "&\<newline>x" needs two */
    int npushed;
    struct buf *records[MAX_RECORDS];
    int nrecords;
};

static struct input *new_input(void)
{
    struct input *in = calloc(1, sizeof(*in));
    if (!in) {
        complain("out of memory");
        exit(2);
    }
    in->new_command = 1;
    return in;
}

struct input *input_string(const char *text)
{
    struct input *in = new_input();
    in->text = text;
    in->fd = -1;
    return in;
}

struct input *input_fd(int fd, int interactive)
{
    struct input *in = new_input();
    in->fd = fd;
    in->interactive = interactive;
    return in;
}

/* A script, or a file read by ".".  Its fd is moved up to 10 or more:
 * fds 0 to 9 are the script's own (POSIX), and its "exec 3> f" must not
 * replace what the shell reads the script from.  NULL if it cannot be
 * opened (errno says why). */
struct input *input_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    int high = fcntl(fd, F_DUPFD_CLOEXEC, 10);
    int err = errno;
    close(fd);
    if (high < 0) {
        errno = err;
        return NULL;
    }
    struct input *in = input_fd(high, 0);
    in->own_fd = 1;
    return in;
}

void input_free(struct input *in)
{
    if (in->own_fd)
        close(in->fd);
    free(in->line);
    free(in);
}

/* ---------------------------------------------------------------- the prompt */

/* Output that did not end in a newline would have the prompt glued to it
 * ("Eminnow:/$ ").  Like zsh: a reverse-video '%', then spaces up to the
 * edge of the screen, then \r.  After a newline the spaces fill the line
 * exactly, \r goes back to its start and ESC[K wipes it; after "E" they
 * wrap to a new line, and "E%" stays to show that a newline was missing.
 * (This needs the terminal's delayed wrap at the right edge, which every
 * VT100-like terminal and Minnow's VGA console have.) */
static void mark_missing_newline(void)
{
    struct winsize ws;
    int cols = ioctl(2, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? ws.ws_col : 80;

    fputs("\033[7m%\033[m", stderr);
    for (int i = 1; i < cols; i++)
        fputc(' ', stderr);
    fputs("\r\033[K", stderr);
}

/* PS1 and PS2 go through parameter expansion: PS1='$PWD$ ' follows cd. */
static char *prompt_text(int new_command)
{
    const char *ps = get_var(new_command ? "PS1" : "PS2");
    void *mark = scratch_mark();
    char *text = ps ? expand_word(ps) : NULL;
    char *copy = strdup(text ? text : "");
    scratch_release(mark);
    return copy;
}

/* One line from the person at the terminal, through the line editor. */
static int read_interactive_line(struct input *in)
{
    static char line[4096];

    fflush(stdout);
    if (in->new_command) {
        check_jobs();
        mark_missing_newline();
    }
    char *prompt = prompt_text(in->new_command);
    int n = edit_line(prompt, line, sizeof(line));
    free(prompt);
    in->new_command = 0;
    if (n == -2) {
        in->interrupted = 1;
        return -1;
    }
    if (n <= 0)
        return -1;
    if (n > 1)
        history_add(line);
    free(in->line);
    in->line = strdup(line);
    in->len = (size_t)n;
    in->next = 0;
    return 0;
}

/* More characters from a file or a pipe. */
static int read_more(struct input *in)
{
    if (in->interactive)
        return read_interactive_line(in);
    size_t want = in->fd == 0 ? 1 : 4096;
    if (!in->line)
        in->line = malloc(4096);
    if (!in->line)
        return -1;
    for (;;) {
        ssize_t n = read(in->fd, in->line, want);
        if (n < 0 && errno == EINTR) {
            run_pending_traps();
            continue;
        }
        if (n <= 0)
            return -1;
        in->len = (size_t)n;
        in->next = 0;
        return 0;
    }
}

/* ---------------------------------------------------------------- characters */

static void record(struct input *in, int c)
{
    for (int i = 0; i < in->nrecords; i++)
        buf_putc(in->records[i], (char)c);
}

/* The next character of the string, the block or the line; -1 at the end. */
static int next_char(struct input *in)
{
    if (in->text)
        return in->text[in->pos] ? (unsigned char)in->text[in->pos++] : -1;
    if (in->next >= in->len && read_more(in) < 0)
        return -1;
    return (unsigned char)in->line[in->next++];
}

int input_getc(struct input *in)
{
    int c;

    if (in->npushed > 0) {
        c = in->pushed[--in->npushed];
    } else if (in->at_end) {
        c = -1;
    } else if ((c = next_char(in)) < 0) {
        in->at_end = 1;
    } else if (option(OPT_VERBOSE)) {
        fputc(c, stderr);               /* set -v: the input as it is read */
    }
    if (c >= 0)
        record(in, c);
    if (c == '\n')
        in->lines++;
    return c;
}

int input_line(struct input *in)
{
    return in->lines + 1;
}

/* c (not -1) is read again next: the lexer looks ahead at most two. */
void input_ungetc(struct input *in, int c)
{
    if (c < 0 || in->npushed == 2)
        return;
    in->pushed[in->npushed++] = c;
    if (c == '\n')
        in->lines--;
    for (int i = 0; i < in->nrecords; i++)
        if (in->records[i]->len > 0)
            in->records[i]->s[--in->records[i]->len] = '\0';
}

void input_new_command(struct input *in)
{
    in->new_command = 1;
    if (in->interrupted)
        in->at_end = 0;         /* a person goes on after Ctrl-C */
    in->interrupted = 0;
}

int input_interrupted(struct input *in)
{
    return in->interrupted;
}

size_t input_offset(struct input *in)
{
    return in->pos - (size_t)in->npushed;
}

void input_record_start(struct input *in, struct buf *b)
{
    if (in->nrecords == MAX_RECORDS) {
        complain("commands nested too deeply");
        exit(2);
    }
    in->records[in->nrecords++] = b;
}

void input_record_stop(struct input *in)
{
    in->nrecords--;
}
