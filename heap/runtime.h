/*
 * runtime.h - one simulated interpreter run: the Vm.
 *
 * There is no global interpreter state: everything a run owns (its heap, allocator model,
 * collector state, statics, modules, frames, the pending exception, output) hangs off one
 * Vm, and every function takes it. The server can therefore hold many runs at once and every
 * test starts from a fresh Vm.
 *
 * Errors: a failing operation sets vm->exc (a NEW reference to an exception instance) and
 * returns NULL / -1. Only the outermost driver (vm_run_main) turns it into a traceback.
 */
#ifndef MEMVIZ_RUNTIME_H
#define MEMVIZ_RUNTIME_H

#include "heap/alloc.h"
#include "heap/gc.h"
#include "heap/object.h"

#include <stdarg.h>
#include <stdio.h>

struct Code;
struct Frame;

/* The events a tracer can observe. The runtime calls vm->hook (if set) with them; the trace
 * recorder (trace.c) groups them into steps. */
typedef enum {
    EV_LINE,      /* a frame reached a new line: a = line */
    EV_CALL,      /* a frame was pushed */
    EV_RETURN,    /* a frame returned */
    EV_EXCEPTION, /* an exception was raised in a frame */
    EV_ALLOC,     /* an object was allocated: o */
    EV_FREE,      /* an object is being freed: o */
    EV_STDOUT,    /* text written to stdout: s, n */
    EV_GC,        /* a collector phase: a = GcPhase */
} EventKind;

typedef struct {
    EventKind kind;
    Obj *o;
    struct Frame *frame;
    long a;
    const char *s;
    size_t n;
} Event;

typedef void (*EventHook)(Vm *vm, const Event *ev, void *ctx);

/* The builtin exception types, in one table (defined in types/exc.c). */
#define EXC_TYPES(X)                                                                               \
    X(BaseException, NULL)                                                                         \
    X(Exception, BaseException)                                                                    \
    X(SystemExit, BaseException)                                                                   \
    X(KeyboardInterrupt, BaseException)                                                            \
    X(GeneratorExit, BaseException)                                                                \
    X(StopIteration, Exception)                                                                    \
    X(ArithmeticError, Exception)                                                                  \
    X(ZeroDivisionError, ArithmeticError)                                                          \
    X(OverflowError, ArithmeticError)                                                              \
    X(AssertionError, Exception)                                                                   \
    X(AttributeError, Exception)                                                                   \
    X(LookupError, Exception)                                                                      \
    X(IndexError, LookupError)                                                                     \
    X(KeyError, LookupError)                                                                       \
    X(NameError, Exception)                                                                        \
    X(UnboundLocalError, NameError)                                                                \
    X(TypeError, Exception)                                                                        \
    X(ValueError, Exception)                                                                       \
    X(UnicodeError, ValueError)                                                                    \
    X(UnicodeEncodeError, UnicodeError)                                                            \
    X(UnicodeDecodeError, UnicodeError)                                                            \
    X(RuntimeError, Exception)                                                                     \
    X(SystemError, Exception)                                                                      \
    X(RecursionError, RuntimeError)                                                                \
    X(NotImplementedError, RuntimeError)                                                           \
    X(MemoryError, Exception)                                                                      \
    X(ImportError, Exception)                                                                      \
    X(ModuleNotFoundError, ImportError)                                                            \
    X(SyntaxError, Exception)                                                                      \
    X(IndentationError, SyntaxError)                                                               \
    X(OSError, Exception)                                                                          \
    X(EOFError, Exception)                                                                         \
    X(BufferError, Exception)                                                                      \
    X(ReferenceError, Exception)                                                                   \
    X(Warning, Exception)                                                                          \
    X(UserWarning, Warning)                                                                        \
    X(DeprecationWarning, Warning)                                                                 \
    X(RuntimeWarning, Warning)

#define X(name, base) extern Type Exc_##name;
EXC_TYPES(X)
#undef X

/* Limits of a run. */
typedef struct {
    uint64_t max_steps;    /* line events before the run stops (0 = no cap) */
    size_t max_heap;       /* simulated bytes before MemoryError */
    size_t max_str;        /* longest str/bytes */
    ssize_t max_container; /* longest list/tuple/dict/set */
} Limits;

struct Vm {
    Alloc alloc; /* pymalloc model: addresses, pools, arenas */
    GcState gc;  /* generations, counts, thresholds */
    uint32_t next_uid;
    size_t live_objects;

    /* per-run statics */
    Obj *none, *true_, *false_, *notimpl, *ellipsis;
    Obj *small_ints[262]; /* -5 .. 256 */
    Obj *empty_str, *empty_tuple, *empty_bytes;
    Obj *latin1[256]; /* 1-char strings */
    Obj *interned;    /* Dict of interned strings (refs not counted, as 3.11) */
    Obj *builtins;    /* Dict */
    Obj *modules;     /* Dict: name -> module */
    Obj *main_module;
    Obj *consts_arena; /* List holding __main__'s parser constants (+1 each) */

