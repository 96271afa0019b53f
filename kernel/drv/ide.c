/* The IDE disk driver: programmed I/O driven by the disk's interrupt.
 *
 * A PC has talked to its hard disks through the same eight I/O ports since
 * the IBM AT: the primary ATA channel at 0x1F0-0x1F7 (command block) and
 * 0x3F6 (control), interrupting on IRQ 14.  QEMU's PC has a PIIX IDE
 * controller on PCI, but in "compatibility mode" it answers at exactly
 * these legacy ports and IRQ, so Minnow finds no PCI device first: the
 * ports are fixed, and PCI would only matter for DMA (bus mastering),
 * which Minnow leaves out to keep one way of moving data.
 *
 * One channel holds two drives, master (hda) and slave (hdb), that share
 * the ports: one command at a time on the channel.  So there is one queue
 * of requests for both (FIFO: first come, first served).  A transfer goes:
 *
 *   ide_rw()      the caller's request joins the queue; if the channel is
 *                 idle it starts at once (start_request: LBA and count into
 *                 the registers, then the READ or WRITE SECTORS command);
 *                 the caller sleeps, uninterruptibly (a half-read buffer
 *                 must not be abandoned), until the request is done.
 *   ide_intr()    IRQ 14, once per sector: for a read, the sector is ready
 *                 in the data register (insw moves it into the buffer);
 *                 for a write, the disk took the sector sent last (outsw
 *                 sends the next).  After the last one, end_request()
 *                 wakes the caller and starts the next request in line.
 *
 * Errors (the ERR or DF status bit, a disk that says nothing for
 * IDE_TIMEOUT) end the request with -EIO, and are counted; a timeout also
 * resets the channel.  Nothing here panics.  The facts about the ports,
 * bits and commands are from the ATA/ATAPI-6 standard (T13/1410D). */
#include <string.h>
#include <minnow/errno.h>
#include "drv/ide.h"
#include "drv/block.h"
#include "arch/idt.h"
#include "arch/pic.h"
#include "arch/timer.h"
#include "arch/x86.h"
#include "proc/sched.h"
#include "lib/printk.h"

/* The primary channel's registers (ATA-6, section 7). */
enum {
    ATA_DATA = 0x1F0,            /* 16 bits: sector data, a word at a time */
    ATA_ERROR = 0x1F1,           /* why ERR is set (read) */
    ATA_NSECTOR = 0x1F2,         /* sector count */
    ATA_LBA_LOW = 0x1F3,         /* LBA bits 0-7 (and 24-31 for LBA48) */
    ATA_LBA_MID = 0x1F4,         /* LBA bits 8-15 (32-39) */
    ATA_LBA_HIGH = 0x1F5,        /* LBA bits 16-23 (40-47) */
    ATA_DEVICE = 0x1F6,          /* which drive; LBA28's bits 24-27 */
    ATA_STATUS = 0x1F7,          /* read: status, and the interrupt is acknowledged */
    ATA_COMMAND = 0x1F7,         /* write: the command starts */
    ATA_CTRL = 0x3F6,            /* write: device control */
    ATA_ALTSTATUS = 0x3F6,       /* read: status, without acknowledging anything */
};

/* Status bits */
#define ATA_BSY  0x80            /* busy: no other bit is valid */
#define ATA_DRDY 0x40            /* ready for a command */
#define ATA_DF   0x20            /* device fault */
#define ATA_DRQ  0x08            /* data request: a sector to move */
#define ATA_ERR  0x01            /* the command failed */

/* Device register: bit 6 LBA addressing, bit 4 the slave, bits 7 and 5
 * set for old drives' sake. */
#define ATA_DEV_LBA 0xE0
#define ATA_DEV_SLAVE 0x10

/* Device control bits */
#define ATA_NIEN 0x02            /* no interrupts (while probing) */
#define ATA_SRST 0x04            /* software reset of both drives */

