/*
 * sysmod.c - the simulated `sys` and `gc` modules.
 *
 * sys.getrefcount reads the simulated refcount: the argument it receives is borrowed from
 * the caller's value stack, which is exactly CPython's "+1". sys.getsizeof is __sizeof__ plus
 * the GC header and the managed-dict pre-header.
 */
#include "heap/lang/code.h"
#include "heap/types/types.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define FN(name) static Obj *name(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw)

FN(sys_getrefcount) {
    (void)self;
    if (!args_no_kw(vm, "getrefcount", kw) || !args_check(vm, "getrefcount", nargs, 1, 1))
        return NULL;
    return int_from_i64(vm, args[0]->refcnt);
}

FN(sys_getsizeof) {
    (void)self;
    Obj *dflt = args_kw(args, nargs, kw, "default");
    if (nargs < 1 || nargs > 2)
        return vm_raise(vm, &Exc_TypeError, "getsizeof() takes at most 2 arguments (%d given)",
                        nargs);
    if (nargs == 2) dflt = args[1];
    Obj *o = args[0];
    if (o->type->heap && type_lookup_cstr(vm, o->type, "__sizeof__")) {
        bool found;
        Obj *r = call_special(vm, o, "__sizeof__", NULL, 0, &found);
        if (!r) return NULL;
        int64_t v;
        if (!IS_INT(r) || !int_as_i64(r, &v)) {
            DECREF(vm, r);
            return vm_raise(vm, &Exc_TypeError, "an integer is required");
        }
        DECREF(vm, r);
        if (v < 0) return vm_raise(vm, &Exc_ValueError, "__sizeof__() should return >= 0");
        size_t pre = (o->type->gc ? 16 : 0) + (o->type->managed_dict ? 16 : 0);
        return int_from_i64(vm, v + (int64_t)pre);
    }
    (void)dflt;
    return int_from_i64(vm, (int64_t)obj_sizeof(vm, o));
}

FN(sys_getrecursionlimit) {
    (void)self;
    (void)args;
    if (!args_no_kw(vm, "getrecursionlimit", kw) ||
        !args_check(vm, "getrecursionlimit", nargs, 0, 0))
        return NULL;
    return int_from_i64(vm, vm->recursion_limit);
}

FN(sys_setrecursionlimit) {
    (void)self;
    if (!args_no_kw(vm, "setrecursionlimit", kw) ||
        !args_check(vm, "setrecursionlimit", nargs, 1, 1))
        return NULL;
    int64_t v;
    if (!IS_INT(args[0]))
        return vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                        obj_type_name(args[0]));
    if (!int_as_i64(args[0], &v) || v < 1)
        return vm_raise(vm, &Exc_ValueError, "recursion limit must be greater or equal than 1");
    if (v > 20000) v = 20000; /* keeps the simulator's C stack safe */
    if (v <= vm->depth)
        return vm_raise(vm, &Exc_RecursionError,
                        "cannot set the recursion limit to %lld at the recursion depth %d: the "
                        "limit is too low",
                        (long long)v, vm->depth);
    vm->recursion_limit = (int)v;
    return obj_newref(Py_None);
}

FN(sys_intern) {
    (void)self;
    if (!args_no_kw(vm, "intern", kw) || !args_check(vm, "intern", nargs, 1, 1)) return NULL;
    if (!IS_STR(args[0]))
        return vm_raise(vm, &Exc_TypeError, "intern() argument must be str, not %s",
                        obj_type_name(args[0]));
    return str_intern(vm, obj_newref(args[0]));
}

FN(sys_exit) {
    (void)self;
    if (!args_no_kw(vm, "exit", kw) || !args_check(vm, "exit", nargs, 0, 1)) return NULL;
    Obj *a = nargs ? tuple_pack(vm, 1, args[0]) : obj_newref(vm->empty_tuple);
    Obj *e = exc_new(vm, &Exc_SystemExit, a);
    DECREF(vm, a);
    if (!e) return NULL;
    vm_raise_exc(vm, e);
    DECREF(vm, e);
    return NULL;
}

/* sys.stdout / sys.stderr: text streams that write to the run's output (io.TextIOWrapper) */
typedef struct {
    Obj ob;
    Obj *name; /* '<stdout>' / '<stderr>' */
    int err;
} TextIO;

static void textio_dealloc(Vm *vm, Obj *o) {
    XDECREF(vm, ((TextIO *)o)->name);
    obj_free_mem(vm, o);
}

