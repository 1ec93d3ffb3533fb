/*
 * builtins.c - the builtins module: print, len, the type constructors, sorted, min/max,
 * iter/next, attribute helpers, and __build_class__.
 *
 * Builtin functions receive their arguments borrowed from the caller's value stack, as
 * CPython's vectorcall builtins do: that stack slot is the "+1" sys.getrefcount reports.
 */
#include "heap/lang/ast.h"
#include "heap/lang/code.h"
#include "heap/types/types.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUILTIN(name) static Obj *bi_##name(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw)
#define UNUSED_SELF (void)self

BUILTIN(print) {
    UNUSED_SELF;
    Obj *sep = args_kw(args, nargs, kw, "sep");
    Obj *end = args_kw(args, nargs, kw, "end");
    Obj *file = args_kw(args, nargs, kw, "file");
    if (kw)
        for (ssize_t i = 0; i < TUPLE_LEN(kw); i++) {
            Obj *k = TUPLE_ITEM(kw, i);
            if (!str_eq_cstr(k, "sep") && !str_eq_cstr(k, "end") && !str_eq_cstr(k, "file") &&
                !str_eq_cstr(k, "flush"))
                return vm_raise(vm, &Exc_TypeError,
                                "'%s' is an invalid keyword argument for print()", str_cstr(k));
        }
    if (sep == Py_None) sep = NULL;
    if (end == Py_None) end = NULL;
    if (sep && !IS_STR(sep))
        return vm_raise(vm, &Exc_TypeError, "sep must be None or a string, not %s",
                        obj_type_name(sep));
    if (end && !IS_STR(end))
        return vm_raise(vm, &Exc_TypeError, "end must be None or a string, not %s",
                        obj_type_name(end));
    if (file == Py_None) file = NULL;
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < nargs; i++) {
        if (i) {
            if (sep)
                sb_add_obj(&b, sep);
            else
                sb_addc(&b, ' ');
        }
        Obj *s = obj_str(vm, args[i]);
        if (!s) {
            sb_free(&b);
            return NULL;
        }
        sb_add_obj(&b, s);
        DECREF(vm, s);
    }
    if (end)
        sb_add_obj(&b, end);
    else
        sb_addc(&b, '\n');
    if (file) { /* print(..., file=f): f.write(text) */
        Obj *text = sb_finish(vm, &b);
        if (!text) return NULL;
        Obj *w = obj_getattr_cstr(vm, file, "write");
        Obj *r = w ? obj_call1(vm, w, text) : NULL;
        XDECREF(vm, w);
        DECREF(vm, text);
        if (!r) return NULL;
        DECREF(vm, r);
        return obj_newref(Py_None);
    }
    vm_write(vm, b.s, b.n);
    sb_free(&b);
    return obj_newref(Py_None);
}

BUILTIN(len) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "len", kw) || !args_check(vm, "len", nargs, 1, 1)) return NULL;
    ssize_t n = obj_len(vm, args[0]);
    if (n < 0) return NULL;
    return int_from_i64(vm, n);
}

BUILTIN(id) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "id", kw) || !args_check(vm, "id", nargs, 1, 1)) return NULL;
    return int_from_i64(vm, (int64_t)args[0]->addr);
}

BUILTIN(repr) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "repr", kw) || !args_check(vm, "repr", nargs, 1, 1)) return NULL;
    return obj_repr(vm, args[0]);
}

BUILTIN(ascii) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "ascii", kw) || !args_check(vm, "ascii", nargs, 1, 1)) return NULL;
    return str_ascii(vm, args[0]);
}

BUILTIN(isinstance) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "isinstance", kw) || !args_check(vm, "isinstance", nargs, 2, 2))
        return NULL;
    int r = obj_isinstance(vm, args[0], args[1]);
    if (r < 0) return NULL;
    return bool_from(r);
}

BUILTIN(issubclass) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "issubclass", kw) || !args_check(vm, "issubclass", nargs, 2, 2))
        return NULL;
    if (!IS_TYPE(args[0]))
        return vm_raise(vm, &Exc_TypeError, "issubclass() arg 1 must be a class");
    Obj *c = args[1];
    if (IS_TUPLE(c)) {
        for (ssize_t i = 0; i < TUPLE_LEN(c); i++)
            if (IS_TYPE(TUPLE_ITEM(c, i)) &&
                type_is_subtype((Type *)args[0], (Type *)TUPLE_ITEM(c, i)))
                return bool_from(true);
        return bool_from(false);
    }
    if (!IS_TYPE(c))
        return vm_raise(vm, &Exc_TypeError,
                        "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return bool_from(type_is_subtype((Type *)args[0], (Type *)c));
}

