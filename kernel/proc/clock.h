#ifndef PROC_CLOCK_H
#define PROC_CLOCK_H

#include <minnow/time.h>

/* Reads clock id (CLOCK_REALTIME...) into *ts: 0, or -EINVAL for a
 * clock Minnow does not have. */
int read_clock(clockid_t id, struct timespec *ts);

/* A program's timespec, 32-bit (struct timespec) or, with is64, the
 * time64 calls' struct timespec64, copied in and out: 0 or -EFAULT.
 * Seconds that do not fit in 32 bits come in as the largest time. */
int get_timespec(struct timespec *ts, const void *uts, int is64);
int put_timespec(void *uts, const struct timespec *ts, int is64);

int timespec_valid(const struct timespec *ts);     /* tv_sec >= 0, tv_nsec < 1e9 */
/* A time span in timer ticks, rounded up; at most about 248 days (jiffies
 * compare by their signed difference: time_after_eq). */
unsigned long timespec_to_ticks(const struct timespec *ts);
#define MAX_SLEEP_TICKS (0x7fffffffUL - HZ)

#endif
