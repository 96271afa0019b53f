/* kmain(): the kernel's first C function, called by boot/boot.asm with
 * paging on and the stack set up.  It brings the machine up one piece at a
 * time, in an order where each piece only needs the ones before it. */
#include <stdint.h>
#include <string.h>
#include "arch/multiboot.h"
#include "arch/gdt.h"
#include "arch/idt.h"
#include "arch/pic.h"
#include "arch/timer.h"
#include "arch/power.h"
#include "arch/x86.h"
#include "drv/console.h"
#include "mm/memlayout.h"
#include "mm/paging.h"
#include "mm/page_alloc.h"
#include "lib/printk.h"
#include "lib/cmdline.h"
#include "net/dhcp.h"
#include "test/ktest.h"
#include "arch/fpu.h"
#include "drv/rtc.h"
#include "drv/tty.h"
#include "fs/inode.h"
#include "fs/initrd.h"
#include "fs/dev.h"
#include "fs/block_dev.h"
#include "fs/buffer.h"
#include "fs/ext2/ext2.h"
#include "drv/ide.h"
#include "drv/loop.h"
#include "drv/pci.h"
#include "drv/e1000.h"
#include "net/net.h"
#include "net/loopback.h"
#include "fs/proc/proc.h"
#include "proc/sched.h"
#include "proc/init.h"

extern char _end[];                  /* linker.ld: end of the kernel image */

/* The initrds the boot loader loaded (multiboot modules), physical
 * addresses.  Each is a cpio archive, unpacked in order into one tree:
 * `make test` adds a second one with what only tests use. */
#define MAX_INITRDS 4
static struct { uint32_t start, end; } initrd[MAX_INITRDS];
static int nr_initrds;

/* The highest RAM address, from the memory map (or the older mem_upper). */
static uint32_t find_mem_end(struct multiboot_info *mb)
{
    uint64_t end = 0;

    if (mb->flags & MB_INFO_MMAP) {
        uint32_t p = mb->mmap_addr;
        while (p < mb->mmap_addr + mb->mmap_length) {
            struct multiboot_mmap *e = phys_to_virt(p);
            if (e->type == 1 && e->addr + e->len > end)
                end = e->addr + e->len;
            p += e->size + 4;
        }
    } else if (mb->flags & MB_INFO_MEMORY) {
        end = (1u << 20) + mb->mem_upper * 1024ull;
    }
    return end > MAX_PHYS_MEM ? MAX_PHYS_MEM : (uint32_t)end;
}

/* Hands the usable RAM above 1 MiB to the page allocator, minus the kernel
 * image and the initrd. */
static void memory_init(struct multiboot_info *mb, uint32_t mem_end)
{
    page_alloc_init(mem_end);
    if (mb->flags & MB_INFO_MMAP) {
        uint32_t p = mb->mmap_addr;
        while (p < mb->mmap_addr + mb->mmap_length) {
            struct multiboot_mmap *e = phys_to_virt(p);
            if (e->type == 1 && e->addr + e->len > 0x100000 && e->addr < mem_end) {
                uint64_t start = e->addr < 0x100000 ? 0x100000 : e->addr;
                uint64_t stop = e->addr + e->len;
                free_phys_range(start, stop > mem_end ? mem_end : stop);
            }
            p += e->size + 4;
        }
    } else {
        free_phys_range(0x100000, mem_end);
    }
    reserve_phys_range(0x100000, virt_to_phys(_end));
    for (int i = 0; i < nr_initrds; i++)
        reserve_phys_range(initrd[i].start, initrd[i].end);
}

static void read_boot_info(uint32_t magic, struct multiboot_info *mb)
{
    if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
        panic("not started by a multiboot loader (magic %08x)", magic);
    if (mb->flags & MB_INFO_CMDLINE)
        cmdline_init(phys_to_virt(mb->cmdline));
    if (mb->flags & MB_INFO_MODS) {
        struct multiboot_mod *mod = phys_to_virt(mb->mods_addr);
        for (uint32_t i = 0; i < mb->mods_count && nr_initrds < MAX_INITRDS; i++, nr_initrds++) {
            initrd[nr_initrds].start = mod[i].start;
            initrd[nr_initrds].end = mod[i].end;
        }
    }
}

/* The RAM file system, filled from the initrd, whose pages are then free. */
static void fs_init(void)
{
    vfs_init();
    ext2_init();                     /* mount -t ext2 /dev/hda ... */
    for (int i = 0; i < nr_initrds; i++) {
        uint32_t size = initrd[i].end - initrd[i].start;
        int n = initrd_unpack(phys_to_virt(initrd[i].start), size);
        if (n < 0)
            printk("initrd: not a cpio newc archive (error %d)\n", n);
        else
            printk("initrd: %d files and directories\n", n);
        free_phys_range(initrd[i].start, initrd[i].end);
    }
    if (nr_initrds == 0)
        printk("no initrd: the file system is empty\n");
    dev_init();
    blkdev_make_nodes();             /* /dev/hda...: the disks ide_init found */
    proc_init();
}

/* Test mode (`make test`, test=NAME on the command line): the kernel's
 * self-tests run first; then init runs the user-space ones (and powers the
 * machine off, which tools/test.sh reads from QEMU's exit status). */
static const char *run_tests(void)
{
    static char which[64];

    strlcpy(which, cmdline_get("test"), sizeof(which));
    dhcp_wait();                     /* the tests start with the network settled */
    int failed = run_kernel_tests(which);
    if (failed >= 0 && strcmp(which, "all") != 0)   /* it was a kernel test */
        qemu_exit(failed == 0 ? QEMU_EXIT_DONE : QEMU_EXIT_FAILED);
    return which;
}

void kmain(uint32_t magic, uint32_t mbinfo)
{
    struct multiboot_info *mb = phys_to_virt(mbinfo);

    console_init();
    read_boot_info(magic, mb);
    gdt_init();
    idt_init();
    pic_init();
    uint32_t mem_end = find_mem_end(mb);
    memory_init(mb, mem_end);
    paging_init(mem_end);            /* mb is unusable below this line */
    fpu_init();
    rtc_init();
    timer_init();
    sched_init();
    tty_init();

    printk("Minnow: a teaching Unix for 32-bit x86\n");
    printk("memory: %u MiB, %lu free pages of 4 KiB\n", mem_end >> 20, nr_free_pages());
    for (int i = 0; i < nr_initrds; i++)
        printk("initrd: %u bytes at %08x\n", initrd[i].end - initrd[i].start, initrd[i].start);
    printk("command line: %s\n", cmdline());
    buffer_init(nr_total_pages());
    pci_init();
    ide_init();
    loop_init();
    e1000_init();
    net_init();
    loopback_init();                 /* after the cards: eth0 stays the first device */
    fs_init();

    start_init(cmdline_get("test") ? run_tests() : NULL);
    bdflush_start();                 /* after init: init is pid 1 */
    cpu_idle();                      /* kmain's stack is the idle task's now */
}
