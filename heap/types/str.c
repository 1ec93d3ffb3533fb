/*
 * str.c - the str and bytes types: construction, the per-run shared strings, interning,
 * hashing, repr, indexing and the str methods; also StrBuf, the growable UTF-8 buffer every
 * module builds text with.
 *
 * A Str keeps its text as UTF-8 (NUL-terminated, stored inline after the struct) but reports
 * the size CPython's PEP 393 layout would have: a compact ASCII string is 48 + len + 1 bytes,
 * any other compact string 72 + kind * (len + 1), where kind = 1, 2 or 4 bytes per code point
 * is decided by the widest character. `len` counts code points, `nbytes` UTF-8 bytes. UTF-8
 * sorts like its code points under memcmp, so comparison and substring search work on bytes;
 * code point positions of a non-ASCII string are found through a UView (decoded view).
 *
 * Shared strings (per run, mirroring unicode_get_empty() and get_latin1_char()): '' and the
 * 256 one-character latin-1 strings. Every constructor goes through str_make(), which hands
 * those out instead of allocating, so `chr(65) is 'A'` and `'abc'[0] is 'a'` behave as in
 * 3.11. Methods return `self` exactly where CPython's unicode_result_unchanged() does
 * ('abc'.strip() is 'abc'), because that is visible in refcounts and id().
 *
 * Hashes are CPython's own: SipHash-1-3 over the PEP 393 buffer with the all-zero key that
 * PYTHONHASHSEED=0 selects. The conformance oracle runs with PYTHONHASHSEED=0, so the
 * iteration order of sets of strings matches it.
 *
 * Interning mirrors 3.11: vm->interned maps s -> s and the dict's two references are not
 * counted (refcnt -= 2 after the insertion); when an interned string dies, str_dealloc gives
 * them back just long enough for the dict to drop them (unicode_dealloc()).
 *
 * Character properties (isalpha, isprintable, case mappings ...) come from tables generated
 * from python3.11's unicodedata (Unicode 14.0.0) at the end of this file.
 */
#define _GNU_SOURCE /* memmem */
#include "heap/types/types.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STR_STATIC_REFCNT 1000000000
/* Simulated address of CPython's statically allocated strings (_Py_SINGLETON(strings)):
 * ascii[128] entries of 56 bytes, then latin1[128] entries of 80 bytes; '' before them. */
#define STR_STATIC_BASE 0x55d0c8a1e000ULL
#define BYTES_STATIC_BASE 0x55d0c8a2a000ULL

static inline Str *S(Obj *o) {
    return (Str *)o;
}

/* ---------------------------------------------------------------------------------------- */
/* Unicode character database (tables at the end of the file). */

static bool u_isalpha(uint32_t c);
static bool u_isdecimal(uint32_t c);
static bool u_isdigit(uint32_t c);
static bool u_isnumeric(uint32_t c);
static bool u_isspace(uint32_t c);
static bool u_isprintable(uint32_t c);
static bool u_islower(uint32_t c);
static bool u_isupper(uint32_t c);
static bool u_istitle(uint32_t c);
static bool u_iscased(uint32_t c);
static bool u_iscaseignorable(uint32_t c);
static bool u_isxidstart(uint32_t c);
static bool u_isxidcontinue(uint32_t c);
/* Full case mappings (SpecialCasing included): kind 'L' lower, 'U' upper, 'T' title, 'F'
 * casefold. Writes 1..3 code points, returns how many. */
static int u_casemap(uint32_t c, char kind, uint32_t out[3]);

static bool u_islinebreak(uint32_t c) {
    return (c >= 0x0a && c <= 0x0d) || (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0x2028 ||
           c == 0x2029;
}

/* ---------------------------------------------------------------------------------------- */
/* UTF-8. */

int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp) {
    if (n == 0) {
        *cp = 0;
        return 0;
    }
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len;
    uint32_t v;
    if (c >= 0xf0 && c < 0xf8) {
        len = 4;
        v = c & 7;
    } else if (c >= 0xe0 && c < 0xf0) {
        len = 3;
        v = c & 15;
    } else if (c >= 0xc0 && c < 0xe0) {
        len = 2;
        v = c & 31;
    } else {
        *cp = c; /* stray byte: taken as latin-1 (input is promised to be UTF-8) */
        return 1;
    }
    if ((size_t)len > n) {
        *cp = c;
        return 1;
    }
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80) {
            *cp = c;
            return 1;
        }
        v = v << 6 | (s[i] & 63);
    }
    *cp = v;
    return len;
}

static int utf8_encode(uint32_t c, char *out) {
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xc0 | c >> 6);
        out[1] = (char)(0x80 | (c & 63));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xe0 | c >> 12);
        out[1] = (char)(0x80 | (c >> 6 & 63));
        out[2] = (char)(0x80 | (c & 63));
        return 3;
    }
    out[0] = (char)(0xf0 | c >> 18);
    out[1] = (char)(0x80 | (c >> 12 & 63));
    out[2] = (char)(0x80 | (c >> 6 & 63));
    out[3] = (char)(0x80 | (c & 63));
    return 4;
}

/* Code point count and largest code point of a UTF-8 buffer. */
static size_t utf8_scan(const char *s, size_t n, uint32_t *maxchar) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, len = 0;
    uint32_t mx = 0;
    while (i < n && p[i] < 0x80) {
        if (p[i] > mx) mx = p[i];
        i++;
        len++;
    }
    while (i < n) {
        uint32_t c;
        i += (size_t)utf8_decode(p + i, n - i, &c);
        if (c > mx) mx = c;
        len++;
    }
    *maxchar = mx;
    return len;
}

/* ---------------------------------------------------------------------------------------- */
/* StrBuf. Real out-of-memory of the host is not a Python-level condition: it aborts. */

void sb_init(StrBuf *b) {
    b->s = NULL;
    b->n = b->cap = 0;
}

static void sb_reserve(StrBuf *b, size_t extra) {
    if (b->n + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->n + extra + 1)
        cap *= 2;
    char *p = realloc(b->s, cap);
    if (!p) {
        fprintf(stderr, "memviz: out of memory\n");
        abort();
    }
    b->s = p;
    b->cap = cap;
}

void sb_add(StrBuf *b, const char *s, size_t n) {
    sb_reserve(b, n);
    if (n) memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

void sb_adds(StrBuf *b, const char *s) {
    sb_add(b, s, strlen(s));
}

void sb_addc(StrBuf *b, char c) {
    sb_add(b, &c, 1);
}

void sb_addf(StrBuf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof tmp) {
        sb_add(b, tmp, (size_t)n);
        return;
    }
    sb_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)n;
}

void sb_add_cp(StrBuf *b, uint32_t cp) {
    char tmp[4];
    sb_add(b, tmp, (size_t)utf8_encode(cp, tmp));
}

void sb_add_obj(StrBuf *b, Obj *str) {
    sb_add(b, S(str)->s, S(str)->nbytes);
}

static void sb_fill(StrBuf *b, uint32_t cp, size_t count) {
    char tmp[4];
    int k = utf8_encode(cp, tmp);
    sb_reserve(b, count * (size_t)k);
    for (size_t i = 0; i < count; i++) {
        memcpy(b->s + b->n, tmp, (size_t)k);
        b->n += (size_t)k;
    }
    b->s[b->n] = 0;
}

void sb_free(StrBuf *b) {
    free(b->s);
    sb_init(b);
}

Obj *sb_finish(Vm *vm, StrBuf *b) {
    Obj *r = str_new(vm, b->s ? b->s : "", b->n);
    sb_free(b);
    return r;
}

/* ---------------------------------------------------------------------------------------- */
/* Construction. */

static int kind_of(uint32_t maxchar) {
    return maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4;
}

/* CPython's sys.getsizeof of a compact string (PyASCIIObject / PyCompactUnicodeObject). */
static size_t str_pysize(size_t len, uint32_t maxchar) {
    if (maxchar < 128) return 48 + len + 1;
    return 72 + (size_t)kind_of(maxchar) * (len + 1);
}

static size_t str_size_of(Obj *o) {
    Str *s = S(o);
    if (s->ascii) return 48 + s->len + 1;
    return 72 + (size_t)s->kind * (s->len + 1);
}

/* The one constructor: returns the shared '' / latin-1 strings where CPython does. len and
 * maxchar must describe the UTF-8 text (maxchar may be any value below 128 for ASCII text).
 * NEW reference. */
static Obj *str_make(Vm *vm, const char *s, size_t nbytes, size_t len, uint32_t maxchar) {
    if (len == 0 && vm->empty_str) return obj_newref(vm->empty_str);
    if (len == 1) {
        uint32_t c;
        utf8_decode((const unsigned char *)s, nbytes, &c);
        if (c < 256 && vm->latin1[c]) return obj_newref(vm->latin1[c]);
        maxchar = c;
    }
    if (vm->limits.max_str && len > vm->limits.max_str) return vm_nomem(vm);
    Str *o = (Str *)obj_alloc(vm, &StrType, sizeof(Str) + nbytes + 1, str_pysize(len, maxchar));
    if (!o) return NULL;
    o->len = len;
    o->nbytes = nbytes;
    o->hash = -1;
    o->kind = (uint8_t)kind_of(maxchar);
    o->ascii = maxchar < 128;
    o->s = o->inl;
    if (nbytes) memcpy(o->inl, s, nbytes);
    o->inl[nbytes] = 0;
    return (Obj *)o;
}

Obj *str_new(Vm *vm, const char *utf8, size_t nbytes) {
    uint32_t mx;
    size_t len = utf8_scan(utf8, nbytes, &mx);
    return str_make(vm, utf8, nbytes, len, mx);
}

Obj *str_from_cstr(Vm *vm, const char *s) {
    return str_new(vm, s, strlen(s));
}

Obj *str_fromf(Vm *vm, const char *fmt, ...) {
    StrBuf b;
    sb_init(&b);
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    if ((size_t)n < sizeof tmp) return str_new(vm, tmp, (size_t)n);
    sb_reserve(&b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b.s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b.n = (size_t)n;
    return sb_finish(vm, &b);
}

/* A string of one code point (shared for latin-1). NEW. */
static Obj *str_from_cp(Vm *vm, uint32_t c) {
    char tmp[4];
    int k = utf8_encode(c, tmp);
    return str_make(vm, tmp, (size_t)k, 1, c);
}

/* Result of a method that may return its argument unchanged (unicode_result_unchanged):
 * the same object for an exact str. */
/* Guards against building a huge text before str_make's own check: true (MemoryError set)
 * when a result of `len` code points cannot exist in this run. */
static bool str_too_long(Vm *vm, size_t len) {
    if ((vm->limits.max_str && len > vm->limits.max_str) ||
        (vm->limits.max_heap && len > vm->limits.max_heap)) {
        vm_nomem(vm);
        return true;
    }
    return false;
}

static Obj *str_unchanged(Obj *s) {
    return obj_newref(s);
}

static Obj *static_str(Vm *vm, const char *s, size_t nbytes, size_t len, uint32_t maxchar,
                       uint64_t addr) {
    Str *o = calloc(1, sizeof(Str) + nbytes + 1);
    if (!o) abort();
    obj_init_static(&o->ob, &StrType, STR_STATIC_REFCNT);
    o->ob.addr = addr;
    o->ob.uid = vm->next_uid++;
    o->len = len;
    o->nbytes = nbytes;
    o->hash = -1;
    o->kind = (uint8_t)kind_of(maxchar);
    o->ascii = maxchar < 128;
    o->s = o->inl;
    memcpy(o->inl, s, nbytes);
    return (Obj *)o;
}

/* Creates the per-run shared strings ('' and the 256 latin-1 characters) and b''. */
void str_init_statics(Vm *vm) {
    vm->empty_str = static_str(vm, "", 0, 0, 0, STR_STATIC_BASE - 56);
    for (uint32_t c = 0; c < 256; c++) {
        char tmp[4];
        int k = utf8_encode(c, tmp);
        uint64_t addr =
            c < 128 ? STR_STATIC_BASE + 56 * c : STR_STATIC_BASE + 56 * 128 + 80 * (c - 128);
        vm->latin1[c] = static_str(vm, tmp, (size_t)k, 1, c, addr);
    }
    Bytes *b = calloc(1, sizeof(Bytes) + 1);
    if (!b) abort();
    obj_init_static(&b->ob, &BytesType, STR_STATIC_REFCNT);
    b->ob.addr = BYTES_STATIC_BASE;
    b->ob.uid = vm->next_uid++;
    b->hash = -1;
    b->s = b->inl;
    vm->empty_bytes = (Obj *)b;
}

/* Releases the memory of the shared strings (at the very end of a run). */
void str_free_statics(Vm *vm) {
    free(vm->empty_str);
    vm->empty_str = NULL;
    for (int c = 0; c < 256; c++) {
        free(vm->latin1[c]);
        vm->latin1[c] = NULL;
    }
    free(vm->empty_bytes);
    vm->empty_bytes = NULL;
}

/* ---------------------------------------------------------------------------------------- */
/* Hashing: SipHash-1-3 with the zero key, as _Py_HashBytes with PYTHONHASHSEED=0. */

#define SIP_ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIP_HALF(a, b, c, d, s, t)                                                                 \
    a += b;                                                                                        \
    c += d;                                                                                        \
    b = SIP_ROTL(b, s) ^ a;                                                                        \
    d = SIP_ROTL(d, t) ^ c;                                                                        \
    a = SIP_ROTL(a, 32);
#define SIP_ROUND(v0, v1, v2, v3)                                                                  \
    SIP_HALF(v0, v1, v2, v3, 13, 16);                                                              \
    SIP_HALF(v2, v1, v0, v3, 17, 21);

static int64_t hash_bytes(const unsigned char *in, size_t n) {
    if (n == 0) return 0;
    uint64_t b = (uint64_t)n << 56;
    uint64_t v0 = 0x736f6d6570736575ULL, v1 = 0x646f72616e646f6dULL;
    uint64_t v2 = 0x6c7967656e657261ULL, v3 = 0x7465646279746573ULL;
    while (n >= 8) {
        uint64_t mi = 0;
        for (int i = 7; i >= 0; i--)
            mi = mi << 8 | in[i];
        in += 8;
        n -= 8;
        v3 ^= mi;
        SIP_ROUND(v0, v1, v2, v3);
        v0 ^= mi;
    }
    uint64_t t = 0;
    for (size_t i = n; i > 0; i--)
        t = t << 8 | in[i - 1];
    b |= t;
    v3 ^= b;
    SIP_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    int64_t h = (int64_t)((v0 ^ v1) ^ (v2 ^ v3));
    return h == -1 ? -2 : h;
}

/* The hash is taken over the PEP 393 buffer (1, 2 or 4 bytes per code point, little
 * endian), not over the UTF-8 bytes, exactly as unicode_hash(). */
int64_t str_hash(Obj *o) {
    Str *s = S(o);
    if (s->hash != -1) return s->hash;
    if (s->ascii) {
        s->hash = hash_bytes((const unsigned char *)s->s, s->nbytes);
        return s->hash;
    }
    size_t k = s->kind, nb = k * s->len;
    unsigned char small[256];
    unsigned char *buf = nb <= sizeof small ? small : malloc(nb);
    if (!buf) abort();
    const unsigned char *p = (const unsigned char *)s->s;
    size_t i = 0, j = 0;
    while (i < s->nbytes) {
        uint32_t c;
        i += (size_t)utf8_decode(p + i, s->nbytes - i, &c);
        for (size_t x = 0; x < k; x++)
            buf[j++] = (unsigned char)(c >> (8 * x));
    }
    s->hash = hash_bytes(buf, nb);
    if (buf != small) free(buf);
    return s->hash;
}

bool str_eq(Obj *a, Obj *b) {
    if (a == b) return true;
    Str *x = S(a), *y = S(b);
    if (x->nbytes != y->nbytes) return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
    return memcmp(x->s, y->s, x->nbytes) == 0;
}

bool str_eq_cstr(Obj *a, const char *s) {
    size_t n = strlen(s);
    return S(a)->nbytes == n && memcmp(S(a)->s, s, n) == 0;
}

/* By code point: UTF-8 byte order is code point order. */
int str_compare(Obj *a, Obj *b) {
    Str *x = S(a), *y = S(b);
    size_t n = x->nbytes < y->nbytes ? x->nbytes : y->nbytes;
    int c = memcmp(x->s, y->s, n);
    if (c) return c < 0 ? -1 : 1;
    return x->nbytes < y->nbytes ? -1 : x->nbytes > y->nbytes ? 1 : 0;
}

/* ---------------------------------------------------------------------------------------- */
/* Interning (PyUnicode_InternInPlace / unicode_dealloc / _PyUnicode_ClearInterned). */

Obj *str_intern(Vm *vm, Obj *s) {
    if (!IS_STR(s) || (s->flags & OBJ_F_INTERNED) || !vm->interned) return s;
    Obj *t = dict_get_str(vm->interned, s);
    if (t) {
        INCREF(t);
        DECREF(vm, s);
        return t;
    }
    if (dict_set(vm, vm->interned, s, s) < 0) {
        vm_clear_exc(vm); /* as CPython: interning failures are ignored */
        return s;
    }
    /* The two references in the interned dict (key and value) are not counted. */
    s->refcnt -= 2;
    s->flags |= OBJ_F_INTERNED;
    return s;
}

Obj *str_intern_cstr(Vm *vm, const char *s) {
    Obj *o = str_from_cstr(vm, s);
    return o ? str_intern(vm, o) : NULL;
}

/* Gives back the uncounted references of every interned string and forgets the interning,
 * so that the interned dict can then be released like any dict. Call before freeing
 * vm->interned. */
void str_clear_interned(Vm *vm) {
    if (!vm->interned) return;
    ssize_t pos = 0;
    Obj *k, *v;
    while (dict_next(vm->interned, &pos, &k, &v)) {
        k->refcnt += 2;
        k->flags &= (uint16_t)~OBJ_F_INTERNED;
    }
}

static void str_dealloc(Vm *vm, Obj *o) {
    if ((o->flags & OBJ_F_INTERNED) && vm->interned) {
        /* mirrors unicode_dealloc(): restore the dict's two uncounted references plus ours,
         * let the deletion drop the dict's two, then finish at zero */
        o->refcnt = 3;
        Obj *saved = vm->exc;
        vm->exc = NULL;
        dict_pop_str(vm, vm->interned, o);
        if (vm->exc) vm_clear_exc(vm);
        vm->exc = saved;
        o->refcnt = 0;
    }
    obj_free_mem(vm, o);
}

/* ---------------------------------------------------------------------------------------- */
/* Decoded views: code point i of a string and its byte offset, for ASCII and non-ASCII
 * strings alike. */

typedef struct {
    const char *s; /* UTF-8 */
    size_t n;      /* code points */
    size_t nbytes;
    bool ascii;
    uint32_t *cp; /* n code points (non-ASCII only) */
    size_t *off;  /* n + 1 byte offsets (non-ASCII only) */
} UView;

static void uv_init(UView *v, Obj *o) {
    Str *s = S(o);
    v->s = s->s;
    v->n = s->len;
    v->nbytes = s->nbytes;
    v->ascii = s->ascii;
    v->cp = NULL;
    v->off = NULL;
    if (s->ascii) return;
    v->cp = malloc(sizeof(uint32_t) * (s->len + 1));
    v->off = malloc(sizeof(size_t) * (s->len + 1));
    if (!v->cp || !v->off) abort();
    const unsigned char *p = (const unsigned char *)s->s;
    size_t i = 0, j = 0;
    while (i < s->nbytes) {
        v->off[j] = i;
        i += (size_t)utf8_decode(p + i, s->nbytes - i, &v->cp[j]);
        j++;
    }
    v->off[j] = i;
}

static void uv_free(UView *v) {
    free(v->cp);
    free(v->off);
}

static inline uint32_t uv_at(const UView *v, size_t i) {
    return v->ascii ? (unsigned char)v->s[i] : v->cp[i];
}

static inline size_t uv_off(const UView *v, size_t i) {
    return v->ascii ? i : v->off[i];
}

/* Code point index of byte offset b (b on a character boundary). */
static size_t uv_index(const UView *v, size_t b) {
    if (v->ascii) return b;
    size_t lo = 0, hi = v->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v->off[mid] < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Substring [i, j) in code points. NEW. */
static Obj *uv_sub(Vm *vm, const UView *v, size_t i, size_t j) {
    size_t a = uv_off(v, i), b = uv_off(v, j);
    if (v->ascii) return str_make(vm, v->s + a, b - a, j - i, 0);
    return str_new(vm, v->s + a, b - a);
}

/* Substring that returns `self` when it covers the whole of an exact str. NEW. */
static Obj *uv_sub_or_self(Vm *vm, const UView *v, Obj *self, size_t i, size_t j) {
    if (i == 0 && j == v->n) return str_unchanged(self);
    return uv_sub(vm, v, i, j);
}

/* Byte offset of code point i of s, by walking. */
static size_t str_offset(Obj *o, size_t i) {
    Str *s = S(o);
    if (s->ascii) return i;
    const unsigned char *p = (const unsigned char *)s->s;
    size_t b = 0;
    while (i-- > 0 && b < s->nbytes) {
        b++;
        while (b < s->nbytes && (p[b] & 0xc0) == 0x80)
            b++;
    }
    return b;
}

uint32_t str_char_at(Obj *o, size_t i) {
    Str *s = S(o);
    if (s->ascii) return (unsigned char)s->s[i];
    size_t b = str_offset(o, i);
    uint32_t c;
    utf8_decode((const unsigned char *)s->s + b, s->nbytes - b, &c);
    return c;
}

/* ---------------------------------------------------------------------------------------- */
/* repr and ascii. */

static void add_escape(StrBuf *b, uint32_t c) {
    if (c <= 0xff)
        sb_addf(b, "\\x%02x", c);
    else if (c <= 0xffff)
        sb_addf(b, "\\u%04x", c);
    else
        sb_addf(b, "\\U%08x", c);
}

/* mirrors unicode_repr(): single quotes unless the text has ' and no ". With `ascii`
 * (ascii()), every non-ASCII character is escaped too. */
static Obj *repr_impl(Vm *vm, Obj *o, bool ascii) {
    Str *s = S(o);
    bool sq = memchr(s->s, '\'', s->nbytes) != NULL, dq = memchr(s->s, '"', s->nbytes) != NULL;
    char q = sq && !dq ? '"' : '\'';
    StrBuf b;
    sb_init(&b);
    sb_reserve(&b, s->nbytes + 2);
    sb_addc(&b, q);
    const unsigned char *p = (const unsigned char *)s->s;
    size_t i = 0;
    while (i < s->nbytes) {
        uint32_t c;
        i += (size_t)utf8_decode(p + i, s->nbytes - i, &c);
        if (c == (uint32_t)q || c == '\\') {
            sb_addc(&b, '\\');
            sb_addc(&b, (char)c);
        } else if (c == '\t') {
            sb_adds(&b, "\\t");
        } else if (c == '\n') {
            sb_adds(&b, "\\n");
        } else if (c == '\r') {
            sb_adds(&b, "\\r");
        } else if (c < 0x20 || c == 0x7f) {
            sb_addf(&b, "\\x%02x", c);
        } else if (c < 0x7f) {
            sb_addc(&b, (char)c);
        } else if (!ascii && u_isprintable(c)) {
            sb_add_cp(&b, c);
        } else {
            add_escape(&b, c);
        }
    }
    sb_addc(&b, q);
    return sb_finish(vm, &b);
}

Obj *str_repr(Vm *vm, Obj *s) {
    return repr_impl(vm, s, false);
}

/* ascii(o): repr(o) with every non-ASCII character escaped (PyObject_ASCII). NEW. */
Obj *str_ascii(Vm *vm, Obj *o) {
    Obj *r = obj_repr(vm, o);
    if (!r || S(r)->ascii) return r;
    StrBuf b;
    sb_init(&b);
    const unsigned char *p = (const unsigned char *)S(r)->s;
    size_t i = 0, n = S(r)->nbytes;
    while (i < n) {
        uint32_t c;
        i += (size_t)utf8_decode(p + i, n - i, &c);
        if (c < 0x80)
            sb_addc(&b, (char)c);
        else
            add_escape(&b, c);
    }
    DECREF(vm, r);
    return sb_finish(vm, &b);
}

/* ---------------------------------------------------------------------------------------- */
/* Sequence protocol. */

static Obj *str_index_error(Vm *vm) {
    return vm_raise(vm, &Exc_IndexError, "string index out of range");
}

/* Converts an index-like object (int, bool, __index__) to ssize_t. false with TypeError
 * "<what> must be integers, not 'x'"-style errors left to the caller when !*isindex. */
static bool as_index(Vm *vm, Obj *o, ssize_t *out, bool *isindex) {
    *isindex = true;
    if (IS_INT(o)) {
        int64_t v;
        if (!int_as_i64(o, &v)) {
            vm_raise(vm, &Exc_IndexError, "cannot fit 'int' into an index-sized integer");
            return false;
        }
        *out = (ssize_t)v;
        return true;
    }
    if (TYPE(o)->heap && type_special(vm, TYPE(o), "__index__")) {
        bool ok = true;
        ssize_t v = obj_as_index(vm, o, &ok);
        if (!ok || vm->exc) return false;
        *out = v;
        return true;
    }
    *isindex = false;
    return false;
}

Obj *str_getitem(Vm *vm, Obj *o, Obj *key) {
    Str *s = S(o);
    if (KIND(key) == OBJ_SLICE) {
        ssize_t start, stop, step, n;
        if (slice_indices(vm, key, (ssize_t)s->len, &start, &stop, &step, &n) < 0) return NULL;
        if (n <= 0) return obj_newref(vm->empty_str);
        if (start == 0 && step == 1 && (size_t)n == s->len) return str_unchanged(o);
        if (step == 1) {
            size_t a = str_offset(o, (size_t)start);
            if (s->ascii) return str_make(vm, s->s + a, (size_t)n, (size_t)n, 0);
            const unsigned char *p = (const unsigned char *)s->s;
            size_t b = a;
            for (ssize_t k = 0; k < n; k++) {
                b++;
                while (b < s->nbytes && (p[b] & 0xc0) == 0x80)
                    b++;
            }
            return str_new(vm, s->s + a, b - a);
        }
        UView v;
        uv_init(&v, o);
        StrBuf b;
        sb_init(&b);
        for (ssize_t k = 0, i = start; k < n; k++, i += step) {
            if (v.ascii)
                sb_addc(&b, v.s[i]);
            else
                sb_add(&b, v.s + v.off[i], v.off[i + 1] - v.off[i]);
        }
        uv_free(&v);
        return sb_finish(vm, &b);
    }
    ssize_t i;
    bool isindex;
    if (!as_index(vm, key, &i, &isindex)) {
        if (isindex) return NULL;
        return vm_raise(vm, &Exc_TypeError, "string indices must be integers, not '%s'",
                        obj_type_name(key));
    }
    if (i < 0) i += (ssize_t)s->len;
    if (i < 0 || (size_t)i >= s->len) return str_index_error(vm);
    return str_from_cp(vm, str_char_at(o, (size_t)i));
}

/* mirrors unicode_repeat(): s * 1 is s itself. */
Obj *str_mul(Vm *vm, Obj *o, ssize_t n) {
    Str *s = S(o);
    if (n <= 0 || s->len == 0) return obj_newref(vm->empty_str);
    if (n == 1) return str_unchanged(o);
    if (s->nbytes > (size_t)SSIZE_MAX / (size_t)n)
        return vm_raise(vm, &Exc_OverflowError, "repeated string is too long");
    size_t len = s->len * (size_t)n;
    if (vm->limits.max_str && len > vm->limits.max_str) return vm_nomem(vm);
    size_t nb = s->nbytes * (size_t)n;
    char *buf = malloc(nb + 1);
    if (!buf) return vm_nomem(vm);
    for (ssize_t k = 0; k < n; k++)
        memcpy(buf + (size_t)k * s->nbytes, s->s, s->nbytes);
    uint32_t mx = 0;
    if (!s->ascii) utf8_scan(s->s, s->nbytes, &mx);
    Obj *r = str_make(vm, buf, nb, len, mx);
    free(buf);
    return r;
}

/* mirrors PyUnicode_Concat(): '' + s and s + '' give s itself. */
Obj *str_concat(Vm *vm, Obj *a, Obj *b) {
    if (!IS_STR(b))
        return vm_raise(vm, &Exc_TypeError, "can only concatenate str (not \"%s\") to str",
                        obj_type_name(b));
    if (!IS_STR(a))
        return vm_raise(vm, &Exc_TypeError, "can only concatenate str (not \"%s\") to str",
                        obj_type_name(a));
    Str *x = S(a), *y = S(b);
    if (a == vm->empty_str) return obj_newref(b);
    if (b == vm->empty_str) return obj_newref(a);
    size_t len = x->len + y->len;
    if (vm->limits.max_str && len > vm->limits.max_str) return vm_nomem(vm);
    size_t nb = x->nbytes + y->nbytes;
    char small[256];
    char *buf = nb <= sizeof small ? small : malloc(nb);
    if (!buf) return vm_nomem(vm);
    memcpy(buf, x->s, x->nbytes);
    memcpy(buf + x->nbytes, y->s, y->nbytes);
    Obj *r;
    if (x->ascii && y->ascii) {
        r = str_make(vm, buf, nb, len, 0);
    } else {
        uint32_t m;
        utf8_scan(buf, nb, &m);
        r = str_make(vm, buf, nb, len, m);
    }
    if (buf != small) free(buf);
    return r;
}

static const char *find_bytes(const char *h, size_t hn, const char *n, size_t nn) {
    if (nn == 0) return h;
    if (nn > hn) return NULL;
    return memmem(h, hn, n, nn);
}

static const char *rfind_bytes(const char *h, size_t hn, const char *n, size_t nn) {
    if (nn > hn) return NULL;
    if (nn == 0) return h + hn;
    for (size_t i = hn - nn + 1; i-- > 0;)
        if (h[i] == n[0] && memcmp(h + i, n, nn) == 0) return h + i;
    return NULL;
}

bool str_contains(Obj *hay, Obj *needle) {
    return find_bytes(S(hay)->s, S(hay)->nbytes, S(needle)->s, S(needle)->nbytes) != NULL;
}

/* mirrors PyUnicode_Join(): a one-item sequence holding an exact str returns that str. */
Obj *str_join(Vm *vm, Obj *sep, Obj *iterable) {
    Obj **items;
    ssize_t n;
    Obj *owned = NULL;
    if (!seq_fast(iterable, &items, &n)) {
        Obj *it = obj_iter(vm, iterable);
        if (!it) {
            if (vm_exc_matches(vm, &Exc_TypeError)) {
                vm_clear_exc(vm);
                vm_raise(vm, &Exc_TypeError, "can only join an iterable");
            }
            return NULL;
        }
        owned = obj_to_list(vm, it);
        DECREF(vm, it);
        if (!owned) return NULL;
        seq_fast(owned, &items, &n);
    }
    Obj *r = NULL;
    if (n == 0) {
        r = obj_newref(vm->empty_str);
        goto done;
    }
    if (n == 1 && IS_STR(items[0])) {
        r = obj_newref(items[0]);
        goto done;
    }
    size_t nb = 0, len = 0;
    bool ascii = S(sep)->ascii;
    for (ssize_t i = 0; i < n; i++) {
        if (!IS_STR(items[i])) {
            vm_raise(vm, &Exc_TypeError, "sequence item %zd: expected str instance, %s found", i,
                     obj_type_name(items[i]));
            goto done;
        }
        nb += S(items[i])->nbytes;
        len += S(items[i])->len;
        ascii = ascii && S(items[i])->ascii;
    }
    nb += S(sep)->nbytes * (size_t)(n - 1);
    len += S(sep)->len * (size_t)(n - 1);
    if (vm->limits.max_str && len > vm->limits.max_str) {
        vm_nomem(vm);
        goto done;
    }
    {
        char *buf = malloc(nb + 1);
        if (!buf) {
            vm_nomem(vm);
            goto done;
        }
        size_t k = 0;
        for (ssize_t i = 0; i < n; i++) {
            if (i) {
                memcpy(buf + k, S(sep)->s, S(sep)->nbytes);
                k += S(sep)->nbytes;
            }
            memcpy(buf + k, S(items[i])->s, S(items[i])->nbytes);
            k += S(items[i])->nbytes;
        }
        if (ascii) {
            r = str_make(vm, buf, nb, len, 0);
        } else {
            uint32_t m;
            utf8_scan(buf, nb, &m);
            r = str_make(vm, buf, nb, len, m);
        }
        free(buf);
    }
done:
    XDECREF(vm, owned);
    return r;
}

/* Next character of a str iterator; NULL (no exception) at the end. it->cur is the byte
 * offset of it->index. */
Obj *str_iter_next(Vm *vm, Iter *it) {
    Str *s = S(it->seq);
    if ((size_t)it->index >= s->len) return NULL;
    uint32_t c;
    if (s->ascii) {
        c = (unsigned char)s->s[it->index];
    } else {
        size_t b = (size_t)it->cur;
        b += (size_t)utf8_decode((const unsigned char *)s->s + b, s->nbytes - b, &c);
        it->cur = (int64_t)b;
    }
    it->index++;
    return str_from_cp(vm, c);
}

/* ---------------------------------------------------------------------------------------- */
/* Argument checking with CPython's exact wording, which depends on how each method is
 * declared in unicodeobject.c (METH_NOARGS, METH_O, Argument Clinic, PyArg_ParseTuple). */

typedef enum {
    ARGS_NOARGS, /* "str.upper() takes no arguments (1 given)" */
    ARGS_ONE,    /* "str.join() takes exactly one argument (0 given)" */
    ARGS_CLINIC, /* "replace expected at least 2 arguments, got 1" */
    ARGS_TUPLE,  /* "count() takes at least 1 argument (0 given)" */
} ArgStyle;

static bool str_args(Vm *vm, const char *name, ArgStyle style, int nargs, Obj *kwnames, int min,
                     int max) {
    if (kwnames && TUPLE_LEN(kwnames) > 0) {
        vm_raise(vm, &Exc_TypeError, "str.%s() takes no keyword arguments", name);
        return false;
    }
    if (nargs >= min && nargs <= max) return true;
    switch (style) {
    case ARGS_NOARGS:
        vm_raise(vm, &Exc_TypeError, "str.%s() takes no arguments (%d given)", name, nargs);
        break;
    case ARGS_ONE:
        vm_raise(vm, &Exc_TypeError, "str.%s() takes exactly one argument (%d given)", name, nargs);
        break;
    case ARGS_CLINIC:
        if (nargs < min)
            vm_raise(vm, &Exc_TypeError, "%s expected at least %d argument%s, got %d", name, min,
                     min == 1 ? "" : "s", nargs);
        else
            vm_raise(vm, &Exc_TypeError, "%s expected at most %d argument%s, got %d", name, max,
                     max == 1 ? "" : "s", nargs);
        break;
    case ARGS_TUPLE:
        if (nargs < min)
            vm_raise(vm, &Exc_TypeError, "%s() takes at least %d argument%s (%d given)", name, min,
                     min == 1 ? "" : "s", nargs);
        else
            vm_raise(vm, &Exc_TypeError, "%s() takes at most %d argument%s (%d given)", name, max,
                     max == 1 ? "" : "s", nargs);
        break;
    }
    return false;
}

/* Positional-or-keyword parameters (split(sep, maxsplit), encode(encoding, errors) ...):
 * fills out[0..nnames) with BORROWED references or NULL for absent ones. */
static bool str_kwargs(Vm *vm, const char *fname, Obj **args, int nargs, Obj *kwnames,
                       const char *const *names, int nnames, Obj **out) {
    int nkw = kwnames ? (int)TUPLE_LEN(kwnames) : 0;
    if (nargs + nkw > nnames) {
        vm_raise(vm, &Exc_TypeError, "%s() takes at most %d argument%s (%d given)", fname, nnames,
                 nnames == 1 ? "" : "s", nargs + nkw);
        return false;
    }
    for (int i = 0; i < nnames; i++)
        out[i] = i < nargs ? args[i] : NULL;
    for (int k = 0; k < nkw; k++) {
        Obj *kn = TUPLE_ITEM(kwnames, k);
        int i;
        for (i = 0; i < nnames; i++)
            if (str_eq_cstr(kn, names[i])) break;
        if (i == nnames) {
            vm_raise(vm, &Exc_TypeError, "'%s' is an invalid keyword argument for %s()",
                     str_cstr(kn), fname);
            return false;
        }
        if (i < nargs) {
            vm_raise(vm, &Exc_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                     fname, names[i], i + 1);
            return false;
        }
        out[i] = args[nargs + k];
    }
    return true;
}

/* An integer argument ("'str' object cannot be interpreted as an integer"). */
static bool int_arg(Vm *vm, Obj *o, ssize_t *out) {
    ssize_t v;
    bool isindex;
    if (as_index(vm, o, &v, &isindex)) {
        *out = v;
        return true;
    }
    if (!isindex)
        vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                 obj_type_name(o));
    return false;
}

/* Optional slice bound of find/count/startswith...: None or an index. */
static bool bound_arg(Vm *vm, Obj *o, ssize_t *out) {
    if (!o || o == Py_None) return true;
    ssize_t v;
    bool isindex;
    if (as_index(vm, o, &v, &isindex)) {
        *out = v;
        return true;
    }
    if (!isindex) {
        vm_clear_exc(vm);
        vm_raise(vm, &Exc_TypeError,
                 "slice indices must be integers or None or have an __index__ method");
    }
    return false;
}

/* ADJUST_INDICES of stringlib: clamps end to len, wraps negatives. */
static void adjust_indices(ssize_t *start, ssize_t *end, ssize_t len) {
    if (*end > len)
        *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0) *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) *start = 0;
    }
}

