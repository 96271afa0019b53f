/* A long double written as printf's %e, %f and %g write it, digit for
 * digit as glibc does.
 *
 * Every finite binary number is a finite decimal one: m * 2^e is
 * m * 2^e exactly when e >= 0, and m * 5^-e / 10^-e when e < 0.  So the
 * value's decimal digits are computed exactly, with a big integer kept in
 * base 10^9 (multiplying it by small numbers is all that is needed), and
 * then rounded once, to nearest, a tie to the even digit -- which is what
 * glibc prints.  Approximate methods (multiplying by 10 in floating
 * point) would be wrong in the last digits that %.20f shows.
 *
 * The x87 long double (what GNU printf(1) uses) has a 64-bit significand
 * with its leading bit stored, and a 15-bit exponent biased by 16383. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "float_format.h"

enum { BASE = 1000000000, BASE_DIGITS = 9, EXP_BIAS = 16383, MANT_BITS = 64 };

/* The value's digits: value = 0.DIGITS * 10^point.  No leading or trailing
 * zeros; len 0 is zero. */
struct decimal {
    char *buffer;        /* what was allocated: digits, after one spare byte */
    char *digits;        /* digits[-1] exists: room for a carry out of the top */
    int len;
    int point;
};

/* A big natural number, least significant limb first, base 10^9. */
struct bignum {
    uint32_t *limb;
    int n;
};

static void big_multiply(struct bignum *b, uint32_t factor)
{
    uint64_t carry = 0;

    for (int i = 0; i < b->n; i++) {
        uint64_t cur = (uint64_t)b->limb[i] * factor + carry;
        b->limb[i] = cur % BASE;
        carry = cur / BASE;
    }
    while (carry) {
        b->limb[b->n++] = carry % BASE;
        carry /= BASE;
    }
}

/* b * base^times, in steps whose product still fits in a 64-bit number. */
static void big_multiply_power(struct bignum *b, uint32_t base, int times)
{
    uint32_t step = 1;
    int k = 0;

    while (step <= (1u << 30) / base) {     /* the largest power below 2^30 */
        step *= base;
        k++;
    }
    for (; times >= k; times -= k)
        big_multiply(b, step);
    while (times-- > 0)
        big_multiply(b, base);
}

/* The limbs written out in decimal, most significant first, into
 * out (which has room for 9 digits a limb); returns how many. */
static int big_to_digits(const struct bignum *b, char *out)
{
    int len = 0;

    for (int i = b->n - 1; i >= 0; i--) {
        char tmp[BASE_DIGITS];
        uint32_t v = b->limb[i];
        for (int j = BASE_DIGITS - 1; j >= 0; j--) {
            tmp[j] = '0' + v % 10;
            v /= 10;
        }
        int skip = 0;
        if (len == 0)                       /* no leading zeros */
            while (skip < BASE_DIGITS - 1 && tmp[skip] == '0')
                skip++;
        memcpy(out + len, tmp + skip, BASE_DIGITS - skip);
        len += BASE_DIGITS - skip;
    }
    return len;
}

/* The exact digits of m * 2^e.  0 on success, -1 when out of memory. */
static int exact_decimal(uint64_t m, int e, struct decimal *d)
{
    *d = (struct decimal){ 0 };
    if (m == 0)
        e = 0;
    while (m && !(m & 1) && e < 0) {        /* fewer fives to multiply by */
        m >>= 1;
        e++;
    }
    int magnitude = e < 0 ? -e : e;
    int limbs = (magnitude * 7 / 10 + 40) / BASE_DIGITS + 2;
    struct bignum b = { malloc(limbs * sizeof(uint32_t)), 0 };
    d->buffer = malloc(limbs * BASE_DIGITS + 2);
    if (!b.limb || !d->buffer) {
        free(b.limb);
        free(d->buffer);
        return -1;
    }
    d->digits = d->buffer + 1;              /* digits[-1]: room for a carry */
    while (m) {
        b.limb[b.n++] = m % BASE;
        m /= BASE;
    }
    big_multiply_power(&b, e < 0 ? 5 : 2, magnitude);
    d->len = big_to_digits(&b, d->digits);
    d->point = e < 0 ? d->len + e : d->len;
    free(b.limb);
    while (d->len > 0 && d->digits[d->len - 1] == '0')
        d->len--;
    return 0;
}

static int any_nonzero(const char *s, int len)
{
    for (int i = 0; i < len; i++)
        if (s[i] != '0')
            return 1;
    return 0;
}

/* Keeps the first `keep` digits (keep may be 0 or less: then only a
 * round up to one unit of the digit before the first can remain). */
