/* The two 8259 interrupt controllers.  At power-on they deliver IRQs 0..15
 * on vectors 8..15 and 0x70..0x77, which collide with CPU exceptions, so we
 * move them to 32..47. */
#include "arch/pic.h"
#include "arch/idt.h"
#include "arch/x86.h"

enum { PIC1 = 0x20, PIC2 = 0xA0, PIC1_DATA = 0x21, PIC2_DATA = 0xA1 };

static uint16_t irq_mask = 0xffff & ~(1 << 2);    /* IRQ2 cascades PIC2 */

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
