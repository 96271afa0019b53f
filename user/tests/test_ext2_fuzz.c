/* Damaged ext2 images never hurt the kernel.  A seeded mutator takes a
 * small, valid image (tools/ext2-fuzz-base.sh, in the test initrd) and
 * breaks it in one of the ways a disk or a hostile user can: a bad magic,
 * counts and sizes out of range, block numbers past the end of the disk,
 * an inode that points at itself or at the inode table, directory entries
 * with bad lengths, a bitmap that lies, random bytes in the metadata.
 * Each damaged image goes through a loop device (drv/loop.c) and is
 * mounted; then everything in it is listed, stat'ed and read, and -- when
 * it mounted read-write -- written, renamed and removed.  Every call may
 * fail (the mount with a clear message, a damaged file with EIO); none may
 * panic the kernel or leak a page, and each image must unmount. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <minnow/blkdev.h>
#include <minnow/test.h>

#define BASE "/usr/libexec/minnow/ext2-fuzz-base.img"
#define IMG "/tmp/fuzz-ext2.img"
#define MNT "/tmp/fuzz-ext2"
#define ROUNDS 400
#define IMG_MAX (1024 * 1024)
#define BLOCK 1024                   /* the base image's block size */

static unsigned char base[IMG_MAX], img[IMG_MAX];
static long img_size;
static unsigned seed = 20261130;

static unsigned next_random(void)
{
    seed = seed * 1103515245 + 12345;
    return seed >> 8;
}

/* ---------------------------------------------------------------- the layout, from the base image */

static uint32_t get32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static void put32(unsigned char *p, uint32_t v) { p[0] = v; p[1] = v >> 8; p[2] = v >> 16; p[3] = v >> 24; }
static void put16(unsigned char *p, uint16_t v) { p[0] = v; p[1] = v >> 8; }

#define SB (img + 1024)              /* the superblock */
#define GD (img + 2 * BLOCK)         /* group descriptor 0 (1 KiB blocks: after the superblock) */

static unsigned char *inode_at(uint32_t ino)
{
    uint32_t table = get32(GD + 8), size = get32(SB + 88) & 0xffff;
    long off = (long)table * BLOCK + (long)(ino - 1) * (size ? size : 128);
    return off + 128 <= img_size ? img + off : NULL;
}

/* A value that is wrong in an interesting way. */
static uint32_t bad_value(void)
{
    static const uint32_t values[] = { 0, 1, 2, 0xffffffff, 0x7fffffff, 0x80000000, 1024, 65536,
                                       1u << 20, 3 };
    return next_random() % 3 ? values[next_random() % 10] : next_random();
}

/* ---------------------------------------------------------------- the damage */

static const char *damage_superblock(void)
{
    static const struct { int off; const char *name; } fields[] = {
        { 0, "s_inodes_count" }, { 4, "s_blocks_count" }, { 20, "s_first_data_block" },
        { 24, "s_log_block_size" }, { 32, "s_blocks_per_group" }, { 40, "s_inodes_per_group" },
        { 76, "s_rev_level" }, { 84, "s_first_ino" }, { 88, "s_inode_size" }, { 16, "s_free_inodes_count" },
        { 12, "s_free_blocks_count" },
    };
    int k = next_random() % (sizeof(fields) / sizeof(fields[0]));
    put32(SB + fields[k].off, bad_value());
    return fields[k].name;
}

static const char *damage_features(void)
{
    switch (next_random() % 3) {
    case 0:  put16(SB + 56, (uint16_t)next_random()); return "magic";
    case 1:  put32(SB + 96, get32(SB + 96) | 1u << (5 + next_random() % 20)); return "unknown incompat feature";
    default: put32(SB + 100, get32(SB + 100) | 1u << (3 + next_random() % 20)); return "unknown ro_compat feature";
    }
}

