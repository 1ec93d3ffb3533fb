/*
 * format.c - Python's text formatting: the format-spec mini-language of format() and
 * f-strings (Python/formatter_unicode.c), str.format (Objects/stringlib/unicode_format.h),
 * printf-style `%` (PyUnicode_Format in Objects/unicodeobject.c), float to text
 * (PyOS_double_to_string / format_float_short in Python/pystrtod.c) and round(float, n)
 * (double_round in Objects/floatobject.c).
 *
 * Float digits come from the C library's printf, whose %e / %f output is exact and rounds
 * half-to-even on the exact binary value, which is what CPython's dtoa does; the layout
 * rules (where the decimal point goes, when an exponent is used, '.0' for integral values)
 * are format_float_short's.
 *
 * Results are built in a FmtWriter, a model of _PyUnicodeWriter: when the whole output is a
 * single str written into an empty writer as the last piece (overallocate off), that very
 * object is the result, so `'%s' % s is s` and `'{}'.format(s) is s` hold as in CPython.
 */
#include "heap/types/types.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline Str *S(Obj *o) {
    return (Str *)o;
}

/* From str.c (not yet in types.h). */
Obj *str_ascii(Vm *vm, Obj *o);
Obj *obj_format(Vm *vm, Obj *o, Obj *spec);

/* ---------------------------------------------------------------------------------------- */
/* FmtWriter. */

typedef struct {
    StrBuf b;
    Obj *ro;        /* a whole str taken as is (the writer's `readonly` buffer) */
    bool overalloc; /* CPython's writer.overallocate: no str is taken as is while set */
} FmtWriter;

static void fw_init(FmtWriter *w) {
    sb_init(&w->b);
    w->ro = NULL;
    w->overalloc = true;
}

static void fw_flush(Vm *vm, FmtWriter *w) {
    if (!w->ro) return;
    sb_add_obj(&w->b, w->ro);
    DECREF(vm, w->ro);
    w->ro = NULL;
}

static void fw_add(Vm *vm, FmtWriter *w, const char *s, size_t n) {
    if (n == 0) return;
    fw_flush(vm, w);
    sb_add(&w->b, s, n);
}

static void fw_addc(Vm *vm, FmtWriter *w, char c) {
    fw_add(vm, w, &c, 1);
}

static void fw_add_str(Vm *vm, FmtWriter *w, Obj *s) {
    if (S(s)->len == 0) return;
    if (!w->ro && w->b.n == 0 && !w->overalloc) {
        w->ro = obj_newref(s);
        return;
    }
    fw_add(vm, w, S(s)->s, S(s)->nbytes);
}

static void fw_free(Vm *vm, FmtWriter *w) {
    XDECREF(vm, w->ro);
    w->ro = NULL;
    sb_free(&w->b);
}

static Obj *fw_finish(Vm *vm, FmtWriter *w) {
    if (w->ro && w->b.n == 0) {
        Obj *r = w->ro;
        w->ro = NULL;
        sb_free(&w->b);
        return r;
    }
    fw_flush(vm, w);
    return sb_finish(vm, &w->b);
}

/* ---------------------------------------------------------------------------------------- */
/* Small helpers. */

/* true (MemoryError set) when a width or precision asks for more text than a run may
 * hold: checked before any buffer is built. */
static bool fmt_too_long(Vm *vm, ssize_t n) {
    if (n <= 0) return false;
    if ((vm->limits.max_str && (size_t)n > vm->limits.max_str) ||
        (vm->limits.max_heap && (size_t)n > vm->limits.max_heap)) {
        vm_nomem(vm);
        return true;
    }
    return false;
}

static void add_fill(StrBuf *b, uint32_t fill, ssize_t n) {
    for (ssize_t i = 0; i < n; i++)
        sb_add_cp(b, fill);
}

/* Byte offset of the code point after `n` code points from p (UTF-8). */
static size_t utf8_skip(const char *p, size_t nbytes, size_t n) {
    size_t b = 0;
    while (n-- > 0 && b < nbytes) {
        b++;
        while (b < nbytes && ((unsigned char)p[b] & 0xc0) == 0x80)
            b++;
    }
    return b;
}

static size_t utf8_count(const char *p, size_t nbytes) {
    size_t n = 0;
    for (size_t i = 0; i < nbytes; i++)
        if (((unsigned char)p[i] & 0xc0) != 0x80) n++;
    return n;
}

/* ---------------------------------------------------------------------------------------- */
/* Float to text (PyOS_double_to_string). */

enum { DTSF_ADD_DOT_0 = 1, DTSF_ALT = 2, DTSF_NO_NEG_0 = 4 };

/* Decimal digits of |v| (no trailing zeros; "0" for zero) and the decimal point position,
 * as _Py_dg_dtoa returns them: mode 0 shortest round-trip, mode 2 `nd` significant digits,
 * mode 3 `nd` digits after the point (empty when the value rounds to zero). The digits
 * string is malloc'ed. */
static char *dtoa_digits(double v, int mode, int nd, int *decpt) {
    v = fabs(v);
    size_t cap = (size_t)(nd > 0 ? nd : 0) + 400;
    char *buf = malloc(cap), *digits = malloc(cap);
    if (!buf || !digits) abort();
    size_t n = 0;
    if (v == 0) {
        strcpy(digits, "0");
        *decpt = 1;
        free(buf);
        return digits;
    }
    if (mode == 3) {
        snprintf(buf, cap, "%.*f", nd, v);
        char *dot = strchr(buf, '.');
        int intlen = dot ? (int)(dot - buf) : (int)strlen(buf);
        for (char *p = buf; *p; p++)
            if (*p != '.') digits[n++] = *p;
        digits[n] = 0;
        int dp = intlen;
        size_t lead = 0;
        while (lead < n && digits[lead] == '0')
            lead++;
        if (lead == n) { /* rounds to zero: no digits (fcvt style) */
            digits[0] = 0;
            *decpt = -nd;
            free(buf);
            return digits;
        }
        memmove(digits, digits + lead, n - lead + 1);
        n -= lead;
        *decpt = dp - (int)lead;
    } else {
        int prec = nd;
        if (mode == 0) {
            for (prec = 1; prec < 17; prec++) {
                snprintf(buf, cap, "%.*e", prec - 1, v);
                if (strtod(buf, NULL) == v) break;
            }
        }
        snprintf(buf, cap, "%.*e", prec - 1, v);
        char *e = strchr(buf, 'e');
        for (char *p = buf; p < e; p++)
            if (*p != '.') digits[n++] = *p;
        digits[n] = 0;
        *decpt = atoi(e + 1) + 1;
    }
    while (n > 1 && digits[n - 1] == '0')
        digits[--n] = 0;
    free(buf);
    return digits;
}

