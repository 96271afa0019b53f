/* A system call Minnow does not have returns ENOSYS, as on Linux; the
 * console says which one, once per number (tools/hosttests/
 * unknown_syscall_console.sh reads the console and checks that part). */
#include <errno.h>
#include <minnow/test.h>
#include "syscall_raw.h"

int main(void)
{
    long a = __syscall0(999), b = __syscall0(999), c = __syscall0(998);
    long big = __syscall0(0x7fffffff);

    check(a == -ENOSYS && b == -ENOSYS && c == -ENOSYS, "unknown_syscall_enosys",
          "999 gave %ld then %ld, 998 gave %ld", a, b, c);
    check(big == -ENOSYS, "unknown_syscall_huge_number_enosys", "gave %ld", big);
    return test_exit_code();
}
