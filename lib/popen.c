/* popen(command, "r" or "w"): run a command with the shell and get a stream
 * connected to it by a pipe: reading its standard output ("r"), or writing
 * its standard input ("w").  pclose(stream) closes the pipe, waits for the
 * command and returns its status, as waitpid does.
 *
 * It is the lecture's pipe + fork + dup2 + exec pattern in one call. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

/* Which process belongs to which stream, for pclose. */
struct command {
    FILE *stream;
    pid_t pid;
    struct command *next;
};

static struct command *commands;

/* In the child: make our end of the pipe fd 0 or 1, then run the shell. */
static _Noreturn void run_child(const char *command, int mine, int other, int target)
{
    if (other != target)
        close(other);
    if (mine != target) {
        dup2(mine, target);
        close(mine);
    }
    for (struct command *c = commands; c; c = c->next)
        close(fileno(c->stream));    /* POSIX: not the other popen pipes */
    execl("/bin/sh", "sh", "-c", command, (char *)NULL);
    _exit(127);
}

FILE *popen(const char *command, const char *mode)
{
    int reading = (mode[0] == 'r');
    int p[2];

    if ((mode[0] != 'r' && mode[0] != 'w') || (mode[1] && mode[1] != 'e')) {
        errno = EINVAL;
        return NULL;
    }
    struct command *c = malloc(sizeof(*c));
    if (!c)
        return NULL;
    if (pipe(p) < 0) {
        free(c);
        return NULL;
    }
    /* "r": the command writes p[1] as its stdout, we read p[0];
     * "w": we write p[1], the command reads p[0] as its stdin. */
    int ours = reading ? p[0] : p[1], theirs = reading ? p[1] : p[0];
    c->pid = fork();
    if (c->pid == 0)
        run_child(command, theirs, ours, reading ? STDOUT_FILENO : STDIN_FILENO);
    close(theirs);
    if (c->pid < 0 || !(c->stream = fdopen(ours, reading ? "r" : "w"))) {
        close(ours);
        free(c);
        return NULL;
    }
    c->next = commands;
    commands = c;
    return c->stream;
}

int pclose(FILE *stream)
{
    struct command **p = &commands;

    while (*p && (*p)->stream != stream)
        p = &(*p)->next;
    if (!*p) {
        errno = ECHILD;              /* not from popen */
        return -1;
    }
    struct command *c = *p;
    *p = c->next;
    fclose(stream);                  /* the command sees end of file */
    int status;
    pid_t r;
    while ((r = waitpid(c->pid, &status, 0)) < 0 && errno == EINTR)
        ;
    free(c);
    return r < 0 ? -1 : status;
}
