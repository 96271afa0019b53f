/* Pseudo-random numbers: a linear congruential generator (the next state
 * is state * a + c, modulo 2^32), whose output mixes the better high bits
 * into the low ones.  Good enough for games and tests, not for secrets.
 * The same seed gives the same sequence; the default seed is 1. */
#include <stdlib.h>

static unsigned int state = 1;

int rand_r(unsigned int *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    unsigned int x = *seed;
    x ^= x >> 16;
    return (int)(x & RAND_MAX);
}

int rand(void)
{
    return rand_r(&state);
}

void srand(unsigned int seed)
{
    state = seed;
}