/* Commands */
#define ATA_CMD_READ       0x20  /* READ SECTORS: LBA28, an interrupt a sector */
#define ATA_CMD_READ_EXT   0x24  /* READ SECTORS EXT: LBA48 */
#define ATA_CMD_WRITE      0x30  /* WRITE SECTORS */
#define ATA_CMD_WRITE_EXT  0x34  /* WRITE SECTORS EXT */
#define ATA_CMD_READ_MULTI 0xC4  /* READ MULTIPLE: an interrupt a block of sectors */
#define ATA_CMD_READ_MULTI_EXT 0x29
#define ATA_CMD_WRITE_MULTI 0xC5 /* WRITE MULTIPLE */
#define ATA_CMD_WRITE_MULTI_EXT 0x39
#define ATA_CMD_SET_MULTI  0xC6  /* SET MULTIPLE MODE: sectors per block */
#define ATA_CMD_IDENTIFY   0xEC  /* IDENTIFY DEVICE: 256 words about the drive */

#define LBA28_LIMIT (1u << 28)   /* sectors LBA28 can name: 128 GiB */
#define MAX_SECTORS 128          /* per command; the block layer splits larger ones */
#define MAX_MULTIPLE 16          /* sectors per interrupt, at most */
#define IDE_TIMEOUT (5 * HZ)     /* a request the disk does not finish by then fails */
#define POLL_LIMIT 1000000       /* status reads before giving up on a busy disk:
                                    about a second on real hardware, where one
                                    port read takes a microsecond or more */

struct ide_drive {
    int slave;                   /* 0: master, 1: slave */
    int lba48;                   /* it knows the EXT commands */
    unsigned multiple;           /* sectors moved per interrupt (READ/WRITE
                                    MULTIPLE); 1: one at a time */
    struct block_device bdev;
    char model[41];
};

/* One transfer, from the queue's point of view.  It lives on the kernel
 * stack of the task that asked for it, which sleeps until it is done. */
struct ide_request {
    struct ide_drive *drive;
    int write;
    uint32_t sector;             /* the first sector */
    unsigned count;              /* sectors still to move */
    unsigned chunk;              /* sectors in the block under way */
    char *buf;                   /* where the next sector goes (or comes from) */
    int done;                    /* finished, well or not */
    int error;                   /* 0 or -EIO */
    unsigned long started;       /* jiffies when the disk got it */
    struct ide_request *next;
};

static struct ide_drive drives[2];
static struct ide_request *queue_head;   /* on the disk now */
static struct ide_request *queue_tail;   /* the last to come */

/* ------------------------------------------------------------ the ports */

/* The drive needs 400 ns after it is selected before its status means
 * anything: four reads of the alternate status take at least that. */
static void ata_delay(void)
{
    for (int i = 0; i < 4; i++)
        inb(ATA_ALTSTATUS);
}

/* Waits until BSY is clear; then the status, or -EIO if it never clears. */
static int wait_not_busy(void)
{
    for (int i = 0; i < POLL_LIMIT; i++) {
        uint8_t status = inb(ATA_ALTSTATUS);
        if (!(status & ATA_BSY))
            return status;
    }
    return -EIO;
}

/* Waits until the disk wants data (DRQ) or says it failed. */
static int wait_drq(void)
{
    int status = wait_not_busy();

    for (int i = 0; status >= 0 && i < POLL_LIMIT; i++) {
        if (status & (ATA_ERR | ATA_DF))
            return -EIO;
        if (status & ATA_DRQ)
            return 0;
        status = inb(ATA_ALTSTATUS);
    }
    return -EIO;
}

/* The next block of sectors of req, between the data register and the
 * buffer: 32 bits a port access (the PIIX controller, like most, takes
 * 32-bit PIO; the standard's register is 16 bits wide and the controller
 * splits each access in two), which halves the port reads an emulator
 * must serve. */
static void move_chunk(struct ide_request *req)
{
    unsigned words = req->chunk * SECTOR_SIZE / 4;

    if (req->write)
        outsl(ATA_DATA, req->buf, words);
    else
        insl(ATA_DATA, req->buf, words);
}

