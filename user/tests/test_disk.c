/* The disks through their device files: /dev/hda (the test run's copy of
 * the ext2 image, only read here) and /dev/hdb (a blank scratch disk that
 * tools/test.sh makes for each run, written here).
 *
 * The driver reads the right sectors (ext2's magic number at byte 1080);
 * a pattern written, synced, dropped from the cache (BLKFLSBUF) and read
 * again comes back from the disk itself; eight processes at once get
 * their own data; the end of the disk is end of file; a signal does not
 * cut a disk read short; pread leaves a shared offset alone while it
 * sleeps, and two readers of one shared offset each get whole pieces of
 * their own; bdflush writes old dirty blocks by itself. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <minnow/blkdev.h>
#include <minnow/test.h>

#define HDA "/dev/hda"
#define HDB "/dev/hdb"
#define MIB (1024 * 1024)

static char buf[512 * 1024], back[512 * 1024];

/* A value of /proc/bufstat ("misses 12"), or -1. */
static long bufstat(const char *key)
{
    char line[80], name[40];
    long value, found = -1;
    FILE *f = fopen("/proc/bufstat", "r");

    while (f && fgets(line, sizeof(line), f))
        if (sscanf(line, "%39s %ld", name, &value) == 2 && strcmp(name, key) == 0)
            found = value;
    if (f)
        fclose(f);
    return found;
}

/* Bytes that differ from one offset to the next and from one seed to the next. */
static void fill(char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (char)(i * 7 + (i >> 9) + seed * 31);
}

static void superblock(void)
{
    unsigned char magic[2] = { 0, 0 };
    unsigned long sectors = 0;
    struct stat st;
    int fd = open(HDA, O_RDONLY);

    check(fd >= 0, "disk_open_hda", "errno %d", errno);
    check(fstat(fd, &st) == 0 && S_ISBLK(st.st_mode) && st.st_rdev == 0x300,
          "disk_hda_is_block_3_0", "mode %o rdev %x", st.st_mode, (unsigned)st.st_rdev);
    check(pread(fd, magic, 2, 1080) == 2 && magic[0] == 0x53 && magic[1] == 0xEF,
          "disk_ext2_magic", "bytes %02x %02x at 1080", magic[0], magic[1]);
    check(ioctl(fd, BLKGETSIZE, &sectors) == 0 && sectors > 0 &&
          lseek(fd, 0, SEEK_END) == (off_t)(sectors * 512), "disk_size",
          "%lu sectors, end at %ld", sectors, (long)lseek(fd, 0, SEEK_END));
    close(fd);
}

/* At the end of the disk: a short read, then end of file; no write. */
static void end_of_disk(void)
{
    int fd = open(HDA, O_RDWR);
    off_t end = lseek(fd, 0, SEEK_END);

    check(lseek(fd, end - 100, SEEK_SET) == end - 100 && read(fd, buf, 512) == 100,
          "disk_short_read_at_end", "pos %ld", (long)lseek(fd, 0, SEEK_CUR));
    check(read(fd, buf, 512) == 0, "disk_eof_at_end", "errno %d", errno);
    check(lseek(fd, end + 4096, SEEK_SET) == end + 4096 && read(fd, buf, 512) == 0,
          "disk_eof_past_end", "errno %d", errno);
    errno = 0;
    check(write(fd, buf, 512) == -1 && errno == ENOSPC, "disk_write_past_end_enospc",
          "errno %d", errno);
    check(fsync(fd) == 0 && fdatasync(fd) == 0, "disk_fsync_hda", "errno %d", errno);
    close(fd);
}

/* Written, synced, dropped from the cache, read from the disk again. */
static void round_trip(void)
{
    const off_t at = MIB + 1000;         /* not on a block boundary */
    const size_t n = 300 * 1024;
    int fd = open(HDB, O_RDWR);

    check(fd >= 0, "disk_open_hdb", "errno %d", errno);
    fill(buf, n, 1);
    check(pwrite(fd, buf, n, at) == (ssize_t)n, "disk_write_pattern", "errno %d", errno);
    check(fsync(fd) == 0, "disk_fsync", "errno %d", errno);
    check(bufstat("dirty") == 0, "disk_fsync_leaves_nothing_dirty", "dirty %ld",
          bufstat("dirty"));
    check(ioctl(fd, BLKFLSBUF, 0) == 0, "disk_blkflsbuf", "errno %d", errno);
    long reads = bufstat("reads");     /* blocks from the disk, read ahead too */
    memset(back, 0, n);
    check(pread(fd, back, n, at) == (ssize_t)n && memcmp(buf, back, n) == 0,
          "disk_pattern_read_back", "differs");
    check(bufstat("reads") - reads >= (long)(n / 4096), "disk_read_back_from_disk",
          "%ld blocks read for %zu bytes", bufstat("reads") - reads, n);
    long hits = bufstat("hits");
    long misses = bufstat("misses");
    check(pread(fd, back, n, at) == (ssize_t)n && bufstat("misses") == misses &&
          bufstat("hits") > hits, "disk_second_read_from_cache", "misses %ld -> %ld",
          misses, bufstat("misses"));
    close(fd);
}

