/* copy_char SRC DST: copies a file one character at a time, with getc
 * and putc.
 *
 * What it shows: a loop of getc/putc looks like one system call per
 * character, yet it is fast.  The streams are buffered: getc takes bytes
 * from a buffer that one read() filled with BUFSIZ bytes, and putc puts
 * them into a buffer that one write() empties.  Run it under a tracer, or
 * compare with a loop of read(fd, &c, 1) / write(fd, &c, 1): that one
 * really makes two system calls per byte. */
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s SRC DST\n", argv[0]);
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    FILE *out = fopen(argv[2], "w");
    if (!out) {
        perror(argv[2]);
        return 1;
    }

    int c;                           /* int, not char: EOF must differ from every byte */
    long count = 0;
    while ((c = getc(in)) != EOF) {
        putc(c, out);
        count++;
    }

    if (ferror(in))
        perror(argv[1]);
    fclose(in);
    if (fclose(out) == EOF) {        /* the last buffer is written here: check it */
        perror(argv[2]);
        return 1;
    }
    printf("copied %ld characters\n", count);
    return 0;
}
