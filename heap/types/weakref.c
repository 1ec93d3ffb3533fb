/*
 * weakref.c - weak references (Objects/weakrefobject.c): 80-byte objects that point at a
 * referent without owning it. Every referent keeps the list of its weakrefs (Instance.weaklist);
 * when it dies, each weakref is cleared and its callback called (PyObject_ClearWeakRefs).
 * In a collection, weakrefs to unreachable objects are cleared first, and only weakrefs that
 * are themselves reachable get their callbacks (handle_weakrefs).
 */
#include "heap/lang/code.h"
#include "heap/types/types.h"

#include <stdlib.h>
#include <string.h>

static Obj **weaklist_of(Obj *o) {
    if (KIND(o) == OBJ_FUNCTION) return &((Function *)o)->weaklist;
    if (KIND(o) == OBJ_TYPE && ((Type *)o)->heap) return &((Type *)o)->weakrefs;
    if (KIND(o) == OBJ_GENERATOR) return &((Generator *)o)->weaklist;
    if ((o->type->heap && (o->type->weaklist || o->type->is_exc)) || o->type->is_exc)
        return &((Instance *)o)->weaklist;
    return NULL;
}

static void wr_unlink(WeakRef *w) {
    Obj *r = w->referent;
    if (!r) return;
    Obj **head = weaklist_of(r);
    if (head && *head == (Obj *)w) *head = w->wr_next;
    if (w->wr_prev) ((WeakRef *)w->wr_prev)->wr_next = w->wr_next;
    if (w->wr_next) ((WeakRef *)w->wr_next)->wr_prev = w->wr_prev;
    w->wr_next = w->wr_prev = NULL;
    w->referent = NULL;
}

static void wr_dealloc(Vm *vm, Obj *o) {
    WeakRef *w = (WeakRef *)o;
    gc_untrack(vm, o);
    wr_unlink(w);
    XDECREF(vm, w->callback);
    obj_free_mem(vm, o);
}

static void wr_traverse(Obj *o, VisitFn visit, void *arg) {
    WeakRef *w = (WeakRef *)o;
    if (w->callback) visit(w->callback, "__callback__", -1, arg);
}

static void wr_clear(Vm *vm, Obj *o) {
    WeakRef *w = (WeakRef *)o;
    wr_unlink(w);
    CLEAR(vm, w->callback);
}

static Obj *wr_repr(Vm *vm, Obj *o) {
    WeakRef *w = (WeakRef *)o;
    if (!w->referent)
        return str_fromf(vm, "<weakref at 0x%llx; dead>", (unsigned long long)o->addr);
    return str_fromf(vm, "<weakref at 0x%llx; to '%s' at 0x%llx>", (unsigned long long)o->addr,
                     w->referent->type->name, (unsigned long long)w->referent->addr);
}

