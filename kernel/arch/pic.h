#ifndef ARCH_PIC_H
#define ARCH_PIC_H

void pic_init(void);
void pic_enable(int irq);
void pic_eoi(int irq);
/* IRQ 7 or 15 that no device raised (the PIC's answer when a request
 * went away before the CPU took it): nothing to handle.  Sends the EOI
 * such an interrupt still needs (15's, to the master). */
int pic_spurious(int irq);
/* The firmware made the line level-triggered (ELCR): a PCI line. */
int pic_level_triggered(int irq);

#endif
