/*
 * trace.c - the recorder (see trace.h for the model).
 *
 * Recording. The VM reports events through vm->hook; refcount changes are caught by the
 * OBJ_F_WATCH flag that INCREF/DECREF test: the first change of a watched object in a step
 * puts it on the dirty list (trace_touch) and clears the flag. When a step ends, each dirty
 * object is compared with the recorder's copy of its visible state (ObjRec) and only the
 * differences go to the log; then it is watched again. Frames are compared the same way,
 * from the lowest frame that ran during the step. Immutable objects (ints, strs, tuples ...)
 * never have their contents re-read: only their refcount.
 *
 * Log. One append-only byte stream of varint-encoded records (records never need to be
 * rewritten), and a step index pointing into it. Every CK_EVENTS events a checkpoint stores
 * the whole visible state in the same encoding, so snapshot(n) = parse the checkpoint before
 * n + replay at most CK_EVENTS events.
 *
 * Invariant: the recorder's state after step i equals replay(checkpoint, log up to step i).
 */
#include "heap/trace.h"

#include "heap/lang/code.h"
#include "heap/runtime.h"
#include "heap/types/types.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CK_EVENTS 20000

const char *const trace_step_kind_names[] = {"line", "call", "return", "exception",
                                             "gc",   "end",  "error",  "stopped"};
extern const char *const gc_phase_names[];

/* ================================================================ byte buffers */

typedef struct {
    uint8_t *p;
    size_t n, cap;
} Buf;

static void buf_grow(Buf *b, size_t need) {
    if (b->n + need <= b->cap) return;
    size_t c = b->cap ? b->cap : 4096;
    while (c < b->n + need)
        c *= 2;
    b->p = realloc(b->p, c);
    if (!b->p) abort();
    b->cap = c;
}

static inline void put_u(Buf *b, uint64_t v) {
    buf_grow(b, 10);
    while (v >= 0x80) {
        b->p[b->n++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    b->p[b->n++] = (uint8_t)v;
}

static inline void put_s(Buf *b, int64_t v) {
    put_u(b, ((uint64_t)v << 1) ^ (v < 0 ? UINT64_MAX : 0)); /* zigzag */
}

static inline uint64_t get_u(const uint8_t **pp) {
    const uint8_t *p = *pp;
    uint64_t v = 0;
    int shift = 0;
    while (*p & 0x80) {
        v |= (uint64_t)(*p++ & 0x7f) << shift;
        shift += 7;
    }
    v |= (uint64_t)(*p++) << shift;
    *pp = p;
    return v;
}

static inline int64_t get_s(const uint8_t **pp) {
    uint64_t u = get_u(pp);
    return (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
}

/* ================================================================ string pool */

typedef struct {
    char **strs;
    uint32_t *lens;
    uint32_t n, cap;
    uint32_t *table; /* open addressing: index + 1 */
    uint32_t tcap;
    size_t bytes;
} Pool;

static uint64_t hash_bytes(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)s[i]) * 1099511628211ULL;
    return h;
}

static uint32_t pool_add(Pool *p, const char *s, size_t n) {
    if (p->tcap == 0 || (p->n + 1) * 2 > p->tcap) {
        uint32_t nc = p->tcap ? p->tcap * 2 : 1024;
        uint32_t *nt = calloc(nc, sizeof(uint32_t));
        if (!nt) abort();
        for (uint32_t i = 0; i < p->n; i++) {
            uint64_t h = hash_bytes(p->strs[i], p->lens[i]) & (nc - 1);
            while (nt[h])
                h = (h + 1) & (nc - 1);
            nt[h] = i + 1;
        }
        free(p->table);
        p->table = nt;
        p->tcap = nc;
    }
    uint64_t h = hash_bytes(s, n) & (p->tcap - 1);
    while (p->table[h]) {
        uint32_t i = p->table[h] - 1;
        if (p->lens[i] == n && !memcmp(p->strs[i], s, n)) return i;
        h = (h + 1) & (p->tcap - 1);
    }
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 1024;
        p->strs = realloc(p->strs, sizeof(char *) * p->cap);
        p->lens = realloc(p->lens, sizeof(uint32_t) * p->cap);
        if (!p->strs || !p->lens) abort();
    }
    char *c = malloc(n + 1);
    if (!c) abort();
    memcpy(c, s, n);
    c[n] = 0;
    p->strs[p->n] = c;
    p->lens[p->n] = (uint32_t)n;
    p->table[h] = p->n + 1;
    p->bytes += n + 1 + 16;
    return p->n++;
}

static uint32_t pool_cstr(Pool *p, const char *s) {
    return pool_add(p, s, strlen(s));
}

/* ================================================================ visible state */

typedef struct {
    uint32_t label; /* pool index; bit 31: weak */
    uint32_t ref;
} EdgeRec;

typedef struct {
    uint32_t uid;
    uint32_t type;
    uint32_t repr;
    int64_t refcnt;
    uint32_t size;
    uint64_t addr;
    int8_t gen;
    uint8_t is_static;
    uint32_t len;
    uint32_t nedges;
    EdgeRec *edges;
} ObjRec;

typedef struct {
    uint32_t name;
    uint32_t ref;
} VarRec;

typedef struct {
    uint32_t uid;
    uint32_t name;
    uint32_t line;
    uint32_t nvars, nstack;
    VarRec *vars;
    uint32_t *stack;
} FrameRec;

/* The visible state: objects by uid (open addressing), frames, gc state. */
typedef struct {
    ObjRec **slots;
    uint32_t cap, n;
    uint32_t used; /* live + tombstones: a rehash drops the tombstones */
    FrameRec *frames;
    uint32_t nframes, capframes;
    int gc[7]; /* count x3, threshold x3, enabled */
} State;

static ObjRec **st_find_slot(State *s, uint32_t uid) {
    uint32_t h = (uid * 2654435761u) & (s->cap - 1);
    while (s->slots[h]) { /* tombstones ((ObjRec *)1) continue the probe */
        if (s->slots[h] != (ObjRec *)1 && s->slots[h]->uid == uid) return &s->slots[h];
        h = (h + 1) & (s->cap - 1);
    }
    return NULL;
}

static ObjRec *st_get(State *s, uint32_t uid) {
    if (!s->cap) return NULL;
    uint32_t h = (uid * 2654435761u) & (s->cap - 1);
    for (;;) {
        ObjRec *r = s->slots[h];
        if (!r) return NULL;
        if (r != (ObjRec *)1 && r->uid == uid) return r;
        h = (h + 1) & (s->cap - 1);
    }
}

static void st_insert(State *s, ObjRec *r);

static void st_rehash(State *s, uint32_t ncap) {
    ObjRec **old = s->slots;
    uint32_t oc = s->cap;
    s->slots = calloc(ncap, sizeof(ObjRec *));
    if (!s->slots) abort();
    s->cap = ncap;
    s->n = 0;
    s->used = 0;
    for (uint32_t i = 0; i < oc; i++)
        if (old[i] && old[i] != (ObjRec *)1) st_insert(s, old[i]);
    free(old);
}

static void st_insert(State *s, ObjRec *r) {
    if (s->cap == 0 || (s->used + 1) * 2 > s->cap) {
        uint32_t ncap = s->cap ? s->cap : 1024;
        while ((s->n + 1) * 4 > ncap)
            ncap *= 2; /* at most a quarter live after a rehash */
        st_rehash(s, ncap);
    }
    uint32_t h = (r->uid * 2654435761u) & (s->cap - 1);
    while (s->slots[h] && s->slots[h] != (ObjRec *)1)
        h = (h + 1) & (s->cap - 1);
    if (!s->slots[h]) s->used++;
    s->slots[h] = r;
    s->n++;
}

static void rec_free(ObjRec *r) {
    free(r->edges);
    free(r);
}

/* Puts r in place of the record with the same uid (which must exist); frees the old one. */
static void st_replace(State *s, ObjRec *r) {
    ObjRec **slot = st_find_slot(s, r->uid);
    rec_free(*slot);
    *slot = r;
}

static void st_remove(State *s, uint32_t uid) {
    if (!s->cap) return;
    ObjRec **slot = st_find_slot(s, uid);
    if (!slot) return;
    rec_free(*slot);
    *slot = (ObjRec *)1; /* tombstone */
    s->n--;
}

static void frame_rec_free(FrameRec *f) {
    free(f->vars);
    free(f->stack);
    memset(f, 0, sizeof *f);
}

static void st_set_frames(State *s, uint32_t n) {
    if (n > s->capframes) {
        s->frames = realloc(s->frames, sizeof(FrameRec) * n);
        if (!s->frames) abort();
        memset(s->frames + s->capframes, 0, sizeof(FrameRec) * (n - s->capframes));
        s->capframes = n;
    }
    for (uint32_t i = n; i < s->nframes; i++)
        frame_rec_free(&s->frames[i]);
    s->nframes = n;
}

