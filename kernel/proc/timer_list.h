/* Kernel timers: a function called once, from the timer interrupt, at a
 * given jiffy (Linux's struct timer_list).  The network stack's clocks
 * (ARP's retries and ageing, later TCP's retransmissions) run on them. */
#ifndef PROC_TIMER_LIST_H
#define PROC_TIMER_LIST_H

struct timer_list {
    unsigned long expires;                   /* jiffies */
    void (*function)(struct timer_list *t);  /* runs in interrupt context: never sleeps */
    struct timer_list *next;                 /* in the list of pending timers */
    int pending;
};

/* Starts t (expires and function set by the caller); a pending t moves. */
void add_timer(struct timer_list *t);
void mod_timer(struct timer_list *t, unsigned long expires);
void del_timer(struct timer_list *t);
void run_timers(void);                       /* every tick, from trap.c */

#endif
