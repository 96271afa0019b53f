/* Self-tests of the buffer cache's bookkeeping (against a pretend disk
 * that answers at once, so every step is deterministic) and of the IDE
 * driver's addressing (on hdb, the scratch disk of `make test`). */
#include <stdint.h>
#include <string.h>
#include <minnow/errno.h>
#include "test/ktest.h"
#include "fs/buffer.h"
#include "mm/memlayout.h"
#include "mm/page_alloc.h"
#include "lib/printk.h"

/* The pretend disk: every word of a sector it reads holds the sector's
 * number; a write is only noted (its sector and first word, and how many
 * of its sectors do not begin with their own number, as read). */
static unsigned long fake_reads, fake_writes, fake_changed;
static uint32_t first_write_sector, first_write_word;
static uint32_t fake_bad;            /* a sector that fails (0: none) */

static int fake_rw(struct block_device *bdev, int write, uint32_t sector, unsigned count,
                   void *buf)
{
    uint32_t *w = buf;

    (void)bdev;
    if (fake_bad && sector <= fake_bad && fake_bad < sector + count) {
        write ? fake_writes++ : fake_reads++;
        return -EIO;
    }
    if (write) {
        if (fake_writes++ == 0) {
            first_write_sector = sector;
            first_write_word = w[0];
        }
        for (unsigned i = 0; i < count; i++)
            fake_changed += w[i * SECTOR_SIZE / 4] != sector + i;
        return 0;
    }
    fake_reads++;
    for (unsigned i = 0; i < count * SECTOR_SIZE / 4; i++)
        w[i] = sector + i / (SECTOR_SIZE / 4);
    return 0;
}

static const struct block_device_ops fake_ops = { .rw = fake_rw, .max_sectors = 8 };
static struct block_device fake = { .name = "fake", .sectors = 1 << 20, .ops = &fake_ops };
static struct block_device fake2 = { .name = "fake2", .sectors = 1 << 20, .ops = &fake_ops };
/* fake3 takes 64 KiB a call, as the IDE driver does */
static const struct block_device_ops fake_ops_ide = { .rw = fake_rw, .max_sectors = 128 };
static struct block_device fake3 = { .name = "fake3", .sectors = 1 << 20, .ops = &fake_ops_ide };

/* bread of a block of the pretend disk, released at once; its first word. */
static uint32_t touch(uint32_t block)
{
    struct buffer_head *bh = bread(&fake, block, SECTOR_SIZE);
    uint32_t word = bh ? *(uint32_t *)bh->b_data : 0xFFFFFFFF;

    brelse(bh);
    return word;
}

static const char *lru_steps(unsigned long n)
{
    if (touch(5) != 5 || fake_reads != 1)
        return ktest_fail("block 5 read as %x (%lu reads)", touch(5), fake_reads);
    if (touch(5) != 5 || fake_reads != 1)
        return "a second bread of block 5 went to the disk";
    struct buffer_head *bh = bread(&fake, 7, SECTOR_SIZE);
    *(uint32_t *)bh->b_data = 0xDEADBEEF;
    mark_buffer_dirty(bh);
    brelse(bh);
    touch(5);                            /* now 5 is used more recently than 7 */
    for (uint32_t b = 0; b < n - 2; b++) /* the rest of the pool, not in */
        touch(1001 + 2 * b);             /* order: nothing is read ahead */
    if (fake_writes != 0)
        return "a free buffer was left while a dirty one was written back";
    unsigned long reads = fake_reads;
    touch(900000);                       /* full: the LRU clean one (5) goes */
    touch(5);
    if (fake_reads != reads + 2 || fake_writes != 0)
        return ktest_fail("block 5 was not the one reused (%lu reads, %lu writes)",
                          fake_reads - reads, fake_writes);
    if (touch(7) != 0xDEADBEEF)
        return "the dirty block 7 lost its change";
    /* every buffer dirty and unheld: a new block must write one back first */
    for (uint32_t b = 0; b < n; b++) {
        bh = bread(&fake, 2001 + 2 * b, SECTOR_SIZE);
        mark_buffer_dirty(bh);
        brelse(bh);
    }
    if (first_write_sector != 7 || first_write_word != 0xDEADBEEF)
        return ktest_fail("first write-back: sector %u, word %x (want 7, deadbeef)",
                          first_write_sector, first_write_word);
    return NULL;
}

const char *test_buffer_lru(void)
{
    struct buffer_stats s;

    buffer_get_stats(&s);
    if (s.used != 0)
        return ktest_fail("%lu buffers in use before the test", s.used);
    fake_reads = fake_writes = 0;
    const char *why = lru_steps(s.nr_pages * (PAGE_SIZE / SECTOR_SIZE));
    invalidate_bdev(&fake);              /* writes the rest back, forgets them all */
    buffer_get_stats(&s);
    if (!why && (s.used != 0 || s.dirty != 0))
        why = ktest_fail("after invalidate_bdev: %lu used, %lu dirty", s.used, s.dirty);
    if (!why && (bread(&fake, 1 << 20, SECTOR_SIZE) || getblk(&fake, 0, 3000)))
        why = "a block outside the disk, or of a bad size, got a buffer";
    return why;
}

