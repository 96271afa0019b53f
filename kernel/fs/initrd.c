/* Unpacking the initrd: a cpio archive in the "newc" format (what Linux
 * uses), built by the Makefile with the cpio tool and loaded by the boot
 * loader as a multiboot module.  Each entry is a 110-byte ASCII header,
 * the path, then the file's bytes; both padded to 4 bytes. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/stat.h>
#include "fs/initrd.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "lib/printk.h"

struct cpio_header {             /* every field is 8 hex digits */
    char magic[6];               /* "070701" */
    char ino[8], mode[8], uid[8], gid[8], nlink[8], mtime[8], filesize[8];
    char devmajor[8], devminor[8], rdevmajor[8], rdevminor[8], namesize[8], check[8];
};

static uint32_t hex(const char *s)
{
    uint32_t v = 0;

    for (int i = 0; i < 8; i++) {
        char c = s[i];
        v = v * 16 + (c >= 'a' ? c - 'a' + 10 : c >= 'A' ? c - 'A' + 10 : c - '0');
    }
    return v;
}

static uint32_t align4(uint32_t n)
{
    return (n + 3) & ~3u;
}

/* Creates one entry: a directory, a regular file or a symbolic link (its
 * data is the target); other kinds are skipped. */
static int add_entry(const char *path, uint32_t mode, const char *data, uint32_t size,
                     uint32_t mtime)
{
    char name[NAME_MAX + 1];
    struct inode *dir, *ino;
    int err = namei_parent(path, &dir, name);

    if (err < 0)
        return err;
    ino = ramfs_find(dir, name);
    if (!ino) {
        if (!S_ISDIR(mode) && !S_ISREG(mode) && !S_ISLNK(mode)) {
            inode_put(dir);
            return 0;
        }
        ino = inode_alloc(mode);
        if (!ino || ramfs_add(dir, name, ino) < 0) {
            inode_put(ino);                  /* NULL, or nameless: freed */
            inode_put(dir);
            return -ENOMEM;
        }
        inode_put(ino);                      /* the directory entry holds it */
    }
    inode_put(dir);
    ino->mode = mode;
    if (!S_ISDIR(mode) && size && inode_write(ino, data, 0, size) != (long)size)
        return -ENOMEM;
    ino->mtime = ino->ctime = mtime;
    return 0;
}

int initrd_unpack(const char *data, uint32_t size)
{
    uint32_t off = 0;
    int count = 0;

    while (off + sizeof(struct cpio_header) <= size) {
        const struct cpio_header *h = (const void *)(data + off);
        if (memcmp(h->magic, "070701", 6) != 0)
            return -EINVAL;
        uint32_t namesize = hex(h->namesize), filesize = hex(h->filesize);
        const char *path = data + off + sizeof(*h);
        uint32_t body = align4(off + sizeof(*h) + namesize);
        if (body + filesize > size || path[namesize - 1] != '\0')
            return -EINVAL;
        if (strcmp(path, "TRAILER!!!") == 0)
            return count;
        while (path[0] == '.' && path[1] == '/')
            path += 2;
        if (strcmp(path, ".") != 0 && path[0]) {
            static char abs[PATH_MAX];       /* boot only: not on the stack */
            abs[0] = '/';
            strlcpy(abs + 1, path, sizeof(abs) - 1);
            int err = add_entry(abs, hex(h->mode), data + body, filesize, hex(h->mtime));
            if (err < 0)
                printk("initrd: %s: error %d\n", path, err);
            count++;
        }
        off = align4(body + filesize);
    }
    return -EINVAL;                          /* no trailer */
}
