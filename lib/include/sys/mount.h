/* mount and umount2: file systems into and out of the tree of names. */
#ifndef _SYS_MOUNT_H
#define _SYS_MOUNT_H

#include <minnow/mount.h>

int mount(const char *source, const char *target, const char *fstype, unsigned long flags,
          const void *data);
int umount2(const char *target, int flags);
int umount(const char *target);

#endif
