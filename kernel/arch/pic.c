/* The two 8259 interrupt controllers.  At power-on they deliver IRQs 0..15
 * on vectors 8..15 and 0x70..0x77, which collide with CPU exceptions, so we
 * move them to 32..47. */
#include "arch/pic.h"
#include "arch/idt.h"
#include "arch/x86.h"

enum { PIC1 = 0x20, PIC2 = 0xA0, PIC1_DATA = 0x21, PIC2_DATA = 0xA1 };
/* The PIIX's edge/level control registers, one bit a line: which lines
 * the firmware made level-triggered (the PCI ones). */
enum { ELCR1 = 0x4D0, ELCR2 = 0x4D1 };
#define OCW3_READ_ISR 0x0B

static uint16_t irq_mask = 0xffff & ~(1 << 2);    /* IRQ2 cascades PIC2 */
static uint16_t level_lines;                      /* ELCR, read at pic_init */

static void write_mask(void)
{
    outb(PIC1_DATA, irq_mask & 0xff);
    outb(PIC2_DATA, irq_mask >> 8);
}

void pic_init(void)
{
    outb(PIC1, 0x11);              /* ICW1: init, expect ICW4 */
    outb(PIC2, 0x11);
    outb(PIC1_DATA, IRQ0);         /* ICW2: vector base */
    outb(PIC2_DATA, IRQ0 + 8);
    outb(PIC1_DATA, 4);            /* ICW3: slave on IRQ2 */
    outb(PIC2_DATA, 2);
    outb(PIC1_DATA, 1);            /* ICW4: 8086 mode */
    outb(PIC2_DATA, 1);
    write_mask();
    level_lines = inb(ELCR1) | inb(ELCR2) << 8;
}

void pic_enable(int irq)
{
    irq_mask &= ~(1 << irq);
    write_mask();
}

void pic_eoi(int irq)
{
    if (irq >= 8)
        outb(PIC2, 0x20);
    outb(PIC1, 0x20);
}

int pic_level_triggered(int irq)
{
    return (level_lines >> irq) & 1;
}

/* When a request disappears between the PIC's interrupt and the CPU's
 * acknowledgment (a level-triggered line lowered meanwhile), the PIC
 * answers with its lowest-priority vector, 7 or 15, without setting that
 * line's in-service bit.  A real IRQ 7 or 15 has it set.  A spurious 15
 * came through the master's cascade input, which did go in service: the
 * master needs its EOI, or every line of the slave stays blocked. */
int pic_spurious(int irq)
{
    if (irq != 7 && irq != 15)
        return 0;
    int port = irq == 7 ? PIC1 : PIC2;
    outb(port, OCW3_READ_ISR);
    if (inb(port) & 0x80)
        return 0;
    if (irq == 15)
        outb(PIC1, 0x20);
    return 1;
}