/* mirrors PyOS_double_to_string(v, code, precision, flags): code in e E f F g G r. */
static void double_to_string(StrBuf *out, double v, char code, int precision, int flags) {
    bool upper = code == 'E' || code == 'F' || code == 'G';
    if (upper) code = (char)(code + 32);
    if (isnan(v)) {
        sb_adds(out, upper ? "NAN" : "nan"); /* never a sign for a nan */
        return;
    }
    bool neg = signbit(v) != 0;
    if (isinf(v)) {
        if (neg) sb_addc(out, '-');
        sb_adds(out, upper ? "INF" : "inf");
        return;
    }
    int mode;
    switch (code) {
    case 'e':
        mode = 2;
        precision++;
        break;
    case 'f':
        mode = 3;
        break;
    case 'g':
        mode = 2;
        if (precision == 0) precision = 1;
        break;
    default:
        mode = 0;
        precision = 0;
        break;
    }
    int decpt;
    char *digits = dtoa_digits(v, mode, precision, &decpt);
    int nd = (int)strlen(digits);
    if ((flags & DTSF_NO_NEG_0) && neg && (nd == 0 || (nd == 1 && digits[0] == '0'))) neg = false;
    bool add_dot_0 = flags & DTSF_ADD_DOT_0, alt = flags & DTSF_ALT;
    bool use_exp = false;
    int vend = nd, exp = 0;
    switch (code) {
    case 'e':
        use_exp = true;
        vend = precision;
        break;
    case 'f':
        vend = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
        if (alt) vend = precision;
        break;
    default:
        if (decpt <= -4 || decpt > 16) use_exp = true;
        break;
    }
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    int vstart = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0)
        vend = vend > decpt ? vend : decpt + 1;
    else
        vend = vend > decpt ? vend : decpt;
    size_t start = out->n;
    if (neg) sb_addc(out, '-');
    if (decpt <= 0) {
        add_fill(out, '0', decpt - vstart);
        sb_addc(out, '.');
        add_fill(out, '0', -decpt);
    } else {
        add_fill(out, '0', -vstart);
    }
    if (decpt > 0 && decpt <= nd) {
        sb_add(out, digits, (size_t)decpt);
        sb_addc(out, '.');
        sb_add(out, digits + decpt, (size_t)(nd - decpt));
    } else {
        sb_add(out, digits, (size_t)nd);
    }
    if (nd < decpt) {
        add_fill(out, '0', decpt - nd);
        sb_addc(out, '.');
        add_fill(out, '0', vend - decpt);
    } else {
        add_fill(out, '0', vend - nd);
    }
    if (out->n > start && out->s[out->n - 1] == '.' && !alt) out->s[--out->n] = 0;
    if (use_exp) sb_addf(out, "%c%+.02d", upper ? 'E' : 'e', exp);
    free(digits);
}

/* ---------------------------------------------------------------------------------------- */
/* The format-spec mini-language: [[fill]align][sign][z][#][0][width][grouping][.precision]
 * [type], parsed as parse_internal_render_format_spec(). */

typedef struct {
    uint32_t fill;
    char align;        /* < > ^ = */
    char sign;         /* 0, + - or space */
    bool no_neg_0;     /* z */
    bool alt;          /* # */
    ssize_t width;     /* -1: not given */
    char thousands;    /* 0, ',' or '_' */
    int group;         /* digits per group: 3, or 4 for '_' with b o x X */
    ssize_t precision; /* -1: not given */
    uint32_t type;
} Spec;

static bool is_align(uint32_t c) {
    return c == '<' || c == '>' || c == '=' || c == '^';
}

static void char_for_msg(char *buf, size_t n, uint32_t c, const char *fmt_printable,
                         const char *fmt_hex) {
    if (c > 32 && c < 128)
        snprintf(buf, n, fmt_printable, (char)c);
    else
        snprintf(buf, n, fmt_hex, (unsigned)c);
}

static Obj *unknown_presentation_type(Vm *vm, uint32_t type, const char *tname) {
    char c[32];
    char_for_msg(c, sizeof c, type, "'%c'", "'\\x%x'");
    return vm_raise(vm, &Exc_ValueError, "Unknown format code %s for object of type '%s'", c,
                    tname);
}

