/* opendir/readdir/rewinddir/closedir: a directory made for the test in
 * /tmp, and /tmp itself. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <minnow/test.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static void make_tree(void)
{
    char path[128];

    snprintf(dir, sizeof(dir), "/tmp/test_dirent.%d", getpid());
    check(mkdir(dir, 0755) == 0, "dirent_mkdir", "mkdir %s: %s", dir, strerror(errno));
    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, i ? "b" : "a");
        int fd = open(path, O_WRONLY | O_CREAT, 0644);
        close(fd);
    }
    snprintf(path, sizeof(path), "%s/c", dir);
    mkdir(path, 0755);
}

static void remove_tree(void)
{
    char path[128];

    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, i ? "b" : "a");
        unlink(path);
    }
    snprintf(path, sizeof(path), "%s/c", dir);
    rmdir(path);
    rmdir(dir);
}

/* Reads the whole directory: how often a, b and c were seen, their types,
 * and how many entries there were in all. */
struct seen {
    int a, b, c, total;
    int a_type, c_type;
};

static struct seen read_all(DIR *d)
{
    struct seen s = { 0, 0, 0, 0, -1, -1 };
    struct dirent *e;

    while ((e = readdir(d)) != NULL) {
        s.total++;
        if (!strcmp(e->d_name, "a")) {
            s.a++;
            s.a_type = e->d_type;
        } else if (!strcmp(e->d_name, "b")) {
            s.b++;
        } else if (!strcmp(e->d_name, "c")) {
            s.c++;
            s.c_type = e->d_type;
        }
    }
    return s;
}

static void read_directory(void)
{
    DIR *d = opendir(dir);

    check(d != NULL, "opendir", "%s: %s", dir, strerror(errno));
    if (!d)
        return;
    struct seen s = read_all(d);
    check(s.a == 1 && s.b == 1 && s.c == 1, "readdir_names", "a %d, b %d, c %d times",
          s.a, s.b, s.c);
    check((s.a_type == DT_REG || s.a_type == DT_UNKNOWN) &&
          (s.c_type == DT_DIR || s.c_type == DT_UNKNOWN), "readdir_types",
          "a type %d, c type %d", s.a_type, s.c_type);
    check(readdir(d) == NULL, "readdir_end", "more after the end");
    rewinddir(d);
    struct seen again = read_all(d);
    check(again.total == s.total && again.a == 1, "rewinddir", "%d entries, then %d",
          s.total, again.total);
    check(closedir(d) == 0, "closedir", "failed");
}

/* Our directory appears when /tmp is listed. */
static void read_tmp(void)
{
    DIR *d = opendir("/tmp");
    int found = 0;
    struct dirent *e;

    check(d != NULL, "opendir_tmp", "%s", strerror(errno));
    if (!d)
        return;
    while ((e = readdir(d)) != NULL)
        if (!strcmp(e->d_name, strrchr(dir, '/') + 1))
            found++;
    closedir(d);
    check(found == 1, "readdir_tmp", "%s seen %d times in /tmp", dir, found);
}

static void errors(void)
{
    char path[128];

    errno = 0;
    check(opendir("/tmp/no/such/dir") == NULL && errno == ENOENT, "opendir_enoent",
          "errno %d", errno);
    snprintf(path, sizeof(path), "%s/a", dir);
    errno = 0;
    check(opendir(path) == NULL && errno == ENOTDIR, "opendir_enotdir", "errno %d", errno);
}

int main(void)
{
    make_tree();
    read_directory();
    read_tmp();
    errors();
    remove_tree();
    struct stat st;
    check(stat(dir, &st) < 0, "dirent_cleanup", "%s still exists", dir);
    return test_exit_code();
}
