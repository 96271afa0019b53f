/* sort: print the lines of the input in order.
 *
 *   sort [-r] [-n] [FILE...]
 *     -r   reverse: largest first
 *     -n   by the number at the start of each line, not alphabetically
 *          ("9" comes before "10")
 *
 * All lines are read into memory, sorted with qsort(), and printed. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int reverse, numeric;

static char **lines;
static size_t count, room;

static void add_line(char *line)
{
    if (count == room) {
        room = room ? 2 * room : 64;
        char **bigger = realloc(lines, room * sizeof(char *));
        if (!bigger) {
            fprintf(stderr, "sort: out of memory\n");
            exit(1);
        }
        lines = bigger;
    }
    lines[count++] = line;
}

static void read_lines(FILE *f)
{
    char *line = NULL;
    size_t size = 0;
    ssize_t len;

    while ((len = getline(&line, &size, f)) >= 0) {
        if (len > 0 && line[len - 1] == '\n')
            line[len - 1] = '\0';
        add_line(line);
        line = NULL;                     /* the next getline mallocs anew */
        size = 0;
    }
    free(line);
}

static int compare(const void *pa, const void *pb)
{
    const char *a = *(char *const *)pa;
    const char *b = *(char *const *)pb;
    int order = 0;

    if (numeric) {
        long x = strtol(a, NULL, 10), y = strtol(b, NULL, 10);
        order = (x > y) - (x < y);
    }
    if (order == 0)                       /* equal numbers: alphabetically */
        order = strcmp(a, b);
    return reverse ? -order : order;
}

int main(int argc, char *argv[])
{
    int status = 0;
    int c;

    while ((c = getopt(argc, argv, "rn")) != -1) {
        switch (c) {
        case 'r': reverse = 1; break;
        case 'n': numeric = 1; break;
        default:
            fprintf(stderr, "usage: sort [-r] [-n] [FILE...]\n");
            return 1;
        }
    }
    if (optind == argc)
        read_lines(stdin);
    for (int i = optind; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (!f) {
            fprintf(stderr, "sort: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        read_lines(f);
        if (ferror(f)) {                   /* e.g. a directory: EISDIR */
            fprintf(stderr, "sort: %s: %s\n", argv[i], strerror(errno));
            status = 1;
        }
        if (f != stdin)
            fclose(f);
    }

    qsort(lines, count, sizeof(char *), compare);
    for (size_t i = 0; i < count; i++)
        printf("%s\n", lines[i]);
    return status;
}