/* Reads decimal digits; -1 consumed on overflow (ValueError set). */
static int spec_integer(Vm *vm, const uint32_t *c, size_t n, size_t *pos, ssize_t *out) {
    ssize_t acc = 0;
    int nd = 0;
    while (*pos < n && c[*pos] >= '0' && c[*pos] <= '9') {
        int d = (int)(c[*pos] - '0');
        if (acc > (SSIZE_MAX - d) / 10) {
            vm_raise(vm, &Exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + d;
        (*pos)++;
        nd++;
    }
    *out = acc;
    return nd;
}

static bool spec_parse(Vm *vm, const char *spec, size_t nbytes, Spec *f, char default_type,
                       char default_align, const char *tname) {
    uint32_t small[64];
    uint32_t *c = small;
    size_t n = 0;
    if (nbytes > 64) c = malloc(sizeof(uint32_t) * nbytes);
    if (!c) abort();
    for (size_t i = 0; i < nbytes;)
        i += (size_t)utf8_decode((const unsigned char *)spec + i, nbytes - i, &c[n++]);
    bool ok = false, fill_given = false, align_given = false;
    size_t pos = 0;
    f->fill = ' ';
    f->align = default_align;
    f->sign = 0;
    f->no_neg_0 = false;
    f->alt = false;
    f->width = -1;
    f->thousands = 0;
    f->group = 3;
    f->precision = -1;
    f->type = (uint32_t)default_type;
    if (n - pos >= 2 && is_align(c[pos + 1])) {
        f->align = (char)c[pos + 1];
        f->fill = c[pos];
        fill_given = align_given = true;
        pos += 2;
    } else if (n - pos >= 1 && is_align(c[pos])) {
        f->align = (char)c[pos];
        align_given = true;
        pos++;
    }
    if (pos < n && (c[pos] == '+' || c[pos] == '-' || c[pos] == ' ')) f->sign = (char)c[pos++];
    if (pos < n && c[pos] == 'z') {
        f->no_neg_0 = true;
        pos++;
    }
    if (pos < n && c[pos] == '#') {
        f->alt = true;
        pos++;
    }
    if (!fill_given && pos < n && c[pos] == '0') {
        f->fill = '0';
        if (!align_given && default_align == '>') f->align = '='; /* not for str (3.10+) */
        pos++;
    }
    int consumed = spec_integer(vm, c, n, &pos, &f->width);
    if (consumed < 0) goto done;
    if (consumed == 0) f->width = -1;
    if (pos < n && c[pos] == ',') {
        f->thousands = ',';
        pos++;
    }
    if (pos < n && c[pos] == '_') {
        if (f->thousands) {
            vm_raise(vm, &Exc_ValueError, "Cannot specify both ',' and '_'.");
            goto done;
        }
        f->thousands = '_';
        pos++;
    }
    if (pos < n && c[pos] == ',') {
        vm_raise(vm, &Exc_ValueError, "Cannot specify both ',' and '_'.");
        goto done;
    }
    if (pos < n && c[pos] == '.') {
        pos++;
        consumed = spec_integer(vm, c, n, &pos, &f->precision);
        if (consumed < 0) goto done;
        if (consumed == 0) {
            vm_raise(vm, &Exc_ValueError, "Format specifier missing precision");
            goto done;
        }
    }
    if (n - pos > 1) {
        vm_raise(vm, &Exc_ValueError, "Invalid format specifier '%.*s' for object of type '%s'",
                 (int)nbytes, spec, tname);
        goto done;
    }
    if (n - pos == 1) f->type = c[pos++];
    if (f->thousands) {
        switch (f->type) {
        case 'd':
        case 'e':
        case 'f':
        case 'g':
        case 'E':
        case 'G':
        case '%':
        case 'F':
        case 0:
            break;
        case 'b':
        case 'o':
        case 'x':
        case 'X':
            if (f->thousands == '_') {
                f->group = 4;
                break;
            }
            /* fall through */
        default: {
            char t[32];
            char_for_msg(t, sizeof t, f->type, "'%c'", "'\\x%x'");
            vm_raise(vm, &Exc_ValueError, "Cannot specify '%c' with %s.", f->thousands, t);
            goto done;
        }
        }
    }
    if (fmt_too_long(vm, f->width) || fmt_too_long(vm, f->precision)) goto done;
    ok = true;
done:
    if (c != small) free(c);
    return ok;
}

/* Pads text (`len` code points) per width/align (calc_padding + fill_padding). */
static void pad_text(StrBuf *out, const Spec *f, const char *s, size_t nbytes, size_t len) {
    ssize_t total = f->width >= 0 && (ssize_t)len < f->width ? f->width : (ssize_t)len;
    ssize_t room = total - (ssize_t)len, left;
    if (f->align == '>')
        left = room;
    else if (f->align == '^')
        left = room / 2;
    else
        left = 0;
    add_fill(out, f->fill, left);
    sb_add(out, s, nbytes);
    add_fill(out, f->fill, room - left);
}

/* format(str, spec) body: format_string_internal(). */
static Obj *format_string(Vm *vm, Obj *s, const Spec *f) {
    if (f->sign) {
        if (f->sign == ' ')
            return vm_raise(vm, &Exc_ValueError, "Space not allowed in string format specifier");
        return vm_raise(vm, &Exc_ValueError, "Sign not allowed in string format specifier");
    }
    if (f->no_neg_0)
        return vm_raise(vm, &Exc_ValueError,
                        "Negative zero coercion (z) not allowed in string format specifier");
    if (f->alt)
        return vm_raise(vm, &Exc_ValueError,
                        "Alternate form (#) not allowed in string format specifier");
    if (f->align == '=')
        return vm_raise(vm, &Exc_ValueError,
                        "'=' alignment not allowed in string format specifier");
    size_t len = S(s)->len;
    if ((f->width == -1 || f->width <= (ssize_t)len) &&
        (f->precision == -1 || f->precision >= (ssize_t)len))
        return obj_newref(s); /* the writer takes the str as is */
    size_t nbytes = S(s)->nbytes;
    if (f->precision >= 0 && (ssize_t)len >= f->precision) {
        len = (size_t)f->precision;
        nbytes = utf8_skip(S(s)->s, S(s)->nbytes, len);
    }
    StrBuf b;
    sb_init(&b);
    pad_text(&b, f, S(s)->s, nbytes, len);
    return sb_finish(vm, &b);
}

Obj *str_format_spec(Vm *vm, Obj *s, const char *spec, size_t n) {
    if (n == 0) return obj_newref(s);
    Spec f;
    if (!spec_parse(vm, spec, n, &f, 's', '<', "str")) return NULL;
    if (f.type != 's') return unknown_presentation_type(vm, f.type, "str");
    return format_string(vm, s, &f);
}

/* Digits with thousands separators, zero-padded to min_width when padding with '0' and '='
 * (_PyUnicode_InsertThousandsGrouping): groups are built from the right; padding zeros are
 * grouped too, so format(1234, '010,') == '00,001,234'. */
static void group_digits(StrBuf *out, const char *digits, ssize_t nd, ssize_t min_width, int group,
                         char sep) {
    if (nd == 0) return;
    if (!sep) {
        ssize_t l = nd > min_width ? nd : min_width;
        add_fill(out, '0', l - nd);
        sb_add(out, digits, (size_t)nd);
        return;
    }
    /* collect the groups right to left, then emit them left to right */
    size_t cap = (size_t)(nd + (min_width > 0 ? min_width : 0)) * 2 + 8;
    char *tmp = malloc(cap);
    if (!tmp) abort();
    size_t t = cap; /* tmp is filled from the end */
    ssize_t remaining = nd, pos = nd;
    bool use_sep = false;
    for (;;) {
        ssize_t mx = remaining > min_width ? remaining : min_width;
        if (mx < 1) mx = 1;
        ssize_t l = group < mx ? group : mx;
        ssize_t zeros = l - remaining > 0 ? l - remaining : 0;
        ssize_t chars = remaining < l ? remaining : l;
        if (chars < 0) chars = 0;
        if (use_sep) tmp[--t] = sep;
        for (ssize_t i = 0; i < chars; i++)
            tmp[--t] = digits[--pos];
        for (ssize_t i = 0; i < zeros; i++)
            tmp[--t] = '0';
        use_sep = true;
        remaining -= chars;
        min_width -= l;
        if (remaining <= 0 && min_width <= 0) break;
        min_width -= 1;
    }
    sb_add(out, tmp + t, cap - t);
    free(tmp);
}

/* Lays out a number as calc_number_widths() + fill_number():
 *   <lpad> <sign> <prefix> <spad> <grouped digits> <rest> <rpad>
 * `rest` (decimal point, fraction, exponent, '%', or the character of 'c') is copied as is. */
static Obj *format_number(Vm *vm, const Spec *f, bool negative, const char *prefix,
                          const char *digits, size_t nd, const char *rest, size_t nrest,
                          bool grouping) {
    char sign = 0;
    if (f->sign == '+')
        sign = negative ? '-' : '+';
    else if (f->sign == ' ')
        sign = negative ? '-' : ' ';
    else if (negative)
        sign = '-';
    ssize_t nprefix = (ssize_t)strlen(prefix);
    ssize_t nrest_cp = (ssize_t)utf8_count(rest, nrest);
    ssize_t non_digit = (sign ? 1 : 0) + nprefix + nrest_cp;
    ssize_t min_width = f->fill == '0' && f->align == '=' ? f->width - non_digit : 0;
    StrBuf g;
    sb_init(&g);
    group_digits(&g, digits, (ssize_t)nd, min_width, f->group, grouping ? f->thousands : 0);
    ssize_t ngrouped = (ssize_t)g.n;
    ssize_t padding = f->width - (non_digit + ngrouped);
    ssize_t lpad = 0, spad = 0, rpad = 0;
    if (padding > 0) {
        switch (f->align) {
        case '<':
            rpad = padding;
            break;
        case '^':
            lpad = padding / 2;
            rpad = padding - lpad;
            break;
        case '=':
            spad = padding;
            break;
        default:
            lpad = padding;
            break;
        }
    }
    StrBuf b;
    sb_init(&b);
    add_fill(&b, f->fill, lpad);
    if (sign) sb_addc(&b, sign);
    sb_adds(&b, prefix);
    add_fill(&b, f->fill, spad);
    if (g.n) sb_add(&b, g.s, g.n);
    sb_add(&b, rest, nrest);
    add_fill(&b, f->fill, rpad);
    sb_free(&g);
    return sb_finish(vm, &b);
}

/* format(float, spec) body: format_float_internal(). */
static Obj *format_float_spec(Vm *vm, double v, const Spec *f) {
    if (f->precision > INT_MAX) return vm_raise(vm, &Exc_ValueError, "precision too big");
    int precision = (int)f->precision, default_precision = 6, flags = 0;
    uint32_t type = f->type;
    bool add_pct = false;
    if (f->alt) flags |= DTSF_ALT;
    if (f->no_neg_0) flags |= DTSF_NO_NEG_0;
    if (type == 0) {
        flags |= DTSF_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') type = 'g';
    if (type == '%') {
        type = 'f';
        v *= 100;
        add_pct = true;
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    StrBuf num;
    sb_init(&num);
    double_to_string(&num, v, (char)type, precision, flags);
    if (add_pct) sb_addc(&num, '%');
    const char *p = num.s;
    bool negative = false;
    if (*p == '-') {
        negative = true;
        p++;
    }
    size_t nd = 0;
    while (p[nd] >= '0' && p[nd] <= '9')
        nd++;
    const char *rest = p + nd;
    Obj *r = format_number(vm, f, negative, "", p, nd, rest, strlen(rest), f->type != 'n');
    sb_free(&num);
    return r;
}

Obj *float_format(Vm *vm, double v, const char *spec, size_t n) {
    if (n == 0) return float_repr_str(vm, v);
    Spec f;
    if (!spec_parse(vm, spec, n, &f, 0, '>', "float")) return NULL;
    switch (f.type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
        return format_float_spec(vm, v, &f);
    default:
        return unknown_presentation_type(vm, f.type, "float");
    }
}

/* format(int, spec) body: format_long_internal(). */
static Obj *format_long(Vm *vm, Obj *o, const Spec *f) {
    if (f->precision != -1)
        return vm_raise(vm, &Exc_ValueError, "Precision not allowed in integer format specifier");
    if (f->no_neg_0)
        return vm_raise(vm, &Exc_ValueError,
                        "Negative zero coercion (z) not allowed in integer format specifier");
    if (f->type == 'c') {
        if (f->sign)
            return vm_raise(vm, &Exc_ValueError,
                            "Sign not allowed with integer format specifier 'c'");
        if (f->alt)
            return vm_raise(vm, &Exc_ValueError,
                            "Alternate form (#) not allowed with integer format specifier 'c'");
        int64_t x;
        if (!int_as_i64(o, &x))
            return vm_raise(vm, &Exc_OverflowError, "Python int too large to convert to C long");
        if (x < 0 || x > 0x10ffff)
            return vm_raise(vm, &Exc_OverflowError, "%%c arg not in range(0x110000)");
        StrBuf ch;
        sb_init(&ch);
        sb_add_cp(&ch, (uint32_t)x);
        Obj *r = format_number(vm, f, false, "", "", 0, ch.s, ch.n, false);
        sb_free(&ch);
        return r;
    }
    int base = 10;
    const char *prefix = "";
    switch (f->type) {
    case 'b':
        base = 2;
        prefix = "0b";
        break;
    case 'o':
        base = 8;
        prefix = "0o";
        break;
    case 'x':
        base = 16;
        prefix = "0x";
        break;
    case 'X':
        base = 16;
        prefix = "0X";
        break;
    default:
        break;
    }
    if (!f->alt || base == 10) prefix = "";
    int64_t small;
    if (TYPE(o) == &BoolType && int_as_i64(o, &small)) o = SMALL_INT(vm, small);
    Obj *digits = int_to_str(vm, o, base);
    if (!digits) return NULL;
    const char *p = str_cstr(digits);
    bool negative = false;
    if (*p == '-') {
        negative = true;
        p++;
    }
    if (p[0] == '0' && (p[1] == 'b' || p[1] == 'o' || p[1] == 'x' || p[1] == 'X')) p += 2;
    size_t nd = strlen(p);
    char *up = NULL;
    if (f->type == 'X') {
        up = malloc(nd + 1);
        if (!up) abort();
        for (size_t i = 0; i <= nd; i++)
            up[i] = p[i] >= 'a' && p[i] <= 'f' ? (char)(p[i] - 32) : p[i];
        p = up;
    }
    Obj *r = format_number(vm, f, negative, prefix, p, nd, "", 0, f->type != 'n');
    free(up);
    DECREF(vm, digits);
    return r;
}

Obj *int_format(Vm *vm, Obj *o, const char *spec, size_t n) {
    if (n == 0) return IS_EXACT_INT(o) ? int_to_str(vm, o, 10) : obj_str(vm, o);
    Spec f;
    if (!spec_parse(vm, spec, n, &f, 'd', '>', obj_type_name(o))) return NULL;
    switch (f.type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
        return format_long(vm, o, &f);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
        bool ok = true;
        double d = int_as_double(vm, o, &ok);
        if (!ok) return NULL;
        return format_float_spec(vm, d, &f);
    }
    default:
        return unknown_presentation_type(vm, f.type, obj_type_name(o));
    }
}

/* format(o, spec) for any object (PyObject_Format): int, float and str formatters, a
 * class's own __format__, else object.__format__ (only the empty spec). spec may be NULL
 * (''). NEW str. */
Obj *obj_format(Vm *vm, Obj *o, Obj *spec) {
    const char *sp = spec ? str_cstr(spec) : "";
    size_t n = spec ? S(spec)->nbytes : 0;
    if (IS_STR(o)) return str_format_spec(vm, o, sp, n);
    if (IS_INT(o)) return int_format(vm, o, sp, n);
    if (IS_FLOAT(o)) return float_format(vm, ((Float *)o)->v, sp, n);
    if (TYPE(o)->heap) {
        bool found = false;
        Obj *arg = spec ? obj_newref(spec) : obj_newref(vm->empty_str);
        Obj *r = call_special(vm, o, "__format__", &arg, 1, &found);
        DECREF(vm, arg);
        if (found) {
            if (r && !IS_STR(r)) {
                vm_raise(vm, &Exc_TypeError, "__format__ must return a str, not %s",
                         obj_type_name(r));
                DECREF(vm, r);
                return NULL;
            }
            return r;
        }
        if (vm->exc) return NULL;
    }
    if (n == 0) return obj_str(vm, o);
    return vm_raise(vm, &Exc_TypeError, "unsupported format string passed to %s.__format__",
                    obj_type_name(o));
}

/* ---------------------------------------------------------------------------------------- */
/* round(float, ndigits): double_round() and float___round___impl(). */

Obj *float_round(Vm *vm, double x, Obj *ndigits) {
    if (!ndigits || ndigits == Py_None) {
        double r = round(x);
        if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0); /* halfway: to even */
        return int_from_double(vm, r);
    }
    int64_t nd;
    if (!IS_INT(ndigits)) {
        bool ok = true;
        ssize_t v = obj_as_index(vm, ndigits, &ok);
        if (!ok || vm->exc) return NULL;
        nd = v;
    } else if (!int_as_i64(ndigits, &nd)) {
        nd = int_sign(ndigits) > 0 ? INT64_MAX : INT64_MIN; /* clipped, as PyNumber_AsSsize_t */
    }
    if (!isfinite(x)) return float_new(vm, x);
    const int ndigits_max = (int)((53 - (-1021)) * 0.30103);
    const int ndigits_min = -(int)((1024 + 1) * 0.30103);
    if (nd > ndigits_max) return float_new(vm, x);
    if (nd < ndigits_min) return float_new(vm, 0.0 * x);
    /* round the exact decimal value half-to-even, then read it back */
    char *buf;
    if (nd >= 0) {
        size_t cap = (size_t)nd + 400;
        buf = malloc(cap);
        if (!buf) abort();
        snprintf(buf, cap, "%.*f", (int)nd, x);
    } else {
        int k = (int)-nd;
        double ip = trunc(fabs(x));
        bool frac = fabs(x) != ip;
        size_t cap = 400 + (size_t)k;
        char *digits = malloc(cap);
        buf = malloc(cap + 8);
        if (!digits || !buf) abort();
        int len = snprintf(digits, cap, "%.0f", ip);
        /* left-pad so that at least one digit is kept */
        int pad = len < k + 1 ? k + 1 - len : 0;
        memmove(digits + pad, digits, (size_t)len + 1);
        memset(digits, '0', (size_t)pad);
        len += pad;
        int keep = len - k;
        bool up;
        char d = digits[keep];
        if (d > '5')
            up = true;
        else if (d < '5')
            up = false;
        else {
            bool more = frac;
            for (int i = keep + 1; i < len && !more; i++)
                more = digits[i] != '0';
            up = more || ((digits[keep - 1] - '0') % 2 == 1);
        }
        digits[keep] = 0;
        if (up) { /* increment the kept digits */
            int i = keep - 1;
            while (i >= 0 && digits[i] == '9')
                digits[i--] = '0';
            if (i >= 0)
                digits[i]++;
            else {
                memmove(digits + 1, digits, (size_t)keep + 1);
                digits[0] = '1';
            }
        }
        snprintf(buf, cap + 8, "%s%se%d", signbit(x) ? "-" : "", digits, k);
        free(digits);
    }
    double r = strtod(buf, NULL);
    free(buf);
    if (isinf(r)) return vm_raise(vm, &Exc_OverflowError, "rounded value too large to represent");
    return float_new(vm, r);
}

/* ---------------------------------------------------------------------------------------- */
/* str.format (Objects/stringlib/unicode_format.h): MarkupIterator, parse_field,
 * get_field_object, render_field; format specs are expanded recursively to depth 2. */

typedef struct {
    Obj **args;
    int nargs;
    Obj *kwnames;   /* Tuple of str or NULL: values follow the positional args */
    int auto_state; /* 0 init, 1 auto numbering, 2 manual */
    int auto_next;
} FormatCtx;

/* A positional index in a field name: digits only (get_integer); -1 if not an integer,
 * -2 on overflow (ValueError set). */
static ssize_t field_integer(Vm *vm, const char *s, size_t n) {
    if (n == 0) return -1;
    ssize_t acc = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        int d = s[i] - '0';
        if (acc > (SSIZE_MAX - d) / 10) {
            vm_raise(vm, &Exc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + d;
    }
    return acc;
}

/* get_field_object(): the object a field name designates. NEW or NULL. */
static Obj *field_object(Vm *vm, FormatCtx *cx, const char *s, size_t n) {
    size_t i = 0;
    while (i < n && s[i] != '.' && s[i] != '[')
        i++;
    ssize_t index = field_integer(vm, s, i);
    if (index == -2) return NULL;
    bool empty = i == 0;
    if (empty || index != -1) {
        if (cx->auto_state == 0) cx->auto_state = empty ? 1 : 2;
        if (cx->auto_state == 2 && empty)
            return vm_raise(vm, &Exc_ValueError,
                            "cannot switch from manual field specification to automatic field "
                            "numbering");
        if (cx->auto_state == 1 && !empty)
            return vm_raise(vm, &Exc_ValueError,
                            "cannot switch from automatic field numbering to manual field "
                            "specification");
        if (empty) index = cx->auto_next++;
    }
    Obj *obj = NULL;
    if (index == -1) {
        Obj *key = str_new(vm, s, i);
        if (!key) return NULL;
        int nkw = cx->kwnames ? (int)TUPLE_LEN(cx->kwnames) : 0;
        for (int k = 0; k < nkw && !obj; k++)
            if (str_eq(TUPLE_ITEM(cx->kwnames, k), key)) obj = obj_newref(cx->args[cx->nargs + k]);
        if (!obj) vm_raise_obj(vm, &Exc_KeyError, key);
        DECREF(vm, key);
        if (!obj) return NULL;
    } else {
        if (index >= cx->nargs)
            return vm_raise(vm, &Exc_IndexError,
                            "Replacement index %zd out of range for positional args tuple", index);
        obj = obj_newref(cx->args[index]);
    }
    /* the rest: .attr and [key] */
    while (i < n) {
        char c = s[i++];
        size_t start = i;
        Obj *tmp = NULL;
        if (c == '.') {
            while (i < n && s[i] != '.' && s[i] != '[')
                i++;
            if (i == start) {
                vm_raise(vm, &Exc_ValueError, "Empty attribute in format string");
                goto fail;
            }
            Obj *name = str_new(vm, s + start, i - start);
            if (!name) goto fail;
            tmp = obj_getattr(vm, obj, name);
            DECREF(vm, name);
        } else if (c == '[') {
            while (i < n && s[i] != ']')
                i++;
            if (i == n) {
                vm_raise(vm, &Exc_ValueError, "Missing ']' in format string");
                goto fail;
            }
            size_t end = i++;
            if (end == start) {
                vm_raise(vm, &Exc_ValueError, "Empty attribute in format string");
                goto fail;
            }
            ssize_t idx = field_integer(vm, s + start, end - start);
            if (idx == -2) goto fail;
            Obj *key = idx >= 0 ? int_from_i64(vm, idx) : str_new(vm, s + start, end - start);
            if (!key) goto fail;
            tmp = obj_getitem(vm, obj, key);
            DECREF(vm, key);
        } else {
            vm_raise(vm, &Exc_ValueError,
                     "Only '.' or '[' may follow ']' in format field specifier");
            goto fail;
        }
        if (!tmp) goto fail;
        DECREF(vm, obj);
        obj = tmp;
    }
    return obj;
fail:
    DECREF(vm, obj);
    return NULL;
}

static Obj *build_string(Vm *vm, FormatCtx *cx, Obj *fmt, const char *s, size_t n, int depth);

/* One replacement field {name!conv:spec}: output_markup() + render_field(). */
static bool output_field(Vm *vm, FormatCtx *cx, FmtWriter *w, Obj *fmt, const char *name,
                         size_t nname, uint32_t conv, const char *spec, size_t nspec, bool expand,
                         int depth) {
    Obj *obj = field_object(vm, cx, name, nname);
    if (!obj) return false;
    if (conv) {
        Obj *t;
        if (conv == 'r')
            t = obj_repr(vm, obj);
        else if (conv == 's')
            t = obj_str(vm, obj);
        else if (conv == 'a')
            t = str_ascii(vm, obj);
        else {
            if (conv > 32 && conv < 127)
                vm_raise(vm, &Exc_ValueError, "Unknown conversion specifier %c", (char)conv);
            else
                vm_raise(vm, &Exc_ValueError, "Unknown conversion specifier \\x%x", conv);
            t = NULL;
        }
        DECREF(vm, obj);
        if (!t) return false;
        obj = t;
    }
    Obj *specobj = NULL;
    if (expand) {
        specobj = build_string(vm, cx, fmt, spec, nspec, depth - 1);
        if (!specobj) {
            DECREF(vm, obj);
            return false;
        }
    } else {
        specobj = str_new(vm, spec, nspec);
        if (!specobj) {
            DECREF(vm, obj);
            return false;
        }
    }
    Obj *r = obj_format(vm, obj, specobj);
    DECREF(vm, specobj);
    DECREF(vm, obj);
    if (!r) return false;
    fw_add_str(vm, w, r);
    DECREF(vm, r);
    return true;
}

/* parse_field(): splits "name!c:spec" (the text between the braces, without the closing
 * one, is s[0..] up to the matching '}'). Advances *pos past the closing brace. */
static bool parse_field(Vm *vm, const char *s, size_t n, size_t *pos, size_t *name_end,
                        uint32_t *conv, size_t *spec_start, size_t *spec_end, bool *expand) {
    size_t i = *pos;
    char c = 0;
    *conv = 0;
    *expand = false;
    *spec_start = *spec_end = 0;
    while (i < n) {
        c = s[i++];
        if (c == '{') {
            vm_raise(vm, &Exc_ValueError, "unexpected '{' in field name");
            return false;
        }
        if (c == '[') {
            while (i < n && s[i] != ']')
                i++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') break;
    }
    *name_end = i - 1;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (i >= n) {
                vm_raise(vm, &Exc_ValueError,
                         "end of string while looking for conversion specifier");
                return false;
            }
            i += (size_t)utf8_decode((const unsigned char *)s + i, n - i, conv);
            if (i < n) {
                c = s[i++];
                if (c == '}') {
                    *pos = i;
                    return true;
                }
                if (c != ':') {
                    vm_raise(vm, &Exc_ValueError, "expected ':' after conversion specifier");
                    return false;
                }
            }
        }
        *spec_start = i;
        int count = 1;
        while (i < n) {
            c = s[i++];
            if (c == '{') {
                *expand = true;
                count++;
            } else if (c == '}') {
                if (--count == 0) {
                    *spec_end = i - 1;
                    *pos = i;
                    return true;
                }
            }
        }
        vm_raise(vm, &Exc_ValueError, "unmatched '{' in format spec");
        return false;
    }
    if (c != '}') {
        vm_raise(vm, &Exc_ValueError, "expected '}' before end of string");
        return false;
    }
    *pos = i;
    return true;
}

/* build_string() + do_markup(): s[0..n) is (part of) fmt. NEW str. */
static Obj *build_string(Vm *vm, FormatCtx *cx, Obj *fmt, const char *s, size_t n, int depth) {
    if (depth <= 0) return vm_raise(vm, &Exc_ValueError, "Max string recursion exceeded");
    FmtWriter w;
    fw_init(&w);
    size_t pos = 0;
    while (pos < n) {
        /* literal text up to a brace (MarkupIterator_next) */
        size_t start = pos;
        char c = 0;
        bool markup = false;
        while (pos < n) {
            c = s[pos++];
            if (c == '{' || c == '}') {
                markup = true;
                break;
            }
        }
        bool at_end = pos >= n;
        size_t len = pos - start;
        if (c == '}' && markup && (at_end || s[pos] != '}')) {
            vm_raise(vm, &Exc_ValueError, "Single '}' encountered in format string");
            goto fail;
        }
        if (at_end && c == '{' && markup) {
            vm_raise(vm, &Exc_ValueError, "Single '{' encountered in format string");
            goto fail;
        }
        if (!at_end && markup) {
            if (c == s[pos]) { /* escaped brace: literal */
                pos++;
                markup = false;
            } else {
                len--;
            }
        }
        size_t name_end = 0, spec_start = 0, spec_end = 0, name_start = pos;
        uint32_t conv = 0;
        bool expand = false;
        if (markup &&
            !parse_field(vm, s, n, &pos, &name_end, &conv, &spec_start, &spec_end, &expand))
            goto fail;
        if (len) {
            if (!markup && pos >= n) w.overalloc = false;
            if (start == 0 && len == n && s == str_cstr(fmt) && n == S(fmt)->nbytes)
                fw_add_str(vm, &w, fmt); /* the whole format string: taken as is */
            else
                fw_add(vm, &w, s + start, len);
        }
        if (markup) {
            if (pos >= n) w.overalloc = false;
            if (!output_field(vm, cx, &w, fmt, s + name_start, name_end - name_start, conv,
                              s + spec_start, spec_end - spec_start, expand, depth))
                goto fail;
        }
    }
    return fw_finish(vm, &w);
fail:
    fw_free(vm, &w);
    return NULL;
}

Obj *str_format_method(Vm *vm, Obj *fmt, Obj **args, int nargs, Obj *kwnames) {
    FormatCtx cx = {args, nargs, kwnames, 0, 0};
    return build_string(vm, &cx, fmt, str_cstr(fmt), S(fmt)->nbytes, 2);
}

/* ---------------------------------------------------------------------------------------- */
/* printf-style formatting: fmt % args (PyUnicode_Format and its unicode_format_arg_*
 * helpers). */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct {
    Obj *args; /* current argument source (BORROWED, or owned when args_owned) */
    bool args_owned;
    ssize_t arglen; /* -1: a single non-tuple argument */
    ssize_t argidx;
    Obj *dict; /* the mapping for %(key)s, or NULL */
} ModCtx;

static Obj *mod_nextarg(Vm *vm, ModCtx *cx) {
    ssize_t i = cx->argidx;
    if (i < cx->arglen) {
        cx->argidx++;
        if (cx->arglen < 0) return cx->args;
        return TUPLE_ITEM(cx->args, i);
    }
    return vm_raise(vm, &Exc_TypeError, "not enough arguments for format string");
}

/* PyMapping_Check(args) && !tuple && !str: such an args is not "one argument too many". */
static bool mod_is_mapping(Vm *vm, Obj *o) {
    if (IS_TUPLE(o) || IS_STR(o)) return false;
    if (IS_DICT(o) || IS_LIST(o) || TYPE(o) == &BytesType || KIND(o) == OBJ_RANGE) return true;
    return TYPE(o)->heap && type_special(vm, TYPE(o), "__getitem__") != NULL;
}

/* _PyUnicode_FormatLong(): digits with precision zero padding and the 0x/0o prefix for
 * the alternate form. NEW str, or NULL. */
static Obj *mod_format_long(Vm *vm, Obj *v, int flags, ssize_t prec, char type) {
    int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    int64_t small;
    if (TYPE(v) == &BoolType && int_as_i64(v, &small)) v = SMALL_INT(vm, small);
    Obj *digits = int_to_str(vm, v, base);
    if (!digits) return NULL;
    const char *p = str_cstr(digits);
    bool neg = *p == '-';
    if (neg) p++;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'o' || p[1] == 'b')) p += 2;
    size_t nd = strlen(p);
    StrBuf b;
    sb_init(&b);
    if (neg) sb_addc(&b, '-');
    if ((flags & F_ALT) && base != 10) {
        sb_addc(&b, '0');
        sb_addc(&b, type);
    }
    if (prec > (ssize_t)nd) add_fill(&b, '0', prec - (ssize_t)nd);
    for (size_t i = 0; i < nd; i++)
        sb_addc(&b, type == 'X' && p[i] >= 'a' && p[i] <= 'f' ? (char)(p[i] - 32) : p[i]);
    DECREF(vm, digits);
    return sb_finish(vm, &b);
}

