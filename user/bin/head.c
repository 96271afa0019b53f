/* head: print the first lines of files.
 *
 *   head [-n N] [FILE...]     the first N lines (10 if not said); -N too
 *
 * head stops reading as soon as it has printed N lines.  In a pipeline
 * like `yes | head -n 3` it then exits, and the next write of `yes`
 * into the pipe, which has no reader left, kills it with SIGPIPE. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void head(FILE *f, long lines)
{
    int c;

    while (lines > 0 && (c = getc(f)) != EOF) {
        putchar(c);
        if (c == '\n')
            lines--;
    }
}

/* N, the number after -n: a count of lines, not negative. */
static int parse_count(const char *s, long *n)
{
    char *end;
    *n = strtol(s, &end, 10);
    return (*s && *end == '\0' && *n >= 0) ? 0 : -1;
}

int main(int argc, char *argv[])
{
    long lines = 10;
    int status = 0;
    int c;

    /* The old form "head -5" means "head -n 5". */
    if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9') {
        if (parse_count(argv[1] + 1, &lines) < 0) {
            fprintf(stderr, "head: %s: invalid number of lines\n", argv[1] + 1);
            return 1;
        }
        optind = 2;
    }
    while ((c = getopt(argc, argv, "n:")) != -1) {
        if (c != 'n') {
            fprintf(stderr, "usage: head [-n N] [FILE...]\n");
            return 1;
        }
        if (parse_count(optarg, &lines) < 0) {
            fprintf(stderr, "head: %s: invalid number of lines\n", optarg);
            return 1;
        }
    }

    if (optind == argc)
        head(stdin, lines);
    for (int i = optind; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (!f) {
            fprintf(stderr, "head: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        if (argc - optind > 1)                 /* several files: say which */
            printf("%s==> %s <==\n", i > optind ? "\n" : "", argv[i]);
        head(f, lines);
        if (ferror(f)) {                   /* e.g. a directory: EISDIR */
            fprintf(stderr, "head: %s: %s\n", argv[i], strerror(errno));
            status = 1;
        }
        if (f != stdin)
            fclose(f);
    }
    return status;
}
