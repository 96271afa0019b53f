/* od: dump files in octal and other formats (POSIX od; the output is GNU
 * coreutils' byte for byte, for the formats below).
 *
 *   od [-A RADIX] [-j SKIP] [-N COUNT] [-t TYPE]... [-v] [-w BYTES]
 *      [-abcdilosx] [FILE...]
 *
 * Reads the files one after the other (none, or "-": standard input) and
 * writes lines of 16 bytes (-w): first the offset, in octal (-A o, the
 * default), decimal (-A d), hex (-A x) or not at all (-A n), then the
 * bytes as each TYPE shows them, one line per TYPE:
 *
 *   a      named characters (nul, sp, nl..., the low 7 bits)
 *   c      characters, C escapes (\n, \t, \0...), or 3 octal digits
 *   d u o x [SIZE]   signed / unsigned decimal, octal, hex numbers of
 *          SIZE bytes (1, 2, 4, 8, or C, S, I, L), little-endian; 4
 *          when no size is given
 *   a z after a TYPE adds the line's printable characters >like this<
 *
 * -b is -t o1, -c -t c, -d -t u2, -i -t d4, -l -t d4 (long: 4 bytes
 * here), -o -t o2, -s -t d2, -x -t x2, and nothing at all is -t o2.
 * -j skips bytes first, -N stops after COUNT bytes (both take 0x.. or
 * 0.. numbers and the suffixes b (512), k (1024), m (1024k)).  A line
 * equal to the one before is shown as a single "*" unless -v is given.
 * A last line shorter than the others is filled with zero bytes for the
 * numbers that need them.  The offset after the last byte ends it. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_FORMATS 16
#define DEFAULT_LINE 16

struct format {
    char kind;              /* a, c, d, u, o or x */
    int size;               /* bytes a value */
    int width;              /* characters of the widest value */
    int pad;                /* spaces a whole line adds, spread over its fields */
    int show_text;          /* the z suffix */
};

/* The input: the files in turn, as one stream of bytes. */
struct input {
    char **names;
    int count, next;
    FILE *current;
    int status;             /* 1 once a file could not be read */
};

struct options {
    struct format formats[MAX_FORMATS];
    int nformats;
    char radix;             /* of the offsets: o, d, x, or n (none) */
    long long skip;
    long long limit;        /* -1: to the end */
    int line_bytes;
    int verbose;
};

/* ---------------------------------------------------------------- input */

static int open_next(struct input *in)
{
    while (in->next < in->count) {
        const char *name = in->names[in->next++];
        if (strcmp(name, "-") == 0) {
            in->current = stdin;
            return 1;
        }
        in->current = fopen(name, "r");
        if (in->current)
            return 1;
        fprintf(stderr, "od: %s: %s\n", name, strerror(errno));
        in->status = 1;
    }
    return 0;
}

static int next_byte(struct input *in)
{
    for (;;) {
        if (!in->current && !open_next(in))
            return EOF;
        int c = getc(in->current);
        if (c != EOF)
            return c;
        if (ferror(in->current)) {
            fprintf(stderr, "od: read error: %s\n", strerror(errno));
            in->status = 1;
        }
        if (in->current != stdin)
            fclose(in->current);
        in->current = NULL;
    }
}

/* Up to n bytes into buf; fewer only at the end of the last file. */
static int read_bytes(struct input *in, unsigned char *buf, int n)
{
    int got = 0, c;

    while (got < n && (c = next_byte(in)) != EOF)
        buf[got++] = c;
    return got;
}

/* ---------------------------------------------------------------- values */

