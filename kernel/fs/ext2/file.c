/* A regular file's bytes: read, write and truncate, block by block
 * through the block map (blockmap.c) and the buffer cache.
 *
 * A read of bytes [off, off + n) takes each block in turn: ext2_get_block
 * says which disk block holds it (0: a hole, which reads as zeroes), and
 * bread brings that block into the cache -- from memory if it is there,
 * else from the disk, while this process sleeps (docs/ext2.md follows
 * one read down to the IDE interrupt).  A write is the same with create:
 * a hole gets a new block first.  Nothing waits for the disk on a write:
 * the buffer is marked dirty and bdflush, sync or fsync writes it.
 *
 * mmap and exec map a file's pages.  The RAM file system hands out its own
 * pages; ext2 has blocks, so it makes a page-sized copy of the file's
 * bytes when a page is first mapped, keeps it while the inode is in
 * memory (every process that maps the file shares it, as a program's text
 * is shared) and keeps it right when write() or truncate() change the
 * file.  A write through a shared mapping would change only the copy, so
 * ext2 refuses writable shared mappings (SB_PAGE_COPIES, mm/mmap.c). */
#include <string.h>
#include <minnow/errno.h>
#include "fs/ext2/ext2.h"
#include "drv/rtc.h"
#include "mm/kmalloc.h"
#include "mm/page_alloc.h"
#include "mm/memlayout.h"
#include "mm/vma.h"
#include "proc/sched.h"

static uint32_t min_u32(uint32_t a, uint32_t b)
{
    return a < b ? a : b;
}

/* ---------------------------------------------------------------- read */

/* Copies bytes [off, off + n) of the file into buf (the caller holds the
 * lock): how many, up to the end of the file, or -EIO if not one could. */
static long read_blocks(struct inode *ino, char *buf, uint32_t off, uint32_t n)
{
    struct ext2_sb_info *sbi = EXT2_ISB(ino);
    uint32_t bs = sbi->block_size, done = 0;

    if (off >= ino->size)
        return 0;
    n = min_u32(n, ino->size - off);
    while (done < n) {
        uint32_t pos = off + done, in = pos % bs, chunk = min_u32(bs - in, n - done), block;
        int err = ext2_get_block(ino, pos / bs, 0, &block);
        if (err < 0)
            return done ? (long)done : err;
        if (block == 0) {
            memset(buf + done, 0, chunk);            /* a hole */
        } else {
            struct buffer_head *bh = ext2_bread(sbi, block);
            if (!bh)
                return done ? (long)done : -EIO;
            memcpy(buf + done, bh->b_data + in, chunk);
            brelse(bh);
        }
        done += chunk;
        cond_resched();                  /* a long read from the cache is a long job */
    }
    return done;
}

/* The access time moves as Linux's "relatime" moves it (vfs.c), so that
 * reading does not write the inode table at every read(). */
static void touch_atime(struct inode *ino)
{
    time_t now = current_time();

    if (atime_needs_update(ino, now)) {
        ino->atime = now;
        ext2_write_inode(ino);
    }
}

long ext2_read(struct inode *ino, void *buf, uint32_t off, uint32_t n)
{
    struct ext2_sb_info *sbi = EXT2_ISB(ino);

    ext2_lock(sbi);
    long done = read_blocks(ino, buf, off, n);
    if (done > 0)
        touch_atime(ino);
    ext2_unlock(sbi);
    return done;
}

/* ---------------------------------------------------------------- pages for mmap */

/* Makes room for `count` page pointers. */
static int grow_pages(struct ext2_inode_info *ei, uint32_t count)
{
    if (count <= ei->nr_pages)
        return 0;
    uint32_t n = ei->nr_pages ? ei->nr_pages : 4;
    while (n < count)
        n *= 2;
    char **pages = kmalloc(n * sizeof(char *));
    if (!pages)
        return -ENOMEM;
    if (ei->pages)
        memcpy(pages, ei->pages, ei->nr_pages * sizeof(char *));
    kfree(ei->pages);
    ei->pages = pages;
    ei->nr_pages = n;
    return 0;
}

