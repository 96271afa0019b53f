#ifndef DRV_RTC_H
#define DRV_RTC_H

#include <minnow/types.h>

void rtc_init(void);
time_t current_time(void);   /* seconds since 1970 */
time_t boot_time_seconds(void);

#endif
