/* Symbolic links: symlink/symlinkat make them, readlink/readlinkat read
 * them, lstat describes the link itself while stat and open follow it --
 * at the end of a path and in its middle, to a relative or an absolute
 * target -- unless O_NOFOLLOW or AT_SYMLINK_NOFOLLOW says no.  A loop
 * ends in ELOOP after 40 links.  And the tools: ln -s, ls -l, stat. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <minnow/test.h>

#define D "/tmp/sl"

static mode_t lmode(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 ? st.st_mode : 0;
}

static void make_and_read(void)
{
    char buf[16];
    struct stat st;

    check(symlink("target", D "/l") == 0, "symlink_makes_link", "errno %d", errno);
    check(lstat(D "/l", &st) == 0 && S_ISLNK(st.st_mode) && (st.st_mode & 0777) == 0777 &&
          st.st_size == 6 && st.st_nlink == 1, "lstat_sees_link", "mode %o size %lu", st.st_mode,
          st.st_size);
    memset(buf, '#', sizeof(buf));
    check(readlink(D "/l", buf, sizeof(buf)) == 6 && memcmp(buf, "target#", 7) == 0,
          "readlink_target_no_nul", "got \"%.16s\"", buf);
    memset(buf, '#', sizeof(buf));
    check(readlink(D "/l", buf, 3) == 3 && memcmp(buf, "tar#", 4) == 0, "readlink_cut_to_size",
          "got \"%.16s\"", buf);
    int dfd = open(D, O_RDONLY | O_DIRECTORY);
    check(readlinkat(dfd, "l", buf, sizeof(buf)) == 6, "readlinkat_from_dirfd", "errno %d", errno);
    check(symlinkat("t2", dfd, "l2") == 0 && readlink(D "/l2", buf, sizeof(buf)) == 2 &&
          memcmp(buf, "t2", 2) == 0, "symlinkat_from_dirfd", "errno %d", errno);
    close(dfd);
    write_file(D "/file", "data");
    check(readlink(D "/file", buf, sizeof(buf)) == -1 && errno == EINVAL, "readlink_file_einval",
          "errno %d", errno);
    check(readlink(D "/l", buf, 0) == -1 && errno == EINVAL, "readlink_size_0_einval", "errno %d", errno);
    check(readlink(D "/nope", buf, sizeof(buf)) == -1 && errno == ENOENT, "readlink_enoent",
          "errno %d", errno);
    check(readlink(D "/l", (char *)0xC0000000, 16) == -1 && errno == EFAULT, "readlink_efault",
          "errno %d", errno);
    check(symlink("x", D "/l") == -1 && errno == EEXIST, "symlink_eexist", "errno %d", errno);
    check(symlink("x", D "/file") == -1 && errno == EEXIST, "symlink_over_file_eexist", "errno %d", errno);
    check(symlink("", D "/empty") == -1 && errno == ENOENT, "symlink_empty_target_enoent",
          "errno %d", errno);
    check(symlink("x", D "/no/l") == -1 && errno == ENOENT, "symlink_dir_enoent", "errno %d", errno);
    check(symlink((char *)0xC0000000, D "/bad") == -1 && errno == EFAULT, "symlink_target_efault",
          "errno %d", errno);
    /* removing or renaming a link leaves its target alone */
    symlink("file", D "/tofile");
    check(rename(D "/tofile", D "/moved") == 0 && readlink(D "/moved", buf, sizeof(buf)) == 4,
          "rename_moves_link", "errno %d", errno);
    check(unlink(D "/moved") == 0 && lmode(D "/moved") == 0 && S_ISREG(lmode(D "/file")),
          "unlink_removes_link_only", "errno %d", errno);
    unlink(D "/l");
    unlink(D "/l2");
    unlink(D "/file");
}

