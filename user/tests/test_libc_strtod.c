/* strtod and strtold: the number forms, where parsing stops, infinity
 * and NaN, and errno at the ends of the range.  The values are compared
 * exactly: each is one a correctly rounded reading gives. */
#include <errno.h>
#include <minnow/test.h>
#include <stdlib.h>

/* strtold(s) must give want, stop after `used` characters and leave
 * errno as want_errno. */
static void expect(const char *name, const char *s, long double want, int used, int want_errno)
{
    char *end;

    errno = 0;
    long double got = strtold(s, &end);
    int same = got == want || (got != got && want != want);     /* NaN equals nothing */
    check(same && end == s + used && errno == want_errno, name,
          "strtold(\"%s\"): %s, used %d, errno %d; want used %d, errno %d",
          s, same ? "right value" : "wrong value", (int)(end - s), errno, used, want_errno);
}

int main(void)
{
    expect("strtold_integer", "42", 42.0L, 2, 0);
    expect("strtold_fraction", "3.25", 3.25L, 4, 0);
    expect("strtold_sign_space_exponent", "  -2.5e3xyz", -2500.0L, 8, 0);
    expect("strtold_leading_point", ".5", 0.5L, 2, 0);
    expect("strtold_trailing_point", "5.", 5.0L, 2, 0);
    expect("strtold_tenth", "0.1", 0.1L, 3, 0);
    expect("strtold_small", "1e-20", 1e-20L, 5, 0);
    expect("strtold_many_zeros", "0.000123", 0.000123L, 8, 0);
    expect("strtold_19_digits", "1234567890123456789", 1234567890123456789.0L, 19, 0);
    expect("strtold_exponent_needs_digits", "1e+", 1.0L, 1, 0);
    expect("strtold_no_number", "abc", 0.0L, 0, 0);
    expect("strtold_point_alone", ".", 0.0L, 0, 0);
    expect("strtold_inf", "-Infinity!", -__builtin_infl(), 9, 0);
    expect("strtold_inf_short", "inf", __builtin_infl(), 3, 0);
    expect("strtold_nan", "nan", __builtin_nanl(""), 3, 0);
    expect("strtold_overflow", "1e5000", __builtin_infl(), 6, ERANGE);
    expect("strtold_underflow", "1e-5000", 0.0L, 7, ERANGE);

    char *end;
    errno = 0;
    double d = strtod("1e300", &end);
    check(d == 1e300 && *end == '\0' && errno == 0, "strtod_double", "errno %d", errno);
    errno = 0;
    d = strtod("1e400", &end);
    check(d == __builtin_inf() && errno == ERANGE, "strtod_overflow_past_double",
          "errno %d", errno);
    return test_exit_code();
}
