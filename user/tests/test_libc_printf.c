/* printf and friends: every conversion, flag, width, precision and size,
 * checked against the exact string it must produce. */
#include <fcntl.h>
#include <limits.h>
#include <minnow/test.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Formats with snprintf and compares with what C says the result is. */
static void expect(const char *name, const char *want, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void expect(const char *name, const char *want, const char *fmt, ...)
{
    char got[200];
    va_list ap;

    va_start(ap, fmt);
    int n = vsnprintf(got, sizeof(got), fmt, ap);
    va_end(ap);
    check(strcmp(got, want) == 0 && n == (int)strlen(want), name,
          "format \"%s\": got \"%s\" (%d), want \"%s\"", fmt, got, n, want);
}

static void conversions(void)
{
    expect("printf_d", "42", "%d", 42);
    expect("printf_d_negative", "-17", "%d", -17);
    expect("printf_d_int_min", "-2147483648", "%d", INT_MIN);
    expect("printf_i", "-5", "%i", -5);
    expect("printf_u", "4294967295", "%u", 4294967295u);
    expect("printf_x", "ff", "%x", 255);
    expect("printf_X", "DEADBEEF", "%X", 0xdeadbeefu);
    expect("printf_o", "377", "%o", 255);
    expect("printf_alt_x", "0xff", "%#x", 255);
    expect("printf_alt_o", "0377", "%#o", 255);
    expect("printf_c", "A", "%c", 'A');
    expect("printf_s", "hello", "%s", "hello");
    const char *volatile nothing = NULL;    /* volatile: the compiler would object */
    expect("printf_s_null", "(null)", "%s", nothing);
    expect("printf_p", "0x1234", "%p", (void *)0x1234);
    expect("printf_percent", "100%", "%d%%", 100);
    expect("printf_mixed", "a=1 b=two c=3", "a=%d b=%s c=%c", 1, "two", '3');
}

static void widths_and_flags(void)
{
    expect("printf_width", "   42", "%5d", 42);
    expect("printf_left", "42   |", "%-5d|", 42);
    expect("printf_zero", "00042", "%05d", 42);
    expect("printf_zero_negative", "-0042", "%05d", -42);
    expect("printf_width_small", "123456", "%3d", 123456);
    expect("printf_plus", "+5", "%+d", 5);
    expect("printf_space", " 5", "% d", 5);
    expect("printf_star", "    7", "%*d", 5, 7);
    expect("printf_star_negative", "7    |", "%*d|", -5, 7);
    expect("printf_s_width", "   ab", "%5s", "ab");
    expect("printf_s_left", "ab   |", "%-5s|", "ab");
    expect("printf_c_width", "  x", "%3c", 'x');
    expect("printf_x_width", "000000ff", "%08x", 255);
}

static void precisions(void)
{
    expect("printf_prec_d", "007", "%.3d", 7);
    expect("printf_prec_width", "     007", "%8.3d", 7);
    expect("printf_prec_zero_value", "", "%.0d", 0);
    expect("printf_prec_s", "hel", "%.3s", "hello");
    expect("printf_prec_s_width", "   he", "%5.2s", "hello");
    expect("printf_prec_star", "hel", "%.*s", 3, "hello");
}

static void sizes(void)
{
    expect("printf_ld", "2147483647", "%ld", LONG_MAX);
    expect("printf_lu", "4294967295", "%lu", ULONG_MAX);
    expect("printf_lld", "-9223372036854775808", "%lld", LLONG_MIN);
    expect("printf_llu", "18446744073709551615", "%llu", ULLONG_MAX);
    expect("printf_llx", "123456789abcdef0", "%llx", 0x123456789abcdef0ULL);
    expect("printf_hd", "-2", "%hd", (short)-2);
    expect("printf_hhu", "200", "%hhu", (unsigned char)200);
    /* The value is passed as an int; h and hh cut it down to the size
     * (not written as a literal format, which the compiler would refuse) */
    char got[16];
    const char *hd = "%hd", *hhd = "%hhd";
    snprintf(got, sizeof(got), hd, 65537);
    check(!strcmp(got, "1"), "printf_h_cuts", "got \"%s\"", got);
    snprintf(got, sizeof(got), hhd, 300);
    check(!strcmp(got, "44"), "printf_hh_cuts", "got \"%s\"", got);
    expect("printf_zu", "12", "%zu", (size_t)12);
    /* %zd is ssize_t's conversion: ssize_t must be the signed twin of
     * size_t, int on i386 as in glibc (expect's format attribute makes
     * the compiler refuse this line if it is long again). */
    expect("printf_zd_ssize_t", "-21", "%zd", (ssize_t)-21);
}

/* snprintf stores at most n - 1 characters but returns the full length. */
static void snprintf_limits(void)
{
    char buf[8];

    memset(buf, 'X', sizeof(buf));
    int n = snprintf(buf, 5, "hello world");
    check(n == 11 && strcmp(buf, "hell") == 0 && buf[5] == 'X', "snprintf_truncate",
          "n=%d buf=\"%s\"", n, buf);
    n = snprintf(NULL, 0, "%d", 12345);
    check(n == 5, "snprintf_null", "n=%d", n);
    n = sprintf(buf, "%s-%d", "ab", 9);
    check(n == 4 && strcmp(buf, "ab-9") == 0, "sprintf", "n=%d buf=\"%s\"", n, buf);
}

/* fprintf to a file and dprintf to a pipe, read back. */
static void to_files(void)
{
    char name[64], got[64] = "";

    snprintf(name, sizeof(name), "/tmp/test_printf.%d", getpid());
    FILE *f = fopen(name, "w");
    int n = f ? fprintf(f, "%s %d\n", "line", 1) : -1;
    if (f)
        fclose(f);
    int fd = open(name, O_RDONLY);
    ssize_t got_n = fd >= 0 ? read(fd, got, sizeof(got) - 1) : -1;
    if (fd >= 0)
        close(fd);
    got[got_n > 0 ? got_n : 0] = '\0';
    check(n == 7 && strcmp(got, "line 1\n") == 0, "fprintf_file",
          "n=%d file=\"%s\"", n, got);
    unlink(name);

    int p[2];
    if (pipe(p) < 0) {
        check(0, "dprintf_pipe", "pipe failed");
        return;
    }
    n = dprintf(p[1], "%x-%o", 255, 8);
    got_n = read(p[0], got, sizeof(got) - 1);
    got[got_n > 0 ? got_n : 0] = '\0';
    check(n == 5 && strcmp(got, "ff-10") == 0, "dprintf_pipe", "n=%d got=\"%s\"", n, got);
    close(p[0]);
    close(p[1]);
}

int main(void)
{
    conversions();
    widths_and_flags();
    precisions();
    sizes();
    snprintf_limits();
    to_files();
    return test_exit_code();
}
