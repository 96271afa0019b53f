/* sync: write every dirty block of the buffer cache to the disks now,
 * instead of within the next few seconds (bdflush).  After it, killing
 * QEMU loses nothing that was written before. */
#include <unistd.h>

int main(void)
{
    sync();
    return 0;
}
