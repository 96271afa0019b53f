/* strtol and its family: bases, prefixes, signs, where parsing stops,
 * and what happens at and beyond the limits of each type. */
#include <errno.h>
#include <limits.h>
#include <minnow/test.h>
#include <stdlib.h>

/* strtol of s in base must give want, stop after `used` characters and
 * leave errno as want_errno (0: unchanged). */
static void expect_long(const char *name, const char *s, int base, long want,
                        int used, int want_errno)
{
    char *end;

    errno = 0;
    long got = strtol(s, &end, base);
    check(got == want && end == s + used && errno == want_errno, name,
          "strtol(\"%s\", %d) = %ld, used %d, errno %d; want %ld, %d, %d",
          s, base, got, (int)(end - s), errno, want, used, want_errno);
}

static void bases(void)
{
    expect_long("strtol_decimal", "  -42abc", 10, -42, 5, 0);
    expect_long("strtol_plus", "+7", 10, 7, 2, 0);
    expect_long("strtol_space", " \t\n12", 10, 12, 5, 0);
    expect_long("strtol_base0_hex", "0x1A", 0, 26, 4, 0);
    expect_long("strtol_base0_octal", "0755", 0, 493, 4, 0);
    expect_long("strtol_base0_decimal", "99", 0, 99, 2, 0);
    expect_long("strtol_base16_prefix", "0Xff", 16, 255, 4, 0);
    expect_long("strtol_base16_noprefix", "ff", 16, 255, 2, 0);
    expect_long("strtol_hex_prefix_alone", "0x", 0, 0, 1, 0);
    expect_long("strtol_base2", "1011", 2, 11, 4, 0);
    expect_long("strtol_base2_stop", "1021", 2, 2, 2, 0);
    expect_long("strtol_base36", "zZ", 36, 1295, 2, 0);
    expect_long("strtol_no_digits", "  -x", 10, 0, 0, 0);
    expect_long("strtol_empty", "", 10, 0, 0, 0);
}

static void limits(void)
{
    expect_long("strtol_max", "2147483647", 10, LONG_MAX, 10, 0);
    expect_long("strtol_overflow", "2147483648", 10, LONG_MAX, 10, ERANGE);
    expect_long("strtol_min", "-2147483648", 10, LONG_MIN, 11, 0);
    expect_long("strtol_underflow", "-2147483649", 10, LONG_MIN, 11, ERANGE);
    expect_long("strtol_huge", "99999999999999999999x", 10, LONG_MAX, 20, ERANGE);

    char *end;
    errno = 0;
    unsigned long ul = strtoul("4294967295", &end, 10);
    check(ul == ULONG_MAX && errno == 0, "strtoul_max", "%lu errno %d", ul, errno);
    ul = strtoul("4294967296", &end, 10);
    check(ul == ULONG_MAX && errno == ERANGE, "strtoul_overflow", "%lu errno %d", ul, errno);
    errno = 0;
    ul = strtoul("-1", &end, 10);
    check(ul == ULONG_MAX && errno == 0, "strtoul_minus_one", "%lu errno %d", ul, errno);

    long long ll = strtoll("9223372036854775807", &end, 10);
    check(ll == LLONG_MAX && errno == 0, "strtoll_max", "%lld errno %d", ll, errno);
    ll = strtoll("-9223372036854775808", &end, 10);
    check(ll == LLONG_MIN && errno == 0, "strtoll_min", "%lld errno %d", ll, errno);
    ll = strtoll("9223372036854775808", &end, 10);
    check(ll == LLONG_MAX && errno == ERANGE, "strtoll_overflow", "%lld errno %d", ll, errno);
    errno = 0;
    unsigned long long ull = strtoull("18446744073709551615", &end, 10);
    check(ull == ULLONG_MAX && errno == 0, "strtoull_max", "%llu errno %d", ull, errno);
    ull = strtoull("ffffffffffffffff", &end, 16);
    check(ull == ULLONG_MAX && *end == '\0', "strtoull_hex", "%llx", ull);
    ull = strtoull("18446744073709551616", &end, 10);
    check(ull == ULLONG_MAX && errno == ERANGE, "strtoull_overflow", "%llu errno %d", ull, errno);
}

static void others(void)
{
    char *end;

    errno = 0;
    long v = strtol("12", &end, 1);
    check(v == 0 && errno == EINVAL, "strtol_bad_base", "%ld errno %d", v, errno);
    v = strtol("12", NULL, 10);
    check(v == 12, "strtol_null_end", "%ld", v);
    check(atoi("  -123xyz") == -123 && atoi("abc") == 0, "atoi", "%d", atoi("  -123xyz"));
    check(atol("77") == 77 && atoll("-5000000000") == -5000000000LL, "atol_atoll", "wrong");
    check(abs(-3) == 3 && abs(4) == 4 && labs(-70000L) == 70000L && llabs(-1LL) == 1,
          "abs", "wrong");
    div_t d = div(17, 5);
    check(d.quot == 3 && d.rem == 2, "div", "%d %d", d.quot, d.rem);
}

int main(void)
{
    bases();
    limits();
    others();
    return test_exit_code();
}
