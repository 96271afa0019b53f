/* lineedit.c: the line editor of an interactive shell.
 *
 * In canonical mode the tty edits a line only at its end (Backspace,
 * Ctrl-W, Ctrl-U).  To move the cursor, recall old lines and complete
 * names, the shell reads the keys itself: edit_line() puts the terminal in
 * raw mode (ICANON, ECHO, ISIG and IEXTEN off), so that every key arrives
 * as it is pressed, unechoed, and Ctrl-C, Ctrl-Z, Ctrl-\ are bytes rather
 * than signals; it draws the line itself; and it puts the terminal's
 * settings back before it returns, so that the programs the shell runs
 * find the terminal cooked, as before.
 *
 * The parts, in order: raw mode; keys (escape sequences become KEY_...);
 * drawing; editing; the history (~/.sh_history); Ctrl-R; Tab completion;
 * and edit_line(), whose switch is the table of keys.
 *
 * Drawing is simple on purpose.  After a change the whole line is drawn
 * again: "\r", the prompt, the text, ESC[K (erase the rest of the screen
 * line) and "\b" back to the cursor.  A line longer than the terminal is
 * wide scrolls sideways: a window of it is shown, moved just enough to keep
 * the cursor in view, and nothing is written into the last column, so no
 * terminal ever wraps the line.  This assumes the prompt starts at the left
 * edge of the screen.  Only what is needed is drawn: a character typed at
 * the end of a line is written alone, and while more keys are already
 * waiting (typed ahead, or pasted) nothing is drawn until they are read. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include "sh.h"
#include "write_all.h"

#define HISTORY_MAX 500         /* lines kept in memory, and in the file after a trim */
#define ESC_WAIT_MS 100         /* after Esc: how long the rest of a key's sequence may take */
#define MAX_COLS    512         /* a wider terminal is used as if it were this wide */
#define QUERY_MAX   40          /* characters of a Ctrl-R search */

/* Keys: bytes below 256, as they come; escape sequences as codes above. */
enum {
    CTRL_A = 1, CTRL_B = 2, CTRL_C = 3, CTRL_D = 4, CTRL_E = 5, CTRL_F = 6,
    CTRL_G = 7, CTRL_H = 8, TAB = 9, CTRL_J = 10, CTRL_K = 11, CTRL_L = 12,
    CTRL_M = 13, CTRL_R = 18, CTRL_U = 21, CTRL_W = 23, ESC = 27, DEL = 127,
    KEY_UP = 256, KEY_DOWN, KEY_RIGHT, KEY_LEFT, KEY_HOME, KEY_END, KEY_DELETE,
    KEY_UNKNOWN,                /* a sequence that means nothing here */
    KEY_EOF = -1,               /* read() returned 0: the terminal is gone */
    KEY_ERROR = -2,             /* read() failed */
};

/* The line being edited, and what the screen shows of it. */
struct editor {
    const char *prompt;
    char *buf;                  /* the text, always NUL-terminated */
    size_t max;                 /* its longest: the caller's size, less '\n' and NUL */
    size_t len, pos;            /* its length, and the cursor: 0..len */
    size_t first;               /* the first character on the screen */
    size_t cols;                /* the terminal's width */
    int stale;                  /* the screen does not show the line as it is */
    int shown;                  /* the history line in buf; history_len: a new line */
    char *typed;                /* the new line, kept while Up and Down show others */
};

static char *history[HISTORY_MAX];   /* the oldest first */
static int history_len;

static int blank_char(char c)
{
    return c == ' ' || c == '\t';
}

/* ================================================================ raw mode */

/* TCSADRAIN, never TCSAFLUSH: what was typed ahead is the next command. */
static int enter_raw_mode(struct termios *cooked)
{
    struct termios raw;

    if (tcgetattr(STDIN_FILENO, cooked) < 0)
        return -1;
    raw = *cooked;
    raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    return tcsetattr(STDIN_FILENO, TCSADRAIN, &raw);
}

