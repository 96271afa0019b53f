/* Time: seconds since 1970-01-01 00:00 UTC, and their calendar form.
 * Minnow has no time zones: local time is UTC. */
#ifndef _TIME_H
#define _TIME_H

#include <stddef.h>
#include <sys/types.h>
#include <minnow/time.h>       /* struct timespec, CLOCKS_PER_SEC */

struct tm {
    int tm_sec;                /* 0..60 */
    int tm_min;                /* 0..59 */
    int tm_hour;               /* 0..23 */
    int tm_mday;               /* 1..31 */
    int tm_mon;                /* 0..11 */
    int tm_year;               /* years since 1900 */
    int tm_wday;               /* 0..6, Sunday = 0 */
    int tm_yday;               /* 0..365 */
    int tm_isdst;              /* always 0 */
};

time_t time(time_t *t);
clock_t clock(void);           /* processor time used, in CLOCKS_PER_SEC */
int nanosleep(const struct timespec *req, struct timespec *rem);

/* The clocks CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID...
 * (<minnow/time.h>); clock_nanosleep returns an error number itself (0:
 * it slept), with TIMER_ABSTIME until the clock reads *req. */
int clock_gettime(clockid_t clock, struct timespec *tp);
int clock_getres(clockid_t clock, struct timespec *res);
int clock_nanosleep(clockid_t clock, int flags, const struct timespec *req, struct timespec *rem);

struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *t, struct tm *result);
struct tm *localtime(const time_t *t);
struct tm *localtime_r(const time_t *t, struct tm *result);
time_t mktime(struct tm *tm);
time_t timegm(struct tm *tm);
char *asctime(const struct tm *tm);
char *ctime(const time_t *t);
size_t strftime(char *s, size_t max, const char *fmt, const struct tm *tm);

#endif
