/* parse.c: tokens into a tree, by recursive descent over POSIX's grammar.
 *
 *   list         and_or { (; | & | newline) and_or }
 *   and_or       pipeline { (&& | ||) pipeline }
 *   pipeline     [!] command { | command }
 *   command      simple command | compound command [redirections]
 *                | name () compound command
 *   compound     { list } | ( list ) | if | while | until | for | case
 *
 * One function per rule, each named after it.  Reserved words (if, then,
 * do, done, {, }, ...) are ordinary words to the lexer; they mean
 * something only where a command starts, and only when not quoted, which
 * is why "echo if" prints "if".
 *
 * The parser reads one complete command at a time (a line, or as many
 * lines as an unfinished "if" or "while" needs), so that a function
 * defined on one line can be called on the next. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

static const char *const reserved[] = {
    "if", "then", "else", "elif", "fi", "do", "done", "case", "esac",
    "while", "until", "for", "{", "}", "!", "in", NULL,
};

int is_reserved_word(const char *w)
{
    for (int i = 0; reserved[i]; i++)
        if (strcmp(reserved[i], w) == 0)
            return 1;
    return 0;
}

/* ---------------------------------------------------------------- helpers */

/* A growing array of pointers, copied into the pool when complete. */
struct vec {
    void **v;
    int n, cap;
};

static void vec_push(struct vec *a, void *p)
{
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 8;
        void **v = realloc(a->v, (size_t)a->cap * sizeof(*v));
        if (!v) {
            complain("out of memory");
            exit(2);
        }
        a->v = v;
    }
    a->v[a->n++] = p;
}

static void *vec_finish(struct vec *a, struct pool *pool)
{
    void **v = pool_alloc(pool, (size_t)(a->n + 1) * sizeof(*v));
    if (a->n)
        memcpy(v, a->v, (size_t)a->n * sizeof(*v));
    free(a->v);
    a->v = NULL;
    return v;
}

static struct node *new_node(struct lexer *lx, enum node_type type)
{
    struct node *n = pool_alloc(lx->pool, sizeof(*n));
    n->type = type;
    return n;
}

static int is_word(const struct token *t, const char *w)
{
    return t->type == T_WORD && !t->quoted && strcmp(t->text, w) == 0;
}

static const char *token_name(const struct token *t)
{
    static const char *const names[] = {
        [T_NEWLINE] = "newline", [T_EOF] = "end of file", [T_AND_IF] = "&&",
        [T_OR_IF] = "||", [T_DSEMI] = ";;", [T_PIPE] = "|", [T_AMP] = "&", [T_SEMI] = ";",
        [T_LPAREN] = "(", [T_RPAREN] = ")", [T_LESS] = "<", [T_GREAT] = ">",
        [T_DLESS] = "<<", [T_DLESSDASH] = "<<-", [T_DGREAT] = ">>", [T_LESSAND] = "<&",
        [T_GREATAND] = ">&", [T_LESSGREAT] = "<>", [T_CLOBBER] = ">|", [T_ERROR] = "error",
    };
    return t->type == T_WORD || t->type == T_IO_NUMBER ? t->text : names[t->type];
}

static void *syntax_error(struct lexer *lx, const struct token *t)
{
    if (!lx->error && !input_interrupted(lx->in)) {
        if (t->type == T_EOF)
            complain("line %d: syntax error: unexpected end of file", input_line(lx->in));
        else
            complain("line %d: syntax error near unexpected token `%s'", t->lineno, token_name(t));
    }
    lx->error = 1;
    return NULL;
}

/* The next token must be the reserved word w. */
static int expect_word(struct lexer *lx, const char *w)
{
    struct token t = lex_next(lx);
    if (is_word(&t, w))
        return 0;
    syntax_error(lx, &t);
    return -1;
}

static void linebreak(struct lexer *lx)
{
    while (lex_peek(lx)->type == T_NEWLINE)
        lex_next(lx);
}