static const char *damage_group(void)
{
    static const int offs[] = { 0, 4, 8, 12, 14, 16 };
    put32(GD + offs[next_random() % 6], bad_value());
    return "group descriptor";
}

/* An inode's block pointers: out of range, at the inode table, at itself. */
static const char *damage_inode_blocks(void)
{
    unsigned char *in = inode_at(2 + next_random() % 20);
    if (!in)
        return "nothing";
    int slot = next_random() % 15;
    switch (next_random() % 3) {
    case 0:  put32(in + 40 + 4 * slot, bad_value()); return "block pointer out of range";
    case 1:  put32(in + 40 + 4 * slot, get32(GD + 8)); return "block pointer at the inode table";
    default: put32(in + 40 + 4 * 12, get32(in + 40 + 4 * 12) ? get32(in + 40 + 4 * 12) : 100);
             put32(in + 40 + 4 * 13, get32(in + 40 + 4 * 12));
             return "indirect block that points at itself";
    }
}

static const char *damage_inode_fields(void)
{
    unsigned char *in = inode_at(2 + next_random() % 20);
    if (!in)
        return "nothing";
    switch (next_random() % 4) {
    case 0:  put32(in + 4, bad_value()); return "i_size";
    case 1:  put16(in + 0, (uint16_t)next_random()); return "i_mode";
    case 2:  put16(in + 26, (uint16_t)(next_random() % 3 ? 0 : 0xffff)); return "i_links_count";
    default: put32(in + 32, bad_value()); return "i_flags";
    }
}

/* The root directory's first block: rec_len and name_len that lie. */
static const char *damage_directory(void)
{
    unsigned char *root = inode_at(2);
    uint32_t block = root ? get32(root + 40) : 0;
    long off = (long)block * BLOCK;
    if (!block || off + BLOCK > img_size)
        return "nothing";
    unsigned char *e = img + off + (next_random() % 4) * 12;   /* ".", "..", or the next */
    switch (next_random() % 4) {
    case 0:  put16(e + 4, (uint16_t)(next_random() % 3 ? 0 : next_random())); return "rec_len";
    case 1:  put16(e + 4, (uint16_t)(get32(e + 4) | 1)); return "odd rec_len";
    case 2:  e[6] = 255; return "name_len past rec_len";
    default: put32(e, bad_value()); return "inode number out of range";
    }
}

/* The block bitmap says everything is free: new blocks land on old ones. */
static const char *damage_bitmap(void)
{
    long off = (long)get32(GD + 0) * BLOCK;
    if (off + BLOCK <= img_size)
        memset(img + off, next_random() % 2 ? 0 : 0xff, BLOCK);
    return "block bitmap lies";
}

static const char *damage_random_bytes(void)
{
    long metadata = 40 * BLOCK;                  /* superblock to inode table and more */
    for (int i = 0; i < 1 + (int)(next_random() % 30); i++)
        img[next_random() % metadata] = (unsigned char)next_random();
    return "random bytes";
}

static const char *damage(void)
{
    static const char *(*const kinds[])(void) = {
        damage_superblock, damage_features, damage_group, damage_inode_blocks,
        damage_inode_fields, damage_directory, damage_bitmap, damage_random_bytes,
    };
    memcpy(img, base, img_size);
    const char *what = kinds[next_random() % 8]();
    if (next_random() % 4 == 0)
        damage_random_bytes();                   /* sometimes two kinds at once */
    return what;
}

/* ---------------------------------------------------------------- using the damaged file system */

static int eio_seen;

static void read_all(const char *path)
{
    char buf[4096];
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return;
    long n, total = 0;
    while ((n = read(fd, buf, sizeof(buf))) > 0 && total < (1 << 20))
        total += n;
    eio_seen += n < 0 && errno == EIO;
    close(fd);
}

