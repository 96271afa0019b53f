/* edit: a small screen editor.
 *
 *   edit [FILE]
 *
 * Shows the file (a new one if it does not exist yet) on the whole
 * terminal and edits it where the cursor is: type to insert, Enter splits
 * the line, Backspace deletes before the cursor (at the start of a line
 * it joins the line to the one before), Delete under it.  The arrows,
 * Home/End (or Ctrl-A/Ctrl-E) and PgUp/PgDn move.  Ctrl-S saves (asking
 * for a name if there is none yet), Ctrl-F finds, Ctrl-Q quits (once more
 * if there are unsaved changes).  Tabs are shown as spaces to the next
 * multiple of 8; a line longer than the screen scrolls sideways.
 *
 * The loop: draw the screen, read a key, do what it says (edit.h lists
 * the parts).  See man edit. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "edit.h"

/* Up and Down keep the cursor's column on the screen, as far as the
 * new line is long. */
static void go_to_line(struct editor *e, int cy)
{
    int rx = e->cy < e->nlines ? cx_to_rx(&e->lines[e->cy], e->cx) : 0;

    e->cy = cy;
    e->cx = cy < e->nlines ? rx_to_cx(&e->lines[cy], rx) : 0;
}

static void move_cursor(struct editor *e, int key)
{
    int len = e->cy < e->nlines ? e->lines[e->cy].len : 0;

    switch (key) {
    case KEY_LEFT:
        if (e->cx > 0) {
            e->cx--;
        } else if (e->cy > 0) {              /* to the end of the line before */
            e->cy--;
            e->cx = e->lines[e->cy].len;
        }
        break;
    case KEY_RIGHT:
        if (e->cx < len) {
            e->cx++;
        } else if (e->cy < e->nlines) {      /* to the start of the next line */
            e->cy++;
            e->cx = 0;
        }
        break;
    case KEY_UP:
        if (e->cy > 0)
            go_to_line(e, e->cy - 1);
        break;
    case KEY_DOWN:
        if (e->cy < e->nlines)
            go_to_line(e, e->cy + 1);
        break;
    case KEY_PAGE_UP:
        go_to_line(e, e->cy > e->rows ? e->cy - e->rows : 0);
        break;
    case KEY_PAGE_DOWN:
        go_to_line(e, e->cy + e->rows < e->nlines ? e->cy + e->rows : e->nlines);
        break;
    case KEY_HOME:
    case CTRL_A:
        e->cx = 0;
        break;
    case KEY_END:
    case CTRL_E:
        e->cx = len;
        break;
    }
}

/* Ctrl-Q: quits, unless there are changes and this is the first time. */
static int want_quit(struct editor *e)
{
    if (e->dirty && !e->quit_warned) {
        set_message(e, "Unsaved changes!  Ctrl-Q again quits without saving, Ctrl-S saves.");
        e->quit_warned = 1;
        return 0;
    }
    return 1;
}

/* Does what key says.  Returns 0 when the editor is to end. */
static int process_key(struct editor *e, int key)
{
    e->message[0] = '\0';                    /* a message lasts until the next key */
    if (key != CTRL_Q)
        e->quit_warned = 0;
    switch (key) {
    case CTRL_Q:
        if (want_quit(e))
            return 0;
        break;
    case CTRL_S:
        file_save(e);
        break;
    case CTRL_F:
        find(e);
        break;
    case '\r':
    case '\n':
        insert_newline(e);
        break;
    case KEY_BACKSPACE:
    case CTRL_H:
        delete_char(e);
        break;
    case KEY_DELETE:
        if (e->cy < e->nlines) {             /* the character under the cursor */
            move_cursor(e, KEY_RIGHT);
            delete_char(e);
        }
        break;
    case KEY_LEFT: case KEY_RIGHT: case KEY_UP: case KEY_DOWN:
    case KEY_HOME: case KEY_END: case KEY_PAGE_UP: case KEY_PAGE_DOWN:
    case CTRL_A: case CTRL_E:
        move_cursor(e, key);
        break;
    default:
        if (key == '\t' || (key >= ' ' && key < 256 && key != KEY_BACKSPACE))
            insert_char(e, key);
        break;                               /* other control keys, Esc: nothing */
    }
    return 1;
}

int main(int argc, char **argv)
{
    struct editor e = { 0 };

    if (argc > 2) {
        fprintf(stderr, "usage: edit [FILE]\n");
        return 1;
    }
    if (argc == 2 && file_open(&e, argv[1]) < 0) {
        fprintf(stderr, "edit: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    terminal_raw();
    do
        refresh_screen(&e);
    while (process_key(&e, read_key(&e)));
    terminal_restore();
    text_free(&e);
    free(e.filename);
    return 0;
}
