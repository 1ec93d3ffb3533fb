/*
 * int.c - the int type (CPython's PyLongObject) and the numbers of bool.
 *
 * An int has arbitrary precision. CPython 3.11 stores every int one way: ob_size 30-bit
 * digits of the magnitude, least significant first, the sign in the sign of ob_size, so
 * sys.getsizeof(n) = 24 + 4 * max(1, ndigits). memviz keeps two representations behind that
 * one size rule (Int in object.h):
 *
 *   small  big == 0: the value is `v`, an int64. EVERY value that fits in an int64 is stored
 *          this way (canonical form: int_from_big() enforces it), so arithmetic on two small
 *          ints is one C operation with an overflow check (__builtin_*_overflow): no digit
 *          array, no loop, no allocation when the result is a small int.
 *   big    big == n > 0: `d` holds n 30-bit digits of |value| (d[n-1] != 0), `neg` the sign.
 *          Only values outside int64 live here, so a big int never equals a small one and
 *          magnitudes compare by digit count first.
 *
 * The slow paths work on digit arrays with CPython's own algorithms on the same 30-bit
 * digits (x_add, x_sub, x_mul, x_divrem = Knuth's algorithm D, v_lshift/v_rshift,
 * long_true_divide, _PyLong_Frexp, long_to_decimal_string, PyLong_FromString), so the
 * rounding of int / int and float(int), and the hash, agree with CPython bit for bit. A small
 * operand meeting a big one is unpacked into a View (at most 3 digits, on the C stack);
 * results are built in a Big (a malloc'd digit array) and turned into an object once.
 *
 * Identity: a result between -5 and 256 is always the shared small int (vm->small_ints), as
 * CPython's get_small_int(): `x = 1000; y = x - 744; y is 256` is True. 3.11 has no int free
 * list, so any other int is a fresh allocation of 24 + 4 * ndigits bytes. Temporaries of the
 * digit algorithms are plain C memory: the allocator model only sees the final objects.
 *
 * Limits: as 3.11.7, str(int) and int(str) in a base that is not a power of two refuse more
 * than 4300 decimal digits (sys.get_int_max_str_digits()). memviz adds a cap of its own on
 * the size of one int (INT_MAX_DIGITS, and the run's heap limit): MemoryError where CPython
 * would try to allocate gigabytes, e.g. `1 << 10**12`.
 */
#include "heap/lang/ast.h"
#include "heap/types/types.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint32_t digit;
typedef int32_t sdigit;
typedef uint64_t twodigits;
typedef int64_t stwodigits;

#define SHIFT 30
#define BASE ((digit)1 << SHIFT)
#define MASK ((digit)(BASE - 1))
#define DECIMAL_SHIFT 9
#define DECIMAL_BASE ((digit)1000000000)
#define MAX_STR_DIGITS 4300               /* sys.get_int_max_str_digits() default */
#define STR_DIGITS_THRESHOLD 640          /* _PY_LONG_MAX_STR_DIGITS_THRESHOLD */
#define INT_MAX_DIGITS ((ssize_t)1 << 22) /* memviz: 4M digits (126M bits) per int */

#define SMALL_N 262 /* -5 .. 256 */
/* id() of the statics. CPython keeps them in its static data: 32-byte PyLongObjects in a row
 * (id(1) - id(0) == 32), False 32 bytes above True, id(0) - id(True) == 0x107988 in a 3.11.7
 * build. memviz puts them in the static region runtime.c uses for None (0x55d0c0a...). */
#define TRUE_ADDR 0x55d0c0a46f00ull
#define SMALL_INTS_ADDR (TRUE_ADDR + 0x107988ull - 5 * 32) /* id(-5) */

static const char LIMIT_TO_STR[] = "Exceeds the limit (%d digits) for integer string conversion; "
                                   "use sys.set_int_max_str_digits() to increase the limit";
static const char LIMIT_TO_INT[] =
    "Exceeds the limit (%d digits) for integer string conversion: value has %zd digits; use "
    "sys.set_int_max_str_digits() to increase the limit";

/* A number under construction: malloc'd digits (leading zeros allowed), sign. */
typedef struct {
    digit *d;
    ssize_t n;
    bool neg;
} Big;

/* A read-only look at an int's digits: n is normalized (0 for zero). A small int is
 * unpacked into buf, so a View must not be copied. */
typedef struct {
    const digit *d;
    ssize_t n;
    bool neg;
    digit buf[3];
} View;

/* ---------------------------------------------------------------------------------------- */
/* Small helpers. */

static inline uint64_t mag_u64(int64_t v) {
    return v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
}

static inline size_t ndigits_u64(uint64_t m) {
    return m == 0 ? 0 : m < ((uint64_t)1 << 30) ? 1 : m < ((uint64_t)1 << 60) ? 2 : 3;
}

/* CPython's object size for n digits: PyLongObject header 24 + digits, at least one. */
static inline size_t int_pysize(size_t n) {
    return 24 + 4 * (n ? n : 1);
}

static inline int bitlen_digit(digit d) {
    return d ? 32 - __builtin_clz(d) : 0;
}

static void view_of(Obj *o, View *v) {
    const Int *i = (const Int *)o;
    if (i->big) {
        v->d = i->d;
        v->n = i->big;
        v->neg = i->neg != 0;
        return;
    }
    uint64_t m = mag_u64(i->v);
    v->neg = i->v < 0;
    v->n = 0;
    while (m) {
        v->buf[v->n++] = (digit)(m & MASK);
        m >>= SHIFT;
    }
    v->d = v->buf;
}

static void view_big(View *v, const Big *b) {
    v->d = b->d;
    v->n = b->n;
    while (v->n > 0 && v->d[v->n - 1] == 0)
        v->n--;
    v->neg = b->neg;
}

static ssize_t mag_norm(const digit *d, ssize_t n) {
    while (n > 0 && d[n - 1] == 0)
        n--;
    return n;
}

/* Zeroed digit storage for n digits, within the memviz cap. NULL with MemoryError set. */
static digit *digits_new(Vm *vm, ssize_t n) {
    size_t cap = (size_t)INT_MAX_DIGITS;
    if (vm->limits.max_heap && vm->limits.max_heap / sizeof(digit) < cap)
        cap = vm->limits.max_heap / sizeof(digit);
    if (n < 0 || (size_t)n > cap) {
        vm_nomem(vm);
        return NULL;
    }
    digit *d = calloc((size_t)n + 1, sizeof(digit));
    if (!d) vm_nomem(vm);
    return d;
}

static bool big_new(Vm *vm, Big *z, ssize_t n) {
    z->d = digits_new(vm, n);
    z->n = n;
    z->neg = false;
    return z->d != NULL;
}

static bool mag_to_i64(const digit *d, ssize_t n, bool neg, int64_t *out) {
    if (n > 3 || (n == 3 && d[2] > 8)) return false;
    uint64_t m = 0;
    for (ssize_t i = n; i-- > 0;)
        m = m << SHIFT | d[i];
    if (neg) {
        if (m > (uint64_t)1 << 63) return false;
        *out = (int64_t)(0 - m);
    } else {
        if (m > (uint64_t)INT64_MAX) return false;
        *out = (int64_t)m;
    }
    return true;
}

/* ---------------------------------------------------------------------------------------- */
/* Objects. */

/* A fresh int object holding v, bypassing the small-int cache. NEW reference. */
Obj *int_alloc_i64(Vm *vm, int64_t v) {
    Int *r = (Int *)obj_alloc(vm, &IntType, sizeof(Int), int_pysize(ndigits_u64(mag_u64(v))));
    if (!r) return NULL;
    r->v = v;
    r->big = 0;
    r->neg = 0;
    r->d = NULL;
    return (Obj *)r;
}

/* NEW reference: the shared small int for -5..256 (get_small_int()), else a new object. */
Obj *int_from_i64(Vm *vm, int64_t v) {
    if ((uint64_t)v + 5 < SMALL_N) return obj_newref(vm->small_ints[v + 5]);
    return int_alloc_i64(vm, v);
}

/* Turns a Big into an int object in canonical form, consuming its digits. NEW reference.
 * mirrors long_normalize() + maybe_small_long() */
static Obj *int_from_big(Vm *vm, Big *z) {
    ssize_t n = mag_norm(z->d, z->n);
    int64_t v;
    if (mag_to_i64(z->d, n, z->neg, &v)) {
        free(z->d);
        z->d = NULL;
        return int_from_i64(vm, v);
    }
    Int *r = (Int *)obj_alloc(vm, &IntType, sizeof(Int), int_pysize((size_t)n));
    if (!r) {
        free(z->d);
        z->d = NULL;
        return NULL;
    }
    r->v = 0;
    r->big = (int32_t)n;
    r->neg = z->neg;
    r->d = z->d;
    z->d = NULL;
    return (Obj *)r;
}

static Obj *int_from_view(Vm *vm, const View *v, bool neg) {
    Big z;
    if (!big_new(vm, &z, v->n)) return NULL;
    memcpy(z.d, v->d, (size_t)v->n * sizeof(digit));
    z.neg = neg;
    return int_from_big(vm, &z);
}

/* int(o) for an int or bool: o itself when it is an exact int (as long_long()). NEW. */
static Obj *int_exact(Vm *vm, Obj *o) {
    if (IS_EXACT_INT(o)) return obj_newref(o);
    return int_from_i64(vm, ((Int *)o)->v); /* bool */
}

static void int_dealloc(Vm *vm, Obj *o) {
    Int *i = (Int *)o;
    free(i->d);
    i->d = NULL;
    obj_free_mem(vm, o);
}

/* ---------------------------------------------------------------------------------------- */
/* Digit arithmetic on magnitudes (CPython's x_* and v_* helpers). */

