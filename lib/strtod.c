/* Floating-point numbers from strings: strtold, strtod.
 *
 *   [white space] [+|-] digits [. digits] [e|E [+|-] digits]
 *   [white space] [+|-] (inf | infinity | nan)       (any case)
 *
 * *end is set just past what was used (to s itself if there was no
 * number).  The first 19 significant digits are kept exactly, in a 64-bit
 * integer; the value is that integer times (or divided by) a power of
 * ten, in the x87's 64-bit precision.  Powers of ten up to 10^27 are
 * exact there, so a number of at most 19 digits with an exponent of at
 * most 27 either way is read correctly rounded (one rounding); beyond
 * that the power is rounded too, and the result may be off by a unit or
 * two in its last bit.  A result too large for the type is infinity, one too
 * small is 0, both with errno ERANGE.  Hexadecimal numbers are not read. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

enum { KEPT_DIGITS = 19, EXPONENT_LIMIT = 100000 };

/* If s starts with word (any case), the length of word, else 0. */
static int starts_with_word(const char *s, const char *word)
{
    int i = 0;

    while (word[i] && tolower((unsigned char)s[i]) == word[i])
        i++;
    return word[i] ? 0 : i;
}

static long double power_of_ten(int n)
{
    long double result = 1, square = 10;

    for (; n > 0; n >>= 1) {
        if (n & 1)
            result *= square;
        square *= square;
    }
    return result;
}

/* "e-12" after the digits: the exponent, with *p moved past it; 0 (and
 * *p unmoved) when what follows the 'e' is not an exponent. */
static int read_exponent(const char **p)
{
    const char *q = *p + 1;
    int negative = 0, value = 0;

    if (**p != 'e' && **p != 'E')
        return 0;
    if (*q == '+' || *q == '-')
        negative = *q++ == '-';
    if (!isdigit((unsigned char)*q))
        return 0;
    for (; isdigit((unsigned char)*q); q++)
        if (value < EXPONENT_LIMIT)
            value = value * 10 + (*q - '0');
    *p = q;
    return negative ? -value : value;
}

long double strtold(const char *s, char **end)
{
    const char *p = s;
    int negative = 0, any = 0, kept = 0, exp10 = 0, n;
    uint64_t mantissa = 0;
    long double value;

    if (end)
        *end = (char *)s;
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '+' || *p == '-')
        negative = *p++ == '-';
    if ((n = starts_with_word(p, "infinity")) || (n = starts_with_word(p, "inf")) ||
        (n = starts_with_word(p, "nan"))) {
        value = tolower((unsigned char)*p) == 'i' ? __builtin_infl() : __builtin_nanl("");
        if (end)
            *end = (char *)p + n;
        return negative ? -value : value;
    }
    for (int fraction = 0;; p++) {
        if (*p == '.' && !fraction) {
            fraction = 1;
            continue;
        }
        if (!isdigit((unsigned char)*p))
            break;
        any = 1;
        if (kept < KEPT_DIGITS && (mantissa || *p != '0')) {
            mantissa = mantissa * 10 + (*p - '0');
            kept++;
            exp10 -= fraction;
        } else if (kept == 0) {
            exp10 -= fraction;              /* 0.00ddd: a zero after the point */
        } else if (!fraction) {
            exp10++;                        /* a digit past the 19th, before the point */
        }
    }
    if (!any)
        return 0;
    exp10 += read_exponent(&p);
    if (end)
        *end = (char *)p;
    value = mantissa;
    if (exp10 > 0)
        value *= power_of_ten(exp10 < EXPONENT_LIMIT ? exp10 : EXPONENT_LIMIT);
    else if (exp10 < 0)
        value /= power_of_ten(-exp10 < EXPONENT_LIMIT ? -exp10 : EXPONENT_LIMIT);
    if (__builtin_isinf(value) || (value == 0 && mantissa != 0))
        errno = ERANGE;                     /* infinity, or all digits lost */
    return negative ? -value : value;
}

double strtod(const char *s, char **end)
{
    long double value = strtold(s, end);
    double d = (double)value;

    if (__builtin_isinf(d) && !__builtin_isinf(value))
        errno = ERANGE;                     /* fits a long double, not a double */
    return d;
}
