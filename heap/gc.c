/*
 * gc.c - CPython 3.11's generational cycle collector (Modules/gcmodule.c), simulated on the
 * simulated heap.
 *
 * Invariant: a tracked object is on exactly one generation list (gen[0..2] or permanent);
 * during a collection, objects of the generation being collected carry OBJ_F_COLLECTING and
 * their gc_refs, and tentatively unreachable ones OBJ_F_UNREACHABLE.
 *
 * gc_collect_main() below reads like CPython's: update_refs, subtract_refs,
 * move_unreachable, untrack_tuples, promotion, finalizers, resurrection check,
 * delete_garbage. Each phase emits an EV_GC event so the trace can show it.
 */
#include "heap/gc.h"

#include "heap/runtime.h"
#include "heap/types/types.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void gl_init(Obj *h) {
    h->gc_next = h->gc_prev = h;
}
static bool gl_empty(Obj *h) {
    return h->gc_next == h;
}

static void gl_append(Obj *o, Obj *h) {
    o->gc_prev = h->gc_prev;
    o->gc_next = h;
    h->gc_prev->gc_next = o;
    h->gc_prev = o;
}

static void gl_unlink(Obj *o) {
    o->gc_prev->gc_next = o->gc_next;
    o->gc_next->gc_prev = o->gc_prev;
}

static void gl_move(Obj *o, Obj *to) {
    gl_unlink(o);
    gl_append(o, to);
}

/* appends all of `from` after the objects of `to` (gc_list_merge) */
static void gl_merge(Obj *from, Obj *to) {
    if (gl_empty(from)) return;
    Obj *tail = to->gc_prev;
    tail->gc_next = from->gc_next;
    from->gc_next->gc_prev = tail;
    to->gc_prev = from->gc_prev;
    from->gc_prev->gc_next = to;
    gl_init(from);
}

static ssize_t gl_size(Obj *h) {
    ssize_t n = 0;
    for (Obj *o = h->gc_next; o != h; o = o->gc_next)
        n++;
    return n;
}

static void set_gen(Obj *h, int gen) {
    for (Obj *o = h->gc_next; o != h; o = o->gc_next)
        o->gen = (uint8_t)gen;
}

void gc_init(Vm *vm) {
    GcState *g = &vm->gc;
    static const int thresholds[GC_NGENS] = {700, 10, 10};
    for (int i = 0; i < GC_NGENS; i++) {
        gl_init(&g->gen[i].head);
        g->gen[i].threshold = thresholds[i];
        g->gen[i].count = 0;
    }
    gl_init(&g->permanent.head);
    g->enabled = 1;
}

void gc_track(Vm *vm, Obj *o) {
    if (o->gc_next) return;
    gl_append(o, &vm->gc.gen[0].head);
    o->gen = 0;
}

void gc_untrack(Vm *vm, Obj *o) {
    (void)vm;
    if (!o->gc_next) return;
    gl_unlink(o);
    o->gc_next = o->gc_prev = NULL;
    o->flags &= (uint16_t) ~(OBJ_F_COLLECTING | OBJ_F_UNREACHABLE);
}

static ssize_t collect_with_callback(Vm *vm, int gen);

/* mirrors gc_collect_generations() */
static void collect_generations(Vm *vm) {
    GcState *g = &vm->gc;
    for (int i = GC_NGENS - 1; i >= 0; i--) {
        if (g->gen[i].count > g->gen[i].threshold) {
            if (i == GC_NGENS - 1 && g->long_lived_pending < g->long_lived_total / 4) continue;
            collect_with_callback(vm, i);
            break;
        }
    }
}

void gc_on_alloc(Vm *vm) {
    GcState *g = &vm->gc;
    g->gen[0].count++;
    if (vm->stress_gc && g->enabled && !g->collecting && !vm->exc) {
        g->collecting = 1;
        collect_with_callback(vm, 0);
        g->collecting = 0;
        return;
    }
    if (g->gen[0].count > g->gen[0].threshold && g->enabled && g->gen[0].threshold &&
        !g->collecting && !vm->exc) {
        g->collecting = 1;
        collect_generations(vm);
        g->collecting = 0;
    }
}

