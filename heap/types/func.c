/*
 * func.c - functions, code objects, cells, bound methods, builtin functions, modules,
 * tracebacks and the small singletons (None, NotImplemented, Ellipsis), plus the argument
 * helpers every C-implemented function uses.
 *
 * Sizes as CPython 3.11: function 152 (136 + GC), code 192 at least, cell 56, bound method
 * 64, builtin function / bound builtin method 72, module 72.
 */
#include "heap/lang/code.h"
#include "heap/types/types.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- arguments */

bool args_check(Vm *vm, const char *name, int nargs, int min, int max) {
    if (nargs >= min && nargs <= max) return true;
    if (min == max) {
        if (min == 0)
            vm_raise(vm, &Exc_TypeError, "%s() takes no arguments (%d given)", name, nargs);
        else if (min == 1)
            vm_raise(vm, &Exc_TypeError, "%s() takes exactly one argument (%d given)", name, nargs);
        else
            vm_raise(vm, &Exc_TypeError, "%s expected %d arguments, got %d", name, min, nargs);
    } else if (nargs < min) {
        vm_raise(vm, &Exc_TypeError, "%s expected at least %d argument%s, got %d", name, min,
                 min == 1 ? "" : "s", nargs);
    } else {
        vm_raise(vm, &Exc_TypeError, "%s expected at most %d argument%s, got %d", name, max,
                 max == 1 ? "" : "s", nargs);
    }
    return false;
}

bool args_no_kw(Vm *vm, const char *name, Obj *kwnames) {
    if (!kwnames || TUPLE_LEN(kwnames) == 0) return true;
    vm_raise(vm, &Exc_TypeError, "%s() takes no keyword arguments", name);
    return false;
}

Obj *args_kw(Obj **args, int nargs, Obj *kwnames, const char *kw) {
    if (!kwnames) return NULL;
    for (ssize_t i = 0; i < TUPLE_LEN(kwnames); i++)
        if (str_eq_cstr(TUPLE_ITEM(kwnames, i), kw)) return args[nargs + i];
    return NULL;
}

/* ---------------------------------------------------------------- function */

static void func_dealloc(Vm *vm, Obj *o) {
    Function *f = (Function *)o;
    gc_untrack(vm, o);
    extern void weakref_clear_all(Vm * vm, Obj * o);
    if (f->weaklist) weakref_clear_all(vm, o);
    DECREF(vm, (Obj *)f->code);
    DECREF(vm, f->globals);
    XDECREF(vm, f->builtins);
    DECREF(vm, f->name);
    DECREF(vm, f->qualname);
    XDECREF(vm, f->defaults);
    XDECREF(vm, f->kwdefaults);
    XDECREF(vm, f->closure);
    XDECREF(vm, f->dict);
    XDECREF(vm, f->module);
    XDECREF(vm, f->doc);
    obj_free_mem(vm, o);
}

static void func_traverse(Obj *o, VisitFn visit, void *arg) {
    Function *f = (Function *)o;
    visit((Obj *)f->code, "__code__", -1, arg);
    visit(f->globals, "__globals__", -1, arg);
    if (f->defaults) visit(f->defaults, "__defaults__", -1, arg);
    if (f->kwdefaults) visit(f->kwdefaults, "__kwdefaults__", -1, arg);
    if (f->closure) visit(f->closure, "__closure__", -1, arg);
    if (f->dict) visit(f->dict, "__dict__", -1, arg);
    visit(f->name, "__name__", -1, arg);
    visit(f->qualname, "__qualname__", -1, arg);
    if (f->module) visit(f->module, "__module__", -1, arg);
}

static void func_clear(Vm *vm, Obj *o) {
    Function *f = (Function *)o;
    CLEAR(vm, f->defaults);
    CLEAR(vm, f->kwdefaults);
    CLEAR(vm, f->closure);
    CLEAR(vm, f->dict);
}

