#ifndef FS_INITRD_H
#define FS_INITRD_H

#include <stdint.h>

/* Fills the RAM file system from a cpio "newc" archive; returns the
 * number of entries, or -errno if the archive is broken. */
int initrd_unpack(const char *data, uint32_t size);

#endif
