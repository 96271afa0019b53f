/* malloc, free, calloc, realloc: alignment, reuse of freed memory,
 * coalescing of neighbours, growth in place, a random stress run that
 * checks every byte, and failure (NULL, ENOMEM) instead of a crash. */
#include <errno.h>
#include <minnow/test.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

int main(void)
{
    basics();
    coalescing();
    calloc_realloc();
    stress();
    out_of_memory();
    return test_exit_code();
}
