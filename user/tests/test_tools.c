/* The everyday tools printf, od, which and chmod, run as the shell runs
 * them.  What they must print was taken from GNU coreutils 9.1 on Linux
 * (LC_ALL=C; /usr/bin/printf, od, chmod) and debianutils' which: the
 * same command lines, the same input bytes. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <minnow/test.h>

#define DIR "/tmp/tools"

static char out[4096];
static char err[1024];

/* Runs argv; returns its exit status (128 + N after signal N). */
static int run_argv(char *const argv[])
{
    int status = run_captured(argv, NULL, out, sizeof(out), err, sizeof(err));
    if (status < 0)
        return -1;
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

/* Runs a command line cut at its spaces (no quoting). */
static int run(const char *cmdline)
{
    char line[256], *argv[32];
    int n = 0;

    strlcpy(line, cmdline, sizeof(line));
    for (char *w = strtok(line, " "); w && n < 31; w = strtok(NULL, " "))
        argv[n++] = w;
    argv[n] = NULL;
    return run_argv(argv);
}

static void write_bytes(const char *path, const char *bytes, size_t n)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || write(fd, bytes, n) != (ssize_t)n)
        check(0, "tools_setup", "%s: %s", path, strerror(errno));
    close(fd);
}

static mode_t mode_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? st.st_mode & 07777 : (mode_t)-1;
}

/* ---------------------------------------------------------------- printf */

struct printf_case {
    const char *name;
    char *args[10];          /* after "printf"; NULL-terminated */
    const char *want;
    int status;
};

static const struct printf_case printf_cases[] = {
    { "integers", { "%d %i %u %o %x %X\\n", "42", "-17", "3", "8", "255", "255", NULL },
      "42 -17 3 10 ff FF\n", 0 },
    { "widths_flags", { "%5d|%-5d|%05d|%+d|% d|%.3d|%.0d|\\n", "42", "42", "42", "42", "42", "7", "0", NULL },
      "   42|42   |00042|+42| 42|007||\n", 0 },
    { "alternate_forms", { "%#o %#x %#X %#o|\\n", "0", "0", "255", "8", NULL },
      "0 0 0XFF 010|\n", 0 },
    { "sign_flags_unsigned", { "%+u % x %+o\\n", "3", "4", "5", NULL },
      "3 4 5\n", 0 },
    { "numeric_constants", { "%i %d %x %d\\n", "010", "0x10", " 0x1f", "'A", NULL },
      "8 16 1f 65\n", 0 },
    { "negative_unsigned", { "%u %x %o\\n", "-1", "-1", "-1", NULL },
      "18446744073709551615 ffffffffffffffff 1777777777777777777777\n", 0 },
    { "int64_limits", { "%d %d\\n", "9223372036854775807", "-9223372036854775808", NULL },
      "9223372036854775807 -9223372036854775808\n", 0 },
    { "strings_chars", { "%s|%c|%.2s|%6.3s|%-4s|%3c|\\n", "word", "hello", "hello", "hello", "ab", "x", NULL },
      "word|h|he|   hel|ab  |  x|\n", 0 },
    { "format_reused", { "%s %s\\n", "a", "b", "c", NULL },
      "a b\n"
      "c \n", 0 },
    { "missing_arguments", { "%d %s|\\n", "5", NULL },
      "5 |\n", 0 },
    { "star_width_precision", { "%*d|%-*d|%.*d\\n", "5", "1", "4", "2", "3", "7", NULL },
      "    1|2   |007\n", 0 },
    { "floats", { "%f %e %g\\n", "3.14159", "3.14159", "3.14159", NULL },
      "3.141590 3.141590e+00 3.14159\n", 0 },
    { "float_flags", { "%.2f %10.3e %-10.2f| %+f % f %08.3f\\n", "2.675", "12345.678", "1.5", "2", "2", "-3.14159", NULL },
      "2.67  1.235e+04 1.50      | +2.000000  2.000000 -003.142\n", 0 },
    { "float_e_g", { "%e %g %#g %#.0f %+.3e %G %E\\n", "123456789", "0.000123456", "1", "2", "-1234.5678", "1e-10", "12345", NULL },
      "1.234568e+08 0.000123456 1.00000 2. -1.235e+03 1E-10 1.234500E+04\n", 0 },
    { "g_switches_style", { "%g %g %g %g %g %g\\n", "100000", "1000000", "0.0001", "0.00001", "0", "-0", NULL },
      "100000 1e+06 0.0001 1e-05 0 -0\n", 0 },
    { "round_half_even", { "%.0f %.0f %.0f %.0f %.1f\\n", "0.5", "1.5", "2.5", "3.5", "0.25", NULL },
      "0 2 2 4 0.2\n", 0 },
    { "long_double_digits", { "%.20f %.15g %.17g\\n", "0.1", "0.1", "0.1", NULL },
      "0.10000000000000000000 0.1 0.1\n", 0 },
    { "small_exponent", { "%.30f\\n", "1e-20", NULL },
      "0.000000000000000000010000000000\n", 0 },
    { "large_numbers", { "%f %f\\n", "1e20", "123456789012345678901234567890", NULL },
      "100000000000000000000.000000 123456789012345678899921813504.000000\n", 0 },
    { "inf_nan", { "%f %e %g %F %E\\n", "inf", "-inf", "nan", "inf", "-nan", NULL },
      "inf -inf nan INF -NAN\n", 0 },
    { "g_rounding_carry", { "%g %g %.3f\\n", "9.9999995", "0.000099999995", "999.9995", NULL },
      "10 0.0001 999.999\n", 0 },
    { "b_escapes", { "%b|%b|%b\\n", "a\\tb", "\\0101\\101", "x\\y", NULL },
      "a\tb|AA|x\\y\n", 0 },
    { "format_escapes", { "\\x41\\102\\e\\q\\|\\\"\\n", NULL },
      "AB\033\\q\\|\"\n", 0 },
    { "b_c_stops_output", { "%b %s\\n", "stop\\chere", "never", NULL },
      "stop", 0 },
    { "percent_literal", { "%%|%5s|\\n", "ab", NULL },
      "%|   ab|\n", 0 },
    { "dashdash_argument", { "%s\\n", "--", NULL },
      "--\n", 0 },
    { "dashdash_option", { "--", "%s\\n", "x", NULL },
      "x\n", 0 },
    { "not_a_number", { "%d\\n", "abc", NULL },
      "0\n", 1 },
    { "partly_a_number", { "%d|%d\\n", "12abc", "3", NULL },
      "12|3\n", 1 },
    { "out_of_range", { "%d\\n", "99999999999999999999", NULL },
      "9223372036854775807\n", 1 },
    { "float_partly", { "%f\\n", "1.5x", NULL },
      "1.500000\n", 1 },
    { "invalid_conversion", { "%y|\\n", NULL },
      "", 1 },
    { "zero_flag_on_s_invalid", { "ab%05s|\\n", "x", NULL },
      "ab", 1 },
    { "precision_on_c_invalid", { "%.2c|\\n", "x", NULL },
      "", 1 },
    { "width_too_large", { "%*d|\\n", "99999999999", "1", NULL },
      "", 1 },
    { "excess_arguments", { "no directives\\n", "extra", NULL },
      "no directives\n", 0 },
    { "empty_argument_is_zero", { "%d\\n", "", NULL },
      "0\n", 0 },
    { "missing_operand", { NULL },
      "", 1 },
};