static int mag_cmp(const digit *a, ssize_t na, const digit *b, ssize_t nb) {
    if (na != nb) return na < nb ? -1 : 1;
    for (ssize_t i = na; i-- > 0;)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* z = a + b; z has room for max(na, nb) + 1 digits. Returns that length. mirrors x_add() */
static ssize_t mag_add(const digit *a, ssize_t na, const digit *b, ssize_t nb, digit *z) {
    if (na < nb) {
        const digit *t = a;
        a = b;
        b = t;
        ssize_t tn = na;
        na = nb;
        nb = tn;
    }
    digit carry = 0;
    ssize_t i;
    for (i = 0; i < nb; i++) {
        carry += a[i] + b[i];
        z[i] = carry & MASK;
        carry >>= SHIFT;
    }
    for (; i < na; i++) {
        carry += a[i];
        z[i] = carry & MASK;
        carry >>= SHIFT;
    }
    z[i] = carry;
    return na + 1;
}

/* z = a - b for |a| >= |b|; z may alias b. Returns na. mirrors x_sub() */
static ssize_t mag_sub(const digit *a, ssize_t na, const digit *b, ssize_t nb, digit *z) {
    digit borrow = 0;
    ssize_t i;
    for (i = 0; i < nb; i++) {
        borrow = a[i] - b[i] - borrow;
        z[i] = borrow & MASK;
        borrow = (borrow >> SHIFT) & 1;
    }
    for (; i < na; i++) {
        borrow = a[i] - borrow;
        z[i] = borrow & MASK;
        borrow = (borrow >> SHIFT) & 1;
    }
    return na;
}

/* Adds 1 to the magnitude in place; the caller guarantees room for a carry digit. */
static void mag_inc(digit *d) {
    for (ssize_t i = 0;; i++) {
        if (++d[i] < BASE) return;
        d[i] = 0;
    }
}

/* z = a * b, z zeroed with na + nb digits. Schoolbook. mirrors x_mul() */
static void mag_mul(const digit *a, ssize_t na, const digit *b, ssize_t nb, digit *z) {
    for (ssize_t i = 0; i < na; i++) {
        twodigits f = a[i], carry = 0;
        if (!f) continue;
        digit *pz = z + i;
        ssize_t j;
        for (j = 0; j < nb; j++) {
            carry += pz[j] + b[j] * f;
            pz[j] = (digit)(carry & MASK);
            carry >>= SHIFT;
        }
        for (; carry; j++) {
            carry += pz[j];
            pz[j] = (digit)(carry & MASK);
            carry >>= SHIFT;
        }
    }
}

/* z = a * a, z zeroed with 2 * na digits: each cross product is added once, doubled (HAC
 * algorithm 14.16). mirrors the squaring branch of x_mul() */
static void mag_square(const digit *a, ssize_t na, digit *z) {
    for (ssize_t i = 0; i < na; ++i) {
        twodigits f = a[i];
        digit *pz = z + (i << 1);
        const digit *pa = a + i + 1, *paend = a + na;
        twodigits carry = *pz + f * f;
        *pz++ = (digit)(carry & MASK);
        carry >>= SHIFT;
        f <<= 1;
        while (pa < paend) {
            carry += *pz + *pa++ * f;
            *pz++ = (digit)(carry & MASK);
            carry >>= SHIFT;
        }
        if (carry) {
            carry += *pz;
            *pz++ = (digit)(carry & MASK);
            carry >>= SHIFT;
            if (carry) *pz = (digit)carry;
        }
    }
}

/* x[0:m] += y[0:n] (n <= m); returns the carry out. mirrors v_iadd() */
static digit mag_iadd(digit *x, ssize_t m, const digit *y, ssize_t n) {
    digit carry = 0;
    ssize_t i;
    for (i = 0; i < n; ++i) {
        carry += x[i] + y[i];
        x[i] = carry & MASK;
        carry >>= SHIFT;
    }
    for (; carry && i < m; ++i) {
        carry += x[i];
        x[i] = carry & MASK;
        carry >>= SHIFT;
    }
    return carry;
}

/* x[0:m] -= y[0:n] (n <= m); returns the borrow out. mirrors v_isub() */
static digit mag_isub(digit *x, ssize_t m, const digit *y, ssize_t n) {
    digit borrow = 0;
    ssize_t i;
    for (i = 0; i < n; ++i) {
        borrow = x[i] - y[i] - borrow;
        x[i] = borrow & MASK;
        borrow = (borrow >> SHIFT) & 1;
    }
    for (; borrow && i < m; ++i) {
        borrow = x[i] - borrow;
        x[i] = borrow & MASK;
        borrow = (borrow >> SHIFT) & 1;
    }
    return borrow;
}

static digit *digits_new(Vm *vm, ssize_t n);
static bool mag_kmul(Vm *vm, const digit *a, ssize_t na, const digit *b, ssize_t nb, digit *z);

/* a much shorter than b: b as "big digits" of a's width, one balanced product each.
 * mirrors k_lopsided_mul() */
static bool mag_kmul_lopsided(Vm *vm, const digit *a, ssize_t na, const digit *b, ssize_t nb,
                              digit *z) {
    digit *prod = digits_new(vm, 2 * na);
    if (!prod) return false;
    ssize_t nz = na + nb, done = 0;
    while (nb > 0) {
        ssize_t use = nb < na ? nb : na;
        memset(prod, 0, sizeof(digit) * (size_t)(na + use));
        if (!mag_kmul(vm, a, na, b + done, use, prod)) {
            free(prod);
            return false;
        }
        mag_iadd(z + done, nz - done, prod, na + use);
        nb -= use;
        done += use;
    }
    free(prod);
    return true;
}

/* z[0:na+nb] = a * b, z zeroed by the caller. Karatsuba above 70 digits (140 for a square):
 * with a = ah*X + al and b = bh*X + bl (X = BASE**shift),
 * a*b = ah*bh*X*X + ((ah+al)*(bh+bl) - ah*bh - al*bl)*X + al*bl. mirrors k_mul() */
static bool mag_kmul(Vm *vm, const digit *a, ssize_t na, const digit *b, ssize_t nb, digit *z) {
    na = mag_norm(a, na);
    nb = mag_norm(b, nb);
    if (na > nb) {
        const digit *t = a;
        a = b;
        b = t;
        ssize_t tn = na;
        na = nb;
        nb = tn;
    }
    bool square = a == b && na == nb;
    if (na <= (square ? 140 : 70)) {
        if (square)
            mag_square(a, na, z);
        else
            mag_mul(a, na, b, nb, z);
        return true;
    }
    if (2 * na <= nb) return mag_kmul_lopsided(vm, a, na, b, nb, z);

    ssize_t shift = nb >> 1, nret = na + nb;
    const digit *al = a, *ah = a + shift, *bl = b, *bh = b + shift;
    ssize_t nal = mag_norm(a, shift), nah = na - shift, nbl = mag_norm(b, shift), nbh = nb - shift;
    ssize_t n1 = nah + nbh, n2 = nal + nbl;
    ssize_t ns1 = (nah > nal ? nah : nal) + 1, ns2 = (nbh > nbl ? nbh : nbl) + 1;
    /* scratch: t1 = ah*bh, t2 = al*bl, s1 = ah+al, s2 = bh+bl, t3 = s1*s2 */
    digit *t1 = digits_new(vm, n1 + n2 + ns1 + ns2 + ns1 + ns2);
    if (!t1) return false;
    digit *t2 = t1 + n1, *s1 = t2 + n2, *s2 = s1 + ns1, *t3 = s2 + ns2;
    bool ok = mag_kmul(vm, ah, nah, bh, nbh, t1) && mag_kmul(vm, al, nal, bl, nbl, t2);
    if (ok) {
        memcpy(z + 2 * shift, t1, sizeof(digit) * (size_t)n1);
        memcpy(z, t2, sizeof(digit) * (size_t)n2);
        ssize_t i = nret - shift; /* digits from `shift` up */
        mag_isub(z + shift, i, t2, n2);
        mag_isub(z + shift, i, t1, n1);
        ns1 = mag_add(ah, nah, al, nal, s1);
        if (square) {
            ok = mag_kmul(vm, s1, ns1, s1, ns1, t3);
            ns2 = ns1;
        } else {
            ns2 = mag_add(bh, nbh, bl, nbl, s2);
            ok = mag_kmul(vm, s1, ns1, s2, ns2, t3);
        }
        if (ok) mag_iadd(z + shift, i, t3, mag_norm(t3, ns1 + ns2));
    }
    free(t1);
    return ok;
}

/* z = a << d (0 <= d < SHIFT) over m digits; returns the carry out. mirrors v_lshift() */
static digit mag_lshift(digit *z, const digit *a, ssize_t m, int d) {
    digit carry = 0;
    for (ssize_t i = 0; i < m; i++) {
        twodigits acc = (twodigits)a[i] << d | carry;
        z[i] = (digit)acc & MASK;
        carry = (digit)(acc >> SHIFT);
    }
    return carry;
}

/* z = a >> d (0 <= d < SHIFT) over m digits; returns the bits shifted out. mirrors v_rshift() */
static digit mag_rshift(digit *z, const digit *a, ssize_t m, int d) {
    digit carry = 0, mask = ((digit)1 << d) - 1U;
    for (ssize_t i = m; i-- > 0;) {
        twodigits acc = (twodigits)carry << SHIFT | a[i];
        carry = (digit)acc & mask;
        z[i] = (digit)(acc >> d);
    }
    return carry;
}

/* q = a / n, returns a % n, for a single digit n; q may alias a. mirrors inplace_divrem1() */
static digit mag_divrem1(const digit *a, ssize_t size, digit n, digit *q) {
    twodigits rem = 0;
    for (ssize_t i = size; i-- > 0;) {
        rem = (rem << SHIFT) | a[i];
        digit hi = (digit)(rem / n);
        q[i] = hi;
        rem -= (twodigits)hi * n;
    }
    return (digit)rem;
}

/* a = q * b + r for nb >= 2 and na >= nb (both normalized): q gets na - nb + 1 digits, r gets
 * nb. Knuth, TAOCP vol. 2, 4.3.1, algorithm D. mirrors x_divrem() */
static bool mag_divrem(Vm *vm, const digit *a, ssize_t na, const digit *b, ssize_t nb, digit *q,
                       digit *r) {
    digit *v = digits_new(vm, na + 1), *w = digits_new(vm, nb);
    if (!v || !w) {
        free(v);
        free(w);
        return false;
    }
    /* normalize: shift b left so its top digit is >= BASE/2; shift a by the same amount */
    int d = SHIFT - bitlen_digit(b[nb - 1]);
    mag_lshift(w, b, nb, d);
    digit carry = mag_lshift(v, a, na, d);
    ssize_t size_v = na;
    if (carry != 0 || v[na - 1] >= w[nb - 1]) v[size_v++] = carry;

    /* now v[size_v-1] < w[nb-1], so the quotient has at most k = size_v - nb digits */
    ssize_t k = size_v - nb;
    digit wm1 = w[nb - 1], wm2 = w[nb - 2];
    digit *vk = v + k, *ak = q + k;
    while (vk-- > v) {
        /* estimate the quotient digit; it may be one too large (rarely) */
        digit vtop = vk[nb];
        twodigits vv = ((twodigits)vtop << SHIFT) | vk[nb - 1];
        digit qd = (digit)(vv / wm1), rd = (digit)(vv % wm1);
        while ((twodigits)wm2 * qd > (((twodigits)rd << SHIFT) | vk[nb - 2])) {
            --qd;
            rd += wm1;
            if (rd >= BASE) break;
        }
        /* subtract qd * w from vk[0:nb+1] */
        sdigit zhi = 0;
        for (ssize_t i = 0; i < nb; ++i) {
            stwodigits z = (sdigit)vk[i] + zhi - (stwodigits)qd * (stwodigits)w[i];
            vk[i] = (digit)z & MASK;
            zhi = (sdigit)(z >> SHIFT); /* arithmetic shift */
        }
        /* add w back if qd was too large */
        if ((sdigit)vtop + zhi < 0) {
            carry = 0;
            for (ssize_t i = 0; i < nb; ++i) {
                carry += vk[i] + w[i];
                vk[i] = carry & MASK;
                carry >>= SHIFT;
            }
            --qd;
        }
        *--ak = qd;
    }
    mag_rshift(r, v, nb, d); /* unshift the remainder */
    free(v);
    free(w);
    return true;
}

/* ---------------------------------------------------------------------------------------- */
/* Signed operations on Views, giving Bigs. */

/* z = a + b, or a - b when sub. mirrors long_add()/long_sub() picking x_add or x_sub */
static bool big_addsub(Vm *vm, const View *a, const View *b, bool sub, Big *z) {
    bool bneg = b->neg != sub;
    if (!big_new(vm, z, (a->n > b->n ? a->n : b->n) + 1)) return false;
    if (a->neg == bneg) {
        z->n = mag_add(a->d, a->n, b->d, b->n, z->d);
        z->neg = a->neg;
    } else if (mag_cmp(a->d, a->n, b->d, b->n) >= 0) {
        z->n = mag_sub(a->d, a->n, b->d, b->n, z->d);
        z->neg = a->neg;
    } else {
        z->n = mag_sub(b->d, b->n, a->d, a->n, z->d);
        z->neg = bneg;
    }
    return true;
}

static bool big_mul(Vm *vm, const digit *a, ssize_t na, const digit *b, ssize_t nb, Big *z) {
    if (!big_new(vm, z, na + nb)) return false;
    if (!mag_kmul(vm, a, na, b, nb, z->d)) {
        free(z->d);
        z->d = NULL;
        return false;
    }
    z->n = mag_norm(z->d, na + nb);
    return true;
}

/* |a| = q * |b| + r, 0 <= r < |b| (b != 0). q has a spare top digit for floor's +1. */
static bool mag_divmod(Vm *vm, const View *a, const View *b, Big *q, Big *r) {
    ssize_t nq = a->n >= b->n ? a->n - b->n + 2 : 2;
    r->d = NULL;
    if (!big_new(vm, q, nq) || !big_new(vm, r, b->n)) goto fail;
    if (mag_cmp(a->d, a->n, b->d, b->n) < 0) {
        memcpy(r->d, a->d, (size_t)a->n * sizeof(digit));
    } else if (b->n == 1) {
        r->d[0] = mag_divrem1(a->d, a->n, b->d[0], q->d);
    } else if (!mag_divrem(vm, a->d, a->n, b->d, b->n, q->d, r->d)) {
        goto fail;
    }
    q->n = mag_norm(q->d, nq);
    r->n = mag_norm(r->d, b->n);
    return true;
fail:
    free(q->d);
    free(r->d);
    q->d = r->d = NULL;
    return false;
}

/* Floor division: q = a // b, r = a % b with the sign of b (b != 0). mirrors l_divmod() */
static bool big_floordivmod(Vm *vm, const View *a, const View *b, Big *q, Big *r) {
    if (!mag_divmod(vm, a, b, q, r)) return false;
    q->neg = a->neg != b->neg;
    r->neg = a->neg;
    if (r->n && a->neg != b->neg) {
        mag_inc(q->d); /* q -= 1 (q is negative) */
        q->n = mag_norm(q->d, q->n + 1);
        r->n = mag_norm(r->d, mag_sub(b->d, b->n, r->d, r->n, r->d)); /* r = b + r */
        r->neg = b->neg;
    }
    return true;
}

/* ---------------------------------------------------------------------------------------- */
/* Conversions to and from double. */

/* |a| = x * 2**e with 0.5 <= x < 1, x rounded half to even to 53 bits. mirrors _PyLong_Frexp() */
static double mag_frexp(const View *a, int64_t *e) {
    static const int half_even_correction[8] = {0, -1, -2, 1, 0, -1, 2, 1};
    digit x_digits[2 + (DBL_MANT_DIG + 1) / SHIFT] = {0};
    if (a->n == 0) {
        *e = 0;
        return 0.0;
    }
    int64_t a_bits = (int64_t)(a->n - 1) * SHIFT + bitlen_digit(a->d[a->n - 1]);
    ssize_t x_size;
    if (a_bits <= DBL_MANT_DIG + 2) {
        ssize_t shift_digits = (DBL_MANT_DIG + 2 - a_bits) / SHIFT;
        int shift_bits = (int)((DBL_MANT_DIG + 2 - a_bits) % SHIFT);
        x_size = shift_digits;
        digit rem = mag_lshift(x_digits + x_size, a->d, a->n, shift_bits);
        x_size += a->n;
        x_digits[x_size++] = rem;
    } else {
        ssize_t shift_digits = (ssize_t)((a_bits - DBL_MANT_DIG - 2) / SHIFT);
        int shift_bits = (int)((a_bits - DBL_MANT_DIG - 2) % SHIFT);
        digit rem = mag_rshift(x_digits, a->d + shift_digits, a->n - shift_digits, shift_bits);
        x_size = a->n - shift_digits;
        /* the lowest bit is sticky: set it if any bit shifted out was nonzero */
        if (rem)
            x_digits[0] |= 1;
        else
            while (shift_digits > 0)
                if (a->d[--shift_digits]) {
                    x_digits[0] |= 1;
                    break;
                }
    }
    x_digits[0] += (digit)half_even_correction[x_digits[0] & 7];
    double dx = x_digits[--x_size];
    while (x_size > 0)
        dx = dx * BASE + x_digits[--x_size];
    dx /= 4.0 * 9007199254740992.0; /* 2**(DBL_MANT_DIG + 2) */
    if (dx == 1.0) {                /* rounding carried into a new bit */
        dx = 0.5;
        a_bits += 1;
    }
    *e = a_bits;
    return a->neg ? -dx : dx;
}

/* float(o), correctly rounded. On overflow: *ok = false, OverflowError set.
 * mirrors PyLong_AsDouble() */
double int_as_double(Vm *vm, Obj *o, bool *ok) {
    const Int *i = (const Int *)o;
    *ok = true;
    if (!i->big) return (double)i->v; /* the FPU rounds half to even, as _PyLong_Frexp */
    View v;
    view_of(o, &v);
    int64_t e;
    double x = mag_frexp(&v, &e);
    if (e > DBL_MAX_EXP) {
        *ok = false;
        vm_raise(vm, &Exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return ldexp(x, (int)e);
}

/* Digits of the integer-valued double |d| (finite) into out (room for 36). Returns n. */
static ssize_t double_digits(double d, digit *out) {
    int expo;
    double frac = frexp(fabs(d), &expo); /* |d| = frac * 2**expo, 0.5 <= frac < 1 */
    if (expo <= 0) return 0;
    ssize_t nd = (expo - 1) / SHIFT + 1;
    frac = ldexp(frac, (expo - 1) % SHIFT + 1);
    for (ssize_t i = nd; --i >= 0;) {
        digit bits = (digit)frac;
        out[i] = bits;
        frac -= (double)bits;
        frac = ldexp(frac, SHIFT);
    }
    return mag_norm(out, nd);
}

/* int(d): truncates toward zero. mirrors PyLong_FromDouble() */
Obj *int_from_double(Vm *vm, double d) {
    if (d > -9223372036854775808.0 && d < 9223372036854775808.0)
        return int_from_i64(vm, (int64_t)d);
    if (isinf(d))
        return vm_raise(vm, &Exc_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d)) return vm_raise(vm, &Exc_ValueError, "cannot convert float NaN to integer");
    Big z;
    if (!big_new(vm, &z, 36)) return NULL; /* 2**1024 needs 35 digits */
    z.n = double_digits(d, z.d);
    z.neg = d < 0;
    return int_from_big(vm, &z);
}

/* Exact comparison of an int with a double that is not NaN: -1, 0, 1.
 * mirrors float_richcompare()'s int branch */
int int_compare_double(Obj *a, double d) {
    const Int *i = (const Int *)a;
    if (isinf(d)) return d > 0 ? -1 : 1;
    if (!i->big && mag_u64(i->v) <= ((uint64_t)1 << 53)) {
        double x = (double)i->v;
        return (x > d) - (x < d);
    }
    double fl = floor(d);
    digit buf[40];
    View va;
    view_of(a, &va);
    ssize_t n = double_digits(fl, buf);
    int sa = va.n == 0 ? 0 : va.neg ? -1 : 1, sf = n == 0 ? 0 : fl < 0 ? -1 : 1, c;
    if (sa != sf) {
        c = sa < sf ? -1 : 1;
    } else {
        c = mag_cmp(va.d, va.n, buf, n);
        if (sa < 0) c = -c;
    }
    if (c != 0) return c;
    return fl < d ? -1 : 0; /* equal to floor(d): smaller when d has a fraction */
}

/* ---------------------------------------------------------------------------------------- */
/* The operators. Each long_* takes two ints (small or big) and returns NEW or NULL. */

static Obj *long_addsub(Vm *vm, Obj *a, Obj *b, bool sub) {
    View va, vb;
    view_of(a, &va);
    view_of(b, &vb);
    Big z;
    if (!big_addsub(vm, &va, &vb, sub, &z)) return NULL;
    return int_from_big(vm, &z);
}

static Obj *long_mul(Vm *vm, Obj *a, Obj *b) {
    View va, vb;
    view_of(a, &va);
    view_of(b, &vb);
    Big z;
    if (!big_mul(vm, va.d, va.n, vb.d, vb.n, &z)) return NULL;
    z.neg = va.neg != vb.neg;
    return int_from_big(vm, &z);
}

static Obj *zero_division(Vm *vm, int op) {
    /* 3.11.7 words % differently from // and divmod() */
    return vm_raise(vm, &Exc_ZeroDivisionError,
                    op == OP_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
}

/* a // b and a % b as objects (either may be NULL if not wanted). false with exc set. */
static bool long_floordivmod(Vm *vm, Obj *a, Obj *b, Obj **q, Obj **r) {
    View va, vb;
    view_of(a, &va);
    view_of(b, &vb);
    Big bq, br;
    if (!big_floordivmod(vm, &va, &vb, &bq, &br)) return false;
    Obj *oq = NULL, *or_ = NULL;
    if (q) {
        oq = int_from_big(vm, &bq);
        if (!oq) {
            free(br.d);
            return false;
        }
    } else {
        free(bq.d);
    }
    if (r) {
        or_ = int_from_big(vm, &br);
        if (!or_) {
            XDECREF(vm, oq);
            return false;
        }
    } else {
        free(br.d);
    }
    if (q) *q = oq;
    if (r) *r = or_;
    return true;
}

static Obj *long_divmod_op(Vm *vm, Obj *a, Obj *b, int op) {
    if (int_sign(b) == 0) return zero_division(vm, op);
    Obj *res;
    bool ok = op == OP_MOD ? long_floordivmod(vm, a, b, NULL, &res)
                           : long_floordivmod(vm, a, b, &res, NULL);
    return ok ? res : NULL;
}

/* a / b correctly rounded. mirrors long_true_divide() */
static Obj *long_true_divide(Vm *vm, Obj *a, Obj *b) {
    enum { MANT_DIG_DIGITS = DBL_MANT_DIG / SHIFT, MANT_DIG_BITS = DBL_MANT_DIG % SHIFT };
    View va, vb;
    view_of(a, &va);
    view_of(b, &vb);
    bool negate = va.neg != vb.neg;
    double result;
    if (vb.n == 0) return vm_raise(vm, &Exc_ZeroDivisionError, "division by zero");
    if (va.n == 0) goto underflow_or_zero;

    /* fast path: both exactly representable as doubles; the division rounds correctly */
    bool a_small = va.n <= MANT_DIG_DIGITS ||
                   (va.n == MANT_DIG_DIGITS + 1 && va.d[MANT_DIG_DIGITS] >> MANT_DIG_BITS == 0);
    bool b_small = vb.n <= MANT_DIG_DIGITS ||
                   (vb.n == MANT_DIG_DIGITS + 1 && vb.d[MANT_DIG_DIGITS] >> MANT_DIG_BITS == 0);
    if (a_small && b_small) {
        double da = va.d[va.n - 1], db = vb.d[vb.n - 1];
        for (ssize_t i = va.n - 1; i-- > 0;)
            da = da * BASE + va.d[i];
        for (ssize_t i = vb.n - 1; i-- > 0;)
            db = db * BASE + vb.d[i];
        result = da / db;
        goto success;
    }

    /* obvious overflow and underflow; diff = a_bits - b_bits */
    int64_t diff = (int64_t)(va.n - vb.n) * SHIFT + bitlen_digit(va.d[va.n - 1]) -
                   bitlen_digit(vb.d[vb.n - 1]);
    if (diff > DBL_MAX_EXP) goto overflow;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) goto underflow_or_zero;

    /* x = |a| * 2**-shift, truncated; inexact records lost bits */
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    bool inexact = false;
    Big x;
    if (shift <= 0) {
        ssize_t shift_digits = (ssize_t)(-shift / SHIFT);
        if (!big_new(vm, &x, va.n + shift_digits + 1)) return NULL;
        digit rem = mag_lshift(x.d + shift_digits, va.d, va.n, (int)(-shift % SHIFT));
        x.d[va.n + shift_digits] = rem;
    } else {
        ssize_t shift_digits = (ssize_t)(shift / SHIFT);
        if (!big_new(vm, &x, va.n - shift_digits)) return NULL;
        digit rem = mag_rshift(x.d, va.d + shift_digits, va.n - shift_digits, (int)(shift % SHIFT));
        if (rem) inexact = true;
        while (!inexact && shift_digits > 0)
            if (va.d[--shift_digits]) inexact = true;
    }
    x.n = mag_norm(x.d, x.n);

    /* x //= |b|; a nonzero remainder makes the result inexact */
    {
        View vx, vbm;
        view_big(&vx, &x);
        view_of(b, &vbm);
        vbm.neg = false;
        Big q, r;
        if (!mag_divmod(vm, &vx, &vbm, &q, &r)) {
            free(x.d);
            return NULL;
        }
        free(x.d);
        if (r.n) inexact = true;
        free(r.d);
        x = q;
    }
    ssize_t x_size = x.n;
    int64_t x_bits = (int64_t)(x_size - 1) * SHIFT + bitlen_digit(x.d[x_size - 1]);

    /* round away extra_bits (2 or 3) bits, half to even, directly in the low digit */
    int64_t extra_bits =
        (x_bits > DBL_MIN_EXP - shift ? x_bits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    digit mask = (digit)1 << (extra_bits - 1);
    digit low = x.d[0] | inexact;
    if ((low & mask) && (low & (3U * mask - 1U))) low += mask;
    x.d[0] = low & ~(2U * mask - 1U);

    /* x to double: exact */
    double dx = x.d[--x_size];
    while (x_size > 0)
        dx = dx * BASE + x.d[--x_size];
    free(x.d);
    if (shift + x_bits >= DBL_MAX_EXP &&
        (shift + x_bits > DBL_MAX_EXP || dx == ldexp(1.0, (int)x_bits)))
        goto overflow;
    result = ldexp(dx, (int)shift);
success:
    return float_new(vm, negate ? -result : result);
underflow_or_zero:
    return float_new(vm, negate ? -0.0 : 0.0);
overflow:
    return vm_raise(vm, &Exc_OverflowError, "integer division result too large for a float");
}

/* base ** exp in int64; false on overflow. */
static bool pow_i64(int64_t base, int64_t exp, int64_t *out) {
    int64_t r = 1;
    for (;;) {
        if ((exp & 1) && __builtin_mul_overflow(r, base, &r)) return false;
        exp >>= 1;
        if (!exp) break;
        if (__builtin_mul_overflow(base, base, &base)) return false;
    }
    *out = r;
    return true;
}

static size_t view_bits(const View *v) {
    return v->n ? (size_t)(v->n - 1) * SHIFT + (size_t)bitlen_digit(v->d[v->n - 1]) : 0;
}

/* a ** b without a modulus: float for b < 0, else left-to-right binary exponentiation.
 * mirrors long_pow() */
static Obj *long_pow(Vm *vm, Obj *a, Obj *b) {
    if (int_sign(b) < 0) return float_binop(vm, a, b, OP_POW);
    View va, vb;
    view_of(a, &va);
    view_of(b, &vb);
    if (vb.n == 0) return int_from_i64(vm, 1);
    if (va.n == 0) return int_from_i64(vm, 0);
    if (va.n == 1 && va.d[0] == 1) return int_from_i64(vm, va.neg && (vb.d[0] & 1) ? -1 : 1);
    int64_t e;
    if (!int_as_i64(b, &e)) return vm_nomem(vm);
    size_t bits = view_bits(&va);
    if (bits > 1 && (uint64_t)e > (uint64_t)INT_MAX_DIGITS * SHIFT / (bits - 1))
        return vm_nomem(vm);
    Big r;
    if (!big_new(vm, &r, 1)) return NULL;
    r.d[0] = 1;
    for (int i = 63 - __builtin_clzll((uint64_t)e); i >= 0; i--) {
        Big t;
        if (!big_mul(vm, r.d, r.n, r.d, r.n, &t)) goto fail;
        free(r.d);
        r = t;
        if ((e >> i) & 1) {
            if (!big_mul(vm, r.d, r.n, va.d, va.n, &t)) goto fail;
            free(r.d);
            r = t;
        }
    }
    r.neg = va.neg && (e & 1);
    return int_from_big(vm, &r);
fail:
    free(r.d);
    return NULL;
}

/* a << s and a >> s (floor), two's complement semantics for negative a.
 * mirrors long_lshift() / long_rshift() */
static Obj *long_shift(Vm *vm, Obj *a, Obj *b, bool left) {
    if (int_sign(b) < 0) return vm_raise(vm, &Exc_ValueError, "negative shift count");
    View va;
    view_of(a, &va);
    if (va.n == 0) return int_from_i64(vm, 0);
    int64_t s;
    if (!int_as_i64(b, &s)) { /* a shift by more than 2**63 bits */
        if (left) return vm_nomem(vm);
        return int_from_i64(vm, va.neg ? -1 : 0);
    }
    ssize_t wshift = (ssize_t)(s / SHIFT);
    int rem = (int)(s % SHIFT);
    Big z;
    if (left) {
        if (wshift > INT_MAX_DIGITS) return vm_nomem(vm);
        if (!big_new(vm, &z, va.n + wshift + 1)) return NULL;
        z.d[va.n + wshift] = mag_lshift(z.d + wshift, va.d, va.n, rem);
        z.neg = va.neg;
        return int_from_big(vm, &z);
    }
    if (wshift >= va.n) return int_from_i64(vm, va.neg ? -1 : 0);
    if (!big_new(vm, &z, va.n - wshift + 1)) return NULL;
    if (!va.neg) {
        mag_rshift(z.d, va.d + wshift, va.n - wshift, rem);
    } else {
        /* a >> s == ~(~a >> s) == -(((|a| - 1) >> s) + 1) */
        digit *t = digits_new(vm, va.n);
        if (!t) {
            free(z.d);
            return NULL;
        }
        static const digit one = 1;
        mag_sub(va.d, va.n, &one, 1, t);
        mag_rshift(z.d, t + wshift, va.n - wshift, rem);
        free(t);
        mag_inc(z.d);
        z.neg = true;
    }
    return int_from_big(vm, &z);
}

/* d = -d mod BASE**n, in place: two's complement and back. */
static void mag_negate(digit *d, ssize_t n) {
    for (ssize_t i = 0; i < n; i++)
        d[i] = ~d[i] & MASK;
    for (ssize_t i = 0; i < n; i++) { /* + 1 */
        if (++d[i] < BASE) break;
        d[i] = 0;
    }
}

/* Two's complement of v in n digits (n > v->n). */
static void to_twos(const View *v, digit *out, ssize_t n) {
    memcpy(out, v->d, (size_t)v->n * sizeof(digit));
    if (v->neg) mag_negate(out, n);
}

/* a & b, a | b, a ^ b on two's complement values of unbounded width. mirrors long_bitwise() */
static Obj *long_bitwise(Vm *vm, Obj *a, Obj *b, int op) {
    View va, vb;
    view_of(a, &va);
    view_of(b, &vb);
    ssize_t n = (va.n > vb.n ? va.n : vb.n) + 1;
    Big z;
    digit *x = digits_new(vm, 2 * n);
    if (!x) return NULL;
    if (!big_new(vm, &z, n)) {
        free(x);
        return NULL;
    }
    digit *y = x + n;
    to_twos(&va, x, n);
    to_twos(&vb, y, n);
    bool neg;
    switch (op) {
    case OP_AND_BIT:
        for (ssize_t i = 0; i < n; i++)
            z.d[i] = x[i] & y[i];
        neg = va.neg && vb.neg;
        break;
    case OP_OR_BIT:
        for (ssize_t i = 0; i < n; i++)
            z.d[i] = x[i] | y[i];
        neg = va.neg || vb.neg;
        break;
    default:
        for (ssize_t i = 0; i < n; i++)
            z.d[i] = x[i] ^ y[i];
        neg = va.neg != vb.neg;
        break;
    }
    free(x);
    if (neg) mag_negate(z.d, n); /* back to sign and magnitude */
    z.neg = neg;
    return int_from_big(vm, &z);
}

/* The slow path of int_binop: at least one big operand, or a small result overflowed. */
static Obj *long_binop(Vm *vm, Obj *a, Obj *b, int op) {
    switch (op) {
    case OP_ADD:
        return long_addsub(vm, a, b, false);
    case OP_SUB:
        return long_addsub(vm, a, b, true);
    case OP_MUL:
        return long_mul(vm, a, b);
    case OP_FLOORDIV:
    case OP_MOD:
        return long_divmod_op(vm, a, b, op);
    case OP_TRUEDIV:
        return long_true_divide(vm, a, b);
    case OP_POW:
        return long_pow(vm, a, b);
    case OP_LSHIFT:
        return long_shift(vm, a, b, true);
    case OP_RSHIFT:
        return long_shift(vm, a, b, false);
    case OP_AND_BIT:
    case OP_OR_BIT:
    case OP_XOR:
        return long_bitwise(vm, a, b, op);
    default:
        return obj_newref(Py_NotImplemented);
    }
}

/* a <op> b for ints and bools (op: OP_ADD .. OP_XOR from ast.h). NEW reference;
 * NotImplemented when either side is not an int. */
Obj *int_binop(Vm *vm, Obj *a, Obj *b, int op) {
    if (!IS_INT(a) || !IS_INT(b)) return obj_newref(Py_NotImplemented);
    const Int *x = (const Int *)a, *y = (const Int *)b;
    if (x->big | y->big) return long_binop(vm, a, b, op);
    int64_t p = x->v, q = y->v, r;
    switch (op) {
    case OP_ADD:
        if (!__builtin_add_overflow(p, q, &r)) return int_from_i64(vm, r);
        break;
    case OP_SUB:
        if (!__builtin_sub_overflow(p, q, &r)) return int_from_i64(vm, r);
        break;
    case OP_MUL:
        if (!__builtin_mul_overflow(p, q, &r)) return int_from_i64(vm, r);
        break;
    case OP_FLOORDIV:
    case OP_MOD:
        if (q == 0) return zero_division(vm, op);
        if (q == -1 && p == INT64_MIN) break; /* 2**63 */
        {
            int64_t d = p / q, m = p % q;
            if (m && ((m ^ q) < 0)) { /* C truncates; Python floors */
                m += q;
                d -= 1;
            }
            return int_from_i64(vm, op == OP_MOD ? m : d);
        }
    case OP_TRUEDIV:
        if (q == 0) return vm_raise(vm, &Exc_ZeroDivisionError, "division by zero");
        if (mag_u64(p) <= ((uint64_t)1 << 53) && mag_u64(q) <= ((uint64_t)1 << 53))
            return float_new(vm, (double)p / (double)q);
        break;
    case OP_POW:
        if (q < 0) return float_binop(vm, a, b, OP_POW);
        if (pow_i64(p, q, &r)) return int_from_i64(vm, r);
        break;
    case OP_LSHIFT:
        if (q < 0) return vm_raise(vm, &Exc_ValueError, "negative shift count");
        if (p == 0) return int_from_i64(vm, 0);
        if (q < 63) {
            r = (int64_t)((uint64_t)p << q);
            if (r >> q == p) return int_from_i64(vm, r);
        }
        break;
    case OP_RSHIFT:
        if (q < 0) return vm_raise(vm, &Exc_ValueError, "negative shift count");
        return int_from_i64(vm, p >> (q > 63 ? 63 : q));
    case OP_AND_BIT:
        r = p & q;
        goto bitwise;
    case OP_OR_BIT:
        r = p | q;
        goto bitwise;
    case OP_XOR:
        r = p ^ q;
    bitwise:
        if (TYPE(a) == &BoolType && TYPE(b) == &BoolType) return bool_from(r); /* bool_and() */
        return int_from_i64(vm, r);
    default:
        return obj_newref(Py_NotImplemented);
    }
    return long_binop(vm, a, b, op);
}

/* divmod(a, b) for ints: NEW (q, r) tuple; NotImplemented if either is not an int. */
Obj *int_divmod(Vm *vm, Obj *a, Obj *b) {
    if (!IS_INT(a) || !IS_INT(b)) return obj_newref(Py_NotImplemented);
    if (int_sign(b) == 0) return zero_division(vm, OP_FLOORDIV);
    const Int *x = (const Int *)a, *y = (const Int *)b;
    Obj *q, *r;
    if (!(x->big | y->big) && !(y->v == -1 && x->v == INT64_MIN)) {
        int64_t d = x->v / y->v, m = x->v % y->v;
        if (m && ((m ^ y->v) < 0)) {
            m += y->v;
            d -= 1;
        }
        q = int_from_i64(vm, d);
        r = q ? int_from_i64(vm, m) : NULL;
        if (!r) {
            XDECREF(vm, q);
            return NULL;
        }
    } else if (!long_floordivmod(vm, a, b, &q, &r)) {
        return NULL;
    }
    Obj *t = tuple_pack(vm, 2, q, r);
    DECREF(vm, q);
    DECREF(vm, r);
    return t;
}

/* ---------------------------------------------------------------------------------------- */
/* pow(a, b, m). */

/* Floor modulo in 128 bits. */
static __int128 mod128(__int128 a, __int128 m) {
    __int128 r = a % m;
    return r < 0 ? r + m : r;
}

/* Inverse of a modulo m (m >= 2) by the extended Euclid algorithm; false if there is none.
 * mirrors long_invmod() */
static bool invmod_i64(int64_t a, uint64_t m, uint64_t *out) {
    __int128 x = a, n = (__int128)m, b = 1, c = 0;
    while (n != 0) {
        __int128 q = x / n, r = x % n;
        if (r != 0 && ((r < 0) != (n < 0))) { /* floor division */
            r += n;
            q -= 1;
        }
        x = n;
        n = r;
        __int128 s = b - q * c;
        b = c;
        c = s;
    }
    if (x != 1) return false;
    *out = (uint64_t)mod128(b, (__int128)m);
    return true;
}

static Obj *not_invertible(Vm *vm) {
    return vm_raise(vm, &Exc_ValueError, "base is not invertible for the given modulus");
}

/* The same algorithm on objects, for big moduli. NEW or NULL. */
static Obj *long_invmod(Vm *vm, Obj *a, Obj *n) {
    Obj *b = int_from_i64(vm, 1), *c = int_from_i64(vm, 0);
    INCREF(a);
    INCREF(n);
    while (int_sign(n) != 0) {
        Obj *q, *r;
        if (!long_floordivmod(vm, a, n, &q, &r)) goto error;
        DECREF(vm, a);
        a = n;
        n = r;
        Obj *t = long_mul(vm, q, c);
        DECREF(vm, q);
        if (!t) goto error;
        Obj *s = long_addsub(vm, b, t, true);
        DECREF(vm, t);
        if (!s) goto error;
        DECREF(vm, b);
        b = c;
        c = s;
    }
    DECREF(vm, c);
    DECREF(vm, n);
    bool one = ((Int *)a)->big == 0 && ((Int *)a)->v == 1;
    DECREF(vm, a);
    if (!one) {
        DECREF(vm, b);
        return not_invertible(vm);
    }
    return b;
error:
    DECREF(vm, a);
    DECREF(vm, n);
    DECREF(vm, b);
    DECREF(vm, c);
    return NULL;
}

/* out = x * y mod m (m positive, normalized). */
static bool big_mulmod(Vm *vm, const Big *x, const View *y, const View *m, Big *out) {
    Big p, q;
    if (!big_mul(vm, x->d, x->n, y->d, y->n, &p)) return false;
    View vp;
    view_big(&vp, &p);
    bool ok = mag_divmod(vm, &vp, m, &q, out);
    free(p.d);
    if (ok) free(q.d);
    return ok;
}

/* pow(a, b, m) for ints: NEW or NULL. mirrors long_pow() with a modulus */
Obj *int_pow_mod(Vm *vm, Obj *a, Obj *b, Obj *m) {
    if (!IS_INT(a) || !IS_INT(b) || !IS_INT(m))
        return vm_raise(vm, &Exc_TypeError,
                        "pow() 3rd argument not allowed unless all arguments are integers");
    if (int_sign(m) == 0) return vm_raise(vm, &Exc_ValueError, "pow() 3rd argument cannot be 0");
    int64_t x, e, n;
    if (int_as_i64(a, &x) && int_as_i64(b, &e) && int_as_i64(m, &n) && n != INT64_MIN &&
        e != INT64_MIN) {
        /* everything fits: 128-bit products */
        uint64_t mm = mag_u64(n), base, res = 1;
        if (mm == 1) return int_from_i64(vm, 0);
        if (e < 0) {
            if (!invmod_i64(x, mm, &base)) return not_invertible(vm);
            e = -e;
        } else {
            base = (uint64_t)mod128(x, (__int128)mm);
        }
        for (; e; e >>= 1) {
            if (e & 1) res = (uint64_t)((unsigned __int128)res * base % mm);
            base = (uint64_t)((unsigned __int128)base * base % mm);
        }
        int64_t out = (int64_t)res;
        if (n < 0 && res) out = (int64_t)(res - mm); /* result in (m, 0] for negative m */
        return int_from_i64(vm, out);
    }

    bool negative_output = int_sign(m) < 0;
    Obj *mod = int_abs(vm, m), *base = NULL, *exp = NULL, *res = NULL;
    if (!mod) return NULL;
    if (int_compare(mod, SMALL_INT(vm, 1)) == 0) {
        DECREF(vm, mod);
        return int_from_i64(vm, 0);
    }
    if (int_sign(b) < 0) {
        exp = int_neg(vm, b);
        base = exp ? long_invmod(vm, a, mod) : NULL;
    } else {
        exp = obj_newref(b);
        base = obj_newref(a);
    }
    if (!base) goto done;
    if (int_sign(base) < 0 || int_compare(base, mod) >= 0) {
        Obj *t = long_divmod_op(vm, base, mod, OP_MOD);
        DECREF(vm, base);
        base = t;
        if (!base) goto done;
    }
    {
        View vb, ve, vm_;
        view_of(base, &vb);
        view_of(exp, &ve);
        view_of(mod, &vm_);
        Big r;
        if (!big_new(vm, &r, 1)) goto done;
        r.d[0] = 1;
        for (ssize_t i = ve.n; i-- > 0;) {
            for (int bit = SHIFT - 1; bit >= 0; bit--) {
                Big t;
                View vr;
                view_big(&vr, &r);
                if (!big_mulmod(vm, &r, &vr, &vm_, &t)) goto fail_r;
                free(r.d);
                r = t;
                if ((ve.d[i] >> bit) & 1) {
                    if (!big_mulmod(vm, &r, &vb, &vm_, &t)) goto fail_r;
                    free(r.d);
                    r = t;
                }
            }
        }
        res = int_from_big(vm, &r);
        if (res && negative_output && int_sign(res) != 0) {
            Obj *t = long_addsub(vm, res, mod, true);
            DECREF(vm, res);
            res = t;
        }
        goto done;
    fail_r:
        free(r.d);
    }
done:
    DECREF(vm, mod);
    XDECREF(vm, base);
    XDECREF(vm, exp);
    return res;
}

/* ---------------------------------------------------------------------------------------- */
/* Unary operations, comparison, hash, queries. */

int int_sign(Obj *o) {
    const Int *i = (const Int *)o;
    if (!i->big) return (i->v > 0) - (i->v < 0);
    return i->neg ? -1 : 1;
}

bool int_as_i64(Obj *o, int64_t *out) {
    const Int *i = (const Int *)o;
    if (i->big) return false;
    *out = i->v;
    return true;
}

size_t int_ndigits(Obj *o) {
    const Int *i = (const Int *)o;
    return i->big ? (size_t)i->big : ndigits_u64(mag_u64(i->v));
}

/* Number of bits of |o| (int.bit_length()). */
size_t int_bit_length(Obj *o) {
    View v;
    view_of(o, &v);
    return view_bits(&v);
}

/* -o. mirrors long_neg() */
Obj *int_neg(Vm *vm, Obj *o) {
    const Int *i = (const Int *)o;
    if (!i->big && i->v != INT64_MIN) return int_from_i64(vm, -i->v);
    View v;
    view_of(o, &v);
    return int_from_view(vm, &v, !v.neg);
}

/* abs(o): o itself for a non-negative exact int. mirrors long_abs() */
Obj *int_abs(Vm *vm, Obj *o) {
    if (int_sign(o) < 0) return int_neg(vm, o);
    return int_exact(vm, o);
}

/* ~o == -(o + 1). mirrors long_invert() */
Obj *int_invert(Vm *vm, Obj *o) {
    const Int *i = (const Int *)o;
    if (!i->big) return int_from_i64(vm, ~i->v);
    View v, one = {.d = NULL, .n = 1, .neg = false, .buf = {1}};
    one.d = one.buf;
    view_of(o, &v);
    Big z;
    if (!big_addsub(vm, &v, &one, false, &z)) return NULL;
    z.neg = !z.neg;
    return int_from_big(vm, &z);
}

/* -1, 0, 1. mirrors long_compare() */
int int_compare(Obj *a, Obj *b) {
    const Int *x = (const Int *)a, *y = (const Int *)b;
    if (!(x->big | y->big)) return (x->v > y->v) - (x->v < y->v);
    int sx = int_sign(a), sy = int_sign(b);
    if (sx != sy) return sx < sy ? -1 : 1;
    View va, vb;
    view_of(a, &va);
    view_of(b, &vb);
    int c = mag_cmp(va.d, va.n, vb.d, vb.n);
    return sx < 0 ? -c : c;
}

/* hash(o): o modulo 2**61 - 1 with o's sign, -1 becoming -2. mirrors long_hash() */
int64_t int_hash(Obj *o) {
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    const Int *i = (const Int *)o;
    uint64_t x;
    bool neg;
    if (!i->big) {
        if (i->v > -(int64_t)P && i->v < (int64_t)P) return i->v == -1 ? -2 : i->v;
        neg = i->v < 0;
        x = mag_u64(i->v) % P;
    } else {
        x = 0;
        for (ssize_t k = i->big; k-- > 0;) {
            /* x * 2**30 mod P is a rotation of the 61-bit x */
            x = ((x << SHIFT) & P) | (x >> (61 - SHIFT));
            x += i->d[k];
            if (x >= P) x -= P;
        }
        neg = i->neg != 0;
    }
    int64_t h = neg ? -(int64_t)x : (int64_t)x;
    return h == -1 ? -2 : h;
}

/* round(o, ndigits): o itself (as an int) unless ndigits < 0, then half to even at
 * 10**-ndigits. mirrors int___round___impl() and _PyLong_DivmodNear() */
Obj *int_round(Vm *vm, Obj *o, Obj *ndigits) {
    if (!ndigits || ndigits == Py_None) return int_exact(vm, o);
    int64_t nd;
    if (IS_INT(ndigits)) {
        if (int_sign(ndigits) >= 0) return int_exact(vm, o);
        if (!int_as_i64(ndigits, &nd)) return int_from_i64(vm, 0);
    } else {
        bool ok;
        nd = obj_as_index(vm, ndigits, &ok);
        if (!ok) return NULL;
        if (nd >= 0) return int_exact(vm, o);
    }
    /* 10**k > 2|o| rounds to 0; |o| < 2**bits < 10**(bits/3 + 1) */
    uint64_t k = mag_u64(nd);
    if (k >= int_bit_length(o) / 3 + 2) return int_from_i64(vm, 0);
    Obj *ten = int_from_i64(vm, 10), *kobj = int_from_i64(vm, (int64_t)k);
    Obj *m = ten && kobj ? long_pow(vm, ten, kobj) : NULL;
    XDECREF(vm, ten);
    XDECREF(vm, kobj);
    if (!m) return NULL;
    Obj *q, *r, *res = NULL;
    if (!long_floordivmod(vm, o, m, &q, &r)) {
        DECREF(vm, m);
        return NULL;
    }
    /* r in [0, m): round up when 2r > m, or 2r == m and q is odd */
    Obj *two = int_from_i64(vm, 2);
    Obj *twice = long_mul(vm, r, two);
    DECREF(vm, two);
    if (twice) {
        int c = int_compare(twice, m);
        View vq;
        view_of(q, &vq);
        bool q_odd = vq.n && (vq.d[0] & 1);
        if (c > 0 || (c == 0 && q_odd)) {
            Obj *t = long_addsub(vm, r, m, true);
            DECREF(vm, r);
            r = t;
        }
        if (r) res = long_addsub(vm, o, r, true);
        DECREF(vm, twice);
    }
    DECREF(vm, q);
    XDECREF(vm, r);
    DECREF(vm, m);
    return res;
}

/* ---------------------------------------------------------------------------------------- */
/* int -> str. */

static Obj *limit_to_str(Vm *vm) {
    return vm_raise(vm, &Exc_ValueError, LIMIT_TO_STR, MAX_STR_DIGITS);
}

/* mirrors long_to_decimal_string_internal(): base 10**9 digits, quadratic */
static Obj *to_decimal(Vm *vm, const View *a) {
    ssize_t size_a = a->n;
    /* a cheap early refusal of huge values, exactly CPython's */
    if (size_a >= 10 * STR_DIGITS_THRESHOLD / (3 * SHIFT) + 2 &&
        MAX_STR_DIGITS / (3 * SHIFT) <= (size_a - 11) / 10)
        return limit_to_str(vm);
    ssize_t d = (33 * DECIMAL_SHIFT) / (10 * SHIFT - 33 * DECIMAL_SHIFT);
    digit *pout = malloc(sizeof(digit) * (size_t)(1 + size_a + size_a / d));
    if (!pout) return vm_nomem(vm);
    ssize_t size = 0;
    for (ssize_t i = size_a; --i >= 0;) {
        digit hi = a->d[i];
        for (ssize_t j = 0; j < size; j++) {
            twodigits z = (twodigits)pout[j] << SHIFT | hi;
            hi = (digit)(z / DECIMAL_BASE);
            pout[j] = (digit)(z - (twodigits)hi * DECIMAL_BASE);
        }
        while (hi) {
            pout[size++] = hi % DECIMAL_BASE;
            hi /= DECIMAL_BASE;
        }
    }
    if (size == 0) pout[size++] = 0;
    ssize_t strlen_ = (a->neg ? 1 : 0) + 1 + (size - 1) * DECIMAL_SHIFT;
    for (uint64_t tenpow = 10; pout[size - 1] >= tenpow; tenpow *= 10)
        strlen_++;
    if (strlen_ - (a->neg ? 1 : 0) > MAX_STR_DIGITS) {
        free(pout);
        return limit_to_str(vm);
    }
    char *buf = malloc((size_t)strlen_ + 1);
    if (!buf) {
        free(pout);
        return vm_nomem(vm);
    }
    char *p = buf + strlen_;
    for (ssize_t i = 0; i < size - 1; i++) {
        digit rem = pout[i];
        for (int j = 0; j < DECIMAL_SHIFT; j++) {
            *--p = (char)('0' + rem % 10);
            rem /= 10;
        }
    }
    digit rem = pout[size - 1];
    do {
        *--p = (char)('0' + rem % 10);
        rem /= 10;
    } while (rem);
    if (a->neg) *--p = '-';
    Obj *s = str_new(vm, buf, (size_t)strlen_);
    free(buf);
    free(pout);
    return s;
}

static const char DIGIT_CHARS[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* bases 2, 4, 8, 16, 32: bits straight out of the digits. mirrors long_format_binary() */
static Obj *to_binary_base(Vm *vm, const View *a, int base) {
    int bits = __builtin_ctz((unsigned)base);
    size_t nbits = view_bits(a);
    size_t nchars = nbits ? (nbits + (size_t)bits - 1) / (size_t)bits : 1;
    size_t len = nchars + (a->neg ? 1 : 0);
    char *buf = malloc(len + 1);
    if (!buf) return vm_nomem(vm);
    char *p = buf + len;
    twodigits accum = 0;
    int accumbits = 0;
    ssize_t i = 0;
    for (size_t c = 0; c < nchars; c++) {
        if (accumbits < bits && i < a->n) {
            accum |= (twodigits)a->d[i++] << accumbits;
            accumbits += SHIFT;
        }
        *--p = DIGIT_CHARS[accum & (twodigits)(base - 1)];
        accum >>= bits;
        accumbits -= bits;
    }
    if (a->neg) *--p = '-';
    Obj *s = str_new(vm, buf, len);
    free(buf);
    return s;
}

/* any other base 2..36 by repeated division (quadratic; not reachable from Python code) */
static Obj *to_other_base(Vm *vm, const View *a, int base) {
    size_t cap = view_bits(a) + 2;
    char *buf = malloc(cap + 1);
    digit *t = malloc(sizeof(digit) * (size_t)(a->n + 1));
    if (!buf || !t) {
        free(buf);
        free(t);
        return vm_nomem(vm);
    }
    char *p = buf + cap;
    memcpy(t, a->d, sizeof(digit) * (size_t)a->n);
    ssize_t n = a->n;
    do {
        digit r = n ? mag_divrem1(t, n, (digit)base, t) : 0;
        *--p = DIGIT_CHARS[r];
        n = mag_norm(t, n);
    } while (n);
    if (a->neg) *--p = '-';
    Obj *s = str_new(vm, p, (size_t)(buf + cap - p));
    free(buf);
    free(t);
    return s;
}

/* The digits of o in base 2..36 (lower case, '-' sign, no prefix). NEW str. Base 10 refuses
 * more than 4300 digits with CPython's ValueError. */
Obj *int_to_str(Vm *vm, Obj *o, int base) {
    const Int *i = (const Int *)o;
    if (!i->big && base == 10) {
        char buf[24], *p = buf + sizeof buf;
        uint64_t m = mag_u64(i->v);
        do {
            *--p = (char)('0' + m % 10);
            m /= 10;
        } while (m);
        if (i->v < 0) *--p = '-';
        return str_new(vm, p, (size_t)(buf + sizeof buf - p));
    }
    View v;
    view_of(o, &v);
    if (base == 10) return to_decimal(vm, &v);
    if ((base & (base - 1)) == 0) return to_binary_base(vm, &v, base);
    return to_other_base(vm, &v, base);
}

/* ---------------------------------------------------------------------------------------- */
/* str -> int. */

/* Zeros of the Unicode decimal digit blocks (category Nd) of Python 3.11's database, each
 * followed by its nine successors: int('٣') == 3. */
static const uint32_t UNICODE_ZEROS[] = {
    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,   0xbe6,   0xc66,
    0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,  0x1090,  0x17e0,  0x1810,
    0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,  0xa8d0,
    0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066, 0x110f0,
    0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950,
    0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec,
    0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
};

static int unicode_decimal(uint32_t cp) {
    int lo = 0, hi = (int)(sizeof UNICODE_ZEROS / sizeof UNICODE_ZEROS[0]) - 1, found = -1;
    while (lo <= hi) { /* the last zero <= cp */
        int mid = (lo + hi) / 2;
        if (UNICODE_ZEROS[mid] <= cp) {
            found = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    if (found < 0 || cp - UNICODE_ZEROS[found] > 9) return -1;
    return (int)(cp - UNICODE_ZEROS[found]);
}

static bool unicode_space(uint32_t cp) { /* str.isspace() above U+007F */
    return cp == 0x85 || cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

static inline bool ascii_space(char c) { /* Py_ISSPACE */
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static inline int digit_value(char c) { /* _PyLong_DigitValue: 37 for a non-digit */
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 37;
}

/* The digits [s, end) in a base that is not a power of two, underscores skipped.
 * mirrors the convwidth loop of PyLong_FromString() */
static bool digits_other_base(Vm *vm, const char *s, const char *end, int base, ssize_t ndig,
                              Big *z) {
    int convwidth = 0;
    twodigits convmultmax = 1;
    while (convmultmax * (twodigits)base <= BASE) {
        convmultmax *= (twodigits)base;
        convwidth++;
    }
    /* an upper bound on the digits needed: log2(36) < 6 bits per character */
    ssize_t cap = ndig * bitlen_digit((digit)base) / SHIFT + 2;
    if (!big_new(vm, z, cap)) return false;
    ssize_t zn = 0;
    while (s < end) {
        twodigits c = 0, convmult = 1;
        for (int k = 0; k < convwidth && s < end; s++) {
            if (*s == '_') continue;
            c = c * (twodigits)base + (twodigits)digit_value(*s);
            convmult *= (twodigits)base;
            k++;
        }
        /* z = z * convmult + c */
        for (ssize_t i = 0; i < zn; i++) {
            c += (twodigits)z->d[i] * convmult;
            z->d[i] = (digit)(c & MASK);
            c >>= SHIFT;
        }
        if (c) z->d[zn++] = (digit)c;
    }
    z->n = zn;
    return true;
}

/* Power-of-two bases: bits packed from the last character. mirrors long_from_binary_base() */
static bool digits_binary_base(Vm *vm, const char *s, const char *end, int base, ssize_t ndig,
                               Big *z) {
    int bits = __builtin_ctz((unsigned)base);
    if (!big_new(vm, z, (ndig * bits + SHIFT - 1) / SHIFT + 1)) return false;
    ssize_t zn = 0;
    twodigits accum = 0;
    int accumbits = 0;
    for (const char *p = end; p-- > s;) {
        if (*p == '_') continue;
        accum |= (twodigits)digit_value(*p) << accumbits;
        accumbits += bits;
        if (accumbits >= SHIFT) {
            z->d[zn++] = (digit)(accum & MASK);
            accum >>= SHIFT;
            accumbits -= SHIFT;
        }
    }
    if (accumbits) z->d[zn++] = (digit)accum;
    z->n = zn;
    return true;
}

/* Parses ASCII [s, s+n) as PyLong_FromString() does (whitespace, sign, prefix, PEP 515
 * underscores). Returns NEW; NULL with *syntax set for an invalid literal (no exception yet),
 * or NULL with an exception set (the 4300-digit limit, memory). */
static Obj *parse_int(Vm *vm, const char *s, size_t n, int base, bool *syntax) {
    const char *p = s, *end = s + n;
    bool neg = false, error_if_nonzero = false;
    *syntax = true;
    while (p < end && ascii_space(*p))
        p++;
    if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
    char c0 = p < end ? p[0] : 0, c1 = p + 1 < end ? p[1] : 0;
    if (base == 0) {
        if (c0 != '0')
            base = 10;
        else if (c1 == 'x' || c1 == 'X')
            base = 16;
        else if (c1 == 'o' || c1 == 'O')
            base = 8;
        else if (c1 == 'b' || c1 == 'B')
            base = 2;
        else { /* "old" C-style octal, now invalid: may still be zero */
            error_if_nonzero = true;
            base = 10;
        }
    }
    if (c0 == '0' &&
        ((base == 16 && (c1 == 'x' || c1 == 'X')) || (base == 8 && (c1 == 'o' || c1 == 'O')) ||
         (base == 2 && (c1 == 'b' || c1 == 'B')))) {
        p += 2;
        if (p < end && *p == '_') p++; /* one underscore allowed after the prefix */
    }
    if (p < end && *p == '_') return NULL; /* may not start with an underscore */
    const char *start = p;
    ssize_t ndig = 0;
    char prev = 0;
    while (p < end && (digit_value(*p) < base || *p == '_')) {
        if (*p == '_') {
            if (prev == '_') return NULL; /* only one underscore in a row */
        } else {
            ndig++;
        }
        prev = *p++;
    }
    if (prev == '_') return NULL; /* trailing underscore */
    bool binary = (base & (base - 1)) == 0;
    if (!binary && ndig > MAX_STR_DIGITS) {
        *syntax = false;
        return vm_raise(vm, &Exc_ValueError, LIMIT_TO_INT, MAX_STR_DIGITS, ndig);
    }
    if (p == start) return NULL;
    const char *digits_end = p;
    while (p < end && ascii_space(*p))
        p++;
    if (p != end) return NULL;
    Big z;
    bool ok = binary ? digits_binary_base(vm, start, digits_end, base, ndig, &z)
                     : digits_other_base(vm, start, digits_end, base, ndig, &z);
    if (!ok) {
        *syntax = false;
        return NULL;
    }
    if (error_if_nonzero && mag_norm(z.d, z.n) != 0) {
        free(z.d);
        return NULL;
    }
    z.neg = neg;
    Obj *r = int_from_big(vm, &z);
    if (!r) *syntax = false;
    return r;
}

/* ValueError "invalid literal for int() with base B: R", R the repr of the original text cut
 * to 200 characters (CPython's %.200R). */
static Obj *invalid_literal(Vm *vm, const char *s, size_t n, int base, bool bytes) {
    Obj *orig =
        bytes ? bytes_new(vm, (const unsigned char *)s, n < 200 ? n : 200) : str_new(vm, s, n);
    if (!orig) return NULL;
    Obj *r = bytes ? bytes_repr(vm, orig) : str_repr(vm, orig);
    DECREF(vm, orig);
    if (!r) return NULL;
    const char *rs = str_cstr(r);
    size_t nb = ((Str *)r)->nbytes, cut = 0;
    for (size_t chars = 0; cut < nb && chars < 200; chars++) { /* 200 code points of UTF-8 */
        cut++;
        while (cut < nb && ((unsigned char)rs[cut] & 0xC0) == 0x80)
            cut++;
    }
    StrBuf b;
    sb_init(&b);
    sb_addf(&b, "invalid literal for int() with base %d: ", base);
    sb_add(&b, rs, cut);
    DECREF(vm, r);
    Obj *msg = sb_finish(vm, &b);
    if (!msg) return NULL;
    vm_raise_obj(vm, &Exc_ValueError, msg);
    DECREF(vm, msg);
    return NULL;
}

static bool valid_base(Vm *vm, int64_t base) {
    if ((base != 0 && base < 2) || base > 36) {
        vm_raise(vm, &Exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return false;
    }
    return true;
}

/* int(s, base) for a str given as UTF-8: non-ASCII spaces and decimal digits are mapped to
 * ASCII first. NEW or NULL (ValueError as CPython). mirrors PyLong_FromUnicodeObject() */
Obj *int_from_str(Vm *vm, const char *s, size_t n, int base) {
    if (!valid_base(vm, base)) return NULL;
    const char *text = s;
    size_t tn = n;
    char *ascii = NULL;
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] < 0x80) continue;
        /* _PyUnicode_TransformDecimalAndSpaceToASCII() */
        ascii = malloc(n + 1);
        if (!ascii) return vm_nomem(vm);
        memcpy(ascii, s, i);
        tn = i;
        while (i < n) {
            if ((unsigned char)s[i] < 0x80) {
                ascii[tn++] = s[i++];
                continue;
            }
            uint32_t cp;
            int k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
            if (k <= 0) k = 1;
            i += (size_t)k;
            int dv;
            if (unicode_space(cp)) {
                ascii[tn++] = ' ';
            } else if ((dv = unicode_decimal(cp)) >= 0) {
                ascii[tn++] = (char)('0' + dv);
            } else {
                ascii[tn++] = '?';
                break;
            }
        }
        text = ascii;
        break;
    }
    bool syntax;
    Obj *r = parse_int(vm, text, tn, base, &syntax);
    free(ascii);
    if (!r && syntax) return invalid_literal(vm, s, n, base, false);
    return r;
}

/* int(b, base) for bytes. mirrors _PyLong_FromBytes() */
static Obj *int_from_bytes_text(Vm *vm, const unsigned char *s, size_t n, int base) {
    bool syntax;
    Obj *r = parse_int(vm, (const char *)s, n, base, &syntax);
    if (!r && syntax) return invalid_literal(vm, (const char *)s, n, base, true);
    return r;
}

/* ---------------------------------------------------------------------------------------- */
/* The type: int(), repr, size, methods. */

static Obj *int_repr(Vm *vm, Obj *o) {
    return int_to_str(vm, o, 10);
}

static Obj *bool_repr(Vm *vm, Obj *o) {
    return str_intern_cstr(vm, ((Int *)o)->v ? "True" : "False");
}

/* __sizeof__: 24 + 4 per 30-bit digit, at least one (0 and False are 28). */
static size_t int_size_of(Obj *o) {
    return int_pysize(int_ndigits(o));
}

/* Checks a conversion method's result. mirrors PyNumber_Long() / PyNumber_Index() */
static Obj *converted(Vm *vm, Obj *r, const char *what) {
    if (!r || IS_EXACT_INT(r)) return r;
    if (IS_INT(r)) {
        Obj *c = int_exact(vm, r);
        DECREF(vm, r);
        return c;
    }
    vm_raise(vm, &Exc_TypeError, "%s returned non-int (type %s)", what, obj_type_name(r));
    DECREF(vm, r);
    return NULL;
}

/* int(x) with no base. mirrors PyNumber_Long() */
static Obj *number_long(Vm *vm, Obj *x) {
    if (IS_INT(x)) return int_exact(vm, x);
    if (IS_FLOAT(x)) return int_from_double(vm, ((Float *)x)->v);
    if (IS_STR(x)) return int_from_str(vm, str_cstr(x), ((Str *)x)->nbytes, 10);
    if (KIND(x) == OBJ_BYTES)
        return int_from_bytes_text(vm, ((Bytes *)x)->s, ((Bytes *)x)->len, 10);
    bool found;
    Obj *r = call_special(vm, x, "__int__", NULL, 0, &found);
    if (found) return converted(vm, r, "__int__");
    r = call_special(vm, x, "__index__", NULL, 0, &found);
    if (found) return converted(vm, r, "__index__");
    r = call_special(vm, x, "__trunc__", NULL, 0, &found);
    if (found) { /* (3.11 also warns that this delegation is deprecated) */
        if (!r || IS_INT(r)) return converted(vm, r, "__trunc__");
        vm_raise(vm, &Exc_TypeError, "__trunc__ returned non-Integral (type %s)", obj_type_name(r));
        DECREF(vm, r);
        return NULL;
    }
    return vm_raise(vm, &Exc_TypeError,
                    "int() argument must be a string, a bytes-like object or a real number, "
                    "not '%s'",
                    obj_type_name(x));
}

/* int(x=0, /, base=10). mirrors long_new_impl() */
static Obj *int_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kwnames) {
    (void)t;
    int nkw = kwnames ? (int)TUPLE_LEN(kwnames) : 0;
    if (nargs + nkw > 2)
        return vm_raise(vm, &Exc_TypeError, "int() takes at most 2 arguments (%d given)",
                        nargs + nkw);
    Obj *x = nargs > 0 ? args[0] : NULL, *obase = nargs > 1 ? args[1] : NULL;
    for (int k = 0; k < nkw; k++) {
        Obj *name = TUPLE_ITEM(kwnames, k);
        if (!str_eq_cstr(name, "base"))
            return vm_raise(vm, &Exc_TypeError, "'%s' is an invalid keyword argument for int()",
                            str_cstr(name));
        if (obase)
            return vm_raise(vm, &Exc_TypeError,
                            "argument for int() given by name ('base') and position (2)");
        obase = args[nargs + k];
    }
    if (!x) {
        if (obase) return vm_raise(vm, &Exc_TypeError, "int() missing string argument");
        return int_from_i64(vm, 0);
    }
    if (!obase) return number_long(vm, x);
    int64_t base;
    if (IS_INT(obase)) {
        if (!int_as_i64(obase, &base)) base = int_sign(obase) < 0 ? INT64_MIN : INT64_MAX;
    } else {
        bool ok;
        base = obj_as_index(vm, obase, &ok);
        if (!ok) return NULL;
    }
    if (!valid_base(vm, base)) return NULL;
    if (IS_STR(x)) return int_from_str(vm, str_cstr(x), ((Str *)x)->nbytes, (int)base);
    if (KIND(x) == OBJ_BYTES)
        return int_from_bytes_text(vm, ((Bytes *)x)->s, ((Bytes *)x)->len, (int)base);
    return vm_raise(vm, &Exc_TypeError, "int() can't convert non-string with explicit base");
}

/* bool(x=False). mirrors bool_new() */
static Obj *bool_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kwnames) {
    (void)t;
    if (!args_no_kw(vm, "bool", kwnames) || !args_check(vm, "bool", nargs, 0, 1)) return NULL;
    if (nargs == 0) return obj_newref(Py_False);
    int truth = obj_truth(vm, args[0]);
    if (truth < 0) return NULL;
    return bool_from(truth);
}

#define NOARGS(name)                                                                               \
    if (!args_no_kw(vm, "int." name, kw) || !args_check(vm, "int." name, nargs, 0, 0))             \
        return NULL;                                                                               \
    (void)args

static Obj *int_m_bit_length(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    NOARGS("bit_length");
    return int_from_i64(vm, (int64_t)int_bit_length(self));
}

static Obj *int_m_bit_count(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    NOARGS("bit_count");
    View v;
    view_of(self, &v);
    int64_t count = 0;
    for (ssize_t i = 0; i < v.n; i++)
        count += __builtin_popcount(v.d[i]);
    return int_from_i64(vm, count);
}

/* conjugate, __int__, __index__, __trunc__, __floor__, __ceil__, __pos__: int(self) */
static Obj *int_m_self(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    NOARGS("conjugate");
    return int_exact(vm, self);
}

static Obj *int_m_as_integer_ratio(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    NOARGS("as_integer_ratio");
    Obj *num = int_exact(vm, self);
    if (!num) return NULL;
    Obj *t = tuple_pack(vm, 2, num, SMALL_INT(vm, 1));
    DECREF(vm, num);
    return t;
}

static Obj *int_m_neg(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    NOARGS("__neg__");
    return int_neg(vm, self);
}

static Obj *int_m_abs(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    NOARGS("__abs__");
    return int_abs(vm, self);
}

static Obj *int_m_invert(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    NOARGS("__invert__");
    return int_invert(vm, self);
}

static Obj *int_m_bool(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    NOARGS("__bool__");
    return bool_from(int_sign(self) != 0);
}

static Obj *int_m_float(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    NOARGS("__float__");
    bool ok;
    double d = int_as_double(vm, self, &ok);
    return ok ? float_new(vm, d) : NULL;
}

static Obj *int_m_hash(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    NOARGS("__hash__");
    return int_from_i64(vm, int_hash(self));
}

static Obj *int_m_round(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "int.__round__", kw) || !args_check(vm, "__round__", nargs, 0, 1))
        return NULL;
    return int_round(vm, self, nargs ? args[0] : NULL);
}

static Obj *int_m_divmod(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "int.__divmod__", kw) || !args_check(vm, "__divmod__", nargs, 1, 1))
        return NULL;
    return int_divmod(vm, self, args[0]);
}

