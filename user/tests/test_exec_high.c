/* execve of a program whose entry point lies at or above 0x80000000 (2 GiB):
 * still an ordinary user address (the kernel starts at 0xC0000000), so the
 * program must run.  The test writes the smallest valid static ELF32 i386
 * executable itself -- one PT_LOAD segment, read and execute, whose code
 * is exit(42) -- once linked at the usual 0x08048000 (to show the file is
 * right) and once at 0x90000000.
 *
 * As a number, 0x90000000 is negative in a 32-bit long: a kernel that
 * returns "the entry point or -errno" in one long takes it for an error. */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/test.h>

struct elf_header {
    uint8_t ident[16];
    uint16_t type, machine;
    uint32_t version, entry, phoff, shoff, flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf_phdr {
    uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

/* The whole file: the header, one program header, then the code. */
struct tiny_elf {
    struct elf_header eh;
    struct elf_phdr ph;
    uint8_t code[12];
} __attribute__((packed));

/* mov $1,%eax; mov $42,%ebx; int $0x80   -- exit(42) */
static const uint8_t exit42[12] = { 0xb8, 1, 0, 0, 0, 0xbb, 42, 0, 0, 0, 0xcd, 0x80 };

/* Writes the program, linked at base (page aligned), to path; 0 or -1. */
static int write_tiny_elf(const char *path, uint32_t base)
{
    struct tiny_elf f;

    memset(&f, 0, sizeof(f));
    memcpy(f.eh.ident, "\x7f" "ELF", 4);
    f.eh.ident[4] = 1;                       /* ELFCLASS32 */
    f.eh.ident[5] = 1;                       /* ELFDATA2LSB */
    f.eh.ident[6] = 1;                       /* EV_CURRENT */
    f.eh.type = 2;                           /* ET_EXEC */
    f.eh.machine = 3;                        /* EM_386 */
    f.eh.version = 1;
    f.eh.entry = base + offsetof(struct tiny_elf, code);
    f.eh.phoff = offsetof(struct tiny_elf, ph);
    f.eh.ehsize = sizeof(f.eh);
    f.eh.phentsize = sizeof(f.ph);
    f.eh.phnum = 1;
    /* the file from its start is mapped at base, one page */
    f.ph.type = 1;                           /* PT_LOAD */
    f.ph.offset = 0;
    f.ph.vaddr = f.ph.paddr = base;
    f.ph.filesz = sizeof(f);
    f.ph.memsz = 4096;
    f.ph.flags = 4 | 1;                      /* PF_R | PF_X */
    f.ph.align = 4096;
    memcpy(f.code, exit42, sizeof(exit42));

    int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0755);
    if (fd < 0)
        return -1;
    int ok = write(fd, &f, sizeof(f)) == (ssize_t)sizeof(f);
    return close(fd) == 0 && ok ? 0 : -1;
}

/* Runs path in a child.  Returns its wait status; if execve returned, its
 * result and errno go to *ret and *err (the child tells through a pipe
 * that a successful exec closes). */
static int run_program(const char *path, long *ret, int *err)
{
    int p[2];
    long report[2] = { 0, 0 };

    *ret = 0;
    *err = 0;
    if (pipe(p) < 0)
        return -1;
    fcntl(p[1], F_SETFD, FD_CLOEXEC);
    pid_t pid = fork();
    if (pid == 0) {
        char *argv[] = { (char *)path, NULL };
        char *envp[] = { NULL };
        close(p[0]);
        report[0] = execve(path, argv, envp);
        report[1] = errno;
        write(p[1], report, sizeof(report));
        _exit(100);
    }
    close(p[1]);
    if (read(p[0], report, sizeof(report)) == (ssize_t)sizeof(report)) {
        *ret = report[0];
        *err = (int)report[1];
    }
    close(p[0]);
    return wait_status(pid);
}

static void exec_at(uint32_t base, const char *path, const char *name)
{
    long ret;
    int err;

    if (write_tiny_elf(path, base) < 0) {
        check(0, name, "cannot write %s: errno %d", path, errno);
        return;
    }
    int status = run_program(path, &ret, &err);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 42, name,
          "entry %#lx: status %#x; execve returned %ld (%#lx), errno %d",
          (unsigned long)(base + offsetof(struct tiny_elf, code)), status, ret, ret, err);
    unlink(path);
}

int main(void)
{
    exec_at(0x08048000, "/tmp/exec_low", "exec_tiny_elf_low");
    exec_at(0x90000000, "/tmp/exec_high", "exec_entry_above_2g");
    return test_exit_code();
}
