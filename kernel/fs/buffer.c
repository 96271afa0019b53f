/* The buffer cache (docs/disk.md).
 *
 * A fixed pool of buffers, made at boot: one page of data each, so one
 * buffer holds a block of any size from 512 bytes to 4 KiB.  A buffer
 * that holds a block is found by (device, block number, size) in a hash
 * table.  Every buffer is also on one LRU list, least recently used
 * first; brelse() moves a buffer to the end, so when a block that is not
 * cached needs a buffer, getblk() takes the first unheld one from the
 * front, preferring a clean one (which can be reused at once) over a
 * dirty one (which must be written back first).
 *
 * Three things keep two tasks from getting in each other's way:
 *  - b_count: a held buffer is never given to another block;
 *  - b_locked: one transfer at a time per buffer; whoever finds it locked
 *    sleeps in wait_on_buffer() until the transfer is over;
 *  - the kernel is not preemptible: between two sleeps nobody else runs,
 *    so the hash chains and the LRU list need no lock.  But every sleep
 *    (a disk transfer) may change the world: code that slept looks again.
 *
 * Writing is deferred: mark_buffer_dirty() only notes that the buffer is
 * newer than the disk.  The block goes to the disk when someone asks
 * (bwrite, fsync, sync), when its buffer is needed for another block, or
 * when bdflush, a kernel thread that wakes every second, finds it has
 * been dirty for DIRTY_EXPIRE (5 s): the idea of Linux's bdflush, which
 * bounds what a crash can lose without writing every change at once. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/signal.h>
#include "fs/buffer.h"
#include "arch/timer.h"
#include "mm/kmalloc.h"
#include "mm/page_alloc.h"
#include "proc/fork.h"
#include "proc/sched.h"
#include "lib/printk.h"

/* The pool: a sixth of the memory, between 1 and 16 MiB (4096 buffers,
 * 16 MiB, at QEMU's -m 128M: enough to keep all of `make bench`'s 16 MiB
 * cached, as Linux's page cache would). */
#define MIN_BUFFERS 256
#define MAX_BUFFERS 4096
#define NR_HASH 1031                 /* a prime near a quarter of the pool */
#define DIRTY_EXPIRE (5 * HZ)        /* bdflush writes back what was dirty this long */

static struct buffer_head *pool;
static unsigned long nr_buffers;
static struct buffer_head *hash_table[NR_HASH];
static struct buffer_head lru;       /* the list's head: lru.b_lru_next is
                                        the least recently used */
static int buffer_wait;              /* channel: a buffer was let go */
static int nr_waiting;               /* tasks asleep on it */
static struct buffer_stats stats;

/* ------------------------------------------------------------ lists */

static unsigned hashfn(struct block_device *bdev, uint32_t block)
{
    return ((uintptr_t)bdev / 16 + block) % NR_HASH;
}

static void hash_insert(struct buffer_head *bh)
{
    struct buffer_head **head = &hash_table[hashfn(bh->b_bdev, bh->b_blocknr)];

    bh->b_hash_next = *head;
    *head = bh;
}

static void hash_remove(struct buffer_head *bh)
{
    struct buffer_head **pp = &hash_table[hashfn(bh->b_bdev, bh->b_blocknr)];

    while (*pp && *pp != bh)
        pp = &(*pp)->b_hash_next;
    if (*pp)
        *pp = bh->b_hash_next;
    bh->b_hash_next = NULL;
}

static struct buffer_head *find_buffer(struct block_device *bdev, uint32_t block, unsigned size)
{
    for (struct buffer_head *bh = hash_table[hashfn(bdev, block)]; bh; bh = bh->b_hash_next)
        if (bh->b_bdev == bdev && bh->b_blocknr == block && bh->b_size == size)
            return bh;
    return NULL;
}

static void lru_remove(struct buffer_head *bh)
{
    bh->b_lru_prev->b_lru_next = bh->b_lru_next;
    bh->b_lru_next->b_lru_prev = bh->b_lru_prev;
}

/* The end of the list: used just now, reused last. */
static void lru_add_tail(struct buffer_head *bh)
{
    bh->b_lru_prev = lru.b_lru_prev;
    bh->b_lru_next = &lru;
    lru.b_lru_prev->b_lru_next = bh;
    lru.b_lru_prev = bh;
}

/* The front: reused first (a buffer that holds nothing any more). */
static void lru_add_head(struct buffer_head *bh)
{
    bh->b_lru_next = lru.b_lru_next;
    bh->b_lru_prev = &lru;
    lru.b_lru_next->b_lru_prev = bh;
    lru.b_lru_next = bh;
}

/* ------------------------------------------------------------ locking and I/O */

static void lock_buffer(struct buffer_head *bh)
{
    while (bh->b_locked)
        uninterruptible_sleep_on(bh);
    bh->b_locked = 1;
}

