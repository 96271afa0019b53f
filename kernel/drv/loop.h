#ifndef DRV_LOOP_H
#define DRV_LOOP_H

/* /dev/loop0../dev/loop3: files seen as disks (drv/loop.c). */
void loop_init(void);

#endif
