/*
 * gc.h - CPython 3.11's generational cycle collector (Modules/gcmodule.c), simulated.
 *
 * Tracked objects sit on one of three generation lists (plus the permanent one used by
 * gc.freeze()), linked through Obj.gc_next / gc_prev. count[0] counts GC allocations minus
 * GC frees; a collection runs on the allocation that makes it exceed threshold[0].
 */
#ifndef MEMVIZ_GC_H
#define MEMVIZ_GC_H

#include "heap/object.h"

#define GC_NGENS 3

typedef enum {
    GC_PHASE_START,         /* a collection of generation a begins */
    GC_PHASE_MERGE,         /* younger generations merged */
    GC_PHASE_UPDATE_REFS,   /* gc_refs = refcount */
    GC_PHASE_SUBTRACT_REFS, /* internal references subtracted */
    GC_PHASE_MOVE_UNREACHABLE,
    GC_PHASE_PROMOTE, /* survivors moved to the next generation */
    GC_PHASE_WEAKREFS,
    GC_PHASE_FINALIZE, /* __del__ of unreachable objects */
    GC_PHASE_RESURRECT,
    GC_PHASE_DELETE, /* tp_clear on garbage */
    GC_PHASE_DONE,
} GcPhase;

typedef struct {
    Obj head; /* list sentinel */
    int threshold;
    int count;
} GcGen;

typedef struct GcState {
    GcGen gen[GC_NGENS];
    GcGen permanent;
    int enabled;
    int collecting;
    int debug;
    ssize_t long_lived_total;
    ssize_t long_lived_pending;
    ssize_t stat_collections[GC_NGENS], stat_collected[GC_NGENS], stat_uncollectable[GC_NGENS];
    Obj *garbage;   /* gc.garbage list */
    Obj *callbacks; /* gc.callbacks list */
    GcPhase phase;
    int phase_gen;
    /* the lists of the collection in progress (for the recorder's phase annotations) */
    Obj *cur_young, *cur_unreachable;
} GcState;

#define GC_DEBUG_SAVEALL 32
/* len(gc.get_objects()) after gc.collect() at the start of `python3 FILE.py` (3.11.7 here) */
#define GC_STARTUP_TRACKED 11092

void gc_init(Vm *vm);
/* Starts tracking o (in generation 0). */
void gc_track(Vm *vm, Obj *o);
void gc_untrack(Vm *vm, Obj *o);
static inline int gc_is_tracked(Obj *o) {
    return o->gc_next != NULL;
}
/* A GC object was allocated (count[0] += 1) - may run an automatic collection. */
void gc_on_alloc(Vm *vm);
/* A GC object was freed (count[0] -= 1 if > 0). */
void gc_on_free(Vm *vm);
/* Collects generation gen (0..2) with callbacks; returns the number of unreachable objects
 * found (collected + uncollectable), or -1 on error (exc set). */
ssize_t gc_collect(Vm *vm, int gen);
/* Free lists cleared by full collections. */
void gc_clear_freelists(Vm *vm);

#endif
