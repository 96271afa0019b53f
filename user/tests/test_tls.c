/* Thread-local storage as Linux i386 gives it (set_thread_area, a %gs
 * segment that follows the task): what glibc sets up before main. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/ldt.h>
#include <minnow/sched.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>
#include "syscall_raw.h"

static unsigned block_a[4] = { 0x11111111, 0x22222222 };
static unsigned block_b[4] = { 0x33333333, 0x44444444 };

static struct user_desc data_desc(unsigned entry, void *base)
{
    struct user_desc u;
    memset(&u, 0, sizeof(u));
    u.entry_number = entry;
    u.base_addr = (unsigned)base;
    u.limit = 0xfffff;
    u.seg_32bit = 1;
    u.limit_in_pages = 1;
    u.useable = 1;
    return u;
}

static long set_area(struct user_desc *u) { return __syscall1(__NR_set_thread_area, (long)u); }
static long get_area(struct user_desc *u) { return __syscall1(__NR_get_thread_area, (long)u); }

static void set_gs(unsigned sel) { __asm__ volatile("mov %w0, %%gs" : : "r"(sel)); }
static unsigned gs_word(int i)
{
    unsigned v;
    __asm__ volatile("mov %%gs:(,%1,4), %0" : "=r"(v) : "r"(i));
    return v;
}
static unsigned selector(unsigned entry) { return entry << 3 | 3; }

static unsigned my_entry;            /* the entry glibc would get: the first free */

static void basic(void)
{
    struct user_desc u = data_desc(-1, block_a);
    long r = set_area(&u);
    check(r == 0 && u.entry_number >= 6 && u.entry_number <= 8, "tls_set_picks_free_entry",
          "returned %ld, entry %u", r, u.entry_number);
    my_entry = u.entry_number;
    set_gs(selector(my_entry));
    check(gs_word(0) == 0x11111111 && gs_word(1) == 0x22222222, "tls_gs_reads_block",
          "%%gs:0 %#x %%gs:4 %#x", gs_word(0), gs_word(1));
    block_a[2] = 0xabcdef;
    check(gs_word(2) == 0xabcdef, "tls_gs_sees_writes", "%#x", gs_word(2));

    struct user_desc back = { .entry_number = my_entry };
    r = get_area(&back);
    check(r == 0 && back.base_addr == (unsigned)block_a && back.limit == 0xfffff &&
          back.seg_32bit && back.limit_in_pages && back.useable && !back.contents &&
          !back.read_exec_only && !back.seg_not_present, "tls_get_returns_what_was_set",
          "r %ld base %#x limit %#x", r, back.base_addr, back.limit);
}

/* A child with its own base in the same entry runs while we sleep: each
 * must keep reading its own block through the same selector. */
static void follows_the_task(void)
{
    int p[2];
    pipe(p);
    pid_t pid = fork();
    if (pid == 0) {
        int inherited = gs_word(0) == 0x11111111;
        struct user_desc u = data_desc(my_entry, block_b);
        set_area(&u);
        int ok = inherited;
        for (int i = 0; i < 200000 && ok; i++)
            ok = gs_word(0) == 0x33333333;
        write(p[1], ok ? "y" : "n", 1);
        _exit(0);
    }
    close(p[1]);
    int ok = 1;
    for (int i = 0; i < 30 && ok; i++) {
        usleep(1000);
        ok = gs_word(0) == 0x11111111;
    }
    char c = '?';
    read(p[0], &c, 1);
    close(p[0]);
    waitpid(pid, NULL, 0);
    check(ok, "tls_parent_keeps_its_base", "parent read %#x", gs_word(0));
    check(c == 'y', "tls_child_inherits_then_sets_its_own", "child said %c", c);
}

static volatile unsigned seen_in_handler;
static void on_usr1(int sig) { (void)sig; seen_in_handler = gs_word(1); }

static void in_signal_handler(void)
{
    signal(SIGUSR1, on_usr1);
    kill(getpid(), SIGUSR1);
    check(seen_in_handler == 0x22222222, "tls_handler_sees_tls", "handler read %#x", seen_in_handler);
    check(gs_word(0) == 0x11111111, "tls_kept_after_sigreturn", "read %#x", gs_word(0));
    signal(SIGUSR1, SIG_DFL);
}

static void refusals(void)
{
    struct user_desc u = data_desc(my_entry, block_a);
    u.contents = 2;                                  /* code */
    check(set_area(&u) == -EINVAL, "tls_refuses_code_segment", "accepted");
    u = data_desc(my_entry, block_a);
    u.contents = 3;
    check(set_area(&u) == -EINVAL, "tls_refuses_conforming_code", "accepted");
    u = data_desc(my_entry, block_a);
    u.seg_32bit = 0;
    check(set_area(&u) == -EINVAL, "tls_refuses_16bit", "accepted");
    u = data_desc(my_entry, block_a);
    u.seg_not_present = 1;
    check(set_area(&u) == -EINVAL, "tls_refuses_not_present", "accepted");
    u = data_desc(5, block_a);                       /* the TSS */
    long r5 = set_area(&u);
    u = data_desc(9, block_a);
    long r9 = set_area(&u);
    u = data_desc(1, block_a);                       /* kernel code */
    long r1 = set_area(&u);
    check(r5 == -EINVAL && r9 == -EINVAL && r1 == -EINVAL, "tls_refuses_other_entries",
          "5: %ld 9: %ld 1: %ld", r5, r9, r1);
    check(set_area((struct user_desc *)0xc0001000) == -EFAULT &&
          get_area((struct user_desc *)8) == -EFAULT, "tls_bad_pointer_efault", "no EFAULT");
    struct user_desc g = { .entry_number = 12 };
    check(get_area(&g) == -EINVAL, "tls_get_bad_entry", "no EINVAL");
}