static void st_clear(State *s) {
    for (uint32_t i = 0; i < s->cap; i++)
        if (s->slots[i] && s->slots[i] != (ObjRec *)1) rec_free(s->slots[i]);
    free(s->slots);
    for (uint32_t i = 0; i < s->capframes; i++)
        frame_rec_free(&s->frames[i]);
    free(s->frames);
    memset(s, 0, sizeof *s);
}

/* ================================================================ the trace */

enum { R_OBJ = 1, R_FREE, R_RC, R_FRAME, R_FRAMES_TRUNC, R_GCSTATE, R_GCMARK };

typedef struct {
    uint32_t step;
    size_t log_off; /* log position after that step */
    size_t blob_off, blob_len;
} Checkpoint;

struct Trace {
    char *source;
    size_t source_len;
    char *filename;
    Pool pool;
    Buf log;
    Buf blobs;
    TraceStep *steps;
    size_t nsteps, capsteps;
    Checkpoint *cks;
    size_t ncks, capcks;
    uint64_t nevents, ck_events;
    Buf out; /* stdout */
    Buf err; /* traceback text */
    char *error;
    int status;
    /* recording */
    Vm *vm;
    bool recording;
    uint64_t max_steps;
    uint32_t first_uid;
    State cur;
    Obj **dirty;
    size_t ndirty, capdirty;
    int min_depth;
    uint32_t step_events;
    size_t step_log_start;
    bool final_done;
    size_t interval_start;
};

static __thread Trace *tl_trace;

static uint32_t type_idx(Trace *t, Type *ty) {
    return pool_cstr(&t->pool, ty->name);
}

/* ---------------------------------------------------------------- object content */

static bool is_mutable(Obj *o) {
    switch (KIND(o)) {
    case OBJ_INT:
    case OBJ_BOOL:
    case OBJ_FLOAT:
    case OBJ_STR:
    case OBJ_BYTES:
    case OBJ_TUPLE:
    case OBJ_FROZENSET:
    case OBJ_RANGE:
    case OBJ_SLICE:
    case OBJ_CODE:
    case OBJ_NONE:
    case OBJ_NOTIMPL:
    case OBJ_ELLIPSIS:
    case OBJ_METHOD:
    case OBJ_BUILTIN:
        return false;
    default:
        return true;
    }
}

/* Shared and library objects: drawn as leaves (no outgoing references) */
static bool is_startup(Trace *t, Obj *o) {
    return o->uid < t->first_uid || (o->flags & (OBJ_F_STATIC | OBJ_F_INTERNED | OBJ_F_LIBRARY));
}

static void shallow_repr(Trace *t, Obj *o, char *buf, size_t cap) {
    Vm *vm = t->vm;
    buf[0] = 0;
    switch (KIND(o)) {
    case OBJ_NONE:
        snprintf(buf, cap, "None");
        return;
    case OBJ_BOOL:
        snprintf(buf, cap, o == vm->true_ ? "True" : "False");
        return;
    case OBJ_INT: {
        int64_t v;
        if (int_as_i64(o, &v)) {
            snprintf(buf, cap, "%lld", (long long)v);
        } else {
            snprintf(buf, cap, "<int of %zu digits>", int_ndigits(o));
        }
        return;
    }
    case OBJ_FLOAT:
        float_repr_buf(((Float *)o)->v, buf, cap);
        return;
    case OBJ_STR:
    case OBJ_BYTES: {
        /* built in C: the recorder must not allocate simulated objects */
        const unsigned char *s =
            KIND(o) == OBJ_STR ? (const unsigned char *)((Str *)o)->s : ((Bytes *)o)->s;
        size_t n = KIND(o) == OBJ_STR ? ((Str *)o)->nbytes : ((Bytes *)o)->len;
        bool dq = memchr(s, '\'', n) && !memchr(s, '"', n);
        char q = dq ? '"' : '\'';
        size_t k = 0;
        if (KIND(o) == OBJ_BYTES) buf[k++] = 'b';
        buf[k++] = q;
        for (size_t i = 0; i < n && k + 8 < cap; i++) {
            unsigned char c = s[i];
            if (c == '\\' || c == (unsigned char)q) {
                buf[k++] = '\\';
                buf[k++] = (char)c;
            } else if (c == '\n') {
                buf[k++] = '\\';
                buf[k++] = 'n';
            } else if (c == '\t') {
                buf[k++] = '\\';
                buf[k++] = 't';
            } else if (c == '\r') {
                buf[k++] = '\\';
                buf[k++] = 'r';
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && KIND(o) == OBJ_BYTES)) {
                k += (size_t)snprintf(buf + k, cap - k, "\\x%02x", c);
            } else {
                buf[k++] = (char)c;
            }
            if (i + 1 < n && k + 8 >= cap) { /* too long: cut at a UTF-8 boundary */
                while (k > 1 && ((unsigned char)buf[k - 1] & 0xC0) == 0x80)
                    k--;
                if (k > 1 && ((unsigned char)buf[k - 1] & 0x80)) k--;
                buf[k++] = '.';
                buf[k++] = '.';
                buf[k++] = '.';
                break;
            }
        }
        buf[k++] = q;
        buf[k] = 0;
        return;
    }
    case OBJ_FUNCTION:
        snprintf(buf, cap, "%s()", str_cstr(((Function *)o)->qualname));
        return;
    case OBJ_TYPE:
        snprintf(buf, cap, "class %s", ((Type *)o)->name);
        return;
    case OBJ_MODULE:
        snprintf(buf, cap, "module %s", str_cstr(((Module *)o)->name));
        return;
    case OBJ_BUILTIN:
        snprintf(buf, cap, "%s()", ((Builtin *)o)->def->name);
        return;
    case OBJ_CODE:
        snprintf(buf, cap, "code %s", str_cstr(((Code *)o)->name));
        return;
    case OBJ_RANGE: {
        Range *r = (Range *)o;
        int64_t a = 0, b = 0, c = 1;
        int_as_i64(r->start, &a);
        int_as_i64(r->stop, &b);
        int_as_i64(r->step, &c);
        if (c == 1)
            snprintf(buf, cap, "range(%lld, %lld)", (long long)a, (long long)b);
        else
            snprintf(buf, cap, "range(%lld, %lld, %lld)", (long long)a, (long long)b, (long long)c);
        return;
    }
    case OBJ_WEAKREF:
        snprintf(buf, cap, ((WeakRef *)o)->referent ? "weakref" : "weakref (dead)");
        return;
    case OBJ_METHOD: {
        Method *m = (Method *)o;
        snprintf(buf, cap, "bound %s",
                 KIND(m->func) == OBJ_FUNCTION ? str_cstr(((Function *)m->func)->qualname)
                                               : "method");
        return;
    }
    case OBJ_GENERATOR:
        snprintf(buf, cap, "%s", str_cstr(((Generator *)o)->qualname));
        return;
    default:
        break;
    }
    if (KIND(o) == OBJ_TUPLE || KIND(o) == OBJ_LIST) {
        /* short contents when every item is a scalar: (1, 2, 3), ['a', 'b'] */
        Obj **items;
        ssize_t n;
        seq_fast(o, &items, &n);
        size_t k = 0;
        buf[k++] = KIND(o) == OBJ_TUPLE ? '(' : '[';
        for (ssize_t i = 0; i < n; i++) {
            ObjKind ik = KIND(items[i]);
            if (ik != OBJ_INT && ik != OBJ_BOOL && ik != OBJ_FLOAT && ik != OBJ_STR &&
                ik != OBJ_NONE) {
                buf[0] = 0;
                return;
            }
            char item[64];
            shallow_repr(t, items[i], item, sizeof item);
            size_t il = strlen(item);
            if (k + il + 8 >= cap) {
                memcpy(buf + k, "...", 3);
                k += 3;
                break;
            }
            if (i) {
                buf[k++] = ',';
                buf[k++] = ' ';
            }
            memcpy(buf + k, item, il);
            k += il;
        }
        if (KIND(o) == OBJ_TUPLE && n == 1) buf[k++] = ',';
        buf[k++] = KIND(o) == OBJ_TUPLE ? ')' : ']';
        buf[k] = 0;
        return;
    }
    if (o->type->is_exc) {
        snprintf(buf, cap, "%s", o->type->name);
        return;
    }
    if (o->type->heap) {
        snprintf(buf, cap, "%s object", o->type->name);
        return;
    }
    buf[0] = 0;
}

typedef struct {
    Trace *t;
    EdgeRec *e;
    uint32_t n, cap;
    uint32_t total;
} EdgeCollect;

static void ensure_recorded(Trace *t, Obj *o);

static void add_edge(EdgeCollect *ec, const char *label, size_t lablen, Obj *target, bool weak) {
    if (target->uid == 0) return; /* builtin types are static and shared: not drawn */
    ec->total++;
    ensure_recorded(ec->t, target);
    if (ec->n >= TRACE_MAX_EDGES) return;
    if (ec->n == ec->cap) {
        ec->cap = ec->cap ? ec->cap * 2 : 8;
        ec->e = realloc(ec->e, sizeof(EdgeRec) * ec->cap);
        if (!ec->e) abort();
    }
    uint32_t l = pool_add(&ec->t->pool, label, lablen);
    ec->e[ec->n].label = l | (weak ? 0x80000000u : 0);
    ec->e[ec->n].ref = target->uid;
    ec->n++;
}