static Obj *minmax(Vm *vm, Obj **args, int nargs, Obj *kw, int op, const char *name) {
    Obj *key = args_kw(args, nargs, kw, "key");
    Obj *dflt = args_kw(args, nargs, kw, "default");
    if (key == Py_None) key = NULL;
    if (nargs == 0)
        return vm_raise(vm, &Exc_TypeError, "%s expected at least 1 argument, got 0", name);
    Obj *it;
    if (nargs == 1) {
        it = obj_iter(vm, args[0]);
    } else {
        if (dflt)
            return vm_raise(vm, &Exc_TypeError,
                            "Cannot specify a default for %s() with multiple positional arguments",
                            name);
        Obj *t = tuple_from_array(vm, args, nargs);
        if (!t) return NULL;
        it = obj_iter(vm, t);
        DECREF(vm, t);
    }
    if (!it) return NULL;
    Obj *best = NULL, *bestkey = NULL;
    for (;;) {
        Obj *item = obj_next(vm, it);
        if (!item) {
            if (vm->exc) goto fail;
            break;
        }
        Obj *k = key ? obj_call1(vm, key, item) : obj_newref(item);
        if (!k) {
            DECREF(vm, item);
            goto fail;
        }
        if (!best) {
            best = item;
            bestkey = k;
            continue;
        }
        int r = obj_richcompare_bool(vm, k, bestkey, op);
        if (r < 0) {
            DECREF(vm, item);
            DECREF(vm, k);
            goto fail;
        }
        if (r) {
            DECREF(vm, best);
            DECREF(vm, bestkey);
            best = item;
            bestkey = k;
        } else {
            DECREF(vm, item);
            DECREF(vm, k);
        }
    }
    DECREF(vm, it);
    XDECREF(vm, bestkey);
    if (!best) {
        if (dflt) return obj_newref(dflt);
        return vm_raise(vm, &Exc_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
fail:
    DECREF(vm, it);
    XDECREF(vm, best);
    XDECREF(vm, bestkey);
    return NULL;
}

BUILTIN(min) {
    UNUSED_SELF;
    return minmax(vm, args, nargs, kw, 0 /* LT */, "min");
}
BUILTIN(max) {
    UNUSED_SELF;
    return minmax(vm, args, nargs, kw, 4 /* GT */, "max");
}

BUILTIN(sum) {
    UNUSED_SELF;
    Obj *start = args_kw(args, nargs, kw, "start");
    if (nargs < 1 || nargs > 2)
        return vm_raise(vm, &Exc_TypeError, "sum() takes at most 2 arguments (%d given)", nargs);
    if (nargs == 2) start = args[1];
    if (start && IS_STR(start))
        return vm_raise(vm, &Exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    Obj *acc = start ? obj_newref(start) : obj_newref(SMALL_INT(vm, 0));
    Obj *it = obj_iter(vm, args[0]);
    if (!it) {
        DECREF(vm, acc);
        return NULL;
    }
    for (;;) {
        Obj *item = obj_next(vm, it);
        if (!item) break;
        Obj *r = obj_binop(vm, acc, item, OP_ADD);
        DECREF(vm, item);
        DECREF(vm, acc);
        acc = r;
        if (!acc) break;
    }
    DECREF(vm, it);
    if (vm->exc) {
        XDECREF(vm, acc);
        return NULL;
    }
    return acc;
}

BUILTIN(sorted) {
    UNUSED_SELF;
    if (nargs != 1)
        return vm_raise(vm, &Exc_TypeError, "sorted expected 1 argument, got %d", nargs);
    Obj *key = args_kw(args, nargs, kw, "key");
    Obj *rev = args_kw(args, nargs, kw, "reverse");
    Obj *l = list_new(vm, 0);
    if (!l) return NULL;
    if (list_extend(vm, l, args[0]) < 0) {
        DECREF(vm, l);
        return NULL;
    }
    int r = rev ? obj_truth(vm, rev) : 0;
    if (r < 0) {
        DECREF(vm, l);
        return NULL;
    }
    Obj *res = list_sort(vm, l, key == Py_None ? NULL : key, r);
    if (!res) {
        DECREF(vm, l);
        return NULL;
    }
    DECREF(vm, res);
    return l;
}

BUILTIN(abs) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "abs", kw) || !args_check(vm, "abs", nargs, 1, 1)) return NULL;
    Obj *x = args[0];
    if (IS_INT(x)) return int_abs(vm, x);
    if (IS_FLOAT(x)) return float_new(vm, fabs(((Float *)x)->v));
    bool found;
    Obj *r = call_special(vm, x, "__abs__", NULL, 0, &found);
    if (found) return r;
    return vm_raise(vm, &Exc_TypeError, "bad operand type for abs(): '%s'", obj_type_name(x));
}