static void leave_raw_mode(const struct termios *cooked)
{
    tcsetattr(STDIN_FILENO, TCSADRAIN, cooked);
}

static size_t terminal_width(void)
{
    struct winsize ws;

    if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) < 0 || ws.ws_col == 0)
        return 80;
    return ws.ws_col < 10 ? 10 : ws.ws_col > MAX_COLS ? MAX_COLS : ws.ws_col;
}

/* ================================================================ keys */

/* One byte from the terminal, or KEY_EOF, KEY_ERROR.  A program may
 * have left the terminal's open file O_NONBLOCK (the shell shares it):
 * the shell then waits again, as bash does, rather than end. */
static int read_byte(void)
{
    unsigned char c;

    for (;;) {
        ssize_t n = read(STDIN_FILENO, &c, 1);
        if (n == 1)
            return c;
        if (n == 0)
            return KEY_EOF;
        if (errno == EAGAIN) {
            int flags = fcntl(STDIN_FILENO, F_GETFL);
            if (flags < 0 || !(flags & O_NONBLOCK) || fcntl(STDIN_FILENO, F_SETFL, flags & ~O_NONBLOCK) < 0)
                return KEY_ERROR;
        } else if (errno != EINTR) {
            return KEY_ERROR;
        }
    }
}

/* Whether a byte comes within ms milliseconds (0: is one there now). */
static int byte_waiting(int ms)
{
    struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

    return poll(&p, 1, ms) > 0;
}

/* The last letter of ESC [ x or ESC O x: a cursor key, Home or End. */
static int cursor_key(int c)
{
    switch (c) {
    case 'A': return KEY_UP;
    case 'B': return KEY_DOWN;
    case 'C': return KEY_RIGHT;
    case 'D': return KEY_LEFT;
    case 'H': return KEY_HOME;
    case 'F': return KEY_END;
    default:  return c < 0 ? c : KEY_UNKNOWN;
    }
}

/* ESC [, then parameters, then one final letter.  A number before '~'
 * names the key (ESC[3~ is Delete); numbers after a ';' are modifiers
 * (ESC[1;5C is Ctrl-Right), taken here as the key alone. */
static int read_csi(void)
{
    int c, number = 0, first_number = 1;

    while ((c = read_byte()) >= 0x20 && c <= 0x3f) {
        if (c == ';')
            first_number = 0;
        else if (c >= '0' && c <= '9' && first_number && number < 1000)
            number = number * 10 + (c - '0');
    }
    if (c != '~')
        return cursor_key(c);
    switch (number) {
    case 1: case 7: return KEY_HOME;
    case 4: case 8: return KEY_END;
    case 3:         return KEY_DELETE;
    default:        return KEY_UNKNOWN;
    }
}

/* Esc alone is a key too: if nothing follows it soon, it was that. */
static int read_key(void)
{
    int c = read_byte();

    if (c != ESC)
        return c;
    if (!byte_waiting(ESC_WAIT_MS))
        return ESC;
    c = read_byte();
    if (c == '[')
        return read_csi();
    if (c == 'O')
        return cursor_key(read_byte());
    return c < 0 ? c : KEY_UNKNOWN;          /* Alt and a key: nothing here */
}

/* ================================================================ drawing */

/* To the terminal, on stderr, where the prompt has always gone. */
static void put(const char *s, size_t n)
{
    write_all(STDERR_FILENO, s, n);
}

static void put_string(const char *s)
{
    put(s, strlen(s));
}

/* The part of the prompt that is shown: all of it, unless it would leave
 * the text too little room; then its end, next to the text. */
static const char *visible_prompt(const struct editor *e, size_t *len)
{
    size_t room = e->cols - 1;
    size_t most = room > 32 ? room - 16 : room / 2;
    size_t plen = strlen(e->prompt);

    *len = plen > most ? most : plen;
    return e->prompt + plen - *len;
}