void gc_on_free(Vm *vm) {
    if (vm->gc.gen[0].count > 0) vm->gc.gen[0].count--;
}

const char *const gc_phase_names[] = {
    "start",   "merge",    "update_refs", "subtract_refs", "move_unreachable",
    "promote", "weakrefs", "finalize",    "resurrect",     "delete",
    "done"};

/* --gc-log: one line per object of a list, as the phase left it */
static void log_list(Vm *vm, Obj *head, const char *what) {
    for (Obj *o = head->gc_next; o != head; o = o->gc_next)
        fprintf(stderr, "gc:   %-16s %s#%u refcount=%zd gc_refs=%zd%s\n", what, o->type->name,
                o->uid, o->refcnt, o->gc_refs, (o->flags & OBJ_F_COLLECTING) ? "" : " reachable");
    (void)vm;
}

#ifdef MEMVIZ_DEBUG
/* mirrors validate_list(): links consistent, every object alive, no stray flags */
static void validate_list(Obj *head, uint16_t must, uint16_t must_not) {
    Obj *prev = head;
    for (Obj *o = head->gc_next; o != head; o = o->gc_next) {
        if (o->gc_prev != prev || o->refcnt <= 0 || (o->flags & must) != must ||
            (o->flags & must_not)) {
            fprintf(stderr, "memviz: gc list corrupted at %s#%u (refcnt %zd, flags %x)\n",
                    o->type->name, o->uid, o->refcnt, o->flags);
            abort();
        }
        prev = o;
    }
    if (head->gc_prev != prev) {
        fprintf(stderr, "memviz: gc list tail corrupted\n");
        abort();
    }
}
#define VALIDATE(h, must, mustnot) validate_list((h), (must), (mustnot))
#else
#define VALIDATE(h, must, mustnot) ((void)0)
#endif

static void phase(Vm *vm, GcPhase p, int gen) {
    vm->gc.phase = p;
    vm->gc.phase_gen = gen;
    if (vm->gc_log) fprintf(stderr, "gc: phase %s (generation %d)\n", gc_phase_names[p], gen);
    vm_event(vm, EV_GC, NULL, p);
}

/* ---------------------------------------------------------------- deduce_unreachable */

static void update_refs(Obj *young) {
    for (Obj *o = young->gc_next; o != young; o = o->gc_next) {
        o->gc_refs = o->refcnt;
        o->flags |= OBJ_F_COLLECTING;
    }
}

static void visit_decref(Obj *child, const char *label, long index, void *arg) {
    (void)label;
    (void)index;
    (void)arg;
    if (child->gc_next && (child->flags & OBJ_F_COLLECTING)) child->gc_refs--;
}

static void subtract_refs(Obj *young) {
    for (Obj *o = young->gc_next; o != young; o = o->gc_next)
        obj_traverse(o, visit_decref, NULL);
}

static void visit_reachable(Obj *child, const char *label, long index, void *arg) {
    (void)label;
    (void)index;
    Obj *young = arg;
    if (!child->gc_next || !(child->flags & OBJ_F_COLLECTING)) return;
    if (child->flags & OBJ_F_UNREACHABLE) {
        /* had gc_refs == 0 when scanned, but is reachable after all: back to young's tail */
        gl_move(child, young);
        child->flags &= (uint16_t)~OBJ_F_UNREACHABLE;
        child->gc_refs = 1;
    } else if (child->gc_refs == 0) {
        child->gc_refs = 1;
    }
}

