/* The printf format language, written once for the kernel and the C
 * library.  Freestanding: no calls outside this file. */
#include <minnow/format.h>
#include <stdint.h>
#include <stddef.h>

struct spec {
    int left;           /* '-': pad on the right */
    int zero;           /* '0': pad numbers with zeros */
    int plus, space;    /* sign shown for positive numbers */
    int alt;            /* '#': 0x / leading 0 */
    int width;
    int precision;      /* -1 when not given */
    int size;           /* 0 int, 1 long, 2 long long, -1 short, -2 char */
};

struct out {
    format_putc put;
    void *arg;
    int count;
};

static void emit(struct out *o, char c)
{
    o->put(c, o->arg);
    o->count++;
}

static void pad(struct out *o, char c, int n)
{
    while (n-- > 0)
        emit(o, c);
}

/* Divides *n by base (at most 16) and returns the remainder, 16 bits at a
 * time so that no 64-bit division routine (libgcc) is needed. */
static unsigned divmod(uint64_t *n, unsigned base)
{
    uint32_t parts[4] = {
        (uint32_t)(*n >> 48) & 0xffff, (uint32_t)(*n >> 32) & 0xffff,
        (uint32_t)(*n >> 16) & 0xffff, (uint32_t)*n & 0xffff,
    };
    uint32_t rem = 0;
    uint64_t q = 0;

    for (int i = 0; i < 4; i++) {
        uint32_t cur = (rem << 16) | parts[i];
        q = (q << 16) | (cur / base);
        rem = cur % base;
    }
    *n = q;
    return rem;
}

static void put_number(struct out *o, struct spec *s, uint64_t n, int negative,
                       unsigned base, int upper)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char buf[24];
    int len = 0;

    if (n == 0 && s->precision == 0)
        len = 0;                     /* "%.0d" of 0 prints nothing */
    else
        do
            buf[len++] = digits[divmod(&n, base)];
        while (n);

    const char *prefix = "";
    if (negative)
        prefix = "-";
    else if (s->plus)
        prefix = "+";
    else if (s->space)
        prefix = " ";
    if (s->alt && base == 16 && len && !(len == 1 && buf[0] == '0'))
        prefix = upper ? "0X" : "0x";
    if (s->alt && base == 8 && (len == 0 || buf[len - 1] != '0'))
        buf[len++] = '0';

    int plen = 0;
    while (prefix[plen])
        plen++;
    int zeros = s->precision > len ? s->precision - len : 0;
    int total = plen + zeros + len;

    if (s->zero && !s->left && s->precision < 0 && s->width > total) {
        zeros += s->width - total;
        total = s->width;
    }
    if (!s->left)
        pad(o, ' ', s->width - total);
    for (int i = 0; i < plen; i++)
        emit(o, prefix[i]);
    pad(o, '0', zeros);
    while (len)
        emit(o, buf[--len]);
    if (s->left)
        pad(o, ' ', s->width - total);
}

static void put_string(struct out *o, struct spec *s, const char *str)
{
    int len = 0;

    if (!str)
        str = "(null)";
    while (str[len] && (s->precision < 0 || len < s->precision))
        len++;
    if (!s->left)
        pad(o, ' ', s->width - len);
    for (int i = 0; i < len; i++)
        emit(o, str[i]);
    if (s->left)
        pad(o, ' ', s->width - len);
}

static int parse_int(const char **fmt)
{
    int n = 0;

    while (**fmt >= '0' && **fmt <= '9')
        n = n * 10 + (*(*fmt)++ - '0');
    return n;
}

