/* VGA text mode: 80x25 characters at physical 0xB8000, two bytes each
 * (character, colour attribute), and the part of a VT100 (ANSI X3.64)
 * terminal that full-screen programs use, so that the same bytes draw the
 * same screen here as in the terminal on the serial line.
 *
 * Control characters: \n (next line, at its start: the console turns
 * \n into CR LF on the serial line too), \r, \b, \t (to the next multiple
 * of 8, never past the last column); the other C0 controls and DEL are
 * ignored.  Escape sequences, ESC [ params final ("CSI"):
 *
 *   CSI n A / B / C / D   cursor up / down / right / left n (default 1)
 *   CSI r ; c H  (or f)   cursor to row r, column c (from 1; default 1;1)
 *   CSI c G               cursor to column c of this row
 *   CSI n J               erase: 0 cursor to end of screen, 1 start of
 *                         screen to cursor, 2 the whole screen
 *   CSI n K               erase: 0 cursor to end of line, 1 start of line
 *                         to cursor, 2 the whole line
 *   CSI p ; ... m         rendition (SGR): 0 reset, 1 bold (bright), 22
 *                         normal, 7 reverse video, 27 not reversed, 30-37
 *                         foreground, 39 default foreground, 40-47
 *                         background, 49 default background
 *   CSI ? 25 l / h        hide / show the cursor
 *
 * Everything else that starts with ESC is swallowed to its final byte and
 * changes nothing (CSI ? 1049 h, the other screen, among them: there is
 * one screen).  CSI 6 n, the cursor position report, is not answered:
 * every byte goes to COM1 as well, and a terminal there answers it itself,
 * so a second answer from here would reach the program twice.
 * Like a VT100, writing into the last column does not wrap at once: the
 * cursor stays there until the next printable character, so a program
 * can fill the bottom line without scrolling the screen. */
#include <stdint.h>
#include "drv/vga.h"
#include "arch/x86.h"
#include "mm/memlayout.h"

enum {
    COLS = 80, ROWS = 25,
    CRTC_INDEX = 0x3D4, CRTC_DATA = 0x3D5,
    CURSOR_START = 0x0A, CURSOR_DISABLE = 0x20, CURSOR_HIGH = 0x0E, CURSOR_LOW = 0x0F,
    ESC = 27, MAX_PARAMS = 8, PARAM_LIMIT = 9999,
    DEFAULT_FG = 7, DEFAULT_BG = 0,          /* grey on black */
    BRIGHT = 8,
};

/* Where an escape sequence is, byte by byte. */
enum esc_state {
    TEXT,           /* no sequence */
    AFTER_ESC,      /* ESC seen */
    IN_CSI,         /* ESC [ seen: parameters until a final byte */
    SKIP_TO_FINAL,  /* ESC and an intermediate byte (ESC ( B): swallow one more */
};

struct vga {
    uint16_t *screen;
    int row, col;
    int wrap_pending;               /* the last column was written: wrap at the next character */
    int fg, bg, bold, reverse;      /* the rendition (SGR); colours in ANSI order */
    enum esc_state state;
    int params[MAX_PARAMS];
    int nparams;
    int private;                    /* CSI ? ...: a DEC private mode */
};

static struct vga vga;

/* ANSI's colour numbers (black red green yellow blue magenta cyan white)
 * in the VGA's order (black blue green cyan red magenta brown grey). */
static const uint8_t vga_colour[8] = { 0, 4, 2, 6, 1, 5, 3, 7 };

static uint8_t attribute(void)
{
    uint8_t fg = vga_colour[vga.fg], bg = vga_colour[vga.bg];

    if (vga.reverse) {
        uint8_t t = fg;
        fg = bg;
        bg = t;
    }
    return (bg << 4) | fg | (vga.bold ? BRIGHT : 0);
}

/* Erased cells get the background colour, not the other renditions. */
static uint16_t blank(void)
{
    return (vga_colour[vga.bg] << 12 | vga_colour[DEFAULT_FG] << 8) | ' ';
}

static void move_cursor(void)
{
    uint16_t pos = vga.row * COLS + vga.col;

    outb(CRTC_INDEX, CURSOR_HIGH);
    outb(CRTC_DATA, pos >> 8);
    outb(CRTC_INDEX, CURSOR_LOW);
    outb(CRTC_DATA, pos & 0xff);
}

static void show_cursor(int on)
{
    outb(CRTC_INDEX, CURSOR_START);
    uint8_t v = inb(CRTC_DATA);
    outb(CRTC_DATA, on ? v & ~CURSOR_DISABLE : v | CURSOR_DISABLE);
}

/* Cells from..to-1, counted from the top left corner. */
static void clear_cells(int from, int to)
{
    for (int i = from; i < to; i++)
        vga.screen[i] = blank();
}

static void scroll(void)
{
    for (int i = 0; i < (ROWS - 1) * COLS; i++)
        vga.screen[i] = vga.screen[i + COLS];
    clear_cells((ROWS - 1) * COLS, ROWS * COLS);
    vga.row = ROWS - 1;
}

static void new_line(void)
{
    vga.col = 0;
    if (++vga.row >= ROWS)
        scroll();
}

static int clamp(int v, int low, int high)
{
    return v < low ? low : v > high ? high : v;
}

static void set_cursor(int row, int col)
{
    vga.row = clamp(row, 0, ROWS - 1);
    vga.col = clamp(col, 0, COLS - 1);
    vga.wrap_pending = 0;
}

void vga_init(void)
{
    vga = (struct vga){ .screen = phys_to_virt(0xB8000), .fg = DEFAULT_FG, .bg = DEFAULT_BG };
    clear_cells(0, ROWS * COLS);
    move_cursor();
}

/* ---------------------------------------------------------------- sequences */

