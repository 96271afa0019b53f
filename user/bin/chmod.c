/* chmod: change the permission bits of files.
 *
 *   chmod [-R] MODE FILE...
 *
 * MODE is octal (644, 4755: at most 7777) or symbolic, POSIX's clauses
 * separated by commas (new_mode() in user/common/mode.c reads them; the
 * shell's umask shares it):
 *
 *   [ugoa...] (+|-|=) [rwxXst...  or one of u g o] ...
 *
 * who: u the owner, g the group, o others, a all three; none given means
 * all three, less the bits set in the umask.  + adds, - removes, = sets
 * exactly (what is not named is cleared).  r w x are read, write and
 * execute (search, for a directory); X is execute only for a directory
 * or a file some execute bit is already set on; s the set-user-ID and
 * set-group-ID bits, t the sticky bit; u, g or o copy that class's bits
 * ("g=u").  Several actions may follow one who: "u-w+x".  Examples:
 * "go-w", "u=rwx,g=rx,o=", "a+X".
 *
 * When the umask kept a clause without a who from removing bits (chmod
 * -w with umask 022 leaves the group's and others' w), chmod says so and
 * exits with 1, as GNU chmod does.  A directory keeps its set-user-ID and
 * set-group-ID bits unless the mode names s, or is octal of 5 digits.  -R also
 * changes everything below a directory, without following symbolic
 * links (the links themselves have no bits of their own that count). */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mode.h"

struct change {
    const char *mode;       /* the MODE argument */
    mode_t umask;
    int recursive;
    int status;
};

/* ---------------------------------------------------------------- modes */

/* "rwxr-sr-t", as ls -l shows the bits. */
static void mode_string(mode_t mode, char out[10])
{
    static const char letters[] = "rwxrwxrwx";
    const mode_t special[3] = { S_ISUID, S_ISGID, S_ISVTX };

    for (int i = 0; i < 9; i++)
        out[i] = mode & (0400 >> i) ? letters[i] : '-';
    for (int class = 0; class < 3; class++) {
        char *x = &out[class * 3 + 2];
        if (mode & special[class])
            *x = *x == 'x' ? (class == 2 ? 't' : 's') : (class == 2 ? 'T' : 'S');
    }
    out[9] = '\0';
}

/* ---------------------------------------------------------------- files */

static void change_tree(struct change *c, const char *path);

static void change_file(struct change *c, const char *path, const struct stat *st)
{
    int is_dir = S_ISDIR(st->st_mode);
    mode_t mode, unmasked;

    new_mode(c->mode, st->st_mode, is_dir, c->umask, &mode);
    if (chmod(path, mode) < 0) {
        fprintf(stderr, "chmod: changing permissions of '%s': %s\n", path, strerror(errno));
        c->status = 1;
        return;
    }
    new_mode(c->mode, st->st_mode, is_dir, 0, &unmasked);
    if (mode & ~unmasked) {                 /* the umask kept bits that were to go */
        char got[10], asked[10];
        mode_string(mode, got);
        mode_string(unmasked, asked);
        fprintf(stderr, "chmod: %s: new permissions are %s, not %s\n", path, got, asked);
        c->status = 1;
    }
    if (is_dir && c->recursive)
        change_tree(c, path);
}

/* Everything in the directory path, and below it. */
static void change_tree(struct change *c, const char *path)
{
    DIR *dir = opendir(path);
    struct dirent *e;

    if (!dir) {
        fprintf(stderr, "chmod: cannot read directory '%s': %s\n", path, strerror(errno));
        c->status = 1;
        return;
    }
    while ((e = readdir(dir))) {
        char child[PATH_MAX];
        struct stat st;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (snprintf(child, sizeof(child), "%s/%s", path, e->d_name) >= (int)sizeof(child)) {
            fprintf(stderr, "chmod: '%s/%s': %s\n", path, e->d_name, strerror(ENAMETOOLONG));
            c->status = 1;
            continue;
        }
        if (lstat(child, &st) < 0) {
            fprintf(stderr, "chmod: cannot access '%s': %s\n", child, strerror(errno));
            c->status = 1;
        } else if (!S_ISLNK(st.st_mode)) {
            change_file(c, child, &st);
        }
    }
    closedir(dir);
}

static void usage(void)
{
    fprintf(stderr, "usage: chmod [-R] MODE FILE...\n");
    exit(1);
}

int main(int argc, char **argv)
{
    struct change c = { 0 };
    mode_t check;
    int i = 1;

    /* not getopt: "-w" is a mode, not an option */
    for (; i < argc && strcmp(argv[i], "-R") == 0; i++)
        c.recursive = 1;
    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    if (argc - i < 1) {
        fprintf(stderr, "chmod: missing operand\n");
        usage();
    }
    if (argc - i < 2) {
        fprintf(stderr, "chmod: missing operand after '%s'\n", argv[i]);
        usage();
    }
    c.mode = argv[i++];
    if (new_mode(c.mode, 0, 0, 0, &check) < 0) {
        fprintf(stderr, "chmod: invalid mode: '%s'\n", c.mode);
        return 1;
    }
    c.umask = umask(0);
    umask(c.umask);
    for (; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) < 0) {
            fprintf(stderr, "chmod: cannot access '%s': %s\n", argv[i], strerror(errno));
            c.status = 1;
            continue;
        }
        change_file(&c, argv[i], &st);
    }
    return c.status;
}
