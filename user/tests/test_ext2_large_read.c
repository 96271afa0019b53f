/* LAB(fs) FILE */
/* The 64 MiB file test_ext2_large wrote, read back whole and checked word
 * by word (most of it comes from the disk: the buffer cache holds far less),
 * then removed: every block comes back. */
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

static long free_blocks(void)
{
    struct statfs64 st;

    return statfs64(MNT, &st) == 0 ? (long)st.f_bfree : -1;
}

int main(void)
{
    struct timespec t0, t1;

    mkdir(MNT, 0755);
    check(mount("/dev/hda", MNT, "ext2", 0, NULL) == 0, "ext2_large_read_mount", "errno %d", errno);
    int fd = open(MNT "/large", O_RDONLY);
    if (fd < 0) {
        printf("skip ext2_large_read: no " MNT "/large (test_ext2_large makes it)\n");
        umount(MNT);
        rmdir(MNT);
        return test_exit_code();
    }
    uint32_t done = 0, bad = 0, first_bad = 0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    while (done < FILE_SIZE && read(fd, words, CHUNK) == CHUNK) {
        for (uint32_t i = 0; i < CHUNK / 4; i++)
            if (words[i] != done + i * 4 && bad++ == 0)
                first_bad = done + i * 4;
        done += CHUNK;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    check(done == FILE_SIZE && bad == 0 && read(fd, words, 4) == 0, "ext2_large_read_back",
          "read %u bytes, %u bad words, the first at %u", done, bad, first_bad);
    printf("ext2_large: 64 MiB read in %ld ms (%ld KiB/s)\n", ms, ms ? 65536L * 1000 / ms : 0);
    close(fd);
    long before = free_blocks();
    check(unlink(MNT "/large") == 0 && free_blocks() == before + 65536 + 257,
          "ext2_large_unlink_frees_all", "free %ld, before %ld", free_blocks(), before);
    check(umount(MNT) == 0, "ext2_large_read_umount", "errno %d", errno);
    rmdir(MNT);                      /* the suite leaves nothing behind in /tmp */
    return test_exit_code();
}