/* How many sectors the next interrupt is about. */
static unsigned next_chunk(struct ide_request *req)
{
    return req->count < req->drive->multiple ? req->count : req->drive->multiple;
}

static void select_drive(struct ide_drive *d, uint8_t lba_top)
{
    outb(ATA_DEVICE, ATA_DEV_LBA | (d->slave ? ATA_DEV_SLAVE : 0) | lba_top);
    ata_delay();
}

/* Both drives back to their power-on state, after a request timed out. */
static void reset_channel(void)
{
    outb(ATA_CTRL, ATA_SRST | ATA_NIEN);
    ata_delay();
    outb(ATA_CTRL, 0);
    ata_delay();
    wait_not_busy();
    inb(ATA_STATUS);             /* forget any interrupt of the reset */
}

/* ------------------------------------------------------------ requests */

/* Where and how much: LBA28 for the usual disk (one register write per
 * byte of the address), LBA48 only when the transfer reaches past 128 GiB:
 * each register then takes two bytes, high one first. */
static void write_address(struct ide_drive *d, uint32_t sector, unsigned count, int lba48)
{
    if (lba48) {
        select_drive(d, 0);
        outb(ATA_NSECTOR, count >> 8);
        outb(ATA_LBA_LOW, sector >> 24);
        outb(ATA_LBA_MID, 0);            /* bits 32-47: Minnow's sector */
        outb(ATA_LBA_HIGH, 0);           /* numbers are 32 bits */
    } else {
        select_drive(d, (sector >> 24) & 0x0F);
    }
    outb(ATA_NSECTOR, count & 0xFF);     /* 256 would be 0: MAX_SECTORS is less */
    outb(ATA_LBA_LOW, sector & 0xFF);
    outb(ATA_LBA_MID, (sector >> 8) & 0xFF);
    outb(ATA_LBA_HIGH, (sector >> 16) & 0xFF);
}

/* The command for req: read or write, LBA28 or LBA48, a sector or a
 * block of sectors per interrupt. */
static uint8_t command_for(struct ide_request *req, int lba48)
{
    static const uint8_t commands[2][2][2] = {   /* [write][lba48][multiple] */
        { { ATA_CMD_READ, ATA_CMD_READ_MULTI }, { ATA_CMD_READ_EXT, ATA_CMD_READ_MULTI_EXT } },
        { { ATA_CMD_WRITE, ATA_CMD_WRITE_MULTI }, { ATA_CMD_WRITE_EXT, ATA_CMD_WRITE_MULTI_EXT } },
    };
    return commands[req->write][lba48][req->drive->multiple > 1];
}

/* Gives req to the disk.  0, or -EIO if the disk will not take it. */
static int start_request(struct ide_request *req)
{
    struct ide_drive *d = req->drive;
    int lba48 = req->sector + req->count > LBA28_LIMIT;

    req->started = jiffies;
    if (lba48 && !d->lba48)
        return -EIO;
    if (wait_not_busy() < 0)
        return -EIO;
    write_address(d, req->sector, req->count, lba48);
    outb(ATA_COMMAND, command_for(req, lba48));
    req->chunk = next_chunk(req);
    if (req->write) {
        /* the first block goes without an interrupt: as soon as the disk
         * asks for it (DRQ), which takes it microseconds */
        if (wait_drq() < 0)
            return -EIO;
        move_chunk(req);
    }
    return 0;
}

/* Starts the request at the head of the queue; one the disk refuses ends
 * at once with -EIO, and the next in line is tried. */
static void end_request(struct ide_request *req, int error);

static void start_queue(void)
{
    while (queue_head) {
        if (start_request(queue_head) == 0)
            return;
        end_request(queue_head, -EIO);   /* (does not call start_queue) */
    }
}

/* The request at the head is over: its caller wakes up. */
static void end_request(struct ide_request *req, int error)
{
    if (error)
        printk("%s: %s error at sector %u (status %02x, error %02x)\n", req->drive->bdev.name,
               req->write ? "write" : "read", req->sector, inb(ATA_ALTSTATUS), inb(ATA_ERROR));
    queue_head = req->next;
    if (!queue_head)
        queue_tail = NULL;
    req->error = error;
    req->done = 1;
    wake_up(req);
}

