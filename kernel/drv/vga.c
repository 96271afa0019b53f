/* VGA text mode: 80x25 characters at physical 0xB8000, two bytes each
 * (character, colour).  Understands \n \r \b \t and the few ANSI escapes
 * that `clear` and the shell use: ESC[2J (clear), ESC[H (home), ESC[K
 * (erase to end of line). */
#include <stdint.h>
#include "drv/vga.h"
#include "arch/x86.h"
#include "mm/memlayout.h"

enum { COLS = 80, ROWS = 25, COLOR = 0x07 };   /* grey on black */

static uint16_t *screen;
static int row, col;
static int esc_state;              /* 0 none, 1 after ESC, 2 after ESC[ */
static int esc_arg;

static void move_cursor(void)
{
    uint16_t pos = row * COLS + col;
    outb(0x3D4, 14);
    outb(0x3D5, pos >> 8);
    outb(0x3D4, 15);
    outb(0x3D5, pos & 0xff);
}

static void clear_cells(int from, int to)
{
    for (int i = from; i < to; i++)
        screen[i] = (COLOR << 8) | ' ';
}

static void scroll(void)
{
    for (int i = 0; i < (ROWS - 1) * COLS; i++)
        screen[i] = screen[i + COLS];
    clear_cells((ROWS - 1) * COLS, ROWS * COLS);
    row = ROWS - 1;
}

void vga_init(void)
{
    screen = phys_to_virt(0xB8000);
    clear_cells(0, ROWS * COLS);
    row = col = 0;
    move_cursor();
}

/* Returns 1 if c was part of an escape sequence. */
static int escape(char c)
{
    if (esc_state == 0) {
        if (c != 27)
            return 0;
        esc_state = 1;
        return 1;
    }
    if (esc_state == 1) {
        esc_state = (c == '[') ? 2 : 0;
        esc_arg = 0;
        return 1;
    }
    if (c >= '0' && c <= '9') {
        esc_arg = esc_arg * 10 + (c - '0');
        return 1;
    }
    if (c == 'J' && esc_arg == 2)
        clear_cells(0, ROWS * COLS);
    else if (c == 'H')
        row = col = 0;
    else if (c == 'K')
        clear_cells(row * COLS + col, (row + 1) * COLS);
    if (c != ';')
        esc_state = 0;
    return 1;
}

void vga_putc(char c)
{
    if (!screen || escape(c))
        return;
    switch (c) {
    case '\n': col = 0; row++; break;
    case '\r': col = 0; break;
    case '\b': if (col > 0) col--; break;
    case '\t': col = (col + 8) & ~7; break;
    default:
        screen[row * COLS + col] = (COLOR << 8) | (uint8_t)c;
        col++;
    }
    if (col >= COLS) {
        col = 0;
        row++;
    }
    if (row >= ROWS)
        scroll();
    move_cursor();
}
