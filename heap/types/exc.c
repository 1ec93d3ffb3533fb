/*
 * exc.c - the builtin exception hierarchy and raising.
 *
 * Exceptions are Instances (object.h) whose type has is_exc set: args, __traceback__,
 * __context__ and __cause__ are fields, as in PyBaseExceptionObject. Raising sets vm->exc
 * to a new reference; each frame the exception passes through prepends a traceback entry
 * (PyTraceBack_Here), so the chain reads outermost first, "most recent call last".
 */
#include "heap/lang/code.h"
#include "heap/types/types.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern void instance_traverse(Obj *obj, VisitFn visit, void *arg);
extern void instance_clear(Vm *vm, Obj *obj);
extern void instance_dealloc(Vm *vm, Obj *obj);

static Obj *exc_repr(Vm *vm, Obj *o);
static const MethodDef exc_methods[];

#define Exc_NULL ObjectType /* BaseException's base */
#define X(NAME, BASENAME)                                                                          \
    Type Exc_##NAME = {                                                                            \
        .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},                             \
        .name = #NAME,                                                                             \
        .kind = OBJ_EXC,                                                                           \
        .gc = true,                                                                                \
        .is_exc = true,                                                                            \
        .basicsize = 72,                                                                           \
        .nslots = -1,                                                                              \
        .traverse = instance_traverse,                                                             \
        .clear = instance_clear,                                                                   \
        .dealloc = instance_dealloc,                                                               \
        .repr = exc_repr,                                                                          \
        .methods = exc_methods,                                                                    \
        .base = &Exc_##BASENAME,                                                                   \
    };
EXC_TYPES(X)
#undef X

void exc_types_init(void) {}

Obj *exc_new(Vm *vm, Type *type, Obj *args) {
    Instance *e = (Instance *)obj_alloc(vm, type, sizeof(Instance), type->basicsize);
    if (!e) return NULL;
    memset((char *)e + sizeof(Obj), 0, sizeof(Instance) - sizeof(Obj));
    e->args = obj_newref(args ? args : vm->empty_tuple);
    if (type->heap && type->managed_dict) {
        /* exceptions keep a plain __dict__ */
    }
    gc_track(vm, (Obj *)e);
    return (Obj *)e;
}

Obj *exc_str(Vm *vm, Obj *o) {
    Instance *e = (Instance *)o;
    Obj *args = e->args;
    if (!args || TUPLE_LEN(args) == 0) return obj_newref(vm->empty_str);
    if (TUPLE_LEN(args) == 1) {
        if (type_is_subtype(o->type, &Exc_KeyError)) return obj_repr(vm, TUPLE_ITEM(args, 0));
        return obj_str(vm, TUPLE_ITEM(args, 0));
    }
    return obj_str(vm, args);
}

static Obj *exc_repr(Vm *vm, Obj *o) {
    Instance *e = (Instance *)o;
    const char *name = o->type->name;
    Obj *args = e->args;
    if (!args || TUPLE_LEN(args) == 0) return str_fromf(vm, "%s()", name);
    Obj *r;
    if (TUPLE_LEN(args) == 1) {
        r = obj_repr(vm, TUPLE_ITEM(args, 0));
        if (!r) return NULL;
        Obj *res = str_fromf(vm, "%s(%s)", name, str_cstr(r));
        DECREF(vm, r);
        return res;
    }
    r = obj_repr(vm, args);
    if (!r) return NULL;
    Obj *res = str_fromf(vm, "%s%s", name, str_cstr(r));
    DECREF(vm, r);
    return res;
}

static Obj *exc_init(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)kw;
    Instance *e = (Instance *)self;
    Obj *t = tuple_from_array(vm, args, nargs);
    if (!t) return NULL;
    SETREF(vm, e->args, t);
    return obj_newref(Py_None);
}

static Obj *exc_with_traceback(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_check(vm, "with_traceback", nargs, 1, 1) || !args_no_kw(vm, "with_traceback", kw))
        return NULL;
    Instance *e = (Instance *)self;
    SETREF(vm, e->traceback, args[0] == Py_None ? NULL : obj_newref(args[0]));
    return obj_newref(self);
}

static const MethodDef exc_methods[] = {
    {"__init__", exc_init},
    {"with_traceback", exc_with_traceback},
    {NULL, NULL},
};

void exc_add_traceback(Vm *vm, Obj *exc, Obj *code, int line) {
    Instance *e = (Instance *)exc;
    Traceback *tb = (Traceback *)obj_alloc(vm, &TracebackType, sizeof(Traceback), 48);
    if (!tb) {
        vm_clear_exc(vm);
        return;
    }
    tb->next = e->traceback;
    tb->code = obj_newref(code);
    tb->line = line;
    tb->locals = NULL;
    tb->nlocals = 0;
    e->traceback = (Obj *)tb;
    gc_track(vm, (Obj *)tb);
}

/* ---------------------------------------------------------------- raising */

Obj *vm_raise_exc(Vm *vm, Obj *exc) {
    Obj *inst;
    if (IS_TYPE(exc)) {
        inst = obj_call0(vm, exc);
        if (!inst) return NULL;
        if (!inst->type->is_exc) {
            DECREF(vm, inst);
            return vm_raise(vm, &Exc_TypeError, "exceptions must derive from BaseException");
        }
    } else {
        inst = obj_newref(exc);
    }
    /* implicit chaining: the exception being handled becomes __context__ */
    if (vm->exc_info && vm->exc_info != inst) {
        Instance *e = (Instance *)inst;
        if (!e->context) {
            /* avoid cycles: CPython breaks a context chain that would loop back */
            Obj *c = vm->exc_info;
            bool loop = false;
            while (c) {
                if (c == inst) {
                    loop = true;
                    break;
                }
                c = ((Instance *)c)->context;
            }
            if (!loop) e->context = obj_newref(vm->exc_info);
        }
    }
    XDECREF(vm, vm->exc);
    vm->exc = inst;
    return NULL;
}

Obj *vm_raise_obj(Vm *vm, Type *type, Obj *arg) {
    Obj *args = tuple_pack(vm, 1, arg);
    if (!args) return NULL;
    Obj *e = exc_new(vm, type, args);
    DECREF(vm, args);
    if (!e) return NULL;
    vm_raise_exc(vm, e);
    DECREF(vm, e);
    return NULL;
}

Obj *vm_raise(Vm *vm, Type *type, const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    Obj *msg = str_from_cstr(vm, buf);
    if (!msg) return NULL;
    vm_raise_obj(vm, type, msg);
    DECREF(vm, msg);
    return NULL;
}

Obj *vm_nomem(Vm *vm) {
    /* MemoryError with no message, as CPython's PyErr_NoMemory */
    size_t cap = vm->limits.max_heap;
    vm->limits.max_heap = 0; /* the MemoryError itself must be allocated */
    Obj *e = exc_new(vm, &Exc_MemoryError, NULL);
    vm->limits.max_heap = cap;
    if (!e) return NULL;
    XDECREF(vm, vm->exc);
    vm->exc = e;
    return NULL;
}

bool vm_exc_matches(Vm *vm, Type *type) {
    return vm->exc && type_is_subtype(vm->exc->type, type);
}

void vm_clear_exc(Vm *vm) {
    CLEAR(vm, vm->exc);
}

Obj *vm_fetch_exc(Vm *vm) {
    Obj *e = vm->exc;
    vm->exc = NULL;
    return e;
}
