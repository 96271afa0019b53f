/* The process, time and waiting calls with junk: clone (any flags, any
 * stack), wait4 and waitid, set_tid_address, the resource limits,
 * getrandom, the clocks and clock_nanosleep, poll/ppoll/select/pselect6,
 * socketcall, the ids, and rt_sigreturn on forged frames.  The junk is
 * seeded (test_proccalls_fuzz SEED runs one seed) and kept to what a
 * child can live through: sleeps and poll timeouts are short, waits do
 * not hang (WNOHANG), limits are the caller's own, and a child that
 * clone made exits at once.  Each call must come back with a result or an
 * errno; the kernel must stay up, and every page must come back. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>

#define CALLS 3000

static unsigned seed;
static unsigned next_random(void)
{
    seed = seed * 1103515245 + 12345;
    return seed >> 8;
}

static unsigned char junk[8192];

/* A pointer: into the junk, or somewhere odd. */
static long random_ptr(void)
{
    static const unsigned long odd[] = {
        0, 1, 4096, 0x08048000, 0xBFFFFFF0, 0xC0000000, 0xC0100000, 0xFFFFFFFF, 0x7FFFFFFF,
    };
    if (next_random() % 4 == 0)
        return (long)odd[next_random() % (sizeof(odd) / sizeof(odd[0]))];
    return (long)(junk + next_random() % (sizeof(junk) - 256));
}

static long random_int(void)
{
    static const long odd[] = { 0, 1, -1, 2, 3, 7, 8, 15, 16, 64, 65, 0x7fffffff, (long)0x80000000 };
    switch (next_random() % 3) {
    case 0:  return odd[next_random() % (sizeof(odd) / sizeof(odd[0]))];
    case 1:  return next_random() % 32;
    default: return (long)(next_random() * 2654435761u);
    }
}

/* A timespec (32- or 64-bit) or a timeval that is short, or invalid, or
 * a bad pointer: never a long sleep. */
static struct timespec short_ts;
static struct timespec64 short_ts64;
static struct timeval short_tv;

static long short_time_ptr(int is64)
{
    long sec = 0, nsec = 0;

    switch (next_random() % 5) {
    case 0:  nsec = next_random() % 20000000; break;
    case 1:  sec = -1; break;
    case 2:  nsec = 1000000000 + next_random() % 100; break;
    case 3:  return 0xC0000000;
    default: break;
    }
    short_ts = (struct timespec){ sec, nsec };
    short_ts64 = (struct timespec64){ sec, nsec };
    return is64 ? (long)&short_ts64 : (long)&short_ts;
}

static long short_timeval_ptr(void)
{
    switch (next_random() % 4) {
    case 0:  short_tv = (struct timeval){ 0, next_random() % 20000 }; break;
    case 1:  short_tv = (struct timeval){ -1, 0 }; break;
    case 2:  return 0xC0000000;
    default: short_tv = (struct timeval){ 0, 0 }; break;
    }
    return (long)&short_tv;
}

/* clone with junk: a child it makes leaves at once, whatever its stack
 * (a junk one kills it: SIGSEGV); the parent reaps it. */
static void fuzz_clone(void)
{
    unsigned long flags = random_int();
    if (next_random() % 2)
        flags &= CSIGNAL | CLONE_VM | CLONE_VFORK | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID |
                 CLONE_CHILD_CLEARTID;
    /* an exit signal the fuzzer does not ignore would end it, as on Linux */
    int exit_sig = flags & CSIGNAL;
    if (exit_sig == SIGKILL || exit_sig == SIGSTOP || exit_sig == SIGALRM)
        flags &= ~CSIGNAL;
    long sp = next_random() % 3 ? 0 : random_ptr();
    long r;
    __asm__ volatile("int $0x80\n\t"
                     "test %%eax, %%eax\n\t"
                     "jnz 1f\n\t"
                     "mov $1, %%eax\n\t"          /* the child: _exit(0) at once */
                     "xor %%ebx, %%ebx\n\t"
                     "int $0x80\n"
                     "1:"
                     : "=a"(r)
                     : "a"(__NR_clone), "b"(flags), "c"(sp), "d"(random_ptr()), "S"(random_ptr()),
                       "D"(random_ptr())
                     : "memory");
    if (r > 0)
        waitpid(r, NULL, __WALL);
}

static int pipe_fds[2], sock_fds[2], tty_fd;

