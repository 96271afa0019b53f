/* The handlers of interrupt lines found at run time.
 *
 * The ISA devices of a PC sit on lines fixed since the IBM AT (timer 0,
 * keyboard 1, COM1 4, IDE 14), and trap.c calls their handlers directly.
 * A PCI device's line is whatever the firmware routed its pin to (11 for
 * QEMU's e1000), written in its configuration space; its driver reads it
 * there and registers here.  PCI lines are shared by design, so a line
 * holds several handlers, and each checks its own device. */
#include <stddef.h>
#include <minnow/errno.h>
#include "arch/irq.h"
#include "arch/pic.h"

#define HANDLERS_PER_IRQ 4

struct irq_action {
    irq_handler_t handler;
    void *dev;
};

static struct irq_action actions[NR_IRQS][HANDLERS_PER_IRQ];
static int irq_depth;            /* handlers running now: 0 or 1 (no nesting) */
static unsigned long irq_counts[NR_IRQS];

int request_irq(int irq, irq_handler_t handler, void *dev)
{
    if (irq < 0 || irq >= NR_IRQS || irq == 2)   /* 2 is the cascade */
        return -EINVAL;
    for (int i = 0; i < HANDLERS_PER_IRQ; i++) {
        struct irq_action *a = &actions[irq][i];
        if (!a->handler) {
            a->handler = handler;
            a->dev = dev;
            pic_enable(irq);
            return 0;
        }
    }
    return -EBUSY;
}

/* The line stays unmasked: another handler may share it, and a line with
 * none only costs a spurious call to handle_irq. */
void free_irq(int irq, irq_handler_t handler, void *dev)
{
    if (irq < 0 || irq >= NR_IRQS)
        return;
    for (int i = 0; i < HANDLERS_PER_IRQ; i++) {
        struct irq_action *a = &actions[irq][i];
        if (a->handler == handler && a->dev == dev)
            a->handler = NULL;
    }
}

void handle_irq(int irq)
{
    if (irq < 0 || irq >= NR_IRQS)
        return;
    for (int i = 0; i < HANDLERS_PER_IRQ; i++) {
        struct irq_action *a = &actions[irq][i];
        if (a->handler)
            a->handler(a->dev);
    }
}

void irq_account(int irq)
{
    if (irq >= 0 && irq < NR_IRQS)
        irq_counts[irq]++;
}

unsigned long irq_count(int irq)
{
    return irq >= 0 && irq < NR_IRQS ? irq_counts[irq] : 0;
}

int in_interrupt(void)
{
    return irq_depth > 0;
}

void irq_enter(void)
{
    irq_depth++;
}

void irq_exit(void)
{
    irq_depth--;
}
