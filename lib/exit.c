/* Ending a program.
 *
 *   exit(status)   the C way: run the atexit functions (last registered
 *                  first), write out every stream's buffer, then _exit
 *   _exit(status)  the system call: the process ends now; output still in
 *                  a stdio buffer is lost
 *   abort()        end by SIGABRT (a "core dump" in the shell's words) */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <minnow/syscall_nr.h>
#include "syscall_raw.h"

#define ATEXIT_MAX 32

static void (*atexit_funcs[ATEXIT_MAX])(void);
static int atexit_count;

int atexit(void (*func)(void))
{
    if (atexit_count == ATEXIT_MAX)
        return -1;
    atexit_funcs[atexit_count++] = func;
    return 0;
}

_Noreturn void exit(int status)
{
    /* One at a time, taken off the table first: a function that calls
     * exit again does not run twice. */
    while (atexit_count > 0)
        atexit_funcs[--atexit_count]();
    fflush(NULL);
    _exit(status);
}

_Noreturn void _exit(int status)
{
    __syscall1(__NR_exit, status);
    for (;;)                      /* the kernel does not come back here */
        ;
}

_Noreturn void _Exit(int status)
{
    _exit(status);
}

/* SIGABRT ends the process even if the program blocked or caught it:
 * unblock it, raise it; if a handler returned, put back the default
 * action and raise it again. */
_Noreturn void abort(void)
{
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, SIGABRT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(SIGABRT);
    signal(SIGABRT, SIG_DFL);
    raise(SIGABRT);
    _exit(127);
}
