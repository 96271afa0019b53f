/* LAB(syscall) FILE */
/* trace MASK COMMAND [ARG...]: runs COMMAND with the system calls whose
 * bits are set in MASK reported on the console (docs/labs/syscall.md).
 *
 *     trace 16 echo hi          bit 4: every write() of echo
 *
 * There is no fork here: trace sets the mask for itself and then becomes
 * the command with exec, which keeps the mask.  So the command runs with
 * trace's pid, and its exit status is trace's. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
    char *end;

    if (argc < 3) {
        fprintf(stderr, "usage: trace MASK COMMAND [ARG...]\n");
        return 2;
    }
    errno = 0;
    unsigned long mask = strtoul(argv[1], &end, 0);     /* 16, 0x10 or 020 */
    if (errno || end == argv[1] || *end) {
        fprintf(stderr, "trace: %s: not a number\n", argv[1]);
        return 2;
    }
    if (trace(mask) < 0) {
        fprintf(stderr, "trace: %s\n", strerror(errno));
        return 1;
    }
    execvp(argv[2], &argv[2]);
    fprintf(stderr, "trace: %s: %s\n", argv[2], strerror(errno));
    return errno == ENOENT ? 127 : 126;     /* as a shell says it */
}
