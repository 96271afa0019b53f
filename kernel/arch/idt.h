#ifndef ARCH_IDT_H
#define ARCH_IDT_H

#define T_DIVIDE     0      /* divide error */
#define T_DEBUG      1
#define T_NMI        2
#define T_BRKPT      3
#define T_OVERFLOW   4
#define T_BOUND      5
#define T_ILLOP      6      /* invalid opcode */
#define T_DEVICE     7
#define T_DBLFLT     8
#define T_TSS        10
#define T_SEGNP      11
#define T_STACK      12
#define T_GPFLT      13     /* general protection */
#define T_PGFLT      14     /* page fault */
#define T_FPERR      16
#define T_ALIGN      17
#define T_MCHK       18
#define T_SIMDERR    19

#define IRQ0         32     /* the PIC's IRQs are remapped to 32..47 */
#define IRQ_TIMER    0
#define IRQ_KBD      1
#define IRQ_COM1     4
#define IRQ_IDE      14     /* the primary ATA channel (drv/ide.c) */
#define T_SYSCALL    0x80   /* int $0x80 */

void idt_init(void);

#endif
