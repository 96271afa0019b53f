/* Signal frames: what the kernel leaves on the user stack to run a
 * handler, and the calls that take it back (sigreturn, rt_sigreturn).
 *
 * A handler is entered as if the interrupted code had called it: below
 * the interrupted esp the kernel writes a frame that holds everything the
 * handler may destroy (the registers, the x87 state, the signal mask), and
 * on top of it a return address and the handler's arguments.  The handler
 * "returns" into a stub that calls sigreturn, which reads the frame back.
 *
 * There are two frames, as on Linux i386:
 *   - the old one, for handler(sig): pretcode, sig, then Minnow's own
 *     record of the registers; its stub pops sig and calls sigreturn (119);
 *   - the rt frame, for an SA_SIGINFO handler(sig, siginfo_t *, ucontext *):
 *     Linux's struct rt_sigframe, whose ucontext holds the registers in
 *     Linux's struct sigcontext, so that a program built for Linux (glibc)
 *     finds them where it looks; its stub calls rt_sigreturn (173).
 *
 * Nothing on the user stack can be trusted when it comes back: the
 * program may have changed it, or called sigreturn without a signal.
 * restore_regs() lets a frame change only what user mode may change. */
#include <stddef.h>
#include <string.h>
#include <minnow/errno.h>
#include "proc/signal.h"
#include "arch/fpu.h"
#include "arch/tls.h"
#include "mm/uaccess.h"

/* The old frame. */
struct sigframe {
    uint32_t pretcode;           /* the handler "returns" here... */
    int sig;                     /* ...and gets the signal number as argument */
    struct pt_regs regs;         /* the interrupted context */
    sigset_t old_mask;           /* the mask to restore */
    uint8_t fpu_state[FPU_STATE_SIZE];   /* fxsave's image (arch/fpu.c), not aligned here */
    uint8_t retcode[8];          /* the return stub, if there is no sa_restorer */
};

/* Linux's rt frame. */
struct rt_sigframe {
    uint32_t pretcode;           /* the handler "returns" here... */
    int sig;                     /* ...with three arguments: sig, */
    siginfo_t *pinfo;            /* &info */
    struct ucontext *puc;        /* &uc */
    siginfo_t info;
    struct ucontext uc;          /* the registers, the mask to restore */
    uint8_t retcode[8];          /* the return stub, if there is no sa_restorer */
    struct _fpstate fpstate;     /* uc.uc_mcontext.fpstate points here */
};

/* Programs built for Linux read these at fixed offsets: they must be
 * Linux i386's sizes to the byte. */
_Static_assert(sizeof(siginfo_t) == 128, "siginfo_t is 128 bytes");
_Static_assert(sizeof(struct sigcontext) == 88, "struct sigcontext is 22 words");
_Static_assert(sizeof(struct _fpstate) == 624, "fnsave's 108 bytes, status, magic, fxsave's 512");
_Static_assert(offsetof(struct rt_sigframe, uc) == 144, "the ucontext follows the siginfo");
_Static_assert(offsetof(struct ucontext, uc_sigmask) == 108, "the mask follows the registers");

/* "pop %eax; mov $119, %eax; int $0x80": drop the signal number, then
 * sigreturn (as Linux's stub, so the frame is at esp - 8 when it runs). */
static const uint8_t sigreturn_code[8] = { 0x58, 0xb8, 119, 0, 0, 0, 0xcd, 0x80 };
/* "mov $173, %eax; int $0x80": rt_sigreturn, the frame at esp - 4. */
static const uint8_t rt_sigreturn_code[8] = { 0xb8, 173, 0, 0, 0, 0xcd, 0x80, 0 };

/* Where a frame of `size` bytes goes: below the interrupted stack, so
 * that the handler starts with a 16-byte aligned stack, as after a call. */
static uint32_t frame_address(struct pt_regs *regs, size_t size)
{
    return ((regs->esp - size) & ~15u) - 4;
}

/* The x87 and SSE registers, as fxsave stores them, into buf (user
 * memory, already checked; fxsave wants an aligned buffer, the task's). */
static void save_fpu(void *buf)
{
    fpu_flush(current);
    memcpy(buf, current->fpu_state, FPU_STATE_SIZE);
}

/* ... and back from a copy in the kernel (NULL: a clean state), made
 * loadable first: it came from user memory. */
static void restore_fpu(const void *image)
{
    if (image) {
        memcpy(current->fpu_state, image, FPU_STATE_SIZE);
        fpu_sanitize(current->fpu_state);
    } else {
        fpu_state_init(current->fpu_state);
    }
    fpu_reload(current);
}

