/* Segment registers across the kernel: the kernel loads its data segments
 * only when a program's ds or es is not the flat one it needs, and reloads
 * a program's registers on the way out only when they changed
 * (kernel/arch/entry.asm).  A program's own values, even a null selector,
 * must come back as they were, after a system call and after other
 * processes ran in between. */
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>

#define USER_DS 0x23

/* getpid with ds and es holding the null selector: no memory access may
 * happen between the loads, so it is all one asm block. */
static void null_ds_es(void)
{
    long pid;
    unsigned ds_after, es_after;

    __asm__ volatile("mov %w3, %%ds\n\t"
                     "mov %w3, %%es\n\t"
                     "int $0x80\n\t"
                     "mov %%ds, %1\n\t"
                     "mov %%es, %2\n\t"
                     "mov %w4, %%ds\n\t"
                     "mov %w4, %%es"
                     : "=a"(pid), "=&r"(ds_after), "=&r"(es_after)
                     : "r"(0), "r"(USER_DS), "0"(__NR_getpid)
                     : "memory");
    check(pid == getpid(), "segments_null_ds_syscall_works", "getpid gave %ld, not %d", pid, getpid());
    check((ds_after & 0xffff) == 0 && (es_after & 0xffff) == 0, "segments_null_ds_kept",
          "ds %#x es %#x after the call", ds_after & 0xffff, es_after & 0xffff);
}

static unsigned read_fs(void) { unsigned v; __asm__ volatile("mov %%fs, %0" : "=r"(v)); return v & 0xffff; }
static unsigned read_gs(void) { unsigned v; __asm__ volatile("mov %%gs, %0" : "=r"(v)); return v & 0xffff; }
static void set_fs_gs(unsigned v) { __asm__ volatile("mov %w0, %%fs\n\tmov %w0, %%gs" : : "r"(v)); }

/* fs and gs null in this process, flat in a busy child: sleeping makes
 * the kernel switch to the child and back, and ours must be ours again. */
static void fs_gs_across_switches(void)
{
    pid_t child = fork();
    if (child == 0) {
        for (;;)
            getppid();
    }
    set_fs_gs(0);
    int kept = 1;
    for (int i = 0; i < 20 && kept; i++) {
        usleep(2000);
        kept = read_fs() == 0 && read_gs() == 0;
    }
    unsigned fs = read_fs(), gs = read_gs();
    set_fs_gs(USER_DS);
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    check(kept, "segments_fs_gs_kept_across_switches", "fs %#x gs %#x after sleeping", fs, gs);
}

int main(void)
{
    null_ds_es();
    fs_gs_across_switches();
    return test_exit_code();
}
