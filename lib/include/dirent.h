/* Reading directories: opendir/readdir/closedir on the getdents64 system
 * call (lib/dirent.c).  A DIR holds the directory's fd and a buffer of
 * records, much as a FILE does for a file. */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/types.h>
#include <minnow/stat.h>       /* DT_REG, DT_DIR, ... */

struct dirent {
    ino_t d_ino;               /* inode number */
    unsigned char d_type;      /* DT_REG, DT_DIR, ... or DT_UNKNOWN */
    char d_name[256];          /* the name, '\0'-terminated */
};

typedef struct DIR DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *dir);
void rewinddir(DIR *dir);
int closedir(DIR *dir);
int dirfd(DIR *dir);

/* The system call underneath: fills buf with struct linux_dirent64 records
 * and returns their total size, 0 at the end of the directory. */
int getdents64(int fd, void *buf, unsigned int count);

#endif
