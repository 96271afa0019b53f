/* A helper of test_exec (not a test itself): exits with 0 if its arguments
 * and environment are exactly what test_exec passes, else with the number
 * of the first thing that differs. */
#include <stdlib.h>
#include <string.h>

int main(int argc, char *argv[], char *envp[])
{
    if (argc != 3)
        return 10 + argc;
    if (strcmp(argv[0], "helper_args") != 0)
        return 2;
    if (strcmp(argv[1], "one") != 0 || strcmp(argv[2], "two words") != 0)
        return 3;
    if (argv[3] != NULL)
        return 4;
    if (!envp[0] || strcmp(envp[0], "COLOR=green") != 0 || envp[1] != NULL)
        return 5;
    if (!getenv("COLOR") || strcmp(getenv("COLOR"), "green") != 0)
        return 6;
    return 0;
}
