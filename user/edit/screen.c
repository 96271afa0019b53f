/* Drawing: the whole screen at each key, as one write.
 *
 * The screen is the text's rows, then a status line (name, line/total,
 * modified) in reverse video, then the message line (the key help, or what
 * the last command said).  All of it is escape sequences the VT100 subset
 * of both Minnow consoles knows (kernel/drv/vga.c): CSI ?25l/h hides the
 * cursor while drawing, CSI H goes home, CSI K erases to the end of a row,
 * CSI 7m / CSI m reverse video and back, CSI row;col H puts the cursor. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "edit.h"

/* What is to be written, grown as it is made. */
struct output {
    char *buf;
    size_t len, size;
};

static void put(struct output *o, const char *s, size_t len)
{
    if (o->len + len > o->size) {
        size_t size = (o->len + len) * 2;
        char *b = realloc(o->buf, size);
        if (!b)
            return;                          /* no memory: this frame is cut short */
        o->buf = b;
        o->size = size;
    }
    memcpy(o->buf + o->len, s, len);
    o->len += len;
}

static void put_string(struct output *o, const char *s)
{
    put(o, s, strlen(s));
}

/* The part of the text the screen shows follows the cursor. */
static void scroll(struct editor *e)
{
    e->rx = e->cy < e->nlines ? cx_to_rx(&e->lines[e->cy], e->cx) : 0;
    if (e->cy < e->rowoff)
        e->rowoff = e->cy;
    if (e->cy >= e->rowoff + e->rows)
        e->rowoff = e->cy - e->rows + 1;
    if (e->rx < e->coloff)
        e->coloff = e->rx;
    if (e->rx >= e->coloff + e->cols)
        e->coloff = e->rx - e->cols + 1;
}

static void draw_rows(struct editor *e, struct output *o)
{
    for (int y = 0; y < e->rows; y++) {
        int n = y + e->rowoff;
        if (n >= e->nlines) {
            put_string(o, "~");              /* past the end of the text */
        } else {
            const struct line *l = &e->lines[n];
            int len = l->rlen - e->coloff;
            if (len > e->cols)
                len = e->cols;
            if (len > 0)
                put(o, l->render + e->coloff, len);
        }
        put_string(o, "\033[K\r\n");
    }
}

static void draw_status(struct editor *e, struct output *o)
{
    char left[96], right[32];
    int llen = snprintf(left, sizeof(left), " %.40s - %d lines%s",
                        e->filename ? e->filename : "[new file]", e->nlines,
                        e->dirty ? " (modified)" : "");
    int rlen = snprintf(right, sizeof(right), "%d/%d ", e->cy + 1, e->nlines);

    if (llen > e->cols)
        llen = e->cols;
    put_string(o, "\033[7m");
    put(o, left, llen);
    for (int x = llen; x < e->cols; x++) {
        if (e->cols - x == rlen) {
            put(o, right, rlen);
            break;
        }
        put(o, " ", 1);
    }
    put_string(o, "\033[m\r\n");
}

static void draw_message(struct editor *e, struct output *o)
{
    const char *m = e->message[0] ? e->message
                                  : "Ctrl-S save   Ctrl-Q quit   Ctrl-F find   arrows, Home/End, PgUp/PgDn move";
    int len = strlen(m);

    put_string(o, "\033[K");
    put(o, m, len < e->cols ? len : e->cols);
}

void refresh_screen(struct editor *e)
{
    struct output o = { 0 };
    char cursor[32];

    terminal_size(&e->rows, &e->cols);
    e->rows -= 2;                            /* the status and message lines */
    if (e->rows < 1)
        e->rows = 1;
    scroll(e);
    put_string(&o, "\033[?25l\033[H");
    draw_rows(e, &o);
    draw_status(e, &o);
    draw_message(e, &o);
    snprintf(cursor, sizeof(cursor), "\033[%d;%dH\033[?25h",
             e->cy - e->rowoff + 1, e->rx - e->coloff + 1);
    put_string(&o, cursor);
    for (size_t done = 0; done < o.len;) {
        ssize_t n = write(STDOUT_FILENO, o.buf + done, o.len - done);
        if (n <= 0)
            break;
        done += n;
    }
    free(o.buf);
}

void set_message(struct editor *e, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(e->message, sizeof(e->message), fmt, ap);
    va_end(ap);
}
