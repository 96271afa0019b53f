/* Grader of the lab "Large files on ext2" (docs/labs/fs.md).
 *
 * It mounts the grade boot's disk (tools/grade.sh attaches a scratch copy
 * of make test's ext2 image: 1 KiB blocks, so 256 block numbers in an
 * indirect block) on /tmp/fslab and measures, with statfs and stat:
 *   - a file just past the 12 direct and 256 single-indirect blocks, and
 *     one of 4 MiB (double indirect), every 4-byte word holding its own
 *     offset, read back word by word; the blocks the 4 MiB file takes;
 *   - the files mke2fs made on the host with double indirect blocks;
 *   - a sparse file with bytes only in the triple indirect tree;
 *   - truncate inside both trees, and unlink: every block comes back;
 *   - after umount and mount, the free counts are what they were; the
 *     host's e2fsck then checks the disk (tools/grade.sh).
 * Later checks need the earlier ones: with files that stop at the single
 * indirect block there is nothing to truncate or to check. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include "lab.h"

#define MNT "/tmp/fslab"
#define BS 1024u                    /* the grade disk's block size */
#define P 256u                      /* block numbers in an indirect block */
#define DOUBLE_START 268u           /* 12 direct + 256 single: file block */
#define TRIPLE_START (DOUBLE_START + P * P)         /* 65804: 64 MiB + 268 KiB */
#define LAST_BLOCK ((1u << 30) / BS - 1)            /* of a 1 GiB file, Minnow's largest */
#define CHUNK (64u << 10)

#define PAST_SIZE ((DOUBLE_START + 32) * BS + 100)  /* 300 KiB and a bit */
#define BIG_SIZE (4u << 20)
#define CUT_SIZE ((1u << 20) + 100)                 /* inside the double tree */
#define FILLER_SIZE (3u << 20)

/* The 4 MiB file's blocks: its data, the single and double indirect
 * blocks, and the indirect blocks under the double one. */
#define BIG_BLOCKS (BIG_SIZE / BS + 2 + (BIG_SIZE / BS - DOUBLE_START + P - 1) / P)
/* What truncate to CUT_SIZE leaves: 1025 data blocks, 2 + 3 indirect */
#define CUT_DATA ((CUT_SIZE + BS - 1) / BS)
#define CUT_BLOCKS (CUT_DATA + 2 + (CUT_DATA - DOUBLE_START + P - 1) / P)

/* The three pieces of the sparse file: across the last double and the first
 * triple indirect block; in the second branch of the triple tree; at the
 * end of the largest file.  8 bytes each. */
static const struct piece {
    uint32_t off;
    const char *text;
} pieces[] = {
    { TRIPLE_START * BS - 4, "tripleA!" },
    { (TRIPLE_START + P * P + P + 3) * BS + 100, "tripleB!" },
    { (LAST_BLOCK + 1) * BS - 8, "tripleC!" },
};
#define NPIECES 3
/* The blocks they take: piece A one data block, an indirect block and the
 * double indirect block in the double tree, and one data block, one
 * indirect block, one block of the second level and the triple indirect
 * block in the triple tree; B and C one of each of the three levels. */
#define SPARSE_BLOCKS (3 + 4 + 3 + 3)
/* After truncate to 70 MiB: piece A's 7 blocks; at TRIPLE_START blocks: 3. */
#define SPARSE_70_BLOCKS 7
#define SPARSE_CUT_BLOCKS 3

static uint32_t words[CHUNK / 4];
static char zeroes[BS], block[BS];

struct fs_state {
    long start_free, start_inodes;  /* the disk before the grader wrote */
    int double_ok, triple_ok;       /* what later checks need */
};

/* ---------------------------------------------------------------- the disk */

static long free_blocks(void)
{
    struct statfs64 st = { 0 };

    return statfs64(MNT, &st) == 0 ? (long)st.f_bfree : -1;
}

static long free_inodes(void)
{
    struct statfs64 st = { 0 };

    return statfs64(MNT, &st) == 0 ? (long)st.f_ffree : -1;
}

/* The blocks a file takes, as stat counts them (512-byte units). */
static long blocks_of(const char *path)
{
    struct stat st = { 0 };

    return stat(path, &st) == 0 ? (long)st.st_blocks / 2 : -1;
}

/* "file block 300 (i_block[13], slot 0, slot 32)": where ext2's block map
 * keeps the number of file block n. */
