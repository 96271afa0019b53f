/* The first process (init=...) of a boot on a possibly damaged ext2 image
 * (tools/ext2-fuzz.sh): mounts /dev/hda, walks every name in it (stat,
 * readlink, every byte of every file, every directory), makes, renames,
 * grows, truncates and removes a few things, unmounts, and powers off.
 * Whatever the disk holds, the kernel must not panic: each step may fail
 * (EIO, EINVAL...), and the last line says how far it got. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>

#define MNT "/tmp/walk"

static char buf[65536];
static int files, dirs, errors;

static void walk(const char *path, int depth)
{
    struct stat st;
    char child[1024];

    if (lstat(path, &st) < 0) {
        errors++;
        return;
    }
    if (S_ISLNK(st.st_mode)) {
        if (readlink(path, buf, sizeof(buf)) < 0)
            errors++;
        return;
    }
    if (S_ISREG(st.st_mode)) {
        int fd = open(path, O_RDONLY);
        long n = 0;
        while (fd >= 0 && (n = read(fd, buf, sizeof(buf))) > 0)
            ;
        if (fd < 0 || n < 0)
            errors++;
        close(fd);
        files++;
        return;
    }
    if (!S_ISDIR(st.st_mode) || depth > 30)
        return;
    dirs++;
    DIR *d = opendir(path);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(child, sizeof(child), "%s/%s", path, e->d_name);
        walk(child, depth + 1);
    }
    if (d)
        closedir(d);
    else
        errors++;
}

/* Changes that touch the bitmaps, the inode table and directories. */
static void change(void)
{
    memset(buf, 'w', sizeof(buf));
    mkdir(MNT "/fuzz-dir", 0755);
    int fd = open(MNT "/fuzz-dir/file", O_CREAT | O_WRONLY, 0644);
    for (int i = 0; fd >= 0 && i < 8; i++)
        write(fd, buf, sizeof(buf));
    pwrite(fd, "x", 1, 20 << 20);
    close(fd);
    rename(MNT "/fuzz-dir/file", MNT "/fuzz-moved");
    symlink("fuzz-moved", MNT "/fuzz-dir/link");
    DIR *d = opendir(MNT);
    struct dirent *e;
    int n = 0;
    while (d && (e = readdir(d)) && n < 20) {
        char path[300];
        snprintf(path, sizeof(path), MNT "/%s", e->d_name);
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && n++ % 2)
            truncate(path, st.st_size / 3);
    }
    if (d)
        closedir(d);
    truncate(MNT "/fuzz-moved", 1000);
    unlink(MNT "/fuzz-moved");
    unlink(MNT "/fuzz-dir/link");
    rmdir(MNT "/fuzz-dir");
}

int main(void)
{
    mkdir(MNT, 0755);
    if (mount("/dev/hda", MNT, "ext2", 0, NULL) < 0) {
        printf("walk: mount refused: errno %d\n", errno);
    } else {
        walk(MNT, 0);
        printf("walk: %d files, %d directories, %d errors\n", files, dirs, errors);
        change();
        walk(MNT, 0);
        printf("walk: umount %s\n", umount(MNT) == 0 ? "ok" : strerror(errno));
    }
    printf("walk: done\n");
    fflush(stdout);
    reboot(RB_POWER_OFF);
    return 0;
}
