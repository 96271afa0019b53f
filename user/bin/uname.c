/* uname: print the name of the system.
 *
 *   uname [-a] [-s] [-n] [-r] [-v] [-m]
 *     -s system name (the default)   -n node (host) name   -r release
 *     -v version                     -m machine (hardware) -a all of them
 *
 * The kernel fills a struct utsname (<sys/utsname.h>) with the answers. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/utsname.h>

int main(int argc, char *argv[])
{
    int sys = 0, node = 0, rel = 0, ver = 0, mach = 0;
    struct utsname u;
    int c;

    while ((c = getopt(argc, argv, "asnrvm")) != -1) {
        switch (c) {
        case 'a': sys = node = rel = ver = mach = 1; break;
        case 's': sys = 1; break;
        case 'n': node = 1; break;
        case 'r': rel = 1; break;
        case 'v': ver = 1; break;
        case 'm': mach = 1; break;
        default:
            fprintf(stderr, "usage: uname [-asnrvm]\n");
            return 1;
        }
    }
    if (!sys && !node && !rel && !ver && !mach)
        sys = 1;
    if (uname(&u) < 0) {
        fprintf(stderr, "uname: %s\n", strerror(errno));
        return 1;
    }

    const char *parts[5];
    int n = 0;
    if (sys)  parts[n++] = u.sysname;
    if (node) parts[n++] = u.nodename;
    if (rel)  parts[n++] = u.release;
    if (ver)  parts[n++] = u.version;
    if (mach) parts[n++] = u.machine;
    for (int i = 0; i < n; i++)
        printf("%s%s", i ? " " : "", parts[i]);
    printf("\n");
    return 0;
}
