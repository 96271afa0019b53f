/* Waiting for children; the W... macros decode the status word the way
 * Linux encodes it (<minnow/wait.h>). */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>
#include <minnow/wait.h>
#include <minnow/signal.h>     /* siginfo_t, CLD_EXITED... */

struct rusage;                 /* <sys/resource.h> */
typedef int idtype_t;          /* P_ALL, P_PID, P_PGID */

pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait(int *status);       /* waitpid(-1, status, 0) */
/* and the child's resource usage (its CPU time), if rusage is not NULL */
pid_t wait4(pid_t pid, int *status, int options, struct rusage *rusage);
pid_t wait3(int *status, int options, struct rusage *rusage);   /* wait4(-1, ...) */
/* The news as siginfo: si_code CLD_EXITED..., si_pid, si_status.  options:
 * WEXITED, WSTOPPED, WCONTINUED (at least one), WNOHANG, WNOWAIT. */
int waitid(idtype_t idtype, id_t id, siginfo_t *infop, int options);

#endif