/* Moves the window of `width` columns over the text so that the cursor is
 * in it; after a deletion, room on the right shows more on the left. */
static void scroll_to_cursor(struct editor *e, size_t width)
{
    if (e->pos < e->first)
        e->first = e->pos;
    if (e->pos >= e->first + width)
        e->first = e->pos - width + 1;
    if (e->len + 1 < e->first + width)
        e->first = e->len + 1 > width ? e->len + 1 - width : 0;
}

/* The whole line again, in one write. */
static void refresh(struct editor *e)
{
    char out[3 * MAX_COLS + 8];
    size_t plen, n = 0;
    const char *prompt = visible_prompt(e, &plen);
    size_t width = e->cols - 1 - plen;       /* the last column stays empty */

    scroll_to_cursor(e, width);
    size_t shown = e->len - e->first < width ? e->len - e->first : width;
    out[n++] = '\r';
    memcpy(out + n, prompt, plen);
    n += plen;
    memcpy(out + n, e->buf + e->first, shown);
    n += shown;
    memcpy(out + n, "\033[K", 3);
    n += 3;
    for (size_t i = e->first + shown; i > e->pos; i--)
        out[n++] = '\b';
    put(out, n);
    e->stale = 0;
}

/* ================================================================ editing */

/* At the cursor; what does not fit in the line is lost. */
static void insert(struct editor *e, const char *s, size_t n)
{
    if (n > e->max - e->len)
        n = e->max - e->len;
    memmove(e->buf + e->pos + n, e->buf + e->pos, e->len - e->pos + 1);
    memcpy(e->buf + e->pos, s, n);
    e->len += n;
    e->pos += n;
    e->stale = 1;
}

/* Removes the characters from..to (to excluded); the cursor goes to from. */
static void cut(struct editor *e, size_t from, size_t to)
{
    memmove(e->buf + from, e->buf + to, e->len - to + 1);
    e->len -= to - from;
    e->pos = from;
    e->stale = 1;
}

static void move_to(struct editor *e, size_t pos)
{
    e->stale |= pos != e->pos;
    e->pos = pos;
}

static void set_line(struct editor *e, const char *text)
{
    size_t n = strlen(text);

    e->len = e->pos = n < e->max ? n : e->max;
    memcpy(e->buf, text, e->len);
    e->buf[e->len] = '\0';
    e->stale = 1;
}

/* A character typed at the end of a line that fits on the screen needs
 * only itself written. */
static void type_char(struct editor *e, char c)
{
    size_t plen;

    visible_prompt(e, &plen);
    int only_c = !e->stale && e->pos == e->len && e->first == 0 && e->len < e->max &&
                 plen + e->len + 2 <= e->cols - 1;
    insert(e, &c, 1);
    if (only_c) {
        put(&c, 1);
        e->stale = 0;
    }
}

static void delete_under_cursor(struct editor *e)
{
    if (e->pos < e->len)
        cut(e, e->pos, e->pos + 1);
}

/* Ctrl-W: back over blanks, then over the word before them. */
static size_t word_before(const struct editor *e)
{
    size_t i = e->pos;

    while (i > 0 && blank_char(e->buf[i - 1]))
        i--;
    while (i > 0 && !blank_char(e->buf[i - 1]))
        i--;
    return i;
}

/* ================================================================ history
 *
 * The lines typed, in memory (the newest last; beyond HISTORY_MAX the
 * oldest are forgotten) and in $HOME/.sh_history, one line appended as
 * each is run, so that the next shell -- after `exit`, init starts one --
 * has them too.  The file is trimmed to HISTORY_MAX lines when a shell
 * loads it.  A file that cannot be written (a read-only home) is said
 * once; the history in memory works on. */

static int history_complained;

static int history_path(char *path, size_t size)
{
    const char *home = get_var("HOME");

    return home && *home && (size_t)snprintf(path, size, "%s/.sh_history", home) < size;
}