/* mainformatlong(): %d %i %u %o %x %X. NEW str or NULL. */
static Obj *mod_long(Vm *vm, Obj *v, int flags, ssize_t prec, char type) {
    Obj *iobj = NULL;
    if (IS_INT(v)) {
        iobj = obj_newref(v);
    } else if (IS_FLOAT(v) && type != 'o' && type != 'x' && type != 'X') {
        iobj = int_from_double(vm, trunc(((Float *)v)->v));
        if (!iobj) return NULL;
    } else if (TYPE(v)->heap) {
        bool found = false;
        iobj = call_special(vm, v,
                            (type == 'o' || type == 'x' || type == 'X') ? "__index__" : "__int__",
                            NULL, 0, &found);
        if (found && !iobj) return NULL;
        if (iobj && !IS_INT(iobj)) {
            DECREF(vm, iobj);
            iobj = NULL;
        }
    }
    if (!iobj) {
        if (type == 'o' || type == 'x' || type == 'X')
            return vm_raise(vm, &Exc_TypeError, "%%%c format: an integer is required, not %s", type,
                            obj_type_name(v));
        return vm_raise(vm, &Exc_TypeError, "%%%c format: a real number is required, not %s", type,
                        obj_type_name(v));
    }
    Obj *r = mod_format_long(vm, iobj, flags, prec, type);
    DECREF(vm, iobj);
    return r;
}

