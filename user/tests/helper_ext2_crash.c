/* The first process of tools/hosttests/ext2_crash.sh's boots (init=...):
 * what sync() promises survives a crash.  The word the host wrote in the
 * disk's first sector (ext2 leaves its first kilobyte to boot loaders)
 * says what to do:
 *
 *   crash      mount the disk, make files of every shape, sync(), say
 *              "crash: synced", then go on changing other files -- creating,
 *              writing, removing -- until the host kills QEMU;
 *   verify-ro  after the crash, before any repair: mount read-only and
 *              check every synced file byte for byte;
 *   verify-rw  after e2fsck -fy: check them again, mount read-write, write
 *              and remove, unmount and power off (the host runs e2fsck -fn).
 *
 * Every synced file's bytes come from content(), so a verifying boot knows
 * what they must be without the host telling it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>

#define MNT "/tmp/crash"
#define CHUNK 65536
#define DIR_FILES 100

static char buf[CHUNK], got[CHUNK];
static int failures;

/* Byte j of the file with number id. */
static unsigned char content(int id, long j)
{
    return (unsigned char)(j * 131 + id * 17 + (j >> 10));
}

static void fill(int id, long from, int n)
{
    for (int i = 0; i < n; i++)
        buf[i] = content(id, from + i);
}

static void result(int ok, const char *mode, const char *name, const char *why)
{
    if (ok)
        printf("ok ext2_crash_%s_%s\n", mode, name);
    else
        printf("FAIL ext2_crash_%s_%s: %s\n", mode, name, why);
    failures += !ok;
}

/* ---------------------------------------------------------------- the synced files */

/* Writes size bytes of content(id) to path, starting at offset `at`. */
static int write_file(const char *path, int id, long at, long size)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || lseek(fd, at, SEEK_SET) != at)
        return -1;
    for (long done = 0; done < size;) {
        int n = size - done < CHUNK ? size - done : CHUNK;
        fill(id, at + done, n);
        if (write(fd, buf, n) != n)
            return close(fd), -1;
        done += n;
    }
    return close(fd);
}

struct synced_file {
    const char *name;
    long size;
};

/* The files made before sync(); synced/dir/fNNN are DIR_FILES more.  All
 * stay within the single indirect block (268 KiB with 1 KiB blocks), so
 * that the students' tree, whose ext2 goes no further until the lab fs is
 * done, passes this test too. */
static const struct synced_file files[] = {
    { "small", 100 },
    { "medium", 150000 },          /* single-indirect blocks */
    { "big", 260000 },             /* nearly all of them */
    { "renamed", 5000 },           /* written as "tmpname", then renamed */
    { "cut", 7000 },               /* written 50000 long, then truncated */
};
#define SPARSE_AT 200000L          /* synced/sparse: 10 bytes after a hole */

static long dir_file_size(int i)
{
    return 1000 + 37 * i;
}

static int make_synced(void)
{
    char path[64];
    int bad = 0;

    bad |= mkdir(MNT "/synced", 0755) < 0 || mkdir(MNT "/synced/dir", 0755) < 0;
    bad |= write_file(MNT "/synced/small", 0, 0, files[0].size) < 0;
    bad |= write_file(MNT "/synced/medium", 1, 0, files[1].size) < 0;
    bad |= write_file(MNT "/synced/big", 2, 0, files[2].size) < 0;
    bad |= write_file(MNT "/synced/tmpname", 3, 0, files[3].size) < 0;
    bad |= rename(MNT "/synced/tmpname", MNT "/synced/renamed") < 0;
    bad |= write_file(MNT "/synced/cut", 4, 0, 50000) < 0 ||
           truncate(MNT "/synced/cut", 7000) < 0;
    bad |= write_file(MNT "/synced/sparse", 5, SPARSE_AT, 10) < 0;
    bad |= symlink("small", MNT "/synced/link") < 0;
    bad |= link(MNT "/synced/medium", MNT "/synced/hard") < 0;
    bad |= write_file(MNT "/synced/gone", 6, 0, 20000) < 0 || unlink(MNT "/synced/gone") < 0;
    for (int i = 0; i < DIR_FILES; i++) {
        snprintf(path, sizeof(path), MNT "/synced/dir/f%03d", i);
        bad |= write_file(path, 100 + i, 0, dir_file_size(i)) < 0;
    }
    return bad ? -1 : 0;
}

/* ---------------------------------------------------------------- checking them */

/* Does path hold size bytes of content(id) from offset `at` on, and
 * zeroes before it? */