/* Where a compound list stops: a word that closes something, ) ;; or the end. */
static int ends_list(const struct token *t)
{
    static const char *const closers[] = { "then", "else", "elif", "fi", "do", "done", "esac", "}", NULL };

    if (t->type == T_EOF || t->type == T_RPAREN || t->type == T_DSEMI || t->type == T_ERROR)
        return 1;
    for (int i = 0; closers[i]; i++)
        if (is_word(t, closers[i]))
            return 1;
    return 0;
}

int is_assignment(const char *w)
{
    const char *eq = strchr(w, '=');
    return eq && eq > w && valid_name(w, (size_t)(eq - w));
}

/* ---------------------------------------------------------------- redirections */

static int is_redirection(enum token_type t)
{
    return t == T_LESS || t == T_GREAT || t == T_DLESS || t == T_DLESSDASH || t == T_DGREAT ||
           t == T_LESSAND || t == T_GREATAND || t == T_LESSGREAT || t == T_CLOBBER;
}

/* A here-document's delimiter, its quotes taken away: <<'EOF' is EOF. */
static char *delimiter(struct lexer *lx, const char *w)
{
    char *d = pool_alloc(lx->pool, strlen(w) + 1), *p = d;

    for (; *w; w++) {
        if (*w == '\'' || *w == '"')
            continue;
        if (*w == '\\' && w[1])
            w++;
        *p++ = *w;
    }
    return d;
}

static struct redir *redirection(struct lexer *lx)
{
    static const struct { enum token_type t; enum redir_kind kind; int fd; } ops[] = {
        { T_LESS, R_IN, 0 }, { T_GREAT, R_OUT, 1 }, { T_CLOBBER, R_CLOBBER, 1 },
        { T_DGREAT, R_APPEND, 1 }, { T_LESSGREAT, R_RDWR, 0 }, { T_LESSAND, R_DUPIN, 0 },
        { T_GREATAND, R_DUPOUT, 1 }, { T_DLESS, R_HEREDOC, 0 }, { T_DLESSDASH, R_HEREDOC, 0 },
    };
    struct redir *r = pool_alloc(lx->pool, sizeof(*r));
    struct token t = lex_next(lx);

    r->fd = -1;
    if (t.type == T_IO_NUMBER) {
        r->fd = atoi(t.text);
        t = lex_next(lx);
    }
    for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
        if (ops[i].t == t.type) {
            r->kind = ops[i].kind;
            if (r->fd < 0)
                r->fd = ops[i].fd;
        }
    }
    struct token target = lex_next(lx);
    if (target.type != T_WORD)
        return syntax_error(lx, &target);
    r->word = target.text;
    if (r->kind == R_HEREDOC) {
        r->word = delimiter(lx, target.text);
        r->expand_body = !target.quoted;
        r->strip_tabs = t.type == T_DLESSDASH;
        if (lex_add_heredoc(lx, r) < 0)
            return NULL;
    }
    return r;
}

/* Redirections after a compound command: "while ...; done < file". */
static int redirections(struct lexer *lx, struct node *n)
{
    struct redir **tail = &n->redirs;

    while (*tail)
        tail = &(*tail)->next;
    while (lex_peek(lx)->type == T_IO_NUMBER || is_redirection(lex_peek(lx)->type)) {
        if (!(*tail = redirection(lx)))
            return -1;
        tail = &(*tail)->next;
    }
    return 0;
}

/* ---------------------------------------------------------------- the rules */

static struct node *and_or(struct lexer *lx);
static struct node *compound_command(struct lexer *lx);

/* Commands joined by ; & and newlines, up to a word that ends the list. */
static struct node *compound_list(struct lexer *lx)
{
    struct node *list = new_node(lx, N_LIST);
    struct vec kids = { 0 };

    linebreak(lx);
    while (!ends_list(lex_peek(lx))) {
        struct node *n = and_or(lx);
        if (!n)
            break;
        struct token *t = lex_peek(lx);
        if (t->type == T_AMP) {
            struct node *bg = new_node(lx, N_BACKGROUND);
            bg->a = n;
            n = bg;
        }
        vec_push(&kids, n);
        if (t->type == T_AMP || t->type == T_SEMI || t->type == T_NEWLINE) {
            lex_next(lx);
            linebreak(lx);
        } else {
            break;
        }
    }
    if (!lx->error && kids.n == 0)
        syntax_error(lx, lex_peek(lx));
    list->nkids = kids.n;
    list->kids = vec_finish(&kids, lx->pool);
    return lx->error ? NULL : list;
}

