/* Signals: Linux's numbers, dispositions and flags.  The kernel keeps
 * `pending` and `blocked` as 64-bit sets: signal n is bit (n - 1). */
#ifndef _MINNOW_SIGNAL_H
#define _MINNOW_SIGNAL_H

#include <minnow/types.h>

#define SIGHUP     1
#define SIGINT     2
#define SIGQUIT    3
#define SIGILL     4
#define SIGTRAP    5
#define SIGABRT    6
#define SIGIOT     6
#define SIGBUS     7
#define SIGFPE     8
#define SIGKILL    9
#define SIGUSR1   10
#define SIGSEGV   11
#define SIGUSR2   12
#define SIGPIPE   13
#define SIGALRM   14
#define SIGTERM   15
#define SIGSTKFLT 16
#define SIGCHLD   17
#define SIGCONT   18
#define SIGSTOP   19
#define SIGTSTP   20
#define SIGTTIN   21
#define SIGTTOU   22
#define SIGURG    23
#define SIGXCPU   24
#define SIGXFSZ   25
#define SIGVTALRM 26
#define SIGPROF   27
#define SIGWINCH  28
#define SIGIO     29
#define SIGPOLL   SIGIO
#define SIGPWR    30
#define SIGSYS    31
#define SIGRTMIN  34
#define SIGRTMAX  64
#define NSIG      65             /* signals are 1..64 */

#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)
#define SIG_ERR ((sighandler_t)-1)

#define SIG_BLOCK   0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO   0x00000004
#define SA_RESTORER  0x04000000
#define SA_ONSTACK   0x08000000
#define SA_RESTART   0x10000000
#define SA_NODEFER   0x40000000
#define SA_RESETHAND 0x80000000
#define SA_NOMASK    SA_NODEFER
#define SA_ONESHOT   SA_RESETHAND

/* si_code: who sent a signal, or why (siginfo_t below) */
#define SI_USER      0           /* kill() */
#define SI_KERNEL    0x80        /* the kernel: the terminal, alarm(), a pipe */
#define SI_TKILL     (-6)        /* tkill(), tgkill(): raise() */
#define CLD_EXITED   1           /* SIGCHLD: the child called exit() */
#define CLD_KILLED   2           /* ... a signal killed it */
#define CLD_DUMPED   3           /* ... and it "dumped core" */
#define CLD_TRAPPED  4
#define CLD_STOPPED  5           /* ... it stopped */
#define CLD_CONTINUED 6          /* ... SIGCONT continued it */
#define SEGV_MAPERR  1           /* SIGSEGV: nothing is mapped there */
#define SEGV_ACCERR  2           /* ... mapped, but not for this access */
#define BUS_ADRERR   2           /* SIGBUS: past the end of a mapped file */

union sigval {
    int sival_int;
    void *sival_ptr;
};

/* What an SA_SIGINFO handler gets as its second argument (and waitid()
 * fills in): Linux's 128 bytes.  Which fields mean something depends on
 * the signal: si_pid and si_uid of the sender for kill(), si_status for
 * SIGCHLD (the exit code, or the signal), si_addr for SIGSEGV and SIGBUS. */
typedef struct siginfo {
    int si_signo;
    int si_errno;
    int si_code;
    union {
        int __pad[29];
        struct {                 /* kill(), SIGCHLD */
            pid_t si_pid;
            uid_t si_uid;
            int si_status;
            clock_t si_utime;
            clock_t si_stime;
        };
        struct {                 /* SIGSEGV, SIGBUS, SIGFPE, SIGILL */
            void *si_addr;
        };
        struct {                 /* sigqueue() */
            pid_t __rt_pid;
            uid_t __rt_uid;
            union sigval si_value;
        };
    };
} siginfo_t;

/* sigaltstack's stack; a signal frame's uc_stack */
#define SS_ONSTACK 1
#define SS_DISABLE 2
typedef struct {
    void *ss_sp;
    int ss_flags;
    size_t ss_size;
} stack_t;

/* The x87 registers in a signal frame: fnsave's 108 bytes, then Linux's
 * status word and magic (0xffff: no more than these). */
struct _fpstate {
    uint32_t cw, sw, tag, ipoff, cssel, dataoff, datasel;
    struct { uint16_t significand[4], exponent; } _st[8];
    uint16_t status, magic;      /* magic 0: _fxsr holds the SSE state too */
    uint8_t _fxsr[512];          /* fxsave's image: Linux's _fxsr_env, mxcsr,
                                    _fxsr_st, _xmm and padding */
};

/* The interrupted registers, as an SA_SIGINFO handler finds them in its
 * third argument (uc_mcontext) and rt_sigreturn puts them back: Linux
 * i386's layout. */
struct sigcontext {
    uint16_t gs, __gsh, fs, __fsh, es, __esh, ds, __dsh;
    uint32_t edi, esi, ebp, esp, ebx, edx, ecx, eax;
    uint32_t trapno, err, eip;
    uint16_t cs, __csh;
    uint32_t eflags, esp_at_signal;
    uint16_t ss, __ssh;
    struct _fpstate *fpstate;    /* NULL: a clean x87 state */
    uint32_t oldmask;            /* signals 1..32 of uc_sigmask */
    uint32_t cr2;                /* the faulting address, for SIGSEGV */
};

struct ucontext {
    unsigned long uc_flags;
    struct ucontext *uc_link;
    stack_t uc_stack;
    struct sigcontext uc_mcontext;
    sigset_t uc_sigmask;         /* the mask to restore after the handler */
};

/* What rt_sigaction (174) reads and writes: the kernel's layout, which is
 * also the C library's struct sigaction.  With SA_SIGINFO the handler is
 * sa_sigaction, called as (sig, siginfo_t *, struct ucontext *). */
struct sigaction {
    union {
        sighandler_t sa_handler;
        void (*sa_sigaction)(int, siginfo_t *, void *);
    };
    unsigned long sa_flags;
    void (*sa_restorer)(void);  /* the C library points it at a sigreturn stub */
    sigset_t sa_mask;           /* blocked while the handler runs */
};

#endif
