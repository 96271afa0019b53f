/* ext2 images of other shapes, each written onto hdb (make test's blank
 * scratch disk) from the tests' initrd and mounted there:
 *   - 2 KiB and 4 KiB blocks, and revision 0 (no features: 128-byte
 *     inodes, directory entries without a type): read what mke2fs put
 *     there, write, grow, rename, remove, remount;
 *   - features: an unknown incompatible one refuses the mount, an unknown
 *     read-only-compatible one mounts read-only; a bad magic number is no
 *     file system; the superblock says "not clean" while mounted;
 *   - damage: a block number out of range, a directory entry with a bad
 *     rec_len or inode number: EIO for what is damaged, the rest usable;
 *   - a tiny image filled up: ENOSPC for blocks and for inodes, and every
 *     block and inode back after the files go.
 * The tiny image is last and is left clean on hdb: tools/hosttests/
 * ext2_fsck.sh runs e2fsck on it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <minnow/test.h>

#define IMAGES "/usr/libexec/minnow/ext2"
#define HDB "/dev/hdb"
#define MNT "/tmp/ext2img"
#define SB 1024                  /* the superblock's byte on the disk */

static char buf[256 * 1024], back[256 * 1024];

/* ---------------------------------------------------------------- the disk */

/* IMAGES/name.img onto hdb, from byte 0. */
static int put_image(const char *name)
{
    char path[128];
    long n, done = 0;

    snprintf(path, sizeof(path), IMAGES "/%s.img", name);
    int in = open(path, O_RDONLY), out = open(HDB, O_WRONLY);
    while (in >= 0 && out >= 0 && (n = read(in, buf, sizeof(buf))) > 0 &&
           write(out, buf, n) == n)
        done += n;
    int ok = in >= 0 && out >= 0 && done > 0 && fsync(out) == 0;
    close(in);
    close(out);
    return ok ? 0 : -1;
}

static int disk_rw(int write, uint32_t off, void *p, size_t n)
{
    int fd = open(HDB, write ? O_WRONLY : O_RDONLY);
    ssize_t done = write ? pwrite(fd, p, n, off) : pread(fd, p, n, off);

    if (write)
        fsync(fd);
    close(fd);
    return done == (ssize_t)n ? 0 : -1;
}

static uint32_t disk_u32(uint32_t off)
{
    uint32_t v = 0;

    disk_rw(0, off, &v, 4);
    return v;
}

static void disk_put_u32(uint32_t off, uint32_t v)
{
    disk_rw(1, off, &v, 4);
}

static void disk_put_u16(uint32_t off, uint16_t v)
{
    disk_rw(1, off, &v, 2);
}

/* Where inode ino's record is on the disk (the layout of docs/ext2.md). */
static uint32_t inode_offset(unsigned long ino)
{
    uint32_t bs = 1024u << disk_u32(SB + 24), ipg = disk_u32(SB + 40);
    uint32_t first_data = disk_u32(SB + 20), rev = disk_u32(SB + 76);
    uint32_t isize = rev ? (disk_u32(SB + 88) & 0xffff) : 128;
    uint32_t group = (ino - 1) / ipg, index = (ino - 1) % ipg;
    uint32_t table = disk_u32((first_data + 1) * bs + group * 32 + 8);

    return table * bs + index * isize;
}

static uint32_t block_size(void)
{
    return 1024u << disk_u32(SB + 24);
}

/* ---------------------------------------------------------------- helpers */

static int do_mount(unsigned long flags)
{
    return mount(HDB, MNT, "ext2", flags, NULL);
}

static long free_count(int inodes)
{
    struct statfs64 st;

    if (statfs64(MNT, &st) < 0)
        return -1;
    return inodes ? (long)st.f_ffree : (long)st.f_bfree;
}

/* CRC of the pattern file, as in test_ext2.c: POSIX cksum. */
static uint32_t cksum(const char *path, unsigned long *size)
{
    static uint32_t table[256];
    uint32_t crc = 0;
    long n;

    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i << 24;
        for (int k = 0; k < 8; k++)
            c = c & 0x80000000u ? (c << 1) ^ 0x04C11DB7u : c << 1;
        table[i] = c;
    }
    *size = 0;
    int fd = open(path, O_RDONLY);
    while (fd >= 0 && (n = read(fd, buf, sizeof(buf))) > 0) {
        for (long i = 0; i < n; i++)
            crc = (crc << 8) ^ table[(crc >> 24) ^ (unsigned char)buf[i]];
        *size += n;
    }
    close(fd);
    for (unsigned long len = *size; len; len >>= 8)
        crc = (crc << 8) ^ table[(crc >> 24) ^ (len & 0xff)];
    return ~crc;
}

