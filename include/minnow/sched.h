/* clone()'s flags: Linux's values.  Minnow's processes each own their
 * memory, so it takes only the flags that fork() and vfork() need
 * (docs/linux-abi.md says which).  And Minnow's scheduling policies. */
#ifndef _MINNOW_SCHED_H
#define _MINNOW_SCHED_H

#define CSIGNAL              0x000000ff  /* the signal the parent gets at exit */
#define CLONE_VM             0x00000100  /* share the memory (a thread) */
#define CLONE_FS             0x00000200  /* share cwd and umask */
#define CLONE_FILES          0x00000400  /* share the fd table */
#define CLONE_SIGHAND        0x00000800  /* share the signal handlers */
#define CLONE_PIDFD          0x00001000
#define CLONE_PTRACE         0x00002000
#define CLONE_VFORK          0x00004000  /* the parent sleeps until exec or exit */
#define CLONE_PARENT         0x00008000
#define CLONE_THREAD         0x00010000  /* the same process, another thread */
#define CLONE_NEWNS          0x00020000
#define CLONE_SYSVSEM        0x00040000
#define CLONE_SETTLS         0x00080000  /* the child's thread-local storage */
#define CLONE_PARENT_SETTID  0x00100000  /* the child's tid into *parent_tid */
#define CLONE_CHILD_CLEARTID 0x00200000  /* 0 into *child_tid when it exits */
#define CLONE_DETACHED       0x00400000  /* ignored (as Linux) */
#define CLONE_UNTRACED       0x00800000
#define CLONE_CHILD_SETTID   0x01000000  /* its tid into its own *child_tid */
#define CLONE_NEWCGROUP      0x02000000
#define CLONE_NEWUTS         0x04000000
#define CLONE_NEWIPC         0x08000000
#define CLONE_NEWUSER        0x10000000
#define CLONE_NEWPID         0x20000000
#define CLONE_NEWNET         0x40000000
#define CLONE_IO             0x80000000

/* sched_policy(), Minnow's own (the lab "Change the scheduler",
 * docs/labs/scheduler.md): how the whole system is scheduled. */
#define SCHED_ROUND_ROBIN    0           /* time slices in turn: the default */
#define SCHED_STRIDE         1           /* shares in proportion to tickets */

#endif
