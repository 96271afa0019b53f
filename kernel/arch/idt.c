/* The Interrupt Descriptor Table: for each vector, which stub in
 * entry.asm the CPU jumps to.  Every gate is an interrupt gate, so the CPU
 * clears IF on entry: the kernel runs with interrupts off and is never
 * interrupted half-way through changing a data structure (see
 * docs/kernel.md, "one CPU, interrupts off in the kernel"). */
#include <stdint.h>
#include "arch/idt.h"
#include "arch/regs.h"

struct idt_gate {
    uint16_t offset_low;
    uint16_t selector;
    uint8_t zero;
    uint8_t type;          /* present, DPL, 32-bit interrupt gate */
    uint16_t offset_high;
} __attribute__((packed));

struct idt_ptr {
    uint16_t limit;
    uint32_t base;
} __attribute__((packed));

enum { GATE_INTR = 0x8E, GATE_DPL3 = 0x60 };

extern uint32_t trap_stubs[49];     /* entry.asm: vectors 0..47, then 0x80 */
static struct idt_gate idt[256];

static void set_gate(int vec, uint32_t handler, uint8_t type)
{
    idt[vec] = (struct idt_gate){
        .offset_low = handler & 0xffff,
        .selector = KERNEL_CS,
        .type = type,
        .offset_high = handler >> 16,
    };
}

void idt_init(void)
{
    for (int v = 0; v < 48; v++)
        set_gate(v, trap_stubs[v], GATE_INTR);
    /* DPL 3: user programs may execute "int $0x80", but not "int $14";
     * and int3, a debugger's breakpoint, which becomes SIGTRAP. */
    set_gate(T_SYSCALL, trap_stubs[48], GATE_INTR | GATE_DPL3);
    set_gate(T_BRKPT, trap_stubs[T_BRKPT], GATE_INTR | GATE_DPL3);

    struct idt_ptr ptr = { sizeof(idt) - 1, (uint32_t)idt };
    __asm__ volatile("lidt %0" : : "m"(ptr));
}
