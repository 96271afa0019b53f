/* Path names to inodes: "/home/user/../hello.txt" is read one part at a
 * time, starting at "/", at the process's working directory, or -- for
 * the *at calls -- at a directory the program has open (dirfd).  Every
 * directory passed through must be searchable (its x bit).
 *
 * A symbolic link met on the way is replaced by its target: the rest of
 * the path becomes "target/rest", and the walk goes on from the link's
 * directory (or from "/" for an absolute target).  A link as the last
 * part is followed only when the caller asks (stat does, lstat does not).
 * After MAXSYMLINKS links the walk gives up with ELOOP: "a -> b, b -> a"
 * would otherwise never end. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include "fs/namei.h"
#include "fs/file.h"
#include "mm/page_alloc.h"
#include "mm/kmalloc.h"
#include "mm/uaccess.h"
#include "proc/task.h"

#define LOOKUP_PARENT 4          /* stop before the last part (namei_parent_at) */

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

/* Where a walk starts: "/" for an absolute path, else the working
 * directory (AT_FDCWD) or the directory open as dirfd.  An empty path is
 * ENOENT, unless LOOKUP_EMPTY makes it name dirfd's file, of any type. */
static int walk_start(int dirfd, const char *path, int flags, struct inode **start)
{
    if (*path == '/') {
        *start = root_inode;
        return 0;
    }
    if (*path == '\0' && !(flags & LOOKUP_EMPTY))
        return -ENOENT;
    if (dirfd == AT_FDCWD) {
        *start = current->cwd ? current->cwd : root_inode;
        return 0;
    }
    struct file *f = fget(dirfd);
    if (!f)
        return -EBADF;
    if (*path != '\0' && !S_ISDIR(f->inode->mode))
        return -ENOTDIR;
    *start = f->inode;
    return 0;
}

/* Splices a link's target in front of what is left of the path, in buf (a
 * page, taken at the first link).  `slash`: the link's name ended with
 * "/", which the target keeps ("link/" must be a directory). */
static int follow_link(struct inode *link, const char **rest, char **buf, int slash)
{
    size_t rest_len = strlen(*rest);
    char *text = kmalloc(PATH_MAX);
    long target = text ? read_link(link, text, PATH_MAX) : -ENOMEM;

    if (target == 0)
        target = -ENOENT;                  /* an empty target names nothing */
    else if (target > 0 && (size_t)target + 1 + rest_len + 1 > PATH_MAX)
        target = -ENAMETOOLONG;
    else if (target > 0 && !*buf && !(*buf = alloc_page()))
        target = -ENOMEM;
    if (target > 0) {
        memmove(*buf + target + 1, *rest, rest_len + 1);   /* rest may be in buf already */
        memcpy(*buf, text, target);
        (*buf)[target] = rest_len || slash ? '/' : '\0';
        *rest = *buf;
    }
    kfree(text);
    return target < 0 ? target : 0;
}

/* Is name in dir a symbolic link? (A peek: nothing is checked.) */
static int is_link(struct inode *dir, const char *name)
{
    struct inode *ino;

    if (vfs_lookup(dir, name, &ino) < 0)
        return 0;
    int link = S_ISLNK(ino->mode);
    inode_put(ino);
    return link;
}

/* "name/" at the end of a path, for a call that works on the name: if it
 * exists it must be a directory ("rm file/": ENOTDIR). */
static int check_trailing_slash(struct inode *dir, const char *name)
{
    struct inode *ino;

    if (vfs_lookup(dir, name, &ino) < 0)
        return 0;
    int err = S_ISDIR(ino->mode) ? 0 : -ENOTDIR;
    inode_put(ino);
    return err;
}

/* Walks path from *at, where it ends; with LOOKUP_PARENT it stops before
 * the last part and puts that part in `last`.  It holds a reference on
 * the directory it is in at every step: a file system on a disk sleeps
 * while it reads one, and another process could remove what the walk has
 * just passed.  On success *at is the inode reached, with a reference. */
