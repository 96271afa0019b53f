/* Character devices: /dev/null, /dev/zero, and the console (also called
 * /dev/tty).  Each is just another set of file operations, so a program
 * reads and writes them like any file. */
#include <string.h>
#include <minnow/errno.h>
#include "fs/dev.h"
#include "fs/inode.h"
#include "drv/tty.h"

static ssize_t null_read(struct file *f, char *buf, size_t n, off_t *pos)
{
    (void)f, (void)buf, (void)n, (void)pos;
    return 0;                        /* always at end of file */
}

static ssize_t null_write(struct file *f, const char *buf, size_t n, off_t *pos)
{
    (void)f, (void)buf, (void)pos;
    return n;                        /* swallows everything */
}

static ssize_t zero_read(struct file *f, char *buf, size_t n, off_t *pos)
{
    (void)f, (void)pos;
    memset(buf, 0, n);
    return n;
}

static off_t dev_lseek(struct file *f, off_t off, int whence)
{
    (void)f, (void)off, (void)whence;
    return 0;
}

static const struct file_ops null_ops = { .read = null_read, .write = null_write, .lseek = dev_lseek };
static const struct file_ops zero_ops = { .read = zero_read, .write = null_write, .lseek = dev_lseek };

const struct file_ops *dev_file_ops(dev_t rdev)
{
    switch (rdev) {
    case DEV_NULL:    return &null_ops;
    case DEV_ZERO:    return &zero_ops;
    case DEV_TTY:
    case DEV_CONSOLE: return &tty_ops;
    default:          return NULL;
    }
}

static void make_node(struct inode *dir, const char *name, dev_t rdev)
{
    if (ramfs_find(dir, name))
        return;
    struct inode *ino = inode_alloc(S_IFCHR | 0666);
    if (!ino)
        return;
    ino->rdev = rdev;
    ramfs_add(dir, name, ino);
    inode_put(ino);
}

void dev_init(void)
{
    struct inode *dev = ramfs_find(root_inode, "dev");

    if (!dev) {
        dev = inode_alloc(S_IFDIR | 0755);
        ramfs_add(root_inode, "dev", dev);
        inode_put(dev);
    }
    make_node(dev, "null", DEV_NULL);
    make_node(dev, "zero", DEV_ZERO);
    make_node(dev, "tty", DEV_TTY);
    make_node(dev, "console", DEV_CONSOLE);
}
