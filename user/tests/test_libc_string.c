/* String functions: the shared ones (lib/string.c) and the C library's
 * own (strdup, strtok, strerror, strcasecmp...). */
#include <errno.h>
#include <minnow/test.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

static void memory_functions(void)
{
    char buf[16] = "abcdefghij";

    memmove(buf + 2, buf, 5);                 /* overlapping, forwards */
    check(memcmp(buf, "ababcdehij", 10) == 0, "memmove_overlap", "got \"%.10s\"", buf);
    memmove(buf, buf + 2, 5);                 /* overlapping, backwards */
    check(memcmp(buf, "abcdecdehij", 5) == 0, "memmove_back", "got \"%.10s\"", buf);
    const char hello[] = "hello";
    check(memchr(hello, 'l', 5) == hello + 2 && !memchr(hello, 'z', 5), "memchr", "wrong place");
    memset(buf, 'z', 3);
    check(memcmp(buf, "zzzde", 5) == 0, "memset", "got \"%.5s\"", buf);
    check(memcmp("abc", "abd", 3) < 0 && memcmp("abd", "abc", 3) > 0, "memcmp", "wrong sign");
}

static void comparisons_and_search(void)
{
    const char *s = "hello, world";

    check(strlen(s) == 12 && strlen("") == 0, "strlen", "%u", (unsigned)strlen(s));
    check(strcmp("abc", "abd") < 0 && strcmp("b", "a") > 0 && strcmp("x", "x") == 0,
          "strcmp", "wrong sign");
    check(strcmp("\xff", "a") > 0, "strcmp_unsigned", "bytes compare as unsigned char");
    check(strncmp("abcX", "abcY", 3) == 0, "strncmp", "not equal");
    check(strchr(s, 'o') == s + 4 && strrchr(s, 'o') == s + 8 && !strchr(s, 'q'),
          "strchr_strrchr", "wrong place");
    check(strchr(s, '\0') == s + 12, "strchr_nul", "should find the terminator");
    check(strstr(s, "world") == s + 7 && !strstr(s, "word") && strstr(s, "") == s,
          "strstr", "wrong place");
    check(strspn("aabxc", "ab") == 3 && strcspn("abcxyz", "zy") == 4, "strspn_strcspn",
          "%u %u", (unsigned)strspn("aabxc", "ab"), (unsigned)strcspn("abcxyz", "zy"));
}

static void copies(void)
{
    char buf[8];

    check(strlcpy(buf, "truncated", sizeof(buf)) == 9 && strcmp(buf, "truncat") == 0,
          "strlcpy", "got \"%s\"", buf);
    strcpy(buf, "ab");
    strcat(buf, "cd");
    strncat(buf, "efgh", 2);
    check(strcmp(buf, "abcdef") == 0, "strcat", "got \"%s\"", buf);

    char *d = strdup("copy me");
    check(d && strcmp(d, "copy me") == 0, "strdup", "got \"%s\"", d ? d : "NULL");
    free(d);
    d = strndup("abcdef", 3);
    check(d && strcmp(d, "abc") == 0, "strndup", "got \"%s\"", d ? d : "NULL");
    free(d);
}

static void tokens(void)
{
    char line[] = "  ls -l\t/tmp  ";
    const char *want[] = { "ls", "-l", "/tmp" };
    int n = 0, ok = 1;

    for (char *t = strtok(line, " \t"); t; t = strtok(NULL, " \t")) {
        if (n >= 3 || strcmp(t, want[n]) != 0)
            ok = 0;
        n++;
    }
    check(ok && n == 3, "strtok", "%d tokens", n);

    /* strtok_r: two tokenizations at once */
    char a[] = "1,2", b[] = "x;y";
    char *sa, *sb;
    char *a1 = strtok_r(a, ",", &sa), *b1 = strtok_r(b, ";", &sb);
    char *a2 = strtok_r(NULL, ",", &sa), *b2 = strtok_r(NULL, ";", &sb);
    check(a1 && b1 && a2 && b2 && !strcmp(a1, "1") && !strcmp(a2, "2") && !strcmp(b1, "x") &&
          !strcmp(b2, "y") && !strtok_r(NULL, ",", &sa), "strtok_r", "interleaved failed");
    char empty[] = ",,,";
    check(strtok(empty, ",") == NULL, "strtok_only_delims", "found a token");
}

static void messages(void)
{
    check(!strcmp(strerror(ENOENT), "No such file or directory"), "strerror_enoent",
          "got \"%s\"", strerror(ENOENT));
    check(!strcmp(strerror(EPIPE), "Broken pipe") &&
          !strcmp(strerror(ECONNREFUSED), "Connection refused") &&
          !strcmp(strerror(0), "Success"), "strerror_more", "got \"%s\"", strerror(EPIPE));
    check(!strcmp(strerror(9999), "Unknown error 9999"), "strerror_unknown",
          "got \"%s\"", strerror(9999));
    check(!strcmp(strsignal(SIGINT), "Interrupt") && !strcmp(strsignal(SIGSEGV),
          "Segmentation fault"), "strsignal", "got \"%s\"", strsignal(SIGINT));
}

static void case_insensitive(void)
{
    check(strcasecmp("HeLLo", "hello") == 0 && strcasecmp("abc", "ABD") < 0 &&
          strcasecmp("b", "A") > 0, "strcasecmp", "wrong");
    check(strncasecmp("HELLOx", "helloy", 5) == 0 && strncasecmp("a", "B", 1) < 0,
          "strncasecmp", "wrong");
}

int main(void)
{
    memory_functions();
    comparisons_and_search();
    copies();
    tokens();
    messages();
    case_insensitive();
    return test_exit_code();
}