static const char *way_to(uint32_t n)
{
    static char text[80];

    if (n < 12)
        snprintf(text, sizeof(text), "file block %u (i_block[%u])", n, n);
    else if (n < DOUBLE_START)
        snprintf(text, sizeof(text), "file block %u (i_block[12], slot %u)", n, n - 12);
    else if (n < TRIPLE_START)
        snprintf(text, sizeof(text), "file block %u (i_block[13], slot %u, slot %u)", n,
                 (n - DOUBLE_START) / P, (n - DOUBLE_START) % P);
    else
        snprintf(text, sizeof(text), "file block %u (i_block[14], slot %u, slot %u, slot %u)",
                 n, (n - TRIPLE_START) / (P * P), (n - TRIPLE_START) / P % P,
                 (n - TRIPLE_START) % P);
    return text;
}

/* ---------------------------------------------------------------- files of words */

/* Word i of a file tagged tag holds tag << 24 | 4i: every word of every
 * file differs, so that two file blocks sharing a disk block show. */
static uint32_t word(uint32_t tag, uint32_t off)
{
    return tag << 24 | off;
}

/* Writes size bytes of words: how many the writes took; *err the errno
 * of the one that failed (0 if none). */
static uint32_t write_words(const char *path, uint32_t size, uint32_t tag, int *err)
{
    int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    uint32_t done = 0;

    *err = fd < 0 ? errno : 0;
    while (fd >= 0 && done < size) {
        uint32_t n = size - done < CHUNK ? size - done : CHUNK;
        for (uint32_t i = 0; i < n / 4; i++)
            words[i] = word(tag, done + 4 * i);
        ssize_t w = write(fd, words, n);
        if (w < 0)
            *err = errno;
        if (w <= 0)
            break;
        done += w;
    }
    if (fd >= 0 && fsync(fd) < 0 && !*err)
        *err = errno;
    if (fd >= 0)
        close(fd);
    return done;
}

struct verdict {
    uint32_t read;                  /* bytes read, up to the first error */
    int err;                        /* of the read that failed */
    long bad;                       /* the first wrong word's offset; -1: none */
    uint32_t got, want;
};

/* Reads size bytes of words back and compares. */
static struct verdict read_words(const char *path, uint32_t size, uint32_t tag)
{
    struct verdict v = { 0, 0, -1, 0, 0 };
    int fd = open(path, O_RDONLY);

    if (fd < 0)
        v.err = errno;
    while (fd >= 0 && v.read < size && v.bad < 0) {
        uint32_t n = size - v.read < CHUNK ? size - v.read : CHUNK;
        ssize_t r = read(fd, words, n);
        if (r < 0)
            v.err = errno;
        if (r <= 0)
            break;
        for (uint32_t i = 0; i < (uint32_t)r / 4 && v.bad < 0; i++) {
            if (words[i] != word(tag, v.read + 4 * i)) {
                v.bad = v.read + 4 * i;
                v.got = words[i];
                v.want = word(tag, v.read + 4 * i);
            }
        }
        v.read += r;
    }
    if (fd >= 0)
        close(fd);
    return v;
}

/* Why a file of words does not read back right, for a FAIL line (at most
 * 170 bytes: check() cuts its lines at 255); NULL if it does. */
static const char *read_problem(const char *path, uint32_t size, uint32_t tag)
{
    static char text[200];
    struct verdict v = read_words(path, size, tag);

    if (v.bad >= 0)
        snprintf(text, sizeof(text), "byte %ld, %s, reads %#x, not %#x: a wrong slot, or two "
                 "file blocks on one disk block", v.bad, way_to(v.bad / BS), v.got, v.want);
    else if (v.read < size)
        snprintf(text, sizeof(text), "reading stopped at byte %u, %s (%s)", v.read,
                 way_to(v.read / BS), v.err ? strerror(v.err) : "end of file");
    else
        return NULL;
    return text;
}

static int remount(void)
{
    return umount(MNT) == 0 && mount("/dev/hda", MNT, "ext2", 0, NULL) == 0 ? 0 : -1;
}

/* ---------------------------------------------------------------- the checks */

