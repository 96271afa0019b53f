/* The first process of tools/hosttests/disk_persist.sh's boots (it runs as
 * init=...): writes two patterns through /dev/hda, the first followed by
 * sync(), the second left in the buffer cache, then runs the program named
 * on the disk's first sector ("poweroff" or "reboot"), which must flush
 * the second before QEMU stops; or, for "reboot(2)", makes the system call
 * itself, without the programs' sync(): the kernel must flush.  The host
 * then finds both patterns in the image. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/reboot.h>

#define SYNCED_AT   (40L * 1024 * 1024 + 123)   /* the host test looks here... */
#define UNSYNCED_AT (48L * 1024 * 1024 + 4000)  /* ...and here */

int main(void)
{
    char how[16] = "", path[32];
    int fd = open("/dev/hda", O_RDWR);

    if (fd < 0 || pread(fd, how, sizeof(how) - 1, 0) < 0) {
        printf("FAIL disk_persist_open: /dev/hda\n");
        return 1;
    }
    how[strcspn(how, "\n")] = '\0';
    if (pwrite(fd, "minnow-synced-pattern", 21, SYNCED_AT) != 21) {
        printf("FAIL disk_persist_write\n");
        return 1;
    }
    sync();
    pwrite(fd, "minnow-unsynced-pattern", 23, UNSYNCED_AT);
    close(fd);
    printf("disk_persist: written; now %s\n", how);
    fflush(stdout);
    if (strcmp(how, "reboot(2)") == 0)
        reboot(RB_POWER_OFF);
    snprintf(path, sizeof(path), "/bin/%s", how);
    char *argv[] = { how, NULL };
    execv(path, argv);
    printf("FAIL disk_persist_exec: %s\n", path);
    return 1;
}