/* A simple command, or "name() body" when a ( follows the first word. */
static struct node *simple_command(struct lexer *lx)
{
    struct node *n = new_node(lx, N_SIMPLE);
    struct vec assigns = { 0 }, words = { 0 };
    struct redir **tail = &n->redirs;

    for (;;) {
        struct token *t = lex_peek(lx);
        if (t->type == T_IO_NUMBER || is_redirection(t->type)) {
            if (!(*tail = redirection(lx)))
                break;
            tail = &(*tail)->next;
        } else if (t->type == T_WORD) {
            struct token w = lex_next(lx);
            if (words.n == 0 && is_assignment(w.text)) {
                vec_push(&assigns, w.text);
                continue;
            }
            vec_push(&words, w.text);
            if (words.n == 1 && assigns.n == 0 && !n->redirs && lex_peek(lx)->type == T_LPAREN) {
                free(words.v);
                free(assigns.v);
                return NULL;    /* the caller sees a function definition */
            }
        } else {
            break;
        }
    }
    if (!lx->error && words.n == 0 && assigns.n == 0 && !n->redirs)
        syntax_error(lx, lex_peek(lx));
    n->nassigns = assigns.n;
    n->assigns = vec_finish(&assigns, lx->pool);
    n->nwords = words.n;
    n->words = vec_finish(&words, lx->pool);
    return lx->error ? NULL : n;
}

static struct node *function_definition(struct lexer *lx, char *name)
{
    struct node *f = new_node(lx, N_FUNCDEF);
    struct token t;

    lex_next(lx);                                       /* ( */
    if ((t = lex_next(lx)).type != T_RPAREN)
        return syntax_error(lx, &t);
    if (!valid_name(name, strlen(name))) {
        complain("line %d: `%s': not a valid function name", input_line(lx->in), name);
        lx->error = 1;
        return NULL;
    }
    linebreak(lx);
    f->name = name;
    f->pool = lx->pool;
    f->a = compound_command(lx);
    return f->a ? f : NULL;
}

static struct node *command(struct lexer *lx)
{
    struct token *t = lex_peek(lx);

    if (t->type == T_LPAREN || (t->type == T_WORD && !t->quoted && is_reserved_word(t->text)))
        return compound_command(lx);
    if (t->type == T_WORD && !is_assignment(t->text)) {
        char *first = t->text;
        struct node *n = simple_command(lx);
        if (!n && !lx->error)
            return function_definition(lx, first);
        return n;
    }
    return simple_command(lx);
}

static struct node *pipeline(struct lexer *lx)
{
    struct node *p = new_node(lx, N_PIPELINE);
    struct vec kids = { 0 };

    if (is_word(lex_peek(lx), "!")) {
        lex_next(lx);
        p->bang = 1;
    }
    for (;;) {
        struct node *n = command(lx);
        if (!n) {
            free(kids.v);
            return NULL;
        }
        vec_push(&kids, n);
        if (lex_peek(lx)->type != T_PIPE)
            break;
        lex_next(lx);
        linebreak(lx);
    }
    p->nkids = kids.n;
    p->kids = vec_finish(&kids, lx->pool);
    return p;
}

static struct node *and_or(struct lexer *lx)
{
    struct node *left = pipeline(lx);

    while (left) {
        enum token_type op = lex_peek(lx)->type;
        if (op != T_AND_IF && op != T_OR_IF)
            break;
        lex_next(lx);
        linebreak(lx);
        struct node *n = new_node(lx, op == T_AND_IF ? N_AND : N_OR);
        n->a = left;
        n->b = pipeline(lx);
        left = n->b ? n : NULL;
    }
    return left;
}

