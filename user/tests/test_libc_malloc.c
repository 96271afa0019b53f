/* malloc, free, calloc, realloc: alignment, reuse of freed memory,
 * coalescing of neighbours, growth in place, a random stress run that
 * checks every byte, failure (NULL, ENOMEM) instead of a crash, and large
 * blocks: a mapping of their own, given back to the kernel by free. */
#include <errno.h>
#include <minnow/test.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

static void basics(void)
{
    char *a = malloc(10), *b = malloc(10);

    check(a && b && a != b, "malloc_basic", "a=%p b=%p", (void *)a, (void *)b);
    check(((uintptr_t)a % 8) == 0 && ((uintptr_t)b % 8) == 0, "malloc_aligned",
          "a=%p b=%p", (void *)a, (void *)b);
    check(b >= a + 10 || a >= b + 10, "malloc_no_overlap", "a=%p b=%p", (void *)a, (void *)b);
    free(a);
    char *c = malloc(10);
    check(c == a, "malloc_reuse", "freed %p, got %p", (void *)a, (void *)c);
    free(b);
    free(c);
    free(NULL);                                /* allowed, does nothing */
    void *z = malloc(0);
    check(z != NULL, "malloc_zero", "malloc(0) gave NULL");
    free(z);
}

/* Two freed neighbours become one block big enough for both. */
static void coalescing(void)
{
    char *a = malloc(1000), *b = malloc(1000), *c = malloc(1000);

    free(a);
    free(b);
    char *big = malloc(1900);
    check(big == a, "malloc_coalesce", "a=%p b=%p big=%p", (void *)a, (void *)b, (void *)big);
    free(big);
    free(c);
}

static void calloc_realloc(void)
{
    unsigned char *p = malloc(64);
    memset(p, 0xAA, 64);
    free(p);
    p = calloc(16, 4);                         /* probably the same memory: now zero */
    int zero = p != NULL;
    for (int i = 0; p && i < 64; i++)
        zero &= (p[i] == 0);
    check(zero, "calloc_zero", "not all zero");
    free(p);

    errno = 0;
    check(calloc(0x10000, 0x10000) == NULL && errno == ENOMEM, "calloc_overflow",
          "errno %d", errno);

    char *a = malloc(100), *b = malloc(100);
    strcpy(a, "keep me");
    free(b);
    char *a2 = realloc(a, 180);                /* b's space is free: grow in place */
    check(a2 == a && strcmp(a2, "keep me") == 0, "realloc_in_place", "a=%p a2=%p",
          (void *)a, (void *)a2);
    char *guard = malloc(16);                  /* now a2 cannot grow in place */
    char *a3 = realloc(a2, 5000);
    check(a3 && strcmp(a3, "keep me") == 0, "realloc_move", "content lost");
    char *a4 = realloc(a3, 8);
    check(a4 == a3 && memcmp(a4, "keep me", 8) == 0, "realloc_shrink", "moved or lost");
    free(a4);
    free(guard);
    char *n = realloc(NULL, 20);
    check(n != NULL, "realloc_null", "realloc(NULL) failed");
    check(realloc(n, 0) == NULL, "realloc_zero", "realloc(p, 0) should free");
}

/* Random mallocs, reallocs and frees; each block is filled with its own
 * byte, checked before it is freed or resized. */
#define SLOTS 128
static char *slot[SLOTS];
static size_t slot_size[SLOTS];

static int filled_with(const char *p, size_t n, char c)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != c)
            return 0;
    return 1;
}

static int stress_round(unsigned seed, int steps)
{
    int ok = 1;

    for (int step = 0; step < steps; step++) {
        int i = rand_r(&seed) % SLOTS;
        char mark = (char)('a' + i % 26);
        if (slot[i] && !filled_with(slot[i], slot_size[i], mark))
            ok = 0;
        int what = rand_r(&seed) % 3;
        size_t size = 1 + (size_t)(rand_r(&seed) % 3000);
        if (what == 0 || !slot[i]) {
            free(slot[i]);
            slot[i] = malloc(size);
        } else if (what == 1) {
            char *p = realloc(slot[i], size);
            if (!p)
                continue;
            slot[i] = p;
            if (size > slot_size[i])
                memset(p + slot_size[i], mark, size - slot_size[i]);
        } else {
            free(slot[i]);
            slot[i] = NULL;
            continue;
        }
        if (!slot[i])
            return 0;
        slot_size[i] = size;
        memset(slot[i], mark, size);
    }
    for (int i = 0; i < SLOTS; i++) {
        if (slot[i] && !filled_with(slot[i], slot_size[i], (char)('a' + i % 26)))
            ok = 0;
        free(slot[i]);
        slot[i] = NULL;
    }
    return ok;
}

static void stress(void)
{
    check(stress_round(1, 4000), "malloc_stress", "a block was overwritten");
    char *top1 = sbrk(0);
    check(stress_round(1, 4000), "malloc_stress_again", "a block was overwritten");
    char *top2 = sbrk(0);
    /* Everything was freed after the first round: the second one must fit
     * in the same memory. */
    check(top2 == top1, "malloc_memory_reused", "heap grew by %ld bytes", (long)(top2 - top1));
}

