/*
 * abstract.c - the generic object protocols (CPython's Objects/abstract.c and object.c):
 * repr/str, truth, hashing, comparison, attributes, items, iteration, calls, arithmetic.
 *
 * Builtin types are dispatched by a switch on their kind (the fast paths); objects of
 * classes defined by the program go through their special methods (__eq__, __add__,
 * __len__ ...), called exactly like CPython's slot wrappers call them: as a C-level call,
 * which gives the callee frame its own references to the arguments.
 */
#include "heap/lang/ast.h"
#include "heap/lang/code.h"
#include "heap/types/types.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *obj_type_name(Obj *o) {
    return o->type->name;
}
const char *type_name(Type *t) {
    return t->name;
}

bool type_is_subtype(Type *a, Type *b) {
    for (Type *t = a; t; t = t->base)
        if (t == b) return true;
    return false;
}

Obj *type_lookup(Type *t, Obj *name) {
    for (; t; t = t->base) {
        if (t->dict) {
            Obj *v = dict_get_str(t->dict, name);
            if (v) return v;
        }
    }
    return NULL;
}

Obj *type_lookup_cstr(Vm *vm, Type *t, const char *name) {
    for (; t; t = t->base)
        if (t->dict) {
            Obj *v = dict_get_cstr(vm, t->dict, name);
            if (v) return v;
        }
    return NULL;
}

Obj *type_special(Vm *vm, Type *t, const char *name) {
    if (!t->heap) {
        /* builtin types expose their C methods through MethodDef tables */
        return NULL;
    }
    return type_lookup_cstr(vm, t, name);
}

Obj *call_special(Vm *vm, Obj *o, const char *name, Obj **args, int nargs, bool *found) {
    Obj *f = type_special(vm, o->type, name);
    *found = f != NULL;
    if (!f) return NULL;
    if (f == Py_None) {
        *found = false;
        return NULL;
    }
    Obj *stack[8];
    stack[0] = o;
    for (int i = 0; i < nargs && i < 7; i++)
        stack[i + 1] = args[i];
    INCREF(f);
    Obj *r;
    if (KIND(f) == OBJ_FUNCTION) {
        r = obj_call(vm, f, stack, nargs + 1, NULL);
    } else if (KIND(f) == OBJ_STATICMETHOD) {
        r = obj_call(vm, ((Property *)f)->fget, args, nargs, NULL);
    } else {
        /* some other descriptor or callable: bind through getattr */
        Obj *bound = obj_getattr_cstr(vm, o, name);
        r = bound ? obj_call(vm, bound, args, nargs, NULL) : NULL;
        XDECREF(vm, bound);
    }
    DECREF(vm, f);
    return r;
}

int vm_repr_enter(Vm *vm, Obj *o) {
    if (!vm->repr_state) {
        /* Py_ReprEnter: the thread state's dict and its 'Py_Repr' list, made on first use and
         * kept for the rest of the run (two GC allocations) */
        vm->lib_depth++; /* interpreter state, not the program's objects */
        vm->repr_state = dict_new(vm);
        Obj *l = list_new(vm, 0);
        vm->lib_depth--;
        if (vm->repr_state && l) dict_set_cstr(vm, vm->repr_state, "Py_Repr", l);
        XDECREF(vm, l);
        if (!vm->repr_state) vm_clear_exc(vm);
    }
    for (int i = 0; i < vm->nrepr; i++)
        if (vm->repr_stack[i] == o) return 1;
    if (vm->nrepr < 256) vm->repr_stack[vm->nrepr++] = o;
    return 0;
}

void vm_repr_leave(Vm *vm, Obj *o) {
    for (int i = vm->nrepr - 1; i >= 0; i--)
        if (vm->repr_stack[i] == o) {
            memmove(vm->repr_stack + i, vm->repr_stack + i + 1,
                    sizeof(Obj *) * (size_t)(vm->nrepr - i - 1));
            vm->nrepr--;
            return;
        }
}

static Obj *check_str_result(Vm *vm, Obj *r, const char *what) {
    if (r && !IS_STR(r) && !type_is_subtype(r->type, &StrType)) {
        vm_raise(vm, &Exc_TypeError, "%s returned non-string (type %s)", what, obj_type_name(r));
        DECREF(vm, r);
        return NULL;
    }
    return r;
}

static Obj *repr_inner(Vm *vm, Obj *o) {
    if (o->type->heap) {
        bool found;
        Obj *r = call_special(vm, o, "__repr__", NULL, 0, &found);
        if (found) return check_str_result(vm, r, "__repr__");
    }
    for (Type *t = o->type; t; t = t->base)
        if (t->repr) return t->repr(vm, o);
    return str_fromf(vm, "<%s object at 0x%llx>", o->type->name, (unsigned long long)o->addr);
}

Obj *obj_repr(Vm *vm, Obj *o) {
    if (IS_STR(o) || IS_INT(o) || IS_FLOAT(o) || o == Py_None) return repr_inner(vm, o);
    if (vm_enter_recursive(vm, " while getting the repr of an object") < 0) return NULL;
    Obj *r = repr_inner(vm, o);
    vm_leave_recursive(vm);
    return r;
}

Obj *obj_str(Vm *vm, Obj *o) {
    if (IS_STR(o)) return obj_newref(o);
    if (o->type == &WeakProxyType) {
        extern Obj *weakproxy_referent(Vm * vm, Obj * p);
        Obj *r = weakproxy_referent(vm, o);
        return r ? obj_str(vm, r) : NULL;
    }
    if (o->type->heap) {
        bool found;
        Obj *r = call_special(vm, o, "__str__", NULL, 0, &found);
        if (found) return check_str_result(vm, r, "__str__");
    }
    if (o->type->is_exc) return exc_str(vm, o);
    return obj_repr(vm, o);
}

