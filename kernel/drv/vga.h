#ifndef DRV_VGA_H
#define DRV_VGA_H

void vga_init(void);
void vga_putc(char c);

#endif
