/* The lines of the netdb files (/etc/hosts, /etc/services), which share
 * one shape: words separated by blanks, '#' to the end of a line a
 * comment.  A line too long for the buffer is skipped whole: read in
 * pieces, its second half would look like a line of its own. */
#include <string.h>
#include "netdb_impl.h"

/* Reads one line into line; 1 if it fit, 0 if it was too long (then it
 * is read to its end), -1 at the end of f. */
static int read_line(FILE *f, char line[NETDB_LINE_MAX])
{
    if (!fgets(line, NETDB_LINE_MAX, f))
        return -1;
    size_t len = strlen(line);
    if (len > 0 && line[len - 1] == '\n')
        return 1;
    int c = getc(f);
    if (c == EOF)
        return 1;                         /* the last line, without '\n' */
    while (c != '\n' && c != EOF)
        c = getc(f);
    return 0;
}

int netdb_next_line(FILE *f, char line[NETDB_LINE_MAX], char **words, int max)
{
    for (;;) {
        int r = read_line(f, line);
        if (r < 0)
            return 0;
        if (r == 0)
            continue;
        line[strcspn(line, "#")] = '\0';
        int n = 0;
        char *save;
        for (char *w = strtok_r(line, " \t\r\n", &save); w && n < max;
             w = strtok_r(NULL, " \t\r\n", &save))
            words[n++] = w;
        if (n > 0)
            return n;
    }
}
