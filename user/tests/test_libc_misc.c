/* The small things: byte order, internet addresses, getopt, rand, getcwd,
 * isatty, errno from a failing system call, uname. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <minnow/test.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

static void byte_order(void)
{
    check(htons(0x1234) == 0x3412 && ntohs(0x3412) == 0x1234, "htons", "0x%x", htons(0x1234));
    check(htonl(0x12345678) == 0x78563412 && ntohl(0x78563412) == 0x12345678, "htonl",
          "0x%x", (unsigned)htonl(0x12345678));
    check(inet_addr("127.0.0.1") == htonl(INADDR_LOOPBACK), "inet_addr", "0x%x",
          (unsigned)inet_addr("127.0.0.1"));
    check(inet_addr("1.2.3") == (in_addr_t)-1 && inet_addr("1.2.3.256") == (in_addr_t)-1,
          "inet_addr_invalid", "accepted a bad address");
    check(inet_addr("010.0.0.1") == (in_addr_t)-1 && inet_addr("0x7f.0.0.1") == (in_addr_t)-1,
          "inet_addr_no_octal_or_hex", "read an address glibc reads as octal or hex");
    struct in_addr a = { htonl(0xC0A80001) };
    check(!strcmp(inet_ntoa(a), "192.168.0.1"), "inet_ntoa", "got %s", inet_ntoa(a));
}

static void options(void)
{
    char *argv[] = { "prog", "-a", "-b", "value", "-cxyz", "-ad", "file", "-z", NULL };
    int argc = 8, c;
    char seen[32] = "";
    char *b = NULL, *cval = NULL;

    opterr = 0;
    optind = 1;
    while ((c = getopt(argc, argv, "ab:c:d")) != -1) {
        size_t n = strlen(seen);
        seen[n] = (char)c;
        seen[n + 1] = '\0';
        if (c == 'b')
            b = optarg;
        if (c == 'c')
            cval = optarg;
    }
    check(!strcmp(seen, "abcad") && b && !strcmp(b, "value") && cval && !strcmp(cval, "xyz") &&
          optind == 6 && !strcmp(argv[optind], "file"), "getopt",
          "seen \"%s\", optind %d", seen, optind);

    char *argv2[] = { "prog", "-q", "--", "-a", NULL };
    optind = 1;
    c = getopt(3, argv2, "a");
    int c2 = getopt(3, argv2, "a");
    check(c == '?' && optopt == 'q' && c2 == -1 && optind == 3, "getopt_unknown_and_dashdash",
          "c=%c c2=%d optind=%d", c, c2, optind);
}

static void random_numbers(void)
{
    int first[5], again[5], ok = 1;

    srand(123);
    for (int i = 0; i < 5; i++)
        first[i] = rand();
    srand(123);
    for (int i = 0; i < 5; i++) {
        again[i] = rand();
        if (again[i] != first[i] || again[i] < 0 || again[i] > RAND_MAX)
            ok = 0;
    }
    check(ok && first[0] != first[1], "rand_repeatable", "%d %d", first[0], first[1]);
    int low = 0, high = 0;
    for (int i = 0; i < 1000; i++)
        if (rand() < RAND_MAX / 2)
            low++;
        else
            high++;
    check(low > 350 && high > 350, "rand_spread", "%d low, %d high", low, high);
}

static void system_calls(void)
{
    char cwd[256], *r;

    chdir("/tmp");
    r = getcwd(cwd, sizeof(cwd));
    check(r == cwd && !strcmp(cwd, "/tmp"), "getcwd", "got %s", r ? cwd : "NULL");
    errno = 0;
    r = getcwd(cwd, 2);
    check(r == NULL && errno == ERANGE, "getcwd_small", "errno %d", errno);
    char *m = getcwd(NULL, 0);
    check(m && !strcmp(m, "/tmp"), "getcwd_malloc", "got %s", m ? m : "NULL");
    free(m);

    errno = 0;
    int fd = open("/no/such/file", O_RDONLY);
    check(fd == -1 && errno == ENOENT, "errno_enoent", "fd %d errno %d", fd, errno);
    errno = 0;
    check(close(1000) == -1 && errno == EBADF, "errno_ebadf", "errno %d", errno);

    int p[2];
    pipe(p);
    errno = 0;
    check(!isatty(p[0]) && errno == ENOTTY, "isatty_pipe", "errno %d", errno);
    close(p[0]);
    close(p[1]);

    struct utsname u;
    check(uname(&u) == 0 && u.sysname[0] != '\0', "uname", "sysname \"%s\"", u.sysname);
    check(free_pages() > 0, "free_pages", "%ld", free_pages());
}

int main(void)
{
    byte_order();
    options();
    random_numbers();
    system_calls();
    return test_exit_code();
}
