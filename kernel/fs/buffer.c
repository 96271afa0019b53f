/* The buffer cache (docs/disk.md).
 *
 * The cache owns a fixed set of pages, taken at boot.  Each page is cut
 * into buffers of one size, 4096 / size of them: one 4 KiB buffer, or
 * four of 1 KiB, or eight of 512 bytes, so a buffer takes only its
 * block's bytes.  A buffer that holds a block is found by (device, block
 * number, size) in a hash table.  Every buffer is also on one LRU list,
 * least recently used first; brelse() moves a buffer to the end, so when
 * a block that is not cached needs a buffer, getblk() takes the first
 * unheld one from the front, preferring a clean one (which can be reused
 * at once) over a dirty one (which must be written back first).  If that
 * buffer is of another size than the block, its whole page is taken: the
 * page's other buffers are written back if dirty, forgotten, and the page
 * is cut anew for the block's size.  So the pages go, over time, to the
 * block sizes in use, with no memory set aside for any one size.
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
 * bounds what a crash can lose without writing every change at once.
 *
 * A disk command costs about the same for one block as for 64 (under
 * QEMU, most of its time is the command, not the bytes), so blocks that
 * are neighbours on the disk travel together when they can: writing back
 * a dirty block takes its dirty neighbours along, and a miss on the block
 * right after the disk's last read (a file read in order) reads the
 * uncached blocks after it too.  The run of blocks meets in one 64 KiB
 * area, copied to or from the buffers, which need not be neighbours in
 * memory.  There is one area; a task that finds it in use moves its one
 * block as before, and never waits for it. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/signal.h>
#include "fs/buffer.h"
#include "arch/timer.h"
#include "mm/kmalloc.h"
#include "mm/memlayout.h"
#include "mm/page_alloc.h"
#include "proc/fork.h"
#include "proc/sched.h"
#include "lib/printk.h"

/* The pool: a fifth of the memory, between 1 and 64 MiB, heads and all.
 * At QEMU's -m 128M (116 MiB left after the kernel and the initrd of
 * `make qemu`) that is 23 MiB: 21 MiB of pages and 2 MiB of heads, room
 * for all of `make bench`'s 16 MiB file in 1 KiB blocks with its indirect
 * blocks and the file system's own, as Linux's page cache keeps it.
 * Reading a file in order through an LRU list that cannot hold it all
 * misses every block, so the margin matters. */
#define POOL_SHARE 5
#define MIN_POOL_BYTES (1u << 20)
#define MAX_POOL_BYTES (64u << 20)
#define BUFFERS_PER_PAGE (PAGE_SIZE / SECTOR_SIZE)   /* the most: 512-byte blocks */
#define NR_HASH 8191                 /* a prime: 2 or 3 buffers a chain at -m 128M */
#define DIRTY_EXPIRE (5 * HZ)        /* bdflush writes back what was dirty this long */
#define RUN_BYTES (64 * 1024)        /* one run: the most one IDE command moves */
#define MAX_RUN 64                   /* blocks in a run: its list stays small */

/* A page of the cache and the heads of the buffers cut from it: the
 * first PAGE_SIZE / size of bh[] are in use, the rest wait for a cut
 * into smaller buffers.  Heads for eight buffers are made for every page
 * once, at boot, so that cutting a page anew allocates nothing. */
struct buffer_page {
    char *data;
    unsigned size;                   /* of each of its buffers */
    struct buffer_head bh[BUFFERS_PER_PAGE];
};

static struct buffer_page *pages;
static unsigned long nr_pages;
static struct buffer_head *hash_table[NR_HASH];
static struct buffer_head lru;       /* the list's head: lru.b_lru_next is
                                        the least recently used */
static char *run_area;               /* RUN_BYTES where a run's blocks meet */
static int run_area_busy;
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

/* ------------------------------------------------------------ pages */

static unsigned buffers_in(const struct buffer_page *pg)
{
    return PAGE_SIZE / pg->size;
}

/* A page can be cut anew when none of its buffers is held or in a
 * transfer: nobody is looking at its bytes. */
static int page_idle(const struct buffer_page *pg)
{
    for (unsigned i = 0; i < buffers_in(pg); i++)
        if (pg->bh[i].b_count || pg->bh[i].b_locked)
            return 0;
    return 1;
}

static int page_dirty(const struct buffer_page *pg)
{
    for (unsigned i = 0; i < buffers_in(pg); i++)
        if (pg->bh[i].b_dirty)
            return 1;
    return 0;
}

