/* COM1, the 16550 UART: the console of `make qemu-nox` and of the tests.
 * Output is polled (wait until the transmitter is empty); input raises
 * IRQ 4 and goes to the tty like a key press. */
#include "drv/serial.h"
#include "drv/tty.h"
#include "arch/x86.h"
#include "arch/pic.h"
#include "arch/idt.h"

enum {
    COM1 = 0x3F8,
    DATA = 0, IER = 1, FCR = 2, LCR = 3, MCR = 4, LSR = 5,
    LSR_DATA_READY = 0x01, LSR_TX_EMPTY = 0x20,
};

static int present;

void serial_init(void)
{
    outb(COM1 + IER, 0);          /* no interrupts while we set it up */
    outb(COM1 + LCR, 0x80);       /* DLAB: set the baud rate divisor */
    outb(COM1 + DATA, 1);         /* 115200 baud */
    outb(COM1 + IER, 0);
    outb(COM1 + LCR, 0x03);       /* 8 bits, no parity, 1 stop bit */
    outb(COM1 + FCR, 0xC7);       /* FIFOs on */
    outb(COM1 + MCR, 0x0B);       /* DTR, RTS, OUT2 (routes the IRQ) */
    present = inb(COM1 + LSR) != 0xff;
    if (present) {
        outb(COM1 + IER, 0x01);   /* interrupt when a byte arrives */
        pic_enable(IRQ_COM1);
    }
}

static void put_raw(char c)
{
    for (int i = 0; i < 100000 && !(inb(COM1 + LSR) & LSR_TX_EMPTY); i++)
        ;
    outb(COM1 + DATA, c);
}

void serial_putc(char c)
{
    if (!present)
        return;
    if (c == '\n')                /* terminals want CR LF */
        put_raw('\r');
    put_raw(c);
}

void serial_intr(void)
{
    while (inb(COM1 + LSR) & LSR_DATA_READY) {
        char c = inb(COM1 + DATA);
        if (c == '\r')            /* the Enter key of a terminal */
            c = '\n';
        else if (c == 0x7f)       /* the Backspace key of a terminal */
            c = '\b';
        tty_receive(c);
    }
}
