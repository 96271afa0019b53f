/* The kernel heap: kmalloc/kfree for objects smaller than a page (files,
 * pipes, inodes...), built on the page allocator.
 *
 * Small sizes are rounded up to a power of two (16 .. 2048 bytes); each page
 * holds objects of one size, with a header at its start that counts how
 * many are in use.  When the count drops to 0 the page goes back to the page
 * allocator, so a test can check that "free pages before == after".
 * Anything larger gets whole pages of its own. */
#include <stdint.h>
#include <string.h>
#include "mm/kmalloc.h"
#include "mm/page_alloc.h"
#include "mm/memlayout.h"
#include "lib/printk.h"

#define MIN_SHIFT 4                      /* 16 bytes */
#define MAX_SHIFT 11                     /* 2048 bytes */
#define NR_CLASSES (MAX_SHIFT - MIN_SHIFT + 1)
#define LARGE 0xff

struct free_object {
    struct free_object *next;
};

/* The first bytes of every heap page. */
struct heap_page {
    uint32_t magic;
    uint8_t class;                /* size class, or LARGE */
    uint16_t used;                /* objects handed out (LARGE: pages) */
    struct free_object *free;     /* this page's free objects */
    struct heap_page *next;       /* next page of the class with room */
} __attribute__((aligned(16)));   /* so the objects after it are aligned */

#define HEAP_MAGIC 0x4B4D414Cu    /* "KMAL" */

/* Per size class: the pages that still have a free object. */
static struct heap_page *partial[NR_CLASSES];

static int size_class(size_t size)
{
    int c = 0;

    while ((1u << (c + MIN_SHIFT)) < size)
        c++;
    return c;
}

static unsigned objects_per_page(int class)
{
    return (PAGE_SIZE - sizeof(struct heap_page)) >> (class + MIN_SHIFT);
}

static struct heap_page *new_heap_page(int class)
{
    struct heap_page *hp = alloc_page();
    if (!hp)
        return NULL;
    hp->magic = HEAP_MAGIC;
    hp->class = class;
    char *obj = (char *)(hp + 1);
    for (unsigned i = 0; i < objects_per_page(class); i++) {
        struct free_object *f = (struct free_object *)(obj + (i << (class + MIN_SHIFT)));
        f->next = hp->free;
        hp->free = f;
    }
    return hp;
}

static void *kmalloc_large(size_t size)
{
    if (size > MAX_PHYS_MEM)             /* more than there is; and near 4 GiB */
        return NULL;                     /* the sum below would wrap around */
    unsigned n = page_round_up(size + sizeof(struct heap_page)) / PAGE_SIZE;
    struct heap_page *hp = alloc_pages(n);
    if (!hp)
        return NULL;
    hp->magic = HEAP_MAGIC;
    hp->class = LARGE;
    hp->used = n;
    return hp + 1;
}

void *kmalloc(size_t size)
{
    if (size == 0)
        size = 1;
    if (size > (1u << MAX_SHIFT))
        return kmalloc_large(size);

    int class = size_class(size);
    struct heap_page *hp = partial[class];
    if (!hp) {
        hp = new_heap_page(class);
        if (!hp)
            return NULL;
        partial[class] = hp;
    }
    struct free_object *obj = hp->free;
    hp->free = obj->next;
    hp->used++;
    if (!hp->free)                       /* page full: off the partial list */
        partial[class] = hp->next;
    memset(obj, 0, 1u << (class + MIN_SHIFT));
    return obj;
}

static void unlink_partial(struct heap_page *hp)
{
    struct heap_page **pp = &partial[hp->class];

    while (*pp && *pp != hp)
        pp = &(*pp)->next;
    if (*pp)
        *pp = hp->next;
}

void kfree(void *p)
{
    if (!p)
        return;
    struct heap_page *hp = (struct heap_page *)page_round_down((uint32_t)p);
    if (hp->magic != HEAP_MAGIC)
        panic("kfree: %p is not from kmalloc", p);
    if (hp->class == LARGE) {
        hp->magic = 0;
        free_pages(hp, hp->used);
        return;
    }
    int was_full = hp->free == NULL;
    struct free_object *obj = p;
    obj->next = hp->free;
    hp->free = obj;
    hp->used--;
    if (hp->used == 0) {                 /* empty: give the page back */
        if (!was_full)
            unlink_partial(hp);
        hp->magic = 0;
        free_page(hp);
    } else if (was_full) {
        hp->next = partial[hp->class];
        partial[hp->class] = hp;
    }
}