static void following(void)
{
    char buf[16] = { 0 };
    struct stat st, lst, fst;

    write_file(D "/file", "data");
    symlink("file", D "/rel");                      /* relative: from the link's directory */
    symlink(D "/file", D "/abs");
    symlink("rel", D "/chain");                     /* a link to a link */
    stat(D "/file", &fst);
    check(stat(D "/rel", &st) == 0 && st.st_ino == fst.st_ino && S_ISREG(st.st_mode) &&
          st.st_size == 4, "stat_follows_relative", "ino %lu/%lu", st.st_ino, fst.st_ino);
    check(lstat(D "/rel", &lst) == 0 && lst.st_ino != fst.st_ino, "lstat_does_not_follow",
          "ino %lu", lst.st_ino);
    check(stat(D "/abs", &st) == 0 && st.st_ino == fst.st_ino, "stat_follows_absolute", "errno %d", errno);
    chdir("/");                                     /* the target is not read from the cwd */
    check(read_file(D "/chain", buf, sizeof(buf)) == 4 && strcmp(buf, "data") == 0,
          "open_follows_chain", "got \"%s\"", buf);
    check(open(D "/rel", O_RDONLY | O_NOFOLLOW) == -1 && errno == ELOOP, "open_nofollow_eloop",
          "errno %d", errno);
    int fd = open(D "/file", O_RDONLY | O_NOFOLLOW);
    check(fd >= 0, "open_nofollow_on_file", "errno %d", errno);
    close(fd);
    check(fstatat(AT_FDCWD, D "/rel", &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode),
          "fstatat_nofollow", "mode %o", st.st_mode);
    check(fstatat(AT_FDCWD, D "/rel", &st, 0) == 0 && S_ISREG(st.st_mode), "fstatat_follows",
          "mode %o", st.st_mode);

    /* in the middle of a path */
    mkdir(D "/real", 0755);
    write_file(D "/real/x", "inner");
    symlink("real", D "/dl");
    symlink(D "/real/", D "/dlabs");
    check(read_file(D "/dl/x", buf, sizeof(buf)) == 5 && strcmp(buf, "inner") == 0,
          "follow_in_middle_relative", "got \"%s\"", buf);
    check(read_file(D "/dlabs/x", buf, sizeof(buf)) == 5, "follow_in_middle_absolute", "errno %d", errno);
    check(stat(D "/dl/", &st) == 0 && S_ISDIR(st.st_mode), "trailing_slash_follows", "errno %d", errno);
    check(lstat(D "/dl/", &st) == 0 && S_ISDIR(st.st_mode), "lstat_trailing_slash_follows",
          "mode %o", st.st_mode);
    check(stat(D "/rel/", &st) == -1 && errno == ENOTDIR, "link_to_file_slash_enotdir", "errno %d", errno);
    check(open(D "/rel/x", O_RDONLY) == -1 && errno == ENOTDIR, "link_to_file_in_middle_enotdir",
          "errno %d", errno);
    check(rmdir(D "/dl") == -1 && errno == ENOTDIR, "rmdir_link_enotdir", "errno %d", errno);
    check(unlink(D "/dl/") == -1 && errno == ENOTDIR, "unlink_link_slash_enotdir", "errno %d", errno);
    char cwd[64];
    check(chdir(D "/dl") == 0 && getcwd(cwd, sizeof(cwd)) && strcmp(cwd, D "/real") == 0,
          "chdir_through_link", "cwd %s", cwd);
    check(open("../rel", O_RDONLY) >= 0, "dotdot_after_link_is_physical", "errno %d", errno);
    chdir("/");

    /* chmod and utime change the target; lchown and unlink the link */
    check(chmod(D "/rel", 0600) == 0 && (lmode(D "/file") & 0777) == 0600 &&
          (lmode(D "/rel") & 0777) == 0777, "chmod_follows", "mode %o", lmode(D "/file"));
    check(fchmodat(AT_FDCWD, D "/rel", 0644, AT_SYMLINK_NOFOLLOW) == -1 && errno == EOPNOTSUPP,
          "fchmodat_nofollow_link_eopnotsupp", "errno %d", errno);
    check(lchown(D "/rel", 0, 0) == 0, "lchown_link", "errno %d", errno);
    check(access(D "/rel", R_OK) == 0 && faccessat(AT_FDCWD, D "/rel", R_OK, AT_SYMLINK_NOFOLLOW) == 0,
          "access_through_link", "errno %d", errno);

    /* linkat: the link itself, or with AT_SYMLINK_FOLLOW its target */
    check(linkat(AT_FDCWD, D "/rel", AT_FDCWD, D "/hard_link", 0) == 0 && S_ISLNK(lmode(D "/hard_link")),
          "linkat_links_the_link", "mode %o", lmode(D "/hard_link"));
    check(linkat(AT_FDCWD, D "/rel", AT_FDCWD, D "/hard_file", AT_SYMLINK_FOLLOW) == 0 &&
          stat(D "/hard_file", &st) == 0 && st.st_ino == fst.st_ino && S_ISREG(lmode(D "/hard_file")),
          "linkat_follow_links_target", "errno %d", errno);
    check(link(D "/rel", D "/old_link") == 0 && S_ISLNK(lmode(D "/old_link")),
          "link_does_not_follow", "mode %o", lmode(D "/old_link"));

    /* exec through a link */
    symlink("/bin/true", D "/true");
    char *argv[] = { D "/true", NULL };
    check(run_captured(argv, NULL, buf, sizeof(buf), NULL, 0) == 0, "exec_through_link",
          "the program did not run");

    unlink(D "/true");
    unlink(D "/old_link");
    unlink(D "/hard_file");
    unlink(D "/hard_link");
    unlink(D "/dlabs");
    unlink(D "/dl");
    unlink(D "/real/x");
    rmdir(D "/real");
    unlink(D "/chain");
    unlink(D "/abs");
    unlink(D "/rel");
    unlink(D "/file");
}