/* A list with CPython's split() preallocation (PREALLOC_SIZE): min(maxcount + 1, 12) slots,
 * filled with `count` items; later items are appended (list_resize growth). */
#define SPLIT_PREALLOC 12

typedef struct {
    Obj *list;
    ssize_t count, prealloc;
} SplitList;

static bool split_init(Vm *vm, SplitList *sl, ssize_t maxcount) {
    sl->prealloc = maxcount >= SPLIT_PREALLOC ? SPLIT_PREALLOC : maxcount + 1;
    sl->count = 0;
    sl->list = list_new(vm, sl->prealloc);
    return sl->list != NULL;
}

/* Steals item. */
static bool split_add(Vm *vm, SplitList *sl, Obj *item) {
    if (!item) return false;
    if (sl->count < sl->prealloc) {
        LIST_ITEM(sl->list, sl->count++) = item;
        return true;
    }
    if (sl->count == sl->prealloc) ((List *)sl->list)->len = sl->count; /* FIX_PREALLOC_SIZE */
    int rc = list_append(vm, sl->list, item);
    DECREF(vm, item);
    sl->count++;
    return rc == 0;
}

/* FIX_PREALLOC_SIZE: the list's length becomes the item count. NEW list or NULL. */
static Obj *split_finish(Vm *vm, SplitList *sl, bool ok) {
    if (sl->count < sl->prealloc) ((List *)sl->list)->len = sl->count;
    if (!ok) {
        if (sl->count > sl->prealloc) ((List *)sl->list)->len = sl->count;
        DECREF(vm, sl->list);
        return NULL;
    }
    return sl->list;
}

static void list_reverse_inplace(Obj *l) {
    for (ssize_t i = 0, j = LIST_LEN(l) - 1; i < j; i++, j--) {
        Obj *t = LIST_ITEM(l, i);
        LIST_ITEM(l, i) = LIST_ITEM(l, j);
        LIST_ITEM(l, j) = t;
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Methods: splitting and joining. */

static bool sep_arg(Vm *vm, Obj *o, Obj **sep) {
    if (!o || o == Py_None) {
        *sep = NULL;
        return true;
    }
    if (!IS_STR(o)) {
        vm_raise(vm, &Exc_TypeError, "must be str or None, not %s", obj_type_name(o));
        return false;
    }
    if (S(o)->len == 0) {
        vm_raise(vm, &Exc_ValueError, "empty separator");
        return false;
    }
    *sep = o;
    return true;
}

static Obj *split_impl(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw, bool right) {
    static const char *const names[] = {"sep", "maxsplit"};
    const char *fname = right ? "rsplit" : "split";
    Obj *a[2];
    if (!str_kwargs(vm, fname, args, nargs, kw, names, 2, a)) return NULL;
    Obj *sep;
    ssize_t maxcount = -1;
    if (!sep_arg(vm, a[0], &sep)) return NULL;
    if (a[1] && !int_arg(vm, a[1], &maxcount)) return NULL;
    if (maxcount < 0) maxcount = SSIZE_MAX;
    SplitList sl;
    if (!split_init(vm, &sl, maxcount)) return NULL;
    bool ok = true;
    UView v;
    uv_init(&v, self);
    ssize_t len = (ssize_t)v.n;
    if (!sep) {
        /* mirrors split_whitespace() / rsplit_whitespace() in stringlib/split.h */
        if (!right) {
            ssize_t i = 0, j;
            while (maxcount-- > 0) {
                while (i < len && u_isspace(uv_at(&v, (size_t)i)))
                    i++;
                if (i == len) break;
                j = i;
                i++;
                while (i < len && !u_isspace(uv_at(&v, (size_t)i)))
                    i++;
                if (j == 0 && i == len) { /* no whitespace: self is the only item */
                    ok = split_add(vm, &sl, str_unchanged(self));
                    break;
                }
                if (!(ok = split_add(vm, &sl, uv_sub(vm, &v, (size_t)j, (size_t)i)))) break;
            }
            if (ok && i < len) {
                while (i < len && u_isspace(uv_at(&v, (size_t)i)))
                    i++;
                if (i != len) ok = split_add(vm, &sl, uv_sub(vm, &v, (size_t)i, (size_t)len));
            }
        } else {
            ssize_t i = len - 1, j;
            while (maxcount-- > 0) {
                while (i >= 0 && u_isspace(uv_at(&v, (size_t)i)))
                    i--;
                if (i < 0) break;
                j = i;
                i--;
                while (i >= 0 && !u_isspace(uv_at(&v, (size_t)i)))
                    i--;
                if (j == len - 1 && i < 0) {
                    ok = split_add(vm, &sl, str_unchanged(self));
                    break;
                }
                if (!(ok = split_add(vm, &sl, uv_sub(vm, &v, (size_t)(i + 1), (size_t)(j + 1)))))
                    break;
            }
            if (ok && i >= 0) {
                while (i >= 0 && u_isspace(uv_at(&v, (size_t)i)))
                    i--;
                if (i >= 0) ok = split_add(vm, &sl, uv_sub(vm, &v, 0, (size_t)(i + 1)));
            }
        }
    } else {
        const char *sp = S(sep)->s;
        size_t sn = S(sep)->nbytes;
        if (!right) {
            size_t i = 0; /* byte offsets */
            while (maxcount-- > 0) {
                const char *f = find_bytes(v.s + i, v.nbytes - i, sp, sn);
                if (!f) break;
                size_t j = (size_t)(f - v.s);
                if (!(ok = split_add(vm, &sl, str_new(vm, v.s + i, j - i)))) break;
                i = j + sn;
            }
            if (ok) {
                if (sl.count == 0)
                    ok = split_add(vm, &sl, str_unchanged(self));
                else
                    ok = split_add(vm, &sl, str_new(vm, v.s + i, v.nbytes - i));
            }
        } else {
            size_t j = v.nbytes;
            while (maxcount-- > 0) {
                const char *f = rfind_bytes(v.s, j, sp, sn);
                if (!f) break;
                size_t pos = (size_t)(f - v.s);
                if (!(ok = split_add(vm, &sl, str_new(vm, v.s + pos + sn, j - pos - sn)))) break;
                j = pos;
            }
            if (ok) {
                if (sl.count == 0)
                    ok = split_add(vm, &sl, str_unchanged(self));
                else
                    ok = split_add(vm, &sl, str_new(vm, v.s, j));
            }
        }
    }
    uv_free(&v);
    Obj *r = split_finish(vm, &sl, ok);
    if (r && right) list_reverse_inplace(r);
    return r;
}

static Obj *m_split(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return split_impl(vm, self, args, nargs, kw, false);
}

static Obj *m_rsplit(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return split_impl(vm, self, args, nargs, kw, true);
}

static Obj *m_splitlines(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    static const char *const names[] = {"keepends"};
    Obj *a[1];
    if (!str_kwargs(vm, "splitlines", args, nargs, kw, names, 1, a)) return NULL;
    bool keepends = false;
    if (a[0]) {
        ssize_t k;
        if (!int_arg(vm, a[0], &k)) return NULL;
        keepends = k != 0;
    }
    Obj *list = list_new(vm, 0);
    if (!list) return NULL;
    UView v;
    uv_init(&v, self);
    size_t len = v.n, i = 0, j = 0;
    bool ok = true;
    while (i < len) {
        while (i < len && !u_islinebreak(uv_at(&v, i)))
            i++;
        size_t eol = i;
        if (i < len) {
            if (uv_at(&v, i) == '\r' && i + 1 < len && uv_at(&v, i + 1) == '\n')
                i += 2;
            else
                i++;
            if (keepends) eol = i;
        }
        Obj *line = j == 0 && eol == len ? str_unchanged(self) : uv_sub(vm, &v, j, eol);
        if (!line || list_append(vm, list, line) < 0) ok = false;
        XDECREF(vm, line);
        if (!ok || (j == 0 && eol == len)) break;
        j = i;
    }
    uv_free(&v);
    if (!ok) {
        DECREF(vm, list);
        return NULL;
    }
    return list;
}

static Obj *m_join(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!str_args(vm, "join", ARGS_ONE, nargs, kw, 1, 1)) return NULL;
    return str_join(vm, self, args[0]);
}

static Obj *partition_impl(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw, bool right) {
    if (!str_args(vm, right ? "rpartition" : "partition", ARGS_ONE, nargs, kw, 1, 1)) return NULL;
    Obj *sep = args[0];
    if (!IS_STR(sep))
        return vm_raise(vm, &Exc_TypeError, "must be str, not %s", obj_type_name(sep));
    if (S(sep)->len == 0) return vm_raise(vm, &Exc_ValueError, "empty separator");
    Str *s = S(self);
    const char *f = right ? rfind_bytes(s->s, s->nbytes, S(sep)->s, S(sep)->nbytes)
                          : find_bytes(s->s, s->nbytes, S(sep)->s, S(sep)->nbytes);
    Obj *a, *b;
    if (!f) {
        Obj *e = vm->empty_str;
        return right ? tuple_pack(vm, 3, e, e, self) : tuple_pack(vm, 3, self, e, e);
    }
    size_t pos = (size_t)(f - s->s);
    a = str_new(vm, s->s, pos);
    if (!a) return NULL;
    b = str_new(vm, f + S(sep)->nbytes, s->nbytes - pos - S(sep)->nbytes);
    if (!b) {
        DECREF(vm, a);
        return NULL;
    }
    Obj *t = tuple_pack(vm, 3, a, sep, b);
    DECREF(vm, a);
    DECREF(vm, b);
    return t;
}

static Obj *m_partition(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return partition_impl(vm, self, args, nargs, kw, false);
}

static Obj *m_rpartition(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return partition_impl(vm, self, args, nargs, kw, true);
}

/* ---------------------------------------------------------------------------------------- */
/* Methods: searching. */

/* Parses (sub, start=None, end=None) of find/count/index... and resolves the bounds to byte
 * offsets. Returns false on error. */
typedef struct {
    Obj *sub;
    ssize_t start, end; /* code points, adjusted */
    size_t bstart, bend;
    bool empty_range; /* end - start < len(sub): nothing can match */
} FindArgs;

static bool find_args(Vm *vm, const char *name, Obj *self, Obj **args, int nargs, Obj *kw,
                      FindArgs *fa, UView *v) {
    if (!str_args(vm, name, ARGS_TUPLE, nargs, kw, 1, 3)) return false;
    fa->sub = args[0];
    if (!IS_STR(fa->sub)) {
        vm_raise(vm, &Exc_TypeError, "must be str, not %s", obj_type_name(fa->sub));
        return false;
    }
    fa->start = 0;
    fa->end = SSIZE_MAX;
    if (nargs > 1 && !bound_arg(vm, args[1], &fa->start)) return false;
    if (nargs > 2 && !bound_arg(vm, args[2], &fa->end)) return false;
    uv_init(v, self);
    adjust_indices(&fa->start, &fa->end, (ssize_t)v->n);
    fa->empty_range = fa->end - fa->start < (ssize_t)S(fa->sub)->len;
    if (!fa->empty_range) {
        fa->bstart = uv_off(v, (size_t)fa->start);
        fa->bend = uv_off(v, (size_t)fa->end);
    }
    return true;
}

/* Returns the code point index of the match or -1. */
static ssize_t find_impl(FindArgs *fa, UView *v, bool right) {
    if (fa->empty_range) return -1;
    Str *sub = S(fa->sub);
    if (sub->len == 0) return right ? fa->end : fa->start;
    const char *h = v->s + fa->bstart;
    size_t hn = fa->bend - fa->bstart;
    const char *f =
        right ? rfind_bytes(h, hn, sub->s, sub->nbytes) : find_bytes(h, hn, sub->s, sub->nbytes);
    if (!f) return -1;
    return (ssize_t)uv_index(v, (size_t)(f - v->s));
}

static Obj *find_method(Vm *vm, const char *name, Obj *self, Obj **args, int nargs, Obj *kw,
                        bool right, bool raise) {
    FindArgs fa;
    UView v;
    if (!find_args(vm, name, self, args, nargs, kw, &fa, &v)) return NULL;
    ssize_t r = find_impl(&fa, &v, right);
    uv_free(&v);
    if (r < 0 && raise) return vm_raise(vm, &Exc_ValueError, "substring not found");
    return int_from_i64(vm, r);
}

static Obj *m_find(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return find_method(vm, "find", self, args, nargs, kw, false, false);
}

static Obj *m_rfind(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return find_method(vm, "rfind", self, args, nargs, kw, true, false);
}

static Obj *m_index(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return find_method(vm, "index", self, args, nargs, kw, false, true);
}

static Obj *m_rindex(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return find_method(vm, "rindex", self, args, nargs, kw, true, true);
}

static Obj *m_count(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    FindArgs fa;
    UView v;
    if (!find_args(vm, "count", self, args, nargs, kw, &fa, &v)) return NULL;
    int64_t n = 0;
    if (!fa.empty_range) {
        Str *sub = S(fa.sub);
        if (sub->len == 0) {
            n = fa.end - fa.start + 1;
        } else {
            const char *h = v.s + fa.bstart, *end = v.s + fa.bend;
            const char *f;
            while ((f = find_bytes(h, (size_t)(end - h), sub->s, sub->nbytes))) {
                n++;
                h = f + sub->nbytes;
            }
        }
    }
    uv_free(&v);
    return int_from_i64(vm, n);
}

/* mirrors tailmatch() */
static bool tailmatch(Obj *sub, UView *v, ssize_t start, ssize_t end, bool suffix) {
    adjust_indices(&start, &end, (ssize_t)v->n);
    ssize_t sl = (ssize_t)S(sub)->len;
    end -= sl;
    if (end < start) return false;
    if (sl == 0) return true;
    size_t b = suffix ? uv_off(v, (size_t)end) : uv_off(v, (size_t)start);
    size_t bend = suffix ? uv_off(v, (size_t)(end + sl)) : uv_off(v, (size_t)(start + sl));
    return bend - b == S(sub)->nbytes && memcmp(v->s + b, S(sub)->s, S(sub)->nbytes) == 0;
}

static Obj *xxxswith(Vm *vm, const char *name, Obj *self, Obj **args, int nargs, Obj *kw,
                     bool suffix) {
    if (!str_args(vm, name, ARGS_TUPLE, nargs, kw, 1, 3)) return NULL;
    ssize_t start = 0, end = SSIZE_MAX;
    if (nargs > 1 && !bound_arg(vm, args[1], &start)) return NULL;
    if (nargs > 2 && !bound_arg(vm, args[2], &end)) return NULL;
    Obj *x = args[0];
    UView v;
    if (IS_TUPLE(x)) {
        for (ssize_t i = 0; i < TUPLE_LEN(x); i++) {
            if (!IS_STR(TUPLE_ITEM(x, i)))
                return vm_raise(vm, &Exc_TypeError, "tuple for %s must only contain str, not %s",
                                name, obj_type_name(TUPLE_ITEM(x, i)));
        }
        uv_init(&v, self);
        bool r = false;
        for (ssize_t i = 0; i < TUPLE_LEN(x) && !r; i++)
            r = tailmatch(TUPLE_ITEM(x, i), &v, start, end, suffix);
        uv_free(&v);
        return bool_from(r);
    }
    if (!IS_STR(x))
        return vm_raise(vm, &Exc_TypeError, "%s first arg must be str or a tuple of str, not %s",
                        name, obj_type_name(x));
    uv_init(&v, self);
    bool r = tailmatch(x, &v, start, end, suffix);
    uv_free(&v);
    return bool_from(r);
}

static Obj *m_startswith(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return xxxswith(vm, "startswith", self, args, nargs, kw, false);
}

static Obj *m_endswith(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return xxxswith(vm, "endswith", self, args, nargs, kw, true);
}

/* ---------------------------------------------------------------------------------------- */
/* Methods: transforming. */

static Obj *m_replace(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!str_args(vm, "replace", ARGS_CLINIC, nargs, kw, 2, 3)) return NULL;
    Obj *old = args[0], *new_ = args[1];
    if (!IS_STR(old))
        return vm_raise(vm, &Exc_TypeError, "replace() argument 1 must be str, not %s",
                        obj_type_name(old));
    if (!IS_STR(new_))
        return vm_raise(vm, &Exc_TypeError, "replace() argument 2 must be str, not %s",
                        obj_type_name(new_));
    ssize_t count = -1;
    if (nargs > 2 && !int_arg(vm, args[2], &count)) return NULL;
    if (count < 0) count = SSIZE_MAX;
    Str *s = S(self), *o = S(old), *n = S(new_);
    if (count == 0 || (o->len == 0 && n->len == 0) || o->len > s->len) return str_unchanged(self);
    if (n->len > o->len) { /* worst case: every position replaced */
        size_t most = o->len ? s->len / o->len : s->len + 1;
        if (most > (size_t)count) most = (size_t)count;
        if (most && str_too_long(vm, s->len + most * (n->len - o->len))) return NULL;
    }
    StrBuf b;
    sb_init(&b);
    ssize_t done = 0;
    if (o->len == 0) {
        /* insert `new` before every character and at the end */
        UView v;
        uv_init(&v, self);
        size_t i;
        for (i = 0; i < v.n && done < count; i++, done++) {
            sb_add_obj(&b, new_);
            sb_add(&b, v.s + uv_off(&v, i), uv_off(&v, i + 1) - uv_off(&v, i));
        }
        if (done < count) {
            sb_add_obj(&b, new_);
            done++;
        }
        sb_add(&b, v.s + uv_off(&v, i), v.nbytes - uv_off(&v, i));
        uv_free(&v);
    } else {
        const char *p = s->s, *end = s->s + s->nbytes, *f;
        while (done < count && (f = find_bytes(p, (size_t)(end - p), o->s, o->nbytes))) {
            sb_add(&b, p, (size_t)(f - p));
            sb_add_obj(&b, new_);
            p = f + o->nbytes;
            done++;
        }
        if (done == 0) {
            sb_free(&b);
            return str_unchanged(self);
        }
        sb_add(&b, p, (size_t)(end - p));
    }
    return sb_finish(vm, &b);
}

static bool strip_has(const UView *cv, uint32_t c) {
    for (size_t k = 0; k < cv->n; k++)
        if (uv_at(cv, k) == c) return true;
    return false;
}

/* strip/lstrip/rstrip: which == 0 both, 1 left, 2 right */
static Obj *strip_impl(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw, int which) {
    static const char *const names[] = {"strip", "lstrip", "rstrip"};
    if (!str_args(vm, names[which], ARGS_CLINIC, nargs, kw, 0, 1)) return NULL;
    Obj *chars = nargs > 0 && args[0] != Py_None ? args[0] : NULL;
    if (chars && !IS_STR(chars))
        return vm_raise(vm, &Exc_TypeError, "%s arg must be None or str", names[which]);
    UView v, cv;
    uv_init(&v, self);
    if (chars) uv_init(&cv, chars);
    size_t i = 0, j = v.n;
#define STRIPPABLE(c) (chars ? strip_has(&cv, (c)) : u_isspace(c))
    if (which != 2)
        while (i < j && STRIPPABLE(uv_at(&v, i)))
            i++;
    if (which != 1)
        while (j > i && STRIPPABLE(uv_at(&v, j - 1)))
            j--;
#undef STRIPPABLE
    Obj *r = uv_sub_or_self(vm, &v, self, i, j);
    uv_free(&v);
    if (chars) uv_free(&cv);
    return r;
}

static Obj *m_strip(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return strip_impl(vm, self, args, nargs, kw, 0);
}

static Obj *m_lstrip(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return strip_impl(vm, self, args, nargs, kw, 1);
}

static Obj *m_rstrip(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return strip_impl(vm, self, args, nargs, kw, 2);
}

/* Case conversions, mirroring do_upper_or_lower(), do_casefold(), do_swapcase(),
 * do_title() and do_capitalize(): always a new string. */
typedef enum { CASE_LOWER, CASE_UPPER, CASE_FOLD, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE } CaseOp;

/* mirrors handle_capital_sigma(): final sigma when preceded by a cased letter and not
 * followed by one (case-ignorable characters skipped both ways). */
static uint32_t capital_sigma(const UView *v, size_t i) {
    size_t j = i;
    uint32_t c = 0;
    bool found = false;
    while (j-- > 0) {
        c = uv_at(v, j);
        if (!u_iscaseignorable(c)) {
            found = true;
            break;
        }
    }
    bool final_sigma = found && u_iscased(c);
    if (final_sigma && i + 1 < v->n) {
        for (j = i + 1; j < v->n; j++) {
            c = uv_at(v, j);
            if (!u_iscaseignorable(c)) break;
        }
        final_sigma = j == v->n || !u_iscased(c);
    }
    return final_sigma ? 0x3c2 : 0x3c3;
}

static int lower_ctx(const UView *v, size_t i, uint32_t out[3]) {
    uint32_t c = uv_at(v, i);
    if (c == 0x3a3) {
        out[0] = capital_sigma(v, i);
        return 1;
    }
    return u_casemap(c, 'L', out);
}

