/* expand.c: a word as typed into the fields a command gets.
 *
 * POSIX's order, for every word of a command, just before it runs:
 *
 *   1. tilde          ~ and ~/dir become $HOME
 *   2. parameters     $x ${x} $1 $@ $? ... and ${x:-word} ${#x} ${x%pat}...
 *      commands       $(cmd) and `cmd`: its output, trailing newlines cut
 *      arithmetic     $((1 + x))
 *   3. splitting      what an unquoted expansion gave is cut at $IFS
 *   4. pathnames      a field with an unquoted * ? [ becomes the file
 *                     names it matches (glob.c), if any
 *   5. quote removal  ' " \ go away
 *
 * Quotes decide everything, and they are gone after step 2.  So every
 * character is built into the field together with a few flag bits: was
 * it quoted (then a * in it is just a star), did it come from an unquoted
 * expansion (then a blank in it splits).  Steps 3-5 read the flags. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "sh.h"

enum {
    F_QUOTED = 1,       /* a quoted character: no splitting, literal in a glob */
    F_SPLIT = 2,        /* from an unquoted expansion: $IFS characters split here */
    F_BREAK = 4,        /* between the fields of "$@": both are kept, even empty */
    F_SOFT = 8,         /* between the fields of an unquoted $@: like a blank */
    F_MARK = 16,        /* no character: quotes were here, so the field exists even if "" */
};

struct exp {
    struct buf text, flags;
    int literal;        /* flags of unquoted literal characters (F_SPLIT inside ${x:-a b}) */
    int quoted_word;    /* inside "${x:-word}": quotes in word change nothing */
    int assignment;     /* PATH=~/bin:~/sbin: a ~ after each ':' too */
    int error;
};

static void put(struct exp *e, char c, int flags)
{
    buf_putc(&e->text, c);
    buf_putc(&e->flags, (char)flags);
}

/* A value into the field: quoted, or open to splitting and globs. */
static void put_value(struct exp *e, const char *v, int quoted)
{
    for (; *v; v++)
        put(e, *v, quoted ? F_QUOTED : F_SPLIT);
}

static void process(struct exp *e, const char *s, size_t n, int dq);
static const char *tilde(struct exp *e, const char *w, const char *end);

/* ${x:-word}: the word's unquoted characters split like an expansion's
 * ("${x:-a b}" is one field, ${x:-a b} two). */
static void put_word(struct exp *e, const char *word, size_t n, int dq)
{
    int saved_literal = e->literal, saved_quoted = e->quoted_word;
    const char *rest = dq ? word : tilde(e, word, word + n);       /* ${x:-~/a} */

    e->literal = dq ? F_QUOTED : F_SPLIT;
    e->quoted_word = dq;
    process(e, rest, n - (size_t)(rest - word), dq);
    e->literal = saved_literal;
    e->quoted_word = saved_quoted;
}

/* ---------------------------------------------------------------- finding ends
 *
 * ${...}, $(...) and $((...)) end where the lexer found their end
 * (dollar_length); a backquote at the next unescaped backquote. */

/* p is just after a backquote: the closing one. */
static const char *backquote_end(const char *p)
{
    for (; *p && *p != '`'; p++)
        if (*p == '\\' && p[1])
            p++;
    return p;
}

/* ---------------------------------------------------------------- $(...) */

static int substitutions;

int command_substitutions(void)
{
    return substitutions;
}

/* Runs text in a child whose stdout is a pipe, and reads it all: the
 * lecture's pipe + fork + dup2, with the shell as the reader. */
char *command_output(const char *text)
{
    struct buf out = { 0 };
    int fds[2];

    substitutions++;
    fflush(stdout);
    if (pipe(fds) < 0) {
        complain("pipe: %s", strerror(errno));
        return buf_take(&out);
    }
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        if (fds[1] != 1) {
            dup2(fds[1], 1);
            close(fds[1]);
        }
        become_subshell();
        int status = run_string(text);
        fflush(stdout);
        leave(status);
    }
    close(fds[1]);
    char chunk[512];
    ssize_t n;
    while ((n = read(fds[0], chunk, sizeof(chunk))) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        for (ssize_t i = 0; i < n; i++)
            if (chunk[i])               /* a NUL cannot be part of a string */
                buf_putc(&out, chunk[i]);
    }
    close(fds[0]);
    int status = 0;
    if (pid > 0 && wait_for_pid(pid, &status) == pid)
        set_last_status(exit_code(status));
    else if (pid < 0)
        complain("fork: %s", strerror(errno));
    while (out.len > 0 && out.s[out.len - 1] == '\n')
        out.s[--out.len] = '\0';
    return buf_take(&out);
}

