/* Thread-local storage, the way Linux i386 gives it: a program asks for a
 * segment whose base is its thread's data block (set_thread_area), loads
 * the selector into gs, and reads its variables as %gs:offset.  glibc does
 * this before main; errno lives there.
 *
 * Each task has three descriptors of its own (task->tls), which take GDT
 * entries 6-8 while it runs: tls_switch() puts the next task's in place.
 * A descriptor a program asks for is always a ring-3 code-or-data segment
 * ("S" bit set, DPL 3), never a system segment, a gate or a ring-0
 * segment, and only data segments are accepted -- the rules of Linux's
 * tls_desc_okay, so the same requests succeed and fail as there. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/ldt.h>
#include "arch/tls.h"
#include "arch/gdt.h"
#include "arch/regs.h"
#include "mm/uaccess.h"
#include "proc/task.h"

/* A request that clears the entry: all zero, or Linux's "empty" shape. */
static int desc_clears(const struct user_desc *u)
{
    int zero = !u->base_addr && !u->limit && !u->contents && !u->read_exec_only &&
               !u->seg_32bit && !u->limit_in_pages && !u->seg_not_present && !u->useable;
    int empty = !u->base_addr && !u->limit && !u->contents && u->read_exec_only &&
                !u->seg_32bit && !u->limit_in_pages && u->seg_not_present && !u->useable;
    return zero || empty;
}

/* 32-bit data segments that are present: nothing else may be made. */
static int desc_okay(const struct user_desc *u)
{
    return desc_clears(u) || (u->seg_32bit && u->contents <= 1 && !u->seg_not_present);
}

/* The 8-byte descriptor the CPU reads (Intel SDM vol. 3, 3.4.5). */
static uint64_t make_desc(const struct user_desc *u)
{
    if (desc_clears(u))
        return 0;
    uint32_t type = 1 | (!u->read_exec_only << 1) | (u->contents << 2);  /* accessed, W, E */
    uint32_t access = type | 1u << 4 | 3u << 5 | 1u << 7;   /* S = 1 (not system), DPL 3, P */
    uint32_t flags = u->useable | u->seg_32bit << 2 | u->limit_in_pages << 3;
    uint32_t low = (u->base_addr & 0xffff) << 16 | (u->limit & 0xffff);
    uint32_t high = (u->base_addr & 0xff000000) | (flags << 20) | (u->limit & 0xf0000) |
                    access << 8 | ((u->base_addr >> 16) & 0xff);
    return (uint64_t)high << 32 | low;
}

static void read_desc(uint64_t d, struct user_desc *u)
{
    uint32_t low = (uint32_t)d, high = (uint32_t)(d >> 32);
    uint32_t type = (high >> 8) & 0xf;

    u->base_addr = (low >> 16) | ((high & 0xff) << 16) | (high & 0xff000000);
    u->limit = (low & 0xffff) | (high & 0xf0000);
    u->contents = (type >> 2) & 3;
    u->read_exec_only = !(type & 2);
    u->seg_not_present = !(high & (1u << 15));
    u->useable = (high >> 20) & 1;
    u->seg_32bit = (high >> 22) & 1;
    u->limit_in_pages = (high >> 23) & 1;
    if (d == 0) {                      /* an unused entry reads as "empty" */
        u->read_exec_only = 1;
        u->seg_not_present = 1;
    }
}

/* fs and gs keep whatever the CPU loaded from the GDT, even after the GDT
 * changed; entry.asm reloads a program's fs/gs on the way out only when
 * they differ from what the registers hold.  Null selectors here make
 * them differ, so the program's come back read from the new entries. */
static void reload_user_segments(void)
{
    __asm__ volatile("mov %0, %%fs\n\tmov %0, %%gs" : : "r"(0));
}

void tls_switch(struct task_struct *prev, struct task_struct *next)
{
    if (memcmp(prev->tls, next->tls, sizeof(next->tls)) == 0)
        return;                        /* the usual case: neither uses TLS */
    gdt_set_tls(next->tls);
    reload_user_segments();
}

