/* kill: send a signal to processes.
 *
 *   kill PID...                 send SIGTERM ("please end")
 *   kill -9 PID...              send signal 9, SIGKILL (cannot be caught)
 *   kill -KILL PID...  kill -SIGKILL PID...  kill -s KILL PID...
 *   kill -l                     list the signals, as bash's kill -l does
 *   kill -l 2  /  kill -l INT   the name of signal 2 / the number of INT
 *
 * A negative PID means a whole process group: kill -TERM -- -42 sends
 * SIGTERM to every process of group 42.  Signal 0 sends nothing but still
 * says whether the process exists.
 *
 * Signal numbers and names are Linux's (<signal.h>); sig2str() and
 * str2sig() in the C library translate between them. */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
    fprintf(stderr, "usage: kill [-s SIGNAL | -SIGNAL] PID...\n"
                    "       kill -l [SIGNAL]\n");
    exit(1);
}

/* "2", "INT", "SIGINT", "int" -> 2.  Returns -1 for an unknown name. */
static int parse_signal(const char *spec)
{
    char upper[SIG2STR_MAX + 3];
    size_t i;
    int sig;

    for (i = 0; spec[i] && i < sizeof(upper) - 1; i++)
        upper[i] = toupper((unsigned char)spec[i]);
    upper[i] = '\0';
    if (strcmp(upper, "0") == 0)
        return 0;
    if (str2sig(upper, &sig) < 0)
        return -1;
    return sig;
}

/* The table, byte for byte what bash prints: five to a line, a tab after
 * each entry but the fifth, which ends the line instead.  32 and 33 are missing: on Linux the threads
 * library keeps them for itself, so they have no name. */
static void list_all(void)
{
    char name[SIG2STR_MAX];
    int printed = 0;

    for (int sig = 1; sig < NSIG; sig++) {
        if (sig2str(sig, name) < 0)
            continue;
        printf("%2d) SIG%s", sig, name);
        printf(++printed % 5 == 0 ? "\n" : "\t");
    }
    if (printed % 5 != 0)
        printf("\n");
}

/* kill -l ARG: a number gives its name, a name gives its number. */
static int list_one(const char *arg)
{
    char name[SIG2STR_MAX];
    int sig = parse_signal(arg);

    if (sig <= 0) {
        fprintf(stderr, "kill: %s: invalid signal specification\n", arg);
        return 1;
    }
    if (isdigit((unsigned char)arg[0])) {
        sig2str(sig, name);
        printf("%s\n", name);
    } else {
        printf("%d\n", sig);
    }
    return 0;
}

int main(int argc, char *argv[])
{
    int sig = SIGTERM;
    int i = 1;

    if (argc < 2)
        usage();
    if (strcmp(argv[1], "-l") == 0 || strcmp(argv[1], "-L") == 0) {
        int status = 0;
        if (argc == 2)
            list_all();
        for (i = 2; i < argc; i++)
            status |= list_one(argv[i]);
        return status;
    }

    /* The signal: "-s NAME", or "-NAME" / "-N" as the first argument. */
    const char *spec = NULL;
    if (strcmp(argv[1], "-s") == 0 || strcmp(argv[1], "-n") == 0) {
        if (argc < 3)
            usage();
        spec = argv[2];
        i = 3;
    } else if (strcmp(argv[1], "--") == 0) {
        i = 2;
    } else if (argv[1][0] == '-') {
        spec = argv[1] + 1;
        i = 2;
    }
    if (spec && (sig = parse_signal(spec)) < 0) {
        fprintf(stderr, "kill: %s: invalid signal specification\n", spec);
        return 1;
    }
    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    if (i == argc)
        usage();

    int status = 0;
    for (; i < argc; i++) {
        char *end;
        long pid = strtol(argv[i], &end, 10);
        if (argv[i][0] == '\0' || *end != '\0') {
            fprintf(stderr, "kill: %s: arguments must be process or job IDs\n", argv[i]);
            status = 1;
            continue;
        }
        if (kill((pid_t)pid, sig) < 0) {
            fprintf(stderr, "kill: (%ld) - %s\n", pid, strerror(errno));
            status = 1;
        }
    }
    return status;
}