BUILTIN(round) {
    UNUSED_SELF;
    Obj *nd = args_kw(args, nargs, kw, "ndigits");
    if (nargs < 1 || nargs > 2)
        return vm_raise(vm, &Exc_TypeError, "round() takes at most 2 arguments (%d given)", nargs);
    if (nargs == 2) nd = args[1];
    if (nd == Py_None) nd = NULL;
    Obj *x = args[0];
    if (IS_FLOAT(x)) return float_round(vm, ((Float *)x)->v, nd);
    if (IS_INT(x)) return int_round(vm, x, nd);
    bool found;
    Obj *r = call_special(vm, x, "__round__", nd ? &nd : NULL, nd ? 1 : 0, &found);
    if (found) return r;
    return vm_raise(vm, &Exc_TypeError, "type %s doesn't define __round__ method",
                    obj_type_name(x));
}

static Obj *anyall(Vm *vm, Obj **args, int nargs, Obj *kw, bool want, const char *name) {
    if (!args_no_kw(vm, name, kw) || !args_check(vm, name, nargs, 1, 1)) return NULL;
    Obj *it = obj_iter(vm, args[0]);
    if (!it) return NULL;
    for (;;) {
        Obj *item = obj_next(vm, it);
        if (!item) break;
        int t = obj_truth(vm, item);
        DECREF(vm, item);
        if (t < 0) break;
        if ((t != 0) == want) {
            DECREF(vm, it);
            return bool_from(want);
        }
    }
    DECREF(vm, it);
    if (vm->exc) return NULL;
    return bool_from(!want);
}
BUILTIN(any) {
    UNUSED_SELF;
    return anyall(vm, args, nargs, kw, true, "any");
}
BUILTIN(all) {
    UNUSED_SELF;
    return anyall(vm, args, nargs, kw, false, "all");
}

BUILTIN(iter) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "iter", kw) || !args_check(vm, "iter", nargs, 1, 2)) return NULL;
    if (nargs == 2)
        return vm_raise(vm, &Exc_NotImplementedError, "iter(callable, sentinel) is not supported");
    return obj_iter(vm, args[0]);
}

BUILTIN(next) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "next", kw) || !args_check(vm, "next", nargs, 1, 2)) return NULL;
    Obj *it = args[0];
    if (KIND(it) != OBJ_ITER && KIND(it) != OBJ_GENERATOR &&
        !(it->type->heap && type_lookup_cstr(vm, it->type, "__next__")))
        return vm_raise(vm, &Exc_TypeError, "'%s' object is not an iterator", obj_type_name(it));
    Obj *r = obj_next(vm, it);
    if (r) return r;
    if (vm->exc) return NULL;
    if (nargs == 2) return obj_newref(args[1]);
    Obj *e = exc_new(vm, &Exc_StopIteration, NULL);
    if (!e) return NULL;
    vm_raise_exc(vm, e);
    DECREF(vm, e);
    return NULL;
}

BUILTIN(getattr) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "getattr", kw)) return NULL;
    if (nargs < 2 || nargs > 3)
        return vm_raise(vm, &Exc_TypeError, "getattr expected at least 2 arguments, got %d", nargs);
    if (!IS_STR(args[1]))
        return vm_raise(vm, &Exc_TypeError, "attribute name must be string, not '%s'",
                        obj_type_name(args[1]));
    Obj *r = obj_getattr(vm, args[0], args[1]);
    if (!r && nargs == 3 && vm_exc_matches(vm, &Exc_AttributeError)) {
        vm_clear_exc(vm);
        return obj_newref(args[2]);
    }
    return r;
}

