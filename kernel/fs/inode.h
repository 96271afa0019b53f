/* Inodes of the RAM file system: every file, directory, device and socket
 * name in Minnow is one of these, kept in kernel memory. */
#ifndef FS_INODE_H
#define FS_INODE_H

#include <minnow/types.h>
#include <minnow/stat.h>

#define NAME_MAX 255
#define PATH_MAX 4096
#define MAX_FILE_SIZE (1u << 30)       /* EFBIG beyond 1 GiB */

struct pipe;

/* One name in a directory. */
struct dentry {
    struct dentry *next;
    struct inode *inode;
    long pos;                    /* its place for getdents: never reused, so
                                    removing one entry does not move the others */
    char name[];
};

struct inode {
    ino_t ino;
    mode_t mode;                 /* type (S_IFREG, S_IFDIR...) and permissions */
    nlink_t nlink;               /* directory entries naming it */
    int count;                   /* references held in memory (open files, cwd) */
    uint32_t size;
    time_t atime, mtime, ctime;

    char **pages;                /* regular file: its bytes, a page each (NULL: a hole) */
    uint32_t nr_slots;           /* entries in pages[] */

    struct dentry *entries;      /* directory: its names, oldest first */
    long next_pos;               /* directory: pos for the next new entry */
    struct inode *parent;        /* directory: "..", held with a reference */

    dev_t rdev;                  /* character device: which one */
    void *socket;                /* socket: the listening socket bound to this name */
    struct pipe *pipe;           /* named pipe: the pipe its opens share (fs/fifo.c) */

    const struct proc_entry *proc;   /* a /proc file or directory: what it shows */
    pid_t proc_pid;              /* ...and of which process (fs/proc/) */
    int proc_fd;                 /* ...and, for /proc/PID/fd/N, which fd */
};

extern struct inode *root_inode;

void ramfs_init(void);
struct inode *inode_alloc(mode_t mode);          /* count 1, nlink 0; NULL if no memory */
struct inode *inode_get(struct inode *ino);
void inode_put(struct inode *ino);               /* frees it when unused and unnamed */

long inode_read(struct inode *ino, void *buf, uint32_t off, uint32_t n);
long inode_write(struct inode *ino, const void *buf, uint32_t off, uint32_t n);
int inode_truncate(struct inode *ino, uint32_t size);
void *inode_page(struct inode *ino, uint32_t index);   /* for mmap */
void *inode_find_page(struct inode *ino, uint32_t index);   /* NULL: a hole */

struct inode *dir_lookup(struct inode *dir, const char *name);   /* no reference taken */
int dir_add(struct inode *dir, const char *name, struct inode *ino);
/* A new inode of this mode under a new name in dir; *out holds a reference. */
int dir_create(struct inode *dir, const char *name, mode_t mode, struct inode **out);
int dir_remove(struct inode *dir, const char *name);
int dir_is_empty(struct inode *dir);
int dir_rename(struct inode *olddir, const char *oldname, struct inode *newdir,
               const char *newname);
const char *dir_name_of(struct inode *dir, struct inode *child);
struct dentry *dir_entry_from(struct inode *dir, long pos);

int inode_permission(struct inode *ino, int mask);   /* mask: 4 read, 2 write, 1 exec */

#endif
