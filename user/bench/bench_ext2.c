/* A file system on the disk: ext2 on the first IDE disk of the benchmark
 * boots (tools/bench.sh gives every boot a fresh copy of
 * build/bench-ext2.img, an empty ext2 file system made by mke2fs: Minnow's
 * /dev/hda, Linux's /dev/sda).  Both kernels mount the same image as type
 * "ext2" (on Linux that is the ext4 driver, which Debian's kernel uses for
 * ext2) and run the same passes:
 *
 *   ext2_write_16mib      a new 16 MiB file in 64 KiB writes, then fsync
 *   ext2_read_16mib_cold  umount + mount first (not timed): both kernels
 *                         forget the file system's cached blocks and pages
 *                         there, so every block comes from the disk
 *   ext2_read_16mib_warm  read again, from whatever the cache kept
 *   ext2_create_1000      1000 files of 100 bytes in one directory, then sync
 *   ext2_remove_1000      the 1000 files removed, then sync
 *
 * A pass opens and closes the file too.  Each row is the median of PASSES
 * passes; what a pass needs first (the old file gone, the 1000 files there)
 * is done before the clock starts.  Beside each row a line "diskio NAME
 * ..." says how many requests the pass (the median one) sent to the disk
 * and how many sectors they moved (/proc/diskstats), and how many clock
 * ticks of it the CPU was busy and how many idle, waiting for the disk
 * (/proc/stat), read the same way on both systems: where the time goes,
 * when the ratio is large. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include "bench.h"

#define TOTAL (16 * 1024 * 1024)
#define CALL (64 * 1024)
#define PASSES 3
#define NFILES 1000
#define SMALL 100                        /* bytes in each of the 1000 files */

#define MNT "/tmp/bench-ext2"
#define BIG MNT "/big"
#define MANY MNT "/many"
#define LABEL "minnow-bench"             /* mke2fs -L in the Makefile */

static char buf[CALL];
static const char *dev;                  /* /dev/hda or /dev/sda */
static int failed;                       /* a pass went wrong: no row */

static void fail(const char *what)
{
    if (!failed)
        printf("bench_ext2: %s: %s\n", what, strerror(errno));
    failed = 1;
}

/* Is path our disk: an ext2 superblock (magic 0xEF53 at byte 1080) with
 * the label mke2fs gave it (s_volume_name, at byte 1144)?  Both systems
 * name their disks differently; the label keeps us off any other. */
static int is_bench_disk(const char *path)
{
    unsigned char sb[1024];
    int fd = open(path, O_RDONLY);

    if (fd < 0)
        return 0;
    int ok = pread(fd, sb, sizeof(sb), 1024) == (ssize_t)sizeof(sb) && sb[56] == 0x53 &&
             sb[57] == 0xEF && strncmp((char *)sb + 120, LABEL, 16) == 0;
    close(fd);
    return ok;
}

/* Prints the line of /proc/mounts for MNT (the same format on both
 * systems), so that each boot's log says what was measured: on Linux,
 * type ext2 through the ext4 driver. */
static void show_mount(void)
{
    FILE *f = fopen("/proc/mounts", "r");
    char line[256];

    while (f && fgets(line, sizeof(line), f))
        if (strstr(line, " " MNT " "))
            printf("bench_ext2: %s", line);
    if (f)
        fclose(f);
}

/* ---------------------------------------------------------------- disk I/O */

struct ios {
    unsigned long reads, read_sectors, writes, write_sectors;
    unsigned long busy, idle;            /* clock ticks (10 ms on both) */
};

/* The CPU's time so far, in /proc/stat's first line: user, nice, system,
 * idle, iowait, irq, softirq.  Busy is all but idle and iowait (Linux
 * counts a CPU idle while a task waits for the disk as iowait; Minnow
 * as idle). */
static void cpu_ticks(struct ios *s)
{
    FILE *f = fopen("/proc/stat", "r");
    unsigned long v[7] = { 0, 0, 0, 0, 0, 0, 0 };

    if (f && fscanf(f, "cpu %lu %lu %lu %lu %lu %lu %lu", &v[0], &v[1], &v[2], &v[3], &v[4],
                    &v[5], &v[6]) == 7) {
        s->busy = v[0] + v[1] + v[2] + v[5] + v[6];
        s->idle = v[3] + v[4];
    }
    if (f)
        fclose(f);
}

/* The disk's counters in /proc/diskstats (the same first fields on both
 * systems: reads completed, merged, sectors read, ms; the same for writes). */
static struct ios disk_ios(void)
{
    struct ios s = { 0, 0, 0, 0, 0, 0 };
    FILE *f = fopen("/proc/diskstats", "r");
    char line[256], name[32];
    unsigned long v[8];
    unsigned major, minor;

    while (f && fgets(line, sizeof(line), f))
        if (sscanf(line, "%u %u %31s %lu %lu %lu %lu %lu %lu %lu %lu", &major, &minor, name,
                   &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]) == 11 &&
            strcmp(name, dev + 5) == 0) {
            s.reads = v[0], s.read_sectors = v[2], s.writes = v[4], s.write_sectors = v[6];
            break;
        }
    if (f)
        fclose(f);
    cpu_ticks(&s);
    return s;
}

/* Runs setup (not timed, may be NULL) and then op, PASSES times, and
 * prints the median pass's cycles and disk requests. */
