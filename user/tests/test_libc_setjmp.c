/* setjmp and longjmp: the second return, its value, jumping out of nested
 * calls, and the caller's variables afterwards. */
#include <minnow/test.h>
#include <setjmp.h>

static jmp_buf env;
static int depth_reached;

static void dive(int depth, int val)
{
    depth_reached = depth;
    if (depth == 10)
        longjmp(env, val);
    if (depth < 10)
        dive(depth + 1, val);
    depth_reached = -1;                         /* never: longjmp skipped this */
}

int main(void)
{
    volatile int calls = 0;
    volatile int kept = 1234;

    int r = setjmp(env);
    calls++;
    if (r == 0) {
        check(calls == 1, "setjmp_first", "first return %d after %d calls", r, calls);
        kept = 5678;
        dive(1, 42);
    }
    check(r == 42 && calls == 2 && depth_reached == 10, "longjmp_nested",
          "r=%d calls=%d depth=%d", r, calls, depth_reached);
    check(kept == 5678, "longjmp_variables", "kept=%d", kept);

    volatile int second = 0;
    r = setjmp(env);
    if (!second) {
        second = 1;
        longjmp(env, 0);                        /* 0 becomes 1 */
    }
    check(r == 1, "longjmp_zero", "r=%d", r);

    /* A loop made of jumps: the stack must not grow. */
    volatile int count = 0;
    r = setjmp(env);
    if (count < 1000) {
        count++;
        longjmp(env, count);
    }
    check(r == 1000 && count == 1000, "longjmp_loop", "r=%d count=%d", r, count);
    return test_exit_code();
}
