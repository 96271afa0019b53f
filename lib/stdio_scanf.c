/* The scanf family: reading values by a format.
 *
 *   %d %i %u %x %X %o %p   integers (%i: base from the prefix, 0x.. or 0..)
 *   %s                     a word: characters up to the next white space
 *   %c                     exactly width characters (default 1), spaces too
 *   %[abc] %[^abc] %[a-z]  the longest run of characters from a set
 *   %n                     how many characters were consumed so far
 *   %%                     a '%'
 * with an optional '*' (read but do not store), a width (the most
 * characters to read) and a size: hh h l ll (j z t as l or ll).
 *
 * White space in the format matches any amount of white space in the
 * input, none included; every conversion except %c %[ %n first skips
 * white space itself.  The result is the number of values stored, or EOF
 * if the input ended before the first conversion.
 *
 * The same code reads from a stream (one fgetc at a time, and ungetc for
 * the one character of lookahead) or from a string. */
#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include "stdio_impl.h"

struct input {
    FILE *stream;               /* reading a stream... */
    const char *s;              /* ...or, if stream is NULL, a string */
    int count;                  /* characters consumed, for %n */
    int at_end;                 /* the input has ended */
};

static int next(struct input *in)
{
    int c;

    if (in->stream)
        c = fgetc(in->stream);
    else
        c = *in->s ? (unsigned char)*in->s++ : EOF;
    if (c == EOF)
        in->at_end = 1;
    else
        in->count++;
    return c;
}

/* Gives back the one character of lookahead. */
static void back(struct input *in, int c)
{
    if (c == EOF)
        return;
    in->count--;
    if (in->stream)
        ungetc(c, in->stream);
    else
        in->s--;
}

static void skip_space(struct input *in)
{
    int c;

    do
        c = next(in);
    while (c != EOF && isspace(c));
    back(in, c);
}

/* The next character if the field's width allows one more, else EOF. */
static int take(struct input *in, int *left)
{
    if (*left == 0)
        return EOF;
    (*left)--;
    return next(in);
}

static int digit_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* An integer in the given base (0: decimal, or octal after "0", or hex
 * after "0x"), at most width characters.  Returns 0 if there were no
 * digits (a matching failure). */
static int scan_integer(struct input *in, int width, int base,
                        unsigned long long *value)
{
    unsigned long long v = 0;
    int negative = 0, digits = 0;
    int c = take(in, &width);

    if (c == '+' || c == '-') {
        negative = (c == '-');
        c = take(in, &width);
    }
    if (c == '0' && (base == 0 || base == 16)) {
        digits = 1;                               /* "0" alone is a number */
        c = take(in, &width);
        if (c == 'x' || c == 'X') {
            base = 16;
            c = take(in, &width);
        } else if (base == 0) {
            base = 8;
        }
    }
    if (base == 0)
        base = 10;
    while (c != EOF && digit_value(c) < base) {
        v = v * (unsigned)base + (unsigned)digit_value(c);
        digits++;
        c = take(in, &width);
    }
    back(in, c);
    *value = negative ? -v : v;
    return digits > 0;
}

/* Stores an integer through the next pointer argument, of the given size. */
static void store_integer(va_list *ap, int size, unsigned long long v)
{
    switch (size) {
    case -2: *va_arg(*ap, unsigned char *) = (unsigned char)v; break;
    case -1: *va_arg(*ap, unsigned short *) = (unsigned short)v; break;
    case 0:  *va_arg(*ap, unsigned int *) = (unsigned int)v; break;
    case 1:  *va_arg(*ap, unsigned long *) = (unsigned long)v; break;
    default: *va_arg(*ap, unsigned long long *) = v; break;
    }
}

/* Reads the set of a %[...] conversion from the format into in_set[256];
 * returns the format just past the closing ']'. */
static const char *parse_set(const char *fmt, char in_set[256])
{
    int negate = 0;

    if (*fmt == '^') {
        negate = 1;
        fmt++;
    }
    for (int i = 0; i < 256; i++)
        in_set[i] = 0;
    if (*fmt == ']')                              /* "[]...]": ']' is a member */
        in_set[(unsigned char)*fmt++] = 1;
    for (; *fmt && *fmt != ']'; fmt++) {
        unsigned char from = (unsigned char)*fmt;
        if (fmt[1] == '-' && fmt[2] && fmt[2] != ']') {   /* a range a-z */
            unsigned char to = (unsigned char)fmt[2];
            for (unsigned c = from; c <= to; c++)
                in_set[c] = 1;
            fmt += 2;
        } else {
            in_set[from] = 1;
        }
    }
    if (negate)
        for (int i = 0; i < 256; i++)
            in_set[i] = !in_set[i];
    return *fmt == ']' ? fmt + 1 : fmt;
}

/* %s, %c and %[ all read the longest run of accepted characters, at
 * most width of them, into dst (unless dst is NULL); they differ only in
 * which characters they accept, and %c adds no '\0'.  Returns how many
 * characters were read. */
static int scan_chars(struct input *in, int width, const char accept[256],
                      char *dst, int add_nul)
{
    int n = 0;
    int c;

    while ((c = take(in, &width)) != EOF) {
        if (!accept[c]) {
            back(in, c);
            break;
        }
        if (dst)
            dst[n] = (char)c;
        n++;
    }
    if (dst && add_nul)
        dst[n] = '\0';
    return n;
}

