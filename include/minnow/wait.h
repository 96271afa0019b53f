/* How waitpid() and wait4() report a child's end, Linux's encoding:
 *   exited:   (code << 8)          stopped: (sig << 8) | 0x7f
 *   killed:   sig (| 0x80 if "core dumped")                  */
#ifndef _MINNOW_WAIT_H
#define _MINNOW_WAIT_H

#define WNOHANG    1             /* do not sleep: 0 if no child has news */
#define WUNTRACED  2             /* report stopped children too */
#define WSTOPPED   WUNTRACED     /* (waitid's name) */
#define WEXITED    4             /* waitid: report children that ended */
#define WCONTINUED 8             /* report continued children */
#define WNOWAIT    0x01000000    /* waitid: report, but leave it waitable */
#define __WNOTHREAD 0x20000000   /* (accepted: one thread a process) */
#define __WALL     0x40000000    /* every child, whatever its exit signal */
#define __WCLONE   0x80000000    /* only children whose exit signal is not SIGCHLD */

/* waitid(idtype, id, ...): which children */
#define P_ALL   0                /* any child */
#define P_PID   1                /* the child whose pid is id */
#define P_PGID  2                /* the children in process group id (0: ours) */
#define P_PIDFD 3                /* (refused: Minnow has no pidfds) */

#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WTERMSIG(s)    ((s) & 0x7f)
#define WSTOPSIG(s)    WEXITSTATUS(s)
#define WCOREDUMP(s)   ((s) & 0x80)
#define WIFEXITED(s)   (WTERMSIG(s) == 0)
#define WIFSTOPPED(s)  (((s) & 0xff) == 0x7f)
#define WIFSIGNALED(s) (((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#define WIFCONTINUED(s) ((s) == 0xffff)

#endif
