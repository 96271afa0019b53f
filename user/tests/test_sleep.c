/* Sleeping and yielding: nanosleep lasts at least as long as asked and
 * gives the CPU away meanwhile; sched_yield returns. */
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include <sys/time.h>
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
    /* gettimeofday is finer than a tick, and never goes back */
    struct timeval a, b;
    int backwards = 0, fine = 0;
    gettimeofday(&a, NULL);
    for (int i = 0; i < 2000; i++) {
        gettimeofday(&b, NULL);
        long d = (b.tv_sec - a.tv_sec) * 1000000 + (b.tv_usec - a.tv_usec);
        backwards += d < 0;
        fine += d > 0 && d < 5000;
        a = b;
    }
    check(backwards == 0, "gettimeofday_monotonic", "%d steps back", backwards);
    check(fine > 0, "gettimeofday_sub_tick", "no step finer than 5 ms");
    time_t now = time(NULL);
    check(now > 1600000000, "time_is_real", "time() = %ld", (long)now);
    return test_exit_code();
}