/* The page holding bytes [index * PAGE_SIZE, ...) of the file, made from
 * its blocks if it is not in memory yet; NULL if memory is out or the
 * disk cannot be read.  The inode keeps a reference; a mapping takes its
 * own (mm/fault.c). */
static void *ext2_get_page(struct inode *ino, uint32_t index)
{
    struct ext2_inode_info *ei = EXT2_I(ino);
    void *page = NULL;

    if (index >= MAX_FILE_SIZE / PAGE_SIZE)
        return NULL;
    ext2_lock(EXT2_ISB(ino));
    if (grow_pages(ei, index + 1) == 0) {
        if (!ei->pages[index] && (page = alloc_page()) &&
            read_blocks(ino, page, index * PAGE_SIZE, PAGE_SIZE) < 0) {
            free_page(page);
            page = NULL;
        }
        if (!ei->pages[index])
            ei->pages[index] = page;
        page = ei->pages[index];
    }
    ext2_unlock(EXT2_ISB(ino));
    return page;
}

static void *ext2_find_page(struct inode *ino, uint32_t index)
{
    struct ext2_inode_info *ei = EXT2_I(ino);

    return index < ei->nr_pages ? ei->pages[index] : NULL;
}

void ext2_drop_pages(struct inode *ino, uint32_t first)
{
    struct ext2_inode_info *ei = EXT2_I(ino);

    for (uint32_t p = first; p < ei->nr_pages; p++) {
        if (ei->pages[p])
            free_page(ei->pages[p]);
        ei->pages[p] = NULL;
    }
}

/* write() changed bytes [off, off + n): the page copies in memory too. */
static void update_pages(struct inode *ino, const char *buf, uint32_t off, uint32_t n)
{
    struct ext2_inode_info *ei = EXT2_I(ino);

    for (uint32_t done = 0; done < n;) {
        uint32_t pos = off + done, index = pos / PAGE_SIZE, in = pos % PAGE_SIZE;
        uint32_t chunk = min_u32(PAGE_SIZE - in, n - done);
        if (index < ei->nr_pages && ei->pages[index])
            memcpy(ei->pages[index] + in, buf + done, chunk);
        done += chunk;
    }
}

/* ---------------------------------------------------------------- write */

/* The buffer for `chunk` bytes at `in` in the block: a whole block needs
 * nothing read first, a part of one does. */
static struct buffer_head *buffer_for_write(struct ext2_sb_info *sbi, uint32_t block,
                                            uint32_t in, uint32_t chunk)
{
    if (in != 0 || chunk != sbi->block_size)
        return ext2_bread(sbi, block);
    struct buffer_head *bh = getblk(sbi->bdev, block, sbi->block_size);
    if (bh)
        wait_on_buffer(bh);              /* not while someone's read fills it */
    return bh;
}

/* Copies buf into bytes [off, off + n) of the file, giving holes blocks:
 * how many bytes, or -ENOSPC/-EIO if not one could be written. */
static long write_blocks(struct inode *ino, const char *buf, uint32_t off, uint32_t n)
{
    struct ext2_sb_info *sbi = EXT2_ISB(ino);
    uint32_t bs = sbi->block_size, done = 0;
    int err = 0;

    while (done < n) {
        uint32_t pos = off + done, in = pos % bs, chunk = min_u32(bs - in, n - done), block;
        struct buffer_head *bh;
        if ((err = ext2_get_block(ino, pos / bs, 1, &block)) < 0)
            break;
        if (!(bh = buffer_for_write(sbi, block, in, chunk))) {
            err = -EIO;
            break;
        }
        memcpy(bh->b_data + in, buf + done, chunk);
        bh->b_uptodate = 1;
        mark_buffer_dirty(bh);
        brelse(bh);
        done += chunk;
        cond_resched();
    }
    return done ? (long)done : err;
}