/* One conversion's description: %[*][width][size]kind */
struct conversion {
    int suppress;
    int width;                  /* 0: not given */
    int size;                   /* -2 hh, -1 h, 0, 1 l, 2 ll */
    char kind;
};

static const char *parse_conversion(const char *fmt, struct conversion *cv)
{
    *cv = (struct conversion){ 0 };
    if (*fmt == '*') {
        cv->suppress = 1;
        fmt++;
    }
    while (*fmt >= '0' && *fmt <= '9')
        cv->width = cv->width * 10 + (*fmt++ - '0');
    for (;; fmt++) {
        if (*fmt == 'h')
            cv->size--;
        else if (*fmt == 'l')
            cv->size++;
        else if (*fmt == 'j')
            cv->size = 2;
        else if (*fmt == 'z' || *fmt == 't')
            cv->size = 1;
        else
            break;
    }
    cv->kind = *fmt;
    return *fmt ? fmt + 1 : fmt;
}

/* The base of an integer conversion, or -1 if kind is not one. */
static int integer_base(char kind)
{
    switch (kind) {
    case 'd': case 'u': return 10;
    case 'i': return 0;
    case 'o': return 8;
    case 'x': case 'X': case 'p': return 16;
    default: return -1;
    }
}

static int convert_integer(struct input *in, struct conversion *cv, int width,
                           va_list *ap)
{
    unsigned long long v;

    skip_space(in);
    if (!scan_integer(in, width, integer_base(cv->kind), &v))
        return 0;
    if (cv->suppress)
        return 1;
    if (cv->kind == 'p')
        *va_arg(*ap, void **) = (void *)(uintptr_t)v;
    else
        store_integer(ap, cv->size, v);
    return 1;
}

/* Carries out one conversion.  Returns 1 if it succeeded, else 0. */
static int convert(struct input *in, struct conversion *cv, const char **fmt,
                   va_list *ap)
{
    char accept[256];
    int width = cv->width ? cv->width : INT_MAX;

    if (integer_base(cv->kind) >= 0)
        return convert_integer(in, cv, width, ap);
    switch (cv->kind) {
    case 's':                                     /* a word: up to white space */
        skip_space(in);
        for (int c = 0; c < 256; c++)
            accept[c] = !isspace(c);
        return scan_chars(in, width, accept,
                          cv->suppress ? NULL : va_arg(*ap, char *), 1) > 0;
    case 'c':                                     /* exactly width characters, any */
        width = cv->width ? cv->width : 1;
        memset(accept, 1, sizeof(accept));
        return scan_chars(in, width, accept,
                          cv->suppress ? NULL : va_arg(*ap, char *), 0) == width;
    case '[':                                     /* the characters of the set */
        *fmt = parse_set(*fmt, accept);
        return scan_chars(in, width, accept,
                          cv->suppress ? NULL : va_arg(*ap, char *), 1) > 0;
    default:                                      /* not a conversion we know */
        return 0;
    }
}

static int vscan(struct input *in, const char *fmt, va_list ap_in)
{
    int stored = 0, converted = 0, failed = 0;
    struct conversion cv;
    va_list ap;

    va_copy(ap, ap_in);
    while (*fmt) {
        if (isspace((unsigned char)*fmt)) {       /* white space matches white space */
            skip_space(in);
            fmt++;
            continue;
        }
        if (*fmt != '%' || fmt[1] == '%') {       /* a literal character */
            if (*fmt == '%') {
                skip_space(in);
                fmt++;
            }
            int c = next(in);
            if (c != (unsigned char)*fmt) {
                back(in, c);
                failed = 1;
                break;
            }
            fmt++;
            continue;
        }
        fmt = parse_conversion(fmt + 1, &cv);
        if (cv.kind == 'n') {                     /* not a conversion: stores the count */
            if (!cv.suppress)
                store_integer(&ap, cv.size, (unsigned long long)in->count);
            continue;
        }
        if (!convert(in, &cv, &fmt, &ap)) {
            failed = 1;
            break;
        }
        converted++;
        if (!cv.suppress)
            stored++;
    }
    va_end(ap);
    /* The input ended before anything was converted: EOF, so that
     * while (scanf("%d", &n) == 1) and  != EOF  loops both end. */
    if (failed && in->at_end && converted == 0)
        return EOF;
    return stored;
}

int vfscanf(FILE *f, const char *fmt, va_list ap)
{
    struct input in = { .stream = f };
    return vscan(&in, fmt, ap);
}

int vscanf(const char *fmt, va_list ap)
{
    return vfscanf(stdin, fmt, ap);
}

int vsscanf(const char *s, const char *fmt, va_list ap)
{
    struct input in = { .s = s };
    return vscan(&in, fmt, ap);
}

int fscanf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfscanf(f, fmt, ap);
    va_end(ap);
    return n;
}

int scanf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfscanf(stdin, fmt, ap);
    va_end(ap);
    return n;
}

int sscanf(const char *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsscanf(s, fmt, ap);
    va_end(ap);
    return n;
}
