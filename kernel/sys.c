/* Small system calls about the process and the machine: pids, times,
 * sysinfo, uname, reboot, and getprocs (Minnow's own, for ps).  The user
 * and group ids are in proc/cred.c, the clocks in proc/clock.c. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/sysinfo.h>
#include <minnow/time.h>
#include "proc/task.h"
#include "proc/sched.h"
#include "mm/mm.h"
#include "mm/page_alloc.h"
#include "mm/uaccess.h"
#include "arch/timer.h"
#include "arch/power.h"
#include "fs/buffer.h"
#include "lib/cmdline.h"
#include "lib/printk.h"

long sys_getpid(void)  { return current->pid; }
long sys_getppid(void) { return current->parent ? current->parent->pid : 0; }
/* A Minnow process has one thread: its thread id is its pid. */
long sys_gettid(void)  { return current->pid; }

long sys_times(struct tms *ubuf)
{
    struct tms t = { current->ticks, 0, current->ticks_children, 0 };

    if (ubuf && copy_to_user(ubuf, &t, sizeof(t)) < 0)
        return -EFAULT;
    return jiffies;
}

/* Free memory is in pages (mem_unit = 4096): the tests' leak checks read it. */
long sys_sysinfo(struct sysinfo *uinfo)
{
    struct sysinfo info;

    memset(&info, 0, sizeof(info));
    info.uptime = jiffies / HZ;
    info.totalram = nr_total_pages();
    info.freeram = nr_free_pages();
    info.sharedram = nr_shared_pages();      /* held by several (copy-on-write, mapped files) */
    info.procs = count_tasks(0) + 1;         /* and the idle task */
    info.mem_unit = 4096;
    return copy_to_user(uinfo, &info, sizeof(info));
}

long sys_uname(struct utsname *ubuf)
{
    struct utsname u;

    memset(&u, 0, sizeof(u));
    strlcpy(u.sysname, "Minnow", sizeof(u.sysname));
    strlcpy(u.nodename, "minnow", sizeof(u.nodename));
    strlcpy(u.release, "1.0", sizeof(u.release));
    strlcpy(u.version, "a teaching Unix", sizeof(u.version));
    strlcpy(u.machine, "i686", sizeof(u.machine));
    return copy_to_user(ubuf, &u, sizeof(u));
}

/* reboot(): restart, halt or power off the machine, with Linux's magic
 * numbers (a stray call with a random number stops nothing).  Every
 * dirty block goes to the disk first.  Power off ends QEMU; under `make
 * test` this is how the test runner says "done" (tools/test.sh reads
 * QEMU's exit status).  Minnow's users are all root, so anyone may. */
static int reboot_magic_ok(unsigned int magic, unsigned int magic2)
{
    return magic == LINUX_REBOOT_MAGIC1 &&
           (magic2 == LINUX_REBOOT_MAGIC2 || magic2 == LINUX_REBOOT_MAGIC2A ||
            magic2 == LINUX_REBOOT_MAGIC2B || magic2 == LINUX_REBOOT_MAGIC2C);
}

long sys_reboot(unsigned int magic, unsigned int magic2, unsigned int cmd, void *arg)
{
    (void)arg;
    if (!reboot_magic_ok(magic, magic2))
        return -EINVAL;
    switch (cmd) {
    case LINUX_REBOOT_CMD_CAD_ON:
    case LINUX_REBOOT_CMD_CAD_OFF:
        return 0;                      /* Ctrl-Alt-Del: Minnow's keyboard ignores it */
    case LINUX_REBOOT_CMD_RESTART:
        sync_all();
        printk("reboot: Restarting system\n");
        machine_restart();
    case LINUX_REBOOT_CMD_HALT:
        sync_all();
        printk("reboot: System halted\n");
        machine_halt();
    case LINUX_REBOOT_CMD_POWER_OFF:
        sync_all();
        printk("reboot: Power down\n");
        machine_power_off();
    default:
        return -EINVAL;
    }
}

/* getprocs(buf, max): what ps shows, one struct procinfo per task (the
 * idle task included, as pid 0).  Returns how many were filled in. */
long sys_getprocs(struct procinfo *ubuf, int max)
{
    int n = 0;

    if (max < 0)
        return -EINVAL;
    if (max > NR_TASKS)
        max = NR_TASKS;              /* no more than there can be */
    if (verify_area(ubuf, max * sizeof(struct procinfo), 1) < 0)
        return -EFAULT;
    for (int i = 0; i < NR_TASKS && n < max; i++) {
        struct task_struct *t = &tasks[i];
        if (t->state == TASK_UNUSED)
            continue;
        struct procinfo p = {
            .pid = t->pid, .ppid = t->parent ? t->parent->pid : 0,
            .pgid = t->pgid, .sid = t->sid, .state = task_state_letter(t->state),
            .pages = mm_pages(&t->mm), .ticks = t->ticks,
            .min_flt = t->mm.min_flt, .cow_copies = t->mm.cow_copies,
        };
        memcpy(p.name, t->name, sizeof(p.name));
        ubuf[n++] = p;
    }
    return n;
}

/* prctl: of Linux's many options, the ones a program built elsewhere asks
 * for at start-up: its name (PR_SET_NAME, PR_GET_NAME: what ps shows, 16
 * bytes with the NUL).  Any other option is EINVAL, as Linux says for an
 * option it does not know. */
#define PR_SET_NAME 15
#define PR_GET_NAME 16

long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4,
               unsigned long arg5)
{
    char name[TASK_NAME_LEN];

    (void)arg3, (void)arg4, (void)arg5;
    switch (option) {
    case PR_SET_NAME: {
        long n = strncpy_from_user(name, (const char *)arg2, sizeof(name));
        if (n == -EFAULT)
            return -EFAULT;
        name[sizeof(name) - 1] = '\0';       /* a longer name is cut, as Linux */
        memset(current->name, 0, sizeof(current->name));
        strlcpy(current->name, name, sizeof(current->name));
        return 0;
    }
    case PR_GET_NAME:
        return copy_to_user((char *)arg2, current->name, sizeof(current->name));
    default:
        return -EINVAL;
    }
}

/* A robust futex list and restartable sequences are for threads, which
 * Minnow does not have: ENOSYS, as from a Linux built without them, and
 * glibc goes on without (these are known calls: the console stays quiet). */
long sys_set_robust_list(void *head, size_t len)
{
    (void)head, (void)len;
    return -ENOSYS;
}

long sys_rseq(void *rseq, uint32_t len, int flags, uint32_t sig)
{
    (void)rseq, (void)len, (void)flags, (void)sig;
    return -ENOSYS;
}
