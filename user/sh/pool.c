/* pool.c: the shell's memory, in two lifetimes.
 *
 * A shell runs for hours; nothing it allocates for one command may stay
 * behind.  Rather than a free() for every string, memory is grouped by how
 * long it lives:
 *
 *   - a parse tree lives in a pool, held by the command that runs it and
 *     by every function defined in it ("f() { ...; }" keeps its body after
 *     the line that defined it is gone);
 *   - expanded words live on the scratch stack: exec.c marks it before a
 *     command and releases it after, so a loop that runs a million
 *     commands uses the memory of one.
 *
 * Both are lists of malloc'ed blocks, newest first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

struct block {
    struct block *prev;
    /* the memory follows, aligned like a double */
    double data[];
};

struct pool {
    struct block *top;
    int refs;
};

static void *need(void *p)
{
    if (!p) {
        fputs("sh: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

static void *push_block(struct block **top, size_t size)
{
    struct block *b = need(calloc(1, sizeof(*b) + size + 1));
    b->prev = *top;
    *top = b;
    return b->data;
}

static void free_down_to(struct block **top, struct block *mark)
{
    while (*top && *top != mark) {
        struct block *b = *top;
        *top = b->prev;
        free(b);
    }
}

/* ---------------------------------------------------------------- pools */

struct pool *pool_new(void)
{
    struct pool *p = need(calloc(1, sizeof(*p)));
    p->refs = 1;
    return p;
}

void pool_hold(struct pool *p)
{
    p->refs++;
}

void pool_drop(struct pool *p)
{
    if (p && --p->refs == 0) {
        free_down_to(&p->top, NULL);
        free(p);
    }
}

void *pool_alloc(struct pool *p, size_t size)
{
    return push_block(&p->top, size);
}

char *pool_strndup(struct pool *p, const char *s, size_t n)
{
    char *d = pool_alloc(p, n + 1);
    memcpy(d, s, n);
    return d;
}

/* ---------------------------------------------------------------- the scratch stack */

static struct block *scratch;

void *scratch_alloc(size_t size)
{
    return push_block(&scratch, size);
}

char *scratch_strndup(const char *s, size_t n)
{
    char *d = scratch_alloc(n + 1);
    memcpy(d, s, n);
    return d;
}

char *scratch_strdup(const char *s)
{
    return scratch_strndup(s, strlen(s));
}

void *scratch_mark(void)
{
    return scratch;
}

void scratch_release(void *mark)
{
    free_down_to(&scratch, mark);
}

/* ---------------------------------------------------------------- growing strings */

void buf_putn(struct buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->s = need(realloc(b->s, cap));
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void buf_putc(struct buf *b, char c)
{
    buf_putn(b, &c, 1);
}

void buf_puts(struct buf *b, const char *s)
{
    buf_putn(b, s, strlen(s));
}

char *buf_take(struct buf *b)
{
    char *s = b->s ? b->s : need(calloc(1, 1));
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void buf_free(struct buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}