/* Linux's _fpstate: the x87 part in fnsave's layout, for programs that
 * read it, then the whole fxsave image, which is what comes back. */
static void save_fpstate(struct _fpstate *fp)
{
    fpu_activate(current);
    fpu_save_legacy(fp);
    fp->status = fp->sw;
    save_fpu(fp->_fxsr);
    fp->magic = fpu_has_fxsr() ? 0x0000 : 0xffff;
}

static void restore_fpstate(const struct _fpstate *fp)
{
    if (fp && fp->magic == 0 && fpu_has_fxsr())
        restore_fpu(fp->_fxsr);
    else if (fp) {
        fpu_activate(current);
        fpu_restore_legacy(fp);
    }
    else
        restore_fpu(NULL);
}

/* The handler's start: esp at the frame, eip at the handler, and the
 * return address in the frame at the sa_restorer stub (or our own). */
static void enter_handler(struct pt_regs *regs, struct sigaction *sa, uint32_t sp,
                          uint32_t *pretcode, const uint8_t *retcode)
{
    *pretcode = sa->sa_flags & SA_RESTORER ? (uint32_t)sa->sa_restorer : (uint32_t)retcode;
    regs->esp = sp;
    regs->eip = (uint32_t)sa->sa_handler;
    /* no single-stepping into it, and DF clear as at any call: the
     * interrupted code may have been in the middle of a backward copy */
    regs->eflags &= ~(EFLAGS_TF | EFLAGS_DF);
}

static int setup_frame(int sig, struct sigaction *sa, struct pt_regs *regs, sigset_t old_mask)
{
    uint32_t sp = frame_address(regs, sizeof(struct sigframe));
    struct sigframe *frame = (struct sigframe *)sp;

    if (verify_area(frame, sizeof(*frame), 1) < 0)
        return -EFAULT;
    frame->sig = sig;
    frame->regs = *regs;
    frame->old_mask = old_mask;
    save_fpu(frame->fpu_state);
    memcpy(frame->retcode, sigreturn_code, sizeof(sigreturn_code));
    enter_handler(regs, sa, sp, &frame->pretcode, frame->retcode);
    return 0;
}

/* ---------------------------------------------------------------- the rt frame */

static int is_fault_signal(int sig)
{
    return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP;
}

/* siginfo_t from what send_signal_info() kept: a fault tells the address,
 * anything else who sent it (the child, for SIGCHLD).  Everyone is root. */
static void fill_siginfo(siginfo_t *info, int sig, const struct ksiginfo *k)
{
    memset(info, 0, sizeof(*info));
    info->si_signo = sig;
    info->si_code = k->code;
    if (is_fault_signal(sig) && k->code > 0 && k->code < SI_KERNEL) {
        info->si_addr = (void *)k->addr;
    } else {
        info->si_pid = k->pid;
        info->si_status = k->status;
    }
}

/* struct pt_regs and Linux's struct sigcontext hold the same registers in
 * nearly the same order; these two translate. */
static void regs_to_sigcontext(const struct pt_regs *r, struct sigcontext *sc)
{
    memset(sc, 0, sizeof(*sc));
    sc->gs = r->gs; sc->fs = r->fs; sc->es = r->es; sc->ds = r->ds;
    sc->edi = r->edi; sc->esi = r->esi; sc->ebp = r->ebp; sc->esp = r->esp;
    sc->ebx = r->ebx; sc->edx = r->edx; sc->ecx = r->ecx; sc->eax = r->eax;
    sc->trapno = r->trapno; sc->err = r->err; sc->eip = r->eip; sc->cs = r->cs;
    sc->eflags = r->eflags; sc->esp_at_signal = r->esp; sc->ss = r->ss;
}

static void sigcontext_to_regs(const struct sigcontext *sc, struct pt_regs *r)
{
    memset(r, 0, sizeof(*r));
    r->gs = sc->gs; r->fs = sc->fs; r->es = sc->es; r->ds = sc->ds;
    r->edi = sc->edi; r->esi = sc->esi; r->ebp = sc->ebp; r->esp = sc->esp;
    r->ebx = sc->ebx; r->edx = sc->edx; r->ecx = sc->ecx; r->eax = sc->eax;
    r->eip = sc->eip; r->cs = sc->cs; r->eflags = sc->eflags; r->ss = sc->ss;
}

