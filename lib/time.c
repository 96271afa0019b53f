/* Calendar time: seconds since 1970-01-01 00:00:00 UTC (the "epoch") to
 * year, month, day, hour... and back, and as text.  Minnow has no time
 * zones, so local time is UTC. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#define SECONDS_PER_DAY 86400L

static const char *const day_names[] = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};
static const char *const month_names[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
};

static int is_leap(long year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(long year, int month)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

    return days[month] + (month == 1 && is_leap(year));
}

/* Seconds since the epoch -> calendar: count whole years from 1970, then
 * whole months, and the rest is the day and the time of day. */
struct tm *gmtime_r(const time_t *t, struct tm *tm)
{
    long days = *t / SECONDS_PER_DAY;
    long secs = *t % SECONDS_PER_DAY;
    long year = 1970;

    if (secs < 0) {                          /* before 1970 */
        secs += SECONDS_PER_DAY;
        days--;
    }
    tm->tm_hour = (int)(secs / 3600);
    tm->tm_min = (int)(secs % 3600 / 60);
    tm->tm_sec = (int)(secs % 60);
    tm->tm_wday = (int)((days % 7 + 11) % 7);   /* 1970-01-01 was a Thursday */
    while (days < 0)
        days += 365 + is_leap(--year);
    while (days >= 365 + is_leap(year))
        days -= 365 + is_leap(year++);
    tm->tm_year = (int)(year - 1900);
    tm->tm_yday = (int)days;
    int month = 0;
    while (days >= days_in_month(year, month))
        days -= days_in_month(year, month++);
    tm->tm_mon = month;
    tm->tm_mday = (int)days + 1;
    tm->tm_isdst = 0;
    return tm;
}

struct tm *gmtime(const time_t *t)
{
    static struct tm tm;

    return gmtime_r(t, &tm);
}

struct tm *localtime_r(const time_t *t, struct tm *tm)
{
    return gmtime_r(t, tm);
}

struct tm *localtime(const time_t *t)
{
    return gmtime(t);
}

/* Calendar -> seconds since the epoch (the fields may be out of range:
 * month 13 is January of the next year; tm is normalized in passing). */
time_t timegm(struct tm *tm)
{
    long year = 1900L + tm->tm_year + tm->tm_mon / 12;
    int month = tm->tm_mon % 12;

    if (month < 0) {
        month += 12;
        year--;
    }
    long days = 0;
    for (long y = 1970; y < year; y++)
        days += 365 + is_leap(y);
    for (long y = year; y < 1970; y++)
        days -= 365 + is_leap(y);
    for (int m = 0; m < month; m++)
        days += days_in_month(year, m);
    days += tm->tm_mday - 1;
    time_t t = days * SECONDS_PER_DAY + tm->tm_hour * 3600L + tm->tm_min * 60L + tm->tm_sec;
    gmtime_r(&t, tm);
    return t;
}

time_t mktime(struct tm *tm)
{
    return timegm(tm);
}

/* "Thu Nov 24 18:22:48 1986\n" */
char *asctime(const struct tm *tm)
{
    static char buf[32];

    strftime(buf, sizeof(buf), "%a %b %e %H:%M:%S %Y\n", tm);
    return buf;
}

char *ctime(const time_t *t)
{
    return asctime(gmtime(t));
}

/* ---- strftime ---- */
struct text {
    char *s;
    size_t max, len;
};

static void add(struct text *out, const char *str)
{
    for (; *str; str++) {
        if (out->len + 1 < out->max)
            out->s[out->len] = *str;
        out->len++;
    }
}

static void add_number(struct text *out, const char *fmt, long n)
{
    char buf[24];

    snprintf(buf, sizeof(buf), fmt, n);
    add(out, buf);
}

/* One %-conversion of strftime. */
static void convert(struct text *out, char c, const struct tm *tm)
{
    char abbrev[4] = "";

    switch (c) {
    case 'a': strlcpy(abbrev, day_names[tm->tm_wday % 7], 4); add(out, abbrev); break;
    case 'A': add(out, day_names[tm->tm_wday % 7]); break;
    case 'b':
    case 'h': strlcpy(abbrev, month_names[tm->tm_mon % 12], 4); add(out, abbrev); break;
    case 'B': add(out, month_names[tm->tm_mon % 12]); break;
    case 'd': add_number(out, "%02ld", tm->tm_mday); break;
    case 'e': add_number(out, "%2ld", tm->tm_mday); break;
    case 'H': add_number(out, "%02ld", tm->tm_hour); break;
    case 'I': add_number(out, "%02ld", (tm->tm_hour + 11) % 12 + 1); break;
    case 'j': add_number(out, "%03ld", tm->tm_yday + 1); break;
    case 'm': add_number(out, "%02ld", tm->tm_mon + 1); break;
    case 'M': add_number(out, "%02ld", tm->tm_min); break;
    case 'p': add(out, tm->tm_hour < 12 ? "AM" : "PM"); break;
    case 'S': add_number(out, "%02ld", tm->tm_sec); break;
    case 'u': add_number(out, "%ld", tm->tm_wday ? tm->tm_wday : 7); break;
    case 'w': add_number(out, "%ld", tm->tm_wday); break;
    case 'y': add_number(out, "%02ld", (1900L + tm->tm_year) % 100); break;
    case 'Y': add_number(out, "%ld", 1900L + tm->tm_year); break;
    case 'Z': add(out, "UTC"); break;
    case 'z': add(out, "+0000"); break;
    case 'n': add(out, "\n"); break;
    case 't': add(out, "\t"); break;
    case '%': add(out, "%"); break;
    /* the combinations */
    case 'D': convert(out, 'm', tm); add(out, "/"); convert(out, 'd', tm);
              add(out, "/"); convert(out, 'y', tm); break;
    case 'F': convert(out, 'Y', tm); add(out, "-"); convert(out, 'm', tm);
              add(out, "-"); convert(out, 'd', tm); break;
    case 'R': convert(out, 'H', tm); add(out, ":"); convert(out, 'M', tm); break;
    case 'T': convert(out, 'R', tm); add(out, ":"); convert(out, 'S', tm); break;
    case 'c': convert(out, 'a', tm); add(out, " "); convert(out, 'b', tm);
              add(out, " "); convert(out, 'e', tm); add(out, " ");
              convert(out, 'T', tm); add(out, " "); convert(out, 'Y', tm); break;
    default: {                              /* unknown: copy it as it is */
        char same[3] = { '%', c, '\0' };
        add(out, same);
    }
    }
}

/* Formats tm by fmt into s (at most max bytes, with the '\0').  Returns
 * the length, or 0 if it did not fit. */
size_t strftime(char *s, size_t max, const char *fmt, const struct tm *tm)
{
    struct text out = { s, max, 0 };

    for (; *fmt; fmt++) {
        if (*fmt == '%' && fmt[1]) {
            convert(&out, *++fmt, tm);
        } else {
            char one[2] = { *fmt, '\0' };
            add(&out, one);
        }
    }
    if (out.len >= max) {
        if (max > 0)
            s[0] = '\0';
        return 0;
    }
    s[out.len] = '\0';
    return out.len;
}