static int same_file(const char *path, int id, long at, long size)
{
    struct stat st;
    int fd = open(path, O_RDONLY);
    if (fd < 0 || fstat(fd, &st) < 0 || (long)st.st_size != at + size) {
        if (fd >= 0)
            close(fd);
        return 0;
    }
    int same = 1;
    for (long pos = 0; same && pos < at + size;) {
        int n = read(fd, got, CHUNK);
        if (n <= 0)
            same = 0;
        for (int i = 0; same && i < n; i++, pos++)
            same = got[i] == (char)(pos < at ? 0 : content(id, pos));
    }
    close(fd);
    return same;
}

static void verify(const char *mode)
{
    char path[64], link[16];
    struct stat st;

    for (int k = 0; k < (int)(sizeof(files) / sizeof(files[0])); k++) {   /* id k */
        snprintf(path, sizeof(path), MNT "/synced/%s", files[k].name);
        result(same_file(path, k, 0, files[k].size), mode, files[k].name,
               "missing, a wrong size, or other bytes than were synced");
    }
    result(same_file(MNT "/synced/sparse", 5, SPARSE_AT, 10), mode, "sparse",
           "the bytes after the hole, or the hole's zeroes, are not what was synced");
    long n = readlink(MNT "/synced/link", link, sizeof(link));
    result(n == 5 && memcmp(link, "small", 5) == 0, mode, "symlink", "readlink is not \"small\"");
    result(stat(MNT "/synced/hard", &st) == 0 && st.st_nlink == 2 &&
           same_file(MNT "/synced/hard", 1, 0, files[1].size), mode, "hard_link",
           "not the same 2-link file as medium");
    result(access(MNT "/synced/gone", F_OK) < 0 && errno == ENOENT &&
           access(MNT "/synced/tmpname", F_OK) < 0, mode, "removed_stay_removed",
           "a name removed before sync() came back");
    int dir_ok = 1;
    for (int i = 0; i < DIR_FILES; i++) {
        snprintf(path, sizeof(path), MNT "/synced/dir/f%03d", i);
        dir_ok &= same_file(path, 100 + i, 0, dir_file_size(i));
    }
    result(dir_ok, mode, "directory_of_100", "a file in synced/dir is missing or differs");
}

/* ---------------------------------------------------------------- after sync: may be lost */

/* Never returns: the host kills QEMU while this runs. */
static void churn(void)
{
    char path[64], old[64];

    mkdir(MNT "/unsynced", 0755);
    memset(buf, 'u', sizeof(buf));
    for (int i = 0;; i++) {
        snprintf(path, sizeof(path), MNT "/unsynced/f%d", i);
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            write(fd, buf, sizeof(buf));
            close(fd);
        }
        if (i >= 20) {               /* keep about 20: blocks are freed as well as taken */
            snprintf(old, sizeof(old), MNT "/unsynced/f%d", i - 20);
            unlink(old);
        }
        if (i % 10 == 0) {
            snprintf(path, sizeof(path), MNT "/unsynced/d%d", i);
            mkdir(path, 0755);
            snprintf(old, sizeof(old), MNT "/unsynced/d%d", i - 10);
            rmdir(old);
        }
        if (i % 20 == 0) {
            printf("crash: churn %d\n", i);
            fflush(stdout);
        }
    }
}

static void power_off(void)
{
    fflush(stdout);
    reboot(RB_POWER_OFF);
}

int main(void)
{
    char mode[16] = "";
    int fd = open("/dev/hda", O_RDONLY);

    if (fd < 0 || pread(fd, mode, sizeof(mode) - 1, 0) < 0)
        printf("FAIL ext2_crash_disk: no /dev/hda\n");
    if (fd >= 0)
        close(fd);
    mode[strcspn(mode, "\n")] = '\0';
    mkdir(MNT, 0755);
    unsigned long flags = strcmp(mode, "verify-ro") == 0 ? MS_RDONLY : 0;
    if (mount("/dev/hda", MNT, "ext2", flags, NULL) < 0) {
        printf("FAIL ext2_crash_%s_mount: errno %d\n", mode, errno);
        power_off();
    }
    if (strcmp(mode, "crash") == 0) {
        result(make_synced() == 0, mode, "files_made", "could not make the files to sync");
        sync();
        printf("crash: synced\n");
        fflush(stdout);
        churn();
    }
    verify(mode);
    if (strcmp(mode, "verify-rw") == 0) {
        result(write_file(MNT "/after", 7, 0, 100000) == 0 &&
               same_file(MNT "/after", 7, 0, 100000) && unlink(MNT "/synced/big") == 0, mode,
               "writable", "writing or removing failed");
    }
    result(umount(MNT) == 0, mode, "umount", "umount failed");
    printf("crash: %s done, %d failed\n", mode, failures);
    power_off();
    return 0;
}
