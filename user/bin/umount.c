/* umount: take a mounted file system out of the tree of names.
 *
 *   umount DIR...        e.g. umount /home
 *
 * What the file system has in memory is written to its disk first.  It
 * fails (EBUSY) while a process uses a file of it: a working directory
 * there counts too (cd / first). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>

int main(int argc, char *argv[])
{
    int status = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: umount DIR...\n");
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        if (umount2(argv[i], 0) < 0) {
            fprintf(stderr, "umount: %s: %s\n", argv[i],
                    errno == EBUSY ? "target is busy (a process uses a file there)" :
                    errno == EINVAL ? "not mounted" : strerror(errno));
            status = 1;
        }
    }
    return status;
}
