; The signal "restorer": where a signal handler returns to.
;
; To run a handler, the kernel builds a frame on the user stack (the saved
; registers and signal mask) and makes the handler's return address point
; here.  When the handler returns, this stub asks the kernel, with the
; sigreturn system call (119), to restore the saved context: the program
; continues where the signal interrupted it.  lib/signal.c puts this
; address in sa_restorer of every sigaction (with SA_RESTORER), or the
; second stub's for an SA_SIGINFO handler.
;
; On entry esp points at the handler's argument (the signal number), just
; above the return address the handler's `ret` consumed.  Linux i386 looks
; for the frame at esp - 8 when sigreturn is called, so, as glibc does,
; the stub first pops that argument.

section .text
global __sigreturn_stub
__sigreturn_stub:
    pop eax                      ; the signal number: drop it
    mov eax, 119                 ; sigreturn
    int 0x80                     ; does not come back

; The same for a handler installed with SA_SIGINFO: the kernel built
; Linux's rt frame, which rt_sigreturn (173) finds at esp - 4, so there is
; nothing to pop (glibc's __restore_rt).
global __rt_sigreturn_stub
__rt_sigreturn_stub:
    mov eax, 173                 ; rt_sigreturn
    int 0x80                     ; does not come back

section .note.GNU-stack noalloc noexec nowrite progbits
