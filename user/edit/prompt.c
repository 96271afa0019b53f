/* The message line as a question (a file name to save as, a text to
 * find), and the incremental search that is built on it.
 *
 * Search (Ctrl-F) moves the cursor to the first match as the text is
 * typed, starting where the cursor was; the arrows go to the next (Right,
 * Down) or the previous (Left, Up) match, wrapping around the text; Enter
 * stays at the match, Esc goes back to where the search started. */
#include <stdlib.h>
#include <string.h>
#include "edit.h"

/* Asks on the message line; question is a format with one %s, the answer
 * typed so far.  on_key (if not NULL) hears of every key.  Returns the
 * answer (malloc'd), or NULL when Esc cancelled it. */
char *prompt(struct editor *e, const char *question,
             void (*on_key)(struct editor *, void *, const char *, int), void *arg)
{
    size_t cap = 64, len = 0;
    char *answer = malloc(cap);

    if (!answer)
        return NULL;
    answer[0] = '\0';
    set_message(e, question, answer);
    for (;;) {
        refresh_screen(e);
        int c = read_key(e);
        if (c == KEY_BACKSPACE || c == CTRL_H || c == KEY_DELETE) {
            if (len > 0)
                answer[--len] = '\0';
        } else if (c == KEY_ESC || ((c == '\r' || c == '\n') && len > 0)) {
            set_message(e, "%s", "");
            if (on_key)
                on_key(e, arg, answer, c);
            if (c == KEY_ESC) {
                free(answer);
                return NULL;
            }
            return answer;
        } else if (c >= ' ' && c < 256 && c != KEY_BACKSPACE) {
            if (len + 1 == cap) {
                char *bigger = realloc(answer, cap * 2);
                if (!bigger)
                    continue;
                answer = bigger;
                cap *= 2;
            }
            answer[len++] = c;
            answer[len] = '\0';
        }
        set_message(e, question, answer);
        if (on_key)
            on_key(e, arg, answer, c);
    }
}

/* ---------------------------------------------------------------- search */

struct search {
    int cx, cy, rowoff, coloff;     /* where the cursor was: Esc goes back there */
    int line, col;                  /* the match the cursor is on; line -1: none */
};

/* Where q occurs in line l at or after from (forward), or at or before
 * from (backward); -1 if nowhere. */
static int find_in_line(const struct line *l, const char *q, int from, int forward)
{
    int qlen = strlen(q);

    if (!forward && from > l->len - qlen)
        from = l->len - qlen;                /* the last place a match fits */
    for (int at = from; at >= 0 && at + qlen <= l->len; at += forward ? 1 : -1)
        if (memcmp(l->chars + at, q, qlen) == 0)
            return at;
    return -1;
}

/* The nearest match from (line, col) on, in one direction, going round
 * the end of the text; 1 (and *line, *col) if there is one. */
static int search_from(struct editor *e, const char *q, int *line, int *col, int forward)
{
    for (int i = 0; i <= e->nlines; i++) {
        int n = forward ? (*line + i) % e->nlines : (*line - i + e->nlines) % e->nlines;
        const struct line *l = &e->lines[n];
        int from = i == 0 ? *col : forward ? 0 : l->len;
        int at = find_in_line(l, q, from, forward);
        if (at >= 0) {
            *line = n;
            *col = at;
            return 1;
        }
    }
    return 0;
}

static void search_key(struct editor *e, void *arg, const char *q, int key)
{
    struct search *s = arg;

    if (key == KEY_ESC) {
        e->cx = s->cx;
        e->cy = s->cy;
        e->rowoff = s->rowoff;
        e->coloff = s->coloff;
        return;
    }
    if (key == '\r' || key == '\n' || !q[0] || e->nlines == 0)
        return;
    int forward = key != KEY_LEFT && key != KEY_UP;
    int line = s->cy < e->nlines ? s->cy : 0, col = s->cx;
    if (s->line >= 0 && (key == KEY_RIGHT || key == KEY_DOWN || !forward)) {
        line = s->line;                      /* the next one after this match */
        col = s->col + (forward ? 1 : -1);
        if (col < 0) {
            line = (line - 1 + e->nlines) % e->nlines;
            col = e->lines[line].len;
        }
    }
    if (search_from(e, q, &line, &col, forward)) {
        s->line = e->cy = line;
        s->col = e->cx = col;
    } else {
        strncat(e->message, "   (not found)", sizeof(e->message) - strlen(e->message) - 1);
    }
}

void find(struct editor *e)
{
    struct search s = { e->cx, e->cy, e->rowoff, e->coloff, -1, 0 };
    char *q = prompt(e, "Find: %s   (arrows: next/previous, Enter stays, Esc goes back)",
                     search_key, &s);

    free(q);
}