/* Writes as much as the disk takes: a short count if it filled up part
 * way (the bytes before stay written), -ENOSPC if not a byte fit. */
long ext2_write(struct inode *ino, const void *buf, uint32_t off, uint32_t n)
{
    struct ext2_sb_info *sbi = EXT2_ISB(ino);

    if (off >= MAX_FILE_SIZE || n > MAX_FILE_SIZE - off)
        return -EFBIG;
    ext2_lock(sbi);
    long done = write_blocks(ino, buf, off, n);
    if (done > 0) {
        update_pages(ino, buf, off, done);
        if (off + done > ino->size)
            ino->size = off + done;
        ino->mtime = ino->ctime = current_time();
        ext2_write_inode(ino);
    }
    ext2_unlock(sbi);
    return done;
}

/* ---------------------------------------------------------------- truncate */

/* After a shrink to size, the rest of the last block must be zeroes on
 * the disk: a later grow (truncate up, or a write past the end) shows it
 * as part of the file. */
static void zero_block_tail(struct inode *ino, uint32_t size)
{
    struct ext2_sb_info *sbi = EXT2_ISB(ino);
    uint32_t in = size % sbi->block_size, block;

    if (in == 0 || ext2_get_block(ino, size / sbi->block_size, 0, &block) < 0 || block == 0)
        return;
    struct buffer_head *bh = ext2_bread(sbi, block);
    if (bh) {
        memset(bh->b_data + in, 0, sbi->block_size - in);
        mark_buffer_dirty(bh);
        brelse(bh);
    }
}

/* The same for the page copy that holds the new end of the file. */
static void zero_page_tail(struct inode *ino, uint32_t size)
{
    struct ext2_inode_info *ei = EXT2_I(ino);
    uint32_t index = size / PAGE_SIZE, in = size % PAGE_SIZE;

    if (in && index < ei->nr_pages && ei->pages[index])
        memset(ei->pages[index] + in, 0, PAGE_SIZE - in);
}

/* Shrinking frees the blocks past the new end (and the indirect blocks
 * left empty); growing leaves a hole, which takes no block. */
int ext2_truncate(struct inode *ino, uint32_t size)
{
    struct ext2_sb_info *sbi = EXT2_ISB(ino);
    int err = 0;

    if (size > MAX_FILE_SIZE)
        return -EFBIG;
    ext2_lock(sbi);
    if (size < ino->size) {
        uint32_t pages = (size + PAGE_SIZE - 1) / PAGE_SIZE;
        unmap_file_pages(ino, pages);
        ext2_drop_pages(ino, pages);
        zero_page_tail(ino, size);
        err = ext2_free_blocks_from(ino, (size + sbi->block_size - 1) / sbi->block_size);
        zero_block_tail(ino, size);
    }
    ino->size = size;
    ino->mtime = ino->ctime = current_time();
    if (ext2_write_inode(ino) < 0)
        err = -EIO;
    ext2_unlock(sbi);
    return err;
}

/* fsync: the inode is in its buffer already; the device's dirty buffers
 * go to the disk now (all of them: the buffer cache does not know which
 * are this file's, and a file's blocks need its bitmaps written too). */
int ext2_fsync(struct inode *ino)
{
    return sync_dev(EXT2_ISB(ino)->bdev);
}

const struct inode_operations ext2_file_inode_ops = {
    .read = ext2_read,
    .write = ext2_write,
    .truncate = ext2_truncate,
    .get_page = ext2_get_page,
    .find_page = ext2_find_page,
    .fsync = ext2_fsync,
};

/* Devices, fifos and sockets: their inode is on the disk, but opening,
 * reading and writing them is the VFS's and their driver's business. */
const struct inode_operations ext2_special_inode_ops = {
    .fsync = ext2_fsync,
};
