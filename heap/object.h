/*
 * object.h - the simulated CPython 3.11 object model.
 *
 * Every Python value is an Obj*: a header (refcount, type, simulated address, per-run id,
 * flags, GC links) followed by the type's fields. The header mirrors PyObject + PyGC_Head:
 * `refcnt` is ob_refcnt and changes exactly when CPython 3.11 would INCREF/DECREF, so
 * sys.getrefcount() can simply read it. `addr` is the address CPython's pymalloc would have
 * handed out (alloc.c models it), and is what id() returns. `uid` is a small per-run number,
 * never reused, that the trace and the page key objects on.
 *
 * Ownership rule (as CPython's docs): each function that returns an Obj* says whether the
 * reference is NEW (the caller owns it and must DECREF it) or BORROWED. A NULL return means
 * an exception has been set in the Vm (vm->exc), unless the comment says otherwise.
 *
 * Invariants:
 *  - refcnt never goes below zero; DECREF to zero dispatches the type's dealloc at once.
 *  - Shared static objects (small ints, None, True, False, '', (), 1-char latin-1 strings,
 *    interned constants are NOT static) carry OBJ_F_STATIC and are never deallocated.
 *  - An object whose type is a GC type is linked into exactly one generation list while it is
 *    tracked (gc_next != NULL), and into none while untracked.
 */
#ifndef MEMVIZ_OBJECT_H
#define MEMVIZ_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct Vm Vm;
typedef struct Obj Obj;
typedef struct Type Type;

/* Type kinds: a fast switch key. User classes are OBJ_INSTANCE (or OBJ_EXC when they derive
 * from BaseException). */
typedef enum {
    OBJ_NONE,
    OBJ_BOOL,
    OBJ_INT,
    OBJ_FLOAT,
    OBJ_STR,
    OBJ_BYTES,
    OBJ_TUPLE,
    OBJ_LIST,
    OBJ_DICT,
    OBJ_SET,
    OBJ_FROZENSET,
    OBJ_RANGE,
    OBJ_SLICE,
    OBJ_FUNCTION,
    OBJ_CODE,
    OBJ_CELL,
    OBJ_METHOD,
    OBJ_BUILTIN,
    OBJ_TYPE,
    OBJ_INSTANCE,
    OBJ_EXC,
    OBJ_MODULE,
    OBJ_ITER,
    OBJ_GENERATOR,
    OBJ_NOTIMPL,
    OBJ_ELLIPSIS,
    OBJ_PROPERTY,
    OBJ_STATICMETHOD,
    OBJ_CLASSMETHOD,
    OBJ_SUPER,
    OBJ_WEAKREF,
    OBJ_DICTVIEW,
    OBJ_OBJECT,
    OBJ_OTHER,
    OBJ__COUNT
} ObjKind;

enum {
    OBJ_F_STATIC = 1 << 0,      /* shared static object: never freed */
    OBJ_F_FINALIZED = 1 << 1,   /* __del__ already ran (PEP 442) */
    OBJ_F_INTERNED = 1 << 2,    /* interned str */
    OBJ_F_COLLECTING = 1 << 3,  /* gc: in the generation being collected */
    OBJ_F_UNREACHABLE = 1 << 4, /* gc: tentatively unreachable */
    OBJ_F_CONST = 1 << 5,       /* created by the parser of __main__ (arena ref) */
    OBJ_F_HIDDEN = 1 << 6,      /* modelled but not a CPython object of its own */
    OBJ_F_WATCH = 1 << 7,       /* the recorder wants to hear of the next refcount change */
    OBJ_F_LIBRARY = 1 << 8,     /* made while creating a builtin module (not the program's own) */
};

struct Obj {
    ssize_t refcnt;
    Type *type;
    uint64_t addr; /* simulated id() */
    uint32_t uid;  /* per-run id, never reused */
    uint16_t flags;
    uint8_t gen; /* generation while tracked (0..2, 3 = permanent) */
    uint8_t spare;
    uint32_t alloc_size;    /* bytes requested from the allocator model (GC header included) */
    uint32_t trace_slot;    /* recorder: 1 + index in its dirty list, 0 if not dirty */
    Obj *gc_next, *gc_prev; /* generation list links; gc_next == NULL: untracked */
    ssize_t gc_refs;
};

/* ---------------------------------------------------------------------------------------- */
/* Reference counting. Every change goes through these, so a tracer can hook them. */

