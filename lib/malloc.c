/* malloc and free: a free-list allocator on memory from sbrk.
 *
 * The heap is a row of blocks, one after the other.  Every block starts
 * with a header saying how big it is (header included):
 *
 *     | header | the program's bytes ... | header | ... | header | ...
 *              ^ malloc returns this
 *
 * Free blocks are also on a list, sorted by address, through the header's
 * `next` field.  malloc takes the first free block that is big enough
 * (first fit) and splits off what it does not need; if there is none, it
 * asks the kernel for more with sbrk.  free puts the block back on the
 * list and merges it with a free neighbour on either side (coalescing),
 * so that freed memory is found again as one piece.
 *
 * Large blocks (MMAP_THRESHOLD bytes and more, as in glibc) are not on the
 * heap: each gets an anonymous mapping of its own, with the same header
 * in front, and free gives it back to the kernel with munmap at once.
 * Why: the heap can only shrink from its top, so one small block still in
 * use above a freed megabyte would keep that megabyte from the system for
 * good; a mapping can go back on its own.  (docs/libc.md) */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <stdlib.h>
#include <stdio.h>
#include <sys/mman.h>

struct header {
    size_t size;                /* of the whole block, header included */
    struct header *next;        /* free: the next free block; in use: IN_USE */
};

/* An in-use block's `next` holds this mark, so that free() can tell a
 * pointer malloc gave out from a wrong one (or one already freed). */
#define IN_USE ((struct header *)0xA110CA7E)

/* A large block's `next` holds this mark instead: it has a mapping of its
 * own, and its `size` is the whole mapping's length. */
#define MAPPED ((struct header *)0x3A99ED00)

#define ALIGN 8                            /* every block is a multiple of this */
#define HEADER_SIZE sizeof(struct header)  /* 8, so the bytes are aligned too */
#define MIN_BLOCK (HEADER_SIZE + ALIGN)    /* smaller leftovers are not split off */
#define GROW_MIN (64 * 1024)               /* ask the kernel for at least this */
#define MMAP_THRESHOLD (128 * 1024)        /* requests this big get a mapping */
#define PAGE_SIZE 4096

static struct header *free_list;           /* sorted by address */

static struct header *header_of(void *ptr)
{
    return (struct header *)ptr - 1;
}

static void *bytes_of(struct header *h)
{
    return h + 1;
}

static struct header *block_after(struct header *h)
{
    return (struct header *)((char *)h + h->size);
}