int obj_truth(Vm *vm, Obj *o) {
    if (o == Py_True) return 1;
    if (o->type == &WeakProxyType) {
        extern Obj *weakproxy_referent(Vm * vm, Obj * p);
        Obj *r = weakproxy_referent(vm, o);
        return r ? obj_truth(vm, r) : -1;
    }
    if (o == Py_False || o == Py_None) return 0;
    switch (KIND(o)) {
    case OBJ_INT:
    case OBJ_BOOL:
        return int_sign(o) != 0;
    case OBJ_FLOAT:
        return ((Float *)o)->v != 0;
    case OBJ_STR:
        return str_len(o) != 0;
    case OBJ_BYTES:
        return ((Bytes *)o)->len != 0;
    case OBJ_LIST:
        return LIST_LEN(o) != 0;
    case OBJ_TUPLE:
        return TUPLE_LEN(o) != 0;
    case OBJ_DICT:
        return DICT_LEN(o) != 0;
    case OBJ_SET:
    case OBJ_FROZENSET:
        return ((Set *)o)->used != 0;
    case OBJ_RANGE:
        return int_sign(((Range *)o)->length) != 0;
    case OBJ_DICTVIEW:
        return DICT_LEN(((DictView *)o)->dict) != 0;
    default:
        break;
    }
    if (o->type->heap) {
        bool found;
        Obj *r = call_special(vm, o, "__bool__", NULL, 0, &found);
        if (found) {
            if (!r) return -1;
            if (KIND(r) != OBJ_BOOL) {
                vm_raise(vm, &Exc_TypeError, "__bool__ should return bool, returned %s",
                         obj_type_name(r));
                DECREF(vm, r);
                return -1;
            }
            int v = r == Py_True;
            DECREF(vm, r);
            return v;
        }
        r = call_special(vm, o, "__len__", NULL, 0, &found);
        if (found) {
            if (!r) return -1;
            int64_t n = 0;
            if (!IS_INT(r) || !int_as_i64(r, &n)) {
                vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                         obj_type_name(r));
                DECREF(vm, r);
                return -1;
            }
            DECREF(vm, r);
            if (n < 0) {
                vm_raise(vm, &Exc_ValueError, "__len__() should return >= 0");
                return -1;
            }
            return n != 0;
        }
    }
    return 1;
}