static Obj *textio_write(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_check(vm, "write", nargs, 1, 1) || !args_no_kw(vm, "write", kw)) return NULL;
    if (!IS_STR(args[0]))
        return vm_raise(vm, &Exc_TypeError, "write() argument must be str, not %s",
                        obj_type_name(args[0]));
    Str *st = (Str *)args[0];
    if (((TextIO *)self)->err) {
        if (vm->write_err) vm->write_err(vm->err_ctx, st->s, st->nbytes);
    } else {
        vm_write(vm, st->s, st->nbytes);
    }
    return int_from_i64(vm, (int64_t)st->len);
}

static Obj *textio_flush(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)self;
    (void)args;
    if (!args_check(vm, "flush", nargs, 0, 0) || !args_no_kw(vm, "flush", kw)) return NULL;
    return obj_newref(Py_None);
}

static Obj *textio_repr(Vm *vm, Obj *o) {
    return str_fromf(vm, "<_io.TextIOWrapper name='%s' mode='w' encoding='utf-8'>",
                     str_cstr(((TextIO *)o)->name));
}

static const MethodDef textio_methods[] = {
    {"write", textio_write}, {"flush", textio_flush}, {NULL, NULL}};

Type TextIOType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "_io.TextIOWrapper",
    .kind = OBJ_OTHER,
    .basicsize = 48,
    .dealloc = textio_dealloc,
    .repr = textio_repr,
    .methods = textio_methods,
    .base = &ObjectType,
};

static Obj *textio_new(Vm *vm, const char *name, int err) {
    TextIO *t = (TextIO *)obj_alloc(vm, &TextIOType, sizeof(TextIO), 48);
    if (!t) return NULL;
    t->name = str_from_cstr(vm, name);
    t->err = err;
    return (Obj *)t;
}

Obj *textio_name(Obj *o) {
    return ((TextIO *)o)->name;
}

static const MethodDef sys_funcs[] = {
    {"getrefcount", sys_getrefcount},
    {"getsizeof", sys_getsizeof},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit},
    {"intern", sys_intern},
    {"exit", sys_exit},
    {NULL, NULL},
};

Obj *sys_module_new(Vm *vm) {
    Obj *m = module_new(vm, "sys");
    if (!m) return NULL;
    Obj *d = ((Module *)m)->dict;
    module_add_funcs(vm, m, sys_funcs);
    Obj *v;
    v = int_from_i64(vm, INT64_MAX);
    dict_set_cstr(vm, d, "maxsize", v);
    DECREF(vm, v);
    v = str_from_cstr(vm, "3.11.7 (memviz simulation of CPython) [GCC]");
    dict_set_cstr(vm, d, "version", v);
    DECREF(vm, v);
    Obj *vi = tuple_new(vm, 5);
    TUPLE_ITEM(vi, 0) = int_from_i64(vm, 3);
    TUPLE_ITEM(vi, 1) = int_from_i64(vm, 11);
    TUPLE_ITEM(vi, 2) = int_from_i64(vm, 7);
    TUPLE_ITEM(vi, 3) = str_from_cstr(vm, "final");
    TUPLE_ITEM(vi, 4) = int_from_i64(vm, 0);
    dict_set_cstr(vm, d, "version_info", vi);
    DECREF(vm, vi);
    v = str_from_cstr(vm, "linux");
    dict_set_cstr(vm, d, "platform", v);
    DECREF(vm, v);
    v = str_from_cstr(vm, "little");
    dict_set_cstr(vm, d, "byteorder", v);
    DECREF(vm, v);
    Obj *argv = list_new(vm, 1);
    LIST_ITEM(argv, 0) = str_from_cstr(vm, vm->filename ? vm->filename : "");
    dict_set_cstr(vm, d, "argv", argv);
    DECREF(vm, argv);
    dict_set_cstr(vm, d, "modules", vm->modules);
    Obj *out = textio_new(vm, "<stdout>", 0), *errs = textio_new(vm, "<stderr>", 1);
    if (out) dict_set_cstr(vm, d, "stdout", out);
    if (errs) dict_set_cstr(vm, d, "stderr", errs);
    if (out) dict_set_cstr(vm, d, "__stdout__", out);
    if (errs) dict_set_cstr(vm, d, "__stderr__", errs);
    XDECREF(vm, out);
    XDECREF(vm, errs);
    return m;
}

