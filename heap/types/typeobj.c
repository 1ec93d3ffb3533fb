/*
 * typeobj.c - `type`, `object`, classes defined by the program and their instances,
 * attribute lookup, descriptors (property, staticmethod, classmethod, slot members, the
 * __dict__ / __weakref__ getsets), super().
 *
 * Instances of a plain class model 3.11's managed dict: 56 bytes whatever the number of
 * attributes, which live in a separate values array indexed by the class's shared keys
 * (CACHED_KEYS). Every new instance takes one from the shared keys' usable count
 * (init_inline_values: `if (keys->dk_usable > 1) keys->dk_usable--`), which is why the size
 * of `vars(obj)` shrinks as more instances exist. No dict object exists until `__dict__` is
 * asked for; then a split dict is built from the values.
 *
 * A class holds references to itself through its __mro__ tuple and its __dict__/__weakref__
 * getset descriptors, and every instance holds one to its class: `getrefcount(P)` is 5 right
 * after `class P:`, plus one per live instance.
 */
#include "heap/lang/code.h"
#include "heap/types/types.h"

#include <stdlib.h>
#include <string.h>

#define SHARED_KEYS_MAX_SIZE 30

/* ---------------------------------------------------------------- descriptors */

typedef enum { DESCR_MEMBER, DESCR_DICT, DESCR_WEAKREF } DescrKind;

typedef struct {
    Obj ob;
    Type *owner;
    Obj *name;
    int index;
    DescrKind kind;
} Descr;

static void descr_dealloc(Vm *vm, Obj *o) {
    Descr *d = (Descr *)o;
    gc_untrack(vm, o);
    DECREF(vm, d->owner);
    DECREF(vm, d->name);
    obj_free_mem(vm, o);
}

static void descr_traverse(Obj *o, VisitFn visit, void *arg) {
    Descr *d = (Descr *)o;
    visit((Obj *)d->owner, "__objclass__", -1, arg);
    visit(d->name, "__name__", -1, arg);
}

static Obj *descr_repr(Vm *vm, Obj *o) {
    Descr *d = (Descr *)o;
    return str_fromf(vm, "<%s '%s' of '%s' objects>",
                     d->kind == DESCR_MEMBER ? "member" : "attribute", str_cstr(d->name),
                     d->owner->name);
}

Type MemberDescrType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "member_descriptor",
    .kind = OBJ_OTHER,
    .gc = true,
    .basicsize = 56,
    .traverse = descr_traverse,
    .dealloc = descr_dealloc,
    .repr = descr_repr,
    .base = &ObjectType,
};
Type GetSetDescrType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "getset_descriptor",
    .kind = OBJ_OTHER,
    .gc = true,
    .basicsize = 56,
    .traverse = descr_traverse,
    .dealloc = descr_dealloc,
    .repr = descr_repr,
    .base = &ObjectType,
};

static Obj *descr_new(Vm *vm, Type *owner, const char *name, DescrKind kind, int index) {
    Descr *d = (Descr *)obj_alloc(vm, kind == DESCR_MEMBER ? &MemberDescrType : &GetSetDescrType,
                                  sizeof(Descr), 56);
    if (!d) return NULL;
    d->owner = (Type *)obj_newref((Obj *)owner);
    d->name = str_intern_cstr(vm, name);
    d->index = index;
    d->kind = kind;
    gc_track(vm, (Obj *)d);
    return (Obj *)d;
}

/* property / staticmethod / classmethod share the Property layout */
static void prop_dealloc(Vm *vm, Obj *o) {
    Property *p = (Property *)o;
    gc_untrack(vm, o);
    XDECREF(vm, p->fget);
    XDECREF(vm, p->fset);
    XDECREF(vm, p->fdel);
    XDECREF(vm, p->doc);
    obj_free_mem(vm, o);
}

static void prop_traverse(Obj *o, VisitFn visit, void *arg) {
    Property *p = (Property *)o;
    if (p->fget) visit(p->fget, "fget", -1, arg);
    if (p->fset) visit(p->fset, "fset", -1, arg);
    if (p->fdel) visit(p->fdel, "fdel", -1, arg);
}

static void prop_clear(Vm *vm, Obj *o) {
    Property *p = (Property *)o;
    CLEAR(vm, p->fget);
    CLEAR(vm, p->fset);
    CLEAR(vm, p->fdel);
}

Obj *property_new(Vm *vm, Type *t, Obj *fget) {
    Property *p = (Property *)obj_alloc(vm, t, sizeof(Property), t == &PropertyType ? 64 : 40);
    if (!p) return NULL;
    p->fget = fget ? obj_newref(fget) : NULL;
    p->fset = p->fdel = p->doc = NULL;
    gc_track(vm, (Obj *)p);
    return (Obj *)p;
}

static Obj *prop_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    Obj *fget = nargs > 0 ? args[0] : args_kw(args, nargs, kw, "fget");
    if (t != &PropertyType && nargs != 1)
        return vm_raise(vm, &Exc_TypeError, "%s expected 1 argument, got %d", t->name, nargs);
    Obj *p = property_new(vm, t, fget == Py_None ? NULL : fget);
    if (p && t == &PropertyType) {
        Obj *fset = nargs > 1 ? args[1] : args_kw(args, nargs, kw, "fset");
        if (fset && fset != Py_None) ((Property *)p)->fset = obj_newref(fset);
    }
    return p;
}

static Obj *prop_setter(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_check(vm, "setter", nargs, 1, 1) || !args_no_kw(vm, "setter", kw)) return NULL;
    Property *p = (Property *)self;
    Obj *np = property_new(vm, &PropertyType, p->fget);
    if (!np) return NULL;
    ((Property *)np)->fset = obj_newref(args[0]);
    if (p->fdel) ((Property *)np)->fdel = obj_newref(p->fdel);
    return np;
}

static Obj *prop_deleter(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_check(vm, "deleter", nargs, 1, 1) || !args_no_kw(vm, "deleter", kw)) return NULL;
    Property *p = (Property *)self;
    Obj *np = property_new(vm, &PropertyType, p->fget);
    if (!np) return NULL;
    if (p->fset) ((Property *)np)->fset = obj_newref(p->fset);
    ((Property *)np)->fdel = obj_newref(args[0]);
    return np;
}

static Obj *prop_getter(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_check(vm, "getter", nargs, 1, 1) || !args_no_kw(vm, "getter", kw)) return NULL;
    Property *p = (Property *)self;
    Obj *np = property_new(vm, &PropertyType, args[0]);
    if (!np) return NULL;
    if (p->fset) ((Property *)np)->fset = obj_newref(p->fset);
    if (p->fdel) ((Property *)np)->fdel = obj_newref(p->fdel);
    return np;
}

