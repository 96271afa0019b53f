/* write_all: the loop every program that talks to a terminal or a pipe
 * needs around write() (user/common/write_all.h). */
#include <errno.h>
#include <unistd.h>
#include "write_all.h"

int write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;

    while (n > 0) {
        ssize_t done = write(fd, p, n);
        if (done < 0 && errno == EINTR)
            continue;
        if (done <= 0)
            return -1;
        p += done;
        n -= (size_t)done;
    }
    return 0;
}
