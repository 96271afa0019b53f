/* Self-tests of memory management: pages, the heap, page tables.  Each
 * test also checks that every page it took has come back. */
#include <string.h>
#include "test/ktest.h"
#include "mm/page_alloc.h"
#include "mm/kmalloc.h"
#include "mm/paging.h"
#include "mm/memlayout.h"

const char *test_page_alloc(void)
{
    unsigned long before = nr_free_pages();
    char *a = alloc_page(), *b = alloc_page();

    if (!a || !b || a == b)
        return "alloc_page gave NULL or the same page twice";
    if (((uint32_t)a & (PAGE_SIZE - 1)) || (uint32_t)a < KERNEL_BASE)
        return ktest_fail("page %p is not a page-aligned kernel address", a);
    if (nr_free_pages() != before - 2)
        return "the free count did not drop by 2";
    for (unsigned i = 0; i < PAGE_SIZE; i++)
        if (a[i] != 0)
            return "a new page is not zero-filled";
    memset(a, 0x5a, PAGE_SIZE);          /* the whole page is usable */
    memset(b, 0xa5, PAGE_SIZE);
    if (a[PAGE_SIZE - 1] != 0x5a)
        return "writing one page changed another";
    free_page(a);
    free_page(b);
    if (nr_free_pages() != before)
        return "free count not restored";
    return NULL;
}

const char *test_page_alloc_contiguous(void)
{
    unsigned long before = nr_free_pages();
    char *run = alloc_pages(8);

    if (!run)
        return "no run of 8 pages";
    memset(run, 1, 8 * PAGE_SIZE);
    char *other = alloc_page();
    if (other >= run && other < run + 8 * PAGE_SIZE)
        return "a page inside a run was handed out again";
    free_page(other);
    free_pages(run, 8);
    if (nr_free_pages() != before)
        return "free count not restored";
    return NULL;
}

/* Out of memory must be an answer (NULL), not a crash. */
const char *test_page_alloc_exhaust(void)
{
    unsigned long before = nr_free_pages();
    void **list = NULL;          /* a linked list through the pages themselves */
    unsigned long got = 0;

    for (;;) {
        void **p = alloc_page();
        if (!p)
            break;
        *p = list;
        list = p;
        got++;
    }
    if (nr_free_pages() != 0 || got != before)
        return ktest_fail("got %lu of %lu pages", got, before);
    /* a page-sized object needs a fresh page (a small one might still fit
     * in a heap page the boot left partly used) */
    void *obj = kmalloc(4096);
    while (list) {
        void **next = *list;
        free_page(list);
        list = next;
    }
    if (obj != NULL)
        return "kmalloc succeeded with no memory left";
    if (nr_free_pages() != before)
        return "free count not restored";
    return NULL;
}

const char *test_kmalloc(void)
{
    unsigned long before = nr_free_pages();
    static const unsigned sizes[] = { 1, 16, 17, 100, 512, 2048, 2049, 5000, 20000 };
    char *p[9];

    for (int i = 0; i < 9; i++) {
        p[i] = kmalloc(sizes[i]);
        if (!p[i])
            return ktest_fail("kmalloc(%u) failed", sizes[i]);
        if ((uint32_t)p[i] & 15)
            return ktest_fail("kmalloc(%u) = %p is not 16-byte aligned", sizes[i], p[i]);
        memset(p[i], i + 1, sizes[i]);
    }
    for (int i = 0; i < 9; i++)
        for (unsigned j = 0; j < sizes[i]; j++)
            if (p[i][j] != i + 1)
                return ktest_fail("block %d (size %u) overwritten", i, sizes[i]);
    for (int i = 0; i < 9; i++)
        kfree(p[i]);
    kfree(NULL);
    if (nr_free_pages() != before)
        return ktest_fail("%lu pages not returned", before - nr_free_pages());
    return NULL;
}

/* Many blocks of mixed sizes, freed in a scrambled order. */
const char *test_kmalloc_stress(void)
{
    enum { N = 600 };
    static char *blocks[N];
    unsigned long before = nr_free_pages();
    uint32_t seed = 12345;

    for (int i = 0; i < N; i++) {
        seed = seed * 1103515245 + 12345;
        unsigned size = 1 + (seed >> 16) % 3000;
        blocks[i] = kmalloc(size);
        if (!blocks[i])
            return ktest_fail("kmalloc(%u) failed at %d", size, i);
        blocks[i][0] = (char)i;
        blocks[i][size - 1] = (char)i;
    }
    for (int step = 0; step < N; step++) {
        int i = (step * 7919) % N;       /* 7919 is prime: visits each once */
        if (blocks[i][0] != (char)i)
            return ktest_fail("block %d corrupted", i);
        kfree(blocks[i]);
    }
    if (nr_free_pages() != before)
        return ktest_fail("%lu pages not returned", before - nr_free_pages());
    return NULL;
}

const char *test_paging(void)
{
    unsigned long before = nr_free_pages();
    pde_t *pgdir = pgdir_create();
    char *page = alloc_page();
    const uint32_t va = USER_BASE + 5 * PAGE_SIZE;

    if (!pgdir || !page)
        return "out of memory";
    if (kernel_pgdir[0] & PTE_P)
        return "the boot identity map is still there";
    if (pgdir[KERNEL_BASE >> 22] != kernel_pgdir[KERNEL_BASE >> 22])
        return "the kernel half is not shared";
    if (map_page(pgdir, va, page, PTE_U | PTE_W) != 0)
        return "map_page failed";
    strcpy(page, "seen through the page table");
    if (user_page(pgdir, va) != page || user_page(pgdir, va + PAGE_SIZE) != NULL)
        return "user_page does not find the mapping";
    pte_t *pte = pgdir_walk(pgdir, va, 0);
    if (!pte || !(*pte & PTE_U) || PTE_ADDR(*pte) != virt_to_phys(page))
        return "wrong page table entry";
    /* Run on the new page directory and read through the user address. */
    switch_pgdir(pgdir);
    int same = strcmp((char *)va, "seen through the page table") == 0;
    switch_pgdir(kernel_pgdir);
    if (!same)
        return "reading the user address gave other bytes";
    pgdir_destroy(pgdir);            /* frees the page, its table, the pgdir */
    if (nr_free_pages() != before)
        return ktest_fail("%lu pages not returned", before - nr_free_pages());
    return NULL;
}