static Obj *func_repr(Vm *vm, Obj *o) {
    Function *f = (Function *)o;
    return str_fromf(vm, "<function %s at 0x%llx>", str_cstr(f->qualname),
                     (unsigned long long)o->addr);
}

Type FunctionType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "function",
    .kind = OBJ_FUNCTION,
    .gc = true,
    .basicsize = 136,
    .traverse = func_traverse,
    .clear = func_clear,
    .dealloc = func_dealloc,
    .repr = func_repr,
    .base = &ObjectType,
};

/* ---------------------------------------------------------------- code */

static void code_dealloc(Vm *vm, Obj *o) {
    Code *c = (Code *)o;
    XDECREF(vm, c->consts);
    XDECREF(vm, c->names);
    XDECREF(vm, c->localsplusnames);
    XDECREF(vm, c->name);
    XDECREF(vm, c->qualname);
    XDECREF(vm, c->filename);
    free(c->code);
    free(c->lines);
    free(c->localspluskinds);
    obj_free_mem(vm, o);
}

static void code_traverse(Obj *o, VisitFn visit, void *arg) {
    Code *c = (Code *)o;
    if (c->consts) visit(c->consts, "co_consts", -1, arg);
    if (c->names) visit(c->names, "co_names", -1, arg);
}

static Obj *code_repr(Vm *vm, Obj *o) {
    Code *c = (Code *)o;
    return str_fromf(vm, "<code object %s at 0x%llx, file \"%s\", line %d>", str_cstr(c->name),
                     (unsigned long long)o->addr, str_cstr(c->filename), c->firstlineno);
}

static size_t code_size_of(Obj *o) {
    Code *c = (Code *)o;
    return 176 + 2 * (size_t)c->ncode;
}

Type CodeType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "code",
    .kind = OBJ_CODE,
    .basicsize = 176,
    .traverse = code_traverse,
    .dealloc = code_dealloc,
    .repr = code_repr,
    .size_of = code_size_of,
    .base = &ObjectType,
};

/* ---------------------------------------------------------------- cell */

Obj *cell_new(Vm *vm, Obj *ref) {
    Cell *c = (Cell *)obj_alloc(vm, &CellType, sizeof(Cell), 24);
    if (!c) return NULL;
    c->ref = ref ? obj_newref(ref) : NULL;
    gc_track(vm, (Obj *)c);
    return (Obj *)c;
}

static void cell_dealloc(Vm *vm, Obj *o) {
    gc_untrack(vm, o);
    XDECREF(vm, ((Cell *)o)->ref);
    obj_free_mem(vm, o);
}

static void cell_traverse(Obj *o, VisitFn visit, void *arg) {
    if (((Cell *)o)->ref) visit(((Cell *)o)->ref, "cell_contents", -1, arg);
}

static void cell_clear(Vm *vm, Obj *o) {
    CLEAR(vm, ((Cell *)o)->ref);
}

static Obj *cell_repr(Vm *vm, Obj *o) {
    Cell *c = (Cell *)o;
    if (!c->ref) return str_fromf(vm, "<cell at 0x%llx: empty>", (unsigned long long)o->addr);
    return str_fromf(vm, "<cell at 0x%llx: %s object at 0x%llx>", (unsigned long long)o->addr,
                     c->ref->type->name, (unsigned long long)c->ref->addr);
}

Type CellType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "cell",
    .kind = OBJ_CELL,
    .gc = true,
    .basicsize = 24,
    .traverse = cell_traverse,
    .clear = cell_clear,
    .dealloc = cell_dealloc,
    .repr = cell_repr,
    .base = &ObjectType,
};

/* ---------------------------------------------------------------- bound method */

Obj *method_new(Vm *vm, Obj *func, Obj *self) {
    Method *m = (Method *)obj_alloc(vm, &MethodType, sizeof(Method), 48);
    if (!m) return NULL;
    m->func = obj_newref(func);
    m->self = obj_newref(self);
    gc_track(vm, (Obj *)m);
    return (Obj *)m;
}