static Obj *case_impl(Vm *vm, Obj *self, CaseOp op) {
    Str *s = S(self);
    if (s->ascii && op != CASE_TITLE && op != CASE_CAPITALIZE) {
        char small[256];
        char *buf = s->nbytes <= sizeof small ? small : malloc(s->nbytes);
        if (!buf) return vm_nomem(vm);
        buf[0] = 0; /* '' */
        for (size_t i = 0; i < s->nbytes; i++) {
            char c = s->s[i];
            bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
            if ((op == CASE_LOWER || op == CASE_FOLD || op == CASE_SWAP) && up)
                c = (char)(c + 32);
            else if ((op == CASE_UPPER || op == CASE_SWAP) && lo)
                c = (char)(c - 32);
            buf[i] = c;
        }
        Obj *r = str_make(vm, buf, s->nbytes, s->len, 0);
        if (buf != small) free(buf);
        return r;
    }
    UView v;
    uv_init(&v, self);
    StrBuf b;
    sb_init(&b);
    sb_reserve(&b, v.nbytes);
    bool prev_cased = false;
    for (size_t i = 0; i < v.n; i++) {
        uint32_t c = uv_at(&v, i), out[3];
        int k = 1;
        out[0] = c;
        switch (op) {
        case CASE_LOWER:
            k = lower_ctx(&v, i, out);
            break;
        case CASE_UPPER:
            k = u_casemap(c, 'U', out);
            break;
        case CASE_FOLD:
            k = u_casemap(c, 'F', out);
            break;
        case CASE_SWAP:
            if (u_isupper(c))
                k = lower_ctx(&v, i, out);
            else if (u_islower(c))
                k = u_casemap(c, 'U', out);
            break;
        case CASE_TITLE:
            k = prev_cased ? lower_ctx(&v, i, out) : u_casemap(c, 'T', out);
            prev_cased = u_iscased(c);
            break;
        case CASE_CAPITALIZE:
            k = i == 0 ? u_casemap(c, 'T', out) : lower_ctx(&v, i, out);
            break;
        }
        for (int x = 0; x < k; x++)
            sb_add_cp(&b, out[x]);
    }
    uv_free(&v);
    return sb_finish(vm, &b);
}

#define CASE_METHOD(fname, op)                                                                     \
    static Obj *m_##fname(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {                     \
        (void)args;                                                                                \
        if (!str_args(vm, #fname, ARGS_NOARGS, nargs, kw, 0, 0)) return NULL;                      \
        return case_impl(vm, self, op);                                                            \
    }
CASE_METHOD(lower, CASE_LOWER)
CASE_METHOD(upper, CASE_UPPER)
CASE_METHOD(casefold, CASE_FOLD)
CASE_METHOD(swapcase, CASE_SWAP)
CASE_METHOD(title, CASE_TITLE)
CASE_METHOD(capitalize, CASE_CAPITALIZE)

/* Character-class predicates: false for '' (except isprintable/isascii: true). */
#define PRED_METHOD(fname, test, empty)                                                            \
    static Obj *m_##fname(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {                     \
        (void)args;                                                                                \
        if (!str_args(vm, #fname, ARGS_NOARGS, nargs, kw, 0, 0)) return NULL;                      \
        Str *s = S(self);                                                                          \
        if (s->len == 0) return bool_from(empty);                                                  \
        const unsigned char *p = (const unsigned char *)s->s;                                      \
        size_t i = 0;                                                                              \
        while (i < s->nbytes) {                                                                    \
            uint32_t c;                                                                            \
            i += (size_t)utf8_decode(p + i, s->nbytes - i, &c);                                    \
            if (!(test)) return bool_from(false);                                                  \
        }                                                                                          \
        return bool_from(true);                                                                    \
    }
PRED_METHOD(isalpha, u_isalpha(c), false)
PRED_METHOD(isdigit, u_isdigit(c), false)
PRED_METHOD(isdecimal, u_isdecimal(c), false)
PRED_METHOD(isnumeric, u_isnumeric(c), false)
PRED_METHOD(isalnum, u_isalpha(c) || u_isnumeric(c), false)
PRED_METHOD(isspace, u_isspace(c), false)
PRED_METHOD(isprintable, u_isprintable(c), true)
PRED_METHOD(isascii, c < 128, true)

/* mirrors unicode_islower_impl / unicode_isupper_impl */
static Obj *m_islower(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (!str_args(vm, "islower", ARGS_NOARGS, nargs, kw, 0, 0)) return NULL;
    UView v;
    uv_init(&v, self);
    bool cased = false, ok = true;
    for (size_t i = 0; i < v.n && ok; i++) {
        uint32_t c = uv_at(&v, i);
        if (u_isupper(c) || u_istitle(c))
            ok = false;
        else if (!cased && u_islower(c))
            cased = true;
    }
    uv_free(&v);
    return bool_from(ok && cased);
}

static Obj *m_isupper(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (!str_args(vm, "isupper", ARGS_NOARGS, nargs, kw, 0, 0)) return NULL;
    UView v;
    uv_init(&v, self);
    bool cased = false, ok = true;
    for (size_t i = 0; i < v.n && ok; i++) {
        uint32_t c = uv_at(&v, i);
        if (u_islower(c) || u_istitle(c))
            ok = false;
        else if (!cased && u_isupper(c))
            cased = true;
    }
    uv_free(&v);
    return bool_from(ok && cased);
}

/* mirrors unicode_istitle_impl */
static Obj *m_istitle(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (!str_args(vm, "istitle", ARGS_NOARGS, nargs, kw, 0, 0)) return NULL;
    UView v;
    uv_init(&v, self);
    bool cased = false, prev = false, ok = true;
    for (size_t i = 0; i < v.n && ok; i++) {
        uint32_t c = uv_at(&v, i);
        if (u_isupper(c) || u_istitle(c)) {
            if (prev) ok = false;
            prev = cased = true;
        } else if (u_islower(c)) {
            if (!prev) ok = false;
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    uv_free(&v);
    return bool_from(ok && cased);
}

static Obj *m_isidentifier(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (!str_args(vm, "isidentifier", ARGS_NOARGS, nargs, kw, 0, 0)) return NULL;
    UView v;
    uv_init(&v, self);
    bool ok = v.n > 0 && u_isxidstart(uv_at(&v, 0));
    for (size_t i = 1; i < v.n && ok; i++)
        ok = u_isxidcontinue(uv_at(&v, i));
    uv_free(&v);
    return bool_from(ok);
}

/* ---------------------------------------------------------------------------------------- */
/* Methods: padding. */

/* The fill character argument of center/ljust/rjust. */
static bool fill_arg(Vm *vm, Obj *o, uint32_t *fill) {
    if (!IS_STR(o)) {
        vm_raise(vm, &Exc_TypeError, "The fill character must be a unicode character, not %s",
                 obj_type_name(o));
        return false;
    }
    if (S(o)->len != 1) {
        vm_raise(vm, &Exc_TypeError, "The fill character must be exactly one character long");
        return false;
    }
    *fill = str_char_at(o, 0);
    return true;
}

/* mirrors pad(): self unchanged when no padding is needed. */
static Obj *pad(Vm *vm, Obj *self, size_t left, size_t right, uint32_t fill) {
    if (left == 0 && right == 0) return str_unchanged(self);
    StrBuf b;
    sb_init(&b);
    sb_fill(&b, fill, left);
    sb_add_obj(&b, self);
    sb_fill(&b, fill, right);
    return sb_finish(vm, &b);
}

/* which: 0 center, 1 ljust, 2 rjust */
static Obj *just_impl(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw, int which) {
    static const char *const names[] = {"center", "ljust", "rjust"};
    if (!str_args(vm, names[which], ARGS_CLINIC, nargs, kw, 1, 2)) return NULL;
    ssize_t width;
    uint32_t fill = ' ';
    if (!int_arg(vm, args[0], &width)) return NULL;
    if (nargs > 1 && !fill_arg(vm, args[1], &fill)) return NULL;
    ssize_t len = (ssize_t)S(self)->len;
    if (len >= width) return str_unchanged(self);
    if (str_too_long(vm, (size_t)width)) return NULL;
    size_t marg = (size_t)(width - len);
    if (which == 1) return pad(vm, self, 0, marg, fill);
    if (which == 2) return pad(vm, self, marg, 0, fill);
    size_t left = marg / 2 + (marg & (size_t)width & 1);
    return pad(vm, self, left, marg - left, fill);
}

static Obj *m_center(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return just_impl(vm, self, args, nargs, kw, 0);
}

static Obj *m_ljust(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return just_impl(vm, self, args, nargs, kw, 1);
}

static Obj *m_rjust(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return just_impl(vm, self, args, nargs, kw, 2);
}

static Obj *m_zfill(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!str_args(vm, "zfill", ARGS_ONE, nargs, kw, 1, 1)) return NULL;
    ssize_t width;
    if (!int_arg(vm, args[0], &width)) return NULL;
    Str *s = S(self);
    if ((ssize_t)s->len >= width) return str_unchanged(self);
    if (str_too_long(vm, (size_t)width)) return NULL;
    size_t fill = (size_t)width - s->len;
    StrBuf b;
    sb_init(&b);
    size_t body = 0;
    if (s->nbytes && (s->s[0] == '+' || s->s[0] == '-')) {
        sb_addc(&b, s->s[0]); /* the sign moves in front of the zeros */
        body = 1;
    }
    sb_fill(&b, '0', fill);
    sb_add(&b, s->s + body, s->nbytes - body);
    return sb_finish(vm, &b);
}

static Obj *m_expandtabs(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    static const char *const names[] = {"tabsize"};
    Obj *a[1];
    if (!str_kwargs(vm, "expandtabs", args, nargs, kw, names, 1, a)) return NULL;
    ssize_t tabsize = 8;
    if (a[0] && !int_arg(vm, a[0], &tabsize)) return NULL;
    Str *s = S(self);
    if (!memchr(s->s, '\t', s->nbytes)) return str_unchanged(self);
    StrBuf b;
    sb_init(&b);
    const unsigned char *p = (const unsigned char *)s->s;
    size_t i = 0;
    ssize_t col = 0;
    while (i < s->nbytes) {
        uint32_t c;
        int k = utf8_decode(p + i, s->nbytes - i, &c);
        if (c == '\t') {
            if (tabsize > 0) {
                ssize_t incr = tabsize - (col % tabsize);
                if (str_too_long(vm, b.n + (size_t)incr)) {
                    sb_free(&b);
                    return NULL;
                }
                col += incr;
                sb_fill(&b, ' ', (size_t)incr);
            }
        } else {
            col++;
            sb_add(&b, s->s + i, (size_t)k);
            if (c == '\n' || c == '\r') col = 0;
        }
        i += (size_t)k;
    }
    return sb_finish(vm, &b);
}

static Obj *affix_impl(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw, bool suffix) {
    const char *name = suffix ? "removesuffix" : "removeprefix";
    if (!str_args(vm, name, ARGS_ONE, nargs, kw, 1, 1)) return NULL;
    Obj *x = args[0];
    if (!IS_STR(x))
        return vm_raise(vm, &Exc_TypeError, "%s() argument must be str, not %s", name,
                        obj_type_name(x));
    Str *s = S(self), *a = S(x);
    if (a->nbytes == 0 || a->nbytes > s->nbytes) return str_unchanged(self);
    if (suffix) {
        if (memcmp(s->s + s->nbytes - a->nbytes, a->s, a->nbytes) != 0) return str_unchanged(self);
        return str_new(vm, s->s, s->nbytes - a->nbytes);
    }
    if (memcmp(s->s, a->s, a->nbytes) != 0) return str_unchanged(self);
    return str_new(vm, s->s + a->nbytes, s->nbytes - a->nbytes);
}

static Obj *m_removeprefix(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return affix_impl(vm, self, args, nargs, kw, false);
}

static Obj *m_removesuffix(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return affix_impl(vm, self, args, nargs, kw, true);
}

/* ---------------------------------------------------------------------------------------- */
/* Codecs: utf-8, ascii and latin-1, with the strict / ignore / replace error handlers.
 * UnicodeEncodeError / UnicodeDecodeError are raised as UnicodeError with their text. */

typedef enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1 } Codec;
typedef enum {
    ERR_STRICT,
    ERR_IGNORE,
    ERR_REPLACE,
    ERR_BACKSLASH,
    ERR_XMLREF,
    ERR_UNKNOWN, /* looked up only when an error occurs, as CPython does */
} ErrHandler;

static const char *const codec_names[] = {"utf-8", "ascii", "latin-1"};

/* Resolves an encoding name as codecs.lookup() would for the three codecs we model. */
static bool codec_lookup(Vm *vm, Obj *name, Codec *out) {
    char norm[32];
    size_t n = S(name)->nbytes, i;
    if (n >= sizeof norm) goto unknown;
    for (i = 0; i < n; i++) {
        char c = S(name)->s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c == '-' || c == ' ') c = '_';
        norm[i] = c;
    }
    norm[n] = 0;
    static const char *const utf8[] = {"utf_8", "utf8", "u8", "utf", "cp65001", NULL};
    static const char *const ascii[] = {"ascii", "us_ascii", "646", "us", NULL};
    static const char *const latin1[] = {"latin_1", "latin1", "iso_8859_1", "iso8859_1",  "8859",
                                         "cp819",   "l1",     "latin",      "iso_ir_100", NULL};
    const char *const *tables[] = {utf8, ascii, latin1};
    for (int t = 0; t < 3; t++)
        for (const char *const *a = tables[t]; *a; a++)
            if (!strcmp(norm, *a)) {
                *out = (Codec)t;
                return true;
            }
unknown:
    vm_raise(vm, &Exc_LookupError, "unknown encoding: %s", str_cstr(name));
    return false;
}

static ErrHandler errors_lookup(Obj *name) {
    static const char *const names[] = {"strict", "ignore", "replace", "backslashreplace",
                                        "xmlcharrefreplace"};
    for (int i = 0; i < 5; i++)
        if (str_eq_cstr(name, names[i])) return (ErrHandler)i;
    return ERR_UNKNOWN;
}

/* Raises for an unknown handler name (errors_name is the name given). */
static bool errors_unknown(Vm *vm, ErrHandler eh, Obj *errors_name) {
    if (eh != ERR_UNKNOWN) return false;
    vm_raise(vm, &Exc_LookupError, "unknown error handler name '%s'", str_cstr(errors_name));
    return true;
}

static void encode_error(Vm *vm, Codec codec, const UView *v, size_t start, size_t end,
                         const char *reason) {
    StrBuf b;
    sb_init(&b);
    sb_addf(&b, "'%s' codec can't encode ", codec_names[codec]);
    if (end - start == 1) {
        sb_adds(&b, "character '");
        add_escape(&b, uv_at(v, start));
        sb_addf(&b, "' in position %zu: %s", start, reason);
    } else {
        sb_addf(&b, "characters in position %zu-%zu: %s", start, end - 1, reason);
    }
    vm_raise(vm, &Exc_UnicodeError, "%s", b.s);
    sb_free(&b);
}

/* str.encode(): NEW bytes. */
static Obj *str_encode(Vm *vm, Obj *self, Codec codec, ErrHandler eh, Obj *errname) {
    Str *s = S(self);
    if (codec == CODEC_UTF8) {
        /* lone surrogates are the only characters UTF-8 cannot encode */
        UView v;
        uv_init(&v, self);
        StrBuf b;
        sb_init(&b);
        for (size_t i = 0; i < v.n; i++) {
            uint32_t c = uv_at(&v, i);
            if (c >= 0xd800 && c <= 0xdfff) {
                if (eh == ERR_STRICT || eh == ERR_UNKNOWN) {
                    size_t j = i;
                    while (j < v.n && uv_at(&v, j) >= 0xd800 && uv_at(&v, j) <= 0xdfff)
                        j++;
                    if (!errors_unknown(vm, eh, errname))
                        encode_error(vm, codec, &v, i, j, "surrogates not allowed");
                    sb_free(&b);
                    uv_free(&v);
                    return NULL;
                }
                if (eh == ERR_REPLACE)
                    sb_addc(&b, '?');
                else if (eh == ERR_BACKSLASH)
                    add_escape(&b, c);
                else if (eh == ERR_XMLREF)
                    sb_addf(&b, "&#%u;", c);
                continue;
            }
            sb_add(&b, v.s + uv_off(&v, i), uv_off(&v, i + 1) - uv_off(&v, i));
        }
        uv_free(&v);
        Obj *r = bytes_new(vm, (const unsigned char *)(b.s ? b.s : ""), b.n);
        sb_free(&b);
        return r;
    }
    uint32_t limit = codec == CODEC_ASCII ? 128 : 256;
    if (s->ascii) return bytes_new(vm, (const unsigned char *)s->s, s->nbytes);
    UView v;
    uv_init(&v, self);
    StrBuf b;
    sb_init(&b);
    for (size_t i = 0; i < v.n; i++) {
        uint32_t c = uv_at(&v, i);
        if (c < limit) {
            sb_addc(&b, (char)c);
            continue;
        }
        size_t j = i;
        while (j < v.n && uv_at(&v, j) >= limit)
            j++;
        if (eh == ERR_STRICT || eh == ERR_UNKNOWN) {
            if (!errors_unknown(vm, eh, errname))
                encode_error(vm, codec, &v, i, j,
                             codec == CODEC_ASCII ? "ordinal not in range(128)"
                                                  : "ordinal not in range(256)");
            sb_free(&b);
            uv_free(&v);
            return NULL;
        }
        for (size_t k = i; k < j; k++) {
            uint32_t d = uv_at(&v, k);
            if (eh == ERR_REPLACE)
                sb_addc(&b, '?');
            else if (eh == ERR_BACKSLASH)
                add_escape(&b, d);
            else if (eh == ERR_XMLREF)
                sb_addf(&b, "&#%u;", d);
        }
        i = j - 1;
    }
    uv_free(&v);
    Obj *r = bytes_new(vm, (const unsigned char *)(b.s ? b.s : ""), b.n);
    sb_free(&b);
    return r;
}

/* Length of the valid UTF-8 sequence at p (1..4), or 0 with *bad = bytes of the maximal
 * invalid subpart and *reason set, as CPython's decoder reports them. */
static int utf8_check(const unsigned char *p, size_t n, size_t *bad, const char **reason) {
    unsigned c = p[0];
    if (c < 0x80) return 1;
    int len;
    unsigned lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf)
        len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        if (c == 0xe0) lo = 0xa0;
        if (c == 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        if (c == 0xf0) lo = 0x90;
        if (c == 0xf4) hi = 0x8f;
    } else {
        *bad = 1;
        *reason = "invalid start byte";
        return 0;
    }
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n) {
            *bad = (size_t)i;
            *reason = "unexpected end of data";
            return 0;
        }
        unsigned d = p[i];
        if (d < (i == 1 ? lo : 0x80) || d > (i == 1 ? hi : 0xbf)) {
            *bad = (size_t)i;
            *reason = "invalid continuation byte";
            return 0;
        }
    }
    return len;
}

/* bytes.decode() / str(b, encoding): NEW str. */
static Obj *bytes_decode_impl(Vm *vm, const unsigned char *p, size_t n, Codec codec, ErrHandler eh,
                              Obj *errname) {
    StrBuf b;
    sb_init(&b);
    size_t i = 0;
    while (i < n) {
        size_t bad = 0;
        const char *reason = NULL;
        int k;
        if (codec == CODEC_UTF8) {
            k = utf8_check(p + i, n - i, &bad, &reason);
        } else if (codec == CODEC_LATIN1 || p[i] < 0x80) {
            sb_add_cp(&b, p[i]);
            i++;
            continue;
        } else {
            k = 0;
            bad = 1;
            reason = "ordinal not in range(128)";
        }
        if (k > 0) {
            sb_add(&b, (const char *)p + i, (size_t)k);
            i += (size_t)k;
            continue;
        }
        if (eh == ERR_STRICT || eh == ERR_UNKNOWN) {
            if (errors_unknown(vm, eh, errname))
                ;
            else if (bad == 1)
                vm_raise(vm, &Exc_UnicodeError,
                         "'%s' codec can't decode byte 0x%02x in position %zu: %s",
                         codec_names[codec], p[i], i, reason);
            else
                vm_raise(vm, &Exc_UnicodeError,
                         "'%s' codec can't decode bytes in position %zu-%zu: %s",
                         codec_names[codec], i, i + bad - 1, reason);
            sb_free(&b);
            return NULL;
        }
        if (eh == ERR_REPLACE)
            sb_add_cp(&b, 0xfffd);
        else if (eh == ERR_BACKSLASH)
            for (size_t x = 0; x < bad; x++)
                sb_addf(&b, "\\x%02x", p[i + x]);
        i += bad;
    }
    return sb_finish(vm, &b);
}

/* (encoding, errors) arguments of encode/decode/str()/bytes(). */
static bool codec_args(Vm *vm, const char *fname, Obj *enc, Obj *err, Codec *codec,
                       ErrHandler *eh) {
    *codec = CODEC_UTF8;
    *eh = ERR_STRICT;
    if (enc) {
        if (!IS_STR(enc)) {
            vm_raise(vm, &Exc_TypeError, "%s() argument 'encoding' must be str, not %s", fname,
                     enc == Py_None ? "None" : obj_type_name(enc));
            return false;
        }
        if (!codec_lookup(vm, enc, codec)) return false;
    }
    if (err) {
        if (!IS_STR(err)) {
            vm_raise(vm, &Exc_TypeError, "%s() argument 'errors' must be str, not %s", fname,
                     err == Py_None ? "None" : obj_type_name(err));
            return false;
        }
        *eh = errors_lookup(err);
    }
    return true;
}

static Obj *m_encode(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    static const char *const names[] = {"encoding", "errors"};
    Obj *a[2];
    if (!str_kwargs(vm, "encode", args, nargs, kw, names, 2, a)) return NULL;
    Codec codec;
    ErrHandler eh;
    if (!codec_args(vm, "encode", a[0], a[1], &codec, &eh)) return NULL;
    return str_encode(vm, self, codec, eh, a[1]);
}

/* ---------------------------------------------------------------------------------------- */
/* Methods: formatting and the dunders a subclass or an explicit call may look up. */

static Obj *m_format(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return str_format_method(vm, self, args, nargs, kw);
}

static Obj *m_dunder_format(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!str_args(vm, "__format__", ARGS_ONE, nargs, kw, 1, 1)) return NULL;
    if (!IS_STR(args[0]))
        return vm_raise(vm, &Exc_TypeError, "__format__() argument must be str, not %s",
                        obj_type_name(args[0]));
    return str_format_spec(vm, self, str_cstr(args[0]), S(args[0])->nbytes);
}

static bool wrapper_args(Vm *vm, int nargs, Obj *kw, int n) {
    if (kw && TUPLE_LEN(kw) > 0) {
        vm_raise(vm, &Exc_TypeError, "wrapper takes no keyword arguments");
        return false;
    }
    if (nargs != n) {
        vm_raise(vm, &Exc_TypeError, "expected %d argument%s, got %d", n, n == 1 ? "" : "s", nargs);
        return false;
    }
    return true;
}

static Obj *m_len(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (!wrapper_args(vm, nargs, kw, 0)) return NULL;
    return int_from_i64(vm, (int64_t)S(self)->len);
}

static Obj *m_contains(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!wrapper_args(vm, nargs, kw, 1)) return NULL;
    if (!IS_STR(args[0]))
        return vm_raise(vm, &Exc_TypeError, "'in <string>' requires string as left operand, not %s",
                        obj_type_name(args[0]));
    return bool_from(str_contains(self, args[0]));
}

static Obj *m_getitem(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!wrapper_args(vm, nargs, kw, 1)) return NULL;
    return str_getitem(vm, self, args[0]);
}

/* str.__add__ and str.__mul__ wrap sq_concat / sq_repeat: they raise rather than return
 * NotImplemented. */
static Obj *m_add(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!wrapper_args(vm, nargs, kw, 1)) return NULL;
    return str_concat(vm, self, args[0]);
}

static Obj *m_mul(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!wrapper_args(vm, nargs, kw, 1)) return NULL;
    ssize_t n;
    if (!int_arg(vm, args[0], &n)) return NULL;
    return str_mul(vm, self, n);
}

static Obj *m_mod(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!wrapper_args(vm, nargs, kw, 1)) return NULL;
    return str_mod(vm, self, args[0]);
}

static Obj *m_sizeof(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (!str_args(vm, "__sizeof__", ARGS_NOARGS, nargs, kw, 0, 0)) return NULL;
    return int_from_i64(vm, (int64_t)str_size_of(self));
}

static Obj *m_iter(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (!wrapper_args(vm, nargs, kw, 0)) return NULL;
    return iter_new(vm, &StrIterType, self);
}

/* str(object='', encoding=..., errors=...) */
static Obj *str_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    (void)t;
    static const char *const names[] = {"object", "encoding", "errors"};
    Obj *a[3];
    if (!str_kwargs(vm, "str", args, nargs, kw, names, 3, a)) return NULL;
    if (!a[1] && !a[2]) {
        if (!a[0]) return obj_newref(vm->empty_str);
        return obj_str(vm, a[0]);
    }
    Codec codec;
    ErrHandler eh;
    if (!codec_args(vm, "str", a[1], a[2], &codec, &eh)) return NULL;
    if (!a[0]) return obj_newref(vm->empty_str);
    if (IS_STR(a[0])) return vm_raise(vm, &Exc_TypeError, "decoding str is not supported");
    if (TYPE(a[0]) != &BytesType)
        return vm_raise(vm, &Exc_TypeError, "decoding to str: need a bytes-like object, %s found",
                        obj_type_name(a[0]));
    Bytes *b = (Bytes *)a[0];
    return bytes_decode_impl(vm, b->s, b->len, codec, eh, a[2]);
}

static Obj *str_repr_slot(Vm *vm, Obj *o) {
    return repr_impl(vm, o, false);
}

static const MethodDef str_methods[] = {
    {"split", m_split},
    {"rsplit", m_rsplit},
    {"splitlines", m_splitlines},
    {"join", m_join},
    {"partition", m_partition},
    {"rpartition", m_rpartition},
    {"find", m_find},
    {"rfind", m_rfind},
    {"index", m_index},
    {"rindex", m_rindex},
    {"count", m_count},
    {"startswith", m_startswith},
    {"endswith", m_endswith},
    {"replace", m_replace},
    {"strip", m_strip},
    {"lstrip", m_lstrip},
    {"rstrip", m_rstrip},
    {"lower", m_lower},
    {"upper", m_upper},
    {"casefold", m_casefold},
    {"swapcase", m_swapcase},
    {"title", m_title},
    {"capitalize", m_capitalize},
    {"isalpha", m_isalpha},
    {"isdigit", m_isdigit},
    {"isdecimal", m_isdecimal},
    {"isnumeric", m_isnumeric},
    {"isalnum", m_isalnum},
    {"isspace", m_isspace},
    {"isprintable", m_isprintable},
    {"isascii", m_isascii},
    {"islower", m_islower},
    {"isupper", m_isupper},
    {"istitle", m_istitle},
    {"isidentifier", m_isidentifier},
    {"center", m_center},
    {"ljust", m_ljust},
    {"rjust", m_rjust},
    {"zfill", m_zfill},
    {"expandtabs", m_expandtabs},
    {"removeprefix", m_removeprefix},
    {"removesuffix", m_removesuffix},
    {"encode", m_encode},
    {"format", m_format},
    {"__format__", m_dunder_format},
    {"__len__", m_len},
    {"__contains__", m_contains},
    {"__getitem__", m_getitem},
    {"__add__", m_add},
    {"__mul__", m_mul},
    {"__rmul__", m_mul},
    {"__mod__", m_mod},
    {"__sizeof__", m_sizeof},
    {"__iter__", m_iter},
    {NULL, NULL},
};

Type StrType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "str",
    .kind = OBJ_STR,
    .basicsize = 80,
    .dealloc = str_dealloc,
    .repr = str_repr_slot,
    .size_of = str_size_of,
    .methods = str_methods,
    .new_ = str_new_type,
    .base = &ObjectType,
};

/* ---------------------------------------------------------------------------------------- */
/* bytes: 33 + len bytes in CPython (PyBytesObject keeps a trailing NUL), not a GC type.
 * b'' is a per-run shared object like ''. */

static inline Bytes *B(Obj *o) {
    return (Bytes *)o;
}
#define IS_BYTES(o) (TYPE(o) == &BytesType)

Obj *bytes_new(Vm *vm, const unsigned char *s, size_t n) {
    if (n == 0 && vm->empty_bytes) return obj_newref(vm->empty_bytes);
    if (vm->limits.max_str && n > vm->limits.max_str) return vm_nomem(vm);
    Bytes *b = (Bytes *)obj_alloc(vm, &BytesType, sizeof(Bytes) + n + 1, 33 + n);
    if (!b) return NULL;
    b->len = n;
    b->hash = -1;
    b->s = b->inl;
    if (n) memcpy(b->inl, s, n);
    b->inl[n] = 0;
    return (Obj *)b;
}

static size_t bytes_size_of(Obj *o) {
    return 33 + B(o)->len;
}

/* mirrors PyBytes_Repr(): quote choice as str, every byte outside printable ASCII as \xhh */
Obj *bytes_repr(Vm *vm, Obj *o) {
    Bytes *b = B(o);
    bool sq = memchr(b->s, '\'', b->len) != NULL, dq = memchr(b->s, '"', b->len) != NULL;
    char q = sq && !dq ? '"' : '\'';
    StrBuf sb;
    sb_init(&sb);
    sb_addc(&sb, 'b');
    sb_addc(&sb, q);
    for (size_t i = 0; i < b->len; i++) {
        unsigned char c = b->s[i];
        if (c == q || c == '\\') {
            sb_addc(&sb, '\\');
            sb_addc(&sb, (char)c);
        } else if (c == '\t')
            sb_adds(&sb, "\\t");
        else if (c == '\n')
            sb_adds(&sb, "\\n");
        else if (c == '\r')
            sb_adds(&sb, "\\r");
        else if (c < 0x20 || c >= 0x7f)
            sb_addf(&sb, "\\x%02x", c);
        else
            sb_addc(&sb, (char)c);
    }
    sb_addc(&sb, q);
    return sb_finish(vm, &sb);
}

