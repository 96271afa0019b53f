/* /init of the Linux side of `make bench` (tools/bench.sh): Debian's
 * Linux kernel starts it from an initrd that holds only the benchmark
 * programs, built with glibc.  Linux gives the first process no open
 * files when the initrd has no /dev/console, so mount devtmpfs, make the
 * console its standard input, output and error, load the disk drivers,
 * and become runbench,
 * as Minnow's init=/usr/libexec/minnow/runbench does directly. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/syscall.h>

/* Debian's kernel has its disk drivers as modules: load the ones
 * /lib/modules/order lists (tools/deps.sh --bench), then wait for the
 * second disk, which libata finds in the background. */
static void load_modules(void)
{
    FILE *f = fopen("/lib/modules/order", "r");
    char name[64], path[128];

    while (f && fscanf(f, "%63s", name) == 1) {
        snprintf(path, sizeof(path), "/lib/modules/%s.ko", name);
        int fd = open(path, O_RDONLY);
        if (fd < 0 || syscall(SYS_finit_module, fd, "", 0) != 0)
            perror(path);
        close(fd);
    }
    if (f)
        fclose(f);
    for (int i = 0; f && i < 100 && access("/dev/sdb", F_OK) != 0; i++)
        usleep(50000);
}

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
    load_modules();
    char *argv[] = { "/usr/libexec/minnow/runbench", NULL };
    execv(argv[0], argv);
    perror("bench-linux-init: /usr/libexec/minnow/runbench");
    reboot(RB_POWER_OFF);
    return 1;
}
