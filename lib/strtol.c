/* Numbers from strings: strtol and its family, atoi.
 *
 * All of them are one function, to_number, that reads
 *     [white space] [+|-] [0x|0X|0] digits
 * in a base from 2 to 36 (letters are digits 10..35), or base 0: decimal,
 * octal after a leading 0, hex after 0x.  *end is set just past the last
 * digit used (to s itself if there was no number).  A value that does not
 * fit is clamped to the type's limit, with errno ERANGE. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

static int digit_value(int c)
{
    if (isdigit(c))
        return c - '0';
    if (isalpha(c))
        return tolower(c) - 'a' + 10;
    return 99;
}

struct number {
    unsigned long long magnitude;   /* the value without its sign */
    int negative;                   /* there was a '-' */
    int overflow;                   /* it was bigger than the caller's limit */
};

/* Reads the number; a magnitude above max_magnitude is an overflow. */
static struct number to_number(const char *s, char **end, int base,
                               unsigned long long max_magnitude)
{
    struct number num = { 0, 0, 0 };
    const char *p = s;
    int any = 0;

    if (end)
        *end = (char *)s;
    if (base < 0 || base == 1 || base > 36) {
        errno = EINVAL;
        return num;
    }
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '+' || *p == '-')
        num.negative = (*p++ == '-');
    /* "0x" counts as a prefix only if a hex digit follows it */
    if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
        digit_value((unsigned char)p[2]) < 16) {
        p += 2;
        base = 16;
    } else if (base == 0) {
        base = (p[0] == '0') ? 8 : 10;
    }
    unsigned long long limit = max_magnitude / (unsigned)base;
    unsigned last = (unsigned)(max_magnitude % (unsigned)base);
    for (; digit_value((unsigned char)*p) < base; p++) {
        unsigned d = (unsigned)digit_value((unsigned char)*p);
        any = 1;
        if (num.magnitude > limit || (num.magnitude == limit && d > last))
            num.overflow = 1;                 /* keep reading the digits */
        else
            num.magnitude = num.magnitude * (unsigned)base + d;
    }
    if (end && any)
        *end = (char *)p;
    if (num.overflow)
        errno = ERANGE;
    return num;
}

/* The signed ones allow one more below zero than above: LONG_MIN. */
static long long to_signed(const char *s, char **end, int base,
                           long long min, long long max)
{
    unsigned long long max_negative = (unsigned long long)max + 1;
    struct number num = to_number(s, end, base, max_negative);

    if (num.negative)
        return num.overflow ? min : (long long)(0 - num.magnitude);
    if (num.overflow || num.magnitude > (unsigned long long)max) {
        errno = ERANGE;
        return max;
    }
    return (long long)num.magnitude;
}

/* The unsigned ones accept a '-' and negate, as C says: "-1" is the
 * largest value. */
static unsigned long long to_unsigned(const char *s, char **end, int base,
                                      unsigned long long max)
{
    struct number num = to_number(s, end, base, max);

    if (num.overflow)
        return max;
    if (num.negative)
        return (0 - num.magnitude) & max;
    return num.magnitude;
}

long strtol(const char *s, char **end, int base)
{
    return (long)to_signed(s, end, base, LONG_MIN, LONG_MAX);
}

long long strtoll(const char *s, char **end, int base)
{
    return to_signed(s, end, base, LLONG_MIN, LLONG_MAX);
}

unsigned long strtoul(const char *s, char **end, int base)
{
    return (unsigned long)to_unsigned(s, end, base, ULONG_MAX);
}

unsigned long long strtoull(const char *s, char **end, int base)
{
    return to_unsigned(s, end, base, ULLONG_MAX);
}

int atoi(const char *s)
{
    return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
    return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
    return strtoll(s, NULL, 10);
}