void obj_dealloc(Vm *vm, Obj *o);
/* The recorder (trace.c) notes an object whose refcount changed while it is watched. */
void trace_touch(Obj *o);

/* Watched objects (OBJ_F_WATCH, only while a trace is recorded) report their first change in
 * a step; the test costs one flag check on a cache line the refcount already loaded. */
#define INCREF(o)                                                                                  \
    do {                                                                                           \
        Obj *ir_ = (Obj *)(o);                                                                     \
        ir_->refcnt++;                                                                             \
        if (ir_->flags & OBJ_F_WATCH) trace_touch(ir_);                                            \
    } while (0)
#define XINCREF(o)                                                                                 \
    do {                                                                                           \
        Obj *xi_ = (Obj *)(o);                                                                     \
        if (xi_) INCREF(xi_);                                                                      \
    } while (0)
#define DECREF(vm, o)                                                                              \
    do {                                                                                           \
        Obj *dr_ = (Obj *)(o);                                                                     \
        if (dr_->flags & OBJ_F_WATCH) trace_touch(dr_);                                            \
        if (--dr_->refcnt == 0) obj_dealloc((vm), dr_);                                            \
    } while (0)
#define XDECREF(vm, o)                                                                             \
    do {                                                                                           \
        Obj *xd_ = (Obj *)(o);                                                                     \
        if (xd_) DECREF((vm), xd_);                                                                \
    } while (0)
#define CLEAR(vm, field)                                                                           \
    do {                                                                                           \
        Obj *cl_ = (Obj *)(field);                                                                 \
        if (cl_) {                                                                                 \
            (field) = NULL;                                                                        \
            DECREF((vm), cl_);                                                                     \
        }                                                                                          \
    } while (0)
#define SETREF(vm, field, value)                                                                   \
    do {                                                                                           \
        Obj *sr_ = (Obj *)(field);                                                                 \
        (field) = (value);                                                                         \
        XDECREF((vm), sr_);                                                                        \
    } while (0)

static inline Obj *obj_newref(Obj *o) {
    INCREF(o);
    return o;
}

/* ---------------------------------------------------------------------------------------- */
/* Types. */

typedef void (*VisitFn)(Obj *child, const char *label, long index, void *arg);
typedef Obj *(*CFunc)(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kwnames);

/* A builtin method or function: name, C implementation. `self` is the bound object (or the
 * module for module functions). kwnames is a tuple of keyword names for the last
 * len(kwnames) args, or NULL. Returns a NEW reference. */
typedef struct {
    const char *name;
    CFunc fn;
} MethodDef;

struct Type {
    Obj ob;
    const char *name; /* tp_name ("list", or the class name for user classes) */
    ObjKind kind;
    bool gc;            /* a GC type: has a PyGC_Head (16 bytes) before the object */
    bool heap;          /* a class defined by the program */
    bool managed_dict;  /* plain class instance: 16-byte pre-header, inline values */
    bool has_finalizer; /* defines __del__ */
    bool is_exc;        /* subclass of BaseException */
    size_t basicsize;   /* CPython tp_basicsize (without GC/pre-header) */
    size_t itemsize;
    /* slots */
    void (*traverse)(Obj *o, VisitFn visit, void *arg);
    void (*clear)(Vm *vm, Obj *o);
    void (*dealloc)(Vm *vm, Obj *o);
    Obj *(*repr)(Vm *vm, Obj *o); /* NEW str */
    size_t (*size_of)(Obj *o);    /* __sizeof__ (without GC header) */
    const MethodDef *methods;     /* NULL-terminated */
    Obj *(*new_)(Vm *vm, Type *t, Obj **args, int nargs, Obj *kwnames); /* type call */
    /* hierarchy and attributes */
    Type *base;
    Obj *dict;       /* Dict*: class namespace (heap types) / method cache (builtins) */
    Obj *mro;        /* Tuple* of types */
    Obj *name_obj;   /* Str* (heap types) */
    Obj *qualname;   /* Str* (heap types) */
    Obj *bases;      /* Tuple* */
    Obj *subclasses; /* NULL */
    /* heap type instance layout */
    int nslots;      /* __slots__ count (own + inherited); -1: no __slots__ (has dict) */
    Obj *slot_names; /* Tuple* of Str */
    struct SharedKeys *cached_keys; /* split-dict shared keys for instances (managed dict) */
    bool weaklist;                  /* instances support weakrefs */
    Obj *weakrefs;                  /* weakrefs to this class (heap types) */
};

