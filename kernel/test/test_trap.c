/* Self-tests of interrupts. */
#include "test/ktest.h"
#include "arch/timer.h"
#include "arch/x86.h"
#include "lib/printk.h"

/* The PIT interrupts and the handler counts: 10 ticks arrive while we wait
 * with interrupts on. */
const char *test_timer_ticks(void)
{
    unsigned long start = jiffies;

    for (int i = 0; i < 1000 && jiffies < start + 10; i++) {
        sti();
        hlt();                       /* sleeps until the next interrupt */
        cli();
    }
    if (jiffies < start + 10)
        return ktest_fail("only %lu ticks", jiffies - start);
    return NULL;
}

/* Not in the default run: `make test T=panic` shows that a kernel panic
 * ends the run as a failure instead of hanging it. */
const char *test_panic(void)
{
    panic("deliberate panic from the panic test");
}
