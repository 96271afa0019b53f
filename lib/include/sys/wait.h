/* Waiting for children; the W... macros decode the status word the way
 * Linux encodes it (<minnow/wait.h>). */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>
#include <minnow/wait.h>

pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait(int *status);       /* waitpid(-1, status, 0) */

#endif
