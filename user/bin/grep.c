/* grep: print the lines that match a pattern.
 *
 *   grep [-v] [-i] [-c] [-n] PATTERN [FILE...]
 *     -v   print the lines that do NOT match
 *     -i   ignore the difference between upper and lower case
 *     -c   print only how many lines matched
 *     -n   put each line's number in front of it
 *
 * The pattern is a small regular expression:
 *     .    any one character
 *     x*   any number (also none) of x; x may be "." or a letter
 *     ^    at the start: the line must begin here
 *     $    at the end: the line must end here
 *     \x   the character x itself, even if it is one of . * ^ $ \
 * Every other character stands for itself, so a plain word simply finds
 * that word anywhere in the line.
 *
 * The exit status is grep's own: 0 if some line was printed (or
 * counted), 1 if none, 2 if a file could not be read. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int invert, ignore_case, count_only, numbers;
static int error;                        /* a file could not be read */

/* How many characters of the pattern make one "atom": "\x" is two. */
static int atom_length(const char *re)
{
    return (re[0] == '\\' && re[1] != '\0') ? 2 : 1;
}

/* Does the one-character atom at re match the character c? */
static int atom_matches(const char *re, char c)
{
    if (re[0] == '\\' && re[1] != '\0')
        re++;                             /* escaped: the character itself */
    else if (re[0] == '.')
        return 1;
    if (ignore_case)
        return tolower((unsigned char)re[0]) == tolower((unsigned char)c);
    return re[0] == c;
}

static int match_here(const char *re, const char *text);

/* "x*" followed by the pattern rest: take as many x as there are, then
 * give them back one by one until the rest matches too. */
static int match_repeat(const char *atom, const char *rest, const char *text)
{
    const char *t = text;

    while (*t && atom_matches(atom, *t))
        t++;
    for (;;) {
        if (match_here(rest, t))
            return 1;
        if (t == text)
            return 0;
        t--;
    }
}

/* Does the pattern match at the very start of text? */
static int match_here(const char *re, const char *text)
{
    for (;;) {
        if (re[0] == '\0')
            return 1;                     /* the whole pattern matched */
        if (re[0] == '$' && re[1] == '\0')
            return text[0] == '\0';
        int len = atom_length(re);
        if (re[len] == '*')
            return match_repeat(re, re + len + 1, text);
        if (text[0] == '\0' || !atom_matches(re, text[0]))
            return 0;
        re += len;
        text++;
    }
}

/* Does the pattern match anywhere in the line? */
static int matches(const char *re, const char *line)
{
    if (re[0] == '^')
        return match_here(re + 1, line);
    for (const char *start = line; ; start++) {
        if (match_here(re, start))
            return 1;
        if (*start == '\0')
            return 0;
    }
}

/* Searches one stream, named name in messages.  prefix is also its name
 * when there are several files (so each line says where it came from),
 * else NULL.  Returns how
 * many lines were selected. */
static long search(const char *re, FILE *f, const char *name, const char *prefix)
{
    char *line = NULL;
    size_t room = 0;
    ssize_t len;
    long number = 0, selected = 0;

    while ((len = getline(&line, &room, f)) >= 0) {
        number++;
        if (len > 0 && line[len - 1] == '\n')
            line[len - 1] = '\0';
        if (matches(re, line) == invert)
            continue;
        selected++;
        if (count_only)
            continue;
        if (prefix)
            printf("%s:", prefix);
        if (numbers)
            printf("%ld:", number);
        printf("%s\n", line);
    }
    free(line);
    if (ferror(f)) {                      /* e.g. a directory: EISDIR */
        fprintf(stderr, "grep: %s: %s\n", name, strerror(errno));
        error = 1;
    }
    if (count_only) {
        if (prefix)
            printf("%s:", prefix);
        printf("%ld\n", selected);
    }
    return selected;
}

int main(int argc, char *argv[])
{
    int c;

    while ((c = getopt(argc, argv, "vicn")) != -1) {
        switch (c) {
        case 'v': invert = 1; break;
        case 'i': ignore_case = 1; break;
        case 'c': count_only = 1; break;
        case 'n': numbers = 1; break;
        default:
            fprintf(stderr, "usage: grep [-v] [-i] [-c] [-n] PATTERN [FILE...]\n");
            return 2;
        }
    }
    if (optind == argc) {
        fprintf(stderr, "usage: grep [-v] [-i] [-c] [-n] PATTERN [FILE...]\n");
        return 2;
    }
    const char *re = argv[optind++];
    int several = argc - optind > 1;
    long selected = 0;

    if (optind == argc)
        selected = search(re, stdin, "-", NULL);
    for (int i = optind; i < argc; i++) {
        FILE *f = fopen(argv[i], "r");
        if (!f) {
            fprintf(stderr, "grep: %s: %s\n", argv[i], strerror(errno));
            error = 1;
            continue;
        }
        selected += search(re, f, argv[i], several ? argv[i] : NULL);
        fclose(f);
    }
    if (error)
        return 2;
    return selected > 0 ? 0 : 1;
}
