; _start: where every user program begins.  exec leaves the System V i386
; initial stack:  [esp] = argc, then argv[0..argc-1], NULL, envp[...], NULL.
; We pass (argc, argv, envp) to __libc_start_main (lib/start.c), which calls
; main and then exit with what main returned.

section .text
global _start
extern __libc_start_main
_start:
    xor ebp, ebp                 ; the outermost frame, for backtraces
    mov eax, [esp]               ; argc
    lea ebx, [esp + 4]           ; argv
    lea ecx, [ebx + eax*4 + 4]   ; envp: just past argv's NULL
    and esp, -16                 ; the ABI wants a 16-byte aligned stack
    sub esp, 4
    push ecx
    push ebx
    push eax
    call __libc_start_main
    hlt                          ; never reached: exit does not return

section .note.GNU-stack noalloc noexec nowrite progbits
