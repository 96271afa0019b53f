/* mount(2) and umount2(2)'s flags, with Linux's values. */
#ifndef MINNOW_MOUNT_H
#define MINNOW_MOUNT_H

#define MS_RDONLY   1            /* mount read-only */
#define MS_REMOUNT  32           /* change the flags of a mount (not in Minnow: EINVAL) */

#define MNT_FORCE   1            /* umount2: not in Minnow (EINVAL) */
#define MNT_DETACH  2            /* umount2: not in Minnow (EINVAL) */

#endif
