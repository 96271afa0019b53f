/* Sleeping, on the nanosleep system call.  A signal handler ends the
 * sleep early: sleep then returns the seconds that were left. */
#include <time.h>
#include <unistd.h>

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
