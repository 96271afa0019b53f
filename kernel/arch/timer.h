#ifndef ARCH_TIMER_H
#define ARCH_TIMER_H

#define HZ 100                       /* timer interrupts per second */

/* Timer ticks since boot. */
extern volatile unsigned long jiffies;

/* a >= b, correct even when jiffies wraps around */
static inline int time_after_eq(unsigned long a, unsigned long b)
{
    return (long)(a - b) >= 0;
}

void timer_init(void);
void timer_intr(void);
void timer_uptime(unsigned long *sec, unsigned long *usec);   /* to the microsecond */

#endif