static void history_failed(const char *path)
{
    if (!history_complained)
        complain("history: %s: %s", path, strerror(errno));
    history_complained = 1;
}

/* Into memory, unless the line is blank or the same as the last.
 * Returns 1 if it was added. */
static int remember(const char *line, size_t len)
{
    size_t i = 0;

    while (i < len && blank_char(line[i]))
        i++;
    if (i == len)
        return 0;
    if (history_len > 0 && strncmp(history[history_len - 1], line, len) == 0 &&
        history[history_len - 1][len] == '\0')
        return 0;
    char *copy = malloc(len + 1);
    if (!copy)
        return 0;
    memcpy(copy, line, len);
    copy[len] = '\0';
    if (history_len == HISTORY_MAX) {
        free(history[0]);
        memmove(history, history + 1, (HISTORY_MAX - 1) * sizeof(history[0]));
        history_len--;
    }
    history[history_len++] = copy;
    return 1;
}

static void history_rewrite(const char *path)
{
    FILE *f = fopen(path, "w");

    if (!f) {
        history_failed(path);
        return;
    }
    for (int i = 0; i < history_len; i++)
        fprintf(f, "%s\n", history[i]);
    if (fclose(f) != 0)
        history_failed(path);
}

void history_load(void)
{
    char path[PATH_MAX], line[4096];        /* as long as input.c lets a line be */
    int lines = 0;
    FILE *f;

    while (history_len > 0)
        free(history[--history_len]);
    if (!history_path(path, sizeof(path)) || !(f = fopen(path, "r")))
        return;                              /* no history yet */
    while (fgets(line, sizeof(line), f)) {
        remember(line, strcspn(line, "\n"));
        lines++;
    }
    fclose(f);
    if (lines > HISTORY_MAX)
        history_rewrite(path);
}

void history_add(const char *line)
{
    char path[PATH_MAX];
    size_t len = strcspn(line, "\n");

    if (!remember(line, len) || !history_path(path, sizeof(path)))
        return;
    char *record = malloc(len + 1);
    if (!record)
        return;
    /* the line and its '\n' in one write: an append never splits a line */
    memcpy(record, line, len);
    record[len] = '\n';
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0 || write(fd, record, len + 1) != (ssize_t)(len + 1))
        history_failed(path);
    if (fd >= 0)
        close(fd);
    free(record);
}

/* Up and Down: another line of the history into the editor.  The new line
 * is kept aside meanwhile, and is back when Down passes the newest; edits
 * to an old line are forgotten when another is shown. */
static void show_history(struct editor *e, int index)
{
    if (e->shown == history_len) {
        free(e->typed);
        e->typed = strdup(e->buf);
    }
    e->shown = index;
    set_line(e, index < history_len ? history[index] : e->typed ? e->typed : "");
}

/* ================================================================ Ctrl-R */

/* The newest history line at or before `from` that contains query, into
 * the editor with the cursor on the match.  Returns its index, or -1 (and
 * the line stays as it is). */
static int search_back(struct editor *e, const char *query, int from)
{
    for (int i = from; i >= 0; i--) {
        const char *hit = strstr(history[i], query);
        if (hit) {
            set_line(e, history[i]);
            e->pos = (size_t)(hit - history[i]) < e->len ? (size_t)(hit - history[i]) : e->len;
            return i;
        }
    }
    return -1;
}

/* Ctrl-R: what is typed next is searched for, from the newest line back;
 * Ctrl-R again finds an older match.  Returns the key that ended the
 * search, for edit() to act on: Enter runs the line found; Left, Right,
 * Ctrl-A and the other editing keys edit it (Esc just stops the search).
 * Ctrl-G or Ctrl-C puts the line back as it was. */