/* Lists, stats and reads everything, a few levels deep. */
static void walk(const char *dir, int depth)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int entries = 0;

    while (d && (e = readdir(d)) && entries++ < 200) {
        char path[512], link[256];
        struct stat st;
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        if (lstat(path, &st) < 0) {
            eio_seen += errno == EIO;
            continue;
        }
        if (S_ISDIR(st.st_mode) && depth < 6)
            walk(path, depth + 1);
        else if (S_ISREG(st.st_mode))
            read_all(path);
        else if (S_ISLNK(st.st_mode))
            readlink(path, link, sizeof(link));
    }
    if (d)
        closedir(d);
}

/* Writes, renames and removes: allocation on a damaged disk. */
static char data[20000];

static void change_things(void)
{
    int fd = open(MNT "/new", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    if (fd >= 0) {
        write(fd, data, sizeof(data));
        close(fd);
    }
    mkdir(MNT "/newdir", 0755);
    rename(MNT "/new", MNT "/newdir/moved");
    rename(MNT "/small", MNT "/dir/small-moved");
    unlink(MNT "/hardlink");
    unlink(MNT "/newdir/moved");
    rmdir(MNT "/newdir");
    truncate(MNT "/double", 5000);
    symlink("target", MNT "/dir/newlink");
}

/* One damaged image: loop device, mount, use, umount, let go.  Returns 1
 * if it mounted. */
static int try_image(int loop, int *stuck)
{
    int fd = open(IMG, O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, img, img_size);
    if (ioctl(loop, LOOP_SET_FD, (void *)(long)fd) < 0) {
        close(fd);
        return 0;
    }
    close(fd);
    int ro = next_random() % 3 == 0;
    int ok = mount("/dev/loop0", MNT, "ext2", ro ? MS_RDONLY : 0, NULL) == 0;
    if (ok) {
        walk(MNT, 0);
        if (!ro)
            change_things();
        if (umount(MNT) < 0)
            (*stuck)++;
    }
    ioctl(loop, LOOP_CLR_FD, 0);
    return ok;
}

int main(void)
{
    int fd = open(BASE, O_RDONLY);
    img_size = fd >= 0 ? read(fd, base, sizeof(base)) : -1;
    if (fd >= 0)
        close(fd);
    if (img_size < 64 * 1024) {
        check(0, "ext2_fuzz_base_image", "%s: %s", BASE, fd < 0 ? strerror(errno) : "too small");
        return test_exit_code();
    }
    mkdir(MNT, 0755);
    int loop = open("/dev/loop0", O_RDWR);
    check(loop >= 0, "ext2_fuzz_loop_device", "errno %d", errno);
    /* the undamaged image first: it must mount, and its use fills caches */
    memcpy(img, base, img_size);
    int stuck = 0;
    check(try_image(loop, &stuck), "ext2_fuzz_base_mounts", "the undamaged image did not mount");
    memset(data, 'w', sizeof(data));     /* this program's own pages, before counting */
    long before = free_pages();
    int mounted = 0;
    for (int round = 0; round < ROUNDS; round++) {
        const char *what = damage();
        int ok = try_image(loop, &stuck);
        mounted += ok;
        if (stuck) {
            check(0, "ext2_fuzz_umount", "round %d (%s): umount failed", round, what);
            break;
        }
    }
    long after = free_pages();          /* the image file in /tmp still there, as before */
    close(loop);
    unlink(IMG);
    rmdir(MNT);
    printf("ext2 fuzz: %d of %d damaged images mounted; %d reads or stats gave EIO\n", mounted,
           ROUNDS, eio_seen);
    check(stuck == 0, "ext2_fuzz_rounds", "%d of %d damaged images mounted, %d EIOs", mounted,
          ROUNDS, eio_seen);
    check(write(1, "", 0) == 0 && getpid() > 0, "ext2_fuzz_kernel_alive",
          "the kernel stopped answering");
    check(after == before, "ext2_fuzz_no_page_leak", "%ld pages free before, %ld after", before,
          after);
    return test_exit_code();
}
