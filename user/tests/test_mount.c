/* Mounting (fs/mount.c, docs/files.md): a RAM file system mounted on a
 * directory hides what was there and shows its own root; paths go in and
 * ".." comes back out; a name cannot point across (EXDEV); umount waits
 * until nobody uses it (EBUSY) and gives every page back; a read-only
 * mount refuses every change (EROFS); and the tools mount, umount and df
 * say what they should. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <minnow/test.h>

#define MNT "/tmp/mnt"

static int mounted(const char *target)
{
    char text[4096], want[300];

    snprintf(want, sizeof(want), " %s ", target);
    return read_file("/proc/mounts", text, sizeof(text)) > 0 && strstr(text, want) != NULL;
}

static void mount_hides_and_shows(void)
{
    struct stat before, inside, root;

    write_file(MNT "/under", "hidden while mounted\n");
    stat(MNT, &before);
    check(mount("none", MNT, "ramfs", 0, NULL) == 0, "mount_ramfs", "errno %d", errno);
    check(access(MNT "/under", F_OK) < 0 && errno == ENOENT, "mount_hides_old_files", "errno %d", errno);
    write_file(MNT "/new", "on the mounted one\n");
    stat(MNT, &inside);
    stat("/", &root);
    check(inside.st_dev != root.st_dev && inside.st_ino != before.st_ino, "mount_root_is_new_fs",
          "dev %lu vs %lu", (unsigned long)inside.st_dev, (unsigned long)root.st_dev);
    check(mounted(MNT), "mount_in_proc_mounts", "/proc/mounts does not list " MNT);
}

static void paths_cross_the_mount(void)
{
    char cwd[256];
    struct stat tmp, up;

    mkdir(MNT "/sub", 0755);
    check(chdir(MNT "/sub") == 0 && getcwd(cwd, sizeof(cwd)) && strcmp(cwd, MNT "/sub") == 0,
          "getcwd_inside_mount", "cwd %s", cwd);
    stat("/tmp", &tmp);
    check(stat("../..", &up) == 0 && up.st_ino == tmp.st_ino && up.st_dev == tmp.st_dev,
          "dotdot_leaves_mount", "../.. is ino %lu, /tmp is %lu", (unsigned long)up.st_ino,
          (unsigned long)tmp.st_ino);
    check(umount(MNT) < 0 && errno == EBUSY, "umount_busy_cwd", "errno %d", errno);
    chdir("/");
    check(rename(MNT "/new", "/tmp/moved") < 0 && errno == EXDEV, "rename_across_exdev", "errno %d", errno);
    check(link(MNT "/new", "/tmp/linked") < 0 && errno == EXDEV, "link_across_exdev", "errno %d", errno);
    check(rmdir(MNT) < 0 && errno == EBUSY, "rmdir_mountpoint_busy", "errno %d", errno);
    int fd = open(MNT "/new", O_RDONLY);
    check(umount(MNT) < 0 && errno == EBUSY, "umount_busy_open_file", "errno %d", errno);
    close(fd);
}

static void statfs_and_tools(void)
{
    struct statfs64 st = { 0 };
    char out[2048], err[512];

    check(statfs64(MNT, &st) == 0 && st.f_type == 0x858458f6 && st.f_bsize == 4096 &&
          st.f_blocks > 0, "statfs_ramfs", "type %x bsize %u", st.f_type, st.f_bsize);
    char *mount_argv[] = { "mount", NULL };
    run_captured(mount_argv, NULL, out, sizeof(out), err, sizeof(err));
    check(strstr(out, "none on " MNT " type ramfs (rw)") != NULL, "mount_lists", "out \"%s\"", out);
    char *df_argv[] = { "df", MNT, NULL };
    int status = run_captured(df_argv, NULL, out, sizeof(out), err, sizeof(err));
    check(status == 0 && strncmp(out, "Filesystem     1K-blocks", 24) == 0 && strstr(out, MNT),
          "df_shows_mount", "status %d out \"%s\"", status, out);
}

static void errors(void)
{
    write_file("/tmp/plain", "x");
    check(mount("none", "/tmp/plain", "ramfs", 0, NULL) < 0 && errno == ENOTDIR,
          "mount_on_file_enotdir", "errno %d", errno);
    check(mount("none", MNT, "nosuchfs", 0, NULL) < 0 && errno == ENODEV, "mount_unknown_type_enodev",
          "errno %d", errno);
    check(mount("none", MNT, "ramfs", 0, NULL) < 0 && errno == EBUSY, "mount_twice_ebusy", "errno %d", errno);
    check(umount("/tmp") < 0 && errno == EINVAL, "umount_not_mountpoint", "errno %d", errno);
    check(umount("/") < 0 && errno == EBUSY, "umount_root_busy", "errno %d", errno);
    check(mount(NULL, MNT, NULL, 0, NULL) < 0 && errno == EFAULT, "mount_bad_pointer", "errno %d", errno);
    check(mount("none", MNT, "ramfs", MS_REMOUNT, NULL) < 0 && errno == EINVAL, "mount_remount_einval",
          "errno %d", errno);
    unlink("/tmp/plain");
}

static void read_only(void)
{
    mkdir("/tmp/ro", 0755);
    check(mount("none", "/tmp/ro", "ramfs", MS_RDONLY, NULL) == 0, "mount_read_only", "errno %d", errno);
    check(open("/tmp/ro/f", O_CREAT | O_WRONLY, 0644) < 0 && errno == EROFS, "ro_create_erofs", "errno %d", errno);
    check(mkdir("/tmp/ro/d", 0755) < 0 && errno == EROFS, "ro_mkdir_erofs", "errno %d", errno);
    check(chmod("/tmp/ro", 0700) < 0 && errno == EROFS, "ro_chmod_erofs", "errno %d", errno);
    struct statfs64 st = { 0 };
    check(statfs64("/tmp/ro", &st) == 0 && (st.f_flags & ST_RDONLY), "ro_statfs_flag", "flags %u", st.f_flags);
    check(umount("/tmp/ro") == 0 && rmdir("/tmp/ro") == 0, "umount_read_only", "errno %d", errno);
}

int main(void)
{
    mkdir(MNT, 0755);
    long before = free_pages();
    mount_hides_and_shows();
    paths_cross_the_mount();
    statfs_and_tools();
    errors();
    check(umount(MNT) == 0 && !mounted(MNT), "umount", "errno %d", errno);
    char text[64];
    check(read_file(MNT "/under", text, sizeof(text)) > 0 && strcmp(text, "hidden while mounted\n") == 0,
          "umount_shows_old_files", "got \"%s\"", text);
    /* a mounted tree with files and directories in it, then gone */
    mount("none", MNT, "ramfs", 0, NULL);
    mkdir(MNT "/a", 0755);
    mkdir(MNT "/a/b", 0755);
    fill_file(MNT "/a/b/big", 'x', 40000);
    write_file(MNT "/a/small", "s");
    check(umount(MNT) == 0, "umount_full_tree", "errno %d", errno);
    unlink(MNT "/under");
    read_only();
    check(free_pages() == before, "mount_no_page_leak", "%ld pages free before, %ld after", before, free_pages());
    rmdir(MNT);
    return test_exit_code();
}
