/* rmdir: remove empty directories.
 *
 *   rmdir DIR...
 *
 * Only an empty directory (nothing but "." and "..") can go: otherwise
 * the kernel answers ENOTEMPTY, "Directory not empty".  rm -r empties a
 * directory first. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
    int status = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: rmdir DIR...\n");
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        if (rmdir(argv[i]) < 0) {
            fprintf(stderr, "rmdir: %s: %s\n", argv[i], strerror(errno));
            status = 1;
        }
    }
    return status;
}
