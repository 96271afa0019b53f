/* printf(1): print arguments under the control of a format.
 *
 *   printf FORMAT [ARGUMENT...]
 *
 * The format is C's, for the shell: ordinary characters are copied,
 * backslash escapes are turned into the characters they name, and each
 * %-directive prints the next argument (POSIX printf(1); output as GNU
 * coreutils' printf gives it in the C locale):
 *
 *   %d %i          a signed integer      %u %o %x %X   an unsigned one
 *   %f %e %g (F E G) a floating-point number, in long double precision
 *   %c             the first character   %s            the string
 *   %b             the string with its backslash escapes expanded
 *   %%             a '%'
 *
 * with C's flags (- + space # 0; ' is accepted and changes nothing),
 * a width and a precision, either of them "*" to take it from the next
 * argument.  Length modifiers (h l L j z t) are accepted and ignored.
 * A numeric argument is C's constant: 10, 010 (octal), 0x10 (hex), or a
 * quote and a character ('A is 65).  Escapes: \\ \" \a \b \c (stop all
 * output) \e \f \n \r \t \v, \NNN in octal (1 to 3 digits; in %b
 * arguments \0NNN), \xHH in hex.
 *
 * The format is used again as long as arguments remain; a missing
 * argument counts as 0 or "".  An argument that is not a number is
 * reported, counts as what could be read of it, and makes the exit
 * status 1; a format that is not valid stops at once with status 1.
 *
 * This is the one printf engine: /bin/printf calls it, and so does the
 * shell for its builtin, so both print the same.  It keeps no state
 * between two calls. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "commands.h"
#include "float_format.h"

/* One call's state. */
struct printf_run {
    char **args;            /* the arguments not used yet */
    int left;               /* how many of them */
    int status;             /* the exit status so far */
    int stop;               /* \c was seen: no more output at all */
};

/* One %-directive, as read from the format. */
struct directive {
    const char *text;       /* where it starts (the '%'), for messages */
    int length;             /* its length, up to and with the conversion */
    char flags[8];          /* of "-+ #0", as a string */
    int width;              /* 0: none */
    int precision;          /* -1: none */
    char conversion;
};

static void report(struct printf_run *run, const char *fmt, const char *what)
{
    fflush(stdout);                         /* the message comes after the output so far */
    fprintf(stderr, "printf: ");
    fprintf(stderr, fmt, what);
    fprintf(stderr, "\n");
    run->status = 1;
}

static const char *next_argument(struct printf_run *run)
{
    if (run->left == 0)
        return NULL;
    run->left--;
    return *run->args++;
}

/* ---------------------------------------------------------------- escapes */

static int is_octal(char c)
{
    return c >= '0' && c <= '7';
}

static int hex_value(char c)
{
    return isdigit((unsigned char)c) ? c - '0' : tolower((unsigned char)c) - 'a' + 10;
}

/* The escape whose backslash is just before p: prints what it stands
 * for and returns how many characters after the backslash it used, or
 * -1 for a \x without digits (reported).  in_argument: %b's rules, where
 * an octal escape is \0NNN. */
static int print_escape(const char *p, int in_argument, struct printf_run *run)
{
    static const char names[] = "\"\\abefnrtv";
    static const char values[] = "\"\\\a\b\033\f\n\r\t\v";
    int value = 0, n = 0;

    if (*p == 'x') {
        while (n < 2 && isxdigit((unsigned char)p[1 + n]))
            value = value * 16 + hex_value(p[1 + n++]);
        if (n == 0) {
            report(run, "%s", "missing hexadecimal number in escape");
            return -1;
        }
        putchar(value);
        return 1 + n;
    }
    if (is_octal(*p)) {
        int skip = in_argument && *p == '0';
        while (n < 3 && is_octal(p[skip + n]))
            value = value * 8 + (p[skip + n++] - '0');
        putchar(value & 0xff);
        return skip + n;
    }
    if (*p == 'c') {
        run->stop = 1;
        return 1;
    }
    const char *known = *p ? strchr(names, *p) : NULL;
    if (known) {
        putchar(values[known - names]);
        return 1;
    }
    putchar('\\');                          /* not an escape: kept as it is */
    if (*p) {
        putchar(*p);
        return 1;
    }
    return 0;
}

/* Prints s, with its escapes expanded (%b, and the format itself).
 * Returns -1 after a bad escape. */
static int print_escaped(const char *s, int in_argument, struct printf_run *run)
{
    while (*s && !run->stop) {
        if (*s != '\\') {
            putchar(*s++);
            continue;
        }
        int used = print_escape(s + 1, in_argument, run);
        if (used < 0)
            return -1;
        s += 1 + used;
    }
    return 0;
}

