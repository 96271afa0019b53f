/* The RAM file system: a tree of inodes in kernel memory.
 *
 * A regular file keeps its bytes in whole pages, allocated as it grows;
 * a directory keeps a list of (name, inode) entries.  An inode lives as
 * long as a directory entry names it (nlink) or someone uses it (count):
 * that is why a file unlinked while open stays readable until closed.
 *
 * It is one file system behind the VFS (fs/vfs.h): the functions here are
 * its inode operations, and ramfs_ops lists them at the end.  The root
 * file system is one (filled from the initrd); `mount -t ramfs` makes more. */
#include <string.h>
#include <minnow/errno.h>
#include "fs/inode.h"
#include "fs/proc/proc.h"
#include "mm/kmalloc.h"
#include "mm/page_alloc.h"
#include "mm/memlayout.h"
#include "mm/vma.h"
#include "drv/rtc.h"

/* Files may not take the last pages: the kernel needs a few to go on
 * working (to unlink the file that filled the memory, for one). */
#define RESERVED_PAGES 64

static const struct inode_operations ramfs_ops;
static const struct super_operations ramfs_super_ops;

struct inode *root_inode;
static ino_t next_ino = 1;
static struct super_block root_sb = { .type = "rootfs", .op = &ramfs_super_ops, .dev = 1 };

static struct inode *new_inode(struct super_block *sb, mode_t mode)
{
    struct inode *ino = kmalloc(sizeof(*ino));

    if (!ino)
        return NULL;
    ino->ino = next_ino++;
    ino->mode = mode;
    ino->count = 1;
    ino->atime = ino->mtime = ino->ctime = current_time();
    ino->sb = sb;
    ino->op = &ramfs_ops;
    return ino;
}

struct inode *inode_alloc(mode_t mode)
{
    return new_inode(&root_sb, mode);
}

/* A directory that is its own parent: the root of a RAM file system.
 * (Its own ".." holds no reference: that would keep it alive forever.) */
static struct inode *new_root(struct super_block *sb)
{
    struct inode *root = new_inode(sb, S_IFDIR | 0755);

    if (root) {
        root->nlink = 2;             /* "/" names itself */
        root->parent = root;
    }
    return root;
}

void ramfs_init(void)
{
    root_inode = new_root(&root_sb);
    root_sb.root = root_inode;
}

/* Gives back the pages of a file from page `first` on. */
static void drop_pages(struct inode *ino, uint32_t first)
{
    for (uint32_t p = first; p < ino->nr_slots; p++) {
        if (ino->pages[p])
            free_page(ino->pages[p]);
        ino->pages[p] = NULL;
    }
}

/* Nobody uses ino any more.  If nobody names it either, it is freed, and
 * its parent directory, whose reference it held, is returned for the VFS
 * to put.  (Nobody maps it: a mapping holds a reference, so there is
 * nothing to unmap.) */
static struct inode *ramfs_evict(struct inode *ino)
{
    if (ino->nlink > 0)
        return NULL;                 /* named: it stays, in memory, as the file */
    struct inode *parent = ino->parent;
    if (parent == ino)
        parent = NULL;               /* a root lets go of itself */
    drop_pages(ino, 0);
    kfree(ino->pages);
    kfree(ino);                      /* a directory is empty by now (rmdir) */
    return parent;
}

/* ---------------------------------------------------------------- file data */

/* Makes room for `slots` page pointers. */
static int grow_slots(struct inode *ino, uint32_t slots)
{
    if (slots <= ino->nr_slots)
        return 0;
    uint32_t n = ino->nr_slots ? ino->nr_slots : 4;
    while (n < slots)
        n *= 2;
    /* the table of a big file is pages too: leave the kernel its reserve */
    if (nr_free_pages() <= RESERVED_PAGES + n * sizeof(char *) / PAGE_SIZE + 1)
        return -ENOSPC;
    char **pages = kmalloc(n * sizeof(char *));
    if (!pages)
        return -ENOSPC;
    if (ino->pages)
        memcpy(pages, ino->pages, ino->nr_slots * sizeof(char *));
    kfree(ino->pages);
    ino->pages = pages;
    ino->nr_slots = n;
    return 0;
}

static long ramfs_read(struct inode *ino, void *buf, uint32_t off, uint32_t n)
{
    char *dst = buf;

    if (off >= ino->size)
        return 0;
    if (n > ino->size - off)
        n = ino->size - off;
    for (uint32_t done = 0; done < n;) {
        uint32_t page = (off + done) / PAGE_SIZE, in = (off + done) % PAGE_SIZE;
        uint32_t chunk = PAGE_SIZE - in < n - done ? PAGE_SIZE - in : n - done;
        if (ino->pages[page])
            memcpy(dst + done, ino->pages[page] + in, chunk);
        else
            memset(dst + done, 0, chunk);          /* a hole reads as zeros */
        done += chunk;
    }
    if (atime_needs_update(ino, current_time()))
        ino->atime = current_time();
    return n;
}

/* Writes as much as memory allows: a short count if pages ran out part way
 * (the bytes before stay written), -ENOSPC if not a single byte fit. */
