/* What the boot loader tells the kernel (Multiboot specification 0.6.96),
 * only the parts Minnow reads. */
#ifndef ARCH_MULTIBOOT_H
#define ARCH_MULTIBOOT_H

#include <stdint.h>

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002

#define MB_INFO_MEMORY   (1 << 0)
#define MB_INFO_CMDLINE  (1 << 2)
#define MB_INFO_MODS     (1 << 3)
#define MB_INFO_MMAP     (1 << 6)

struct multiboot_info {
    uint32_t flags;
    uint32_t mem_lower, mem_upper;    /* KiB below 1 MiB, above 1 MiB */
    uint32_t boot_device;
    uint32_t cmdline;                 /* physical address of a C string */
    uint32_t mods_count, mods_addr;
    uint32_t syms[4];
    uint32_t mmap_length, mmap_addr;
} __attribute__((packed));

struct multiboot_mod {
    uint32_t start, end;              /* physical */
    uint32_t string;
    uint32_t reserved;
} __attribute__((packed));

struct multiboot_mmap {
    uint32_t size;                    /* of the rest of this entry */
    uint64_t addr, len;
    uint32_t type;                    /* 1 = usable RAM */
} __attribute__((packed));

#endif
