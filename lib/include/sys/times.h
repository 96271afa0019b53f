/* times: the CPU time of this process and of its waited-for children, in
 * clock ticks (CLOCKS_PER_SEC a second). */
#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

#include <sys/types.h>
#include <minnow/time.h>       /* struct tms */

clock_t times(struct tms *buf);

#endif
