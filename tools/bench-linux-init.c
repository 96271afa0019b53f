/* /init of the Linux side of `make bench` (tools/bench.sh): Debian's
 * Linux kernel starts it from an initrd that holds only the benchmark
 * programs, built with glibc.  Linux gives the first process no open
 * files when the initrd has no /dev/console, so mount devtmpfs, make the
 * console its standard input, output and error, mount /proc (bench_ext2
 * reads /proc/diskstats, as on Minnow), load the disk drivers and the
 * file system, and become runbench,
 * as Minnow's init=/usr/libexec/minnow/runbench does directly. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
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

/* Debian's kernel has no ext2 driver of its own: ext4.ko registers
 * "ext2" as well (CONFIG_EXT4_USE_FOR_EXT2).  Say so when it did not, or
 * bench_ext2's rows would be missing with only a failed mount to tell. */
static void check_ext2(void)
{
    FILE *f = fopen("/proc/filesystems", "r");
    char line[80];
    int found = 0;

    while (f && fgets(line, sizeof(line), f))
        found |= strcmp(line, "\text2\n") == 0;
    if (f)
        fclose(f);
    if (!found)
        printf("bench-linux-init: no ext2 in /proc/filesystems (ext4.ko not loaded?)\n");
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
    mount("proc", "/proc", "proc", 0, NULL);
    load_modules();
    check_ext2();
    char *argv[] = { "/usr/libexec/minnow/runbench", NULL };
    execv(argv[0], argv);
    perror("bench-linux-init: /usr/libexec/minnow/runbench");
    reboot(RB_POWER_OFF);
    return 1;
}