#define CHILDREN 8
#define REGION (256 * 1024)
#define SHARED_AT (8 * MIB)

/* Child i writes its own region in odd-sized pieces, reads it back, and
 * reads the region the parent wrote before the fork. */
static int child_io(int i)
{
    static char mine[REGION], got[REGION];
    int fd = open(HDB, O_RDWR);
    off_t at = 4 * MIB + (off_t)i * REGION;

    fill(mine, REGION, 100 + i);
    for (size_t done = 0; done < REGION;) {
        size_t piece = REGION - done < 3000 ? REGION - done : 3000;
        if (pwrite(fd, mine + done, piece, at + done) != (ssize_t)piece)
            return 1;
        done += piece;
    }
    if (pread(fd, got, REGION, at) != REGION || memcmp(mine, got, REGION) != 0)
        return 2;
    fill(mine, REGION, 99);
    if (pread(fd, got, REGION, SHARED_AT) != REGION || memcmp(mine, got, REGION) != 0)
        return 3;
    return close(fd) == 0 ? 0 : 4;
}

static void concurrent(void)
{
    static char want[REGION];
    pid_t pids[CHILDREN];
    int fd = open(HDB, O_RDWR), bad = 0;

    fill(want, REGION, 99);
    pwrite(fd, want, REGION, SHARED_AT);
    ioctl(fd, BLKFLSBUF, 0);             /* the children read it from the disk */
    for (int i = 0; i < CHILDREN; i++) {
        fflush(stdout);
        if ((pids[i] = fork()) == 0)
            _exit(child_io(i));
    }
    for (int i = 0; i < CHILDREN; i++) {
        int status = wait_status(pids[i]);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            printf("child %d: status %x\n", i, status);
            bad++;
        }
    }
    check(bad == 0, "disk_concurrent_children", "%d of %d failed", bad, CHILDREN);
    sync();
    ioctl(fd, BLKFLSBUF, 0);
    for (int i = 0; i < CHILDREN; i++) {
        fill(want, REGION, 100 + i);
        if (pread(fd, back, REGION, 4 * MIB + (off_t)i * REGION) != REGION ||
            memcmp(want, back, REGION) != 0)
            bad++;
    }
    check(bad == 0, "disk_concurrent_on_disk", "%d regions differ", bad);
    close(fd);
}

static void on_usr1(int sig)
{
    (void)sig;
}

/* A disk read sleeps uninterruptibly: a signal meanwhile is handled
 * after it, and the read is whole (no EINTR, no short count). */
static void signal_during_read(void)
{
    int fd = open(HDB, O_RDONLY);
    sigset_t usr1;

    ioctl(fd, BLKFLSBUF, 0);
    install_handler(SIGUSR1, on_usr1, 0);         /* no SA_RESTART */
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    pid_t parent = getpid();
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        for (int i = 0; i < 20; i++) {
            kill(parent, SIGUSR1);
            usleep(5000);
        }
        _exit(0);
    }
    ssize_t got = 0, n;
    for (int i = 0; i < 8 && (n = read(fd, buf, sizeof(buf))) > 0; i++)
        got += n;
    check(got == 8 * (ssize_t)sizeof(buf), "disk_read_not_cut_by_signal", "read %zd, errno %d",
          got, errno);
    wait_status(pid);
    close(fd);
}

/* pread and pwrite leave the file's offset alone, even while they sleep
 * on the disk: a child sharing the open file preads elsewhere, from the
 * disk each time, while the parent reads its way through a region in
 * order; every word it reads is the word at its own offset. */
#define OFFSETS_AT (24 * MIB)

static int pread_far_away(int fd)
{
    for (int i = 0; i < 40; i++) {
        ioctl(fd, BLKFLSBUF, 0);
        if (pread(fd, back, 64 * 1024, 40 * MIB + (off_t)i * 64 * 1024) != 64 * 1024)
            return 1;
    }
    return 0;
}

static void pread_shared_offset(void)
{
    int fd = open(HDB, O_RDWR), wrong = 0;
    unsigned *words = (unsigned *)buf;

    for (size_t i = 0; i < sizeof(buf) / 4; i++)
        words[i] = OFFSETS_AT + 4 * i;
    pwrite(fd, buf, sizeof(buf), OFFSETS_AT);
    fsync(fd);
    ioctl(fd, BLKFLSBUF, 0);
    lseek(fd, OFFSETS_AT, SEEK_SET);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0)
        _exit(pread_far_away(fd));
    unsigned chunk[1024];
    for (size_t done = 0; done < sizeof(buf); done += sizeof(chunk)) {
        if (read(fd, chunk, sizeof(chunk)) != sizeof(chunk))
            wrong++;
        for (int i = 0; i < 1024; i++)
            wrong += chunk[i] != OFFSETS_AT + done + 4 * i;
        ioctl(fd, BLKFLSBUF, 0);         /* so that this read sleeps too */
    }
    int status = wait_status(pid);
    check(wrong == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0, "disk_pread_keeps_offset",
          "%d words read from the wrong place; child %x", wrong, status);
    check(lseek(fd, 0, SEEK_CUR) == OFFSETS_AT + (off_t)sizeof(buf), "disk_read_moves_offset",
          "offset %ld", (long)lseek(fd, 0, SEEK_CUR));
    close(fd);
}

