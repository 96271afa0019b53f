/* Time: the calendar conversions (gmtime, timegm, strftime, asctime) at
 * known dates, and the clocks (time, gettimeofday, times, clock). */
#include <minnow/test.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

static void expect_date(const char *name, time_t t, const char *want)
{
    char got[64];
    struct tm tm;

    gmtime_r(&t, &tm);
    strftime(got, sizeof(got), "%Y-%m-%d %H:%M:%S %a yday=%j", &tm);
    check(!strcmp(got, want), name, "%ld is \"%s\", want \"%s\"", (long)t, got, want);
}

static void calendar(void)
{
    expect_date("gmtime_epoch", 0, "1970-01-01 00:00:00 Thu yday=001");
    expect_date("gmtime_leap_day", 951782400, "2000-02-29 00:00:00 Tue yday=060");
    expect_date("gmtime_year_end", 1230767999, "2008-12-31 23:59:59 Wed yday=366");
    expect_date("gmtime_before_epoch", -1, "1969-12-31 23:59:59 Wed yday=365");
    expect_date("gmtime_2038", 2147483647, "2038-01-19 03:14:07 Tue yday=019");

    int ok = 1;
    for (time_t t = -100000000; t < 2100000000 - 86400 * 3; t += 86400 * 37 + 3607) {
        struct tm tm;
        gmtime_r(&t, &tm);
        if (timegm(&tm) != t)
            ok = 0;
    }
    check(ok, "timegm_roundtrip", "timegm(gmtime(t)) != t");

    struct tm tm = { .tm_year = 99, .tm_mon = 12, .tm_mday = 1 };   /* month 13 */
    time_t t = mktime(&tm);
    check(tm.tm_year == 100 && tm.tm_mon == 0 && t == 946684800, "mktime_normalize",
          "year %d mon %d t %ld", tm.tm_year, tm.tm_mon, (long)t);
}

static void text(void)
{
    time_t t = 0;
    const char *s = asctime(gmtime(&t));
    check(!strcmp(s, "Thu Jan  1 00:00:00 1970\n"), "asctime", "got \"%s\"", s);
    t = 1000000000;
    s = ctime(&t);
    check(!strcmp(s, "Sun Sep  9 01:46:40 2001\n"), "ctime", "got \"%s\"", s);

    char buf[64];
    struct tm tm;
    gmtime_r(&t, &tm);
    size_t n = strftime(buf, sizeof(buf), "%F %T|%D|%b %B %A|%I %p|%%", &tm);
    const char *want = "2001-09-09 01:46:40|09/09/01|Sep September Sunday|01 AM|%";
    check(n == strlen(want) && !strcmp(buf, want), "strftime", "got \"%s\"", buf);
    check(strftime(buf, 5, "%Y-%m-%d", &tm) == 0, "strftime_too_small", "did not report 0");
}

static volatile unsigned cpu_sink;

static void clocks(void)
{
    time_t t1, t0 = time(&t1);
    check(t0 > 0 && t0 == t1, "time", "time %ld, stored %ld", (long)t0, (long)t1);

    struct timeval tv;
    int r = gettimeofday(&tv, NULL);
    check(r == 0 && tv.tv_usec >= 0 && tv.tv_usec < 1000000 && tv.tv_sec >= t0,
          "gettimeofday", "r=%d %ld.%06ld", r, (long)tv.tv_sec, (long)tv.tv_usec);

    /* burn some CPU time: clock() must not go backwards */
    clock_t c0 = clock();
    for (unsigned i = 0; i < 3000000; i++)
        cpu_sink += i;
    clock_t c1 = clock();
    struct tms tms;
    clock_t ticks = times(&tms);
    check(c0 >= 0 && c1 >= c0 && ticks != (clock_t)-1, "clock", "c0=%ld c1=%ld", (long)c0, (long)c1);

    time_t before = time(NULL);
    sleep(1);
    time_t after = time(NULL);
    check(after - before >= 1 && after - before <= 2, "sleep", "slept %ld s", (long)(after - before));
}

int main(void)
{
    calendar();
    text();
    clocks();
    return test_exit_code();
}
