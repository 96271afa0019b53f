#ifndef _MINNOW_TIME_H
#define _MINNOW_TIME_H

#include <minnow/types.h>

struct timespec {
    time_t tv_sec;
    long tv_nsec;
};

/* The time64 calls' timespec (clock_gettime64...): 64-bit seconds, so
 * that it goes past 2038.  (Linux's struct __kernel_timespec.) */
struct timespec64 {
    long long tv_sec;
    long long tv_nsec;
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

/* clock_gettime()'s clocks: Linux's numbers */
#define CLOCK_REALTIME           0   /* the date and time (since 1970) */
#define CLOCK_MONOTONIC          1   /* the time since boot; never goes back */
#define CLOCK_PROCESS_CPUTIME_ID 2   /* the CPU time this process used */
#define CLOCK_THREAD_CPUTIME_ID  3   /* ... this thread (the same: one a process) */
#define CLOCK_MONOTONIC_RAW      4
#define CLOCK_REALTIME_COARSE    5
#define CLOCK_MONOTONIC_COARSE   6
#define CLOCK_BOOTTIME           7

#define TIMER_ABSTIME 1              /* clock_nanosleep: until a time, not for one */

#endif