static void test_printf(void)
{
    for (size_t i = 0; i < sizeof(printf_cases) / sizeof(printf_cases[0]); i++) {
        const struct printf_case *c = &printf_cases[i];
        char *argv[12] = { "printf" }, name[64];
        for (int j = 0; c->args[j]; j++)
            argv[j + 1] = c->args[j];
        int s = run_argv(argv);
        snprintf(name, sizeof(name), "printf_%s", c->name);
        check(s == c->status && strcmp(out, c->want) == 0, name,
              "status %d (want %d), printed \"%s\", want \"%s\" (stderr \"%s\")",
              s, c->status, out, c->want, err);
    }
    char *bad[] = { "printf", "%d\n", "abc", NULL };
    run_argv(bad);
    check(strcmp(err, "printf: 'abc': expected a numeric value\n") == 0,
          "printf_says_why_not_a_number", "stderr \"%s\"", err);
    char *excess[] = { "printf", "hi", "x", NULL };
    run_argv(excess);
    check(strstr(err, "ignoring excess arguments, starting with 'x'") != NULL,
          "printf_warns_of_excess_arguments", "stderr \"%s\"", err);
}

/* ---------------------------------------------------------------- od */

/* The input files, byte for byte what the expected output was made from. */
static void make_od_files(void)
{
    static const char text[] = "hello, world\n\001\377\t\0abcdefghijklmnopqrstuvwxyz";
    static const char chars[] = "\\ \177\200\033\"";

    write_bytes("text", text, sizeof(text) - 1);
    write_bytes("chars", chars, sizeof(chars) - 1);
    fill_file("zeros", 0, 100);
}

