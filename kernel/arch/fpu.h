#ifndef ARCH_FPU_H
#define ARCH_FPU_H

/* A task's floating-point and SSE registers, as fxsave stores them. */
#define FPU_STATE_SIZE 512

void fpu_init(void);
/* state: FPU_STATE_SIZE bytes, 16-byte aligned */
void fpu_save(void *state);
void fpu_restore(const void *state);
void fpu_state_init(void *state);    /* a new program's: all clear */
void fpu_sanitize(void *state);      /* from user memory: make fxrstor accept it */
int fpu_has_fxsr(void);              /* the state is fxsave's, with SSE */
/* The x87 part alone, in fnsave's 108-byte layout (old signal frames). */
void fpu_save_legacy(void *buf);
void fpu_restore_legacy(const void *buf);

#endif
