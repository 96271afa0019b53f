/* mv: move (rename) files.
 *
 *   mv OLD NEW           rename OLD to NEW (replacing a file NEW)
 *   mv FILE... DIR       move the files into the directory DIR
 *
 * Nothing is copied: rename() changes only directory entries, so even a
 * huge file or a whole tree moves at once, and it keeps its inode. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The last part of a path: "c" for "a/b/c" (and for "a/b/c/"). */
static const char *last_name(const char *path, char *buf, size_t size)
{
    strlcpy(buf, path, size);
    size_t len = strlen(buf);
    while (len > 1 && buf[len - 1] == '/')
        buf[--len] = '\0';
    char *slash = strrchr(buf, '/');
    return slash ? slash + 1 : buf;
}

int main(int argc, char *argv[])
{
    int status = 0;

    if (argc < 3) {
        fprintf(stderr, "usage: mv OLD NEW  or  mv FILE... DIR\n");
        return 1;
    }
    const char *target = argv[argc - 1];
    int into_dir = is_dir(target);
    if (argc > 3 && !into_dir) {
        fprintf(stderr, "mv: %s: %s\n", target, strerror(ENOTDIR));
        return 1;
    }
    for (int i = 1; i < argc - 1; i++) {
        char dest[PATH_MAX], name[PATH_MAX];
        if (into_dir)
            snprintf(dest, sizeof(dest), "%s/%s", target, last_name(argv[i], name, sizeof(name)));
        else
            strlcpy(dest, target, sizeof(dest));
        if (rename(argv[i], dest) < 0) {
            fprintf(stderr, "mv: %s: %s\n", argv[i], strerror(errno));
            status = 1;
        }
    }
    return status;
}
