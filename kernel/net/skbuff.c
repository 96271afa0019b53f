/* Packet buffers (skbuff.h): a page each, the struct at its start.
 *
 * skb_put and skb_push are for the kernel's own packets, whose sizes it
 * chose: running out of room there is a bug in the kernel, and panics.
 * skb_pull is for received packets, whose sizes a stranger chose: it
 * fails, and the caller drops the packet. */
#include <stddef.h>
#include <string.h>
#include "net/skbuff.h"
#include "mm/page_alloc.h"
#include "mm/memlayout.h"
#include "lib/printk.h"

#define SKB_MAGIC 0x534B4255u    /* "SKBU" */
#define SKB_DATA_OFFSET 128      /* the struct, rounded up to a cache line or two */

static unsigned long nr_skbs;

struct sk_buff *alloc_skb(unsigned size)
{
    if (size > SKB_MAX_SIZE)
        return NULL;
    unsigned char *page = alloc_page();
    if (!page)
        return NULL;
    struct sk_buff *skb = (struct sk_buff *)page;
    skb->head = skb->data = page + SKB_DATA_OFFSET;
    skb->end = page + PAGE_SIZE;
    skb->magic = SKB_MAGIC;
    nr_skbs++;
    return skb;
}

void kfree_skb(struct sk_buff *skb)
{
    if (!skb)
        return;
    if (skb->magic != SKB_MAGIC)
        panic("kfree_skb: %p is not an allocated packet (freed twice?)", skb);
    skb->magic = 0;
    nr_skbs--;
    free_page(skb);
}

unsigned long skb_count(void)
{
    return nr_skbs;
}

unsigned skb_headroom(const struct sk_buff *skb)
{
    return skb->data - skb->head;
}

unsigned skb_tailroom(const struct sk_buff *skb)
{
    return skb->end - (skb->data + skb->len);
}

void skb_reserve(struct sk_buff *skb, unsigned n)
{
    if (skb->len || n > skb_tailroom(skb))
        panic("skb_reserve: %u bytes in a packet of %u", n, skb->len);
    skb->data += n;
}

unsigned char *skb_put(struct sk_buff *skb, unsigned n)
{
    if (n > skb_tailroom(skb))
        panic("skb_put: %u bytes with %u left at the end", n, skb_tailroom(skb));
    unsigned char *tail = skb->data + skb->len;
    skb->len += n;
    return tail;
}

unsigned char *skb_push(struct sk_buff *skb, unsigned n)
{
    if (n > skb_headroom(skb))
        panic("skb_push: %u bytes with %u of headroom", n, skb_headroom(skb));
    skb->data -= n;
    skb->len += n;
    return skb->data;
}

unsigned char *skb_pull(struct sk_buff *skb, unsigned n)
{
    if (n > skb->len)
        return NULL;
    skb->data += n;
    skb->len -= n;
    return skb->data;
}

void skb_trim(struct sk_buff *skb, unsigned len)
{
    if (len < skb->len)
        skb->len = len;
}

void skb_queue_tail(struct sk_buff_head *q, struct sk_buff *skb)
{
    skb->next = NULL;
    if (q->tail)
        q->tail->next = skb;
    else
        q->head = skb;
    q->tail = skb;
    q->len++;
}

void skb_queue_head(struct sk_buff_head *q, struct sk_buff *skb)
{
    skb->next = q->head;
    q->head = skb;
    if (!q->tail)
        q->tail = skb;
    q->len++;
}

struct sk_buff *skb_dequeue(struct sk_buff_head *q)
{
    struct sk_buff *skb = q->head;

    if (!skb)
        return NULL;
    q->head = skb->next;
    if (!q->head)
        q->tail = NULL;
    q->len--;
    skb->next = NULL;
    return skb;
}
