/* Interrupt handlers chosen at run time: for devices whose IRQ line is not
 * fixed by the PC's design but found on the bus (PCI, drv/pci.c). */
#ifndef ARCH_IRQ_H
#define ARCH_IRQ_H

typedef void (*irq_handler_t)(void *dev);

#define NR_IRQS 16               /* the two 8259s */

/* Calls handler(dev) whenever IRQ `irq` fires, and unmasks it at the PIC.
 * A PCI line may be shared: every handler of the line is called, and each
 * asks its own device whether it was the one.  0, or -EINVAL (no such
 * line) or -EBUSY (too many handlers). */
int request_irq(int irq, irq_handler_t handler, void *dev);
void free_irq(int irq, irq_handler_t handler, void *dev);

/* From trap.c, for a line with no fixed handler there. */
void handle_irq(int irq);

/* Counts an interrupt of line irq (trap.c, for every line, before its
 * handler); irq_count says how many a line has had since boot, as
 * /proc/stat's intr line shows them. */
void irq_account(int irq);
unsigned long irq_count(int irq);

/* Nonzero while an interrupt handler runs (and what it calls: a timer's
 * function, the network stack's receive path).  Code that could sleep
 * asks this first: a handler has no task of its own to put to sleep. */
int in_interrupt(void);
void irq_enter(void);
void irq_exit(void);

#endif
