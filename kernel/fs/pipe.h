#ifndef FS_PIPE_H
#define FS_PIPE_H

#include <stddef.h>
#include <minnow/types.h>

#define PIPE_PAGES 16           /* the ring's pages: 64 KiB, as Linux's pipes */
#define PIPE_SIZE (PIPE_PAGES * 4096)   /* bytes the ring holds */
#define PIPE_BUF  4096           /* writes up to this size are never split */

/* A pipe: a bounded queue of bytes with readers and writers.  A socket
 * connection is two of them, one for each direction (fs/pipe_stream.c). */
struct pipe {
    char *page[PIPE_PAGES];      /* the ring, a page at a time; NULL until used */
    size_t head;                 /* where the next byte is written */
    size_t len;                  /* bytes waiting to be read */
    int readers, writers;        /* open read ends, write ends */
    unsigned int reader_opens, writer_opens;   /* ends opened so far: an open of a
                                    named pipe waits for the other side's to change */
};

/* How pipe_read_buf, pipe_peek and pipe_write_buf behave (flags): */
#define PIPE_NONBLOCK 1          /* EAGAIN where they would sleep */
#define PIPE_NOSIGNAL 2          /* a write with no reader left: EPIPE without
                                    SIGPIPE (a socket's send with MSG_NOSIGNAL) */

struct pipe *pipe_alloc(void);
void pipe_free(struct pipe *p);
ssize_t pipe_read_buf(struct pipe *p, char *buf, size_t n, int flags);
/* Copies what waits after its first `skip` bytes, and leaves it there
 * (a socket's recv with MSG_PEEK); waits while there is no more than skip. */
ssize_t pipe_peek(struct pipe *p, char *buf, size_t n, size_t skip, int flags);
ssize_t pipe_write_buf(struct pipe *p, const char *buf, size_t n, int flags);
void pipe_open_end(struct pipe *p, int writer);
int pipe_close_end(struct pipe *p, int writer);      /* frees it after the last end: 1 */
unsigned int pipe_poll_read(struct pipe *p);         /* poll() at the reading end */
unsigned int pipe_poll_write(struct pipe *p);        /* ... at the writing end */
struct file;
struct inode;
/* An open file on pipe p: its read end, its write end, or both (O_RDWR,
 * a named pipe's); NULL if the file table is full. */
struct file *pipe_end(struct pipe *p, struct inode *ino, int flags);
/* Opening a named pipe (fs/fifo.c). */
int fifo_open(struct inode *ino, int flags, struct file **out);

#endif
