/* lex.c: characters into tokens.
 *
 * A token is an operator (| || & && ; ;; ( ) < > >> << <<- <& >& <> >|),
 * a newline, or a word.  A word is kept as typed, quotes and all: which
 * parts are quoted matters only later, when it is expanded (expand.c), so
 * that "false; echo $?" prints 1.  The lexer only has to know where a word
 * ends -- and a word can hold a whole command: $(...) ends at its own ')',
 * which only the parser can find (a case pattern has a ')' of its own), so
 * for $( the lexer asks the parser to read a command, and keeps its text.
 *
 * Here-documents: "cat <<EOF" names a delimiter, and the text follows the
 * line, so the bodies are read when the next newline is met. */
#include <ctype.h>
#include <string.h>
#include "sh.h"

void lex_init(struct lexer *lx, struct input *in, struct pool *pool)
{
    memset(lx, 0, sizeof(*lx));
    lx->in = in;
    lx->pool = pool;
}

static int getch(struct lexer *lx)
{
    return input_getc(lx->in);
}

static void ungetch(struct lexer *lx, int c)
{
    if (c >= 0)
        input_ungetc(lx->in, c);
}

static int is_meta(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' ||
           c == '(' || c == ')' || c == '<' || c == '>' || c < 0;
}

static void lex_error(struct lexer *lx, const char *what)
{
    if (!lx->error)
        complain("line %d: syntax error: %s", input_line(lx->in), what);
    lx->error = 1;
}

/* ---------------------------------------------------------------- here-documents */

int lex_add_heredoc(struct lexer *lx, struct redir *r)
{
    if (lx->npending == (int)(sizeof(lx->pending_heredocs) / sizeof(lx->pending_heredocs[0]))) {
        lex_error(lx, "too many here-documents on one line");
        return -1;
    }
    lx->pending_heredocs[lx->npending++] = r;
    return 0;
}

/* One line of a here-document, without its newline, added to line; -1
 * at the end. */
static int read_body_line(struct lexer *lx, struct buf *line)
{
    size_t start = line->len;
    int c;

    buf_putn(line, "", 0);
    while ((c = getch(lx)) >= 0 && c != '\n')
        buf_putc(line, (char)c);
    if (c < 0 && line->len == start)
        return -1;
    return 0;
}

/* An odd number of backslashes at the end: the last one escapes the newline. */
static int ends_in_backslash(const struct buf *line)
{
    size_t n = 0;

    while (n < line->len && line->s[line->len - 1 - n] == '\\')
        n++;
    return n % 2 == 1;
}

/* The text after the line, up to a line that is just the delimiter
 * (<<- strips leading tabs from every line, the delimiter's too).  In a
 * text that is expanded, \newline joins two lines before the delimiter
 * is looked for, as everywhere outside single quotes. */
static void read_heredoc(struct lexer *lx, struct redir *r, int strip_tabs)
{
    struct buf body = { 0 }, line = { 0 };

    for (;;) {
        line.len = 0;
        if (read_body_line(lx, &line) < 0)
            break;
        while (r->expand_body && ends_in_backslash(&line)) {
            line.s[--line.len] = '\0';
            if (read_body_line(lx, &line) < 0)
                break;
        }
        const char *s = line.s;
        while (strip_tabs && *s == '\t')
            s++;
        if (strcmp(s, r->word) == 0)
            break;
        buf_puts(&body, s);
        buf_putc(&body, '\n');
    }
    r->body = pool_strndup(lx->pool, body.s ? body.s : "", body.len);
    buf_free(&body);
    buf_free(&line);
}

static void read_pending_heredocs(struct lexer *lx)
{
    for (int i = 0; i < lx->npending; i++) {
        struct redir *r = lx->pending_heredocs[i];
        read_heredoc(lx, r, r->strip_tabs);
    }
    lx->npending = 0;
}

/* ---------------------------------------------------------------- words */

static int scan_dollar(struct lexer *lx, struct buf *w, int dq);
static int scan_dollar_body(struct lexer *lx, struct buf *w, int dq);
static int scan_backquote(struct lexer *lx, struct buf *w);

/* Up to the closing quote c; the opening one is in w already. */
static int scan_single_quotes(struct lexer *lx, struct buf *w)
{
    int c;

    while ((c = getch(lx)) >= 0) {
        buf_putc(w, (char)c);
        if (c == '\'')
            return 0;
    }
    lex_error(lx, "unterminated '");
    return -1;
}

/* \c: a backslash-newline disappears (the line goes on); any other pair is
 * kept, for expansion to take the backslash away. */
static void scan_backslash(struct lexer *lx, struct buf *w)
{
    int c = getch(lx);

    if (c == '\n')
        return;
    buf_putc(w, '\\');
    if (c >= 0)
        buf_putc(w, (char)c);
}