static void method_dealloc(Vm *vm, Obj *o) {
    Method *m = (Method *)o;
    gc_untrack(vm, o);
    DECREF(vm, m->func);
    DECREF(vm, m->self);
    obj_free_mem(vm, o);
}

static void method_traverse(Obj *o, VisitFn visit, void *arg) {
    Method *m = (Method *)o;
    visit(m->func, "__func__", -1, arg);
    visit(m->self, "__self__", -1, arg);
}

static Obj *method_repr(Vm *vm, Obj *o) {
    Method *m = (Method *)o;
    Obj *name = KIND(m->func) == OBJ_FUNCTION ? ((Function *)m->func)->qualname : NULL;
    Obj *sr = obj_repr(vm, m->self);
    if (!sr) return NULL;
    Obj *r = str_fromf(vm, "<bound method %s of %s>", name ? str_cstr(name) : "?", str_cstr(sr));
    DECREF(vm, sr);
    return r;
}

Type MethodType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "method",
    .kind = OBJ_METHOD,
    .gc = true,
    .basicsize = 48,
    .traverse = method_traverse,
    .dealloc = method_dealloc,
    .repr = method_repr,
    .base = &ObjectType,
};

/* ---------------------------------------------------------------- builtin function */

Obj *builtin_new(Vm *vm, const MethodDef *def, Obj *self) {
    Builtin *b = (Builtin *)obj_alloc(vm, &BuiltinType, sizeof(Builtin), 56);
    if (!b) return NULL;
    b->def = def;
    b->self = self ? obj_newref(self) : NULL;
    b->module = NULL;
    gc_track(vm, (Obj *)b);
    return (Obj *)b;
}

static void builtin_dealloc(Vm *vm, Obj *o) {
    Builtin *b = (Builtin *)o;
    gc_untrack(vm, o);
    XDECREF(vm, b->self);
    XDECREF(vm, b->module);
    obj_free_mem(vm, o);
}

static void builtin_traverse(Obj *o, VisitFn visit, void *arg) {
    Builtin *b = (Builtin *)o;
    if (b->self) visit(b->self, "__self__", -1, arg);
}

static Obj *builtin_repr(Vm *vm, Obj *o) {
    Builtin *b = (Builtin *)o;
    if (!b->self || KIND(b->self) == OBJ_MODULE)
        return str_fromf(vm, "<built-in function %s>", b->def->name);
    if (IS_TYPE(b->self))
        return str_fromf(vm, "<built-in method %s of type object at 0x%llx>", b->def->name,
                         (unsigned long long)b->self->addr);
    return str_fromf(vm, "<built-in method %s of %s object at 0x%llx>", b->def->name,
                     b->self->type->name, (unsigned long long)b->self->addr);
}

Type BuiltinType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "builtin_function_or_method",
    .kind = OBJ_BUILTIN,
    .gc = true,
    .basicsize = 56,
    .traverse = builtin_traverse,
    .dealloc = builtin_dealloc,
    .repr = builtin_repr,
    .base = &ObjectType,
};

/* ---------------------------------------------------------------- module */

Obj *module_new(Vm *vm, const char *name) {
    Module *m = (Module *)obj_alloc(vm, &ModuleType, sizeof(Module), 56);
    if (!m) return NULL;
    m->name = str_intern_cstr(vm, name);
    m->dict = dict_new(vm);
    if (!m->name || !m->dict) {
        DECREF(vm, m);
        return NULL;
    }
    dict_set_cstr(vm, m->dict, "__name__", m->name);
    dict_set_cstr(vm, m->dict, "__doc__", Py_None);
    gc_track(vm, (Obj *)m);
    return (Obj *)m;
}