static long ramfs_write(struct inode *ino, const void *buf, uint32_t off, uint32_t n)
{
    const char *src = buf;
    uint32_t done = 0;

    if (off >= MAX_FILE_SIZE || n > MAX_FILE_SIZE - off)
        return -EFBIG;
    if (grow_slots(ino, (off + n + PAGE_SIZE - 1) / PAGE_SIZE) < 0)
        return -ENOSPC;
    while (done < n) {
        uint32_t page = (off + done) / PAGE_SIZE, in = (off + done) % PAGE_SIZE;
        uint32_t chunk = PAGE_SIZE - in < n - done ? PAGE_SIZE - in : n - done;
        if (!ino->pages[page]) {
            if (nr_free_pages() <= RESERVED_PAGES)
                break;                       /* the file system is full */
            if (!(ino->pages[page] = alloc_page()))
                break;
        }
        memcpy(ino->pages[page] + in, src + done, chunk);
        done += chunk;
    }
    if (done && off + done > ino->size)
        ino->size = off + done;
    if (done)
        ino->mtime = ino->ctime = current_time();
    return done ? (long)done : -ENOSPC;
}

/* The page that holds bytes [index * PAGE_SIZE, ...) of a regular file,
 * for mmap: a hole gets a page of zeroes now.  NULL if memory is out.  The
 * file keeps its reference; a mapping takes its own (get_page), so a page
 * the file lets go of (truncate, unlink) lives on while it is mapped. */
static void *ramfs_find_page(struct inode *ino, uint32_t index)
{
    return index < ino->nr_slots ? ino->pages[index] : NULL;
}

static void *ramfs_get_page(struct inode *ino, uint32_t index)
{
    if (index >= MAX_FILE_SIZE / PAGE_SIZE || grow_slots(ino, index + 1) < 0)
        return NULL;
    if (!ino->pages[index] && nr_free_pages() > RESERVED_PAGES)
        ino->pages[index] = alloc_page();
    return ino->pages[index];
}

static int ramfs_truncate(struct inode *ino, uint32_t size)
{
    if (size > MAX_FILE_SIZE)
        return -EFBIG;
    if (size > ino->size) {                  /* growing: a hole up to size */
        if (grow_slots(ino, (size + PAGE_SIZE - 1) / PAGE_SIZE) < 0)
            return -ENOSPC;
    } else {
        unmap_file_pages(ino, (size + PAGE_SIZE - 1) / PAGE_SIZE);
        drop_pages(ino, (size + PAGE_SIZE - 1) / PAGE_SIZE);
        uint32_t in = size % PAGE_SIZE;      /* zero the tail of the last page */
        if (in && ino->pages[size / PAGE_SIZE])
            memset(ino->pages[size / PAGE_SIZE] + in, 0, PAGE_SIZE - in);
    }
    ino->size = size;
    ino->mtime = ino->ctime = current_time();
    return 0;
}

/* ---------------------------------------------------------------- directories */

struct inode *ramfs_find(struct inode *dir, const char *name)
{
    if (dir->proc)
        proc_refresh(dir);           /* /proc lists the processes of now */
    for (struct dentry *d = dir->entries; d; d = d->next)
        if (strcmp(d->name, name) == 0)
            return d->inode;
    return NULL;
}

static int ramfs_lookup(struct inode *dir, const char *name, struct inode **out)
{
    struct inode *ino = ramfs_find(dir, name);

    if (!ino)
        return -ENOENT;
    *out = inode_get(ino);
    return 0;
}

/* Appends d to dir's entries, with the next position number ("." and
 * ".." are positions 0 and 1). */
static void append_entry(struct inode *dir, struct dentry *d)
{
    struct dentry **dp = &dir->entries;

    while (*dp)
        dp = &(*dp)->next;
    d->next = NULL;
    d->pos = dir->next_pos < 2 ? 2 : dir->next_pos;
    dir->next_pos = d->pos + 1;
    *dp = d;
}

int ramfs_add(struct inode *dir, const char *name, struct inode *ino)
{
    if (nr_free_pages() <= RESERVED_PAGES)
        return -ENOSPC;              /* so many names would eat the reserve too */
    struct dentry *d = kmalloc(sizeof(*d) + strlen(name) + 1);

    if (!d)
        return -ENOSPC;
    strcpy(d->name, name);
    d->inode = ino;
    append_entry(dir, d);
    ino->nlink++;
    if (S_ISDIR(ino->mode)) {
        ino->parent = inode_get(dir);
        ino->nlink++;                        /* its own "." */
        dir->nlink++;                        /* its ".." */
    }
    dir->mtime = dir->ctime = current_time();
    return 0;
}

static int ramfs_create(struct inode *dir, const char *name, mode_t mode, dev_t rdev,
                        struct inode **out)
{
    struct inode *ino = new_inode(dir->sb, mode);

    if (!ino)
        return -ENOSPC;
    ino->rdev = rdev;
    int err = ramfs_add(dir, name, ino);
    if (err < 0) {
        inode_put(ino);              /* nameless: freed */
        return err;
    }
    *out = ino;
    return 0;
}

