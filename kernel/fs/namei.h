#ifndef FS_NAMEI_H
#define FS_NAMEI_H

#include "fs/inode.h"

/* A path from a program, copied into the kernel (kmalloc'd; putname frees). */
long getname(const char *upath, char **out);
void putname(char *path);

/* The inode a path names, with a reference (inode_put when done). */
int namei(const char *path, struct inode **out);
/* The same for a path in the program's memory. */
long user_namei(const char *upath, struct inode **out);
/* The directory that would hold the path's last part, with a reference,
 * and that last part's name. */
int namei_parent(const char *path, struct inode **dir, char name[NAME_MAX + 1]);

#endif