static void add_request(struct ide_request *req)
{
    req->next = NULL;
    if (queue_tail) {
        queue_tail->next = req;          /* the channel is busy: wait in line */
        queue_tail = req;
        return;
    }
    queue_head = queue_tail = req;
    start_queue();
}

/* A waiter's alarm went off: if the request on the disk has been there
 * too long, the disk is not going to answer.  Reset the channel, fail
 * that request and go on with the next. */
static void check_timeout(void)
{
    if (!queue_head || !time_after_eq(jiffies, queue_head->started + IDE_TIMEOUT))
        return;
    printk("%s: no answer from the disk after %d s\n", queue_head->drive->bdev.name,
           IDE_TIMEOUT / HZ);
    reset_channel();
    end_request(queue_head, -EIO);
    start_queue();
}

/* Sleeps until req is done.  At boot, before there are tasks, kmain (the
 * idle task) has no one to switch to: it waits with the CPU halted until
 * the next interrupt instead. */
static void wait_for_request(struct ide_request *req)
{
    while (!req->done) {
        if (current == &tasks[0]) {
            sti();
            hlt();
            cli();
        } else {
            uninterruptible_sleep_on_timeout(req, IDE_TIMEOUT);
        }
        if (!req->done)
            check_timeout();
    }
}

/* block_device_ops.rw: one transfer, the caller asleep until it is over. */
static int ide_rw(struct block_device *bdev, int write, uint32_t sector, unsigned count, void *buf)
{
    struct ide_request req = {
        .drive = bdev->private, .write = write, .sector = sector, .count = count, .buf = buf,
    };

    if (count == 0 || count > MAX_SECTORS)
        return -EIO;
    add_request(&req);
    wait_for_request(&req);
    return req.error;
}

/* The request is over; the next in line goes to the disk. */
static void finish(struct ide_request *req, int error)
{
    end_request(req, error);
    start_queue();
}

/* A read: the next block of sectors waits in the data register. */
static void read_intr(struct ide_request *req, uint8_t status)
{
    if (!(status & ATA_DRQ)) {
        finish(req, -EIO);
        return;
    }
    move_chunk(req);
    req->buf += req->chunk * SECTOR_SIZE;
    req->count -= req->chunk;
    req->chunk = next_chunk(req);
    if (req->count == 0)
        finish(req, 0);
}

/* A write: the disk has stored the block sent last, and wants the next. */
static void write_intr(struct ide_request *req, uint8_t status)
{
    req->buf += req->chunk * SECTOR_SIZE;
    req->count -= req->chunk;
    req->chunk = next_chunk(req);
    if (req->count == 0)
        finish(req, 0);
    else if (!(status & ATA_DRQ))
        finish(req, -EIO);
    else
        move_chunk(req);
}

/* IRQ 14: the disk has done one more block of the request at the head. */
void ide_intr(void)
{
    uint8_t status = inb(ATA_STATUS);    /* reading it acknowledges the interrupt */
    struct ide_request *req = queue_head;

    if (!req || (status & ATA_BSY))
        return;                          /* not ours (a probe's, or a reset's) */
    if (status & (ATA_ERR | ATA_DF))
        finish(req, -EIO);
    else if (req->write)
        write_intr(req, status);
    else
        read_intr(req, status);
}

/* ------------------------------------------------------------ probing */

/* IDENTIFY DEVICE, polled (interrupts are off at boot).  0 and the 256
 * words in id, or -ENODEV when no ATA disk answers: an empty position
 * reads status 0 (or 0xFF, a floating bus with no controller), and an
 * ATAPI CD-ROM sets the signature 0x14, 0xEB in the LBA registers. */