/* Cuts an idle, clean page into free buffers of `size` and returns the
 * first.  The blocks it held are forgotten; the new buffers go to the
 * front of the LRU list, to be used before any block is thrown out. */
static struct buffer_head *cut_page(struct buffer_page *pg, unsigned size)
{
    for (unsigned i = 0; pg->size && i < buffers_in(pg); i++) {
        if (pg->bh[i].b_bdev)
            hash_remove(&pg->bh[i]);
        lru_remove(&pg->bh[i]);
    }
    memset(pg->bh, 0, sizeof(pg->bh));
    pg->size = size;
    for (unsigned i = buffers_in(pg); i-- > 0;) {
        struct buffer_head *bh = &pg->bh[i];
        bh->b_page = pg;
        bh->b_size = size;
        bh->b_data = pg->data + i * size;
        lru_add_head(bh);
    }
    return &pg->bh[0];
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

static uint32_t first_sector(const struct buffer_head *bh)
{
    return bh->b_blocknr * (bh->b_size / SECTOR_SIZE);
}

/* Counts n blocks moved, and notes where a read ended (read-ahead). */
static void count_io(int write, struct buffer_head *first, unsigned n)
{
    if (write) {
        stats.writes += n;
        return;
    }
    stats.reads += n;
    first->b_bdev->next_sector = first_sector(first) + n * (first->b_size / SECTOR_SIZE);
}

/* One block between the disk and b_data (the caller holds the lock). */
static int ll_rw_block(int write, struct buffer_head *bh)
{
    int err = block_rw(bh->b_bdev, write, first_sector(bh), bh->b_size / SECTOR_SIZE, bh->b_data);

    if (err < 0)
        stats.errors++;
    else
        count_io(write, bh, 1);
    return err;
}

/* The run area, if nobody uses it.  Never waited for: the task using it
 * may be the one below us (a loop device's file system, read through the
 * cache while a run of the loop device is under way). */
static char *get_run_area(void)
{
    if (!run_area || run_area_busy)
        return NULL;
    run_area_busy = 1;
    return run_area;
}

static void put_run_area(void)
{
    run_area_busy = 0;
}

static unsigned run_max(unsigned size)
{
    return RUN_BYTES / size < MAX_RUN ? RUN_BYTES / size : MAX_RUN;
}

/* run[0..n): neighbouring blocks of one disk, the caller holding and
 * having locked each, in one transfer through the run area.  An error is
 * left to the caller, who then tries the blocks one by one, so that one
 * bad sector does not cost its neighbours. */
static int rw_run(int write, struct buffer_head **run, unsigned n)
{
    unsigned size = run[0]->b_size;

    if (write)
        for (unsigned i = 0; i < n; i++)
            memcpy(run_area + i * size, run[i]->b_data, size);
    int err = block_rw(run[0]->b_bdev, write, first_sector(run[0]), n * (size / SECTOR_SIZE),
                       run_area);
    if (err < 0)
        return err;
    if (!write)
        for (unsigned i = 0; i < n; i++)
            memcpy(run[i]->b_data, run_area + i * size, size);
    count_io(write, run[0], n);
    return 0;
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

/* Block `block` of bh's disk and size, if it is cached, dirty and not in
 * a transfer: one to write back along with bh. */
static struct buffer_head *dirty_neighbour(struct buffer_head *bh, uint32_t block)
{
    struct buffer_head *n = find_buffer(bh->b_bdev, block, bh->b_size);

    return n && n->b_dirty && !n->b_locked ? n : NULL;
}

/* The run of dirty blocks around bh (which the caller holds and has
 * locked), at most run_max() of them and bh among them, into run[]; each
 * other one held and locked.  How many. */
static unsigned gather_dirty(struct buffer_head *bh, struct buffer_head **run)
{
    unsigned max = run_max(bh->b_size), n = 0;
    uint32_t first = bh->b_blocknr;

    while (first > 0 && bh->b_blocknr - first + 1 < max && dirty_neighbour(bh, first - 1))
        first--;
    for (uint32_t b = first; n < max; b++) {
        struct buffer_head *p = b == bh->b_blocknr ? bh : dirty_neighbour(bh, b);
        if (!p)
            break;
        if (p != bh) {
            p->b_count++;
            p->b_locked = 1;             /* it was not: no sleep needed */
        }
        run[n++] = p;
    }
    return n;
}

/* write_buffer() for bh and its dirty neighbours, in one command (the
 * caller holds bh and the run area).  If that fails, each is written
 * alone, and only the blocks that fail then are lost. */
static int write_run(struct buffer_head *bh)
{
    struct buffer_head *run[MAX_RUN];
    int err = 0;

    lock_buffer(bh);                     /* may sleep: is it still dirty? */
    if (!bh->b_dirty) {
        unlock_buffer(bh);
        return 0;
    }
    unsigned n = gather_dirty(bh, run);
    for (unsigned i = 0; i < n; i++)
        run[i]->b_dirty = 0;
    if (n == 1 || rw_run(1, run, n) < 0)
        for (unsigned i = 0; i < n; i++)
            if (ll_rw_block(1, run[i]) < 0)
                err = -EIO;
    for (unsigned i = 0; i < n; i++) {
        unlock_buffer(run[i]);
        if (run[i] != bh)
            unhold(run[i]);
    }
    return err;
}

/* Writes back a buffer that nobody else may take while it sleeps, with
 * its dirty neighbours if the run area is free. */
static int write_back(struct buffer_head *bh)
{
    int err;

    bh->b_count++;
    if (get_run_area()) {
        err = write_run(bh);
        put_run_area();
    } else {
        err = write_buffer(bh);
    }
    unhold(bh);
    return err;
}

/* The buffer to reuse for a new block of `size`: the least recently used
 * one that nobody holds and that is clean; failing that, an unheld dirty
 * one (its block must be written first).  A buffer of another size
 * stands for its whole page, which is to be cut anew: it counts only if
 * the page is idle, and as dirty if any of the page's buffers is.  NULL
 * when there is none (every buffer, or a buffer of every page, is held). */
static struct buffer_head *find_victim(unsigned size)
{
    struct buffer_head *dirty = NULL;

    for (struct buffer_head *bh = lru.b_lru_next; bh != &lru; bh = bh->b_lru_next) {
        if (bh->b_count || bh->b_locked)
            continue;
        int is_dirty = bh->b_dirty;
        if (bh->b_size != size) {
            if (!page_idle(bh->b_page))
                continue;
            is_dirty = page_dirty(bh->b_page);
        }
        if (!is_dirty)
            return bh;
        if (!dirty)
            dirty = bh;
    }
    return dirty;
}

/* The free buffer of `size` a victim gives, without sleeping: itself, or
 * the first buffer of its page cut anew.  NULL if it (or its page) must
 * be written back first. */
static struct buffer_head *take_victim(struct buffer_head *victim, unsigned size)
{
    if (victim->b_size != size)
        return page_dirty(victim->b_page) ? NULL : cut_page(victim->b_page, size);
    return victim->b_dirty ? NULL : victim;
}

/* Writes back what stands between a dirty victim and its reuse: its own
 * block, or, when its page is to be cut anew, every dirty block of the
 * page.  This sleeps: the caller looks for a victim again. */
static void clean_victim(struct buffer_head *victim, unsigned size)
{
    struct buffer_page *pg = victim->b_page;

    if (victim->b_size == size) {
        write_back(victim);
        return;
    }
    /* buffers_in() is read again each time: the page may have been cut
     * by someone else while we slept (its spare heads are never dirty) */
    for (unsigned i = 0; i < buffers_in(pg); i++)
        if (pg->bh[i].b_dirty)
            write_back(&pg->bh[i]);
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
    if (!bdev || !nr_pages || size < SECTOR_SIZE || size > MAX_BLOCK_SIZE || (size & (size - 1)))
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
        struct buffer_head *victim = find_victim(size);
        if (!victim) {                   /* everything is held: wait for a brelse */
            nr_waiting++;
            uninterruptible_sleep_on(&buffer_wait);
            nr_waiting--;
            continue;
        }
        if ((bh = take_victim(victim, size))) {
            reuse_buffer(bh, bdev, block, size);
            return bh;
        }
        clean_victim(victim, size);
        /* we slept: someone may have brought our block in meanwhile, or
         * taken this buffer; look again from the start */
    }
}

/* Read-ahead: the blocks after bh (held and locked by the caller) that
 * are not cached, each given a clean buffer, held and locked, into
 * run[1..]; run[0] is bh.  It stops at the first block cached already, at
 * the end of the disk, and where a buffer could only be had by writing
 * one back or by waiting: reading ahead is a guess, and must not cost
 * more than a miss would.  How many in all. */
static unsigned gather_ahead(struct buffer_head *bh, struct buffer_head **run)
{
    unsigned max = run_max(bh->b_size), n = 1;

    run[0] = bh;
    for (; n < max; n++) {
        uint32_t block = bh->b_blocknr + n;
        if (!valid_block(bh->b_bdev, block, bh->b_size) ||
            find_buffer(bh->b_bdev, block, bh->b_size))
            break;
        struct buffer_head *victim = find_victim(bh->b_size), *ra;
        if (!victim || !(ra = take_victim(victim, bh->b_size)))
            break;
        reuse_buffer(ra, bh->b_bdev, block, bh->b_size);
        ra->b_locked = 1;                /* a new buffer: nobody had it */
        run[n] = ra;
    }
    return n;
}

/* Reads bh's block from the disk (the caller holds bh and has locked it),
 * and the blocks after it if the disk is being read in order and the run
 * area is free.  If the run fails, bh alone is read; the blocks read
 * ahead stay cached but not up to date, so their next bread reads them. */
static void read_block(struct buffer_head *bh)
{
    struct buffer_head *run[MAX_RUN];
    unsigned n = 1;

    if (first_sector(bh) == bh->b_bdev->next_sector && get_run_area()) {
        n = gather_ahead(bh, run);
        if (n > 1 && rw_run(0, run, n) == 0)
            for (unsigned i = 0; i < n; i++)
                run[i]->b_uptodate = 1;
        put_run_area();
    }
    if (!bh->b_uptodate && ll_rw_block(0, bh) == 0)
        bh->b_uptodate = 1;
    for (unsigned i = 1; i < n; i++) {
        unlock_buffer(run[i]);
        brelse(run[i]);
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
    if (!bh->b_uptodate)                 /* ...then this one finds it done */
        read_block(bh);
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
 * those dirty since before `older_than` jiffies ago (bdflush).  The pages
 * and their heads are fixed arrays, so going through them by index stays
 * right while the writes sleep, buffers change hands and pages are cut
 * anew (buffers_in() is read again each time). */
static int write_dirty_buffers(struct block_device *bdev, unsigned long older_than)
{
    int err = 0;

    for (unsigned long p = 0; p < nr_pages; p++)
        for (unsigned i = 0; i < buffers_in(&pages[p]); i++) {
            struct buffer_head *bh = &pages[p].bh[i];
            if (!bh->b_dirty || (bdev && bh->b_bdev != bdev))
                continue;
            if (older_than && !time_after_eq(jiffies, bh->b_dirtied + older_than))
                continue;
            if (write_back(bh) < 0)
                err = -EIO;
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

    for (unsigned long p = 0; p < nr_pages; p++)
        for (unsigned i = 0; i < buffers_in(&pages[p]); i++) {
            struct buffer_head *bh = &pages[p].bh[i];
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
    s->nr_pages = nr_pages;
    s->nr_buffers = s->used = s->dirty = s->used_bytes = 0;
    for (unsigned long p = 0; p < nr_pages; p++)
        for (unsigned i = 0; i < buffers_in(&pages[p]); i++) {
            const struct buffer_head *bh = &pages[p].bh[i];
            s->nr_buffers++;
            if (bh->b_bdev) {
                s->used++;
                s->used_bytes += bh->b_size;
            }
            s->dirty += bh->b_dirty;
        }
}

/* ------------------------------------------------------------ boot, bdflush */

/* The pool's share of memory, in bytes, heads included. */
static unsigned long pool_bytes(unsigned long total_pages)
{
    unsigned long bytes = total_pages / POOL_SHARE * PAGE_SIZE;

    return bytes < MIN_POOL_BYTES ? MIN_POOL_BYTES : bytes > MAX_POOL_BYTES ? MAX_POOL_BYTES : bytes;
}

/* Every page starts as one 4 KiB buffer; the first block of another size
 * that needs it cuts it anew. */
void buffer_init(unsigned long total_pages)
{
    unsigned long want = pool_bytes(total_pages) / (PAGE_SIZE + sizeof(struct buffer_page));

    lru.b_lru_next = lru.b_lru_prev = &lru;
    pages = kmalloc(want * sizeof(struct buffer_page));
    if (pages)
        memset(pages, 0, want * sizeof(struct buffer_page));
    for (; pages && nr_pages < want; nr_pages++) {
        struct buffer_page *pg = &pages[nr_pages];
        if (!(pg->data = alloc_page()))
            break;                       /* a smaller pool is still a pool */
        cut_page(pg, MAX_BLOCK_SIZE);
    }
    run_area = alloc_pages(RUN_BYTES / PAGE_SIZE);   /* none: every block alone */
    printk("buffer cache: %lu pages (%lu KiB) for blocks of %u to %u bytes\n", nr_pages,
           nr_pages * (PAGE_SIZE / 1024), SECTOR_SIZE, MAX_BLOCK_SIZE);
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
