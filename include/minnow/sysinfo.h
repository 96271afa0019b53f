/* sysinfo(2) and uname(2) records, Linux's layouts. */
#ifndef _MINNOW_SYSINFO_H
#define _MINNOW_SYSINFO_H

struct sysinfo {
    long uptime;                 /* seconds since boot */
    unsigned long loads[3];
    unsigned long totalram;      /* in units of mem_unit (Minnow: pages) */
    unsigned long freeram;
    unsigned long sharedram, bufferram, totalswap, freeswap;
    unsigned short procs;        /* tasks in use */
    unsigned short pad;
    unsigned long totalhigh, freehigh;
    unsigned int mem_unit;
    char _f[8];
};

struct utsname {
    char sysname[65];
    char nodename[65];
    char release[65];
    char version[65];
    char machine[65];
    char domainname[65];
};

/* reboot(2) */
#define LINUX_REBOOT_MAGIC1      0xfee1dead
#define LINUX_REBOOT_MAGIC2      672274793     /* Linus' birthday, in hex 0x28121969 */
#define LINUX_REBOOT_MAGIC2A     85072278      /* ...and his daughters' */
#define LINUX_REBOOT_MAGIC2B     369367448
#define LINUX_REBOOT_MAGIC2C     537993216
#define LINUX_REBOOT_CMD_RESTART 0x01234567
#define LINUX_REBOOT_CMD_HALT    0xCDEF0123
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321FEDC
#define LINUX_REBOOT_CMD_CAD_ON  0x89ABCDEF    /* Ctrl-Alt-Del restarts at once */
#define LINUX_REBOOT_CMD_CAD_OFF 0x00000000    /* ...or signals init */

/* getprocs (Minnow's own system call, used by ps): one record a task. */
struct procinfo {
    int pid, ppid, pgid, sid;
    char state;                  /* R running/ready, S sleeping, T stopped, Z zombie */
    char name[16];
    unsigned long pages;         /* user memory, in pages */
    unsigned long ticks;         /* CPU time, in timer ticks */
    unsigned long min_flt;       /* page faults it took (demand paging, copy-on-write) */
    unsigned long cow_copies;    /* of those, pages copied on a write (copy-on-write) */
};

/* getschedlog (Minnow's own, used by schedviz): the scheduler's latest
 * decisions, oldest first. */
struct sched_event {
    unsigned long jiffies;       /* when */
    int from, to;                /* pid switched out, pid switched in (0: idle) */
};

#endif
