/* SA_SIGINFO handlers and Linux's rt frame: the handler gets (sig,
 * siginfo_t *, ucontext_t *); siginfo says who sent the signal (kill: the
 * sender's pid, SI_USER), what happened to a child (SIGCHLD: CLD_EXITED,
 * the exit code) or where a fault was (si_addr); the ucontext holds the
 * interrupted registers and mask, and rt_sigreturn resumes from it -- a
 * handler that changes uc_mcontext.eip resumes somewhere else.  And
 * tkill/tgkill, the way glibc's raise() sends a signal. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>

static volatile int got_sig, got_code, got_pid, got_uid, got_status, calls;
static void *volatile got_addr;
static volatile sigset_t got_mask, mask_inside;
static volatile unsigned got_eip, got_esp;
static void *volatile got_fpstate;
static volatile int args_agree;

static void on_info(int sig, siginfo_t *info, void *ctx)
{
    ucontext_t *uc = ctx;

    calls++;
    got_sig = info->si_signo == sig ? sig : -1;
    got_code = info->si_code;
    got_pid = info->si_pid;
    got_uid = info->si_uid;
    got_status = info->si_status;
    got_mask = uc->uc_sigmask;
    got_eip = uc->uc_mcontext.eip;
    got_esp = uc->uc_mcontext.esp;
    got_fpstate = uc->uc_mcontext.fpstate;
    /* the frame lies below the interrupted stack, the siginfo inside it */
    args_agree = (unsigned)info > (unsigned)&sig && (unsigned)info < uc->uc_mcontext.esp;
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    mask_inside = now;
}

static int install_info(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = fn;
    sa.sa_flags = SA_SIGINFO | flags;
    return sigaction(sig, &sa, NULL);
}

static void from_kill_to_self(void)
{
    sigset_t before, after, usr2;

    check(install_info(SIGUSR1, on_info, 0) == 0, "siginfo_install", "errno %d", errno);
    sigemptyset(&usr2);
    sigaddset(&usr2, SIGUSR2);
    sigprocmask(SIG_BLOCK, &usr2, &before);
    calls = 0;
    kill(getpid(), SIGUSR1);
    check(calls == 1 && got_sig == SIGUSR1, "siginfo_handler_ran", "calls %d sig %d", calls, got_sig);
    check(got_code == SI_USER, "siginfo_kill_code_si_user", "si_code %d", got_code);
    check(got_pid == getpid() && got_uid == 0, "siginfo_kill_pid_uid", "si_pid %d si_uid %d",
          got_pid, got_uid);
    check(args_agree && got_fpstate != NULL, "siginfo_frame_layout", "info/uc pointers odd");
    check((got_mask & ((sigset_t)1 << (SIGUSR2 - 1))) && !(got_mask & ((sigset_t)1 << (SIGUSR1 - 1))),
          "siginfo_uc_sigmask_is_old_mask", "mask %#llx", (unsigned long long)got_mask);
    check(mask_inside & ((sigset_t)1 << (SIGUSR1 - 1)), "siginfo_signal_blocked_inside",
          "mask inside %#llx", (unsigned long long)mask_inside);
    sigprocmask(SIG_SETMASK, &before, &after);
    check(after == (before | usr2), "siginfo_mask_restored", "mask after %#llx",
          (unsigned long long)after);
}

static void from_child(void)
{
    install_info(SIGUSR2, on_info, 0);
    calls = 0;
    pid_t parent = getpid();
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        kill(parent, SIGUSR2);
        _exit(0);
    }
    while (!calls)
        pause();
    check(got_sig == SIGUSR2 && got_pid == pid && got_code == SI_USER, "siginfo_sender_is_child",
          "sig %d si_pid %d (child %d) code %d", got_sig, got_pid, pid, got_code);
    wait_status(pid);
}

static void sigchld_info(void)
{
    sigset_t chld, old;

    install_info(SIGCHLD, on_info, 0);
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old);
    calls = 0;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0)
        _exit(7);
    while (!calls)
        sigsuspend(&old);
    check(got_sig == SIGCHLD && got_code == CLD_EXITED && got_pid == pid && got_status == 7,
          "siginfo_sigchld_exited", "code %d pid %d status %d", got_code, got_pid, got_status);
    wait_status(pid);

    calls = 0;
    pid = fork();
    if (pid == 0) {
        for (;;)
            pause();
    }
    kill(pid, SIGTERM);
    while (!calls)
        sigsuspend(&old);
    check(got_code == CLD_KILLED && got_pid == pid && got_status == SIGTERM,
          "siginfo_sigchld_killed", "code %d pid %d status %d", got_code, got_pid, got_status);
    wait_status(pid);
    sigprocmask(SIG_SETMASK, &old, NULL);
    install_handler(SIGCHLD, SIG_DFL, 0);
}

static void alarm_info(void)
{
    install_info(SIGALRM, on_info, 0);
    calls = 0;
    alarm(1);
    while (!calls)
        pause();
    check(got_sig == SIGALRM && got_code == SI_KERNEL, "siginfo_alarm_si_kernel", "code %#x", got_code);
    install_handler(SIGALRM, SIG_DFL, 0);
}

