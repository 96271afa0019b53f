/* wc: count lines, words and bytes.
 *
 *   wc [-l] [-w] [-c] [FILE...]
 *     -l lines (newline characters)   -w words   -c bytes
 *
 * Without options all three are counted, in that order.  A word is a
 * run of characters between spaces, tabs or newlines.  With several
 * files a last line gives the totals.  With only one count asked for,
 * the number is printed without padding, so `wc -l < file` is just it. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int want_lines, want_words, want_bytes;
static long total_lines, total_words, total_bytes;
static int status;

static void print_counts(long lines, long words, long bytes, const char *name)
{
    int single = want_lines + want_words + want_bytes == 1;
    const char *format = single ? "%ld" : "%7ld";
    const char *sep = "";

    if (want_lines) {
        printf(format, lines);
        sep = " ";
    }
    if (want_words) {
        printf("%s", sep);
        printf(format, words);
        sep = " ";
    }
    if (want_bytes) {
        printf("%s", sep);
        printf(format, bytes);
    }
    if (name)
        printf(" %s", name);
    printf("\n");
}

/* Counts one stream; name is NULL for standard input. */
static void count(FILE *f, const char *name)
{
    long lines = 0, words = 0, bytes = 0;
    int in_word = 0;
    int c;

    while ((c = getc(f)) != EOF) {
        bytes++;
        if (c == '\n')
            lines++;
        if (isspace(c)) {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;                  /* the first letter of a word */
            words++;
        }
    }
    if (ferror(f)) {                      /* e.g. a directory: EISDIR */
        fprintf(stderr, "wc: %s: %s\n", name ? name : "-", strerror(errno));
        status = 1;
        return;
    }
    print_counts(lines, words, bytes, name);
    total_lines += lines;
    total_words += words;
    total_bytes += bytes;
}

int main(int argc, char *argv[])
{
    int c;

    while ((c = getopt(argc, argv, "lwc")) != -1) {
        switch (c) {
        case 'l': want_lines = 1; break;
        case 'w': want_words = 1; break;
        case 'c': want_bytes = 1; break;
        default:
            fprintf(stderr, "usage: wc [-l] [-w] [-c] [FILE...]\n");
            return 1;
        }
    }
    if (!want_lines && !want_words && !want_bytes)
        want_lines = want_words = want_bytes = 1;

    if (optind == argc) {
        count(stdin, NULL);
        return status;
    }
    for (int i = optind; i < argc; i++) {
        FILE *f = fopen(argv[i], "r");
        if (!f) {
            fprintf(stderr, "wc: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        count(f, argv[i]);
        fclose(f);
    }
    if (argc - optind > 1)
        print_counts(total_lines, total_words, total_bytes, "total");
    return status;
}
