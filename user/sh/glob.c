/* glob.c: patterns -- * ? [...] -- for file names and for case.
 *
 *   *        any characters, also none
 *   ?        one character
 *   [abc]    one of them; [a-z] a range; [!a-z] or [^a-z] none of them;
 *            [[:digit:]] and the other classes of <ctype.h>
 *   \c       c itself (expand.c puts a \ before every quoted * ? [ ] \)
 *
 * For file names, a pattern is matched one path component at a time,
 * reading each directory with opendir/readdir: for the pattern src/x*.c
 * it lists src/ and keeps the names that match "x*.c".  A name starting with '.' is matched
 * only by a pattern that starts with '.' too (so * skips dotfiles), and
 * the names come out sorted. */
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "sh.h"

int has_glob_chars(const char *p)
{
    for (; *p; p++) {
        if (*p == '\\' && p[1])
            p++;
        else if (*p == '*' || *p == '?' || *p == '[')
            return 1;
    }
    return 0;
}

static int in_class(const char *name, size_t n, unsigned char c)
{
    static const struct { const char *name; int (*test)(int); } classes[] = {
        { "alpha", isalpha }, { "digit", isdigit }, { "alnum", isalnum }, { "upper", isupper },
        { "lower", islower }, { "space", isspace }, { "punct", ispunct }, { "xdigit", isxdigit },
        { "print", isprint }, { "graph", isgraph }, { "cntrl", iscntrl },
    };
    for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
        if (strlen(classes[i].name) == n && strncmp(classes[i].name, name, n) == 0)
            return classes[i].test(c) != 0;
    return c == ' ' || c == '\t' ? (n == 5 && strncmp(name, "blank", 5) == 0) : 0;
}

/* [...] at p (just after the '['): does c match?  *end is after the ']',
 * or NULL when there is no ']' (then '[' is an ordinary character). */
static int bracket(const char *p, unsigned char c, const char **end)
{
    int negate = *p == '!' || *p == '^', found = 0;

    if (negate)
        p++;
    const char *start = p;
    while (*p && (*p != ']' || p == start)) {
        if (p[0] == '[' && p[1] == ':') {
            const char *close = strstr(p + 2, ":]");
            if (close) {
                found |= in_class(p + 2, (size_t)(close - p - 2), c);
                p = close + 2;
                continue;
            }
        }
        unsigned char lo = (unsigned char)*p;
        if (lo == '\\' && p[1])
            lo = (unsigned char)*++p;
        p++;
        unsigned char hi = lo;
        if (p[0] == '-' && p[1] && p[1] != ']') {
            hi = (unsigned char)p[1];
            if (hi == '\\' && p[2])
                hi = (unsigned char)*++p;
            p += 2;
        }
        if (lo <= c && c <= hi)
            found = 1;
    }
    *end = *p == ']' ? p + 1 : NULL;
    return found != negate;
}

/* Does the one-character element at p (? [...] \c or c) match c?  *next
 * is set after the element either way. */
static int match_one(const char *p, unsigned char c, const char **next)
{
    if (*p == '?') {
        *next = p + 1;
        return 1;
    }
    if (*p == '[') {
        int ok = bracket(p + 1, c, next);
        if (*next)
            return ok;
        /* no ']': an ordinary '[' */
    }
    if (*p == '\\' && p[1]) {
        *next = p + 2;
        return (unsigned char)p[1] == c;
    }
    *next = p + 1;
    return (unsigned char)*p == c;
}

int pattern_match(const char *p, const char *s)
{
    const char *star = NULL, *star_s = NULL;

    for (;;) {
        const char *next;
        if (*p == '*') {
            while (*p == '*')
                p++;
            star = p;                   /* come back here if what follows fails */
            star_s = s;
            continue;
        }
        if (!*p && !*s)
            return 1;
        if (*p && *s && match_one(p, (unsigned char)*s, &next)) {
            p = next;
            s++;
            continue;
        }
        if (!star || !*star_s)
            return 0;
        p = star;                       /* the * takes one more character */
        s = ++star_s;
    }
}

/* ---------------------------------------------------------------- file names */

static int compare(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A pattern component without its backslashes: a directory's real name. */
static char *unescape(const char *p, size_t n)
{
    char *s = scratch_alloc(n + 1), *q = s;

    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\\' && i + 1 < n)
            i++;
        *q++ = p[i];
    }
    return s;
}

static void glob_in(const char *dir, const char *pattern, struct fields *out);

/* One directory entry matched the component; go on with the rest. */
static void matched(const char *path, const char *rest, struct fields *out)
{
    if (!*rest) {
        fields_add(out, scratch_strdup(path));
        return;
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        glob_in(path, rest, out);
}

static char *join_path(const char *dir, const char *name, size_t n)
{
    size_t dl = strlen(dir);
    char *path = scratch_alloc(dl + n + 2);

    memcpy(path, dir, dl);
    if (dl && dir[dl - 1] != '/')
        path[dl++] = '/';
    memcpy(path + dl, name, n);
    return path;
}

/* dir is "" for the current directory. */
static void glob_in(const char *dir, const char *pattern, struct fields *out)
{
    while (*pattern == '/')
        pattern++;
    const char *slash = pattern;
    while (*slash && *slash != '/') {
        if (*slash == '\\' && slash[1])
            slash++;
        slash++;
    }
    size_t n = (size_t)(slash - pattern);
    char *component = scratch_strndup(pattern, n);
    const char *rest = slash;

    if (!has_glob_chars(component)) {           /* no need to read the directory */
        char *name = unescape(pattern, n);
        char *path = join_path(dir, name, strlen(name));
        struct stat st;
        if (lstat(path, &st) == 0 || *rest)
            matched(path, rest, out);
        return;
    }
    DIR *d = opendir(*dir ? dir : ".");
    if (!d)
        return;
    struct fields found = { 0 };
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.' && component[0] != '.')
            continue;
        if (pattern_match(component, de->d_name))
            fields_add(&found, scratch_strdup(de->d_name));
    }
    closedir(d);
    if (found.n > 1)
        qsort(found.v, (size_t)found.n, sizeof(char *), compare);
    for (int i = 0; i < found.n; i++)
        matched(join_path(dir, found.v[i], strlen(found.v[i])), rest, out);
}

int glob_expand(const char *pattern, struct fields *out)
{
    int before = out->n;

    glob_in(pattern[0] == '/' ? "/" : "", pattern, out);
    return out->n - before;
}