/* probe(p) reads *p and returns 1; if that faults, the SIGSEGV handler
 * moves eip in the ucontext to probe_failed, and probe returns 0. */
int probe(const volatile int *p);
void probe_failed(void);
__asm__(".globl probe\n"
        "probe:\n"
        "    movl 4(%esp), %eax\n"
        "    movl (%eax), %eax\n"
        "    movl $1, %eax\n"
        "    ret\n"
        ".globl probe_failed\n"
        "probe_failed:\n"
        "    movl $0, %eax\n"
        "    ret\n");

static void on_segv(int sig, siginfo_t *info, void *ctx)
{
    ucontext_t *uc = ctx;

    got_sig = sig;
    got_code = info->si_code;
    got_addr = info->si_addr;
    uc->uc_mcontext.eip = (unsigned)probe_failed;
}

static void fault_info(void)
{
    static int here = 5;

    install_info(SIGSEGV, on_segv, 0);
    check(probe(&here) == 1, "siginfo_probe_reads", "a readable int faulted");
    got_addr = NULL;
    int r = probe((const int *)0x10);
    check(r == 0 && got_sig == SIGSEGV, "siginfo_resume_at_changed_eip", "probe %d sig %d", r, got_sig);
    check(got_addr == (void *)0x10 && got_code == SEGV_MAPERR, "siginfo_segv_addr",
          "si_addr %p code %d", got_addr, got_code);
    r = probe((const int *)0xC0001000);
    check(r == 0 && got_addr == (void *)0xC0001000, "siginfo_segv_kernel_addr", "si_addr %p",
          got_addr);
    install_handler(SIGSEGV, SIG_DFL, 0);
}

/* The interrupted code must not notice the handler: integer and x87
 * registers, flags, all as they were, while a child sends 200 signals. */
static volatile double handler_fp;
static void on_info_fp(int sig, siginfo_t *info, void *ctx)
{
    (void)info, (void)ctx;
    calls++;
    handler_fp = handler_fp * 1.5 + sig;     /* uses the x87 registers too */
}

static void resumes_interrupted_code(void)
{
    install_info(SIGUSR1, on_info_fp, SA_RESTART);
    calls = 0;
    pid_t parent = getpid();
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        for (int i = 0; i < 200; i++) {
            kill(parent, SIGUSR1);
            sched_yield();
        }
        _exit(0);
    }
    unsigned long isum = 0, rounds = 0;
    double fsum = 0;
    int bad = 0;
    while (calls < 200 && rounds < 20000000) {
        unsigned long i0 = isum;
        double f0 = fsum;
        isum += 3;
        fsum += 0.5;
        if (isum != i0 + 3 || fsum != f0 + 0.5)
            bad++;
        rounds++;
    }
    wait_status(pid);
    check(calls > 0 && bad == 0 && isum == rounds * 3 && fsum == (double)rounds * 0.5,
          "siginfo_interrupted_code_unharmed", "calls %d bad %d", calls, bad);
    install_handler(SIGUSR1, SIG_DFL, 0);
}

/* A handler without SA_RESTORER returns through the stub the kernel put
 * into the frame (as Linux's retcode). */
static void no_restorer(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_info;
    sa.sa_flags = SA_SIGINFO;                /* the raw call: no restorer */
    long r = syscall(__NR_rt_sigaction, SIGUSR1, &sa, NULL, sizeof(sigset_t));
    calls = 0;
    kill(getpid(), SIGUSR1);
    check(r == 0 && calls == 1 && got_code == SI_USER, "siginfo_kernel_retcode",
          "r %ld calls %d", r, calls);
    install_handler(SIGUSR1, SIG_DFL, 0);
}

/* tgkill and tkill, glibc's raise(): the thread is the process */
static void thread_kill(void)
{
    install_info(SIGUSR1, on_info, 0);
    calls = 0;
    check(gettid() == getpid(), "gettid_is_pid", "tid %d pid %d", gettid(), getpid());
    check(tgkill(getpid(), gettid(), SIGUSR1) == 0 && calls == 1 && got_code == SI_TKILL &&
          got_pid == getpid(), "tgkill_si_tkill", "calls %d code %d", calls, got_code);
    check(tkill(gettid(), SIGUSR1) == 0 && calls == 2, "tkill", "calls %d", calls);
    check(tgkill(getppid(), gettid(), SIGUSR1) < 0 && errno == ESRCH, "tgkill_wrong_group_esrch",
          "errno %d", errno);
    check(tgkill(0, gettid(), SIGUSR1) < 0 && errno == EINVAL && tkill(-1, SIGUSR1) < 0 && errno == EINVAL &&
          tkill(gettid(), 99) < 0 && errno == EINVAL, "tkill_bad_args_einval", "errno %d", errno);
    check(tkill(32000, 0) < 0 && errno == ESRCH, "tkill_no_such_thread", "errno %d", errno);
    install_handler(SIGUSR1, SIG_DFL, 0);
}

int main(void)
{
    from_kill_to_self();
    from_child();
    sigchld_info();
    alarm_info();
    fault_info();
    resumes_interrupted_code();
    no_restorer();
    thread_kill();
    return test_exit_code();
}