BUILTIN(setattr) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "setattr", kw) || !args_check(vm, "setattr", nargs, 3, 3)) return NULL;
    if (!IS_STR(args[1]))
        return vm_raise(vm, &Exc_TypeError, "attribute name must be string, not '%s'",
                        obj_type_name(args[1]));
    if (obj_setattr(vm, args[0], args[1], args[2]) < 0) return NULL;
    return obj_newref(Py_None);
}

BUILTIN(delattr) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "delattr", kw) || !args_check(vm, "delattr", nargs, 2, 2)) return NULL;
    if (obj_setattr(vm, args[0], args[1], NULL) < 0) return NULL;
    return obj_newref(Py_None);
}

BUILTIN(hasattr) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "hasattr", kw) || !args_check(vm, "hasattr", nargs, 2, 2)) return NULL;
    if (!IS_STR(args[1]))
        return vm_raise(vm, &Exc_TypeError, "attribute name must be string, not '%s'",
                        obj_type_name(args[1]));
    int r = obj_hasattr(vm, args[0], args[1]);
    if (r < 0) return NULL;
    return bool_from(r);
}

BUILTIN(callable) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "callable", kw) || !args_check(vm, "callable", nargs, 1, 1)) return NULL;
    Obj *o = args[0];
    bool c = KIND(o) == OBJ_FUNCTION || KIND(o) == OBJ_BUILTIN || KIND(o) == OBJ_METHOD ||
             IS_TYPE(o) || o->type == &WeakRefType ||
             (o->type->heap && type_lookup_cstr(vm, o->type, "__call__"));
    return bool_from(c);
}

BUILTIN(hash) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "hash", kw) || !args_check(vm, "hash", nargs, 1, 1)) return NULL;
    int64_t h = obj_hash(vm, args[0]);
    if (h == -1 && vm->exc) return NULL;
    return int_from_i64(vm, h);
}

BUILTIN(chr) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "chr", kw) || !args_check(vm, "chr", nargs, 1, 1)) return NULL;
    int64_t c;
    if (!IS_INT(args[0]))
        return vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                        obj_type_name(args[0]));
    if (!int_as_i64(args[0], &c) || c < 0 || c > 0x10ffff)
        return vm_raise(vm, &Exc_ValueError, "chr() arg not in range(0x110000)");
    StrBuf b;
    sb_init(&b);
    sb_add_cp(&b, (uint32_t)c);
    return sb_finish(vm, &b);
}

BUILTIN(ord) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "ord", kw) || !args_check(vm, "ord", nargs, 1, 1)) return NULL;
    Obj *s = args[0];
    if (IS_STR(s)) {
        if (str_len(s) != 1)
            return vm_raise(vm, &Exc_TypeError,
                            "ord() expected a character, but string of length %zu found",
                            str_len(s));
        return int_from_i64(vm, str_char_at(s, 0));
    }
    if (KIND(s) == OBJ_BYTES) {
        if (((Bytes *)s)->len != 1)
            return vm_raise(vm, &Exc_TypeError,
                            "ord() expected a character, but string of length %zu found",
                            ((Bytes *)s)->len);
        return int_from_i64(vm, ((Bytes *)s)->s[0]);
    }
    return vm_raise(vm, &Exc_TypeError, "ord() expected string of length 1, but %s found",
                    obj_type_name(s));
}

static Obj *int_base_str(Vm *vm, Obj **args, int nargs, Obj *kw, int base, const char *name,
                         const char *prefix) {
    if (!args_no_kw(vm, name, kw) || !args_check(vm, name, nargs, 1, 1)) return NULL;
    Obj *x = args[0];
    if (!IS_INT(x))
        return vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                        obj_type_name(x));
    Obj *digits = int_to_str(vm, x, base);
    if (!digits) return NULL;
    const char *d = str_cstr(digits);
    Obj *r = d[0] == '-' ? str_fromf(vm, "-%s%s", prefix, d + 1) : str_fromf(vm, "%s%s", prefix, d);
    DECREF(vm, digits);
    return r;
}
BUILTIN(hex) {
    UNUSED_SELF;
    return int_base_str(vm, args, nargs, kw, 16, "hex", "0x");
}
BUILTIN(oct) {
    UNUSED_SELF;
    return int_base_str(vm, args, nargs, kw, 8, "oct", "0o");
}
BUILTIN(bin) {
    UNUSED_SELF;
    return int_base_str(vm, args, nargs, kw, 2, "bin", "0b");
}

