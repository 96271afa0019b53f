/* statfs64: how full a file system is (df), in the layout Linux i386
 * calls struct statfs64 (the old 32-bit statfs is not in Minnow). */
#ifndef _SYS_STATFS_H
#define _SYS_STATFS_H

#include <minnow/statfs.h>

int statfs64(const char *path, struct statfs64 *buf);
int fstatfs64(int fd, struct statfs64 *buf);

#endif
