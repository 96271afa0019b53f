/* The text: an array of lines, and the edits a key makes on it.
 *
 * A line keeps its characters (what the file holds) and their rendering
 * (what the screen shows: a tab becomes spaces up to the next multiple of
 * TAB_STOP, a control character a '?').  The cursor counts in
 * characters (cx); the screen in rendered columns (rx). */
#include <stdlib.h>
#include <string.h>
#include "edit.h"

static void *xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);

    if (!q) {
        terminal_restore();
        abort();                             /* no memory: nothing sensible is left to do */
    }
    return q;
}

static void update_render(struct line *l)
{
    int tabs = 0;

    for (int i = 0; i < l->len; i++)
        tabs += l->chars[i] == '\t';
    l->render = xrealloc(l->render, l->len + tabs * (TAB_STOP - 1) + 1);
    int r = 0;
    for (int i = 0; i < l->len; i++) {
        unsigned char c = l->chars[i];
        if (c == '\t') {
            do
                l->render[r++] = ' ';
            while (r % TAB_STOP);
        } else {
            l->render[r++] = c < ' ' || c == 0x7f ? '?' : c;
        }
    }
    l->render[r] = '\0';
    l->rlen = r;
}

int cx_to_rx(const struct line *l, int cx)
{
    int rx = 0;

    for (int i = 0; i < cx && i < l->len; i++)
        rx = l->chars[i] == '\t' ? (rx / TAB_STOP + 1) * TAB_STOP : rx + 1;
    return rx;
}

/* The character under rendered column rx (or the end of the line). */
int rx_to_cx(const struct line *l, int rx)
{
    int cur = 0;

    for (int cx = 0; cx < l->len; cx++) {
        cur = l->chars[cx] == '\t' ? (cur / TAB_STOP + 1) * TAB_STOP : cur + 1;
        if (cur > rx)
            return cx;
    }
    return l->len;
}

/* ---------------------------------------------------------------- lines */

void text_insert_line(struct editor *e, int at, const char *s, int len)
{
    e->lines = xrealloc(e->lines, sizeof(struct line) * (e->nlines + 1));
    memmove(&e->lines[at + 1], &e->lines[at], sizeof(struct line) * (e->nlines - at));
    struct line *l = &e->lines[at];
    l->chars = xrealloc(NULL, len + 1);
    memcpy(l->chars, s, len);
    l->chars[len] = '\0';
    l->len = len;
    l->render = NULL;
    update_render(l);
    e->nlines++;
    e->dirty++;
}

static void delete_line(struct editor *e, int at)
{
    free(e->lines[at].chars);
    free(e->lines[at].render);
    memmove(&e->lines[at], &e->lines[at + 1], sizeof(struct line) * (e->nlines - at - 1));
    e->nlines--;
    e->dirty++;
}

void text_free(struct editor *e)
{
    while (e->nlines > 0)
        delete_line(e, e->nlines - 1);
    free(e->lines);
    e->lines = NULL;
}

static void line_insert(struct line *l, int at, const char *s, int len)
{
    l->chars = xrealloc(l->chars, l->len + len + 1);
    memmove(&l->chars[at + len], &l->chars[at], l->len - at + 1);
    memcpy(&l->chars[at], s, len);
    l->len += len;
    update_render(l);
}

static void line_delete(struct line *l, int at)
{
    memmove(&l->chars[at], &l->chars[at + 1], l->len - at);
    l->len--;
    update_render(l);
}

/* ---------------------------------------------------------------- edits */

void insert_char(struct editor *e, int c)
{
    char ch = c;

    if (e->cy == e->nlines)                 /* after the last line: a new one */
        text_insert_line(e, e->nlines, "", 0);
    line_insert(&e->lines[e->cy], e->cx, &ch, 1);
    e->cx++;
    e->dirty++;
}

/* Enter: the line is cut at the cursor, the rest becomes the next line. */
void insert_newline(struct editor *e)
{
    if (e->cy == e->nlines) {
        text_insert_line(e, e->nlines, "", 0);
    } else {
        struct line *l = &e->lines[e->cy];
        text_insert_line(e, e->cy + 1, l->chars + e->cx, l->len - e->cx);
        l = &e->lines[e->cy];                /* the array may have moved */
        l->len = e->cx;
        l->chars[l->len] = '\0';
        update_render(l);
    }
    e->cy++;
    e->cx = 0;
}

/* Backspace: the character before the cursor goes; at the start of a
 * line, the line is joined to the one before. */
void delete_char(struct editor *e)
{
    if (e->cy == e->nlines) {                /* after the end: nothing to delete here */
        if (e->cy > 0) {
            e->cy--;
            e->cx = e->lines[e->cy].len;
        }
        return;
    }
    if (e->cx == 0 && e->cy == 0)
        return;
    struct line *l = &e->lines[e->cy];
    if (e->cx > 0) {
        line_delete(l, e->cx - 1);
        e->cx--;
        e->dirty++;
        return;
    }
    struct line *prev = &e->lines[e->cy - 1];
    e->cx = prev->len;
    line_insert(prev, prev->len, l->chars, l->len);
    delete_line(e, e->cy);
    e->cy--;
}