static Obj *int_m_pow(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "int.__pow__", kw) || !args_check(vm, "__pow__", nargs, 1, 2)) return NULL;
    if (nargs == 2 && args[1] != Py_None) {
        if (!IS_INT(args[0]) || !IS_INT(args[1])) return obj_newref(Py_NotImplemented);
        return int_pow_mod(vm, self, args[0], args[1]);
    }
    return int_binop(vm, self, args[0], OP_POW);
}

static Obj *int_m_rpow(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "int.__rpow__", kw) || !args_check(vm, "__rpow__", nargs, 1, 2))
        return NULL;
    if (nargs == 2 && args[1] != Py_None) {
        if (!IS_INT(args[0]) || !IS_INT(args[1])) return obj_newref(Py_NotImplemented);
        return int_pow_mod(vm, args[0], self, args[1]);
    }
    return int_binop(vm, args[0], self, OP_POW);
}

/* __add__ and friends: the slot wrappers of int's number methods */
#define INT_BINARY(name, op, reflected)                                                            \
    static Obj *int_m_##name(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {                  \
        if (!args_no_kw(vm, "int.__" #name "__", kw) ||                                            \
            !args_check(vm, "__" #name "__", nargs, 1, 1))                                         \
            return NULL;                                                                           \
        return reflected ? int_binop(vm, args[0], self, op) : int_binop(vm, self, args[0], op);    \
    }
INT_BINARY(add, OP_ADD, 0)
INT_BINARY(radd, OP_ADD, 1)
INT_BINARY(sub, OP_SUB, 0)
INT_BINARY(rsub, OP_SUB, 1)
INT_BINARY(mul, OP_MUL, 0)
INT_BINARY(rmul, OP_MUL, 1)
INT_BINARY(floordiv, OP_FLOORDIV, 0)
INT_BINARY(rfloordiv, OP_FLOORDIV, 1)
INT_BINARY(truediv, OP_TRUEDIV, 0)
INT_BINARY(rtruediv, OP_TRUEDIV, 1)
INT_BINARY(mod, OP_MOD, 0)
INT_BINARY(rmod, OP_MOD, 1)
INT_BINARY(lshift, OP_LSHIFT, 0)
INT_BINARY(rlshift, OP_LSHIFT, 1)
INT_BINARY(rshift, OP_RSHIFT, 0)
INT_BINARY(rrshift, OP_RSHIFT, 1)
INT_BINARY(and, OP_AND_BIT, 0)
INT_BINARY(rand, OP_AND_BIT, 1)
INT_BINARY(or, OP_OR_BIT, 0)
INT_BINARY(ror, OP_OR_BIT, 1)
INT_BINARY(xor, OP_XOR, 0)
INT_BINARY(rxor, OP_XOR, 1)

/* __eq__ and friends: NotImplemented for a non-int (int == float is float's business) */
#define INT_COMPARE(name, test)                                                                    \
    static Obj *int_m_##name(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {                  \
        if (!args_no_kw(vm, "int.__" #name "__", kw) ||                                            \
            !args_check(vm, "__" #name "__", nargs, 1, 1))                                         \
            return NULL;                                                                           \
        if (!IS_INT(args[0])) return obj_newref(Py_NotImplemented);                                \
        int c = int_compare(self, args[0]);                                                        \
        return bool_from(test);                                                                    \
    }
INT_COMPARE(eq, c == 0)
INT_COMPARE(ne, c != 0)
INT_COMPARE(lt, c < 0)
INT_COMPARE(le, c <= 0)
INT_COMPARE(gt, c > 0)
INT_COMPARE(ge, c >= 0)

static const MethodDef int_methods[] = {
    {"bit_length", int_m_bit_length},
    {"bit_count", int_m_bit_count},
    {"conjugate", int_m_self},
    {"as_integer_ratio", int_m_as_integer_ratio},
    {"__int__", int_m_self},
    {"__index__", int_m_self},
    {"__trunc__", int_m_self},
    {"__floor__", int_m_self},
    {"__ceil__", int_m_self},
    {"__pos__", int_m_self},
    {"__neg__", int_m_neg},
    {"__abs__", int_m_abs},
    {"__invert__", int_m_invert},
    {"__bool__", int_m_bool},
    {"__float__", int_m_float},
    {"__hash__", int_m_hash},
    {"__round__", int_m_round},
    {"__divmod__", int_m_divmod},
    {"__pow__", int_m_pow},
    {"__rpow__", int_m_rpow},
    {"__add__", int_m_add},
    {"__radd__", int_m_radd},
    {"__sub__", int_m_sub},
    {"__rsub__", int_m_rsub},
    {"__mul__", int_m_mul},
    {"__rmul__", int_m_rmul},
    {"__floordiv__", int_m_floordiv},
    {"__rfloordiv__", int_m_rfloordiv},
    {"__truediv__", int_m_truediv},
    {"__rtruediv__", int_m_rtruediv},
    {"__mod__", int_m_mod},
    {"__rmod__", int_m_rmod},
    {"__lshift__", int_m_lshift},
    {"__rlshift__", int_m_rlshift},
    {"__rshift__", int_m_rshift},
    {"__rrshift__", int_m_rrshift},
    {"__and__", int_m_and},
    {"__rand__", int_m_rand},
    {"__or__", int_m_or},
    {"__ror__", int_m_ror},
    {"__xor__", int_m_xor},
    {"__rxor__", int_m_rxor},
    {"__eq__", int_m_eq},
    {"__ne__", int_m_ne},
    {"__lt__", int_m_lt},
    {"__le__", int_m_le},
    {"__gt__", int_m_gt},
    {"__ge__", int_m_ge},
    {NULL, NULL},
};

Type IntType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "int",
    .kind = OBJ_INT,
    .basicsize = 24,
    .itemsize = 4,
    .dealloc = int_dealloc,
    .repr = int_repr,
    .size_of = int_size_of,
    .methods = int_methods,
    .new_ = int_new_type,
    .base = &ObjectType,
};

/* bool: an int subclass with two instances; its methods are int's (found through base). */
Type BoolType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "bool",
    .kind = OBJ_BOOL,
    .basicsize = 24,
    .itemsize = 4,
    .dealloc = int_dealloc,
    .repr = bool_repr,
    .size_of = int_size_of,
    .new_ = bool_new_type,
    .base = &IntType,
};

/* ---------------------------------------------------------------------------------------- */
/* The statics. */

/* Creates vm->small_ints (-5..256, refcount 1e9) and vm->true_ / vm->false_ (refcount 1000)
 * as static objects in one block; int_destroy_statics() releases it. */
void int_init_statics(Vm *vm) {
    Int *block = calloc(SMALL_N + 2, sizeof(Int));
    if (!block) abort();
    for (int i = 0; i < SMALL_N; i++) {
        Int *o = &block[i];
        obj_init_static(&o->ob, &IntType, 1000000000);
        o->ob.addr = SMALL_INTS_ADDR + 32 * (uint64_t)i;
        o->ob.uid = vm->next_uid++;
        o->v = i - 5;
        vm->small_ints[i] = &o->ob;
    }
    for (int i = 0; i < 2; i++) {
        Int *o = &block[SMALL_N + i];
        obj_init_static(&o->ob, &BoolType, 1000);
        o->ob.addr = TRUE_ADDR + 32 * (uint64_t)i;
        o->ob.uid = vm->next_uid++;
        o->v = i == 0;
    }
    vm->true_ = &block[SMALL_N].ob;
    vm->false_ = &block[SMALL_N + 1].ob;
}

void int_destroy_statics(Vm *vm) {
    free(vm->small_ints[0]); /* the block allocated by int_init_statics */
    memset(vm->small_ints, 0, sizeof vm->small_ints);
    vm->true_ = vm->false_ = NULL;
}
