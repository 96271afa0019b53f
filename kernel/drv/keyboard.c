/* The PS/2 keyboard of the QEMU window: turns scan codes (set 1) into
 * characters, with Shift and Ctrl, and hands them to the tty exactly as
 * the serial line does.  Ctrl-C becomes the character 3; it is the tty
 * that turns it into SIGINT.
 *
 * The keys that have no character send what a VT100-style terminal
 * (xterm) sends for them, so that a program reads the same bytes from
 * the keyboard as from a terminal on the serial line:
 *
 *   Up ESC [ A    Down ESC [ B    Right ESC [ C    Left ESC [ D
 *   Home ESC [ H  End ESC [ F     Insert ESC [ 2 ~  Delete ESC [ 3 ~
 *   PgUp ESC [ 5 ~               PgDn ESC [ 6 ~
 *
 * They are the "extended" keys: their scan codes come after a 0xE0
 * byte (so do the right Ctrl, the keypad's Enter and '/'). */
#include <stdint.h>
#include "drv/keyboard.h"
#include "drv/tty.h"
#include "arch/x86.h"
#include "arch/pic.h"
#include "arch/idt.h"

enum { KBD_DATA = 0x60, KBD_STATUS = 0x64,
       LSHIFT = 0x2A, RSHIFT = 0x36, CTRL = 0x1D, CAPS = 0x3A, RELEASED = 0x80,
       EXTENDED = 0xE0 };

static const char normal[128] =
    "\0\0331234567890-=\b\tqwertyuiop[]\n\0asdfghjkl;'`\0\\zxcvbnm,./\0*\0 ";
static const char shifted[128] =
    "\0\033!@#$%^&*()_+\b\tQWERTYUIOP{}\n\0ASDFGHJKL:\"~\0|ZXCVBNM<>?\0*\0 ";

static int shift, ctrl, caps;

/* The extended keys (after 0xE0) and what they send. */
static const struct {
    uint8_t code;
    const char *sends;
} extended_keys[] = {
    { 0x48, "\033[A" }, { 0x50, "\033[B" }, { 0x4D, "\033[C" }, { 0x4B, "\033[D" },
    { 0x47, "\033[H" }, { 0x4F, "\033[F" }, { 0x52, "\033[2~" }, { 0x53, "\033[3~" },
    { 0x49, "\033[5~" }, { 0x51, "\033[6~" },
    { 0x1C, "\n" },      /* the keypad's Enter */
    { 0x35, "/" },       /* the keypad's '/' */
};

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

static void extended_key(uint8_t code)
{
    int up = code & RELEASED;

    code &= ~RELEASED;
    if (code == CTRL) {                   /* the right Ctrl */
        ctrl = !up;
        return;
    }
    if (up)
        return;
    for (unsigned i = 0; i < sizeof(extended_keys) / sizeof(extended_keys[0]); i++) {
        if (extended_keys[i].code == code) {
            for (const char *s = extended_keys[i].sends; *s; s++)
                tty_receive(*s);
            return;
        }
    }
}

void keyboard_intr(void)
{
    static int extended;

    while (inb(KBD_STATUS) & 1) {
        uint8_t code = inb(KBD_DATA);
        if (code == EXTENDED) {
            extended = 1;
            continue;
        }
        if (extended)
            extended_key(code);
        else
            key(code);
        extended = 0;
    }
}
