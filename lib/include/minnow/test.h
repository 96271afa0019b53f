/* The helper of Minnow's in-OS test programs (lib/test.c).
 *
 *   check(n == 3, "count", "got %d", n);
 *
 * prints "ok count", or "FAIL count: got 2", as one line on stdout, and
 * counts the failures; main ends with  return test_exit_code();  */
#ifndef _MINNOW_TEST_H
#define _MINNOW_TEST_H

void check(int cond, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int test_exit_code(void);      /* 0 if every check passed, else 1 */
int test_failures(void);       /* how many checks failed so far */
long free_pages(void);         /* free memory, in 4096-byte pages (sysinfo) */

#endif