Obj *weakref_new(Vm *vm, Type *t, Obj *referent, Obj *callback) {
    Obj **head = weaklist_of(referent);
    if (!head)
        return vm_raise(vm, &Exc_TypeError, "cannot create weak reference to '%s' object",
                        referent->type->name);
    if (callback == Py_None) callback = NULL;
    /* the callback-less ref and proxy are shared (get_basic_refs) */
    if (!callback) {
        for (Obj *w = *head; w; w = ((WeakRef *)w)->wr_next)
            if (!((WeakRef *)w)->callback && w->type == t) return obj_newref(w);
    }
    WeakRef *w = (WeakRef *)obj_alloc(vm, t, sizeof(WeakRef), 64);
    if (!w) return NULL;
    w->referent = referent;
    w->callback = callback ? obj_newref(callback) : NULL;
    w->hash = -1;
    w->proxy = t == &WeakProxyType;
    /* list order as PyWeakref_NewRef/NewProxy: the basic ref first, then the basic proxy,
     * then refs with callbacks (each new one right after the basic ones) */
    Obj *after = NULL;
    Obj *first = *head;
    if (first && !((WeakRef *)first)->callback && first->type == &WeakRefType) after = first;
    Obj *second = after ? ((WeakRef *)after)->wr_next : first;
    if (second && !((WeakRef *)second)->callback && second->type == &WeakProxyType &&
        !(t == &WeakRefType && !callback))
        after = second;
    if (t == &WeakRefType && !callback) after = NULL; /* the basic ref goes first */
    if (t == &WeakProxyType && !callback)             /* the basic proxy goes after the basic ref */
        after =
            (first && !((WeakRef *)first)->callback && first->type == &WeakRefType) ? first : NULL;
    if (!after) {
        w->wr_prev = NULL;
        w->wr_next = *head;
        if (*head) ((WeakRef *)*head)->wr_prev = (Obj *)w;
        *head = (Obj *)w;
    } else {
        WeakRef *a = (WeakRef *)after;
        w->wr_prev = after;
        w->wr_next = a->wr_next;
        if (a->wr_next) ((WeakRef *)a->wr_next)->wr_prev = (Obj *)w;
        a->wr_next = (Obj *)w;
    }
    gc_track(vm, (Obj *)w);
    return (Obj *)w;
}

static Obj *wr_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    if (kw && TUPLE_LEN(kw))
        return vm_raise(vm, &Exc_TypeError, "%s() takes no keyword arguments",
                        t == &WeakRefType ? "ref" : "proxy");
    if (nargs < 1)
        return vm_raise(vm, &Exc_TypeError, "__new__ expected at least 1 argument, got %d", nargs);
    if (nargs > 2)
        return vm_raise(vm, &Exc_TypeError, "__new__ expected at most 2 arguments, got %d", nargs);
    return weakref_new(vm, t, args[0], nargs == 2 ? args[1] : NULL);
}

/* mirrors PyObject_ClearWeakRefs(): called when the referent dies */
void weakref_clear_all(Vm *vm, Obj *o) {
    Obj **head = weaklist_of(o);
    if (!head) return;
    /* collect callbacks first, then call them with the dead weakref */
    int n = 0;
    for (Obj *w = *head; w; w = ((WeakRef *)w)->wr_next)
        n++;
    Obj **pending = n ? calloc((size_t)n, sizeof(Obj *)) : NULL;
    int np = 0;
    while (*head) {
        WeakRef *w = (WeakRef *)*head;
        Obj *cb = w->callback;
        w->callback = NULL;
        wr_unlink(w);
        if (cb && ((Obj *)w)->refcnt > 0) {
            pending[np++] = obj_newref((Obj *)w);
            w->callback = cb; /* kept until the call below */
        } else {
            XDECREF(vm, cb);
        }
    }
    Obj *saved = vm_fetch_exc(vm);
    extern void vm_write_unraisable(Vm * vm, Obj * obj);
    for (int i = 0; i < np; i++) {
        WeakRef *w = (WeakRef *)pending[i];
        Obj *cb = w->callback;
        w->callback = NULL;
        Obj *r = obj_call1(vm, cb, (Obj *)w);
        if (!r) vm_write_unraisable(vm, cb);
        XDECREF(vm, r);
        DECREF(vm, cb);
        DECREF(vm, (Obj *)w);
    }
    free(pending);
    vm->exc = saved;
}

