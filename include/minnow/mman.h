/* mmap and its relatives: Linux's values, shared by the kernel and the C
 * library (docs/vm.md). */
#ifndef _MINNOW_MMAN_H
#define _MINNOW_MMAN_H

/* prot: what the program may do with the pages */
#define PROT_NONE      0x0
#define PROT_READ      0x1
#define PROT_WRITE     0x2
#define PROT_EXEC      0x4

/* flags: exactly one of MAP_SHARED, MAP_PRIVATE (or MAP_SHARED_VALIDATE) */
#define MAP_SHARED          0x01     /* writes reach the file and every mapper */
#define MAP_PRIVATE         0x02     /* writes are this process's own (copy-on-write) */
#define MAP_SHARED_VALIDATE 0x03     /* MAP_SHARED, and unknown flags are an error */
#define MAP_TYPE            0x0f
#define MAP_FIXED           0x10     /* exactly at addr, replacing what is there */
#define MAP_ANONYMOUS       0x20     /* zero-filled, no file */
#define MAP_ANON            MAP_ANONYMOUS
#define MAP_GROWSDOWN       0x0100   /* a stack: grows down when touched below */
#define MAP_DENYWRITE       0x0800   /* ignored, as by Linux */
#define MAP_EXECUTABLE      0x1000   /* ignored, as by Linux */
#define MAP_LOCKED          0x2000   /* accepted; Minnow never swaps */
#define MAP_NORESERVE       0x4000   /* skip the "more than is free" check */
#define MAP_POPULATE        0x8000   /* accepted; pages still come in on demand */
#define MAP_NONBLOCK        0x10000
#define MAP_STACK           0x20000
#define MAP_HUGETLB         0x40000  /* refused: Minnow has no huge pages */
#define MAP_FIXED_NOREPLACE 0x100000 /* exactly at addr, EEXIST if taken */

#define MAP_FAILED ((void *)-1)

/* mremap */
#define MREMAP_MAYMOVE 1
#define MREMAP_FIXED   2

/* msync */
#define MS_ASYNC       1
#define MS_INVALIDATE  2
#define MS_SYNC        4

/* madvise */
#define MADV_NORMAL     0
#define MADV_RANDOM     1
#define MADV_SEQUENTIAL 2
#define MADV_WILLNEED   3
#define MADV_DONTNEED   4            /* drop the pages: private ones read as zeroes
                                        (anonymous) or the file again */
#define MADV_FREE       8

/* The old mmap (system call 90) takes its six arguments in memory. */
struct mmap_arg_struct {
    unsigned long addr, len, prot, flags, fd, offset;
};

/* getvmas (Minnow's own, for pmap until /proc/PID/maps exists): one
 * record an area of a process's address space. */
#define VMI_READ   1
#define VMI_WRITE  2
#define VMI_EXEC   4
#define VMI_SHARED 8

struct vma_info {
    unsigned long start, end;    /* [start, end), page-aligned */
    unsigned long offset;        /* in the file, in bytes (0: anonymous) */
    unsigned long ino;           /* the file's inode number (0: anonymous) */
    unsigned long resident;      /* pages of it present now */
    unsigned int flags;          /* VMI_READ | VMI_WRITE | VMI_EXEC | VMI_SHARED */
    char name[16];               /* "[heap]", "[stack]", the program's name
                                    for its own file, or "" */
};

#endif