static const MethodDef prop_methods[] = {
    {"setter", prop_setter}, {"deleter", prop_deleter}, {"getter", prop_getter}, {NULL, NULL}};

Type PropertyType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "property",
    .kind = OBJ_PROPERTY,
    .gc = true,
    .basicsize = 64,
    .traverse = prop_traverse,
    .clear = prop_clear,
    .dealloc = prop_dealloc,
    .methods = prop_methods,
    .new_ = prop_new_type,
    .base = &ObjectType,
};
Type StaticMethodType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "staticmethod",
    .kind = OBJ_STATICMETHOD,
    .gc = true,
    .basicsize = 40,
    .traverse = prop_traverse,
    .clear = prop_clear,
    .dealloc = prop_dealloc,
    .new_ = prop_new_type,
    .base = &ObjectType,
};
Type ClassMethodType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "classmethod",
    .kind = OBJ_CLASSMETHOD,
    .gc = true,
    .basicsize = 40,
    .traverse = prop_traverse,
    .clear = prop_clear,
    .dealloc = prop_dealloc,
    .new_ = prop_new_type,
    .base = &ObjectType,
};

/* ---------------------------------------------------------------- shared keys */

int shared_keys_index(SharedKeys *k, Obj *name) {
    for (int i = 0; i < k->nentries; i++)
        if (k->names[i] == name || str_eq(k->names[i], name)) return i;
    return -1;
}

/* mirrors insert_into_dictkeys(): -1 when the shared keys are full */
static int shared_keys_insert(SharedKeys *k, Obj *name) {
    int i = shared_keys_index(k, name);
    if (i >= 0) return i;
    if (k->usable <= 0) return -1;
    if (k->nentries == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 8;
        k->names = realloc(k->names, sizeof(Obj *) * (size_t)k->cap);
        if (!k->names) abort();
    }
    INCREF(name);
    k->names[k->nentries++] = name;
    k->usable--;
    return k->nentries - 1;
}

static size_t values_bytes(int size) {
    return (((size_t)size + 2 + 7) & ~(size_t)7) + 8 * (size_t)size;
}

/* ---------------------------------------------------------------- instances */

Obj *instance_new(Vm *vm, Type *t) {
    Instance *o = (Instance *)obj_alloc(vm, t, sizeof(Instance), t->basicsize);
    if (!o) return NULL;
    memset((char *)o + sizeof(Obj), 0, sizeof(Instance) - sizeof(Obj));
    if (t->nslots > 0) {
        o->slots = calloc((size_t)t->nslots, sizeof(Obj *));
        if (!o->slots) abort();
    }
    if (t->managed_dict && t->cached_keys) {
        SharedKeys *k = t->cached_keys;
        if (k->usable > 1) k->usable--; /* init_inline_values */
        int size = k->nentries + k->usable;
        o->nvalues = size;
        /* one C block for the values and their insertion order */
        o->values = calloc(1, sizeof(Obj *) * ((size_t)size + 1) + (size_t)size + 1);
        if (!o->values) abort();
        o->order = (uint8_t *)(o->values + size + 1);
        o->values_addr = alloc_malloc(&vm->alloc, values_bytes(size)); /* new_values() */
    }
    gc_track(vm, (Obj *)o);
    return (Obj *)o;
}

static void free_values(Vm *vm, Instance *o, bool decref) {
    if (!o->values) return;
    Obj **vals = o->values;
    int n = o->nvalues;
    o->values = NULL;
    o->order = NULL;
    o->norder = 0;
    alloc_free(&vm->alloc, o->values_addr, values_bytes(n)); /* free_values() */
    o->values_addr = 0;
    if (decref) {
        SharedKeys *k = o->ob.type->cached_keys;
        int ne = k ? k->nentries : n;
        for (int i = 0; i < ne && i < n; i++)
            XDECREF(vm, vals[i]);
    }
    free(vals);
}

/* Builds the instance's __dict__ from its inline values (make_dict_from_instance_attributes):
 * a split dict sharing the class's keys. BORROWED. */
Obj *instance_getdict(Vm *vm, Obj *obj) {
    Instance *o = (Instance *)obj;
    if (o->dict) return o->dict;
    Type *t = obj->type;
    extern Obj *dict_new_split(Vm * vm, Type * cls);
    Obj *d = t->cached_keys ? dict_new_split(vm, t) : dict_new(vm);
    if (!d) return NULL;
    if (o->values) {
        SharedKeys *k = t->cached_keys;
        /* insertion order of the values (3.11 keeps it in the values prefix) */
        for (int j = 0; j < o->norder; j++) {
            int i = o->order[j];
            if (o->values[i] && dict_set(vm, d, k->names[i], o->values[i]) < 0) {
                DECREF(vm, d);
                return NULL;
            }
        }
        free_values(vm, o, true);
    }
    o->dict = d;
    return d;
}

static Obj **value_slot(Instance *o, Obj *name) {
    if (!o->values) return NULL;
    SharedKeys *k = o->ob.type->cached_keys;
    int i = shared_keys_index(k, name);
    if (i < 0 || i >= o->nvalues) return NULL;
    return &o->values[i];
}

static Obj *instance_attr_lookup(Obj *obj, Obj *name) {
    Instance *o = (Instance *)obj;
    if (o->dict) return dict_get_str(o->dict, name);
    Obj **slot = value_slot(o, name);
    return slot ? *slot : NULL;
}

static int store_instance_attr(Vm *vm, Instance *o, Obj *name, Obj *value) {
    Type *t = o->ob.type;
    if (!o->dict && o->values) {
        int ix = shared_keys_insert(t->cached_keys, name);
        if (ix >= 0 && ix < o->nvalues) {
            Obj *old = o->values[ix];
            if (value) INCREF(value);
            o->values[ix] = value;
            if (!old) {
                if (!value) goto missing;
                o->order[o->norder++] = (uint8_t)ix;
            } else {
                if (!value) { /* delete_index_from_values */
                    for (int j = 0; j < o->norder; j++)
                        if (o->order[j] == ix) {
                            memmove(o->order + j, o->order + j + 1, (size_t)(o->norder - j - 1));
                            o->norder--;
                            break;
                        }
                }
                DECREF(vm, old);
            }
            return 0;
        }
        if (!value) goto missing;
        if (!instance_getdict(vm, (Obj *)o)) return -1;
    }
    if (!o->dict) {
        if (t->nslots >= 0 && !t->managed_dict) goto noattr;
        o->dict = dict_new(vm);
        if (!o->dict) return -1;
    }
    if (value) return dict_set(vm, o->dict, name, value);
    if (dict_pop_str(vm, o->dict, name) == 1) return 0;
missing:
noattr:
    vm_raise(vm, &Exc_AttributeError, "'%s' object has no attribute '%s'", t->name, str_cstr(name));
    if (vm->exc) {
        Instance *e = (Instance *)vm->exc;
        e->exc_name = obj_newref(name);
        e->exc_obj = obj_newref((Obj *)o);
    }
    return -1;
}