static void visit_edge(Obj *child, const char *label, long index, void *arg) {
    EdgeCollect *ec = arg;
    char buf[96];
    int n;
    if (index >= 0)
        n = snprintf(buf, sizeof buf, "[%ld]", index);
    else if (index == -2 && label)
        n = snprintf(buf, sizeof buf, ".%s", label);
    else
        n = snprintf(buf, sizeof buf, "%s", label ? label : "");
    if (n >= (int)sizeof buf) n = (int)sizeof buf - 1;
    add_edge(ec, buf, (size_t)n, child, false);
}

/* Collects the outgoing references the page draws: the collector's edges (traverse), with
 * dict keys as labels, minus plumbing that would clutter every picture. */
static void collect_edges(Trace *t, Obj *o, EdgeCollect *ec) {
    Vm *vm = t->vm;
    if (is_startup(t, o) && !IS_DICT(o)) return;
    switch (KIND(o)) {
    case OBJ_DICT: {
        if (is_startup(t, o)) return;
        ssize_t pos = 0;
        Obj *k, *v;
        while (dict_next(o, &pos, &k, &v)) {
            char buf[96];
            int n;
            if (IS_STR(k)) {
                const char *ks = str_cstr(k);
                if (ks[0] == '_' && ks[1] == '_' && KIND(v) == OBJ_MODULE) continue;
                if (!strcmp(ks, "__builtins__")) continue;
                n = snprintf(buf, sizeof buf, "['%s']", ks);
            } else {
                char r[64];
                shallow_repr(t, k, r, sizeof r);
                n = snprintf(buf, sizeof buf, "[%s]", r);
                add_edge(ec, "key", 3, k, false);
            }
            if (n >= (int)sizeof buf) n = (int)sizeof buf - 1;
            add_edge(ec, buf, (size_t)n, v, false);
        }
        return;
    }
    case OBJ_FUNCTION: {
        Function *f = (Function *)o;
        if (f->defaults) add_edge(ec, "__defaults__", 12, f->defaults, false);
        if (f->closure) add_edge(ec, "__closure__", 11, f->closure, false);
        if (f->dict) add_edge(ec, "__dict__", 8, f->dict, false);
        return;
    }
    case OBJ_MODULE:
        if (((Module *)o)->dict) add_edge(ec, "__dict__", 8, ((Module *)o)->dict, false);
        return;
    case OBJ_CODE:
    case OBJ_BUILTIN:
        return;
    case OBJ_WEAKREF: {
        WeakRef *w = (WeakRef *)o;
        if (w->referent) add_edge(ec, "referent", 8, w->referent, true);
        if (w->callback) add_edge(ec, "__callback__", 12, w->callback, false);
        return;
    }
    case OBJ_TYPE: {
        Type *ty = (Type *)o;
        if (!ty->heap) return;
        if (ty->dict) add_edge(ec, "__dict__", 8, ty->dict, false);
        if (ty->mro) add_edge(ec, "__mro__", 7, ty->mro, false);
        if (ty->bases) add_edge(ec, "__bases__", 9, ty->bases, false);
        if (ty->base && ty->base->heap) add_edge(ec, "__base__", 8, (Obj *)ty->base, false);
        return;
    }
    default:
        break;
    }
    (void)vm;
    obj_traverse(o, visit_edge, ec);
}

static uint32_t obj_len_of(Obj *o) {
    switch (KIND(o)) {
    case OBJ_LIST:
        return (uint32_t)LIST_LEN(o);
    case OBJ_TUPLE:
        return (uint32_t)TUPLE_LEN(o);
    case OBJ_DICT:
        return (uint32_t)DICT_LEN(o);
    case OBJ_SET:
    case OBJ_FROZENSET:
        return (uint32_t)((Set *)o)->used;
    case OBJ_STR:
        return (uint32_t)str_len(o);
    default:
        return 0;
    }
}

/* Builds the visible record of a live object (NEW). */
static ObjRec *make_rec(Trace *t, Obj *o) {
    ObjRec *r = calloc(1, sizeof(ObjRec));
    if (!r) abort();
    char buf[72];
    shallow_repr(t, o, buf, sizeof buf);
    r->uid = o->uid;
    r->type = type_idx(t, o->type);
    r->repr = pool_cstr(&t->pool, buf);
    r->refcnt = o->refcnt;
    r->size = (uint32_t)obj_sizeof(t->vm, o);
    r->addr = o->addr;
    r->gen = gc_is_tracked(o) ? (int8_t)o->gen : -1;
    r->is_static = is_startup(t, o);
    r->len = obj_len_of(o);
    EdgeCollect ec = {t, NULL, 0, 0, 0};
    collect_edges(t, o, &ec);
    r->edges = ec.e;
    r->nedges = ec.n;
    return r;
}

static bool same_content(const ObjRec *a, const ObjRec *b) {
    return a->type == b->type && a->repr == b->repr && a->size == b->size && a->gen == b->gen &&
           a->len == b->len && a->nedges == b->nedges &&
           (a->nedges == 0 || !memcmp(a->edges, b->edges, sizeof(EdgeRec) * a->nedges));
}

static void put_obj(Buf *b, const ObjRec *r) {
    put_u(b, R_OBJ);
    put_u(b, r->uid);
    put_u(b, r->type);
    put_u(b, r->repr);
    put_s(b, r->refcnt);
    put_u(b, r->size);
    put_u(b, r->addr);
    put_s(b, r->gen);
    put_u(b, r->is_static);
    put_u(b, r->len);
    put_u(b, r->nedges);
    for (uint32_t i = 0; i < r->nedges; i++) {
        put_u(b, r->edges[i].label);
        put_u(b, r->edges[i].ref);
    }
}

static ObjRec *get_obj(const uint8_t **p) {
    ObjRec *r = calloc(1, sizeof(ObjRec));
    if (!r) abort();
    r->uid = (uint32_t)get_u(p);
    r->type = (uint32_t)get_u(p);
    r->repr = (uint32_t)get_u(p);
    r->refcnt = get_s(p);
    r->size = (uint32_t)get_u(p);
    r->addr = get_u(p);
    r->gen = (int8_t)get_s(p);
    r->is_static = (uint8_t)get_u(p);
    r->len = (uint32_t)get_u(p);
    r->nedges = (uint32_t)get_u(p);
    if (r->nedges) {
        r->edges = malloc(sizeof(EdgeRec) * r->nedges);
        if (!r->edges) abort();
        for (uint32_t i = 0; i < r->nedges; i++) {
            r->edges[i].label = (uint32_t)get_u(p);
            r->edges[i].ref = (uint32_t)get_u(p);
        }
    }
    return r;
}

static void put_frame(Buf *b, uint32_t idx, const FrameRec *f) {
    put_u(b, R_FRAME);
    put_u(b, idx);
    put_u(b, f->uid);
    put_u(b, f->name);
    put_u(b, f->line);
    put_u(b, f->nvars);
    for (uint32_t i = 0; i < f->nvars; i++) {
        put_u(b, f->vars[i].name);
        put_u(b, f->vars[i].ref);
    }
    put_u(b, f->nstack);
    for (uint32_t i = 0; i < f->nstack; i++)
        put_u(b, f->stack[i]);
}

static void get_frame(const uint8_t **p, FrameRec *f) {
    frame_rec_free(f);
    f->uid = (uint32_t)get_u(p);
    f->name = (uint32_t)get_u(p);
    f->line = (uint32_t)get_u(p);
    f->nvars = (uint32_t)get_u(p);
    f->vars = f->nvars ? malloc(sizeof(VarRec) * f->nvars) : NULL;
    for (uint32_t i = 0; i < f->nvars; i++) {
        f->vars[i].name = (uint32_t)get_u(p);
        f->vars[i].ref = (uint32_t)get_u(p);
    }
    f->nstack = (uint32_t)get_u(p);
    f->stack = f->nstack ? malloc(sizeof(uint32_t) * f->nstack) : NULL;
    for (uint32_t i = 0; i < f->nstack; i++)
        f->stack[i] = (uint32_t)get_u(p);
}

/* ---------------------------------------------------------------- recording */

static void ensure_recorded(Trace *t, Obj *o);

/* Writes an object's record to the log and the current state (first sight or new content). */
static void record_obj(Trace *t, Obj *o, ObjRec *fresh) {
    ObjRec *old = st_get(&t->cur, o->uid);
    if (old) {
        if (same_content(old, fresh)) {
            if (old->refcnt != fresh->refcnt) {
                put_u(&t->log, R_RC);
                put_u(&t->log, o->uid);
                put_s(&t->log, fresh->refcnt);
                old->refcnt = fresh->refcnt;
                t->step_events++;
            }
            rec_free(fresh);
            return;
        }
        put_obj(&t->log, fresh);
        st_replace(&t->cur, fresh);
        t->step_events++;
        return;
    }
    put_obj(&t->log, fresh);
    st_insert(&t->cur, fresh);
    t->step_events++;
}

