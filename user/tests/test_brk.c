/* The heap: brk/sbrk grow and shrink it, out of memory is an error (not a
 * crash) or, for a page touched when none is left, the end of that process
 * alone; and the stack grows on its own. */
#include <errno.h>
#include <signal.h>
#include <sys/mman.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/test.h>

static int deep(int n)
{
    volatile char frame[1024];
    frame[0] = (char)n;
    return n == 0 ? frame[0] : deep(n - 1) + frame[0];
}

int main(void)
{
    long before = free_pages();
    char *start = sbrk(0);
    char *p = sbrk(64 * 1024);
    check(p == start && sbrk(0) == start + 64 * 1024, "sbrk_grows", "sbrk gave %p from %p", p, start);
    memset(p, 0xab, 64 * 1024);
    check((unsigned char)p[64 * 1024 - 1] == 0xab, "sbrk_memory_usable", "last byte lost");
    check(free_pages() <= before - 16, "sbrk_takes_pages", "%ld -> %ld", before, free_pages());
    sbrk(-64 * 1024);
    check(sbrk(0) == start && free_pages() == before, "sbrk_shrinks",
          "break %p, pages %ld -> %ld", sbrk(0), before, free_pages());

    void *huge = sbrk(0x70000000);           /* 1.75 GiB: more than there is */
    check(huge == (void *)-1 && errno == ENOMEM, "sbrk_enomem", "got %p errno %d", huge, errno);
    check(free_pages() == before, "sbrk_enomem_no_leak", "%ld -> %ld", before, free_pages());

    /* grab memory until it runs out, in a child; the kernel must survive */
    pid_t pid = fork();
    if (pid == 0) {
        while (sbrk(1024 * 1024) != (void *)-1)
            ;
        _exit(errno == ENOMEM ? 0 : 1);
    }
    int status;
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "exhaust_memory_enomem", "status %#x", status);
    check(free_pages() == before, "exhaust_memory_all_back", "%ld -> %ld", before, free_pages());

    /* touch more memory than there is: an area of 256 MiB costs no pages
     * until touched (MAP_NORESERVE skips the "more than is free" check),
     * so the fault that finds no page kills this process alone (SIGKILL),
     * and everything comes back */
    pid = fork();
    if (pid == 0) {
        size_t size = 256u << 20;
        char *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED)
            _exit(1);
        for (size_t off = 0; off < size; off += 4096)
            p[off] = 1;
        _exit(2);
    }
    waitpid(pid, &status, 0);
    check(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "touch_memory_oom_killed",
          "status %#x", status);
    check(free_pages() == before, "touch_memory_all_back", "%ld -> %ld", before, free_pages());

    check(deep(200) >= 0, "stack_grows", "a 200 KiB stack failed");
    return test_exit_code();
}
