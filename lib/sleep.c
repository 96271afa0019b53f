/* Sleeping, on the nanosleep and clock_nanosleep system calls.  A signal handler ends the
 * sleep early: sleep then returns the seconds that were left. */
#include <time.h>
#include <unistd.h>
#include <minnow/syscall_nr.h>
#include "syscall_raw.h"

unsigned int sleep(unsigned int seconds)
{
    struct timespec want = { (time_t)seconds, 0 }, left = { 0, 0 };

    if (nanosleep(&want, &left) == 0)
        return 0;
    return (unsigned int)left.tv_sec + (left.tv_nsec > 0);
}

int usleep(useconds_t usec)
{
    struct timespec want = { (time_t)(usec / 1000000), (long)(usec % 1000000) * 1000 };

    return nanosleep(&want, NULL);
}

/* POSIX: the error comes back as the result, errno stays as it was. */
int clock_nanosleep(clockid_t clock, int flags, const struct timespec *req, struct timespec *rem)
{
    return (int)-__syscall4(__NR_clock_nanosleep, clock, flags, (long)req, (long)rem);
}
