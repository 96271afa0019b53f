/* Who a process is: its user and group ids.
 *
 * Minnow has one user, root: every process's real, effective and saved
 * uid and gid are 0, and it belongs to no supplementary group.  So the
 * get calls answer 0, and a set call succeeds when it asks for 0 and is
 * refused with EPERM otherwise -- as for a process without the privilege
 * to change ids: a program that wants to drop its privileges learns that
 * it could not, rather than believing it did.
 *
 * Linux i386 has each call twice: the old one with 16-bit ids (getuid,
 * 24) and the 32-bit one glibc uses (getuid32, 199).  With every id 0
 * they agree. */
#include <minnow/errno.h>
#include "proc/task.h"
#include "mm/uaccess.h"

long sys_getuid(void)    { return 0; }
long sys_getgid(void)    { return 0; }
long sys_geteuid(void)   { return 0; }
long sys_getegid(void)   { return 0; }
long sys_getuid32(void)  { return 0; }
long sys_getgid32(void)  { return 0; }
long sys_geteuid32(void) { return 0; }
long sys_getegid32(void) { return 0; }

/* setuid(uid), setgid(gid): only to what they already are, 0. */
static long set_id(uid_t id)
{
    return id == 0 ? 0 : -EPERM;
}

long sys_setuid(uid_t uid)   { return set_id(uid); }
long sys_setgid(gid_t gid)   { return set_id(gid); }
long sys_setuid32(uid_t uid) { return set_id(uid); }
long sys_setgid32(gid_t gid) { return set_id(gid); }

/* getresuid(&ruid, &euid, &suid): the real, effective and saved ids. */
static long put_three_ids(uid_t *a, uid_t *b, uid_t *c)
{
    uid_t zero = 0;

    if (copy_to_user(a, &zero, sizeof(zero)) < 0 || copy_to_user(b, &zero, sizeof(zero)) < 0 ||
        copy_to_user(c, &zero, sizeof(zero)) < 0)
        return -EFAULT;
    return 0;
}

long sys_getresuid32(uid_t *ruid, uid_t *euid, uid_t *suid)
{
    return put_three_ids(ruid, euid, suid);
}

long sys_getresgid32(gid_t *rgid, gid_t *egid, gid_t *sgid)
{
    return put_three_ids(rgid, egid, sgid);
}

/* getgroups(size, list): the supplementary groups; there are none. */
long sys_getgroups32(int size, gid_t *list)
{
    (void)list;
    return size < 0 ? -EINVAL : 0;
}