static void past_single(void)
{
    int err;
    uint32_t done = write_words(MNT "/past", PAST_SIZE, 1, &err);

    if (done < PAST_SIZE) {
        check(0, "fs_past_single", "wrote %u of %u bytes (%s): %s is the first under the "
              "double indirect block: block_to_path, ext2_get_block (kernel/fs/ext2/blockmap.c)",
              done, PAST_SIZE, err ? strerror(err) : "no error", way_to(DOUBLE_START));
        return;
    }
    const char *why = read_problem(MNT "/past", PAST_SIZE, 1);
    check(!why, "fs_past_single", "a %u-byte file: %s", PAST_SIZE, why);
}

static void double_indirect(struct fs_state *fs)
{
    int err;
    long before = free_blocks();
    uint32_t done = write_words(MNT "/big", BIG_SIZE, 2, &err);
    long taken = before - free_blocks(), counted = blocks_of(MNT "/big");

    if (done < BIG_SIZE) {
        check(0, "fs_double_indirect", "wrote %u of 4 MiB (%s), up to %s: under i_block[13], "
              "block n is slot (n-268)/256, then slot (n-268)%%256 below", done,
              err ? strerror(err) : "no error", way_to(done / BS));
        check(0, "fs_blocks_counted", "needs fs_double_indirect first");
        return;
    }
    if (remount() < 0) {
        check(0, "fs_double_indirect", "after writing 4 MiB, umount and mount failed (%s)",
              strerror(errno));
        check(0, "fs_blocks_counted", "needs fs_double_indirect first");
        return;
    }
    const char *why = read_problem(MNT "/big", BIG_SIZE, 2);
    check(!why, "fs_double_indirect", "4 MiB file, after umount and mount: %s", why);
    fs->double_ok = !why;
    if (!fs->double_ok) {
        check(0, "fs_blocks_counted", "needs fs_double_indirect first");
        return;
    }
    check(taken == (long)BIG_BLOCKS && counted == (long)BIG_BLOCKS, "fs_blocks_counted",
          "the 4 MiB file took %ld blocks, st_blocks says %ld; want %u: %u of data, the single "
          "and double indirect blocks, %u under the double one; each new one once",
          taken, counted, BIG_BLOCKS, BIG_SIZE / BS, BIG_BLOCKS - BIG_SIZE / BS - 2);
}

/* The pattern file: the text `seq 1 100000 | head -c 300000` (tools/
 * ext2-test-files.sh), byte n at buf[n]. */
static int pattern_differs_at(const char *got, long n)
{
    long at = 0;

    for (int i = 1; at < n; i++) {
        char num[16];
        int len = snprintf(num, sizeof(num), "%d\n", i);
        for (int k = 0; k < len && at < n; k++, at++)
            if (got[at] != num[k])
                return at;
    }
    return -1;
}

static void host_files(void)
{
    static char text[300000 + 1];
    int fd = open(MNT "/ext2test/pattern", O_RDONLY);
    long n = 0, r;
    int err = 0;

    if (fd < 0) {
        check(0, "fs_host_files", "no " MNT "/ext2test/pattern (%s): the grade boot's disk is "
              "a copy of build/test-disk-template.img", strerror(errno));
        return;
    }
    while (n < (long)sizeof(text) && (r = read(fd, text + n, sizeof(text) - n)) != 0) {
        if (r < 0) {
            err = errno;
            break;
        }
        n += r;
    }
    close(fd);
    long bad = n == 300000 ? pattern_differs_at(text, n) : n;
    if (bad >= 0) {
        check(0, "fs_host_files", "ext2test/pattern (300000 bytes that mke2fs wrote) %s at "
              "byte %ld, %s%s%s: read the layout mke2fs writes", n == 300000 ? "differs" :
              "stops", bad, way_to(bad / BS), err ? ": " : "", err ? strerror(err) : "");
        return;
    }
    /* ext2test/sparse: a hole of 5 MiB, then "tail" (in file block 5120) */
    fd = open(MNT "/ext2test/sparse", O_RDONLY);
    int holes = 1;
    for (uint32_t off = 0; fd >= 0 && off < (5u << 20); off += 256 * BS)
        holes &= pread(fd, block, BS, off) == BS && memcmp(block, zeroes, BS) == 0;
    r = fd >= 0 ? pread(fd, block, 16, 5u << 20) : -1;
    check(holes && r == 4 && memcmp(block, "tail", 4) == 0, "fs_host_files",
          "ext2test/sparse (mke2fs: a 5 MiB hole, then \"tail\" in %s): %s; a 0 on the way "
          "is a hole", way_to(5120), holes ? "the tail reads wrong" : "the hole is not zeroes");
    if (fd >= 0)
        close(fd);
}

