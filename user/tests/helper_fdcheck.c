/* A helper of test_fd: exits 0 if the fd given as argv[1] is closed. */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
    if (argc < 2)
        return 2;
    int fd = atoi(argv[1]);
    char c;
    return read(fd, &c, 1) == -1 && errno == EBADF ? 0 : 1;
}
