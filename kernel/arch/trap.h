#ifndef ARCH_TRAP_H
#define ARCH_TRAP_H

#include "arch/regs.h"

void trap(struct pt_regs *regs);
void ret_to_user(struct pt_regs *regs);
const char *exception_name(unsigned trapno);

#endif