BUILTIN(divmod) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "divmod", kw) || !args_check(vm, "divmod", nargs, 2, 2)) return NULL;
    Obj *q = obj_binop(vm, args[0], args[1], OP_FLOORDIV);
    if (!q) {
        if (vm_exc_matches(vm, &Exc_TypeError)) {
            vm_clear_exc(vm);
            return vm_raise(vm, &Exc_TypeError,
                            "unsupported operand type(s) for divmod(): '%s' and '%s'",
                            obj_type_name(args[0]), obj_type_name(args[1]));
        }
        return NULL;
    }
    Obj *m = obj_binop(vm, args[0], args[1], OP_MOD);
    if (!m) {
        DECREF(vm, q);
        return NULL;
    }
    Obj *t = tuple_pack(vm, 2, q, m);
    DECREF(vm, q);
    DECREF(vm, m);
    return t;
}

BUILTIN(pow) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "pow", kw) || !args_check(vm, "pow", nargs, 2, 3)) return NULL;
    if (nargs == 3 && args[2] != Py_None) {
        if (!IS_INT(args[0]) || !IS_INT(args[1]) || !IS_INT(args[2]))
            return vm_raise(vm, &Exc_TypeError,
                            "pow() 3rd argument not allowed unless all arguments are integers");
        return int_pow_mod(vm, args[0], args[1], args[2]);
    }
    return obj_binop(vm, args[0], args[1], OP_POW);
}

BUILTIN(format) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "format", kw) || !args_check(vm, "format", nargs, 1, 2)) return NULL;
    return obj_format(vm, args[0], nargs == 2 ? args[1] : NULL);
}

extern Obj *obj_dir(Vm *vm, Obj *o);

BUILTIN(dir) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "dir", kw) || !args_check(vm, "dir", nargs, 0, 1)) return NULL;
    if (nargs == 0) {
        Frame *f = vm->frame;
        Obj *l = list_new(vm, 0);
        if (f && f->locals) {
            Obj *k = dict_keys_list(vm, f->locals);
            DECREF(vm, l);
            l = k;
        } else if (f) {
            for (int i = 0; i < f->code->nlocals; i++)
                if (f->localsplus[i]) list_append(vm, l, TUPLE_ITEM(f->code->localsplusnames, i));
        }
        Obj *r = list_sort(vm, l, NULL, false);
        XDECREF(vm, r);
        return l;
    }
    return obj_dir(vm, args[0]);
}

BUILTIN(vars) {
    UNUSED_SELF;
    if (!args_no_kw(vm, "vars", kw) || !args_check(vm, "vars", nargs, 0, 1)) return NULL;
    if (nargs == 0) {
        Frame *f = vm->frame;
        if (f && f->locals) return obj_newref(f->locals);
        return obj_newref(f ? f->globals : Py_None);
    }
    Obj *r = obj_getattr_cstr(vm, args[0], "__dict__");
    if (!r && vm_exc_matches(vm, &Exc_AttributeError)) {
        vm_clear_exc(vm);
        return vm_raise(vm, &Exc_TypeError, "vars() argument must have __dict__ attribute");
    }
    return r;
}

BUILTIN(globals) {
    UNUSED_SELF;
    (void)args;
    if (!args_no_kw(vm, "globals", kw) || !args_check(vm, "globals", nargs, 0, 0)) return NULL;
    return obj_newref(vm->frame ? vm->frame->globals : Py_None);
}

BUILTIN(locals) {
    UNUSED_SELF;
    (void)args;
    if (!args_no_kw(vm, "locals", kw) || !args_check(vm, "locals", nargs, 0, 0)) return NULL;
    Frame *f = vm->frame;
    if (!f) return obj_newref(Py_None);
    if (f->locals) return obj_newref(f->locals);
    Obj *d = dict_new(vm);
    for (int i = 0; i < f->code->nlocalsplus; i++) {
        Obj *v = f->localsplus[i];
        if (!v) continue;
        if (f->code->localspluskinds[i] & (CO_FAST_CELL | CO_FAST_FREE)) {
            v = ((Cell *)v)->ref;
            if (!v) continue;
        }
        dict_set(vm, d, TUPLE_ITEM(f->code->localsplusnames, i), v);
    }
    return d;
}

BUILTIN(input) {
    UNUSED_SELF;
    (void)args;
    (void)nargs;
    (void)kw;
    return vm_raise(vm, &Exc_EOFError, "EOF when reading a line");
}

