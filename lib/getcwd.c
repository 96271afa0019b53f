/* getcwd: the current directory's path.  The kernel fills buf and returns
 * the length (with the '\0'); the C function returns buf.  With buf NULL
 * the path goes into memory from malloc (a common extension). */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>
#include <minnow/syscall_nr.h>
#include "syscall_raw.h"

char *getcwd(char *buf, size_t size)
{
    char *mem = NULL;

    if (!buf) {
        if (size == 0)
            size = PATH_MAX;
        buf = mem = malloc(size);
        if (!buf)
            return NULL;
    } else if (size == 0) {
        errno = EINVAL;
        return NULL;
    }
    if (__syscall_ret(__syscall2(__NR_getcwd, (long)buf, (long)size)) < 0) {
        free(mem);
        return NULL;
    }
    return buf;
}
