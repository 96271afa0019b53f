/* sscanf and fscanf: conversions, widths, sizes, sets, %n, suppression,
 * white space, and the return value (count of stored values, or EOF). */
#include <minnow/test.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void integers(void)
{
    int a = 0, b = 0;
    unsigned u = 0;

    int n = sscanf("12 -34", "%d %d", &a, &b);
    check(n == 2 && a == 12 && b == -34, "scanf_d", "n=%d a=%d b=%d", n, a, b);
    n = sscanf("  +7", "%d", &a);
    check(n == 1 && a == 7, "scanf_d_plus", "n=%d a=%d", n, a);
    n = sscanf("0x1f 010 9", "%i %i %i", &a, &b, (int *)&u);
    check(n == 3 && a == 31 && b == 8 && u == 9, "scanf_i", "n=%d %d %d %u", n, a, b, u);
    n = sscanf("ff 17 4000000000", "%x %o %u", &a, &b, &u);
    check(n == 3 && a == 255 && b == 15 && u == 4000000000u, "scanf_x_o_u",
          "n=%d %d %d %u", n, a, b, u);
    n = sscanf("12345", "%2d%d", &a, &b);
    check(n == 2 && a == 12 && b == 345, "scanf_width_d", "n=%d a=%d b=%d", n, a, b);
}

static void sizes(void)
{
    long l = 0;
    long long ll = 0;
    short h = 0;
    signed char hh = 0;
    unsigned long long ull = 0;

    int n = sscanf("-2147483648 -9000000000 -300 100 18446744073709551615",
                   "%ld %lld %hd %hhd %llu", &l, &ll, &h, &hh, &ull);
    check(n == 5 && l == -2147483647L - 1 && ll == -9000000000LL && h == -300 &&
          hh == 100 && ull == 18446744073709551615ULL,
          "scanf_sizes", "n=%d l=%ld ll=%lld h=%d hh=%d", n, l, ll, h, hh);
    /* %hhd must write one byte only */
    char bytes[2] = { 'x', 'y' };
    sscanf("5", "%hhd", (signed char *)&bytes[0]);
    check(bytes[0] == 5 && bytes[1] == 'y', "scanf_hh_one_byte", "bytes %d %d", bytes[0], bytes[1]);
}

static void strings(void)
{
    char s1[16] = "", s2[16] = "";
    char c[8] = "zzzzzzz";

    int n = sscanf("  hello world", "%s %s", s1, s2);
    check(n == 2 && !strcmp(s1, "hello") && !strcmp(s2, "world"), "scanf_s",
          "n=%d \"%s\" \"%s\"", n, s1, s2);
    n = sscanf("abcdef", "%3s%s", s1, s2);
    check(n == 2 && !strcmp(s1, "abc") && !strcmp(s2, "def"), "scanf_s_width",
          "n=%d \"%s\" \"%s\"", n, s1, s2);
    n = sscanf(" x", "%c", c);
    check(n == 1 && c[0] == ' ', "scanf_c_no_skip", "n=%d c='%c'", n, c[0]);
    n = sscanf(" x", " %c", c);
    check(n == 1 && c[0] == 'x', "scanf_c_skip", "n=%d c='%c'", n, c[0]);
    n = sscanf("ab cdef", "%5c", c);
    check(n == 1 && !memcmp(c, "ab cdzz", 7), "scanf_c_width", "n=%d c=\"%.7s\"", n, c);
}

static void sets(void)
{
    char word[16] = "", rest[16] = "";
    int num = 0;

    int n = sscanf("abc123", "%[a-z]%s", word, rest);
    check(n == 2 && !strcmp(word, "abc") && !strcmp(rest, "123"), "scanf_set_range",
          "n=%d \"%s\" \"%s\"", n, word, rest);
    n = sscanf("name,5", "%[^,],%d", word, &num);
    check(n == 2 && !strcmp(word, "name") && num == 5, "scanf_set_negated",
          "n=%d \"%s\" %d", n, word, num);
    n = sscanf("]]x", "%[]]", word);
    check(n == 1 && !strcmp(word, "]]"), "scanf_set_bracket", "n=%d \"%s\"", n, word);
    n = sscanf("123", "%[a-z]", word);
    check(n == 0, "scanf_set_empty", "n=%d", n);
}

static void special(void)
{
    int a = 0, b = 0, pos = 0;

    int n = sscanf("10 20", "%d%n %d", &a, &pos, &b);
    check(n == 2 && pos == 2 && b == 20, "scanf_n", "n=%d pos=%d", n, pos);
    n = sscanf("10 20", "%*d %d", &a);
    check(n == 1 && a == 20, "scanf_suppress", "n=%d a=%d", n, a);
    n = sscanf("3-4", "%d-%d", &a, &b);
    check(n == 2 && a == 3 && b == 4, "scanf_literal", "n=%d", n);
    n = sscanf("3+4", "%d-%d", &a, &b);
    check(n == 1, "scanf_literal_mismatch", "n=%d", n);
    n = sscanf("50%", "%d%%", &a);
    check(n == 1 && a == 50, "scanf_percent", "n=%d a=%d", n, a);
    n = sscanf("x  \t\n y", "x y%n", &pos);
    check(n == 0 && pos == 7, "scanf_whitespace", "n=%d pos=%d", n, pos);
}

/* EOF only when the input ends before the first conversion. */
static void return_values(void)
{
    int a = 0, b = 0;

    check(sscanf("", "%d", &a) == EOF, "scanf_eof_empty", "not EOF");
    check(sscanf("   ", "%d", &a) == EOF, "scanf_eof_space", "not EOF");
    check(sscanf("abc", "%d", &a) == 0, "scanf_no_match", "not 0");
    int n = sscanf("5", "%d %d", &a, &b);
    check(n == 1, "scanf_partial", "n=%d", n);
}

/* fscanf reads a stream and leaves the rest in it. */
static void from_file(void)
{
    char name[64], word[16] = "";
    int a = 0, b = 0;

    snprintf(name, sizeof(name), "/tmp/test_scanf.%d", getpid());
    FILE *f = fopen(name, "w+");
    if (!f) {
        check(0, "fscanf", "cannot create %s", name);
        return;
    }
    fputs("7 apples\n8 pears\n", f);
    rewind(f);
    int n1 = fscanf(f, "%d %15s", &a, word);
    int n2 = fscanf(f, "%d", &b);
    int next = fgetc(f);
    int n3 = fscanf(f, "%*s %d", &a);       /* "pears", then the end: 0 stored */
    int n4 = fscanf(f, "%d", &a);           /* nothing left at all: EOF */
    check(n1 == 2 && a == 7 && !strcmp(word, "apples") && n2 == 1 && b == 8 &&
          next == ' ' && n3 == 0 && n4 == EOF, "fscanf",
          "n1=%d n2=%d next=%d n3=%d n4=%d", n1, n2, next, n3, n4);
    fclose(f);
    unlink(name);
}

int main(void)
{
    integers();
    sizes();
    strings();
    sets();
    special();
    return_values();
    from_file();
    return test_exit_code();
}
