/* The CMOS real-time clock, read once at boot; after that the time is
 * the boot time + jiffies / HZ.  (QEMU's RTC runs on UTC.) */
#include "drv/rtc.h"
#include "arch/x86.h"
#include "arch/timer.h"

static time_t boot_seconds;

static int cmos(int reg)
{
    outb(0x70, reg);
    return inb(0x71);
}

static int bcd(int v)
{
    return (v & 0x0f) + (v >> 4) * 10;
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static time_t to_unix(int year, int mon, int day, int h, int m, int s)
{
    static const int days_before[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
    long days = 0;

    for (int y = 1970; y < year; y++)
        days += is_leap(y) ? 366 : 365;
    days += days_before[mon - 1] + (mon > 2 && is_leap(year)) + day - 1;
    return ((days * 24 + h) * 60 + m) * 60 + s;
}

void rtc_init(void)
{
    while (cmos(0x0A) & 0x80)        /* wait while an update is in progress */
        ;
    int s = cmos(0x00), m = cmos(0x02), h = cmos(0x04);
    int day = cmos(0x07), mon = cmos(0x08), year = cmos(0x09);
    if (!(cmos(0x0B) & 0x04)) {      /* BCD, the usual encoding */
        s = bcd(s); m = bcd(m); h = bcd(h);
        day = bcd(day); mon = bcd(mon); year = bcd(year);
    }
    boot_seconds = to_unix(2000 + year, mon, day, h, m, s);
}

time_t boot_time_seconds(void)
{
    return boot_seconds;
}

time_t current_time(void)
{
    return boot_seconds + jiffies / HZ;
}
