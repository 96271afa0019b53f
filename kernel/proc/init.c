/* Starting the first user process, init (pid 1).
 *
 * It begins as a kernel thread: in its own context it opens the console as
 * fds 0, 1 and 2 (which every later process inherits), then execs
 * /bin/init (or the program named by init= on the command line) and drops
 * into user mode the way every process does. */
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include "proc/init.h"
#include "proc/fork.h"
#include "proc/exec.h"
#include "proc/sched.h"
#include "fs/inode.h"
#include "fs/file.h"
#include "lib/cmdline.h"
#include "lib/printk.h"
#include <string.h>
#include "syscall_protos.h"

long do_open(const char *path, int flags, mode_t mode);   /* fs/open.c */
void enter_user_mode(struct pt_regs *regs);               /* entry.asm */

static char test_arg[80];        /* "test=NAME" in test mode, else empty */

static void init_thread(void)
{
    char init_path[64];
    char *argv[] = { "init", test_arg[0] ? test_arg : NULL, NULL };
    char *envp[] = { "PATH=/bin:/usr/bin", "HOME=/home/user", "TERM=vt100", NULL };

    current->pgid = current->sid = current->pid;
    current->cwd = inode_get(root_inode);
    if (do_open("/dev/console", O_RDWR, 0) != 0 || sys_dup(0) != 1 || sys_dup(0) != 2)
        printk("init: cannot open /dev/console\n");

    const char *path = cmdline_get("init");
    strlcpy(init_path, path ? path : "/bin/init", sizeof(init_path));
    long err = do_execve(init_path, argv, envp, 1);
    if (err < 0) {
        printk("init: cannot run %s (error %ld); trying /bin/sh\n", init_path, err);
        argv[0] = "sh";
        argv[1] = NULL;
        err = do_execve("/bin/sh", argv, envp, 1);
    }
    if (err < 0)
        panic("no init program to run");
    enter_user_mode(current->regs);
}

void start_init(const char *test)
{
    if (test)
        snprintk(test_arg, sizeof(test_arg), "test=%s", test);
    if (!kernel_thread(init_thread))
        panic("cannot create the init task");
}
