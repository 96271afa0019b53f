/* buffering: see stdio's buffer hold back output.
 *
 * What it shows: printf does not write to the screen; it writes into
 * stdout's buffer.  On a terminal, stdout is line-buffered: the buffer
 * goes out at a newline, at fflush(stdout), or when the program exits.
 * write(1, ...) is the system call itself: no buffer, out at once.
 * stderr is unbuffered.  Watch the pauses: text appears when the buffer
 * is emptied, not when printf is called.
 *
 * Try also  buffering > /tmp/out ; cat /tmp/out : into a file, stdout is
 * fully buffered, and the order in the file differs from the order of
 * the calls. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void say(const char *text)        /* straight to fd 1, no stdio */
{
    write(STDOUT_FILENO, text, strlen(text));
}

int main(void)
{
    if (!isatty(STDOUT_FILENO))
        say("(stdout is not a terminal here, so it is fully buffered: the printf\n"
            " output below comes only at the end, when exit() flushes the buffer)\n\n");
    say("1. printf(\"A\") with no newline, then sleep 2 seconds:\n   ");
    printf("A");
    sleep(2);
    say("\n   (nothing appeared: \"A\" is still in stdout's buffer)\n");

    say("2. now printf(\"\\n\"): the newline empties a line-buffered stdout:\n   ");
    printf("\n");
    sleep(1);

    say("3. printf(\"B\"), then fflush(stdout), then sleep 2 seconds:\n   ");
    printf("B");
    fflush(stdout);
    sleep(2);
    say("\n   (B appeared at once: fflush emptied the buffer)\n");

    say("4. write(1, \"C\", 1) is a system call, no buffer: it appears at once:\n   ");
    write(STDOUT_FILENO, "C", 1);
    sleep(2);
    say("\n");

    say("5. fprintf(stderr, \"D\"): stderr is unbuffered, it appears at once:\n   ");
    fprintf(stderr, "D");
    sleep(2);
    say("\n");

    say("6. printf(\"E\"), sleep 2 seconds, return from main:\n");
    printf("E");
    sleep(2);
    say("   (E is still waiting; returning from main calls exit(), which\n"
        "   flushes every stream, so E comes on the next line, last of all)\n   ");
    return 0;
}
