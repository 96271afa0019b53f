/* SSE registers are part of a process's context, like the x87 ones:
 * glibc's string functions use SSE2 whenever CPUID offers it, so the
 * kernel enables SSE (CR4.OSFXSR) and saves xmm registers and MXCSR at
 * every switch, across fork, and around a signal handler. */
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/test.h>

static void set_xmm1(unsigned v)
{
    __asm__ volatile("movd %0, %%xmm1\n\tpshufd $0, %%xmm1, %%xmm1" : : "r"(v));   /* (no clobber list: built with -mno-sse, the compiler never uses xmm) */
}

static unsigned xmm1_lane3(void)
{
    unsigned v;
    __asm__ volatile("pshufd $3, %%xmm1, %%xmm2\n\tmovd %%xmm2, %0" : "=r"(v));
    return v;
}

static unsigned get_mxcsr(void)
{
    unsigned m;
    __asm__ volatile("stmxcsr %0" : "=m"(m));
    return m;
}

static void set_mxcsr(unsigned m) { __asm__ volatile("ldmxcsr %0" : : "m"(m)); }

static void on_usr1(int sig)
{
    (void)sig;
    set_xmm1(0xdeadbeef);                /* the handler's own use of SSE */
    set_mxcsr(0x1f80);
}

int main(void)
{
    unsigned a, b, c, d;
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "0"(1));
    check(d & (1u << 26), "sse2_offered", "CPUID 1 edx %#x", d);

    set_xmm1(0x12345678);
    check(xmm1_lane3() == 0x12345678, "sse_instructions_run", "xmm1 %#x", xmm1_lane3());

    set_mxcsr(0x7f80 | 0x6000);          /* round toward zero: not the default */
    pid_t pid = fork();
    if (pid == 0) {
        int ok = xmm1_lane3() == 0x12345678 && get_mxcsr() == (0x7f80 | 0x6000);
        set_xmm1(0x0badf00d);
        set_mxcsr(0x1f80);
        for (int i = 0; i < 300000 && ok; i++)
            ok = xmm1_lane3() == 0x0badf00d;
        _exit(ok ? 0 : 1);
    }
    int kept = 1;
    for (int i = 0; i < 20 && kept; i++) {
        usleep(1000);
        kept = xmm1_lane3() == 0x12345678 && get_mxcsr() == (0x7f80 | 0x6000);
    }
    int status;
    waitpid(pid, &status, 0);
    check(kept, "sse_kept_across_switches", "xmm1 %#x mxcsr %#x", xmm1_lane3(), get_mxcsr());
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "sse_fork_copies_then_separates",
          "status %#x", status);

    signal(SIGUSR1, on_usr1);
    kill(getpid(), SIGUSR1);
    check(xmm1_lane3() == 0x12345678 && get_mxcsr() == (0x7f80 | 0x6000),
          "sse_restored_after_handler", "xmm1 %#x mxcsr %#x", xmm1_lane3(), get_mxcsr());
    set_mxcsr(0x1f80);
    return test_exit_code();
}
