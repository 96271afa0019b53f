/* true: do nothing, successfully (exit status 0).  The shell's `if` and
 * `while` test exit statuses; this is the one that always says yes. */
int main(void)
{
    return 0;
}