static void dangling_and_create(void)
{
    char buf[8] = { 0 };
    struct stat st;

    symlink("nowhere", D "/dang");
    check(stat(D "/dang", &st) == -1 && errno == ENOENT, "dangling_stat_enoent", "errno %d", errno);
    check(lstat(D "/dang", &st) == 0 && S_ISLNK(st.st_mode), "dangling_lstat", "errno %d", errno);
    check(open(D "/dang", O_RDONLY) == -1 && errno == ENOENT, "dangling_open_enoent", "errno %d", errno);
    check(open(D "/dang", O_CREAT | O_EXCL | O_WRONLY, 0644) == -1 && errno == EEXIST,
          "creat_excl_on_link_eexist", "errno %d", errno);
    check(open(D "/dang", O_CREAT | O_WRONLY | O_NOFOLLOW, 0644) == -1 && errno == ELOOP,
          "creat_nofollow_on_link_eloop", "errno %d", errno);
    /* O_CREAT through a dangling link makes the file it points to */
    int fd = open(D "/dang", O_CREAT | O_WRONLY, 0644);
    check(fd >= 0 && write(fd, "made", 4) == 4, "creat_through_dangling_link", "errno %d", errno);
    close(fd);
    check(read_file(D "/nowhere", buf, sizeof(buf)) == 4 && strcmp(buf, "made") == 0 &&
          S_ISLNK(lmode(D "/dang")), "creat_made_the_target", "got \"%s\"", buf);
    fd = open(D "/dang", O_WRONLY | O_TRUNC);
    check(fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 0 && S_ISREG(st.st_mode),
          "open_trunc_through_link", "errno %d", errno);
    close(fd);
    unlink(D "/nowhere");
    unlink(D "/dang");
}