/* Parameter i, or def when it is missing or 0 (as VT100 counts). */
static int param(int i, int def)
{
    return i < vga.nparams && vga.params[i] ? vga.params[i] : def;
}

static void erase_display(int how)
{
    int here = vga.row * COLS + vga.col;

    if (how == 0)
        clear_cells(here, ROWS * COLS);
    else if (how == 1)
        clear_cells(0, here + 1);
    else if (how == 2)
        clear_cells(0, ROWS * COLS);
}

static void erase_line(int how)
{
    int start = vga.row * COLS, here = start + vga.col;

    if (how == 0)
        clear_cells(here, start + COLS);
    else if (how == 1)
        clear_cells(start, here + 1);
    else if (how == 2)
        clear_cells(start, start + COLS);
}

static void select_rendition(void)
{
    for (int i = 0; i < (vga.nparams ? vga.nparams : 1); i++) {
        int p = vga.params[i];           /* no parameter at all is 0 */
        if (p == 0) {
            vga.fg = DEFAULT_FG;
            vga.bg = DEFAULT_BG;
            vga.bold = vga.reverse = 0;
        } else if (p == 1) {
            vga.bold = 1;
        } else if (p == 22) {
            vga.bold = 0;
        } else if (p == 7) {
            vga.reverse = 1;
        } else if (p == 27) {
            vga.reverse = 0;
        } else if (p >= 30 && p <= 37) {
            vga.fg = p - 30;
        } else if (p == 39) {
            vga.fg = DEFAULT_FG;
        } else if (p >= 40 && p <= 47) {
            vga.bg = p - 40;
        } else if (p == 49) {
            vga.bg = DEFAULT_BG;
        }
    }
}

/* CSI ? n h / l: of the DEC private modes, only the cursor's. */
static void private_mode(char final)
{
    for (int i = 0; i < vga.nparams; i++)
        if (vga.params[i] == 25)
            show_cursor(final == 'h');
}

/* The final byte of a CSI sequence: do what it says. */
static void execute_csi(char final)
{
    if (vga.private) {
        if (final == 'h' || final == 'l')
            private_mode(final);
        return;
    }
    switch (final) {
    case 'A': set_cursor(vga.row - param(0, 1), vga.col); break;
    case 'B': set_cursor(vga.row + param(0, 1), vga.col); break;
    case 'C': set_cursor(vga.row, vga.col + param(0, 1)); break;
    case 'D': set_cursor(vga.row, vga.col - param(0, 1)); break;
    case 'G': set_cursor(vga.row, param(0, 1) - 1); break;
    case 'H':
    case 'f': set_cursor(param(0, 1) - 1, param(1, 1) - 1); break;
    case 'J': erase_display(vga.params[0]); break;
    case 'K': erase_line(vga.params[0]); break;
    case 'm': select_rendition(); break;
    }
    move_cursor();
}

/* One byte of a CSI sequence's parameters or its end. */
static void csi_byte(char c)
{
    if (c >= '0' && c <= '9') {
        if (vga.nparams == 0)
            vga.nparams = 1;
        int *p = &vga.params[vga.nparams - 1];
        *p = *p * 10 + (c - '0');
        if (*p > PARAM_LIMIT)
            *p = PARAM_LIMIT;
    } else if (c == ';') {
        if (vga.nparams == 0)
            vga.nparams = 1;             /* ";5H": the first one is missing */
        if (vga.nparams < MAX_PARAMS)
            vga.params[vga.nparams++] = 0;
    } else if (c == '?' || c == '>' || c == '<' || c == '=') {
        vga.private = 1;
    } else if (c >= 0x40 && c <= 0x7e) {
        execute_csi(c);
        vga.state = TEXT;
    } else if (c < 0x20 || c > 0x7e) {
        vga.state = TEXT;                /* not a sequence after all: dropped */
    }
    /* 0x20-0x2f, intermediate bytes: no command here uses them */
}

/* Returns 1 if c belongs to an escape sequence (and is used up). */
static int escape(char c)
{
    if (c == ESC) {                      /* also inside a sequence: a new one starts */
        vga.state = AFTER_ESC;
        return 1;
    }
    switch (vga.state) {
    case TEXT:
        return 0;
    case AFTER_ESC:
        if (c == '[') {
            vga.state = IN_CSI;
            vga.nparams = vga.private = 0;
            for (int i = 0; i < MAX_PARAMS; i++)
                vga.params[i] = 0;
        } else {
            /* ESC ( B and its like take one more byte; ESC 7, ESC c... end here */
            vga.state = c >= 0x20 && c <= 0x2f ? SKIP_TO_FINAL : TEXT;
        }
        return 1;
    case IN_CSI:
        csi_byte(c);
        return 1;
    case SKIP_TO_FINAL:
        vga.state = TEXT;
        return 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- text */

static void put_visible(char c)
{
    if (vga.wrap_pending) {
        new_line();
        vga.wrap_pending = 0;
    }
    vga.screen[vga.row * COLS + vga.col] = (attribute() << 8) | (uint8_t)c;
    if (vga.col == COLS - 1)
        vga.wrap_pending = 1;
    else
        vga.col++;
}

void vga_putc(char c)
{
    if (!vga.screen || escape(c))
        return;
    switch (c) {
    case '\n': new_line(); vga.wrap_pending = 0; break;
    case '\r': set_cursor(vga.row, 0); break;
    case '\b': set_cursor(vga.row, vga.col - 1); break;
    case '\t': set_cursor(vga.row, (vga.col + 8) & ~7); break;
    default:
        if ((uint8_t)c < 0x20 || c == 0x7f)
            return;                      /* other controls: nothing to show */
        put_visible(c);
    }
    move_cursor();
}
