/* Bitmaps: a block of bits, one for each block (or inode) of a group,
 * 1 for "in use".  Bit n is bit n % 8 of byte n / 8, as ext2 numbers them
 * on every machine.  balloc.c and ialloc.c search and change them. */
#include "fs/ext2/ext2.h"

int ext2_test_bit(const char *map, uint32_t bit)
{
    return (map[bit / 8] >> (bit % 8)) & 1;
}

void ext2_set_bit(char *map, uint32_t bit)
{
    map[bit / 8] |= 1 << (bit % 8);
}

void ext2_clear_bit(char *map, uint32_t bit)
{
    map[bit / 8] &= ~(1 << (bit % 8));
}

/* The first 0 bit at `from` or after it, below size; -1 if none.  Whole
 * bytes of 1s (a full stretch of the group) are skipped eight at a time. */
long ext2_find_zero_bit(const char *map, uint32_t size, uint32_t from)
{
    uint32_t bit = from;

    while (bit < size) {
        if (bit % 8 == 0 && (unsigned char)map[bit / 8] == 0xff) {
            bit += 8;
            continue;
        }
        if (!ext2_test_bit(map, bit))
            return bit;
        bit++;
    }
    return -1;
}
