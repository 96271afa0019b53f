/* struct task_struct: everything the kernel knows about one process.
 *
 * The lecture's list, field by field: who it is (pid, name), what it is
 * doing (state), its share of the CPU (counter), its family (parent,
 * children, siblings, process group, session), its memory (mm), its open
 * files and working directory, its signals (pending, blocked, handlers),
 * and how it ended (exit_code).  There is a fixed table of NR_TASKS of them;
 * tasks[0] is the idle task, tasks[1] becomes init. */
#ifndef PROC_TASK_H
#define PROC_TASK_H

#include <stdint.h>
#include <minnow/types.h>
#include <minnow/signal.h>
#include <minnow/resource.h>
#include "mm/paging.h"
#include "arch/regs.h"
#include "arch/fpu.h"

#define NR_TASKS     128         /* the most processes at once (fork: EAGAIN) */
#define NR_OPEN      32          /* open files per process (open: EMFILE) */
#define KSTACK_PAGES 2           /* each task's kernel stack: 8 KiB */
#define TASK_NAME_LEN 16
#define STACK_MAGIC  0x57ACC0DE  /* the lowest word of every kernel stack */

enum task_state {
    TASK_UNUSED,                 /* a free slot in the table */
    TASK_RUNNING,                /* on the CPU now (there is one CPU) */
    TASK_READY,                  /* could run; waits for its turn */
    TASK_INTERRUPTIBLE,          /* blocked: asleep on a channel (sched.c's
                                    sleeping_on[]), or a signal */
    TASK_UNINTERRUPTIBLE,        /* blocked until the event itself comes; a
                                    signal waits (a disk transfer: ps's D) */
    TASK_STOPPED,                /* stopped by SIGSTOP/SIGTSTP until SIGCONT */
    TASK_ZOMBIE,                 /* exited; waits for its parent's wait() */
};

struct file;
struct inode;
struct vm_area_struct;

/* What an SA_SIGINFO handler will learn about a pending signal: the few
 * fields of siginfo_t that Minnow knows, kept per signal from the moment
 * it is sent (proc/signal.c). */
struct ksiginfo {
    int code;                    /* si_code: SI_USER, SI_KERNEL, CLD_..., SEGV_... */
    pid_t pid;                   /* the sender (kill), or the child (SIGCHLD) */
    int status;                  /* SIGCHLD: the exit code, or the signal */
    uint32_t addr;               /* SIGSEGV, SIGBUS: the address touched */
};

/* A process's user address space (mm/mm.c, docs/vm.md). */
struct mm_struct {
    pde_t *pgdir;                /* its own page directory (NULL: kernel only) */
    struct vm_area_struct *mmap; /* its areas, sorted by address (mm/vma.h) */
    int map_count;               /* how many */
    uint32_t start_brk;          /* end of the program's data: the heap starts here */
    uint32_t brk;                /* the current end of the heap (sbrk) */
    uint32_t start_stack;        /* top of the stack exec built */
    uint32_t arg_start, arg_end; /* where exec put argv's strings (/proc/PID/cmdline) */
    struct inode *exe_file;      /* the program it runs (a reference) */
    unsigned long min_flt;       /* page faults served (demand paging, copy-on-write) */
    unsigned long cow_copies;    /* copy-on-write copies (after fork, or of a file's page) */
};

struct task_struct {
    /* who */
    pid_t pid;
    char name[TASK_NAME_LEN];    /* set by exec; shown by ps and in panics */
    enum task_state state;

    /* the CPU: round-robin time slices (proc/sched.c) */
    int counter;                 /* ticks left in this time slice */
    int priority;                /* ticks in a full time slice */
    /* LAB(scheduler) BEGIN */
    int nice;                    /* nice(): 0 to 19; priority follows it */
    int tickets;                 /* settickets(): the share under SCHED_STRIDE */
    uint64_t pass;               /* stride: ticks run, weighted; lowest runs next */
    /* LAB(scheduler) END */
    unsigned long ticks;         /* CPU time used, in ticks */
    unsigned long stime;         /* of which in the kernel (the rest: in user mode) */
    unsigned long start_time;    /* jiffies when it was forked */
    unsigned long timeout;       /* jiffies at which to wake up anyway (0: never) */
    int atomic;                  /* >0: it must not sleep now (atomic_enter) */