static void put_command_output(struct exp *e, const char *cmd, size_t n, int dq)
{
    char *text = scratch_strndup(cmd, n);
    char *out = command_output(text);
    put_value(e, out, dq);
    free(out);
}

/* `cmd`: inside backquotes \\ \` \$ (and \" within "...") stand for the
 * character itself. */
static void put_backquoted(struct exp *e, const char *p, size_t n, int dq)
{
    struct buf cmd = { 0 };

    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\\' && i + 1 < n && (strchr("$`\\", p[i + 1]) || (dq && p[i + 1] == '"')))
            i++;
        buf_putc(&cmd, p[i]);
    }
    put_command_output(e, cmd.s ? cmd.s : "", cmd.len, dq);
    buf_free(&cmd);
}

/* ---------------------------------------------------------------- parameters */

/* The special parameters and $1...: NULL if unset. */
static const char *special_value(const char *name, char *tmp, size_t size)
{
    if (strcmp(name, "?") == 0)
        snprintf(tmp, size, "%d", get_last_status());
    else if (strcmp(name, "$") == 0)
        snprintf(tmp, size, "%d", (int)get_shell_pid());
    else if (strcmp(name, "!") == 0) {
        if (!get_last_bg_pid())
            return NULL;
        snprintf(tmp, size, "%d", (int)get_last_bg_pid());
    } else if (strcmp(name, "#") == 0)
        snprintf(tmp, size, "%d", get_nparams());
    else if (strcmp(name, "-") == 0)
        snprintf(tmp, size, "%s", option_letters());
    else if (strcmp(name, "0") == 0)
        return get_arg0();
    else if (name[0] >= '1' && name[0] <= '9')
        return atoi(name) <= get_nparams() ? get_param(atoi(name)) : NULL;
    else
        return get_var(name);
    return tmp;
}

/* $@ and $*, all positional parameters, joined as POSIX says. */
static void put_all_params(struct exp *e, int star, int dq)
{
    const char *ifs = get_var("IFS");
    char sep = !ifs ? ' ' : ifs[0];

    for (int i = 1; i <= get_nparams(); i++) {
        if (i > 1) {
            if (dq && star) {
                if (sep)
                    put(e, sep, F_QUOTED);
            } else {
                put(e, 0, dq ? F_BREAK : F_SOFT);
            }
        }
        put_value(e, get_param(i), dq);
    }
}

/* The value of name, for ${#x} and the operators: $@ joined by blanks. */
static char *param_string(const char *name, int *unset)
{
    char tmp[32];

    if (strcmp(name, "@") == 0 || strcmp(name, "*") == 0) {
        struct buf b = { 0 };
        for (int i = 1; i <= get_nparams(); i++) {
            if (i > 1)
                buf_putc(&b, ' ');
            buf_puts(&b, get_param(i));
        }
        *unset = 0;
        char *s = scratch_strdup(b.s ? b.s : "");
        buf_free(&b);
        return s;
    }
    const char *v = special_value(name, tmp, sizeof(tmp));
    *unset = v == NULL;
    return scratch_strdup(v ? v : "");
}

/* A parameter's value into the field; $@ and $* as their fields. */
static void put_param(struct exp *e, const char *name, const char *value, int dq)
{
    if (strcmp(name, "@") == 0 || strcmp(name, "*") == 0)
        put_all_params(e, name[0] == '*', dq);
    else
        put_value(e, value, dq);
}

static int unset_error(struct exp *e, const char *name)
{
    complain("%s: parameter not set", name);
    e->error = 1;
    if (!is_interactive())
        leave(2);
    return -1;
}

/* An expansion inside a word expanded to one string: ${x:=word}'s word,
 * ${x%pattern}'s pattern ("as_pattern": quoted characters escaped). */
static char *expand_part(const char *s, size_t n, int as_pattern, int *error);