/* ---------------------------------------------------------------- gc */

static bool gen_arg(Vm *vm, Obj **args, int nargs, Obj *kw, int *gen, int dflt) {
    Obj *g = args_kw(args, nargs, kw, "generation");
    if (nargs > 0) g = args[0];
    *gen = dflt;
    if (!g || g == Py_None) return true;
    int64_t v;
    if (!IS_INT(g) || !int_as_i64(g, &v)) {
        vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                 obj_type_name(g));
        return false;
    }
    if (v < 0 || v > 2) {
        vm_raise(vm, &Exc_ValueError, "invalid generation");
        return false;
    }
    *gen = (int)v;
    return true;
}

FN(gc_collect_fn) {
    (void)self;
    int gen;
    if (nargs > 1)
        return vm_raise(vm, &Exc_TypeError, "collect() takes at most 1 argument (%d given)", nargs);
    if (!gen_arg(vm, args, nargs, kw, &gen, 2)) return NULL;
    struct timespec t0, t1;
    if (vm->time_gc) clock_gettime(CLOCK_MONOTONIC, &t0);
    ssize_t n = gc_collect(vm, gen);
    if (vm->time_gc) {
        clock_gettime(CLOCK_MONOTONIC, &t1);
        fprintf(stderr, "gc.collect: %.3f ms, %zd unreachable\n",
                (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6, n);
    }
    if (n < 0) return NULL;
    return int_from_i64(vm, n);
}

FN(gc_enable) {
    (void)self;
    (void)args;
    if (!args_check(vm, "enable", nargs, 0, 0) || !args_no_kw(vm, "enable", kw)) return NULL;
    vm->gc.enabled = 1;
    return obj_newref(Py_None);
}

FN(gc_disable) {
    (void)self;
    (void)args;
    if (!args_check(vm, "disable", nargs, 0, 0) || !args_no_kw(vm, "disable", kw)) return NULL;
    vm->gc.enabled = 0;
    return obj_newref(Py_None);
}

FN(gc_isenabled) {
    (void)self;
    (void)args;
    if (!args_check(vm, "isenabled", nargs, 0, 0) || !args_no_kw(vm, "isenabled", kw)) return NULL;
    return bool_from(vm->gc.enabled);
}

FN(gc_get_count) {
    (void)self;
    (void)args;
    if (!args_check(vm, "get_count", nargs, 0, 0) || !args_no_kw(vm, "get_count", kw)) return NULL;
    Obj *a = int_from_i64(vm, vm->gc.gen[0].count), *b = int_from_i64(vm, vm->gc.gen[1].count),
        *c = int_from_i64(vm, vm->gc.gen[2].count);
    Obj *t = tuple_pack(vm, 3, a, b, c);
    DECREF(vm, a);
    DECREF(vm, b);
    DECREF(vm, c);
    return t;
}

FN(gc_get_threshold) {
    (void)self;
    (void)args;
    if (!args_check(vm, "get_threshold", nargs, 0, 0) || !args_no_kw(vm, "get_threshold", kw))
        return NULL;
    Obj *a = int_from_i64(vm, vm->gc.gen[0].threshold),
        *b = int_from_i64(vm, vm->gc.gen[1].threshold),
        *c = int_from_i64(vm, vm->gc.gen[2].threshold);
    Obj *t = tuple_pack(vm, 3, a, b, c);
    DECREF(vm, a);
    DECREF(vm, b);
    DECREF(vm, c);
    return t;
}

FN(gc_set_threshold) {
    (void)self;
    if (!args_no_kw(vm, "set_threshold", kw)) return NULL;
    if (nargs < 1)
        return vm_raise(vm, &Exc_TypeError, "set_threshold() takes at least 1 argument (%d given)",
                        nargs);
    if (nargs > 3)
        return vm_raise(vm, &Exc_TypeError, "set_threshold() takes at most 3 arguments (%d given)",
                        nargs);
    for (int i = 0; i < nargs; i++) {
        int64_t v;
        if (!IS_INT(args[i]) || !int_as_i64(args[i], &v))
            return vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                            obj_type_name(args[i]));
        vm->gc.gen[i].threshold = (int)v;
    }
    return obj_newref(Py_None);
}

