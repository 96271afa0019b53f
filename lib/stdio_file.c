/* Opening and closing streams: a FILE = fd + buffer + flags.
 *
 * fopen turns the mode string into open() flags (the table in POSIX),
 * opens the file and wraps the descriptor in a FILE.  The buffer itself
 * is only allocated by the first read or write (lib/stdio_buffer.c), so
 * that setvbuf can still choose it.  Every stream is kept on one list so
 * that fflush(NULL) and exit() can reach them all. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "stdio_impl.h"

/* The three streams every program starts with, on fds 0, 1 and 2.
 * bufmode -1 means "decide at first use": line-buffered if the fd is a
 * terminal, fully buffered otherwise.  stderr is never buffered, so that
 * an error message appears at once even if the program then crashes. */
static FILE stderr_file = {
    .fd = 2, .flags = STREAM_CAN_WRITE | STREAM_STATIC, .bufmode = _IONBF,
    .ungot = EOF, .next = NULL,
};
static FILE stdout_file = {
    .fd = 1, .flags = STREAM_CAN_WRITE | STREAM_STATIC, .bufmode = -1,
    .ungot = EOF, .next = &stderr_file,
};
static FILE stdin_file = {
    .fd = 0, .flags = STREAM_CAN_READ | STREAM_STATIC, .bufmode = -1,
    .ungot = EOF, .next = &stdout_file,
};

FILE *stdin = &stdin_file;
FILE *stdout = &stdout_file;
FILE *stderr = &stderr_file;
FILE *__stdio_streams = &stdin_file;

/* POSIX's table of fopen modes ('b' means nothing on Unix):
 *
 *   "r"   O_RDONLY                         read from the start
 *   "w"   O_WRONLY | O_CREAT | O_TRUNC     empty the file, write
 *   "a"   O_WRONLY | O_CREAT | O_APPEND    every write goes to the end
 *   "r+"  O_RDWR                           read and write, keep the contents
 *   "w+"  O_RDWR | O_CREAT | O_TRUNC       empty the file, read and write
 *   "a+"  O_RDWR | O_CREAT | O_APPEND      read anywhere, write at the end
 *
 * Also accepted after the first letter: 'x' (C11: O_EXCL, fail if the
 * file exists) and 'e' (O_CLOEXEC).  Returns the stream's flags and sets
 * *open_flags, or returns -1 with errno EINVAL for a bad mode. */
int __stdio_parse_mode(const char *mode, int *open_flags)
{
    int oflags, sflags;

    switch (mode[0]) {
    case 'r': oflags = O_RDONLY; sflags = STREAM_CAN_READ; break;
    case 'w': oflags = O_WRONLY | O_CREAT | O_TRUNC; sflags = STREAM_CAN_WRITE; break;
    case 'a':
        oflags = O_WRONLY | O_CREAT | O_APPEND;
        sflags = STREAM_CAN_WRITE | STREAM_APPEND;
        break;
    default:
        errno = EINVAL;
        return -1;
    }
    for (const char *m = mode + 1; *m; m++) {
        if (*m == '+') {
            oflags = (oflags & ~O_ACCMODE) | O_RDWR;
            sflags |= STREAM_CAN_READ | STREAM_CAN_WRITE;
        } else if (*m == 'x') {
            oflags |= O_EXCL;
        } else if (*m == 'e') {
            oflags |= O_CLOEXEC;
        } else if (*m != 'b') {
            errno = EINVAL;
            return -1;
        }
    }
    *open_flags = oflags;
    return sflags;
}

/* A new FILE around an open descriptor, put on the list of streams. */
static FILE *new_stream(int fd, int sflags)
{
    FILE *f = malloc(sizeof(FILE));

    if (!f)
        return NULL;
    *f = (FILE){ .fd = fd, .flags = sflags, .bufmode = -1, .ungot = EOF };
    f->next = __stdio_streams;
    __stdio_streams = f;
    return f;
}

FILE *fopen(const char *path, const char *mode)
{
    int oflags;
    int sflags = __stdio_parse_mode(mode, &oflags);

    if (sflags < 0)
        return NULL;
    int fd = open(path, oflags, 0666);        /* the umask takes off what it wants */
    if (fd < 0)
        return NULL;
    FILE *f = new_stream(fd, sflags);
    if (!f)
        close(fd);
    return f;
}

/* A stream on a descriptor that is already open (from pipe(), socket()...). */
FILE *fdopen(int fd, const char *mode)
{
    int oflags;
    int sflags = __stdio_parse_mode(mode, &oflags);

    if (sflags < 0)
        return NULL;
    int fdflags = fcntl(fd, F_GETFL);
    if (fdflags < 0)
        return NULL;                          /* errno EBADF: fd is not open */
    if ((sflags & STREAM_APPEND) && !(fdflags & O_APPEND))
        fcntl(fd, F_SETFL, fdflags | O_APPEND);
    return new_stream(fd, sflags);
}

/* Reopens a stream on another file, keeping its descriptor number, so
 * freopen("out.txt", "w", stdout) also redirects fd 1 for exec'd programs. */
FILE *freopen(const char *path, const char *mode, FILE *f)
{
    int oflags;
    int sflags = __stdio_parse_mode(mode, &oflags);

    fflush(f);
    if (sflags < 0 || !path) {                /* changing only the mode: not supported */
        errno = EINVAL;
        return NULL;
    }
    int fd = open(path, oflags, 0666);
    if (fd < 0)
        return NULL;
    if (f->fd >= 0 && fd != f->fd) {
        dup2(fd, f->fd);
        close(fd);
        fd = f->fd;
    }
    __stdio_free_buffer(f);
    f->fd = fd;
    f->flags = sflags | (f->flags & STREAM_STATIC);
    if (f != stderr)
        f->bufmode = -1;                      /* decided again at first use */
    f->state = STREAM_IDLE;
    f->pos = f->len = 0;
    f->ungot = EOF;
    return f;
}

static void unlink_stream(FILE *f)
{
    for (FILE **p = &__stdio_streams; *p; p = &(*p)->next) {
        if (*p == f) {
            *p = f->next;
            return;
        }
    }
}

/* Writes out what is still buffered, closes the descriptor, frees it all. */
int fclose(FILE *f)
{
    int result = 0;

    if (f->state == STREAM_WRITING && __stdio_flush(f) < 0)
        result = EOF;
    if (f->fd >= 0 && close(f->fd) < 0)
        result = EOF;
    __stdio_free_buffer(f);
    f->fd = -1;
    f->state = STREAM_IDLE;
    f->pos = f->len = 0;
    f->flags &= STREAM_STATIC;                /* no more reading or writing */
    if (!(f->flags & STREAM_STATIC)) {
        unlink_stream(f);
        free(f);
    }
    return result;
}

int fileno(FILE *f)
{
    if (f->fd < 0)
        errno = EBADF;
    return f->fd;
}

/* A temporary file that disappears when it is closed: create it, then
 * remove its name at once (the open descriptor keeps the file alive). */
FILE *tmpfile(void)
{
    static unsigned counter;
    char name[64];

    for (int tries = 0; tries < 100; tries++) {
        snprintf(name, sizeof(name), "/tmp/tmpfile.%d.%u", getpid(), counter++);
        int fd = open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
        if (fd < 0 && errno == EEXIST)
            continue;
        if (fd < 0)
            return NULL;
        unlink(name);
        FILE *f = new_stream(fd, STREAM_CAN_READ | STREAM_CAN_WRITE);
        if (!f)
            close(fd);
        return f;
    }
    return NULL;
}