/* Reads n blocks of `size` from bdev, every other one from `first` on
 * (so that no read is in order, and none reads ahead), marks each dirty
 * if asked, and lets it go at once; how many reads went to the disk
 * (-1ul: a bread failed). */
static unsigned long read_run(struct block_device *bdev, uint32_t first, unsigned long n,
                              unsigned size, int dirty)
{
    unsigned long before = fake_reads;

    for (unsigned long b = 0; b < n; b++) {
        struct buffer_head *bh = bread(bdev, first + 2 * b, size);
        if (!bh)
            return -1ul;
        if (dirty)
            mark_buffer_dirty(bh);
        brelse(bh);
    }
    return fake_reads - before;
}

/* The pool filled with 1 KiB blocks of fake2, one of them held and one
 * dirty, then with 4 KiB blocks of fake: the clean pages are cut anew
 * first, then the dirty one (written back first), never the held one. */
static const char *size_steps(unsigned long pages)
{
    unsigned long small = pages * (PAGE_SIZE / 1024), got;

    if ((got = read_run(&fake2, 1, small, 1024, 0)) != small || read_run(&fake2, 1, small, 1024, 0))
        return ktest_fail("%lu blocks of 1 KiB: %lu reads, then not all cached", small, got);
    struct buffer_head *held = bread(&fake2, 11, 1024), *bh = bread(&fake2, 21, 1024);
    *(uint32_t *)bh->b_data = 0xC0FFEE;
    mark_buffer_dirty(bh);
    brelse(bh);
    if ((got = read_run(&fake, 1, pages - 2, 4096, 1)) != pages - 2 || fake_writes)
        return ktest_fail("%lu blocks of 4 KiB in the clean pages: %lu reads, %lu writes",
                          pages - 2, got, fake_writes);
    /* only dirty buffers left to take: block 21's page is the oldest */
    if (read_run(&fake, 1 + 2 * (pages - 2), 1, 4096, 0) != 1 || fake_writes != 1 ||
        first_write_sector != 42 || first_write_word != 0xC0FFEE)
        return ktest_fail("dirty block 21: %lu writes, sector %u, word %x before its page was cut",
                          fake_writes, first_write_sector, first_write_word);
    if (*(uint32_t *)held->b_data != 22 || read_run(&fake2, 11, 1, 1024, 0))
        return "the held buffer's page was cut anew";
    if (read_run(&fake, 1, pages - 1, 4096, 0))
        return "blocks of 4 KiB were not all cached";
    brelse(held);
    if (read_run(&fake, 1 + 2 * (pages - 1), 1, 4096, 0) != 1 || fake_writes != 1)
        return "the page of a buffer let go was not the one cut anew";
    struct buffer_stats s;
    buffer_get_stats(&s);
    if (s.nr_buffers != pages || s.used != pages || s.used_bytes != pages * PAGE_SIZE)
        return ktest_fail("%lu pages: %lu buffers, %lu used, %lu bytes", pages, s.nr_buffers,
                          s.used, s.used_bytes);
    return NULL;
}

/* A buffer's data is its block's size: the pool holds as many blocks as
 * its pages do, and pages move between block sizes as the sizes in use
 * change, never under a held buffer and never losing a dirty block. */
const char *test_buffer_sizes(void)
{
    struct buffer_stats s;

    buffer_get_stats(&s);
    if (s.used != 0)
        return ktest_fail("%lu buffers in use before the test", s.used);
    fake_reads = fake_writes = 0;
    const char *why = size_steps(s.nr_pages);
    invalidate_bdev(&fake);
    invalidate_bdev(&fake2);
    buffer_get_stats(&s);
    if (!why && (s.used != 0 || s.dirty != 0))
        why = ktest_fail("after invalidate_bdev: %lu used, %lu dirty", s.used, s.dirty);
    return why;
}

/* The first word of a 1 KiB block of fake3 (bread, brelse), or -1u. */
static uint32_t word3(uint32_t block)
{
    struct buffer_head *bh = bread(&fake3, block, 1024);
    uint32_t word = bh ? *(uint32_t *)bh->b_data : 0xFFFFFFFF;

    brelse(bh);
    return word;
}

/* Reading fake3 in order: one read for 64 blocks.  NULL, or what went
 * wrong. */