/* ---------------------------------------------------------------------------------------- */
/* Concrete object layouts. */

typedef struct {
    Obj ob;
    int64_t v;   /* value when !big */
    int32_t big; /* 0: small (v); else number of 30-bit digits in `d` (sign in `neg`) */
    int32_t neg;
    uint32_t *d; /* little-endian 30-bit digits of |value| when big */
} Int;

typedef struct {
    Obj ob;
    double v;
} Float;

typedef struct {
    Obj ob;
    size_t len;    /* code points */
    size_t nbytes; /* UTF-8 bytes */
    int64_t hash;  /* -1: not computed */
    uint8_t kind;  /* 1 (latin-1 / ASCII), 2 or 4 bytes per char, as CPython's PEP 393 */
    uint8_t ascii;
    char *s;    /* UTF-8, NUL-terminated (may contain NULs) */
    char inl[]; /* s points here */
} Str;

typedef struct {
    Obj ob;
    size_t len;
    int64_t hash;
    unsigned char *s;
    unsigned char inl[];
} Bytes;

typedef struct {
    Obj ob;
    ssize_t len;
    int64_t hash;
    Obj *items[];
} Tuple;

typedef struct {
    Obj ob;
    ssize_t len;
    ssize_t cap; /* CPython's `allocated` */
    Obj **items;
    uint64_t items_addr; /* alloc model address of the item array */
} List;

/* A dict, laid out as CPython's compact dict: an index table of 2^log2 slots and an entry
 * array of `usable` entries filled in insertion order (deleted entries keep their place with
 * key == NULL). */
typedef struct {
    int64_t hash;
    Obj *key;
    Obj *value;
} DictEntry;

typedef struct {
    Obj ob;
    ssize_t used;     /* live entries */
    ssize_t nentries; /* entries filled (live + deleted) */
    ssize_t usable;   /* entries left before a resize */
    uint8_t log2;     /* index table size = 1 << log2; 0 = the shared empty keys */
    uint8_t unicode;  /* every key is a str (DICT_KEYS_UNICODE) */
    int32_t *index;   /* -1 empty, -2 dummy, else entry number */
    DictEntry *entries;
    uint64_t version;   /* bumped on every mutation (iteration checks) */
    Type *split_cls;    /* non-NULL while this is a split instance __dict__ */
    uint64_t keys_addr; /* alloc model address of the keys object */
} Dict;

typedef struct {
    int64_t hash;
    Obj *key; /* NULL: empty; &set_dummy: deleted */
} SetEntry;

typedef struct {
    Obj ob;
    ssize_t fill; /* active + dummy */
    ssize_t used; /* active */
    ssize_t mask; /* table size - 1 */
    SetEntry *table;
    SetEntry small[8];
    int64_t hash; /* frozenset */
    ssize_t finger;
    uint64_t table_addr;
} Set;

typedef struct {
    Obj ob;
    Obj *start, *stop, *step; /* Int* */
    Obj *length;
} Range;

typedef struct {
    Obj ob;
    Obj *start, *stop, *step;
} Slice;

typedef struct {
    Obj ob;
    Obj *ref;
} Cell;

struct Code;
typedef struct {
    Obj ob;
    struct Code *code;
    Obj *globals;    /* Dict */
    Obj *builtins;   /* Dict */
    Obj *name;       /* Str */
    Obj *qualname;   /* Str */
    Obj *defaults;   /* Tuple or NULL */
    Obj *kwdefaults; /* Dict or NULL */
    Obj *closure;    /* Tuple of cells or NULL */
    Obj *dict;       /* function __dict__ or NULL */
    Obj *module;     /* __module__ str */
    Obj *doc;
    Obj *weaklist;
} Function;

typedef struct {
    Obj ob;
    Obj *func;
    Obj *self;
} Method;

typedef struct {
    Obj ob;
    const MethodDef *def;
    Obj *self; /* bound object or module; may be NULL */
    Obj *module;
} Builtin;

/* Instance of a user class. Attribute storage models 3.11's managed dict: until __dict__ is
 * asked for, attributes live in `values` (indexed like the class's shared keys) and no dict
 * object exists; then `dict` takes over. __slots__ classes use `slots` instead. */