/* unicode_format_arg_output(): pads `str` (already converted) into the writer. */
static void mod_output(Vm *vm, FmtWriter *w, int flags, ssize_t width, ssize_t prec, bool sign,
                       char ch, Obj *str) {
    uint32_t fill = sign && (flags & F_ZERO) ? '0' : ' ';
    ssize_t len = (ssize_t)S(str)->len;
    if ((width == -1 || width <= len) && (prec == -1 || prec >= len) &&
        !(flags & (F_SIGN | F_BLANK))) {
        fw_add_str(vm, w, str);
        return;
    }
    const char *p = S(str)->s;
    size_t nbytes = S(str)->nbytes;
    if ((ch == 's' || ch == 'r' || ch == 'a') && prec >= 0 && len > prec) {
        len = prec;
        nbytes = utf8_skip(p, nbytes, (size_t)len);
    }
    char signchar = 0;
    if (sign) {
        if (len > 0 && (p[0] == '-' || p[0] == '+')) {
            signchar = p[0];
            len--;
            p++;
            nbytes--;
        } else if (flags & F_SIGN) {
            signchar = '+';
        } else if (flags & F_BLANK) {
            signchar = ' ';
        } else {
            sign = false;
        }
    }
    if (width < len) width = len;
    StrBuf b;
    sb_init(&b);
    if (sign) {
        if (fill != ' ') sb_addc(&b, signchar);
        if (width > len) width--;
    }
    bool prefix = (flags & F_ALT) && (ch == 'x' || ch == 'X' || ch == 'o');
    if (prefix) {
        if (fill != ' ') sb_add(&b, p, 2);
        width -= 2;
        if (width < 0) width = 0;
        len -= 2;
    }
    if (width > len && !(flags & F_LJUST)) {
        add_fill(&b, fill, width - len);
        width = len;
    }
    if (fill == ' ') {
        if (sign) sb_addc(&b, signchar);
        if (prefix) sb_add(&b, p, 2);
    }
    if (prefix) {
        p += 2;
        nbytes -= 2;
    }
    sb_add(&b, p, nbytes);
    if (width > len) add_fill(&b, ' ', width - len);
    fw_add(vm, w, b.s, b.n);
    sb_free(&b);
}

