/* The console: the VGA screen and COM1 together.  Output goes to both, so
 * the QEMU window and `make qemu-nox` show the same thing; input comes from
 * the keyboard and from COM1 into the tty (drv/tty.c). */
#include "drv/console.h"
#include "drv/serial.h"
#include "drv/vga.h"
#include "drv/keyboard.h"

void console_init(void)
{
    vga_init();
    serial_init();
    keyboard_init();
}

void console_write(const char *buf, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        vga_putc(buf[i]);
        serial_putc(buf[i]);
    }
}