/* mirrors tuplehash() (xxHash-based, 3.8+) */
static int64_t tuple_hash(Vm *vm, Obj *o) {
    const uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL,
                   P5 = 2870177450012600261ULL;
    uint64_t acc = P5;
    for (ssize_t i = 0; i < TUPLE_LEN(o); i++) {
        int64_t h = obj_hash(vm, TUPLE_ITEM(o, i));
        if (h == -1 && vm->exc) return -1;
        acc += (uint64_t)h * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    acc += (uint64_t)TUPLE_LEN(o) ^ (P5 ^ 3527539UL);
    if (acc == (uint64_t)-1) return 1546275796;
    return (int64_t)acc;
}

int64_t obj_hash(Vm *vm, Obj *o) {
    switch (KIND(o)) {
    case OBJ_STR:
        return str_hash(o);
    case OBJ_INT:
    case OBJ_BOOL:
        return int_hash(o);
    case OBJ_FLOAT:
        return float_hash(((Float *)o)->v);
    case OBJ_TUPLE: {
        Tuple *t = (Tuple *)o;
        if (t->hash != -1) return t->hash;
        return tuple_hash(vm, o);
    }
    case OBJ_NONE:
        return (int64_t)(o->addr >> 4);
    case OBJ_LIST:
    case OBJ_DICT:
    case OBJ_SET:
    case OBJ_DICTVIEW:
        vm_raise(vm, &Exc_TypeError, "unhashable type: '%s'", obj_type_name(o));
        return -1;
    case OBJ_FROZENSET:
        return set_hash(o);
    case OBJ_BYTES:
        return bytes_hash(o);
    case OBJ_WEAKREF: {
        WeakRef *w = (WeakRef *)o;
        if (w->hash != -1) return w->hash;
        if (!w->referent) {
            vm_raise(vm, &Exc_TypeError, "weak object has gone away");
            return -1;
        }
        w->hash = obj_hash(vm, w->referent);
        return w->hash;
    }
    default:
        break;
    }
    if (o->type->heap) {
        Obj *h = type_lookup_cstr(vm, o->type, "__hash__");
        if (h == Py_None) {
            vm_raise(vm, &Exc_TypeError, "unhashable type: '%s'", obj_type_name(o));
            return -1;
        }
        if (h) {
            bool found;
            Obj *r = call_special(vm, o, "__hash__", NULL, 0, &found);
            if (!r) return -1;
            if (!IS_INT(r)) {
                DECREF(vm, r);
                vm_raise(vm, &Exc_TypeError, "__hash__ method should return an integer");
                return -1;
            }
            int64_t v = int_hash(r);
            DECREF(vm, r);
            return v;
        }
    }
    /* object.__hash__: the address, rotated by 4 bits (_Py_HashPointer) */
    uint64_t y = o->addr;
    int64_t h = (int64_t)((y >> 4) | (y << 60));
    if (h == -1) h = -2;
    return h;
}

/* ------------------------------------------------------------------ comparison */

static const char *const cmp_sym[] = {"<", "<=", "==", "!=", ">", ">="};
static const char *const cmp_dunder[] = {"__lt__", "__le__", "__eq__",
                                         "__ne__", "__gt__", "__ge__"};
static const int cmp_swapped[] = {4 /*GT*/, 5 /*GE*/, 2, 3, 0 /*LT*/, 1 /*LE*/};

static Obj *cmp_result(Vm *vm, int c, int op) {
    bool r = false;
    switch (op) {
    case 0:
        r = c < 0;
        break;
    case 1:
        r = c <= 0;
        break;
    case 2:
        r = c == 0;
        break;
    case 3:
        r = c != 0;
        break;
    case 4:
        r = c > 0;
        break;
    case 5:
        r = c >= 0;
        break;
    }
    return bool_from(r);
}

static bool is_number(Obj *o) {
    return IS_INT(o) || IS_FLOAT(o);
}

static int number_cmp(Vm *vm, Obj *a, Obj *b, int op, Obj **out) {
    if (IS_INT(a) && IS_INT(b)) {
        *out = cmp_result(vm, int_compare(a, b), op);
        return 1;
    }
    double x, y;
    bool ok1 = true, ok2 = true;
    /* int vs float: exact comparison as float_richcompare does for big ints */
    if (IS_FLOAT(a))
        x = ((Float *)a)->v;
    else
        x = int_as_double(vm, a, &ok1);
    if (IS_FLOAT(b))
        y = ((Float *)b)->v;
    else
        y = int_as_double(vm, b, &ok2);
    if (ok1 && ok2 && !isnan(x) && !isnan(y) && !isinf(x) && !isinf(y) &&
        !(IS_FLOAT(a) && IS_FLOAT(b))) {
        /* int vs float compares exactly, as float_richcompare: int against floor(float) */
        Obj *i = IS_INT(a) ? a : b;
        double fv = IS_FLOAT(a) ? x : y;
        double fl = floor(fv);
        Obj *fi = int_from_double(vm, fl);
        if (fi) {
            int c = int_compare(i, fi);
            DECREF(vm, fi);
            if (c == 0 && fv != fl) c = -1; /* i == floor(f) < f */
            if (IS_FLOAT(a)) c = -c;
            *out = cmp_result(vm, c, op);
            return 1;
        }
        vm_clear_exc(vm);
    }
    if (!ok1 || !ok2) { /* huge int vs float */
        vm_clear_exc(vm);
        Obj *i = IS_INT(a) ? a : b;
        double f = IS_FLOAT(a) ? x : y;
        int s = int_sign(i);
        int c;
        if (isinf(f))
            c = f > 0 ? -1 : 1;
        else
            c = s;
        if (IS_FLOAT(a)) c = -c;
        *out = cmp_result(vm, c, op);
        return 1;
    }
    if (isnan(x) || isnan(y)) {
        *out = bool_from(op == 3);
        return 1;
    }
    *out = cmp_result(vm, x < y ? -1 : x > y ? 1 : 0, op);
    return 1;
}

static Obj *seq_compare(Vm *vm, Obj **ia, ssize_t na, Obj **ib, ssize_t nb, int op) {
    ssize_t i;
    for (i = 0; i < na && i < nb; i++) {
        int eq = obj_eq(vm, ia[i], ib[i]);
        if (eq < 0) return NULL;
        if (!eq) break;
    }
    if (i >= na || i >= nb) {
        ssize_t c = na - nb;
        return cmp_result(vm, c < 0 ? -1 : c > 0 ? 1 : 0, op);
    }
    if (op == 2) return bool_from(false);
    if (op == 3) return bool_from(true);
    return obj_richcompare(vm, ia[i], ib[i], op);
}

static Obj *builtin_compare(Vm *vm, Obj *a, Obj *b, int op) {
    if (is_number(a) && is_number(b)) {
        Obj *r;
        number_cmp(vm, a, b, op, &r);
        return r;
    }
    if (IS_STR(a) && IS_STR(b)) {
        if (op == 2 || op == 3) {
            bool eq = a == b || str_eq(a, b);
            return bool_from(op == 2 ? eq : !eq);
        }
        return cmp_result(vm, str_compare(a, b), op);
    }
    if (IS_LIST(a) && IS_LIST(b)) {
        /* hold the items: comparison may run user code that mutates the lists */
        Obj *ca = list_slice(vm, a, 0, LIST_LEN(a));
        Obj *cb = list_slice(vm, b, 0, LIST_LEN(b));
        Obj *r = NULL;
        if (ca && cb)
            r = seq_compare(vm, ((List *)ca)->items, LIST_LEN(ca), ((List *)cb)->items,
                            LIST_LEN(cb), op);
        XDECREF(vm, ca);
        XDECREF(vm, cb);
        return r;
    }
    if (IS_TUPLE(a) && IS_TUPLE(b))
        return seq_compare(vm, ((Tuple *)a)->items, TUPLE_LEN(a), ((Tuple *)b)->items, TUPLE_LEN(b),
                           op);
    if (KIND(a) == OBJ_BYTES && KIND(b) == OBJ_BYTES) {
        if (op == 2 || op == 3) return bool_from(bytes_eq(a, b) == (op == 2));
        return cmp_result(vm, bytes_compare(a, b), op);
    }
    if (IS_DICT(a) && IS_DICT(b) && (op == 2 || op == 3)) {
        int eq = DICT_LEN(a) == DICT_LEN(b);
        ssize_t pos = 0;
        Obj *k, *v;
        while (eq && dict_next(a, &pos, &k, &v)) {
            INCREF(k);
            INCREF(v);
            Obj *w = dict_get(vm, b, k);
            if (!w) {
                DECREF(vm, k);
                DECREF(vm, v);
                if (vm->exc) return NULL;
                eq = 0;
                break;
            }
            INCREF(w);
            int e = obj_eq(vm, v, w);
            DECREF(vm, w);
            DECREF(vm, k);
            DECREF(vm, v);
            if (e < 0) return NULL;
            eq = e;
        }
        return bool_from(op == 2 ? eq : !eq);
    }
    if ((KIND(a) == OBJ_SET || KIND(a) == OBJ_FROZENSET) &&
        (KIND(b) == OBJ_SET || KIND(b) == OBJ_FROZENSET))
        return set_binop(vm, a, b, 100 + op);
    if (KIND(a) == OBJ_WEAKREF && KIND(b) == OBJ_WEAKREF && a->type == &WeakRefType &&
        (op == 2 || op == 3)) {
        /* live refs compare their referents, dead ones by identity (weakref_richcompare) */
        Obj *x = ((WeakRef *)a)->referent, *y = ((WeakRef *)b)->referent;
        if (!x || !y) return bool_from((a == b) == (op == 2));
        int eq = obj_eq(vm, x, y);
        if (eq < 0) return NULL;
        return bool_from(op == 2 ? eq : !eq);
    }
    if (KIND(a) == OBJ_RANGE && KIND(b) == OBJ_RANGE && (op == 2 || op == 3)) {
        Range *x = (Range *)a, *y = (Range *)b;
        bool eq = int_compare(x->length, y->length) == 0;
        if (eq && int_sign(x->length) != 0) {
            eq = int_compare(x->start, y->start) == 0;
            if (eq && int_compare(x->length, SMALL_INT(vm, 1)) != 0)
                eq = int_compare(x->step, y->step) == 0;
        }
        return bool_from(op == 2 ? eq : !eq);
    }
    if (KIND(a) == OBJ_DICTVIEW || KIND(b) == OBJ_DICTVIEW)
        return dictview_richcompare(vm, a, b, op);
    return obj_newref(Py_NotImplemented);
}

static Obj *user_compare(Vm *vm, Obj *self, Obj *other, int op) {
    if (!self->type->heap) return obj_newref(Py_NotImplemented);
    Obj *f = type_lookup_cstr(vm, self->type, cmp_dunder[op]);
    if (!f || f == Py_None) return obj_newref(Py_NotImplemented);
    bool found;
    return call_special(vm, self, cmp_dunder[op], &other, 1, &found);
}

static Obj *richcompare_inner(Vm *vm, Obj *a, Obj *b, int op);

/* PyObject_RichCompare: the comparison of nested containers recurses in C */
Obj *obj_richcompare(Vm *vm, Obj *a, Obj *b, int op) {
    if (vm_enter_recursive(vm, " in comparison") < 0) return NULL;
    Obj *r = richcompare_inner(vm, a, b, op);
    vm_leave_recursive(vm);
    return r;
}

/* mirrors do_richcompare() */
static Obj *richcompare_inner(Vm *vm, Obj *a, Obj *b, int op) {
    if (!a->type->heap && !b->type->heap) {
        Obj *r = builtin_compare(vm, a, b, op);
        if (r != Py_NotImplemented) return r;
        DECREF(vm, r);
    } else {
        bool checked_reverse = false;
        Obj *r;
        if (a->type != b->type && type_is_subtype(b->type, a->type) && b->type->heap) {
            checked_reverse = true;
            r = user_compare(vm, b, a, cmp_swapped[op]);
            if (r != Py_NotImplemented) return r;
            DECREF(vm, r);
        }
        r = a->type->heap ? user_compare(vm, a, b, op) : builtin_compare(vm, a, b, op);
        if (!r || r != Py_NotImplemented) return r;
        DECREF(vm, r);
        if (!checked_reverse) {
            r = b->type->heap ? user_compare(vm, b, a, cmp_swapped[op])
                              : builtin_compare(vm, b, a, cmp_swapped[op]);
            if (!r || r != Py_NotImplemented) return r;
            DECREF(vm, r);
        }
        if (op == 3 && a->type->heap) {
            /* object.__ne__ inverts __eq__ when __eq__ is defined */
            Obj *eqf = type_lookup_cstr(vm, a->type, "__eq__");
            if (eqf && eqf != Py_None) {
                Obj *e = user_compare(vm, a, b, 2);
                if (!e) return NULL;
                if (e != Py_NotImplemented) {
                    int t = obj_truth(vm, e);
                    DECREF(vm, e);
                    if (t < 0) return NULL;
                    return bool_from(!t);
                }
                DECREF(vm, e);
            }
        }
    }
    if (op == 2) return bool_from(a == b);
    if (op == 3) return bool_from(a != b);
    return vm_raise(vm, &Exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                    cmp_sym[op], obj_type_name(a), obj_type_name(b));
}

int obj_richcompare_bool(Vm *vm, Obj *a, Obj *b, int op) {
    if (a == b) {
        if (op == 2) return 1;
        if (op == 3) return 0;
    }
    Obj *r = obj_richcompare(vm, a, b, op);
    if (!r) return -1;
    int t;
    if (r == Py_True)
        t = 1;
    else if (r == Py_False)
        t = 0;
    else
        t = obj_truth(vm, r);
    DECREF(vm, r);
    return t;
}

int obj_eq(Vm *vm, Obj *a, Obj *b) {
    if (a == b) return 1;
    if (IS_STR(a) && IS_STR(b)) return str_eq(a, b);
    if (IS_EXACT_INT(a) && IS_EXACT_INT(b)) return int_compare(a, b) == 0;
    return obj_richcompare_bool(vm, a, b, 2);
}

/* ------------------------------------------------------------------ items */

Obj *obj_getitem(Vm *vm, Obj *o, Obj *key) {
    switch (KIND(o)) {
    case OBJ_LIST:
        return list_getitem(vm, o, key);
    case OBJ_DICT: {
        Obj *v = dict_get(vm, o, key);
        if (v) return obj_newref(v);
        if (vm->exc) return NULL;
        if (o->type != &DictType) { /* dict subclass with __missing__ */
            bool found;
            Obj *r = call_special(vm, o, "__missing__", &key, 1, &found);
            if (found) return r;
        }
        return vm_raise_obj(vm, &Exc_KeyError, key);
    }
    case OBJ_TUPLE: {
        Tuple *t = (Tuple *)o;
        if (IS_INT(key)) {
            int64_t i;
            if (!int_as_i64(key, &i)) i = t->len;
            if (i < 0) i += t->len;
            if (i < 0 || i >= t->len)
                return vm_raise(vm, &Exc_IndexError, "tuple index out of range");
            return obj_newref(t->items[i]);
        }
        if (TYPE(key) == &SliceType) {
            ssize_t start, stop, step, n;
            if (slice_indices(vm, key, t->len, &start, &stop, &step, &n) < 0) return NULL;
            if (step == 1 && n == t->len) return obj_newref(o);
            Obj *r = tuple_new(vm, n);
            if (!r) return NULL;
            for (ssize_t i = 0, j = start; i < n; i++, j += step)
                TUPLE_ITEM(r, i) = obj_newref(t->items[j]);
            return r;
        }
        return vm_raise(vm, &Exc_TypeError, "tuple indices must be integers or slices, not %s",
                        obj_type_name(key));
    }
    case OBJ_STR:
        return str_getitem(vm, o, key);
    case OBJ_RANGE: {
        if (IS_INT(key)) {
            int64_t i;
            if (!int_as_i64(key, &i))
                return vm_raise(vm, &Exc_IndexError, "range object index out of range");
            extern Obj *range_item(Vm *, Obj *, int64_t);
            return range_item(vm, o, i);
        }
        if (TYPE(key) == &SliceType) {
            Range *r = (Range *)o;
            int64_t len;
            int_as_i64(r->length, &len);
            ssize_t start, stop, step, n;
            if (slice_indices(vm, key, (ssize_t)len, &start, &stop, &step, &n) < 0) return NULL;
            int64_t lo, st;
            int_as_i64(r->start, &lo);
            int_as_i64(r->step, &st);
            Obj *a = int_from_i64(vm, lo + start * st), *b = int_from_i64(vm, lo + stop * st),
                *c = int_from_i64(vm, st * step);
            Obj *res = range_new(vm, a, b, c);
            DECREF(vm, a);
            DECREF(vm, b);
            DECREF(vm, c);
            return res;
        }
        return vm_raise(vm, &Exc_TypeError, "range indices must be integers or slices, not %s",
                        obj_type_name(key));
    }
    case OBJ_BYTES:
        return bytes_getitem(vm, o, key);
    default:
        break;
    }
    if (o->type->heap) {
        bool found;
        Obj *r = call_special(vm, o, "__getitem__", &key, 1, &found);
        if (found) return r;
    }
    if (IS_TYPE(o)) {
        /* list[int] and friends: generic aliases are out of the subset; return the type */
        return obj_newref(o);
    }
    return vm_raise(vm, &Exc_TypeError, "'%s' object is not subscriptable", obj_type_name(o));
}

int obj_setitem(Vm *vm, Obj *o, Obj *key, Obj *value) {
    switch (KIND(o)) {
    case OBJ_LIST:
        return list_ass_item(vm, o, key, value);
    case OBJ_DICT:
        return dict_set(vm, o, key, value);
    default:
        break;
    }
    if (o->type->heap) {
        bool found;
        Obj *args[2] = {key, value};
        Obj *r = call_special(vm, o, "__setitem__", args, 2, &found);
        if (found) {
            if (!r) return -1;
            DECREF(vm, r);
            return 0;
        }
    }
    vm_raise(vm, &Exc_TypeError, "'%s' object does not support item assignment", obj_type_name(o));
    return -1;
}

int obj_delitem(Vm *vm, Obj *o, Obj *key) {
    switch (KIND(o)) {
    case OBJ_LIST:
        return list_ass_item(vm, o, key, NULL);
    case OBJ_DICT:
        return dict_del(vm, o, key);
    default:
        break;
    }
    if (o->type->heap) {
        bool found;
        Obj *r = call_special(vm, o, "__delitem__", &key, 1, &found);
        if (found) {
            if (!r) return -1;
            DECREF(vm, r);
            return 0;
        }
    }
    vm_raise(vm, &Exc_TypeError, "'%s' object doesn't support item deletion", obj_type_name(o));
    return -1;
}

/* ------------------------------------------------------------------ iteration */

Obj *obj_iter(Vm *vm, Obj *o) {
    switch (KIND(o)) {
    case OBJ_LIST:
        return iter_new(vm, &ListIterType, o);
    case OBJ_TUPLE:
        return iter_new(vm, &TupleIterType, o);
    case OBJ_STR:
        return iter_new(vm, &StrIterType, o);
    case OBJ_BYTES:
        return iter_new(vm, &BytesIterType, o);
    case OBJ_RANGE: {
        Range *r = (Range *)o;
        int64_t lo, st, n;
        if (!int_as_i64(r->length, &n))
            return vm_raise(vm, &Exc_OverflowError, "Python int too large to convert to C ssize_t");
        if (!int_as_i64(r->start, &lo) || !int_as_i64(r->step, &st) ||
            __builtin_add_overflow(lo, (__int128)0, &lo)) {
            /* longrangeiter: values beyond int64, produced with big-int arithmetic */
            Obj *it = iter_new(vm, &SeqIterType, o);
            return it;
        }
        {
            __int128 last = (__int128)lo + (__int128)(n ? n - 1 : 0) * st;
            if (last > INT64_MAX || last < INT64_MIN) return iter_new(vm, &SeqIterType, o);
        }
        Obj *it = iter_new(vm, &RangeIterType, NULL);
        if (!it) return NULL;
        ((Iter *)it)->cur = lo;
        ((Iter *)it)->step = st;
        ((Iter *)it)->len = n;
        return it;
    }
    case OBJ_DICT: {
        Obj *it = iter_new(vm, &DictKeyIterType, o);
        if (it) ((Iter *)it)->len = DICT_LEN(o);
        return it;
    }
    case OBJ_DICTVIEW: {
        DictView *v = (DictView *)o;
        Type *t = v->sub == 0   ? &DictKeyIterType
                  : v->sub == 1 ? &DictValueIterType
                                : &DictItemIterType;
        Obj *it = iter_new(vm, t, v->dict);
        if (!it) return NULL;
        ((Iter *)it)->len = DICT_LEN(v->dict);
        if (v->sub == 2) {
            ((Iter *)it)->aux = tuple_pack(vm, 2, Py_None, Py_None);
            if (!((Iter *)it)->aux) {
                DECREF(vm, it);
                return NULL;
            }
        }
        return it;
    }
    case OBJ_SET:
    case OBJ_FROZENSET: {
        Obj *it = iter_new(vm, &SetIterType, o);
        if (it) ((Iter *)it)->len = ((Set *)o)->used;
        return it;
    }
    case OBJ_ITER:
    case OBJ_GENERATOR:
        return obj_newref(o);
    default:
        break;
    }
    if (o->type->heap) {
        bool found;
        Obj *r = call_special(vm, o, "__iter__", NULL, 0, &found);
        if (found) {
            if (r && !type_lookup_cstr(vm, r->type, "__next__") && KIND(r) != OBJ_ITER &&
                KIND(r) != OBJ_GENERATOR) {
                vm_raise(vm, &Exc_TypeError, "iter() returned non-iterator of type '%s'",
                         obj_type_name(r));
                DECREF(vm, r);
                return NULL;
            }
            return r;
        }
        if (type_lookup_cstr(vm, o->type, "__getitem__")) return iter_new(vm, &SeqIterType, o);
    }
    return vm_raise(vm, &Exc_TypeError, "'%s' object is not iterable", obj_type_name(o));
}

extern Obj *gen_send(Vm *vm, Obj *gen, Obj *value, bool *returned);

Obj *obj_next(Vm *vm, Obj *it) {
    if (KIND(it) == OBJ_ITER) return iter_next(vm, it);
    if (KIND(it) == OBJ_GENERATOR) {
        bool returned;
        Obj *r = gen_send(vm, it, NULL, &returned);
        if (r && returned) {
            DECREF(vm, r);
            return NULL;
        }
        return r;
    }
    if (it->type->heap) {
        bool found;
        Obj *r = call_special(vm, it, "__next__", NULL, 0, &found);
        if (found) {
            if (!r && vm_exc_matches(vm, &Exc_StopIteration)) vm_clear_exc(vm);
            return r;
        }
    }
    return vm_raise(vm, &Exc_TypeError, "'%s' object is not an iterator", obj_type_name(it));
}

ssize_t obj_len(Vm *vm, Obj *o) {
    switch (KIND(o)) {
    case OBJ_STR:
        return (ssize_t)str_len(o);
    case OBJ_LIST:
        return LIST_LEN(o);
    case OBJ_TUPLE:
        return TUPLE_LEN(o);
    case OBJ_DICT:
        return DICT_LEN(o);
    case OBJ_SET:
    case OBJ_FROZENSET:
        return ((Set *)o)->used;
    case OBJ_BYTES:
        return (ssize_t)((Bytes *)o)->len;
    case OBJ_DICTVIEW:
        return DICT_LEN(((DictView *)o)->dict);
    case OBJ_RANGE: {
        int64_t n;
        if (!int_as_i64(((Range *)o)->length, &n)) {
            vm_raise(vm, &Exc_OverflowError, "Python int too large to convert to C ssize_t");
            return -1;
        }
        return (ssize_t)n;
    }
    default:
        break;
    }
    if (o->type->heap) {
        bool found;
        Obj *r = call_special(vm, o, "__len__", NULL, 0, &found);
        if (found) {
            if (!r) return -1;
            int64_t n;
            if (!IS_INT(r)) {
                vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                         obj_type_name(r));
                DECREF(vm, r);
                return -1;
            }
            if (!int_as_i64(r, &n)) {
                DECREF(vm, r);
                vm_raise(vm, &Exc_OverflowError, "cannot fit 'int' into an index-sized integer");
                return -1;
            }
            DECREF(vm, r);
            if (n < 0) {
                vm_raise(vm, &Exc_ValueError, "__len__() should return >= 0");
                return -1;
            }
            return (ssize_t)n;
        }
    }
    vm_raise(vm, &Exc_TypeError, "object of type '%s' has no len()", obj_type_name(o));
    return -1;
}