int module_add_funcs(Vm *vm, Obj *mo, const MethodDef *defs) {
    Module *m = (Module *)mo;
    for (; defs->name; defs++) {
        Builtin *b = (Builtin *)builtin_new(vm, defs, NULL);
        if (!b) return -1;
        b->self = obj_newref(mo);
        if (dict_set_cstr(vm, m->dict, defs->name, (Obj *)b) < 0) return -1;
        DECREF(vm, b);
    }
    return 0;
}

static void module_dealloc(Vm *vm, Obj *o) {
    Module *m = (Module *)o;
    gc_untrack(vm, o);
    XDECREF(vm, m->name);
    XDECREF(vm, m->dict);
    obj_free_mem(vm, o);
}

static void module_traverse(Obj *o, VisitFn visit, void *arg) {
    if (((Module *)o)->dict) visit(((Module *)o)->dict, "__dict__", -1, arg);
}

static void module_clear(Vm *vm, Obj *o) {
    CLEAR(vm, ((Module *)o)->dict);
}

static Obj *module_repr(Vm *vm, Obj *o) {
    Module *m = (Module *)o;
    if (str_eq_cstr(m->name, "sys") || str_eq_cstr(m->name, "gc") ||
        str_eq_cstr(m->name, "builtins"))
        return str_fromf(vm, "<module '%s' (built-in)>", str_cstr(m->name));
    return str_fromf(vm, "<module '%s'>", str_cstr(m->name));
}

Type ModuleType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "module",
    .kind = OBJ_MODULE,
    .gc = true,
    .basicsize = 56,
    .traverse = module_traverse,
    .clear = module_clear,
    .dealloc = module_dealloc,
    .repr = module_repr,
    .base = &ObjectType,
};

/* ---------------------------------------------------------------- traceback */

static void tb_release_locals(Vm *vm, Traceback *t) {
    Obj **l = t->locals;
    int n = t->nlocals;
    t->locals = NULL;
    t->nlocals = 0;
    for (int i = 0; i < n; i++)
        XDECREF(vm, l[i]);
    free(l);
}

static void tb_dealloc(Vm *vm, Obj *o) {
    Traceback *t = (Traceback *)o;
    gc_untrack(vm, o);
    XDECREF(vm, t->next);
    tb_release_locals(vm, t);
    XDECREF(vm, t->code);
    obj_free_mem(vm, o);
}

static void tb_traverse(Obj *o, VisitFn visit, void *arg) {
    Traceback *t = (Traceback *)o;
    if (t->next) visit(t->next, "tb_next", -1, arg);
    for (int i = 0; i < t->nlocals; i++)
        if (t->locals[i]) visit(t->locals[i], "tb_frame.f_locals", i, arg);
}

static void tb_clear(Vm *vm, Obj *o) {
    Traceback *t = (Traceback *)o;
    CLEAR(vm, t->next);
    tb_release_locals(vm, t);
}

/* Moves a finished frame's locals into its traceback entry (the frame object it keeps). */
void tb_keep_locals(Vm *vm, Obj *o, Obj **locals, int n) {
    Traceback *t = (Traceback *)o;
    (void)vm;
    if (t->locals || n == 0) return;
    t->locals = malloc(sizeof(Obj *) * (size_t)n);
    if (!t->locals) return;
    for (int i = 0; i < n; i++) {
        t->locals[i] = locals[i];
        locals[i] = NULL;
    }
    t->nlocals = n;
}

Type TracebackType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "traceback",
    .kind = OBJ_OTHER,
    .gc = true,
    .basicsize = 48,
    .traverse = tb_traverse,
    .clear = tb_clear,
    .dealloc = tb_dealloc,
    .base = &ObjectType,
};

/* ---------------------------------------------------------------- singletons */

static void never_dealloc(Vm *vm, Obj *o) {
    (void)vm;
    (void)o;
}
static Obj *none_repr(Vm *vm, Obj *o) {
    (void)o;
    return str_from_cstr(vm, "None");
}
static Obj *notimpl_repr(Vm *vm, Obj *o) {
    (void)o;
    return str_from_cstr(vm, "NotImplemented");
}
static Obj *ellipsis_repr(Vm *vm, Obj *o) {
    (void)o;
    return str_from_cstr(vm, "Ellipsis");
}
static Obj *none_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    (void)t;
    (void)args;
    (void)kw;
    if (nargs) return vm_raise(vm, &Exc_TypeError, "NoneType takes no arguments");
    return obj_newref(Py_None);
}

