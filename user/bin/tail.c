/* tail: print the last lines of files.
 *
 *   tail [-n N] [FILE...]     the last N lines (10 if not said); -N too
 *   tail -n +K [FILE...]      everything from line K on
 *
 * The end of a pipe can only be known by reading all of it, so tail
 * keeps the whole input in memory, then looks backwards from the end
 * for the N-th newline. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Reads all of f into one malloc'd buffer; its size goes to *len. */
static char *read_all(FILE *f, size_t *len)
{
    size_t room = 4096;
    char *buf = malloc(room);
    size_t n;

    *len = 0;
    while (buf && (n = fread(buf + *len, 1, room - *len, f)) > 0) {
        *len += n;
        if (*len == room) {
            char *bigger = realloc(buf, room * 2);
            if (!bigger) {
                fprintf(stderr, "tail: out of memory\n");
                break;
            }
            buf = bigger;
            room *= 2;
        }
    }
    return buf;
}

static void tail(FILE *f, long lines, int from_start)
{
    size_t len;
    char *buf = read_all(f, &len);
    size_t start;

    if (!buf)
        return;
    if (from_start) {                    /* -n +K: skip K-1 lines */
        start = 0;
        for (long skip = lines - 1; skip > 0 && start < len; start++)
            if (buf[start] == '\n')
                skip--;
    } else if (lines == 0) {
        start = len;
    } else {
        /* Walk back from the end to just after the lines-th newline.  The
         * newline that ends the last line starts no line: skip it. */
        start = len;
        if (start > 0 && buf[start - 1] == '\n')
            start--;
        long seen = 0;
        while (start > 0) {
            if (buf[start - 1] == '\n' && ++seen == lines)
                break;
            start--;
        }
    }
    fwrite(buf + start, 1, len - start, stdout);
    free(buf);
}

int main(int argc, char *argv[])
{
    long lines = 10;
    int from_start = 0, status = 0;
    const char *count = NULL;
    int c;

    if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9') {
        count = argv[1] + 1;              /* the old form: tail -5 */
        optind = 2;
    }
    while ((c = getopt(argc, argv, "n:")) != -1) {
        if (c != 'n') {
            fprintf(stderr, "usage: tail [-n N] [FILE...]\n");
            return 1;
        }
        count = optarg;
    }
    if (count) {
        char *end;
        if (count[0] == '+') {
            from_start = 1;
            count++;
        }
        lines = strtol(count, &end, 10);
        if (!*count || *end || lines < 0) {
            fprintf(stderr, "tail: %s: invalid number of lines\n", count);
            return 1;
        }
    }

    if (optind == argc)
        tail(stdin, lines, from_start);
    for (int i = optind; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (!f) {
            fprintf(stderr, "tail: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        if (argc - optind > 1)
            printf("%s==> %s <==\n", i > optind ? "\n" : "", argv[i]);
        tail(f, lines, from_start);
        if (ferror(f)) {                   /* e.g. a directory: EISDIR */
            fprintf(stderr, "tail: %s: %s\n", argv[i], strerror(errno));
            status = 1;
        }
        if (f != stdin)
            fclose(f);
    }
    return status;
}