static int scan_double_quotes(struct lexer *lx, struct buf *w)
{
    int c;

    while ((c = getch(lx)) >= 0) {
        if (c == '\\') {
            scan_backslash(lx, w);
            continue;
        }
        if (c == '$') {
            if (scan_dollar(lx, w, 1) < 0)
                return -1;
            continue;
        }
        if (c == '`') {
            if (scan_backquote(lx, w) < 0)
                return -1;
            continue;
        }
        buf_putc(w, (char)c);
        if (c == '"')
            return 0;
    }
    lex_error(lx, "unterminated \"");
    return -1;
}

static int scan_backquote(struct lexer *lx, struct buf *w)
{
    int c;

    buf_putc(w, '`');
    while ((c = getch(lx)) >= 0) {
        buf_putc(w, (char)c);
        if (c == '\\') {
            if ((c = getch(lx)) >= 0)
                buf_putc(w, (char)c);
        } else if (c == '`') {
            return 0;
        }
    }
    lex_error(lx, "unterminated `");
    return -1;
}

/* Is the text of a ${ so far a name and then % or #: ${x%pattern}? */
static int at_pattern_operator(const char *inside, size_t n)
{
    size_t name = 0;

    if (n > 0 && strchr("@*#?-$!0123456789", inside[0]))
        name = 1;
    else
        while (name < n && (isalnum((unsigned char)inside[name]) || inside[name] == '_'))
            name++;
    return name > 0 && name < n && (inside[name] == '%' || inside[name] == '#');
}

/* ${...}: up to the matching }, with quotes and nested ${ } inside.
 * Inside "...", a ' is just a character ("${x:-it's}"), except in the
 * pattern of ${x%pattern} and ${x#pattern}, which has quotes of its own. */
static int scan_brace(struct lexer *lx, struct buf *w, int dq)
{
    size_t start = w->len + 1;
    int c;

    buf_putc(w, '{');
    while ((c = getch(lx)) >= 0) {
        if (c == '}') {
            buf_putc(w, '}');
            return 0;
        }
        if (c == '\\') {
            scan_backslash(lx, w);
        } else if (c == '\'' && (!dq || at_pattern_operator(w->s + start, w->len - start))) {
            buf_putc(w, '\'');
            if (scan_single_quotes(lx, w) < 0)
                return -1;
        } else if (c == '"') {
            buf_putc(w, '"');
            if (scan_double_quotes(lx, w) < 0)
                return -1;
        } else if (c == '$') {
            if (scan_dollar(lx, w, dq) < 0)
                return -1;
        } else if (c == '`') {
            if (scan_backquote(lx, w) < 0)
                return -1;
        } else {
            buf_putc(w, (char)c);
        }
    }
    lex_error(lx, "unterminated ${");
    return -1;
}

/* $((...)): up to the )) that matches, counting parentheses. */
static int scan_arithmetic(struct lexer *lx, struct buf *w)
{
    int depth = 0, c;

    buf_puts(w, "((");
    while ((c = getch(lx)) >= 0) {
        buf_putc(w, (char)c);
        if (c == '(')
            depth++;
        else if (c == ')' && depth > 0)
            depth--;
        else if (c == ')') {
            int d = getch(lx);
            if (d == ')') {
                buf_putc(w, ')');
                return 0;
            }
            ungetch(lx, d);
        }
    }
    lex_error(lx, "unterminated $((");
    return -1;
}

/* $(command): the parser reads the command, the input records its text. */
static int scan_command_substitution(struct lexer *lx, struct buf *w)
{
    buf_putc(w, '(');
    input_record_start(lx->in, w);
    int ok = parse_subcommand(lx);
    input_record_stop(lx->in);
    if (ok < 0) {
        lex_error(lx, "unterminated $(");
        return -1;
    }
    return 0;
}

/* After a '$' (put into w here); dq: inside "...".  ${ ${ ${ ... nests,
 * and each level is a call: the same limit as for nested commands
 * (parse.c). */
static int scan_dollar(struct lexer *lx, struct buf *w, int dq)
{
    if (lx->depth >= MAX_NESTING) {
        lex_error(lx, "${ or $( nested too deeply");
        return -1;
    }
    lx->depth++;
    int r = scan_dollar_body(lx, w, dq);
    lx->depth--;
    return r;
}

static int scan_dollar_body(struct lexer *lx, struct buf *w, int dq)
{
    int c = getch(lx);

    buf_putc(w, '$');
    if (c == '{')
        return scan_brace(lx, w, dq);
    if (c == '(') {
        int d = getch(lx);
        if (d == '(')
            return scan_arithmetic(lx, w);
        ungetch(lx, d);
        return scan_command_substitution(lx, w);
    }
    ungetch(lx, c);
    return 0;
}

static struct token scan_word(struct lexer *lx, int c)
{
    struct buf w = { 0 };
    struct token t = { .type = T_WORD, .lineno = input_line(lx->in) };

