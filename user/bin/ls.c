/* ls: list directories and files.
 *
 *   ls [-a] [-l] [FILE...]
 *     -a   also the names that start with '.' (hidden by convention)
 *     -l   long form: type and permissions, links, size, time, name,
 *          and for a symbolic link "name -> target"
 *
 * A directory is a file of (name, inode number) entries: ls reads them
 * with opendir/readdir (the getdents64 system call underneath), and for
 * -l asks lstat() about each name for what its inode records (lstat: a
 * symbolic link is described itself, not the file it leads to), and
 * readlink() for a link's target.
 *
 *   drwxr-xr-x   2      0 Jan  1 12:00 bin
 *   -rw-r--r--   1     42 Jan  1 12:00 hello.txt
 *   lrwxrwxrwx   1      9 Jan  1 12:00 hi -> hello.txt
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

static int all, longform;
static int status;

static void complain(const char *name)
{
    fprintf(stderr, "ls: %s: %s\n", name, strerror(errno));
    status = 1;
}

/* "drwxr-xr-x": the file's type, then read/write/execute for the owner,
 * the group and the others. */
static void mode_string(unsigned mode, char out[11])
{
    const char *rwx = "rwxrwxrwx";

    switch (mode & S_IFMT) {
    case S_IFDIR:  out[0] = 'd'; break;
    case S_IFCHR:  out[0] = 'c'; break;
    case S_IFBLK:  out[0] = 'b'; break;
    case S_IFIFO:  out[0] = 'p'; break;
    case S_IFSOCK: out[0] = 's'; break;
    case S_IFLNK:  out[0] = 'l'; break;
    default:       out[0] = '-'; break;
    }
    for (int i = 0; i < 9; i++)
        out[1 + i] = (mode & (0400 >> i)) ? rwx[i] : '-';
    out[10] = '\0';
}

/* One line of output.  path is where lstat() finds the file, name what
 * is printed. */
static void show(const char *path, const char *name)
{
    struct stat st;
    char mode[11], date[32], target[PATH_MAX] = "";

    if (!longform) {
        printf("%s\n", name);
        return;
    }
    if (lstat(path, &st) < 0) {
        complain(path);
        return;
    }
    mode_string(st.st_mode, mode);
    time_t mtime = st.st_mtime;
    strftime(date, sizeof(date), "%b %e %H:%M", localtime(&mtime));
    if (S_ISLNK(st.st_mode)) {
        ssize_t n = readlink(path, target + 4, sizeof(target) - 5);
        if (n >= 0) {
            memcpy(target, " -> ", 4);
            target[4 + n] = '\0';           /* readlink does not end it */
        }
    }
    printf("%s %3u %6lu %s %s%s\n", mode, st.st_nlink, st.st_size, date, name, target);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists the entries of a directory, sorted by name. */
static void list_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        complain(dir);
        return;
    }

    char **names = NULL;
    int count = 0, room = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' && !all)
            continue;
        if (count == room) {
            room = room ? 2 * room : 32;
            char **bigger = realloc(names, room * sizeof(char *));
            if (!bigger)
                break;
            names = bigger;
        }
        names[count] = strdup(e->d_name);
        if (names[count])
            count++;
    }
    closedir(d);
    qsort(names, count, sizeof(char *), by_name);

    for (int i = 0; i < count; i++) {
        char path[PATH_MAX];
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        show(path, names[i]);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char *argv[])
{
    int c;
    while ((c = getopt(argc, argv, "al")) != -1) {
        switch (c) {
        case 'a': all = 1; break;
        case 'l': longform = 1; break;
        default:
            fprintf(stderr, "usage: ls [-a] [-l] [FILE...]\n");
            return 1;
        }
    }

    int n = argc - optind;
    if (n == 0) {
        list_dir(".");
        return status;
    }

    /* As the real ls does: plain files first, then each directory's
     * contents under a "name:" heading when there is more than one. */
    struct stat st;
    int shown = 0;
    for (int i = optind; i < argc; i++) {
        if (stat(argv[i], &st) < 0 && lstat(argv[i], &st) < 0)
            complain(argv[i]);                  /* (a dangling link is shown) */
        else if (!S_ISDIR(st.st_mode)) {
            show(argv[i], argv[i]);
            shown++;
        }
    }
    for (int i = optind; i < argc; i++) {
        if (stat(argv[i], &st) < 0 || !S_ISDIR(st.st_mode))
            continue;
        if (n > 1)
            printf("%s%s:\n", shown++ ? "\n" : "", argv[i]);
        list_dir(argv[i]);
    }
    return status;
}
