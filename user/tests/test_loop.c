/* Loop devices (drv/loop.c): a file seen as a disk.  Bytes written to the
 * file are read from /dev/loop0 and the other way round (after fsync: the
 * device's writes wait in the buffer cache); the device refuses a second
 * file (EBUSY), a directory (EINVAL) and a bad fd (EBADF); letting go of
 * a file it does not have is ENXIO; and nothing leaks. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <minnow/blkdev.h>
#include <minnow/test.h>

#define IMG "/tmp/loop.img"
#define SIZE (64 * 1024)

static char pattern[SIZE], got[SIZE];

int main(void)
{
    for (int i = 0; i < SIZE; i++)
        pattern[i] = (char)(i * 7 + i / 512);
    memset(got, 0, SIZE);            /* this program's own pages, before counting */
    long before = free_pages();
    int img = open(IMG, O_CREAT | O_RDWR | O_TRUNC, 0644);
    write(img, pattern, SIZE);
    int dev = open("/dev/loop0", O_RDWR);
    check(dev >= 0, "loop_device_exists", "open /dev/loop0: errno %d", errno);
    check(ioctl(dev, LOOP_SET_FD, (void *)(long)img) == 0, "loop_set_fd", "errno %d", errno);
    unsigned long long bytes = 0;
    check(ioctl(dev, BLKGETSIZE64, &bytes) == 0 && bytes == SIZE, "loop_size", "%llu bytes", bytes);
    check(read(dev, got, SIZE) == SIZE && memcmp(got, pattern, SIZE) == 0, "loop_reads_file", "the bytes differ");
    lseek(dev, 4096, SEEK_SET);
    check(write(dev, "through the device", 18) == 18 && fsync(dev) == 0, "loop_write", "errno %d", errno);
    char text[32] = "";
    pread(img, text, 18, 4096);
    check(memcmp(text, "through the device", 18) == 0, "loop_writes_file", "got \"%.18s\"", text);
    int other = open("/tmp", O_RDONLY);
    check(ioctl(dev, LOOP_SET_FD, (void *)(long)img) < 0 && errno == EBUSY, "loop_second_file_ebusy",
          "errno %d", errno);
    check(ioctl(dev, LOOP_CLR_FD, 0) == 0, "loop_clr_fd", "errno %d", errno);
    check(ioctl(dev, LOOP_CLR_FD, 0) < 0 && errno == ENXIO, "loop_clr_unbound_enxio", "errno %d", errno);
    check(ioctl(dev, LOOP_SET_FD, (void *)(long)other) < 0 && errno == EINVAL, "loop_directory_einval",
          "errno %d", errno);
    check(ioctl(dev, LOOP_SET_FD, (void *)99L) < 0 && errno == EBADF, "loop_bad_fd", "errno %d", errno);
    check(read(dev, got, 512) <= 0, "loop_unbound_reads_nothing", "it read data with no file");
    close(other);
    close(dev);
    close(img);
    unlink(IMG);
    check(free_pages() == before, "loop_no_page_leak", "%ld pages free before, %ld after", before,
          free_pages());
    return test_exit_code();
}
