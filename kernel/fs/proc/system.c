/* The files of /proc about the whole machine: memory (meminfo), time and
 * load (uptime, loadavg, stat), the CPU (cpuinfo), what is mounted
 * (mounts), which kernel this is (version) and what it was booted with
 * (cmdline); and self, the link to the
 * reader's own /proc/PID.  Each in Linux's format,
 * the one free, uptime, top and ps read. */
#include <string.h>
#include <minnow/stat.h>
#include "fs/proc/proc.h"
#include "fs/vfs.h"
#include "arch/irq.h"
#include "arch/timer.h"
#include "arch/x86.h"
#include "drv/rtc.h"
#include "mm/page_alloc.h"
#include "mm/memlayout.h"
#include "proc/sched.h"
#include "proc/task.h"
#include "fs/buffer.h"
#include "lib/cmdline.h"

#define KB(pages) ((pages) * (PAGE_SIZE / 1024))

static void show_meminfo(struct proc_buf *b, struct task_struct *unused, struct inode *ino)
{
    (void)ino;
    (void)unused;
    proc_printf(b, "MemTotal:       %8lu kB\n", KB(nr_total_pages()));
    proc_printf(b, "MemFree:        %8lu kB\n", KB(nr_free_pages()));
    proc_printf(b, "MemAvailable:   %8lu kB\n", KB(nr_free_pages()));
    struct buffer_stats bs;
    buffer_get_stats(&bs);             /* the bytes of the cached blocks */
    proc_printf(b, "Buffers:        %8lu kB\nCached:         %8lu kB\n", bs.used_bytes / 1024, 0ul);
    proc_printf(b, "SwapCached:     %8lu kB\nSwapTotal:      %8lu kB\nSwapFree:       %8lu kB\n",
                0ul, 0ul, 0ul);
    proc_printf(b, "Shmem:          %8lu kB\n", KB(nr_shared_pages()));
}

/* Seconds with two decimals, from ticks. */
static void print_seconds(struct proc_buf *b, unsigned long ticks, const char *after)
{
    proc_printf(b, "%lu.%02lu%s", ticks / HZ, (ticks % HZ) * 100 / HZ, after);
}

static void show_uptime(struct proc_buf *b, struct task_struct *unused, struct inode *ino)
{
    (void)ino;
    (void)unused;
    print_seconds(b, jiffies, " ");
    print_seconds(b, cpu_times.idle, "\n");
}

/* "0.52 0.20 0.07 1/12 345": the averages, running/all tasks, the last pid. */
static void show_loadavg(struct proc_buf *b, struct task_struct *unused, struct inode *ino)
{
    (void)ino;
    unsigned long avg[3];

    (void)unused;
    get_loadavg(avg);
    for (int i = 0; i < 3; i++)
        proc_printf(b, "%lu.%02lu ", avg[i] >> FSHIFT, ((avg[i] & (FIXED_1 - 1)) * 100) >> FSHIFT);
    proc_printf(b, "%d/%d %d\n", count_tasks(1), count_tasks(0), last_pid_allocated());
}

/* "intr TOTAL N0 N1 ... N15": the interrupts since boot, all of them,
 * then line by line (Linux's order). */
static void print_interrupts(struct proc_buf *b)
{
    unsigned long total = 0;

    for (int irq = 0; irq < NR_IRQS; irq++)
        total += irq_count(irq);
    proc_printf(b, "intr %lu", total);
    for (int irq = 0; irq < NR_IRQS; irq++)
        proc_printf(b, " %lu", irq_count(irq));
    proc_printf(b, "\n");
}

static void show_stat(struct proc_buf *b, struct task_struct *unused, struct inode *ino)
{
    (void)ino;
    const struct cpu_times *c = &cpu_times;

    (void)unused;
    for (int cpu = -1; cpu < 1; cpu++)       /* "cpu" (all of them), then "cpu0" */
        proc_printf(b, cpu < 0 ? "cpu  %lu 0 %lu %lu 0 0 0 0 0 0\n" : "cpu0 %lu 0 %lu %lu 0 0 0 0 0 0\n",
                    c->user, c->system, c->idle);
    print_interrupts(b);
    proc_printf(b, "ctxt 0\nbtime %lu\nprocesses %d\nprocs_running %d\nprocs_blocked 0\n",
                (unsigned long)boot_time_seconds(), last_pid_allocated(), count_tasks(1));
}

/* One line of /proc/mounts, as Linux writes it: source, mount point, type,
 * options, and two zeros (dump, fsck order). */
static void show_mount(struct mount *m, void *arg)
{
    struct proc_buf *b = arg;

    proc_printf(b, "%s %s %s %s 0 0\n", m->source, m->target, m->sb->type,
                m->sb->flags & SB_RDONLY ? "ro" : "rw");
    if (!m->mountpoint)          /* /proc is a part of "/" in Minnow, but Linux lists it */
        proc_printf(b, "proc /proc proc rw,nosuid,nodev,noexec 0 0\n");
}

static void show_mounts(struct proc_buf *b, struct task_struct *unused, struct inode *ino)
{
    (void)ino;
    (void)unused;
    for_each_mount(show_mount, b);
}

static void cpuid(uint32_t leaf, uint32_t r[4])
{
    __asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "0"(leaf), "2"(0));
}

