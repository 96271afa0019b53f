/* Inodes: every file, directory, device, pipe and socket in Minnow is one
 * of these in kernel memory.  The top part is what every file system has
 * (fs/vfs.h); the rest belongs to the RAM file system (fs/inode.c), which
 * holds the root, /tmp, /dev and /proc, and to pipes, sockets and /proc. */
#ifndef FS_INODE_H
#define FS_INODE_H

#include <minnow/types.h>
#include <minnow/stat.h>
#include "fs/vfs.h"

#define NAME_MAX 255
#define PATH_MAX 4096
#define MAX_FILE_SIZE (1u << 30)       /* EFBIG beyond 1 GiB */

struct pipe;

/* One name in a RAM file system directory. */
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
    int writing;                 /* a write or truncate is under way (vfs.c: inode_lock) */
    uint32_t blocks;             /* a disk's file: 512-byte units it takes (st_blocks);
                                    0 in RAM, where the size says it */
    time_t atime, mtime, ctime;
    dev_t rdev;                  /* a device file: which device */

    struct super_block *sb;      /* the file system it belongs to */
    const struct inode_operations *op;
    struct mount *mounted;       /* a directory: what is mounted on it, or NULL */
    struct inode *parent;        /* a directory: "..", held with a reference */
    void *private;               /* the file system's own (ext2: block numbers) */

    /* the RAM file system's */
    char **pages;                /* regular file: its bytes, a page each (NULL: a hole) */
    uint32_t nr_slots;           /* entries in pages[] */
    struct dentry *entries;      /* directory: its names, oldest first */
    long next_pos;               /* directory: pos for the next new entry */

    void *socket;                /* socket: the listening socket bound to this name */
    struct pipe *pipe;           /* named pipe: the pipe its opens share (fs/fifo.c) */

    const struct proc_entry *proc;   /* a /proc file or directory: what it shows */
    pid_t proc_pid;              /* ...and of which process (fs/proc/) */
    int proc_fd;                 /* ...and, for /proc/PID/fd/N, which fd */
};

extern struct inode *root_inode;

/* ---------------------------------------------------------------- fs/vfs.c
 * What the system calls use: each goes through the inode's operations. */

struct inode *inode_get(struct inode *ino);
void inode_put(struct inode *ino);               /* the file system forgets it when unused */

/* The inode name names in dir, with a reference.  "." is dir itself; ".."
 * of a mounted file system's root is the parent of where it is mounted. */
int vfs_lookup(struct inode *dir, const char *name, struct inode **out);
/* A new inode of this mode (rdev for a device) under a new name in dir;
 * *out holds a reference.  EEXIST if the name is taken. */
int vfs_create(struct inode *dir, const char *name, mode_t mode, dev_t rdev, struct inode **out);
int vfs_link(struct inode *dir, const char *name, struct inode *ino);
int vfs_unlink(struct inode *dir, const char *name);
int vfs_rename(struct inode *olddir, const char *oldname, struct inode *newdir,
               const char *newname);
int vfs_readdir(struct inode *dir, long *pos, char name[NAME_MAX + 1], ino_t *ino, mode_t *type);
int vfs_is_empty(struct inode *dir);
/* The name under which dir lists the inode numbered ino (getcwd). */
int vfs_name_of(struct inode *dir, ino_t ino, char name[NAME_MAX + 1]);

long inode_read(struct inode *ino, void *buf, uint32_t off, uint32_t n);
long inode_write(struct inode *ino, const void *buf, uint32_t off, uint32_t n);
/* O_APPEND: writes at the end, found and written as one step; *at: where. */
long inode_append(struct inode *ino, const void *buf, uint32_t n, uint32_t *at);
int inode_truncate(struct inode *ino, uint32_t size);
void *inode_page(struct inode *ino, uint32_t index);        /* for mmap; NULL: no memory */
void *inode_find_page(struct inode *ino, uint32_t index);   /* NULL: a hole */
void inode_changed(struct inode *ino);           /* after chmod, utimes...: tell the file system */
int inode_fsync(struct inode *ino);
int inode_permission(struct inode *ino, int mask);   /* mask: 4 read, 2 write, 1 exec */
int is_read_only(struct inode *ino);             /* on a file system mounted read-only */
/* Whether a read at `now` should move the access time: Linux's "relatime"
 * rule, only when the atime is not newer than the last change, or is a
 * day old.  Reading then neither writes the inode at every read() nor
 * changes what the next stat shows (two ls -l in a row agree). */
int atime_needs_update(struct inode *ino, time_t now);

/* ---------------------------------------------------------------- fs/inode.c: the RAM file system */

void ramfs_init(void);
/* An unnamed inode of the RAM file system (a pipe's, a socket's, an
 * anonymous mapping's): count 1, nlink 0; NULL if no memory. */
struct inode *inode_alloc(mode_t mode);
/* A new, empty RAM file system (mount -t ramfs, tmpfs). */
extern struct file_system_type ramfs_type;
/* For the RAM file system's own users (initrd, /dev, /proc): a name for an
 * inode, and taking one away, without the VFS's checks. */
int ramfs_add(struct inode *dir, const char *name, struct inode *ino);
int ramfs_remove(struct inode *dir, const char *name);
struct inode *ramfs_find(struct inode *dir, const char *name);   /* no reference */

#endif
