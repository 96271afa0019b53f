/* Bad pointers and faults: the kernel checks every pointer a program gives
 * it (EFAULT), and a program that faults is killed by a signal -- the
 * kernel keeps running. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <minnow/test.h>

#define KERNEL_ADDR ((void *)0xC0100000)

static void write_kernel(void) { *(volatile int *)KERNEL_ADDR = 1; }
static void read_kernel(void) { (void)*(volatile int *)KERNEL_ADDR; }
static void write_null(void) { *(volatile int *)0 = 1; }
static void jump_null(void)
{
    void (*volatile nowhere)(void) = 0;     /* volatile: the call really happens */
    nowhere();
}
int main(void);
static void write_text(void) { *(volatile char *)(void *)main = 0; }
static void bad_opcode(void) { __asm__ volatile("ud2"); }
static void divide_zero(void)
{
    /* in assembly: the compiler may not turn a C division by 0 into idiv */
    __asm__ volatile("xor %%ecx, %%ecx\n\tmov $1, %%eax\n\tcltd\n\tidiv %%ecx" ::: "eax", "ecx", "edx");
}
static void wild_stack(void)
{
    __asm__ volatile("mov $0x10, %esp\n\tpush %eax");   /* the stack points nowhere */
}

static void check_signal(void (*fn)(void), int sig, const char *name)
{
    int status = child_status(fn);
    check(WIFSIGNALED(status) && WTERMSIG(status) == sig, name,
          "status %#x, expected death by signal %d", status, sig);
}

int main(void)
{
    char buf[16];
    struct stat st;
    int fds[2];

    check(write(1, KERNEL_ADDR, 10) == -1 && errno == EFAULT, "efault_write_kernel", "errno %d", errno);
    check(write(1, NULL, 5) == -1 && errno == EFAULT, "efault_write_null", "errno %d", errno);
    check(read(0, KERNEL_ADDR, 10) == -1 && errno == EFAULT, "efault_read_kernel", "errno %d", errno);
    check(open(KERNEL_ADDR, O_RDONLY) == -1 && errno == EFAULT, "efault_open_path", "errno %d", errno);
    check(stat("/hello.txt", KERNEL_ADDR) == -1 && errno == EFAULT, "efault_stat", "errno %d", errno);
    check(pipe(KERNEL_ADDR) == -1 && errno == EFAULT, "efault_pipe", "errno %d", errno);
    check(waitpid(-1, KERNEL_ADDR, WNOHANG) == -1 && errno == EFAULT, "efault_waitpid", "errno %d", errno);
    check(write(1, (void *)0xBFFFFFF0, 0x100) == -1 && errno == EFAULT, "efault_across_top",
          "errno %d", errno);
    /* a buffer that is fine except that it runs past the heap's end */
    char *end = sbrk(0);
    check(read(0, end - 4, 64) == -1 && errno == EFAULT, "efault_past_heap", "errno %d", errno);
    (void)buf;
    (void)st;
    (void)fds;

    check_signal(write_kernel, SIGSEGV, "segv_write_kernel");
    check_signal(read_kernel, SIGSEGV, "segv_read_kernel");
    check_signal(write_null, SIGSEGV, "segv_write_null");
    check_signal(jump_null, SIGSEGV, "segv_jump_null");
    check_signal(write_text, SIGSEGV, "segv_write_readonly_text");
    check_signal(bad_opcode, SIGILL, "sigill_ud2");
    check_signal(divide_zero, SIGFPE, "sigfpe_divide");
    check_signal(wild_stack, SIGSEGV, "segv_wild_stack");
    check(write(1, "", 0) == 0, "kernel_still_alive", "a system call failed afterwards");
    return test_exit_code();
}
