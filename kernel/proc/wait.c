/* The parent's side of a child's end: wait().
 *
 * A child that exits becomes a zombie (proc/exit.c), one that stops or
 * continues sets a flag, and either way the parent is told: a signal
 * (SIGCHLD) and a wake_up.  The wait calls -- waitpid, wait4 and waitid,
 * Linux's three spellings of one question -- look at the children once
 * (check_children); if none has news they sleep until a child's change
 * wakes them, and look again.  Reporting an exited child frees its slot
 * (unless waitid's WNOWAIT asks to leave it waitable). */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/wait.h>
#include "proc/wait.h"
#include "proc/sched.h"
#include "proc/signal.h"
#include "proc/fork.h"
#include "proc/resource.h"
#include "mm/uaccess.h"

/* A wait status as SIGCHLD's siginfo and waitid() tell it: si_code says
 * what happened, si_status the exit code or the signal. */
static void status_to_siginfo(int status, int *code, int *si_status)
{
    if (WIFEXITED(status)) {
        *code = CLD_EXITED;
        *si_status = WEXITSTATUS(status);
    } else if (WIFSTOPPED(status)) {
        *code = CLD_STOPPED;
        *si_status = WSTOPSIG(status);
    } else if (WIFCONTINUED(status)) {
        *code = CLD_CONTINUED;
        *si_status = SIGCONT;
    } else {
        *code = WCOREDUMP(status) ? CLD_DUMPED : CLD_KILLED;
        *si_status = WTERMSIG(status);
    }
}

/* The signal at exit is SIGCHLD, or the one clone() chose (none: 0);
 * stops and continues always send SIGCHLD, as in Linux. */
void notify_parent(struct task_struct *t, int status)
{
    struct task_struct *parent = t->parent;
    struct ksiginfo info = { .pid = t->pid };
    int sig = t->state == TASK_ZOMBIE ? t->exit_signal : SIGCHLD;

    if (!parent)
        return;
    status_to_siginfo(status, &info.code, &info.status);
    if (sig)
        send_signal_info(parent, sig, &info);
    wake_up(parent);
}

/* ---------------------------------------------------------------- one look */

/* What a wait asks: which children (waitid's idtype and id) and which
 * news (WEXITED, WSTOPPED, WCONTINUED; WNOHANG, WNOWAIT, __WALL...). */
struct wait_query {
    int type;                    /* P_ALL, P_PID or P_PGID */
    pid_t id;
    int options;
};

/* ...and what it learns of one child. */
struct wait_report {
    pid_t pid;
    int status;                  /* the wait status (minnow/wait.h) */
    unsigned long ticks;         /* its CPU time; if it exited, with its
                                    own reaped children's */
};

static int wait_matches(struct task_struct *c, const struct wait_query *q)
{
    if (q->type == P_PID && c->pid != q->id)
        return 0;
    if (q->type == P_PGID && c->pgid != q->id)
        return 0;
    /* Linux's rule for clone(): a child whose exit signal is not SIGCHLD
     * is seen only with __WCLONE, any child with __WALL */
    if (q->options & __WALL)
        return 1;
    return (c->exit_signal != SIGCHLD) == !!(q->options & __WCLONE);
}

/* A zombie's last trace goes: its CPU time counts for us from now on. */
static void reap(struct task_struct *c)
{
    current->ticks_children += c->ticks + c->ticks_children;
    unlink_child(current, c);
    free_task(c);
}

/* Looks once at the children.  Returns 1 with *r if one has news to
 * report, 0 if some match but none has, -ECHILD if none match at all. */
static int check_children(const struct wait_query *q, struct wait_report *r)
{
    int found = 0, consume = !(q->options & WNOWAIT);

    for (struct task_struct *c = current->children; c; c = c->sibling) {
        if (!wait_matches(c, q))
            continue;
        found = 1;
        *r = (struct wait_report){ c->pid, c->exit_code, c->ticks };
        if (c->state == TASK_ZOMBIE && (q->options & WEXITED)) {
            r->ticks += c->ticks_children;
            if (consume)
                reap(c);
            return 1;
        }
        if (c->state == TASK_STOPPED && (q->options & WSTOPPED) && !c->stop_reported) {
            c->stop_reported = consume;
            return 1;
        }
        if (c->continued && (q->options & WCONTINUED)) {
            c->continued = !consume;
            r->status = 0xffff;
            return 1;
        }
    }
    return found ? 0 : -ECHILD;
}