void instance_traverse(Obj *obj, VisitFn visit, void *arg) {
    Instance *o = (Instance *)obj;
    Type *t = obj->type;
    if (o->values && t->cached_keys) {
        for (int j = 0; j < o->norder; j++) {
            int i = o->order[j];
            if (o->values[i]) visit(o->values[i], str_cstr(t->cached_keys->names[i]), -2, arg);
        }
    }
    if (o->dict) visit(o->dict, "__dict__", -1, arg);
    for (int i = 0; i < (t->nslots > 0 ? t->nslots : 0); i++)
        if (o->slots[i]) visit(o->slots[i], str_cstr(TUPLE_ITEM(t->slot_names, i)), -2, arg);
    if (t->is_exc) {
        if (o->args) visit(o->args, "args", -1, arg);
        if (o->traceback) visit(o->traceback, "__traceback__", -1, arg);
        if (o->context) visit(o->context, "__context__", -1, arg);
        if (o->cause) visit(o->cause, "__cause__", -1, arg);
    }
    if (t->heap) visit((Obj *)t, "__class__", -1, arg);
}

void instance_clear(Vm *vm, Obj *obj) {
    Instance *o = (Instance *)obj;
    Type *t = obj->type;
    if (o->values) {
        /* clear the values but keep the (now empty) array: _PyObject_ClearInstanceAttributes */
        SharedKeys *k = t->cached_keys;
        for (int i = 0; i < (k ? k->nentries : 0) && i < o->nvalues; i++)
            CLEAR(vm, o->values[i]);
        o->norder = 0;
    }
    CLEAR(vm, o->dict);
    for (int i = 0; i < (t->nslots > 0 ? t->nslots : 0); i++)
        CLEAR(vm, o->slots[i]);
    if (t->is_exc) {
        CLEAR(vm, o->args);
        CLEAR(vm, o->traceback);
        CLEAR(vm, o->context);
        CLEAR(vm, o->cause);
    }
}

extern void weakref_clear_all(Vm *vm, Obj *o);
extern void vm_call_finalizer(Vm *vm, Obj *o);

/* mirrors subtype_dealloc(): finalizer (may resurrect), weakrefs, slots, values/dict, type */
void instance_dealloc(Vm *vm, Obj *obj) {
    Instance *o = (Instance *)obj;
    Type *t = obj->type;
    if (gc_is_tracked(obj)) gc_untrack(vm, obj);
    if (t->has_finalizer && !(obj->flags & OBJ_F_FINALIZED)) {
        obj->refcnt = 1; /* temporarily resurrect for __del__ */
        vm_call_finalizer(vm, obj);
        obj->flags |= OBJ_F_FINALIZED; /* PyObject_CallFinalizer sets it after tp_finalize */
        if (--obj->refcnt != 0) {      /* resurrected */
            if (!gc_is_tracked(obj)) gc_track(vm, obj);
            return;
        }
    }
    if (o->weaklist) weakref_clear_all(vm, obj);
    for (int i = 0; i < (t->nslots > 0 ? t->nslots : 0); i++)
        CLEAR(vm, o->slots[i]);
    free(o->slots);
    o->slots = NULL;
    if (o->values) {
        free_values(vm, o, true);
    }
    CLEAR(vm, o->dict);
    if (t->is_exc) {
        CLEAR(vm, o->args);
        CLEAR(vm, o->notes);
        CLEAR(vm, o->traceback);
        CLEAR(vm, o->cause);
        CLEAR(vm, o->context);
        CLEAR(vm, o->exc_name);
        CLEAR(vm, o->exc_obj);
    }
    obj_free_mem(vm, obj);
    if (t->heap) DECREF(vm, (Obj *)t);
}

static size_t instance_size_of(Obj *o) {
    return o->type->basicsize;
}

/* ---------------------------------------------------------------- attributes */

static Obj *attr_error(Vm *vm, Obj *o, Obj *name) {
    if (IS_TYPE(o))
        vm_raise(vm, &Exc_AttributeError, "type object '%s' has no attribute '%s'",
                 ((Type *)o)->name, str_cstr(name));
    else if (KIND(o) == OBJ_MODULE)
        vm_raise(vm, &Exc_AttributeError, "module '%s' has no attribute '%s'",
                 str_cstr(((Module *)o)->name), str_cstr(name));
    else
        vm_raise(vm, &Exc_AttributeError, "'%s' object has no attribute '%s'", o->type->name,
                 str_cstr(name));
    if (vm->exc) {
        Instance *e = (Instance *)vm->exc;
        e->exc_name = obj_newref(name);
        e->exc_obj = obj_newref(o);
    }
    return NULL;
}

static const MethodDef *find_methoddef(Type *t, const char *name, Type **owner) {
    for (; t; t = t->base) {
        if (t->heap || !t->methods) continue;
        for (const MethodDef *m = t->methods; m->name; m++)
            if (!strcmp(m->name, name)) {
                if (owner) *owner = t;
                return m;
            }
    }
    return NULL;
}

/* The per-run method descriptor of a builtin type's method (BORROWED). */
static Obj *method_descr(Vm *vm, const MethodDef *def) {
    if (vm->descr_cap == 0 || vm->descr_n * 2 >= vm->descr_cap) {
        size_t ncap = vm->descr_cap ? vm->descr_cap * 2 : 64;
        const MethodDef **nk = calloc(ncap, sizeof *nk);
        Obj **nv = calloc(ncap, sizeof *nv);
        if (!nk || !nv) abort();
        for (size_t i = 0; i < vm->descr_cap; i++)
            if (vm->descr_keys[i]) {
                size_t h = ((uintptr_t)vm->descr_keys[i] >> 4) & (ncap - 1);
                while (nk[h])
                    h = (h + 1) & (ncap - 1);
                nk[h] = vm->descr_keys[i];
                nv[h] = vm->descr_vals[i];
            }
        free(vm->descr_keys);
        free(vm->descr_vals);
        vm->descr_keys = nk;
        vm->descr_vals = nv;
        vm->descr_cap = ncap;
    }
    size_t h = ((uintptr_t)def >> 4) & (vm->descr_cap - 1);
    while (vm->descr_keys[h]) {
        if (vm->descr_keys[h] == def) return vm->descr_vals[h];
        h = (h + 1) & (vm->descr_cap - 1);
    }
    Obj *d = builtin_new(vm, def, NULL);
    if (!d) return NULL;
    /* method descriptors exist before the program runs (they belong to the type): they are
     * not the program's allocations, so they leave the collector's count and lists alone */
    gc_untrack(vm, d);
    if (vm->gc.gen[0].count > 0) vm->gc.gen[0].count--;
    d->flags |= OBJ_F_STATIC;
    vm->descr_keys[h] = def;
    vm->descr_vals[h] = d;
    vm->descr_n++;
    return d;
}

