/* The auxiliary vector: what the kernel tells a program at exec, after
 * its environment on the stack (docs/linux-abi.md). */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#define AT_NULL     0
#define AT_PHDR     3            /* the program headers, in memory */
#define AT_PHENT    4            /* the size of one */
#define AT_PHNUM    5            /* how many */
#define AT_PAGESZ   6
#define AT_BASE     7            /* the interpreter's address (0: none) */
#define AT_FLAGS    8
#define AT_ENTRY    9            /* the program's entry point */
#define AT_UID      11
#define AT_EUID     12
#define AT_GID      13
#define AT_EGID     14
#define AT_PLATFORM 15           /* "i686" */
#define AT_HWCAP    16           /* CPUID 1's feature bits (edx) */
#define AT_CLKTCK   17           /* times()'s ticks per second */
#define AT_SECURE   23
#define AT_RANDOM   25           /* 16 random bytes */
#define AT_EXECFN   31           /* the path given to execve */

unsigned long getauxval(unsigned long type);

#endif