FN(gcm_is_tracked) {
    (void)self;
    if (!args_no_kw(vm, "is_tracked", kw) || !args_check(vm, "is_tracked", nargs, 1, 1))
        return NULL;
    return bool_from(gc_is_tracked(args[0]));
}

FN(gc_is_finalized) {
    (void)self;
    if (!args_no_kw(vm, "is_finalized", kw) || !args_check(vm, "is_finalized", nargs, 1, 1))
        return NULL;
    return bool_from((args[0]->flags & OBJ_F_FINALIZED) != 0);
}

FN(gc_set_debug) {
    (void)self;
    if (!args_no_kw(vm, "set_debug", kw) || !args_check(vm, "set_debug", nargs, 1, 1)) return NULL;
    int64_t v;
    if (!IS_INT(args[0]))
        return vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                        obj_type_name(args[0]));
    if (!int_as_i64(args[0], &v))
        return vm_raise(vm, &Exc_OverflowError, "Python int too large to convert to C int");
    vm->gc.debug = (int)v;
    return obj_newref(Py_None);
}

FN(gc_get_debug) {
    (void)self;
    (void)args;
    if (!args_check(vm, "get_debug", nargs, 0, 0) || !args_no_kw(vm, "get_debug", kw)) return NULL;
    return int_from_i64(vm, vm->gc.debug);
}

static void list_gen(Vm *vm, Obj *l, Obj *head, Obj *exclude) {
    for (Obj *o = head->gc_next; o != head; o = o->gc_next)
        if (o != exclude && !(o->flags & OBJ_F_HIDDEN)) list_append(vm, l, o);
}

FN(gc_get_objects) {
    (void)self;
    int gen = -1;
    Obj *g = args_kw(args, nargs, kw, "generation");
    if (nargs > 0) g = args[0];
    if (g && g != Py_None) {
        int64_t v;
        if (!IS_INT(g))
            return vm_raise(vm, &Exc_TypeError, "argument should be integer or None, not '%s'",
                            obj_type_name(g));
        if (!int_as_i64(g, &v) || v >= GC_NGENS)
            return vm_raise(
                vm, &Exc_ValueError,
                "generation parameter must be less than the number of available generations (%d)",
                GC_NGENS);
        if (v < 0) return vm_raise(vm, &Exc_ValueError, "generation parameter cannot be negative");
        gen = (int)v;
    }
    Obj *l = list_new(vm, 0);
    if (!l) return NULL;
    for (int i = 0; i < GC_NGENS; i++)
        if (gen < 0 || gen == i) list_gen(vm, l, &vm->gc.gen[i].head, l);
    return l;
}

typedef struct {
    Obj *target;
    bool found;
} RefSearch;

static void visit_find(Obj *child, const char *label, long index, void *arg) {
    (void)label;
    (void)index;
    RefSearch *rs = arg;
    if (child == rs->target) rs->found = true;
}

FN(gc_get_referrers) {
    (void)self;
    if (!args_no_kw(vm, "get_referrers", kw)) return NULL;
    Obj *l = list_new(vm, 0);
    if (!l) return NULL;
    for (int g = 0; g <= GC_NGENS; g++) {
        Obj *head = g < GC_NGENS ? &vm->gc.gen[g].head : &vm->gc.permanent.head;
        for (Obj *o = head->gc_next; o != head; o = o->gc_next) {
            if (o == l) continue;
            for (int i = 0; i < nargs; i++) {
                RefSearch rs = {args[i], false};
                obj_traverse(o, visit_find, &rs);
                if (rs.found) {
                    list_append(vm, l, o);
                    break;
                }
            }
        }
    }
    return l;
}

static void visit_collect(Obj *child, const char *label, long index, void *arg) {
    (void)label;
    (void)index;
    Obj **pair = arg;
    list_append((Vm *)pair[0], pair[1], child);
}

FN(gc_get_referents) {
    (void)self;
    if (!args_no_kw(vm, "get_referents", kw)) return NULL;
    Obj *l = list_new(vm, 0);
    if (!l) return NULL;
    for (int i = 0; i < nargs; i++) {
        if (!args[i]->type->gc) continue;
        Obj *pair[2] = {(Obj *)vm, l};
        obj_traverse(args[i], visit_collect, pair);
    }
    return l;
}

