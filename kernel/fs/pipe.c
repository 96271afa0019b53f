/* Pipes: the lecture's bounded buffer.  A reader sleeps while the pipe is
 * empty and gets whatever is there (a short read); a writer sleeps while it
 * is full.  Read returns 0 (end of file) once every write end is closed; a
 * write with no read end left fails with EPIPE and raises SIGPIPE.
 * Readers and writers sleep on the pipe itself and wake each other.
 *
 * The ring holds 64 KiB, so a writer can run well ahead of its reader
 * before either has to sleep: every sleep is two context switches.  Its
 * pages come one at a time, when a writer first reaches them, so a pipe
 * that carries short messages holds one page. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include "syscall_protos.h"
#include <minnow/poll.h>
#include "fs/pipe.h"
#include "fs/file.h"
#include "fs/inode.h"
#include "mm/kmalloc.h"
#include "mm/memlayout.h"
#include "mm/page_alloc.h"
#include "mm/uaccess.h"
#include "proc/sched.h"
#include "proc/signal.h"

struct pipe *pipe_alloc(void)
{
    struct pipe *p = kmalloc(sizeof(*p));

    if (p)
        memset(p, 0, sizeof(*p));
    return p;                    /* no ends yet: pipe_end() adds them */
}

void pipe_free(struct pipe *p)
{
    for (int i = 0; i < PIPE_PAGES; i++)
        if (p->page[i])
            free_page(p->page[i]);
    kfree(p);
}

void pipe_open_end(struct pipe *p, int writer)
{
    if (writer) {
        p->writers++;
        p->writer_opens++;
    } else {
        p->readers++;
        p->reader_opens++;
    }
}

int pipe_close_end(struct pipe *p, int writer)
{
    if (writer)
        p->writers--;
    else
        p->readers--;
    wake_up(p);                  /* readers see EOF, writers see EPIPE */
    if (p->readers || p->writers)
        return 0;
    pipe_free(p);
    return 1;
}

/* Copies n bytes between buf and the ring, from the ring's position `at`
 * on, a page's piece at a time; the caller checked the room (and, for a
 * write, that the pages are there), and moves head and len. */
static void ring_copy(struct pipe *p, size_t at, char *buf, size_t n, int into_ring)
{
    for (size_t done = 0; done < n;) {
        size_t off = at % PAGE_SIZE;
        size_t chunk = PAGE_SIZE - off < n - done ? PAGE_SIZE - off : n - done;
        char *ring = p->page[at / PAGE_SIZE] + off;
        if (into_ring)
            memcpy(ring, buf + done, chunk);
        else
            memcpy(buf + done, ring, chunk);
        done += chunk;
        at = (at + chunk) % PIPE_SIZE;
    }
}

/* Of the next n bytes a writer would put in, how many have a page behind
 * them: the missing pages are allocated here, until memory runs out. */
static size_t ring_backed(struct pipe *p, size_t n)
{
    size_t backed = 0;

    while (backed < n) {
        size_t at = (p->head + backed) % PIPE_SIZE;
        char **page = &p->page[at / PAGE_SIZE];
        if (!*page && !(*page = alloc_page()))
            break;
        backed += PAGE_SIZE - at % PAGE_SIZE;
    }
    return backed < n ? backed : n;
}

/* Waits until more than `skip` bytes wait to be read: 1, or 0 at end of
 * file (no writer left), or -EAGAIN / a signal's restart. */
static long wait_for_data(struct pipe *p, size_t skip, int flags)
{
    while (p->len <= skip) {
        if (p->writers == 0)
            return 0;                        /* end of file */
        if (flags & PIPE_NONBLOCK)
            return -EAGAIN;
        if (sleep_on(p) < 0)
            return request_restart(-ERESTARTSYS);   /* a signal came first */
    }
    return 1;
}

/* The ring's position of the byte `skip` bytes after the oldest one. */
static size_t tail_at(struct pipe *p, size_t skip)
{
    return (p->head + PIPE_SIZE - p->len + skip) % PIPE_SIZE;
}

ssize_t pipe_read_buf(struct pipe *p, char *buf, size_t n, int flags)
{
    long ready = wait_for_data(p, 0, flags);

    if (ready <= 0)
        return ready;
    if (n > p->len)
        n = p->len;
    ring_copy(p, tail_at(p, 0), buf, n, 0);
    p->len -= n;
    wake_up_sync(p);                         /* there is room for writers now */
    return n;
}

ssize_t pipe_peek(struct pipe *p, char *buf, size_t n, size_t skip, int flags)
{
    long ready = wait_for_data(p, skip, flags);

    if (ready <= 0)
        return ready;
    if (n > p->len - skip)
        n = p->len - skip;
    ring_copy(p, tail_at(p, skip), buf, n, 0);
    return n;
}

