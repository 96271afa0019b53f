/* copy_block SRC DST: copies a file a block at a time, with fread and
 * fwrite.
 *
 * What it shows: the same copy as copy_char, but the program moves a
 * whole block (here 4096 bytes) per call.  fread returns how many items
 * it got: fewer than asked means the end of the file (or an error, which
 * ferror tells apart), and exactly that many must be written. */
#include <stdio.h>

#define BLOCK 4096

int main(int argc, char **argv)
{
    static char block[BLOCK];

    if (argc != 3) {
        fprintf(stderr, "usage: %s SRC DST\n", argv[0]);
        return 2;
    }
    FILE *in = fopen(argv[1], "rb");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    FILE *out = fopen(argv[2], "wb");
    if (!out) {
        perror(argv[2]);
        return 1;
    }

    size_t got;
    long blocks = 0, total = 0;
    while ((got = fread(block, 1, sizeof(block), in)) > 0) {
        if (fwrite(block, 1, got, out) != got) {
            perror(argv[2]);
            return 1;
        }
        blocks++;
        total += (long)got;
    }

    if (ferror(in))
        perror(argv[1]);
    fclose(in);
    if (fclose(out) == EOF) {
        perror(argv[2]);
        return 1;
    }
    printf("copied %ld bytes in %ld blocks of at most %d\n", total, blocks, BLOCK);
    return 0;
}
