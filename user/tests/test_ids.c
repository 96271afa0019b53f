/* The user and group ids: Minnow has one user, root.  Every get call, the
 * 16-bit and the 32-bit ones, says 0; a set call to 0 succeeds and to
 * anything else is EPERM; there are no supplementary groups. */
#include <errno.h>
#include <unistd.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>

int main(void)
{
    check(getuid() == 0 && geteuid() == 0 && getgid() == 0 && getegid() == 0, "ids_16bit_zero",
          "not root");
    check(syscall(__NR_getuid32) == 0 && syscall(__NR_geteuid32) == 0 &&
          syscall(__NR_getgid32) == 0 && syscall(__NR_getegid32) == 0, "ids_32bit_zero", "not root");

    unsigned r = 7, e = 7, s = 7;
    check(syscall(__NR_getresuid32, &r, &e, &s) == 0 && r == 0 && e == 0 && s == 0,
          "getresuid32", "%u %u %u", r, e, s);
    r = e = s = 7;
    check(syscall(__NR_getresgid32, &r, &e, &s) == 0 && r == 0 && e == 0 && s == 0,
          "getresgid32", "%u %u %u", r, e, s);
    check(syscall(__NR_getresuid32, &r, &e, (void *)0xC0000000) < 0 && errno == EFAULT,
          "getresuid32_efault", "errno %d", errno);

    unsigned groups[4];
    check(syscall(__NR_getgroups32, 4, groups) == 0 && syscall(__NR_getgroups32, 0, NULL) == 0,
          "getgroups32_none", "some groups");
    check(syscall(__NR_getgroups32, -1, groups) < 0 && errno == EINVAL, "getgroups32_negative_einval",
          "errno %d", errno);

    check(setuid(0) == 0 && setgid(0) == 0 && syscall(__NR_setuid32, 0) == 0 &&
          syscall(__NR_setgid32, 0) == 0, "setuid_root_to_root", "errno %d", errno);
    check(setuid(1000) < 0 && errno == EPERM && syscall(__NR_setuid32, 1000) < 0 && errno == EPERM,
          "setuid_other_eperm", "errno %d", errno);
    check(setgid(100) < 0 && errno == EPERM && syscall(__NR_setgid32, 100) < 0 && errno == EPERM,
          "setgid_other_eperm", "errno %d", errno);
    check(getuid() == 0 && syscall(__NR_getgid32) == 0, "ids_unchanged", "changed");
    return test_exit_code();
}
