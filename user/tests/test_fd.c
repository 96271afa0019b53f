/* Sharing open files: dup and dup2 give a second fd for the SAME open
 * file, so they share its offset; so do parent and child after fork.
 * FD_CLOEXEC closes an fd at exec. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/test.h>

#define F "/tmp/test_fd.txt"

int main(void)
{
    char buf[32] = { 0 };
    int fd = open(F, O_CREAT | O_RDWR | O_TRUNC, 0644);
    write(fd, "0123456789", 10);
    lseek(fd, 0, SEEK_SET);

    int d = dup(fd);
    read(fd, buf, 3);
    check(d > fd && lseek(d, 0, SEEK_CUR) == 3, "dup_shares_offset", "dup %d offset %ld", d,
          (long)lseek(d, 0, SEEK_CUR));
    check(dup2(fd, 20) == 20 && lseek(20, 0, SEEK_CUR) == 3, "dup2_shares_offset", "errno %d", errno);
    close(20);
    check(dup2(fd, fd) == fd, "dup2_same_fd", "errno %d", errno);
    check(dup2(fd, 999) == -1 && errno == EBADF, "dup2_ebadf", "errno %d", errno);
    close(d);
    check(read(d, buf, 1) == -1 && errno == EBADF, "closed_fd_ebadf", "errno %d", errno);

    /* parent and child write through one open file: no overwriting */
    lseek(fd, 0, SEEK_SET);
    ftruncate(fd, 0);
    pid_t pid = fork();
    if (pid == 0) {
        write(fd, "child.", 6);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    write(fd, "parent.", 7);
    lseek(fd, 0, SEEK_SET);
    memset(buf, 0, sizeof(buf));
    read(fd, buf, sizeof(buf) - 1);
    check(strcmp(buf, "child.parent.") == 0, "fork_shares_offset", "file has \"%s\"", buf);

    check(fcntl(fd, F_GETFD) == 0 && fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC,
          "fcntl_cloexec", "errno %d", errno);
    check((fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR, "fcntl_getfl", "flags %#x", fcntl(fd, F_GETFL));
    pid = fork();
    if (pid == 0) {
        /* after exec, the cloexec fd is gone: sh -c is not needed, use helper_fdcheck */
        char arg[8];
        arg[0] = '0' + fd / 10;
        arg[1] = '0' + fd % 10;
        arg[2] = 0;
        char *argv[] = { "helper_fdcheck", arg, NULL };
        execv("/usr/libexec/minnow/helper_fdcheck", argv);
        _exit(99);
    }
    int status;
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "exec_closes_cloexec", "status %#x", status);
    int nfd = fcntl(fd, F_DUPFD, 10);
    check(nfd == 10 && fcntl(nfd, F_GETFD) == 0, "fcntl_dupfd", "got %d", nfd);
    close(nfd);
    close(fd);
    unlink(F);
    return test_exit_code();
}
