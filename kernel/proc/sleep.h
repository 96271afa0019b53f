#ifndef PROC_SLEEP_H
#define PROC_SLEEP_H

#include <minnow/time.h>

/* Timed sleeps (nanosleep, poll, select) and their restarts: the end of a
 * sleep of *ts, in jiffies; what to return when a signal ends it; and the
 * time left until end. */
unsigned long sleep_end(const struct timespec *ts);
long sleep_interrupted(unsigned long end);
void time_left(unsigned long end, struct timespec *ts);

#endif
