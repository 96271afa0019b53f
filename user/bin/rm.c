/* rm: remove files.
 *
 *   rm [-r] [-f] FILE...
 *     -r   remove directories and everything in them
 *     -f   no complaint about files that do not exist
 *
 * Removing a file is unlink(): it deletes one name.  The file itself
 * goes when its last name is gone and no process has it open any more
 * (see `ln` and the link count in `ls -l`). */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static int recursive, force;
static int status;

static void complain(const char *path)
{
    if (force && errno == ENOENT)
        return;
    fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
    status = 1;
}

static void remove_path(const char *path);

/* Empties a directory, entry by entry, then removes it. */
static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;

    if (!d) {
        complain(dir);
        return;
    }
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char path[PATH_MAX];
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        remove_path(path);
    }
    closedir(d);
    if (rmdir(dir) < 0)
        complain(dir);
}

static void remove_path(const char *path)
{
    struct stat st;

    if (lstat(path, &st) < 0) {
        complain(path);
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        if (recursive) {
            remove_dir(path);
        } else {
            errno = EISDIR;
            complain(path);
        }
        return;
    }
    if (unlink(path) < 0)
        complain(path);
}

int main(int argc, char *argv[])
{
    int c;

    while ((c = getopt(argc, argv, "rRf")) != -1) {
        switch (c) {
        case 'r': case 'R': recursive = 1; break;
        case 'f': force = 1; break;
        default:
            fprintf(stderr, "usage: rm [-r] [-f] FILE...\n");
            return 1;
        }
    }
    if (optind == argc && !force) {
        fprintf(stderr, "usage: rm [-r] [-f] FILE...\n");
        return 1;
    }
    for (int i = optind; i < argc; i++)
        remove_path(argv[i]);
    return status;
}