/* mirrors move_unreachable(): scans young in order; objects rescued later are re-appended */
static void move_unreachable(Obj *young, Obj *unreachable) {
    Obj *o = young->gc_next;
    while (o != young) {
        Obj *next;
        if (o->gc_refs > 0) {
            obj_traverse(o, visit_reachable, young);
            o->flags &= (uint16_t)~OBJ_F_COLLECTING;
            next = o->gc_next;
        } else {
            next = o->gc_next;
            gl_move(o, unreachable);
            o->flags |= OBJ_F_UNREACHABLE;
        }
        o = next;
    }
}

static void deduce_unreachable(Vm *vm, Obj *young, Obj *unreachable, int gen) {
    vm->gc.cur_young = young;
    vm->gc.cur_unreachable = unreachable;
    update_refs(young);
    phase(vm, GC_PHASE_UPDATE_REFS, gen);
    if (vm->gc_log) log_list(vm, young, "update_refs");
    subtract_refs(young);
    phase(vm, GC_PHASE_SUBTRACT_REFS, gen);
    if (vm->gc_log) log_list(vm, young, "subtract_refs");
    VALIDATE(young, OBJ_F_COLLECTING, OBJ_F_UNREACHABLE);
    move_unreachable(young, unreachable);
    for (Obj *o = unreachable->gc_next; o != unreachable; o = o->gc_next)
        o->flags &= (uint16_t)~OBJ_F_UNREACHABLE;
    phase(vm, GC_PHASE_MOVE_UNREACHABLE, gen);
    if (vm->gc_log) {
        log_list(vm, young, "reachable");
        log_list(vm, unreachable, "unreachable");
    }
    VALIDATE(young, 0, OBJ_F_COLLECTING | OBJ_F_UNREACHABLE);
    VALIDATE(unreachable, OBJ_F_COLLECTING, OBJ_F_UNREACHABLE);
}

static void untrack_tuples(Vm *vm, Obj *young) {
    Obj *o = young->gc_next;
    while (o != young) {
        Obj *next = o->gc_next;
        if (o->type == &TupleType) tuple_maybe_untrack(vm, o);
        o = next;
    }
}

static void untrack_dicts(Vm *vm, Obj *young) {
    Obj *o = young->gc_next;
    while (o != young) {
        Obj *next = o->gc_next;
        if (o->type == &DictType) dict_maybe_untrack(vm, o);
        o = next;
    }
}

extern void weakref_clear_all(Vm *vm, Obj *o);
extern int weakref_handle_unreachable(Vm *vm, Obj *unreachable, Obj *old);

/* mirrors finalize_garbage(): __del__ once per object (PEP 442) */
static void finalize_garbage(Vm *vm, Obj *unreachable) {
    Obj seen;
    gl_init(&seen);
    extern void vm_call_finalizer(Vm * vm, Obj * o);
    while (!gl_empty(unreachable)) {
        Obj *o = unreachable->gc_next;
        gl_move(o, &seen);
        if (o->type->has_finalizer && !(o->flags & OBJ_F_FINALIZED)) {
            o->flags |= OBJ_F_FINALIZED;
            if (vm->gc_log)
                fprintf(stderr, "gc:   %-16s %s#%u\n", "finalize", o->type->name, o->uid);
            INCREF(o);
            vm_call_finalizer(vm, o);
            DECREF(vm, o);
        }
    }
    gl_merge(&seen, unreachable);
}

static void clear_collecting(Obj *h) {
    for (Obj *o = h->gc_next; o != h; o = o->gc_next)
        o->flags &= (uint16_t) ~(OBJ_F_COLLECTING | OBJ_F_UNREACHABLE);
}

