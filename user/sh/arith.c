/* arith.c: $(( expression )), the C operators on longs.
 *
 * Recursive descent, one function per level of precedence, lowest first:
 *
 *   assignment   x = e, x += e, ... (and the rest of C's assignments)
 *   ternary      c ? a : b
 *   || && | ^ &  == !=  < <= > >=  << >>  + -  * / %
 *   unary        + - ! ~
 *   primary      123 0x1f 017, a variable's name (no $ needed), ( e )
 *
 * While the side of && || ?: that does not count is read, "skip" is set:
 * it is parsed but changes nothing, and may divide by zero. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

struct arith {
    const char *p;
    int skip;
    int depth;          /* ( nesting: limited, like the shell's own */
    int error;
};

static long assignment(struct arith *a);

static void skip_blanks(struct arith *a)
{
    while (isspace((unsigned char)*a->p))
        a->p++;
}

static void fail(struct arith *a, const char *why)
{
    if (!a->error)
        complain("arithmetic: %s", why);
    a->error = 1;
}

/* The operator op next?  Then step over it.  ("<" must not match "<<".) */
static int accept(struct arith *a, const char *op)
{
    size_t n = strlen(op);

    skip_blanks(a);
    if (strncmp(a->p, op, n) != 0)
        return 0;
    if (n == 1 && strchr("<>&|", op[0]) && a->p[1] == op[0])
        return 0;
    if (strchr("<>!=", op[0]) && n == 1 && a->p[1] == '=')
        return 0;
    if (n == 1 && strchr("+-*/%&|^", op[0]) && a->p[1] == '=')
        return 0;
    if (n == 2 && op[0] == op[1] && strchr("<>", op[0]) && a->p[2] == '=')
        return 0;
    a->p += n;
    return 1;
}

/* A number as C writes it: 10, 0x1A, 017. */
static int parse_number(const char *s, long *value)
{
    char *end;

    while (isspace((unsigned char)*s))
        s++;
    if (!*s) {
        *value = 0;
        return 0;
    }
    *value = strtol(s, &end, 0);
    while (isspace((unsigned char)*end))
        end++;
    return *end ? -1 : 0;
}

static long variable_value(struct arith *a, const char *name)
{
    const char *v = get_var(name);
    long value;

    if (!v && option(OPT_NOUNSET) && !a->skip)
        fail(a, "a variable is not set");
    if (parse_number(v ? v : "", &value) < 0) {
        fail(a, "a variable's value is not a number");
        return 0;
    }
    return value;
}

static long primary(struct arith *a)
{
    skip_blanks(a);
    if (accept(a, "(")) {
        if (++a->depth > 1000) {
            fail(a, "parentheses nested too deeply");
            return 0;
        }
        long v = assignment(a);
        a->depth--;
        if (!accept(a, ")"))
            fail(a, "missing )");
        return v;
    }
    if (isdigit((unsigned char)*a->p)) {
        char *end;
        long v = strtol(a->p, &end, 0);
        if (isalnum((unsigned char)*end) || *end == '_')
            fail(a, "bad number");
        a->p = end;
        return v;
    }
    if (isalpha((unsigned char)*a->p) || *a->p == '_') {
        const char *start = a->p;
        while (isalnum((unsigned char)*a->p) || *a->p == '_')
            a->p++;
        char *name = scratch_strndup(start, (size_t)(a->p - start));
        return variable_value(a, name);
    }
    fail(a, *a->p ? "syntax error" : "an operand is missing");
    return 0;
}

static long unary(struct arith *a)
{
    if (accept(a, "+"))
        return unary(a);
    if (accept(a, "-"))
        return -unary(a);
    if (accept(a, "!"))
        return !unary(a);
    if (accept(a, "~"))
        return ~unary(a);
    return primary(a);
}

static long divide(struct arith *a, long x, long y, int remainder)
{
    if (y == 0) {
        if (!a->skip)
            fail(a, "division by zero");
        return 0;
    }
    if (y == -1)
        return remainder ? 0 : -x;      /* LONG_MIN / -1 would trap */
    return remainder ? x % y : x / y;
}

static long multiplicative(struct arith *a)
{
    long v = unary(a);
    for (;;) {
        if (accept(a, "*"))
            v *= unary(a);
        else if (accept(a, "/"))
            v = divide(a, v, unary(a), 0);
        else if (accept(a, "%"))
            v = divide(a, v, unary(a), 1);
        else
            return v;
    }
}

