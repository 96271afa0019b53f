; Every entry into the kernel and every way out of it.
;
; A trap (exception, hardware interrupt, or int $0x80) enters through a
; small stub that pushes the vector number, then trap_common saves the rest
; of the registers as a struct pt_regs (kernel/arch/regs.h) and calls
; trap(regs) in kernel/arch/trap.c.  When trap() returns, trap_return pops
; the (possibly changed) registers and irets back.  So there is exactly ONE
; way back to user mode: trap() ends by calling ret_to_user(), which is where
; the scheduler and signal delivery run.

USER_DS equ 0x23

section .text

%macro TRAP_NOERR 1             ; the CPU pushed no error code: push a 0
trap_%1:
    push dword 0
    push dword %1
    jmp trap_common
%endmacro

%macro TRAP_ERR 1               ; the CPU already pushed an error code
trap_%1:
    push dword %1
    jmp trap_common
%endmacro

%assign i 0
%rep 48                          ; 0..31 exceptions, 32..47 the PIC's IRQs
%if i == 8 || (i >= 10 && i <= 14) || i == 17 || i == 21 || i == 29 || i == 30
    TRAP_ERR i
%else
    TRAP_NOERR i
%endif
%assign i i+1
%endrep
TRAP_NOERR 128                   ; int $0x80: system calls

; The stubs' addresses, for idt_init(): entries 0..47, then 128.
section .rodata
global trap_stubs
trap_stubs:
%assign i 0
%rep 48
    dd trap_ %+ i
%assign i i+1
%endrep
    dd trap_128

section .text
extern trap

; Pops a saved segment register, loading it only when it changed (a signal
; handler, exec, or another task's value left by a context switch).  A
; selector that is the same names the same descriptor: only the TLS entries
; of the GDT change (tls.c), and whoever changes them loads null selectors
; into fs and gs, so that these differ.  Clobbers eax and edx (popa restores
; them).
%macro RESTORE_SEG 1
    pop eax
    mov dx, %1
    cmp ax, dx
    je %%same
    mov %1, ax
%%same:
%endmacro
; The kernel's C code needs flat data segments in ds and es (gcc uses both,
; es for rep movs).  USER_DS is one: base 0, limit 4 GiB, and a ring-3 data
; segment may be used in ring 0.  A program's ds and es already hold it,
; unless it loaded something else, so they are loaded only then: under
; QEMU's emulation each segment load costs about 150 cycles, a tenth of a
; whole system call.  fs and gs are the program's (thread-local storage);
; the kernel never uses them, so it leaves them alone.
trap_common:
    pusha
    push ds
    push es
    push fs
    push gs
    mov ax, ds
    cmp ax, USER_DS
    jne .load
    mov ax, es
    cmp ax, USER_DS
    je .loaded
.load:
    mov ax, USER_DS
    mov ds, ax
    mov es, ax
.loaded:
    cld                          ; C code assumes DF = 0; a program's "std"
                                 ; would run the kernel's rep movs backwards
    push esp                     ; the argument: struct pt_regs *
    call trap
    add esp, 4
global trap_return
trap_return:
    RESTORE_SEG gs
    RESTORE_SEG fs
    RESTORE_SEG es
    RESTORE_SEG ds
    popa
    add esp, 8                   ; the vector number and error code
    iret

; A new child starts here the first time schedule() switches to it:
; do_fork() left a copy of the parent's pt_regs on top of its kernel stack,
; and this sends it back to user mode through the same exit as everyone
; else, with eax = 0 ("fork returns 0 in the child").
extern ret_to_user
global ret_from_fork
ret_from_fork:
    push esp
    call ret_to_user
    add esp, 4
    jmp trap_return

; void enter_user_mode(struct pt_regs *regs)
; The first entry of init into user mode: exec has filled *regs (at the top
; of the kernel stack); drop the kernel's C frames and leave as a fork would.
global enter_user_mode
enter_user_mode:
    mov esp, [esp + 4]
    jmp ret_from_fork

; void switch_context(uint32_t *prev_esp, uint32_t next_esp)
; The context switch: save the callee-saved registers of the task that is
; leaving on its own kernel stack, remember its esp, and take the next
; task's esp.  The "ret" then returns into wherever the next task last
; called switch_context (or into ret_from_fork for a new child).
global switch_context
switch_context:
    mov eax, [esp + 4]
    mov edx, [esp + 8]
    push ebp
    push ebx
    push esi
    push edi
    mov [eax], esp
    mov esp, edx
    pop edi
    pop esi
    pop ebx
    pop ebp
    ret

section .note.GNU-stack noalloc noexec nowrite progbits
