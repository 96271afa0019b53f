/* The memory calls with junk arguments: mmap2, the old mmap, munmap,
 * mprotect, mremap, msync, madvise, mincore, brk and getvmas, called at
 * random in a child per seed.  Each call must come back with a result or
 * an errno; then grandchildren touch random addresses of the odd address
 * space that made (a SIGSEGV or SIGBUS ends them, as it may), so the page
 * fault path and fork see it too.  The kernel must stay up, and every page
 * must come back.
 *
 * The addresses the calls get are mostly in an arena of their own, so
 * that the child does not unmap its own text or stack at the first call;
 * some are anywhere (NULL, kernel space, unaligned, the top of memory).
 * A seed can be given as the argument: test_vm_fuzz SEED runs that one. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>

#define PAGE 4096
#define ARENA_PAGES 256
#define CALLS 3000
#define TOUCHERS 12
#define TOUCHES 200

static unsigned seed;
static unsigned next_random(void)
{
    seed = seed * 1103515245 + 12345;
    return seed >> 8;
}

static unsigned long arena;            /* the address range the calls play in */
static int file_fd, rdonly_fd, pipe_fd;
static unsigned char junk[2 * PAGE];
static struct vma_info vmas[64];

static unsigned long random_addr(void)
{
    static const unsigned long odd[] = {
        0, 1, PAGE, 0xC0000000, 0xBFFFF000, 0xFFFFF000, 0xFFFFFFFF, 0x7FFFF000, 0x10000,
    };
    unsigned r = next_random() % 16;

    if (r == 0)
        return odd[next_random() % (sizeof(odd) / sizeof(odd[0]))];
    unsigned long a = arena + (next_random() % (ARENA_PAGES + 8)) * PAGE;
    return r == 1 ? a + next_random() % PAGE : a;        /* now and then unaligned */
}

static unsigned long random_len(void)
{
    static const unsigned long odd[] = {
        0, 1, 0xFFFFFFFF, 0x80000000, 0xC0000000, 0x40000000, 0xFFFFF000,
    };
    unsigned r = next_random() % 12;

    if (r == 0)
        return odd[next_random() % (sizeof(odd) / sizeof(odd[0]))];
    return (next_random() % 32 + 1) * PAGE - (r == 1 ? next_random() % PAGE : 0);
}

/* The areas the child had before the junk (text, data, heap, stack):
 * a call that could unmap, protect, replace or zap them gets a range of
 * one page instead, so that the child lives through its calls. */
static struct vma_info own[16];
static int nown;

static void remember_own_areas(void)
{
    nown = getvmas(0, own, 16);
    if (nown > 16)
        nown = 16;
    for (int i = 0; i < nown; i++)
        if (own[i].flags & VMI_WRITE && own[i].end > 0xB0000000)
            own[i].start -= 256 * PAGE;          /* room for the stack to grow */
}

static unsigned long safe_len(unsigned long addr, unsigned long len)
{
    unsigned long end = addr + len + PAGE;

    if (addr >= 0xC0000000 || end < addr)
        return len;                              /* the kernel refuses it anyway */
    for (int i = 0; i < nown; i++)
        if (addr < own[i].end && end + PAGE > own[i].start)
            return PAGE;
    return len;
}

static long random_prot(void)
{
    return next_random() % 10 == 0 ? (long)next_random() : (long)(next_random() % 8);
}

static long random_flags(void)
{
    static const long bits[] = {
        MAP_SHARED, MAP_PRIVATE, MAP_SHARED_VALIDATE, MAP_FIXED, MAP_ANONYMOUS, MAP_GROWSDOWN,
        MAP_NORESERVE, MAP_POPULATE, MAP_FIXED_NOREPLACE, MAP_HUGETLB, MAP_STACK, 0x80,
        MAP_LOCKED, 0x4000000,
    };
    long flags = next_random() % 3 == 0 ? MAP_SHARED : MAP_PRIVATE;

    if (next_random() % 2)
        flags |= MAP_ANONYMOUS;
    for (int n = next_random() % 3; n > 0; n--)
        flags |= bits[next_random() % (sizeof(bits) / sizeof(bits[0]))];
    if (next_random() % 16 == 0)
        flags = (long)next_random();
    return flags;
}

static long random_fd(void)
{
    static const long fds[] = { -1, 0, 1, 99, 100000 };
    switch (next_random() % 6) {
    case 0: return fds[next_random() % 5];
    case 1: return rdonly_fd;
    case 2: return pipe_fd;
    default: return file_fd;
    }
}

static long random_ptr(void)
{
    switch (next_random() % 4) {
    case 0:  return (long)random_addr();
    case 1:  return 0;
    default: return (long)(junk + next_random() % sizeof(junk));
    }
}

/* One call; returns 0 if it came back with a result or an errno (a value
 * -4095..-1 from the kernel is an errno; any other is a result). */
