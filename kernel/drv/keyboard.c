/* The PS/2 keyboard of the QEMU window: turns scan codes (set 1) into
 * characters, with Shift and Ctrl, and hands them to the tty exactly as
 * the serial line does.  Ctrl-C becomes the character 3; it is the tty
 * that turns it into SIGINT. */
#include <stdint.h>
#include "drv/keyboard.h"
#include "drv/tty.h"
#include "arch/x86.h"
#include "arch/pic.h"
#include "arch/idt.h"

enum { KBD_DATA = 0x60, KBD_STATUS = 0x64,
       LSHIFT = 0x2A, RSHIFT = 0x36, CTRL = 0x1D, CAPS = 0x3A, RELEASED = 0x80 };

static const char normal[128] =
    "\0\0331234567890-=\b\tqwertyuiop[]\n\0asdfghjkl;'`\0\\zxcvbnm,./\0*\0 ";
static const char shifted[128] =
    "\0\033!@#$%^&*()_+\b\tQWERTYUIOP{}\n\0ASDFGHJKL:\"~\0|ZXCVBNM<>?\0*\0 ";

static int shift, ctrl, caps;

void keyboard_init(void)
{
    while (inb(KBD_STATUS) & 1)       /* drop what is left from the BIOS */
        inb(KBD_DATA);
    pic_enable(IRQ_KBD);
}

static void key(uint8_t code)
{
    int up = code & RELEASED;

    code &= ~RELEASED;
    if (code == LSHIFT || code == RSHIFT) {
        shift = !up;
        return;
    }
    if (code == CTRL) {
        ctrl = !up;
        return;
    }
    if (up)
        return;
    if (code == CAPS) {
        caps = !caps;
        return;
    }
    char c = shift ? shifted[code] : normal[code];
    if (caps && c >= 'a' && c <= 'z')
        c -= 'a' - 'A';
    else if (caps && c >= 'A' && c <= 'Z')
        c += 'a' - 'A';
    if (ctrl && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
        c &= 0x1f;                        /* Ctrl-C = 3, Ctrl-D = 4, ... */
    else if (ctrl && c == '\\')
        c = 0x1c;                         /* Ctrl-\ */
    if (c)
        tty_receive(c);
}

void keyboard_intr(void)
{
    static int extended;

    while (inb(KBD_STATUS) & 1) {
        uint8_t code = inb(KBD_DATA);
        if (code == 0xE0) {               /* arrows etc.: not used */
            extended = 1;
            continue;
        }
        if (!extended)
            key(code);
        extended = 0;
    }
}
