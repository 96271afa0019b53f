/* Named pipes (mkfifo, mknod with S_IFIFO): a pipe with a name in the
 * file system, for processes that are not parent and child.  Every open
 * of the name shares one struct pipe, made at the first open and kept in
 * the inode until the last end closes (fs/pipe.c frees it then, as it
 * does an unnamed pipe).
 *
 * As fifo(7) says: an open for reading waits until some process opens
 * the name for writing, and an open for writing until one opens it for
 * reading, so that both sides start together.  With O_NONBLOCK a reader
 * does not wait, and a writer that finds no reader fails with ENXIO.
 * O_RDWR is both ends at once and never waits. */
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include "fs/pipe.h"
#include "fs/file.h"
#include "fs/inode.h"
#include "proc/sched.h"
#include "proc/signal.h"

/* Waits until the other side opens an end; a signal ends the wait and
 * the open (restarted if the handler says so). */
static int wait_for_partner(struct pipe *p, int *ends, unsigned int *opens)
{
    unsigned int seen = *opens;

    /* an end that opened and closed again while we slept still counts */
    while (*ends == 0 && *opens == seen)
        if (sleep_on(p) < 0)
            return request_restart(-ERESTARTSYS);
    return 0;
}

int fifo_open(struct inode *ino, int flags, struct file **out)
{
    int acc = flags & O_ACCMODE, nonblock = flags & O_NONBLOCK;

    if (acc == O_WRONLY && nonblock && (!ino->pipe || ino->pipe->readers == 0))
        return -ENXIO;
    if (!ino->pipe && !(ino->pipe = pipe_alloc()))
        return -ENOMEM;
    struct pipe *p = ino->pipe;
    struct file *f = pipe_end(p, ino, flags);
    if (!f) {
        if (p->readers == 0 && p->writers == 0) {
            pipe_free(p);                    /* made for this open alone */
            ino->pipe = NULL;
        }
        return -ENFILE;
    }
    wake_up(p);                              /* an open waiting for this end */
    int err = 0;
    if (acc == O_RDONLY && !nonblock)
        err = wait_for_partner(p, &p->writers, &p->writer_opens);
    else if (acc == O_WRONLY)
        err = wait_for_partner(p, &p->readers, &p->reader_opens);
    if (err < 0) {
        file_put(f);
        return err;
    }
    *out = f;
    return 0;
}
