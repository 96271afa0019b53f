#ifndef _MINNOW_TIME_H
#define _MINNOW_TIME_H

#include <minnow/types.h>

struct timespec {
    time_t tv_sec;
    long tv_nsec;
};

struct timeval {
    time_t tv_sec;
    suseconds_t tv_usec;
};

struct timezone {
    int tz_minuteswest;
    int tz_dsttime;
};

struct utimbuf {                 /* utime(2) */
    time_t actime;               /* last access */
    time_t modtime;              /* last change of the contents */
};

struct tms {
    clock_t tms_utime, tms_stime, tms_cutime, tms_cstime;
};

#define CLOCKS_PER_SEC 100       /* times() counts timer ticks (HZ) */

#endif