int64_t bytes_hash(Obj *o) {
    Bytes *b = B(o);
    if (b->hash == -1) b->hash = hash_bytes(b->s, b->len);
    return b->hash;
}

bool bytes_eq(Obj *a, Obj *b) {
    return a == b || (B(a)->len == B(b)->len && memcmp(B(a)->s, B(b)->s, B(a)->len) == 0);
}

int bytes_compare(Obj *a, Obj *b) {
    size_t n = B(a)->len < B(b)->len ? B(a)->len : B(b)->len;
    int c = memcmp(B(a)->s, B(b)->s, n);
    if (c) return c < 0 ? -1 : 1;
    return B(a)->len < B(b)->len ? -1 : B(a)->len > B(b)->len ? 1 : 0;
}

Obj *bytes_concat(Vm *vm, Obj *a, Obj *b) {
    if (!IS_BYTES(b))
        return vm_raise(vm, &Exc_TypeError, "can't concat %s to bytes", obj_type_name(b));
    if (B(a)->len == 0) return obj_newref(b);
    if (B(b)->len == 0) return obj_newref(a);
    size_t n = B(a)->len + B(b)->len;
    unsigned char *buf = malloc(n);
    if (!buf) return vm_nomem(vm);
    memcpy(buf, B(a)->s, B(a)->len);
    memcpy(buf + B(a)->len, B(b)->s, B(b)->len);
    Obj *r = bytes_new(vm, buf, n);
    free(buf);
    return r;
}

Obj *bytes_mul(Vm *vm, Obj *o, ssize_t n) {
    Bytes *b = B(o);
    if (n <= 0 || b->len == 0) return obj_newref(vm->empty_bytes);
    if (n == 1) return obj_newref(o);
    if (b->len > (size_t)SSIZE_MAX / (size_t)n)
        return vm_raise(vm, &Exc_OverflowError, "repeated bytes are too long");
    size_t total = b->len * (size_t)n;
    if (vm->limits.max_str && total > vm->limits.max_str) return vm_nomem(vm);
    unsigned char *buf = malloc(total);
    if (!buf) return vm_nomem(vm);
    for (ssize_t k = 0; k < n; k++)
        memcpy(buf + (size_t)k * b->len, b->s, b->len);
    Obj *r = bytes_new(vm, buf, total);
    free(buf);
    return r;
}

Obj *bytes_getitem(Vm *vm, Obj *o, Obj *key) {
    Bytes *b = B(o);
    if (KIND(key) == OBJ_SLICE) {
        ssize_t start, stop, step, n;
        if (slice_indices(vm, key, (ssize_t)b->len, &start, &stop, &step, &n) < 0) return NULL;
        if (n <= 0) return obj_newref(vm->empty_bytes);
        if (start == 0 && step == 1 && (size_t)n == b->len) return obj_newref(o);
        if (step == 1) return bytes_new(vm, b->s + start, (size_t)n);
        unsigned char *buf = malloc((size_t)n);
        if (!buf) return vm_nomem(vm);
        for (ssize_t k = 0, i = start; k < n; k++, i += step)
            buf[k] = b->s[i];
        Obj *r = bytes_new(vm, buf, (size_t)n);
        free(buf);
        return r;
    }
    ssize_t i;
    bool isindex;
    if (!as_index(vm, key, &i, &isindex)) {
        if (isindex) return NULL;
        return vm_raise(vm, &Exc_TypeError, "byte indices must be integers or slices, not %s",
                        obj_type_name(key));
    }
    if (i < 0) i += (ssize_t)b->len;
    if (i < 0 || (size_t)i >= b->len) return vm_raise(vm, &Exc_IndexError, "index out of range");
    return int_from_i64(vm, b->s[i]);
}

/* A byte-string argument: bytes, or (allow_int) an int 0..255 as a one-byte needle. */
static bool bytes_arg(Vm *vm, Obj *o, bool allow_int, unsigned char *tmp, const unsigned char **p,
                      size_t *n) {
    if (IS_BYTES(o)) {
        *p = B(o)->s;
        *n = B(o)->len;
        return true;
    }
    if (allow_int && IS_INT(o)) {
        int64_t v;
        if (!int_as_i64(o, &v) || v < 0 || v > 255) {
            vm_raise(vm, &Exc_ValueError, "byte must be in range(0, 256)");
            return false;
        }
        *tmp = (unsigned char)v;
        *p = tmp;
        *n = 1;
        return true;
    }
    if (allow_int)
        vm_raise(vm, &Exc_TypeError, "argument should be integer or bytes-like object, not '%s'",
                 obj_type_name(o));
    else
        vm_raise(vm, &Exc_TypeError, "a bytes-like object is required, not '%s'", obj_type_name(o));
    return false;
}

/* `x in b`: 1, 0, or -1 with an exception. */
int bytes_contains(Vm *vm, Obj *b, Obj *x) {
    unsigned char tmp;
    const unsigned char *p;
    size_t n;
    if (!IS_BYTES(x) && !IS_INT(x)) {
        vm_raise(vm, &Exc_TypeError, "a bytes-like object is required, not '%s'", obj_type_name(x));
        return -1;
    }
    if (!bytes_arg(vm, x, true, &tmp, &p, &n)) return -1;
    return find_bytes((const char *)B(b)->s, B(b)->len, (const char *)p, n) != NULL;
}

static bool bytes_args(Vm *vm, const char *name, ArgStyle style, int nargs, Obj *kw, int min,
                       int max) {
    if (kw && TUPLE_LEN(kw) > 0) {
        vm_raise(vm, &Exc_TypeError, "bytes.%s() takes no keyword arguments", name);
        return false;
    }
    if (nargs >= min && nargs <= max) return true;
    if (style == ARGS_NOARGS)
        vm_raise(vm, &Exc_TypeError, "bytes.%s() takes no arguments (%d given)", name, nargs);
    else if (style == ARGS_ONE)
        vm_raise(vm, &Exc_TypeError, "bytes.%s() takes exactly one argument (%d given)", name,
                 nargs);
    else
        return str_args(vm, name, style, nargs, NULL, min, max);
    return false;
}

static Obj *b_decode(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    static const char *const names[] = {"encoding", "errors"};
    Obj *a[2];
    if (!str_kwargs(vm, "decode", args, nargs, kw, names, 2, a)) return NULL;
    Codec codec;
    ErrHandler eh;
    if (!codec_args(vm, "decode", a[0], a[1], &codec, &eh)) return NULL;
    return bytes_decode_impl(vm, B(self)->s, B(self)->len, codec, eh, a[1]);
}

static Obj *b_hex(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    static const char *const names[] = {"sep", "bytes_per_sep"};
    Obj *a[2];
    if (!str_kwargs(vm, "hex", args, nargs, kw, names, 2, a)) return NULL;
    const char *sep = NULL;
    size_t seplen = 0;
    ssize_t per = 1;
    if (a[0]) {
        if (IS_STR(a[0])) {
            sep = str_cstr(a[0]);
            seplen = S(a[0])->nbytes;
        } else if (IS_BYTES(a[0])) {
            sep = (const char *)B(a[0])->s;
            seplen = B(a[0])->len;
        } else {
            return vm_raise(vm, &Exc_TypeError, "sep must be str or bytes.");
        }
        if ((IS_STR(a[0]) ? S(a[0])->len : B(a[0])->len) != 1)
            return vm_raise(vm, &Exc_ValueError, "sep must be length 1.");
    }
    if (a[1] && !int_arg(vm, a[1], &per)) return NULL;
    Bytes *b = B(self);
    StrBuf sb;
    sb_init(&sb);
    size_t group = (size_t)(per < 0 ? -per : per);
    for (size_t i = 0; i < b->len; i++) {
        if (sep && group && i > 0) {
            /* positive bytes_per_sep counts groups from the right, negative from the left */
            size_t pos = per > 0 ? b->len - i : i;
            if (pos % group == 0) sb_add(&sb, sep, seplen);
        }
        sb_addf(&sb, "%02x", b->s[i]);
    }
    return sb_finish(vm, &sb);
}

static Obj *b_case(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw, bool upper) {
    (void)args;
    if (!bytes_args(vm, upper ? "upper" : "lower", ARGS_NOARGS, nargs, kw, 0, 0)) return NULL;
    Bytes *b = B(self);
    unsigned char *buf = malloc(b->len + 1);
    if (!buf) return vm_nomem(vm);
    for (size_t i = 0; i < b->len; i++) {
        unsigned char c = b->s[i];
        if (upper && c >= 'a' && c <= 'z') c = (unsigned char)(c - 32);
        if (!upper && c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        buf[i] = c;
    }
    Obj *r = bytes_new(vm, buf, b->len);
    free(buf);
    return r;
}

static Obj *b_upper(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return b_case(vm, self, args, nargs, kw, true);
}

static Obj *b_lower(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return b_case(vm, self, args, nargs, kw, false);
}

static Obj *b_find_impl(Vm *vm, const char *name, Obj *self, Obj **args, int nargs, Obj *kw,
                        int mode /* 0 find, 1 count */) {
    if (!bytes_args(vm, name, ARGS_TUPLE, nargs, kw, 1, 3)) return NULL;
    unsigned char tmp;
    const unsigned char *p;
    size_t n;
    if (!bytes_arg(vm, args[0], true, &tmp, &p, &n)) return NULL;
    ssize_t start = 0, end = SSIZE_MAX;
    if (nargs > 1 && !bound_arg(vm, args[1], &start)) return NULL;
    if (nargs > 2 && !bound_arg(vm, args[2], &end)) return NULL;
    Bytes *b = B(self);
    adjust_indices(&start, &end, (ssize_t)b->len);
    if (end - start < (ssize_t)n) return int_from_i64(vm, mode == 0 ? -1 : 0);
    const char *h = (const char *)b->s + start, *e = (const char *)b->s + end;
    if (mode == 0) {
        const char *f = find_bytes(h, (size_t)(e - h), (const char *)p, n);
        return int_from_i64(vm, f ? f - (const char *)b->s : -1);
    }
    if (n == 0) return int_from_i64(vm, end - start + 1);
    int64_t count = 0;
    const char *f;
    while ((f = find_bytes(h, (size_t)(e - h), (const char *)p, n))) {
        count++;
        h = f + n;
    }
    return int_from_i64(vm, count);
}

static Obj *b_find(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return b_find_impl(vm, "find", self, args, nargs, kw, 0);
}

static Obj *b_count(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return b_find_impl(vm, "count", self, args, nargs, kw, 1);
}

static Obj *b_swith(Vm *vm, const char *name, Obj *self, Obj **args, int nargs, Obj *kw,
                    bool suffix) {
    if (!bytes_args(vm, name, ARGS_TUPLE, nargs, kw, 1, 3)) return NULL;
    ssize_t start = 0, end = SSIZE_MAX;
    if (nargs > 1 && !bound_arg(vm, args[1], &start)) return NULL;
    if (nargs > 2 && !bound_arg(vm, args[2], &end)) return NULL;
    Obj *x = args[0];
    Obj **items = &x;
    ssize_t nitems = 1;
    if (IS_TUPLE(x)) {
        items = ((Tuple *)x)->items;
        nitems = TUPLE_LEN(x);
    }
    Bytes *b = B(self);
    adjust_indices(&start, &end, (ssize_t)b->len);
    for (ssize_t i = 0; i < nitems; i++) {
        if (!IS_BYTES(items[i])) {
            if (IS_TUPLE(x))
                return vm_raise(vm, &Exc_TypeError, "a bytes-like object is required, not '%s'",
                                obj_type_name(items[i]));
            return vm_raise(vm, &Exc_TypeError,
                            "%s first arg must be bytes or a tuple of bytes, not %s", name,
                            obj_type_name(x));
        }
        ssize_t sl = (ssize_t)B(items[i])->len, e = end - sl;
        if (e < start) continue;
        const unsigned char *at = b->s + (suffix ? e : start);
        if (memcmp(at, B(items[i])->s, (size_t)sl) == 0) return bool_from(true);
    }
    return bool_from(false);
}

static Obj *b_startswith(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return b_swith(vm, "startswith", self, args, nargs, kw, false);
}

static Obj *b_endswith(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return b_swith(vm, "endswith", self, args, nargs, kw, true);
}

static bool ascii_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static Obj *b_strip(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!bytes_args(vm, "strip", ARGS_CLINIC, nargs, kw, 0, 1)) return NULL;
    const unsigned char *chars = NULL;
    size_t nchars = 0;
    unsigned char tmp;
    if (nargs > 0 && args[0] != Py_None && !bytes_arg(vm, args[0], false, &tmp, &chars, &nchars))
        return NULL;
    Bytes *b = B(self);
    size_t i = 0, j = b->len;
#define BSTRIP(c) (chars ? memchr(chars, (c), nchars) != NULL : ascii_space(c))
    while (i < j && BSTRIP(b->s[i]))
        i++;
    while (j > i && BSTRIP(b->s[j - 1]))
        j--;
#undef BSTRIP
    if (i == 0 && j == b->len) return obj_newref(self);
    return bytes_new(vm, b->s + i, j - i);
}

static Obj *b_split(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    static const char *const names[] = {"sep", "maxsplit"};
    Obj *a[2];
    if (!str_kwargs(vm, "split", args, nargs, kw, names, 2, a)) return NULL;
    const unsigned char *sep = NULL;
    size_t sn = 0;
    unsigned char tmp;
    ssize_t maxcount = -1;
    if (a[0] && a[0] != Py_None) {
        if (!bytes_arg(vm, a[0], false, &tmp, &sep, &sn)) return NULL;
        if (sn == 0) return vm_raise(vm, &Exc_ValueError, "empty separator");
    }
    if (a[1] && !int_arg(vm, a[1], &maxcount)) return NULL;
    if (maxcount < 0) maxcount = SSIZE_MAX;
    Bytes *b = B(self);
    SplitList sl;
    if (!split_init(vm, &sl, maxcount)) return NULL;
    bool ok = true;
    size_t len = b->len, i = 0, j;
    if (!sep) {
        while (maxcount-- > 0) {
            while (i < len && ascii_space(b->s[i]))
                i++;
            if (i == len) break;
            j = i++;
            while (i < len && !ascii_space(b->s[i]))
                i++;
            if (j == 0 && i == len) {
                ok = split_add(vm, &sl, obj_newref(self));
                break;
            }
            if (!(ok = split_add(vm, &sl, bytes_new(vm, b->s + j, i - j)))) break;
        }
        if (ok && i < len) {
            while (i < len && ascii_space(b->s[i]))
                i++;
            if (i != len) ok = split_add(vm, &sl, bytes_new(vm, b->s + i, len - i));
        }
    } else {
        while (maxcount-- > 0) {
            const char *f = find_bytes((const char *)b->s + i, len - i, (const char *)sep, sn);
            if (!f) break;
            j = (size_t)(f - (const char *)b->s);
            if (!(ok = split_add(vm, &sl, bytes_new(vm, b->s + i, j - i)))) break;
            i = j + sn;
        }
        if (ok) {
            if (sl.count == 0)
                ok = split_add(vm, &sl, obj_newref(self));
            else
                ok = split_add(vm, &sl, bytes_new(vm, b->s + i, len - i));
        }
    }
    return split_finish(vm, &sl, ok);
}

static Obj *b_join(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!bytes_args(vm, "join", ARGS_ONE, nargs, kw, 1, 1)) return NULL;
    Obj **items;
    ssize_t n;
    Obj *owned = NULL;
    if (!seq_fast(args[0], &items, &n)) {
        Obj *it = obj_iter(vm, args[0]);
        if (!it) {
            if (vm_exc_matches(vm, &Exc_TypeError)) {
                vm_clear_exc(vm);
                vm_raise(vm, &Exc_TypeError, "can only join an iterable");
            }
            return NULL;
        }
        owned = obj_to_list(vm, it);
        DECREF(vm, it);
        if (!owned) return NULL;
        seq_fast(owned, &items, &n);
    }
    Obj *r = NULL;
    StrBuf sb;
    sb_init(&sb);
    for (ssize_t i = 0; i < n; i++) {
        if (!IS_BYTES(items[i])) {
            vm_raise(vm, &Exc_TypeError,
                     "sequence item %zd: expected a bytes-like object, %s found", i,
                     obj_type_name(items[i]));
            goto done;
        }
        if (i) sb_add(&sb, (const char *)B(self)->s, B(self)->len);
        sb_add(&sb, (const char *)B(items[i])->s, B(items[i])->len);
    }
    if (n == 1 && IS_BYTES(items[0]))
        r = obj_newref(items[0]);
    else
        r = bytes_new(vm, (const unsigned char *)(sb.s ? sb.s : ""), sb.n);
done:
    sb_free(&sb);
    XDECREF(vm, owned);
    return r;
}

static Obj *b_replace(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!bytes_args(vm, "replace", ARGS_CLINIC, nargs, kw, 2, 3)) return NULL;
    const unsigned char *o, *nw;
    size_t on, nn;
    unsigned char t1, t2;
    if (!bytes_arg(vm, args[0], false, &t1, &o, &on)) return NULL;
    if (!bytes_arg(vm, args[1], false, &t2, &nw, &nn)) return NULL;
    ssize_t count = -1;
    if (nargs > 2 && !int_arg(vm, args[2], &count)) return NULL;
    if (count < 0) count = SSIZE_MAX;
    Bytes *b = B(self);
    StrBuf sb;
    sb_init(&sb);
    ssize_t done = 0;
    if (on == 0) {
        size_t i;
        for (i = 0; i < b->len && done < count; i++, done++) {
            sb_add(&sb, (const char *)nw, nn);
            sb_addc(&sb, (char)b->s[i]);
        }
        if (done < count) {
            sb_add(&sb, (const char *)nw, nn);
            done++;
        }
        sb_add(&sb, (const char *)b->s + i, b->len - i);
    } else {
        const char *p = (const char *)b->s, *end = p + b->len, *f;
        while (done < count && (f = find_bytes(p, (size_t)(end - p), (const char *)o, on))) {
            sb_add(&sb, p, (size_t)(f - p));
            sb_add(&sb, (const char *)nw, nn);
            p = f + on;
            done++;
        }
        sb_add(&sb, p, (size_t)(end - p));
    }
    Obj *r = done == 0 ? obj_newref(self)
                       : bytes_new(vm, (const unsigned char *)(sb.s ? sb.s : ""), sb.n);
    sb_free(&sb);
    return r;
}

static Obj *b_iter(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (!wrapper_args(vm, nargs, kw, 0)) return NULL;
    return iter_new(vm, &BytesIterType, self);
}

static Obj *b_len(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (!wrapper_args(vm, nargs, kw, 0)) return NULL;
    return int_from_i64(vm, (int64_t)B(self)->len);
}

/* bytes(), bytes(n), bytes(iterable of ints), bytes(str, encoding[, errors]), bytes(b) */
static Obj *bytes_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    (void)t;
    static const char *const names[] = {"source", "encoding", "errors"};
    Obj *a[3];
    if (!str_kwargs(vm, "bytes", args, nargs, kw, names, 3, a)) return NULL;
    Obj *x = a[0];
    if (!x) {
        if (a[1] || a[2])
            return vm_raise(vm, &Exc_TypeError,
                            a[1] ? "encoding without a string argument"
                                 : "errors without a string argument");
        return obj_newref(vm->empty_bytes);
    }
    if (IS_STR(x)) {
        if (!a[1]) return vm_raise(vm, &Exc_TypeError, "string argument without an encoding");
        Codec codec;
        ErrHandler eh;
        if (!codec_args(vm, "bytes", a[1], a[2], &codec, &eh)) return NULL;
        return str_encode(vm, x, codec, eh, a[2]);
    }
    if (a[1] || a[2])
        return vm_raise(vm, &Exc_TypeError,
                        a[1] ? "encoding without a string argument"
                             : "errors without a string argument");
    if (IS_BYTES(x)) return obj_newref(x);
    if (IS_INT(x)) {
        int64_t n;
        if (!int_as_i64(x, &n))
            return vm_raise(vm, &Exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        if (n < 0) return vm_raise(vm, &Exc_ValueError, "negative count");
        if (vm->limits.max_str && (size_t)n > vm->limits.max_str) return vm_nomem(vm);
        unsigned char *buf = calloc((size_t)n + 1, 1);
        if (!buf) return vm_nomem(vm);
        Obj *r = bytes_new(vm, buf, (size_t)n);
        free(buf);
        return r;
    }
    if (IS_FLOAT(x))
        return vm_raise(vm, &Exc_TypeError, "cannot convert '%s' object to bytes",
                        obj_type_name(x));
    Obj *list = obj_to_list(vm, x);
    if (!list) {
        if (vm_exc_matches(vm, &Exc_TypeError)) {
            vm_clear_exc(vm);
            vm_raise(vm, &Exc_TypeError, "cannot convert '%s' object to bytes", obj_type_name(x));
        }
        return NULL;
    }
    ssize_t n = LIST_LEN(list);
    unsigned char *buf = malloc((size_t)n + 1);
    if (!buf) {
        DECREF(vm, list);
        return vm_nomem(vm);
    }
    Obj *r = NULL;
    for (ssize_t i = 0; i < n; i++) {
        ssize_t v;
        if (!int_arg(vm, LIST_ITEM(list, i), &v)) goto done;
        if (v < 0 || v > 255) {
            vm_raise(vm, &Exc_ValueError, "bytes must be in range(0, 256)");
            goto done;
        }
        buf[i] = (unsigned char)v;
    }
    r = bytes_new(vm, buf, (size_t)n);
done:
    free(buf);
    DECREF(vm, list);
    return r;
}

static Obj *bytes_repr_slot(Vm *vm, Obj *o) {
    return bytes_repr(vm, o);
}

static void bytes_dealloc(Vm *vm, Obj *o) {
    obj_free_mem(vm, o);
}

static const MethodDef bytes_methods[] = {
    {"decode", b_decode},         {"hex", b_hex},           {"upper", b_upper},
    {"lower", b_lower},           {"find", b_find},         {"count", b_count},
    {"startswith", b_startswith}, {"endswith", b_endswith}, {"strip", b_strip},
    {"split", b_split},           {"join", b_join},         {"replace", b_replace},
    {"__iter__", b_iter},         {"__len__", b_len},       {NULL, NULL},
};

Type BytesType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "bytes",
    .kind = OBJ_BYTES,
    .basicsize = 33,
    .itemsize = 1,
    .dealloc = bytes_dealloc,
    .repr = bytes_repr_slot,
    .size_of = bytes_size_of,
    .methods = bytes_methods,
    .new_ = bytes_new_type,
    .base = &ObjectType,
};

/* ---------------------------------------------------------------------------------------- */
/* Unicode character database, generated from python3.11's unicodedata (Unicode 14.0.0).
 *
 * uprops: ranges of code points with the same property bits. Lowercase / Uppercase and the
 * identifier classes are stored as exceptions to rules derived from the case mappings and
 * from isalpha (UP_LOWERX: islower differs from "has an uppercase mapping and no lowercase
 * one"), which keeps the table small.
 * case_runs: the single-code-point lower/upper mappings; an "alternating" run maps pairs
 * (upper at even offsets, lower at odd) like U+0100 / U+0101.
 * case_special: full mappings that differ from the simple ones (ß -> SS, final forms,
 * title case of digraphs, casefold): per code point and kind L U T F.
 *
 * Regenerate with this script (python3.11), replacing the three tables:
 *
 *   N = 0x110000
 *   def slo(c): l = chr(c).lower(); return ord(l) if len(l) == 1 else c
 *   def sup(c): u = chr(c).upper(); return ord(u) if len(u) == 1 else c
 *   MID = {0x27, 0x2E, 0x3A, 0xB7, 0x387, 0x55F, 0x5F4, 0x2018, 0x2019, 0x2024, 0x2027,
 *          0xFE13, 0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A}   # Word_Break Mid*, Single_Quote
 *   bits(c) = [isalpha, decimal/digit/numeric level (2 bits: 3 decimal, 2 digit, 1 numeric),
 *              isspace, isprintable, islower != (sup(c) != c and slo(c) == c),
 *              isupper != (slo(c) != c and sup(c) == c), istitle and not isupper,
 *              isidentifier != (isalpha or c == '_'),
 *              ('a' + ch).isidentifier() != (isalpha or c == '_' or isdecimal),
 *              category in (Mn, Me, Cf, Lm, Sk) or c in MID]
 *   uprops: c << 11 | bits(c) wherever bits change; case_runs from (slo(c) - c, sup(c) - c);
 *   case_special: (c, kind) where ch.lower()/upper()/title()/casefold() differs from
 *   chr(slo(c)) / chr(sup(c)) / chr(sup(c)) / chr(slo(c)).
 */

enum {
    UP_ALPHA = 1 << 0,
    UP_NUM = 3 << 1, /* 2-bit level: 3 decimal, 2 digit, 1 numeric */
    UP_SPACE = 1 << 3,
    UP_PRINT = 1 << 4,
    UP_LOWERX = 1 << 5,
    UP_UPPERX = 1 << 6,
    UP_TITLE = 1 << 7,
    UP_XIDSX = 1 << 8,
    UP_XIDCX = 1 << 9,
    UP_CASEIGN = 1 << 10,
};

typedef struct {
    uint32_t start;
    uint16_t len;
    uint8_t alt;
    int32_t dlower, dupper;
} CaseRun;

typedef struct {
    uint32_t cp;
    char kind;
    uint8_t n;
    uint32_t out[3];
} CaseSpecial;

