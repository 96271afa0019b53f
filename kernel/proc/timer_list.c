/* Kernel timers: one list of the pending ones, sorted by expiry, so each
 * tick looks only at its head.  The timers are few (one for ARP today),
 * which makes the sorted insert cheap; Linux's timer wheel is the answer
 * for thousands.  Everything here runs with interrupts off (the kernel's
 * rule), so a timer function never races with add_timer. */
#include <stddef.h>
#include "proc/timer_list.h"
#include "arch/timer.h"

static struct timer_list *timers;    /* pending, earliest first */

void del_timer(struct timer_list *t)
{
    for (struct timer_list **p = &timers; *p; p = &(*p)->next)
        if (*p == t) {
            *p = t->next;
            break;
        }
    t->next = NULL;
    t->pending = 0;
}

void add_timer(struct timer_list *t)
{
    struct timer_list **p = &timers;

    if (t->pending)
        del_timer(t);
    while (*p && time_after_eq(t->expires, (*p)->expires))
        p = &(*p)->next;
    t->next = *p;
    *p = t;
    t->pending = 1;
}

void mod_timer(struct timer_list *t, unsigned long expires)
{
    t->expires = expires;
    add_timer(t);
}

/* The function may add its own timer again (a periodic timer does): it is
 * off the list before it is called. */
void run_timers(void)
{
    while (timers && time_after_eq(jiffies, timers->expires)) {
        struct timer_list *t = timers;
        timers = t->next;
        t->next = NULL;
        t->pending = 0;
        t->function(t);
    }
}