struct od_case {
    const char *name;
    const char *cmdline;
    const char *want;
    int status;
};

static const struct od_case od_cases[] = {
    { "default_octal_words", "od text",
      "0000000 062550 066154 026157 073440 071157 062154 000412 004777\n"
      "0000020 060400 061542 062544 063546 064550 065552 066554 067556\n"
      "0000040 070560 071562 072564 073566 074570 000172\n"
      "0000053\n", 0 },
    { "c_characters", "od -c text",
      "0000000   h   e   l   l   o   ,       w   o   r   l   d  \\n 001 377  \\t\n"
      "0000020  \\0   a   b   c   d   e   f   g   h   i   j   k   l   m   n   o\n"
      "0000040   p   q   r   s   t   u   v   w   x   y   z\n"
      "0000053\n", 0 },
    { "x1_z_hex_offsets", "od -A x -t x1z text",
      "000000 68 65 6c 6c 6f 2c 20 77 6f 72 6c 64 0a 01 ff 09  >hello, world....<\n"
      "000010 00 61 62 63 64 65 66 67 68 69 6a 6b 6c 6d 6e 6f  >.abcdefghijklmno<\n"
      "000020 70 71 72 73 74 75 76 77 78 79 7a                 >pqrstuvwxyz<\n"
      "00002b\n", 0 },
    { "two_types_aligned", "od -t x1 -t o2 text",
      "0000000  68 65  6c 6c  6f 2c  20 77  6f 72  6c 64  0a 01  ff 09\n"
      "        062550 066154 026157 073440 071157 062154 000412 004777\n"
      "0000020  00 61  62 63  64 65  66 67  68 69  6a 6b  6c 6d  6e 6f\n"
      "        060400 061542 062544 063546 064550 065552 066554 067556\n"
      "0000040  70 71  72 73  74 75  76 77  78 79  7a\n"
      "        070560 071562 072564 073566 074570 000172\n"
      "0000053\n", 0 },
    { "d1_with_x4", "od -t d1 -t x4 text",
      "0000000  104  101  108  108  111   44   32  119  111  114  108  100   10    1   -1    9\n"
      "                   6c6c6568            77202c6f            646c726f            09ff010a\n"
      "0000020    0   97   98   99  100  101  102  103  104  105  106  107  108  109  110  111\n"
      "                   63626100            67666564            6b6a6968            6f6e6d6c\n"
      "0000040  112  113  114  115  116  117  118  119  120  121  122\n"
      "                   73727170            77767574            007a7978\n"
      "0000053\n", 0 },
    { "a_named", "od -a chars",
      "0000000   \\  sp del nul esc   \"\n"
      "0000006\n", 0 },
    { "c_d1_u1", "od -c -t d1 -t u1 chars",
      "0000000    \\       177  200  033    \"\n"
      "          92   32  127 -128   27   34\n"
      "          92   32  127  128   27   34\n"
      "0000006\n", 0 },
    { "u8_with_c", "od -t u8 -t c text",
      "0000000             8583909746840200552              720295609548698223\n"
      "          h   e   l   l   o   ,       w   o   r   l   d  \\n 001 377  \\t\n"
      "0000020             7450754115369591040             8029475498074204520\n"
      "         \\0   a   b   c   d   e   f   g   h   i   j   k   l   m   n   o\n"
      "0000040             8608196880778817904                         8026488\n"
      "          p   q   r   s   t   u   v   w   x   y   z\n"
      "0000053\n", 0 },
    { "b_and_s", "od -b -s text",
      "0000000 150 145 154 154 157 054 040 167 157 162 154 144 012 001 377 011\n"
      "          25960   27756   11375   30496   29295   25708     266    2559\n"
      "0000020 000 141 142 143 144 145 146 147 150 151 152 153 154 155 156 157\n"
      "          24832   25442   25956   26470   26984   27498   28012   28526\n"
      "0000040 160 161 162 163 164 165 166 167 170 171 172\n"
      "          29040   29554   30068   30582   31096     122\n"
      "0000053\n", 0 },
    { "repeated_lines_star", "od zeros",
      "0000000 000000 000000 000000 000000 000000 000000 000000 000000\n"
      "*\n"
      "0000140 000000 000000\n"
      "0000144\n", 0 },
    { "decimal_offsets_star", "od -A d -c zeros",
      "0000000  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0\n"
      "*\n"
      "0000096  \\0  \\0  \\0  \\0\n"
      "0000100\n", 0 },
    { "v_n_N", "od -v -A n -t x1 -N 40 zeros",
      " 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n"
      " 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n"
      " 00 00 00 00 00 00 00 00\n", 0 },
    { "j_N", "od -j 2 -N 3 -c text",
      "0000002   l   l   o\n"
      "0000005\n", 0 },
    { "w4", "od -w4 -c -N 10 text",
      "0000000   h   e   l   l\n"
      "0000004   o   ,       w\n"
      "0000010   o   r\n"
      "0000012\n", 0 },
    { "several_files_A_n", "od -t x2 -A n text chars",
      " 6568 6c6c 2c6f 7720 726f 646c 010a 09ff\n"
      " 6100 6362 6564 6766 6968 6b6a 6d6c 6f6e\n"
      " 7170 7372 7574 7776 7978 5c7a 7f20 1b80\n"
      " 0022\n", 0 },
    { "skip_past_end", "od -j 200 text",
      "", 1 },
    { "no_3_byte_type", "od -t x3 text",
      "", 1 },
    { "missing_file", "od nofile chars",
      "0000000 020134 100177 021033\n"
      "0000006\n", 1 },
    { "i_x", "od -i -x text",
      "0000000  1819043176  1998597231  1684828783   167706890\n"
      "         6568  6c6c  2c6f  7720  726f  646c  010a  09ff\n"
      "0000020  1667391744  1734763876  1802135912  1869507948\n"
      "         6100  6362  6564  6766  6968  6b6a  6d6c  6f6e\n"
      "0000040  1936879984  2004252020     8026488\n"
      "         7170  7372  7574  7776  7978  007a\n"
      "0000053\n", 0 },
};

