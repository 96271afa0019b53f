; setjmp and longjmp: jumping back into a function that is still running.
;
; setjmp(env) saves what the caller expects to find unchanged after a call
; (ebx, esi, edi, ebp: the cdecl "callee-saved" registers), the stack
; pointer as it will be after setjmp returns, and the return address; then
; it returns 0.  longjmp(env, val) reloads all of it and jumps to that
; return address with eax = val: for the caller, setjmp has returned a
; second time, now with val (1 if val was 0, so that it differs from the
; first return).
;
; jmp_buf: [0] ebx  [4] esi  [8] edi  [12] ebp  [16] esp  [20] eip
;
; sigsetjmp(env, savemask) is setjmp plus the signal mask: C code
; (lib/sigsetjmp.c) saves the mask into env, and then setjmp saves the
; registers into env's first field, exactly as if the caller had called
; setjmp; siglongjmp is C alone.

section .text
global setjmp
global longjmp
global sigsetjmp
extern __sigjmp_save_mask

setjmp:
    mov edx, [esp + 4]           ; env
    mov [edx + 0], ebx
    mov [edx + 4], esi
    mov [edx + 8], edi
    mov [edx + 12], ebp
    lea ecx, [esp + 4]           ; esp once setjmp has returned
    mov [edx + 16], ecx
    mov ecx, [esp]               ; where setjmp returns to
    mov [edx + 20], ecx
    xor eax, eax                 ; the first return: 0
    ret

; The C call leaves ebx, esi, edi, ebp and esp as they were (cdecl), and
; then the stack is the caller's again: [esp] the return address, [esp + 4]
; env.  So setjmp, jumped to rather than called, saves the caller's state.
sigsetjmp:
    push dword [esp + 8]         ; savemask
    push dword [esp + 8]         ; env (esp has moved by 4)
    call __sigjmp_save_mask
    add esp, 8
    jmp setjmp

longjmp:
    mov edx, [esp + 4]           ; env
    mov eax, [esp + 8]           ; val
    test eax, eax
    jnz .nonzero
    inc eax                      ; longjmp(env, 0) makes setjmp return 1
.nonzero:
    mov ebx, [edx + 0]
    mov esi, [edx + 4]
    mov edi, [edx + 8]
    mov ebp, [edx + 12]
    mov esp, [edx + 16]
    jmp [edx + 20]               ; "return" from setjmp again

section .note.GNU-stack noalloc noexec nowrite progbits
