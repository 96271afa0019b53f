#ifndef FS_NAMEI_H
#define FS_NAMEI_H

#include "fs/inode.h"

#define MAXSYMLINKS 40           /* links one walk may follow before ELOOP (as Linux) */

/* How a walk treats the path's last part (flags of namei_at and friends;
 * a symbolic link in the middle of a path is always followed). */
#define LOOKUP_FOLLOW 1          /* a symbolic link there: go on to its target */
#define LOOKUP_EMPTY  2          /* "" names dirfd's own file (AT_EMPTY_PATH) */

/* A path from a program, copied into the kernel (kmalloc'd; putname frees). */
long getname(const char *upath, char **out);
void putname(char *path);

/* The inode a path names, with a reference (inode_put when done).  A
 * relative path starts at the directory open as dirfd, or at the working
 * directory for AT_FDCWD (the *at calls; the others pass AT_FDCWD). */
int namei_at(int dirfd, const char *path, int flags, struct inode **out);
/* The same for a path in the program's memory. */
long user_namei_at(int dirfd, const char *upath, int flags, struct inode **out);
/* The directory that would hold the path's last part, with a reference,
 * and that last part's name.  The last part is not looked up, unless
 * LOOKUP_FOLLOW asks to follow it when it is a symbolic link (open with
 * O_CREAT creates the file a link points to). */
int namei_parent_at(int dirfd, const char *path, int flags, struct inode **dir,
                    char name[NAME_MAX + 1]);

/* Runs op on the directory that holds a user path's last part and that
 * part's name, once the directory is found writable and the name is not
 * "." or "..": the calls that make and remove names. */
long with_parent(int dirfd, const char *upath,
                 long (*op)(struct inode *dir, const char *name, long arg), long arg);

/* The calls on a file's attributes (stat, chmod, utimensat...) run op on
 * the inode a user path names, or on the inode of an open fd (the f...
 * versions: a pipe or socket has one too). */
long with_inode(int dirfd, const char *upath, int flags,
                long (*op)(struct inode *ino, long arg), long arg);
long with_fd_inode(int fd, long (*op)(struct inode *ino, long arg), long arg);
/* AT_SYMLINK_NOFOLLOW and AT_EMPTY_PATH as LOOKUP_ flags. */
int at_lookup_flags(int atflags);

/* From the working directory, following links: exec, sockets, the initrd. */
int namei(const char *path, struct inode **out);
int namei_parent(const char *path, struct inode **dir, char name[NAME_MAX + 1]);

int is_dot_name(const char *name);     /* "." or ".." */

/* A symbolic link's target (fs/symlink.c). */
long read_link(struct inode *link, char *buf, size_t size);

#endif
