#ifndef PROC_EXIT_H
#define PROC_EXIT_H

/* Ends the current process with a wait() status (see minnow/wait.h). */
void do_exit(int status) __attribute__((noreturn));

#endif