/* Converts one argument for the format character ch (unicode_format_arg_format). NEW str,
 * or NULL with an exception. *sign tells whether the result is numeric (sign handling). */
static Obj *mod_convert(Vm *vm, Obj *v, char ch, int flags, ssize_t prec, bool *sign) {
    *sign = false;
    switch (ch) {
    case 's':
        if (IS_STR(v)) return obj_newref(v);
        return obj_str(vm, v);
    case 'r':
        return obj_repr(vm, v);
    case 'a':
        return str_ascii(vm, v);
    case 'i':
    case 'd':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
        *sign = true;
        return mod_long(vm, v, flags, prec, ch == 'i' || ch == 'u' ? 'd' : ch);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
        double x;
        if (IS_FLOAT(v)) {
            x = ((Float *)v)->v;
        } else if (IS_INT(v)) {
            bool ok = true;
            x = int_as_double(vm, v, &ok);
            if (!ok) return NULL;
        } else {
            bool found = false;
            Obj *f = TYPE(v)->heap ? call_special(vm, v, "__float__", NULL, 0, &found) : NULL;
            if (found && !f) return NULL;
            if (!f || !IS_FLOAT(f)) {
                XDECREF(vm, f);
                return vm_raise(vm, &Exc_TypeError, "must be real number, not %s",
                                obj_type_name(v));
            }
            x = ((Float *)f)->v;
            DECREF(vm, f);
        }
        *sign = true;
        StrBuf b;
        sb_init(&b);
        double_to_string(&b, x, ch, prec < 0 ? 6 : (int)prec, (flags & F_ALT) ? DTSF_ALT : 0);
        return sb_finish(vm, &b);
    }
    case 'c': {
        uint32_t c;
        if (IS_STR(v)) {
            if (S(v)->len != 1) return vm_raise(vm, &Exc_TypeError, "%%c requires int or char");
            c = str_char_at(v, 0);
        } else if (IS_INT(v)) {
            int64_t x;
            if (!int_as_i64(v, &x) || x < 0 || x > 0x10ffff)
                return vm_raise(vm, &Exc_OverflowError, "%%c arg not in range(0x110000)");
            c = (uint32_t)x;
        } else {
            return vm_raise(vm, &Exc_TypeError, "%%c requires int or char");
        }
        StrBuf b;
        sb_init(&b);
        sb_add_cp(&b, c);
        return sb_finish(vm, &b);
    }
    default:
        return NULL;
    }
}

