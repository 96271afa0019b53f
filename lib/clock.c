/* clock(): the processor time this process has used, in CLOCKS_PER_SEC
 * units: the user and system ticks that times() reports. */
#include <sys/times.h>
#include <time.h>

clock_t clock(void)
{
    struct tms t;

    if (times(&t) == (clock_t)-1)
        return (clock_t)-1;
    return t.tms_utime + t.tms_stime;
}
