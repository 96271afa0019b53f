/* The wait family beyond the system calls waitpid and wait4. */
#include <sys/wait.h>
#include <minnow/syscall_nr.h>
#include "syscall_raw.h"

/* wait(&status): wait for any child, the same as waitpid(-1, &status, 0). */
pid_t wait(int *status)
{
    return waitpid(-1, status, 0);
}

pid_t wait3(int *status, int options, struct rusage *rusage)
{
    return wait4(-1, status, options, rusage);
}

/* The kernel's waitid has a fifth argument, the child's rusage; POSIX's
 * has not. */
int waitid(idtype_t idtype, id_t id, siginfo_t *infop, int options)
{
    return (int)__syscall_ret(__syscall5(__NR_waitid, idtype, (long)id, (long)infop, options, 0));
}