static void fuzz_one(void)
{
    switch (next_random() % 20) {
    case 0:
        fuzz_clone();
        break;
    case 1:
        syscall(__NR_wait4, random_int(), random_ptr(), random_int() | WNOHANG, random_ptr());
        break;
    case 2:
        syscall(__NR_waitid, random_int() % 5, random_int(), random_ptr(), random_int() | WNOHANG,
                random_ptr());
        break;
    case 3:
        syscall(__NR_set_tid_address, random_ptr());
        break;
    case 4: {
        static const int calls[] = { __NR_getrlimit, __NR_ugetrlimit, __NR_setrlimit };
        syscall(calls[next_random() % 3], random_int(), random_ptr());
        break;
    }
    case 5:                                  /* only its own limits: pid 0 or itself */
        syscall(__NR_prlimit64, next_random() % 2 ? 0 : getpid(), random_int(), random_ptr(),
                random_ptr());
        break;
    case 6:
        syscall(__NR_getrandom, random_ptr(), next_random() % 70000, random_int());
        break;
    case 7: {
        static const int calls[] = { __NR_clock_gettime, __NR_clock_getres, __NR_clock_gettime64,
                                     __NR_clock_getres_time64 };
        syscall(calls[next_random() % 4], random_int(), random_ptr());
        break;
    }
    case 8: {
        int is64 = next_random() % 2;
        syscall(is64 ? __NR_clock_nanosleep_time64 : __NR_clock_nanosleep, next_random() % 9,
                next_random() % 2, short_time_ptr(is64), random_ptr());
        break;
    }
    case 9: {
        struct pollfd f[8];
        for (int i = 0; i < 8; i++)
            f[i] = (struct pollfd){ (int)(next_random() % 40) - 4, (short)next_random(), (short)next_random() };
        syscall(__NR_poll, next_random() % 4 ? (long)f : random_ptr(), next_random() % 10,
                (long)(next_random() % 10));
        break;
    }
    case 10: {
        struct pollfd f[4];
        sigset_t mask = ((sigset_t)next_random() << 32 | next_random()) & ~((sigset_t)1 << (SIGALRM - 1));
        int is64 = next_random() % 2;
        for (int i = 0; i < 4; i++)
            f[i] = (struct pollfd){ (int)(next_random() % 40) - 4, (short)next_random(), 0 };
        syscall(is64 ? __NR_ppoll_time64 : __NR_ppoll, (long)f, next_random() % 5, short_time_ptr(is64),
                next_random() % 2 ? (long)&mask : random_ptr(), next_random() % 3 ? 8 : random_int());
        break;
    }
    case 11: {
        unsigned long sets[3][32];
        for (int k = 0; k < 3; k++)
            for (int i = 0; i < 32; i++)
                sets[k][i] = next_random() % 3 ? 0 : next_random();
        syscall(__NR__newselect, random_int() % 1100, (long)sets[0], next_random() % 2 ? (long)sets[1] : random_ptr(),
                (long)sets[2], short_timeval_ptr());
        break;
    }
    case 12: {
        unsigned long sets[3][32];
        sigset_t mask = 0;
        struct { sigset_t *m; size_t size; } sig = { &mask, next_random() % 3 ? 8 : random_int() };
        int is64 = next_random() % 2;
        for (int k = 0; k < 3; k++)
            for (int i = 0; i < 32; i++)
                sets[k][i] = next_random();
        syscall(is64 ? __NR_pselect6_time64 : __NR_pselect6, next_random() % 40, (long)sets[0],
                (long)sets[1], random_ptr(), short_time_ptr(is64), next_random() % 2 ? (long)&sig : random_ptr());
        break;
    }
    case 13: {
        struct { unsigned long n; long in, out, ex, tv; } a = { next_random() % 40, random_ptr(), random_ptr(),
                                                                random_ptr(), short_timeval_ptr() };
        /* the struct itself from junk memory could hold a NULL timeout and
         * sleep forever: a bad pointer for it is the kernel's address */
        syscall(__NR_select, next_random() % 4 ? (long)&a : (long)0xC0000000u);
        break;
    }
    case 14: {                               /* no accept or connect: they may wait */
        static const int calls[] = { 1, 2, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 0, 21, -3 };
        long args[6];
        for (int i = 0; i < 6; i++)
            args[i] = next_random() % 2 ? random_int() : random_ptr();
        syscall(__NR_socketcall, calls[next_random() % 20], next_random() % 4 ? (long)args : random_ptr());
        break;
    }
    case 15: {
        static const int calls[] = { __NR_getuid32, __NR_geteuid32, __NR_getgid32, __NR_getegid32,
                                     __NR_setuid32, __NR_setgid32, __NR_setuid, __NR_setgid,
                                     __NR_geteuid, __NR_getegid, __NR_getgroups32, __NR_getresuid32,
                                     __NR_getresgid32, __NR_getrusage, __NR_gettimeofday, __NR_time };
        syscall(calls[next_random() % 16], random_int(), random_ptr(), random_ptr());
        break;
    }
    case 16: {                               /* what poll looks at: change the files */
        char buf[64];
        int fd = next_random() % 2 ? pipe_fds[next_random() % 2] : sock_fds[next_random() % 2];
        if (next_random() % 2)
            write(fd, buf, next_random() % 64);
        else
            read(fd, buf, next_random() % 64);
        break;
    }
    case 17:
        ioctl(tty_fd, TIOCGWINSZ, random_ptr());
        break;
    default:                                 /* the old calls these share code with */
        syscall(__NR_waitpid, random_int(), random_ptr(), random_int() | WNOHANG);
        break;
    }
}

