/* expand.c: step 4, a command's words as typed into the argv a program gets.
 *
 *   'single quotes'   everything literal
 *   "double quotes"   literal but $VAR, and \ before $ " \ `
 *   \c                c, literally
 *   $NAME ${NAME}     the variable; also $? $$ $! $# $0..$9 $@
 *   ~ or ~/...        $HOME
 * An unquoted $VAR whose value has blanks becomes several words.
 *
 * exec.c calls it just before a command runs, not when the line is read,
 * so that "false; echo $?" prints 1.  The values come from vars.c; the
 * finished words go into the line's arena (main.c). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

struct expansion {
    char **argv;                /* the finished words... */
    int argc, max;              /* ...how many, and room for how many */
    char buf[WORD_MAX];         /* the word being built */
    int len;
    int started;                /* quotes make a word even if empty: "" */
    int split;                  /* split unquoted values at blanks? */
    int failed;
};

static void put_char(struct expansion *e, char c)
{
    if (e->len < WORD_MAX - 1)
        e->buf[e->len++] = c;
    else if (!e->failed++)
        complain("word too long (the limit is %d characters)", WORD_MAX - 1);
}

static void end_word(struct expansion *e)
{
    if (!e->started && e->len == 0)
        return;
    if (e->argc == e->max) {
        if (!e->failed++)
            complain("too many words (the limit is %d)", e->max);
    } else if (!(e->argv[e->argc++] = arena_strndup(e->buf, (size_t)e->len))) {
        e->failed = 1;
    }
    e->len = e->started = 0;
}

static void put_value(struct expansion *e, const char *s, int quoted)
{
    for (; *s; s++) {
        if (!quoted && e->split && is_blank(*s))
            end_word(e);
        else
            put_char(e, *s);
    }
}

/* p is at a '$'.  Returns where the expansion ends. */
static const char *expand_dollar(struct expansion *e, const char *p, int quoted)
{
    char name[64], tmp[WORD_MAX];
    const char *start = p + 1, *end;

    if (*start == '{') {
        start++;
        end = strchr(start, '}');
        if (!end || end == start || end - start >= (int)sizeof(name)) {
            put_char(e, '$');
            return p + 1;
        }
    } else if (*start && strchr("?$!#@*", *start)) {
        end = start + 1;
    } else if (isdigit((unsigned char)*start)) {
        end = start + 1;
    } else {
        end = start;
        while (isalnum((unsigned char)*end) || *end == '_')
            end++;
        if (end == start || end - start >= (int)sizeof(name)) {
            put_char(e, '$');                   /* a lone $ is just a $ */
            return p + 1;
        }
    }
    memcpy(name, start, (size_t)(end - start));
    name[end - start] = '\0';
    put_value(e, lookup(name, tmp, sizeof(tmp)), quoted);
    return *end == '}' ? end + 1 : end;
}

/* p is just after the opening ".  Returns the end, after the closing ". */
static const char *expand_double_quoted(struct expansion *e, const char *p)
{
    while (*p && *p != '"') {
        if (*p == '\\' && p[1] && strchr("$\"\\`", p[1])) {
            put_char(e, p[1]);
            p += 2;
        } else if (*p == '$') {
            p = expand_dollar(e, p, 1);
        } else {
            put_char(e, *p++);
        }
    }
    return *p ? p + 1 : p;
}

static void expand_word(struct expansion *e, const char *p)
{
    if (p[0] == '~' && (p[1] == '/' || p[1] == '\0')) {
        const char *home = get_var("HOME");
        put_value(e, home ? home : "/", 1);
        p++;
    }
    while (*p) {
        if (*p == '\'') {
            e->started = 1;
            for (p++; *p && *p != '\''; p++)
                put_char(e, *p);
            if (*p)
                p++;
        } else if (*p == '"') {
            e->started = 1;
            p = expand_double_quoted(e, p + 1);
        } else if (*p == '\\') {
            e->started = 1;
            if (p[1])
                put_char(e, p[1]);
            p += p[1] ? 2 : 1;
        } else if (*p == '$') {
            p = expand_dollar(e, p, 0);
        } else {
            put_char(e, *p++);
        }
    }
    end_word(e);
}

/* A file name or a variable's value: exactly one word, never split.
 * Returns NULL after an error message. */
char *expand_one(const char *word, const char *what)
{
    char *argv[2];
    struct expansion e = { .argv = argv, .max = 2 };

    expand_word(&e, word);
    if (e.failed)
        return NULL;
    if (e.argc != 1) {
        complain("%s: ambiguous %s", word, what);
        return NULL;
    }
    return argv[0];
}

/* NAME=value at the start of a command is an assignment, not a program. */
static int is_assignment(const char *word)
{
    const char *eq = strchr(word, '=');
    return eq && valid_name(word, (size_t)(eq - word));
}

int expand_command(const struct command *c, struct expanded *x)
{
    struct expansion e = { .argv = x->argv, .max = MAX_WORDS, .split = 1 };
    int i = 0;

    x->nassign = 0;
    for (; i < c->nwords && is_assignment(c->words[i]); i++) {
        char *eq = strchr(c->words[i], '=');
        char *value = expand_one(eq + 1, "value");
        if (!value || !(x->assign[x->nassign++] = arena_concat(c->words[i], (size_t)(eq + 1 - c->words[i]), value)))
            return -1;
    }
    for (; i < c->nwords; i++)
        expand_word(&e, c->words[i]);
    x->argc = e.argc;
    x->argv[x->argc] = NULL;
    return e.failed ? -1 : 0;
}