/* ---------------------------------------------------------------- compound commands */

/* if list then list [elif list then list]... [else list] fi */
static struct node *if_clause(struct lexer *lx)
{
    struct node *n = new_node(lx, N_IF);

    if (!(n->a = compound_list(lx)) || expect_word(lx, "then") < 0 || !(n->b = compound_list(lx)))
        return NULL;
    struct token t = lex_next(lx);
    if (is_word(&t, "elif"))
        return (n->c = if_clause(lx)) ? n : NULL;
    if (is_word(&t, "else")) {
        if (!(n->c = compound_list(lx)) || expect_word(lx, "fi") < 0)
            return NULL;
        return n;
    }
    if (!is_word(&t, "fi"))
        return syntax_error(lx, &t);
    return n;
}

/* while/until list do list done */
static struct node *loop_clause(struct lexer *lx, enum node_type type)
{
    struct node *n = new_node(lx, type);

    if (!(n->a = compound_list(lx)) || expect_word(lx, "do") < 0 || !(n->b = compound_list(lx)) ||
        expect_word(lx, "done") < 0)
        return NULL;
    return n;
}

/* for name [in word...] ; do list done */
static struct node *for_clause(struct lexer *lx)
{
    struct node *n = new_node(lx, N_FOR);
    struct token t = lex_next(lx);

    if (t.type != T_WORD || !valid_name(t.text, strlen(t.text))) {
        complain("line %d: for: `%s' is not a valid variable name", input_line(lx->in), token_name(&t));
        lx->error = 1;
        return NULL;
    }
    n->name = t.text;
    linebreak(lx);
    if (is_word(lex_peek(lx), "in")) {
        struct vec words = { 0 };
        lex_next(lx);
        n->has_in = 1;
        while (lex_peek(lx)->type == T_WORD)
            vec_push(&words, lex_next(lx).text);
        n->nwords = words.n;
        n->words = vec_finish(&words, lx->pool);
        t = lex_next(lx);
        if (t.type != T_SEMI && t.type != T_NEWLINE)
            return syntax_error(lx, &t);
    } else if (lex_peek(lx)->type == T_SEMI) {
        lex_next(lx);
    }
    linebreak(lx);
    if (expect_word(lx, "do") < 0 || !(n->b = compound_list(lx)) || expect_word(lx, "done") < 0)
        return NULL;
    return n;
}

/* One "pattern | pattern) list ;;" of a case. */
static struct case_item *case_item(struct lexer *lx)
{
    struct case_item *item = pool_alloc(lx->pool, sizeof(*item));
    struct vec patterns = { 0 };
    struct token t;

    if (lex_peek(lx)->type == T_LPAREN)
        lex_next(lx);
    for (;;) {
        t = lex_next(lx);
        if (t.type != T_WORD) {
            free(patterns.v);
            return syntax_error(lx, &t);
        }
        vec_push(&patterns, t.text);
        t = lex_next(lx);
        if (t.type == T_RPAREN)
            break;
        if (t.type != T_PIPE) {
            free(patterns.v);
            return syntax_error(lx, &t);
        }
    }
    item->npatterns = patterns.n;
    item->patterns = vec_finish(&patterns, lx->pool);
    linebreak(lx);
    struct token *next = lex_peek(lx);
    if (next->type != T_DSEMI && !is_word(next, "esac") && !(item->body = compound_list(lx)))
        return NULL;
    if (lex_peek(lx)->type == T_DSEMI) {
        lex_next(lx);
        linebreak(lx);
    } else if (!is_word(lex_peek(lx), "esac")) {
        return syntax_error(lx, lex_peek(lx));
    }
    return item;
}

/* case word in [item]... esac */
static struct node *case_clause(struct lexer *lx)
{
    struct node *n = new_node(lx, N_CASE);
    struct case_item **tail = &n->items;
    struct token t = lex_next(lx);