static void triple_indirect(struct fs_state *fs)
{
    long before = free_blocks();
    int fd = open(MNT "/sparse", O_CREAT | O_RDWR | O_TRUNC, 0644);
    char got[8];

    for (int i = 0; i < NPIECES; i++) {
        ssize_t w = fd < 0 ? -1 : pwrite(fd, pieces[i].text, 8, pieces[i].off);
        if (w != 8) {
            check(0, "fs_triple_indirect", "pwrite of 8 bytes at %u returned %ld (%s): %s: "
                  "the triple indirect tree starts at file block %u", pieces[i].off, (long)w,
                  w < 0 ? strerror(errno) : "short", way_to((pieces[i].off + 7) / BS),
                  TRIPLE_START);
            close(fd);
            return;
        }
    }
    for (int i = 0; i < NPIECES; i++) {
        if (pread(fd, got, 8, pieces[i].off) != 8 || memcmp(got, pieces[i].text, 8) != 0) {
            check(0, "fs_triple_indirect", "8 bytes written at %u, %s, read \"%.8s\": "
                  "with m = n - 65804, the slots are m/65536, m/256%%256, m%%256", pieces[i].off,
                  way_to(pieces[i].off / BS), got);
            close(fd);
            return;
        }
    }
    /* holes: before, between and after the pieces, in both trees */
    static const uint32_t hole_blocks[] = { 1024, TRIPLE_START - 2, TRIPLE_START + 1,
                                            TRIPLE_START + P * P + P + 2, LAST_BLOCK - 1 };
    for (int i = 0; i < 5; i++) {
        ssize_t r = pread(fd, block, BS, hole_blocks[i] * BS);
        if (r != BS || memcmp(block, zeroes, BS) != 0) {
            check(0, "fs_triple_indirect", "%s, never written, %s: a 0 on the way is a hole, "
                  "and ext2_get_block without create gives 0 for it", way_to(hole_blocks[i]),
                  r == BS ? "is not zeroes" : "cannot be read");
            close(fd);
            return;
        }
    }
    long taken = before - free_blocks();
    close(fd);
    check(taken == SPARSE_BLOCKS, "fs_triple_indirect", "three writes of 8 bytes took %ld "
          "blocks, want %d: a new indirect block only where the way has a 0", taken,
          SPARSE_BLOCKS);
    fs->triple_ok = taken == SPARSE_BLOCKS;
}

/* truncate to size, then the blocks path takes must be want. */
static const char *cut_to(const char *path, uint32_t size, long want)
{
    static char text[100];

    if (truncate(path, size) < 0)
        snprintf(text, sizeof(text), "truncate to %u failed (%s)", size, strerror(errno));
    else if (blocks_of(path) != want)
        snprintf(text, sizeof(text), "truncate to %u left %ld blocks, not %ld", size,
                 blocks_of(path), want);
    else
        return NULL;
    return text;
}

/* Why truncate inside the two trees goes wrong; NULL if it does not. */
static const char *truncate_problem(void)
{
    static char text[300];
    int err;
    const char *why;

    if ((why = cut_to(MNT "/big", CUT_SIZE, CUT_BLOCKS))) {
        snprintf(text, sizeof(text), "the 4 MiB file: %s (%u data, %u indirect): truncate_branch "
                 "frees each block from `first` on, and an indirect block left empty", why,
                 CUT_DATA, CUT_BLOCKS - CUT_DATA);
        return text;
    }
    /* a new file takes the blocks just freed: the kept ones must not be among them */
    write_words(MNT "/filler", FILLER_SIZE, 3, &err);
    if ((why = read_problem(MNT "/big", CUT_SIZE, 2))) {
        snprintf(text, sizeof(text), "cut file, after a new one took the freed blocks: %s", why);
        return text;
    }
    if ((why = cut_to(MNT "/sparse", 70u << 20, SPARSE_70_BLOCKS)) ||
        (why = cut_to(MNT "/sparse", TRIPLE_START * BS, SPARSE_CUT_BLOCKS)) ||
        (why = cut_to(MNT "/sparse", 0, 0))) {
        snprintf(text, sizeof(text), "the sparse file with blocks in the triple tree: %s: "
                 "ext2_free_blocks_from must cut i_block[14] back too", why);
        return text;
    }
    return NULL;
}

