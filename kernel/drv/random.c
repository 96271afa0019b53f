/* Random bytes for getrandom() and for AT_RANDOM at exec: glibc takes
 * them at start-up for its stack protector's and pointer guard's secrets,
 * programs for seeds.
 *
 * The generator is xorshift128+, seeded the first time it is used from
 * the real-time clock and the CPU's cycle counter (rdtsc), and stirred
 * with the cycle counter again at every call, so two boots or two calls
 * a moment apart give different bytes.  It is NOT cryptographic: anyone
 * who sees enough output can predict the rest.  Minnow is for learning
 * how an OS works, not for keeping secrets.  It never runs dry, so
 * GRND_NONBLOCK and GRND_RANDOM change nothing. */
#include <minnow/errno.h>
#include <minnow/random.h>
#include "drv/random.h"
#include "arch/x86.h"
#include "drv/rtc.h"
#include "mm/uaccess.h"
#include "proc/sched.h"
#include "proc/signal.h"

static uint64_t state[2];

/* splitmix64: spreads one number's bits over a whole state word. */
static uint64_t mix(uint64_t z)
{
    z += 0x9e3779b97f4a7c15ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static uint64_t next(void)
{
    uint64_t s1 = state[0];
    const uint64_t s0 = state[1];

    state[0] = s0;
    s1 ^= s1 << 23;
    state[1] = s1 ^ s0 ^ (s1 >> 17) ^ (s0 >> 26);
    return state[1] + s0;
}

static void stir(void)
{
    if (state[0] == 0 && state[1] == 0)     /* the first use: seed */
        state[0] = mix((uint64_t)current_time());
    state[1] ^= mix(rdtsc());
    if (state[0] == 0 && state[1] == 0)
        state[1] = 1;                       /* all zeros would stay zeros */
}

/* Fills the kernel buffer buf with n random bytes. */
static void fill(uint8_t *buf, size_t n)
{
    while (n > 0) {
        uint64_t r = next();
        for (int i = 0; i < 8 && n > 0; i++, n--, r >>= 8)
            *buf++ = (uint8_t)r;
    }
}

/* For the kernel itself: the 16 bytes of AT_RANDOM at every exec. */
void get_random_bytes(void *buf, size_t n)
{
    stir();
    fill(buf, n);
}

/* A large request is a long job in the kernel: between pages interrupts
 * may come in, others may run, and a signal ends it early (with what was
 * written so far), as Linux does. */
#define PIECE 256

long sys_getrandom(void *ubuf, size_t count, unsigned int flags)
{
    uint8_t piece[PIECE];
    size_t done = 0;

    if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
        return -EINVAL;
    if ((flags & GRND_INSECURE) && (flags & GRND_RANDOM))
        return -EINVAL;
    if (count > 0x7fffffff)
        count = 0x7fffffff;                 /* the result must read as a count */
    stir();
    while (done < count) {
        size_t n = count - done < PIECE ? count - done : PIECE;
        fill(piece, n);
        if (copy_to_user((char *)ubuf + done, piece, n) < 0)
            return done ? (long)done : -EFAULT;
        done += n;
        if (done % 4096 == 0 && done < count) {
            interrupt_window();
            cond_resched();
            if (signal_pending(current))
                break;
        }
    }
    return done;
}
