/* How waitpid() reports a child's end, Linux's encoding:
 *   exited:   (code << 8)          stopped: (sig << 8) | 0x7f
 *   killed:   sig (| 0x80 if "core dumped")                  */
#ifndef _MINNOW_WAIT_H
#define _MINNOW_WAIT_H

#define WNOHANG    1
#define WUNTRACED  2
#define WCONTINUED 8

#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WTERMSIG(s)    ((s) & 0x7f)
#define WSTOPSIG(s)    WEXITSTATUS(s)
#define WCOREDUMP(s)   ((s) & 0x80)
#define WIFEXITED(s)   (WTERMSIG(s) == 0)
#define WIFSTOPPED(s)  (((s) & 0xff) == 0x7f)
#define WIFSIGNALED(s) (((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#define WIFCONTINUED(s) ((s) == 0xffff)

#endif