void vm_free_descrs(Vm *vm) {
    for (size_t i = 0; i < vm->descr_cap; i++)
        if (vm->descr_vals && vm->descr_vals[i]) {
            Obj *d = vm->descr_vals[i];
            d->flags &= (uint16_t)~OBJ_F_STATIC;
            d->refcnt = 1;
            DECREF(vm, d);
        }
    free(vm->descr_keys);
    free(vm->descr_vals);
}

static Obj *bind(Vm *vm, Obj *descr, Obj *obj, Type *objtype) {
    switch (KIND(descr)) {
    case OBJ_FUNCTION:
        return obj ? method_new(vm, descr, obj) : obj_newref(descr);
    case OBJ_STATICMETHOD: {
        Obj *f = ((Property *)descr)->fget;
        return obj_newref(f ? f : Py_None);
    }
    case OBJ_CLASSMETHOD:
        return method_new(vm, ((Property *)descr)->fget, (Obj *)objtype);
    case OBJ_PROPERTY: {
        if (!obj) return obj_newref(descr);
        Property *p = (Property *)descr;
        if (!p->fget) return vm_raise(vm, &Exc_AttributeError, "property has no getter");
        return obj_call1(vm, p->fget, obj);
    }
    default:
        return obj_newref(descr);
    }
}

static bool is_data_descr(Obj *d) {
    return KIND(d) == OBJ_PROPERTY || d->type == &MemberDescrType || d->type == &GetSetDescrType;
}

static Obj *type_special_attr(Vm *vm, Type *t, const char *n) {
    if (!strcmp(n, "__name__")) {
        if (t->heap) return obj_newref(t->name_obj);
        const char *dot = strrchr(t->name, '.'); /* type_name(): after the last dot */
        return str_from_cstr(vm, dot ? dot + 1 : t->name);
    }
    if (!strcmp(n, "__qualname__"))
        return t->heap ? obj_newref(t->qualname ? t->qualname : t->name_obj)
                       : str_from_cstr(vm, t->name);
    if (!strcmp(n, "__mro__")) {
        if (t->mro) return obj_newref(t->mro);
        int n2 = 0;
        for (Type *b = t; b; b = b->base)
            n2++;
        Obj *m = tuple_new(vm, n2);
        if (!m) return NULL;
        int i = 0;
        for (Type *b = t; b; b = b->base)
            TUPLE_ITEM(m, i++) = obj_newref((Obj *)b);
        return m;
    }
    if (!strcmp(n, "__bases__")) {
        if (t->bases) return obj_newref(t->bases);
        return t->base ? tuple_pack(vm, 1, (Obj *)t->base) : obj_newref(vm->empty_tuple);
    }
    if (!strcmp(n, "__base__")) return obj_newref(t->base ? (Obj *)t->base : Py_None);
    if (!strcmp(n, "__dict__")) {
        if (t->dict) return obj_newref(t->dict);
        Obj *d = dict_new(vm);
        return d;
    }
    if (!strcmp(n, "__class__")) return obj_newref((Obj *)t->ob.type);
    if (!strcmp(n, "__module__") && !t->heap) return str_from_cstr(vm, "builtins");
    if (!strcmp(n, "__doc__") && !t->heap) return obj_newref(Py_None);
    return NULL;
}

static Obj *dict_fromkeys_m(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)self;
    extern Obj *dict_fromkeys(Vm * vm, Obj * iterable, Obj * value);
    if (!args_no_kw(vm, "fromkeys", kw) || !args_check(vm, "fromkeys", nargs, 1, 2)) return NULL;
    return dict_fromkeys(vm, args[0], nargs == 2 ? args[1] : Py_None);
}
static const MethodDef dict_fromkeys_def = {"fromkeys", dict_fromkeys_m};

static Obj *type_getattr(Vm *vm, Type *t, Obj *name) {
    Obj *v = type_lookup(t, name);
    if (v) return bind(vm, v, NULL, t);
    const char *n = str_cstr(name);
    if (t == &DictType && !strcmp(n, "fromkeys"))
        return builtin_new(vm, &dict_fromkeys_def, (Obj *)t);
    if (n[0] == '_' && n[1] == '_') {
        Obj *r = type_special_attr(vm, t, n);
        if (r || vm->exc) return r;
    }
    Type *owner;
    const MethodDef *m = find_methoddef(t, n, &owner);
    if (m) {
        if (t == &DictType && !strcmp(n, "fromkeys")) return builtin_new(vm, m, (Obj *)t);
        if (!strcmp(n, "maketrans") || !strcmp(n, "fromhex")) return builtin_new(vm, m, (Obj *)t);
        Obj *d = method_descr(vm, m);
        return d ? obj_newref(d) : NULL;
    }
    return attr_error(vm, (Obj *)t, name);
}

extern Obj *builtin_object_attr(Vm *vm, Obj *o, const char *name); /* func.c / exc.c extras */

