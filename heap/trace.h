/*
 * trace.h - the recorder: turns one run into steps that can be replayed in any order.
 *
 * A step is what one press of "next" shows: a line step when execution reaches a new line,
 * a call / return / exception step, one sub-step per collector phase, and a final step
 * ("end", "error" or "stopped"). While the program runs, the recorder keeps the *current*
 * visible state (objects, frames, gc state) and appends to an append-only log only what
 * each step changed: objects allocated / freed, refcounts, contents (shallow repr, size,
 * generation, outgoing references), frames pushed / popped, variables bound, stdout, gc
 * phase annotations. Every so many events it stores a checkpoint of the whole visible
 * state, so the state at any step is a checkpoint plus a bounded replay: memory stays
 * proportional to the events, not to steps x heap.
 *
 * Objects are observed, never disturbed: the recorder reads refcounts and traverses
 * references, and never calls Python code (reprs are built in C, shallow).
 *
 * Plain C structs only: no JSON here (json.c renders TraceSnapshot / TraceDiff).
 */
#ifndef MEMVIZ_TRACE_H
#define MEMVIZ_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TRACE_FORMAT_VERSION 1
#define TRACE_MAX_EDGES 64 /* outgoing references kept per object (large containers summarized) */

typedef struct Trace Trace;

typedef enum {
    STEP_LINE,
    STEP_CALL,
    STEP_RETURN,
    STEP_EXCEPTION,
    STEP_GC,
    STEP_END,     /* the program finished */
    STEP_ERROR,   /* it ended with an uncaught exception (or a syntax error: step 0) */
    STEP_STOPPED, /* a limit stopped it */
} StepKind;

extern const char *const trace_step_kind_names[];
extern const char *const trace_gc_phase_names[]; /* indexed by GcPhase (gc.h) */

/* One entry of the step index. */
typedef struct {
    uint8_t kind;    /* StepKind */
    int8_t gc_phase; /* GcPhase for STEP_GC, else -1 */
    int8_t gc_gen;   /* generation being collected, else -1 */
    uint8_t depth;   /* frame depth (capped at 255) */
    uint32_t line;
    uint32_t nevents; /* events recorded in this step */
    uint64_t log_off; /* where its events start in the log */
    uint32_t objects; /* live visible objects after the step */
    uint32_t stdout_len;
    uint64_t bytes;  /* simulated bytes in use (pymalloc blocks + malloc) */
    uint32_t blocks; /* pymalloc blocks in use */
    uint32_t pools;  /* pools in use */
    uint32_t arenas; /* arenas allocated */
} TraceStep;

/* ---- snapshots: the visible state at one step ---- */

typedef struct {
    const char *label; /* "[0]", ".next", "['key']", "key", "__class__" ... */
    uint32_t ref;      /* object uid */
    bool weak;         /* a weak reference (drawn dashed) */
} TraceEdge;

typedef enum {
    GCMARK_NONE,
    GCMARK_REACHABLE,
    GCMARK_UNREACHABLE,
    GCMARK_FINALIZED,
    GCMARK_GARBAGE
} GcMark;

typedef struct {
    uint32_t id; /* uid */
    const char *type;
    const char *repr; /* shallow, at most ~60 characters */
    int64_t refcount;
    uint32_t size;     /* sys.getsizeof */
    uint64_t address;  /* id() */
    int8_t generation; /* 0..2, 3 = permanent, -1 untracked */
    bool is_static;    /* shared static object (small int, None, ...) */
    bool reachable;    /* reachable from a frame or module (false: garbage kept alive by a cycle) */
    uint32_t len;      /* number of items for containers (may exceed nedges) */
    TraceEdge *edges;
    uint32_t nedges;
    /* collector annotations while a collection runs (STEP_GC) */
    int64_t gc_refs; /* -1 when not part of the collection */
    uint8_t gc_mark; /* GcMark */
} TraceObject;

typedef struct {
    const char *name; /* variable name */
    uint32_t ref;     /* object uid (0: unbound) */
} TraceVar;