typedef struct {
    Obj ob;
    Obj **values;  /* inline values (NULL entry: attribute absent) */
    int nvalues;   /* capacity of values */
    Obj *dict;     /* materialized __dict__ (Dict) or NULL */
    Obj *weaklist; /* first weakref to this object, or NULL */
    Obj **slots;   /* __slots__ storage, nslots entries */
    /* exception fields (kind == OBJ_EXC) */
    Obj *args;      /* Tuple */
    Obj *traceback; /* Traceback chain (OBJ_OTHER) or NULL */
    Obj *context;
    Obj *cause;
    bool suppress_context;
    Obj *notes;
    Obj *exc_name;  /* NameError / AttributeError: the missing name (suggestions) */
    Obj *exc_obj;   /* AttributeError: the object */
    uint8_t *order; /* insertion order of inline values (shared-key indices) */
    int norder;
    uint64_t values_addr; /* alloc model block of the values array */
} Instance;

typedef struct {
    Obj ob;
    Obj *name; /* Str */
    Obj *dict; /* Dict */
} Module;

/* A traceback entry: one frame's line at the time the exception passed through. */
typedef struct {
    Obj ob;
    Obj *next;
    Obj *code; /* Code of the frame */
    int line;
    Obj **locals; /* the frame's locals, kept alive by the traceback (tb_frame) */
    int nlocals;
} Traceback;

/* Generic iterator object (list_iterator, tuple_iterator, str_ascii_iterator, range_iterator,
 * dict_keyiterator, set_iterator, enumerate, zip, reversed, map, filter ...).
 * `seq` is the iterated object, `index` the position, `aux` extra state. */
typedef struct {
    Obj ob;
    Obj *seq;
    ssize_t index;
    ssize_t len; /* remaining length hint / dict size guard */
    Obj *aux;    /* zip: tuple of iterators; enumerate: counter; map: function */
    Obj *aux2;
    int64_t cur, stop, step; /* range iterator */
    int sub;                 /* dict iter: 0 keys 1 values 2 items; reversed flag etc. */
    uint64_t version;
} Iter;

/* Property / staticmethod / classmethod: a wrapped callable. */
typedef struct {
    Obj ob;
    Obj *fget, *fset, *fdel, *doc;
} Property;

typedef struct {
    Obj ob;
    Type *type; /* the class super() was called in */
    Obj *obj;   /* the instance (or class) */
    Type *obj_type;
} Super;

typedef struct {
    Obj ob;
    Obj *referent; /* borrowed: NULL when dead */
    Obj *callback;
    int64_t hash;
    Obj *wr_next, *wr_prev; /* list of weakrefs to the same referent */
    int proxy;
} WeakRef;

typedef struct {
    Obj ob;
    Obj *dict;
    int sub; /* 0 keys 1 values 2 items */
} DictView;

/* ---------------------------------------------------------------------------------------- */
/* The builtin types (static objects, defined in their modules). */

extern Type NoneType, BoolType, IntType, FloatType, StrType, BytesType, TupleType, ListType,
    DictType, SetType, FrozenSetType, RangeType, SliceType, FunctionType, CodeType, CellType,
    MethodType, BuiltinType, TypeType, ObjectType, ModuleType, NotImplementedType, EllipsisType,
    TracebackType, PropertyType, StaticMethodType, ClassMethodType, SuperType, WeakRefType,
    WeakProxyType, GeneratorType, DictKeysType, DictValuesType, DictItemsType;

/* The shared static values are per run (a Vm each), so concurrent runs never share a
 * refcount: Py_None etc. need a `vm` in scope. */
#define Py_None (vm->none)
#define Py_True (vm->true_)
#define Py_False (vm->false_)
#define Py_NotImplemented (vm->notimpl)
#define Py_Ellipsis (vm->ellipsis)
#define bool_from(b) (obj_newref((b) ? vm->true_ : vm->false_))

#define TYPE(o) (((Obj *)(o))->type)
#define KIND(o) (TYPE(o)->kind)
#define IS_STR(o) (TYPE(o) == &StrType)
#define IS_INT(o) (TYPE(o) == &IntType || TYPE(o) == &BoolType)
#define IS_EXACT_INT(o) (TYPE(o) == &IntType)
#define IS_FLOAT(o) (TYPE(o) == &FloatType)
#define IS_TUPLE(o) (TYPE(o) == &TupleType)
#define IS_LIST(o) (TYPE(o) == &ListType)
#define IS_DICT(o) (TYPE(o) == &DictType)
#define IS_TYPE(o) (KIND(o) == OBJ_TYPE)

