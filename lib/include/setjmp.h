/* Non-local jumps (lib/setjmp.asm).  setjmp saves the registers a function
 * call must preserve, the stack pointer and the return address; longjmp
 * puts them back, so that setjmp "returns again", this time with val. */
#ifndef _SETJMP_H
#define _SETJMP_H

/* ebx, esi, edi, ebp, esp, eip */
typedef unsigned long jmp_buf[6];

int setjmp(jmp_buf env) __attribute__((returns_twice));
_Noreturn void longjmp(jmp_buf env, int val);

#endif
