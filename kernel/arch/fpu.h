#ifndef ARCH_FPU_H
#define ARCH_FPU_H

/* A task's floating-point and SSE registers, as fxsave stores them. */
#define FPU_STATE_SIZE 512

struct task_struct;

void fpu_init(void);

/* Lazy switching: the registers stay with the last task that used them
 * until another task uses the FPU (the device-not-available trap). */
void fpu_switch(struct task_struct *next);   /* at every context switch */
void fpu_trap(void);                          /* the trap: T_DEVICE */
void fpu_flush(struct task_struct *t);        /* t->fpu_state up to date */
void fpu_activate(struct task_struct *t);     /* t's state in the registers */
void fpu_reload(struct task_struct *t);       /* t->fpu_state was rewritten */
void fpu_forget(struct task_struct *t);       /* t is gone */

void fpu_state_init(void *state);    /* a new program's: all clear */
void fpu_sanitize(void *state);      /* from user memory: make fxrstor accept it */
int fpu_has_fxsr(void);              /* the state is fxsave's, with SSE */
/* The x87 part alone, in fnsave's 108-byte layout (Linux's signal frames):
 * of the current task, which must hold the FPU (fpu_activate). */
void fpu_save_legacy(void *buf);
void fpu_restore_legacy(const void *buf);

#endif
