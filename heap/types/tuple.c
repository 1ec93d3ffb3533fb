/*
 * tuple.c - the tuple type: 24 + 8n bytes plus the 16-byte GC header.
 *
 * `()` is a per-run static singleton. Tuples of length 1..20 are recycled through free lists
 * of 2000 each (PyTuple_MAXSAVESIZE / PyTuple_MAXFREELIST): a freed 3-tuple's address is
 * reused by the next 3-tuple, and neither touches the collector's count. New tuples are
 * tracked at once; the collector untracks those holding nothing trackable
 * (_PyTuple_MaybeUntrack), which is why `gc.is_tracked((1, 2))` turns False after a collection.
 */
#include "heap/types/types.h"

#include <stdlib.h>
#include <string.h>

#define TUPLE_MAXSAVESIZE 20
#define TUPLE_MAXFREELIST 2000

Obj *tuple_new(Vm *vm, ssize_t n) {
    if (n == 0) return obj_newref(vm->empty_tuple);
    if (vm->limits.max_container && n > vm->limits.max_container) return vm_nomem(vm);
    Tuple *t;
    if (n <= TUPLE_MAXSAVESIZE && vm->ntuple_free[n] > 0) {
        t = (Tuple *)vm->tuple_free[n][--vm->ntuple_free[n]];
        t->ob.refcnt = 1;
        t->ob.uid = vm->next_uid++;
        vm->live_objects++;
        vm_event(vm, EV_ALLOC, (Obj *)t, 0);
    } else {
        t = (Tuple *)obj_alloc(vm, &TupleType, sizeof(Tuple) + sizeof(Obj *) * (size_t)n,
                               24 + 8 * (size_t)n);
        if (!t) return NULL;
    }
    t->len = n;
    t->hash = -1;
    memset(t->items, 0, sizeof(Obj *) * (size_t)n);
    gc_track(vm, (Obj *)t);
    return (Obj *)t;
}

Obj *tuple_from_array(Vm *vm, Obj **items, ssize_t n) {
    Obj *t = tuple_new(vm, n);
    if (!t) return NULL;
    for (ssize_t i = 0; i < n; i++)
        TUPLE_ITEM(t, i) = obj_newref(items[i]);
    return t;
}

Obj *tuple_pack(Vm *vm, int n, ...) {
    Obj *t = tuple_new(vm, n);
    if (!t) return NULL;
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        TUPLE_ITEM(t, i) = obj_newref(va_arg(ap, Obj *));
    va_end(ap);
    return t;
}

static void tuple_dealloc(Vm *vm, Obj *o) {
    Tuple *t = (Tuple *)o;
    if (gc_is_tracked(o)) gc_untrack(vm, o);
    for (ssize_t i = t->len - 1; i >= 0; i--)
        XDECREF(vm, t->items[i]); /* as tupledealloc */
    ssize_t n = t->len;
    if (n > 0 && n <= TUPLE_MAXSAVESIZE && vm->ntuple_free[n] < TUPLE_MAXFREELIST) {
        if (!vm->tuple_free[n]) {
            vm->tuple_free[n] = malloc(sizeof(Obj *) * TUPLE_MAXFREELIST);
            if (!vm->tuple_free[n]) abort();
        }
        vm_event(vm, EV_FREE, o, 0);
        vm->live_objects--;
        vm->tuple_free[n][vm->ntuple_free[n]++] = o;
        return;
    }
    obj_free_mem(vm, o);
}

static void tuple_traverse(Obj *o, VisitFn visit, void *arg) {
    Tuple *t = (Tuple *)o;
    for (ssize_t i = t->len; --i >= 0;) /* back to front, as tupletraverse */
        if (t->items[i]) visit(t->items[i], NULL, (long)i, arg);
}

static size_t tuple_size_of(Obj *o) {
    return 24 + 8 * (size_t)((Tuple *)o)->len;
}

/* mirrors _PyTuple_MaybeUntrack() */
void tuple_maybe_untrack(Vm *vm, Obj *o) {
    Tuple *t = (Tuple *)o;
    for (ssize_t i = 0; i < t->len; i++) {
        Obj *e = t->items[i];
        if (!e || (e->type->gc && (e->type != &TupleType || gc_is_tracked(e)))) return;
    }
    gc_untrack(vm, o);
}