static void ext2_row(const char *name, void (*setup)(void), void (*op)(void))
{
    unsigned long long t[PASSES];
    struct ios io[PASSES];

    failed = 0;
    for (int i = 0; i < PASSES; i++) {
        if (setup)
            setup();
        struct ios before = disk_ios();
        unsigned long long start = bench_cycles();
        op();
        unsigned long long cycles = bench_cycles() - start;
        struct ios after = disk_ios();
        struct ios d = { after.reads - before.reads, after.read_sectors - before.read_sectors,
                         after.writes - before.writes,
                         after.write_sectors - before.write_sectors, after.busy - before.busy,
                         after.idle - before.idle };
        int j = i;
        for (; j > 0 && t[j - 1] > cycles; j--) {   /* insertion sort, by time */
            t[j] = t[j - 1];
            io[j] = io[j - 1];
        }
        t[j] = cycles;
        io[j] = d;
    }
    if (failed)
        return;
    bench_report(name, t[PASSES / 2] * 10);
    struct ios *m = &io[PASSES / 2];
    printf("diskio %-22s %lu reads (%lu sectors), %lu writes (%lu sectors); "
           "CPU busy %lu ticks, idle %lu\n",
           name, m->reads, m->read_sectors, m->writes, m->write_sectors, m->busy, m->idle);
    fflush(stdout);
}

/* ---------------------------------------------------------------- the big file */

static void remove_big(void)
{
    if (unlink(BIG) < 0 && errno != ENOENT)
        fail("unlink " BIG);
    sync();                              /* the freed blocks reach the disk before the clock starts */
}

static void write_big(void)
{
    int fd = open(BIG, O_WRONLY | O_CREAT | O_TRUNC, 0644);

    if (fd < 0) {
        fail("open " BIG);
        return;
    }
    for (int i = 0; i < TOTAL / CALL; i++)
        if (write(fd, buf, CALL) != CALL) {
            fail("write " BIG);
            break;
        }
    if (fsync(fd) < 0)
        fail("fsync " BIG);
    close(fd);
}

static void read_big(void)
{
    int fd = open(BIG, O_RDONLY);
    long total = 0, n;

    if (fd < 0) {
        fail("open " BIG);
        return;
    }
    while ((n = read(fd, buf, CALL)) > 0)
        total += n;
    if (n < 0 || total != TOTAL) {
        errno = n < 0 ? errno : EIO;
        fail("read " BIG);
    }
    close(fd);
}

/* Both kernels drop what they cached of a file system when it goes: on
 * Minnow ext2's mount writes and empties the disk's buffers
 * (set_blocksize), on Linux the unmount evicts the files' pages and the
 * last close of the disk its own. */
static void remount(void)
{
    if (umount(MNT) < 0)
        fail("umount " MNT);
    if (mount(dev, MNT, "ext2", 0, NULL) < 0)
        fail("mount");
}

/* ---------------------------------------------------------------- 1000 files */

static void small_name(char *name, size_t size, int i)
{
    snprintf(name, size, MANY "/file%04d", i);
}

static void create_many(void)
{
    char name[64];

    memset(buf, 'x', SMALL);
    for (int i = 0; i < NFILES; i++) {
        small_name(name, sizeof(name), i);
        int fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (fd < 0) {
            fail("create");
            return;
        }
        if (write(fd, buf, SMALL) != SMALL)
            fail("write");
        close(fd);
    }
    sync();
}

static void remove_many(void)
{
    char name[64];

    for (int i = 0; i < NFILES; i++) {
        small_name(name, sizeof(name), i);
        if (unlink(name) < 0 && errno != ENOENT)
            fail("unlink");
    }
    sync();
}

/* Before a removal pass: the 1000 files, made anew (the pass before, or
 * the creation row, may have left them). */
static void fresh_many(void)
{
    remove_many();
    create_many();
}

int main(void)
{
    const char *disks[] = { "/dev/hda", "/dev/sda" };

    dev = NULL;
    for (int i = 0; i < 2 && !dev; i++)
        if (is_bench_disk(disks[i]))
            dev = disks[i];
    if (!dev) {
        printf("bench_ext2: no disk labelled " LABEL " (/dev/hda or /dev/sda)\n");
        return 0;
    }
    mkdir(MNT, 0755);
    if (mount(dev, MNT, "ext2", 0, NULL) < 0) {
        printf("bench_ext2: mount %s on " MNT " as ext2: %s\n", dev, strerror(errno));
        return 0;
    }
    show_mount();
    memset(buf, 0x5A, sizeof(buf));
    ext2_row("ext2_write_16mib", remove_big, write_big);
    ext2_row("ext2_read_16mib_cold", remount, read_big);
    read_big();                          /* what the cache can keep of it, it has now */
    ext2_row("ext2_read_16mib_warm", NULL, read_big);
    remove_big();

    if (mkdir(MANY, 0755) < 0 && errno != EEXIST)
        printf("bench_ext2: mkdir " MANY ": %s\n", strerror(errno));
    ext2_row("ext2_create_1000", remove_many, create_many);
    ext2_row("ext2_remove_1000", fresh_many, remove_many);
    rmdir(MANY);
    if (umount(MNT) < 0)
        printf("bench_ext2: umount " MNT ": %s\n", strerror(errno));
    return 0;
}
