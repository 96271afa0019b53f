/* Benchmarks of the RAM file system: writing and reading a 4 MiB file in
 * 4 KiB pieces, and creating + removing small files. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "bench.h"

#define MIB (1024 * 1024)
#define F "/tmp/bench_fs.dat"

int main(void)
{
    enum { TOTAL = 4 * MIB, CHUNK = 4096 };
    static char buf[CHUNK];

    int fd = open(F, O_CREAT | O_TRUNC | O_RDWR, 0644);
    double start = bench_now();
    for (int done = 0; done < TOTAL; done += CHUNK)
        write(fd, buf, CHUNK);
    bench_report("file_write", TOTAL / (bench_now() - start) / MIB, "MiB/s");
    lseek(fd, 0, SEEK_SET);
    start = bench_now();
    while (read(fd, buf, CHUNK) > 0)
        ;
    bench_report("file_read", TOTAL / (bench_now() - start) / MIB, "MiB/s");
    close(fd);
    unlink(F);

    enum { FILES = 500 };
    start = bench_now();
    for (int i = 0; i < FILES; i++) {
        char name[32];
        snprintf(name, sizeof(name), "/tmp/bench_%d", i);
        close(open(name, O_CREAT | O_WRONLY, 0644));
        unlink(name);
    }
    bench_report("create_unlink", (bench_now() - start) * 1e6 / FILES, "us/file");
    return 0;
}
