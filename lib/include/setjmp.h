/* Non-local jumps (lib/setjmp.asm).  setjmp saves the registers a function
 * call must preserve, the stack pointer and the return address; longjmp
 * puts them back, so that setjmp "returns again", this time with val.
 *
 * sigsetjmp/siglongjmp (lib/sigsetjmp.c) are the same jump for leaving a
 * signal handler: with savemask non-zero, sigsetjmp also saves the signal
 * mask, and siglongjmp puts it back.  That matters because the kernel
 * blocks a signal while its handler runs and unblocks it only when the
 * handler returns -- which a handler that jumps out never does.  As on
 * Linux, plain setjmp/longjmp leave the mask alone. */
#ifndef _SETJMP_H
#define _SETJMP_H

#include <sys/types.h>                 /* sigset_t */

/* ebx, esi, edi, ebp, esp, eip */
typedef unsigned long jmp_buf[6];

int setjmp(jmp_buf env) __attribute__((returns_twice));
_Noreturn void longjmp(jmp_buf env, int val);

/* An array of one, like jmp_buf, so that it is passed by reference. */
typedef struct {
    jmp_buf regs;               /* first: sigsetjmp saves them with setjmp */
    int mask_saved;             /* savemask was non-zero */
    sigset_t mask;              /* the signal mask sigsetjmp saw */
} sigjmp_buf[1];

int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((returns_twice));
_Noreturn void siglongjmp(sigjmp_buf env, int val);

#endif
