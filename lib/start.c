/* Where a C program starts and ends.
 *
 * lib/crt0.asm (_start) finds argc, argv and envp on the stack exec built
 * and calls __libc_start_main, which records the environment and the
 * auxiliary vector (after envp's NULL), and calls main.  Returning from
 * main is the same as calling exit with its value. */
#include <stdlib.h>
#include <unistd.h>
#include <sys/auxv.h>

static unsigned long *auxv;     /* (key, value) pairs, ending in AT_NULL */

/* A value the kernel passed in the auxiliary vector, or 0 (as glibc). */
unsigned long getauxval(unsigned long type)
{
    for (unsigned long *a = auxv; a && a[0] != AT_NULL; a += 2)
        if (a[0] == type)
            return a[1];
    return 0;
}

int main(int argc, char **argv, char **envp);

_Noreturn void __libc_start_main(int argc, char **argv, char **envp);

_Noreturn void __libc_start_main(int argc, char **argv, char **envp)
{
    environ = envp;
    char **e = envp;
    while (*e)
        e++;
    auxv = (unsigned long *)(e + 1);
    exit(main(argc, argv, envp));
}