    for (; !is_meta(c); c = getch(lx)) {
        int fail = 0;
        if (c == '\\') {
            scan_backslash(lx, &w);
            t.quoted = 1;
        } else if (c == '\'' || c == '"') {
            buf_putc(&w, (char)c);
            fail = c == '\'' ? scan_single_quotes(lx, &w) : scan_double_quotes(lx, &w);
            t.quoted = 1;
        } else if (c == '$') {
            fail = scan_dollar(lx, &w, 0);
        } else if (c == '`') {
            fail = scan_backquote(lx, &w);
        } else {
            buf_putc(&w, (char)c);
        }
        if (fail < 0) {
            buf_free(&w);
            t.type = T_ERROR;
            return t;
        }
    }
    /* 2>file: a word of digits just before < or > is the fd */
    if ((c == '<' || c == '>') && w.len > 0 && !t.quoted && strspn(w.s, "0123456789") == w.len)
        t.type = T_IO_NUMBER;
    ungetch(lx, c);
    t.text = pool_strndup(lx->pool, w.s ? w.s : "", w.len);
    buf_free(&w);
    return t;
}

/* Where a ${...}, $(...) or $((...)) ends, for expand.c: s is just after
 * its '$', and it is read again by the rules that read it the first time.
 * Returns its length, or -1 if it does not end (a here-document's text,
 * which nobody checked before). */
long dollar_length(const char *s, int dq)
{
    struct input *in = input_string(s);
    struct pool *pool = pool_new();
    struct buf w = { 0 };
    struct lexer lx;

    lex_init(&lx, in, pool);
    long len = scan_dollar_body(&lx, &w, dq) < 0 ? -1 : (long)input_offset(in);
    buf_free(&w);
    pool_drop(pool);
    input_free(in);
    return len;
}

/* ---------------------------------------------------------------- operators */

/* The next character, with backslash-newlines skipped: they join lines
 * anywhere outside quotes, so "&\<newline>&" is "&&". */
static int getch_joined(struct lexer *lx)
{
    int c;

    while ((c = getch(lx)) == '\\') {
        int d = getch(lx);
        if (d != '\n') {
            ungetch(lx, d);
            break;
        }
    }
    return c;
}

static enum token_type scan_operator(struct lexer *lx, int c)
{
    int d = getch_joined(lx);

    switch (c) {
    case '&':
        if (d == '&') return T_AND_IF;
        ungetch(lx, d);
        return T_AMP;
    case '|':
        if (d == '|') return T_OR_IF;
        ungetch(lx, d);
        return T_PIPE;
    case ';':
        if (d == ';') return T_DSEMI;
        ungetch(lx, d);
        return T_SEMI;
    case '<':
        if (d == '<') {
            int e = getch_joined(lx);
            if (e == '-') return T_DLESSDASH;
            ungetch(lx, e);
            return T_DLESS;
        }
        if (d == '&') return T_LESSAND;
        if (d == '>') return T_LESSGREAT;
        ungetch(lx, d);
        return T_LESS;
    case '>':
        if (d == '>') return T_DGREAT;
        if (d == '&') return T_GREATAND;
        if (d == '|') return T_CLOBBER;
        ungetch(lx, d);
        return T_GREAT;
    }
    ungetch(lx, d);
    return c == '(' ? T_LPAREN : T_RPAREN;
}

/* ---------------------------------------------------------------- tokens */

/* Blanks, backslash-newlines and a comment before the token. */
static int skip_blanks(struct lexer *lx)
{
    int c;

    while ((c = getch_joined(lx)) == ' ' || c == '\t')
        ;
    if (c == '#')
        while ((c = getch(lx)) >= 0 && c != '\n')
            ;
    return c;
}

static struct token read_token(struct lexer *lx)
{
    struct token t = { .lineno = input_line(lx->in) };
    int c = skip_blanks(lx);

    if (c < 0) {
        t.type = T_EOF;
        read_pending_heredocs(lx);      /* "cat <<END" and no more: an empty text */
    } else if (c == '\n') {
        t.type = T_NEWLINE;
        read_pending_heredocs(lx);
    } else if (strchr("&|;<>()", c)) {
        t.type = scan_operator(lx, c);
    } else {
        t = scan_word(lx, c);
    }
    if (t.type == T_ERROR)
        lx->error = 1;
    return t;
}

struct token lex_next(struct lexer *lx)
{
    if (lx->have_peeked) {
        lx->have_peeked = 0;
        return lx->peeked;
    }
    return read_token(lx);
}

struct token *lex_peek(struct lexer *lx)
{
    if (!lx->have_peeked) {
        lx->peeked = read_token(lx);
        lx->have_peeked = 1;
    }
    return &lx->peeked;
}

/* After a syntax error, the rest of the line is not run. */
void lex_skip_line(struct lexer *lx)
{
    int c;

    if (lx->have_peeked && (lx->peeked.type == T_NEWLINE || lx->peeked.type == T_EOF)) {
        lx->have_peeked = 0;
        return;
    }
    lx->have_peeked = 0;
    while ((c = getch(lx)) >= 0 && c != '\n')
        ;
    lx->npending = 0;
}