/* ---------------------------------------------------------------- arguments */

/* 'A or "A: the character's value.  Returns 1 if s is such a constant. */
static int character_constant(const char *s, long long *value)
{
    if ((s[0] != '\'' && s[0] != '"') || s[1] == '\0')
        return 0;
    *value = (unsigned char)s[1];
    if (s[2]) {
        fflush(stdout);
        fprintf(stderr, "printf: warning: %s: character(s) following character constant "
                "have been ignored\n", s + 2);
    }
    return 1;
}

/* After strtoll and its like: was all of s a number? */
static void check_number(const char *s, const char *end, struct printf_run *run)
{
    if (errno == ERANGE)
        report(run, "'%s': Numerical result out of range", s);
    else if (*end && end == s)
        report(run, "'%s': expected a numeric value", s);
    else if (*end)
        report(run, "'%s': value not completely converted", s);
}

static long long signed_argument(struct printf_run *run)
{
    const char *s = next_argument(run);
    long long value;
    char *end;

    if (!s)
        return 0;
    if (character_constant(s, &value))
        return value;
    errno = 0;
    value = strtoll(s, &end, 0);
    check_number(s, end, run);
    return value;
}

static unsigned long long unsigned_argument(struct printf_run *run)
{
    const char *s = next_argument(run);
    unsigned long long value;
    long long c;
    char *end;

    if (!s)
        return 0;
    if (character_constant(s, &c))
        return c;
    errno = 0;
    value = strtoull(s, &end, 0);
    check_number(s, end, run);
    return value;
}

static long double float_argument(struct printf_run *run)
{
    const char *s = next_argument(run);
    long double value;
    long long c;
    char *end;

    if (!s)
        return 0;
    if (character_constant(s, &c))
        return c;
    errno = 0;
    value = strtold(s, &end);
    check_number(s, end, run);
    return value;
}

/* A width or precision given as "*".  Returns 0, or -1 (reported) when
 * it does not fit an int. */
static int star_argument(struct printf_run *run, const char *what, int *value)
{
    const char *s = run->left ? run->args[0] : "";
    long long v = signed_argument(run);

    if (v < -INT_MAX || v > INT_MAX) {
        report(run, what, s);
        return -1;
    }
    *value = (int)v;
    return 0;
}

/* ---------------------------------------------------------------- directives */

static int has_flag(const struct directive *d, char flag)
{
    return strchr(d->flags, flag) != NULL;
}

/* C's rules, which GNU printf enforces: which flags and a precision each
 * conversion may have. */
static int directive_valid(const struct directive *d, int thousands, int has_precision)
{
    char c = d->conversion;

    if (!c || !strchr("diouxXfFeEgGcs", c))
        return 0;
    if (thousands && strchr("ceEsoxX", c))
        return 0;
    if (has_flag(d, '#') && strchr("cdisu", c))
        return 0;
    if (has_flag(d, '0') && strchr("cs", c))
        return 0;
    return !(has_precision && c == 'c');
}

static int read_number(const char **p)
{
    long n = 0;

    while (isdigit((unsigned char)**p)) {
        if (n <= INT_MAX / 10)
            n = n * 10 + (*(*p)++ - '0');
        else
            (*p)++;
    }
    return n > INT_MAX ? INT_MAX : (int)n;
}

/* Reads the directive after the '%' at p, taking "*" widths and
 * precisions from the arguments.  Returns 0, or -1 (reported). */
static int read_directive(const char *p, struct directive *d, struct printf_run *run)
{
    int nflags = 0, thousands = 0;
    const char *start = p - 1;

    *d = (struct directive){ .text = start, .precision = -1 };
    for (; *p && strchr("-+ #0'", *p); p++) {
        if (*p == '\'')
            thousands = 1;                  /* grouping: nothing to group in the C locale */
        else if (nflags < (int)sizeof(d->flags) - 2)    /* room for a '-' from "*" */
            d->flags[nflags++] = *p;
    }
    int width_star = *p == '*', precision_star = 0;
    if (width_star)
        p++;
    else
        d->width = read_number(&p);
    int has_precision = *p == '.';
    if (has_precision) {
        p++;
        precision_star = *p == '*';
        if (precision_star)
            p++;
        else
            d->precision = read_number(&p);
    }
    while (*p && strchr("hlLjzt", *p))
        p++;
    d->conversion = *p;
    d->length = (int)(p - start) + (*p != '\0');
    if (!directive_valid(d, thousands, has_precision)) {
        fflush(stdout);
        fprintf(stderr, "printf: %.*s: invalid conversion specification\n", d->length, start);
        run->status = 1;
        return -1;
    }
    if (width_star && star_argument(run, "invalid field width: '%s'", &d->width) < 0)
        return -1;
    if (precision_star && star_argument(run, "invalid precision: '%s'", &d->precision) < 0)
        return -1;
    if (d->width < 0) {                     /* "*" of a negative number: flush left */
        d->width = -d->width;
        strcat(d->flags, "-");
    }
    if (d->precision < -1)
        d->precision = -1;
    return 0;
}