    /* family */
    struct task_struct *parent;
    struct task_struct *children;   /* first child ... */
    struct task_struct *sibling;    /* ... and the next child of our parent */
    pid_t pgid;                  /* process group (a shell job) */
    pid_t sid;                   /* session (a login / terminal) */
    int exit_code;               /* status for wait(): see minnow/wait.h */
    int exit_signal;             /* sent to the parent at exit: SIGCHLD, or
                                    clone()'s choice (0: none) */
    int stop_reported;           /* a stop was already told to wait() */
    int continued;               /* SIGCONT resumed it; not yet told to wait() */
    unsigned long ticks_children;   /* CPU time of reaped children (times()) */

    /* the kernel's side: stack and saved registers */
    void *kstack;                /* KSTACK_PAGES pages */
    uint32_t kesp;               /* saved esp while switched out (switch_context) */
    struct pt_regs *regs;        /* user registers, at the top of kstack */
    uint32_t syscall_nr;         /* eax of the system call in progress (restarts) */
    int restart_requested;       /* it returned a restart code through
                                    request_restart() (proc/signal.h) */
    unsigned long restart_end;   /* an interrupted timed sleep's end (nanosleep,
                                    poll, select), in jiffies, for its restart
                                    (0: none; proc/sleep.c) */
    /* LAB(syscall) BEGIN */
    uint32_t trace_mask;         /* trace(): bit n reports call n (proc/trace.c) */
    unsigned long syscalls;      /* calls made since fork, for kinfo() */
    /* LAB(syscall) END */

    /* memory */
    struct mm_struct mm;

    /* files */
    struct file *files[NR_OPEN];    /* the fd table: fd n is files[n] */
    uint32_t close_on_exec;         /* bit n: FD_CLOEXEC on fd n */
    struct inode *cwd;
    mode_t umask;

    /* signals (proc/signal.c) */
    sigset_t pending;            /* sent, not yet delivered */
    sigset_t blocked;            /* the signal mask */
    struct sigaction sigaction[NSIG];  /* what to do with each signal */
    sigset_t saved_mask;         /* sigsuspend's mask to restore after the handler */
    int restore_mask;            /* saved_mask is valid */
    unsigned long alarm;         /* jiffies at which SIGALRM is due (0: none) */
    struct ksiginfo siginfo[NSIG];  /* about each pending signal */
    /* LAB(signals) BEGIN */
    /* sigalarm() (proc/sigalarm.c); fork does not copy it, exec clears it */
    unsigned int sigalarm_ticks; /* the handler every this many CPU ticks (0: off) */
    unsigned int sigalarm_left;  /* ticks until the next time */
    uint32_t sigalarm_handler;
    int sigalarm_due;            /* divert to it on the way out to user mode */
    int sigalarm_running;        /* in it: sigalarm_regs is what it interrupted */
    struct pt_regs sigalarm_regs;
    /* LAB(signals) END */

    /* clone() and vfork() (proc/fork.c) */
    uint32_t set_child_tid;      /* CLONE_CHILD_SETTID: our tid goes there at start */
    uint32_t clear_child_tid;    /* CLONE_CHILD_CLEARTID, set_tid_address: 0 goes
                                    there at exit */
    struct task_struct *vfork_parent;   /* sleeps until we exec or exit */

    struct rlimit rlim[RLIM_NLIMITS];   /* getrlimit/setrlimit (proc/rlimit.c) */

    /* the user's other registers, saved at a switch: at the end, out of
     * the way of the fields every system call touches */
    uint64_t tls[3];             /* its GDT entries 6-8, thread-local storage (arch/tls.c) */
    uint8_t fpu_state[FPU_STATE_SIZE] __attribute__((aligned(16)));  /* x87 and SSE (arch/fpu.c) */
};

extern struct task_struct tasks[NR_TASKS];
extern struct task_struct *current;

static inline uint32_t kstack_top(struct task_struct *t)
{
    return (uint32_t)t->kstack + KSTACK_PAGES * 4096;
}

struct task_struct *find_task(pid_t pid);
pid_t last_pid_allocated(void);  /* /proc/loadavg */
char task_state_letter(enum task_state s);   /* R, S, T, Z */
int count_tasks(int runnable_only);
int alloc_task(struct task_struct **out);
void free_task(struct task_struct *t);
void set_task_name(struct task_struct *t, const char *path);
int find_pgid_in_use(pid_t pgid);

#endif