Obj *obj_getattr(Vm *vm, Obj *o, Obj *name) {
    Type *t = o->type;
    if (t == &WeakProxyType) {
        extern Obj *weakproxy_referent(Vm * vm, Obj * p);
        Obj *r = weakproxy_referent(vm, o);
        return r ? obj_getattr(vm, r, name) : NULL;
    }
    if (KIND(o) == OBJ_TYPE) return type_getattr(vm, (Type *)o, name);
    if (KIND(o) == OBJ_MODULE) {
        Obj *v = dict_get_str(((Module *)o)->dict, name);
        if (v) return obj_newref(v);
        if (str_eq_cstr(name, "__dict__")) return obj_newref(((Module *)o)->dict);
        return attr_error(vm, o, name);
    }
    if (KIND(o) == OBJ_SUPER) {
        Super *s = (Super *)o;
        bool started = false;
        for (Type *b = s->obj_type; b; b = b->base) {
            if (!started) {
                if (b == s->type) started = true;
                continue;
            }
            Obj *v = b->dict ? dict_get_str(b->dict, name) : NULL;
            if (v) {
                Obj *inst = s->obj == (Obj *)s->obj_type ? NULL : s->obj;
                if (KIND(v) == OBJ_CLASSMETHOD)
                    return method_new(vm, ((Property *)v)->fget, (Obj *)s->obj_type);
                return bind(vm, v, inst, s->obj_type);
            }
            const MethodDef *m = b->heap ? NULL : find_methoddef(b, str_cstr(name), NULL);
            if (m) return builtin_new(vm, m, s->obj);
        }
        if (str_eq_cstr(name, "__init__")) {
            /* object.__init__: a bound no-op */
            extern const MethodDef object_init_def;
            return builtin_new(vm, &object_init_def, s->obj);
        }
        return vm_raise(vm, &Exc_AttributeError, "'super' object has no attribute '%s'",
                        str_cstr(name));
    }
    Obj *descr = t->heap ? type_lookup(t, name) : NULL;
    if (descr && is_data_descr(descr)) {
        if (descr->type == &MemberDescrType) {
            Descr *d = (Descr *)descr;
            Obj *v = ((Instance *)o)->slots[d->index];
            if (!v) return attr_error(vm, o, name);
            return obj_newref(v);
        }
        if (descr->type == &GetSetDescrType) {
            Descr *d = (Descr *)descr;
            if (d->kind == DESCR_DICT) {
                Obj *dd = instance_getdict(vm, o);
                return dd ? obj_newref(dd) : NULL;
            }
            return obj_newref(Py_None); /* __weakref__ */
        }
        return bind(vm, descr, o, t);
    }
    if (t->heap || t->is_exc) {
        Obj *v = instance_attr_lookup(o, name);
        if (v) return obj_newref(v);
    }
    if (descr) return bind(vm, descr, o, t);
    const char *n = str_cstr(name);
    if (!t->heap) {
        const MethodDef *m = find_methoddef(t, n, NULL);
        if (m) return builtin_new(vm, m, o);
    }
    if (n[0] == '_' && n[1] == '_' && !strcmp(n, "__class__")) return obj_newref((Obj *)t);
    if (t->heap && !strcmp(n, "__dict__") && (t->managed_dict || t->is_exc)) {
        Obj *dd = instance_getdict(vm, o);
        return dd ? obj_newref(dd) : NULL;
    }
    Obj *r = builtin_object_attr(vm, o, n);
    if (r || vm->exc) return r;
    if (t->heap) {
        Obj *ga = type_lookup_cstr(vm, t, "__getattr__");
        if (ga) {
            bool found;
            return call_special(vm, o, "__getattr__", &name, 1, &found);
        }
    }
    return attr_error(vm, o, name);
}

Obj *obj_getattr_cstr(Vm *vm, Obj *o, const char *name) {
    Obj *n = str_intern_cstr(vm, name);
    if (!n) return NULL;
    Obj *r = obj_getattr(vm, o, n);
    DECREF(vm, n);
    return r;
}

int obj_hasattr(Vm *vm, Obj *o, Obj *name) {
    Obj *r = obj_getattr(vm, o, name);
    if (r) {
        DECREF(vm, r);
        return 1;
    }
    if (vm_exc_matches(vm, &Exc_AttributeError)) {
        vm_clear_exc(vm);
        return 0;
    }
    return -1;
}

static void type_flags_from_dict(Vm *vm, Type *t);

int obj_setattr(Vm *vm, Obj *o, Obj *name, Obj *value) {
    Type *t = o->type;
    if (t == &WeakProxyType) {
        extern Obj *weakproxy_referent(Vm * vm, Obj * p);
        Obj *r = weakproxy_referent(vm, o);
        return r ? obj_setattr(vm, r, name, value) : -1;
    }
    if (KIND(o) == OBJ_TYPE) {
        Type *cls = (Type *)o;
        if (!cls->heap) {
            vm_raise(vm, &Exc_TypeError, "cannot set '%s' attribute of immutable type '%s'",
                     str_cstr(name), cls->name);
            return -1;
        }
        int r;
        if (value) {
            r = dict_set(vm, cls->dict, name, value);
        } else {
            r = dict_pop_str(vm, cls->dict, name);
            if (r == 0) {
                attr_error(vm, o, name);
                return -1;
            }
            r = r < 0 ? -1 : 0;
        }
        type_flags_from_dict(vm, cls);
        return r;
    }
    if (KIND(o) == OBJ_MODULE) {
        if (value) return dict_set(vm, ((Module *)o)->dict, name, value);
        if (dict_pop_str(vm, ((Module *)o)->dict, name) == 1) return 0;
        attr_error(vm, o, name);
        return -1;
    }
    if (KIND(o) == OBJ_FUNCTION) {
        Function *f = (Function *)o;
        if (!f->dict) {
            f->dict = dict_new(vm);
            if (!f->dict) return -1;
        }
        if (value) return dict_set(vm, f->dict, name, value);
        if (dict_pop_str(vm, f->dict, name) == 1) return 0;
        attr_error(vm, o, name);
        return -1;
    }
    if (!t->heap && !t->is_exc) {
        if (find_methoddef(t, str_cstr(name), NULL) || t == &ObjectType || !t->heap)
            vm_raise(vm, &Exc_AttributeError, "'%s' object attribute '%s' is read-only", t->name,
                     str_cstr(name));
        if (t == &ObjectType || !find_methoddef(t, str_cstr(name), NULL)) {
            vm_clear_exc(vm);
            attr_error(vm, o, name);
        }
        return -1;
    }
    Obj *descr = t->heap ? type_lookup(t, name) : NULL;
    if (descr && is_data_descr(descr)) {
        if (descr->type == &MemberDescrType) {
            Descr *d = (Descr *)descr;
            Obj **slot = &((Instance *)o)->slots[d->index];
            if (!value && !*slot) {
                attr_error(vm, o, name);
                return -1;
            }
            Obj *old = *slot;
            *slot = value ? obj_newref(value) : NULL;
            XDECREF(vm, old);
            return 0;
        }
        if (KIND(descr) == OBJ_PROPERTY) {
            Property *p = (Property *)descr;
            Obj *f = value ? p->fset : p->fdel;
            if (!f) {
                vm_raise(vm, &Exc_AttributeError, "can't %s attribute '%s'",
                         value ? "set" : "delete", str_cstr(name));
                return -1;
            }
            Obj *args[2] = {o, value};
            Obj *r = obj_call(vm, f, args, value ? 2 : 1, NULL);
            if (!r) return -1;
            DECREF(vm, r);
            return 0;
        }
    }
    if (t->nslots >= 0 && !t->managed_dict && !t->is_exc) {
        attr_error(vm, o, name);
        return -1;
    }
    return store_instance_attr(vm, (Instance *)o, name, value);
}