static void fuzz_calls(void)
{
    /* clone's junk exit signals (and SIGPIPE, SIGWINCH...) must not end
     * the fuzzer: it ignores them all, but for its time limit */
    for (int sig = 1; sig < NSIG; sig++)
        if (sig != SIGKILL && sig != SIGSTOP && sig != SIGALRM)
            signal(sig, SIG_IGN);
    for (unsigned i = 0; i < sizeof(junk); i++)
        junk[i] = (unsigned char)next_random();
    pipe(pipe_fds);
    socketpair(AF_UNIX, SOCK_STREAM, 0, sock_fds);
    for (int i = 0; i < 2; i++) {
        fcntl(pipe_fds[i], F_SETFL, O_NONBLOCK);
        fcntl(sock_fds[i], F_SETFL, O_NONBLOCK);
    }
    tty_fd = open("/dev/tty", O_RDONLY);
    for (int i = 0; i < CALLS; i++)
        fuzz_one();
}

/* rt_sigreturn must trust nothing in the frame: a handler scribbles junk
 * over its ucontext (registers, segments, eflags, the fpstate pointer)
 * and returns; the child may die or run off anywhere, the kernel may not. */
static void scribble(int sig, siginfo_t *info, void *ctx)
{
    unsigned *words = ctx;
    (void)sig, (void)info;
    for (int i = 0; i < 40; i++)
        if (next_random() % 3 == 0)
            words[i] = next_random() * 2654435761u;
}

static void junk_rt_frames(void)
{
    int odd = 0;

    for (int i = 0; i < 150; i++) {
        seed += 13;
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            struct sigaction sa;
            memset(&sa, 0, sizeof(sa));
            sa.sa_sigaction = scribble;
            sa.sa_flags = SA_SIGINFO;
            sigaction(SIGUSR1, &sa, NULL);
            alarm(2);                        /* junk may also loop forever */
            raise(SIGUSR1);
            _exit(0);
        }
        int status;
        waitpid(pid, &status, 0);
        odd += !(WIFSIGNALED(status) || WIFEXITED(status));
    }
    check(odd == 0, "proccalls_fuzz_rt_sigreturn_scribbled", "%d odd endings", odd);

    /* and a frame of pure junk, with no signal at all */
    for (int i = 0; i < 150; i++) {
        seed += 7;
        pid_t pid = fork();
        if (pid == 0) {
            static unsigned frame[256];
            alarm(2);
            for (int k = 0; k < 256; k++)
                frame[k] = next_random() * 2654435761u;
            __asm__ volatile("mov %0, %%esp\n\tmov $173, %%eax\n\tint $0x80"
                             : : "r"(&frame[64]) : "eax", "memory");
            _exit(0);
        }
        int status;
        waitpid(pid, &status, 0);
        odd += !(WIFSIGNALED(status) || WIFEXITED(status));
    }
    check(odd == 0, "proccalls_fuzz_rt_sigreturn_junk", "%d odd endings", odd);
}

int main(int argc, char **argv)
{
    unsigned seeds[] = { 20261201, 7, 424242, 99991 };
    int nseeds = 4;

    if (argc > 1) {
        seeds[0] = strtoul(argv[1], NULL, 0);
        nseeds = 1;
    }
    long before = free_pages();
    int bad = 0, bad_status = 0;
    unsigned bad_seed = 0;
    for (int i = 0; i < nseeds; i++) {
        seed = seeds[i];
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            int null = open("/dev/null", O_RDWR);
            dup2(null, 0);
            dup2(null, 1);
            dup2(null, 2);
            alarm(40);
            fuzz_calls();
            _exit(0);
        }
        int status = wait_status(pid);
        if (!WIFEXITED(status)) {
            bad++;
            bad_seed = seeds[i];
            bad_status = status;
        }
    }
    /* (no printf before the page count: stdout's buffer would be a page) */
    check(bad == 0, "proccalls_fuzz_children_ended", "%d seeds ended badly, seed %u with status %#x",
          bad, bad_seed, bad_status);
    run_in_child(junk_rt_frames, NULL);
    while (waitpid(-1, NULL, __WALL | WNOHANG) > 0)
        ;
    check(getpid() > 0 && write(1, "", 0) == 0, "proccalls_fuzz_kernel_alive", "no answer");
    long after = free_pages();
    check(after == before, "proccalls_fuzz_no_page_leak", "%ld pages free before, %ld after", before, after);
    return test_exit_code();
}
