/* init: the first user process (pid 1), started by the kernel.
 *
 * Normally it mounts the disk on /home (what a student saves there
 * survives a reboot), then starts a shell on the console in a session of
 * its own (so the shell can do job control) and starts a new one whenever
 * it exits.  Under
 * `make test` the kernel passes "test=NAME": init runs the test runner,
 * /usr/libexec/minnow/runtests NAME, and then powers the machine off.
 *
 * Whatever else happens, init waits: orphans -- processes whose parent
 * exited first -- become init's children, and init reaps them so that no
 * zombie stays behind. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <sys/ioctl.h>
#include <sys/reboot.h>
#include <termios.h>

/* The message of the day, /etc/motd, for the console. */
static void greet(void)
{
    FILE *f = fopen("/etc/motd", "r");
    char line[128];

    if (!f) {
        printf("\nWelcome to Minnow.\n\n");
        return;
    }
    while (fgets(line, sizeof(line), f))
        fputs(line, stdout);
    fclose(f);
    fflush(stdout);
}

static pid_t start(char *const argv[], int new_session)
{
    pid_t pid = fork();

    if (pid == 0) {
        if (new_session) {
            setsid();                       /* a session and group of its own */
            ioctl(0, TIOCSCTTY, 0);         /* ...with the console as its terminal */
        }
        execv(argv[0], argv);
        perror(argv[0]);
        _exit(127);
    }
    if (pid < 0)
        perror("init: fork");
    return pid;
}

/* Waits until `child` ends, reaping any orphan that ends meanwhile. */
static int wait_for(pid_t child)
{
    int status;
    pid_t pid;

    while ((pid = wait(&status)) >= 0)
        if (pid == child)
            return status;
    return -1;
}

/* The first disk, /dev/hda, holds the home directories (build/disk.img,
 * an ext2 file system).  Without it /home stays in memory, as the initrd
 * filled it: Minnow works, but nothing saved there survives. */
static void mount_home(void)
{
    if (access("/dev/hda", F_OK) < 0) {
        printf("init: no disk: /home is in memory (nothing saved there survives)\n");
        return;
    }
    if (mount("/dev/hda", "/home", "ext2", 0, NULL) < 0)
        printf("init: /dev/hda on /home: %s: /home is in memory\n", strerror(errno));
    else
        printf("init: /dev/hda mounted on /home: what you save there survives a reboot\n");
}

int main(int argc, char *argv[])
{
    if (argc > 1 && strncmp(argv[1], "test=", 5) == 0) {
        char *runner[] = { "/usr/libexec/minnow/runtests", argv[1] + 5, NULL };
        wait_for(start(runner, 0));
        reboot(RB_POWER_OFF);
        return 1;
    }
    mount_home();
    for (;;) {
        char *shell[] = { "/bin/sh", NULL };
        greet();
        pid_t sh = start(shell, 1);
        if (sh < 0) {
            sleep(1);
            continue;
        }
        wait_for(sh);
    }
}
