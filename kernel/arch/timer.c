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

    outb(PIT_CMD, 0x36);              /* channel 0, lo/hi byte, square wave */
    outb(PIT_CH0, divisor & 0xff);
    outb(PIT_CH0, divisor >> 8);
    pic_enable(IRQ_TIMER);
}

void timer_intr(void)
{
    jiffies++;
}