Obj *str_mod(Vm *vm, Obj *fmt, Obj *args) {
    const char *s = str_cstr(fmt);
    size_t n = S(fmt)->nbytes, pos = 0;
    ModCtx cx = {args, false, -1, -2, NULL};
    if (IS_TUPLE(args)) {
        cx.arglen = TUPLE_LEN(args);
        cx.argidx = 0;
    }
    if (mod_is_mapping(vm, args)) cx.dict = args;
    FmtWriter w;
    fw_init(&w);
    while (pos < n) {
        if (s[pos] != '%') {
            size_t start = pos;
            while (pos < n && s[pos] != '%')
                pos++;
            if (pos >= n) w.overalloc = false;
            if (start == 0 && pos == n)
                fw_add_str(vm, &w, fmt);
            else
                fw_add(vm, &w, s + start, pos - start);
            continue;
        }
        pos++; /* the '%' */
        if (pos < n && s[pos] == '%') {
            fw_addc(vm, &w, '%');
            pos++;
            continue;
        }
        int flags = 0;
        ssize_t width = -1, prec = -1;
        if (pos < n && s[pos] == '(') {
            if (!cx.dict) {
                vm_raise(vm, &Exc_TypeError, "format requires a mapping");
                goto fail;
            }
            size_t keystart = ++pos;
            int depth = 1;
            while (pos < n && depth > 0) {
                if (s[pos] == ')')
                    depth--;
                else if (s[pos] == '(')
                    depth++;
                pos++;
            }
            if (depth > 0) {
                vm_raise(vm, &Exc_ValueError, "incomplete format key");
                goto fail;
            }
            Obj *key = str_new(vm, s + keystart, pos - 1 - keystart);
            if (!key) goto fail;
            Obj *value = obj_getitem(vm, cx.dict, key);
            DECREF(vm, key);
            if (!value) goto fail;
            if (cx.args_owned) DECREF(vm, cx.args);
            cx.args = value;
            cx.args_owned = true;
            cx.arglen = -1;
            cx.argidx = -2;
        }
        for (; pos < n; pos++) {
            char c = s[pos];
            if (c == '-')
                flags |= F_LJUST;
            else if (c == '+')
                flags |= F_SIGN;
            else if (c == ' ')
                flags |= F_BLANK;
            else if (c == '#')
                flags |= F_ALT;
            else if (c == '0')
                flags |= F_ZERO;
            else
                break;
        }
        if (pos < n && s[pos] == '*') {
            Obj *v = mod_nextarg(vm, &cx);
            if (!v) goto fail;
            int64_t x;
            if (!IS_INT(v)) {
                vm_raise(vm, &Exc_TypeError, "* wants int");
                goto fail;
            }
            if (!int_as_i64(v, &x)) {
                vm_raise(vm, &Exc_OverflowError, "Python int too large to convert to C ssize_t");
                goto fail;
            }
            if (x < 0) {
                flags |= F_LJUST;
                x = -x;
            }
            width = (ssize_t)x;
            pos++;
        } else if (pos < n && s[pos] >= '0' && s[pos] <= '9') {
            width = 0;
            while (pos < n && s[pos] >= '0' && s[pos] <= '9') {
                int d = s[pos++] - '0';
                if (width > (SSIZE_MAX - d) / 10) {
                    vm_raise(vm, &Exc_ValueError, "width too big");
                    goto fail;
                }
                width = width * 10 + d;
            }
        }
        if (pos < n && s[pos] == '.') {
            pos++;
            prec = 0;
            if (pos < n && s[pos] == '*') {
                Obj *v = mod_nextarg(vm, &cx);
                if (!v) goto fail;
                int64_t x;
                if (!IS_INT(v)) {
                    vm_raise(vm, &Exc_TypeError, "* wants int");
                    goto fail;
                }
                if (!int_as_i64(v, &x) || x > INT_MAX || x < INT_MIN) {
                    vm_raise(vm, &Exc_OverflowError, "Python int too large to convert to C int");
                    goto fail;
                }
                prec = x < 0 ? 0 : (ssize_t)x;
                pos++;
            } else {
                while (pos < n && s[pos] >= '0' && s[pos] <= '9') {
                    int d = s[pos++] - '0';
                    if (prec > (INT_MAX - d) / 10) {
                        vm_raise(vm, &Exc_ValueError, "precision too big");
                        goto fail;
                    }
                    prec = prec * 10 + d;
                }
            }
        }
        if (pos < n && (s[pos] == 'h' || s[pos] == 'l' || s[pos] == 'L')) pos++;
        if (pos >= n) {
            vm_raise(vm, &Exc_ValueError, "incomplete format");
            goto fail;
        }
        if (fmt_too_long(vm, width) || fmt_too_long(vm, prec)) goto fail;
        uint32_t ch;
        size_t chpos = pos;
        pos += (size_t)utf8_decode((const unsigned char *)s + pos, n - pos, &ch);
        if (pos >= n) w.overalloc = false;
        Obj *v = mod_nextarg(vm, &cx);
        if (!v) goto fail;
        if (!strchr("sradiuoxXeEfFgGc", (int)ch) || ch == 0) {
            vm_raise(vm, &Exc_ValueError, "unsupported format character '%c' (0x%x) at index %zu",
                     ch >= 31 && ch <= 126 ? (char)ch : '?', ch, utf8_count(s, chpos));
            goto fail;
        }
        bool sign;
        Obj *str = mod_convert(vm, v, (char)ch, flags, prec, &sign);
        if (!str) goto fail;
        mod_output(vm, &w, flags, width, prec, sign, (char)ch, str);
        DECREF(vm, str);
        if (cx.dict && cx.argidx < cx.arglen) {
            vm_raise(vm, &Exc_TypeError, "not all arguments converted during string formatting");
            goto fail;
        }
    }
    if (cx.argidx < cx.arglen && !cx.dict) {
        vm_raise(vm, &Exc_TypeError, "not all arguments converted during string formatting");
        goto fail;
    }
    if (cx.args_owned) DECREF(vm, cx.args);
    return fw_finish(vm, &w);
fail:
    if (cx.args_owned) DECREF(vm, cx.args);
    fw_free(vm, &w);
    return NULL;
}
