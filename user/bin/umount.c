/* umount: take a mounted file system out of the tree of names.
 *
 *   umount DIR...        e.g. umount /home
 *
 * What the file system has in memory is written to its disk first.  It
 * fails (EBUSY) while a process uses a file of it: a working directory
 * there counts too (cd / first).  A loop device it was mounted from
 * (mount -o loop) lets go of its file afterwards. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <minnow/blkdev.h>

/* The source /proc/mounts gives for target, into source; 0 if found. */
static int source_of(const char *target, char source[256])
{
    char src[256], tgt[256];
    FILE *f = fopen("/proc/mounts", "r");
    int found = -1;

    while (f && found < 0 && fscanf(f, "%255s %255s %*s %*s %*d %*d", src, tgt) == 2)
        if (strcmp(tgt, target) == 0) {
            strcpy(source, src);
            found = 0;
        }
    if (f)
        fclose(f);
    return found;
}

static void detach_loop(const char *source)
{
    int dev = strncmp(source, "/dev/loop", 9) == 0 ? open(source, O_RDWR) : -1;

    if (dev >= 0) {
        ioctl(dev, LOOP_CLR_FD, 0);
        close(dev);
    }
}

int main(int argc, char *argv[])
{
    int status = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: umount DIR...\n");
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        char source[256] = "";
        source_of(argv[i], source);
        if (umount2(argv[i], 0) == 0) {
            detach_loop(source);
        } else {
            fprintf(stderr, "umount: %s: %s\n", argv[i],
                    errno == EBUSY ? "target is busy (a process uses a file there)" :
                    errno == EINVAL ? "not mounted" : strerror(errno));
            status = 1;
        }
    }
    return status;
}