/* ${x%pat} ${x%%pat} ${x#pat} ${x##pat}: the value without a matching end. */
static char *remove_pattern(const char *value, const char *pattern, const char *op)
{
    size_t len = strlen(value);
    int suffix = op[0] == '%', longest = op[1] == op[0];
    char *part = scratch_alloc(len + 1);

    for (size_t k = 0; k <= len; k++) {
        /* try the shortest first, or the longest first */
        size_t cut = longest ? len - k : k;
        if (suffix) {
            if (pattern_match(pattern, value + len - cut))
                return scratch_strndup(value, len - cut);
        } else {
            memcpy(part, value, cut);
            part[cut] = '\0';
            if (pattern_match(pattern, part))
                return scratch_strdup(value + cut);
        }
    }
    return scratch_strdup(value);
}

static int name_length(const char *p, const char *end)
{
    if (p >= end)
        return 0;
    if (strchr("@*#?-$!", *p))
        return 1;
    const char *q = p;
    if (*p >= '0' && *p <= '9') {
        while (q < end && *q >= '0' && *q <= '9')
            q++;
        return (int)(q - p);
    }
    while (q < end && (*q == '_' || (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
                       (q > p && *q >= '0' && *q <= '9')))
        q++;
    return (int)(q - p);
}

/* ${...}: p after "${", end at its "}". */
static void put_braced(struct exp *e, const char *p, const char *end, int dq)
{
    int unset;
    char num[32];

    if (*p == '#' && p + 1 < end) {                     /* ${#x} */
        int n = name_length(p + 1, end);
        if (n == end - p - 1) {
            char *name = scratch_strndup(p + 1, (size_t)n);
            char *v = param_string(name, &unset);
            if (unset && option(OPT_NOUNSET) && strcmp(name, "@") && strcmp(name, "*")) {
                unset_error(e, name);
                return;
            }
            snprintf(num, sizeof(num), "%zu", strlen(v));
            put_value(e, num, dq);
            return;
        }
    }
    int n = name_length(p, end);
    if (n == 0) {
        complain("${%.*s}: bad substitution", (int)(end - p), p);
        e->error = 1;
        return;
    }
    char *name = scratch_strndup(p, (size_t)n);
    const char *op = p + n;
    if (op == end) {                                    /* ${x} */
        char *v = param_string(name, &unset);
        if (unset && option(OPT_NOUNSET)) {
            unset_error(e, name);
            return;
        }
        put_param(e, name, v, dq);
        return;
    }
    int colon = *op == ':';
    const char *kind = op + colon;
    size_t oplen = colon + 1;
    if ((*kind == '%' || *kind == '#') && kind[1] == *kind && !colon)
        oplen = 2;
    if (!strchr("-=?+%#", *kind) || (colon && (*kind == '%' || *kind == '#'))) {
        complain("${%.*s}: bad substitution", (int)(end - p), p);
        e->error = 1;
        return;
    }
    const char *word = op + oplen;
    size_t wlen = (size_t)(end - word);
    char *v = param_string(name, &unset);
    int empty = unset || (colon && !*v);

    switch (*kind) {
    case '-':
        if (empty)
            put_word(e, word, wlen, dq);
        else
            put_param(e, name, v, dq);
        return;
    case '+':
        if (!empty)
            put_word(e, word, wlen, dq);
        return;
    case '=':
        if (empty) {
            v = expand_part(word, wlen, 0, &e->error);
            if (!valid_name(name, strlen(name))) {
                complain("%s: cannot assign in this way", name);
                e->error = 1;
                return;
            }
            if (set_var(name, v, 0) < 0) {
                e->error = 1;
                return;
            }
        }
        put_value(e, v, dq);
        return;
    case '?':
        if (empty) {
            char *msg = wlen ? expand_part(word, wlen, 0, &e->error) : "parameter null or not set";
            complain("%s: %s", name, msg);
            e->error = 1;
            if (!is_interactive())
                leave(2);
            return;
        }
        put_param(e, name, v, dq);
        return;
    default:                                            /* % %% # ## */
        if (unset && option(OPT_NOUNSET)) {
            unset_error(e, name);
            return;
        }
        put_value(e, remove_pattern(v, expand_part(word, wlen, 1, &e->error), kind), dq);
        return;
    }
}

/* $((expr)): expr is expanded first, then evaluated. */
static void put_arithmetic(struct exp *e, const char *expr, size_t n, int dq)
{
    long value;
    char *text = expand_part(expr, n, 0, &e->error);

    if (!e->error && arith_eval(text, &value) == 0) {
        char num[24];
        snprintf(num, sizeof(num), "%ld", value);
        put_value(e, num, dq);
    } else {
        e->error = 1;
    }
}

/* p is at a '$'.  Returns the number of characters used. */
static size_t put_dollar(struct exp *e, const char *p, const char *end, int dq)
{
    if (p + 1 >= end) {
        put(e, '$', dq ? F_QUOTED : e->literal);
        return 1;
    }
    if (p[1] == '{' || p[1] == '(') {
        long len = dollar_length(p + 1, dq);
        if (len < 0 || len > end - p - 1) {            /* the lexer said why */
            e->error = 1;
            return (size_t)(end - p);
        }
        const char *close = p + 1 + len;                /* after its } ) or )) */
        if (p[1] == '{')
            put_braced(e, p + 2, close - 1, dq);
        else if (p[2] == '(')
            put_arithmetic(e, p + 3, (size_t)(close - 2 - (p + 3)), dq);
        else
            put_command_output(e, p + 2, (size_t)(close - 1 - (p + 2)), dq);
        return (size_t)(close - p);
    }
    int n = name_length(p + 1, end);
    if (n == 0) {
        put(e, '$', dq ? F_QUOTED : e->literal);
        return 1;
    }
    if (p[1] >= '0' && p[1] <= '9')
        n = 1;                                          /* $10 is ${1}0 */
    char *name = scratch_strndup(p + 1, (size_t)n);
    int unset;
    char *v = param_string(name, &unset);
    if (unset && option(OPT_NOUNSET) && strcmp(name, "!"))
        unset_error(e, name);
    put_param(e, name, v, dq);
    return 1 + (size_t)n;
}

/* ---------------------------------------------------------------- one pass over a word */

/* "$@" alone in its quotes, with no parameters, makes no field at all. */
static int is_empty_quoted_at(const char *p, const char *end)
{
    if (get_nparams() > 0)
        return 0;
    return (end - p >= 4 && strncmp(p, "\"$@\"", 4) == 0) || (end - p >= 6 && strncmp(p, "\"${@}\"", 6) == 0);
}

static void process(struct exp *e, const char *s, size_t n, int dq)
{
    const char *p = s, *end = s + n;

    while (p < end && !e->error) {
        char c = *p;
        if (c == '\'' && !dq) {
            const char *close = memchr(p + 1, '\'', (size_t)(end - p - 1));
            if (!close)
                close = end;
            put(e, 0, F_MARK);
            for (p++; p < close; p++)
                put(e, *p, F_QUOTED);
            p = close < end ? close + 1 : end;
        } else if (c == '"' && e->quoted_word) {
            p++;                /* "${x:-"$@"}": all of it is quoted anyway */
        } else if (c == '"') {
            if (!dq && !is_empty_quoted_at(p, end))
                put(e, 0, F_MARK);
            dq = !dq;
            p++;
        } else if (c == '\\' && p + 1 < end) {
            /* in "...", \ quotes only $ ` " \ newline -- and } in "${x:-\}}" */
            if (!dq || strchr("$`\"\\\n", p[1]) || (e->quoted_word && p[1] == '}'))
                p++;
            put(e, *p++, F_QUOTED);
        } else if (c == '$') {
            p += put_dollar(e, p, end, dq);
        } else if (c == '`') {
            const char *close = backquote_end(p + 1);
            put_backquoted(e, p + 1, (size_t)(close - p - 1), dq);
            p = *close ? close + 1 : close;
        } else if (c == '~' && !dq && e->assignment && p > s && p[-1] == ':' && tilde(e, p, end) != p) {
            p++;                /* PATH=x:~/bin: tilde() put $HOME for the ~ */
        } else {
            put(e, c, dq ? F_QUOTED : e->literal);
            p++;
        }
    }
}

/* ~ and ~/dir at the start of a word (which ends at end): $HOME.  ~user
 * is left as it is, and so is ~ when HOME is unset, as in dash.  Returns
 * where the rest of the word starts. */
static const char *tilde(struct exp *e, const char *w, const char *end)
{
    const char *home = get_var("HOME");

    if (w == end || *w != '~' || !home)
        return w;
    if (w + 1 < end && w[1] != '/' && !(e->assignment && w[1] == ':'))
        return w;
    put(e, 0, F_MARK);
    put_value(e, home, 1);
    return w + 1;
}

/* ---------------------------------------------------------------- steps 3 to 5 */

static int is_ifs(char c, const char *ifs)
{
    return c && strchr(ifs, c);
}

static int is_ifs_white(char c, const char *ifs)
{
    return (c == ' ' || c == '\t' || c == '\n') && is_ifs(c, ifs);
}

/* A glob pattern from a field: a quoted * must stay a star.  A backslash
 * an unquoted expansion gave quotes the next character, as in dash and
 * bash (x='a\*' matches only "a*"). */
static char *pattern_of(const char *text, const char *flags, size_t n)
{
    char *pat = scratch_alloc(2 * n + 1), *q = pat;

    for (size_t i = 0; i < n; i++) {
        if ((flags[i] & F_QUOTED) && strchr("*?[]\\", text[i]))
            *q++ = '\\';
        *q++ = text[i];
    }
    return pat;
}

/* "[" alone (the test command) is no pattern: a [ needs its ] after it.
 * Knowing that saves reading the directory for every "[ $i -lt 10 ]". */
static int has_unquoted_glob(const char *text, const char *flags, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if ((flags[i] & F_QUOTED) || !text[i])
            continue;
        if (text[i] == '*' || text[i] == '?')
            return 1;
        if (text[i] == '[' && memchr(text + i + 1, ']', n - i - 1))
            return 1;
    }
    return 0;
}

