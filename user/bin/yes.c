/* yes: print "y" (or the arguments) again and again, forever.
 *
 *   yes | head -n 3
 *
 * It stops when nobody reads any more: once head exits, the next write
 * to the pipe raises SIGPIPE, whose default action ends yes. */
#include <stdio.h>

int main(int argc, char *argv[])
{
    for (;;) {
        if (argc < 2) {
            fputs("y", stdout);
        } else {
            for (int i = 1; i < argc; i++) {
                if (i > 1)
                    putchar(' ');
                fputs(argv[i], stdout);
            }
        }
        putchar('\n');
        if (ferror(stdout))      /* SIGPIPE ignored: the write fails instead */
            return 1;
    }
}