static int reverse_search(struct editor *e)
{
    char query[QUERY_MAX + 1] = "", prompt[QUERY_MAX + 32];
    size_t qlen = 0, pos_before = e->pos;
    const char *line_prompt = e->prompt;
    char *before = strdup(e->buf);
    int match = history_len, failed = 0, key;

    for (;;) {
        snprintf(prompt, sizeof(prompt), "(%sreverse-i-search)`%s': ", failed ? "failed " : "", query);
        e->prompt = prompt;
        if (!byte_waiting(0))
            refresh(e);
        key = read_key();
        int from;
        if (key == CTRL_R) {
            from = match - 1;
        } else if (key >= ' ' && key < DEL) {
            if (qlen == QUERY_MAX)
                continue;
            query[qlen++] = key;
            query[qlen] = '\0';
            from = match < history_len ? match : history_len - 1;   /* it may still match */
        } else if (key == DEL || key == CTRL_H) {
            if (qlen > 0)
                query[--qlen] = '\0';
            from = history_len - 1;
        } else {
            break;
        }
        int found = search_back(e, query, from);
        failed = found < 0;
        if (!failed)
            match = found;
    }
    e->prompt = line_prompt;
    e->stale = 1;
    if (key == CTRL_G || key == CTRL_C) {
        set_line(e, before ? before : "");
        e->pos = pos_before;
        key = KEY_UNKNOWN;
    } else if (match < history_len) {
        /* Up and Down go on from the line found; the new line is kept */
        if (e->shown == history_len) {
            free(e->typed);
            e->typed = before;
            before = NULL;
        }
        e->shown = match;
    }
    free(before);
    return key == ESC ? KEY_UNKNOWN : key;
}

/* ================================================================ completion
 *
 * Tab completes the word before the cursor: the first word of a command
 * to the name of a built-in or of a program in a $PATH directory, any
 * other word (or one with a '/') to a path.  Candidates are gathered,
 * sorted, and the word is completed as far as they agree. */

struct names {
    char **v;
    size_t n, cap;
};

static void add_name(struct names *c, const char *name, const char *suffix)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 32;
        char **v = realloc(c->v, cap * sizeof(*v));
        if (!v)
            return;
        c->v = v;
        c->cap = cap;
    }
    char *s = malloc(strlen(name) + strlen(suffix) + 1);
    if (!s)
        return;
    strcpy(s, name);
    strcat(s, suffix);
    c->v[c->n++] = s;
}

static void free_names(struct names *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->v[i]);
    free(c->v);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted, each name once (a program may be in two $PATH directories). */
static void sort_names(struct names *c)
{
    size_t kept = 0;

    qsort(c->v, c->n, sizeof(c->v[0]), compare_names);
    for (size_t i = 0; i < c->n; i++) {
        if (kept > 0 && strcmp(c->v[kept - 1], c->v[i]) == 0)
            free(c->v[i]);
        else
            c->v[kept++] = c->v[i];
    }
    c->n = kept;
}

/* A name starting with '.' only when the word does too; never . and .. */
static int name_matches(const char *name, const char *prefix)
{
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
        return 0;
    if (name[0] == '.' && prefix[0] != '.')
        return 0;
    return strncmp(name, prefix, strlen(prefix)) == 0;
}

static int is_directory(const struct dirent *ent, const char *path)
{
    struct stat st;

    if (ent->d_type != DT_UNKNOWN && ent->d_type != DT_LNK)
        return ent->d_type == DT_DIR;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_program(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH));
}

/* The names in dir that start with prefix: programs only, or every file
 * with a '/' after a directory's name. */
static void names_in_dir(const char *dir, const char *prefix, int programs, struct names *c)
{
    char path[PATH_MAX];
    struct dirent *ent;
    DIR *d = opendir(dir);

    if (!d)
        return;
    while ((ent = readdir(d))) {
        if (!name_matches(ent->d_name, prefix))
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, ent->d_name);
        if (programs) {
            if (is_program(path))
                add_name(c, ent->d_name, "");
        } else {
            add_name(c, ent->d_name, is_directory(ent, path) ? "/" : "");
        }
    }
    closedir(d);
}

