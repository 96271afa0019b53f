/* uniq: drop repeated lines that follow each other.
 *
 *   uniq [-c] [INPUT [OUTPUT]]
 *     -c   put in front of each line how many times it came in a row
 *
 * Only neighbours are compared, which is why it is usually used after
 * sort:   sort words | uniq -c   counts how often each word occurs. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int show_count;

static void put(FILE *out, const char *line, long times)
{
    if (show_count)
        fprintf(out, "%7ld %s\n", times, line);
    else
        fprintf(out, "%s\n", line);
}

int main(int argc, char *argv[])
{
    FILE *in = stdin, *out = stdout;
    const char *in_name = "-";
    int c;

    while ((c = getopt(argc, argv, "c")) != -1) {
        if (c == 'c') {
            show_count = 1;
        } else {
            fprintf(stderr, "usage: uniq [-c] [INPUT [OUTPUT]]\n");
            return 1;
        }
    }
    if (optind < argc && strcmp(argv[optind], "-") != 0) {
        in_name = argv[optind];
        in = fopen(in_name, "r");
        if (!in) {
            fprintf(stderr, "uniq: %s: %s\n", argv[optind], strerror(errno));
            return 1;
        }
    }
    if (optind + 1 < argc) {
        out = fopen(argv[optind + 1], "w");
        if (!out) {
            fprintf(stderr, "uniq: %s: %s\n", argv[optind + 1], strerror(errno));
            return 1;
        }
    }

    /* prev is the line being repeated, times how often so far. */
    char *prev = NULL, *line = NULL;
    size_t size = 0;
    long times = 0;
    ssize_t len;
    while ((len = getline(&line, &size, in)) >= 0) {
        if (len > 0 && line[len - 1] == '\n')
            line[len - 1] = '\0';
        if (prev && strcmp(line, prev) == 0) {
            times++;
            continue;
        }
        if (prev)
            put(out, prev, times);
        free(prev);
        prev = strdup(line);
        times = 1;
    }
    if (prev)
        put(out, prev, times);
    free(prev);
    free(line);
    if (ferror(in)) {
        fprintf(stderr, "uniq: %s: %s\n", in_name, strerror(errno));
        return 1;
    }
    if (out != stdout)
        fclose(out);
    return 0;
}
