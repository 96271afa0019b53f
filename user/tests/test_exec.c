/* execve: arguments and environment arrive; a failing exec returns an
 * error and leaves the caller running unchanged. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/test.h>

#define HELPER "/usr/libexec/minnow/helper_args"   /* checks what it was given */

static int run_helper(char *const argv[], char *const envp[])
{
    pid_t pid = fork();

    if (pid == 0) {
        execve(HELPER, argv, envp);
        _exit(100 + errno);
    }
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main(void)
{
    char *argv[] = { "helper_args", "one", "two words", NULL };
    char *envp[] = { "COLOR=green", NULL };
    int r = run_helper(argv, envp);
    check(r == 0, "exec_argv_envp", "helper_args said %d", r);

    int canary = 12345;
    check(execve("/no/such/program", argv, envp) == -1 && errno == ENOENT, "exec_enoent",
          "errno %d", errno);
    check(canary == 12345, "exec_failure_keeps_caller", "the caller's memory changed");

    /* executable bit set, but neither an ELF file nor a #! script */
    int fd = open("/tmp/not_elf", O_CREAT | O_WRONLY | O_TRUNC, 0755);
    write(fd, "echo hi\n", 8);
    close(fd);
    check(execve("/tmp/not_elf", argv, envp) == -1 && errno == ENOEXEC, "exec_enoexec",
          "errno %d", errno);
    chmod("/tmp/not_elf", 0644);
    check(execve("/tmp/not_elf", argv, envp) == -1 && errno == EACCES, "exec_eacces",
          "errno %d", errno);
    unlink("/tmp/not_elf");
    check(execve("/tmp", argv, envp) == -1 && errno == EACCES, "exec_directory",
          "errno %d", errno);

    /* 200 KiB of arguments is more than ARG_MAX (128 KiB) */
    char *big = malloc(200 * 1024);
    memset(big, 'x', 200 * 1024 - 1);
    big[200 * 1024 - 1] = '\0';
    char *bigv[] = { "helper_args", big, NULL };
    check(execve(HELPER, bigv, envp) == -1 && errno == E2BIG, "exec_e2big",
          "errno %d", errno);
    free(big);

    char *badv[] = { "helper_args", (char *)0xC0001000, NULL };
    check(execve(HELPER, badv, envp) == -1 && errno == EFAULT, "exec_efault_arg",
          "errno %d", errno);
    char **volatile bad_vector = (char **)16;     /* hidden from the compiler */
    check(execve(HELPER, bad_vector, envp) == -1 && errno == EFAULT,
          "exec_efault_argv", "errno %d", errno);
    check(canary == 12345, "exec_still_intact", "the caller's memory changed");
    return test_exit_code();
}
