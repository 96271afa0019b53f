/* The virtual file system switch: what every file system gives the rest of
 * the kernel, so that open, read, mkdir, rename... work the same on the
 * RAM file system (fs/inode.c) and on a disk (fs/ext2/).
 *
 * A file system is a super_block (one mounted instance: its root, its
 * device, its operations) and inodes whose `op` table says how to look up
 * a name, create one, read bytes...  The system calls never look inside an
 * inode of a particular kind; they call the functions of fs/inode.h, which
 * call through the table (fs/vfs.c).  This is "everything is a file" one
 * level down: the fd layer has file_ops (fs/file.h), the name layer has
 * inode_operations. */
#ifndef FS_VFS_H
#define FS_VFS_H

#include <minnow/types.h>

struct inode;
struct super_block;
struct mount;

/* What an inode of a file system can do.  Directory operations get a
 * directory; a NULL entry means the file system cannot (EPERM, or ENODEV
 * for get_page).  Names are never "." or ".." (fs/vfs.c answers those). */
struct inode_operations {
    /* the inode named name in dir, with a reference; -ENOENT if none */
    int (*lookup)(struct inode *dir, const char *name, struct inode **out);
    /* a new inode (a file, directory, device, fifo, socket or link) under a
     * new name; *out with a reference */
    int (*create)(struct inode *dir, const char *name, mode_t mode, dev_t rdev,
                  struct inode **out);
    int (*link)(struct inode *dir, const char *name, struct inode *ino);
    int (*unlink)(struct inode *dir, const char *name);     /* a file's name, or an empty directory */
    int (*rename)(struct inode *olddir, const char *oldname, struct inode *newdir,
                  const char *newname);
    /* the entry at position *pos or the first after it (getdents): 1, or
     * 0 at the end, or -EIO.  *pos becomes its position; positions only grow. */
    int (*readdir)(struct inode *dir, long *pos, char name[256], ino_t *ino, mode_t *type);
    int (*is_empty)(struct inode *dir);

    long (*read)(struct inode *ino, void *buf, uint32_t off, uint32_t n);
    long (*write)(struct inode *ino, const void *buf, uint32_t off, uint32_t n);
    int (*truncate)(struct inode *ino, uint32_t size);
    void *(*get_page)(struct inode *ino, uint32_t index);  /* mmap: the page, made if needed */
    void *(*find_page)(struct inode *ino, uint32_t index); /* ...or NULL if it is not there */
    int (*fsync)(struct inode *ino);                        /* its data and itself to the disk */
};

/* What statfs reports, in the file system's own block size. */
struct statfs64_info {
    uint32_t type;               /* Linux's magic: RAMFS_MAGIC, EXT2_SUPER_MAGIC... */
    uint32_t block_size;
    uint64_t blocks, free_blocks, avail_blocks;
    uint64_t files, free_files;
    uint32_t name_max;
};

struct super_operations {
    /* the last reference to ino is gone: forget it (and free it, if no
     * name is left).  Returns an inode whose reference ino held (a
     * directory's parent), for the caller to put next, or NULL. */
    struct inode *(*evict)(struct inode *ino);
    void (*dirty_inode)(struct inode *ino);         /* its attributes changed (chmod, utimes) */
    int (*sync)(struct super_block *sb);            /* everything to the disk */
    int (*statfs)(struct super_block *sb, struct statfs64_info *st);
    /* umount: nothing of it is used any more; give back all it holds */
    void (*kill)(struct super_block *sb);
    /* for umount: are inodes of it held in ways the process tables do not
     * show (an AF_UNIX socket's name...)?  NULL: never */
    int (*busy)(struct super_block *sb);
};

#define SB_RDONLY 1              /* mounted read-only (MS_RDONLY) */
#define SB_PAGE_COPIES 2         /* its files' pages for mmap are copies of the disk's
                                    blocks: no shared writable mapping (mm/mmap.c) */

struct super_block {
    const char *type;            /* "ramfs", "ext2": what /proc/mounts says */
    const struct super_operations *op;
    dev_t dev;                   /* st_dev of its files */
    int flags;                   /* SB_RDONLY, SB_PAGE_COPIES */
    struct inode *root;          /* held while mounted */
    struct mount *mount;         /* where it is mounted */
    int active;                  /* inodes of it with references: umount waits for 1 */
    void *private;               /* the file system's own (ext2: its superblock in memory) */
};

/* One mounted file system: the mount table is a list of these, oldest
 * first, and /proc/mounts shows it. */
struct mount {
    struct super_block *sb;
    struct inode *mountpoint;    /* the directory it covers (held); NULL for "/" */
    char *source, *target;       /* "/dev/hda", "/home": for /proc/mounts */
    struct mount *next;
};

/* The mount table, for /proc/mounts: calls fn for each mount, oldest first. */
void for_each_mount(void (*fn)(struct mount *m, void *arg), void *arg);

/* A directory something is mounted on is replaced, on the way through a
 * path, by the root of what is mounted there (both with references: the
 * old one is put). */
struct inode *cross_mounts(struct inode *ino);

/* Registers a kind of file system for mount(2): fill_super reads the
 * device (or makes an empty tree) and fills sb; 0 or -errno. */
struct file_system_type {
    const char *name;
    int needs_device;
    int (*fill_super)(struct super_block *sb, const char *source, int flags);
    struct file_system_type *next;
};
void register_filesystem(struct file_system_type *fs);
/* Is a file system of device dev mounted? (A loop device keeps its file.) */
int dev_is_mounted(dev_t dev);

void vfs_init(void);
/* At power-off: unmount what can be, flush the rest. */
void umount_all(void);

#endif
