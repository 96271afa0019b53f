#ifndef ARCH_TIMER_H
#define ARCH_TIMER_H

#define HZ 100                       /* timer interrupts per second */

/* Timer ticks since boot. */
extern volatile unsigned long jiffies;

void timer_init(void);
void timer_intr(void);

#endif
