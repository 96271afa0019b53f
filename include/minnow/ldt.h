/* struct user_desc: a segment descriptor as a program describes it to
 * set_thread_area/get_thread_area (Linux's <asm/ldt.h>, the same layout). */
#ifndef _MINNOW_LDT_H
#define _MINNOW_LDT_H

struct user_desc {
    unsigned int entry_number;   /* GDT entry 6, 7 or 8; -1: "pick a free one" */
    unsigned int base_addr;
    unsigned int limit;
    unsigned int seg_32bit:1;
    unsigned int contents:2;     /* 0 data, 1 data growing down, 2-3 code (refused) */
    unsigned int read_exec_only:1;
    unsigned int limit_in_pages:1;
    unsigned int seg_not_present:1;
    unsigned int useable:1;
};

#define GDT_ENTRY_TLS_MIN 6
#define GDT_ENTRY_TLS_ENTRIES 3

#endif
