/* Open files: "everything is a file".  Whatever an fd refers to -- a file
 * in the RAM file system, a pipe, a socket, the console -- it is a struct
 * file with a table of operations, and read/write/close go through that
 * table without knowing which kind it is. */
#ifndef FS_FILE_H
#define FS_FILE_H

#include <minnow/types.h>
#include "proc/task.h"

#define NR_FILE 256              /* open files in the whole system (ENFILE) */

struct file;

struct file_ops {
    /* read and write at *pos, which they move: &f->pos for read(2) and
     * write(2), a copy for pread64 and pwrite64, so that the file's own
     * offset is never lent out while a read sleeps on the disk.  Files
     * without an offset (pipes, sockets, the terminal) ignore it. */
    ssize_t (*read)(struct file *f, char *buf, size_t n, off_t *pos);
    ssize_t (*write)(struct file *f, const char *buf, size_t n, off_t *pos);
    off_t (*lseek)(struct file *f, off_t off, int whence);      /* NULL: ESPIPE */
    int (*ioctl)(struct file *f, unsigned long req, void *arg); /* NULL: ENOTTY */
    /* what would not block now: POLLIN, POLLOUT, POLLHUP... (fs/poll.c);
     * NULL: always ready to read and write, as a file on a disk is */
    unsigned int (*poll)(struct file *f);
    void (*release)(struct file *f);                            /* the last close */
    /* fsync, fdatasync: what was written to the disk (fs/sync.c); NULL:
     * nothing to write (a file in RAM), or not possible (a pipe) */
    int (*fsync)(struct file *f, int datasync);
};

struct file {
    int count;                   /* fds (in any process) that refer to it */
    unsigned int flags;          /* O_RDONLY/O_WRONLY/O_RDWR, O_APPEND, O_NONBLOCK */
    off_t pos;                   /* shared by everyone who shares the file */
    int pos_busy;                /* a read, write or lseek is moving pos
                                    (read_write.c: lock_pos) */
    const struct file_ops *ops;
    struct inode *inode;         /* what it is: a named file, or the unnamed
                                    inode of a pipe or socket (in no directory) */
    void *private;               /* the pipe or socket behind it */
};

/* Whoever moves f->pos (read, write, lseek, getdents) holds it meanwhile,
 * so that two sharing the file take turns (read_write.c).  0, or -EINTR
 * (a signal came while waiting); a file without an offset: always 0. */
long lock_pos(struct file *f);
void unlock_pos(struct file *f);

struct file *file_alloc(const struct file_ops *ops, unsigned int flags);  /* NULL: ENFILE */
struct file *file_get(struct file *f);
void file_put(struct file *f);

/* The fd table of the current process. */
struct file *fget(int fd);                       /* NULL if fd is not open */
int fd_install(struct file *f, int cloexec);     /* lowest free fd, or -EMFILE */
int fd_close(struct task_struct *t, int fd);

void files_fork(struct task_struct *child, struct task_struct *parent);
void files_exec(struct task_struct *t);
void files_exit(struct task_struct *t);

/* A program's list of buffers, copied in and checked (fs/read_write.c):
 * readv, writev, sendmsg, recvmsg.  write: for a write (writev, sendmsg),
 * so the buffers are only read; 0: for a read, which writes them.  The
 * caller kfree()s *out. */
struct iovec;
long get_iovec(const struct iovec *uiov, int count, int write, struct iovec **out);

static inline int file_readable(struct file *f)
{
    return (f->flags & 3) != 1;              /* not O_WRONLY */
}

static inline int file_writable(struct file *f)
{
    return (f->flags & 3) != 0;              /* not O_RDONLY */
}

#endif