/* mirrors handle_weakrefs(): returns the number of weakrefs freed */
int weakref_handle_unreachable(Vm *vm, Obj *unreachable, Obj *old) {
    (void)old;
    Obj *calls = NULL;
    for (Obj *o = unreachable->gc_next; o != unreachable; o = o->gc_next) {
        Obj **head = weaklist_of(o);
        if (!head) continue;
        while (*head) {
            WeakRef *w = (WeakRef *)*head;
            wr_unlink(w);
            if (!w->callback) continue;
            if ((((Obj *)w)->flags & OBJ_F_COLLECTING) && !gc_is_tracked((Obj *)w)) continue;
            bool w_unreachable = false;
            for (Obj *q = unreachable->gc_next; q != unreachable; q = q->gc_next)
                if (q == (Obj *)w) w_unreachable = true;
            if (w_unreachable) continue;
            if (!calls) calls = list_new(vm, 0);
            list_append(vm, calls, (Obj *)w);
        }
    }
    int freed = 0;
    if (calls) {
        Obj *saved = vm_fetch_exc(vm);
        extern void vm_write_unraisable(Vm * vm, Obj * obj);
        for (ssize_t i = 0; i < LIST_LEN(calls); i++) {
            WeakRef *w = (WeakRef *)LIST_ITEM(calls, i);
            Obj *cb = w->callback;
            if (!cb) continue;
            INCREF(cb);
            Obj *r = obj_call1(vm, cb, (Obj *)w);
            if (!r) vm_write_unraisable(vm, cb);
            XDECREF(vm, r);
            DECREF(vm, cb);
        }
        /* handle_weakrefs(): drop our references; a weakref that dies now counts as freed */
        for (ssize_t i = LIST_LEN(calls); --i >= 0;) {
            Obj *w = LIST_ITEM(calls, i);
            if (w->refcnt == 1) freed++;
        }
        DECREF(vm, calls);
        vm->exc = saved;
    }
    return freed;
}

static Obj *wr_call(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (!args_check(vm, "weakref", nargs, 0, 0) || !args_no_kw(vm, "weakref", kw)) return NULL;
    WeakRef *w = (WeakRef *)self;
    return obj_newref(w->referent ? w->referent : Py_None);
}

static const MethodDef wr_methods[] = {{"__call__", wr_call}, {NULL, NULL}};

Type WeakRefType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "weakref.ReferenceType",
    .kind = OBJ_WEAKREF,
    .gc = true,
    .basicsize = 64,
    .traverse = wr_traverse,
    .clear = wr_clear,
    .dealloc = wr_dealloc,
    .repr = wr_repr,
    .methods = wr_methods,
    .new_ = wr_new_type,
    .base = &ObjectType,
};
Type WeakProxyType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "weakref.ProxyType",
    .kind = OBJ_WEAKREF,
    .gc = true,
    .basicsize = 64,
    .traverse = wr_traverse,
    .clear = wr_clear,
    .dealloc = wr_dealloc,
    .repr = wr_repr,
    .new_ = wr_new_type,
    .base = &ObjectType,
};

/* ---------------------------------------------------------------- _weakref functions */

static Obj *wr_getweakrefcount(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)self;
    if (!args_check(vm, "getweakrefcount", nargs, 1, 1) || !args_no_kw(vm, "getweakrefcount", kw))
        return NULL;
    Obj **head = weaklist_of(args[0]);
    int64_t n = 0;
    for (Obj *w = head ? *head : NULL; w; w = ((WeakRef *)w)->wr_next)
        n++;
    return int_from_i64(vm, n);
}

static Obj *wr_getweakrefs(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)self;
    if (!args_check(vm, "getweakrefs", nargs, 1, 1) || !args_no_kw(vm, "getweakrefs", kw))
        return NULL;
    Obj **head = weaklist_of(args[0]);
    Obj *l = list_new(vm, 0);
    for (Obj *w = head ? *head : NULL; l && w; w = ((WeakRef *)w)->wr_next)
        list_append(vm, l, w);
    return l;
}

const MethodDef weakref_funcs[] = {
    {"getweakrefcount", wr_getweakrefcount},
    {"getweakrefs", wr_getweakrefs},
    {NULL, NULL},
};

/* A proxy forwards to its referent; ReferenceError once it is dead. BORROWED or NULL. */
Obj *weakproxy_referent(Vm *vm, Obj *p) {
    Obj *r = ((WeakRef *)p)->referent;
    if (!r) vm_raise(vm, &Exc_ReferenceError, "weakly-referenced object no longer exists");
    return r;
}