/* A libc format for d's flags, then "*.*" (the width and precision are
 * passed as arguments: a precision of -1 means none, as in C), then the
 * length and the conversion. */
static void libc_format(const struct directive *d, const char *length, char *out, size_t size)
{
    snprintf(out, size, "%%%s*.*%s%c", d->flags, length, d->conversion);
}

static void print_integer(const struct directive *d, struct printf_run *run)
{
    char fmt[32];

    libc_format(d, "ll", fmt, sizeof(fmt));
    if (d->conversion == 'd' || d->conversion == 'i')
        printf(fmt, d->width, d->precision, signed_argument(run));
    else
        printf(fmt, d->width, d->precision, unsigned_argument(run));
}

static void print_text(const struct directive *d, struct printf_run *run)
{
    const char *s = next_argument(run);
    char fmt[32];

    if (!s)
        s = "";
    libc_format(d, "", fmt, sizeof(fmt));
    if (d->conversion == 'c')
        printf(fmt, d->width, d->precision, s[0]);
    else
        printf(fmt, d->width, d->precision, s);
}

static void put_repeated(char c, int n)
{
    while (n-- > 0)
        putchar(c);
}

/* Floating point: format_float's digits, with the sign and padding
 * added here as C's printf adds them. */
static int print_float(const struct directive *d, struct printf_run *run)
{
    long double x = float_argument(run);
    char *digits = format_float(x, d->conversion, d->precision, has_flag(d, '#'));

    if (!digits) {
        report(run, "%s", "out of memory");
        return -1;
    }
    const char *sign = __builtin_signbitl(x) ? "-" : has_flag(d, '+') ? "+"
                     : has_flag(d, ' ') ? " " : "";
    int len = strlen(sign) + strlen(digits);
    int fill = d->width > len ? d->width - len : 0;
    int left = has_flag(d, '-');
    int zeros = has_flag(d, '0') && !left && __builtin_isfinite(x);

    if (!left && !zeros)
        put_repeated(' ', fill);
    fputs(sign, stdout);
    if (zeros)
        put_repeated('0', fill);
    fputs(digits, stdout);
    if (left)
        put_repeated(' ', fill);
    free(digits);
    return 0;
}

/* Prints one directive (p is just after its '%'); returns how many
 * characters of the format it used, or -1 when the format is not valid. */
static int print_directive(const char *p, struct printf_run *run)
{
    struct directive d;

    if (*p == '%') {
        putchar('%');
        return 1;
    }
    if (*p == 'b') {
        const char *s = next_argument(run);
        return s && print_escaped(s, 1, run) < 0 ? -1 : 1;
    }
    if (read_directive(p, &d, run) < 0)
        return -1;
    if (strchr("cs", d.conversion))
        print_text(&d, run);
    else if (strchr("fFeEgG", d.conversion)) {
        if (print_float(&d, run) < 0)
            return -1;
    } else
        print_integer(&d, run);
    return d.length - 1;
}

/* The format, once.  Returns -1 when it is not valid (or a bad escape). */
static int print_format(const char *format, struct printf_run *run)
{
    const char *p = format;

    while (*p && !run->stop) {
        int used;
        if (*p == '\\')
            used = print_escape(p + 1, 0, run);
        else if (*p == '%')
            used = print_directive(p + 1, run);
        else {
            putchar(*p++);
            continue;
        }
        if (used < 0)
            return -1;
        p += 1 + used;
    }
    return 0;
}

int printf_command(int argc, char **argv)
{
    struct printf_run run = { 0 };

    if (argc > 1 && strcmp(argv[1], "--") == 0) {
        argc--;
        argv++;
    }
    if (argc < 2) {
        fprintf(stderr, "printf: missing operand\nusage: printf FORMAT [ARGUMENT...]\n");
        return 1;
    }
    run.args = argv + 2;
    run.left = argc - 2;
    for (;;) {
        int before = run.left;
        if (print_format(argv[1], &run) < 0) {
            run.status = 1;
            break;
        }
        if (run.stop || run.left == 0)
            break;
        if (run.left == before) {           /* no directive took one: they would loop */
            fflush(stdout);
            fprintf(stderr, "printf: warning: ignoring excess arguments, starting with '%s'\n",
                    run.args[0]);
            break;
        }
    }
    fflush(stdout);
    return run.status;
}
