/* The system's basic types (pid_t, off_t, mode_t, ...): Linux i386 sizes,
 * shared with the kernel in <minnow/types.h>. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <minnow/types.h>

typedef unsigned int useconds_t;
typedef unsigned int id_t;     /* a pid, a process group, a uid: waitid */

#endif
