/* String functions that only the C library has (lib/string.c, shared
 * with the kernel, has the rest): the ones that need malloc or keep
 * state, and the case-insensitive comparisons. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

char *strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);

    if (copy)
        memcpy(copy, s, n);
    return copy;
}

/* A copy of at most n characters, always terminated. */
char *strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *copy = malloc(len + 1);

    if (copy) {
        memcpy(copy, s, len);
        copy[len] = '\0';
    }
    return copy;
}

/* Splits s into tokens separated by any of the characters in delim.  The
 * first call passes the string, later calls NULL; *save remembers where
 * the next token starts.  The string is changed: each separator after a
 * token becomes '\0'. */
char *strtok_r(char *s, const char *delim, char **save)
{
    if (!s)
        s = *save;
    if (!s)
        return NULL;
    s += strspn(s, delim);                 /* skip leading separators */
    if (!*s) {
        *save = NULL;
        return NULL;
    }
    char *end = s + strcspn(s, delim);
    if (*end) {
        *end = '\0';
        *save = end + 1;
    } else {
        *save = NULL;
    }
    return s;
}

/* strtok keeps its place in a static variable: one string at a time
 * (strtok_r does not have that limit). */
char *strtok(char *s, const char *delim)
{
    static char *save;

    return strtok_r(s, delim, &save);
}

int strncasecmp(const char *a, const char *b, size_t n)
{
    for (; n > 0; a++, b++, n--) {
        int ca = tolower((unsigned char)*a), cb = tolower((unsigned char)*b);
        if (ca != cb || ca == '\0')
            return ca - cb;
    }
    return 0;
}

int strcasecmp(const char *a, const char *b)
{
    return strncasecmp(a, b, (size_t)-1);
}