static void loops(void)
{
    struct stat st;
    char name[32], prev[32];

    symlink("loop2", D "/loop1");
    symlink("loop1", D "/loop2");
    symlink("self", D "/self");
    check(open(D "/loop1", O_RDONLY) == -1 && errno == ELOOP, "loop_open_eloop", "errno %d", errno);
    check(stat(D "/loop2", &st) == -1 && errno == ELOOP, "loop_stat_eloop", "errno %d", errno);
    check(stat(D "/self", &st) == -1 && errno == ELOOP, "self_loop_eloop", "errno %d", errno);
    check(open(D "/self/x", O_RDONLY) == -1 && errno == ELOOP, "loop_in_middle_eloop", "errno %d", errno);
    check(lstat(D "/self", &st) == 0 && S_ISLNK(st.st_mode), "loop_lstat_ok", "errno %d", errno);
    check(open(D "/loop1", O_CREAT | O_WRONLY, 0644) == -1 && errno == ELOOP, "loop_creat_eloop",
          "errno %d", errno);
    check(chdir(D "/self") == -1 && errno == ELOOP, "loop_chdir_eloop", "errno %d", errno);
    unlink(D "/loop1");
    unlink(D "/loop2");
    unlink(D "/self");

    /* forty links in a row are followed; one more is ELOOP (Linux's MAXSYMLINKS) */
    write_file(D "/end", "x");
    strcpy(prev, "end");
    for (int i = 0; i <= 40; i++) {
        snprintf(name, sizeof(name), D "/c%d", i);
        symlink(prev, name);
        snprintf(prev, sizeof(prev), "c%d", i);
    }
    check(stat(D "/c39", &st) == 0 && S_ISREG(st.st_mode), "forty_links_followed", "errno %d", errno);
    check(stat(D "/c40", &st) == -1 && errno == ELOOP, "forty_one_links_eloop", "errno %d", errno);
    for (int i = 0; i <= 40; i++) {
        snprintf(name, sizeof(name), D "/c%d", i);
        unlink(name);
    }
    unlink(D "/end");

    /* a long target and the rest of the path must fit in PATH_MAX */
    char *target = malloc(PATH_MAX), *path = malloc(PATH_MAX);
    strcpy(target, "/");
    while (strlen(target) < 4000)
        strcat(target, "./");
    check(symlink(target, D "/long") == 0 && stat(D "/long", &st) == 0 && S_ISDIR(st.st_mode),
          "long_target_followed", "errno %d", errno);
    strcpy(path, D "/long/");
    while (strlen(path) < 200)
        strcat(path, "tmp/");
    check(stat(path, &st) == -1 && errno == ENAMETOOLONG, "long_target_and_rest_enametoolong",
          "errno %d", errno);
    unlink(D "/long");
    free(target);
    free(path);
}

static void tools(void)
{
    char out[512], err[256], buf[32];
    struct dirent *e;
    int type = -1;

    char *ln[] = { "ln", "-s", "hello.txt", D "/hi", NULL };
    check(run_captured(ln, NULL, out, sizeof(out), err, sizeof(err)) == 0 &&
          readlink(D "/hi", buf, sizeof(buf)) == 9 && memcmp(buf, "hello.txt", 9) == 0,
          "ln_s_makes_symlink", "stderr \"%s\"", err);
    char *ln_hard[] = { "ln", D "/hi", D "/hard", NULL };
    check(run_captured(ln_hard, NULL, out, sizeof(out), err, sizeof(err)) == 0 &&
          S_ISLNK(lmode(D "/hard")), "ln_still_makes_hard_links", "stderr \"%s\"", err);
    unlink(D "/hard");
    char *ls[] = { "ls", "-l", D, NULL };
    check(run_captured(ls, NULL, out, sizeof(out), err, sizeof(err)) == 0 &&
          strstr(out, "hi -> hello.txt\n") && out[0] == 'l' && strstr(out, "lrwxrwxrwx"),
          "ls_l_shows_target", "output \"%s\"", out);
    char *st[] = { "stat", D "/hi", NULL };
    check(run_captured(st, NULL, out, sizeof(out), err, sizeof(err)) == 0 &&
          strstr(out, "File: " D "/hi -> hello.txt") && strstr(out, "symbolic link"),
          "stat_tool_shows_link", "output \"%s\"", out);
    DIR *d = opendir(D);
    while ((e = readdir(d)))
        if (strcmp(e->d_name, "hi") == 0)
            type = e->d_type;
    closedir(d);
    check(type == DT_LNK, "readdir_dt_lnk", "d_type %d", type);
    unlink(D "/hi");
}

int main(void)
{
    umask(022);
    mkdir(D, 0755);
    check_group(make_and_read, "symlink_make");
    check_group(following, "symlink_follow");
    check_group(dangling_and_create, "symlink_dangling");
    check_group(loops, "symlink_loops");
    check_group(tools, "symlink_tools");
    check(rmdir(D) == 0, "symlink_dir_empty_at_end", "errno %d", errno);
    return test_exit_code();
}