static int identify(struct ide_drive *d, uint16_t id[256])
{
    select_drive(d, 0);
    uint8_t status = inb(ATA_STATUS);
    if (status == 0 || status == 0xFF)
        return -ENODEV;
    outb(ATA_NSECTOR, 0);
    outb(ATA_LBA_LOW, 0);
    outb(ATA_LBA_MID, 0);
    outb(ATA_LBA_HIGH, 0);
    outb(ATA_COMMAND, ATA_CMD_IDENTIFY);
    ata_delay();
    if (inb(ATA_STATUS) == 0 || wait_not_busy() < 0)
        return -ENODEV;
    if (inb(ATA_LBA_MID) != 0 || inb(ATA_LBA_HIGH) != 0)
        return -ENODEV;                  /* ATAPI or SATA: not a disk we drive */
    if (wait_drq() < 0)
        return -ENODEV;
    insw(ATA_DATA, id, 256);
    return 0;
}

/* The model name: words 27-46, two characters a word, high byte first. */
static void copy_model(char *model, const uint16_t *id)
{
    int n = 0;

    for (int w = 27; w <= 46; w++) {
        model[n++] = id[w] >> 8;
        model[n++] = id[w] & 0xFF;
    }
    while (n > 0 && model[n - 1] == ' ')
        n--;
    model[n] = '\0';
}

static const struct block_device_ops ide_ops = { .rw = ide_rw, .max_sectors = MAX_SECTORS };

/* READ/WRITE MULTIPLE move a block of sectors per interrupt, up to what
 * IDENTIFY's word 47 says (16 on QEMU's disks): one interrupt, and for an
 * emulator one request to its image file, instead of one a sector.  SET
 * MULTIPLE MODE chooses the size (a power of two); a disk that refuses
 * goes a sector at a time. */
static void set_multiple(struct ide_drive *d, const uint16_t *id)
{
    unsigned max = id[47] & 0xFF;

    d->multiple = 1;
    while (d->multiple * 2 <= max && d->multiple * 2 <= MAX_MULTIPLE)
        d->multiple *= 2;
    if (d->multiple == 1)
        return;
    select_drive(d, 0);
    outb(ATA_NSECTOR, d->multiple);
    outb(ATA_COMMAND, ATA_CMD_SET_MULTI);
    ata_delay();
    int status = wait_not_busy();
    if (status < 0 || (status & (ATA_ERR | ATA_DF)))
        d->multiple = 1;
}

static void probe(int slave)
{
    struct ide_drive *d = &drives[slave];
    uint16_t id[256];

    d->slave = slave;
    if (identify(d, id) < 0)
        return;
    if (!(id[49] & (1 << 9))) {          /* capabilities: LBA supported */
        printk("ide: drive %d knows no LBA addressing; ignored\n", slave);
        return;
    }
    d->lba48 = (id[83] & (1 << 10)) != 0;   /* command set: 48-bit address */
    uint32_t sectors = id[60] | (uint32_t)id[61] << 16;
    if (d->lba48 && (id[102] || id[103]))
        sectors = 0xFFFFFFFF;            /* 2 TiB and more: Minnow sees 2 TiB */
    else if (d->lba48)
        sectors = id[100] | (uint32_t)id[101] << 16;
    copy_model(d->model, id);
    set_multiple(d, id);
    strlcpy(d->bdev.name, slave ? "hdb" : "hda", sizeof(d->bdev.name));
    d->bdev.dev = (IDE0_MAJOR << 8) | (slave ? 64 : 0);
    d->bdev.sectors = sectors;
    d->bdev.ops = &ide_ops;
    d->bdev.private = d;
    printk("%s: %s, %s, %u sectors per interrupt\n", d->bdev.name, d->model,
           d->lba48 ? "LBA48" : "LBA28", d->multiple);
    register_block_device(&d->bdev);
}

void ide_init(void)
{
    outb(ATA_CTRL, ATA_NIEN);            /* probe by polling */
    probe(0);
    probe(1);
    outb(ATA_CTRL, 0);                   /* from now on, interrupts */
    inb(ATA_STATUS);
    if (drives[0].bdev.ops || drives[1].bdev.ops)
        pic_enable(IRQ_IDE);
}
