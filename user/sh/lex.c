/* lex.c: step 2, cut a command line into tokens.
 *
 * A token is a word (kept as typed: quotes are removed later, by the
 * expansion) or an operator.  A redirection token carries its fd: "2>" is
 * fd 2, ">" fd 1, "<" fd 0, and "2>&1" says "fd 2 becomes a copy of fd 1".
 * The tokens go to parse.c; the words themselves live in the line's arena
 * (main.c).  An unclosed quote or ";;" is an error already here. */
#include <ctype.h>
#include <stddef.h>
#include "sh.h"

int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int is_operator_char(char c)
{
    return c == '|' || c == '&' || c == ';' || c == '<' || c == '>';
}

/* A number at p: its value, and *end just after it. */
static int read_number(const char *p, const char **end)
{
    int n = 0;

    while (isdigit((unsigned char)*p))
        n = n * 10 + (*p++ - '0');
    *end = p;
    return n;
}

/* A redirection at p: [n]< [n]> [n]>> [n]>&m [n]<&m.  Returns its end,
 * or NULL after an error message. */
static const char *lex_redirection(const char *p, struct token *t)
{
    int fd = isdigit((unsigned char)*p) ? read_number(p, &p) : -1;
    char op = *p++;

    t->type = T_REDIR;
    t->fd = fd >= 0 ? fd : op == '<' ? 0 : 1;
    t->kind = op == '<' ? R_IN : R_OUT;
    if (op == '>' && *p == '>') {
        t->kind = R_APPEND;
        p++;
    }
    if (*p == '&') {                                /* 2>&1: fd 2 becomes a copy of fd 1 */
        if (!isdigit((unsigned char)p[1])) {
            complain("syntax error: `%c&' needs a file descriptor number, as in 2>&1", op);
            return NULL;
        }
        t->kind = R_DUP;
        t->dup_fd = read_number(p + 1, &p);
    }
    return p;
}

/* An operator at p.  Returns the end, or NULL if p is no operator
 * (error is then set if it was a malformed one). */
static const char *lex_operator(const char *p, struct token *t, int *error)
{
    const char *digits = p;

    while (isdigit((unsigned char)*digits))
        digits++;
    if (*digits == '<' || *digits == '>') {
        const char *end = lex_redirection(p, t);
        *error = end == NULL;
        return end;
    }
    if (*p == '|' || *p == '&') {
        int doubled = p[1] == p[0];
        t->type = *p == '|' ? (doubled ? T_OR : T_PIPE) : (doubled ? T_AND : T_AMP);
        return p + 1 + doubled;
    }
    if (*p == ';') {
        if (p[1] == ';') {
            complain("syntax error near unexpected token `;;'");
            *error = 1;
            return NULL;
        }
        t->type = T_SEMI;
        return p + 1;
    }
    return NULL;
}

/* A word runs to the first blank or operator outside quotes. */
static const char *lex_word(const char *p, struct token *t)
{
    const char *start = p;

    while (*p && !is_blank(*p) && !is_operator_char(*p)) {
        if (*p == '\\') {
            p += p[1] ? 2 : 1;
        } else if (*p == '\'' || *p == '"') {
            char quote = *p++;
            while (*p && *p != quote)
                p += (quote == '"' && *p == '\\' && p[1]) ? 2 : 1;
            if (!*p) {
                complain("syntax error: missing closing %c", quote);
                return NULL;
            }
            p++;
        } else {
            p++;
        }
    }
    t->type = T_WORD;
    t->word = arena_strndup(start, (size_t)(p - start));
    return t->word ? p : NULL;
}

/* Fills tokens[], ending with T_END.  Returns 0, or -1 after an error message. */
int lex(const char *p, struct token *tokens)
{
    int n = 0;

    for (;;) {
        while (is_blank(*p))
            p++;
        struct token *t = &tokens[n];
        t->start = p;
        if (*p == '\0' || *p == '#') {              /* # starts a comment */
            t->type = T_END;
            t->end = p;
            return 0;
        }
        if (n == MAX_TOKENS - 1) {
            complain("too many words in one line (the limit is %d)", MAX_TOKENS - 1);
            return -1;
        }
        int error = 0;
        const char *end = lex_operator(p, t, &error);
        if (!end && !error)
            end = lex_word(p, t);
        if (!end)
            return -1;
        t->end = p = end;
        n++;
    }
}