/* Built-ins and the programs in each $PATH directory (an empty entry is
 * the current directory). */
static void command_names(const char *prefix, struct names *c)
{
    const char *name, *path = get_var("PATH");
    char dir[PATH_MAX];

    for (int i = 0; (name = builtin_name(i)); i++)
        if (strncmp(name, prefix, strlen(prefix)) == 0)
            add_name(c, name, "");
    while (path && *path) {
        size_t n = strcspn(path, ":");
        if (n < sizeof(dir)) {
            memcpy(dir, path, n);
            dir[n] = '\0';
            names_in_dir(n ? dir : ".", prefix, 1, c);
        }
        path += n + (path[n] == ':');
    }
}

/* The files whose path starts with word ("/etc/mo", "src/", "~/no").
 * Returns where the last part of the word starts: the candidates are
 * names in that directory. */
static size_t file_names(const char *word, struct names *c)
{
    const char *slash = strrchr(word, '/'), *home = get_var("HOME");
    char dir[PATH_MAX];

    if (!slash)
        strcpy(dir, ".");
    else if (slash == word)
        strcpy(dir, "/");
    else if (word[0] == '~' && word[1] == '/' && home)
        snprintf(dir, sizeof(dir), "%s%.*s", home, (int)(slash - word - 1), word + 1);
    else
        snprintf(dir, sizeof(dir), "%.*s", (int)(slash - word), word);
    const char *base = slash ? slash + 1 : word;
    names_in_dir(dir, base, 0, c);
    return base - word;
}

/* Words are separated by blanks and by the operators | & ; < > ( ). */
static int separates(char c)
{
    return blank_char(c) || (c != '\0' && strchr("|&;<>()", c));
}

static size_t word_start(const struct editor *e)
{
    size_t i = e->pos;

    while (i > 0 && !separates(e->buf[i - 1]))
        i--;
    return i;
}

/* A command's first word: at the start, or after | & ; ( */
static int command_position(const struct editor *e, size_t start)
{
    size_t i = start;

    while (i > 0 && blank_char(e->buf[i - 1]))
        i--;
    return i == 0 || strchr("|&;(", e->buf[i - 1]);
}

static size_t common_prefix(const struct names *c)
{
    size_t n = strlen(c->v[0]);

    for (size_t i = 1; i < c->n; i++) {
        size_t k = 0;
        while (k < n && c->v[i][k] == c->v[0][k])
            k++;
        n = k;
    }
    return n;
}

/* The candidates below the line, in columns as ls shows them; the prompt
 * and the line are drawn again under them. */
static void list_names(struct editor *e, const struct names *c)
{
    size_t widest = 0;

    for (size_t i = 0; i < c->n; i++)
        if (strlen(c->v[i]) > widest)
            widest = strlen(c->v[i]);
    size_t columns = (e->cols - 1) / (widest + 2);
    if (columns == 0)
        columns = 1;
    size_t rows = (c->n + columns - 1) / columns;
    if (e->stale)
        refresh(e);                          /* the line as completed so far, above the list */
    put_string("\n");
    for (size_t r = 0; r < rows; r++) {
        for (size_t i = r; i < c->n; i += rows) {
            put_string(c->v[i]);
            for (size_t pad = strlen(c->v[i]); i + rows < c->n && pad < widest + 2; pad++)
                put_string(" ");
        }
        put_string("\n");
    }
    e->stale = 1;
}

/* One candidate: inserted whole, with a blank after it unless it is a
 * directory (its '/' invites the next part).  Several: as far as they
 * agree; a second Tab in a row lists them. */
