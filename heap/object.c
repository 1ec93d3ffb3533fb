/*
 * object.c - object lifecycle: allocation through the allocator model, deallocation,
 * statics, sizes and traversal.
 *
 * Allocation mirrors CPython's two paths: PyObject_Malloc for plain objects and gc_alloc for
 * GC types, which prepends the 16-byte PyGC_Head (and, for plain class instances, the
 * 16-byte managed-dict pre-header) and calls _PyObject_GC_Link: count[0] += 1, which may
 * start an automatic collection *before* the new object is initialized, exactly when 3.11
 * would. The new object is untracked, so that collection never sees it.
 */
#include "heap/object.h"

#include "heap/gc.h"
#include "heap/runtime.h"
#include "heap/types/types.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t pre_header(Type *t) {
    return (t->gc ? 16 : 0) + (t->managed_dict ? 16 : 0);
}

Obj *obj_alloc(Vm *vm, Type *type, size_t csize, size_t pysize) {
    size_t request = pysize + pre_header(type);
    if (vm->limits.max_heap &&
        vm->alloc.block_bytes + vm->alloc.malloc_bytes + request > vm->limits.max_heap)
        return vm_nomem(vm);
    if (type->gc) gc_on_alloc(vm); /* may collect: runs before the object exists */
    Obj *o = malloc(csize);
    if (!o) return vm_nomem(vm);
    memset(o, 0, sizeof(Obj));
    o->refcnt = 1;
    o->type = type;
    o->addr = alloc_malloc(&vm->alloc, request) + pre_header(type);
    o->alloc_size = (uint32_t)request;
    o->uid = vm->next_uid++;
    vm->live_objects++;
    if (type->heap) INCREF(type); /* heap-type instances own a reference to their class */
    if (vm->lib_depth)
        o->flags |= OBJ_F_LIBRARY;
    else
        vm_event(vm, EV_ALLOC, o, 0);
    return o;
}

void obj_free_mem(Vm *vm, Obj *o) {
    Type *t = o->type;
    vm_event(vm, EV_FREE, o, 0);
    if (vm->gc_log && vm->gc.collecting && t->gc)
        fprintf(stderr, "gc:   %-16s %s#%u\n", "freed", t->name, o->uid);
    alloc_free(&vm->alloc, o->addr - pre_header(t), o->alloc_size);
    if (t->gc) gc_on_free(vm);
    vm->live_objects--;
    free(o);
}

void obj_init_static(Obj *o, Type *type, ssize_t refcnt) {
    memset(o, 0, sizeof(Obj));
    o->refcnt = refcnt;
    o->type = type;
    o->flags = OBJ_F_STATIC;
}

/* Deallocation with CPython's trashcan (Py_TRASHCAN_BEGIN, PyTrash_UNWIND_LEVEL 50): a
 * container freed more than 50 deallocations deep is put aside and freed when the outermost
 * deallocation finishes, so freeing a deeply nested structure never exhausts the C stack. */
void obj_dealloc(Vm *vm, Obj *o) {
    if (o->refcnt < 0 || (o->flags & OBJ_F_STATIC)) {
        fprintf(stderr, "memviz: refcount error: %s object uid %u refcnt %zd\n", o->type->name,
                o->uid, o->refcnt);
        abort();
    }
    if (vm->dealloc_depth >= 50 && o->type->gc) {
        if (vm->ntrash == vm->captrash) {
            vm->captrash = vm->captrash ? vm->captrash * 2 : 64;
            vm->trash = realloc(vm->trash, sizeof(Obj *) * vm->captrash);
            if (!vm->trash) abort();
        }
        vm->trash[vm->ntrash++] = o;
        return;
    }
    vm->dealloc_depth++;
    o->type->dealloc(vm, o);
    vm->dealloc_depth--;
    if (vm->dealloc_depth == 0) {
        while (vm->ntrash > 0) {
            Obj *t = vm->trash[--vm->ntrash];
            vm->dealloc_depth++;
            t->type->dealloc(vm, t);
            vm->dealloc_depth--;
        }
    }
}

size_t obj_sizeof(Vm *vm, Obj *o) {
    (void)vm;
    Type *t = o->type;
    size_t n = t->size_of ? t->size_of(o) : t->basicsize;
    return n + pre_header(t);
}

void obj_traverse(Obj *o, VisitFn visit, void *arg) {
    if (o->type->traverse) o->type->traverse(o, visit, arg);
}
