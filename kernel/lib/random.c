/* A small random number generator (random.h): xorshift64*, seeded at its
 * first use from the time of day and the CPU's cycle counter, and stirred
 * with the cycle counter on every call, so that two execs a microsecond
 * apart still get different bytes.  Fast and well spread, but anyone who
 * sees enough output could predict the rest: not for keys. */
#include <stdint.h>
#include "lib/random.h"
#include "arch/x86.h"
#include "drv/rtc.h"

static uint64_t state;

static uint64_t next(void)
{
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545F4914F6CDD1DULL;
}

void get_random_bytes(void *buf, size_t n)
{
    unsigned char *p = buf;

    if (state == 0)
        state = ((uint64_t)boot_time_seconds() << 32) ^ 0x9E3779B97F4A7C15ULL;
    state ^= rdtsc();
    if (state == 0)                      /* xorshift stays at 0 forever */
        state = 1;
    while (n > 0) {
        uint64_t r = next();
        for (int i = 0; i < 8 && n > 0; i++, n--, r >>= 8)
            *p++ = (unsigned char)r;
    }
}