/* mirrors delete_garbage(): tp_clear each object, letting refcounting free the cycle */
static void delete_garbage(Vm *vm, Obj *collectable, Obj *old) {
    GcState *g = &vm->gc;
    while (!gl_empty(collectable)) {
        Obj *o = collectable->gc_next;
        if (g->debug & GC_DEBUG_SAVEALL) {
            if (!g->garbage) g->garbage = list_new(vm, 0);
            if (g->garbage) list_append(vm, g->garbage, o);
        } else if (o->type->clear) {
            if (vm->gc_log) fprintf(stderr, "gc:   %-16s %s#%u\n", "clear", o->type->name, o->uid);
            INCREF(o);
            o->type->clear(vm, o);
            if (vm->exc) vm_clear_exc(vm);
            DECREF(vm, o);
        }
        if (collectable->gc_next == o) { /* still alive: move on, it may die later */
            o->flags &= (uint16_t) ~(OBJ_F_COLLECTING | OBJ_F_UNREACHABLE);
            gl_move(o, old);
            o->gen = old->gen;
        }
    }
}

void gc_clear_freelists(Vm *vm) {
    while (vm->nlist_free > 0) {
        Obj *o = vm->list_free[--vm->nlist_free];
        vm->live_objects++;
        obj_free_mem(vm, o);
    }
    dict_clear_freelists(vm);
    while (vm->nfloat_free > 0) {
        Obj *o = vm->float_free[--vm->nfloat_free];
        vm->live_objects++;
        obj_free_mem(vm, o);
    }
    for (int n = 1; n <= 20; n++)
        while (vm->ntuple_free[n] > 0) {
            Obj *o = vm->tuple_free[n][--vm->ntuple_free[n]];
            vm->live_objects++;
            obj_free_mem(vm, o);
        }
}

/* This is the main function, as in CPython: read it to understand a collection. */
static ssize_t gc_collect_main(Vm *vm, int generation) {
    GcState *g = &vm->gc;
    Obj unreachable, final_unreachable;
    gl_init(&unreachable);
    gl_init(&final_unreachable);
    g->cur_young = &g->gen[generation].head;
    g->cur_unreachable = &unreachable;
    phase(vm, GC_PHASE_START, generation);
    if (vm->gc_log) fprintf(stderr, "gc: collecting generation %d...\n", generation);

    /* update collection and allocation counters */
    if (generation + 1 < GC_NGENS) g->gen[generation + 1].count += 1;
    for (int i = 0; i <= generation; i++)
        g->gen[i].count = 0;

    /* merge younger generations with the one we are currently collecting */
    for (int i = 0; i < generation; i++)
        gl_merge(&g->gen[i].head, &g->gen[generation].head);
    Obj *young = &g->gen[generation].head;
    Obj *old = generation < GC_NGENS - 1 ? &g->gen[generation + 1].head : young;
    young->gen = (uint8_t)generation;
    old->gen = (uint8_t)(generation < GC_NGENS - 1 ? generation + 1 : generation);
    set_gen(young, generation);
    phase(vm, GC_PHASE_MERGE, generation);

    /* objects in young reachable from outside it stay; the rest are tentatively unreachable */
    VALIDATE(young, 0, OBJ_F_COLLECTING | OBJ_F_UNREACHABLE);
    deduce_unreachable(vm, young, &unreachable, generation);
    untrack_tuples(vm, young);

    /* move reachable objects to the next generation */
    if (young != old) {
        if (generation == GC_NGENS - 2) g->long_lived_pending += gl_size(young);
        set_gen(young, old->gen);
        gl_merge(young, old);
    } else {
        /* full collection: dicts holding nothing trackable are untracked */
        untrack_dicts(vm, young);
        g->long_lived_pending = 0;
        /* CPython's interpreter start leaves ~11,000 tracked objects (modules, functions,
         * classes of the stdlib imported by site) in the oldest generation; the simulator
         * starts bare, so they are counted here, where they change when a full collection
         * runs (long_lived_pending >= long_lived_total / 4) */
        ssize_t extra = GC_STARTUP_TRACKED - vm->startup_tracked;
        g->long_lived_total = gl_size(young) + (extra > 0 ? extra : 0);
    }
    g->cur_young = old;
    phase(vm, GC_PHASE_PROMOTE, generation);

    /* weakrefs to unreachable objects are cleared; callbacks of reachable weakrefs run */
    g->cur_young = old;
    g->cur_unreachable = &unreachable;
    ssize_t m = weakref_handle_unreachable(vm, &unreachable, old);
    phase(vm, GC_PHASE_WEAKREFS, generation);

    /* call tp_finalize (__del__) on the unreachable objects */
    finalize_garbage(vm, &unreachable);
    phase(vm, GC_PHASE_FINALIZE, generation);

    /* a finalizer may have resurrected objects: find what is still unreachable */
    Obj resurrected_scan;
    gl_init(&resurrected_scan);
    gl_merge(&unreachable, &resurrected_scan);
    deduce_unreachable(vm, &resurrected_scan, &final_unreachable, generation);
    clear_collecting(&resurrected_scan);
    set_gen(&resurrected_scan, old->gen);
    gl_merge(&resurrected_scan, old);
    phase(vm, GC_PHASE_RESURRECT, generation);

    g->cur_young = old;
    g->cur_unreachable = &final_unreachable;
    m += gl_size(&final_unreachable);
    if (vm->gc_log) fprintf(stderr, "gc: done, %zd unreachable, 0 uncollectable\n", m);
    /* clear the garbage: refcounting frees the cycles */
    delete_garbage(vm, &final_unreachable, old);
    phase(vm, GC_PHASE_DELETE, generation);

    if (generation == GC_NGENS - 1) gc_clear_freelists(vm);
    for (int i = 0; i < GC_NGENS; i++)
        VALIDATE(&g->gen[i].head, 0, OBJ_F_COLLECTING | OBJ_F_UNREACHABLE);
    g->stat_collections[generation]++;
    g->stat_collected[generation] += m;
    g->cur_unreachable = NULL;
    phase(vm, GC_PHASE_DONE, generation);
    g->cur_young = NULL;
    return m;
}