/* clang-format off */
/* 2841 ranges: start << 11 | UP_* bits, sorted by start */
static const uint32_t uprops[2841] = {
    0x00000000, 0x00004808, 0x00007000, 0x0000e008, 0x00010018, 0x00010810, 0x00013c10, 0x00014010,
    0x00017410, 0x00017810, 0x00018016, 0x0001d410, 0x0001d810, 0x00020811, 0x0002d810, 0x0002f410,
    0x0002f810, 0x00030410, 0x00030811, 0x0003d810, 0x0003f800, 0x00042808, 0x00043000, 0x00050008,
    0x00050810, 0x00054410, 0x00054810, 0x00055031, 0x00055810, 0x00056c00, 0x00057010, 0x00057c10,
    0x00058010, 0x00059014, 0x0005a410, 0x0005a811, 0x0005b010, 0x0005be10, 0x0005c410, 0x0005c814,
    0x0005d031, 0x0005d810, 0x0005e012, 0x0005f810, 0x00060011, 0x0006b810, 0x0006c011, 0x0006f831,
    0x00070011, 0x0007b810, 0x0007c011, 0x00098051, 0x00098811, 0x0009c031, 0x0009c811, 0x000a4831,
    0x000a5011, 0x000c6831, 0x000c7011, 0x000cd831, 0x000ce011, 0x000d5031, 0x000d6011, 0x000dd031,
    0x000dd811, 0x000df031, 0x000df811, 0x000e2891, 0x000e3011, 0x000e4091, 0x000e4811, 0x000e5891,
    0x000e6011, 0x000f8031, 0x000f8811, 0x000f9091, 0x000f9811, 0x00110831, 0x00111011, 0x0011a031,
    0x0011d011, 0x0012a831, 0x0012b011, 0x0012c031, 0x0012c811, 0x0012d031, 0x0012d811, 0x0012e831,
    0x00130011, 0x00131031, 0x00131811, 0x00132031, 0x00132811, 0x00133831, 0x00134011, 0x00136831,
    0x00137811, 0x00138031, 0x00138811, 0x00139831, 0x0013a811, 0x0013b031, 0x0013e811, 0x0013f031,
    0x00140011, 0x00140831, 0x00141011, 0x00142031, 0x00143811, 0x00146831, 0x00149011, 0x00149831,
    0x0014a011, 0x0014a831, 0x0014e811, 0x0014f831, 0x00158431, 0x0015cc11, 0x00160431, 0x00161410,
    0x00163411, 0x00169410, 0x00170431, 0x00172c10, 0x00176411, 0x00176c10, 0x00177411, 0x00177c10,
    0x00180610, 0x001b8011, 0x001ba411, 0x001bac10, 0x001bb011, 0x001bc000, 0x001bd731, 0x001bd811,
    0x001bf010, 0x001bf811, 0x001c0000, 0x001c2410, 0x001c3011, 0x001c3e10, 0x001c4011, 0x001c5800,
    0x001c6011, 0x001c6800, 0x001c7011, 0x001c8031, 0x001c8811, 0x001d1000, 0x001d1811, 0x001d8031,
    0x001d8811, 0x001e9051, 0x001ea811, 0x001fb010, 0x001fb811, 0x001fe031, 0x001fe811, 0x00241010,
    0x00241e10, 0x00244410, 0x00245011, 0x00298000, 0x00298811, 0x002ab800, 0x002acc11, 0x002ad010,
    0x002afc10, 0x002b0031, 0x002b0811, 0x002c3831, 0x002c4810, 0x002c5800, 0x002c6810, 0x002c8000,
    0x002c8e10, 0x002df010, 0x002dfe10, 0x002e0010, 0x002e0e10, 0x002e1810, 0x002e2610, 0x002e3010,
    0x002e3e10, 0x002e4000, 0x002e8011, 0x002f5800, 0x002f7811, 0x002f9810, 0x002fa410, 0x002fa800,
    0x00300400, 0x00303010, 0x00308610, 0x0030d810, 0x0030e400, 0x0030e810, 0x00310011, 0x00320411,
    0x00320811, 0x00325e10, 0x00330016, 0x00335010, 0x00337011, 0x00338610, 0x00338811, 0x0036a010,
    0x0036a811, 0x0036b610, 0x0036ec00, 0x0036f010, 0x0036fe10, 0x00372c11, 0x00373e10, 0x00374810,
    0x00375610, 0x00377011, 0x00378016, 0x0037d011, 0x0037e810, 0x0037f811, 0x00380010, 0x00387000,
    0x00387c00, 0x00388011, 0x00388e10, 0x00389011, 0x00398610, 0x003a5800, 0x003a6811, 0x003d3610,
    0x003d8811, 0x003d9000, 0x003e0016, 0x003e5011, 0x003f5e10, 0x003fa411, 0x003fb010, 0x003fd411,
    0x003fd800, 0x003fee10, 0x003ff010, 0x00400011, 0x0040b610, 0x0040d411, 0x0040de10, 0x00412411,
    0x00412e10, 0x00414411, 0x00414e10, 0x00417000, 0x00418010, 0x0041f800, 0x00420011, 0x0042ce10,
    0x0042e000, 0x0042f010, 0x0042f800, 0x00430011, 0x00435800, 0x00438011, 0x00444410, 0x00444811,
    0x00447800, 0x00448400, 0x00449000, 0x0044c610, 0x00450011, 0x00464c11, 0x00465610, 0x00471400,
    0x00471e10, 0x00481a10, 0x00482011, 0x0049d610, 0x0049da10, 0x0049e610, 0x0049e811, 0x0049f210,
    0x004a0e10, 0x004a4a10, 0x004a6e10, 0x004a7210, 0x004a8011, 0x004a8e10, 0x004ac011, 0x004b1610,
    0x004b2010, 0x004b3016, 0x004b8010, 0x004b8c11, 0x004b9011, 0x004c0e10, 0x004c1210, 0x004c2000,
    0x004c2811, 0x004c6800, 0x004c7811, 0x004c8800, 0x004c9811, 0x004d4800, 0x004d5011, 0x004d8800,
    0x004d9011, 0x004d9800, 0x004db011, 0x004dd000, 0x004de610, 0x004de811, 0x004df210, 0x004e0e10,
    0x004e2800, 0x004e3a10, 0x004e4800, 0x004e5a10, 0x004e6e10, 0x004e7011, 0x004e7800, 0x004eba10,
    0x004ec000, 0x004ee011, 0x004ef000, 0x004ef811, 0x004f1610, 0x004f2000, 0x004f3016, 0x004f8011,
    0x004f9010, 0x004fa012, 0x004fd010, 0x004fe011, 0x004fe810, 0x004ff610, 0x004ff800, 0x00500e10,
    0x00501a10, 0x00502000, 0x00502811, 0x00505800, 0x00507811, 0x00508800, 0x00509811, 0x00514800,
    0x00515011, 0x00518800, 0x00519011, 0x0051a000, 0x0051a811, 0x0051b800, 0x0051c011, 0x0051d000,
    0x0051e610, 0x0051e800, 0x0051f210, 0x00520e10, 0x00521800, 0x00523e10, 0x00524800, 0x00525e10,
    0x00527000, 0x00528e10, 0x00529000, 0x0052c811, 0x0052e800, 0x0052f011, 0x0052f800, 0x00533016,
    0x00538610, 0x00539011, 0x0053ae10, 0x0053b010, 0x0053b800, 0x00540e10, 0x00541a10, 0x00542000,
    0x00542811, 0x00547000, 0x00547811, 0x00549000, 0x00549811, 0x00554800, 0x00555011, 0x00558800,
    0x00559011, 0x0055a000, 0x0055a811, 0x0055d000, 0x0055e610, 0x0055e811, 0x0055f210, 0x00560e10,
    0x00563000, 0x00563e10, 0x00564a10, 0x00565000, 0x00565a10, 0x00566e10, 0x00567000, 0x00568011,
    0x00568800, 0x00570011, 0x00571610, 0x00572000, 0x00573016, 0x00578010, 0x00579000, 0x0057c811,
    0x0057d610, 0x00580000, 0x00580e10, 0x00581210, 0x00582000, 0x00582811, 0x00586800, 0x00587811,
    0x00588800, 0x00589811, 0x00594800, 0x00595011, 0x00598800, 0x00599011, 0x0059a000, 0x0059a811,
    0x0059d000, 0x0059e610, 0x0059e811, 0x0059f210, 0x0059fe10, 0x005a0210, 0x005a0e10, 0x005a2800,
    0x005a3a10, 0x005a4800, 0x005a5a10, 0x005a6e10, 0x005a7000, 0x005aae10, 0x005aba10, 0x005ac000,
    0x005ae011, 0x005af000, 0x005af811, 0x005b1610, 0x005b2000, 0x005b3016, 0x005b8010, 0x005b8811,
    0x005b9012, 0x005bc000, 0x005c1610, 0x005c1811, 0x005c2000, 0x005c2811, 0x005c5800, 0x005c7011,
    0x005c8800, 0x005c9011, 0x005cb000, 0x005cc811, 0x005cd800, 0x005ce011, 0x005ce800, 0x005cf011,
    0x005d0000, 0x005d1811, 0x005d2800, 0x005d4011, 0x005d5800, 0x005d7011, 0x005dd000, 0x005df210,
    0x005e0610, 0x005e0a10, 0x005e1800, 0x005e3210, 0x005e4800, 0x005e5210, 0x005e6e10, 0x005e7000,
    0x005e8011, 0x005e8800, 0x005eba10, 0x005ec000, 0x005f3016, 0x005f8012, 0x005f9810, 0x005fd800,
    0x00600610, 0x00600a10, 0x00602610, 0x00602811, 0x00606800, 0x00607011, 0x00608800, 0x00609011,
    0x00614800, 0x00615011, 0x0061d000, 0x0061e610, 0x0061e811, 0x0061f610, 0x00620a10, 0x00622800,
    0x00623610, 0x00624800, 0x00625610, 0x00627000, 0x0062ae10, 0x0062b800, 0x0062c011, 0x0062d800,
    0x0062e811, 0x0062f000, 0x00630011, 0x00631610, 0x00632000, 0x00633016, 0x00638000, 0x0063b810,
    0x0063c012, 0x0063f810, 0x00640011, 0x00640e10, 0x00641210, 0x00642010, 0x00642811, 0x00646800,
    0x00647011, 0x00648800, 0x00649011, 0x00654800, 0x00655011, 0x0065a000, 0x0065a811, 0x0065d000,
    0x0065e610, 0x0065e811, 0x0065f210, 0x0065fe10, 0x00660210, 0x00662800, 0x00663610, 0x00663a10,
    0x00664800, 0x00665210, 0x00666610, 0x00667000, 0x0066aa10, 0x0066b800, 0x0066e811, 0x0066f800,
    0x00670011, 0x00671610, 0x00672000, 0x00673016, 0x00678000, 0x00678811, 0x00679800, 0x00680610,
    0x00681210, 0x00682011, 0x00686800, 0x00687011, 0x00688800, 0x00689011, 0x0069de10, 0x0069e811,
    0x0069f210, 0x006a0e10, 0x006a2800, 0x006a3210, 0x006a4800, 0x006a5210, 0x006a6e10, 0x006a7011,
    0x006a7810, 0x006a8000, 0x006aa011, 0x006aba10, 0x006ac012, 0x006af811, 0x006b1610, 0x006b2000,
    0x006b3016, 0x006b8012, 0x006bc810, 0x006bd011, 0x006c0000, 0x006c0e10, 0x006c1210, 0x006c2000,
    0x006c2811, 0x006cb800, 0x006cd011, 0x006d9000, 0x006d9811, 0x006de000, 0x006de811, 0x006df000,
    0x006e0011, 0x006e3800, 0x006e5610, 0x006e5800, 0x006e7a10, 0x006e9610, 0x006ea800, 0x006eb610,
    0x006eb800, 0x006ec210, 0x006f0000, 0x006f3016, 0x006f8000, 0x006f9210, 0x006fa010, 0x006fa800,
    0x00700811, 0x00718e10, 0x00719011, 0x00719911, 0x0071a610, 0x0071d800, 0x0071f810, 0x00720011,
    0x00723411, 0x00723e10, 0x00727810, 0x00728016, 0x0072d010, 0x0072e000, 0x00740811, 0x00741800,
    0x00742011, 0x00742800, 0x00743011, 0x00745800, 0x00746011, 0x00752000, 0x00752811, 0x00753000,
    0x00753811, 0x00758e10, 0x00759011, 0x00759911, 0x0075a610, 0x0075e811, 0x0075f000, 0x00760011,
    0x00762800, 0x00763411, 0x00763800, 0x00764610, 0x00767000, 0x00768016, 0x0076d000, 0x0076e011,
    0x00770000, 0x00780011, 0x00780810, 0x0078c610, 0x0078d010, 0x00790016, 0x00795012, 0x0079a010,
    0x0079ae10, 0x0079b010, 0x0079be10, 0x0079c010, 0x0079ce10, 0x0079d010, 0x0079f210, 0x007a0011,
    0x007a4000, 0x007a4811, 0x007b6800, 0x007b8e10, 0x007bfa10, 0x007c0610, 0x007c2810, 0x007c3610,
    0x007c4011, 0x007c6e10, 0x007cc000, 0x007cce10, 0x007de800, 0x007df010, 0x007e3610, 0x007e3810,
    0x007e6800, 0x007e7010, 0x007ed800, 0x00800011, 0x00815a10, 0x00816e10, 0x00818a10, 0x00819610,
    0x0081c210, 0x0081ce10, 0x0081da10, 0x0081ee10, 0x0081f811, 0x00820016, 0x00825010, 0x00828011,
    0x0082b210, 0x0082c610, 0x0082d011, 0x0082f610, 0x00830811, 0x00831210, 0x00832811, 0x00833a10,
    0x00837011, 0x00838e10, 0x0083a811, 0x00841610, 0x00841a10, 0x00842e10, 0x00843a10, 0x00846e10,
    0x00847011, 0x00847a10, 0x00848016, 0x0084d210, 0x0084ee10, 0x0084f010, 0x00850011, 0x00863000,
    0x00863811, 0x00864000, 0x00866811, 0x00867000, 0x00868011, 0x0087d810, 0x0087e411, 0x0087e811,
    0x00924800, 0x00925011, 0x00927000, 0x00928011, 0x0092b800, 0x0092c011, 0x0092c800, 0x0092d011,
    0x0092f000, 0x00930011, 0x00944800, 0x00945011, 0x00947000, 0x00948011, 0x00958800, 0x00959011,
    0x0095b000, 0x0095c011, 0x0095f800, 0x00960011, 0x00960800, 0x00961011, 0x00963000, 0x00964011,
    0x0096b800, 0x0096c011, 0x00988800, 0x00989011, 0x0098b000, 0x0098c011, 0x009ad800, 0x009aee10,
    0x009b0010, 0x009b4a14, 0x009b9012, 0x009be800, 0x009c0011, 0x009c8010, 0x009cd000, 0x009d0011,
    0x009fb000, 0x009fc011, 0x009ff000, 0x00a00010, 0x00a00811, 0x00b36810, 0x00b37811, 0x00b40008,
    0x00b40811, 0x00b4d810, 0x00b4e800, 0x00b50011, 0x00b75810, 0x00b77312, 0x00b78811, 0x00b7c800,
    0x00b80011, 0x00b89610, 0x00b8aa10, 0x00b8b000, 0x00b8f811, 0x00b99610, 0x00b9a210, 0x00b9a810,
    0x00b9b800, 0x00ba0011, 0x00ba9610, 0x00baa000, 0x00bb0011, 0x00bb6800, 0x00bb7011, 0x00bb8800,
    0x00bb9610, 0x00bba000, 0x00bc0011, 0x00bda610, 0x00bdb210, 0x00bdbe10, 0x00bdf210, 0x00be3610,
    0x00be3a10, 0x00be4e10, 0x00bea010, 0x00bebc11, 0x00bec010, 0x00bee011, 0x00beee10, 0x00bef000,
    0x00bf0016, 0x00bf5000, 0x00bf8012, 0x00bfd000, 0x00c00010, 0x00c05e10, 0x00c07400, 0x00c07e10,
    0x00c08016, 0x00c0d000, 0x00c10011, 0x00c21c11, 0x00c22011, 0x00c3c800, 0x00c40011, 0x00c42f10,
    0x00c43811, 0x00c54e10, 0x00c55011, 0x00c55800, 0x00c58011, 0x00c7b000, 0x00c80011, 0x00c8f800,
    0x00c90610, 0x00c91a10, 0x00c93e10, 0x00c94a10, 0x00c96000, 0x00c98210, 0x00c99610, 0x00c99a10,
    0x00c9ce10, 0x00c9e000, 0x00ca0010, 0x00ca0800, 0x00ca2010, 0x00ca3016, 0x00ca8011, 0x00cb7000,
    0x00cb8011, 0x00cba800, 0x00cc0011, 0x00cd6000, 0x00cd8011, 0x00ce5000, 0x00ce8016, 0x00ced214,
    0x00ced800, 0x00cef010, 0x00d00011, 0x00d0be10, 0x00d0ca10, 0x00d0de10, 0x00d0e000, 0x00d0f010,
    0x00d10011, 0x00d2aa10, 0x00d2b610, 0x00d2ba10, 0x00d2c610, 0x00d2f800, 0x00d30610, 0x00d30a10,
    0x00d31610, 0x00d31a10, 0x00d32e10, 0x00d36a10, 0x00d39e10, 0x00d3e800, 0x00d3fe10, 0x00d40016,
    0x00d45000, 0x00d48016, 0x00d4d000, 0x00d50010, 0x00d53c11, 0x00d54010, 0x00d57000, 0x00d58610,
    0x00d5f410, 0x00d5fe10, 0x00d67800, 0x00d80610, 0x00d82210, 0x00d82811, 0x00d9a610, 0x00d9aa10,
    0x00d9b610, 0x00d9da10, 0x00d9e610, 0x00d9ea10, 0x00da1610, 0x00da1a10, 0x00da2811, 0x00da6800,
    0x00da8016, 0x00dad010, 0x00db5e10, 0x00dba010, 0x00dbf800, 0x00dc0610, 0x00dc1210, 0x00dc1811,
    0x00dd0a10, 0x00dd1610, 0x00dd3210, 0x00dd4610, 0x00dd5210, 0x00dd5e10, 0x00dd7011, 0x00dd8016,
    0x00ddd011, 0x00df3610, 0x00df3a10, 0x00df4610, 0x00df5210, 0x00df6e10, 0x00df7210, 0x00df7e10,
    0x00df9210, 0x00dfa000, 0x00dfe010, 0x00e00011, 0x00e12210, 0x00e16610, 0x00e1a210, 0x00e1b610,
    0x00e1c000, 0x00e1d810, 0x00e20016, 0x00e25000, 0x00e26811, 0x00e28016, 0x00e2d011, 0x00e3c411,
    0x00e3f010, 0x00e40011, 0x00e44800, 0x00e48011, 0x00e5d800, 0x00e5e811, 0x00e60010, 0x00e64000,
    0x00e68610, 0x00e69810, 0x00e6a610, 0x00e70a10, 0x00e71610, 0x00e74811, 0x00e76e10, 0x00e77011,
    0x00e7a610, 0x00e7a811, 0x00e7ba10, 0x00e7c610, 0x00e7d011, 0x00e7d800, 0x00e80031, 0x00e96431,
    0x00eb5831, 0x00ebc431, 0x00ebc811, 0x00ebd031, 0x00ebe811, 0x00ebf031, 0x00ec7011, 0x00ec7831,
    0x00ecdc31, 0x00ee0610, 0x00f00011, 0x00f4b031, 0x00f4d811, 0x00f4e031, 0x00f4f011, 0x00f4f831,
    0x00f50011, 0x00f8b000, 0x00f8c011, 0x00f8f000, 0x00f90011, 0x00fa3000, 0x00fa4011, 0x00fa7000,
    0x00fa8031, 0x00fa8811, 0x00fa9031, 0x00fa9811, 0x00faa031, 0x00faa811, 0x00fab031, 0x00fab811,
    0x00fac000, 0x00fac811, 0x00fad000, 0x00fad811, 0x00fae000, 0x00fae811, 0x00faf000, 0x00faf811,
    0x00fbf000, 0x00fc0031, 0x00fc40d1, 0x00fc8031, 0x00fcc0d1, 0x00fd0031, 0x00fd40d1, 0x00fd8011,
    0x00fd9031, 0x00fda800, 0x00fdb031, 0x00fdc011, 0x00fde0d1, 0x00fdec10, 0x00fdf011, 0x00fdfc10,
    0x00fe1031, 0x00fe2800, 0x00fe3031, 0x00fe4011, 0x00fe60d1, 0x00fe6c10, 0x00fe8011, 0x00fe9031,
    0x00fea000, 0x00feb031, 0x00fec011, 0x00fee000, 0x00feec10, 0x00ff0011, 0x00ff1031, 0x00ff2811,
    0x00ff3031, 0x00ff4011, 0x00ff6c10, 0x00ff8000, 0x00ff9031, 0x00ffa800, 0x00ffb031, 0x00ffc011,
    0x00ffe0d1, 0x00ffec10, 0x00fff800, 0x01000008, 0x01005c00, 0x01008010, 0x0100c410, 0x0100d010,
    0x01012410, 0x01012810, 0x01013c10, 0x01014008, 0x01015400, 0x01017808, 0x01018010, 0x0101fa10,
    0x01020810, 0x0102a210, 0x0102a810, 0x0102f808, 0x01030400, 0x01032800, 0x01033400, 0x01038014,
    0x01038c31, 0x01039000, 0x0103a014, 0x0103d010, 0x0103fc31, 0x01040014, 0x01045010, 0x01047800,
    0x01048431, 0x0104e800, 0x01050010, 0x01060800, 0x01068610, 0x0106ec10, 0x01070e10, 0x01071410,
    0x01072e10, 0x01078800, 0x01080010, 0x01081051, 0x01081810, 0x01083851, 0x01084010, 0x01085031,
    0x01085851, 0x01087031, 0x01088051, 0x01089831, 0x0108a010, 0x0108a851, 0x0108b010, 0x0108c310,
    0x0108c851, 0x0108f010, 0x01092051, 0x01092810, 0x01093011, 0x01093810, 0x01094051, 0x01094810,
    0x01095011, 0x01096051, 0x01097310, 0x01097831, 0x01098051, 0x01099011, 0x01099851, 0x0109a031,
    0x0109a811, 0x0109c831, 0x0109d010, 0x0109e031, 0x0109f051, 0x010a0010, 0x010a2851, 0x010a3031,
    0x010a5010, 0x010a7011, 0x010a7810, 0x010a8012, 0x010b0312, 0x010c1811, 0x010c2b12, 0x010c4812,
    0x010c5010, 0x010c6000, 0x010c8010, 0x01213800, 0x01220010, 0x01225800, 0x01230014, 0x01234812,
    0x0123a014, 0x0123e812, 0x01244014, 0x01248812, 0x0124e010, 0x01275014, 0x01275812, 0x0127a814,
    0x0127f012, 0x0127f814, 0x01280010, 0x013bb014, 0x013bf812, 0x013c0014, 0x013c4812, 0x013c5014,
    0x013c9812, 0x013ca010, 0x015ba000, 0x015bb010, 0x015cb000, 0x015cb810, 0x01600011, 0x01638831,
    0x01639011, 0x0163a031, 0x0163a811, 0x0163b831, 0x0163e431, 0x0163f011, 0x01672031, 0x01672810,
    0x01675811, 0x01677e10, 0x01679011, 0x0167a000, 0x0167c810, 0x0167e812, 0x0167f010, 0x01680011,
    0x01693000, 0x01693811, 0x01694000, 0x01696811, 0x01697000, 0x01698011, 0x016b4000, 0x016b7c11,
    0x016b8010, 0x016b8800, 0x016bfe10, 0x016c0011, 0x016cb800, 0x016d0011, 0x016d3800, 0x016d4011,
    0x016d7800, 0x016d8011, 0x016db800, 0x016dc011, 0x016df800, 0x016e0011, 0x016e3800, 0x016e4011,
    0x016e7800, 0x016e8011, 0x016eb800, 0x016ec011, 0x016ef800, 0x016f0610, 0x01700010, 0x01717f11,
    0x01718010, 0x0172f000, 0x01740010, 0x0174d000, 0x0174d810, 0x0177a000, 0x01780010, 0x017eb000,
    0x017f8010, 0x017fe000, 0x01800008, 0x01800810, 0x01802c11, 0x01803011, 0x01803b12, 0x01804010,
    0x01810b12, 0x01815610, 0x01817210, 0x01818010, 0x01818c11, 0x0181b010, 0x0181c312, 0x0181dc11,
    0x0181e011, 0x0181e810, 0x01820000, 0x01820811, 0x0184b800, 0x0184ce10, 0x0184dc10, 0x0184ec11,
    0x0184f811, 0x01850010, 0x01850811, 0x0187d810, 0x0187e411, 0x0187f811, 0x01880000, 0x01882811,
    0x01898000, 0x01898811, 0x018c7800, 0x018c8010, 0x018c9012, 0x018cb010, 0x018d0011, 0x018e0010,
    0x018f2000, 0x018f8011, 0x01900010, 0x0190f800, 0x01910012, 0x01915010, 0x01924012, 0x01928010,
    0x01928812, 0x01930010, 0x01940012, 0x01945010, 0x01958812, 0x01960010, 0x01a00011, 0x01a02813,
    0x01a03011, 0x01a41813, 0x01a42011, 0x01c15013, 0x01c15811, 0x01da6813, 0x01da7011, 0x026e0010,
    0x02700013, 0x02700811, 0x02701813, 0x02702011, 0x02703813, 0x02704011, 0x02704813, 0x02705011,
    0x0272e813, 0x0272f011, 0x02746013, 0x02746811, 0x0274a013, 0x0274a811, 0x0274b013, 0x0274b811,
    0x0275f813, 0x02760811, 0x0276f813, 0x02770011, 0x02774013, 0x02774811, 0x02786813, 0x02787011,
    0x027b8013, 0x027b8811, 0x02882013, 0x02882811, 0x028a3013, 0x028a3811, 0x028b4813, 0x028b5011,
    0x028b5813, 0x028b6011, 0x028b6813, 0x028b7011, 0x029a0813, 0x029a1011, 0x029a1813, 0x029a3011,
    0x029a6013, 0x029a6811, 0x029e0813, 0x029e2811, 0x02b6d813, 0x02b6e011, 0x02c78813, 0x02c79011,
    0x02c7c813, 0x02c7d011, 0x02f3d013, 0x02f3d811, 0x02f7f013, 0x02f80011, 0x02f86013, 0x02f87811,
    0x02f88013, 0x02f88811, 0x0317f013, 0x0317f811, 0x031a6013, 0x031a6811, 0x033e9013, 0x033e9811,
    0x03783013, 0x03783811, 0x039cb013, 0x039cb811, 0x03b3f013, 0x03b3f811, 0x04043013, 0x04043811,
    0x04216013, 0x04216811, 0x04657013, 0x04657811, 0x04659813, 0x0465a011, 0x04698013, 0x04698811,
    0x04b10813, 0x04b11011, 0x04b23013, 0x04b23811, 0x04b26013, 0x04b26811, 0x04b3c013, 0x04b3c811,
    0x04b7b013, 0x04b7b811, 0x0500ac11, 0x0500b011, 0x05246800, 0x05248010, 0x05263800, 0x05268011,
    0x0527c411, 0x0527f010, 0x05280011, 0x05306411, 0x05306810, 0x05308011, 0x05310016, 0x05315011,
    0x05316000, 0x05320011, 0x05337e10, 0x05338410, 0x05339810, 0x0533a610, 0x0533f010, 0x0533fc11,
    0x05340011, 0x0534e431, 0x0534f610, 0x05350011, 0x05373312, 0x05378610, 0x05379010, 0x0537c000,
    0x05380410, 0x0538bc11, 0x05390410, 0x05391011, 0x05398031, 0x05399011, 0x053b8431, 0x053b8831,
    0x053bc811, 0x053c4411, 0x053c4c10, 0x053c5811, 0x053c7031, 0x053c7811, 0x053ca831, 0x053cb011,
    0x053d7831, 0x053d8011, 0x053e5800, 0x053e8011, 0x053e9000, 0x053e9831, 0x053ea000, 0x053ea831,
    0x053eb011, 0x053ed000, 0x053f9411, 0x053fa811, 0x053fc431, 0x053fd031, 0x053fd811, 0x05401610,
    0x05401811, 0x05403610, 0x05403811, 0x05405e10, 0x05406011, 0x05411a10, 0x05412e10, 0x05413a10,
    0x05414010, 0x05416610, 0x05416800, 0x05418012, 0x0541b010, 0x0541d000, 0x05420011, 0x0543a010,
    0x0543c000, 0x05440210, 0x05441011, 0x0545a210, 0x05462610, 0x05463000, 0x05467010, 0x05468016,
    0x0546d000, 0x05470610, 0x05479011, 0x0547c010, 0x0547d811, 0x0547e010, 0x0547e811, 0x0547fe10,
    0x05480016, 0x05485011, 0x05493610, 0x05497010, 0x05498011, 0x054a3e10, 0x054a9210, 0x054aa000,
    0x054af810, 0x054b0011, 0x054be800, 0x054c0610, 0x054c1a10, 0x054c2011, 0x054d9e10, 0x054da210,
    0x054db610, 0x054dd210, 0x054de610, 0x054df210, 0x054e0810, 0x054e7000, 0x054e7c11, 0x054e8016,
    0x054ed000, 0x054ef010, 0x054f0011, 0x054f2e10, 0x054f3411, 0x054f3811, 0x054f8016, 0x054fd011,
    0x054ff800, 0x05500011, 0x05514e10, 0x05517a10, 0x05518e10, 0x05519a10, 0x0551ae10, 0x0551b800,
    0x05520011, 0x05521e10, 0x05522011, 0x05526610, 0x05526a10, 0x05527000, 0x05528016, 0x0552d000,
    0x0552e010, 0x05530011, 0x05538411, 0x05538811, 0x0553b810, 0x0553d011, 0x0553da10, 0x0553e610,
    0x0553ea10, 0x0553f011, 0x05558610, 0x05558811, 0x05559610, 0x0555a811, 0x0555be10, 0x0555c811,
    0x0555f610, 0x05560011, 0x05560e10, 0x05561011, 0x05561800, 0x0556d811, 0x0556ec11, 0x0556f010,
    0x05570011, 0x05575a10, 0x05576610, 0x05577210, 0x05578010, 0x05579011, 0x05579c11, 0x0557aa10,
    0x0557b610, 0x0557b800, 0x05580811, 0x05583800, 0x05584811, 0x05587800, 0x05588811, 0x0558b800,
    0x05590011, 0x05593800, 0x05594011, 0x05597800, 0x05598031, 0x055a9811, 0x055aa031, 0x055adc10,
    0x055ae431, 0x055b0031, 0x055b4c11, 0x055b5410, 0x055b6000, 0x055b8011, 0x055f1a10, 0x055f2e10,
    0x055f3210, 0x055f4610, 0x055f4a10, 0x055f5810, 0x055f6210, 0x055f6e10, 0x055f7000, 0x055f8016,
    0x055fd000, 0x05600011, 0x06bd2000, 0x06bd8011, 0x06be3800, 0x06be5811, 0x06bfe000, 0x07c80011,
    0x07cb5813, 0x07cb6011, 0x07cb9813, 0x07cba011, 0x07cbc013, 0x07cbc811, 0x07cd9013, 0x07cd9811,
    0x07ce8813, 0x07ce9011, 0x07ce9813, 0x07cea011, 0x07cfe813, 0x07cff011, 0x07d37000, 0x07d38011,
    0x07d6d000, 0x07d80031, 0x07d83800, 0x07d89831, 0x07d8c000, 0x07d8e811, 0x07d8f610, 0x07d8f811,
    0x07d94810, 0x07d95011, 0x07d9b800, 0x07d9c011, 0x07d9e800, 0x07d9f011, 0x07d9f800, 0x07da0011,
    0x07da1000, 0x07da1811, 0x07da2800, 0x07da3011, 0x07dd9410, 0x07de1800, 0x07de9811, 0x07e2f311,
    0x07e32011, 0x07e9f010, 0x07ea8011, 0x07ec8000, 0x07ec9011, 0x07ee4000, 0x07ee7810, 0x07ee8000,
    0x07ef8011, 0x07efd311, 0x07efe010, 0x07f00610, 0x07f08010, 0x07f09c10, 0x07f0a010, 0x07f0d000,
    0x07f10610, 0x07f18010, 0x07f19a10, 0x07f1a810, 0x07f26a10, 0x07f28010, 0x07f29410, 0x07f29800,
    0x07f2a010, 0x07f2ac10, 0x07f2b010, 0x07f33800, 0x07f34010, 0x07f36000, 0x07f38311, 0x07f38811,
    0x07f39311, 0x07f39811, 0x07f3a311, 0x07f3a800, 0x07f3b311, 0x07f3b811, 0x07f3c311, 0x07f3c811,
    0x07f3d311, 0x07f3d811, 0x07f3e311, 0x07f3e811, 0x07f3f311, 0x07f3f811, 0x07f7e800, 0x07f7fc00,
    0x07f80000, 0x07f80810, 0x07f83c10, 0x07f84010, 0x07f87410, 0x07f87810, 0x07f88016, 0x07f8d410,
    0x07f8d810, 0x07f90811, 0x07f9d810, 0x07f9f410, 0x07f9fa10, 0x07fa0410, 0x07fa0811, 0x07fad810,
    0x07fb3011, 0x07fb8411, 0x07fb8811, 0x07fcf511, 0x07fd0011, 0x07fdf800, 0x07fe1011, 0x07fe4000,
    0x07fe5011, 0x07fe8000, 0x07fe9011, 0x07fec000, 0x07fed011, 0x07fee800, 0x07ff0010, 0x07ff1c10,
    0x07ff2010, 0x07ff3800, 0x07ff4010, 0x07ff7800, 0x07ffcc00, 0x07ffe010, 0x07fff000, 0x08000011,
    0x08006000, 0x08006811, 0x08013800, 0x08014011, 0x0801d800, 0x0801e011, 0x0801f000, 0x0801f811,
    0x08027000, 0x08028011, 0x0802f000, 0x08040011, 0x0807d800, 0x08080010, 0x08081800, 0x08083812,
    0x0809a000, 0x0809b810, 0x080a0312, 0x080ba812, 0x080bc810, 0x080c5012, 0x080c6010, 0x080c7800,
    0x080c8010, 0x080ce800, 0x080d0010, 0x080d0800, 0x080e8010, 0x080fee10, 0x080ff000, 0x08140011,
    0x0814e800, 0x08150011, 0x08168800, 0x08170610, 0x08170812, 0x0817e000, 0x08180011, 0x08190012,
    0x08192000, 0x08196811, 0x081a0b12, 0x081a1011, 0x081a5312, 0x081a5800, 0x081a8011, 0x081bb610,
    0x081bd800, 0x081c0011, 0x081cf000, 0x081cf810, 0x081d0011, 0x081e2000, 0x081e4011, 0x081e8010,
    0x081e8b12, 0x081eb000, 0x08200011, 0x0824f000, 0x08250016, 0x08255000, 0x08258011, 0x0826a000,
    0x0826c011, 0x0827e000, 0x08280011, 0x08294000, 0x08298011, 0x082b2000, 0x082b7810, 0x082b8011,
    0x082bd800, 0x082be011, 0x082c5800, 0x082c6011, 0x082c9800, 0x082ca011, 0x082cb000, 0x082cb811,
    0x082d1000, 0x082d1811, 0x082d9000, 0x082d9811, 0x082dd000, 0x082dd811, 0x082de800, 0x08300011,
    0x0839b800, 0x083a0011, 0x083ab000, 0x083b0011, 0x083b4000, 0x083c0431, 0x083c0c11, 0x083c1c31,
    0x083c3000, 0x083c3c31, 0x083d8800, 0x083d9431, 0x083dd800, 0x08400011, 0x08403000, 0x08404011,
    0x08404800, 0x08405011, 0x0841b000, 0x0841b811, 0x0841c800, 0x0841e011, 0x0841e800, 0x0841f811,
    0x0842b000, 0x0842b810, 0x0842c012, 0x08430011, 0x0843b810, 0x0843c812, 0x08440011, 0x0844f800,
    0x08453812, 0x08458000, 0x08470011, 0x08479800, 0x0847a011, 0x0847b000, 0x0847d812, 0x08480011,
    0x0848b012, 0x0848e000, 0x0848f810, 0x08490011, 0x0849d000, 0x0849f810, 0x084a0000, 0x084c0011,
    0x084dc000, 0x084de012, 0x084df011, 0x084e0012, 0x084e8000, 0x084e9012, 0x08500011, 0x08500e10,
    0x08502000, 0x08502e10, 0x08503800, 0x08506610, 0x08508011, 0x0850a000, 0x0850a811, 0x0850c000,
    0x0850c811, 0x0851b000, 0x0851c610, 0x0851d800, 0x0851fe10, 0x08520014, 0x08522012, 0x08524800,
    0x08528010, 0x0852c800, 0x08530011, 0x0853e812, 0x0853f810, 0x08540011, 0x0854e812, 0x08550000,
    0x08560011, 0x08564010, 0x08564811, 0x08572e10, 0x08573800, 0x08575812, 0x08578010, 0x0857b800,
    0x08580011, 0x0859b000, 0x0859c810, 0x085a0011, 0x085ab000, 0x085ac012, 0x085b0011, 0x085b9800,
    0x085bc012, 0x085c0011, 0x085c9000, 0x085cc810, 0x085ce800, 0x085d4812, 0x085d8000, 0x08600011,
    0x08624800, 0x08640011, 0x08659800, 0x08660011, 0x08679800, 0x0867d012, 0x08680011, 0x08692610,
    0x08694000, 0x08698016, 0x0869d000, 0x08730014, 0x08734812, 0x0873f800, 0x08740011, 0x08755000,
    0x08755e10, 0x08756810, 0x08757000, 0x08758011, 0x08759000, 0x08780011, 0x0878e812, 0x08793811,
    0x08794000, 0x08798011, 0x087a3610, 0x087a8812, 0x087aa810, 0x087ad000, 0x087b8011, 0x087c1610,
    0x087c3010, 0x087c5000, 0x087d8011, 0x087e2812, 0x087e6000, 0x087f0011, 0x087fb800, 0x08800210,
    0x08800e10, 0x08801210, 0x08801811, 0x0881c610, 0x08823810, 0x08827000, 0x08829014, 0x0882d812,
    0x08833016, 0x08838610, 0x08838811, 0x08839e10, 0x0883a811, 0x0883b000, 0x0883fe10, 0x08841210,
    0x08841811, 0x08858210, 0x08859e10, 0x0885ba10, 0x0885ce10, 0x0885d810, 0x0885ec00, 0x0885f010,
    0x08861610, 0x08861800, 0x08866c00, 0x08867000, 0x08868011, 0x08874800, 0x08878016, 0x0887d000,
    0x08880610, 0x08881811, 0x08893e10, 0x08896210, 0x08896e10, 0x0889a800, 0x0889b016, 0x088a0010,
    0x088a2011, 0x088a2a10, 0x088a3811, 0x088a4000, 0x088a8011, 0x088b9e10, 0x088ba010, 0x088bb011,
    0x088bb800, 0x088c0610, 0x088c1210, 0x088c1811, 0x088d9a10, 0x088db610, 0x088dfa10, 0x088e0811,
    0x088e2810, 0x088e4e10, 0x088e6810, 0x088e7210, 0x088e7e10, 0x088e8016, 0x088ed011, 0x088ed810,
    0x088ee011, 0x088ee810, 0x088f0000, 0x088f0812, 0x088fa800, 0x08900011, 0x08909000, 0x08909811,
    0x08916210, 0x08917e10, 0x08919210, 0x0891a610, 0x0891aa10, 0x0891b610, 0x0891c010, 0x0891f610,
    0x0891f800, 0x08940011, 0x08943800, 0x08944011, 0x08944800, 0x08945011, 0x08947000, 0x08947811,
    0x0894f000, 0x0894f811, 0x08954810, 0x08955000, 0x08958011, 0x0896fe10, 0x08970210, 0x08971e10,
    0x08975800, 0x08978016, 0x0897d000, 0x08980610, 0x08981210, 0x08982000, 0x08982811, 0x08986800,
    0x08987811, 0x08988800, 0x08989811, 0x08994800, 0x08995011, 0x08998800, 0x08999011, 0x0899a000,
    0x0899a811, 0x0899d000, 0x0899de10, 0x0899e811, 0x0899f210, 0x089a0610, 0x089a0a10, 0x089a2800,
    0x089a3a10, 0x089a4800, 0x089a5a10, 0x089a7000, 0x089a8011, 0x089a8800, 0x089aba10, 0x089ac000,
    0x089ae811, 0x089b1210, 0x089b2000, 0x089b3610, 0x089b6800, 0x089b8610, 0x089ba800, 0x08a00011,
    0x08a1aa10, 0x08a1c610, 0x08a20210, 0x08a21610, 0x08a22a10, 0x08a23610, 0x08a23811, 0x08a25810,
    0x08a28016, 0x08a2d010, 0x08a2e000, 0x08a2e810, 0x08a2f610, 0x08a2f811, 0x08a31000, 0x08a40011,
    0x08a58210, 0x08a59e10, 0x08a5ca10, 0x08a5d610, 0x08a5da10, 0x08a5fe10, 0x08a60a10, 0x08a61610,
    0x08a62011, 0x08a63010, 0x08a63811, 0x08a64000, 0x08a68016, 0x08a6d000, 0x08ac0011, 0x08ad7a10,
    0x08ad9610, 0x08adb000, 0x08adc210, 0x08ade610, 0x08adf210, 0x08adfe10, 0x08ae0810, 0x08aec011,
    0x08aee610, 0x08aef000, 0x08b00011, 0x08b18210, 0x08b19e10, 0x08b1da10, 0x08b1ee10, 0x08b1f210,
    0x08b1fe10, 0x08b20810, 0x08b22011, 0x08b22800, 0x08b28016, 0x08b2d000, 0x08b30010, 0x08b36800,
    0x08b40011, 0x08b55e10, 0x08b56210, 0x08b56e10, 0x08b57210, 0x08b58610, 0x08b5b210, 0x08b5be10,
    0x08b5c011, 0x08b5c810, 0x08b5d000, 0x08b60016, 0x08b65000, 0x08b80011, 0x08b8d800, 0x08b8ee10,
    0x08b90210, 0x08b91610, 0x08b93210, 0x08b93e10, 0x08b96000, 0x08b98016, 0x08b9d012, 0x08b9e010,
    0x08ba0011, 0x08ba3800, 0x08c00011, 0x08c16210, 0x08c17e10, 0x08c1c210, 0x08c1ce10, 0x08c1d810,
    0x08c1e000, 0x08c50011, 0x08c70016, 0x08c75012, 0x08c79800, 0x08c7f811, 0x08c83800, 0x08c84811,
    0x08c85000, 0x08c86011, 0x08c8a000, 0x08c8a811, 0x08c8b800, 0x08c8c011, 0x08c98210, 0x08c9b000,
    0x08c9ba10, 0x08c9c800, 0x08c9de10, 0x08c9ea10, 0x08c9f610, 0x08c9f811, 0x08ca0210, 0x08ca0811,
    0x08ca1210, 0x08ca1e10, 0x08ca2010, 0x08ca3800, 0x08ca8016, 0x08cad000, 0x08cd0011, 0x08cd4000,
    0x08cd5011, 0x08ce8a10, 0x08cea610, 0x08cec000, 0x08ced610, 0x08cee210, 0x08cf0610, 0x08cf0811,
    0x08cf1010, 0x08cf1811, 0x08cf2210, 0x08cf2800, 0x08d00011, 0x08d00e10, 0x08d05811, 0x08d19e10,
    0x08d1ca10, 0x08d1d011, 0x08d1de10, 0x08d1f810, 0x08d23e10, 0x08d24000, 0x08d28011, 0x08d28e10,
    0x08d2ba10, 0x08d2ce10, 0x08d2e011, 0x08d45610, 0x08d4ba10, 0x08d4c610, 0x08d4d010, 0x08d4e811,
    0x08d4f010, 0x08d51800, 0x08d58011, 0x08d7c800, 0x08e00011, 0x08e04800, 0x08e05011, 0x08e17a10,
    0x08e18610, 0x08e1b800, 0x08e1c610, 0x08e1f210, 0x08e1fe10, 0x08e20011, 0x08e20810, 0x08e23000,
    0x08e28016, 0x08e2d012, 0x08e36800, 0x08e38010, 0x08e39011, 0x08e48000, 0x08e49610, 0x08e54000,
    0x08e54a10, 0x08e55610, 0x08e58a10, 0x08e59610, 0x08e5a210, 0x08e5ae10, 0x08e5b800, 0x08e80011,
    0x08e83800, 0x08e84011, 0x08e85000, 0x08e85811, 0x08e98e10, 0x08e9b800, 0x08e9d610, 0x08e9d800,
    0x08e9e610, 0x08e9f000, 0x08e9fe10, 0x08ea3011, 0x08ea3e10, 0x08ea4000, 0x08ea8016, 0x08ead000,
    0x08eb0011, 0x08eb3000, 0x08eb3811, 0x08eb4800, 0x08eb5011, 0x08ec5210, 0x08ec7800, 0x08ec8610,
    0x08ec9000, 0x08ec9a10, 0x08ecae10, 0x08ecb210, 0x08ecbe10, 0x08ecc011, 0x08ecc800, 0x08ed0016,
    0x08ed5000, 0x08f70011, 0x08f79e10, 0x08f7aa10, 0x08f7b810, 0x08f7c800, 0x08fd8011, 0x08fd8800,
    0x08fe0012, 0x08fea810, 0x08ff9000, 0x08fff810, 0x09000011, 0x091cd000, 0x09200312, 0x09237800,
    0x09238010, 0x0923a800, 0x09240011, 0x092a2000, 0x097c8011, 0x097f8810, 0x097f9800, 0x09800011,
    0x09a17800, 0x09a18400, 0x09a1c800, 0x0a200011, 0x0a323800, 0x0b400011, 0x0b51c800, 0x0b520011,
    0x0b52f800, 0x0b530016, 0x0b535000, 0x0b537010, 0x0b538011, 0x0b55f800, 0x0b560016, 0x0b565000,
    0x0b568011, 0x0b577000, 0x0b578610, 0x0b57a810, 0x0b57b000, 0x0b580011, 0x0b598610, 0x0b59b810,
    0x0b5a0411, 0x0b5a2010, 0x0b5a3000, 0x0b5a8016, 0x0b5ad000, 0x0b5ad812, 0x0b5b1000, 0x0b5b1811,
    0x0b5bc000, 0x0b5be811, 0x0b5c8000, 0x0b720011, 0x0b740012, 0x0b74b810, 0x0b74d800, 0x0b780011,
    0x0b7a5800, 0x0b7a7e10, 0x0b7a8011, 0x0b7a8a10, 0x0b7c4000, 0x0b7c7e10, 0x0b7c9c11, 0x0b7d0000,
    0x0b7f0411, 0x0b7f1010, 0x0b7f1c11, 0x0b7f2610, 0x0b7f2800, 0x0b7f8210, 0x0b7f9000, 0x0b800011,
    0x0c3fc000, 0x0c400011, 0x0c66b000, 0x0c680011, 0x0c684800, 0x0d7f8411, 0x0d7fa000, 0x0d7fac11,
    0x0d7fe000, 0x0d7fec11, 0x0d7ff800, 0x0d800011, 0x0d891800, 0x0d8a8011, 0x0d8a9800, 0x0d8b2011,
    0x0d8b4000, 0x0d8b8011, 0x0d97e000, 0x0de00011, 0x0de35800, 0x0de38011, 0x0de3e800, 0x0de40011,
    0x0de44800, 0x0de48011, 0x0de4d000, 0x0de4e010, 0x0de4ee10, 0x0de4f810, 0x0de50400, 0x0de52000,
    0x0e780610, 0x0e797000, 0x0e798610, 0x0e7a3800, 0x0e7a8010, 0x0e7e2000, 0x0e800010, 0x0e87b000,
    0x0e880010, 0x0e893800, 0x0e894810, 0x0e8b2a10, 0x0e8b3e10, 0x0e8b5010, 0x0e8b6a10, 0x0e8b9c00,
    0x0e8bde10, 0x0e8c1810, 0x0e8c2e10, 0x0e8c6010, 0x0e8d5610, 0x0e8d7010, 0x0e8f5800, 0x0e900010,
    0x0e921610, 0x0e922810, 0x0e923000, 0x0e970012, 0x0e97a000, 0x0e980010, 0x0e9ab800, 0x0e9b0012,
    0x0e9bc800, 0x0ea00051, 0x0ea0d031, 0x0ea1a051, 0x0ea27031, 0x0ea2a800, 0x0ea2b031, 0x0ea34051,
    0x0ea41031, 0x0ea4e051, 0x0ea4e800, 0x0ea4f051, 0x0ea50000, 0x0ea51051, 0x0ea51800, 0x0ea52851,
    0x0ea53800, 0x0ea54851, 0x0ea56800, 0x0ea57051, 0x0ea5b031, 0x0ea5d000, 0x0ea5d831, 0x0ea5e000,
    0x0ea5e831, 0x0ea62000, 0x0ea62831, 0x0ea68051, 0x0ea75031, 0x0ea82051, 0x0ea83000, 0x0ea83851,
    0x0ea85800, 0x0ea86851, 0x0ea8a800, 0x0ea8b051, 0x0ea8e800, 0x0ea8f031, 0x0ea9c051, 0x0ea9d000,
    0x0ea9d851, 0x0ea9f800, 0x0eaa0051, 0x0eaa2800, 0x0eaa3051, 0x0eaa3800, 0x0eaa5051, 0x0eaa8800,
    0x0eaa9031, 0x0eab6051, 0x0eac3031, 0x0ead0051, 0x0eadd031, 0x0eaea051, 0x0eaf7031, 0x0eb04051,
    0x0eb11031, 0x0eb1e051, 0x0eb2b031, 0x0eb38051, 0x0eb45031, 0x0eb53000, 0x0eb54051, 0x0eb60810,
    0x0eb61031, 0x0eb6d810, 0x0eb6e031, 0x0eb71051, 0x0eb7d810, 0x0eb7e031, 0x0eb8a810, 0x0eb8b031,
    0x0eb8e051, 0x0eb9a810, 0x0eb9b031, 0x0eba7810, 0x0eba8031, 0x0ebab051, 0x0ebb7810, 0x0ebb8031,
    0x0ebc4810, 0x0ebc5031, 0x0ebc8051, 0x0ebd4810, 0x0ebd5031, 0x0ebe1810, 0x0ebe2031, 0x0ebe5051,
    0x0ebe5831, 0x0ebe6000, 0x0ebe7016, 0x0ec00010, 0x0ed00610, 0x0ed1b810, 0x0ed1de10, 0x0ed36810,
    0x0ed3ae10, 0x0ed3b010, 0x0ed42610, 0x0ed42810, 0x0ed46000, 0x0ed4de10, 0x0ed50000, 0x0ed50e10,
    0x0ed58000, 0x0ef80031, 0x0ef85011, 0x0ef85831, 0x0ef8f800, 0x0f000610, 0x0f003800, 0x0f004610,
    0x0f00c800, 0x0f00de10, 0x0f011000, 0x0f011e10, 0x0f012800, 0x0f013610, 0x0f015800, 0x0f080011,
    0x0f096800, 0x0f098610, 0x0f09bc11, 0x0f09f000, 0x0f0a0016, 0x0f0a5000, 0x0f0a7011, 0x0f0a7810,
    0x0f0a8000, 0x0f148011, 0x0f157610, 0x0f157800, 0x0f160011, 0x0f176610, 0x0f178016, 0x0f17d000,
    0x0f17f810, 0x0f180000, 0x0f3f0011, 0x0f3f3800, 0x0f3f4011, 0x0f3f6000, 0x0f3f6811, 0x0f3f7800,
    0x0f3f8011, 0x0f3ff800, 0x0f400011, 0x0f462800, 0x0f463812, 0x0f468610, 0x0f46b800, 0x0f480011,
    0x0f4a2610, 0x0f4a5c11, 0x0f4a6000, 0x0f4a8016, 0x0f4ad000, 0x0f4af010, 0x0f4b0000, 0x0f638812,
    0x0f656010, 0x0f656812, 0x0f658010, 0x0f658812, 0x0f65a800, 0x0f680812, 0x0f697010, 0x0f697812,
    0x0f69f000, 0x0f700011, 0x0f702000, 0x0f702811, 0x0f710000, 0x0f710811, 0x0f711800, 0x0f712011,
    0x0f712800, 0x0f713811, 0x0f714000, 0x0f714811, 0x0f719800, 0x0f71a011, 0x0f71c000, 0x0f71c811,
    0x0f71d000, 0x0f71d811, 0x0f71e000, 0x0f721011, 0x0f721800, 0x0f723811, 0x0f724000, 0x0f724811,
    0x0f725000, 0x0f725811, 0x0f726000, 0x0f726811, 0x0f728000, 0x0f728811, 0x0f729800, 0x0f72a011,
    0x0f72a800, 0x0f72b811, 0x0f72c000, 0x0f72c811, 0x0f72d000, 0x0f72d811, 0x0f72e000, 0x0f72e811,
    0x0f72f000, 0x0f72f811, 0x0f730000, 0x0f730811, 0x0f731800, 0x0f732011, 0x0f732800, 0x0f733811,
    0x0f735800, 0x0f736011, 0x0f739800, 0x0f73a011, 0x0f73c000, 0x0f73c811, 0x0f73e800, 0x0f73f011,
    0x0f73f800, 0x0f740011, 0x0f745000, 0x0f745811, 0x0f74e000, 0x0f750811, 0x0f752000, 0x0f752811,
    0x0f755000, 0x0f755811, 0x0f75e000, 0x0f778010, 0x0f779000, 0x0f800010, 0x0f816000, 0x0f818010,
    0x0f84a000, 0x0f850010, 0x0f857800, 0x0f858810, 0x0f860000, 0x0f860810, 0x0f868000, 0x0f868810,
    0x0f87b000, 0x0f880014, 0x0f885812, 0x0f886810, 0x0f898050, 0x0f8a5010, 0x0f8a8050, 0x0f8b5010,
    0x0f8b8050, 0x0f8c5010, 0x0f8d7000, 0x0f8f3010, 0x0f901800, 0x0f908010, 0x0f91e000, 0x0f920010,
    0x0f924800, 0x0f928010, 0x0f929000, 0x0f930010, 0x0f933000, 0x0f980010, 0x0f9fdc10, 0x0fa00010,
    0x0fb6c000, 0x0fb6e810, 0x0fb76800, 0x0fb78010, 0x0fb7e800, 0x0fb80010, 0x0fbba000, 0x0fbc0010,
    0x0fbec800, 0x0fbf0010, 0x0fbf6000, 0x0fbf8010, 0x0fbf8800, 0x0fc00010, 0x0fc06000, 0x0fc08010,
    0x0fc24000, 0x0fc28010, 0x0fc2d000, 0x0fc30010, 0x0fc44000, 0x0fc48010, 0x0fc57000, 0x0fc58010,
    0x0fc59000, 0x0fc80010, 0x0fd2a000, 0x0fd30010, 0x0fd37000, 0x0fd38010, 0x0fd3a800, 0x0fd3c010,
    0x0fd3e800, 0x0fd40010, 0x0fd43800, 0x0fd48010, 0x0fd56800, 0x0fd58010, 0x0fd5d800, 0x0fd60010,
    0x0fd63000, 0x0fd68010, 0x0fd6d000, 0x0fd70010, 0x0fd74000, 0x0fd78010, 0x0fd7b800, 0x0fd80010,
    0x0fdc9800, 0x0fdca010, 0x0fde5800, 0x0fdf8016, 0x0fdfd000, 0x10000011, 0x10000813, 0x10001011,
    0x10032013, 0x10032811, 0x10071013, 0x10071811, 0x10090813, 0x10091011, 0x10495013, 0x10495811,
    0x104c1813, 0x104c2011, 0x104c6013, 0x104c6811, 0x104ce013, 0x104ce811, 0x10575013, 0x10575811,
    0x1057e813, 0x1057f011, 0x1058c813, 0x1058d011, 0x111c8013, 0x111c8811, 0x114cc013, 0x114cc811,
    0x11d8d813, 0x11d8e011, 0x13136813, 0x13137011, 0x15370000, 0x15380011, 0x15b9c800, 0x15ba0011,
    0x15c0f000, 0x15c10011, 0x16751000, 0x16758011, 0x175f0800, 0x17c00011, 0x17c48013, 0x17c48811,
    0x17d0f000, 0x18000011, 0x189a5800, 0x70000c00, 0x70001000, 0x70010400, 0x70040000, 0x70080610,
    0x700f8000,
};
/* 321 runs {start, length, alternating pairs, lower delta, upper delta} */
static const CaseRun case_runs[321] = {
    {0x00041, 26, 0, 32, 0}, {0x00061, 26, 0, 0, -32}, {0x000b5, 1, 0, 0, 743},
    {0x000c0, 23, 0, 32, 0}, {0x000d8, 7, 0, 32, 0}, {0x000e0, 23, 0, 0, -32},
    {0x000f8, 7, 0, 0, -32}, {0x000ff, 1, 0, 0, 121}, {0x00100, 48, 1, 0, 0},
    {0x00131, 1, 0, 0, -232}, {0x00132, 6, 1, 0, 0}, {0x00139, 16, 1, 0, 0},
    {0x0014a, 46, 1, 0, 0}, {0x00178, 1, 0, -121, 0}, {0x00179, 6, 1, 0, 0},
    {0x0017f, 1, 0, 0, -300}, {0x00180, 1, 0, 0, 195}, {0x00181, 1, 0, 210, 0},
    {0x00182, 4, 1, 0, 0}, {0x00186, 1, 0, 206, 0}, {0x00187, 2, 1, 0, 0},
    {0x00189, 2, 0, 205, 0}, {0x0018b, 2, 1, 0, 0}, {0x0018e, 1, 0, 79, 0},
    {0x0018f, 1, 0, 202, 0}, {0x00190, 1, 0, 203, 0}, {0x00191, 2, 1, 0, 0},
    {0x00193, 1, 0, 205, 0}, {0x00194, 1, 0, 207, 0}, {0x00195, 1, 0, 0, 97},
    {0x00196, 1, 0, 211, 0}, {0x00197, 1, 0, 209, 0}, {0x00198, 2, 1, 0, 0},
    {0x0019a, 1, 0, 0, 163}, {0x0019c, 1, 0, 211, 0}, {0x0019d, 1, 0, 213, 0},
    {0x0019e, 1, 0, 0, 130}, {0x0019f, 1, 0, 214, 0}, {0x001a0, 6, 1, 0, 0},
    {0x001a6, 1, 0, 218, 0}, {0x001a7, 2, 1, 0, 0}, {0x001a9, 1, 0, 218, 0},
    {0x001ac, 2, 1, 0, 0}, {0x001ae, 1, 0, 218, 0}, {0x001af, 2, 1, 0, 0},
    {0x001b1, 2, 0, 217, 0}, {0x001b3, 4, 1, 0, 0}, {0x001b7, 1, 0, 219, 0},
    {0x001b8, 2, 1, 0, 0}, {0x001bc, 2, 1, 0, 0}, {0x001bf, 1, 0, 0, 56},
    {0x001c4, 1, 0, 2, 0}, {0x001c5, 1, 0, 1, -1}, {0x001c6, 1, 0, 0, -2},
    {0x001c7, 1, 0, 2, 0}, {0x001c8, 1, 0, 1, -1}, {0x001c9, 1, 0, 0, -2},
    {0x001ca, 1, 0, 2, 0}, {0x001cb, 1, 0, 1, -1}, {0x001cc, 1, 0, 0, -2},
    {0x001cd, 16, 1, 0, 0}, {0x001dd, 1, 0, 0, -79}, {0x001de, 18, 1, 0, 0},
    {0x001f1, 1, 0, 2, 0}, {0x001f2, 1, 0, 1, -1}, {0x001f3, 1, 0, 0, -2},
    {0x001f4, 2, 1, 0, 0}, {0x001f6, 1, 0, -97, 0}, {0x001f7, 1, 0, -56, 0},
    {0x001f8, 40, 1, 0, 0}, {0x00220, 1, 0, -130, 0}, {0x00222, 18, 1, 0, 0},
    {0x0023a, 1, 0, 10795, 0}, {0x0023b, 2, 1, 0, 0}, {0x0023d, 1, 0, -163, 0},
    {0x0023e, 1, 0, 10792, 0}, {0x0023f, 2, 0, 0, 10815}, {0x00241, 2, 1, 0, 0},
    {0x00243, 1, 0, -195, 0}, {0x00244, 1, 0, 69, 0}, {0x00245, 1, 0, 71, 0},
    {0x00246, 10, 1, 0, 0}, {0x00250, 1, 0, 0, 10783}, {0x00251, 1, 0, 0, 10780},
    {0x00252, 1, 0, 0, 10782}, {0x00253, 1, 0, 0, -210}, {0x00254, 1, 0, 0, -206},
    {0x00256, 2, 0, 0, -205}, {0x00259, 1, 0, 0, -202}, {0x0025b, 1, 0, 0, -203},
    {0x0025c, 1, 0, 0, 42319}, {0x00260, 1, 0, 0, -205}, {0x00261, 1, 0, 0, 42315},
    {0x00263, 1, 0, 0, -207}, {0x00265, 1, 0, 0, 42280}, {0x00266, 1, 0, 0, 42308},
    {0x00268, 1, 0, 0, -209}, {0x00269, 1, 0, 0, -211}, {0x0026a, 1, 0, 0, 42308},
    {0x0026b, 1, 0, 0, 10743}, {0x0026c, 1, 0, 0, 42305}, {0x0026f, 1, 0, 0, -211},
    {0x00271, 1, 0, 0, 10749}, {0x00272, 1, 0, 0, -213}, {0x00275, 1, 0, 0, -214},
    {0x0027d, 1, 0, 0, 10727}, {0x00280, 1, 0, 0, -218}, {0x00282, 1, 0, 0, 42307},
    {0x00283, 1, 0, 0, -218}, {0x00287, 1, 0, 0, 42282}, {0x00288, 1, 0, 0, -218},
    {0x00289, 1, 0, 0, -69}, {0x0028a, 2, 0, 0, -217}, {0x0028c, 1, 0, 0, -71},
    {0x00292, 1, 0, 0, -219}, {0x0029d, 1, 0, 0, 42261}, {0x0029e, 1, 0, 0, 42258},
    {0x00345, 1, 0, 0, 84}, {0x00370, 4, 1, 0, 0}, {0x00376, 2, 1, 0, 0},
    {0x0037b, 3, 0, 0, 130}, {0x0037f, 1, 0, 116, 0}, {0x00386, 1, 0, 38, 0},
    {0x00388, 3, 0, 37, 0}, {0x0038c, 1, 0, 64, 0}, {0x0038e, 2, 0, 63, 0},
    {0x00391, 17, 0, 32, 0}, {0x003a3, 9, 0, 32, 0}, {0x003ac, 1, 0, 0, -38},
    {0x003ad, 3, 0, 0, -37}, {0x003b1, 17, 0, 0, -32}, {0x003c2, 1, 0, 0, -31},
    {0x003c3, 9, 0, 0, -32}, {0x003cc, 1, 0, 0, -64}, {0x003cd, 2, 0, 0, -63},
    {0x003cf, 1, 0, 8, 0}, {0x003d0, 1, 0, 0, -62}, {0x003d1, 1, 0, 0, -57},
    {0x003d5, 1, 0, 0, -47}, {0x003d6, 1, 0, 0, -54}, {0x003d7, 1, 0, 0, -8},
    {0x003d8, 24, 1, 0, 0}, {0x003f0, 1, 0, 0, -86}, {0x003f1, 1, 0, 0, -80},
    {0x003f2, 1, 0, 0, 7}, {0x003f3, 1, 0, 0, -116}, {0x003f4, 1, 0, -60, 0},
    {0x003f5, 1, 0, 0, -96}, {0x003f7, 2, 1, 0, 0}, {0x003f9, 1, 0, -7, 0},
    {0x003fa, 2, 1, 0, 0}, {0x003fd, 3, 0, -130, 0}, {0x00400, 16, 0, 80, 0},
    {0x00410, 32, 0, 32, 0}, {0x00430, 32, 0, 0, -32}, {0x00450, 16, 0, 0, -80},
    {0x00460, 34, 1, 0, 0}, {0x0048a, 54, 1, 0, 0}, {0x004c0, 1, 0, 15, 0},
    {0x004c1, 14, 1, 0, 0}, {0x004cf, 1, 0, 0, -15}, {0x004d0, 96, 1, 0, 0},
    {0x00531, 38, 0, 48, 0}, {0x00561, 38, 0, 0, -48}, {0x010a0, 38, 0, 7264, 0},
    {0x010c7, 1, 0, 7264, 0}, {0x010cd, 1, 0, 7264, 0}, {0x010d0, 43, 0, 0, 3008},
    {0x010fd, 3, 0, 0, 3008}, {0x013a0, 80, 0, 38864, 0}, {0x013f0, 6, 0, 8, 0},
    {0x013f8, 6, 0, 0, -8}, {0x01c80, 1, 0, 0, -6254}, {0x01c81, 1, 0, 0, -6253},
    {0x01c82, 1, 0, 0, -6244}, {0x01c83, 2, 0, 0, -6242}, {0x01c85, 1, 0, 0, -6243},
    {0x01c86, 1, 0, 0, -6236}, {0x01c87, 1, 0, 0, -6181}, {0x01c88, 1, 0, 0, 35266},
    {0x01c90, 43, 0, -3008, 0}, {0x01cbd, 3, 0, -3008, 0}, {0x01d79, 1, 0, 0, 35332},
    {0x01d7d, 1, 0, 0, 3814}, {0x01d8e, 1, 0, 0, 35384}, {0x01e00, 150, 1, 0, 0},
    {0x01e9b, 1, 0, 0, -59}, {0x01e9e, 1, 0, -7615, 0}, {0x01ea0, 96, 1, 0, 0},
    {0x01f00, 8, 0, 0, 8}, {0x01f08, 8, 0, -8, 0}, {0x01f10, 6, 0, 0, 8},
    {0x01f18, 6, 0, -8, 0}, {0x01f20, 8, 0, 0, 8}, {0x01f28, 8, 0, -8, 0},
    {0x01f30, 8, 0, 0, 8}, {0x01f38, 8, 0, -8, 0}, {0x01f40, 6, 0, 0, 8},
    {0x01f48, 6, 0, -8, 0}, {0x01f51, 1, 0, 0, 8}, {0x01f53, 1, 0, 0, 8},
    {0x01f55, 1, 0, 0, 8}, {0x01f57, 1, 0, 0, 8}, {0x01f59, 1, 0, -8, 0},
    {0x01f5b, 1, 0, -8, 0}, {0x01f5d, 1, 0, -8, 0}, {0x01f5f, 1, 0, -8, 0},
    {0x01f60, 8, 0, 0, 8}, {0x01f68, 8, 0, -8, 0}, {0x01f70, 2, 0, 0, 74},
    {0x01f72, 4, 0, 0, 86}, {0x01f76, 2, 0, 0, 100}, {0x01f78, 2, 0, 0, 128},
    {0x01f7a, 2, 0, 0, 112}, {0x01f7c, 2, 0, 0, 126}, {0x01f88, 8, 0, -8, 0},
    {0x01f98, 8, 0, -8, 0}, {0x01fa8, 8, 0, -8, 0}, {0x01fb0, 2, 0, 0, 8},
    {0x01fb8, 2, 0, -8, 0}, {0x01fba, 2, 0, -74, 0}, {0x01fbc, 1, 0, -9, 0},
    {0x01fbe, 1, 0, 0, -7205}, {0x01fc8, 4, 0, -86, 0}, {0x01fcc, 1, 0, -9, 0},
    {0x01fd0, 2, 0, 0, 8}, {0x01fd8, 2, 0, -8, 0}, {0x01fda, 2, 0, -100, 0},
    {0x01fe0, 2, 0, 0, 8}, {0x01fe5, 1, 0, 0, 7}, {0x01fe8, 2, 0, -8, 0},
    {0x01fea, 2, 0, -112, 0}, {0x01fec, 1, 0, -7, 0}, {0x01ff8, 2, 0, -128, 0},
    {0x01ffa, 2, 0, -126, 0}, {0x01ffc, 1, 0, -9, 0}, {0x02126, 1, 0, -7517, 0},
    {0x0212a, 1, 0, -8383, 0}, {0x0212b, 1, 0, -8262, 0}, {0x02132, 1, 0, 28, 0},
    {0x0214e, 1, 0, 0, -28}, {0x02160, 16, 0, 16, 0}, {0x02170, 16, 0, 0, -16},
    {0x02183, 2, 1, 0, 0}, {0x024b6, 26, 0, 26, 0}, {0x024d0, 26, 0, 0, -26},
    {0x02c00, 48, 0, 48, 0}, {0x02c30, 48, 0, 0, -48}, {0x02c60, 2, 1, 0, 0},
    {0x02c62, 1, 0, -10743, 0}, {0x02c63, 1, 0, -3814, 0}, {0x02c64, 1, 0, -10727, 0},
    {0x02c65, 1, 0, 0, -10795}, {0x02c66, 1, 0, 0, -10792}, {0x02c67, 6, 1, 0, 0},
    {0x02c6d, 1, 0, -10780, 0}, {0x02c6e, 1, 0, -10749, 0}, {0x02c6f, 1, 0, -10783, 0},
    {0x02c70, 1, 0, -10782, 0}, {0x02c72, 2, 1, 0, 0}, {0x02c75, 2, 1, 0, 0},
    {0x02c7e, 2, 0, -10815, 0}, {0x02c80, 100, 1, 0, 0}, {0x02ceb, 4, 1, 0, 0},
    {0x02cf2, 2, 1, 0, 0}, {0x02d00, 38, 0, 0, -7264}, {0x02d27, 1, 0, 0, -7264},
    {0x02d2d, 1, 0, 0, -7264}, {0x0a640, 46, 1, 0, 0}, {0x0a680, 28, 1, 0, 0},
    {0x0a722, 14, 1, 0, 0}, {0x0a732, 62, 1, 0, 0}, {0x0a779, 4, 1, 0, 0},
    {0x0a77d, 1, 0, -35332, 0}, {0x0a77e, 10, 1, 0, 0}, {0x0a78b, 2, 1, 0, 0},
    {0x0a78d, 1, 0, -42280, 0}, {0x0a790, 4, 1, 0, 0}, {0x0a794, 1, 0, 0, 48},
    {0x0a796, 20, 1, 0, 0}, {0x0a7aa, 1, 0, -42308, 0}, {0x0a7ab, 1, 0, -42319, 0},
    {0x0a7ac, 1, 0, -42315, 0}, {0x0a7ad, 1, 0, -42305, 0}, {0x0a7ae, 1, 0, -42308, 0},
    {0x0a7b0, 1, 0, -42258, 0}, {0x0a7b1, 1, 0, -42282, 0}, {0x0a7b2, 1, 0, -42261, 0},
    {0x0a7b3, 1, 0, 928, 0}, {0x0a7b4, 16, 1, 0, 0}, {0x0a7c4, 1, 0, -48, 0},
    {0x0a7c5, 1, 0, -42307, 0}, {0x0a7c6, 1, 0, -35384, 0}, {0x0a7c7, 4, 1, 0, 0},
    {0x0a7d0, 2, 1, 0, 0}, {0x0a7d6, 4, 1, 0, 0}, {0x0a7f5, 2, 1, 0, 0},
    {0x0ab53, 1, 0, 0, -928}, {0x0ab70, 80, 0, 0, -38864}, {0x0ff21, 26, 0, 32, 0},
    {0x0ff41, 26, 0, 0, -32}, {0x10400, 40, 0, 40, 0}, {0x10428, 40, 0, 0, -40},
    {0x104b0, 36, 0, 40, 0}, {0x104d8, 36, 0, 0, -40}, {0x10570, 11, 0, 39, 0},
    {0x1057c, 15, 0, 39, 0}, {0x1058c, 7, 0, 39, 0}, {0x10594, 2, 0, 39, 0},
    {0x10597, 11, 0, 0, -39}, {0x105a3, 15, 0, 0, -39}, {0x105b3, 7, 0, 0, -39},
    {0x105bb, 2, 0, 0, -39}, {0x10c80, 51, 0, 64, 0}, {0x10cc0, 51, 0, 0, -64},
    {0x118a0, 32, 0, 32, 0}, {0x118c0, 32, 0, 0, -32}, {0x16e40, 32, 0, 32, 0},
    {0x16e60, 32, 0, 0, -32}, {0x1e900, 34, 0, 34, 0}, {0x1e922, 34, 0, 0, -34},
};
/* 534 full mappings that differ from the simple ones, sorted by code point */
static const CaseSpecial case_special[534] = {
    {0x000b5, 'F', 1, {0x3bc, 0x0, 0x0}}, {0x000df, 'U', 2, {0x53, 0x53, 0x0}},
    {0x000df, 'T', 2, {0x53, 0x73, 0x0}}, {0x000df, 'F', 2, {0x73, 0x73, 0x0}},
    {0x00130, 'L', 2, {0x69, 0x307, 0x0}}, {0x00130, 'F', 2, {0x69, 0x307, 0x0}},
    {0x00149, 'U', 2, {0x2bc, 0x4e, 0x0}}, {0x00149, 'T', 2, {0x2bc, 0x4e, 0x0}},
    {0x00149, 'F', 2, {0x2bc, 0x6e, 0x0}}, {0x0017f, 'F', 1, {0x73, 0x0, 0x0}},
    {0x001c4, 'T', 1, {0x1c5, 0x0, 0x0}}, {0x001c5, 'T', 1, {0x1c5, 0x0, 0x0}},
    {0x001c6, 'T', 1, {0x1c5, 0x0, 0x0}}, {0x001c7, 'T', 1, {0x1c8, 0x0, 0x0}},
    {0x001c8, 'T', 1, {0x1c8, 0x0, 0x0}}, {0x001c9, 'T', 1, {0x1c8, 0x0, 0x0}},
    {0x001ca, 'T', 1, {0x1cb, 0x0, 0x0}}, {0x001cb, 'T', 1, {0x1cb, 0x0, 0x0}},
    {0x001cc, 'T', 1, {0x1cb, 0x0, 0x0}}, {0x001f0, 'U', 2, {0x4a, 0x30c, 0x0}},
    {0x001f0, 'T', 2, {0x4a, 0x30c, 0x0}}, {0x001f0, 'F', 2, {0x6a, 0x30c, 0x0}},
    {0x001f1, 'T', 1, {0x1f2, 0x0, 0x0}}, {0x001f2, 'T', 1, {0x1f2, 0x0, 0x0}},
    {0x001f3, 'T', 1, {0x1f2, 0x0, 0x0}}, {0x00345, 'F', 1, {0x3b9, 0x0, 0x0}},
    {0x00390, 'U', 3, {0x399, 0x308, 0x301}}, {0x00390, 'T', 3, {0x399, 0x308, 0x301}},
    {0x00390, 'F', 3, {0x3b9, 0x308, 0x301}}, {0x003b0, 'U', 3, {0x3a5, 0x308, 0x301}},
    {0x003b0, 'T', 3, {0x3a5, 0x308, 0x301}}, {0x003b0, 'F', 3, {0x3c5, 0x308, 0x301}},
    {0x003c2, 'F', 1, {0x3c3, 0x0, 0x0}}, {0x003d0, 'F', 1, {0x3b2, 0x0, 0x0}},
    {0x003d1, 'F', 1, {0x3b8, 0x0, 0x0}}, {0x003d5, 'F', 1, {0x3c6, 0x0, 0x0}},
    {0x003d6, 'F', 1, {0x3c0, 0x0, 0x0}}, {0x003f0, 'F', 1, {0x3ba, 0x0, 0x0}},
    {0x003f1, 'F', 1, {0x3c1, 0x0, 0x0}}, {0x003f5, 'F', 1, {0x3b5, 0x0, 0x0}},
    {0x00587, 'U', 2, {0x535, 0x552, 0x0}}, {0x00587, 'T', 2, {0x535, 0x582, 0x0}},
    {0x00587, 'F', 2, {0x565, 0x582, 0x0}}, {0x010d0, 'T', 1, {0x10d0, 0x0, 0x0}},
    {0x010d1, 'T', 1, {0x10d1, 0x0, 0x0}}, {0x010d2, 'T', 1, {0x10d2, 0x0, 0x0}},
    {0x010d3, 'T', 1, {0x10d3, 0x0, 0x0}}, {0x010d4, 'T', 1, {0x10d4, 0x0, 0x0}},
    {0x010d5, 'T', 1, {0x10d5, 0x0, 0x0}}, {0x010d6, 'T', 1, {0x10d6, 0x0, 0x0}},
    {0x010d7, 'T', 1, {0x10d7, 0x0, 0x0}}, {0x010d8, 'T', 1, {0x10d8, 0x0, 0x0}},
    {0x010d9, 'T', 1, {0x10d9, 0x0, 0x0}}, {0x010da, 'T', 1, {0x10da, 0x0, 0x0}},
    {0x010db, 'T', 1, {0x10db, 0x0, 0x0}}, {0x010dc, 'T', 1, {0x10dc, 0x0, 0x0}},
    {0x010dd, 'T', 1, {0x10dd, 0x0, 0x0}}, {0x010de, 'T', 1, {0x10de, 0x0, 0x0}},
    {0x010df, 'T', 1, {0x10df, 0x0, 0x0}}, {0x010e0, 'T', 1, {0x10e0, 0x0, 0x0}},
    {0x010e1, 'T', 1, {0x10e1, 0x0, 0x0}}, {0x010e2, 'T', 1, {0x10e2, 0x0, 0x0}},
    {0x010e3, 'T', 1, {0x10e3, 0x0, 0x0}}, {0x010e4, 'T', 1, {0x10e4, 0x0, 0x0}},
    {0x010e5, 'T', 1, {0x10e5, 0x0, 0x0}}, {0x010e6, 'T', 1, {0x10e6, 0x0, 0x0}},
    {0x010e7, 'T', 1, {0x10e7, 0x0, 0x0}}, {0x010e8, 'T', 1, {0x10e8, 0x0, 0x0}},
    {0x010e9, 'T', 1, {0x10e9, 0x0, 0x0}}, {0x010ea, 'T', 1, {0x10ea, 0x0, 0x0}},
    {0x010eb, 'T', 1, {0x10eb, 0x0, 0x0}}, {0x010ec, 'T', 1, {0x10ec, 0x0, 0x0}},
    {0x010ed, 'T', 1, {0x10ed, 0x0, 0x0}}, {0x010ee, 'T', 1, {0x10ee, 0x0, 0x0}},
    {0x010ef, 'T', 1, {0x10ef, 0x0, 0x0}}, {0x010f0, 'T', 1, {0x10f0, 0x0, 0x0}},
    {0x010f1, 'T', 1, {0x10f1, 0x0, 0x0}}, {0x010f2, 'T', 1, {0x10f2, 0x0, 0x0}},
    {0x010f3, 'T', 1, {0x10f3, 0x0, 0x0}}, {0x010f4, 'T', 1, {0x10f4, 0x0, 0x0}},
    {0x010f5, 'T', 1, {0x10f5, 0x0, 0x0}}, {0x010f6, 'T', 1, {0x10f6, 0x0, 0x0}},
    {0x010f7, 'T', 1, {0x10f7, 0x0, 0x0}}, {0x010f8, 'T', 1, {0x10f8, 0x0, 0x0}},
    {0x010f9, 'T', 1, {0x10f9, 0x0, 0x0}}, {0x010fa, 'T', 1, {0x10fa, 0x0, 0x0}},
    {0x010fd, 'T', 1, {0x10fd, 0x0, 0x0}}, {0x010fe, 'T', 1, {0x10fe, 0x0, 0x0}},
    {0x010ff, 'T', 1, {0x10ff, 0x0, 0x0}}, {0x013a0, 'F', 1, {0x13a0, 0x0, 0x0}},
    {0x013a1, 'F', 1, {0x13a1, 0x0, 0x0}}, {0x013a2, 'F', 1, {0x13a2, 0x0, 0x0}},
    {0x013a3, 'F', 1, {0x13a3, 0x0, 0x0}}, {0x013a4, 'F', 1, {0x13a4, 0x0, 0x0}},
    {0x013a5, 'F', 1, {0x13a5, 0x0, 0x0}}, {0x013a6, 'F', 1, {0x13a6, 0x0, 0x0}},
    {0x013a7, 'F', 1, {0x13a7, 0x0, 0x0}}, {0x013a8, 'F', 1, {0x13a8, 0x0, 0x0}},
    {0x013a9, 'F', 1, {0x13a9, 0x0, 0x0}}, {0x013aa, 'F', 1, {0x13aa, 0x0, 0x0}},
    {0x013ab, 'F', 1, {0x13ab, 0x0, 0x0}}, {0x013ac, 'F', 1, {0x13ac, 0x0, 0x0}},
    {0x013ad, 'F', 1, {0x13ad, 0x0, 0x0}}, {0x013ae, 'F', 1, {0x13ae, 0x0, 0x0}},
    {0x013af, 'F', 1, {0x13af, 0x0, 0x0}}, {0x013b0, 'F', 1, {0x13b0, 0x0, 0x0}},
    {0x013b1, 'F', 1, {0x13b1, 0x0, 0x0}}, {0x013b2, 'F', 1, {0x13b2, 0x0, 0x0}},
    {0x013b3, 'F', 1, {0x13b3, 0x0, 0x0}}, {0x013b4, 'F', 1, {0x13b4, 0x0, 0x0}},
    {0x013b5, 'F', 1, {0x13b5, 0x0, 0x0}}, {0x013b6, 'F', 1, {0x13b6, 0x0, 0x0}},
    {0x013b7, 'F', 1, {0x13b7, 0x0, 0x0}}, {0x013b8, 'F', 1, {0x13b8, 0x0, 0x0}},
    {0x013b9, 'F', 1, {0x13b9, 0x0, 0x0}}, {0x013ba, 'F', 1, {0x13ba, 0x0, 0x0}},
    {0x013bb, 'F', 1, {0x13bb, 0x0, 0x0}}, {0x013bc, 'F', 1, {0x13bc, 0x0, 0x0}},
    {0x013bd, 'F', 1, {0x13bd, 0x0, 0x0}}, {0x013be, 'F', 1, {0x13be, 0x0, 0x0}},
    {0x013bf, 'F', 1, {0x13bf, 0x0, 0x0}}, {0x013c0, 'F', 1, {0x13c0, 0x0, 0x0}},
    {0x013c1, 'F', 1, {0x13c1, 0x0, 0x0}}, {0x013c2, 'F', 1, {0x13c2, 0x0, 0x0}},
    {0x013c3, 'F', 1, {0x13c3, 0x0, 0x0}}, {0x013c4, 'F', 1, {0x13c4, 0x0, 0x0}},
    {0x013c5, 'F', 1, {0x13c5, 0x0, 0x0}}, {0x013c6, 'F', 1, {0x13c6, 0x0, 0x0}},
    {0x013c7, 'F', 1, {0x13c7, 0x0, 0x0}}, {0x013c8, 'F', 1, {0x13c8, 0x0, 0x0}},
    {0x013c9, 'F', 1, {0x13c9, 0x0, 0x0}}, {0x013ca, 'F', 1, {0x13ca, 0x0, 0x0}},
    {0x013cb, 'F', 1, {0x13cb, 0x0, 0x0}}, {0x013cc, 'F', 1, {0x13cc, 0x0, 0x0}},
    {0x013cd, 'F', 1, {0x13cd, 0x0, 0x0}}, {0x013ce, 'F', 1, {0x13ce, 0x0, 0x0}},
    {0x013cf, 'F', 1, {0x13cf, 0x0, 0x0}}, {0x013d0, 'F', 1, {0x13d0, 0x0, 0x0}},
    {0x013d1, 'F', 1, {0x13d1, 0x0, 0x0}}, {0x013d2, 'F', 1, {0x13d2, 0x0, 0x0}},
    {0x013d3, 'F', 1, {0x13d3, 0x0, 0x0}}, {0x013d4, 'F', 1, {0x13d4, 0x0, 0x0}},
    {0x013d5, 'F', 1, {0x13d5, 0x0, 0x0}}, {0x013d6, 'F', 1, {0x13d6, 0x0, 0x0}},
    {0x013d7, 'F', 1, {0x13d7, 0x0, 0x0}}, {0x013d8, 'F', 1, {0x13d8, 0x0, 0x0}},
    {0x013d9, 'F', 1, {0x13d9, 0x0, 0x0}}, {0x013da, 'F', 1, {0x13da, 0x0, 0x0}},
    {0x013db, 'F', 1, {0x13db, 0x0, 0x0}}, {0x013dc, 'F', 1, {0x13dc, 0x0, 0x0}},
    {0x013dd, 'F', 1, {0x13dd, 0x0, 0x0}}, {0x013de, 'F', 1, {0x13de, 0x0, 0x0}},
    {0x013df, 'F', 1, {0x13df, 0x0, 0x0}}, {0x013e0, 'F', 1, {0x13e0, 0x0, 0x0}},
    {0x013e1, 'F', 1, {0x13e1, 0x0, 0x0}}, {0x013e2, 'F', 1, {0x13e2, 0x0, 0x0}},
    {0x013e3, 'F', 1, {0x13e3, 0x0, 0x0}}, {0x013e4, 'F', 1, {0x13e4, 0x0, 0x0}},
    {0x013e5, 'F', 1, {0x13e5, 0x0, 0x0}}, {0x013e6, 'F', 1, {0x13e6, 0x0, 0x0}},
    {0x013e7, 'F', 1, {0x13e7, 0x0, 0x0}}, {0x013e8, 'F', 1, {0x13e8, 0x0, 0x0}},
    {0x013e9, 'F', 1, {0x13e9, 0x0, 0x0}}, {0x013ea, 'F', 1, {0x13ea, 0x0, 0x0}},
    {0x013eb, 'F', 1, {0x13eb, 0x0, 0x0}}, {0x013ec, 'F', 1, {0x13ec, 0x0, 0x0}},
    {0x013ed, 'F', 1, {0x13ed, 0x0, 0x0}}, {0x013ee, 'F', 1, {0x13ee, 0x0, 0x0}},
    {0x013ef, 'F', 1, {0x13ef, 0x0, 0x0}}, {0x013f0, 'F', 1, {0x13f0, 0x0, 0x0}},
    {0x013f1, 'F', 1, {0x13f1, 0x0, 0x0}}, {0x013f2, 'F', 1, {0x13f2, 0x0, 0x0}},
    {0x013f3, 'F', 1, {0x13f3, 0x0, 0x0}}, {0x013f4, 'F', 1, {0x13f4, 0x0, 0x0}},
    {0x013f5, 'F', 1, {0x13f5, 0x0, 0x0}}, {0x013f8, 'F', 1, {0x13f0, 0x0, 0x0}},
    {0x013f9, 'F', 1, {0x13f1, 0x0, 0x0}}, {0x013fa, 'F', 1, {0x13f2, 0x0, 0x0}},
    {0x013fb, 'F', 1, {0x13f3, 0x0, 0x0}}, {0x013fc, 'F', 1, {0x13f4, 0x0, 0x0}},
    {0x013fd, 'F', 1, {0x13f5, 0x0, 0x0}}, {0x01c80, 'F', 1, {0x432, 0x0, 0x0}},
    {0x01c81, 'F', 1, {0x434, 0x0, 0x0}}, {0x01c82, 'F', 1, {0x43e, 0x0, 0x0}},
    {0x01c83, 'F', 1, {0x441, 0x0, 0x0}}, {0x01c84, 'F', 1, {0x442, 0x0, 0x0}},
    {0x01c85, 'F', 1, {0x442, 0x0, 0x0}}, {0x01c86, 'F', 1, {0x44a, 0x0, 0x0}},
    {0x01c87, 'F', 1, {0x463, 0x0, 0x0}}, {0x01c88, 'F', 1, {0xa64b, 0x0, 0x0}},
    {0x01e96, 'U', 2, {0x48, 0x331, 0x0}}, {0x01e96, 'T', 2, {0x48, 0x331, 0x0}},
    {0x01e96, 'F', 2, {0x68, 0x331, 0x0}}, {0x01e97, 'U', 2, {0x54, 0x308, 0x0}},
    {0x01e97, 'T', 2, {0x54, 0x308, 0x0}}, {0x01e97, 'F', 2, {0x74, 0x308, 0x0}},
    {0x01e98, 'U', 2, {0x57, 0x30a, 0x0}}, {0x01e98, 'T', 2, {0x57, 0x30a, 0x0}},
    {0x01e98, 'F', 2, {0x77, 0x30a, 0x0}}, {0x01e99, 'U', 2, {0x59, 0x30a, 0x0}},
    {0x01e99, 'T', 2, {0x59, 0x30a, 0x0}}, {0x01e99, 'F', 2, {0x79, 0x30a, 0x0}},
    {0x01e9a, 'U', 2, {0x41, 0x2be, 0x0}}, {0x01e9a, 'T', 2, {0x41, 0x2be, 0x0}},
    {0x01e9a, 'F', 2, {0x61, 0x2be, 0x0}}, {0x01e9b, 'F', 1, {0x1e61, 0x0, 0x0}},
    {0x01e9e, 'F', 2, {0x73, 0x73, 0x0}}, {0x01f50, 'U', 2, {0x3a5, 0x313, 0x0}},
    {0x01f50, 'T', 2, {0x3a5, 0x313, 0x0}}, {0x01f50, 'F', 2, {0x3c5, 0x313, 0x0}},
    {0x01f52, 'U', 3, {0x3a5, 0x313, 0x300}}, {0x01f52, 'T', 3, {0x3a5, 0x313, 0x300}},
    {0x01f52, 'F', 3, {0x3c5, 0x313, 0x300}}, {0x01f54, 'U', 3, {0x3a5, 0x313, 0x301}},
    {0x01f54, 'T', 3, {0x3a5, 0x313, 0x301}}, {0x01f54, 'F', 3, {0x3c5, 0x313, 0x301}},
    {0x01f56, 'U', 3, {0x3a5, 0x313, 0x342}}, {0x01f56, 'T', 3, {0x3a5, 0x313, 0x342}},
    {0x01f56, 'F', 3, {0x3c5, 0x313, 0x342}}, {0x01f80, 'U', 2, {0x1f08, 0x399, 0x0}},
    {0x01f80, 'T', 1, {0x1f88, 0x0, 0x0}}, {0x01f80, 'F', 2, {0x1f00, 0x3b9, 0x0}},
    {0x01f81, 'U', 2, {0x1f09, 0x399, 0x0}}, {0x01f81, 'T', 1, {0x1f89, 0x0, 0x0}},
    {0x01f81, 'F', 2, {0x1f01, 0x3b9, 0x0}}, {0x01f82, 'U', 2, {0x1f0a, 0x399, 0x0}},
    {0x01f82, 'T', 1, {0x1f8a, 0x0, 0x0}}, {0x01f82, 'F', 2, {0x1f02, 0x3b9, 0x0}},
    {0x01f83, 'U', 2, {0x1f0b, 0x399, 0x0}}, {0x01f83, 'T', 1, {0x1f8b, 0x0, 0x0}},
    {0x01f83, 'F', 2, {0x1f03, 0x3b9, 0x0}}, {0x01f84, 'U', 2, {0x1f0c, 0x399, 0x0}},
    {0x01f84, 'T', 1, {0x1f8c, 0x0, 0x0}}, {0x01f84, 'F', 2, {0x1f04, 0x3b9, 0x0}},
    {0x01f85, 'U', 2, {0x1f0d, 0x399, 0x0}}, {0x01f85, 'T', 1, {0x1f8d, 0x0, 0x0}},
    {0x01f85, 'F', 2, {0x1f05, 0x3b9, 0x0}}, {0x01f86, 'U', 2, {0x1f0e, 0x399, 0x0}},
    {0x01f86, 'T', 1, {0x1f8e, 0x0, 0x0}}, {0x01f86, 'F', 2, {0x1f06, 0x3b9, 0x0}},
    {0x01f87, 'U', 2, {0x1f0f, 0x399, 0x0}}, {0x01f87, 'T', 1, {0x1f8f, 0x0, 0x0}},
    {0x01f87, 'F', 2, {0x1f07, 0x3b9, 0x0}}, {0x01f88, 'U', 2, {0x1f08, 0x399, 0x0}},
    {0x01f88, 'F', 2, {0x1f00, 0x3b9, 0x0}}, {0x01f89, 'U', 2, {0x1f09, 0x399, 0x0}},
    {0x01f89, 'F', 2, {0x1f01, 0x3b9, 0x0}}, {0x01f8a, 'U', 2, {0x1f0a, 0x399, 0x0}},
    {0x01f8a, 'F', 2, {0x1f02, 0x3b9, 0x0}}, {0x01f8b, 'U', 2, {0x1f0b, 0x399, 0x0}},
    {0x01f8b, 'F', 2, {0x1f03, 0x3b9, 0x0}}, {0x01f8c, 'U', 2, {0x1f0c, 0x399, 0x0}},
    {0x01f8c, 'F', 2, {0x1f04, 0x3b9, 0x0}}, {0x01f8d, 'U', 2, {0x1f0d, 0x399, 0x0}},
    {0x01f8d, 'F', 2, {0x1f05, 0x3b9, 0x0}}, {0x01f8e, 'U', 2, {0x1f0e, 0x399, 0x0}},
    {0x01f8e, 'F', 2, {0x1f06, 0x3b9, 0x0}}, {0x01f8f, 'U', 2, {0x1f0f, 0x399, 0x0}},
    {0x01f8f, 'F', 2, {0x1f07, 0x3b9, 0x0}}, {0x01f90, 'U', 2, {0x1f28, 0x399, 0x0}},
    {0x01f90, 'T', 1, {0x1f98, 0x0, 0x0}}, {0x01f90, 'F', 2, {0x1f20, 0x3b9, 0x0}},
    {0x01f91, 'U', 2, {0x1f29, 0x399, 0x0}}, {0x01f91, 'T', 1, {0x1f99, 0x0, 0x0}},
    {0x01f91, 'F', 2, {0x1f21, 0x3b9, 0x0}}, {0x01f92, 'U', 2, {0x1f2a, 0x399, 0x0}},
    {0x01f92, 'T', 1, {0x1f9a, 0x0, 0x0}}, {0x01f92, 'F', 2, {0x1f22, 0x3b9, 0x0}},
    {0x01f93, 'U', 2, {0x1f2b, 0x399, 0x0}}, {0x01f93, 'T', 1, {0x1f9b, 0x0, 0x0}},
    {0x01f93, 'F', 2, {0x1f23, 0x3b9, 0x0}}, {0x01f94, 'U', 2, {0x1f2c, 0x399, 0x0}},
    {0x01f94, 'T', 1, {0x1f9c, 0x0, 0x0}}, {0x01f94, 'F', 2, {0x1f24, 0x3b9, 0x0}},
    {0x01f95, 'U', 2, {0x1f2d, 0x399, 0x0}}, {0x01f95, 'T', 1, {0x1f9d, 0x0, 0x0}},
    {0x01f95, 'F', 2, {0x1f25, 0x3b9, 0x0}}, {0x01f96, 'U', 2, {0x1f2e, 0x399, 0x0}},
    {0x01f96, 'T', 1, {0x1f9e, 0x0, 0x0}}, {0x01f96, 'F', 2, {0x1f26, 0x3b9, 0x0}},
    {0x01f97, 'U', 2, {0x1f2f, 0x399, 0x0}}, {0x01f97, 'T', 1, {0x1f9f, 0x0, 0x0}},
    {0x01f97, 'F', 2, {0x1f27, 0x3b9, 0x0}}, {0x01f98, 'U', 2, {0x1f28, 0x399, 0x0}},
    {0x01f98, 'F', 2, {0x1f20, 0x3b9, 0x0}}, {0x01f99, 'U', 2, {0x1f29, 0x399, 0x0}},
    {0x01f99, 'F', 2, {0x1f21, 0x3b9, 0x0}}, {0x01f9a, 'U', 2, {0x1f2a, 0x399, 0x0}},
    {0x01f9a, 'F', 2, {0x1f22, 0x3b9, 0x0}}, {0x01f9b, 'U', 2, {0x1f2b, 0x399, 0x0}},
    {0x01f9b, 'F', 2, {0x1f23, 0x3b9, 0x0}}, {0x01f9c, 'U', 2, {0x1f2c, 0x399, 0x0}},
    {0x01f9c, 'F', 2, {0x1f24, 0x3b9, 0x0}}, {0x01f9d, 'U', 2, {0x1f2d, 0x399, 0x0}},
    {0x01f9d, 'F', 2, {0x1f25, 0x3b9, 0x0}}, {0x01f9e, 'U', 2, {0x1f2e, 0x399, 0x0}},
    {0x01f9e, 'F', 2, {0x1f26, 0x3b9, 0x0}}, {0x01f9f, 'U', 2, {0x1f2f, 0x399, 0x0}},
    {0x01f9f, 'F', 2, {0x1f27, 0x3b9, 0x0}}, {0x01fa0, 'U', 2, {0x1f68, 0x399, 0x0}},
    {0x01fa0, 'T', 1, {0x1fa8, 0x0, 0x0}}, {0x01fa0, 'F', 2, {0x1f60, 0x3b9, 0x0}},
    {0x01fa1, 'U', 2, {0x1f69, 0x399, 0x0}}, {0x01fa1, 'T', 1, {0x1fa9, 0x0, 0x0}},
    {0x01fa1, 'F', 2, {0x1f61, 0x3b9, 0x0}}, {0x01fa2, 'U', 2, {0x1f6a, 0x399, 0x0}},
    {0x01fa2, 'T', 1, {0x1faa, 0x0, 0x0}}, {0x01fa2, 'F', 2, {0x1f62, 0x3b9, 0x0}},
    {0x01fa3, 'U', 2, {0x1f6b, 0x399, 0x0}}, {0x01fa3, 'T', 1, {0x1fab, 0x0, 0x0}},
    {0x01fa3, 'F', 2, {0x1f63, 0x3b9, 0x0}}, {0x01fa4, 'U', 2, {0x1f6c, 0x399, 0x0}},
    {0x01fa4, 'T', 1, {0x1fac, 0x0, 0x0}}, {0x01fa4, 'F', 2, {0x1f64, 0x3b9, 0x0}},
    {0x01fa5, 'U', 2, {0x1f6d, 0x399, 0x0}}, {0x01fa5, 'T', 1, {0x1fad, 0x0, 0x0}},
    {0x01fa5, 'F', 2, {0x1f65, 0x3b9, 0x0}}, {0x01fa6, 'U', 2, {0x1f6e, 0x399, 0x0}},
    {0x01fa6, 'T', 1, {0x1fae, 0x0, 0x0}}, {0x01fa6, 'F', 2, {0x1f66, 0x3b9, 0x0}},
    {0x01fa7, 'U', 2, {0x1f6f, 0x399, 0x0}}, {0x01fa7, 'T', 1, {0x1faf, 0x0, 0x0}},
    {0x01fa7, 'F', 2, {0x1f67, 0x3b9, 0x0}}, {0x01fa8, 'U', 2, {0x1f68, 0x399, 0x0}},
    {0x01fa8, 'F', 2, {0x1f60, 0x3b9, 0x0}}, {0x01fa9, 'U', 2, {0x1f69, 0x399, 0x0}},
    {0x01fa9, 'F', 2, {0x1f61, 0x3b9, 0x0}}, {0x01faa, 'U', 2, {0x1f6a, 0x399, 0x0}},
    {0x01faa, 'F', 2, {0x1f62, 0x3b9, 0x0}}, {0x01fab, 'U', 2, {0x1f6b, 0x399, 0x0}},
    {0x01fab, 'F', 2, {0x1f63, 0x3b9, 0x0}}, {0x01fac, 'U', 2, {0x1f6c, 0x399, 0x0}},
    {0x01fac, 'F', 2, {0x1f64, 0x3b9, 0x0}}, {0x01fad, 'U', 2, {0x1f6d, 0x399, 0x0}},
    {0x01fad, 'F', 2, {0x1f65, 0x3b9, 0x0}}, {0x01fae, 'U', 2, {0x1f6e, 0x399, 0x0}},
    {0x01fae, 'F', 2, {0x1f66, 0x3b9, 0x0}}, {0x01faf, 'U', 2, {0x1f6f, 0x399, 0x0}},
    {0x01faf, 'F', 2, {0x1f67, 0x3b9, 0x0}}, {0x01fb2, 'U', 2, {0x1fba, 0x399, 0x0}},
    {0x01fb2, 'T', 2, {0x1fba, 0x345, 0x0}}, {0x01fb2, 'F', 2, {0x1f70, 0x3b9, 0x0}},
    {0x01fb3, 'U', 2, {0x391, 0x399, 0x0}}, {0x01fb3, 'T', 1, {0x1fbc, 0x0, 0x0}},
    {0x01fb3, 'F', 2, {0x3b1, 0x3b9, 0x0}}, {0x01fb4, 'U', 2, {0x386, 0x399, 0x0}},
    {0x01fb4, 'T', 2, {0x386, 0x345, 0x0}}, {0x01fb4, 'F', 2, {0x3ac, 0x3b9, 0x0}},
    {0x01fb6, 'U', 2, {0x391, 0x342, 0x0}}, {0x01fb6, 'T', 2, {0x391, 0x342, 0x0}},
    {0x01fb6, 'F', 2, {0x3b1, 0x342, 0x0}}, {0x01fb7, 'U', 3, {0x391, 0x342, 0x399}},
    {0x01fb7, 'T', 3, {0x391, 0x342, 0x345}}, {0x01fb7, 'F', 3, {0x3b1, 0x342, 0x3b9}},
    {0x01fbc, 'U', 2, {0x391, 0x399, 0x0}}, {0x01fbc, 'F', 2, {0x3b1, 0x3b9, 0x0}},
    {0x01fbe, 'F', 1, {0x3b9, 0x0, 0x0}}, {0x01fc2, 'U', 2, {0x1fca, 0x399, 0x0}},
    {0x01fc2, 'T', 2, {0x1fca, 0x345, 0x0}}, {0x01fc2, 'F', 2, {0x1f74, 0x3b9, 0x0}},
    {0x01fc3, 'U', 2, {0x397, 0x399, 0x0}}, {0x01fc3, 'T', 1, {0x1fcc, 0x0, 0x0}},
    {0x01fc3, 'F', 2, {0x3b7, 0x3b9, 0x0}}, {0x01fc4, 'U', 2, {0x389, 0x399, 0x0}},
    {0x01fc4, 'T', 2, {0x389, 0x345, 0x0}}, {0x01fc4, 'F', 2, {0x3ae, 0x3b9, 0x0}},
    {0x01fc6, 'U', 2, {0x397, 0x342, 0x0}}, {0x01fc6, 'T', 2, {0x397, 0x342, 0x0}},
    {0x01fc6, 'F', 2, {0x3b7, 0x342, 0x0}}, {0x01fc7, 'U', 3, {0x397, 0x342, 0x399}},
    {0x01fc7, 'T', 3, {0x397, 0x342, 0x345}}, {0x01fc7, 'F', 3, {0x3b7, 0x342, 0x3b9}},
    {0x01fcc, 'U', 2, {0x397, 0x399, 0x0}}, {0x01fcc, 'F', 2, {0x3b7, 0x3b9, 0x0}},
    {0x01fd2, 'U', 3, {0x399, 0x308, 0x300}}, {0x01fd2, 'T', 3, {0x399, 0x308, 0x300}},
    {0x01fd2, 'F', 3, {0x3b9, 0x308, 0x300}}, {0x01fd3, 'U', 3, {0x399, 0x308, 0x301}},
    {0x01fd3, 'T', 3, {0x399, 0x308, 0x301}}, {0x01fd3, 'F', 3, {0x3b9, 0x308, 0x301}},
    {0x01fd6, 'U', 2, {0x399, 0x342, 0x0}}, {0x01fd6, 'T', 2, {0x399, 0x342, 0x0}},
    {0x01fd6, 'F', 2, {0x3b9, 0x342, 0x0}}, {0x01fd7, 'U', 3, {0x399, 0x308, 0x342}},
    {0x01fd7, 'T', 3, {0x399, 0x308, 0x342}}, {0x01fd7, 'F', 3, {0x3b9, 0x308, 0x342}},
    {0x01fe2, 'U', 3, {0x3a5, 0x308, 0x300}}, {0x01fe2, 'T', 3, {0x3a5, 0x308, 0x300}},
    {0x01fe2, 'F', 3, {0x3c5, 0x308, 0x300}}, {0x01fe3, 'U', 3, {0x3a5, 0x308, 0x301}},
    {0x01fe3, 'T', 3, {0x3a5, 0x308, 0x301}}, {0x01fe3, 'F', 3, {0x3c5, 0x308, 0x301}},
    {0x01fe4, 'U', 2, {0x3a1, 0x313, 0x0}}, {0x01fe4, 'T', 2, {0x3a1, 0x313, 0x0}},
    {0x01fe4, 'F', 2, {0x3c1, 0x313, 0x0}}, {0x01fe6, 'U', 2, {0x3a5, 0x342, 0x0}},
    {0x01fe6, 'T', 2, {0x3a5, 0x342, 0x0}}, {0x01fe6, 'F', 2, {0x3c5, 0x342, 0x0}},
    {0x01fe7, 'U', 3, {0x3a5, 0x308, 0x342}}, {0x01fe7, 'T', 3, {0x3a5, 0x308, 0x342}},
    {0x01fe7, 'F', 3, {0x3c5, 0x308, 0x342}}, {0x01ff2, 'U', 2, {0x1ffa, 0x399, 0x0}},
    {0x01ff2, 'T', 2, {0x1ffa, 0x345, 0x0}}, {0x01ff2, 'F', 2, {0x1f7c, 0x3b9, 0x0}},
    {0x01ff3, 'U', 2, {0x3a9, 0x399, 0x0}}, {0x01ff3, 'T', 1, {0x1ffc, 0x0, 0x0}},
    {0x01ff3, 'F', 2, {0x3c9, 0x3b9, 0x0}}, {0x01ff4, 'U', 2, {0x38f, 0x399, 0x0}},
    {0x01ff4, 'T', 2, {0x38f, 0x345, 0x0}}, {0x01ff4, 'F', 2, {0x3ce, 0x3b9, 0x0}},
    {0x01ff6, 'U', 2, {0x3a9, 0x342, 0x0}}, {0x01ff6, 'T', 2, {0x3a9, 0x342, 0x0}},
    {0x01ff6, 'F', 2, {0x3c9, 0x342, 0x0}}, {0x01ff7, 'U', 3, {0x3a9, 0x342, 0x399}},
    {0x01ff7, 'T', 3, {0x3a9, 0x342, 0x345}}, {0x01ff7, 'F', 3, {0x3c9, 0x342, 0x3b9}},
    {0x01ffc, 'U', 2, {0x3a9, 0x399, 0x0}}, {0x01ffc, 'F', 2, {0x3c9, 0x3b9, 0x0}},
    {0x0ab70, 'F', 1, {0x13a0, 0x0, 0x0}}, {0x0ab71, 'F', 1, {0x13a1, 0x0, 0x0}},
    {0x0ab72, 'F', 1, {0x13a2, 0x0, 0x0}}, {0x0ab73, 'F', 1, {0x13a3, 0x0, 0x0}},
    {0x0ab74, 'F', 1, {0x13a4, 0x0, 0x0}}, {0x0ab75, 'F', 1, {0x13a5, 0x0, 0x0}},
    {0x0ab76, 'F', 1, {0x13a6, 0x0, 0x0}}, {0x0ab77, 'F', 1, {0x13a7, 0x0, 0x0}},
    {0x0ab78, 'F', 1, {0x13a8, 0x0, 0x0}}, {0x0ab79, 'F', 1, {0x13a9, 0x0, 0x0}},
    {0x0ab7a, 'F', 1, {0x13aa, 0x0, 0x0}}, {0x0ab7b, 'F', 1, {0x13ab, 0x0, 0x0}},
    {0x0ab7c, 'F', 1, {0x13ac, 0x0, 0x0}}, {0x0ab7d, 'F', 1, {0x13ad, 0x0, 0x0}},
    {0x0ab7e, 'F', 1, {0x13ae, 0x0, 0x0}}, {0x0ab7f, 'F', 1, {0x13af, 0x0, 0x0}},
    {0x0ab80, 'F', 1, {0x13b0, 0x0, 0x0}}, {0x0ab81, 'F', 1, {0x13b1, 0x0, 0x0}},
    {0x0ab82, 'F', 1, {0x13b2, 0x0, 0x0}}, {0x0ab83, 'F', 1, {0x13b3, 0x0, 0x0}},
    {0x0ab84, 'F', 1, {0x13b4, 0x0, 0x0}}, {0x0ab85, 'F', 1, {0x13b5, 0x0, 0x0}},
    {0x0ab86, 'F', 1, {0x13b6, 0x0, 0x0}}, {0x0ab87, 'F', 1, {0x13b7, 0x0, 0x0}},
    {0x0ab88, 'F', 1, {0x13b8, 0x0, 0x0}}, {0x0ab89, 'F', 1, {0x13b9, 0x0, 0x0}},
    {0x0ab8a, 'F', 1, {0x13ba, 0x0, 0x0}}, {0x0ab8b, 'F', 1, {0x13bb, 0x0, 0x0}},
    {0x0ab8c, 'F', 1, {0x13bc, 0x0, 0x0}}, {0x0ab8d, 'F', 1, {0x13bd, 0x0, 0x0}},
    {0x0ab8e, 'F', 1, {0x13be, 0x0, 0x0}}, {0x0ab8f, 'F', 1, {0x13bf, 0x0, 0x0}},
    {0x0ab90, 'F', 1, {0x13c0, 0x0, 0x0}}, {0x0ab91, 'F', 1, {0x13c1, 0x0, 0x0}},
    {0x0ab92, 'F', 1, {0x13c2, 0x0, 0x0}}, {0x0ab93, 'F', 1, {0x13c3, 0x0, 0x0}},
    {0x0ab94, 'F', 1, {0x13c4, 0x0, 0x0}}, {0x0ab95, 'F', 1, {0x13c5, 0x0, 0x0}},
    {0x0ab96, 'F', 1, {0x13c6, 0x0, 0x0}}, {0x0ab97, 'F', 1, {0x13c7, 0x0, 0x0}},
    {0x0ab98, 'F', 1, {0x13c8, 0x0, 0x0}}, {0x0ab99, 'F', 1, {0x13c9, 0x0, 0x0}},
    {0x0ab9a, 'F', 1, {0x13ca, 0x0, 0x0}}, {0x0ab9b, 'F', 1, {0x13cb, 0x0, 0x0}},
    {0x0ab9c, 'F', 1, {0x13cc, 0x0, 0x0}}, {0x0ab9d, 'F', 1, {0x13cd, 0x0, 0x0}},
    {0x0ab9e, 'F', 1, {0x13ce, 0x0, 0x0}}, {0x0ab9f, 'F', 1, {0x13cf, 0x0, 0x0}},
    {0x0aba0, 'F', 1, {0x13d0, 0x0, 0x0}}, {0x0aba1, 'F', 1, {0x13d1, 0x0, 0x0}},
    {0x0aba2, 'F', 1, {0x13d2, 0x0, 0x0}}, {0x0aba3, 'F', 1, {0x13d3, 0x0, 0x0}},
    {0x0aba4, 'F', 1, {0x13d4, 0x0, 0x0}}, {0x0aba5, 'F', 1, {0x13d5, 0x0, 0x0}},
    {0x0aba6, 'F', 1, {0x13d6, 0x0, 0x0}}, {0x0aba7, 'F', 1, {0x13d7, 0x0, 0x0}},
    {0x0aba8, 'F', 1, {0x13d8, 0x0, 0x0}}, {0x0aba9, 'F', 1, {0x13d9, 0x0, 0x0}},
    {0x0abaa, 'F', 1, {0x13da, 0x0, 0x0}}, {0x0abab, 'F', 1, {0x13db, 0x0, 0x0}},
    {0x0abac, 'F', 1, {0x13dc, 0x0, 0x0}}, {0x0abad, 'F', 1, {0x13dd, 0x0, 0x0}},
    {0x0abae, 'F', 1, {0x13de, 0x0, 0x0}}, {0x0abaf, 'F', 1, {0x13df, 0x0, 0x0}},
    {0x0abb0, 'F', 1, {0x13e0, 0x0, 0x0}}, {0x0abb1, 'F', 1, {0x13e1, 0x0, 0x0}},
    {0x0abb2, 'F', 1, {0x13e2, 0x0, 0x0}}, {0x0abb3, 'F', 1, {0x13e3, 0x0, 0x0}},
    {0x0abb4, 'F', 1, {0x13e4, 0x0, 0x0}}, {0x0abb5, 'F', 1, {0x13e5, 0x0, 0x0}},
    {0x0abb6, 'F', 1, {0x13e6, 0x0, 0x0}}, {0x0abb7, 'F', 1, {0x13e7, 0x0, 0x0}},
    {0x0abb8, 'F', 1, {0x13e8, 0x0, 0x0}}, {0x0abb9, 'F', 1, {0x13e9, 0x0, 0x0}},
    {0x0abba, 'F', 1, {0x13ea, 0x0, 0x0}}, {0x0abbb, 'F', 1, {0x13eb, 0x0, 0x0}},
    {0x0abbc, 'F', 1, {0x13ec, 0x0, 0x0}}, {0x0abbd, 'F', 1, {0x13ed, 0x0, 0x0}},
    {0x0abbe, 'F', 1, {0x13ee, 0x0, 0x0}}, {0x0abbf, 'F', 1, {0x13ef, 0x0, 0x0}},
    {0x0fb00, 'U', 2, {0x46, 0x46, 0x0}}, {0x0fb00, 'T', 2, {0x46, 0x66, 0x0}},
    {0x0fb00, 'F', 2, {0x66, 0x66, 0x0}}, {0x0fb01, 'U', 2, {0x46, 0x49, 0x0}},
    {0x0fb01, 'T', 2, {0x46, 0x69, 0x0}}, {0x0fb01, 'F', 2, {0x66, 0x69, 0x0}},
    {0x0fb02, 'U', 2, {0x46, 0x4c, 0x0}}, {0x0fb02, 'T', 2, {0x46, 0x6c, 0x0}},
    {0x0fb02, 'F', 2, {0x66, 0x6c, 0x0}}, {0x0fb03, 'U', 3, {0x46, 0x46, 0x49}},
    {0x0fb03, 'T', 3, {0x46, 0x66, 0x69}}, {0x0fb03, 'F', 3, {0x66, 0x66, 0x69}},
    {0x0fb04, 'U', 3, {0x46, 0x46, 0x4c}}, {0x0fb04, 'T', 3, {0x46, 0x66, 0x6c}},
    {0x0fb04, 'F', 3, {0x66, 0x66, 0x6c}}, {0x0fb05, 'U', 2, {0x53, 0x54, 0x0}},
    {0x0fb05, 'T', 2, {0x53, 0x74, 0x0}}, {0x0fb05, 'F', 2, {0x73, 0x74, 0x0}},
    {0x0fb06, 'U', 2, {0x53, 0x54, 0x0}}, {0x0fb06, 'T', 2, {0x53, 0x74, 0x0}},
    {0x0fb06, 'F', 2, {0x73, 0x74, 0x0}}, {0x0fb13, 'U', 2, {0x544, 0x546, 0x0}},
    {0x0fb13, 'T', 2, {0x544, 0x576, 0x0}}, {0x0fb13, 'F', 2, {0x574, 0x576, 0x0}},
    {0x0fb14, 'U', 2, {0x544, 0x535, 0x0}}, {0x0fb14, 'T', 2, {0x544, 0x565, 0x0}},
    {0x0fb14, 'F', 2, {0x574, 0x565, 0x0}}, {0x0fb15, 'U', 2, {0x544, 0x53b, 0x0}},
    {0x0fb15, 'T', 2, {0x544, 0x56b, 0x0}}, {0x0fb15, 'F', 2, {0x574, 0x56b, 0x0}},
    {0x0fb16, 'U', 2, {0x54e, 0x546, 0x0}}, {0x0fb16, 'T', 2, {0x54e, 0x576, 0x0}},
    {0x0fb16, 'F', 2, {0x57e, 0x576, 0x0}}, {0x0fb17, 'U', 2, {0x544, 0x53d, 0x0}},
    {0x0fb17, 'T', 2, {0x544, 0x56d, 0x0}}, {0x0fb17, 'F', 2, {0x574, 0x56d, 0x0}},
};
/* clang-format on */