/* Two processes read() one shared open file, each from the disk: the
 * offset hands every 4 KiB piece to exactly one of them, whole. */
#define PIECES 128

static int read_pieces(int fd, unsigned *starts)
{
    unsigned piece[1024];

    for (int i = 0; i < PIECES / 2; i++) {
        ioctl(fd, BLKFLSBUF, 0);
        if (read(fd, piece, sizeof(piece)) != sizeof(piece))
            return -1;
        for (int w = 1; w < 1024; w++)
            if (piece[w] != piece[0] + 4 * w)
                return -1;               /* not one piece: torn */
        starts[i] = piece[0];
    }
    return 0;
}

static void shared_reads(void)
{
    int fd = open(HDB, O_RDONLY), p[2], bad = 0;
    unsigned mine[PIECES / 2], theirs[PIECES / 2];
    char seen[PIECES] = { 0 };

    pipe(p);
    lseek(fd, OFFSETS_AT, SEEK_SET);     /* the words pread_shared_offset wrote */
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        int ok = read_pieces(fd, theirs) == 0;
        _exit(ok && write(p[1], theirs, sizeof(theirs)) == sizeof(theirs) ? 0 : 1);
    }
    bad += read_pieces(fd, mine) < 0;
    bad += read(p[0], theirs, sizeof(theirs)) != sizeof(theirs);
    wait_status(pid);
    for (int i = 0; !bad && i < PIECES; i++) {
        unsigned at = i < PIECES / 2 ? mine[i] : theirs[i - PIECES / 2];
        unsigned k = (at - OFFSETS_AT) / 4096;
        bad += k >= PIECES || seen[k]++;
    }
    check(bad == 0, "disk_shared_offset_one_reader_a_piece",
          "a piece read twice, torn, or missing (%d)", bad);
    close(fd);
    close(p[0]);
    close(p[1]);
}

/* Nobody syncs: bdflush writes a block dirty for 5 s within a second or two. */
static void bdflush_writes(void)
{
    int fd = open(HDB, O_RDWR);

    fill(buf, 4096, 7);
    pwrite(fd, buf, 4096, 16 * MIB);
    check(bufstat("dirty") >= 1, "disk_write_is_deferred", "dirty %ld", bufstat("dirty"));
    for (int i = 0; i < 9 && bufstat("dirty") > 0; i++)
        sleep(1);
    check(bufstat("dirty") == 0, "disk_bdflush_writes_old_blocks", "dirty %ld",
          bufstat("dirty"));
    close(fd);
}

/* fsync where there is no disk: a file in RAM has nothing to write (0,
 * as tmpfs on Linux); a pipe cannot be synced (EINVAL); a bad fd is EBADF. */
static void fsync_kinds(void)
{
    int p[2], fd = open("/tmp/test_disk_fsync", O_CREAT | O_RDWR | O_TRUNC, 0644);

    check(fd >= 0 && write(fd, "x", 1) == 1 && fsync(fd) == 0 && fdatasync(fd) == 0,
          "fsync_ram_file", "errno %d", errno);
    close(fd);
    unlink("/tmp/test_disk_fsync");
    pipe(p);
    errno = 0;
    check(fsync(p[0]) == -1 && errno == EINVAL, "fsync_pipe_einval", "errno %d", errno);
    close(p[0]);
    close(p[1]);
    errno = 0;
    check(fsync(99) == -1 && errno == EBADF, "fsync_bad_fd_ebadf", "errno %d", errno);
}

int main(void)
{
    check_group(fsync_kinds, "fsync");
    if (access(HDA, F_OK) != 0 || access(HDB, F_OK) != 0) {
        printf("skip disk: no /dev/hda and /dev/hdb (tools/test.sh attaches both)\n");
        return 0;
    }
    check_group(superblock, "disk_superblock");
    check_group(end_of_disk, "disk_end");
    check_group(round_trip, "disk_round_trip");
    check_group(concurrent, "disk_concurrent");
    check_group(signal_during_read, "disk_signal");
    check_group(pread_shared_offset, "disk_pread");
    check_group(shared_reads, "disk_shared_reads");
    check_group(bdflush_writes, "disk_bdflush");
    return test_exit_code();
}