/* LOAD_METHOD: 1 = *out is an unbound callable to call with self prepended,
 * 0 = *out is the attribute itself, -1 = error. *out is NEW. */
int vm_load_method(Vm *vm, Obj *o, Obj *name, Obj **out) {
    Type *t = o->type;
    if (t->heap && KIND(o) != OBJ_TYPE) {
        Obj *descr = type_lookup(t, name);
        if (descr && KIND(descr) == OBJ_FUNCTION) {
            Obj *shadow = instance_attr_lookup(o, name);
            if (!shadow) {
                *out = obj_newref(descr);
                return 1;
            }
        }
    } else if (!t->heap && KIND(o) != OBJ_TYPE && KIND(o) != OBJ_MODULE && KIND(o) != OBJ_SUPER) {
        const MethodDef *m = find_methoddef(t, str_cstr(name), NULL);
        if (m) {
            Obj *d = method_descr(vm, m);
            if (!d) return -1;
            *out = obj_newref(d);
            return 1;
        }
    }
    *out = obj_getattr(vm, o, name);
    return *out ? 0 : -1;
}

/* ---------------------------------------------------------------- classes */

static void type_flags_from_dict(Vm *vm, Type *t) {
    t->has_finalizer = type_lookup_cstr(vm, t, "__del__") != NULL;
}

static void type_dealloc(Vm *vm, Obj *o) {
    Type *t = (Type *)o;
    if (gc_is_tracked(o)) gc_untrack(vm, o);
    if (t->weakrefs) weakref_clear_all(vm, o);
    XDECREF(vm, t->dict);
    XDECREF(vm, t->mro);
    XDECREF(vm, t->name_obj);
    XDECREF(vm, t->qualname);
    XDECREF(vm, t->bases);
    XDECREF(vm, t->slot_names);
    if (t->base && t->base->heap) DECREF(vm, (Obj *)t->base);
    if (t->cached_keys) {
        for (int i = 0; i < t->cached_keys->nentries; i++)
            DECREF(vm, t->cached_keys->names[i]);
        free(t->cached_keys->names);
        free(t->cached_keys);
    }
    free((char *)t->name);
    obj_free_mem(vm, o);
}

static void type_traverse(Obj *o, VisitFn visit, void *arg) {
    Type *t = (Type *)o;
    if (!t->heap) return;
    if (t->dict) visit(t->dict, "__dict__", -1, arg);
    if (t->mro) visit(t->mro, "__mro__", -1, arg);
    if (t->bases) visit(t->bases, "__bases__", -1, arg);
    if (t->base && t->base->heap) visit((Obj *)t->base, "__base__", -1, arg);
}

static void type_clear(Vm *vm, Obj *o) {
    Type *t = (Type *)o;
    if (!t->heap) return;
    /* type_clear(): the dict is cleared, the mro dropped */
    if (t->dict) {
        Obj *d = t->dict;
        Obj *nd = dict_new(vm);
        t->dict = nd;
        DECREF(vm, d);
    }
    CLEAR(vm, t->mro);
}

static Obj *type_repr(Vm *vm, Obj *o) {
    Type *t = (Type *)o;
    if (t->heap) {
        Obj *mod = t->dict ? dict_get_cstr(vm, t->dict, "__module__") : NULL;
        if (mod && IS_STR(mod) && !str_eq_cstr(mod, "builtins"))
            return str_fromf(vm, "<class '%s.%s'>", str_cstr(mod),
                             str_cstr(t->qualname ? t->qualname : t->name_obj));
    }
    return str_fromf(vm, "<class '%s'>", t->name);
}

static size_t type_size_of(Obj *o) {
    Type *t = (Type *)o;
    return t->heap ? 1672 : 408;
}

