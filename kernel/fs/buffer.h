/* The buffer cache: copies of disk blocks in memory, shared by everyone
 * who reads the disk (the file systems, /dev/hda), so that a block read
 * twice is read from the disk once, and a block written many times is
 * written back once, later (docs/disk.md).
 *
 * The rules of use, as in Linux:
 *   bh = bread(bdev, block, size);   a held buffer with the block's bytes
 *                                    in bh->b_data, or NULL (-EIO)
 *   ...read or change bh->b_data...
 *   mark_buffer_dirty(bh);           if it changed: written back later
 *   brelse(bh);                      let go of it (every bread: one brelse)
 * bwrite(bh) writes a held buffer now.  A held buffer stays in the cache
 * and keeps its block; an unheld one may be given to another block. */
#ifndef FS_BUFFER_H
#define FS_BUFFER_H

#include <stdint.h>
#include "drv/block.h"

#define MAX_BLOCK_SIZE 4096      /* a page */

struct buffer_page;

struct buffer_head {
    struct block_device *b_bdev; /* which disk (NULL: the buffer is free) */
    uint32_t b_blocknr;          /* which block of it, in units of b_size */
    unsigned b_size;             /* 512, 1024, 2048 or 4096 bytes */
    char *b_data;                /* the block's bytes: b_size of them */
    struct buffer_page *b_page;  /* the page of the cache b_data is in */

    int b_count;                 /* holders: bread/getblk until brelse */
    int b_uptodate;              /* b_data holds what is on the disk (or newer) */
    int b_dirty;                 /* newer than the disk: to be written back */
    int b_locked;                /* a transfer is under way: wait_on_buffer */
    unsigned long b_dirtied;     /* jiffies when it became dirty (bdflush) */

    struct buffer_head *b_hash_next;                /* same hash bucket */
    struct buffer_head *b_lru_prev, *b_lru_next;    /* least recently used first */
};

/* What the cache has done since boot (/proc/bufstat). */
struct buffer_stats {
    unsigned long lookups, hits;   /* bread calls, and those served from memory */
    unsigned long reads, writes;   /* blocks read from and written to the disks */
    unsigned long errors;          /* of which failed */
    unsigned long nr_pages;        /* the pool: pages of memory */
    unsigned long nr_buffers;      /* the buffers they are cut into now */
    unsigned long used, dirty;     /* buffers holding a block now; dirty ones */
    unsigned long used_bytes;      /* the bytes of the blocks held now */
};

void buffer_init(unsigned long total_pages);    /* at boot: the pool */
void bdflush_start(void);                       /* the periodic writer */

struct buffer_head *bread(struct block_device *bdev, uint32_t block, unsigned size);
struct buffer_head *getblk(struct block_device *bdev, uint32_t block, unsigned size);
void brelse(struct buffer_head *bh);             /* brelse(NULL) does nothing */
void mark_buffer_dirty(struct buffer_head *bh);
int bwrite(struct buffer_head *bh);              /* 0 or -EIO */
void wait_on_buffer(struct buffer_head *bh);

int sync_dev(struct block_device *bdev);         /* writes its dirty blocks: 0 or -EIO */
int sync_all(void);                              /* every disk's */
/* sync_dev, then forgets every unheld block of bdev (the next bread reads
 * the disk): Linux's BLKFLSBUF, and what a mount of another block size
 * needs first.  0 or -EIO. */
int invalidate_bdev(struct block_device *bdev);
/* The block size bdev's device file (/dev/hda) reads the cache with: a
 * file system sets its own at mount, so that the device file and the file
 * system share one copy of each block.  -EINVAL for a size that is not a
 * power of two from 512 to 4096 dividing the disk. */
int set_blocksize(struct block_device *bdev, unsigned size);

void buffer_get_stats(struct buffer_stats *s);

#endif