/* ---------------------------------------------------------------------------------------- */
/* Object lifecycle (object.c). */

/* Allocates an object of `type` whose C struct is `csize` bytes and whose CPython size
 * (what the allocator sees, without the GC header) is `pysize`. Refcount 1, untracked.
 * For GC types it counts as a GC allocation (gc count[0] += 1, maybe a collection).
 * Returns NEW reference, or NULL with MemoryError set. */
Obj *obj_alloc(Vm *vm, Type *type, size_t csize, size_t pysize);
/* Releases the memory of an object whose fields were already released. */
void obj_free_mem(Vm *vm, Obj *o);
/* Marks an object as a shared static object (small ints, None...). */
void obj_init_static(Obj *o, Type *type, ssize_t refcnt);

/* sys.getsizeof(o): __sizeof__ + GC header + managed-dict pre-header. */
size_t obj_sizeof(Vm *vm, Obj *o);
/* Calls visit on each referent (the GC's edges; also the snapshot's arrows). */
void obj_traverse(Obj *o, VisitFn visit, void *arg);

/* Generic protocol (abstract.c). All return NEW references or NULL on exception. */
Obj *obj_repr(Vm *vm, Obj *o);
Obj *obj_str(Vm *vm, Obj *o);
int obj_truth(Vm *vm, Obj *o);                            /* 1, 0, or -1 on exception */
int64_t obj_hash(Vm *vm, Obj *o);                         /* -1 on exception */
Obj *obj_richcompare(Vm *vm, Obj *a, Obj *b, int op);     /* op: CMP_LT.. */
int obj_richcompare_bool(Vm *vm, Obj *a, Obj *b, int op); /* 1/0/-1; identity shortcut for EQ/NE */
int obj_eq(Vm *vm, Obj *a, Obj *b);                       /* == with identity shortcut: 1/0/-1 */
Obj *obj_getattr(Vm *vm, Obj *o, Obj *name);
Obj *obj_getattr_cstr(Vm *vm, Obj *o, const char *name);
int obj_setattr(Vm *vm, Obj *o, Obj *name, Obj *value); /* value NULL: delete. 0 / -1 */
int obj_hasattr(Vm *vm, Obj *o, Obj *name);             /* 1/0/-1 */
Obj *obj_getitem(Vm *vm, Obj *o, Obj *key);
int obj_setitem(Vm *vm, Obj *o, Obj *key, Obj *value);
int obj_delitem(Vm *vm, Obj *o, Obj *key);
Obj *obj_iter(Vm *vm, Obj *o);
Obj *obj_next(Vm *vm, Obj *it);  /* NEW, or NULL: exhausted (no exception) or error (exc set) */
ssize_t obj_len(Vm *vm, Obj *o); /* -1 on exception */
int obj_contains(Vm *vm, Obj *container, Obj *item); /* 1/0/-1 */
Obj *obj_call(Vm *vm, Obj *callable, Obj **args, int nargs, Obj *kwnames);
Obj *obj_call0(Vm *vm, Obj *callable);
Obj *obj_call1(Vm *vm, Obj *callable, Obj *a);
Obj *obj_binop(Vm *vm, Obj *a, Obj *b, int op); /* op: OP_ADD.. from ast.h */
Obj *obj_inplace(Vm *vm, Obj *a, Obj *b, int op);
Obj *obj_unary(Vm *vm, Obj *a, int op);
int obj_isinstance(Vm *vm, Obj *o, Obj *cls); /* 1/0/-1 */
bool type_is_subtype(Type *a, Type *b);
const char *type_name(Type *t);
/* Finds `name` along the MRO of `t`. BORROWED or NULL (no exception). */
Obj *type_lookup(Type *t, Obj *name);
Obj *type_lookup_cstr(Vm *vm, Type *t, const char *name);
/* Sequence of any iterable to a new list (NEW). */
Obj *obj_to_list(Vm *vm, Obj *iterable);
/* Converts to a C index; -1 with exc set on error (check vm->exc). */
ssize_t obj_as_index(Vm *vm, Obj *o, bool *ok);

#endif
