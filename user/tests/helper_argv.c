/* A helper of test_shebang (not a test itself), the interpreter its
 * scripts name: prints its arguments, each in brackets, on one line; then
 * what it runs as: /proc/self/exe and the name in /proc/self/status.
 *
 *   [/bin/helper_argv][-x][./s][a]
 *   exe /bin/helper_argv
 *   name s */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
    char exe[256] = "", status[512] = "", *name;
    FILE *f;

    for (int i = 0; i < argc; i++)
        printf("[%s]", argv[i]);
    printf("\n");
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    exe[n > 0 ? n : 0] = '\0';
    printf("exe %s\n", exe);
    if ((f = fopen("/proc/self/status", "r")) != NULL) {
        status[fread(status, 1, sizeof(status) - 1, f)] = '\0';
        fclose(f);
    }
    name = strstr(status, "Name:\t");
    printf("name %.*s\n", name ? (int)strcspn(name + 6, "\n") : 0, name ? name + 6 : "");
    return 0;
}
