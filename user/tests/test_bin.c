/* /bin holds what a user runs; the tests, their helpers, the benchmarks
 * and the labs' graders live in /usr/libexec/minnow/, outside PATH, so
 * that `ls /bin` shows the lecture's programs and the tools. */
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/test.h>

#define LIBEXEC "/usr/libexec/minnow"

static const char *const not_for_bin[] = { "test_", "bench_", "helper_", "lab_" };

static int is_internal(const char *name)
{
    for (size_t i = 0; i < sizeof(not_for_bin) / sizeof(not_for_bin[0]); i++)
        if (strncmp(name, not_for_bin[i], strlen(not_for_bin[i])) == 0)
            return 1;
    return 0;
}

/* Reads /bin as `ls /bin` does: the first name that should not be there
 * goes to `found` (empty if none); returns how many names it saw. */
static int scan_bin(char *found, size_t size)
{
    DIR *d = opendir("/bin");
    struct dirent *e;
    int seen = 0;

    found[0] = '\0';
    if (!d)
        return -1;
    while ((e = readdir(d))) {
        seen++;
        if (!found[0] && (is_internal(e->d_name) || strcmp(e->d_name, "runtests") == 0 ||
                          strcmp(e->d_name, "runbench") == 0))
            strlcpy(found, e->d_name, size);
    }
    closedir(d);
    return seen;
}

/* Runs `name` as the shell would, through PATH; the exit status, or
 * 126 if execvp failed (spawn says why on stderr, into err). */
static int run_by_name(const char *name, char *err, size_t size)
{
    char *argv[] = { (char *)name, NULL };
    char out[64];
    int status = run_captured(argv, NULL, out, sizeof(out), err, size);

    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main(void)
{
    char found[256];
    int seen = scan_bin(found, sizeof(found));

    check(seen > 0 && found[0] == '\0', "bin_only_programs_for_users",
          "%d names in /bin, among them \"%s\"", seen, found);
    check(access("/bin/sh", X_OK) == 0 && access("/bin/ls", X_OK) == 0 &&
          access("/bin/pipe_single", X_OK) == 0, "bin_has_tools_and_lecture",
          "sh, ls or pipe_single is missing from /bin");
    check(access(LIBEXEC "/runtests", X_OK) == 0, "libexec_has_runtests", "%s",
          strerror(errno));
    check(access(LIBEXEC "/test_bin", X_OK) == 0 && access(LIBEXEC "/helper_args", X_OK) == 0,
          "libexec_has_tests_and_helpers", "%s", strerror(errno));

    /* (a helper, not this test: found, it would not run itself again) */
    char err[256];
    int status = run_by_name("helper_args", err, sizeof(err));
    check(status == 126 && strstr(err, "No such file"), "tests_not_in_path",
          "execvp(\"helper_args\") gave status %d: \"%s\"", status, err);
    return test_exit_code();
}
