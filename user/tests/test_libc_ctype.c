/* The character classes, checked against their definition for all 256
 * byte values and EOF. */
#include <ctype.h>
#include <minnow/test.h>
#include <stdio.h>

static int in(int c, const char *set)
{
    for (; *set; set++)
        if (*set == c)
            return 1;
    return 0;
}

int main(void)
{
    const char *punct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    int bad = -1;

    for (int c = 0; c < 256 && bad < 0; c++) {
        int upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
        int digit = c >= '0' && c <= '9';
        if (!!isupper(c) != upper || !!islower(c) != lower || !!isdigit(c) != digit ||
            !!isalpha(c) != (upper || lower) || !!isalnum(c) != (upper || lower || digit) ||
            !!isxdigit(c) != (digit || in(c, "abcdefABCDEF")) ||
            !!isspace(c) != (c != 0 && in(c, " \t\n\v\f\r")) ||
            !!ispunct(c) != (c != 0 && in(c, punct)) ||
            !!isprint(c) != (c >= 32 && c < 127) || !!isgraph(c) != (c > 32 && c < 127) ||
            !!iscntrl(c) != (c < 32 || c == 127))
            bad = c;
    }
    check(bad < 0, "ctype_classes", "wrong for character %d", bad);
    check(!isalpha(EOF) && !isspace(EOF) && !isdigit(EOF), "ctype_eof", "EOF in a class");
    check(toupper('a') == 'A' && toupper('Z') == 'Z' && toupper('1') == '1' &&
          tolower('Q') == 'q' && tolower('q') == 'q' && tolower(EOF) == EOF,
          "ctype_case", "toupper/tolower wrong");
    return test_exit_code();
}