    if (t.type != T_WORD)
        return syntax_error(lx, &t);
    n->name = t.text;
    linebreak(lx);
    if (expect_word(lx, "in") < 0)
        return NULL;
    linebreak(lx);
    while (!is_word(lex_peek(lx), "esac")) {
        if (lex_peek(lx)->type == T_EOF)
            return syntax_error(lx, lex_peek(lx));
        if (!(*tail = case_item(lx)))
            return NULL;
        tail = &(*tail)->next;
    }
    lex_next(lx);
    return n;
}

static struct node *compound_command_body(struct lexer *lx)
{
    struct token t = lex_next(lx);
    struct node *n = NULL;

    if (t.type == T_LPAREN) {
        n = new_node(lx, N_SUBSHELL);
        if (!(n->a = compound_list(lx)))
            return NULL;
        struct token close = lex_next(lx);
        if (close.type != T_RPAREN)
            return syntax_error(lx, &close);
    } else if (is_word(&t, "{")) {
        n = new_node(lx, N_GROUP);
        if (!(n->a = compound_list(lx)) || expect_word(lx, "}") < 0)
            return NULL;
    } else if (is_word(&t, "if")) {
        n = if_clause(lx);
    } else if (is_word(&t, "while")) {
        n = loop_clause(lx, N_WHILE);
    } else if (is_word(&t, "until")) {
        n = loop_clause(lx, N_UNTIL);
    } else if (is_word(&t, "for")) {
        n = for_clause(lx);
    } else if (is_word(&t, "case")) {
        n = case_clause(lx);
    } else {
        return syntax_error(lx, &t);
    }
    if (!n || redirections(lx, n) < 0)
        return NULL;
    return n;
}

static struct node *compound_command(struct lexer *lx)
{
    if (lx->depth >= MAX_NESTING) {
        complain("line %d: commands nested more than %d deep", input_line(lx->in), MAX_NESTING);
        lx->error = 1;
        return NULL;
    }
    lx->depth++;
    struct node *n = compound_command_body(lx);
    lx->depth--;
    return n;
}

/* ---------------------------------------------------------------- entry points */

/* A line's commands: and_or lists joined by ; and &, up to the newline. */
static struct node *line_list(struct lexer *lx)
{
    struct node *list = new_node(lx, N_LIST);
    struct vec kids = { 0 };

    while (!lx->error) {
        struct node *n = and_or(lx);
        if (!n)
            break;
        struct token *t = lex_peek(lx);
        if (t->type == T_AMP) {
            struct node *bg = new_node(lx, N_BACKGROUND);
            bg->a = n;
            n = bg;
        }
        vec_push(&kids, n);
        if (t->type == T_AMP || t->type == T_SEMI) {
            lex_next(lx);
            t = lex_peek(lx);
        } else if (t->type != T_NEWLINE && t->type != T_EOF) {
            syntax_error(lx, t);
            break;
        }
        if (t->type == T_NEWLINE || t->type == T_EOF)
            break;
    }
    list->nkids = kids.n;
    list->kids = vec_finish(&kids, lx->pool);
    return lx->error ? NULL : list;
}

int parse_command(struct input *in, struct pool *pool, struct node **tree)
{
    struct lexer lx;

    lex_init(&lx, in, pool);
    *tree = NULL;
    struct token *t = lex_peek(&lx);
    if (t->type == T_EOF)
        return input_interrupted(in) ? -2 : -1;
    if (t->type == T_NEWLINE) {
        lex_next(&lx);
        return 0;
    }
    struct node *n = line_list(&lx);
    if (!n || lx.error) {
        lex_skip_line(&lx);
        return -2;
    }
    if (lex_peek(&lx)->type == T_NEWLINE)
        lex_next(&lx);
    *tree = n;
    return 0;
}

int parse_string(const char *text, struct pool *pool, struct node **tree)
{
    struct input *in = input_string(text);
    struct node *list = NULL;
    struct vec kids = { 0 };
    int r;

    while ((r = parse_command(in, pool, &list)) >= 0)
        if (list)
            vec_push(&kids, list);
    input_free(in);
    struct node *all = pool_alloc(pool, sizeof(*all));
    all->type = N_LIST;
    all->nkids = kids.n;
    all->kids = vec_finish(&kids, pool);
    *tree = all;
    return r == -2 ? -1 : 0;
}

