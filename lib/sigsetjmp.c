/* sigsetjmp and siglongjmp: setjmp and longjmp that also save and restore
 * the signal mask, for jumping out of a signal handler (<setjmp.h>).
 *
 * sigsetjmp itself is in lib/setjmp.asm: it must save the registers of
 * its caller's frame, which a C function cannot do (its own frame would be
 * gone by the time siglongjmp jumps back).  It calls __sigjmp_save_mask
 * below, then goes on as setjmp. */
#include <setjmp.h>
#include <signal.h>

/* sigsetjmp's C half: the mask, when the caller asked for it. */
void __sigjmp_save_mask(sigjmp_buf env, int savemask)
{
    env->mask_saved = savemask != 0;
    if (savemask)
        sigprocmask(SIG_BLOCK, NULL, &env->mask);   /* NULL: only ask */
}

/* The mask first, then the jump: a signal that the old mask lets through
 * is handled here, before sigsetjmp returns again (glibc's order too). */
void siglongjmp(sigjmp_buf env, int val)
{
    if (env->mask_saved)
        sigprocmask(SIG_SETMASK, &env->mask, NULL);
    longjmp(env->regs, val);
}