/* The block size for a request of n bytes, or 0 if that is impossible. */
static size_t block_size_for(size_t n)
{
    if (n > SIZE_MAX - HEADER_SIZE - ALIGN)
        return 0;
    size_t size = (n + HEADER_SIZE + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    return size < MIN_BLOCK ? MIN_BLOCK : size;
}

/* Puts a block on the free list, in address order, merging it with the
 * free blocks just before and just after it. */
static void insert_free(struct header *h)
{
    struct header *prev = NULL, *cur = free_list;

    while (cur && cur < h) {
        prev = cur;
        cur = cur->next;
    }
    h->next = cur;
    if (prev)
        prev->next = h;
    else
        free_list = h;
    if (cur && block_after(h) == cur) {         /* merge with the next one */
        h->size += cur->size;
        h->next = cur->next;
    }
    if (prev && block_after(prev) == h) {       /* merge with the previous one */
        prev->size += h->size;
        prev->next = h->next;
    }
}

/* Asks the kernel for at least size more bytes of heap. */
static int grow_heap(size_t size)
{
    size_t want = size < GROW_MIN ? GROW_MIN : size;
    uintptr_t brk_now = (uintptr_t)sbrk(0);

    if (brk_now % ALIGN != 0)                   /* the first time, maybe */
        sbrk((intptr_t)(ALIGN - brk_now % ALIGN));
    if (size > INTPTR_MAX)
        return -1;
    if (want > INTPTR_MAX)
        want = size;
    void *mem = sbrk((intptr_t)want);
    if (mem == (void *)-1 && want > size) {     /* maybe just enough is possible */
        want = size;
        mem = sbrk((intptr_t)want);
    }
    if (mem == (void *)-1)
        return -1;
    struct header *h = mem;
    h->size = want;
    insert_free(h);
    return 0;
}

/* If free block h is bigger than size, the rest becomes a free block of
 * its own, right after h on the list. */
static void split(struct header *h, size_t size)
{
    if (h->size - size < MIN_BLOCK)
        return;                                  /* too little left: keep it all */
    struct header *rest = (struct header *)((char *)h + size);
    rest->size = h->size - size;
    rest->next = h->next;
    h->size = size;
    h->next = rest;
}

/* Takes the first free block of at least size bytes off the list. */
static struct header *take_first_fit(size_t size)
{
    struct header *prev = NULL;

    for (struct header *h = free_list; h; prev = h, h = h->next) {
        if (h->size >= size) {
            split(h, size);
            if (prev)
                prev->next = h->next;
            else
                free_list = h->next;
            h->next = IN_USE;
            return h;
        }
    }
    return NULL;
}

/* ------------------------------------------------ large blocks: mmap */

static int is_large(size_t n)
{
    return n >= MMAP_THRESHOLD;
}

/* The mapping's length for a large block of n bytes, or 0 if impossible. */
static size_t map_size_for(size_t n)
{
    if (n > SIZE_MAX - HEADER_SIZE - PAGE_SIZE)
        return 0;
    return (n + HEADER_SIZE + PAGE_SIZE - 1) & ~(size_t)(PAGE_SIZE - 1);
}

/* A fresh anonymous mapping for n bytes, header included.  Its pages
 * come in (zero-filled) only when the program touches them. */
static void *malloc_mapped(size_t n)
{
    size_t size = map_size_for(n);
    struct header *h = MAP_FAILED;

    if (size)
        h = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (h == MAP_FAILED) {
        errno = ENOMEM;
        return NULL;
    }
    h->size = size;
    h->next = MAPPED;
    return bytes_of(h);
}

/* Resizes a large block to n (still large) bytes: the kernel moves the
 * page table entries, not the bytes, if the mapping cannot grow where it
 * is (MREMAP_MAYMOVE). */
static void *realloc_mapped(struct header *h, size_t n)
{
    size_t size = map_size_for(n);

    if (size == 0) {
        errno = ENOMEM;
        return NULL;
    }
    if (size == h->size)
        return bytes_of(h);
    struct header *moved = mremap(h, h->size, size, MREMAP_MAYMOVE);
    if (moved == MAP_FAILED)
        return NULL;                             /* the old block stays valid */
    moved->size = size;
    return bytes_of(moved);
}

/* ------------------------------------------------ the calls */

void *malloc(size_t n)
{
    if (is_large(n))
        return malloc_mapped(n);
    size_t size = block_size_for(n);

    if (size == 0) {
        errno = ENOMEM;
        return NULL;
    }
    struct header *h = take_first_fit(size);
    if (!h) {
        if (grow_heap(size) < 0) {
            errno = ENOMEM;
            return NULL;
        }
        h = take_first_fit(size);
    }
    return h ? bytes_of(h) : NULL;
}

/* A wrong pointer would corrupt the heap silently; stop at once instead. */
static void bad_pointer(const char *who, void *ptr)
{
    fprintf(stderr, "%s(%p): not a block from malloc, or freed twice\n", who, ptr);
    abort();
}

void free(void *ptr)
{
    if (!ptr)
        return;
    struct header *h = header_of(ptr);
    if (h->next == MAPPED)
        munmap(h, h->size);                      /* straight back to the kernel */
    else if (h->next == IN_USE)
        insert_free(h);
    else
        bad_pointer("free", ptr);
}

void *calloc(size_t nmemb, size_t size)
{
    if (size && nmemb > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    void *p = malloc(nmemb * size);
    /* A new mapping reads as zeroes already; writing them would only make
     * the kernel hand out every page at once. */
    if (p && !is_large(nmemb * size))
        memset(p, 0, nmemb * size);
    return p;
}

/* Takes the free block right after h, if there is one, into h. */
static void absorb_next_free(struct header *h)
{
    struct header *prev = NULL;

    for (struct header *f = free_list; f && f <= block_after(h); prev = f, f = f->next) {
        if (f == block_after(h)) {
            if (prev)
                prev->next = f->next;
            else
                free_list = f->next;
            h->size += f->size;
            return;
        }
    }
}

/* Cuts an in-use block down to size, freeing the rest. */
static void shrink(struct header *h, size_t size)
{
    if (h->size - size < MIN_BLOCK)
        return;
    struct header *rest = (struct header *)((char *)h + size);
    rest->size = h->size - size;
    h->size = size;
    insert_free(rest);
}

/* A heap block resized in place when it can (shrinking, or growing into
 * a free neighbour); NULL if it cannot. */
static void *realloc_in_heap(struct header *h, size_t n)
{
    size_t size = block_size_for(n);

    if (size == 0)
        return NULL;
    if (h->size < size)
        absorb_next_free(h);
    if (h->size < size)
        return NULL;
    shrink(h, size);
    return bytes_of(h);
}

/* Moves the bytes to a new block of n bytes (of the kind n asks for). */
static void *realloc_by_copy(struct header *h, size_t n)
{
    size_t old = h->size - HEADER_SIZE;
    void *moved = malloc(n);

    if (!moved)
        return NULL;                             /* the old block stays valid */
    memcpy(moved, bytes_of(h), old < n ? old : n);
    free(bytes_of(h));
    return moved;
}

/* A block keeps its kind while the new size asks for the same kind:
 * a large one is remapped, a small one resized in place if it can be.
 * Otherwise (or if that fails) the bytes move to a new block. */
void *realloc(void *ptr, size_t n)
{
    if (!ptr)
        return malloc(n);
    if (n == 0) {
        free(ptr);
        return NULL;
    }
    struct header *h = header_of(ptr);
    if (h->next != IN_USE && h->next != MAPPED)
        bad_pointer("realloc", ptr);
    if (h->next == MAPPED && is_large(n))
        return realloc_mapped(h, n);
    if (h->next == IN_USE && !is_large(n)) {
        void *same = realloc_in_heap(h, n);
        if (same)
            return same;
    }
    return realloc_by_copy(h, n);
}