int obj_contains(Vm *vm, Obj *c, Obj *item) {
    switch (KIND(c)) {
    case OBJ_DICT: {
        Obj *v = dict_get(vm, c, item);
        if (v) return 1;
        return vm->exc ? -1 : 0;
    }
    case OBJ_SET:
    case OBJ_FROZENSET:
        return set_contains(vm, c, item);
    case OBJ_STR:
        if (!IS_STR(item)) {
            vm_raise(vm, &Exc_TypeError, "'in <string>' requires string as left operand, not %s",
                     obj_type_name(item));
            return -1;
        }
        return str_contains(c, item);
    case OBJ_LIST:
        for (ssize_t i = 0; i < LIST_LEN(c); i++) {
            Obj *x = obj_newref(LIST_ITEM(c, i));
            int r = obj_eq(vm, x, item);
            DECREF(vm, x);
            if (r) return r;
        }
        return 0;
    case OBJ_TUPLE:
        for (ssize_t i = 0; i < TUPLE_LEN(c); i++) {
            int r = obj_eq(vm, TUPLE_ITEM(c, i), item);
            if (r) return r;
        }
        return 0;
    case OBJ_RANGE: {
        Range *r = (Range *)c;
        int64_t v, lo, st, n;
        if (IS_INT(item) && int_as_i64(item, &v) && int_as_i64(r->start, &lo) &&
            int_as_i64(r->step, &st) && int_as_i64(r->length, &n)) {
            int64_t d = v - lo;
            return d % st == 0 && d / st >= 0 && d / st < n;
        }
        break;
    }
    case OBJ_DICTVIEW:
        return dictview_contains(vm, c, item);
    case OBJ_BYTES:
        return bytes_contains(vm, c, item);
    default:
        break;
    }
    if (c->type->heap) {
        bool found;
        Obj *r = call_special(vm, c, "__contains__", &item, 1, &found);
        if (found) {
            if (!r) return -1;
            int t = obj_truth(vm, r);
            DECREF(vm, r);
            return t;
        }
    }
    Obj *it = obj_iter(vm, c);
    if (!it) {
        if (vm_exc_matches(vm, &Exc_TypeError)) {
            vm_clear_exc(vm);
            vm_raise(vm, &Exc_TypeError, "argument of type '%s' is not iterable", obj_type_name(c));
        }
        return -1;
    }
    for (;;) {
        Obj *x = obj_next(vm, it);
        if (!x) {
            DECREF(vm, it);
            return vm->exc ? -1 : 0;
        }
        int r = obj_eq(vm, x, item);
        DECREF(vm, x);
        if (r) {
            DECREF(vm, it);
            return r;
        }
    }
}

