/* prctl's name options, which programs built for Linux use at start-up,
 * and the thread calls Minnow refuses quietly (set_robust_list, rseq). */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>
#include "syscall_raw.h"

#define PR_SET_NAME 15
#define PR_GET_NAME 16

int main(void)
{
    char name[16] = "";
    long r = __syscall2(__NR_prctl, PR_SET_NAME, (long)"renamed");
    __syscall2(__NR_prctl, PR_GET_NAME, (long)name);
    check(r == 0 && strcmp(name, "renamed") == 0, "prctl_set_get_name", "r %ld name '%s'", r, name);
    __syscall2(__NR_prctl, PR_SET_NAME, (long)"a-name-longer-than-fifteen");
    __syscall2(__NR_prctl, PR_GET_NAME, (long)name);
    check(strcmp(name, "a-name-longer-t") == 0, "prctl_long_name_cut_to_15", "'%s'", name);
    check(__syscall2(__NR_prctl, PR_SET_NAME, 16) == -EFAULT &&
          __syscall2(__NR_prctl, PR_GET_NAME, 0xc0000000) == -EFAULT, "prctl_bad_pointer_efault",
          "no EFAULT");
    check(__syscall2(__NR_prctl, 9999, 0) == -EINVAL, "prctl_unknown_option_einval", "no EINVAL");
    check(__syscall2(__NR_set_robust_list, 0, 12) == -ENOSYS &&
          __syscall4(__NR_rseq, 0, 32, 0, 0) == -ENOSYS, "thread_calls_enosys", "not ENOSYS");
    return test_exit_code();
}
