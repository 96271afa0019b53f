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
 * so that freed memory is found again as one piece. */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <stdlib.h>
#include <stdio.h>

struct header {
    size_t size;                /* of the whole block, header included */
    struct header *next;        /* free: the next free block; in use: IN_USE */
};

/* An in-use block's `next` holds this mark, so that free() can tell a
 * pointer malloc gave out from a wrong one (or one already freed). */
#define IN_USE ((struct header *)0xA110CA7E)

#define ALIGN 8                            /* every block is a multiple of this */
#define HEADER_SIZE sizeof(struct header)  /* 8, so the bytes are aligned too */
#define MIN_BLOCK (HEADER_SIZE + ALIGN)    /* smaller leftovers are not split off */
#define GROW_MIN (64 * 1024)               /* ask the kernel for at least this */

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

void *malloc(size_t n)
{
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
    if (h->next != IN_USE)
        bad_pointer("free", ptr);
    insert_free(h);
}

void *calloc(size_t nmemb, size_t size)
{
    if (size && nmemb > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    void *p = malloc(nmemb * size);
    if (p)
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

/* Resizes in place when it can (shrinking, or growing into a free
 * neighbour); otherwise moves the bytes to a new block. */
void *realloc(void *ptr, size_t n)
{
    if (!ptr)
        return malloc(n);
    if (n == 0) {
        free(ptr);
        return NULL;
    }
    struct header *h = header_of(ptr);
    if (h->next != IN_USE)
        bad_pointer("realloc", ptr);
    size_t size = block_size_for(n);
    if (size == 0) {
        errno = ENOMEM;
        return NULL;
    }
    if (h->size < size)
        absorb_next_free(h);
    if (h->size >= size) {
        shrink(h, size);
        return ptr;
    }
    void *moved = malloc(n);
    if (!moved)
        return NULL;                             /* the old block stays valid */
    memcpy(moved, ptr, h->size - HEADER_SIZE);
    free(ptr);
    return moved;
}
