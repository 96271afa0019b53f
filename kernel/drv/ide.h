/* The IDE (ATA) disk driver: the disks on the PC's primary ATA channel,
 * hda (master) and hdb (slave), registered as block devices. */
#ifndef DRV_IDE_H
#define DRV_IDE_H

void ide_init(void);     /* at boot: finds the disks and registers them */
void ide_intr(void);     /* IRQ 14: the disk finished a step of a transfer */

#endif
