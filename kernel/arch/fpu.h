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

#endif