static void out_of_memory(void)
{
    errno = 0;
    void *p = malloc(0xF0000000u);
    check(p == NULL && errno == ENOMEM, "malloc_too_big", "p=%p errno=%d", p, errno);
    errno = 0;
    p = malloc((size_t)-1);
    check(p == NULL && errno == ENOMEM, "malloc_size_max", "p=%p errno=%d", p, errno);
    p = malloc(100);
    check(p != NULL, "malloc_after_failure", "malloc failed after a failure");
    free(p);
}

/* ------------------------------------------------ large blocks (mmap) */

#define KIB 1024
#define MIB (1024 * 1024)

/* Writes a pattern that depends on the position, so that a block moved
 * or copied wrongly (a page shifted, a tail lost) shows. */
static void fill_pattern(unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(i * 7 + i / 4096);
}

static int has_pattern(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(i * 7 + i / 4096))
            return 0;
    return 1;
}

/* Small blocks come from the heap (the break moves); large ones do not. */
static char *heap_start;                          /* the break when main began */

static int in_heap(const char *p)
{
    return p >= heap_start && p < (char *)sbrk(0);
}

static void large_not_from_heap(void)
{
    char *top = sbrk(0), *small[32];
    int n = 0;
    /* blocks just under the threshold, until the free list runs out */
    while (n < 32 && (char *)sbrk(0) == top && (small[n] = malloc(120 * KIB)))
        n++;
    check((char *)sbrk(0) > top && in_heap(small[n - 1]), "malloc_small_uses_heap",
          "%d blocks, break %p -> %p", n, (void *)top, sbrk(0));
    top = sbrk(0);
    char *big = malloc(MIB);
    check(big && (char *)sbrk(0) == top && !in_heap(big), "malloc_large_not_heap",
          "big %p, break %p -> %p", (void *)big, (void *)top, sbrk(0));
    check(((uintptr_t)big % 8) == 0, "malloc_large_aligned", "big=%p", (void *)big);
    free(big);
    while (n > 0)
        free(small[--n]);
}

/* A 1 MiB block, every page touched, then freed: the pages are back. */
static void large_free_returns_pages(void)
{
    long before = free_pages();
    char *big = malloc(MIB);
    if (big)
        memset(big, 0x5A, MIB);
    long during = free_pages();
    free(big);
    long after = free_pages();
    check(big && during <= before - 256, "malloc_large_takes_pages", "%ld -> %ld pages",
          before, during);
    check(after == before, "free_large_returns_pages", "before %ld, after %ld", before, after);
}

/* Many cycles of large blocks of different sizes must not leak. */
static void large_cycles(void)
{
    long before = free_pages();
    int ok = 1;
    for (int i = 0; i < 200 && ok; i++) {
        size_t n = 128 * KIB + (size_t)(i % 7) * 40 * KIB + (size_t)i;
        unsigned char *p = malloc(n);
        ok = p != NULL;
        if (p) {
            p[0] = 1;                             /* touch the first and last pages */
            p[n - 1] = 2;
        }
        free(p);
    }
    long after = free_pages();
    check(ok && after == before, "malloc_large_cycles_no_leak", "ok %d, pages %ld -> %ld",
          ok, before, after);
}

/* realloc keeps the bytes: large growing and shrinking (mremap), small
 * to large and large to small (a copy), and calloc's large blocks are
 * zero. */
static void large_realloc(void)
{
    unsigned char *p = malloc(200 * KIB);
    if (p)
        fill_pattern(p, 200 * KIB);
    char *guard = malloc(MIB);                    /* likely right after p: p must move */
    unsigned char *q = p ? realloc(p, 3 * MIB) : NULL;
    check(q && has_pattern(q, 200 * KIB), "realloc_large_grow", "q=%p", (void *)q);
    if (q)
        fill_pattern(q, 3 * MIB);
    unsigned char *r = q ? realloc(q, 300 * KIB) : NULL;
    check(r && has_pattern(r, 300 * KIB), "realloc_large_shrink", "r=%p", (void *)r);
    unsigned char *s = r ? realloc(r, 1000) : NULL;
    check(s && has_pattern(s, 1000), "realloc_large_to_small", "s=%p", (void *)s);
    unsigned char *t = s ? realloc(s, 500 * KIB) : NULL;
    check(t && has_pattern(t, 1000), "realloc_small_to_large", "t=%p", (void *)t);
    free(t);
    free(guard);

    unsigned char *z = calloc(64, 4 * KIB);
    int zero = z != NULL;
    for (size_t i = 0; z && i < 256 * KIB; i++)
        zero &= (z[i] == 0);
    check(zero, "calloc_large_zero", "not all zero");
    free(z);
}

/* A wrong pointer is still caught: an address inside a large block. */
static void large_bad_free(void)
{
    char *big = malloc(MIB);
    int status = -1;
    pid_t pid = fork();
    if (pid == 0) {
        close(2);                                 /* the expected complaint */
        free(big + 4096);
        _exit(0);
    }
    if (pid > 0)
        status = wait_status(pid);
    check(status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
          "free_large_bad_pointer", "status %#x", status);
    free(big);
}

int main(void)
{
    heap_start = sbrk(0);
    basics();
    coalescing();
    calloc_realloc();
    stress();
    out_of_memory();
    large_not_from_heap();
    large_free_returns_pages();
    large_cycles();
    large_realloc();
    large_bad_free();
    return test_exit_code();
}