ssize_t pipe_write_buf(struct pipe *p, const char *buf, size_t n, int flags)
{
    size_t done = 0;

    while (done < n) {
        if (p->readers == 0) {
            if (!(flags & PIPE_NOSIGNAL))
                send_signal(current, SIGPIPE);
            return done ? (ssize_t)done : -EPIPE;
        }
        size_t room = PIPE_SIZE - p->len;
        /* a write of at most PIPE_BUF bytes goes in whole, never mixed with
         * another writer's bytes; a longer one may be split */
        size_t need = n <= PIPE_BUF ? n - done : 1;
        if (room < need) {
            if (flags & PIPE_NONBLOCK)
                return done ? (ssize_t)done : -EAGAIN;
            if (sleep_on(p) < 0)
                return done ? (ssize_t)done : request_restart(-ERESTARTSYS);
            continue;
        }
        size_t chunk = ring_backed(p, room < n - done ? room : n - done);
        if (chunk < need)                    /* no page for it */
            return done ? (ssize_t)done : -ENOMEM;
        ring_copy(p, p->head, (char *)buf + done, chunk, 1);
        p->head = (p->head + chunk) % PIPE_SIZE;
        p->len += chunk;
        done += chunk;
        wake_up_sync(p);                     /* there is data for readers now */
    }
    return done;
}

/* What poll() sees at each end of p (a pipe's, or a socket's queue).  The
 * reading end: data, or POLLHUP once no writer is left (a read returns
 * end of file).  The writing end: room for a write of PIPE_BUF, or
 * POLLERR once no reader is left (a write fails with EPIPE). */
unsigned int pipe_poll_read(struct pipe *p)
{
    unsigned int mask = p->len > 0 ? POLLIN | POLLRDNORM : 0;

    return p->writers == 0 ? mask | POLLHUP : mask;
}

unsigned int pipe_poll_write(struct pipe *p)
{
    if (p->readers == 0)
        return POLLERR;
    return PIPE_SIZE - p->len >= PIPE_BUF ? POLLOUT | POLLWRNORM : 0;
}

/* ---------------------------------------------------------------- pipe fds */

static ssize_t pipe_read(struct file *f, char *buf, size_t n, off_t *pos)
{
    (void)pos;                       /* a stream: no offset */
    return pipe_read_buf(f->private, buf, n, f->flags & O_NONBLOCK ? PIPE_NONBLOCK : 0);
}

static ssize_t pipe_write(struct file *f, const char *buf, size_t n, off_t *pos)
{
    (void)pos;                       /* a stream: no offset */
    return pipe_write_buf(f->private, buf, n, f->flags & O_NONBLOCK ? PIPE_NONBLOCK : 0);
}

static unsigned int pipe_poll(struct file *f)
{
    return file_writable(f) ? pipe_poll_write(f->private) : pipe_poll_read(f->private);
}

static void pipe_release(struct file *f)
{
    struct pipe *p = f->private;
    int freed = 0;

    if (file_readable(f))
        freed = pipe_close_end(p, 0);
    if (file_writable(f))
        freed = pipe_close_end(p, 1);
    if (freed && f->inode->pipe == p)
        f->inode->pipe = NULL;               /* a named pipe's last close */
}

static const struct file_ops pipe_ops = {
    .read = pipe_read,
    .write = pipe_write,
    .poll = pipe_poll,
    .release = pipe_release,
};

struct file *pipe_end(struct pipe *p, struct inode *ino, int flags)
{
    struct file *f = file_alloc(&pipe_ops, flags);

    if (!f)
        return NULL;
    f->private = p;
    f->inode = inode_get(ino);
    if (file_readable(f))
        pipe_open_end(p, 0);
    if (file_writable(f))
        pipe_open_end(p, 1);
    return f;
}

/* pipe2(fds, flags): fds[0] is the read end, fds[1] the write end.
 * flags: O_CLOEXEC for both fds, O_NONBLOCK for both files.  O_DIRECT
 * (Linux's packet mode) is not in Minnow: EINVAL, as any unknown flag. */
long sys_pipe2(int ufds[2], int flags)
{
    int fds[2];
    long err = -ENOMEM;

    if (flags & ~(O_CLOEXEC | O_NONBLOCK))
        return -EINVAL;
    if (verify_area(ufds, sizeof(fds), 1) < 0)
        return -EFAULT;
    struct pipe *p = pipe_alloc();
    struct inode *ino = inode_alloc(S_IFIFO | 0600);
    if (!p || !ino) {
        if (p)
            pipe_free(p);
        inode_put(ino);
        return -ENOMEM;
    }
    struct file *rf = pipe_end(p, ino, O_RDONLY | (flags & O_NONBLOCK));
    struct file *wf = rf ? pipe_end(p, ino, O_WRONLY | (flags & O_NONBLOCK)) : NULL;
    inode_put(ino);                          /* the files hold it now */
    if (!rf) {
        pipe_free(p);
        return -ENFILE;
    }
    if (!wf) {
        file_put(rf);                        /* frees the pipe too */
        return -ENFILE;
    }
    fds[0] = fd_install(rf, flags & O_CLOEXEC);
    fds[1] = fds[0] < 0 ? -1 : fd_install(wf, flags & O_CLOEXEC);
    if (fds[1] < 0) {
        err = -EMFILE;
        if (fds[0] >= 0)
            fd_close(current, fds[0]);
        else
            file_put(rf);
        file_put(wf);
        return err;
    }
    copy_to_user(ufds, fds, sizeof(fds));
    return 0;
}

long sys_pipe(int ufds[2])
{
    return sys_pipe2(ufds, 0);
}
