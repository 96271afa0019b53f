/* The first process of tools/hosttests/disk_errors.sh's boot: QEMU's
 * blkdebug layer makes the disk fail every read of sector 4096 and every
 * write of sector 8192, as a disk with bad sectors would.  Those become
 * EIO for the program, the rest of the disk stays usable, the errors are
 * counted, and nothing panics. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/reboot.h>
#include <minnow/blkdev.h>
#include <minnow/test.h>

static long disk_errors(void)
{
    char line[80];
    long n = -1;
    FILE *f = fopen("/proc/bufstat", "r");

    while (f && fgets(line, sizeof(line), f))
        sscanf(line, "hda_errors %ld", &n);
    if (f)
        fclose(f);
    return n;
}

int main(void)
{
    static char buf[4096];
    int fd = open("/dev/hda", O_RDWR);

    errno = 0;
    check(pread(fd, buf, 512, 4096 * 512) == -1 && errno == EIO, "disk_error_read_eio",
          "errno %d", errno);
    check(pread(fd, buf, 512, 0) == 512, "disk_error_rest_readable", "errno %d", errno);
    check(pwrite(fd, buf, 512, 8192 * 512) == 512, "disk_error_write_cached", "errno %d", errno);
    errno = 0;
    check(fsync(fd) == -1 && errno == EIO, "disk_error_fsync_eio", "errno %d", errno);
    check(pwrite(fd, "fine", 4, 100 * 512) == 4 && fsync(fd) == 0, "disk_error_rest_writable",
          "errno %d", errno);
    check(disk_errors() >= 2, "disk_error_counted", "hda_errors %ld", disk_errors());
    close(fd);
    fflush(stdout);
    reboot(RB_POWER_OFF);
    return 1;
}