/* ------------------------------------------------------------------ calls */

extern Obj *vm_call_function(Vm *vm, Obj *func, Obj **args, int nargs, Obj *kwnames);

Obj *obj_call(Vm *vm, Obj *c, Obj **args, int nargs, Obj *kwnames) {
    switch (KIND(c)) {
    case OBJ_FUNCTION:
        return vm_call_function(vm, c, args, nargs, kwnames);
    case OBJ_BUILTIN: {
        Builtin *b = (Builtin *)c;
        if (b->self || (b->module && !b->self))
            return b->def->fn(vm, b->self, args, nargs, kwnames);
        /* an unbound method descriptor: first argument is self */
        if (nargs < 1)
            return vm_raise(vm, &Exc_TypeError, "unbound method %s() needs an argument",
                            b->def->name);
        return b->def->fn(vm, args[0], args + 1, nargs - 1, kwnames);
    }
    case OBJ_METHOD: {
        Method *m = (Method *)c;
        int nkw = kwnames ? (int)TUPLE_LEN(kwnames) : 0;
        Obj *small[16];
        Obj **stack =
            nargs + nkw + 1 <= 16 ? small : malloc(sizeof(Obj *) * (size_t)(nargs + nkw + 1));
        stack[0] = m->self;
        memcpy(stack + 1, args, sizeof(Obj *) * (size_t)(nargs + nkw));
        Obj *func = obj_newref(m->func);
        Obj *r = obj_call(vm, func, stack, nargs + 1, kwnames);
        DECREF(vm, func);
        if (stack != small) free(stack);
        return r;
    }
    case OBJ_TYPE:
        return type_call(vm, (Type *)c, args, nargs, kwnames);
    case OBJ_WEAKREF:
        if (c->type == &WeakProxyType) { /* a proxy to a callable calls it */
            extern Obj *weakproxy_referent(Vm * vm, Obj * p);
            Obj *r = weakproxy_referent(vm, c);
            return r ? obj_call(vm, r, args, nargs, kwnames) : NULL;
        }
        if (c->type == &WeakRefType) {
            if (nargs || (kwnames && TUPLE_LEN(kwnames)))
                return vm_raise(vm, &Exc_TypeError, "weakref() takes no arguments");
            Obj *r = ((WeakRef *)c)->referent;
            return obj_newref(r ? r : Py_None);
        }
        break;
    default:
        break;
    }
    if (c->type->heap) {
        Obj *f = type_lookup_cstr(vm, c->type, "__call__");
        if (f) {
            int nkw = kwnames ? (int)TUPLE_LEN(kwnames) : 0;
            Obj **stack = malloc(sizeof(Obj *) * (size_t)(nargs + nkw + 1));
            stack[0] = c;
            memcpy(stack + 1, args, sizeof(Obj *) * (size_t)(nargs + nkw));
            INCREF(f);
            Obj *r = obj_call(vm, f, stack, nargs + 1, kwnames);
            DECREF(vm, f);
            free(stack);
            return r;
        }
    }
    return vm_raise(vm, &Exc_TypeError, "'%s' object is not callable", obj_type_name(c));
}