static void watch(Trace *t, Obj *o) {
    if (o->flags & OBJ_F_STATIC) return; /* statics' refcounts are not shown */
    (void)t;
    o->flags |= OBJ_F_WATCH;
}

void trace_touch(Obj *o) {
    o->flags &= (uint16_t)~OBJ_F_WATCH;
    Trace *t = tl_trace;
    if (!t || !t->recording || o->trace_slot) return;
    if (t->ndirty == t->capdirty) {
        t->capdirty = t->capdirty ? t->capdirty * 2 : 256;
        t->dirty = realloc(t->dirty, sizeof(Obj *) * t->capdirty);
        if (!t->dirty) abort();
    }
    t->dirty[t->ndirty++] = o;
    o->trace_slot = (uint32_t)t->ndirty;
}

/* Records an object referenced by something visible that the recorder has not seen yet. */
static void ensure_recorded(Trace *t, Obj *o) {
    if (!o || !o->uid || st_get(&t->cur, o->uid)) return;
    if (!o->trace_slot) trace_touch(o);
}

/* Processes the dirty list: each object's refcount and (if mutable or new) content. */
static void flush_dirty(Trace *t) {
    for (size_t i = 0; i < t->ndirty; i++) { /* ndirty may grow while we go */
        Obj *o = t->dirty[i];
        if (!o) continue;
        o->trace_slot = 0;
        ObjRec *old = st_get(&t->cur, o->uid);
        int8_t gen = gc_is_tracked(o) ? (int8_t)o->gen : -1;
        if (old && !is_mutable(o) && old->gen == gen) {
            if (old->refcnt != o->refcnt) {
                put_u(&t->log, R_RC);
                put_u(&t->log, o->uid);
                put_s(&t->log, o->refcnt);
                old->refcnt = o->refcnt;
                t->step_events++;
            }
        } else {
            ObjRec *fresh = make_rec(t, o);
            record_obj(t, o, fresh);
        }
        watch(t, o);
    }
    t->ndirty = 0;
}

/* The variables a frame shows: fast locals (cells shown as cells), or the namespace dict. */
static void frame_vars(Trace *t, Frame *f, FrameRec *out) {
    Code *co = f->code;
    out->nvars = 0;
    if (f->locals) {
        Dict *d = (Dict *)f->locals;
        out->vars = malloc(sizeof(VarRec) * (size_t)(d->used + 1));
        ssize_t pos = 0;
        Obj *k, *v;
        while (dict_next(f->locals, &pos, &k, &v)) {
            if (!IS_STR(k)) continue;
            const char *ks = str_cstr(k);
            size_t n = ((Str *)k)->nbytes;
            if (n >= 4 && ks[0] == '_' && ks[1] == '_' && ks[n - 1] == '_' && ks[n - 2] == '_')
                continue;
            out->vars[out->nvars].name = pool_add(&t->pool, ks, n);
            out->vars[out->nvars].ref = v->uid; /* 0 for a builtin type: no object drawn */
            out->nvars++;
            ensure_recorded(t, v);
        }
    } else {
        out->vars = malloc(sizeof(VarRec) * (size_t)(co->nlocalsplus + 1));
        for (int i = 0; i < co->nlocalsplus; i++) {
            Obj *v = f->localsplus[i];
            if (!v) continue;
            Obj *nm = TUPLE_ITEM(co->localsplusnames, i);
            if (str_cstr(nm)[0] == '.') continue; /* .0: the comprehension's iterator */
            out->vars[out->nvars].name = pool_add(&t->pool, str_cstr(nm), ((Str *)nm)->nbytes);
            out->vars[out->nvars].ref = v->uid;
            out->nvars++;
            ensure_recorded(t, v);
        }
    }
    Obj **base = FRAME_STACK(f);
    /* the value stack is only read where the VM saved an exact sp (else it is mid-instruction) */
    out->nstack = f->stack_known ? (uint32_t)(f->sp - base) : 0;
    out->stack = out->nstack ? malloc(sizeof(uint32_t) * out->nstack) : NULL;
    for (uint32_t i = 0; i < out->nstack; i++) {
        Obj *v = base[i];
        out->stack[i] = v ? v->uid : 0;
        if (v) ensure_recorded(t, v);
    }
}

static bool same_frame(const FrameRec *a, const FrameRec *b) {
    return a->uid == b->uid && a->name == b->name && a->line == b->line && a->nvars == b->nvars &&
           a->nstack == b->nstack &&
           (!a->nvars || !memcmp(a->vars, b->vars, sizeof(VarRec) * a->nvars)) &&
           (!a->nstack || !memcmp(a->stack, b->stack, sizeof(uint32_t) * a->nstack));
}

static void flush_frames(Trace *t) {
    Vm *vm = t->vm;
    int depth = vm->nframes;
    int from = t->min_depth - 1;
    if (from < 1) from = 1;
    /* frames from the top down to `from` (1-based depth) */
    Frame *fr = vm->frame;
    Frame *stack[64];
    Frame **frames = depth <= 64 ? stack : malloc(sizeof(Frame *) * (size_t)depth);
    for (int d = depth; d >= 1 && fr; d--, fr = fr->back)
        frames[d - 1] = fr;
    if ((uint32_t)depth < t->cur.nframes) {
        put_u(&t->log, R_FRAMES_TRUNC);
        put_u(&t->log, (uint64_t)depth);
        st_set_frames(&t->cur, (uint32_t)depth);
        t->step_events++;
    }
    if ((uint32_t)depth > t->cur.nframes) {
        uint32_t old = t->cur.nframes;
        st_set_frames(&t->cur, (uint32_t)depth);
        if (from > (int)old + 1) from = (int)old + 1;
    }
    for (int d = from; d <= depth; d++) {
        Frame *f = frames[d - 1];
        if (!f) continue;
        FrameRec nf = {0};
        nf.uid = f->uid;
        nf.name = pool_add(&t->pool, str_cstr(f->code->name), ((Str *)f->code->name)->nbytes);
        nf.line = (uint32_t)f->line;
        frame_vars(t, f, &nf);
        FrameRec *cur = &t->cur.frames[d - 1];
        if (same_frame(cur, &nf)) {
            frame_rec_free(&nf);
            continue;
        }
        put_frame(&t->log, (uint32_t)(d - 1), &nf);
        frame_rec_free(cur);
        *cur = nf;
        t->step_events++;
    }
    if (frames != stack) free(frames);
}

static void flush_gcstate(Trace *t) {
    Vm *vm = t->vm;
    int g[7] = {vm->gc.gen[0].count,     vm->gc.gen[1].count,     vm->gc.gen[2].count,
                vm->gc.gen[0].threshold, vm->gc.gen[1].threshold, vm->gc.gen[2].threshold,
                vm->gc.enabled};
    if (memcmp(g, t->cur.gc, sizeof g)) {
        put_u(&t->log, R_GCSTATE);
        for (int i = 0; i < 7; i++)
            put_s(&t->log, g[i]);
        memcpy(t->cur.gc, g, sizeof g);
        t->step_events++;
    }
}

static void write_checkpoint(Trace *t) {
    if (t->ncks == t->capcks) {
        t->capcks = t->capcks ? t->capcks * 2 : 64;
        t->cks = realloc(t->cks, sizeof(Checkpoint) * t->capcks);
        if (!t->cks) abort();
    }
    Checkpoint *c = &t->cks[t->ncks++];
    c->step = (uint32_t)(t->nsteps - 1);
    c->log_off = t->log.n;
    c->blob_off = t->blobs.n;
    Buf *b = &t->blobs;
    put_u(b, t->cur.n);
    for (uint32_t i = 0; i < t->cur.cap; i++) {
        ObjRec *r = t->cur.slots[i];
        if (r && r != (ObjRec *)1) put_obj(b, r);
    }
    put_u(b, t->cur.nframes);
    for (uint32_t i = 0; i < t->cur.nframes; i++)
        put_frame(b, i, &t->cur.frames[i]);
    for (int i = 0; i < 7; i++)
        put_s(b, t->cur.gc[i]);
    c->blob_len = t->blobs.n - c->blob_off;
    t->ck_events = 0;
}