/* The little-endian number of `size` bytes at p. */
static unsigned long long value_at(const unsigned char *p, int size)
{
    unsigned long long v = 0;

    for (int i = size - 1; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

static long long sign_extend(unsigned long long v, int size)
{
    int shift = 64 - 8 * size;

    return (long long)(v << shift) >> shift;
}

static const char *const names[33] = {
    "nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "nl", "vt", "ff",
    "cr", "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb", "can", "em",
    "sub", "esc", "fs", "gs", "rs", "us", "sp",
};

/* The byte as -t c shows it: itself, a C escape, or three octal digits. */
static void char_text(unsigned char c, char *out, size_t size)
{
    const char *escape = strchr("\a\b\f\n\r\t\v", c);

    if (c == 0)
        snprintf(out, size, "\\0");
    else if (escape)
        snprintf(out, size, "\\%c", "abfnrtv"[escape - "\a\b\f\n\r\t\v"]);
    else if (c >= ' ' && c < 0x7f)
        snprintf(out, size, "%c", c);
    else
        snprintf(out, size, "%03o", c);
}

/* The byte as -t a shows it: the name of a control character. */
static void named_text(unsigned char c, char *out, size_t size)
{
    c &= 0x7f;
    if (c <= ' ')
        snprintf(out, size, "%s", names[c]);
    else if (c == 0x7f)
        snprintf(out, size, "del");
    else
        snprintf(out, size, "%c", c);
}

/* One field: pad spaces, then the value in f->width characters. */
static void print_field(const struct format *f, const unsigned char *p, int pad)
{
    unsigned long long v = value_at(p, f->size);
    char text[8];

    printf("%*s", pad, "");
    switch (f->kind) {
    case 'o': printf("%0*llo", f->width, v); break;
    case 'x': printf("%0*llx", f->width, v); break;
    case 'u': printf("%*llu", f->width, v); break;
    case 'd': printf("%*lld", f->width, sign_extend(v, f->size)); break;
    case 'c':
        char_text(*p, text, sizeof(text));
        printf("%*s", f->width, text);
        break;
    case 'a':
        named_text(*p, text, sizeof(text));
        printf("%*s", f->width, text);
        break;
    }
}

/* ---------------------------------------------------------------- lines */

static void print_offset(const struct options *o, long long offset)
{
    switch (o->radix) {
    case 'o': printf("%07llo", offset); break;
    case 'd': printf("%07lld", offset); break;
    case 'x': printf("%06llx", offset); break;
    }
}

static int offset_width(const struct options *o)
{
    return o->radix == 'n' ? 0 : o->radix == 'x' ? 6 : 7;
}

/* Of the pad spaces of a line of `fields` fields, field k (from 1) gets
 * its share, the earlier fields the larger ones, so that the fields of
 * every type end in the same columns. */
static int pad_of(const struct format *f, int k, int fields)
{
    return f->pad * (fields - k + 1) / fields - f->pad * (fields - k) / fields;
}

static void print_text(const unsigned char *buf, int n)
{
    printf("  >");
    for (int i = 0; i < n; i++)
        putchar(buf[i] >= ' ' && buf[i] < 0x7f ? buf[i] : '.');
    printf("<");
}

/* The n bytes of buf (a line's room, zero after them) in every format. */
static void print_line(const struct options *o, long long offset, const unsigned char *buf, int n)
{
    for (int i = 0; i < o->nformats; i++) {
        const struct format *f = &o->formats[i];
        int fields = o->line_bytes / f->size;
        int shown = (n + f->size - 1) / f->size;

        if (i == 0)
            print_offset(o, offset);
        else
            printf("%*s", offset_width(o), "");
        for (int k = 1; k <= shown; k++)
            print_field(f, buf + (k - 1) * f->size, pad_of(f, k, fields));
        if (f->show_text) {
            for (int k = shown + 1; k <= fields; k++)
                printf("%*s", pad_of(f, k, fields) + f->width, "");
            print_text(buf, n);
        }
        putchar('\n');
    }
}

static void dump(const struct options *o, struct input *in)
{
    unsigned char *line = calloc(2, o->line_bytes);
    unsigned char *previous = line + o->line_bytes;
    long long offset = o->skip, left = o->limit;
    int have_previous = 0, starred = 0;

    if (!line) {
        fprintf(stderr, "od: out of memory\n");
        exit(1);
    }
    for (;;) {
        int want = left >= 0 && left < o->line_bytes ? (int)left : o->line_bytes;
        memset(line, 0, o->line_bytes);
        int n = read_bytes(in, line, want);
        if (n == 0)
            break;
        int repeat = n == o->line_bytes && have_previous &&
                     memcmp(line, previous, n) == 0 && !o->verbose;
        if (!repeat)
            print_line(o, offset, line, n);
        else if (!starred)
            printf("*\n");
        starred = repeat;
        memcpy(previous, line, o->line_bytes);
        have_previous = 1;
        offset += n;
        if (left >= 0)
            left -= n;
        if (n < want || left == 0)
            break;
    }
    if (o->radix != 'n') {
        print_offset(o, offset);
        putchar('\n');
    }
    free(line);
}

/* ---------------------------------------------------------------- options */

static void usage(void)
{
    fprintf(stderr, "usage: od [-A d|o|x|n] [-j SKIP] [-N COUNT] [-t TYPE]... [-v] [-w BYTES]\n"
                    "          [-abcdilosx] [FILE...]\n");
    exit(1);
}

/* The widest value of each kind and size, in characters. */
static int field_width(char kind, int size)
{
    static const char kinds[] = "ouxd";
    static const int widths[4][4] = {
        /* size:  1  2   4   8 */
        { 3, 6, 11, 22 },   /* o: octal digits */
        { 3, 5, 10, 20 },   /* u: decimal digits */
        { 2, 4, 8, 16 },    /* x: hex digits */
        { 4, 6, 11, 20 },   /* d: digits and a '-' */
    };
    int column = size == 1 ? 0 : size == 2 ? 1 : size == 4 ? 2 : 3;

    if (kind == 'a' || kind == 'c')
        return 3;
    return widths[strchr(kinds, kind) - kinds][column];
}

static void add_format(struct options *o, char kind, int size, int show_text)
{
    if (o->nformats == MAX_FORMATS) {
        fprintf(stderr, "od: too many types (at most %d)\n", MAX_FORMATS);
        exit(1);
    }
    o->formats[o->nformats++] = (struct format){
        .kind = kind, .size = size, .width = field_width(kind, size), .show_text = show_text,
    };
}

/* The size after a d, o, u or x: digits or C S I L; 4 without one. */
static int read_size(const char **p)
{
    const char *letters = "CSIL";
    const int letter_sizes[] = { 1, 2, 4, 4 };
    const char *letter = **p ? strchr(letters, **p) : NULL;

    if (letter) {
        (*p)++;
        return letter_sizes[letter - letters];
    }
    if (!isdigit((unsigned char)**p))
        return 4;
    return strtol(*p, (char **)p, 10);
}

static void bad_type(const char *arg)
{
    fprintf(stderr, "od: invalid type string '%s'\n", arg);
    exit(1);
}

/* A -t argument: one or more types, like "x1z" or "cd2". */
static void parse_type(struct options *o, const char *arg)
{
    const char *p = arg;

    if (!*p)
        bad_type(arg);
    while (*p) {
        char kind = *p++;
        int size = 1;
        if (strchr("doux", kind)) {
            size = read_size(&p);
            if (size != 1 && size != 2 && size != 4 && size != 8) {
                fprintf(stderr, "od: invalid type string '%s';\nthis system doesn't provide "
                        "a %d-byte integral type\n", arg, size);
                exit(1);
            }
        } else if (kind != 'a' && kind != 'c') {
            fprintf(stderr, "od: invalid character '%c' in type string '%s'\n", kind, arg);
            exit(1);
        }
        int show_text = *p == 'z';
        p += show_text;
        add_format(o, kind, size, show_text);
    }
}

/* -j and -N: a number (0x.. hex, 0.. octal) and a multiplier suffix. */
static long long parse_count(const char *arg, char option)
{
    char *end;
    errno = 0;
    long long n = strtoll(arg, &end, 0);

    if (end != arg && *end && !end[1]) {
        const char *suffixes = "bkKmM";
        const long long factors[] = { 512, 1024, 1024, 1024 * 1024, 1024 * 1024 };
        const char *s = strchr(suffixes, *end);
        if (s) {
            n *= factors[s - suffixes];
            end++;
        }
    }
    if (end == arg || *end || n < 0 || errno) {
        fprintf(stderr, "od: invalid -%c argument '%s'\n", option, arg);
        exit(1);
    }
    return n;
}

/* The line's bytes must be a whole number of every type's values. */
static void check_line_width(struct options *o)
{
    int block = 1;

    for (int i = 0; i < o->nformats; i++)
        if (o->formats[i].size > block)
            block = o->formats[i].size;     /* sizes are powers of two */
    if (o->line_bytes % block) {
        fprintf(stderr, "od: warning: invalid width %d; using %d instead\n", o->line_bytes, block);
        o->line_bytes = block;
    }
}

/* Every format's fields end in the same columns: each gets the pad
 * that brings its line to the widest format's line. */
static void compute_pads(struct options *o)
{
    int widest = 0;

    for (int i = 0; i < o->nformats; i++) {
        const struct format *f = &o->formats[i];
        int w = (f->width + 1) * (o->line_bytes / f->size);
        if (w > widest)
            widest = w;
    }
    for (int i = 0; i < o->nformats; i++) {
        struct format *f = &o->formats[i];
        f->pad = widest - f->width * (o->line_bytes / f->size);
    }
}

static void parse_options(int argc, char **argv, struct options *o)
{
    int c;

    *o = (struct options){ .radix = 'o', .limit = -1, .line_bytes = DEFAULT_LINE };
    while ((c = getopt(argc, argv, "A:j:N:t:vw:abcdilosx")) != -1) {
        switch (c) {
        case 'A':
            if (optarg[0] == '\0' || optarg[1] || !strchr("odxn", optarg[0])) {
                fprintf(stderr, "od: invalid output address radix '%s'; "
                        "it must be one character from [doxn]\n", optarg);
                exit(1);
            }
            o->radix = optarg[0];
            break;
        case 'j': o->skip = parse_count(optarg, 'j'); break;
        case 'N': o->limit = parse_count(optarg, 'N'); break;
        case 't': parse_type(o, optarg); break;
        case 'v': o->verbose = 1; break;
        case 'w':
            o->line_bytes = atoi(optarg);
            if (o->line_bytes <= 0) {
                fprintf(stderr, "od: invalid -w argument '%s'\n", optarg);
                exit(1);
            }
            break;
        case 'a': add_format(o, 'a', 1, 0); break;
        case 'b': add_format(o, 'o', 1, 0); break;
        case 'c': add_format(o, 'c', 1, 0); break;
        case 'd': add_format(o, 'u', 2, 0); break;
        case 'i': add_format(o, 'd', 4, 0); break;
        case 'l': add_format(o, 'd', 4, 0); break;
        case 'o': add_format(o, 'o', 2, 0); break;
        case 's': add_format(o, 'd', 2, 0); break;
        case 'x': add_format(o, 'x', 2, 0); break;
        default: usage();
        }
    }
    if (o->nformats == 0)
        add_format(o, 'o', 2, 0);
    check_line_width(o);
    compute_pads(o);
}

int main(int argc, char **argv)
{
    static char *standard_input[] = { "-" };
    struct options o;
    struct input in = { 0 };
    unsigned char skipped[512];

    parse_options(argc, argv, &o);
    in.names = optind < argc ? argv + optind : standard_input;
    in.count = optind < argc ? argc - optind : 1;
    for (long long left = o.skip; left > 0;) {
        int n = read_bytes(&in, skipped, left < (long long)sizeof(skipped) ? (int)left : (int)sizeof(skipped));
        if (n == 0) {
            fprintf(stderr, "od: cannot skip past end of combined input\n");
            return 1;
        }
        left -= n;
    }
    dump(&o, &in);
    return in.status;
}