static void invoke_callbacks(Vm *vm, const char *ph, int generation, ssize_t collected) {
    GcState *g = &vm->gc;
    if (!g->callbacks || LIST_LEN(g->callbacks) == 0) return;
    Obj *saved = vm_fetch_exc(vm);
    Obj *info = dict_new(vm);
    Obj *gv = int_from_i64(vm, generation), *cv = int_from_i64(vm, collected),
        *uv = int_from_i64(vm, 0);
    dict_set_cstr(vm, info, "generation", gv);
    dict_set_cstr(vm, info, "collected", cv);
    dict_set_cstr(vm, info, "uncollectable", uv);
    DECREF(vm, gv);
    DECREF(vm, cv);
    DECREF(vm, uv);
    Obj *phs = str_from_cstr(vm, ph);
    extern void vm_write_unraisable(Vm * vm, Obj * obj);
    /* invoke_gc_callback(): the list itself, in place */
    for (ssize_t i = 0; i < LIST_LEN(g->callbacks); i++) {
        Obj *cb = obj_newref(LIST_ITEM(g->callbacks, i));
        Obj *args[2] = {phs, info};
        Obj *r = obj_call(vm, cb, args, 2, NULL);
        if (!r) vm_write_unraisable(vm, cb);
        XDECREF(vm, r);
        DECREF(vm, cb);
    }
    DECREF(vm, phs);
    DECREF(vm, info);
    vm->exc = saved;
}

static ssize_t collect_with_callback(Vm *vm, int gen) {
    invoke_callbacks(vm, "start", gen, 0);
    ssize_t r = gc_collect_main(vm, gen);
    invoke_callbacks(vm, "stop", gen, r);
    return r;
}

ssize_t gc_collect(Vm *vm, int gen) {
    GcState *g = &vm->gc;
    if (g->collecting) return 0;
    g->collecting = 1;
    ssize_t r = collect_with_callback(vm, gen);
    g->collecting = 0;
    return r;
}
