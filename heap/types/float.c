/*
 * float.c - the float type: 24 bytes in CPython (refcnt, type, double), not a GC type.
 *
 * 3.11 keeps up to 100 freed floats on a free list (PyFloat_MAXFREELIST): a new float takes
 * the most recently freed one, so `id()` of a freed float is reused by the next float, and
 * the allocator model sees neither the free nor the new allocation.
 */
#include "heap/lang/ast.h"
#include "heap/types/types.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

Obj *float_new(Vm *vm, double v) {
    Float *f;
    if (vm->nfloat_free > 0) {
        f = (Float *)vm->float_free[--vm->nfloat_free];
        f->ob.refcnt = 1;
        f->ob.uid = vm->next_uid++;
        vm->live_objects++;
        vm_event(vm, EV_ALLOC, (Obj *)f, 0);
    } else {
        f = (Float *)obj_alloc(vm, &FloatType, sizeof(Float), 24);
        if (!f) return NULL;
    }
    f->v = v;
    return (Obj *)f;
}

static void float_dealloc(Vm *vm, Obj *o) {
    if (vm->nfloat_free < 100) { /* mirrors float_dealloc(): onto the free list */
        vm_event(vm, EV_FREE, o, 0);
        vm->live_objects--;
        vm->float_free[vm->nfloat_free++] = o;
        return;
    }
    obj_free_mem(vm, o);
}

/* Shortest repr that round-trips, formatted as CPython's float_repr (format_float_short
 * with mode 'r'): exponent notation when the decimal point position is <= -4 or > 16. */
void float_repr_buf(double v, char *buf, size_t n) {
    if (isnan(v)) {
        snprintf(buf, n, "nan");
        return;
    }
    if (isinf(v)) {
        snprintf(buf, n, v > 0 ? "inf" : "-inf");
        return;
    }
    if (v == 0) {
        snprintf(buf, n, signbit(v) ? "-0.0" : "0.0");
        return;
    }
    char tmp[64];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, v);
        if (strtod(tmp, NULL) == v) break;
    }
    /* tmp = [-]d.ddddde[+-]XX */
    char digits[32] = {0};
    int nd = 0;
    const char *p = tmp;
    bool neg = false;
    if (*p == '-') {
        neg = true;
        p++;
    }
    while (*p && *p != 'e') {
        if (*p >= '0' && *p <= '9') digits[nd++] = *p;
        p++;
    }
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    digits[nd] = 0;
    int exp10 = atoi(p + 1);
    int decpt = exp10 + 1;
    char out[64];
    int o = 0;
    if (neg) out[o++] = '-';
    if (decpt <= -4 || decpt > 16) {
        out[o++] = digits[0];
        if (nd > 1) {
            out[o++] = '.';
            for (int i = 1; i < nd; i++)
                out[o++] = digits[i];
        }
        o += snprintf(out + o, sizeof out - o, "e%c%02d", exp10 < 0 ? '-' : '+', abs(exp10));
    } else if (decpt <= 0) {
        out[o++] = '0';
        out[o++] = '.';
        for (int i = 0; i < -decpt; i++)
            out[o++] = '0';
        for (int i = 0; i < nd; i++)
            out[o++] = digits[i];
    } else {
        for (int i = 0; i < decpt; i++)
            out[o++] = i < nd ? digits[i] : '0';
        out[o++] = '.';
        if (nd > decpt)
            for (int i = decpt; i < nd; i++)
                out[o++] = digits[i];
        else
            out[o++] = '0';
    }
    out[o] = 0;
    snprintf(buf, n, "%s", out);
}

Obj *float_repr_str(Vm *vm, double v) {
    char buf[64];
    float_repr_buf(v, buf, sizeof buf);
    return str_from_cstr(vm, buf);
}

static Obj *float_repr(Vm *vm, Obj *o) {
    return float_repr_str(vm, ((Float *)o)->v);
}

/* mirrors _Py_HashDouble() */
int64_t float_hash(double v) {
    if (isinf(v)) return v > 0 ? 314159 : -314159;
    if (isnan(v)) return 0;
    const int64_t P = ((int64_t)1 << 61) - 1;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & (uint64_t)P) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= (uint64_t)P) x -= (uint64_t)P;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & (uint64_t)P) | x >> (61 - e);
    int64_t h = (int64_t)x * sign;
    if (h == -1) h = -2;
    return h;
}

static bool to_double(Vm *vm, Obj *o, double *out) {
    if (IS_FLOAT(o)) {
        *out = ((Float *)o)->v;
        return true;
    }
    if (IS_INT(o)) {
        bool ok;
        *out = int_as_double(vm, o, &ok);
        return ok;
    }
    return false;
}

/* mirrors float_divmod's floor semantics */
static double py_fmod(double a, double b) {
    double mod = fmod(a, b);
    if (mod) {
        if ((b < 0) != (mod < 0)) mod += b;
    } else {
        mod = copysign(0.0, b);
    }
    return mod;
}

