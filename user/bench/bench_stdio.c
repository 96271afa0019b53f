/* Benchmarks of stdio streams, the C library's buffering above the file
 * descriptor: one character in with fgetc and out with putc.  Most calls
 * only touch the stream's buffer; one in BUFSIZ makes a system call. */
#include <stdio.h>
#include <unistd.h>
#include "bench.h"

#define F "/tmp/bench_stdio.dat"
#define FILE_SIZE (1024 * 1024)

static FILE *f;

static void op_fgetc(void)
{
    if (fgetc(f) == EOF)
        rewind(f);
}

static void op_putc(void)
{
    putc('x', f);
}

int main(void)
{
    f = fopen(F, "w");
    for (long i = 0; i < FILE_SIZE; i++)
        putc('x', f);
    fclose(f);

    f = fopen(F, "r");
    bench_row("fgetc", op_fgetc);
    fclose(f);

    f = fopen(F, "w");
    bench_row("putc", op_putc);
    fclose(f);
    unlink(F);
    return 0;
}
