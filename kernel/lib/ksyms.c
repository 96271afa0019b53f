/* Turning addresses into function names, for panic backtraces. */
#include <stddef.h>
#include "lib/ksyms.h"

const char *ksym_lookup(uint32_t addr, uint32_t *offset)
{
    uint32_t lo = 0, hi = ksym_count;

    if (hi == 0 || addr < ksyms[0].addr)
        return NULL;
    while (hi - lo > 1) {            /* the last symbol at or below addr */
        uint32_t mid = (lo + hi) / 2;
        if (ksyms[mid].addr <= addr)
            lo = mid;
        else
            hi = mid;
    }
    if (offset)
        *offset = addr - ksyms[lo].addr;
    return &ksym_names[ksyms[lo].name];
}
