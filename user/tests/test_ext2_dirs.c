/* Big and deep directories on ext2 (make test's disk): 3000 names in one
 * directory (about 60 blocks of entries, each lookup a walk along them),
 * listed, looked up, renamed and removed; then a tree 40 levels deep,
 * made and removed.  Afterwards the free counts are what they were. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <minnow/test.h>

#define MNT "/tmp/ext2"
#define BIG MNT "/big"
#define NAMES 3000
#define DEPTH 40

static unsigned char seen[NAMES];

static long free_count(int inodes)
{
    struct statfs64 st;

    if (statfs64(MNT, &st) < 0)
        return -1;
    return inodes ? (long)st.f_ffree : (long)st.f_bfree;
}

static long elapsed_ms(struct timespec *t0)
{
    struct timespec t1;

    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

static void many_names(void)
{
    char path[128], text[32];
    struct timespec t0;
    int made = 0, listed = 0, bad = 0, found = 0, removed = 0;

    mkdir(BIG, 0755);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < NAMES; i++) {
        snprintf(path, sizeof(path), BIG "/name-%04d", i);
        snprintf(text, sizeof(text), "%d\n", i);
        int fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0644);
        made += fd >= 0 && write(fd, text, strlen(text)) == (ssize_t)strlen(text);
        close(fd);
    }
    printf("ext2_dirs: %d files made in %ld ms\n", made, elapsed_ms(&t0));
    check(made == NAMES, "ext2_dir_3000_created", "%d made, errno %d", made, errno);

    DIR *d = opendir(BIG);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        int i;
        if (sscanf(e->d_name, "name-%d", &i) == 1 && i >= 0 && i < NAMES && !seen[i]++)
            listed++;
        else if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            bad++;
    }
    if (d)
        closedir(d);
    check(listed == NAMES && bad == 0, "ext2_dir_3000_listed", "%d listed, %d unexpected",
          listed, bad);

    for (int i = 0; i < NAMES; i += 37) {
        char got[32];
        snprintf(path, sizeof(path), BIG "/name-%04d", i);
        snprintf(text, sizeof(text), "%d\n", i);
        found += read_file(path, got, sizeof(got)) == (long)strlen(text) && strcmp(got, text) == 0;
    }
    check(found == (NAMES + 36) / 37, "ext2_dir_3000_lookup", "%d found", found);

    int renamed = 0;
    for (int i = 0; i < NAMES; i += 10) {
        char to[128];
        snprintf(path, sizeof(path), BIG "/name-%04d", i);
        snprintf(to, sizeof(to), BIG "/renamed-to-a-longer-name-%04d", i);
        renamed += rename(path, to) == 0;
    }
    check(renamed == NAMES / 10 && access(BIG "/renamed-to-a-longer-name-0100", F_OK) == 0 &&
          access(BIG "/name-0100", F_OK) < 0, "ext2_dir_3000_renamed", "%d renamed", renamed);

    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < NAMES; i++) {
        if (i % 10 == 0)
            snprintf(path, sizeof(path), BIG "/renamed-to-a-longer-name-%04d", i);
        else
            snprintf(path, sizeof(path), BIG "/name-%04d", i);
        removed += unlink(path) == 0;
    }
    printf("ext2_dirs: %d files removed in %ld ms\n", removed, elapsed_ms(&t0));
    d = opendir(BIG);
    int left = 0;
    while (d && (e = readdir(d)))
        left++;
    if (d)
        closedir(d);
    check(removed == NAMES && left == 2 && rmdir(BIG) == 0, "ext2_dir_3000_removed",
          "%d removed, %d entries left", removed, left);
}

static void deep_tree(void)
{
    char path[DEPTH * 8 + 64] = MNT;
    size_t len = strlen(path);
    int made = 0, removed = 0;

    for (int i = 0; i < DEPTH; i++) {
        len += snprintf(path + len, sizeof(path) - len, "/lvl%02d", i);
        made += mkdir(path, 0755) == 0;
    }
    strcat(path, "/leaf");
    write_file(path, "at the bottom\n");
    char got[32];
    check(made == DEPTH && read_file(path, got, sizeof(got)) == 14, "ext2_deep_tree_made",
          "%d made", made);
    unlink(path);
    for (int i = DEPTH - 1; i >= 0; i--) {
        *strrchr(path, '/') = '\0';
        removed += rmdir(path) == 0;
    }
    check(removed == DEPTH, "ext2_deep_tree_removed", "%d removed, errno %d", removed, errno);
}

int main(void)
{
    mkdir(MNT, 0755);
    check(mount("/dev/hda", MNT, "ext2", 0, NULL) == 0, "ext2_dirs_mount", "errno %d", errno);
    long inodes = free_count(1), blocks = free_count(0);
    many_names();
    deep_tree();
    /* the big directory's blocks went with it; nothing else stays */
    check(free_count(1) == inodes && free_count(0) == blocks, "ext2_dirs_counts_back",
          "inodes %ld/%ld blocks %ld/%ld", free_count(1), inodes, free_count(0), blocks);
    check(umount(MNT) == 0, "ext2_dirs_umount", "errno %d", errno);
    rmdir(MNT);                      /* the suite leaves nothing behind in /tmp */
    return test_exit_code();
}