/* CPUID 1's edx, bit by bit, under Linux's names. */
static const char *const edx_flags[32] = {
    "fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce", "cx8", "apic", NULL, "sep",
    "mtrr", "pge", "mca", "cmov", "pat", "pse36", "pn", "clflush", NULL, "dts", "acpi",
    "mmx", "fxsr", "sse", "sse2", "ss", "ht", "tm", "ia64", "pbe",
};

static void show_cpuinfo(struct proc_buf *b, struct task_struct *unused, struct inode *ino)
{
    (void)ino;
    uint32_t r[4], name[13] = { 0 };

    (void)unused;
    cpuid(0, r);
    char vendor[13] = { 0 };
    memcpy(vendor, &r[1], 4);
    memcpy(vendor + 4, &r[3], 4);
    memcpy(vendor + 8, &r[2], 4);
    cpuid(0x80000000, r);
    if (r[0] >= 0x80000004)
        for (int i = 0; i < 3; i++)
            cpuid(0x80000002 + i, &name[4 * i]);
    cpuid(1, r);
    proc_printf(b, "processor\t: 0\nvendor_id\t: %s\ncpu family\t: %lu\nmodel\t\t: %lu\n",
                vendor, (unsigned long)(r[0] >> 8) & 0xf, (unsigned long)(r[0] >> 4) & 0xf);
    proc_printf(b, "model name\t: %s\nstepping\t: %lu\nflags\t\t:", (char *)name,
                (unsigned long)r[0] & 0xf);
    for (int bit = 0; bit < 32; bit++)
        if ((r[3] & (1u << bit)) && edx_flags[bit])
            proc_printf(b, " %s", edx_flags[bit]);
    proc_printf(b, "\n\n");
}

/* /proc/self: a link to the directory of whoever follows it (current is
 * the process looking: the link's target is made at each lookup). */
static void show_self(struct proc_buf *b, struct task_struct *unused, struct inode *ino)
{
    (void)unused, (void)ino;
    proc_printf(b, "%d", current->pid);
}

/* /proc/bufstat (Minnow's own): what the buffer cache has done since
 * boot, and each disk's errors. */
static void show_bufstat(struct proc_buf *b, struct task_struct *unused, struct inode *ino)
{
    struct buffer_stats s;
    struct block_device *bdev;

    (void)unused, (void)ino;
    buffer_get_stats(&s);
    proc_printf(b, "pages %lu\nbuffers %lu\nused %lu\ndirty %lu\n", s.nr_pages, s.nr_buffers, s.used,
                s.dirty);
    proc_printf(b, "lookups %lu\nhits %lu\nmisses %lu\n", s.lookups, s.hits, s.lookups - s.hits);
    proc_printf(b, "reads %lu\nwrites %lu\nerrors %lu\n", s.reads, s.writes, s.errors);
    for (int i = 0; (bdev = bdev_by_index(i)); i++)
        proc_printf(b, "%s_errors %lu\n", bdev->name, bdev->errors);
}

/* /proc/diskstats, Linux's first eleven fields: major, minor, name; reads
 * done, merged, sectors read, ms reading; the same for writes; I/Os in
 * progress, ms doing I/O, weighted ms (Minnow keeps no times: 0). */
static void show_diskstats(struct proc_buf *b, struct task_struct *unused, struct inode *ino)
{
    struct block_device *bdev;

    (void)unused, (void)ino;
    for (int i = 0; (bdev = bdev_by_index(i)); i++)
        proc_printf(b, "%4u %7u %s %lu 0 %lu 0 %lu 0 %lu 0 0 0 0\n", bdev->dev >> 8,
                    bdev->dev & 0xff, bdev->name, bdev->reads, bdev->read_sectors, bdev->writes,
                    bdev->write_sectors);
}

static void show_version(struct proc_buf *b, struct task_struct *unused, struct inode *ino)
{
    (void)ino;
    (void)unused;
    proc_printf(b, "Minnow version 1.0 (a teaching Unix for 32-bit x86)\n");
}

/* The kernel command line as the boot loader gave it, so that a program
 * can read a setting meant for it (make bench's benchport=), as on Linux. */
static void show_cmdline(struct proc_buf *b, struct task_struct *unused, struct inode *ino)
{
    (void)ino;
    (void)unused;
    proc_printf(b, "%s\n", cmdline());
}

const struct proc_entry proc_system_entries[] = {
    { "bufstat", S_IFREG | 0444, show_bufstat, NULL, NULL },
    { "cmdline", S_IFREG | 0444, show_cmdline, NULL, NULL },
    { "cpuinfo", S_IFREG | 0444, show_cpuinfo, NULL, NULL },
    { "diskstats", S_IFREG | 0444, show_diskstats, NULL, NULL },
    { "loadavg", S_IFREG | 0444, show_loadavg, NULL, NULL },
    { "meminfo", S_IFREG | 0444, show_meminfo, NULL, NULL },
    { "mounts", S_IFREG | 0444, show_mounts, NULL, NULL },
    { "net", S_IFDIR | 0555, NULL, proc_net_entries, NULL },
    { "self", S_IFLNK | 0777, show_self, NULL, NULL },
    { "stat", S_IFREG | 0444, show_stat, NULL, NULL },
    { "uptime", S_IFREG | 0444, show_uptime, NULL, NULL },
    { "version", S_IFREG | 0444, show_version, NULL, NULL },
    { NULL, 0, NULL, NULL, NULL },
};
