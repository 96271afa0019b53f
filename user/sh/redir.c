/* redir.c: redirections -- open() a file and dup2() it onto an fd.
 *
 *   < f   > f   >> f   >| f   <> f     open f onto fd 0 or 1 (or n, as in 2> f)
 *   n>&m  n<&m                         fd n becomes a copy of fd m
 *   n>&-  n<&-                         fd n is closed
 *   <<EOF ... EOF                      fd 0 reads the text that follows
 *
 * A program finds its input or output there without knowing: this is how
 * "everything is a file" reaches the command line.  For a program the
 * shell redirects in the forked child, just before execve().  A builtin,
 * a function or { group } runs in the shell itself, so the shell keeps a
 * copy of each fd it changes, and redir_restore() puts them back. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "sh.h"

struct saved_fds {
    int fd, copy;               /* copy -1: fd was closed before */
    struct saved_fds *next;
};

/* The copy is kept above 10, where scripts' own fds (3-9) are not. */
static int save(int fd, struct saved_fds **saved)
{
    for (struct saved_fds *s = *saved; s; s = s->next)
        if (s->fd == fd)
            return 0;                   /* the first copy is the one to restore */
    struct saved_fds *s = calloc(1, sizeof(*s));
    if (!s)
        return -1;
    s->fd = fd;
    s->copy = fcntl(fd, F_DUPFD_CLOEXEC, 10);
    s->next = *saved;
    *saved = s;
    return 0;
}

/* A here-document's text in a file nobody can see: created in /tmp and
 * unlinked at once, so only the open fd keeps it. */
static int heredoc_fd(struct redir *r)
{
    char path[64];
    static int counter;
    char *text = r->expand_body ? expand_heredoc(r->body) : r->body;

    if (!text)
        return -1;
    snprintf(path, sizeof(path), "/tmp/.sh-heredoc-%d-%d", (int)getpid(), ++counter);
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
    if (fd < 0) {
        complain("here-document: %s: %s", path, strerror(errno));
        return -1;
    }
    unlink(path);
    size_t len = strlen(text);
    if (write(fd, text, len) != (ssize_t)len || lseek(fd, 0, SEEK_SET) < 0) {
        complain("here-document: %s", strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

/* >f with set -C: an existing regular file is not overwritten. */
static int open_for_output(const char *path, enum redir_kind kind)
{
    struct stat st;

    if (kind == R_OUT && option(OPT_NOCLOBBER) && stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
        errno = EEXIST;
        return -1;
    }
    int flags = O_WRONLY | O_CREAT | (kind == R_APPEND ? O_APPEND : O_TRUNC);
    return open(path, flags, 0666);
}

/* The fd that redirection r puts onto r->fd; -2: close r->fd. */
static int open_redirection(struct redir *r)
{
    if (r->kind == R_HEREDOC)
        return heredoc_fd(r);
    char *target = expand_word(r->word);
    if (!target)
        return -1;
    if (r->kind == R_DUPIN || r->kind == R_DUPOUT) {
        if (strcmp(target, "-") == 0)
            return -2;
        char *end;
        long fd = strtol(target, &end, 10);
        if (*end || end == target || fd < 0 || fcntl((int)fd, F_GETFD) < 0) {
            complain("%s: bad file descriptor", target);
            return -1;
        }
        return (int)fd;
    }
    int fd;
    if (r->kind == R_IN)
        fd = open(target, O_RDONLY);
    else if (r->kind == R_RDWR)
        fd = open(target, O_RDWR | O_CREAT, 0666);
    else
        fd = open_for_output(target, r->kind);
    if (fd < 0)
        complain("%s: %s", target, errno == EEXIST ? "cannot overwrite existing file" : strerror(errno));
    return fd;
}

int redir_apply(struct redir *r, struct saved_fds **saved)
{
    fflush(stdout);             /* what a builtin printed goes where it was meant to */
    for (; r; r = r->next) {
        /* saved first: a closed fd 3 would be open() again for "3> f",
         * and the copy would keep the file instead of the closed fd */
        if (saved && save(r->fd, saved) < 0)
            return -1;
        int fd = open_redirection(r);
        if (fd == -1)
            return -1;
        if (fd == -2) {
            close(r->fd);
        } else if (fd != r->fd) {
            if (dup2(fd, r->fd) < 0) {
                complain("%d: %s", r->fd, strerror(errno));
                if (r->kind != R_DUPIN && r->kind != R_DUPOUT)
                    close(fd);
                return -1;
            }
            if (r->kind != R_DUPIN && r->kind != R_DUPOUT)
                close(fd);
        }
    }
    return 0;
}

void redir_restore(struct saved_fds *saved)
{
    fflush(stdout);
    while (saved) {
        struct saved_fds *s = saved;
        saved = s->next;
        if (s->copy >= 0) {
            dup2(s->copy, s->fd);
            close(s->copy);
        } else {
            close(s->fd);
        }
        free(s);
    }
}