/* The one wait: until a matching child has news, or at once with
 * WNOHANG.  Returns 1 with *r, 0 (WNOHANG, no news), or -errno.  A
 * signal ends the sleep: the call is restarted, or fails with EINTR
 * (handle_restart, proc/signal.c). */
static long do_wait(const struct wait_query *q, struct wait_report *r)
{
    for (;;) {
        long n = check_children(q, r);
        if (n != 0 || (q->options & WNOHANG))
            return n;
        if (sleep_on(current) < 0)   /* a child wakes us via notify_parent */
            return request_restart(-ERESTARTSYS);
    }
}

/* ---------------------------------------------------------------- the calls */

/* wait4(pid, status, options, rusage): pid > 0 that child; 0 any in our
 * process group; -1 any; < -1 any in process group -pid.  The status word
 * and the child's resource usage (its CPU time) go to the pointers that
 * are not NULL.  Returns the child's pid, or 0 with WNOHANG. */
long sys_wait4(pid_t pid, int *ustatus, int options, struct rusage *uru)
{
    struct wait_query q = { P_ALL, 0, options | WEXITED };
    struct wait_report r;

    if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
        return -EINVAL;
    if (pid == (pid_t)0x80000000)
        return -ESRCH;                   /* -pid would not be a number */
    if (pid > 0)
        q = (struct wait_query){ P_PID, pid, q.options };
    else if (pid == 0)
        q = (struct wait_query){ P_PGID, current->pgid, q.options };
    else if (pid < -1)
        q = (struct wait_query){ P_PGID, -pid, q.options };
    /* checked first, so that a bad pointer does not lose a child's news */
    if (ustatus && verify_area(ustatus, sizeof(int), 1) < 0)
        return -EFAULT;
    if (uru && verify_area(uru, sizeof(struct rusage), 1) < 0)
        return -EFAULT;
    long n = do_wait(&q, &r);
    if (n <= 0)
        return n;
    if (ustatus && copy_to_user(ustatus, &r.status, sizeof(int)) < 0)
        return -EFAULT;
    if (uru && put_rusage(uru, r.ticks, 0) < 0)
        return -EFAULT;
    return r.pid;
}

long sys_waitpid(pid_t pid, int *ustatus, int options)
{
    return sys_wait4(pid, ustatus, options, NULL);
}

/* The part of siginfo_t that waitid writes (as Linux: these six fields). */
struct waitid_info {
    int si_signo, si_errno, si_code;
    pid_t si_pid;
    uid_t si_uid;
    int si_status;
};

/* waitid(idtype, id, infop, options, rusage): the children P_ALL, P_PID
 * id or P_PGID id (0: ours); news as options ask: WEXITED, WSTOPPED,
 * WCONTINUED (at least one), with WNOHANG and WNOWAIT.  The news goes to
 * *infop as siginfo: SIGCHLD, CLD_EXITED..., the pid and the status; with
 * WNOHANG and no news, *infop is zeros.  Returns 0. */
long sys_waitid(int idtype, pid_t id, struct siginfo *uinfo, int options, struct rusage *uru)
{
    struct wait_query q = { idtype, id, options };
    struct wait_report r;
    struct waitid_info info;

    if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD |
                    __WCLONE | __WALL))
        return -EINVAL;
    if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
        return -EINVAL;
    if (idtype == P_PID && id <= 0)
        return -EINVAL;
    if (idtype == P_PGID && id < 0)
        return -EINVAL;
    if (idtype == P_PGID && id == 0)
        q.id = current->pgid;
    if (idtype != P_ALL && idtype != P_PID && idtype != P_PGID)
        return -EINVAL;                  /* P_PIDFD too: there are no pidfds */
    if (uinfo && verify_area(uinfo, sizeof(info), 1) < 0)
        return -EFAULT;
    if (uru && verify_area(uru, sizeof(struct rusage), 1) < 0)
        return -EFAULT;
    long n = do_wait(&q, &r);
    if (n < 0)
        return n;
    memset(&info, 0, sizeof(info));
    if (n > 0) {
        info.si_signo = SIGCHLD;
        info.si_pid = r.pid;
        status_to_siginfo(r.status, &info.si_code, &info.si_status);
    }
    if (uinfo && copy_to_user(uinfo, &info, sizeof(info)) < 0)
        return -EFAULT;
    if (uru && put_rusage(uru, n > 0 ? r.ticks : 0, 0) < 0)
        return -EFAULT;
    return 0;
}