static void round_decimal(struct decimal *d, int keep)
{
    if (keep >= d->len)
        return;
    if (keep < 0) {
        d->len = 0;                         /* below half a unit: zero */
        return;
    }
    char first_dropped = d->digits[keep];
    int last_kept_odd = keep > 0 && (d->digits[keep - 1] - '0') % 2;
    int up = first_dropped > '5' ||
             (first_dropped == '5' &&
              (any_nonzero(d->digits + keep + 1, d->len - keep - 1) || last_kept_odd));
    d->len = keep;
    if (up) {
        int i = keep - 1;
        while (i >= 0 && d->digits[i] == '9')
            d->digits[i--] = '0';
        if (i >= 0) {
            d->digits[i]++;
        } else {                            /* 999 -> 1000: one more digit */
            d->digits--;
            d->digits[0] = '1';
            d->len++;
            d->point++;
        }
    }
    while (d->len > 0 && d->digits[d->len - 1] == '0')
        d->len--;
}

static char digit_at(const struct decimal *d, int i)
{
    return i >= 0 && i < d->len ? d->digits[i] : '0';
}

/* %f of a decimal already rounded to `precision` places. */
static char *put_fixed(char *out, const struct decimal *d, int precision, int alt)
{
    if (d->len == 0 || d->point <= 0)
        *out++ = '0';
    else
        for (int i = 0; i < d->point; i++)
            *out++ = digit_at(d, i);
    if (precision > 0 || alt)
        *out++ = '.';
    for (int i = 0; i < precision; i++)
        *out++ = digit_at(d, d->point + i);
    return out;
}

/* %e of a decimal already rounded to precision + 1 digits. */
static char *put_exponent(char *out, const struct decimal *d, int precision, int alt, int upper)
{
    int exp10 = d->len ? d->point - 1 : 0;

    *out++ = digit_at(d, 0);
    if (precision > 0 || alt)
        *out++ = '.';
    for (int i = 1; i <= precision; i++)
        *out++ = digit_at(d, i);
    *out++ = upper ? 'E' : 'e';
    *out++ = exp10 < 0 ? '-' : '+';
    if (exp10 < 0)
        exp10 = -exp10;
    char tmp[8];
    int n = 0;
    do {
        tmp[n++] = '0' + exp10 % 10;
        exp10 /= 10;
    } while (exp10);
    if (n < 2)
        tmp[n++] = '0';                     /* at least two exponent digits */
    while (n)
        *out++ = tmp[--n];
    return out;
}

/* %g without '#': the fraction's trailing zeros go, and a bare '.'. */
static char *strip_fraction_zeros(char *start, char *end)
{
    char *dot = memchr(start, '.', end - start);
    if (!dot)
        return end;
    char *exp = dot;
    while (exp < end && *exp != 'e' && *exp != 'E')
        exp++;
    char *cut = exp;
    while (cut > dot + 1 && cut[-1] == '0')
        cut--;
    if (cut == dot + 1)
        cut = dot;
    memmove(cut, exp, end - exp);
    return cut + (end - exp);
}

/* The significand and binary exponent of |x|: |x| = m * 2^e. */
static void split(long double x, uint64_t *m, int *e, int *biased)
{
    unsigned char bytes[sizeof(long double)];
    uint16_t sign_exp;

    memcpy(bytes, &x, sizeof(x));
    memcpy(m, bytes, 8);
    memcpy(&sign_exp, bytes + 8, 2);
    *biased = sign_exp & 0x7fff;
    /* exponent 0 (subnormal numbers) counts as 1: no hidden bit there */
    *e = (*biased ? *biased : 1) - EXP_BIAS - (MANT_BITS - 1);
}

/* Infinity has only the integer bit (the top one) set; NaN has more. */
static char *special(uint64_t m, int upper)
{
    int infinite = (m << 1) == 0;

    return strdup(infinite ? (upper ? "INF" : "inf") : (upper ? "NAN" : "nan"));
}

char *format_float(long double x, char conversion, int precision, int alt)
{
    int upper = conversion == 'E' || conversion == 'F' || conversion == 'G';
    char kind = conversion | 0x20;          /* e, f or g */
    uint64_t m;
    int e, biased;
    struct decimal d;

    split(x, &m, &e, &biased);
    if (biased == 0x7fff)
        return special(m, upper);
    if (precision < 0)
        precision = 6;
    if (exact_decimal(m, e, &d) < 0)
        return NULL;

    int use_exponent = kind == 'e';
    if (kind == 'g') {
        int significant = precision ? precision : 1;
        round_decimal(&d, significant);
        int exp10 = d.len ? d.point - 1 : 0;
        use_exponent = !(exp10 < significant && exp10 >= -4);
        precision = use_exponent ? significant - 1 : significant - 1 - exp10;
    } else {
        round_decimal(&d, use_exponent ? precision + 1 : d.point + precision);
    }

    int int_digits = d.point > 0 ? d.point : 1;
    size_t size = (size_t)precision + (use_exponent ? 16 : (size_t)int_digits + 4);
    char *out = malloc(size);
    if (out) {
        char *end = use_exponent ? put_exponent(out, &d, precision, alt, upper)
                                 : put_fixed(out, &d, precision, alt);
        if (kind == 'g' && !alt)
            end = strip_fraction_zeros(out, end);
        *end = '\0';
    }
    free(d.buffer);
    return out;
}
