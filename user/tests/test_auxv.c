/* The auxiliary vector exec leaves after envp, as Linux does: what glibc
 * needs to start (AT_PHDR for its thread-local storage, AT_RANDOM for its
 * stack protector, AT_NULL at the end). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/auxv.h>
#include <sys/wait.h>
#include <minnow/test.h>

#define TEXT_START 0x08048000u   /* user/user.ld: the ELF header is mapped here */

struct phdr { unsigned type, offset, vaddr, paddr, filesz, memsz, flags, align; };

extern char **environ;
void _start(void);

/* The vector itself, found as a program without a C library would. */
static unsigned long *find_auxv(void)
{
    char **e = environ;
    while (*e)
        e++;
    return (unsigned long *)(e + 1);
}

static void keys_and_end(void)
{
    unsigned long *a = find_auxv();
    int n = 0, seen_phdr = 0, seen_random = 0;

    for (; a[0] != AT_NULL && n < 64; a += 2, n++) {
        seen_phdr |= a[0] == AT_PHDR;
        seen_random |= a[0] == AT_RANDOM;
    }
    check(n < 64 && a[0] == AT_NULL, "auxv_ends_in_at_null", "%d pairs without AT_NULL", n);
    check(seen_phdr && seen_random, "auxv_has_phdr_and_random", "phdr %d random %d", seen_phdr, seen_random);
}

/* AT_PHDR/AT_PHNUM/AT_PHENT describe this very program: the headers
 * found there are the ones the ELF header (mapped at TEXT_START) names. */
static void program_headers(void)
{
    const unsigned char *elf = (const unsigned char *)TEXT_START;
    unsigned phoff, phnum;
    memcpy(&phoff, elf + 28, 4);
    phnum = elf[44] | elf[45] << 8;

    check(getauxval(AT_PHDR) == TEXT_START + phoff, "auxv_phdr",
          "AT_PHDR %#lx, the headers are at %#x", getauxval(AT_PHDR), TEXT_START + phoff);
    check(getauxval(AT_PHNUM) == phnum && getauxval(AT_PHENT) == sizeof(struct phdr),
          "auxv_phnum_phent", "AT_PHNUM %lu (file %u), AT_PHENT %lu", getauxval(AT_PHNUM),
          phnum, getauxval(AT_PHENT));
    const struct phdr *ph = (const struct phdr *)getauxval(AT_PHDR);
    int has_text = 0;
    for (unsigned i = 0; ph && i < getauxval(AT_PHNUM); i++)
        has_text |= ph[i].type == 1 && ph[i].vaddr <= (unsigned)_start &&
                    (unsigned)_start < ph[i].vaddr + ph[i].memsz;
    check(has_text, "auxv_phdr_readable", "no PT_LOAD holds _start at %p", (void *)_start);
    check(getauxval(AT_ENTRY) == (unsigned long)_start, "auxv_entry",
          "AT_ENTRY %#lx, _start %p", getauxval(AT_ENTRY), (void *)_start);
}

static void machine_and_ids(void)
{
    check(getauxval(AT_PAGESZ) == 4096, "auxv_pagesz", "%lu", getauxval(AT_PAGESZ));
    check(getauxval(AT_CLKTCK) == 100, "auxv_clktck", "%lu", getauxval(AT_CLKTCK));
    check(getauxval(AT_UID) == (unsigned long)getuid() && getauxval(AT_GID) == (unsigned long)getgid() &&
          getauxval(AT_SECURE) == 0, "auxv_ids", "uid %lu gid %lu secure %lu",
          getauxval(AT_UID), getauxval(AT_GID), getauxval(AT_SECURE));
    check(getauxval(AT_HWCAP) & (1u << 4), "auxv_hwcap_tsc", "AT_HWCAP %#lx", getauxval(AT_HWCAP));
    const char *platform = (const char *)getauxval(AT_PLATFORM);
    check(platform && strcmp(platform, "i686") == 0, "auxv_platform", "%s", platform ? platform : "(none)");
}

/* The child execs this program again with argument "random": it prints
 * AT_EXECFN and its 16 random bytes, which must differ from ours. */
static void print_random(void)
{
    const unsigned char *r = (const unsigned char *)getauxval(AT_RANDOM);
    printf("%s ", (const char *)getauxval(AT_EXECFN));
    for (int i = 0; i < 16; i++)
        printf("%02x", r[i]);
    printf("\n");
}

static void random_and_execfn(void)
{
    int p[2];
    pipe(p);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(p[1], 1);
        char *argv[] = { "renamed", "random", NULL };
        execv("/usr/libexec/minnow/test_auxv", argv);
        _exit(127);
    }
    close(p[1]);
    char line[128] = "";
    int n = read(p[0], line, sizeof(line) - 1);
    line[n > 0 ? n : 0] = '\0';
    close(p[0]);
    waitpid(pid, NULL, 0);

    const char *path = "/usr/libexec/minnow/test_auxv ";
    size_t len = strlen(path);
    char mine[40];
    const unsigned char *r = (const unsigned char *)getauxval(AT_RANDOM);
    for (int i = 0; i < 16; i++)
        snprintf(mine + 2 * i, 3, "%02x", r[i]);
    check(strncmp(line, path, len) == 0, "auxv_execfn_is_the_path", "the child said \"%s\"", line);
    check(strlen(line) == len + 32 + 1 && strncmp(line + len, mine, 32) != 0, "auxv_random_differs",
          "ours %s, the child's line \"%s\"", mine, line);
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "random") == 0) {
        print_random();
        return 0;
    }
    keys_and_end();
    program_headers();
    machine_and_ids();
    random_and_execfn();
    return test_exit_code();
}
