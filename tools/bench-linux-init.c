/* /init of the Linux side of `make bench` (tools/bench.sh): Debian's
 * Linux kernel starts it from an initrd that holds only the benchmark
 * programs, built with glibc.  Linux gives the first process no open
 * files when the initrd has no /dev/console, so mount devtmpfs, make the
 * console its standard input, output and error, and become runbench,
 * as Minnow's init=/usr/libexec/minnow/runbench does directly. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/reboot.h>

int main(void)
{
    mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
    int fd = open("/dev/console", O_RDWR);
    if (fd >= 0) {
        dup2(fd, 0);
        dup2(fd, 1);
        dup2(fd, 2);
        if (fd > 2)
            close(fd);
    }
    char *argv[] = { "/usr/libexec/minnow/runbench", NULL };
    execv(argv[0], argv);
    perror("bench-linux-init: /usr/libexec/minnow/runbench");
    reboot(RB_POWER_OFF);
    return 1;
}