static int walk_from(struct inode **at, const char *path, int flags, char last[NAME_MAX + 1],
                     char **buf)
{
    char name[NAME_MAX + 1];
    struct inode *dir = inode_get(*at), *next;
    int links = 0, err;

    strcpy(last, ".");                     /* "/" alone: the root's own "." */
    for (;;) {
        if (*path == '/') {                /* at the start, or a link's absolute target */
            inode_put(dir);
            dir = inode_get(root_inode);
        }
        while (*path == '/')
            path++;
        int len = next_part(&path, name);
        if (len <= 0) {                    /* an error, or the end of the path */
            err = len;
            break;
        }
        if (!S_ISDIR(dir->mode)) {
            err = -ENOTDIR;
            break;
        }
        int final = *path == '\0', slash = final && path[-1] == '/';
        int follow = !final || slash || (flags & LOOKUP_FOLLOW);
        if (final && (flags & LOOKUP_PARENT) && !((flags & LOOKUP_FOLLOW) && is_link(dir, name))) {
            strcpy(last, name);
            err = slash ? check_trailing_slash(dir, name) : 0;
            break;
        }
        if ((err = inode_permission(dir, 1)) < 0 || (err = vfs_lookup(dir, name, &next)) < 0)
            break;
        next = cross_mounts(next);
        if (S_ISLNK(next->mode) && follow) {
            err = ++links > MAXSYMLINKS ? -ELOOP : follow_link(next, &path, buf, slash);
            inode_put(next);
            if (err < 0)
                break;
            continue;                      /* from dir, the link's directory */
        }
        inode_put(dir);
        dir = next;
        if (slash && !S_ISDIR(dir->mode)) {
            err = -ENOTDIR;                /* "file/" */
            break;
        }
    }
    if (err < 0) {
        inode_put(dir);
        return err;
    }
    *at = dir;
    return 0;
}

static int walk(int dirfd, const char *path, int flags, struct inode **out,
                char last[NAME_MAX + 1])
{
    struct inode *ino;
    char *buf = NULL;
    int err = walk_start(dirfd, path, flags, &ino);

    if (err == 0)
        err = walk_from(&ino, path, flags, last, &buf);
    if (buf)
        free_page(buf);
    if (err < 0)
        return err;
    if ((flags & LOOKUP_PARENT) && !S_ISDIR(ino->mode))
        err = -ENOTDIR;
    else if ((flags & LOOKUP_PARENT) && ino->nlink == 0)
        err = -ENOENT;                     /* removed (someone's cwd): no new names */
    if (err < 0) {
        inode_put(ino);
        return err;
    }
    *out = ino;
    return 0;
}

int namei_at(int dirfd, const char *path, int flags, struct inode **out)
{
    char last[NAME_MAX + 1];

    return walk(dirfd, path, flags & ~LOOKUP_PARENT, out, last);
}

long user_namei_at(int dirfd, const char *upath, int flags, struct inode **out)
{
    char *path;
    long err = getname(upath, &path);

    if (err < 0)
        return err;
    err = namei_at(dirfd, path, flags, out);
    putname(path);
    return err;
}

/* "." or "..": a name that is not an entry of its own. */
int is_dot_name(const char *name)
{
    return strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
}

int namei_parent_at(int dirfd, const char *path, int flags, struct inode **dir,
                    char name[NAME_MAX + 1])
{
    return walk(dirfd, path, flags | LOOKUP_PARENT, dir, name);
}

/* For the calls that make and remove names (fs/dir.c, fs/symlink.c): copy
 * the user path in, resolve the directory that holds its last part (a link
 * there is not followed: these calls work on the name itself), and hand
 * both to `op`.  A last part of "." or ".." goes to `op` too, where it
 * names a directory that exists: mkdir("/") is EEXIST, unlink(".") EISDIR,
 * as on Linux; rmdir and rename say their own errors for them. */
long with_parent(int dirfd, const char *upath,
                 long (*op)(struct inode *dir, const char *name, long arg), long arg)
{
    char *path, name[NAME_MAX + 1];
    struct inode *dir;
    long err = getname(upath, &path);

    if (err < 0)
        return err;
    if ((err = namei_parent_at(dirfd, path, 0, &dir, name)) == 0) {
        err = inode_permission(dir, 3);
        if (err == 0)
            err = op(dir, name, arg);
        inode_put(dir);
    }
    putname(path);
    return err;
}

/* The *at calls' flags as the walk's: a link as the last part is
 * followed unless AT_SYMLINK_NOFOLLOW; AT_EMPTY_PATH lets "" name dirfd. */
int at_lookup_flags(int atflags)
{
    return (atflags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
           (atflags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0);
}

long with_inode(int dirfd, const char *upath, int flags,
                long (*op)(struct inode *ino, long arg), long arg)
{
    struct inode *ino;
    long err = user_namei_at(dirfd, upath, flags, &ino);

    if (err < 0)
        return err;
    err = op(ino, arg);
    inode_put(ino);
    return err;
}

long with_fd_inode(int fd, long (*op)(struct inode *ino, long arg), long arg)
{
    struct file *f = fget(fd);

    return f ? op(f->inode, arg) : -EBADF;
}

int namei(const char *path, struct inode **out)
{
    return namei_at(AT_FDCWD, path, LOOKUP_FOLLOW, out);
}

int namei_parent(const char *path, struct inode **dir, char name[NAME_MAX + 1])
{
    return namei_parent_at(AT_FDCWD, path, 0, dir, name);
}
