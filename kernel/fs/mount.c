/* Mounting: the one tree of names that every path starts from is made of
 * several file systems.  "/" is the RAM file system filled from the
 * initrd; `mount /dev/hda /home` puts the root of the disk's ext2 file
 * system where /home was, so that /home/user/notes is on the disk.
 *
 * The mount table is a list, oldest first.  A directory with something
 * mounted on it has ino->mounted set, and the path walk (fs/namei.c) goes
 * from it into the mounted root (cross_mounts); ".." at that root goes
 * back out (fs/vfs.c).  umount refuses while anything of the file system
 * is in use: a process's working directory, an open file, a mapped
 * program. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include <minnow/mount.h>
#include "syscall_protos.h"
#include "fs/file.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "mm/kmalloc.h"
#include "mm/uaccess.h"
#include "mm/vma.h"
#include "proc/task.h"

static struct mount *mounts;             /* the mount table, oldest first */
static dev_t next_anonymous_dev = 2;     /* "/" is 0:1 */
static struct file_system_type *filesystems;

void register_filesystem(struct file_system_type *fs)
{
    fs->next = filesystems;
    filesystems = fs;
}

static struct file_system_type *find_filesystem(const char *name)
{
    for (struct file_system_type *fs = filesystems; fs; fs = fs->next)
        if (strcmp(fs->name, name) == 0)
            return fs;
    return NULL;
}

int dev_is_mounted(dev_t dev)
{
    for (struct mount *m = mounts; m; m = m->next)
        if (m->sb->dev == dev)
            return 1;
    return 0;
}

void for_each_mount(void (*fn)(struct mount *m, void *arg), void *arg)
{
    for (struct mount *m = mounts; m; m = m->next)
        fn(m, arg);
}

static char *kstrdup(const char *s)
{
    char *d = kmalloc(strlen(s) + 1);
    if (d)
        strcpy(d, s);
    return d;
}

static void add_mount(struct mount *m)
{
    struct mount **mp = &mounts;

    while (*mp)
        mp = &(*mp)->next;
    *mp = m;
}

static void free_mount(struct mount *m)
{
    kfree(m->source);
    kfree(m->target);
    kfree(m);
}

/* A mount that names sb, mounted on mountpoint (NULL: the root). */
static struct mount *new_mount(struct super_block *sb, struct inode *mountpoint,
                               const char *source, const char *target)
{
    struct mount *m = kmalloc(sizeof(*m));

    if (!m)
        return NULL;
    memset(m, 0, sizeof(*m));
    m->sb = sb;
    m->mountpoint = mountpoint;
    m->source = kstrdup(source);
    m->target = kstrdup(target);
    if (!m->source || !m->target) {
        free_mount(m);
        return NULL;
    }
    sb->mount = m;
    return m;
}

void vfs_init(void)
{
    ramfs_init();
    register_filesystem(&ramfs_type);
    struct mount *root = new_mount(root_inode->sb, NULL, "rootfs", "/");
    if (root)
        add_mount(root);
}

/* ---------------------------------------------------------------- mount */

/* A disk may be mounted once: two file systems caching the same blocks
 * would each overwrite what the other wrote.  (The type's fill_super
 * then checks that source is a disk at all.) */
static long device_free(const char *source)
{
    struct inode *ino;

    if (namei(source, &ino) < 0)
        return 0;                /* fill_super says what is wrong */
    int busy = S_ISBLK(ino->mode) && dev_is_mounted(ino->rdev);
    inode_put(ino);
    return busy ? -EBUSY : 0;
}

/* The file system of type fstype from source, mounted on dir. */
static long do_mount(const char *source, struct inode *dir, const char *target,
                     const char *fstype, unsigned long flags)
{
    struct file_system_type *fs = find_filesystem(fstype);
    struct super_block *sb;
    long err;

    if (!fs)
        return -ENODEV;          /* Linux's answer for a type it does not know */
    if (!S_ISDIR(dir->mode))
        return -ENOTDIR;
    /* The walk to target went into what is mounted there already: dir is
     * then a root.  One file system a directory (Linux would stack them). */
    if (dir->mounted || dir == dir->sb->root)
        return -EBUSY;
    if (fs->needs_device && (err = device_free(source)) < 0)
        return err;
    if (!(sb = kmalloc(sizeof(*sb))))
        return -ENOMEM;
    memset(sb, 0, sizeof(*sb));
    sb->type = fs->name;
    sb->dev = next_anonymous_dev++;      /* 0:N, as Linux numbers a device-less one */
    sb->flags = flags & MS_RDONLY ? SB_RDONLY : 0;
    if ((err = fs->fill_super(sb, source, sb->flags)) < 0) {
        kfree(sb);
        return err;
    }
    struct mount *m = new_mount(sb, inode_get(dir), source, target);
    if (!m) {
        inode_put(dir);
        sb->op->kill(sb);
        kfree(sb);
        return -ENOMEM;
    }
    dir->mounted = m;
    add_mount(m);
    return 0;
}

