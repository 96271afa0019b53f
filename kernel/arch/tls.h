#ifndef ARCH_TLS_H
#define ARCH_TLS_H

#include <stdint.h>

struct task_struct;
struct pt_regs;

/* Thread-local storage: each task's three GDT descriptors (tls.c). */
void tls_switch(struct task_struct *prev, struct task_struct *next);
void tls_exec(struct task_struct *t);
int tls_user_selector(uint32_t sel);  /* may a program load it into fs/gs? */
void tls_check_return(struct pt_regs *regs);   /* regs' selectors: still loadable? */
struct user_desc;
long tls_set_entry(uint64_t tls[3], struct user_desc *uinfo);   /* set_thread_area, clone */

#endif