static void record_gc_marks(Trace *t) {
    Vm *vm = t->vm;
    Obj *lists[2] = {vm->gc.cur_young, vm->gc.cur_unreachable};
    uint32_t n = 0;
    for (int l = 0; l < 2; l++)
        if (lists[l])
            for (Obj *o = lists[l]->gc_next; o != lists[l]; o = o->gc_next)
                if (!is_startup(t, o)) n++;
    if (!n) return;
    put_u(&t->log, R_GCMARK);
    put_u(&t->log, n);
    for (int l = 0; l < 2; l++) {
        if (!lists[l]) continue;
        for (Obj *o = lists[l]->gc_next; o != lists[l]; o = o->gc_next) {
            if (is_startup(t, o)) continue;
            ensure_recorded(t, o);
            uint8_t mark;
            if (o->flags & OBJ_F_FINALIZED && l == 1)
                mark = GCMARK_FINALIZED;
            else if (l == 1)
                mark = vm->gc.phase >= GC_PHASE_RESURRECT ? GCMARK_GARBAGE : GCMARK_UNREACHABLE;
            else if (o->flags & OBJ_F_COLLECTING)
                mark = GCMARK_NONE;
            else
                mark = GCMARK_REACHABLE;
            put_u(&t->log, o->uid);
            put_s(&t->log, (o->flags & OBJ_F_COLLECTING) || l == 1 ? o->gc_refs : -1);
            put_u(&t->log, mark);
        }
    }
    t->step_events++;
}

/* Ends the current step: flushes what changed and appends its index entry. */
static void end_step(Trace *t, StepKind kind, uint32_t line, int gc_phase, int gc_gen) {
    Vm *vm = t->vm;
    /* the step's records start where the previous step ended: frees logged while the
     * program ran toward this step belong to it */
    size_t off = t->interval_start;
    flush_frames(t);
    if (kind == STEP_GC) {
        record_gc_marks(t);
        if (gc_phase == GC_PHASE_PROMOTE && vm->gc.cur_young) /* survivors changed generation */
            for (Obj *o = vm->gc.cur_young->gc_next; o != vm->gc.cur_young; o = o->gc_next)
                if (!is_startup(t, o) && st_get(&t->cur, o->uid) && !o->trace_slot) trace_touch(o);
    }
    flush_dirty(t);
    flush_dirty(t); /* objects first seen through references of the first pass */
    flush_gcstate(t);
    if (t->nsteps == t->capsteps) {
        t->capsteps = t->capsteps ? t->capsteps * 2 : 4096;
        t->steps = realloc(t->steps, sizeof(TraceStep) * t->capsteps);
        if (!t->steps) abort();
    }
    TraceStep *s = &t->steps[t->nsteps++];
    s->kind = (uint8_t)kind;
    s->gc_phase = (int8_t)gc_phase;
    s->gc_gen = (int8_t)gc_gen;
    s->depth = (uint8_t)(vm->nframes > 255 ? 255 : vm->nframes);
    s->line = line;
    s->nevents = t->step_events;
    s->log_off = off;
    s->objects = t->cur.n;
    s->stdout_len = (uint32_t)t->out.n;
    s->bytes = vm->alloc.block_bytes + vm->alloc.malloc_bytes;
    s->blocks = (uint32_t)vm->alloc.blocks_in_use;
    s->pools = (uint32_t)vm->alloc.pools_in_use;
    s->arenas = (uint32_t)vm->alloc.arenas_live;
    t->nevents += t->step_events;
    t->ck_events += t->step_events;
    t->step_events = 0;
    t->min_depth = vm->nframes;
    if (t->ck_events >= CK_EVENTS + t->cur.n / 2) write_checkpoint(t);
    t->interval_start = t->log.n;
    if (t->max_steps && t->nsteps >= t->max_steps && !vm->stopped) {
        vm->stopped = true;
        vm->stop_reason = "step limit";
    }
}

static int frame_line(Vm *vm) {
    return vm->frame ? vm->frame->line : 0;
}

/* Code of a simulated library module (weakref, memory_profiler ...): its lines are not steps */
static bool in_library(Vm *vm) {
    return vm->frame && vm->filename && !str_eq_cstr(vm->frame->code->filename, vm->filename);
}

static void trace_hook(Vm *vm, const Event *ev, void *ctx) {
    Trace *t = ctx;
    if (!t->recording) return;
    if ((ev->kind == EV_LINE || ev->kind == EV_CALL || ev->kind == EV_RETURN ||
         ev->kind == EV_EXCEPTION) &&
        in_library(vm) && !(ev->kind == EV_CALL && ev->a == 2))
        return;
    if (vm->nframes < t->min_depth) t->min_depth = vm->nframes;
    switch (ev->kind) {
    case EV_LINE:
        if (t->first_uid == 0) t->first_uid = vm->next_uid;
        end_step(t, STEP_LINE, (uint32_t)ev->a, -1, -1);
        break;
    case EV_CALL:
        if (t->first_uid == 0) t->first_uid = vm->next_uid;
        if (vm->nframes > 1 || ev->a) end_step(t, STEP_CALL, (uint32_t)frame_line(vm), -1, -1);
        if (ev->a == 2 && ev->o) ensure_recorded(t, ev->o); /* the C function being called */
        break;
    case EV_RETURN:
        if (vm->nframes > 1) {
            end_step(t, STEP_RETURN, (uint32_t)frame_line(vm), -1, -1);
        } else if (!ev->a && vm->frame && !vm->frame->back && !vm->frame->func && !t->final_done) {
            /* __main__ finishes: the last step shows its final state */
            StepKind k = vm->stopped ? STEP_STOPPED : ev->o ? STEP_END : STEP_ERROR;
            end_step(t, k, (uint32_t)frame_line(vm), -1, -1);
            t->final_done = true;
        }
        break;
    case EV_EXCEPTION:
        end_step(t, STEP_EXCEPTION, (uint32_t)ev->a, -1, -1);
        break;
    case EV_ALLOC:
        /* objects reused from free lists keep their old flags: reset the recorder's */
        ev->o->flags &= (uint16_t) ~(OBJ_F_LIBRARY | OBJ_F_WATCH);
        if (vm->lib_depth)
            ev->o->flags |= OBJ_F_LIBRARY;
        else if (t->first_uid)
            trace_touch(ev->o);
        break;
    case EV_FREE: {
        Obj *o = ev->o;
        if (o->trace_slot) {
            t->dirty[o->trace_slot - 1] = NULL;
            o->trace_slot = 0;
        }
        o->flags &= (uint16_t)~OBJ_F_WATCH;
        if (st_get(&t->cur, o->uid)) {
            put_u(&t->log, R_FREE);
            put_u(&t->log, o->uid);
            st_remove(&t->cur, o->uid);
            t->step_events++;
        }
        break;
    }
    case EV_STDOUT:
        buf_grow(&t->out, ev->n + 1);
        memcpy(t->out.p + t->out.n, ev->s, ev->n);
        t->out.n += ev->n;
        t->out.p[t->out.n] = 0; /* trace_stdout returns a C string */
        break;
    case EV_GC:
        if (t->first_uid && ev->a != GC_PHASE_MERGE && ev->a != GC_PHASE_DONE)
            end_step(t, STEP_GC, (uint32_t)frame_line(vm), (int)ev->a, vm->gc.phase_gen);
        break;
    }
}