    /* free lists (simulated addresses + reusable objects) */
    Obj *list_free[80];
    int nlist_free;
    Obj *dict_free[80];
    int ndict_free;
    uint64_t keys_free[80];
    int nkeys_free;
    Obj *float_free[100];
    int nfloat_free;
    Obj **tuple_free[21];
    int ntuple_free[21];

    /* execution */
    struct Frame *frame; /* innermost frame */
    int depth;
    int recursion_limit;
    Obj *exc;       /* pending exception (NEW ref) or NULL */
    Obj *exc_info;  /* exception being handled (sys.exc_info) or NULL */
    uint64_t steps; /* line events so far */
    Limits limits;
    bool stopped; /* the step cap or an external stop ended the run */
    const char *stop_reason;
    volatile int *interrupt; /* set by another thread to stop the run (server timeout) */

    /* output */
    void (*write_out)(void *ctx, const char *s, size_t n);
    void *write_ctx;
    void (*write_err)(void *ctx, const char *s, size_t n); /* "Exception ignored" reports */
    void *err_ctx;
    const char *filename; /* the main script's name as given */
    const char *source;   /* main source (for tracebacks) */
    size_t source_len;

    /* method descriptors of builtin types, created on first use (MethodDef* -> Builtin) */
    const MethodDef **descr_keys;
    Obj **descr_vals;
    size_t descr_cap, descr_n;

    /* containers being repr()'d (Py_ReprEnter's list) */
    Obj *repr_stack[256];
    int nrepr;
    Obj *repr_state;     /* the thread state dict Py_ReprEnter creates (kept alive) */
    int startup_tracked; /* tracked objects when __main__ starts (gc's long_lived_total) */

    /* tracing */
    EventHook hook;
    void *hook_ctx;
    bool gc_log;   /* print collector phases to stderr (--gc-log) */
    int stress_gc; /* collect on every GC allocation (debug) */
    bool time_gc;
    int lib_depth;
    struct MemProbe *probe; /* memory_profiler sampling / line profiling, or NULL */
    int nframes;            /* Python frames in the chain (depth also counts C recursion) */
    int dealloc_depth;      /* nested deallocations (the trashcan defers beyond 50) */
    Obj **trash;            /* deallocations deferred by the trashcan */
    size_t ntrash, captrash;
    /* > 0 while a builtin module is being created */ /* report the wall time of explicit
                                                         gc.collect() (benchmarks) */
};

/* Lifecycle. */
Vm *vm_new(void);
void vm_free(Vm *vm);

/* Exceptions: set vm->exc. All return NULL so `return vm_raise(...)` works. */
Obj *vm_raise(Vm *vm, Type *type, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
Obj *vm_raise_obj(Vm *vm, Type *type, Obj *arg); /* arg BORROWED */
Obj *vm_raise_exc(Vm *vm, Obj *exc);             /* exc: instance or class, BORROWED */
Obj *vm_nomem(Vm *vm);
bool vm_exc_matches(Vm *vm, Type *type); /* vm->exc is an instance of type */
void vm_clear_exc(Vm *vm);
Obj *vm_fetch_exc(Vm *vm); /* NEW ref, clears vm->exc */

/* Py_EnterRecursiveCall: C recursion (repr, comparison, hashing) counts against the recursion
 * limit together with Python frames. Returns -1 with RecursionError set when it is exceeded. */
int vm_enter_recursive(Vm *vm, const char *where);
static inline void vm_leave_recursive(Vm *vm) {
    vm->depth--;
}

/* Py_ReprEnter / Py_ReprLeave: 1 if o is already being repr()'d. */
int vm_repr_enter(Vm *vm, Obj *o);
void vm_repr_leave(Vm *vm, Obj *o);

/* Output: writes to the program's stdout. */
void vm_write(Vm *vm, const char *s, size_t n);

/* Emits an event to the hook if one is set. */
static inline void vm_event(Vm *vm, EventKind kind, Obj *o, long a) {
    if (vm->hook) {
        Event ev = {kind, o, vm->frame, a, NULL, 0};
        vm->hook(vm, &ev, vm->hook_ctx);
    }
}

/* Builtins namespace and modules (lib/). */
void builtins_init(Vm *vm);
Obj *sys_module_new(Vm *vm);
Obj *gc_module_new(Vm *vm);
/* Imports a simulated module by name. NEW reference or NULL (ModuleNotFoundError set). */
Obj *vm_import(Vm *vm, Obj *name);

/* Runs a whole program as __main__. Returns 0 on success, 1 on an uncaught exception (the
 * traceback is written through `err`), 2 on a syntax error in the source. */
typedef struct {
    void (*write)(void *ctx, const char *s, size_t n);
    void *ctx;
} Writer;
int vm_run_main(Vm *vm, const char *filename, const char *src, size_t len, Writer err);

/* Formats the traceback of exc (and its chain) like CPython 3.11. */
void vm_format_exception(Vm *vm, Obj *exc, Writer w);

#endif
