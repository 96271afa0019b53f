/* getopt: the command-line options of POSIX utilities.
 *
 *   while ((c = getopt(argc, argv, "ab:")) != -1) ...
 *
 * accepts -a, -b VALUE, -bVALUE and grouped flags (-ab VALUE).  Options
 * end at the first argument that is not one, or at "--".  A letter
 * followed by ':' in optstring takes a value (in optarg).  An unknown
 * option or a missing value returns '?' (':' for a missing value if
 * optstring starts with ':') and prints a message unless opterr is 0. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt;

static int grouped;             /* position inside "-abc", 0 at a new argument */

static int complain(const char *argv0, const char *what, int c, const char *optstring)
{
    if (opterr && optstring[0] != ':')
        fprintf(stderr, "%s: %s -- '%c'\n", argv0, what, c);
    return '?';
}

int getopt(int argc, char *const argv[], const char *optstring)
{
    optarg = NULL;
    if (grouped == 0) {
        if (optind >= argc || argv[optind][0] != '-' || argv[optind][1] == '\0')
            return -1;
        if (strcmp(argv[optind], "--") == 0) {
            optind++;
            return -1;
        }
        grouped = 1;
    }
    const char *arg = argv[optind];
    int c = (unsigned char)arg[grouped++];
    const char *spec = (c == ':') ? NULL : strchr(optstring, c);
    int last_in_group = (arg[grouped] == '\0');

    if (!spec) {
        optopt = c;
        if (last_in_group) {
            optind++;
            grouped = 0;
        }
        return complain(argv[0], "invalid option", c, optstring);
    }
    if (spec[1] == ':') {                 /* takes a value */
        if (!last_in_group)
            optarg = (char *)arg + grouped;    /* -bVALUE */
        else if (optind + 1 < argc)
            optarg = argv[++optind];           /* -b VALUE */
        optind++;
        grouped = 0;
        if (!optarg) {
            optopt = c;
            if (optstring[0] == ':')
                return ':';
            return complain(argv[0], "option requires an argument", c, optstring);
        }
        return c;
    }
    if (last_in_group) {
        optind++;
        grouped = 0;
    }
    return c;
}