/* A finished field: through pathname expansion, then into out. */
static void emit_field(struct buf *text, struct buf *flags, struct fields *out)
{
    const char *t = text->s ? text->s : "";
    const char *f = flags->s ? flags->s : "";

    if (!option(OPT_NOGLOB) && has_unquoted_glob(t, f, text->len)) {
        char *pat = pattern_of(t, f, text->len);
        if (glob_expand(pat, out) > 0)
            goto done;
    }
    fields_add(out, scratch_strndup(t, text->len));
done:
    text->len = flags->len = 0;
}

/* Step 3: cut at unquoted $IFS characters that came from expansions. */
static void split_fields(struct exp *e, struct fields *out)
{
    const char *ifsv = get_var("IFS");
    const char *ifs = ifsv ? ifsv : " \t\n";
    struct buf text = { 0 }, flags = { 0 };
    int started = 0, white_ended = 0;

    for (size_t i = 0; i < e->text.len; i++) {
        char c = e->text.s[i];
        int f = e->flags.s[i];
        if ((f & F_SOFT) && ifs[0]) {
            /* as in dash and bash: $@'s arguments are split as if joined
             * by IFS's first character */
            c = ifs[0];
            f = F_SPLIT;
        }
        if (f & F_MARK) {
            started = 1;
        } else if (f & F_BREAK) {
            emit_field(&text, &flags, out);
            started = 1;
        } else if (f & F_SOFT) {                        /* IFS is empty */
            if (started)
                emit_field(&text, &flags, out);
            started = white_ended = 0;
        } else if ((f & F_SPLIT) && is_ifs_white(c, ifs)) {
            if (started) {
                emit_field(&text, &flags, out);
                white_ended = 1;        /* "a  :b" (IFS=' :'): one delimiter */
            }
            started = 0;
        } else if ((f & F_SPLIT) && is_ifs(c, ifs)) {
            if (started || !white_ended)
                emit_field(&text, &flags, out);
            started = white_ended = 0;
        } else {
            buf_putc(&text, c);
            buf_putc(&flags, (char)f);
            started = 1;
            white_ended = 0;
        }
    }
    if (started)
        emit_field(&text, &flags, out);
    buf_free(&text);
    buf_free(&flags);
}