static long additive(struct arith *a)
{
    long v = multiplicative(a);
    for (;;) {
        if (accept(a, "+"))
            v += multiplicative(a);
        else if (accept(a, "-"))
            v -= multiplicative(a);
        else
            return v;
    }
}

static long shift(struct arith *a)
{
    long v = additive(a);
    for (;;) {
        if (accept(a, "<<"))
            v = (long)((unsigned long)v << (additive(a) & 31));
        else if (accept(a, ">>"))
            v >>= (additive(a) & 31);
        else
            return v;
    }
}

static long relational(struct arith *a)
{
    long v = shift(a);
    for (;;) {
        if (accept(a, "<="))
            v = v <= shift(a);
        else if (accept(a, ">="))
            v = v >= shift(a);
        else if (accept(a, "<"))
            v = v < shift(a);
        else if (accept(a, ">"))
            v = v > shift(a);
        else
            return v;
    }
}

static long equality(struct arith *a)
{
    long v = relational(a);
    for (;;) {
        if (accept(a, "=="))
            v = v == relational(a);
        else if (accept(a, "!="))
            v = v != relational(a);
        else
            return v;
    }
}

static long bit_and(struct arith *a)
{
    long v = equality(a);
    while (accept(a, "&"))
        v &= equality(a);
    return v;
}

static long bit_xor(struct arith *a)
{
    long v = bit_and(a);
    while (accept(a, "^"))
        v ^= bit_and(a);
    return v;
}

static long bit_or(struct arith *a)
{
    long v = bit_xor(a);
    while (accept(a, "|"))
        v |= bit_xor(a);
    return v;
}

static long logical_and(struct arith *a)
{
    long v = bit_or(a);
    while (accept(a, "&&")) {
        a->skip += !v;
        long w = bit_or(a);
        a->skip -= !v;
        v = v && w;
    }
    return v;
}

static long logical_or(struct arith *a)
{
    long v = logical_and(a);
    while (accept(a, "||")) {
        a->skip += !!v;
        long w = logical_and(a);
        a->skip -= !!v;
        v = v || w;
    }
    return v;
}

static long ternary(struct arith *a)
{
    long c = logical_or(a);

    if (!accept(a, "?"))
        return c;
    a->skip += !c;
    long x = assignment(a);
    a->skip -= !c;
    if (!accept(a, ":"))
        fail(a, "missing : after ?");
    a->skip += !!c;
    long y = ternary(a);
    a->skip -= !!c;
    return c ? x : y;
}

/* x op= value: the new value of x. */
static long apply(struct arith *a, const char *op, long x, long y)
{
    switch (op[0]) {
    case '=': return y;
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/': return divide(a, x, y, 0);
    case '%': return divide(a, x, y, 1);
    case '<': return (long)((unsigned long)x << (y & 31));
    case '>': return x >> (y & 31);
    case '&': return x & y;
    case '^': return x ^ y;
    default:  return x | y;
    }
}

static long assignment(struct arith *a)
{
    static const char *const ops[] = { "<<=", ">>=", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "=", NULL };
    const char *start;

    skip_blanks(a);
    start = a->p;
    if (isalpha((unsigned char)*a->p) || *a->p == '_') {
        const char *q = a->p;
        while (isalnum((unsigned char)*q) || *q == '_')
            q++;
        const char *name_end = q;
        while (isspace((unsigned char)*q))
            q++;
        for (int i = 0; ops[i]; i++) {
            size_t n = strlen(ops[i]);
            if (strncmp(q, ops[i], n) != 0 || (n == 1 && q[1] == '='))
                continue;
            char *name = scratch_strndup(start, (size_t)(name_end - start));
            a->p = q + n;
            long x = i < 10 ? variable_value(a, name) : 0;
            long v = apply(a, ops[i], x, assignment(a));
            if (!a->skip && !a->error) {
                char num[24];
                snprintf(num, sizeof(num), "%ld", v);
                if (set_var(name, num, 0) < 0)
                    a->error = 1;
            }
            return v;
        }
    }
    return ternary(a);
}

int arith_eval(const char *expr, long *value)
{
    struct arith a = { .p = expr };

    *value = assignment(&a);
    skip_blanks(&a);
    if (*a.p && !a.error)
        fail(&a, "syntax error");
    return a.error ? -1 : 0;
}
