/* The disk through its device file: 16 MiB written and read in order, in
 * 64 KiB calls, on the second IDE disk of the benchmark boots (a blank
 * scratch image: Minnow's /dev/hdb, Linux's /dev/sdb, where libata puts
 * the same disk).  Three rows, each one whole pass of 16 MiB:
 *
 *   disk_write_16mib       write, then fsync: until it is on the disk
 *   disk_read_16mib_cold   read after BLKFLSBUF emptied the cache: every
 *                          block comes from the disk (PIO, interrupts)
 *   disk_read_16mib_warm   read again: every block from the cache
 *
 * A pass is too long for bench_row's batches; each row is the median of
 * PASSES passes instead. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include "bench.h"

#ifndef BLKFLSBUF
#define BLKFLSBUF 0x1261                 /* <linux/fs.h> */
#endif

#define TOTAL (16 * 1024 * 1024)
#define CALL (64 * 1024)
#define PASSES 3

static char buf[CALL];
static int fd;

static void write_pass(void)
{
    lseek(fd, 0, SEEK_SET);
    for (int i = 0; i < TOTAL / CALL; i++)
        write(fd, buf, CALL);
    fsync(fd);
}

static void read_pass(void)
{
    lseek(fd, 0, SEEK_SET);
    for (int i = 0; i < TOTAL / CALL; i++)
        read(fd, buf, CALL);
}

static void drop_then_read(void)
{
    ioctl(fd, BLKFLSBUF, 0);
    read_pass();
}

/* The median of PASSES passes of op, in cycles (a row of one operation). */
static void pass_row(const char *name, void (*op)(void))
{
    unsigned long long t[PASSES];

    for (int i = 0; i < PASSES; i++) {
        unsigned long long start = bench_cycles();
        op();
        t[i] = bench_cycles() - start;
        for (int j = i; j > 0 && t[j - 1] > t[j]; j--) {
            unsigned long long x = t[j];
            t[j] = t[j - 1];
            t[j - 1] = x;
        }
    }
    bench_report(name, t[PASSES / 2] * 10);
}

int main(void)
{
    const char *disks[] = { "/dev/hdb", "/dev/sdb" };

    fd = -1;
    for (int i = 0; i < 2 && fd < 0; i++)
        fd = open(disks[i], O_RDWR);
    if (fd < 0) {
        printf("bench_disk: no second disk (/dev/hdb or /dev/sdb)\n");
        return 0;
    }
    memset(buf, 0x5A, sizeof(buf));
    pass_row("disk_write_16mib", write_pass);
    pass_row("disk_read_16mib_cold", drop_then_read);
    read_pass();                         /* now all of it is cached */
    pass_row("disk_read_16mib_warm", read_pass);
    close(fd);
    return 0;
}