static const char *ahead_steps(void)
{
    if (word3(100) != 200 || word3(101) != 202 || fake_reads != 2)
        return ktest_fail("blocks 100, 101: %lu reads (want 2)", fake_reads);
    for (uint32_t b = 102; b < 165; b++)
        if (word3(b) != 2 * b)
            return ktest_fail("block %u read ahead as %x", b, word3(b));
    struct buffer_head *bh = bread(&fake3, 164, 1024);
    uint32_t last = ((uint32_t *)bh->b_data)[1024 / 4 - 1];
    brelse(bh);
    if (last != 2 * 164 + 1 || fake_reads != 2 || word3(165) != 330 || fake_reads != 3)
        return ktest_fail("blocks 102-165: %lu reads (want 3), block 164 ends in %x",
                          fake_reads, last);
    /* read ahead up to a cached block (300), and up to the disk's end */
    uint32_t end = fake3.sectors / 2;
    if (word3(300) != 600 || word3(250) != 500 || word3(251) != 502 || fake_reads != 6 ||
        word3(299) != 598 || word3(end - 3) != 2 * end - 6 || word3(end - 2) != 2 * end - 4 ||
        word3(end - 1) != 2 * end - 2 || fake_reads != 8)
        return ktest_fail("runs to a cached block, to the end: %lu reads (want 8)", fake_reads);
    /* a bad sector in a run: the block asked for is read alone, the
     * others at their own bread, and only the bad one fails */
    fake_bad = 2 * 705;
    unsigned long reads = fake_reads;
    if (word3(700) != 1400 || word3(701) != 1402 || fake_reads != reads + 3 ||
        word3(702) != 1404 || word3(705) != 0xFFFFFFFF || word3(706) != 1412)
        return ktest_fail("around bad block 705: %lu reads", fake_reads - reads);
    fake_bad = 0;
    return NULL;
}

/* Dirty neighbours of fake3 written back in runs; a bad sector costs only
 * its own block. */
static const char *cluster_steps(void)
{
    struct buffer_stats s;

    read_run(&fake3, 400, 50, 1024, 1);  /* blocks 400, 402, ... 498 */
    read_run(&fake3, 401, 50, 1024, 1);  /* and 401, ... 499: all dirty */
    fake_writes = 0;
    if (sync_dev(&fake3) != 0 || fake_writes < 2 || fake_writes > 3 || fake_changed)
        return ktest_fail("100 dirty neighbours: %lu writes (want 2 or 3), %lu sectors wrong",
                          fake_writes, fake_changed);
    read_run(&fake3, 600, 5, 1024, 1);
    read_run(&fake3, 601, 5, 1024, 1);   /* 600 to 609 */
    buffer_get_stats(&s);
    unsigned long errors = s.errors;
    fake_bad = 2 * 605;
    fake_writes = 0;
    int err = sync_dev(&fake3);
    fake_bad = 0;
    buffer_get_stats(&s);
    if (err != -EIO || fake_writes != 11 || s.errors != errors + 1 || s.dirty)
        return ktest_fail("bad block 605 in a run: %d, %lu writes (want 11), %lu errors, %lu dirty",
                          err, fake_writes, s.errors - errors, s.dirty);
    return NULL;
}

/* Blocks that are neighbours on the disk travel in one command: a disk
 * read in order reads ahead, dirty neighbours are written back together,
 * every sector where it belongs, and a bad sector in a run costs only its
 * own block. */
const char *test_buffer_runs(void)
{
    struct buffer_stats s;

    buffer_get_stats(&s);
    if (s.used != 0)
        return ktest_fail("%lu buffers in use before the test", s.used);
    fake_reads = fake_writes = fake_changed = 0;
    const char *why = ahead_steps();
    if (!why)
        why = cluster_steps();
    fake_bad = 0;
    invalidate_bdev(&fake3);
    buffer_get_stats(&s);
    if (!why && (s.used != 0 || s.dirty != 0))
        why = ktest_fail("after invalidate_bdev: %lu used, %lu dirty", s.used, s.dirty);
    return why;
}

/* Writes one sector of `word`s at sector, with LBA28 or LBA48 as the
 * driver chooses; 0 or -EIO. */
static int fill_sector(struct block_device *bdev, uint32_t sector, uint32_t word, uint32_t *page)
{
    for (int i = 0; i < SECTOR_SIZE / 4; i++)
        page[i] = word;
    return block_rw(bdev, 1, sector, 1, page);
}

/* LBA48 really reaches past 128 GiB: a sector there and the sector that
 * its low 28 bits name hold different things. */
const char *test_ide_lba48(void)
{
    struct block_device *bdev = bdev_by_name("hdb");
    const uint32_t low = 8, high = (1u << 28) + 8;

    if (!bdev || bdev->sectors <= high) {
        printk("ide_lba48: no hdb past 128 GiB here; nothing to check\n");
        return NULL;
    }
    uint32_t *page = alloc_page();
    if (!page)
        return "no page";
    const char *why = NULL;
    if (fill_sector(bdev, low, 0x11111111, page) < 0 || fill_sector(bdev, high, 0x48484848, page) < 0)
        why = "a write failed";
    else if (block_rw(bdev, 0, low, 1, page) < 0 || page[0] != 0x11111111 || page[127] != 0x11111111)
        why = ktest_fail("sector %u reads %x: the LBA48 write landed on it", low, page[0]);
    else if (block_rw(bdev, 0, high, 1, page) < 0 || page[0] != 0x48484848)
        why = ktest_fail("sector %u reads %x", high, page[0]);
    else if (block_rw(bdev, 0, bdev->sectors, 1, page) != -EIO)
        why = "a read past the end of the disk did not fail with EIO";
    free_page(page);
    return why;
}