static const size_t uprops_len = sizeof uprops / sizeof uprops[0];
static const size_t case_runs_len = sizeof case_runs / sizeof case_runs[0];
static const size_t case_special_len = sizeof case_special / sizeof case_special[0];

static unsigned u_props(uint32_t c) {
    size_t lo = 0, hi = uprops_len;
    while (hi - lo > 1) { /* last range starting at or before c */
        size_t mid = (lo + hi) / 2;
        if (uprops[mid] >> 11 <= c)
            lo = mid;
        else
            hi = mid;
    }
    return uprops[lo] & 0x7ff;
}

static const CaseRun *case_run(uint32_t c) {
    size_t lo = 0, hi = case_runs_len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (case_runs[mid].start + case_runs[mid].len <= c)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < case_runs_len && case_runs[lo].start <= c) return &case_runs[lo];
    return NULL;
}

/* simple (one code point) lower / upper mapping */
static uint32_t u_simple(uint32_t c, bool upper) {
    if (c < 128) {
        if (upper) return c >= 'a' && c <= 'z' ? c - 32 : c;
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
    const CaseRun *r = case_run(c);
    if (!r) return c;
    if (r->alt) {
        bool is_upper = (c - r->start) % 2 == 0;
        if (upper) return is_upper ? c : c - 1;
        return is_upper ? c + 1 : c;
    }
    return (uint32_t)((int32_t)c + (upper ? r->dupper : r->dlower));
}

static int u_casemap(uint32_t c, char kind, uint32_t out[3]) {
    if (c >= 128) {
        size_t lo = 0, hi = case_special_len;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (case_special[mid].cp < c)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (; lo < case_special_len && case_special[lo].cp == c; lo++) {
            if (case_special[lo].kind == kind) {
                memcpy(out, case_special[lo].out, sizeof(uint32_t) * 3);
                return case_special[lo].n;
            }
        }
    }
    out[0] = u_simple(c, kind == 'U' || kind == 'T');
    return 1;
}

static bool u_isalpha(uint32_t c) {
    return u_props(c) & UP_ALPHA;
}
static bool u_isdecimal(uint32_t c) {
    return (u_props(c) & UP_NUM) == UP_NUM;
}
static bool u_isdigit(uint32_t c) {
    return (u_props(c) & UP_NUM) >= (2 << 1);
}
static bool u_isnumeric(uint32_t c) {
    return (u_props(c) & UP_NUM) != 0;
}
static bool u_isspace(uint32_t c) {
    if (c < 128) return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
    return u_props(c) & UP_SPACE;
}
static bool u_isprintable(uint32_t c) {
    if (c < 128) return c >= 0x20 && c < 0x7f;
    return u_props(c) & UP_PRINT;
}
static bool u_islower(uint32_t c) {
    bool derived = u_simple(c, true) != c && u_simple(c, false) == c;
    return derived != ((u_props(c) & UP_LOWERX) != 0);
}
static bool u_isupper(uint32_t c) {
    bool derived = u_simple(c, false) != c && u_simple(c, true) == c;
    return derived != ((u_props(c) & UP_UPPERX) != 0);
}
static bool u_istitle(uint32_t c) {
    return u_props(c) & UP_TITLE;
}
static bool u_iscased(uint32_t c) {
    return u_islower(c) || u_isupper(c) || u_istitle(c);
}
static bool u_iscaseignorable(uint32_t c) {
    return u_props(c) & UP_CASEIGN;
}
static bool u_isxidstart(uint32_t c) {
    unsigned p = u_props(c);
    return ((p & UP_ALPHA) || c == '_') != ((p & UP_XIDSX) != 0);
}
static bool u_isxidcontinue(uint32_t c) {
    unsigned p = u_props(c);
    bool derived = (p & UP_ALPHA) || c == '_' || (p & UP_NUM) == UP_NUM;
    return derived != ((p & UP_XIDCX) != 0);
}
