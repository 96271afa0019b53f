/* env: print the environment, or run a command in a changed one.
 *
 *   env                              print every NAME=value
 *   env [-i] [NAME=value...] COMMAND [ARG...]
 *     -i   start from an empty environment
 *
 * The environment is an array of "NAME=value" strings that execve()
 * hands to the new program next to its arguments; a child gets a copy
 * of its parent's.  env changes its own copy, then execs the command,
 * which receives it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
    static char *empty[] = { NULL };
    int i = 1;

    if (i < argc && strcmp(argv[i], "-i") == 0) {
        environ = empty;
        i++;
    }
    for (; i < argc && strchr(argv[i], '='); i++) {
        if (putenv(argv[i]) < 0) {
            fprintf(stderr, "env: %s: %s\n", argv[i], strerror(errno));
            return 1;
        }
    }
    if (i == argc) {
        for (char **e = environ; *e; e++)
            printf("%s\n", *e);
        return 0;
    }
    execvp(argv[i], argv + i);
    fprintf(stderr, "env: %s: %s\n", argv[i], strerror(errno));
    return errno == ENOENT ? 127 : 126;   /* the shell's codes: not found / cannot run */
}
