/* The PIT (8253/8254 timer), channel 0, interrupting HZ times a second:
 * the heartbeat that counts jiffies and lets the scheduler take the CPU
 * away from a process whose time slice is spent. */
#include "arch/timer.h"
#include "arch/x86.h"
#include "arch/pic.h"
#include "arch/idt.h"

enum { PIT_CH0 = 0x40, PIT_CMD = 0x43, PIT_FREQ = 1193182 };

volatile unsigned long jiffies;

void timer_init(void)
{
    unsigned divisor = PIT_FREQ / HZ;

    /* Mode 2, the rate generator: the count runs down from divisor once a
     * tick, so timer_uptime() can read how far the tick has gone.  (Mode 3,
     * the square wave, runs it down twice a tick, and the second half
     * would look like the first.) */
    outb(PIT_CMD, 0x34);              /* channel 0, lo/hi byte, mode 2 */
    outb(PIT_CH0, divisor & 0xff);
    outb(PIT_CH0, divisor >> 8);
    pic_enable(IRQ_TIMER);
}

void timer_intr(void)
{
    jiffies++;
}

/* The time since boot, finer than a tick: the PIT's counter says how far
 * the current tick has gone.  If the counter has already wrapped but its
 * interrupt is still waiting (the kernel runs with interrupts off), the
 * PIC's request register shows it, and that tick is counted too.  The
 * counter can still wrap a moment before the request shows (QEMU raises it
 * a little late), so the answer is never allowed to go back in time. */
void timer_uptime(unsigned long *sec, unsigned long *usec)
{
    unsigned divisor = PIT_FREQ / HZ;

    outb(PIT_CMD, 0x00);              /* latch channel 0's count */
    unsigned count = inb(PIT_CH0);
    count |= inb(PIT_CH0) << 8;
    outb(0x20, 0x0A);                 /* PIC1: read the request register */
    int pending = inb(0x20) & 1;
    unsigned elapsed = count <= divisor ? divisor - count : 0;
    unsigned long ticks = jiffies + (pending && elapsed < divisor / 2);
    unsigned long s = ticks / HZ;
    unsigned long us = (ticks % HZ) * (1000000 / HZ) + elapsed * (1000000 / HZ) / divisor;
    static unsigned long last_sec, last_usec;
    if (s < last_sec || (s == last_sec && us < last_usec)) {
        s = last_sec;
        us = last_usec;
    }
    last_sec = *sec = s;
    last_usec = *usec = us;
}
