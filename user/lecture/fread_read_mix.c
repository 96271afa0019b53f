/* fread_read_mix [FILE]: why mixing fread and read on one file surprises.
 *
 * What it shows: fread(buf, 1, 10, f) asks stdio for 10 bytes, but stdio
 * asks the kernel for a whole buffer (BUFSIZ bytes) and keeps the rest
 * for later.  The file descriptor's offset is now BUFSIZ, not 10, so a
 * read() on fileno(f) continues far past the 10 bytes the program saw.
 * Use one or the other on a file, not both (or fflush(f) to hand the
 * read-ahead back, which POSIX allows for a seekable file).
 *
 * Without an argument it writes a demo file, /tmp/fread_read_mix.txt,
 * in which every line tells its own offset. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define DEMO "/tmp/fread_read_mix.txt"

/* 100 lines of 32 bytes each: "offset 0000: ..................\n" */
static int write_demo_file(void)
{
    FILE *f = fopen(DEMO, "w");
    if (!f) {
        perror(DEMO);
        return -1;
    }
    for (int off = 0; off < 3200; off += 32)
        fprintf(f, "offset %04d: ..................\n", off);
    fclose(f);
    return 0;
}

static void show(const char *what, const char *bytes, long n)
{
    printf("%s %ld bytes: \"", what, n);
    for (long i = 0; i < n; i++)
        putchar(bytes[i] == '\n' ? '|' : bytes[i]);
    printf("\"\n");
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : DEMO;
    char a[11] = "", b[11] = "";

    if (argc < 2 && write_demo_file() < 0)
        return 1;
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return 1;
    }
    int fd = fileno(f);

    size_t got = fread(a, 1, 10, f);
    show("fread(10) gave", a, (long)got);
    printf("  the program has seen 10 bytes, ftell(f) = %ld\n", ftell(f));
    printf("  but the descriptor's offset is lseek(fd, 0, SEEK_CUR) = %ld\n",
           (long)lseek(fd, 0, SEEK_CUR));
    printf("  (stdio read BUFSIZ = %d bytes into its buffer)\n\n", BUFSIZ);

    ssize_t n = read(fd, b, 10);
    show("read(fd, 10) gave", b, (long)(n > 0 ? n : 0));
    printf("  these are NOT bytes 10..19 of the file: read() continues at the\n"
           "  descriptor's offset, after everything stdio has buffered.\n\n");

    got = fread(a, 1, 10, f);
    show("the next fread(10) gave", a, (long)got);
    printf("  stdio goes on from its buffer: bytes 10..19, as if read() had not happened.\n");
    fclose(f);
    return 0;
}
