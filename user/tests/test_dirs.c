/* Directories and path names: mkdir, nested paths, the working directory,
 * "..", rmdir of a non-empty directory, rename, links, getdents. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sys/stat.h>
#include <minnow/test.h>

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* A process sits in a directory 2000 levels deep while everything above
 * it is removed; when it exits, the whole removed chain is freed at once.
 * The kernel must not recurse 2000 levels deep doing that. */
static void deep_chain(void)
{
    enum { DEPTH = 2000 };
    long before = free_pages();
    pid_t pid = fork();
    if (pid == 0) {
        mkdir("/tmp/deep", 0755);
        chdir("/tmp/deep");
        for (int i = 0; i < DEPTH; i++)
            if (mkdir("d", 0755) < 0 || chdir("d") < 0)
                _exit(1);
        pid_t holder = fork();
        if (holder == 0) {
            pause();                         /* keeps the deepest one in use */
            _exit(0);
        }
        for (int i = 0; i < DEPTH; i++)
            if (chdir("..") < 0 || rmdir("d") < 0)
                _exit(2);
        chdir("/");
        rmdir("/tmp/deep");
        kill(holder, SIGKILL);               /* frees 2000 removed directories */
        waitpid(holder, NULL, 0);
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "deep_removed_chain", "status %#x", status);
    check(free_pages() == before, "deep_chain_no_leak", "%ld -> %ld", before, free_pages());
}

int main(void)
{
    char cwd[256];

    check(mkdir("/tmp/d1", 0755) == 0 && mkdir("/tmp/d1/d2", 0755) == 0, "mkdir_nested", "errno %d", errno);
    check(mkdir("/tmp/d1", 0755) == -1 && errno == EEXIST, "mkdir_eexist", "errno %d", errno);
    check(mkdir("/tmp/nope/x", 0755) == -1 && errno == ENOENT, "mkdir_enoent", "errno %d", errno);
    int fd = open("/tmp/d1/d2/f", O_CREAT | O_WRONLY, 0644);
    write(fd, "x", 1);
    close(fd);
    check(exists("/tmp//d1/./d2/../d2/f"), "path_dots_and_slashes", "not found");

    check(chdir("/tmp/d1/d2") == 0 && getcwd(cwd, sizeof(cwd)) && strcmp(cwd, "/tmp/d1/d2") == 0,
          "chdir_getcwd", "cwd %s", cwd);
    check(exists("f") && exists("../d2/f") && exists("./f"), "relative_paths", "not found");
    check(chdir("..") == 0 && getcwd(cwd, sizeof(cwd)) && strcmp(cwd, "/tmp/d1") == 0, "chdir_dotdot",
          "cwd %s", cwd);
    check(chdir("/hello.txt") == -1 && errno == ENOTDIR, "chdir_enotdir", "errno %d", errno);
    chdir("/");
    check(getcwd(cwd, sizeof(cwd)) && strcmp(cwd, "/") == 0, "getcwd_root", "cwd %s", cwd);
    check(chdir("..") == 0 && getcwd(cwd, sizeof(cwd)) && strcmp(cwd, "/") == 0, "root_dotdot_is_root",
          "cwd %s", cwd);

    check(rmdir("/tmp/d1") == -1 && errno == ENOTEMPTY, "rmdir_enotempty", "errno %d", errno);
    check(rmdir("/tmp/d1/d2/f") == -1 && errno == ENOTDIR, "rmdir_enotdir", "errno %d", errno);
    check(unlink("/tmp/d1/d2") == -1 && errno == EISDIR, "unlink_dir_eisdir", "errno %d", errno);

    check(rename("/tmp/d1/d2/f", "/tmp/d1/g") == 0 && exists("/tmp/d1/g") && !exists("/tmp/d1/d2/f"),
          "rename_file", "errno %d", errno);
    check(rename("/tmp/d1", "/tmp/d1/d2/inside") == -1 && errno == EINVAL, "rename_into_itself",
          "errno %d", errno);
    check(link("/tmp/d1/g", "/tmp/d1/h") == 0, "link", "errno %d", errno);
    struct stat st;
    stat("/tmp/d1/h", &st);
    check(st.st_nlink == 2, "link_nlink", "nlink %u", st.st_nlink);

    DIR *d = opendir("/tmp/d1");
    int seen = 0;
    struct dirent *e;
    static const char *const want[] = { "g", "h", "d2", ".." };
    while (d && (e = readdir(d)))
        for (int i = 0; i < 4; i++)
            if (strcmp(e->d_name, want[i]) == 0)
                seen |= 1 << i;
    if (d)
        closedir(d);
    check(seen == 15, "getdents_lists_all", "seen mask %#x", seen);

    unlink("/tmp/d1/g");
    unlink("/tmp/d1/h");
    check(rmdir("/tmp/d1/d2") == 0 && rmdir("/tmp/d1") == 0 && !exists("/tmp/d1"), "rmdir_empty",
          "errno %d", errno);
    check(rmdir("/tmp/.") == -1 && errno == EINVAL, "rmdir_dot_einval", "errno %d", errno);

    /* rm -r reads a directory while removing its entries: removing one
     * entry must not make readdir skip the others */
    mkdir("/tmp/many", 0755);
    for (int i = 0; i < 60; i++) {
        char name[32];
        snprintf(name, sizeof(name), "/tmp/many/file%d", i);
        close(open(name, O_CREAT | O_WRONLY, 0644));
    }
    d = opendir("/tmp/many");
    int removed = 0;
    while (d && (e = readdir(d))) {
        char name[300];
        snprintf(name, sizeof(name), "/tmp/many/%s", e->d_name);
        if (e->d_name[0] != '.' && unlink(name) == 0)
            removed++;
    }
    if (d)
        closedir(d);
    check(removed == 60 && rmdir("/tmp/many") == 0, "readdir_while_unlinking", "removed %d of 60", removed);
    deep_chain();
    return test_exit_code();
}
