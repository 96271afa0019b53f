/* Grader of the lab "Utilities with pipes" (docs/labs/util.md): pingpong.
 *
 * pingpong prints two lines, the child's and then the parent's:
 *
 *     C: received ping
 *     P: received pong
 *
 * where P is pingpong's pid and C its child's; it exits with 0, and
 * leaves no process behind. */
#include <stdio.h>
#include <string.h>
#include "lab_run.h"

#define SECONDS 5

static void check_pingpong(void)
{
    char *argv[] = { "pingpong", NULL };
    struct run r;
    int child = 0, parent = 0, end = 0;

    run_program(argv, NULL, SECONDS, 0, &r);
    int left = left_in_group(&r);
    clean_up(&r);
    if (r.timed_out) {
        check(0, "pingpong", "still running after %d s (killed), having printed \"%s\": "
              "a read waits until the other side writes its byte, or until every write "
              "end of that pipe is closed", SECONDS, one_line(r.out));
        return;
    }
    int fields = sscanf(r.out, "%d: received ping\n%d: received pong\n%n", &child, &parent, &end);
    if (fields != 2 || end != (int)strlen(r.out)) {
        check(0, "pingpong", "printed \"%s\"; want two lines, \"C: received ping\" "
              "(C: the child's pid), then \"%d: received pong\"", one_line(r.out), r.pid);
        return;
    }
    if (parent != r.pid || child == r.pid || child <= 0) {
        check(0, "pingpong", "ping from pid %d, pong from pid %d; pingpong was %d: the child "
              "prints ping, and pingpong itself pong (getpid() in each)", child, parent, r.pid);
        return;
    }
    if (!exited_with(&r, 0)) {
        check(0, "pingpong", "the output was right, but pingpong ended with %s, want exit "
              "status 0 (stderr: \"%s\")", how_it_ended(&r, SECONDS), one_line(r.err));
        return;
    }
    check(left == 0, "pingpong", "%d process(es) of pingpong still there after it exited: "
          "the parent waits for its child (waitpid) before it exits", left);
}

int main(void)
{
    static const char *const names[] = { "pingpong" };

    if (program_exists("pingpong", "util", names, 1))
        check_pingpong();
    return test_exit_code();
}