/* The strings of mount(2), copied in: source may be NULL (ramfs). */
struct mount_names {
    char *source, *target, *fstype;
};

static void put_names(struct mount_names *n)
{
    if (n->source)
        putname(n->source);
    if (n->target)
        putname(n->target);
    if (n->fstype)
        putname(n->fstype);
}

static long get_names(struct mount_names *n, const char *usource, const char *utarget,
                      const char *ufstype)
{
    long err = 0;

    memset(n, 0, sizeof(*n));
    if ((err = getname(utarget, &n->target)) < 0 || (err = getname(ufstype, &n->fstype)) < 0)
        return err;
    return usource ? getname(usource, &n->source) : 0;
}

/* mount(source, target, fstype, flags, data): data (options) is not used. */
long sys_mount(const char *usource, const char *utarget, const char *ufstype,
               unsigned long flags, const void *data)
{
    struct mount_names n;
    struct inode *dir;

    (void)data;
    if (flags & ~MS_RDONLY)
        return -EINVAL;          /* remount, bind, move...: not in Minnow */
    long err = get_names(&n, usource, utarget, ufstype);
    if (err == 0 && (err = namei(n.target, &dir)) == 0) {
        err = do_mount(n.source ? n.source : "none", dir, n.target, n.fstype, flags);
        inode_put(dir);
    }
    put_names(&n);
    return err;
}

/* ---------------------------------------------------------------- umount */

/* Does a process use a file of sb: as its working directory, an open
 * file, or a mapped one (its program, too)? */
static int task_uses(struct task_struct *t, struct super_block *sb)
{
    if (t->cwd && t->cwd->sb == sb)
        return 1;
    for (int fd = 0; fd < NR_OPEN; fd++)
        if (t->files[fd] && t->files[fd]->inode && t->files[fd]->inode->sb == sb)
            return 1;
    for (struct vm_area_struct *v = t->mm.mmap; v; v = v->vm_next)
        if (v->vm_file && v->vm_file->sb == sb)
            return 1;
    return t->mm.exe_file && t->mm.exe_file->sb == sb;
}

static int is_busy(struct mount *m)
{
    for (struct mount *other = mounts; other; other = other->next)
        if (other->mountpoint && other->mountpoint->sb == m->sb)
            return 1;            /* something is mounted inside it */
    for (int i = 0; i < NR_TASKS; i++)
        if (tasks[i].state != TASK_UNUSED && task_uses(&tasks[i], m->sb))
            return 1;
    return m->sb->op->busy && m->sb->op->busy(m->sb);
}

static long do_umount(struct mount *m)
{
    if (!m->mountpoint)
        return -EBUSY;           /* "/" stays */
    if (is_busy(m))
        return -EBUSY;
    struct super_block *sb = m->sb;
    if (sb->op->sync)
        sb->op->sync(sb);        /* what is still in memory goes to the disk first */
    struct mount **mp = &mounts;
    while (*mp != m)
        mp = &(*mp)->next;
    *mp = m->next;
    m->mountpoint->mounted = NULL;
    inode_put(m->mountpoint);
    sb->op->kill(sb);            /* gives back the root and all the rest */
    kfree(sb);
    free_mount(m);
    return 0;
}

/* umount2(target, flags): target is the mount point (the root of what is
 * mounted there, as the walk finds it). */
long sys_umount2(const char *utarget, int flags)
{
    struct inode *ino;

    if (flags)
        return -EINVAL;          /* MNT_FORCE, MNT_DETACH: not in Minnow */
    long err = user_namei_at(AT_FDCWD, utarget, LOOKUP_FOLLOW, &ino);
    if (err < 0)
        return err;
    struct mount *m = ino == ino->sb->root ? ino->sb->mount : NULL;
    inode_put(ino);
    return m ? do_umount(m) : -EINVAL;   /* not a mount point: Linux's EINVAL */
}

/* At power-off: every file system but "/", newest first, flushed. */
void umount_all(void)
{
    for (;;) {
        struct mount *last = NULL;
        for (struct mount *m = mounts; m; m = m->next)
            if (m->mountpoint)
                last = m;
        if (!last || do_umount(last) < 0)
            break;
    }
    for (struct mount *m = mounts; m; m = m->next)
        if (m->sb->op->sync)
            m->sb->op->sync(m->sb);      /* what could not be unmounted is at least flushed */
}
