/* The clocks: clock_gettime (and its time64 twin) agrees with time() and
 * gettimeofday, CLOCK_MONOTONIC never goes back, the CPU-time clocks count
 * what the process used; clock_getres says how fine each is; and
 * clock_nanosleep sleeps for a time or until one (TIMER_ABSTIME), ends
 * early for a handler, and gives Linux's errors. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/time.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>

static long long ns(const struct timespec *t)
{
    return (long long)t->tv_sec * 1000000000 + t->tv_nsec;
}

static long long now_ns(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return ns(&t);
}

static void reading(void)
{
    struct timespec rt = { 0, 0 }, mono = { 0, 0 };
    struct timeval tv;

    time_t t0 = time(NULL);
    check(clock_gettime(CLOCK_REALTIME, &rt) == 0 && rt.tv_sec >= t0 && rt.tv_sec - t0 <= 1 &&
          rt.tv_nsec >= 0 && rt.tv_nsec < 1000000000, "clock_realtime_is_time", "%ld vs %ld",
          (long)rt.tv_sec, (long)t0);
    gettimeofday(&tv, NULL);
    long long diff = (long long)tv.tv_sec * 1000000000 + tv.tv_usec * 1000LL - ns(&rt);
    check(diff >= 0 && diff < 50000000, "clock_realtime_is_gettimeofday", "%lld ns apart", diff);
    check(rt.tv_sec > 1600000000, "clock_realtime_is_a_date", "%ld", (long)rt.tv_sec);

    int back = 0;
    long long last = now_ns(CLOCK_MONOTONIC);
    for (int i = 0; i < 5000; i++) {
        long long n = now_ns(CLOCK_MONOTONIC);
        back += n < last;
        last = n;
    }
    check(back == 0, "clock_monotonic_never_back", "%d steps back", back);
    clock_gettime(CLOCK_MONOTONIC, &mono);
    check(mono.tv_sec < rt.tv_sec, "clock_monotonic_since_boot", "%ld", (long)mono.tv_sec);

    static const clockid_t aliases[] = { CLOCK_MONOTONIC_RAW, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME };
    int odd = 0;
    for (unsigned i = 0; i < 3; i++) {
        long long a = now_ns(CLOCK_MONOTONIC), b = now_ns(aliases[i]);
        odd += b < a || b - a > 20000000;
    }
    long long rc = now_ns(CLOCK_REALTIME_COARSE) - now_ns(CLOCK_REALTIME);
    check(odd == 0 && rc > -20000000 && rc <= 0, "clock_aliases", "%d differ", odd);

    long long cpu0 = now_ns(CLOCK_PROCESS_CPUTIME_ID);
    long long wall0 = now_ns(CLOCK_MONOTONIC);
    while (now_ns(CLOCK_MONOTONIC) - wall0 < 150000000)
        ;
    long long cpu1 = now_ns(CLOCK_PROCESS_CPUTIME_ID), th = now_ns(CLOCK_THREAD_CPUTIME_ID);
    check(cpu1 - cpu0 >= 100000000 && cpu1 - cpu0 <= 400000000 && th >= cpu1,
          "clock_process_cputime", "%lld ns of CPU in a 150 ms loop", cpu1 - cpu0);

    static const clockid_t bad[] = { 8, 9, 11, 12, 100, -1, -6 };
    int wrong = 0;
    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        wrong += !(clock_gettime(bad[i], &rt) < 0 && errno == EINVAL);
    check(wrong == 0, "clock_gettime_bad_clock_einval", "%d wrong", wrong);
    check(clock_gettime(CLOCK_REALTIME, (void *)0xC0000000) < 0 && errno == EFAULT,
          "clock_gettime_efault", "errno %d", errno);
}

static void resolution(void)
{
    struct timespec r = { 0, 0 };

    check(clock_getres(CLOCK_MONOTONIC, &r) == 0 && r.tv_sec == 0 && r.tv_nsec == 1000,
          "clock_getres_monotonic_1us", "%ld", r.tv_nsec);
    check(clock_getres(CLOCK_PROCESS_CPUTIME_ID, &r) == 0 && r.tv_nsec == 10000000,
          "clock_getres_cputime_tick", "%ld", r.tv_nsec);
    check(clock_getres(CLOCK_REALTIME, NULL) == 0, "clock_getres_null", "errno %d", errno);
    check(clock_getres(11, &r) < 0 && errno == EINVAL, "clock_getres_bad_einval", "errno %d", errno);
    check(clock_getres(CLOCK_REALTIME, (void *)1) < 0 && errno == EFAULT, "clock_getres_efault",
          "errno %d", errno);
}

static void time64(void)
{
    struct timespec64 t64;
    struct timespec t;

    memset(&t64, 0xff, sizeof(t64));
    long r = syscall(__NR_clock_gettime64, CLOCK_REALTIME, &t64);
    clock_gettime(CLOCK_REALTIME, &t);
    check(r == 0 && t64.tv_sec > 1600000000 && t64.tv_sec <= t.tv_sec && t.tv_sec - t64.tv_sec <= 1 &&
          t64.tv_nsec >= 0 && t64.tv_nsec < 1000000000, "clock_gettime64", "%lld.%lld",
          t64.tv_sec, t64.tv_nsec);
    r = syscall(__NR_clock_getres_time64, CLOCK_MONOTONIC, &t64);
    check(r == 0 && t64.tv_sec == 0 && t64.tv_nsec == 1000, "clock_getres_time64", "%lld", t64.tv_nsec);
    check(syscall(__NR_clock_gettime64, 42, &t64) < 0 && errno == EINVAL, "clock_gettime64_einval",
          "errno %d", errno);

    struct timespec64 req = { 0, 50000000 };
    long long t0 = now_ns(CLOCK_MONOTONIC);
    r = syscall(__NR_clock_nanosleep_time64, CLOCK_MONOTONIC, 0, &req, NULL);
    long long slept = now_ns(CLOCK_MONOTONIC) - t0;
    check(r == 0 && slept >= 50000000 && slept < 500000000, "clock_nanosleep_time64", "%lld ns", slept);
    req = (struct timespec64){ -1, 0 };
    check(syscall(__NR_clock_nanosleep_time64, CLOCK_MONOTONIC, 0, &req, NULL) < 0 && errno == EINVAL,
          "clock_nanosleep_time64_negative_einval", "errno %d", errno);
}

static void sleeping(void)
{
    struct timespec req = { 0, 100000000 }, rem = { 0, 0 };

    long long t0 = now_ns(CLOCK_MONOTONIC);
    int r = clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL);
    long long slept = now_ns(CLOCK_MONOTONIC) - t0;
    check(r == 0 && slept >= 100000000 && slept < 600000000, "clock_nanosleep_relative",
          "r %d, %lld ns", r, slept);

    long long target = now_ns(CLOCK_MONOTONIC) + 150000000;
    struct timespec abs = { target / 1000000000, target % 1000000000 };
    r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, NULL);
    long long woke = now_ns(CLOCK_MONOTONIC);
    check(r == 0 && woke >= target && woke - target < 500000000, "clock_nanosleep_abstime",
          "r %d, woke %lld ns after the target", r, woke - target);

    clock_gettime(CLOCK_REALTIME, &abs);
    abs.tv_sec -= 10;                         /* in the past: at once */
    t0 = now_ns(CLOCK_MONOTONIC);
    r = clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &abs, NULL);
    check(r == 0 && now_ns(CLOCK_MONOTONIC) - t0 < 20000000, "clock_nanosleep_abstime_past", "r %d", r);

    req = (struct timespec){ 0, 1000000000 };
    check(clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL) == EINVAL, "clock_nanosleep_bad_nsec_einval",
          "not EINVAL");
    req = (struct timespec){ 0, 1000 };
    check(clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, 0, &req, NULL) == EOPNOTSUPP,
          "clock_nanosleep_cputime_eopnotsupp", "not EOPNOTSUPP");
    check(clock_nanosleep(77, 0, &req, NULL) == EINVAL, "clock_nanosleep_bad_clock_einval", "not EINVAL");
    check(clock_nanosleep(CLOCK_MONOTONIC, 0, (void *)0xC0000000, NULL) == EFAULT,
          "clock_nanosleep_efault", "not EFAULT");
    errno = 0;
    check(clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL) == 0 && errno == 0,
          "clock_nanosleep_leaves_errno", "errno %d", errno);

    /* a handler ends it: EINTR, and the time left in rem */
    req = (struct timespec){ 3, 0 };
    alarm_interrupt(1);
    r = clock_nanosleep(CLOCK_REALTIME, 0, &req, &rem);
    alarm_restore();
    check(r == EINTR && rem.tv_sec >= 1 && rem.tv_sec <= 2, "clock_nanosleep_eintr_rem",
          "r %d rem %ld", r, (long)rem.tv_sec);
    clock_gettime(CLOCK_REALTIME, &abs);
    abs.tv_sec += 3;
    rem = (struct timespec){ 77, 77 };
    alarm_interrupt(1);
    r = clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &abs, &rem);
    alarm_restore();
    check(r == EINTR && rem.tv_sec == 77 && rem.tv_nsec == 77, "clock_nanosleep_abstime_eintr_no_rem",
          "r %d rem %ld", r, (long)rem.tv_sec);
}

int main(void)
{
    reading();
    resolution();
    time64();
    sleeping();
    return test_exit_code();
}
