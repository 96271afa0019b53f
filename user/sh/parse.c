/* parse.c: step 3, the tokens of a line into pipelines.
 *
 *   line      = pipeline { (&& | || | ; | &) pipeline } [; | &]
 *   pipeline  = command { | command }
 *   command   = { word | redirection }       (at least one)
 *
 * The result is flat: pipelines[] in order, each with the operator that
 * follows it.  "a && b || c & d" is a, b, c (ops &&, ||, &) then d.
 * exec.c runs it.  A malformed line ("echo |", "a && ") is an error here,
 * and nothing of it runs. */
#include "sh.h"

/* Where the parser is: the tokens of the line being parsed, and the next
 * one to look at.  parse_line() sets them; private to this file. */
static const struct token *tokens;
static int pos;                 /* the next token to look at */

static int syntax_error(const struct token *t)
{
    if (t->type == T_END)
        complain("syntax error: unexpected end of line");
    else
        complain("syntax error near unexpected token `%.*s'", (int)(t->end - t->start), t->start);
    return -1;
}

static int parse_redirection(struct command *c)
{
    const struct token *t = &tokens[pos++];
    struct redir *r = &c->redirs[c->nredirs++];

    r->fd = t->fd;
    r->kind = t->kind;
    r->dup_fd = t->dup_fd;
    r->target = NULL;
    if (r->kind == R_DUP)
        return 0;
    if (tokens[pos].type != T_WORD) {
        complain("syntax error: `%.*s' needs a file name", (int)(t->end - t->start), t->start);
        return -1;
    }
    r->target = tokens[pos++].word;
    return 0;
}

static int parse_command(struct command *c)
{
    c->nwords = c->nredirs = 0;
    for (;;) {
        enum token_type type = tokens[pos].type;
        if (type == T_WORD && c->nwords < MAX_WORDS) {
            c->words[c->nwords++] = tokens[pos++].word;
        } else if (type == T_REDIR && c->nredirs < MAX_REDIRS) {
            if (parse_redirection(c) < 0)
                return -1;
        } else if (type == T_WORD || type == T_REDIR) {
            complain("command too long (at most %d words, %d redirections)", MAX_WORDS, MAX_REDIRS);
            return -1;
        } else {
            break;
        }
    }
    c->words[c->nwords] = NULL;
    if (c->nwords == 0 && c->nredirs == 0)
        return syntax_error(&tokens[pos]);
    return 0;
}

static int parse_pipeline(struct line *line, struct pipeline *p)
{
    p->cmds = &line->commands[line->ncommands];
    p->ncmds = 0;
    p->start = tokens[pos].start;
    for (;;) {
        if (line->ncommands == MAX_COMMANDS) {
            complain("too many commands in one line (the limit is %d)", MAX_COMMANDS);
            return -1;
        }
        if (parse_command(&line->commands[line->ncommands]) < 0)
            return -1;
        line->ncommands++;
        p->ncmds++;
        p->end = tokens[pos - 1].end;
        if (tokens[pos].type != T_PIPE)
            return 0;
        if (tokens[++pos].type == T_END) {
            complain("syntax error: nothing after `|'");
            return -1;
        }
    }
}

/* Fills line->pipelines[].  Returns 0, or -1 after an error message. */
int parse_line(const struct token *line_tokens, struct line *line)
{
    tokens = line_tokens;
    pos = line->npipelines = line->ncommands = 0;
    while (tokens[pos].type != T_END) {
        if (line->npipelines == MAX_PIPELINES) {
            complain("too many commands in one line (the limit is %d)", MAX_PIPELINES);
            return -1;
        }
        struct pipeline *p = &line->pipelines[line->npipelines++];
        if (parse_pipeline(line, p) < 0)
            return -1;
        const struct token *t = &tokens[pos];
        p->op = t->type == T_END ? T_SEMI : t->type;
        if (t->type == T_END)
            break;
        pos++;
        if ((t->type == T_AND || t->type == T_OR) && tokens[pos].type == T_END) {
            complain("syntax error: nothing after `%.*s'", (int)(t->end - t->start), t->start);
            return -1;
        }
    }
    return 0;
}