static void test_od(void)
{
    make_od_files();
    for (size_t i = 0; i < sizeof(od_cases) / sizeof(od_cases[0]); i++) {
        const struct od_case *c = &od_cases[i];
        char name[64];
        int s = run(c->cmdline);
        snprintf(name, sizeof(name), "od_%s", c->name);
        check(s == c->status && strcmp(out, c->want) == 0, name,
              "%s: status %d (want %d), printed \"%s\", want \"%s\" (stderr \"%s\")",
              c->cmdline, s, c->status, out, c->want, err);
    }
    run("od -t x3 text");
    check(strcmp(err, "od: invalid type string 'x3';\n"
                      "this system doesn't provide a 3-byte integral type\n") == 0,
          "od_says_why_a_type_is_bad", "stderr \"%s\"", err);
    run("od -j 200 text");
    check(strcmp(err, "od: cannot skip past end of combined input\n") == 0,
          "od_says_skip_past_end", "stderr \"%s\"", err);
}

/* ---------------------------------------------------------------- which */

static void test_which(void)
{
    mkdir("p1", 0755);
    mkdir("p2", 0755);
    mkdir("p2/tool.d", 0755);
    write_file("p1/tool", "#!/bin/sh\n");
    write_file("p2/tool", "#!/bin/sh\n");
    write_file("p1/plain", "not executable\n");
    chmod("p1/tool", 0755);
    chmod("p2/tool", 0755);
    setenv("PATH", DIR "/p1:" DIR "/p2:/bin", 1);

    int s = run("which tool");
    check(s == 0 && strcmp(out, DIR "/p1/tool\n") == 0, "which_first_in_path",
          "status %d, \"%s\"", s, out);
    s = run("which -a tool");
    check(s == 0 && strcmp(out, DIR "/p1/tool\n" DIR "/p2/tool\n") == 0, "which_a_every_one",
          "status %d, \"%s\"", s, out);
    s = run("which plain");
    check(s == 1 && out[0] == '\0', "which_skips_not_executable", "status %d, \"%s\"", s, out);
    s = run("which tool.d");
    check(s == 1 && out[0] == '\0', "which_skips_directories", "status %d, \"%s\"", s, out);
    s = run("which nosuch tool");
    check(s == 1 && strcmp(out, DIR "/p1/tool\n") == 0, "which_not_found_status_1",
          "status %d, \"%s\"", s, out);
    s = run("which ./p2/tool");
    check(s == 0 && strcmp(out, "./p2/tool\n") == 0, "which_path_with_slash",
          "status %d, \"%s\"", s, out);
    setenv("PATH", ":/bin", 1);             /* an empty entry: the current directory */
    chdir("p1");
    s = run("which tool");
    check(s == 0 && strcmp(out, "./tool\n") == 0, "which_empty_entry_is_dot",
          "status %d, \"%s\"", s, out);
    chdir(DIR);
    setenv("PATH", "/bin", 1);
    s = run("which -x tool");
    check(s == 2 && strstr(err, "usage"), "which_bad_option", "status %d, err \"%s\"", s, err);
}