/* The child inherits our entry; the other two are free, then none. */
static void full(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        long r;
        int got = 0;
        struct user_desc u;
        while (got < 5 && (r = set_area((u = data_desc(-1, block_b), &u))) == 0)
            got++;
        _exit(got == 2 && r == -ESRCH ? 0 : 1);
    }
    int status;
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "tls_full_esrch", "status %#x", status);
}

/* Clearing the entry gs holds: the program's gs becomes null on the way
 * back (not a fault in the kernel), and loading the empty entry is the
 * program's own fault, SIGSEGV. */
static void cleared_while_loaded(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        struct user_desc u;
        memset(&u, 0, sizeof(u));
        u.entry_number = my_entry;
        if (set_area(&u) != 0)
            _exit(2);
        unsigned gs;
        __asm__ volatile("mov %%gs, %0" : "=r"(gs));
        if ((gs & 0xffff) != 0)
            _exit(3);
        set_gs(selector(my_entry));             /* an empty entry: SIGSEGV */
        _exit(4);
    }
    int status;
    waitpid(pid, &status, 0);
    check(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "tls_cleared_entry_segv",
          "status %#x", status);
}

/* ss and ds holding the TLS selector, then the entry made read-only and
 * cleared: the return to user mode must not fault inside the kernel. */
static void stack_segment(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        static struct user_desc ro;
        ro = data_desc(my_entry, 0);
        ro.read_exec_only = 1;
        long r;
        __asm__ volatile("mov %w1, %%ss\n\t"
                         "mov %w1, %%ds\n\t"
                         "int $0x80\n\t"
                         "mov %w2, %%ds\n\t"
                         "mov %w2, %%ss"
                         : "=a"(r)
                         : "r"(selector(my_entry)), "r"(0x23), "0"(__NR_set_thread_area), "b"(&ro)
                         : "memory");
        _exit(r == 0 ? 0 : 5);
    }
    int status;
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "tls_readonly_stack_segment_survives",
          "status %#x", status);
}

static void exec_clears(void)
{
    int p[2];
    pipe(p);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(p[1], 1);
        char *argv[] = { "test_tls", "after-exec", NULL };
        execv("/usr/libexec/minnow/test_tls", argv);
        _exit(127);
    }
    close(p[1]);
    char c = '?';
    read(p[0], &c, 1);
    close(p[0]);
    waitpid(pid, NULL, 0);
    check(c == 'e', "tls_exec_starts_empty", "the new program said %c", c);
}

/* clone(CLONE_SETTLS): the child starts with one more descriptor, the
 * one the call names; the parent's stay as they were. */
static void clone_settls(void)
{
    struct user_desc u = data_desc(-1, block_b);
    long pid = __syscall5(__NR_clone, CLONE_SETTLS | SIGCHLD, 0, 0, (long)&u, 0);
    if (pid == 0) {
        set_gs(selector(u.entry_number));
        _exit(gs_word(0) == 0x33333333 ? 0 : 1);
    }
    int status = -1;
    if (pid > 0)
        waitpid(pid, &status, 0);
    struct user_desc mine = { .entry_number = u.entry_number };
    get_area(&mine);
    check(pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 && u.entry_number != my_entry,
          "tls_clone_settls_child", "pid %ld status %#x entry %u", pid, status, u.entry_number);
    check(mine.seg_not_present && gs_word(0) == 0x11111111, "tls_clone_settls_parent_unchanged",
          "the parent's entry %u present %d", u.entry_number, !mine.seg_not_present);
    struct user_desc bad = data_desc(-1, block_b);
    bad.contents = 2;
    check(__syscall5(__NR_clone, CLONE_SETTLS | SIGCHLD, 0, 0, (long)&bad, 0) == -EINVAL,
          "tls_clone_settls_refuses_code", "a code segment was accepted");
}

static void fuzz(void)
{
    unsigned seed = 12345;
    pid_t pid = fork();
    if (pid == 0) {
        for (int i = 0; i < 3000; i++) {
            unsigned w[4];
            for (int j = 0; j < 4; j++) {
                seed = seed * 1103515245 + 12345;
                w[j] = seed ^ (seed >> 16);
            }
            if (i % 3 == 0)
                w[0] = 6 + (w[0] % 3);
            set_area((struct user_desc *)w);
            get_area((struct user_desc *)w);
            if (i % 7 == 0)
                set_gs(selector(6 + (w[1] % 3)));    /* may SIGSEGV: the child's own fault */
        }
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) || WIFSIGNALED(status), "tls_fuzz_no_panic", "status %#x", status);
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "after-exec") == 0) {
        struct user_desc u = { .entry_number = 6 };
        int empty = get_area(&u) == 0 && u.seg_not_present && u.base_addr == 0;
        write(1, empty ? "e" : "n", 1);
        return 0;
    }
    long pages = free_pages();
    basic();
    follows_the_task();
    in_signal_handler();
    refusals();
    full();
    cleared_while_loaded();
    stack_segment();
    exec_clears();
    clone_settls();
    fuzz();
    set_gs(0x23);
    check(free_pages() == pages, "tls_no_page_leaked", "%ld free before, %ld after", pages, free_pages());
    return test_exit_code();
}