BUILTIN(open) {
    UNUSED_SELF;
    (void)args;
    (void)nargs;
    (void)kw;
    return vm_raise(vm, &Exc_OSError, "memviz programs cannot open files");
}

extern Obj *vm_build_class(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kwnames);

static Obj *bool_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    (void)t;
    if (!args_no_kw(vm, "bool", kw)) return NULL;
    if (nargs > 1)
        return vm_raise(vm, &Exc_TypeError, "bool expected at most 1 argument, got %d", nargs);
    if (nargs == 0) return bool_from(false);
    int r = obj_truth(vm, args[0]);
    if (r < 0) return NULL;
    return bool_from(r);
}

static const MethodDef builtin_funcs[] = {
    {"print", bi_print},
    {"len", bi_len},
    {"id", bi_id},
    {"repr", bi_repr},
    {"ascii", bi_ascii},
    {"isinstance", bi_isinstance},
    {"issubclass", bi_issubclass},
    {"min", bi_min},
    {"max", bi_max},
    {"sum", bi_sum},
    {"sorted", bi_sorted},
    {"abs", bi_abs},
    {"round", bi_round},
    {"any", bi_any},
    {"all", bi_all},
    {"iter", bi_iter},
    {"next", bi_next},
    {"getattr", bi_getattr},
    {"setattr", bi_setattr},
    {"delattr", bi_delattr},
    {"hasattr", bi_hasattr},
    {"callable", bi_callable},
    {"hash", bi_hash},
    {"chr", bi_chr},
    {"ord", bi_ord},
    {"hex", bi_hex},
    {"oct", bi_oct},
    {"bin", bi_bin},
    {"divmod", bi_divmod},
    {"pow", bi_pow},
    {"format", bi_format},
    {"dir", bi_dir},
    {"vars", bi_vars},
    {"globals", bi_globals},
    {"locals", bi_locals},
    {"input", bi_input},
    {"open", bi_open},
    {"__build_class__", vm_build_class},
    {NULL, NULL},
};

void builtins_init(Vm *vm) {
    if (!BoolType.new_) BoolType.new_ = bool_new_type;
    Obj *m = module_new(vm, "builtins");
    Module *mod = (Module *)m;
    module_add_funcs(vm, m, builtin_funcs);
    struct {
        const char *name;
        Obj *v;
    } types[] = {
        {"object", (Obj *)&ObjectType},
        {"type", (Obj *)&TypeType},
        {"int", (Obj *)&IntType},
        {"float", (Obj *)&FloatType},
        {"str", (Obj *)&StrType},
        {"bytes", (Obj *)&BytesType},
        {"bool", (Obj *)&BoolType},
        {"list", (Obj *)&ListType},
        {"tuple", (Obj *)&TupleType},
        {"dict", (Obj *)&DictType},
        {"set", (Obj *)&SetType},
        {"frozenset", (Obj *)&FrozenSetType},
        {"range", (Obj *)&RangeType},
        {"slice", (Obj *)&SliceType},
        {"enumerate", (Obj *)&EnumerateType},
        {"zip", (Obj *)&ZipType},
        {"reversed", (Obj *)&ReversedType},
        {"map", (Obj *)&MapType},
        {"filter", (Obj *)&FilterType},
        {"super", (Obj *)&SuperType},
        {"property", (Obj *)&PropertyType},
        {"staticmethod", (Obj *)&StaticMethodType},
        {"classmethod", (Obj *)&ClassMethodType},
        {"None", vm->none},
        {"True", vm->true_},
        {"False", vm->false_},
        {"NotImplemented", vm->notimpl},
        {"Ellipsis", vm->ellipsis},
        {"__debug__", vm->true_},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        dict_set_cstr(vm, mod->dict, types[i].name, types[i].v);
#define X(name, base) dict_set_cstr(vm, mod->dict, #name, (Obj *)&Exc_##name);
    EXC_TYPES(X)
#undef X
    dict_set_cstr(vm, mod->dict, "EnvironmentError", (Obj *)&Exc_OSError);
    dict_set_cstr(vm, mod->dict, "IOError", (Obj *)&Exc_OSError);
    vm->builtins = obj_newref(mod->dict);
    dict_set_cstr(vm, vm->modules, "builtins", m);
    DECREF(vm, m);
}