static void truncated(const struct fs_state *fs)
{
    if (!fs->double_ok || !fs->triple_ok) {
        check(0, "fs_truncate", "needs fs_double_indirect and fs_triple_indirect first");
        return;
    }
    const char *why = truncate_problem();
    check(!why, "fs_truncate", "%s", why);
}

static const char *const names[] = { "past", "big", "filler", "sparse", "sparse2" };
#define NFILES 5

static void unlinked(const struct fs_state *fs)
{

    if (!fs->double_ok) {
        check(0, "fs_unlink", "needs fs_double_indirect first");
        return;
    }
    /* one more file with blocks in all three trees, to go by unlink alone */
    int fd = open(MNT "/sparse2", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    for (int i = 0; fd >= 0 && i < NPIECES; i++)
        pwrite(fd, pieces[i].text, 8, pieces[i].off);
    if (fd >= 0)
        close(fd);
    for (int i = 0; i < NFILES; i++) {
        char path[64];
        snprintf(path, sizeof(path), MNT "/%s", names[i]);
        long had = blocks_of(path), before = free_blocks();
        if (had < 0)
            continue;
        if (unlink(path) < 0 || free_blocks() - before != had) {
            check(0, "fs_unlink", "unlinking %s (%ld blocks) gave back %ld: ext2_evict calls "
                  "ext2_free_blocks_from(ino, 0), which must free the double and triple trees",
                  path, had, free_blocks() - before);
            return;
        }
    }
    check(free_blocks() == fs->start_free && free_inodes() == fs->start_inodes, "fs_unlink",
          "with the grader's files gone, %ld blocks and %ld inodes are free; at its start, "
          "%ld and %ld", free_blocks(), free_inodes(), fs->start_free, fs->start_inodes);
}

static void disk_clean(const struct fs_state *fs)
{
    if (!fs->double_ok) {
        check(0, "fs_disk_clean", "needs fs_double_indirect first: a disk with small files "
              "only says little");
        return;
    }
    int again = remount() == 0;
    long blocks = free_blocks(), inodes = free_inodes();
    check(again && blocks == fs->start_free && inodes == fs->start_inodes, "fs_disk_clean",
          "after umount and mount, %ld blocks and %ld inodes are free (the group descriptors "
          "say so); at the start, %ld and %ld", blocks, inodes, fs->start_free,
          fs->start_inodes);
    expect_console_note("fs_disk_clean", "the host's e2fsck after the boot: what it found is at "
                        "the end of build/grade-fs.log", "e2fsck -fn: the disk is clean");
}

int main(void)
{
    static const char *const all[] = { "fs_past_single", "fs_double_indirect",
        "fs_blocks_counted", "fs_host_files", "fs_triple_indirect", "fs_truncate", "fs_unlink",
        "fs_disk_clean" };
    struct fs_state fs = { 0, 0, 0, 0 };
    struct statfs64 st = { 0 };
    char why[200] = "";

    mkdir(MNT, 0755);
    if (mount("/dev/hda", MNT, "ext2", 0, NULL) < 0)
        snprintf(why, sizeof(why), "mount of /dev/hda on " MNT " failed (%s): make grade "
                 "attaches a disk; by hand, umount /home first", strerror(errno));
    else if (statfs64(MNT, &st) < 0 || st.f_bsize != BS)
        snprintf(why, sizeof(why), "the disk has %u-byte blocks: this grader counts with "
                 "1 KiB blocks, as on make test's disk", st.f_bsize);
    for (int i = 0; why[0] && i < 8; i++)
        check(0, all[i], "%s", why);
    if (why[0]) {
        umount(MNT);
        rmdir(MNT);
        return test_exit_code();
    }
    for (int i = 0; i < NFILES; i++) {       /* what a run by hand left, if it stopped */
        char path[64];
        snprintf(path, sizeof(path), MNT "/%s", names[i]);
        unlink(path);
    }
    fs.start_free = free_blocks();
    fs.start_inodes = free_inodes();
    past_single();
    double_indirect(&fs);
    host_files();
    triple_indirect(&fs);
    truncated(&fs);
    unlinked(&fs);
    disk_clean(&fs);
    umount(MNT);
    rmdir(MNT);
    return test_exit_code();
}
