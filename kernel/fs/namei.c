/* Path names to inodes: "/home/user/../hello.txt" is read one part at a
 * time, starting at "/" or at the process's working directory.  Every
 * directory passed through must be searchable (its x bit). */
#include <string.h>
#include <minnow/errno.h>
#include "fs/namei.h"
#include "mm/page_alloc.h"
#include "mm/uaccess.h"
#include "proc/task.h"

/* A path is at most PATH_MAX = 4096 bytes with its NUL: one page. */
long getname(const char *upath, char **out)
{
    char *path = alloc_page();

    if (!path)
        return -ENOMEM;
    long n = strncpy_from_user(path, upath, PATH_MAX);
    if (n < 0) {
        free_page(path);
        return n;
    }
    *out = path;
    return 0;
}

void putname(char *path)
{
    free_page(path);
}

/* Copies the next part of *path into name and advances past it (and the
 * slashes after it).  0 when there are no more parts. */
static int next_part(const char **path, char name[NAME_MAX + 1])
{
    const char *p = *path;
    size_t len = strcspn(p, "/");

    if (len > NAME_MAX)
        return -ENAMETOOLONG;
    memcpy(name, p, len);
    name[len] = '\0';
    p += len;
    while (*p == '/')
        p++;
    *path = p;
    return len;
}

/* Walks path; stops before the last part when `parent` is set.  The result
 * carries a reference. */
static int walk(const char *path, int parent, struct inode **out, char last[NAME_MAX + 1])
{
    char name[NAME_MAX + 1];
    struct inode *dir;

    if (*path == '\0')
        return -ENOENT;
    dir = (*path == '/' || !current->cwd) ? root_inode : current->cwd;
    while (*path == '/')
        path++;
    strcpy(last, ".");                     /* "/" alone: the root's own "." */
    for (;;) {
        int len = next_part(&path, name);
        if (len < 0)
            return len;
        if (len == 0)                      /* the path ended with "/" */
            break;
        if (!S_ISDIR(dir->mode))
            return -ENOTDIR;
        if (parent && *path == '\0') {     /* name is the last part */
            strcpy(last, name);
            break;
        }
        if (inode_permission(dir, 1) < 0)
            return -EACCES;
        struct inode *next = dir_lookup(dir, name);
        if (!next)
            return -ENOENT;
        dir = next;
        if (*path == '\0' && path[-1] == '/' && !S_ISDIR(dir->mode))
            return -ENOTDIR;               /* "file/" */
    }
    if (parent && !S_ISDIR(dir->mode))
        return -ENOTDIR;
    if (parent && dir->nlink == 0)
        return -ENOENT;                    /* removed (someone's cwd): no new names */
    *out = inode_get(dir);
    return 0;
}

int namei(const char *path, struct inode **out)
{
    char last[NAME_MAX + 1];

    return walk(path, 0, out, last);
}

long user_namei(const char *upath, struct inode **out)
{
    char *path;
    long err = getname(upath, &path);

    if (err < 0)
        return err;
    err = namei(path, out);
    putname(path);
    return err;
}

int namei_parent(const char *path, struct inode **dir, char name[NAME_MAX + 1])
{
    return walk(path, 1, dir, name);
}