Obj *type_new_class(Vm *vm, Obj *name, Obj *bases, Obj *ns) {
    Type *base = &ObjectType;
    if (bases && TUPLE_LEN(bases) > 0) {
        if (TUPLE_LEN(bases) > 1)
            return vm_raise(vm, &Exc_NotImplementedError,
                            "multiple inheritance is not supported by memviz");
        Obj *b = TUPLE_ITEM(bases, 0);
        if (!IS_TYPE(b)) return vm_raise(vm, &Exc_TypeError, "bases must be types");
        base = (Type *)b;
        if (!base->heap && base != &ObjectType && !base->is_exc)
            return vm_raise(vm, &Exc_NotImplementedError,
                            "memviz does not support subclassing the builtin type '%s'",
                            base->name);
    }
    Type *t = (Type *)obj_alloc(vm, &TypeType, sizeof(Type), 1672);
    if (!t) return NULL;
    memset((char *)t + sizeof(Obj), 0, sizeof(Type) - sizeof(Obj));
    t->name = strdup(str_cstr(name));
    t->kind = base->is_exc ? OBJ_EXC : OBJ_INSTANCE;
    t->gc = true;
    t->heap = true;
    t->is_exc = base->is_exc;
    t->traverse = instance_traverse;
    t->clear = instance_clear;
    t->dealloc = instance_dealloc;
    t->size_of = instance_size_of;
    t->repr = NULL;
    t->base = base;
    if (base->heap) INCREF(base);
    t->name_obj = obj_newref(name);
    t->bases =
        bases && TUPLE_LEN(bases) ? obj_newref(bases) : tuple_pack(vm, 1, (Obj *)&ObjectType);
    t->dict = dict_copy(vm, ns);
    if (!t->dict || !t->bases) {
        DECREF(vm, t);
        return NULL;
    }
    Obj *qn = dict_get_cstr(vm, t->dict, "__qualname__");
    if (qn) {
        t->qualname = obj_newref(qn);
        Obj *k = str_from_cstr(vm, "__qualname__");
        dict_pop_str(vm, t->dict, k);
        DECREF(vm, k);
    }
    /* instance layout */
    Obj *slots = dict_get_cstr(vm, t->dict, "__slots__");
    int base_slots = base->heap && base->nslots > 0 ? base->nslots : 0;
    bool base_has_dict = base->heap ? base->nslots < 0 || base->managed_dict : false;
    if (base->is_exc) {
        t->basicsize = base->basicsize ? base->basicsize : 72;
        t->nslots = -1;
        t->managed_dict = false;
    } else if (slots) {
        Obj *names = IS_STR(slots) ? tuple_pack(vm, 1, slots) : NULL;
        if (!names) {
            Obj *l = obj_to_list(vm, slots);
            if (!l) {
                DECREF(vm, t);
                return NULL;
            }
            names = tuple_from_array(vm, ((List *)l)->items, LIST_LEN(l));
            DECREF(vm, l);
        }
        ssize_t own = TUPLE_LEN(names);
        t->nslots = base_slots + (int)own;
        Obj *all = tuple_new(vm, t->nslots);
        for (int i = 0; i < base_slots; i++)
            TUPLE_ITEM(all, i) = obj_newref(TUPLE_ITEM(base->slot_names, i));
        for (ssize_t i = 0; i < own; i++)
            TUPLE_ITEM(all, base_slots + i) = obj_newref(TUPLE_ITEM(names, i));
        t->slot_names = all;
        for (ssize_t i = 0; i < own; i++) {
            Obj *sn = TUPLE_ITEM(names, i);
            Obj *d = descr_new(vm, t, str_cstr(sn), DESCR_MEMBER, base_slots + (int)i);
            dict_set(vm, t->dict, sn, d);
            DECREF(vm, d);
        }
        DECREF(vm, names);
        t->managed_dict = base_has_dict;
        t->basicsize =
            (base->heap ? (base->managed_dict ? 24 : base->basicsize) : 16) + 8 * (size_t)own;
        if (base->heap && base->managed_dict) t->basicsize = 24 + 8 * (size_t)t->nslots;
    } else {
        t->nslots = base_slots ? base_slots : -1;
        if (base_slots) {
            t->slot_names = obj_newref(base->slot_names);
        }
        t->managed_dict = true;
        t->basicsize = 24 + 8 * (size_t)base_slots;
        t->weaklist = true;
    }
    if (t->managed_dict) {
        t->cached_keys = calloc(1, sizeof(SharedKeys));
        if (!t->cached_keys) abort();
        t->cached_keys->usable = SHARED_KEYS_MAX_SIZE;
    }
    /* __dict__ / __weakref__ getset descriptors (only where the base lacks them) */
    if (t->managed_dict && !base_has_dict) {
        if (!dict_get_cstr(vm, t->dict, "__dict__")) {
            Obj *d = descr_new(vm, t, "__dict__", DESCR_DICT, 0);
            dict_set_cstr(vm, t->dict, "__dict__", d);
            DECREF(vm, d);
        }
        if (!dict_get_cstr(vm, t->dict, "__weakref__")) {
            Obj *d = descr_new(vm, t, "__weakref__", DESCR_WEAKREF, 0);
            dict_set_cstr(vm, t->dict, "__weakref__", d);
            DECREF(vm, d);
        }
    }
    if (!dict_get_cstr(vm, t->dict, "__doc__")) dict_set_cstr(vm, t->dict, "__doc__", Py_None);
    /* a class that defines __eq__ but not __hash__ is unhashable */
    if (dict_get_cstr(vm, t->dict, "__eq__") && !dict_get_cstr(vm, t->dict, "__hash__"))
        dict_set_cstr(vm, t->dict, "__hash__", Py_None);
    /* __mro__: (t, bases..., object) */
    int n = 0;
    for (Type *b = t; b; b = b->base)
        n++;
    t->mro = tuple_new(vm, n);
    if (!t->mro) {
        DECREF(vm, t);
        return NULL;
    }
    int i = 0;
    for (Type *b = t; b; b = b->base)
        TUPLE_ITEM(t->mro, i++) = obj_newref((Obj *)b);
    type_flags_from_dict(vm, t);
    /* zero-argument super(): fill the __class__ cell */
    Obj *cell = dict_get_cstr(vm, t->dict, "__classcell__");
    if (cell && KIND(cell) == OBJ_CELL) {
        SETREF(vm, ((Cell *)cell)->ref, obj_newref((Obj *)t));
        Obj *k = str_from_cstr(vm, "__classcell__");
        dict_pop_str(vm, t->dict, k);
        DECREF(vm, k);
    }
    gc_track(vm, (Obj *)t);
    return (Obj *)t;
}

Obj *type_call(Vm *vm, Type *t, Obj **args, int nargs, Obj *kwnames) {
    if (!t->heap) {
        if (t == &TypeType && nargs == 1 && !kwnames) return obj_newref((Obj *)args[0]->type);
        if (t->is_exc && !t->new_) {
            int nkw = kwnames ? (int)TUPLE_LEN(kwnames) : 0;
            if (nkw)
                return vm_raise(vm, &Exc_TypeError, "%s() takes no keyword arguments", t->name);
            Obj *a = tuple_from_array(vm, args, nargs);
            if (!a) return NULL;
            Obj *e = exc_new(vm, t, a);
            DECREF(vm, a);
            return e;
        }
        if (!t->new_) return vm_raise(vm, &Exc_TypeError, "cannot create '%s' instances", t->name);
        return t->new_(vm, t, args, nargs, kwnames);
    }
    /* _PyObject_MakeTpCall: the arguments are packed into a tuple (and a dict for keywords) */
    int nkw = kwnames ? (int)TUPLE_LEN(kwnames) : 0;
    Obj *argt = tuple_from_array(vm, args, nargs);
    if (!argt) return NULL;
    Obj *kwd = NULL;
    if (nkw) {
        kwd = dict_new(vm);
        for (int i = 0; i < nkw; i++)
            dict_set(vm, kwd, TUPLE_ITEM(kwnames, i), args[nargs + i]);
    }
    Obj *self = NULL;
    Obj *newf = type_lookup_cstr(vm, t, "__new__");
    if (newf) {
        Obj *fn = KIND(newf) == OBJ_STATICMETHOD ? ((Property *)newf)->fget : newf;
        Obj **stack = malloc(sizeof(Obj *) * (size_t)(nargs + nkw + 1));
        stack[0] = (Obj *)t;
        memcpy(stack + 1, args, sizeof(Obj *) * (size_t)(nargs + nkw));
        INCREF(fn);
        self = obj_call(vm, fn, stack, nargs + 1, kwnames);
        DECREF(vm, fn);
        free(stack);
        if (!self) goto done;
        if (!type_is_subtype(self->type, t)) goto done;
    } else if (t->is_exc) {
        self = exc_new(vm, t, argt);
        if (!self) goto done;
    } else {
        self = instance_new(vm, t);
        if (!self) goto done;
    }
    Obj *init = type_lookup_cstr(vm, t, "__init__");
    if (init && KIND(init) == OBJ_FUNCTION) {
        /* slot_tp_init -> _PyObject_Call_Prepend: [self, *args] borrowed from the tuple */
        Obj **stack = malloc(sizeof(Obj *) * (size_t)(nargs + nkw + 1));
        stack[0] = self;
        for (int i = 0; i < nargs; i++)
            stack[i + 1] = TUPLE_ITEM(argt, i);
        Obj *kn = NULL;
        if (nkw) {
            kn = tuple_new(vm, nkw);
            ssize_t pos = 0;
            Obj *k, *v;
            int j = 0;
            while (dict_next(kwd, &pos, &k, &v)) {
                TUPLE_ITEM(kn, j) = obj_newref(k);
                stack[nargs + 1 + j] = v;
                j++;
            }
        }
        INCREF(init);
        Obj *r = obj_call(vm, init, stack, nargs + 1, kn);
        DECREF(vm, init);
        XDECREF(vm, kn);
        free(stack);
        if (!r) {
            CLEAR(vm, self);
            goto done;
        }
        if (r != Py_None) {
            vm_raise(vm, &Exc_TypeError, "__init__() should return None, not '%s'",
                     obj_type_name(r));
            DECREF(vm, r);
            CLEAR(vm, self);
            goto done;
        }
        DECREF(vm, r);
    } else if (!init && !newf && !t->is_exc && (nargs > 0 || nkw > 0)) {
        vm_raise(vm, &Exc_TypeError, "%s() takes no arguments", t->name);
        CLEAR(vm, self);
    }
done:
    DECREF(vm, argt);
    XDECREF(vm, kwd);
    return self;
}