/* The pattern file is what the host's cksum said (small.cksums). */
static int pattern_intact(void)
{
    char line[256];
    unsigned long want_crc = 0, want_size = 0, size;
    FILE *f = fopen(IMAGES "/small.cksums", "r");

    while (f && fgets(line, sizeof(line), f))
        if (strstr(line, " ./pattern\n"))
            sscanf(line, "%lu %lu", &want_crc, &want_size);
    if (f)
        fclose(f);
    uint32_t crc = cksum(MNT "/pattern", &size);
    return want_size == 200000 && crc == want_crc && size == want_size;
}

static int count_entries(const char *path, int *regular)
{
    DIR *d = opendir(path);
    struct dirent *e;
    int n = 0;

    *regular = 0;
    while (d && (e = readdir(d))) {
        n++;
        *regular += e->d_type == DT_REG;
    }
    if (d)
        closedir(d);
    return d ? n : -1;
}

/* ---------------------------------------------------------------- shapes */

static void shape(const char *name, uint32_t bsize)
{
    char t[64], target[120];
    int regular;
    struct stat st;

    snprintf(t, sizeof(t), "ext2_%s_mount", name);
    check(put_image(name) == 0 && do_mount(0) == 0, t, "errno %d", errno);
    struct statfs64 sf = { 0 };
    statfs64(MNT, &sf);
    snprintf(t, sizeof(t), "ext2_%s_block_size", name);
    check(sf.f_bsize == bsize, t, "bsize %u", sf.f_bsize);
    snprintf(t, sizeof(t), "ext2_%s_host_file", name);
    check(pattern_intact(), t, "the pattern file differs");
    snprintf(t, sizeof(t), "ext2_%s_host_dir", name);
    check(count_entries(MNT "/d", &regular) == 102 && regular == 100 &&
          readlink(MNT "/fastlink", target, sizeof(target)) == 7, t, "regular %d", regular);

    long blocks = free_count(0), inodes = free_count(1);
    for (int i = 0; i < 200000; i++)
        buf[i] = i * 7 % 251;
    write_file(MNT "/new", "");
    int fd = open(MNT "/new", O_RDWR);
    snprintf(t, sizeof(t), "ext2_%s_write_read", name);
    check(write(fd, buf, 200000) == 200000 && pread(fd, back, 200000, 0) == 200000 &&
          memcmp(buf, back, 200000) == 0, t, "errno %d", errno);
    unsigned long size = 200000;
    /* LAB(fs) BEGIN */
    /* with 4 KiB blocks, past 4 MiB + 48 KiB is the double indirect block */
    snprintf(t, sizeof(t), "ext2_%s_sparse", name);
    check(pwrite(fd, "far", 3, 8 << 20) == 3 && pread(fd, back, 3, 8 << 20) == 3 &&
          memcmp(back, "far", 3) == 0 && fstat(fd, &st) == 0 && st.st_size == (8 << 20) + 3,
          t, "errno %d", errno);
    size = (8 << 20) + 3;
    /* LAB(fs) END */
    close(fd);
    mkdir(MNT "/dir", 0755);
    memset(target, 's', 100);
    target[100] = '\0';
    snprintf(t, sizeof(t), "ext2_%s_names", name);
    check(rename(MNT "/new", MNT "/dir/renamed") == 0 && symlink(target, MNT "/dir/slow") == 0 &&
          symlink("x", MNT "/dir/fast") == 0 && count_entries(MNT "/dir", &regular) == 5 &&
          regular == 1 && rename(MNT "/dir", MNT "/d/moved") == 0, t, "errno %d", errno);
    check(umount(MNT) == 0 && do_mount(0) == 0, "ext2_image_remount", "errno %d", errno);
    snprintf(t, sizeof(t), "ext2_%s_persists", name);
    check(stat(MNT "/d/moved/renamed", &st) == 0 && st.st_size == size &&
          readlink(MNT "/d/moved/slow", back, sizeof(back)) == 100 && pattern_intact(), t,
          "errno %d", errno);
    unlink(MNT "/d/moved/renamed");
    unlink(MNT "/d/moved/slow");
    unlink(MNT "/d/moved/fast");
    rmdir(MNT "/d/moved");
    snprintf(t, sizeof(t), "ext2_%s_counts_back", name);
    check(free_count(0) == blocks && free_count(1) == inodes, t, "blocks %ld/%ld inodes %ld/%ld",
          free_count(0), blocks, free_count(1), inodes);
    check(umount(MNT) == 0, "ext2_image_umount", "errno %d", errno);
}