typedef struct {
    uint32_t id;      /* frame uid */
    const char *name; /* function name, "<module>" */
    uint32_t line;
    TraceVar *locals;
    uint32_t nlocals;
    uint32_t *stack; /* value-stack temporaries (uids, 0 = NULL slot) */
    uint32_t nstack;
} TraceFrame;

typedef struct {
    const char *op; /* "alloc", "free", "refcount", "bind", "unbind", "content", "stdout", "gc" */
    uint32_t id;    /* object uid (or frame uid for bind/unbind) */
    int64_t old_value; /* refcount before (refcount events) */
    int64_t new_value; /* refcount after */
    const char *by;    /* the cause: "name b", "[0] of list #3", "stack", "gc" ... (may be NULL) */
} TraceEvent;

typedef struct {
    int step;
    int kind; /* StepKind */
    uint32_t line;
    int gc_phase; /* -1 if none */
    int gc_generation;
    TraceFrame *frames;
    uint32_t nframes;
    TraceObject *objects; /* sorted by id */
    uint32_t nobjects;
    TraceEvent *events;
    uint32_t nevents;
    int gc_count[3];
    int gc_threshold[3];
    bool gc_enabled;
    uint32_t mem_objects;
    uint64_t mem_bytes;
    uint32_t mem_blocks, mem_pools, mem_arenas;
    const char *stdout_text; /* stdout so far */
    size_t stdout_len;
    const char *error; /* final step: traceback text; stopped: the reason */
} TraceSnapshot;

/* What changed from step a to step b. */
typedef struct {
    int from, to;
    TraceObject *added; /* objects present in b, not in a */
    uint32_t nadded;
    uint32_t *removed; /* uids present in a, not in b */
    uint32_t nremoved;
    TraceObject *changed; /* present in both, different (their state in b) */
    uint32_t nchanged;
    TraceFrame *frames; /* b's frames when any frame changed, else NULL */
    uint32_t nframes;
    bool frames_changed;
    TraceSnapshot *to_snap; /* b's header fields (kind, line, gc, memory, stdout, events) */
} TraceDiff;

/* ---- recording ---- */

typedef struct {
    uint64_t max_steps;      /* 0: no cap (default 1,000,000) */
    uint64_t max_run_steps;  /* the VM's own line-step cap (0: none) */
    size_t max_heap;         /* simulated heap cap in bytes (0: the VM default) */
    volatile int *interrupt; /* set by another thread to stop the run */
} TraceOptions;

/* Runs `src` as __main__ and records it. Always returns a trace (NULL only when out of
 * memory): a syntax error gives a one-step trace whose step is STEP_ERROR. */
Trace *trace_record(const char *filename, const char *src, size_t len, const TraceOptions *opt);
void trace_free(Trace *t);

size_t trace_nsteps(const Trace *t);
const TraceStep *trace_step(const Trace *t, size_t i);
const char *trace_stdout(const Trace *t, size_t *len);
const char *trace_error(const Trace *t); /* traceback / syntax error / stop reason, or NULL */
int trace_exit_status(const Trace *t);   /* as `memviz run`: 0, 1 (error), 3 (stopped) */
const char *trace_source(const Trace *t);
size_t trace_bytes(const Trace *t); /* memory held by the trace */
uint64_t trace_nevents(const Trace *t);

/* The visible state at step n (0 <= n < nsteps). NULL if n is out of range. Free with
 * trace_snapshot_free. Thread-safe with other readers of the same trace. */
TraceSnapshot *trace_snapshot(const Trace *t, size_t n);
void trace_snapshot_free(TraceSnapshot *s);

/* diff(a, b): applying it to snapshot(a) gives snapshot(b). */
TraceDiff *trace_diff(const Trace *t, size_t a, size_t b);
void trace_diff_free(TraceDiff *d);

/* The retainer path of object `id` at step n: uids from a root (frame variable or module)
 * down to the object, with *root_name the variable that starts it. Returns the number of
 * uids written to path (0: unreachable or unknown). */
size_t trace_retainers(const Trace *t, size_t n, uint32_t id, uint32_t *path, const char **labels,
                       size_t max, char *root_name, size_t root_cap);

#endif