static Obj *type_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    (void)t;
    (void)kw;
    if (nargs == 1) return obj_newref((Obj *)args[0]->type);
    if (nargs == 3) return type_new_class(vm, args[0], args[1], args[2]);
    return vm_raise(vm, &Exc_TypeError, "type() takes 1 or 3 arguments");
}

static Obj *type_mro_method(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    (void)nargs;
    (void)kw;
    Obj *m = type_special_attr(vm, (Type *)self, "__mro__");
    if (!m) return NULL;
    Obj *l = obj_to_list(vm, m);
    DECREF(vm, m);
    return l;
}

static const MethodDef type_methods[] = {{"mro", type_mro_method}, {NULL, NULL}};

Type TypeType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "type",
    .kind = OBJ_TYPE,
    .gc = true,
    .basicsize = 880,
    .traverse = type_traverse,
    .clear = type_clear,
    .dealloc = type_dealloc,
    .repr = type_repr,
    .size_of = type_size_of,
    .methods = type_methods,
    .new_ = type_new_type,
    .base = &ObjectType,
};

/* ---------------------------------------------------------------- object */

static void object_dealloc(Vm *vm, Obj *o) {
    if (o->type->heap) {
        instance_dealloc(vm, o);
        return;
    }
    obj_free_mem(vm, o);
}

static Obj *object_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (nargs || (kw && TUPLE_LEN(kw)))
        return vm_raise(vm, &Exc_TypeError, "object() takes no arguments");
    if (t != &ObjectType) return instance_new(vm, t);
    return obj_alloc(vm, &ObjectType, sizeof(Obj), 16);
}

static Obj *object_repr(Vm *vm, Obj *o) {
    Type *t = o->type;
    if (t->heap) {
        Obj *mod = t->dict ? dict_get_cstr(vm, t->dict, "__module__") : NULL;
        if (mod && IS_STR(mod))
            return str_fromf(vm, "<%s.%s object at 0x%llx>", str_cstr(mod),
                             str_cstr(t->qualname ? t->qualname : t->name_obj),
                             (unsigned long long)o->addr);
    }
    return str_fromf(vm, "<%s object at 0x%llx>", t->name, (unsigned long long)o->addr);
}

static Obj *object_init_fn(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)self;
    (void)args;
    (void)nargs;
    (void)kw;
    return obj_newref(Py_None);
}
const MethodDef object_init_def = {"__init__", object_init_fn};

static Obj *object_sizeof_m(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    (void)nargs;
    (void)kw;
    size_t n = self->type->size_of ? self->type->size_of(self) : self->type->basicsize;
    return int_from_i64(vm, (int64_t)n);
}

static Obj *object_dir_m(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    (void)nargs;
    (void)kw;
    extern Obj *obj_dir(Vm * vm, Obj * o);
    return obj_dir(vm, self);
}

static const MethodDef object_methods[] = {
    {"__sizeof__", object_sizeof_m}, {"__dir__", object_dir_m}, {NULL, NULL}};

Type ObjectType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "object",
    .kind = OBJ_OBJECT,
    .basicsize = 16,
    .dealloc = object_dealloc,
    .repr = object_repr,
    .methods = object_methods,
    .new_ = object_new_type,
};

/* ---------------------------------------------------------------- super */

static void super_dealloc(Vm *vm, Obj *o) {
    Super *s = (Super *)o;
    gc_untrack(vm, o);
    XDECREF(vm, (Obj *)s->type);
    XDECREF(vm, s->obj);
    XDECREF(vm, (Obj *)s->obj_type);
    obj_free_mem(vm, o);
}

static void super_traverse(Obj *o, VisitFn visit, void *arg) {
    Super *s = (Super *)o;
    if (s->obj) visit(s->obj, "__self__", -1, arg);
    if (s->type) visit((Obj *)s->type, "__thisclass__", -1, arg);
}

extern int vm_super_args(Vm *vm, Obj **type, Obj **obj); /* vm.c: the caller frame's */

static Obj *super_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    (void)t;
    (void)kw;
    Obj *type, *obj;
    if (nargs == 0) {
        if (vm_super_args(vm, &type, &obj) < 0) return NULL;
    } else if (nargs == 2) {
        type = args[0];
        obj = args[1];
    } else {
        return vm_raise(vm, &Exc_TypeError, "super() takes 0 or 2 arguments");
    }
    if (!IS_TYPE(type)) return vm_raise(vm, &Exc_TypeError, "super() argument 1 must be a type");
    Type *ot = IS_TYPE(obj) && type_is_subtype((Type *)obj, (Type *)type) ? (Type *)obj : obj->type;
    if (!type_is_subtype(ot, (Type *)type))
        return vm_raise(vm, &Exc_TypeError,
                        "super(type, obj): obj must be an instance or subtype of type");
    Super *s = (Super *)obj_alloc(vm, &SuperType, sizeof(Super), 32);
    if (!s) return NULL;
    s->type = (Type *)obj_newref(type);
    s->obj = obj_newref(obj);
    s->obj_type = (Type *)obj_newref((Obj *)ot);
    gc_track(vm, (Obj *)s);
    return (Obj *)s;
}

static Obj *super_repr(Vm *vm, Obj *o) {
    Super *s = (Super *)o;
    return str_fromf(vm, "<super: <class '%s'>, <%s object>>", s->type->name, s->obj_type->name);
}

Type SuperType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "super",
    .kind = OBJ_SUPER,
    .gc = true,
    .basicsize = 32,
    .traverse = super_traverse,
    .dealloc = super_dealloc,
    .repr = super_repr,
    .new_ = super_new_type,
    .base = &ObjectType,
};
