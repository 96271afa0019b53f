#ifndef ARCH_FPU_H
#define ARCH_FPU_H

void fpu_init(void);

#endif
