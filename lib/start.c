/* Where a C program starts and ends.
 *
 * lib/crt0.asm (_start) finds argc, argv and envp on the stack exec built
 * and calls __libc_start_main, which records the environment and calls
 * main.  Returning from main is the same as calling exit with its value. */
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv, char **envp);

_Noreturn void __libc_start_main(int argc, char **argv, char **envp);

_Noreturn void __libc_start_main(int argc, char **argv, char **envp)
{
    environ = envp;
    exit(main(argc, argv, envp));
}