/* No splitting: the text as one string.  As in dash, $@ and $* are
 * joined by the first character of $IFS (a blank if it is unset). */
static char *join(struct exp *e, int as_pattern)
{
    const char *ifs = get_var("IFS");
    char sep = ifs ? ifs[0] : ' ';
    struct buf b = { 0 };

    for (size_t i = 0; i < e->text.len; i++) {
        char c = e->text.s[i];
        int f = e->flags.s[i];
        if (f & F_MARK)
            continue;
        if (f & (F_BREAK | F_SOFT)) {
            if (sep)
                buf_putc(&b, sep);
            continue;
        }
        if (as_pattern && (f & F_QUOTED) && strchr("*?[]\\", c))
            buf_putc(&b, '\\');
        buf_putc(&b, c);
    }
    char *s = scratch_strdup(b.s ? b.s : "");
    buf_free(&b);
    return s;
}

/* POSIX: an expansion error (a bad ${...}, $((1/0))) ends a script. */
static void exp_free(struct exp *e)
{
    buf_free(&e->text);
    buf_free(&e->flags);
    if (e->error && !is_interactive())
        leave(2);
}

static char *expand_part(const char *s, size_t n, int as_pattern, int *error)
{
    struct exp e = { 0 };

    process(&e, s, n, 0);
    char *r = join(&e, as_pattern);
    if (e.error)
        *error = 1;
    exp_free(&e);
    return r;
}