FN(gc_get_stats) {
    (void)self;
    (void)args;
    if (!args_check(vm, "get_stats", nargs, 0, 0) || !args_no_kw(vm, "get_stats", kw)) return NULL;
    Obj *l = list_new(vm, 0);
    for (int i = 0; i < GC_NGENS; i++) {
        Obj *d = dict_new(vm);
        Obj *a = int_from_i64(vm, vm->gc.stat_collections[i]),
            *b = int_from_i64(vm, vm->gc.stat_collected[i]),
            *c = int_from_i64(vm, vm->gc.stat_uncollectable[i]);
        dict_set_cstr(vm, d, "collections", a);
        dict_set_cstr(vm, d, "collected", b);
        dict_set_cstr(vm, d, "uncollectable", c);
        DECREF(vm, a);
        DECREF(vm, b);
        DECREF(vm, c);
        list_append(vm, l, d);
        DECREF(vm, d);
    }
    return l;
}

static void move_all(Obj *from, Obj *to, int gen) {
    while (from->gc_next != from) {
        Obj *o = from->gc_next;
        o->gc_prev->gc_next = o->gc_next;
        o->gc_next->gc_prev = o->gc_prev;
        o->gc_prev = to->gc_prev;
        o->gc_next = to;
        to->gc_prev->gc_next = o;
        to->gc_prev = o;
        o->gen = (uint8_t)gen;
    }
}

FN(gc_freeze) {
    (void)self;
    (void)args;
    if (!args_check(vm, "freeze", nargs, 0, 0) || !args_no_kw(vm, "freeze", kw)) return NULL;
    for (int i = 0; i < GC_NGENS; i++) {
        move_all(&vm->gc.gen[i].head, &vm->gc.permanent.head, 3);
        vm->gc.gen[i].count = 0;
    }
    return obj_newref(Py_None);
}

FN(gc_unfreeze) {
    (void)self;
    (void)args;
    if (!args_check(vm, "unfreeze", nargs, 0, 0) || !args_no_kw(vm, "unfreeze", kw)) return NULL;
    move_all(&vm->gc.permanent.head, &vm->gc.gen[GC_NGENS - 1].head, 2);
    return obj_newref(Py_None);
}

FN(gc_get_freeze_count) {
    (void)self;
    (void)args;
    if (!args_check(vm, "get_freeze_count", nargs, 0, 0) || !args_no_kw(vm, "get_freeze_count", kw))
        return NULL;
    ssize_t n = 0;
    for (Obj *o = vm->gc.permanent.head.gc_next; o != &vm->gc.permanent.head; o = o->gc_next)
        n++;
    return int_from_i64(vm, n);
}

static const MethodDef gc_funcs[] = {
    {"collect", gc_collect_fn},
    {"enable", gc_enable},
    {"disable", gc_disable},
    {"isenabled", gc_isenabled},
    {"get_count", gc_get_count},
    {"get_threshold", gc_get_threshold},
    {"set_threshold", gc_set_threshold},
    {"is_tracked", gcm_is_tracked},
    {"is_finalized", gc_is_finalized},
    {"set_debug", gc_set_debug},
    {"get_debug", gc_get_debug},
    {"get_objects", gc_get_objects},
    {"get_referrers", gc_get_referrers},
    {"get_referents", gc_get_referents},
    {"get_stats", gc_get_stats},
    {"freeze", gc_freeze},
    {"unfreeze", gc_unfreeze},
    {"get_freeze_count", gc_get_freeze_count},
    {NULL, NULL},
};

Obj *gc_module_new(Vm *vm) {
    Obj *m = module_new(vm, "gc");
    if (!m) return NULL;
    Obj *d = ((Module *)m)->dict;
    module_add_funcs(vm, m, gc_funcs);
    if (!vm->gc.garbage) vm->gc.garbage = list_new(vm, 0);
    if (!vm->gc.callbacks) vm->gc.callbacks = list_new(vm, 0);
    dict_set_cstr(vm, d, "garbage", vm->gc.garbage);
    dict_set_cstr(vm, d, "callbacks", vm->gc.callbacks);
    static const struct {
        const char *n;
        int v;
    } consts[] = {{"DEBUG_STATS", 1},
                  {"DEBUG_COLLECTABLE", 2},
                  {"DEBUG_UNCOLLECTABLE", 4},
                  {"DEBUG_SAVEALL", 32},
                  {"DEBUG_LEAK", 38}};
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        Obj *v = int_from_i64(vm, consts[i].v);
        dict_set_cstr(vm, d, consts[i].n, v);
        DECREF(vm, v);
    }
    return m;
}
