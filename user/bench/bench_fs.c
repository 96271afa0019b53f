/* Benchmarks of the file system (Minnow's RAM file system; Linux's
 * initramfs, also in RAM): 4 KiB written and read through a file
 * descriptor, a 1-byte read, open + close, and create + remove.
 *
 * The file is 1 MiB, rewritten and reread from the start whenever the
 * offset reaches its end, so after the first pass no page is allocated:
 * the rows measure the copy and the system call. */
#include <fcntl.h>
#include <unistd.h>
#include "bench.h"

#define FILE_SIZE (1024 * 1024)
#define CHUNK 4096
#define F "/tmp/bench_fs.dat"
#define NEW "/tmp/bench_fs.new"

static int fd;
static long pos;
static char buf[CHUNK];

static void op_write_4kib(void)
{
    if (pos == FILE_SIZE) {
        lseek(fd, 0, SEEK_SET);
        pos = 0;
    }
    pos += write(fd, buf, CHUNK);
}

static void op_read_4kib(void)
{
    if (read(fd, buf, CHUNK) <= 0)
        lseek(fd, 0, SEEK_SET);
}

static void op_read_1byte(void)
{
    if (read(fd, buf, 1) <= 0)
        lseek(fd, 0, SEEK_SET);
}

static void op_open_close(void) { close(open(F, O_RDONLY)); }

static void op_create_unlink(void)
{
    close(open(NEW, O_CREAT | O_WRONLY, 0644));
    unlink(NEW);
}

int main(void)
{
    fd = open(F, O_CREAT | O_TRUNC | O_RDWR, 0644);
    bench_row("file_write_4kib", op_write_4kib);
    lseek(fd, 0, SEEK_SET);
    bench_row("file_read_4kib", op_read_4kib);
    bench_row("file_read_1byte", op_read_1byte);
    close(fd);
    bench_row("open_close", op_open_close);
    bench_row("create_unlink", op_create_unlink);
    unlink(F);
    return 0;
}