static int one_call(void)
{
    long r;
    unsigned long addr;
    errno = 0;
    switch (next_random() % 11) {
    case 0: case 1:
        addr = random_addr();
        r = syscall(__NR_mmap2, addr, safe_len(addr, random_len()), random_prot(), random_flags(),
                    random_fd(), next_random() % 4 ? 0 : (long)(next_random() % 64));
        break;
    case 2: {
        addr = random_addr();
        struct mmap_arg_struct a = { addr, safe_len(addr, random_len()), random_prot(),
                                     random_flags(), random_fd(),
                                     next_random() % 3 ? 0 : next_random() };
        r = syscall(__NR_mmap, next_random() % 8 ? (long)&a : random_ptr());
        break;
    }
    case 3:
        addr = random_addr();
        r = syscall(__NR_munmap, addr, safe_len(addr, random_len()));
        break;
    case 4:
        addr = random_addr();
        r = syscall(__NR_mprotect, addr, safe_len(addr, random_len()), random_prot());
        break;
    case 5: {
        addr = random_addr();
        unsigned long to = random_addr(), len = safe_len(addr, random_len());
        r = syscall(__NR_mremap, addr, len, safe_len(to, safe_len(addr, random_len())),
                    (long)(next_random() % 5), to);
        break;
    }
    case 6:
        r = syscall(__NR_msync, random_addr(), random_len(), (long)(next_random() % 8));
        break;
    case 7:
        addr = random_addr();
        r = syscall(__NR_madvise, addr, safe_len(addr, random_len()),
                    next_random() % 4 ? (long)(next_random() % 10) : (long)next_random());
        break;
    case 8:
        r = syscall(__NR_mincore, random_addr(), random_len(), random_ptr());
        break;
    case 9: {
        long cur = syscall(__NR_brk, 0);
        r = syscall(__NR_brk, next_random() % 2 ? cur + (long)(next_random() % 64) * PAGE
                                                 : random_ptr());
        break;
    }
    default:
        r = syscall(__NR_getvmas, next_random() % 4 ? 0 : (long)next_random() % 200,
                    next_random() % 2 ? (long)vmas : random_ptr(),
                    next_random() % 4 ? 64 : (long)next_random());
        break;
    }
    return r == -1 && (errno <= 0 || errno > 133);
}

/* Touches random addresses: those of the areas getvmas lists (writes
 * only in the arena: elsewhere they would hit our own stack), and some
 * anywhere.  The first bad one ends the process. */
static void touch_around(void)
{
    int n = getvmas(0, vmas, 64);

    if (n > 64)
        n = 64;
    alarm(2);
    for (int i = 0; i < TOUCHES && n > 0; i++) {
        struct vma_info *v = &vmas[next_random() % n];
        unsigned long a = v->start + next_random() % (v->end - v->start + 2 * PAGE) - PAGE;
        if (next_random() % 8 == 0)
            a = random_addr();
        volatile char *p = (volatile char *)a;
        if (a >= arena && a < arena + ARENA_PAGES * PAGE && next_random() % 2)
            *p = (char)i;
        else
            (void)*p;
    }
    _exit(0);
}

static void fuzz(void)
{
    int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    for (unsigned i = 0; i < sizeof(junk); i++)
        junk[i] = (unsigned char)next_random();
    file_fd = open("/tmp/vm_fuzz_file", O_RDWR);
    rdonly_fd = open("/tmp/vm_fuzz_file", O_RDONLY);
    int fds[2];
    pipe(fds);
    pipe_fd = fds[0];
    long brk0 = syscall(__NR_brk, 0);
    remember_own_areas();

    int bad = 0;
    for (int i = 0; i < CALLS; i++)
        bad += one_call();
    int odd = 0;
    for (int t = 0; t < TOUCHERS; t++) {
        next_random();
        pid_t pid = fork();
        if (pid == 0)
            touch_around();
        int status = wait_status(pid);
        if (WIFSIGNALED(status)) {
            int sig = WTERMSIG(status);
            odd += sig != SIGSEGV && sig != SIGBUS && sig != SIGALRM;
        } else {
            odd += !WIFEXITED(status) || WEXITSTATUS(status) != 0;
        }
    }
    /* and this process's own touches, after the junk calls' rest */
    for (int i = 0; i < 50; i++)
        bad += one_call();
    syscall(__NR_brk, brk0);
    _exit((bad ? 1 : 0) | (odd ? 2 : 0));
}

static int run_seed(unsigned s)
{
    seed = s;
    pid_t pid = fork();
    if (pid == 0) {
        alarm(20);
        fuzz();
    }
    int status = wait_status(pid);
    if (!WIFEXITED(status))
        return 4 | WTERMSIG(status) << 8;
    return WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
    static const unsigned seeds[] = { 20261201, 11, 4242, 987654321, 31337, 777 };
    memset(junk, 0, sizeof(junk));     /* this process's own pages: in now */
    printf("%s", "");
    long before = free_pages();
    int fd = open("/tmp/vm_fuzz_file", O_CREAT | O_TRUNC | O_RDWR, 0644);
    write(fd, junk, 5 * PAGE + 123);
    close(fd);
    char *a = mmap(NULL, ARENA_PAGES * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    arena = (unsigned long)a;
    munmap(a, ARENA_PAGES * PAGE);     /* a free stretch the children play in */

    int n = argc > 1 ? 1 : (int)(sizeof(seeds) / sizeof(seeds[0]));
    int calls_bad = 0, touch_bad = 0, died = 0;
    for (int i = 0; i < n; i++) {
        unsigned s = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : seeds[i];
        int r = run_seed(s);
        if (r & 1)
            calls_bad++, printf("seed %u: a call returned -1 without an errno\n", s);
        if (r & 2)
            touch_bad++, printf("seed %u: a toucher ended oddly\n", s);
        if (r & 4)
            died++, printf("seed %u: the fuzzing child died by signal %d\n", s, r >> 8);
    }
    check(calls_bad == 0, "vm_fuzz_calls_result_or_errno", "%d seeds had a bad return", calls_bad);
    check(touch_bad == 0, "vm_fuzz_touches_segv_or_sigbus", "%d seeds had an odd ending", touch_bad);
    check(died == 0, "vm_fuzz_child_survives_calls", "%d seeds' children died", died);
    check(write(1, "", 0) == 0 && getpid() > 0, "vm_fuzz_kernel_alive", "the kernel stopped answering");
    unlink("/tmp/vm_fuzz_file");
    long after = free_pages();
    check(after == before, "vm_fuzz_no_page_leak", "%ld pages free before, %ld after", before, after);
    return test_exit_code();
}
