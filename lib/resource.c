/* getrlimit: on ugetrlimit (191), which says "infinity" as RLIM_INFINITY
 * (the old getrlimit, 76, says 0x7fffffff). */
#include <sys/resource.h>
#include <minnow/syscall_nr.h>
#include "syscall_raw.h"

int getrlimit(int resource, struct rlimit *rlim)
{
    return (int)__syscall_ret(__syscall2(__NR_ugetrlimit, resource, (long)rlim));
}
