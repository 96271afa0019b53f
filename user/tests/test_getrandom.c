/* getrandom(): bytes from the kernel's generator.  Two calls differ, the
 * bytes look random enough (every byte value turns up in 64 KiB), the
 * flags are Linux's, and a bad buffer is EFAULT. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/random.h>
#include <minnow/test.h>

static unsigned char buf[65536];

int main(void)
{
    unsigned char a[32], b[32];

    check(getrandom(a, sizeof(a), 0) == 32 && getrandom(b, sizeof(b), 0) == 32 &&
          memcmp(a, b, sizeof(a)) != 0, "getrandom_two_calls_differ", "the same bytes twice");
    check(getrandom(buf, sizeof(buf), GRND_NONBLOCK) == (ssize_t)sizeof(buf), "getrandom_64k",
          "short or failed: errno %d", errno);
    int seen[256] = { 0 }, missing = 0;
    for (unsigned i = 0; i < sizeof(buf); i++)
        seen[buf[i]]++;
    for (int v = 0; v < 256; v++)
        missing += seen[v] < 100;             /* about 256 expected of each */
    check(missing == 0, "getrandom_every_byte_value", "%d values rare", missing);
    check(getrandom(a, 8, GRND_RANDOM) == 8 && getrandom(a, 8, GRND_INSECURE) == 8,
          "getrandom_flags_accepted", "errno %d", errno);
    check(getrandom(a, 0, 0) == 0, "getrandom_zero_bytes", "not 0");
    check(getrandom(a, 8, 8) < 0 && errno == EINVAL, "getrandom_bad_flag_einval", "errno %d", errno);
    check(getrandom(a, 8, GRND_RANDOM | GRND_INSECURE) < 0 && errno == EINVAL,
          "getrandom_random_insecure_einval", "errno %d", errno);
    check(getrandom((void *)0xC0000000, 8, 0) < 0 && errno == EFAULT, "getrandom_efault", "errno %d",
          errno);
    return test_exit_code();
}
