/* Reading a directory: opendir, readdir, closedir.
 *
 * A directory is read with the getdents64 system call, which fills a
 * buffer with variable-length records (struct linux_dirent64):
 *
 *   | d_ino d_off d_reclen d_type name\0 (padding) | next record ... |
 *     <--------------- d_reclen bytes ----------->
 *
 * Like stdio, a DIR reads many records at once and hands them out one by
 * one: readdir copies the next record into a struct dirent. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <minnow/syscall_nr.h>
#include "syscall_raw.h"

struct DIR {
    int fd;                      /* the open directory */
    int pos, len;                /* buf[pos..len) holds records not yet returned */
    struct dirent entry;         /* what readdir returns */
    char buf[2048];
};

int getdents64(int fd, void *buf, unsigned int count)
{
    return (int)__syscall_ret(__syscall3(__NR_getdents64, fd, (long)buf, (long)count));
}

DIR *fdopendir(int fd)
{
    DIR *dir = malloc(sizeof(DIR));

    if (!dir)
        return NULL;
    dir->fd = fd;
    dir->pos = dir->len = 0;
    return dir;
}

DIR *opendir(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

    if (fd < 0)
        return NULL;
    DIR *dir = fdopendir(fd);
    if (!dir)
        close(fd);
    return dir;
}

/* The next entry, or NULL at the end (errno unchanged) or on an error. */
struct dirent *readdir(DIR *dir)
{
    if (dir->pos >= dir->len) {
        int n = getdents64(dir->fd, dir->buf, sizeof(dir->buf));
        if (n <= 0)
            return NULL;
        dir->pos = 0;
        dir->len = n;
    }
    struct linux_dirent64 *rec = (struct linux_dirent64 *)(dir->buf + dir->pos);
    if (rec->d_reclen == 0) {           /* a broken record: stop, do not loop */
        errno = EIO;
        return NULL;
    }
    dir->pos += rec->d_reclen;
    dir->entry.d_ino = (ino_t)rec->d_ino;
    dir->entry.d_type = rec->d_type;
    strlcpy(dir->entry.d_name, rec->d_name, sizeof(dir->entry.d_name));
    return &dir->entry;
}

/* Starts over: back to the directory's first entry. */
void rewinddir(DIR *dir)
{
    lseek(dir->fd, 0, SEEK_SET);
    dir->pos = dir->len = 0;
}

int closedir(DIR *dir)
{
    int result = close(dir->fd);

    free(dir);
    return result;
}

int dirfd(DIR *dir)
{
    return dir->fd;
}
