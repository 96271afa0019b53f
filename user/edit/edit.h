/* edit: a small screen editor, in the spirit of antirez's kilo.
 *
 * The parts, one a file:
 *   main.c      the loop: read a key, do what it says, draw the screen
 *   terminal.c  raw mode (termios), the window's size, keys from bytes
 *   text.c      the text as an array of lines, and the edits on it
 *   screen.c    drawing with escape sequences, scrolling to the cursor
 *   file.c      reading a file in, writing it out
 *   prompt.c    the question line at the bottom, and searching with it
 *
 * Everything the editor knows is in one struct editor, passed to every
 * function that needs it. */
#ifndef EDIT_H
#define EDIT_H

#include <stddef.h>

#define TAB_STOP 8

/* Keys that are not characters (terminal.c makes them from the escape
 * sequences the terminal sends); above every byte value. */
enum key {
    CTRL_A = 1, CTRL_E = 5, CTRL_F = 6, CTRL_H = 8, CTRL_L = 12, CTRL_Q = 17, CTRL_S = 19,
    KEY_ESC = 27,
    KEY_BACKSPACE = 127,
    KEY_LEFT = 1000, KEY_RIGHT, KEY_UP, KEY_DOWN,
    KEY_HOME, KEY_END, KEY_PAGE_UP, KEY_PAGE_DOWN, KEY_DELETE,
    KEY_NONE,               /* a sequence for a key the editor has no use for */
};

/* One line of the text, without its '\n'; render is how it looks on the
 * screen (a tab becomes spaces to the next tab stop). */
struct line {
    char *chars;
    int len;
    char *render;
    int rlen;
};

struct editor {
    struct line *lines;
    int nlines;
    int cx, cy;             /* the cursor: chars[cx] of line cy (cy == nlines: after the end) */
    int rx;                 /* the cursor's column in render */
    int rowoff, coloff;     /* the first line and column on the screen */
    int rows, cols;         /* the text's part of the screen */
    char *filename;         /* NULL until the text has a name */
    int dirty;              /* changes since it was read or written */
    int quit_warned;        /* Ctrl-Q once with changes: the next one quits */
    char message[160];      /* the bottom line; the key help when empty */
    int has_lookahead;      /* a key's first byte, read while waiting for a sequence */
    unsigned char lookahead;
};

/* terminal.c */
void terminal_raw(void);
void terminal_restore(void);
void terminal_size(int *rows, int *cols);
int read_key(struct editor *e);

/* text.c */
void text_insert_line(struct editor *e, int at, const char *s, int len);
void text_free(struct editor *e);
int cx_to_rx(const struct line *l, int cx);
int rx_to_cx(const struct line *l, int rx);
void insert_char(struct editor *e, int c);
void insert_newline(struct editor *e);
void delete_char(struct editor *e);

/* screen.c */
void refresh_screen(struct editor *e);
void set_message(struct editor *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* file.c */
int file_open(struct editor *e, const char *filename);
int file_save(struct editor *e);

/* prompt.c */
char *prompt(struct editor *e, const char *question,
             void (*on_key)(struct editor *, void *, const char *, int), void *arg);
void find(struct editor *e);

#endif
