/* mkdir: make directories.
 *
 *   mkdir [-p] DIR...
 *     -p   make the missing parents too, and do not complain if DIR
 *          already exists
 *
 * A new directory starts with two entries: "." (itself) and ".." (its
 * parent).  That is why its parent's link count grows by one. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

/* Is there a directory at path? */
static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* mkdir -p: make "a", then "a/b", then "a/b/c", keeping the ones that
 * already exist. */
static int make_parents(const char *dir)
{
    char path[PATH_MAX];

    if (strlen(dir) >= sizeof(path)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(path, dir);
    for (char *p = path + 1; ; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char was = *p;
        *p = '\0';                       /* path is now one prefix of dir */
        if (mkdir(path, 0755) < 0 && !(errno == EEXIST && is_dir(path)))
            return -1;
        if (was == '\0')
            return 0;
        *p = was;
    }
}

int main(int argc, char *argv[])
{
    int parents = 0, status = 0;
    int c;

    while ((c = getopt(argc, argv, "p")) != -1) {
        if (c == 'p') {
            parents = 1;
        } else {
            fprintf(stderr, "usage: mkdir [-p] DIR...\n");
            return 1;
        }
    }
    if (optind == argc) {
        fprintf(stderr, "usage: mkdir [-p] DIR...\n");
        return 1;
    }
    for (int i = optind; i < argc; i++) {
        int r = parents ? make_parents(argv[i]) : mkdir(argv[i], 0755);
        if (r < 0) {
            fprintf(stderr, "mkdir: %s: %s\n", argv[i], strerror(errno));
            status = 1;
        }
    }
    return status;
}