/* A new program starts without thread-local storage, as on Linux. */
void tls_exec(struct task_struct *t)
{
    memset(t->tls, 0, sizeof(t->tls));
    gdt_set_tls(t->tls);
    reload_user_segments();
}

/* The TLS entry a selector names, or -1 if it names another. */
static int tls_index(uint32_t sel)
{
    int index = (int)((sel & 0xffff) >> 3) - GDT_ENTRY_TLS_MIN;

    return (sel & 4) == 0 && index >= 0 && index < GDT_ENTRY_TLS_ENTRIES ? index : -1;
}

/* A program may change a TLS entry while one of its segment registers
 * holds the selector (or get such a selector back from a signal frame).
 * Reloading it on the way out (trap_return) would then fault inside the
 * kernel, on an entry no longer present, or, for ss, no longer writable;
 * so those two calls look first, and a selector that would fault is
 * replaced: the program sees a null fs/gs, or the flat segment.  (Nothing
 * else changes a task's entries, so the other returns to user mode need
 * not look: at a quarter of a system call's cost, it would show.) */
void tls_check_return(struct pt_regs *regs)
{
    uint32_t *seg[] = { &regs->ds, &regs->es, &regs->fs, &regs->gs, &regs->ss };

    for (int i = 0; i < 5; i++) {
        int index = tls_index(*seg[i]);
        if (index < 0)
            continue;
        uint32_t high = (uint32_t)(current->tls[index] >> 32);
        int present = high & (1u << 15), writable = high & (1u << 9);
        if (!present || (seg[i] == &regs->ss && !writable))
            *seg[i] = seg[i] == &regs->fs || seg[i] == &regs->gs ? 0 : USER_DS;
    }
}

int tls_user_selector(uint32_t sel)
{
    sel &= 0xffff;
    return sel < 4 || sel == USER_DS || ((sel & 3) == 3 && tls_index(sel) >= 0);
}

/* Puts the descriptor a program asks for (uinfo) into tls[], a task's
 * three; entry -1 takes the first free one and writes its number back. */
long tls_set_entry(uint64_t tls[3], struct user_desc *uinfo)
{
    struct user_desc u;
    int i;

    if (copy_from_user(&u, uinfo, sizeof(u)) < 0)
        return -EFAULT;
    if (!desc_okay(&u))
        return -EINVAL;
    if (u.entry_number == (unsigned)-1) {      /* the first free one */
        for (i = 0; i < GDT_ENTRY_TLS_ENTRIES && tls[i]; i++)
            ;
        if (i == GDT_ENTRY_TLS_ENTRIES)
            return -ESRCH;
        u.entry_number = GDT_ENTRY_TLS_MIN + i;
        if (copy_to_user(&uinfo->entry_number, &u.entry_number, sizeof(u.entry_number)) < 0)
            return -EFAULT;
    }
    if (u.entry_number < GDT_ENTRY_TLS_MIN ||
        u.entry_number >= GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES)
        return -EINVAL;
    tls[u.entry_number - GDT_ENTRY_TLS_MIN] = make_desc(&u);
    return 0;
}

long sys_set_thread_area(struct user_desc *uinfo)
{
    long err = tls_set_entry(current->tls, uinfo);

    if (err < 0)
        return err;
    gdt_set_tls(current->tls);
    reload_user_segments();
    tls_check_return(current->regs);
    return 0;
}

long sys_get_thread_area(struct user_desc *uinfo)
{
    struct user_desc u;

    if (copy_from_user(&u.entry_number, &uinfo->entry_number, sizeof(u.entry_number)) < 0)
        return -EFAULT;
    if (u.entry_number < GDT_ENTRY_TLS_MIN ||
        u.entry_number >= GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES)
        return -EINVAL;
    memset((char *)&u + sizeof(u.entry_number), 0, sizeof(u) - sizeof(u.entry_number));
    read_desc(current->tls[u.entry_number - GDT_ENTRY_TLS_MIN], &u);
    return copy_to_user(uinfo, &u, sizeof(u)) < 0 ? -EFAULT : 0;
}