static int setup_rt_frame(int sig, struct sigaction *sa, struct pt_regs *regs, sigset_t old_mask)
{
    uint32_t sp = frame_address(regs, sizeof(struct rt_sigframe));
    struct rt_sigframe *frame = (struct rt_sigframe *)sp;
    const struct ksiginfo *k = &current->siginfo[sig];

    if (verify_area(frame, sizeof(*frame), 1) < 0)
        return -EFAULT;
    frame->sig = sig;
    frame->pinfo = &frame->info;
    frame->puc = &frame->uc;
    fill_siginfo(&frame->info, sig, k);
    memset(&frame->uc, 0, sizeof(frame->uc));
    frame->uc.uc_stack.ss_flags = SS_DISABLE;          /* no sigaltstack */
    regs_to_sigcontext(regs, &frame->uc.uc_mcontext);
    frame->uc.uc_mcontext.fpstate = &frame->fpstate;
    frame->uc.uc_mcontext.oldmask = (uint32_t)old_mask;
    frame->uc.uc_mcontext.cr2 = k->addr;
    frame->uc.uc_sigmask = old_mask;
    save_fpstate(&frame->fpstate);
    memcpy(frame->retcode, rt_sigreturn_code, sizeof(rt_sigreturn_code));
    enter_handler(regs, sa, sp, &frame->pretcode, frame->retcode);
    /* the arguments in registers too, as Linux (for regparm handlers) */
    regs->eax = sig;
    regs->edx = (uint32_t)frame->pinfo;
    regs->ecx = (uint32_t)frame->puc;
    return 0;
}

int setup_signal_frame(int sig, struct sigaction *sa, struct pt_regs *regs, sigset_t old_mask)
{
    if (sa->sa_flags & SA_SIGINFO)
        return setup_rt_frame(sig, sa, regs, old_mask);
    return setup_frame(sig, sa, regs, old_mask);
}

/* ---------------------------------------------------------------- and back */

/* The registers a frame brought back become the program's, but a forged
 * frame must never return to ring 0 or change IOPL: the segments are the
 * user's, and of eflags only the bits user mode may change are taken. */
static void restore_regs(struct pt_regs *regs, const struct pt_regs *saved)
{
    uint32_t trapno = regs->trapno;

    *regs = *saved;
    regs->cs = USER_CS;
    regs->ss = regs->ds = regs->es = USER_DS;
    /* fs and gs are the program's thread-local storage: they come back as
     * they were, if they are selectors a program may hold */
    if (!tls_user_selector(regs->fs))
        regs->fs = 0;
    if (!tls_user_selector(regs->gs))
        regs->gs = 0;
    tls_check_return(regs);
    regs->eflags = (regs->eflags & 0xcd5) | EFLAGS_IF;
    regs->trapno = trapno;
}

/* A frame that cannot be read: the program's stack is not what it should
 * be, and it cannot go on where it was. */
static long bad_frame(void)
{
    force_signal(SIGSEGV);
    return -EFAULT;
}

/* sigreturn(): the handler is done; put back the context it interrupted.
 * It returns eax as it was, not a result: the interrupted code goes on as
 * if nothing had happened.  (eax may read -ERESTARTSYS; it stays so,
 * because sigreturn did not ask for a restart: request_restart.) */
long sys_sigreturn(void)
{
    struct pt_regs *regs = current->regs;
    /* the handler's ret popped pretcode, the stub popped sig */
    struct sigframe *frame = (struct sigframe *)(regs->esp - 8);
    struct sigframe f;

    if (copy_from_user(&f, frame, sizeof(f)) < 0)
        return bad_frame();
    restore_regs(regs, &f.regs);
    current->blocked = f.old_mask & ~UNBLOCKABLE;
    restore_fpu(f.fpu_state);
    return regs->eax;
}

/* rt_sigreturn(): the same for the rt frame.  The registers and the mask
 * come from the ucontext (a handler may have changed them on purpose);
 * the x87 state from where its fpstate points. */
long sys_rt_sigreturn(void)
{
    struct pt_regs *regs = current->regs;
    /* the handler's ret popped pretcode; the stub pops nothing */
    struct rt_sigframe *frame = (struct rt_sigframe *)(regs->esp - 4);
    struct ucontext uc;
    struct _fpstate fp;
    struct pt_regs saved;

    if (copy_from_user(&uc, &frame->uc, sizeof(uc)) < 0)
        return bad_frame();
    if (uc.uc_mcontext.fpstate && copy_from_user(&fp, uc.uc_mcontext.fpstate, sizeof(fp)) < 0)
        return bad_frame();
    sigcontext_to_regs(&uc.uc_mcontext, &saved);
    restore_regs(regs, &saved);
    current->blocked = uc.uc_sigmask & ~UNBLOCKABLE;
    restore_fpstate(uc.uc_mcontext.fpstate ? &fp : NULL);
    return regs->eax;
}