static void shapes(void)
{
    shape("b2k", 2048);
    shape("b4k", 4096);
    shape("rev0", 1024);
}

/* ---------------------------------------------------------------- features */

static void features(void)
{
    struct statfs64 st = { 0 };

    put_image("b2k");
    uint32_t incompat = disk_u32(SB + 96), ro_compat = disk_u32(SB + 100);
    disk_put_u32(SB + 96, incompat | 0x80);
    check(do_mount(0) < 0 && errno == EINVAL, "ext2_unknown_incompat_refused", "errno %d", errno);
    disk_put_u32(SB + 96, incompat);
    disk_put_u32(SB + 100, ro_compat | 0x1000);
    check(do_mount(0) == 0 && statfs64(MNT, &st) == 0 && (st.f_flags & ST_RDONLY) &&
          open(MNT "/x", O_CREAT | O_WRONLY, 0644) < 0 && errno == EROFS && pattern_intact(),
          "ext2_unknown_ro_compat_read_only", "flags %u errno %d", st.f_flags, errno);
    umount(MNT);
    disk_put_u32(SB + 100, ro_compat);
    disk_put_u16(SB + 56, 0x1234);
    check(do_mount(0) < 0 && errno == EINVAL, "ext2_bad_magic_refused", "errno %d", errno);
    disk_put_u16(SB + 56, 0xEF53);
    /* s_state: "not clean" while mounted read-write, clean after */
    int mounted = do_mount(0) == 0;
    uint32_t state_while = disk_u32(SB + 58) & 0xffff;
    umount(MNT);
    uint32_t state_after = disk_u32(SB + 58) & 0xffff;
    check(mounted && (state_while & 1) == 0 && (state_after & 1) == 1, "ext2_state_clean_flag",
          "state %#x while mounted, %#x after", state_while, state_after);
}

/* ---------------------------------------------------------------- damage */

/* The name of the directory entry at byte off of the disk. */
static void entry_name(uint32_t off, char name[8])
{
    unsigned char head[8];

    disk_rw(0, off, head, 8);
    if (head[6] < 8)
        disk_rw(0, off + 8, name, head[6]);
    name[head[6] < 8 ? head[6] : 0] = '\0';
}

static void damage(void)
{
    struct stat st;
    char name[64];
    int regular;

    put_image("b2k");
    do_mount(0);
    stat(MNT "/pattern", &st);
    unsigned long pattern = st.st_ino;
    stat(MNT "/d", &st);
    unsigned long dir = st.st_ino;
    umount(MNT);
    uint32_t bs = block_size();

    /* a file whose first block number is far past the end of the disk */
    uint32_t first = disk_u32(inode_offset(pattern) + 40);
    disk_put_u32(inode_offset(pattern) + 40, 999999);
    check(do_mount(0) == 0, "ext2_damaged_mounts", "errno %d", errno);
    int fd = open(MNT "/pattern", O_RDONLY);
    check(fd >= 0 && read(fd, buf, 100) < 0 && errno == EIO, "ext2_bad_block_eio", "errno %d",
          errno);
    check(pread(fd, buf, 100, 100000) == 100, "ext2_bad_block_rest_of_file", "errno %d", errno);
    close(fd);
    check(count_entries(MNT "/d", &regular) == 102 && read_file(MNT "/d/n5", buf, sizeof(buf)) == 2,
          "ext2_bad_block_others_fine", "errno %d", errno);
    umount(MNT);
    disk_put_u32(inode_offset(pattern) + 40, first);

    /* a directory whose first entry has rec_len 0 */
    uint32_t dblock = disk_u32(inode_offset(dir) + 40);
    disk_put_u16(dblock * bs + 4, 0);
    do_mount(0);
    check(count_entries(MNT "/d", &regular) == 2 && open(MNT "/d/n5", O_RDONLY) < 0 &&
          errno == EIO, "ext2_bad_rec_len_eio", "errno %d", errno);
    write_file(MNT "/still", "usable\n");
    check(pattern_intact() && read_file(MNT "/still", buf, sizeof(buf)) == 7,
          "ext2_bad_rec_len_rest_usable", "errno %d", errno);
    umount(MNT);
    disk_put_u16(dblock * bs + 4, 12);

    /* an entry naming an inode past the last (the whole block is then
     * suspect), and one naming a reserved inode (only it is) */
    char a[8] = "", b[8] = "", c[8] = "";
    uint32_t at_a = dblock * bs + 24, at_b = at_a + 12, at_c = at_b + 12;
    entry_name(at_a, a);
    entry_name(at_b, b);
    entry_name(at_c, c);
    uint32_t ino_a = disk_u32(at_a), ino_b = disk_u32(at_b);
    disk_put_u32(at_a, 999999);
    do_mount(0);
    snprintf(name, sizeof(name), MNT "/d/%s", a);
    check(open(name, O_RDONLY) < 0 && errno == EIO, "ext2_bad_inode_number_eio", "%s: errno %d",
          name, errno);
    umount(MNT);
    disk_put_u32(at_a, ino_a);
    disk_put_u32(at_b, 5);
    do_mount(0);
    snprintf(name, sizeof(name), MNT "/d/%s", b);
    int refused = open(name, O_RDONLY) < 0 && errno == EIO;
    snprintf(name, sizeof(name), MNT "/d/%s", c);
    check(refused && read_file(name, buf, sizeof(buf)) > 1, "ext2_reserved_inode_eio",
          "%s/%s: errno %d", b, c, errno);
    umount(MNT);
    disk_put_u32(at_b, ino_b);
}

