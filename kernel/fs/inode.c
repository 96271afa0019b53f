/* The RAM file system: a tree of inodes in kernel memory.
 *
 * A regular file keeps its bytes in whole pages, allocated as it grows;
 * a directory keeps a list of (name, inode) entries.  An inode lives as
 * long as a directory entry names it (nlink) or someone uses it (count):
 * that is why a file unlinked while open stays readable until closed. */
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

struct inode *root_inode;
static ino_t next_ino = 1;

struct inode *inode_alloc(mode_t mode)
{
    struct inode *ino = kmalloc(sizeof(*ino));

    if (!ino)
        return NULL;
    ino->ino = next_ino++;
    ino->mode = mode;
    ino->count = 1;
    ino->atime = ino->mtime = ino->ctime = current_time();
    return ino;
}

void ramfs_init(void)
{
    root_inode = inode_alloc(S_IFDIR | 0755);
    root_inode->nlink = 2;       /* never freed: "/" names itself */
    root_inode->parent = inode_get(root_inode);
}

struct inode *inode_get(struct inode *ino)
{
    if (ino)
        ino->count++;
    return ino;
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

/* Frees an inode nobody names or uses; returns its parent directory,
 * whose reference it held.  (Nobody maps it either: a mapping holds a
 * reference, so there is nothing to unmap.) */
static struct inode *free_inode(struct inode *ino)
{
    struct inode *parent = ino->parent;

    drop_pages(ino, 0);
    kfree(ino->pages);
    kfree(ino);                      /* a directory is empty by now (rmdir) */
    return parent;
}

void inode_put(struct inode *ino)
{
    /* A loop, not recursion: freeing a removed directory drops its hold on
     * its parent, which may be a removed directory too, and so on up a
     * chain as long as a user cares to build -- the kernel stack could not
     * take that as recursion. */
    while (ino && --ino->count == 0 && ino->nlink == 0)
        ino = free_inode(ino);
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

long inode_read(struct inode *ino, void *buf, uint32_t off, uint32_t n)
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
    ino->atime = current_time();
    return n;
}

/* Writes as much as memory allows: a short count if pages ran out part way
 * (the bytes before stay written), -ENOSPC if not a single byte fit. */
long inode_write(struct inode *ino, const void *buf, uint32_t off, uint32_t n)
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
void *inode_find_page(struct inode *ino, uint32_t index)
{
    return index < ino->nr_slots ? ino->pages[index] : NULL;
}

void *inode_page(struct inode *ino, uint32_t index)
{
    if (index >= MAX_FILE_SIZE / PAGE_SIZE || grow_slots(ino, index + 1) < 0)
        return NULL;
    if (!ino->pages[index] && nr_free_pages() > RESERVED_PAGES)
        ino->pages[index] = alloc_page();
    return ino->pages[index];
}

int inode_truncate(struct inode *ino, uint32_t size)
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

struct inode *dir_lookup(struct inode *dir, const char *name)
{
    if (dir->proc)
        proc_refresh(dir);           /* /proc lists the processes of now */
    if (strcmp(name, ".") == 0)
        return dir;
    if (strcmp(name, "..") == 0)
        return dir->parent;
    for (struct dentry *d = dir->entries; d; d = d->next)
        if (strcmp(d->name, name) == 0)
            return d->inode;
    return NULL;
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

int dir_add(struct inode *dir, const char *name, struct inode *ino)
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

int dir_create(struct inode *dir, const char *name, mode_t mode, struct inode **out)
{
    if (dir_lookup(dir, name))
        return -EEXIST;
    struct inode *ino = inode_alloc(mode);
    if (!ino)
        return -ENOSPC;
    int err = dir_add(dir, name, ino);
    if (err < 0) {
        inode_put(ino);              /* nameless: freed */
        return err;
    }
    *out = ino;
    return 0;
}

int dir_remove(struct inode *dir, const char *name)
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

int dir_is_empty(struct inode *dir)
{
    return dir->entries == NULL;
}

/* The first entry at position pos or later, for getdents. */
struct dentry *dir_entry_from(struct inode *dir, long pos)
{
    if (dir->proc)
        proc_refresh(dir);
    struct dentry *d = dir->entries;

    while (d && d->pos < pos)
        d = d->next;
    return d;
}

/* The name under which dir lists child, for getcwd. */
const char *dir_name_of(struct inode *dir, struct inode *child)
{
    for (struct dentry *d = dir->entries; d; d = d->next)
        if (d->inode == child)
            return d->name;
    return NULL;
}

/* Minnow has one user; it checks the owner's bits for everyone (no root
 * override), so `chmod 000 f` really makes f unreadable. */
int inode_permission(struct inode *ino, int mask)
{
    int bits = (ino->mode >> 6) & 7;

    return (bits & mask) == mask ? 0 : -EACCES;
}

/* rename: moves the entry (olddir, oldname) to (newdir, newname),
 * replacing what was there.  The new entry is made first, so running out
 * of memory changes nothing. */
int dir_rename(struct inode *olddir, const char *oldname, struct inode *newdir,
               const char *newname)
{
    struct inode *ino = dir_lookup(olddir, oldname);
    struct dentry *d = kmalloc(sizeof(*d) + strlen(newname) + 1);

    if (!d)
        return -ENOSPC;
    inode_get(ino);                          /* alive across the removals */
    if (dir_lookup(newdir, newname))
        dir_remove(newdir, newname);
    dir_remove(olddir, oldname);
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
