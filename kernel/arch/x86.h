/* The few x86 instructions C cannot express, each as a small inline
 * function so that gdb can step over them like any other call. */
#ifndef ARCH_X86_H
#define ARCH_X86_H

#include <stdint.h>

static inline uint8_t inb(uint16_t port)
{
    uint8_t v;
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline void outb(uint16_t port, uint8_t v)
{
    __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint16_t inw(uint16_t port)
{
    uint16_t v;
    __asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

/* n 16-bit words from a port into memory, and back: how a disk's data
 * register is read and written a sector at a time (rep insw, rep outsw). */
static inline void insw(uint16_t port, void *buf, uint32_t n)
{
    __asm__ volatile("rep insw" : "+D"(buf), "+c"(n) : "d"(port) : "memory");
}

static inline void outsw(uint16_t port, const void *buf, uint32_t n)
{
    __asm__ volatile("rep outsw" : "+S"(buf), "+c"(n) : "d"(port) : "memory");
}

static inline void insl(uint16_t port, void *buf, uint32_t n)
{
    __asm__ volatile("rep insl" : "+D"(buf), "+c"(n) : "d"(port) : "memory");
}

static inline void outsl(uint16_t port, const void *buf, uint32_t n)
{
    __asm__ volatile("rep outsl" : "+S"(buf), "+c"(n) : "d"(port) : "memory");
}

static inline void outw(uint16_t port, uint16_t v)
{
    __asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint32_t inl(uint16_t port)
{
    uint32_t v;
    __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline void outl(uint16_t port, uint32_t v)
{
    __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline void cli(void) { __asm__ volatile("cli" ::: "memory"); }
static inline void sti(void) { __asm__ volatile("sti" ::: "memory"); }
static inline void hlt(void) { __asm__ volatile("hlt" ::: "memory"); }

/* Lets waiting interrupts in for a moment, at a point where the kernel's
 * data is consistent (sti takes effect after the next instruction). */
static inline void interrupt_window(void)
{
    __asm__ volatile("sti\n\tnop\n\tcli" ::: "memory");
}

/* The CPU's time-stamp counter: cycles since it was reset. */
static inline uint64_t rdtsc(void)
{
    uint64_t v;
    __asm__ volatile("rdtsc" : "=A"(v));
    return v;
}

static inline uint32_t read_cr2(void)
{
    uint32_t v;
    __asm__ volatile("mov %%cr2, %0" : "=r"(v));
    return v;
}

static inline uint32_t read_cr3(void)
{
    uint32_t v;
    __asm__ volatile("mov %%cr3, %0" : "=r"(v));
    return v;
}

static inline void write_cr3(uint32_t v)
{
    __asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline void invlpg(uint32_t va)
{
    __asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
}

/* The feature bits of CPUID leaf 1 (edx): what the CPU can do, as a
 * program's AT_HWCAP reports it. */
static inline uint32_t cpu_features(void)
{
    uint32_t a = 1, b, c, d;
    __asm__ volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
    return d;
}

static inline uint32_t read_ebp(void)
{
    uint32_t v;
    __asm__ volatile("mov %%ebp, %0" : "=r"(v));
    return v;
}

#endif
