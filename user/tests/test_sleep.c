/* Sleeping and yielding: nanosleep lasts at least as long as asked and
 * gives the CPU away meanwhile; sched_yield returns. */
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include <sys/times.h>
#include <minnow/test.h>

int main(void)
{
    struct tms t;
    clock_t start = times(&t);
    struct timespec req = { 0, 200 * 1000 * 1000 };      /* 0.2 s */
    check(nanosleep(&req, NULL) == 0, "nanosleep_ok", "errno %d", errno);
    clock_t slept = times(&t) - start;
    check(slept >= 20 && slept < 40, "nanosleep_duration", "%ld ticks for 0.2 s", (long)slept);
    check(t.tms_utime < 5, "nanosleep_uses_no_cpu", "%ld ticks of CPU", (long)t.tms_utime);

    struct timespec bad = { 0, 2000000000 };
    check(nanosleep(&bad, NULL) == -1 && errno == EINVAL, "nanosleep_einval", "errno %d", errno);
    check(sched_yield() == 0, "sched_yield", "errno %d", errno);
    time_t now = time(NULL);
    check(now > 1600000000, "time_is_real", "time() = %ld", (long)now);
    return test_exit_code();
}
