/* gettimeofday: the time in seconds and microseconds. */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>
#include <minnow/time.h>       /* struct timeval, struct timezone */

int gettimeofday(struct timeval *tv, struct timezone *tz);

#endif