static double py_floordiv(double a, double b) {
    double mod = fmod(a, b);
    double div = (a - mod) / b;
    if (mod && ((b < 0) != (mod < 0))) div -= 1.0;
    double floordiv;
    if (div) {
        floordiv = floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = copysign(0.0, a / b);
    }
    return floordiv;
}

Obj *float_binop(Vm *vm, Obj *a, Obj *b, int op) {
    double x, y;
    bool ok = true;
    if (!to_double(vm, a, &x) || !to_double(vm, b, &y)) {
        if (vm->exc) return NULL;
        ok = false;
    }
    if (!ok) return obj_newref(Py_NotImplemented);
    switch (op) {
    case OP_ADD:
        return float_new(vm, x + y);
    case OP_SUB:
        return float_new(vm, x - y);
    case OP_MUL:
        return float_new(vm, x * y);
    case OP_TRUEDIV:
        if (y == 0) return vm_raise(vm, &Exc_ZeroDivisionError, "float division by zero");
        return float_new(vm, x / y);
    case OP_FLOORDIV:
        if (y == 0) return vm_raise(vm, &Exc_ZeroDivisionError, "float floor division by zero");
        return float_new(vm, py_floordiv(x, y));
    case OP_MOD:
        if (y == 0) return vm_raise(vm, &Exc_ZeroDivisionError, "float modulo");
        return float_new(vm, py_fmod(x, y));
    case OP_POW:
        if (x == 0 && y < 0)
            return vm_raise(vm, &Exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        if (x < 0 && y != floor(y))
            return vm_raise(vm, &Exc_ValueError, "complex results are not supported here");
        {
            double r = pow(x, y);
            if (isinf(r) && !isinf(x) && !isinf(y))
                return vm_raise(vm, &Exc_OverflowError, "(34, 'Numerical result out of range')");
            return float_new(vm, r);
        }
    default:
        return obj_newref(Py_NotImplemented);
    }
}

Obj *float_from_str(Vm *vm, const char *s, size_t n) {
    char buf[128];
    size_t i = 0, j = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
        i++;
    size_t end = n;
    while (end > i && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\n'))
        end--;
    if (end - i >= sizeof buf) goto bad;
    for (; i < end; i++) {
        if (s[i] == '_') continue;
        buf[j++] = s[i];
    }
    buf[j] = 0;
    {
        const char *b = buf;
        const char *q = b[0] == '+' || b[0] == '-' ? b + 1 : b;
        if (!strcasecmp(q, "inf") || !strcasecmp(q, "infinity"))
            return float_new(vm, b[0] == '-' ? -INFINITY : INFINITY);
        if (!strcasecmp(q, "nan")) return float_new(vm, NAN);
        if (!j || strchr(buf, 'x') || strchr(buf, 'X')) goto bad;
        char *endp;
        double d = strtod(buf, &endp);
        if (*endp) goto bad;
        return float_new(vm, d);
    }
bad : {
    Obj *str = str_new(vm, s, n);
    if (!str) return NULL;
    Obj *r = str_repr(vm, str);
    DECREF(vm, str);
    if (!r) return NULL;
    vm_raise(vm, &Exc_ValueError, "could not convert string to float: %s", str_cstr(r));
    DECREF(vm, r);
    return NULL;
}
}

static Obj *float_is_integer(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (!args_check(vm, "is_integer", nargs, 0, 0) || !args_no_kw(vm, "is_integer", kw))
        return NULL;
    double v = ((Float *)self)->v;
    return bool_from(isfinite(v) && v == floor(v));
}

static Obj *float_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    (void)t;
    if (!args_check(vm, "float", nargs, 0, 1) || !args_no_kw(vm, "float", kw)) return NULL;
    if (nargs == 0) return float_new(vm, 0.0);
    Obj *x = args[0];
    if (IS_FLOAT(x)) return obj_newref(x);
    if (IS_INT(x)) {
        bool ok;
        double d = int_as_double(vm, x, &ok);
        if (!ok) return NULL;
        return float_new(vm, d);
    }
    if (IS_STR(x)) return float_from_str(vm, str_cstr(x), ((Str *)x)->nbytes);
    bool found;
    Obj *r = call_special(vm, x, "__float__", NULL, 0, &found);
    if (found) return r;
    return vm_raise(vm, &Exc_TypeError,
                    "float() argument must be a string or a real number, not '%s'",
                    obj_type_name(x));
}

static const MethodDef float_methods[] = {
    {"is_integer", float_is_integer},
    {NULL, NULL},
};

Type FloatType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "float",
    .kind = OBJ_FLOAT,
    .basicsize = 24,
    .dealloc = float_dealloc,
    .repr = float_repr,
    .methods = float_methods,
    .new_ = float_new_type,
    .base = &ObjectType,
};