/* ---------------------------------------------------------------- chmod */

struct chmod_case {
    const char *name;
    mode_t before;
    const char *mode;
    mode_t after;
    int status;
};

/* On a file "f", with umask 022 (GNU chmod gave these). */
static const struct chmod_case chmod_cases[] = {
    { "octal", 0644, "750", 0750, 0 },
    { "octal_special", 0644, "4755", 04755, 0 },
    { "plus_x_masked", 0600, "+rx", 0755, 0 },
    { "equals_masked", 0600, "=w", 0200, 0 },
    { "list", 0600, "a=rw,g-w,o=", 0640, 0 },
    { "s_and_t", 0600, "u+s,g+s,+t", 07600, 0 },
    { "remove_special", 07640, "o-t,ug-s", 0640, 0 },
    { "copy", 0644, "g=u", 0664, 0 },
    { "copy_then_remove", 0644, "go=u-w", 0644, 0 },
    { "X_on_file", 0644, "u+X", 0644, 0 },
    { "X_on_executable", 0744, "a+X", 0755, 0 },
    { "several_actions", 0777, "a+rwx,u-rwx+r", 0477, 0 },
    { "full", 0, "u=rwx,g=rx,o=r", 0754, 0 },
    { "umask_kept_bits", 0666, "-w", 0466, 1 },
    { "bad_mode", 0644, "xyz", 0644, 1 },
    { "bad_octal", 0644, "8", 0644, 1 },
    { "too_large", 0644, "77777", 0644, 1 },
    { "who_without_action", 0644, "u", 0644, 1 },
    { "empty_clause", 0644, "u+x,", 0644, 1 },
};

static void test_chmod(void)
{
    char name[64], cmd[64];

    umask(022);
    for (size_t i = 0; i < sizeof(chmod_cases) / sizeof(chmod_cases[0]); i++) {
        const struct chmod_case *c = &chmod_cases[i];
        write_file("f", "");
        chmod("f", c->before);
        snprintf(cmd, sizeof(cmd), "chmod %s f", c->mode);
        int s = run(cmd);
        snprintf(name, sizeof(name), "chmod_%s", c->name);
        check(s == c->status && mode_of("f") == c->after, name,
              "%s on %04o: status %d, mode %04o; want %d, %04o (stderr \"%s\")",
              cmd, c->before, s, mode_of("f"), c->status, c->after, err);
    }

    chmod("f", 0666);
    run("chmod -w f");
    check(strcmp(err, "chmod: f: new permissions are r--rw-rw-, not r--r--r--\n") == 0,
          "chmod_says_what_the_umask_kept", "stderr \"%s\"", err);
    run("chmod xyz f");
    check(strcmp(err, "chmod: invalid mode: 'xyz'\n") == 0, "chmod_says_invalid_mode",
          "stderr \"%s\"", err);

    chmod("f", 0644);
    int s = run("chmod 600 nofile f");
    check(s == 1 && mode_of("f") == 0600 &&
          strcmp(err, "chmod: cannot access 'nofile': No such file or directory\n") == 0,
          "chmod_missing_file_others_done", "status %d, mode %04o, err \"%s\"", s, mode_of("f"), err);

    mkdir("tree", 0755);
    mkdir("tree/sub", 0700);
    write_file("tree/sub/leaf", "");
    chmod("tree/sub/leaf", 0600);
    s = run("chmod -R go+rX tree");
    check(s == 0 && mode_of("tree") == 0755 && mode_of("tree/sub") == 0755 &&
          mode_of("tree/sub/leaf") == 0644, "chmod_R_tree",
          "status %d, modes %04o %04o %04o", s, mode_of("tree"), mode_of("tree/sub"),
          mode_of("tree/sub/leaf"));
    mkdir("sgid", 02755);
    chmod("sgid", 02755);
    run("chmod 750 sgid");
    check(mode_of("sgid") == 02750, "chmod_directory_keeps_setgid", "mode %04o", mode_of("sgid"));
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    chdir("/");
    char *rm[] = { "rm", "-rf", DIR, NULL };
    run_argv(rm);                           /* left over from an earlier run? */
    if (mkdir(DIR, 0755) < 0 || chdir(DIR) < 0) {
        check(0, "tools_setup", "%s: %s", DIR, strerror(errno));
        return test_exit_code();
    }
    test_printf();
    test_od();
    test_which();
    test_chmod();
    chdir("/");
    run_argv(rm);
    return test_exit_code();
}
