/* umount: umount2 without flags, as in Linux's C library. */
#include <sys/mount.h>

int umount(const char *target)
{
    return umount2(target, 0);
}