static void unlock_buffer(struct buffer_head *bh)
{
    bh->b_locked = 0;
    wake_up(bh);
}

void wait_on_buffer(struct buffer_head *bh)
{
    while (bh->b_locked)
        uninterruptible_sleep_on(bh);
}

/* One block between the disk and b_data (the caller holds the lock). */
static int ll_rw_block(int write, struct buffer_head *bh)
{
    unsigned per_block = bh->b_size / SECTOR_SIZE;
    int err = block_rw(bh->b_bdev, write, bh->b_blocknr * per_block, per_block, bh->b_data);

    if (write)
        stats.writes++;
    else
        stats.reads++;
    if (err < 0)
        stats.errors++;
    return err;
}

/* Writes bh back if it is dirty (the caller holds it).  Dirty is cleared
 * before the transfer: a change made while it is under way marks the
 * buffer dirty again, to be written the next time.  A failed write is
 * not retried (the disk is likely broken); the error goes to the caller. */
static int write_buffer(struct buffer_head *bh)
{
    int err = 0;

    lock_buffer(bh);
    if (bh->b_dirty) {
        bh->b_dirty = 0;
        err = ll_rw_block(1, bh);
    }
    unlock_buffer(bh);
    return err;
}

/* ------------------------------------------------------------ the calls */

/* Lets go of a buffer held only to write it back, leaving its place in
 * the LRU list as it was: writing a block back is not using it. */
static void unhold(struct buffer_head *bh)
{
    if (--bh->b_count == 0 && nr_waiting)
        wake_up(&buffer_wait);
}

/* The buffer to reuse for a new block: the least recently used one that
 * nobody holds and that is clean; failing that, an unheld dirty one (its
 * block must be written first).  NULL when every buffer is held. */
static struct buffer_head *find_victim(void)
{
    struct buffer_head *dirty = NULL;

    for (struct buffer_head *bh = lru.b_lru_next; bh != &lru; bh = bh->b_lru_next) {
        if (bh->b_count || bh->b_locked)
            continue;
        if (!bh->b_dirty)
            return bh;
        if (!dirty)
            dirty = bh;
    }
    return dirty;
}

/* bh now stands for (bdev, block, size), its data not read yet. */
static void reuse_buffer(struct buffer_head *bh, struct block_device *bdev, uint32_t block,
                         unsigned size)
{
    if (bh->b_bdev)
        hash_remove(bh);
    bh->b_bdev = bdev;
    bh->b_blocknr = block;
    bh->b_size = size;
    bh->b_uptodate = 0;
    bh->b_count = 1;
    hash_insert(bh);
    lru_remove(bh);
    lru_add_tail(bh);
}

static int valid_block(struct block_device *bdev, uint32_t block, unsigned size)
{
    if (!bdev || !nr_buffers || size < SECTOR_SIZE || size > MAX_BLOCK_SIZE || (size & (size - 1)))
        return 0;
    return block < bdev->sectors / (size / SECTOR_SIZE);
}

/* The buffer of (bdev, block, size), held, without reading the disk: its
 * data is valid only if b_uptodate.  For a caller that will fill the whole
 * block itself.  NULL for a block outside the disk. */
struct buffer_head *getblk(struct block_device *bdev, uint32_t block, unsigned size)
{
    if (!valid_block(bdev, block, size))
        return NULL;
    for (;;) {
        struct buffer_head *bh = find_buffer(bdev, block, size);
        if (bh) {
            bh->b_count++;
            return bh;
        }
        bh = find_victim();
        if (!bh) {                       /* every buffer is held: wait for one */
            nr_waiting++;
            uninterruptible_sleep_on(&buffer_wait);
            nr_waiting--;
            continue;
        }
        if (!bh->b_dirty) {
            reuse_buffer(bh, bdev, block, size);
            return bh;
        }
        bh->b_count++;
        write_buffer(bh);
        unhold(bh);
        /* we slept: someone may have brought our block in meanwhile, or
         * taken this buffer; look again from the start */
    }
}

/* The buffer of (bdev, block, size), held, with the block's bytes: from
 * memory if it is cached (a hit), else read from the disk now.  NULL if
 * the disk could not read it (-EIO), or the block is outside the disk. */
struct buffer_head *bread(struct block_device *bdev, uint32_t block, unsigned size)
{
    struct buffer_head *bh = getblk(bdev, block, size);

    if (!bh)
        return NULL;
    stats.lookups++;
    if (bh->b_uptodate) {
        stats.hits++;
        return bh;
    }
    lock_buffer(bh);                     /* another task may be reading it... */
    if (!bh->b_uptodate && ll_rw_block(0, bh) == 0)
        bh->b_uptodate = 1;              /* ...then this one finds it done */
    unlock_buffer(bh);
    if (!bh->b_uptodate) {
        brelse(bh);
        return NULL;
    }
    return bh;
}