static void err_write(void *ctx, const char *s, size_t n) {
    Buf *b = ctx;
    buf_grow(b, n + 1);
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

extern void vm_shutdown(Vm *vm);

Trace *trace_record(const char *filename, const char *src, size_t len, const TraceOptions *opt) {
    Trace *t = calloc(1, sizeof(Trace));
    if (!t) return NULL;
    t->source = malloc(len + 1);
    memcpy(t->source, src, len);
    t->source[len] = 0;
    t->source_len = len;
    t->filename = strdup(filename);
    t->max_steps = opt && opt->max_steps ? opt->max_steps : 0;
    pool_cstr(&t->pool, ""); /* index 0: empty */
    Vm *vm = vm_new();
    t->vm = vm;
    vm->limits.max_steps = opt ? opt->max_run_steps : 0;
    if (opt && opt->max_heap) vm->limits.max_heap = opt->max_heap;
    vm->interrupt = opt ? opt->interrupt : NULL;
    vm->hook = trace_hook;
    vm->hook_ctx = t;
    vm->write_err = err_write;
    vm->err_ctx = &t->err;
    tl_trace = t;
    t->recording = true;
    t->min_depth = 1;
    Writer ew = {err_write, &t->err};
    int status = vm_run_main(vm, filename, src, len, ew);
    int line = frame_line(vm);
    if (status == 2) {
        /* a syntax error: one step that carries it */
        const char *p = t->err.n ? (const char *)t->err.p : "";
        const char *l = strstr(p, "line ");
        line = l ? atoi(l + 5) : 0;
    }
    if (t->nsteps > 0) line = (int)t->steps[t->nsteps - 1].line;
    StepKind final = status == 0 ? STEP_END : status == 3 ? STEP_STOPPED : STEP_ERROR;
    t->status = status == 2 ? 1 : status;
    if (!t->final_done) { /* a syntax error (no frame ran) */
        vm->frame = NULL;
        vm->depth = 0;
        vm->nframes = 0;
        end_step(t, final, (uint32_t)line, -1, -1);
    } else {
        t->steps[t->nsteps - 1].kind = (uint8_t) final;
    }
    t->recording = false;
    /* interpreter shutdown: its __del__ output still belongs to the program's stdout */
    vm->hook = NULL;
    vm->write_out = err_write;
    vm->write_ctx = &t->out;
    if (status == 0 || status == 1) vm_shutdown(vm);
    t->steps[t->nsteps - 1].stdout_len = (uint32_t)t->out.n;
    if (status == 3) {
        char buf[160];
        snprintf(buf, sizeof buf, "stopped after %zu steps (%s)", t->nsteps - 1,
                 vm->stop_reason ? vm->stop_reason : "limit");
        t->error = strdup(buf);
    } else if (t->err.n) {
        t->error = malloc(t->err.n + 1);
        memcpy(t->error, t->err.p, t->err.n);
        t->error[t->err.n] = 0;
    }
    tl_trace = NULL;
    vm_free(vm);
    t->vm = NULL;
    st_clear(&t->cur);
    free(t->dirty);
    t->dirty = NULL;
    return t;
}

void trace_free(Trace *t) {
    if (!t) return;
    for (uint32_t i = 0; i < t->pool.n; i++)
        free(t->pool.strs[i]);
    free(t->pool.strs);
    free(t->pool.lens);
    free(t->pool.table);
    free(t->log.p);
    free(t->blobs.p);
    free(t->steps);
    free(t->cks);
    free(t->out.p);
    free(t->err.p);
    free(t->error);
    free(t->source);
    free(t->filename);
    free(t);
}

size_t trace_nsteps(const Trace *t) {
    return t->nsteps;
}
const TraceStep *trace_step(const Trace *t, size_t i) {
    return i < t->nsteps ? &t->steps[i] : NULL;
}
const char *trace_stdout(const Trace *t, size_t *len) {
    if (len) *len = t->out.n;
    return t->out.n ? (const char *)t->out.p : "";
}
const char *trace_error(const Trace *t) {
    return t->error;
}
int trace_exit_status(const Trace *t) {
    return t->status;
}
const char *trace_source(const Trace *t) {
    return t->source;
}
uint64_t trace_nevents(const Trace *t) {
    return t->nevents;
}
size_t trace_bytes(const Trace *t) {
    return sizeof *t + t->log.cap + t->blobs.cap + t->capsteps * sizeof(TraceStep) +
           t->capcks * sizeof(Checkpoint) + t->pool.bytes + t->pool.tcap * 4 + t->out.cap +
           t->err.cap;
}

/* ================================================================ replay */

typedef struct {
    uint32_t uid;
    int64_t gc_refs;
    uint8_t mark;
} GcMarkRec;

typedef struct {
    uint32_t uid;
    uint32_t label; /* pool index */
    uint32_t from;  /* container uid, 0 for a variable */
    bool added;
} Cause;

typedef struct {
    State st;
    GcMarkRec *marks;
    uint32_t nmarks;
    TraceEvent *events; /* of the last replayed step, when asked */
    uint32_t nevents, capevents;
    Cause *causes; /* references that appeared / disappeared in that step */
    uint32_t ncauses, capcauses;
} Replay;

static void push_cause(Replay *r, uint32_t uid, uint32_t label, uint32_t from, bool added) {
    if (r->ncauses == r->capcauses) {
        r->capcauses = r->capcauses ? r->capcauses * 2 : 32;
        r->causes = realloc(r->causes, sizeof(Cause) * r->capcauses);
        if (!r->causes) abort();
    }
    r->causes[r->ncauses++] = (Cause){uid, label, from, added};
}

static bool has_edge(const ObjRec *o, uint32_t label, uint32_t ref) {
    for (uint32_t i = 0; i < o->nedges; i++)
        if (o->edges[i].ref == ref && o->edges[i].label == label) return true;
    return false;
}

static bool has_var(const FrameRec *f, uint32_t name, uint32_t ref) {
    for (uint32_t i = 0; i < f->nvars; i++)
        if (f->vars[i].ref == ref && f->vars[i].name == name) return true;
    return false;
}

static void push_event(Replay *r, const char *op, uint32_t id, int64_t o, int64_t n) {
    if (r->nevents == r->capevents) {
        r->capevents = r->capevents ? r->capevents * 2 : 32;
        r->events = realloc(r->events, sizeof(TraceEvent) * r->capevents);
        if (!r->events) abort();
    }
    TraceEvent *e = &r->events[r->nevents++];
    e->op = op;
    e->id = id;
    e->old_value = o;
    e->new_value = n;
    e->by = NULL;
}

static void load_checkpoint(const Trace *t, const Checkpoint *c, State *st) {
    const uint8_t *p = t->blobs.p + c->blob_off;
    uint64_t n = get_u(&p);
    for (uint64_t i = 0; i < n; i++) {
        get_u(&p); /* R_OBJ */
        st_insert(st, get_obj(&p));
    }
    uint64_t nf = get_u(&p);
    st_set_frames(st, (uint32_t)nf);
    for (uint64_t i = 0; i < nf; i++) {
        get_u(&p); /* R_FRAME */
        uint32_t idx = (uint32_t)get_u(&p);
        get_frame(&p, &st->frames[idx]);
    }
    for (int i = 0; i < 7; i++)
        st->gc[i] = (int)get_s(&p);
}

/* Applies the log records in [from, to). With `events`, notes what they did. */
static void apply(const Trace *t, Replay *r, size_t from, size_t to, bool events, bool marks) {
    const uint8_t *p = t->log.p + from, *end = t->log.p + to;
    State *st = &r->st;
    while (p < end) {
        int tag = (int)get_u(&p);
        switch (tag) {
        case R_OBJ: {
            ObjRec *o = get_obj(&p);
            ObjRec *old = st_get(st, o->uid);
            if (events && !o->is_static) {
                if (!old)
                    push_event(r, "alloc", o->uid, 0, o->refcnt);
                else {
                    if (old->refcnt != o->refcnt)
                        push_event(r, "refcount", o->uid, old->refcnt, o->refcnt);
                    push_event(r, "content", o->uid, 0, 0);
                }
                for (uint32_t i = 0; i < o->nedges; i++)
                    if (!old || !has_edge(old, o->edges[i].label, o->edges[i].ref))
                        push_cause(r, o->edges[i].ref, o->edges[i].label & 0x7fffffffu, o->uid,
                                   true);
                for (uint32_t i = 0; old && i < old->nedges; i++)
                    if (!has_edge(o, old->edges[i].label, old->edges[i].ref))
                        push_cause(r, old->edges[i].ref, old->edges[i].label & 0x7fffffffu, o->uid,
                                   false);
            }
            if (old)
                st_replace(st, o);
            else
                st_insert(st, o);
            break;
        }
        case R_FREE: {
            uint32_t uid = (uint32_t)get_u(&p);
            ObjRec *old = st_get(st, uid);
            if (events && old) {
                push_event(r, "free", uid, old->refcnt, 0);
                for (uint32_t i = 0; i < old->nedges; i++) /* its references go with it */
                    push_cause(r, old->edges[i].ref, old->edges[i].label & 0x7fffffffu, uid, false);
            }
            st_remove(st, uid);
            break;
        }
        case R_RC: {
            uint32_t uid = (uint32_t)get_u(&p);
            int64_t rc = get_s(&p);
            ObjRec *o = st_get(st, uid);
            if (o) {
                if (events && !o->is_static) push_event(r, "refcount", uid, o->refcnt, rc);
                o->refcnt = rc;
            }
            break;
        }
        case R_FRAME: {
            uint32_t idx = (uint32_t)get_u(&p);
            if (idx >= st->nframes) st_set_frames(st, idx + 1);
            FrameRec old = st->frames[idx];
            memset(&st->frames[idx], 0, sizeof(FrameRec));
            get_frame(&p, &st->frames[idx]);
            FrameRec *nf = &st->frames[idx];
            if (events) {
                bool same = old.uid == nf->uid;
                for (uint32_t i = 0; i < nf->nvars; i++)
                    if (!same || !has_var(&old, nf->vars[i].name, nf->vars[i].ref))
                        push_cause(r, nf->vars[i].ref, nf->vars[i].name, 0, true);
                for (uint32_t i = 0; same && i < old.nvars; i++)
                    if (!has_var(nf, old.vars[i].name, old.vars[i].ref))
                        push_cause(r, old.vars[i].ref, old.vars[i].name, 0, false);
            }
            frame_rec_free(&old);
            break;
        }
        case R_FRAMES_TRUNC:
            st_set_frames(st, (uint32_t)get_u(&p));
            break;
        case R_GCSTATE:
            for (int i = 0; i < 7; i++)
                st->gc[i] = (int)get_s(&p);
            break;
        case R_GCMARK: {
            uint32_t n = (uint32_t)get_u(&p);
            if (marks) {
                free(r->marks);
                r->marks = malloc(sizeof(GcMarkRec) * (n ? n : 1));
                r->nmarks = n;
            }
            for (uint32_t i = 0; i < n; i++) {
                uint32_t uid = (uint32_t)get_u(&p);
                int64_t g = get_s(&p);
                uint8_t m = (uint8_t)get_u(&p);
                if (marks) r->marks[i] = (GcMarkRec){uid, g, m};
            }
            break;
        }
        default:
            return; /* corrupt: stop */
        }
    }
}

static size_t step_end_off(const Trace *t, size_t n) {
    return n + 1 < t->nsteps ? t->steps[n + 1].log_off : t->log.n;
}

/* Rebuilds the state after step n into r (events of step n when asked). */
static void replay_to(const Trace *t, size_t n, Replay *r, bool events) {
    memset(r, 0, sizeof *r);
    /* the last checkpoint at or before n */
    size_t lo = 0, hi = t->ncks;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->cks[mid].step <= n)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t from = 0;
    if (lo > 0) {
        const Checkpoint *c = &t->cks[lo - 1];
        load_checkpoint(t, c, &r->st);
        from = c->log_off;
    }
    size_t start = t->steps[n].log_off;
    if (from < start) apply(t, r, from, start, false, false);
    apply(t, r, start > from ? start : from, step_end_off(t, n), events, true);
}