static void complete(struct editor *e, int second_tab)
{
    size_t start = word_start(e), wlen = e->pos - start, base;
    struct names c = { 0 };
    char word[PATH_MAX];

    if (wlen >= sizeof(word))
        return;
    memcpy(word, e->buf + start, wlen);
    word[wlen] = '\0';
    if (command_position(e, start) && !strchr(word, '/')) {
        command_names(word, &c);
        base = 0;
    } else {
        base = file_names(word, &c);
    }
    if (c.n > 0) {
        sort_names(&c);
        size_t have = wlen - base, common = common_prefix(&c);
        if (common > have)
            insert(e, c.v[0] + have, common - have);
        if (c.n == 1 && c.v[0][common - 1] != '/')
            insert(e, " ", 1);
        else if (c.n > 1 && common == have && second_tab)
            list_names(e, &c);
    }
    free_names(&c);
}

/* ================================================================ the keys */

static int finish(struct editor *e)
{
    move_to(e, e->len);
    if (e->stale)
        refresh(e);
    put_string("\n");
    e->buf[e->len] = '\n';
    e->buf[e->len + 1] = '\0';
    return e->len + 1;
}

static int edit(struct editor *e)
{
    int key, last = 0;

    for (;;) {
        if (e->stale && !byte_waiting(0))
            refresh(e);
        key = read_key();
        if (key == CTRL_R)
            key = reverse_search(e);
        switch (key) {
        case KEY_EOF:                        /* hung up: as Ctrl-D */
            return 0;
        case KEY_ERROR:
            return -1;
        case CTRL_J: case CTRL_M:
            return finish(e);
        case CTRL_C:
            move_to(e, e->len);
            refresh(e);
            put_string("^C\n");
            return -2;
        case CTRL_D:                         /* on an empty line: the end */
            if (e->len == 0)
                return 0;
            delete_under_cursor(e);
            break;
        case KEY_DELETE:
            delete_under_cursor(e);
            break;
        case DEL: case CTRL_H:
            if (e->pos > 0)
                cut(e, e->pos - 1, e->pos);
            break;
        case KEY_LEFT: case CTRL_B:
            move_to(e, e->pos > 0 ? e->pos - 1 : 0);
            break;
        case KEY_RIGHT: case CTRL_F:
            move_to(e, e->pos < e->len ? e->pos + 1 : e->len);
            break;
        case KEY_HOME: case CTRL_A:
            move_to(e, 0);
            break;
        case KEY_END: case CTRL_E:
            move_to(e, e->len);
            break;
        case CTRL_K:
            cut(e, e->pos, e->len);
            break;
        case CTRL_U:
            cut(e, 0, e->pos);
            break;
        case CTRL_W:
            cut(e, word_before(e), e->pos);
            break;
        case CTRL_L:
            put_string("\033[H\033[2J");
            e->stale = 1;
            break;
        case KEY_UP:
            if (e->shown > 0)
                show_history(e, e->shown - 1);
            break;
        case KEY_DOWN:
            if (e->shown < history_len)
                show_history(e, e->shown + 1);
            break;
        case TAB:
            complete(e, last == TAB);
            break;
        default:                             /* Ctrl-Z, Ctrl-\ and the like: nothing */
            if (key >= ' ' && key < DEL)
                type_char(e, key);
        }
        last = key;
    }
}

int edit_line(const char *prompt, char *buf, size_t size)
{
    struct termios cooked;
    struct editor e = { .prompt = prompt, .buf = buf, .shown = history_len };
    size_t plen;

    if (size < 2) {
        errno = EINVAL;
        return -1;
    }
    if (enter_raw_mode(&cooked) < 0)
        return -1;
    e.max = size - 2;
    e.cols = terminal_width();
    buf[0] = '\0';
    /* the first time just the prompt: after output that did not end in a
     * newline, "\r" would draw over it */
    const char *shown = visible_prompt(&e, &plen);
    put(shown, plen);
    int result = edit(&e);
    leave_raw_mode(&cooked);
    free(e.typed);
    return result;
}
