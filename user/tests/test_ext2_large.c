/* LAB(fs) FILE */
/* A 64 MiB file on ext2 (make test's disk, 1 KiB blocks): past the 12
 * direct blocks and the 256 of the single indirect block, nearly all of it
 * hangs under the double indirect block (docs/ext2.md).  This test writes
 * it, with every 4-byte word holding its own offset, and checks the
 * blocks it takes; test_ext2_large_read (run next: the names sort so)
 * reads it all back from the disk and removes it -- two programs, since
 * the IDE disk under QEMU moves a few MiB a second and each has a minute. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <minnow/test.h>

#define MNT "/tmp/ext2"
#define FILE_SIZE (64u << 20)
#define CHUNK (64u << 10)

static uint32_t words[CHUNK / 4];

static long elapsed_ms(struct timespec *t0)
{
    struct timespec t1;

    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

static long free_blocks(void)
{
    struct statfs64 st;

    return statfs64(MNT, &st) == 0 ? (long)st.f_bfree : -1;
}

int main(void)
{
    struct timespec t0;
    struct stat st;

    mkdir(MNT, 0755);
    check(mount("/dev/hda", MNT, "ext2", 0, NULL) == 0, "ext2_large_mount", "errno %d", errno);
    long before = free_blocks();
    int fd = open(MNT "/large", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    uint32_t done = 0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    while (fd >= 0 && done < FILE_SIZE) {
        for (uint32_t i = 0; i < CHUNK / 4; i++)
            words[i] = done + i * 4;
        if (write(fd, words, CHUNK) != CHUNK)
            break;
        done += CHUNK;
    }
    int synced = fd >= 0 && fsync(fd) == 0;
    long ms = elapsed_ms(&t0);
    close(fd);
    check(done == FILE_SIZE && synced, "ext2_large_write_64mib", "wrote %u bytes, errno %d", done,
          errno);
    printf("ext2_large: 64 MiB written and synced in %ld ms (%ld KiB/s)\n", ms,
           ms ? 65536L * 1000 / ms : 0);
    /* 65536 data blocks; the single indirect block, the double indirect
     * block and the 255 indirect blocks under it (65268 / 256, rounded up) */
    long want = 65536 + 1 + 1 + 255;
    check(stat(MNT "/large", &st) == 0 && st.st_size == (off_t)FILE_SIZE &&
          (long)st.st_blocks == want * 2 && before - free_blocks() == want, "ext2_large_blocks",
          "size %ld st_blocks %ld, %ld blocks taken (want %ld)", (long)st.st_size,
          (long)st.st_blocks, before - free_blocks(), want);
    check(umount(MNT) == 0, "ext2_large_umount", "errno %d", errno);
    rmdir(MNT);                      /* the suite leaves nothing behind in /tmp */
    return test_exit_code();
}
