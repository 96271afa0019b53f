/* mode.c: file modes as chmod(1) writes them -- octal, or POSIX's
 * symbolic clauses, separated by commas:
 *
 *   [ugoa...] (+|-|=) [rwxXst...  or one of u g o] ...
 *
 * chmod(1) explains what each letter means; the shell's umask builtin
 * reads its symbolic masks with the same code. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "mode.h"

#define ALL_BITS (S_ISUID | S_ISGID | S_ISVTX | 0777)

/* The bits a who letter is about: its rwx and its special bit. */
static mode_t who_bits(char who)
{
    switch (who) {
    case 'u': return S_ISUID | S_IRWXU;
    case 'g': return S_ISGID | S_IRWXG;
    case 'o': return S_ISVTX | S_IRWXO;
    default:  return ALL_BITS;
    }
}

static mode_t perm_bits(char perm, mode_t mode, int is_dir)
{
    switch (perm) {
    case 'r': return 0444;
    case 'w': return 0222;
    case 'x': return 0111;
    case 'X': return is_dir || (mode & 0111) ? 0111 : 0;
    case 's': return S_ISUID | S_ISGID;
    default:  return S_ISVTX;             /* t */
    }
}

/* "g=u": the rwx of one class, given to all three (who then picks). */
static mode_t copied_bits(char from, mode_t mode)
{
    int shift = from == 'u' ? 6 : from == 'g' ? 3 : 0;

    return ((mode >> shift) & 7) * 0111;
}

/* One clause, "go-w+x", at *p; applies it to *mode.  Returns 0, or -1
 * when it is not a clause. */
static int apply_clause(const char **p, mode_t *mode, int is_dir, mode_t umask)
{
    mode_t who = 0;

    for (; **p && strchr("ugoa", **p); (*p)++)
        who |= who_bits(**p);
    int masked = who == 0;                  /* no who: all, less the umask */
    if (masked)
        who = ALL_BITS;
    if (!**p || !strchr("+-=", **p))
        return -1;                          /* at least one action */
    while (**p && strchr("+-=", **p)) {
        char op = *(*p)++;
        mode_t perm = 0, cleared = who;
        if (**p && strchr("ugo", **p))
            perm = copied_bits(*(*p)++, *mode);
        else
            for (; **p && strchr("rwxXst", **p); (*p)++)
                perm |= perm_bits(**p, *mode, is_dir);
        if (is_dir && !(perm & S_ISUID))
            cleared &= ~(S_ISUID | S_ISGID);    /* a directory keeps them unless s is named */
        perm &= who;
        if (masked)
            perm &= ~umask;
        if (op == '+')
            *mode |= perm;
        else if (op == '-')
            *mode &= ~perm;
        else
            *mode = (*mode & ~cleared) | perm;
    }
    return 0;
}

static int is_octal_mode(const char *s)
{
    return *s && strspn(s, "01234567") == strlen(s);
}

/* mode.h says what it does. */
int new_mode(const char *spec, mode_t mode, int is_dir, mode_t umask, mode_t *out)
{
    mode &= ALL_BITS;
    if (is_octal_mode(spec)) {
        unsigned long value = strtoul(spec, NULL, 8);
        if (value > ALL_BITS)
            return -1;
        *out = value;
        if (is_dir && strlen(spec) < 5)
            *out |= mode & (S_ISUID | S_ISGID);
        return 0;
    }
    const char *p = spec;
    for (;;) {
        if (apply_clause(&p, &mode, is_dir, umask) < 0)
            return -1;
        if (*p == '\0')
            break;
        if (*p++ != ',' || *p == '\0')
            return -1;
    }
    *out = mode;
    return 0;
}