int ramfs_remove(struct inode *dir, const char *name)
{
    struct dentry **dp = &dir->entries;

    while (*dp && strcmp((*dp)->name, name) != 0)
        dp = &(*dp)->next;
    if (!*dp)
        return -ENOENT;
    struct dentry *d = *dp;
    struct inode *ino = d->inode;
    *dp = d->next;
    kfree(d);
    ino->nlink--;
    if (S_ISDIR(ino->mode)) {
        ino->nlink--;
        dir->nlink--;
    }
    ino->ctime = dir->mtime = dir->ctime = current_time();
    /* the entry held no reference of its own: free it if nobody uses it */
    inode_put(inode_get(ino));
    return 0;
}

static int ramfs_is_empty(struct inode *dir)
{
    return dir->entries == NULL;
}

/* The first entry at position pos or later, for getdents. */
static int ramfs_readdir(struct inode *dir, long *pos, char name[NAME_MAX + 1], ino_t *ino,
                         mode_t *type)
{
    if (dir->proc)
        proc_refresh(dir);
    struct dentry *d = dir->entries;

    while (d && d->pos < *pos)
        d = d->next;
    if (!d)
        return 0;
    *pos = d->pos;
    strcpy(name, d->name);
    *ino = d->inode->ino;
    *type = d->inode->mode & S_IFMT;
    return 1;
}

/* rename: moves the entry (olddir, oldname) to (newdir, newname),
 * replacing what was there.  The new entry is made first, so running out
 * of memory changes nothing. */
static int ramfs_rename(struct inode *olddir, const char *oldname, struct inode *newdir,
                        const char *newname)
{
    struct inode *ino = ramfs_find(olddir, oldname);
    struct dentry *d = kmalloc(sizeof(*d) + strlen(newname) + 1);

    if (!d)
        return -ENOSPC;
    inode_get(ino);                          /* alive across the removals */
    if (ramfs_find(newdir, newname))
        ramfs_remove(newdir, newname);
    ramfs_remove(olddir, oldname);
    strcpy(d->name, newname);
    d->inode = ino;
    append_entry(newdir, d);
    ino->nlink++;
    if (S_ISDIR(ino->mode)) {               /* ".." now points at newdir */
        ino->nlink++;
        newdir->nlink++;
        struct inode *old_parent = ino->parent;
        ino->parent = inode_get(newdir);
        inode_put(old_parent);
    }
    newdir->mtime = newdir->ctime = current_time();
    inode_put(ino);
    return 0;
}

/* ---------------------------------------------------------------- the file system */

static int ramfs_statfs(struct super_block *sb, struct statfs64_info *st)
{
    (void)sb;
    st->type = 0x858458f6;                   /* Linux's RAMFS_MAGIC */
    st->block_size = PAGE_SIZE;
    st->blocks = st->free_blocks = st->avail_blocks =
        nr_free_pages() > RESERVED_PAGES ? nr_free_pages() - RESERVED_PAGES : 0;
    st->name_max = NAME_MAX;
    return 0;
}

/* umount: every name goes, deepest first, and with the names the inodes
 * (nobody uses any: umount checked).  A loop with the tree as its stack:
 * a user may have made the tree deeper than the kernel stack is. */
static void ramfs_kill(struct super_block *sb)
{
    struct inode *dir = sb->root;

    for (;;) {
        struct dentry *d = dir->entries;
        if (d && S_ISDIR(d->inode->mode) && d->inode->entries) {
            dir = d->inode;                  /* empty that one first */
        } else if (d) {
            ramfs_remove(dir, d->name);
        } else if (dir != sb->root) {
            struct inode *parent = dir->parent;
            for (d = parent->entries; d->inode != dir; d = d->next)
                ;
            ramfs_remove(parent, d->name);
            dir = parent;
        } else {
            break;
        }
    }
    dir->nlink = 0;
    inode_put(dir);                          /* the mount's reference: the root goes */
}

static int ramfs_fill_super(struct super_block *sb, const char *source, int flags)
{
    (void)source, (void)flags;
    sb->op = &ramfs_super_ops;
    sb->root = new_root(sb);
    return sb->root ? 0 : -ENOMEM;
}

struct file_system_type ramfs_type = { .name = "ramfs", .fill_super = ramfs_fill_super };

static const struct inode_operations ramfs_ops = {
    .lookup = ramfs_lookup,
    .create = ramfs_create,
    .link = ramfs_add,
    .unlink = ramfs_remove,
    .rename = ramfs_rename,
    .readdir = ramfs_readdir,
    .is_empty = ramfs_is_empty,
    .read = ramfs_read,
    .write = ramfs_write,
    .truncate = ramfs_truncate,
    .get_page = ramfs_get_page,
    .find_page = ramfs_find_page,
};

static const struct super_operations ramfs_super_ops = {
    .evict = ramfs_evict,
    .statfs = ramfs_statfs,
    .kill = ramfs_kill,
};
