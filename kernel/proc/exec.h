#ifndef PROC_EXEC_H
#define PROC_EXEC_H

/* Replaces the current program; argv/envp are user pointers, or kernel
 * ones when from_kernel (init's first exec). 0 or -errno. */
long do_execve(const char *path, char *const argv[], char *const envp[], int from_kernel);

#endif
