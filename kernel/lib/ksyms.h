#ifndef LIB_KSYMS_H
#define LIB_KSYMS_H

#include <stdint.h>

/* The kernel's own symbol table, generated from the linked kernel by
 * tools/ksyms.sh and linked in at the very end of the image (second link). */
struct ksym {
    uint32_t addr;
    uint32_t name;          /* offset into ksym_names */
};

extern const struct ksym ksyms[];
extern const char ksym_names[];
extern const uint32_t ksym_count;

/* The function containing addr, and addr's offset in it; NULL if unknown. */
const char *ksym_lookup(uint32_t addr, uint32_t *offset);

#endif
