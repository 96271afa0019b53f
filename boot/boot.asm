; The first instructions of Minnow.
;
; A multiboot loader (QEMU's -kernel, or GRUB) loads the kernel at physical
; 1 MiB and jumps to _start with paging off.  The kernel itself is linked to
; run at 0xC0000000 + 1 MiB (the "higher half"), so before any C code runs we
; turn paging on with a page directory that maps physical 0..64 MiB twice:
; at 0 (so the instruction after "mov cr0" still exists) and at 0xC0000000
; (where the kernel really lives).  paging_init() later throws the low
; mapping away.

MB_MAGIC      equ 0x1BADB002
MB_ALIGN      equ 1 << 0              ; load modules (the initrd) page aligned
MB_MEMINFO    equ 1 << 1              ; give us the memory map
MB_FLAGS      equ MB_ALIGN | MB_MEMINFO

KERNEL_BASE   equ 0xC0000000
PDE_PRESENT   equ 1 << 0
PDE_WRITE     equ 1 << 1
PDE_4MB       equ 1 << 7              ; one PDE maps 4 MiB; needs CR4.PSE
BOOT_MAPPED   equ 16                  ; 16 x 4 MiB = 64 MiB mapped at boot
KSTACK_SIZE   equ 8192

section .multiboot
align 4
    dd MB_MAGIC
    dd MB_FLAGS
    dd -(MB_MAGIC + MB_FLAGS)

section .boot.text progbits alloc exec
bits 32
global _start
_start:
    ; eax = multiboot magic, ebx = physical address of the multiboot info.
    ; Keep both in esi/edi; the loop below needs eax..edx.
    mov esi, eax
    mov edi, ebx

    mov edx, boot_pgdir - KERNEL_BASE
    xor ecx, ecx
.map:
    mov eax, ecx
    shl eax, 22
    or eax, PDE_PRESENT | PDE_WRITE | PDE_4MB
    mov [edx + ecx*4], eax                     ; identity: 0 + n*4 MiB
    mov [edx + ecx*4 + (KERNEL_BASE >> 22)*4], eax  ; 0xC0000000 + n*4 MiB
    inc ecx
    cmp ecx, BOOT_MAPPED
    jne .map

    mov eax, cr4
    or eax, 1 << 4                             ; PSE: allow 4 MiB pages
    mov cr4, eax
    mov cr3, edx
    mov eax, cr0
    or eax, (1 << 31) | (1 << 16)              ; PG, and WP so the kernel
    mov cr0, eax                               ; honours read-only pages too

    lea eax, [higher_half]
    jmp eax                                    ; from now on we run at 0xC...

section .text
higher_half:
    mov esp, boot_stack_top
    xor ebp, ebp                               ; ends the backtrace
    push edi                                   ; multiboot info (physical)
    push esi                                   ; multiboot magic
    extern kmain
    call kmain
.hang:
    cli
    hlt
    jmp .hang

section .bss
align 4096
global boot_pgdir
boot_pgdir:
    resb 4096
global boot_stack
boot_stack:                                    ; the idle task's kernel stack
    resb KSTACK_SIZE
boot_stack_top:

section .note.GNU-stack noalloc noexec nowrite progbits