Type NoneType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "NoneType",
    .kind = OBJ_NONE,
    .basicsize = 16,
    .dealloc = never_dealloc,
    .repr = none_repr,
    .new_ = none_new_type,
    .base = &ObjectType,
};
Type NotImplementedType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "NotImplementedType",
    .kind = OBJ_NOTIMPL,
    .basicsize = 16,
    .dealloc = never_dealloc,
    .repr = notimpl_repr,
    .base = &ObjectType,
};
Type EllipsisType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "ellipsis",
    .kind = OBJ_ELLIPSIS,
    .basicsize = 16,
    .dealloc = never_dealloc,
    .repr = ellipsis_repr,
    .base = &ObjectType,
};

/* ---------------------------------------------------------------- attributes of builtins */

/* Attributes of builtin objects that are not methods (function.__name__, exc.args ...).
 * NEW reference, or NULL without exception when there is no such attribute. */
Obj *builtin_object_attr(Vm *vm, Obj *o, const char *n) {
    switch (KIND(o)) {
    case OBJ_FUNCTION: {
        Function *f = (Function *)o;
        if (!strcmp(n, "__name__")) return obj_newref(f->name);
        if (!strcmp(n, "__qualname__")) return obj_newref(f->qualname);
        if (!strcmp(n, "__code__")) return obj_newref((Obj *)f->code);
        if (!strcmp(n, "__defaults__")) return obj_newref(f->defaults ? f->defaults : Py_None);
        if (!strcmp(n, "__kwdefaults__"))
            return obj_newref(f->kwdefaults ? f->kwdefaults : Py_None);
        if (!strcmp(n, "__closure__")) return obj_newref(f->closure ? f->closure : Py_None);
        if (!strcmp(n, "__globals__")) return obj_newref(f->globals);
        if (!strcmp(n, "__module__")) return obj_newref(f->module ? f->module : Py_None);
        if (!strcmp(n, "__doc__")) return obj_newref(f->doc ? f->doc : Py_None);
        if (!strcmp(n, "__dict__")) {
            if (!f->dict) f->dict = dict_new(vm);
            return f->dict ? obj_newref(f->dict) : NULL;
        }
        if (f->dict) {
            Obj *v = dict_get_cstr(vm, f->dict, n);
            if (v) return obj_newref(v);
        }
        return NULL;
    }
    case OBJ_CODE: {
        Code *c = (Code *)o;
        if (!strcmp(n, "co_name")) return obj_newref(c->name);
        if (!strcmp(n, "co_consts")) return obj_newref(c->consts);
        if (!strcmp(n, "co_names")) return obj_newref(c->names);
        if (!strcmp(n, "co_filename")) return obj_newref(c->filename);
        if (!strcmp(n, "co_argcount")) return int_from_i64(vm, c->argcount);
        if (!strcmp(n, "co_firstlineno")) return int_from_i64(vm, c->firstlineno);
        return NULL;
    }
    case OBJ_METHOD: {
        Method *m = (Method *)o;
        if (!strcmp(n, "__self__")) return obj_newref(m->self);
        if (!strcmp(n, "__func__")) return obj_newref(m->func);
        return obj_getattr_cstr(vm, m->func, n);
    }
    case OBJ_BUILTIN: {
        Builtin *b = (Builtin *)o;
        if (!strcmp(n, "__name__")) return str_from_cstr(vm, b->def->name);
        if (!strcmp(n, "__self__")) return obj_newref(b->self ? b->self : Py_None);
        return NULL;
    }
    case OBJ_CELL:
        if (!strcmp(n, "cell_contents")) {
            Cell *c = (Cell *)o;
            if (!c->ref) return vm_raise(vm, &Exc_ValueError, "Cell is empty");
            return obj_newref(c->ref);
        }
        return NULL;
    case OBJ_RANGE: {
        Range *r = (Range *)o;
        if (!strcmp(n, "start")) return obj_newref(r->start);
        if (!strcmp(n, "stop")) return obj_newref(r->stop);
        if (!strcmp(n, "step")) return obj_newref(r->step);
        return NULL;
    }
    case OBJ_SLICE: {
        Slice *s = (Slice *)o;
        if (!strcmp(n, "start")) return obj_newref(s->start);
        if (!strcmp(n, "stop")) return obj_newref(s->stop);
        if (!strcmp(n, "step")) return obj_newref(s->step);
        return NULL;
    }
    case OBJ_INT:
    case OBJ_BOOL:
        if (!strcmp(n, "real") || !strcmp(n, "numerator")) return obj_newref(o);
        if (!strcmp(n, "imag")) return int_from_i64(vm, 0);
        if (!strcmp(n, "denominator")) return int_from_i64(vm, 1);
        return NULL;
    case OBJ_FLOAT:
        if (!strcmp(n, "real")) return obj_newref(o);
        if (!strcmp(n, "imag")) return float_new(vm, 0.0);
        return NULL;
    case OBJ_GENERATOR: {
        Generator *g = (Generator *)o;
        if (!strcmp(n, "__name__")) return obj_newref(g->name);
        if (!strcmp(n, "__qualname__")) return obj_newref(g->qualname);
        return NULL;
    }
    case OBJ_PROPERTY: {
        Property *p = (Property *)o;
        if (!strcmp(n, "fget")) return obj_newref(p->fget ? p->fget : Py_None);
        if (!strcmp(n, "fset")) return obj_newref(p->fset ? p->fset : Py_None);
        return NULL;
    }
    case OBJ_STATICMETHOD:
    case OBJ_CLASSMETHOD:
        if (!strcmp(n, "__func__")) return obj_newref(((Property *)o)->fget);
        return NULL;
    case OBJ_WEAKREF:
        if (!strcmp(n, "__callback__")) {
            WeakRef *w = (WeakRef *)o;
            return obj_newref(w->callback && w->referent ? w->callback : Py_None);
        }
        return NULL;
    default:
        break;
    }
    if (o->type->is_exc) {
        Instance *e = (Instance *)o;
        if (!strcmp(n, "args")) return obj_newref(e->args ? e->args : vm->empty_tuple);
        if (!strcmp(n, "__traceback__")) return obj_newref(e->traceback ? e->traceback : Py_None);
        if (!strcmp(n, "__context__")) return obj_newref(e->context ? e->context : Py_None);
        if (!strcmp(n, "__cause__")) return obj_newref(e->cause ? e->cause : Py_None);
        if (!strcmp(n, "__suppress_context__")) return bool_from(e->suppress_context);
        if (!strcmp(n, "name") && e->exc_name) return obj_newref(e->exc_name);
        if (!strcmp(n, "obj") && e->exc_obj) return obj_newref(e->exc_obj);
        if (!strcmp(n, "value") && type_is_subtype(o->type, &Exc_StopIteration))
            return obj_newref(e->args && TUPLE_LEN(e->args) ? TUPLE_ITEM(e->args, 0) : Py_None);
        if (!strcmp(n, "code") && type_is_subtype(o->type, &Exc_SystemExit))
            return obj_newref(e->args && TUPLE_LEN(e->args) ? TUPLE_ITEM(e->args, 0) : Py_None);
    }
    extern Type TextIOType;
    extern Obj *textio_name(Obj * o);
    if (o->type == &TextIOType && !strcmp(n, "name")) return obj_newref(textio_name(o));
    if (!strcmp(n, "__doc__")) return obj_newref(Py_None);
    return NULL;
}
