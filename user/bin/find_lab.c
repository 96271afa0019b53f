/* LAB(util) FILE */
/* find_lab DIR NAME: every file under DIR whose name is NAME, one path a
 * line.  (The lab's find: /usr/bin/find, busybox's, has the full one.)
 *
 *     $ find_lab / motd
 *     /etc/motd
 *
 * A directory is a file of names: opendir/readdir give them one by one,
 * and lstat says what each is.  lstat, not stat: a symbolic link is
 * reported as a link and never followed, so a link that points back up
 * the tree (ln -s .. loop) cannot send the walk round for ever.  "." and
 * ".." are in every directory and are not descended into, for the same
 * reason.  Each directory is closed as soon as its names are read: a walk
 * that kept them open would run out of file descriptors in a wide tree. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *wanted;
static int status;

static void complain(const char *path)
{
    fprintf(stderr, "find_lab: %s: %s\n", path, strerror(errno));
    status = 1;
}

static int is_dot_or_dotdot(const char *name)
{
    return strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
}

static void walk(const char *dir);

/* One name found in a directory: print it if it is the one, and go down
 * into it if it is a directory. */
static void visit(const char *dir, const char *name)
{
    char path[PATH_MAX];
    struct stat st;

    if (snprintf(path, sizeof(path), "%s%s%s", dir,
                 dir[strlen(dir) - 1] == '/' ? "" : "/", name) >= (int)sizeof(path)) {
        errno = ENAMETOOLONG;
        complain(path);
        return;
    }
    if (lstat(path, &st) < 0) {
        complain(path);
        return;
    }
    if (strcmp(name, wanted) == 0)
        printf("%s\n", path);
    if (S_ISDIR(st.st_mode))
        walk(path);
}

/* The names of dir are read into a list first and the directory closed,
 * before any of them is visited: one directory open at a time. */
struct name {
    struct name *next;
    char text[256];
};

static struct name *read_names(const char *dir)
{
    struct name *list = NULL;
    DIR *d = opendir(dir);
    struct dirent *e;

    if (!d) {
        complain(dir);
        return NULL;
    }
    while ((e = readdir(d)) != NULL) {
        if (is_dot_or_dotdot(e->d_name))
            continue;
        struct name *n = malloc(sizeof(*n));
        if (!n) {
            complain(dir);
            break;
        }
        snprintf(n->text, sizeof(n->text), "%s", e->d_name);
        n->next = list;
        list = n;
    }
    closedir(d);
    return list;
}

static void walk(const char *dir)
{
    struct name *list = read_names(dir);

    while (list) {
        struct name *n = list;
        list = n->next;
        visit(dir, n->text);
        free(n);
    }
}

int main(int argc, char *argv[])
{
    struct stat st;

    if (argc != 3) {
        fprintf(stderr, "usage: find_lab DIR NAME\n");
        return 2;
    }
    wanted = argv[2];
    if (stat(argv[1], &st) < 0) {
        complain(argv[1]);
        return status;
    }
    if (!S_ISDIR(st.st_mode)) {
        fprintf(stderr, "find_lab: %s: not a directory\n", argv[1]);
        return 1;
    }
    walk(argv[1]);
    return status;
}