static void replay_free(Replay *r) {
    st_clear(&r->st);
    free(r->marks);
    free(r->events);
    free(r->causes);
}

/* ================================================================ snapshots */

static int cmp_uid(const void *a, const void *b) {
    uint32_t x = ((const TraceObject *)a)->id, y = ((const TraceObject *)b)->id;
    return x < y ? -1 : x > y;
}

/* Marks reachable objects (from frames' variables and stacks, and modules). */
static void compute_reachable(const Trace *t, const State *st, TraceObject *objs, uint32_t n) {
    (void)t;
    uint32_t *queue = malloc(sizeof(uint32_t) * (n + 1));
    uint32_t qh = 0, qt = 0;
#define FIND(uid)                                                                                  \
    ((TraceObject *)bsearch(&(TraceObject){.id = (uid)}, objs, n, sizeof(TraceObject), cmp_uid))
#define PUSHQ(uid)                                                                                 \
    do {                                                                                           \
        TraceObject *o_ = FIND(uid);                                                               \
        if (o_ && !o_->reachable) {                                                                \
            o_->reachable = true;                                                                  \
            queue[qt++] = (uint32_t)(o_ - objs);                                                   \
        }                                                                                          \
    } while (0)
    for (uint32_t f = 0; f < st->nframes; f++) {
        for (uint32_t i = 0; i < st->frames[f].nvars; i++)
            PUSHQ(st->frames[f].vars[i].ref);
        for (uint32_t i = 0; i < st->frames[f].nstack; i++)
            PUSHQ(st->frames[f].stack[i]);
    }
    for (uint32_t i = 0; i < n; i++)
        if (!strcmp(objs[i].type, "module") || objs[i].is_static) PUSHQ(objs[i].id);
    /* an object with more references than the drawn ones (from a container's items beyond
     * TRACE_MAX_EDGES, from code objects, library objects ...) is held from outside the
     * picture: only objects whose every referrer is drawn and unreachable are garbage */
    {
        uint32_t *in = calloc(n + 1, sizeof(uint32_t));
        for (uint32_t i = 0; i < n; i++)
            for (uint32_t e = 0; e < objs[i].nedges; e++) {
                if (objs[i].edges[e].weak) continue;
                TraceObject *c = FIND(objs[i].edges[e].ref);
                if (c) in[c - objs]++;
            }
        for (uint32_t f = 0; f < st->nframes; f++) {
            for (uint32_t v = 0; v < st->frames[f].nvars; v++) {
                TraceObject *c = FIND(st->frames[f].vars[v].ref);
                if (c) in[c - objs]++;
            }
            for (uint32_t v = 0; v < st->frames[f].nstack; v++) {
                TraceObject *c = FIND(st->frames[f].stack[v]);
                if (c) in[c - objs]++;
            }
        }
        for (uint32_t i = 0; i < n; i++)
            if (objs[i].refcount > (int64_t)in[i]) PUSHQ(objs[i].id);
        free(in);
    }
    while (qh < qt) {
        TraceObject *o = &objs[queue[qh++]];
        for (uint32_t e = 0; e < o->nedges; e++)
            if (!o->edges[e].weak) PUSHQ(o->edges[e].ref);
    }
#undef PUSHQ
#undef FIND
    free(queue);
}

static const char *label_of(const Trace *t, uint32_t l) {
    return t->pool.strs[l & 0x7fffffffu];
}

static void fill_object(const Trace *t, const ObjRec *r, TraceObject *o) {
    o->id = r->uid;
    o->type = t->pool.strs[r->type];
    o->repr = t->pool.strs[r->repr];
    o->refcount = r->refcnt;
    o->size = r->size;
    o->address = r->addr;
    o->generation = r->gen;
    o->is_static = r->is_static;
    o->reachable = false;
    o->len = r->len;
    o->nedges = r->nedges;
    o->edges = r->nedges ? malloc(sizeof(TraceEdge) * r->nedges) : NULL;
    for (uint32_t i = 0; i < r->nedges; i++) {
        o->edges[i].label = label_of(t, r->edges[i].label);
        o->edges[i].ref = r->edges[i].ref;
        o->edges[i].weak = (r->edges[i].label & 0x80000000u) != 0;
    }
    o->gc_refs = -1;
    o->gc_mark = GCMARK_NONE;
}

static void fill_frames(const Trace *t, const State *st, TraceFrame **out, uint32_t *n) {
    *n = st->nframes;
    *out = st->nframes ? calloc(st->nframes, sizeof(TraceFrame)) : NULL;
    for (uint32_t i = 0; i < st->nframes; i++) {
        const FrameRec *f = &st->frames[i];
        TraceFrame *tf = &(*out)[i];
        tf->id = f->uid;
        tf->name = t->pool.strs[f->name];
        tf->line = f->line;
        tf->nlocals = f->nvars;
        tf->locals = f->nvars ? malloc(sizeof(TraceVar) * f->nvars) : NULL;
        for (uint32_t k = 0; k < f->nvars; k++) {
            tf->locals[k].name = t->pool.strs[f->vars[k].name];
            tf->locals[k].ref = f->vars[k].ref;
        }
        tf->nstack = f->nstack;
        tf->stack = f->nstack ? malloc(sizeof(uint32_t) * f->nstack) : NULL;
        if (f->nstack) memcpy(tf->stack, f->stack, sizeof(uint32_t) * f->nstack);
    }
}

/* Explains refcount events with the references that appeared or disappeared in the step:
 * "name b", "[0] of list #12"; otherwise the change came from a temporary ("stack"). */
static void explain_events(const Trace *t, TraceSnapshot *s, const Replay *r) {
    for (uint32_t i = 0; i < s->nevents; i++) {
        TraceEvent *e = &s->events[i];
        if (strcmp(e->op, "refcount") && strcmp(e->op, "alloc")) continue;
        bool up = e->new_value > e->old_value;
        for (uint32_t c = 0; c < r->ncauses; c++) {
            const Cause *k = &r->causes[c];
            if (k->uid != e->id || k->added != up) continue;
            char buf[160];
            if (k->from == 0) {
                snprintf(buf, sizeof buf, "name %s", t->pool.strs[k->label]);
            } else {
                const ObjRec *from = st_get((State *)&r->st, k->from);
                snprintf(buf, sizeof buf, "%s of %s #%u", t->pool.strs[k->label],
                         from ? t->pool.strs[from->type] : "object", k->from);
            }
            e->by = strdup(buf);
            break;
        }
        if (!e->by) e->by = strdup(strcmp(e->op, "alloc") ? "stack" : "new");
    }
}

static TraceSnapshot *build_snapshot(const Trace *t, size_t n, Replay *r) {
    TraceSnapshot *s = calloc(1, sizeof(TraceSnapshot));
    const TraceStep *step = &t->steps[n];
    s->step = (int)n;
    s->kind = step->kind;
    s->line = step->line;
    s->gc_phase = step->gc_phase;
    s->gc_generation = step->gc_gen;
    fill_frames(t, &r->st, &s->frames, &s->nframes);
    s->nobjects = r->st.n;
    s->objects = calloc(s->nobjects + 1, sizeof(TraceObject));
    uint32_t k = 0;
    for (uint32_t i = 0; i < r->st.cap; i++) {
        ObjRec *o = r->st.slots[i];
        if (o && o != (ObjRec *)1) fill_object(t, o, &s->objects[k++]);
    }
    s->nobjects = k;
    qsort(s->objects, k, sizeof(TraceObject), cmp_uid);
    compute_reachable(t, &r->st, s->objects, k);
    if (step->kind == STEP_GC && r->marks) {
        for (uint32_t i = 0; i < r->nmarks; i++) {
            TraceObject key = {.id = r->marks[i].uid};
            TraceObject *o = bsearch(&key, s->objects, k, sizeof(TraceObject), cmp_uid);
            if (o) {
                o->gc_refs = r->marks[i].gc_refs;
                o->gc_mark = r->marks[i].mark;
            }
        }
    }
    for (int i = 0; i < 3; i++) {
        s->gc_count[i] = r->st.gc[i];
        s->gc_threshold[i] = r->st.gc[3 + i];
    }
    s->gc_enabled = r->st.gc[6] != 0;
    s->mem_objects = step->objects;
    s->mem_bytes = step->bytes;
    s->mem_blocks = step->blocks;
    s->mem_pools = step->pools;
    s->mem_arenas = step->arenas;
    s->stdout_text = (const char *)t->out.p;
    s->stdout_len = step->stdout_len;
    if (!s->stdout_text) s->stdout_text = "";
    if (n == t->nsteps - 1) s->error = t->error;
    s->events = r->events;
    s->nevents = r->nevents;
    r->events = NULL;
    explain_events(t, s, r);
    return s;
}