/* Reads flags, width, precision and size of one conversion. */
static const char *parse_spec(const char *fmt, struct spec *s, va_list *ap)
{
    *s = (struct spec){ .precision = -1 };
    for (;; fmt++) {
        if (*fmt == '-')      s->left = 1;
        else if (*fmt == '0') s->zero = 1;
        else if (*fmt == '+') s->plus = 1;
        else if (*fmt == ' ') s->space = 1;
        else if (*fmt == '#') s->alt = 1;
        else break;
    }
    if (*fmt == '*') {
        s->width = va_arg(*ap, int);
        if (s->width < 0) {
            s->left = 1;
            s->width = -s->width;
        }
        fmt++;
    } else {
        s->width = parse_int(&fmt);
    }
    if (*fmt == '.') {
        fmt++;
        if (*fmt == '*') {
            s->precision = va_arg(*ap, int);
            fmt++;
        } else {
            s->precision = parse_int(&fmt);
        }
    }
    for (;; fmt++) {
        if (*fmt == 'l')      s->size++;
        else if (*fmt == 'h') s->size--;
        else if (*fmt == 'z' || *fmt == 't' || *fmt == 'j')
            s->size = (*fmt == 'j') ? 2 : 1;
        else break;
    }
    return fmt;
}

static int64_t signed_arg(struct spec *s, va_list *ap)
{
    switch (s->size) {
    case 2:  return va_arg(*ap, long long);
    case 1:  return va_arg(*ap, long);
    case -1: return (short)va_arg(*ap, int);
    case -2: return (signed char)va_arg(*ap, int);
    default: return va_arg(*ap, int);
    }
}

static uint64_t unsigned_arg(struct spec *s, va_list *ap)
{
    switch (s->size) {
    case 2:  return va_arg(*ap, unsigned long long);
    case 1:  return va_arg(*ap, unsigned long);
    case -1: return (unsigned short)va_arg(*ap, unsigned);
    case -2: return (unsigned char)va_arg(*ap, unsigned);
    default: return va_arg(*ap, unsigned);
    }
}

int vformat(format_putc put, void *arg, const char *fmt, va_list ap_in)
{
    struct out o = { put, arg, 0 };
    struct spec s;
    va_list ap;

    va_copy(ap, ap_in);
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            emit(&o, *fmt);
            continue;
        }
        fmt = parse_spec(fmt + 1, &s, &ap);
        if (*fmt == 'u' || *fmt == 'o' || *fmt == 'x' || *fmt == 'X')
            s.plus = s.space = 0;         /* a sign only for signed conversions */
        switch (*fmt) {
        case 'd':
        case 'i': {
            int64_t v = signed_arg(&s, &ap);
            put_number(&o, &s, v < 0 ? -(uint64_t)v : (uint64_t)v, v < 0, 10, 0);
            break;
        }
        case 'u': put_number(&o, &s, unsigned_arg(&s, &ap), 0, 10, 0); break;
        case 'o': put_number(&o, &s, unsigned_arg(&s, &ap), 0, 8, 0); break;
        case 'x': put_number(&o, &s, unsigned_arg(&s, &ap), 0, 16, 0); break;
        case 'X': put_number(&o, &s, unsigned_arg(&s, &ap), 0, 16, 1); break;
        case 'p':
            s.alt = 1;
            put_number(&o, &s, (uintptr_t)va_arg(ap, void *), 0, 16, 0);
            break;
        case 'c': {
            char c = (char)va_arg(ap, int);
            if (!s.left)
                pad(&o, ' ', s.width - 1);
            emit(&o, c);
            if (s.left)
                pad(&o, ' ', s.width - 1);
            break;
        }
        case 's': put_string(&o, &s, va_arg(ap, const char *)); break;
        case '%': emit(&o, '%'); break;
        case '\0': fmt--; break;          /* a lone '%' at the end */
        default:                          /* unknown: print it as it was */
            emit(&o, '%');
            emit(&o, *fmt);
        }
    }
    va_end(ap);
    return o.count;
}

/* ---- into a string (snprintf, and the kernel's snprintk) ----
 * Everything is counted, but only the first size - 1 characters are
 * stored, and the string is always terminated: the result is the length
 * the whole output would have had, so a caller can tell it was cut. */
struct string_out {
    char *buf;
    size_t size;                 /* room, with the final '\0' */
    size_t len;                  /* characters produced so far */
};

static void string_putc(char c, void *arg)
{
    struct string_out *o = arg;

    if (o->len + 1 < o->size)
        o->buf[o->len] = c;
    o->len++;
}

int vformat_string(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct string_out o = { buf, size, 0 };
    int count = vformat(string_putc, &o, fmt, ap);

    if (size > 0)
        buf[o.len < size ? o.len : size - 1] = '\0';
    return count;
}
