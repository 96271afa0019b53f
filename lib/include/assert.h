/* assert(condition): if the condition is false, print where and abort.
 * Compiling with -DNDEBUG removes the checks. */
#undef assert
#ifdef NDEBUG
#define assert(cond) ((void)0)
#else
#define assert(cond) \
    ((cond) ? (void)0 : __assert_fail(#cond, __FILE__, __LINE__, __func__))
#endif

#ifndef _ASSERT_H
#define _ASSERT_H
_Noreturn void __assert_fail(const char *cond, const char *file, int line,
                             const char *func);
#endif