/* $( ... ): called by the lexer in the middle of a word, on the same input. */
int parse_subcommand(struct lexer *outer)
{
    struct pool *pool = pool_new();
    struct lexer lx;

    lex_init(&lx, outer->in, pool);
    linebreak(&lx);
    if (lex_peek(&lx)->type != T_RPAREN)
        compound_list(&lx);
    struct token t = lex_next(&lx);
    if (!lx.error && t.type != T_RPAREN)
        syntax_error(&lx, &t);
    pool_drop(pool);
    return lx.error ? -1 : 0;
}

/* ---------------------------------------------------------------- a tree as text */

static void text_of(struct buf *b, const struct node *n);

static void words_text(struct buf *b, char **words, int n)
{
    for (int i = 0; i < n; i++) {
        if (b->len && b->s[b->len - 1] != ' ' && b->s[b->len - 1] != '(')
            buf_putc(b, ' ');
        buf_puts(b, words[i]);
    }
}

static void redirs_text(struct buf *b, const struct redir *r)
{
    static const char *const ops[] = {
        [R_IN] = "<", [R_OUT] = ">", [R_CLOBBER] = ">|", [R_APPEND] = ">>",
        [R_RDWR] = "<>", [R_DUPIN] = "<&", [R_DUPOUT] = ">&", [R_HEREDOC] = "<<",
    };
    for (; r; r = r->next) {
        int default_fd = r->kind == R_IN || r->kind == R_RDWR || r->kind == R_DUPIN || r->kind == R_HEREDOC ? 0 : 1;
        buf_putc(b, ' ');
        if (r->fd != default_fd) {
            char fd[12];
            snprintf(fd, sizeof(fd), "%d", r->fd);
            buf_puts(b, fd);
        }
        buf_puts(b, ops[r->kind]);
        buf_puts(b, r->word);
    }
}

static void kids_text(struct buf *b, const struct node *n, const char *sep)
{
    for (int i = 0; i < n->nkids; i++) {
        if (i)
            buf_puts(b, sep);
        text_of(b, n->kids[i]);
    }
}

/* The compound commands, shortened: "while cond; do ...; done".  The
 * middle is the first part's text, or the name (for, case, functions). */
static const struct {
    enum node_type type;
    const char *before, *after;
    int middle_is_name;
} shapes[] = {
    { N_BACKGROUND, "", " &", 0 },     { N_SUBSHELL, "(", ")", 0 },
    { N_GROUP, "{ ", "; }", 0 },        { N_IF, "if ", "; then ...; fi", 0 },
    { N_WHILE, "while ", "; do ...; done", 0 }, { N_UNTIL, "until ", "; do ...; done", 0 },
    { N_FOR, "for ", " ...; do ...; done", 1 }, { N_CASE, "case ", " in ...; esac", 1 },
    { N_FUNCDEF, "", "() ...", 1 },
};

static void text_of(struct buf *b, const struct node *n)
{
    switch (n->type) {
    case N_SIMPLE:
        words_text(b, n->assigns, n->nassigns);
        words_text(b, n->words, n->nwords);
        break;
    case N_PIPELINE:
        buf_puts(b, n->bang ? "! " : "");
        kids_text(b, n, " | ");
        break;
    case N_AND: case N_OR:
        text_of(b, n->a);
        buf_puts(b, n->type == N_AND ? " && " : " || ");
        text_of(b, n->b);
        break;
    case N_LIST:
        kids_text(b, n, "; ");
        break;
    default:
        for (size_t i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++) {
            if (shapes[i].type != n->type)
                continue;
            buf_puts(b, shapes[i].before);
            if (shapes[i].middle_is_name)
                buf_puts(b, n->name);
            else
                text_of(b, n->a);
            buf_puts(b, shapes[i].after);
        }
    }
    redirs_text(b, n->redirs);
}

char *node_text(const struct node *n)
{
    struct buf b = { 0 };
    text_of(&b, n);
    return buf_take(&b);
}