TraceSnapshot *trace_snapshot(const Trace *t, size_t n) {
    if (n >= t->nsteps) return NULL;
    Replay r;
    replay_to(t, n, &r, true);
    TraceSnapshot *s = build_snapshot(t, n, &r);
    replay_free(&r);
    return s;
}

static void free_objects(TraceObject *o, uint32_t n) {
    for (uint32_t i = 0; i < n; i++)
        free(o[i].edges);
    free(o);
}

static void free_frames(TraceFrame *f, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        free(f[i].locals);
        free(f[i].stack);
    }
    free(f);
}

void trace_snapshot_free(TraceSnapshot *s) {
    if (!s) return;
    free_objects(s->objects, s->nobjects);
    free_frames(s->frames, s->nframes);
    for (uint32_t i = 0; i < s->nevents; i++)
        free((char *)s->events[i].by);
    free(s->events);
    free(s);
}

/* ================================================================ diffs */

static bool same_object(const TraceObject *a, const TraceObject *b) {
    if (a->refcount != b->refcount || a->size != b->size || a->generation != b->generation ||
        a->reachable != b->reachable || a->len != b->len || a->nedges != b->nedges ||
        a->gc_refs != b->gc_refs || a->gc_mark != b->gc_mark || strcmp(a->repr, b->repr) ||
        strcmp(a->type, b->type))
        return false;
    for (uint32_t i = 0; i < a->nedges; i++)
        if (a->edges[i].ref != b->edges[i].ref || a->edges[i].weak != b->edges[i].weak ||
            strcmp(a->edges[i].label, b->edges[i].label))
            return false;
    return true;
}

static void copy_object(TraceObject *dst, const TraceObject *src) {
    *dst = *src;
    dst->edges = src->nedges ? malloc(sizeof(TraceEdge) * src->nedges) : NULL;
    if (src->nedges) memcpy(dst->edges, src->edges, sizeof(TraceEdge) * src->nedges);
}

static bool same_frames(const TraceSnapshot *a, const TraceSnapshot *b) {
    if (a->nframes != b->nframes) return false;
    for (uint32_t i = 0; i < a->nframes; i++) {
        const TraceFrame *x = &a->frames[i], *y = &b->frames[i];
        if (x->id != y->id || x->line != y->line || x->nlocals != y->nlocals ||
            x->nstack != y->nstack || strcmp(x->name, y->name))
            return false;
        for (uint32_t k = 0; k < x->nlocals; k++)
            if (x->locals[k].ref != y->locals[k].ref ||
                strcmp(x->locals[k].name, y->locals[k].name))
                return false;
        if (x->nstack && memcmp(x->stack, y->stack, sizeof(uint32_t) * x->nstack)) return false;
    }
    return true;
}

TraceDiff *trace_diff(const Trace *t, size_t a, size_t b) {
    if (a >= t->nsteps || b >= t->nsteps) return NULL;
    TraceSnapshot *sa = trace_snapshot(t, a), *sb = trace_snapshot(t, b);
    TraceDiff *d = calloc(1, sizeof(TraceDiff));
    d->from = (int)a;
    d->to = (int)b;
    d->added = calloc(sb->nobjects + 1, sizeof(TraceObject));
    d->changed = calloc(sb->nobjects + 1, sizeof(TraceObject));
    d->removed = calloc(sa->nobjects + 1, sizeof(uint32_t));
    uint32_t i = 0, j = 0;
    while (i < sa->nobjects || j < sb->nobjects) {
        if (j >= sb->nobjects || (i < sa->nobjects && sa->objects[i].id < sb->objects[j].id)) {
            d->removed[d->nremoved++] = sa->objects[i++].id;
        } else if (i >= sa->nobjects || sb->objects[j].id < sa->objects[i].id) {
            copy_object(&d->added[d->nadded++], &sb->objects[j++]);
        } else {
            if (!same_object(&sa->objects[i], &sb->objects[j]))
                copy_object(&d->changed[d->nchanged++], &sb->objects[j]);
            i++;
            j++;
        }
    }
    d->frames_changed = !same_frames(sa, sb);
    if (d->frames_changed) {
        d->frames = sb->frames;
        d->nframes = sb->nframes;
        sb->frames = NULL;
        sb->nframes = 0;
    }
    /* b's header: keep the snapshot without its object list */
    free_objects(sb->objects, sb->nobjects);
    sb->objects = NULL;
    sb->nobjects = 0;
    d->to_snap = sb;
    trace_snapshot_free(sa);
    return d;
}

void trace_diff_free(TraceDiff *d) {
    if (!d) return;
    free_objects(d->added, d->nadded);
    free_objects(d->changed, d->nchanged);
    free(d->removed);
    free_frames(d->frames, d->nframes);
    trace_snapshot_free(d->to_snap);
    free(d);
}

/* ================================================================ retainers */

size_t trace_retainers(const Trace *t, size_t n, uint32_t id, uint32_t *path, const char **labels,
                       size_t max, char *root_name, size_t root_cap) {
    TraceSnapshot *s = trace_snapshot(t, n);
    if (!s) return 0;
    uint32_t no = s->nobjects;
    int32_t *parent = malloc(sizeof(int32_t) * (no + 1));
    const char **plabel = calloc(no + 1, sizeof(char *));
    uint32_t *queue = malloc(sizeof(uint32_t) * (no + 1));
    for (uint32_t i = 0; i < no; i++)
        parent[i] = -2;
    uint32_t qh = 0, qt = 0;
    const char *rootvar[1] = {NULL};
    const char **rootnames = calloc(no + 1, sizeof(char *));
    /* roots: frame variables (innermost frame first), then modules */
    for (uint32_t f = s->nframes; f-- > 0;)
        for (uint32_t k = 0; k < s->frames[f].nlocals; k++) {
            TraceObject key = {.id = s->frames[f].locals[k].ref};
            TraceObject *o = bsearch(&key, s->objects, no, sizeof(TraceObject), cmp_uid);
            if (o && parent[o - s->objects] == -2) {
                parent[o - s->objects] = -1;
                rootnames[o - s->objects] = s->frames[f].locals[k].name;
                queue[qt++] = (uint32_t)(o - s->objects);
            }
        }
    for (uint32_t i = 0; i < no; i++)
        if (!strcmp(s->objects[i].type, "module") && parent[i] == -2) {
            parent[i] = -1;
            rootnames[i] = s->objects[i].repr;
            queue[qt++] = i;
        }
    (void)rootvar;
    while (qh < qt) {
        uint32_t u = queue[qh++];
        TraceObject *o = &s->objects[u];
        for (uint32_t e = 0; e < o->nedges; e++) {
            if (o->edges[e].weak) continue;
            TraceObject key = {.id = o->edges[e].ref};
            TraceObject *c = bsearch(&key, s->objects, no, sizeof(TraceObject), cmp_uid);
            if (c && parent[c - s->objects] == -2) {
                parent[c - s->objects] = (int32_t)u;
                plabel[c - s->objects] = o->edges[e].label;
                queue[qt++] = (uint32_t)(c - s->objects);
            }
        }
    }
    size_t len = 0;
    TraceObject key = {.id = id};
    TraceObject *target = bsearch(&key, s->objects, no, sizeof(TraceObject), cmp_uid);
    if (target && parent[target - s->objects] != -2) {
        uint32_t chain[4096];
        size_t nc = 0;
        int32_t cur = (int32_t)(target - s->objects);
        while (cur >= 0 && nc < 4096) {
            chain[nc++] = (uint32_t)cur;
            if (parent[cur] == -1) break;
            cur = parent[cur];
        }
        if (root_name && root_cap)
            snprintf(root_name, root_cap, "%s",
                     rootnames[chain[nc - 1]] ? rootnames[chain[nc - 1]] : "");
        for (size_t i = 0; i < nc && len < max; i++) {
            uint32_t idx = chain[nc - 1 - i];
            path[len] = s->objects[idx].id;
            if (labels) labels[len] = plabel[idx]; /* pool strings: they outlive the snapshot */
            len++;
        }
    }
    free(parent);
    free(plabel);
    free(queue);
    free(rootnames);
    trace_snapshot_free(s);
    return len;
}
