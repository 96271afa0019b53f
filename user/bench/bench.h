/* Shared by the benchmark programs (make bench): time a loop with the
 * system clock and print one result line, "bench NAME VALUE UNIT". */
#ifndef BENCH_H
#define BENCH_H

#include <stdio.h>
#include <sys/time.h>

static inline double bench_now(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return tv.tv_sec + tv.tv_usec / 1e6;
}

static inline void bench_report(const char *name, double value, const char *unit)
{
    /* the value with two decimals, without floating point in printf */
    long hundredths = (long)(value * 100 + 0.5);
    printf("bench %-22s %8ld.%02ld %s\n", name, hundredths / 100, hundredths % 100, unit);
    fflush(stdout);
}

#endif