/* ---------------------------------------------------------------- the entry points */

void fields_add(struct fields *f, char *s)
{
    if (f->n + 1 >= f->cap) {
        int cap = f->cap ? f->cap * 2 : 16;
        char **v = scratch_alloc((size_t)cap * sizeof(*v));
        if (f->n)
            memcpy(v, f->v, (size_t)f->n * sizeof(*v));
        f->v = v;
        f->cap = cap;
    }
    f->v[f->n++] = s;
    f->v[f->n] = NULL;
}

/* export, readonly and local are "declaration utilities" (POSIX 2024,
 * and dash): their NAME=value operands are expanded as assignments, with
 * no splitting or globs, so that "export P=$x" keeps the blanks in $x.
 * Which command it is shows only once its name is expanded. */
static int is_declaration(const struct fields *f)
{
    int i = 0;

    while (i < f->n && strcmp(f->v[i], "command") == 0)
        i++;
    return i < f->n && (strcmp(f->v[i], "export") == 0 || strcmp(f->v[i], "readonly") == 0 ||
                        strcmp(f->v[i], "local") == 0);
}

int expand_words(char **words, int nwords, int command, struct fields *out)
{
    memset(out, 0, sizeof(*out));
    fields_add(out, NULL);
    out->n = 0;
    for (int i = 0; i < nwords; i++) {
        if (command && is_assignment(words[i]) && is_declaration(out)) {
            char *field = expand_assignment(words[i]);
            if (!field)
                return -1;
            fields_add(out, field);
            continue;
        }
        struct exp e = { .literal = 0 };
        const char *w = tilde(&e, words[i], words[i] + strlen(words[i]));
        process(&e, w, strlen(w), 0);
        int failed = e.error;
        if (!failed)
            split_fields(&e, out);
        exp_free(&e);
        if (failed)
            return -1;
    }
    return 0;
}

/* Assignments, redirection targets, the word of case: one string. */
char *expand_word(const char *word)
{
    struct exp e = { 0 };
    const char *w = tilde(&e, word, word + strlen(word));

    process(&e, w, strlen(w), 0);
    char *r = e.error ? NULL : join(&e, 0);
    exp_free(&e);
    return r;
}

char *expand_assignment(const char *word)
{
    struct exp e = { .assignment = 1 };
    const char *eq = strchr(word, '=');
    const char *w = tilde(&e, eq + 1, eq + strlen(eq));

    process(&e, w, strlen(w), 0);
    char *value = e.error ? NULL : join(&e, 0);
    exp_free(&e);
    if (!value)
        return NULL;
    size_t len = (size_t)(eq - word) + 1;
    char *r = scratch_alloc(len + strlen(value) + 1);
    memcpy(r, word, len);
    strcpy(r + len, value);
    return r;
}

char *expand_pattern(const char *word)
{
    int error = 0;
    char *r = expand_part(word, strlen(word), 1, &error);
    return error ? NULL : r;
}

/* A here-document: like inside "...", but a " is just a character (the
 * lexer has joined the lines that end in a backslash already). */
char *expand_heredoc(const char *text)
{
    struct exp e = { 0 };
    const char *p = text;

    while (*p && !e.error) {
        if (*p == '\\' && p[1] && strchr("$`\\", p[1])) {
            put(&e, p[1], F_QUOTED);
            p += 2;
        } else if (*p == '$') {
            p += put_dollar(&e, p, p + strlen(p), 1);
        } else if (*p == '`') {
            const char *close = backquote_end(p + 1);
            put_backquoted(&e, p + 1, (size_t)(close - p - 1), 1);
            p = *close ? close + 1 : close;
        } else {
            put(&e, *p++, F_QUOTED);
        }
    }
    char *r = e.error ? NULL : join(&e, 0);
    exp_free(&e);
    return r;
}
