/* ln: make links, new names for existing files.
 *
 *   ln FILE NEWNAME       FILE gets a second name, NEWNAME
 *   ln FILE... DIR        each FILE gets a name in the directory DIR
 *   ln -s TARGET NEWNAME  NEWNAME becomes a symbolic link to TARGET
 *
 * A hard link: both names lead to the same inode -- same contents, same
 * size, and the link count that `ls -l` shows goes up by one.  `rm` of
 * either name leaves the other working.
 *
 * A symbolic link (-s) is a small file of its own that holds a path, the
 * TARGET, which the kernel follows whenever a path passes through the
 * link; `ls -l` shows it as "NEWNAME -> TARGET".  TARGET is kept as it is
 * written: a relative one is followed from the link's directory, and it
 * need not exist. */
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

static int usage(void)
{
    fprintf(stderr, "usage: ln [-s] FILE NEWNAME  or  ln [-s] FILE... DIR\n");
    return 1;
}

int main(int argc, char *argv[])
{
    int status = 0, c, symbolic = 0;

    while ((c = getopt(argc, argv, "s")) != -1) {
        if (c != 's')
            return usage();
        symbolic = 1;
    }
    argv += optind - 1;                      /* argv[1] is the first name again */
    argc -= optind - 1;
    if (argc < 3)
        return usage();
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
        if ((symbolic ? symlink(argv[i], dest) : link(argv[i], dest)) < 0) {
            fprintf(stderr, "ln: %s: %s\n", dest, strerror(errno));
            status = 1;
        }
    }
    return status;
}