void brelse(struct buffer_head *bh)
{
    if (!bh)
        return;
    if (bh->b_count <= 0) {
        printk("brelse: a free buffer (block %u) let go again\n", bh->b_blocknr);
        return;
    }
    if (--bh->b_count == 0) {
        lru_remove(bh);
        lru_add_tail(bh);
        if (nr_waiting)
            wake_up(&buffer_wait);
    }
}

void mark_buffer_dirty(struct buffer_head *bh)
{
    if (!bh->b_dirty)
        bh->b_dirtied = jiffies;
    bh->b_dirty = 1;
}

/* Writes a held buffer to the disk now, and returns when it is there. */
int bwrite(struct buffer_head *bh)
{
    mark_buffer_dirty(bh);
    return write_buffer(bh);
}

/* Writes back every dirty buffer of bdev (NULL: of every disk), or only
 * those dirty since before `older_than` jiffies ago (bdflush).  The pool
 * is a fixed array, so going through it by index stays right while the
 * writes sleep and buffers change hands. */
static int write_dirty_buffers(struct block_device *bdev, unsigned long older_than)
{
    int err = 0;

    for (unsigned long i = 0; i < nr_buffers; i++) {
        struct buffer_head *bh = &pool[i];
        if (!bh->b_dirty || (bdev && bh->b_bdev != bdev))
            continue;
        if (older_than && !time_after_eq(jiffies, bh->b_dirtied + older_than))
            continue;
        bh->b_count++;
        if (write_buffer(bh) < 0)
            err = -EIO;
        unhold(bh);
    }
    return err;
}

int sync_dev(struct block_device *bdev)
{
    return write_dirty_buffers(bdev, 0);
}

int sync_all(void)
{
    return write_dirty_buffers(NULL, 0);
}

int invalidate_bdev(struct block_device *bdev)
{
    int err = sync_dev(bdev);

    for (unsigned long i = 0; i < nr_buffers; i++) {
        struct buffer_head *bh = &pool[i];
        if (bh->b_bdev != bdev || bh->b_count || bh->b_locked || bh->b_dirty)
            continue;
        hash_remove(bh);
        bh->b_bdev = NULL;
        bh->b_uptodate = 0;
        lru_remove(bh);
        lru_add_head(bh);
    }
    return err;
}

/* The block size bdev's device file reads with.  The old size's buffers
 * are written and dropped first: the same bytes must not be cached twice
 * under two sizes, where a change to one copy would not show in the other. */
int set_blocksize(struct block_device *bdev, unsigned size)
{
    if (size < SECTOR_SIZE || size > MAX_BLOCK_SIZE || (size & (size - 1)) ||
        bdev->sectors % (size / SECTOR_SIZE))
        return -EINVAL;
    int err = invalidate_bdev(bdev);
    bdev->block_size = size;
    return err;
}

void buffer_get_stats(struct buffer_stats *s)
{
    *s = stats;
    s->nr_buffers = nr_buffers;
    s->used = s->dirty = 0;
    for (unsigned long i = 0; i < nr_buffers; i++) {
        s->used += pool[i].b_bdev != NULL;
        s->dirty += pool[i].b_dirty;
    }
}

/* ------------------------------------------------------------ boot, bdflush */

void buffer_init(unsigned long total_pages)
{
    unsigned long want = total_pages / 6;

    want = want < MIN_BUFFERS ? MIN_BUFFERS : want > MAX_BUFFERS ? MAX_BUFFERS : want;
    lru.b_lru_next = lru.b_lru_prev = &lru;
    pool = kmalloc(want * sizeof(struct buffer_head));
    for (unsigned long i = 0; pool && i < want; i++) {
        struct buffer_head *bh = &pool[nr_buffers];
        if (!(bh->b_data = alloc_page()))
            break;                       /* a smaller pool is still a pool */
        lru_add_tail(bh);
        nr_buffers++;
    }
    printk("buffer cache: %lu buffers of up to %u bytes (%lu KiB)\n", nr_buffers,
           MAX_BLOCK_SIZE, nr_buffers * (MAX_BLOCK_SIZE / 1024));
}

static int bdflush_wait;             /* channel: nobody wakes it but the clock */

/* The periodic writer.  A kernel thread ignores every signal (as Linux's
 * do): with nobody to hand them to, a pending one would only end each of
 * its sleeps at once. */
static void bdflush(void)
{
    for (int sig = 1; sig < NSIG; sig++)
        current->sigaction[sig].sa_handler = SIG_IGN;
    for (;;) {
        sleep_on_timeout(&bdflush_wait, HZ);
        write_dirty_buffers(NULL, DIRTY_EXPIRE);
    }
}

void bdflush_start(void)
{
    struct task_struct *t = kernel_thread(bdflush);

    if (t)
        strlcpy(t->name, "bdflush", sizeof(t->name));
    else
        printk("buffer cache: no bdflush thread: dirty blocks wait for sync\n");
}
