/* builtins_test.c: test and [ -- conditions for if and while.
 *
 *   -n s  -z s  s1 = s2  s1 != s2  s1 < s2       strings
 *   n1 -eq n2  -ne -lt -le -gt -ge               integers
 *   -e f  -f f  -d f  -r f  -w f  -x f  -s f ... files, through stat()
 *   ! e   e1 -a e2   e1 -o e2   ( e )            combined
 *
 * The exit status is the answer: 0 true, 1 false, 2 an error.  With up
 * to four arguments POSIX decides by their number (so "test -n" and
 * "test = = =" mean what they look like); more go through a small
 * recursive-descent parser. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "sh.h"

struct test {
    char **args;
    int n, pos;
    int error;
};

static long integer(struct test *t, const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);

    while (*end == ' ' || *end == '\t')
        end++;
    if (!*s || *end) {
        complain("test: %s: integer expression expected", s);
        t->error = 1;
    }
    return v;
}

static int is_unary(const char *op)
{
    return op[0] == '-' && op[1] && !op[2] && strchr("bcdefghLnprsStuwxz", op[1]);
}

static int unary(const char *op, const char *arg)
{
    struct stat st;

    switch (op[1]) {
    case 'n': return *arg != '\0';
    case 'z': return *arg == '\0';
    case 't': return isatty(atoi(arg));
    case 'r': return access(arg, R_OK) == 0;
    case 'w': return access(arg, W_OK) == 0;
    case 'x': return access(arg, X_OK) == 0;
    case 'h':
    case 'L': return lstat(arg, &st) == 0 && S_ISLNK(st.st_mode);
    }
    if (stat(arg, &st) < 0)
        return 0;
    switch (op[1]) {
    case 'e': return 1;
    case 'f': return S_ISREG(st.st_mode);
    case 'd': return S_ISDIR(st.st_mode);
    case 'b': return S_ISBLK(st.st_mode);
    case 'c': return S_ISCHR(st.st_mode);
    case 'p': return S_ISFIFO(st.st_mode);
    case 'S': return S_ISSOCK(st.st_mode);
    case 's': return st.st_size > 0;
    case 'u': return (st.st_mode & 04000) != 0;
    case 'g': return (st.st_mode & 02000) != 0;
    }
    return 0;
}

static int is_binary(const char *op)
{
    static const char *const ops[] = { "=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le",
                                       "-gt", "-ge", "-nt", "-ot", "-ef", NULL };
    for (int i = 0; ops[i]; i++)
        if (strcmp(op, ops[i]) == 0)
            return 1;
    return 0;
}

static int binary(struct test *t, const char *a, const char *op, const char *b)
{
    struct stat sa, sb;

    if (strcmp(op, "=") == 0 || strcmp(op, "==") == 0)
        return strcmp(a, b) == 0;
    if (strcmp(op, "!=") == 0)
        return strcmp(a, b) != 0;
    if (strcmp(op, "<") == 0)
        return strcmp(a, b) < 0;
    if (strcmp(op, ">") == 0)
        return strcmp(a, b) > 0;
    if (op[1] == 'n' && op[2] == 't')
        return stat(a, &sa) == 0 && (stat(b, &sb) < 0 || sa.st_mtime > sb.st_mtime);
    if (op[1] == 'o' && op[2] == 't')
        return stat(b, &sb) == 0 && (stat(a, &sa) < 0 || sa.st_mtime < sb.st_mtime);
    if (op[1] == 'e' && op[2] == 'f')
        return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    long x = integer(t, a), y = integer(t, b);
    switch (op[1] * 256 + op[2]) {
    case 'e' * 256 + 'q': return x == y;
    case 'n' * 256 + 'e': return x != y;
    case 'l' * 256 + 't': return x < y;
    case 'l' * 256 + 'e': return x <= y;
    case 'g' * 256 + 't': return x > y;
    default:              return x >= y;
    }
}

/* ---------------------------------------------------------------- the parser */

static int or_expr(struct test *t);

static const char *peek(struct test *t, int k)
{
    return t->pos + k < t->n ? t->args[t->pos + k] : NULL;
}

static int primary(struct test *t)
{
    const char *a = peek(t, 0), *b = peek(t, 1), *c = peek(t, 2);

    if (!a) {
        complain("test: argument expected");
        t->error = 1;
        return 0;
    }
    if (strcmp(a, "(") == 0 && !(b && is_binary(b) && c && strcmp(c, ")") != 0)) {
        t->pos++;
        int v = or_expr(t);
        if (!peek(t, 0) || strcmp(peek(t, 0), ")") != 0) {
            complain("test: ')' expected");
            t->error = 1;
        }
        t->pos++;
        return v;
    }
    if (b && c && is_binary(b)) {
        t->pos += 3;
        return binary(t, a, b, c);
    }
    if (is_unary(a) && b) {
        t->pos += 2;
        return unary(a, b);
    }
    t->pos++;
    return *a != '\0';
}

static int not_expr(struct test *t)
{
    if (peek(t, 0) && strcmp(peek(t, 0), "!") == 0 && peek(t, 1)) {
        t->pos++;
        return !not_expr(t);
    }
    return primary(t);
}

static int and_expr(struct test *t)
{
    int v = not_expr(t);
    while (peek(t, 0) && strcmp(peek(t, 0), "-a") == 0) {
        t->pos++;
        v = not_expr(t) && v;
    }
    return v;
}

static int or_expr(struct test *t)
{
    int v = and_expr(t);
    while (peek(t, 0) && strcmp(peek(t, 0), "-o") == 0) {
        t->pos++;
        v = and_expr(t) || v;
    }
    return v;
}

/* POSIX's rules for one to four arguments. */
static int by_count(struct test *t, char **a, int n)
{
    switch (n) {
    case 0:
        return 0;
    case 1:
        return *a[0] != '\0';
    case 2:
        if (strcmp(a[0], "!") == 0)
            return *a[1] == '\0';
        if (is_unary(a[0]))
            return unary(a[0], a[1]);
        break;
    case 3:
        if (is_binary(a[1]))
            return binary(t, a[0], a[1], a[2]);
        if (strcmp(a[0], "!") == 0)
            return !by_count(t, a + 1, 2);
        if (strcmp(a[0], "(") == 0 && strcmp(a[2], ")") == 0)
            return *a[1] != '\0';
        break;
    case 4:
        if (strcmp(a[0], "!") == 0)
            return !by_count(t, a + 1, 3);
        if (strcmp(a[0], "(") == 0 && strcmp(a[3], ")") == 0)
            return by_count(t, a + 1, 2);
        break;
    }
    t->pos = 0;
    int v = or_expr(t);
    if (t->pos < t->n && !t->error) {
        complain("test: %s: unexpected operator", t->args[t->pos]);
        t->error = 1;
    }
    return v;
}

int builtin_test(int argc, char **argv)
{
    struct test t = { .args = argv + 1, .n = argc - 1 };

    if (strcmp(argv[0], "[") == 0) {
        if (argc < 2 || strcmp(argv[argc - 1], "]") != 0) {
            complain("[: missing ]");
            return 2;
        }
        t.n--;
    }
    int v = by_count(&t, t.args, t.n);
    return t.error ? 2 : !v;
}