static Obj *tuple_repr(Vm *vm, Obj *o) {
    Tuple *t = (Tuple *)o;
    if (t->len == 0) return str_from_cstr(vm, "()");
    if (vm_repr_enter(vm, o)) return str_from_cstr(vm, "(...)");
    StrBuf b;
    sb_init(&b);
    sb_addc(&b, '(');
    for (ssize_t i = 0; i < t->len; i++) {
        if (i) sb_adds(&b, ", ");
        Obj *r = obj_repr(vm, t->items[i]);
        if (!r) {
            sb_free(&b);
            vm_repr_leave(vm, o);
            return NULL;
        }
        sb_add_obj(&b, r);
        DECREF(vm, r);
    }
    if (t->len == 1) sb_addc(&b, ',');
    sb_addc(&b, ')');
    vm_repr_leave(vm, o);
    return sb_finish(vm, &b);
}

static Obj *tuple_index(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_check(vm, "index", nargs, 1, 3) || !args_no_kw(vm, "index", kw)) return NULL;
    Tuple *t = (Tuple *)self;
    for (ssize_t i = 0; i < t->len; i++) {
        int r = obj_eq(vm, t->items[i], args[0]);
        if (r < 0) return NULL;
        if (r) return int_from_i64(vm, i);
    }
    return vm_raise(vm, &Exc_ValueError, "tuple.index(x): x not in tuple");
}

static Obj *tuple_count(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_check(vm, "count", nargs, 1, 1) || !args_no_kw(vm, "count", kw)) return NULL;
    Tuple *t = (Tuple *)self;
    int64_t c = 0;
    for (ssize_t i = 0; i < t->len; i++) {
        int r = obj_eq(vm, t->items[i], args[0]);
        if (r < 0) return NULL;
        c += r;
    }
    return int_from_i64(vm, c);
}

static Obj *tuple_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    (void)t;
    if (!args_check(vm, "tuple", nargs, 0, 1) || !args_no_kw(vm, "tuple", kw)) return NULL;
    if (nargs == 0) return obj_newref(vm->empty_tuple);
    if (IS_TUPLE(args[0])) return obj_newref(args[0]);
    if (IS_LIST(args[0])) return tuple_from_array(vm, ((List *)args[0])->items, LIST_LEN(args[0]));
    ObjKind k = KIND(args[0]);
    if (k == OBJ_RANGE || k == OBJ_STR || k == OBJ_DICT || k == OBJ_SET || k == OBJ_FROZENSET ||
        k == OBJ_DICTVIEW || k == OBJ_BYTES) {
        /* PySequence_Tuple: a tuple of the length hint, filled by iteration (no temporary list) */
        ssize_t n = obj_len(vm, args[0]);
        if (n < 0) return NULL;
        Obj *it = obj_iter(vm, args[0]);
        if (!it) return NULL;
        Obj *t = tuple_new(vm, n);
        if (!t) {
            DECREF(vm, it);
            return NULL;
        }
        for (ssize_t i = 0; i < n; i++) {
            Obj *v = obj_next(vm, it);
            if (!v) { /* shrank while iterating: a fresh exact tuple */
                Obj *r = vm->exc ? NULL : tuple_from_array(vm, ((Tuple *)t)->items, i);
                DECREF(vm, t);
                DECREF(vm, it);
                return r;
            }
            TUPLE_ITEM(t, i) = v;
        }
        DECREF(vm, it);
        return t;
    }
    Obj *l = obj_to_list(vm, args[0]);
    if (!l) return NULL;
    Obj *r = tuple_from_array(vm, ((List *)l)->items, LIST_LEN(l));
    DECREF(vm, l);
    return r;
}

static const MethodDef tuple_methods[] = {
    {"index", tuple_index},
    {"count", tuple_count},
    {NULL, NULL},
};

Type TupleType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "tuple",
    .kind = OBJ_TUPLE,
    .gc = true,
    .basicsize = 24,
    .itemsize = 8,
    .traverse = tuple_traverse,
    .dealloc = tuple_dealloc,
    .repr = tuple_repr,
    .size_of = tuple_size_of,
    .methods = tuple_methods,
    .new_ = tuple_new_type,
    .base = &ObjectType,
};
