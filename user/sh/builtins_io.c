/* builtins_io.c: echo, printf and read -- a shell's own input and output.
 *
 * read takes one line from fd 0 a byte at a time: whatever comes after
 * the line belongs to the next command, which reads the same fd. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "commands.h"
#include "sh.h"

/* ---------------------------------------------------------------- echo */

/* With -e: \n \t \\ \0NNN \xHH...; \c ends all output.  Returns 1 at \c. */
static int echo_escaped(const char *s)
{
    static const char from[] = "abefnrtv\\", to[] = "\a\b\033\f\n\r\t\v\\";

    for (; *s; s++) {
        if (*s != '\\' || !s[1]) {
            putchar(*s);
            continue;
        }
        s++;
        const char *k = strchr(from, *s);
        if (k) {
            putchar(to[k - from]);
        } else if (*s == 'c') {
            return 1;
        } else if (*s == '0' || *s == 'x') {
            int base = *s == '0' ? 8 : 16, max = *s == '0' ? 3 : 2, value = 0, n = 0;
            for (; n < max && s[1]; n++) {
                char c = s[1];
                int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
                        c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
                if (d >= base)
                    break;
                value = value * base + d;
                s++;
            }
            if (base == 16 && n == 0)
                fputs("\\x", stdout);
            else
                putchar(value);
        } else {
            putchar('\\');
            putchar(*s);
        }
    }
    return 0;
}

/* echo [-n] [-e] [-E] words: as Linux's echo (bash's builtin and GNU's). */
int builtin_echo(int argc, char **argv)
{
    int newline = 1, escapes = 0, i = 1;

    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strspn(argv[i] + 1, "neE") != strlen(argv[i] + 1))
            break;
        for (const char *c = argv[i] + 1; *c; c++) {
            if (*c == 'n')
                newline = 0;
            else
                escapes = *c == 'e';
        }
    }
    for (; i < argc; i++) {
        if (escapes && echo_escaped(argv[i]))
            return fflush(stdout) == EOF;
        if (!escapes)
            fputs(argv[i], stdout);
        if (i + 1 < argc)
            putchar(' ');
    }
    if (newline)
        putchar('\n');
    return fflush(stdout) == EOF ? 1 : 0;
}

/* ---------------------------------------------------------------- printf */

/* The same engine as /bin/printf (user/common/printf_cmd.c). */
int builtin_printf(int argc, char **argv)
{
    int status = printf_command(argc, argv);
    fflush(stdout);
    return status;
}

/* ---------------------------------------------------------------- read */

/* One line from fd 0, without its newline.  Without -r, \ escapes the next
 * character (escaped[i] notes it) and \newline goes on to the next line.
 * Returns -1 at the end of input with nothing read, 1 at the end after
 * some, 128 + n if a trapped signal n interrupted, 0 otherwise. */
static int read_line(int raw, struct buf *line, struct buf *escaped)
{
    int got = 0;

    for (;;) {
        char c;
        ssize_t n = read(0, &c, 1);
        if (n < 0 && errno == EINTR) {
            int sig = pending_trap_signal();
            if (sig)
                return 128 + sig;
            continue;
        }
        if (n <= 0)
            return got ? 1 : -1;
        got = 1;
        if (c == '\n')
            return 0;
        if (c == '\\' && !raw) {
            if (read(0, &c, 1) <= 0)
                return 1;
            if (c == '\n')
                continue;
            buf_putc(line, c);
            buf_putc(escaped, 1);
            continue;
        }
        buf_putc(line, c);
        buf_putc(escaped, 0);
    }
}

static int in_ifs(const char *ifs, char c, int esc)
{
    return !esc && c && strchr(ifs, c);
}

static int ifs_white(const char *ifs, char c, int esc)
{
    return in_ifs(ifs, c, esc) && (c == ' ' || c == '\t' || c == '\n');
}

/* The delimiter between two fields at p: blanks of $IFS, or one other
 * $IFS character with blanks around it (only_blanks: the start of the
 * line, where only the blanks go).  Returns where the next field starts. */
static size_t skip_delimiter(const char *ifs, const char *s, const char *esc, size_t len, size_t p,
                             int only_blanks)
{
    while (p < len && ifs_white(ifs, s[p], esc[p]))
        p++;
    if (!only_blanks && p < len && in_ifs(ifs, s[p], esc[p])) {
        p++;
        while (p < len && ifs_white(ifs, s[p], esc[p]))
            p++;
    }
    return p;
}

/* read [-r] [-p prompt] NAME...: the line split at $IFS, one field a
 * name, the last name takes the rest.  No name: all of it in REPLY. */
int builtin_read(int argc, char **argv)
{
    int raw = 0, i = 1;

    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "-r") == 0)
            raw = 1;
        else if (strcmp(argv[i], "-p") == 0 && i + 1 < argc)
            fprintf(stderr, "%s", argv[++i]);
        else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else {
            complain("read: %s: invalid option", argv[i]);
            return 2;
        }
    }
    char *reply[] = { "REPLY" };
    char **names = i < argc ? argv + i : reply;
    int nnames = i < argc ? argc - i : 1;
    for (int k = 0; k < nnames; k++) {
        if (!valid_name(names[k], strlen(names[k]))) {
            complain("read: `%s': not a valid identifier", names[k]);
            return 2;
        }
    }

    struct buf line = { 0 }, esc = { 0 };
    fflush(stdout);
    int r = read_line(raw, &line, &esc);
    if (r > 1) {
        buf_free(&line);
        buf_free(&esc);
        return r;
    }
    const char *ifsv = get_var("IFS");
    const char *ifs = i < argc ? (ifsv ? ifsv : " \t\n") : "";   /* REPLY: the line as it is */
    const char *s = line.s ? line.s : "", *e = esc.s ? esc.s : "";
    size_t len = line.len, p = skip_delimiter(ifs, s, e, len, 0, 1);

    for (int k = 0; k < nnames; k++) {
        struct buf value = { 0 };
        size_t end = p;
        while (end < len && !in_ifs(ifs, s[end], e[end]))
            end++;
        if (k == nnames - 1 && skip_delimiter(ifs, s, e, len, end, 0) < len) {
            /* the last name takes the rest, but no blanks at its end */
            end = len;
            while (end > p && ifs_white(ifs, s[end - 1], e[end - 1]))
                end--;
        }
        buf_putn(&value, s + p, end - p);
        p = skip_delimiter(ifs, s, e, len, end, 0);
        int failed = set_var(names[k], value.s ? value.s : "", 0) < 0;
        buf_free(&value);
        if (failed) {
            r = 2;
            break;
        }
    }
    buf_free(&line);
    buf_free(&esc);
    return r == 0 ? 0 : r == 2 ? 2 : 1;
}
