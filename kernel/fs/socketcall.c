/* socketcall(call, args): the socket calls as i386 programs made them
 * before Linux 4.3 gave each its own number (359 and up): one system call
 * (102), the sub-call's number, and a pointer to its arguments, an array
 * of longs.  Programs built against older kernel headers still use it.
 *
 * Each sub-call goes to its direct call through the one dispatch table
 * (call_syscall), so a socket call Minnow adds to syscall.list works here
 * at once; one it does not have is ENOSYS, as the direct call would be. */
#include <minnow/errno.h>
#include "syscall.h"
#include "mm/uaccess.h"

/* Linux's sub-call numbers (<linux/net.h>) */
enum {
    SYS_SOCKET = 1, SYS_BIND, SYS_CONNECT, SYS_LISTEN, SYS_ACCEPT, SYS_GETSOCKNAME,
    SYS_GETPEERNAME, SYS_SOCKETPAIR, SYS_SEND, SYS_RECV, SYS_SENDTO, SYS_RECVFROM,
    SYS_SHUTDOWN, SYS_SETSOCKOPT, SYS_GETSOCKOPT, SYS_SENDMSG, SYS_RECVMSG, SYS_ACCEPT4,
    SYS_RECVMMSG, SYS_SENDMMSG,
};

/* For each sub-call: the direct call's number (Linux i386's) and how many
 * arguments it takes from the array.  accept, send and recv have no
 * direct call of their own: they are accept4, sendto and recvfrom with
 * the arguments they lack as 0. */
static const struct { int nr; int nargs; } subcalls[] = {
    [SYS_SOCKET]      = { 359, 3 },          /* socket */
    [SYS_BIND]        = { 361, 3 },          /* bind */
    [SYS_CONNECT]     = { 362, 3 },          /* connect */
    [SYS_LISTEN]      = { 363, 2 },          /* listen */
    [SYS_ACCEPT]      = { 364, 3 },          /* accept4(fd, addr, len, 0) */
    [SYS_GETSOCKNAME] = { 367, 3 },          /* getsockname */
    [SYS_GETPEERNAME] = { 368, 3 },          /* getpeername */
    [SYS_SOCKETPAIR]  = { 360, 4 },          /* socketpair */
    [SYS_SEND]        = { 369, 4 },          /* sendto(fd, buf, len, flags, NULL, 0) */
    [SYS_RECV]        = { 371, 4 },          /* recvfrom(fd, buf, len, flags, NULL, NULL) */
    [SYS_SENDTO]      = { 369, 6 },          /* sendto */
    [SYS_RECVFROM]    = { 371, 6 },          /* recvfrom */
    [SYS_SHUTDOWN]    = { 373, 2 },          /* shutdown */
    [SYS_SETSOCKOPT]  = { 366, 5 },          /* setsockopt */
    [SYS_GETSOCKOPT]  = { 365, 5 },          /* getsockopt */
    [SYS_SENDMSG]     = { 370, 3 },          /* sendmsg */
    [SYS_RECVMSG]     = { 372, 3 },          /* recvmsg */
    [SYS_ACCEPT4]     = { 364, 4 },          /* accept4 */
    [SYS_RECVMMSG]    = { 337, 5 },          /* recvmmsg */
    [SYS_SENDMMSG]    = { 345, 4 },          /* sendmmsg */
};

long sys_socketcall(int call, unsigned long *uargs)
{
    long a[6] = { 0, 0, 0, 0, 0, 0 };

    if (call < SYS_SOCKET || call > SYS_SENDMMSG)
        return -EINVAL;
    if (copy_from_user(a, uargs, subcalls[call].nargs * sizeof(long)) < 0)
        return -EFAULT;
    return call_syscall(subcalls[call].nr, a);
}
