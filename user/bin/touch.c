/* touch: make empty files, or mark existing ones as just modified.
 *
 *   touch FILE...
 *
 * A new file is made with open(O_CREAT); an existing one gets the current
 * time with utime(path, NULL). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>
#include <sys/stat.h>

static int touch(const char *path)
{
    struct stat st;

    if (stat(path, &st) == 0)
        return utime(path, NULL);
    int fd = open(path, O_WRONLY | O_CREAT, 0644);
    if (fd < 0)
        return -1;
    return close(fd);
}

int main(int argc, char *argv[])
{
    int status = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: touch FILE...\n");
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        if (touch(argv[i]) < 0) {
            fprintf(stderr, "touch: %s: %s\n", argv[i], strerror(errno));
            status = 1;
        }
    }
    return status;
}
