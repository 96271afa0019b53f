/* ln: make hard links, new names for existing files.
 *
 *   ln FILE NEWNAME       FILE gets a second name, NEWNAME
 *   ln FILE... DIR        each FILE gets a name in the directory DIR
 *
 * Both names lead to the same inode: same contents, same size, and the
 * link count that `ls -l` shows goes up by one.  `rm` of either name
 * leaves the other working. */
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

int main(int argc, char *argv[])
{
    int status = 0;

    if (argc < 3) {
        fprintf(stderr, "usage: ln FILE NEWNAME  or  ln FILE... DIR\n");
        return 1;
    }
    const char *target = argv[argc - 1];
    int into_dir = is_dir(target);
    if (argc > 3 && !into_dir) {
        fprintf(stderr, "ln: %s: %s\n", target, strerror(ENOTDIR));
        return 1;
    }
    for (int i = 1; i < argc - 1; i++) {
        char dest[PATH_MAX];
        if (into_dir) {
            const char *slash = strrchr(argv[i], '/');
            snprintf(dest, sizeof(dest), "%s/%s", target, slash ? slash + 1 : argv[i]);
        } else {
            strlcpy(dest, target, sizeof(dest));
        }
        if (link(argv[i], dest) < 0) {
            fprintf(stderr, "ln: %s: %s\n", dest, strerror(errno));
            status = 1;
        }
    }
    return status;
}
