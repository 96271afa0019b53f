/* execve of interpreter scripts: a file that begins with "#!" runs the
 * program its first line names, with the line's optional argument and the
 * script's name in front of the arguments (kernel/proc/exec_script.c).
 * The expected results are what Linux 6.1 does.  The interpreter is
 * mostly /usr/libexec/minnow/helper_argv, which prints its argv, /proc/self/exe and its
 * name. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <minnow/test.h>

#define SCRIPT_DIR "/tmp/shebang"
#define HELPER     "/usr/libexec/minnow/helper_argv"
#define LOOPS      100

static char *const no_env[] = { NULL };
static char *const args_ab[] = { "s", "a", "b", NULL };

/* A file with text in it and the given permissions. */
static void make_file(const char *path, const char *text, mode_t mode)
{
    write_file(path, text);
    chmod(path, mode);
}

static void make_script(const char *path, const char *text)
{
    make_file(path, text, 0755);
}

/* Runs execve(path, argv) in a child, its stdout into out.  Returns its
 * exit status; 100 + errno if execve failed. */
static int run_exec(const char *path, char *const argv[], char *out, size_t size)
{
    int p[2];

    out[0] = '\0';
    if (pipe(p) < 0)
        return -1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(p[1], 1);
        close(p[0]);
        close(p[1]);
        execve(path, argv, no_env);
        _exit(100 + errno);
    }
    close(p[1]);
    read_to_end(p[0], out, size);
    close(p[0]);
    int status = wait_status(pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Runs path with argv ["s", "a", "b"]; checks that the interpreter got
 * want as its argv (the first line helper_argv prints). */
static void expect_argv(const char *name, const char *path, const char *want)
{
    char out[1024];
    int r = run_exec(path, args_ab, out, sizeof(out));

    out[strcspn(out, "\n")] = '\0';
    check(r == 0 && strcmp(out, want) == 0, name, "exit %d, argv %s, want %s", r, out, want);
}

/* Checks that execve(path) fails with errno err. */
static void expect_errno(const char *name, const char *path, int err)
{
    char out[256];
    int r = run_exec(path, args_ab, out, sizeof(out));

    check(r == 100 + err, name, "exit %d (100 + errno), want %d; printed %s", r, 100 + err, out);
}

static void arguments(void)
{
    make_script(SCRIPT_DIR "/args", "#!" HELPER "\necho not for the kernel\n");
    expect_argv("shebang_argv", SCRIPT_DIR "/args", "[" HELPER "][" SCRIPT_DIR "/args][a][b]");
    /* the script's name as execve got it, not argv[0] */
    expect_argv("shebang_argv_relative", "./args", "[" HELPER "][./args][a][b]");

    /* an empty argv has no argv[0] to replace */
    char out[1024];
    char *empty[] = { NULL };
    const char *want = "[" HELPER "][./args]\n";
    int r = run_exec("./args", empty, out, sizeof(out));
    check(r == 0 && strncmp(out, want, strlen(want)) == 0, "shebang_empty_argv",
          "exit %d, printed %s", r, out);

    /* what the process runs as: the interpreter's file, the script's name */
    r = run_exec("./args", args_ab, out, sizeof(out));
    check(r == 0 && strstr(out, "\nexe " HELPER "\nname args\n") != NULL, "shebang_exe_and_name",
          "exit %d, printed %s", r, out);
}

static void optional_argument(void)
{
    make_script(SCRIPT_DIR "/opt", "#!" HELPER " -x\n");
    expect_argv("shebang_optional_arg", "./opt", "[" HELPER "][-x][./opt][a][b]");
    make_script(SCRIPT_DIR "/one", "#!" HELPER " -x -v  y\n");
    expect_argv("shebang_one_argument", "./one", "[" HELPER "][-x -v  y][./one][a][b]");
    make_script(SCRIPT_DIR "/blanks", "#! \t" HELPER " \t-x\t \t\n");
    expect_argv("shebang_blanks_trimmed", "./blanks", "[" HELPER "][-x][./blanks][a][b]");
    make_script(SCRIPT_DIR "/trailing", "#!" HELPER " \t \n");
    expect_argv("shebang_trailing_blanks", "./trailing", "[" HELPER "][./trailing][a][b]");
    make_script(SCRIPT_DIR "/no_newline", "#!" HELPER " -x");
    expect_argv("shebang_no_newline", "./no_newline", "[" HELPER "][-x][./no_newline][a][b]");
}

/* A line ending in CRLF: Linux keeps the '\r' as part of the line. */
static void crlf(void)
{
    make_script(SCRIPT_DIR "/crlf", "#!" HELPER "\r\n");
    expect_errno("shebang_crlf_enoent", "./crlf", ENOENT);
    make_script(SCRIPT_DIR "/crlf_arg", "#!" HELPER " -x\r\n");
    expect_argv("shebang_crlf_arg", "./crlf_arg", "[" HELPER "][-x\r][./crlf_arg][a][b]");
}

/* Only the first 256 bytes are read: a name cut there is ENOEXEC, an
 * argument is cut (as Linux 6.1). */
static void long_lines(void)
{
    char line[400], want[400], name[300], path[300];

    strcpy(line, "#!/");
    memset(line + 3, 'a', 300);
    strcpy(line + 303, "\n");
    make_script(SCRIPT_DIR "/long_name", line);
    expect_errno("shebang_long_line_enoexec", "./long_name", ENOEXEC);

    snprintf(line, sizeof(line), "#!%s ", HELPER);
    size_t used = strlen(line);
    memset(line + used, 'x', 300);
    strcpy(line + used + 300, "\n");
    make_script(SCRIPT_DIR "/long_arg", line);
    snprintf(want, sizeof(want), "[%s][%.*s][./long_arg][a][b]", HELPER, (int)(255 - used),
             line + used);
    expect_argv("shebang_long_argument_cut", "./long_arg", want);

    /* A name of 253 bytes ends at byte 255 with its newline: it fits.  One
     * of 254 would go on past the 256 bytes. */
    for (int len = 253; len <= 254; len++) {
        size_t dir_len = strlen(SCRIPT_DIR "/");
        memset(name, 'n', len - dir_len);
        name[len - dir_len] = '\0';
        snprintf(path, sizeof(path), "%s/%s", SCRIPT_DIR, name);
        make_script(path, "#!" HELPER "\n");
        snprintf(line, sizeof(line), "#!%s\n", path);
        make_script(SCRIPT_DIR "/fits", line);
        if (len == 253) {
            snprintf(want, sizeof(want), "[%s][%s][./fits][a][b]", HELPER, path);
            expect_argv("shebang_name_fits", "./fits", want);
        } else {
            expect_errno("shebang_name_cut_enoexec", "./fits", ENOEXEC);
        }
        unlink(path);
    }
}

/* l0 is run by helper_argv, l1 by l0, ... : five scripts in a chain run,
 * the sixth is ELOOP (Linux 6.1's limit). */
static void chains(void)
{
    char path[64], line[64];

    for (int i = 0; i <= 5; i++) {
        snprintf(path, sizeof(path), SCRIPT_DIR "/l%d", i);
        if (i == 0)
            snprintf(line, sizeof(line), "#!%s L0\n", HELPER);
        else
            snprintf(line, sizeof(line), "#!%s/l%d L%d\n", SCRIPT_DIR, i - 1, i);
        make_script(path, line);
    }
    expect_argv("shebang_nested", "./l1",
                "[" HELPER "][L0][" SCRIPT_DIR "/l0][L1][./l1][a][b]");
    expect_argv("shebang_five_deep", "./l4",
                "[" HELPER "][L0][" SCRIPT_DIR "/l0][L1][" SCRIPT_DIR "/l1][L2]["
                SCRIPT_DIR "/l2][L3][" SCRIPT_DIR "/l3][L4][./l4][a][b]");
    expect_errno("shebang_six_deep_eloop", "./l5", ELOOP);
    make_script(SCRIPT_DIR "/self", "#!" SCRIPT_DIR "/self\n");
    expect_errno("shebang_self_eloop", "./self", ELOOP);
}

static void errors(void)
{
    make_script(SCRIPT_DIR "/missing", "#!/no/such/interpreter -x\n");
    expect_errno("shebang_missing_interp_enoent", "./missing", ENOENT);

    make_file(SCRIPT_DIR "/not_exec", "#!" HELPER "\n", 0644);
    expect_errno("shebang_script_not_executable", "./not_exec", EACCES);
    make_file(SCRIPT_DIR "/plain", "just text\n", 0644);
    make_script(SCRIPT_DIR "/by_plain", "#!" SCRIPT_DIR "/plain\n");
    expect_errno("shebang_interp_not_executable", "./by_plain", EACCES);
    make_script(SCRIPT_DIR "/by_dir", "#!/tmp\n");
    expect_errno("shebang_interp_directory", "./by_dir", EACCES);

    make_script(SCRIPT_DIR "/text", "just text, no #! line\n");
    expect_errno("shebang_plain_text_enoexec", "./text", ENOEXEC);
    make_script(SCRIPT_DIR "/by_text", "#!" SCRIPT_DIR "/text\n");
    expect_errno("shebang_interp_text_enoexec", "./by_text", ENOEXEC);
    make_script(SCRIPT_DIR "/no_name", "#!\n");
    expect_errno("shebang_no_name_enoexec", "./no_name", ENOEXEC);
    make_script(SCRIPT_DIR "/blank_name", "#! \t \n");
    expect_errno("shebang_blank_name_enoexec", "./blank_name", ENOEXEC);
    /* Linux takes the zeroes after the end of this file for an empty name
     * (6.18 answers EACCES); in Minnow the line ends with the file */
    make_script(SCRIPT_DIR "/two_bytes", "#!");
    expect_errno("shebang_just_magic_enoexec", "./two_bytes", ENOEXEC);

    char **volatile bad_vector = (char **)16;     /* hidden from the compiler */
    errno = 0;
    check(execve("./args", bad_vector, no_env) == -1 && errno == EFAULT, "shebang_efault_argv",
          "errno %d", errno);
}

/* A #!/bin/sh script run by the shell: the kernel starts /bin/sh with the
 * script's name (sh's own fallback for files that are not programs would
 * start it as "sh", not "/bin/sh"). */
static void from_the_shell(void)
{
    char out[512];
    int fd;
    static const char want[] = SCRIPT_DIR "/hello.sh world\n"
                               "/bin/sh\0" SCRIPT_DIR "/hello.sh\0world\0";

    make_script(SCRIPT_DIR "/hello.sh", "#!/bin/sh\necho $0 $1\ncat /proc/$$/cmdline\n");
    char *argv[] = { "sh", "-c", SCRIPT_DIR "/hello.sh world", NULL };
    pid_t pid = start_captured(argv, NULL, &fd, NULL, RUN_TIMEOUT);
    size_t len = pid > 0 ? read_to_end(fd, out, sizeof(out)) : 0;
    if (pid > 0) {
        close(fd);
        wait_status(pid);
    }
    check(len == sizeof(want) - 1 && memcmp(out, want, len) == 0, "shebang_from_sh",
          "printed %zu bytes: %s", len, out);
}

/* Scripts run and fail many times: every page comes back. */
static void many_execs(void)
{
    char out[256];
    int bad = 0;

    for (int i = 0; i < LOOPS; i++) {
        bad += run_exec("./l1", args_ab, out, sizeof(out)) != 0;
        bad += run_exec("./opt", args_ab, out, sizeof(out)) != 0;
        bad += run_exec("./l5", args_ab, out, sizeof(out)) != 100 + ELOOP;
        bad += run_exec("./missing", args_ab, out, sizeof(out)) != 100 + ENOENT;
        bad += run_exec("./long_name", args_ab, out, sizeof(out)) != 100 + ENOEXEC;
    }
    check(bad == 0, "shebang_many_execs", "%d of %d went wrong", bad, 5 * LOOPS);
}

/* The scripts take pages of the file system: the suite checks that none
 * are missing at its end. */
static void remove_scripts(void)
{
    DIR *d = opendir(SCRIPT_DIR);
    struct dirent *e;

    chdir("/");
    while (d && (e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            unlinkat(dirfd(d), e->d_name, 0);
    if (d)
        closedir(d);
    check(rmdir(SCRIPT_DIR) == 0, "shebang_cleanup", "rmdir %s: errno %d", SCRIPT_DIR, errno);
}

int main(void)
{
    mkdir(SCRIPT_DIR, 0755);
    if (chdir(SCRIPT_DIR) < 0) {
        check(0, "shebang_setup", "chdir %s: errno %d", SCRIPT_DIR, errno);
        return test_exit_code();
    }
    arguments();
    optional_argument();
    crlf();
    long_lines();
    chains();
    errors();
    from_the_shell();
    check_group(many_execs, "shebang_many");
    remove_scripts();
    return test_exit_code();
}