Obj *obj_call0(Vm *vm, Obj *c) {
    return obj_call(vm, c, NULL, 0, NULL);
}
Obj *obj_call1(Vm *vm, Obj *c, Obj *a) {
    return obj_call(vm, c, &a, 1, NULL);
}

/* ------------------------------------------------------------------ arithmetic */

static const char *const binop_sym[] = {"+", "&",  "//", "<<", "@", "*", "%",
                                        "|", "**", ">>", "-",  "/", "^"};
static const char *const binop_dunder[] = {
    "__add__", "__and__", "__floordiv__", "__lshift__", "__matmul__",  "__mul__", "__mod__",
    "__or__",  "__pow__", "__rshift__",   "__sub__",    "__truediv__", "__xor__"};
static const char *const binop_rdunder[] = {
    "__radd__", "__rand__", "__rfloordiv__", "__rlshift__", "__rmatmul__",  "__rmul__", "__rmod__",
    "__ror__",  "__rpow__", "__rrshift__",   "__rsub__",    "__rtruediv__", "__rxor__"};
static const char *const binop_idunder[] = {
    "__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__",  "__imul__", "__imod__",
    "__ior__",  "__ipow__", "__irshift__",   "__isub__",    "__itruediv__", "__ixor__"};

static Obj *seq_repeat(Vm *vm, Obj *seq, Obj *n) {
    int64_t k;
    if (!int_as_i64(n, &k)) {
        if (int_sign(n) < 0)
            k = 0;
        else
            return vm_raise(vm, &Exc_OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    if (k < 0) k = 0;
    switch (KIND(seq)) {
    case OBJ_LIST:
        return list_repeat(vm, seq, (ssize_t)k);
    case OBJ_STR:
        return str_mul(vm, seq, (ssize_t)k);
    case OBJ_TUPLE: {
        ssize_t len = TUPLE_LEN(seq);
        if (len == 0 || k == 1) return obj_newref(seq);
        if (vm->limits.max_container && len * k > vm->limits.max_container) return vm_nomem(vm);
        Obj *r = tuple_new(vm, (ssize_t)(len * k));
        if (!r) return NULL;
        for (ssize_t i = 0; i < len * k; i++)
            TUPLE_ITEM(r, i) = obj_newref(TUPLE_ITEM(seq, i % len));
        return r;
    }
    case OBJ_BYTES:
        return bytes_mul(vm, seq, (ssize_t)k);
    default:
        return obj_newref(Py_NotImplemented);
    }
}

static Obj *builtin_binop(Vm *vm, Obj *a, Obj *b, int op) {
    if (IS_INT(a) && IS_INT(b)) return int_binop(vm, a, b, op);
    if ((IS_FLOAT(a) || IS_FLOAT(b)) && is_number(a) && is_number(b))
        return float_binop(vm, a, b, op);
    switch (op) {
    case OP_ADD:
        if (IS_STR(a) && IS_STR(b)) return str_concat(vm, a, b);
        if (IS_LIST(a) && IS_LIST(b)) return list_concat(vm, a, b);
        if (IS_TUPLE(a) && IS_TUPLE(b)) {
            ssize_t na = TUPLE_LEN(a), nb = TUPLE_LEN(b);
            if (nb == 0) return obj_newref(a);
            if (na == 0) return obj_newref(b);
            Obj *r = tuple_new(vm, na + nb);
            if (!r) return NULL;
            for (ssize_t i = 0; i < na; i++)
                TUPLE_ITEM(r, i) = obj_newref(TUPLE_ITEM(a, i));
            for (ssize_t i = 0; i < nb; i++)
                TUPLE_ITEM(r, na + i) = obj_newref(TUPLE_ITEM(b, i));
            return r;
        }
        if (KIND(a) == OBJ_BYTES && KIND(b) == OBJ_BYTES) return bytes_concat(vm, a, b);
        break;
    case OP_MUL:
        if (IS_INT(b) && (IS_LIST(a) || IS_STR(a) || IS_TUPLE(a) || KIND(a) == OBJ_BYTES))
            return seq_repeat(vm, a, b);
        if (IS_INT(a) && (IS_LIST(b) || IS_STR(b) || IS_TUPLE(b) || KIND(b) == OBJ_BYTES))
            return seq_repeat(vm, b, a);
        break;
    case OP_MOD:
        if (IS_STR(a)) return str_mod(vm, a, b);
        break;
    case OP_OR_BIT:
    case OP_AND_BIT:
    case OP_SUB:
    case OP_XOR:
        if (KIND(a) == OBJ_DICTVIEW || KIND(b) == OBJ_DICTVIEW) return dictview_binop(vm, a, b, op);
        if ((KIND(a) == OBJ_SET || KIND(a) == OBJ_FROZENSET) &&
            (KIND(b) == OBJ_SET || KIND(b) == OBJ_FROZENSET))
            return set_binop(vm, a, b, op);
        if (op == OP_OR_BIT && IS_DICT(a) && IS_DICT(b)) {
            Obj *r = dict_copy(vm, a);
            if (r && dict_update(vm, r, b) < 0) {
                DECREF(vm, r);
                return NULL;
            }
            return r;
        }
        break;
    default:
        break;
    }
    return obj_newref(Py_NotImplemented);
}

static Obj *user_binop(Vm *vm, Obj *self, Obj *other, const char *dunder) {
    if (!self->type->heap) return obj_newref(Py_NotImplemented);
    Obj *f = type_lookup_cstr(vm, self->type, dunder);
    if (!f || f == Py_None) return obj_newref(Py_NotImplemented);
    bool found;
    return call_special(vm, self, dunder, &other, 1, &found);
}

/* mirrors binary_op1(): a.__op__(b), then b.__rop__(a) (subclass first) */
static Obj *binop1(Vm *vm, Obj *a, Obj *b, int op) {
    if (!a->type->heap && !b->type->heap) return builtin_binop(vm, a, b, op);
    Obj *r;
    bool b_first = b->type != a->type && b->type->heap && type_is_subtype(b->type, a->type) &&
                   type_lookup_cstr(vm, b->type, binop_rdunder[op]);
    if (b_first) {
        r = user_binop(vm, b, a, binop_rdunder[op]);
        if (r != Py_NotImplemented) return r;
        DECREF(vm, r);
    }
    r = a->type->heap ? user_binop(vm, a, b, binop_dunder[op]) : builtin_binop(vm, a, b, op);
    if (r != Py_NotImplemented) return r;
    DECREF(vm, r);
    if (!b_first && b->type != a->type) {
        r = b->type->heap ? user_binop(vm, b, a, binop_rdunder[op]) : builtin_binop(vm, a, b, op);
        if (r != Py_NotImplemented) return r;
        DECREF(vm, r);
    }
    return obj_newref(Py_NotImplemented);
}

static Obj *binop_error(Vm *vm, Obj *a, Obj *b, int op, bool inplace) {
    if (op == OP_POW && !inplace)
        return vm_raise(vm, &Exc_TypeError,
                        "unsupported operand type(s) for ** or pow(): '%s' and '%s'",
                        obj_type_name(a), obj_type_name(b));
    if (op == OP_ADD && IS_STR(a) && !IS_STR(b) && !inplace)
        return vm_raise(vm, &Exc_TypeError, "can only concatenate str (not \"%s\") to str",
                        obj_type_name(b));
    if (op == OP_ADD && IS_LIST(a) && !IS_LIST(b) && !inplace)
        return vm_raise(vm, &Exc_TypeError, "can only concatenate list (not \"%s\") to list",
                        obj_type_name(b));
    if (op == OP_ADD && IS_TUPLE(a) && !IS_TUPLE(b) && !inplace)
        return vm_raise(vm, &Exc_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                        obj_type_name(b));
    if (op == OP_MUL &&
        (IS_STR(a) || IS_LIST(a) || IS_TUPLE(a) || IS_STR(b) || IS_LIST(b) || IS_TUPLE(b)) &&
        !(is_number(a) && is_number(b))) {
        Obj *n = (IS_STR(a) || IS_LIST(a) || IS_TUPLE(a)) ? b : a;
        if (!IS_INT(n))
            return vm_raise(vm, &Exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                            obj_type_name(n));
    }
    if (op == OP_POW && inplace)
        return vm_raise(vm, &Exc_TypeError, "unsupported operand type(s) for **=: '%s' and '%s'",
                        obj_type_name(a), obj_type_name(b));
    return vm_raise(vm, &Exc_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'",
                    binop_sym[op], inplace ? "=" : "", obj_type_name(a), obj_type_name(b));
}

Obj *obj_binop(Vm *vm, Obj *a, Obj *b, int op) {
    Obj *r = binop1(vm, a, b, op);
    if (r != Py_NotImplemented) return r;
    DECREF(vm, r);
    return binop_error(vm, a, b, op, false);
}

Obj *obj_inplace(Vm *vm, Obj *a, Obj *b, int op) {
    /* list += iterable extends in place; set |= etc. mutate in place */
    if (IS_LIST(a) && op == OP_ADD) {
        if (list_extend(vm, a, b) < 0) return NULL;
        return obj_newref(a);
    }
    if (IS_LIST(a) && op == OP_MUL && IS_INT(b)) {
        int64_t k;
        if (!int_as_i64(b, &k)) return vm_nomem(vm);
        ssize_t n = LIST_LEN(a);
        if (k <= 0) {
            Obj *empty = list_new(vm, 0);
            if (!empty) return NULL;
            Obj *sl = slice_new(vm, NULL, NULL, NULL);
            int rc = list_ass_item(vm, a, sl, empty);
            DECREF(vm, sl);
            DECREF(vm, empty);
            if (rc < 0) return NULL;
            return obj_newref(a);
        }
        if (list_resize(vm, a, n * k) < 0) return NULL;
        for (ssize_t i = n; i < n * k; i++)
            LIST_ITEM(a, i) = obj_newref(LIST_ITEM(a, i % n));
        return obj_newref(a);
    }
    if (KIND(a) == OBJ_SET && (KIND(b) == OBJ_SET || KIND(b) == OBJ_FROZENSET) &&
        (op == OP_OR_BIT || op == OP_AND_BIT || op == OP_SUB || op == OP_XOR))
        return set_binop(vm, a, b, 200 + op);
    if (IS_DICT(a) && op == OP_OR_BIT) {
        if (dict_update(vm, a, b) < 0) return NULL;
        return obj_newref(a);
    }
    if (a->type->heap) {
        Obj *f = type_lookup_cstr(vm, a->type, binop_idunder[op]);
        if (f && f != Py_None) {
            bool found;
            Obj *r = call_special(vm, a, binop_idunder[op], &b, 1, &found);
            if (r != Py_NotImplemented) return r;
            DECREF(vm, r);
        }
    }
    Obj *r = binop1(vm, a, b, op);
    if (r != Py_NotImplemented) return r;
    DECREF(vm, r);
    return binop_error(vm, a, b, op, true);
}

Obj *obj_unary(Vm *vm, Obj *a, int op) {
    if (op == OP_NOT) {
        int t = obj_truth(vm, a);
        if (t < 0) return NULL;
        return bool_from(!t);
    }
    if (IS_INT(a)) {
        if (op == OP_NEG) return int_neg(vm, a);
        if (op == OP_INVERT) return int_invert(vm, a);
        if (KIND(a) == OBJ_BOOL) return int_from_i64(vm, a == Py_True);
        return obj_newref(a);
    }
    if (IS_FLOAT(a)) {
        if (op == OP_NEG) return float_new(vm, -((Float *)a)->v);
        if (op == OP_POS) return obj_newref(a);
    }
    const char *d = op == OP_NEG ? "__neg__" : op == OP_POS ? "__pos__" : "__invert__";
    if (a->type->heap) {
        bool found;
        Obj *r = call_special(vm, a, d, NULL, 0, &found);
        if (found) return r;
    }
    return vm_raise(vm, &Exc_TypeError, "bad operand type for unary %s: '%s'",
                    op == OP_NEG   ? "-"
                    : op == OP_POS ? "+"
                                   : "~",
                    obj_type_name(a));
}

/* ------------------------------------------------------------------ misc */

int obj_isinstance(Vm *vm, Obj *o, Obj *cls) {
    if (IS_TUPLE(cls)) {
        for (ssize_t i = 0; i < TUPLE_LEN(cls); i++) {
            int r = obj_isinstance(vm, o, TUPLE_ITEM(cls, i));
            if (r) return r;
        }
        return 0;
    }
    if (!IS_TYPE(cls)) {
        vm_raise(vm, &Exc_TypeError,
                 "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return -1;
    }
    if (type_is_subtype(o->type, (Type *)cls)) return 1;
    if (o->type == &WeakProxyType && ((WeakRef *)o)->referent) /* object_isinstance: __class__ */
        return type_is_subtype(((WeakRef *)o)->referent->type, (Type *)cls);
    return 0;
}

bool seq_fast(Obj *o, Obj ***items, ssize_t *n) {
    if (IS_LIST(o)) {
        *items = ((List *)o)->items;
        *n = LIST_LEN(o);
        return true;
    }
    if (IS_TUPLE(o)) {
        *items = ((Tuple *)o)->items;
        *n = TUPLE_LEN(o);
        return true;
    }
    return false;
}

Obj *obj_to_list(Vm *vm, Obj *iterable) {
    Obj *l = list_new(vm, 0);
    if (!l) return NULL;
    if (list_extend(vm, l, iterable) < 0) {
        DECREF(vm, l);
        return NULL;
    }
    return l;
}

ssize_t obj_as_index(Vm *vm, Obj *o, bool *ok) {
    *ok = true;
    if (IS_INT(o)) {
        int64_t v;
        if (int_as_i64(o, &v)) return (ssize_t)v;
        *ok = false;
        vm_raise(vm, &Exc_IndexError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    if (o->type->heap) {
        bool found;
        Obj *r = call_special(vm, o, "__index__", NULL, 0, &found);
        if (found) {
            if (!r) {
                *ok = false;
                return -1;
            }
            int64_t v = 0;
            if (!IS_INT(r) || !int_as_i64(r, &v)) {
                *ok = false;
                DECREF(vm, r);
                vm_raise(vm, &Exc_TypeError, "__index__ returned non-int");
                return -1;
            }
            DECREF(vm, r);
            return (ssize_t)v;
        }
    }
    *ok = false;
    vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
             obj_type_name(o));
    return -1;
}