/* ---------------------------------------------------------------- full */

static void full(void)
{
    char name[64];
    int files = 0, fillers = 0, fd;

    check(put_image("tiny") == 0 && do_mount(0) == 0, "ext2_tiny_mount", "errno %d", errno);
    long blocks = free_count(0), inodes = free_count(1);
    long n = 0, total = 0;
    memset(buf, 'F', sizeof(buf));
    /* files of 192 KiB (no double indirect block: any ext2 of Minnow's
     * writes them) until the disk is full */
    while (n >= 0 && fillers < 16) {
        snprintf(name, sizeof(name), MNT "/filler%d", fillers++);
        fd = open(name, O_CREAT | O_WRONLY, 0644);
        for (int k = 0; k < 3 && (n = write(fd, buf, 64 * 1024)) > 0; k++)
            total += n;
        close(fd);
    }
    check(n < 0 && errno == ENOSPC && free_count(0) == 0 && total > 800 * 1024,
          "ext2_full_enospc", "n %ld errno %d, %ld bytes written, %ld free", n, errno, total,
          free_count(0));
    check(mkdir(MNT "/nodir", 0755) < 0 && errno == ENOSPC, "ext2_full_mkdir_enospc",
          "errno %d", errno);
    for (;;) {
        snprintf(name, sizeof(name), MNT "/empty%d", files);
        fd = open(name, O_CREAT | O_WRONLY, 0644);
        if (fd < 0)
            break;
        close(fd);
        files++;
    }
    check(errno == ENOSPC && free_count(1) == 0 && files > 0, "ext2_no_inodes_enospc",
          "errno %d, %d files, %ld inodes free", errno, files, free_count(1));
    check(read_file(MNT "/filler0", back, 16) == 15 && back[0] == 'F', "ext2_full_still_reads",
          "errno %d", errno);
    while (files--) {
        snprintf(name, sizeof(name), MNT "/empty%d", files);
        unlink(name);
    }
    while (fillers--) {
        snprintf(name, sizeof(name), MNT "/filler%d", fillers);
        unlink(name);
    }
    check(free_count(0) == blocks && free_count(1) == inodes, "ext2_full_all_back",
          "blocks %ld/%ld inodes %ld/%ld", free_count(0), blocks, free_count(1), inodes);
    check(mkdir(MNT "/again", 0755) == 0 && rmdir(MNT "/again") == 0 && umount(MNT) == 0 &&
          do_mount(0) == 0 && free_count(0) == blocks && free_count(1) == inodes &&
          umount(MNT) == 0, "ext2_full_remount_counts", "errno %d", errno);
}

int main(void)
{
    if (access(HDB, F_OK) < 0 || access(IMAGES "/tiny.img", F_OK) < 0) {
        printf("skip ext2_images: no %s or no images (make test has both)\n", HDB);
        return 0;
    }
    mkdir(MNT, 0755);
    check_group(shapes, "ext2_images_shapes");
    check_group(features, "ext2_images_features");
    check_group(damage, "ext2_images_damage");
    check_group(full, "ext2_images_full");
    rmdir(MNT);                      /* the suite leaves nothing behind in /tmp */
    return test_exit_code();
}
