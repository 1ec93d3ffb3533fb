/*
 * memprof.c - the simulated memory_profiler (its C half, module `_memviz`).
 *
 * memory_profiler measures the resident set size of the process. memviz has no process to
 * measure, so it reports the model's: a fixed interpreter baseline plus the pymalloc arenas
 * and the "malloc" blocks of the simulated heap (alloc_rss). Time is simulated too: one line
 * step counts as one microsecond, so memory_usage(interval=0.1) samples every 100,000 steps.
 * The figures are deterministic: the same program always gives the same list.
 */
#include "heap/lang/code.h"
#include "heap/types/types.h"

#include <stdlib.h>
#include <string.h>

#define STEPS_PER_SECOND 1000000.0

typedef struct MemProbe {
    struct MemProbe *outer;
    /* sampling (memory_usage) */
    Obj *samples; /* List of floats, or NULL */
    uint64_t every, next;
    /* line profiling (@profile) */
    Code *code; /* the profiled function's code, or NULL */
    int first, nlines;
    double *mem, *inc; /* per line: memory after it ran, sum of increments */
    int *occ;
    int last_line; /* the line being executed, 0 before the first */
    double last_mem;
} MemProbe;

static double rss_mib(Vm *vm) {
    return (double)alloc_rss(&vm->alloc) / (1024.0 * 1024.0);
}

void memprobe_line(Vm *vm, Frame *f, int line) {
    MemProbe *p = vm->probe;
    if (p->samples && vm->steps >= p->next) {
        Obj *v = float_new(vm, rss_mib(vm));
        if (v) {
            list_append(vm, p->samples, v);
            DECREF(vm, v);
        }
        p->next = vm->steps + p->every;
    }
    if (p->code && f->code == p->code) {
        double now = rss_mib(vm);
        if (p->last_line >= p->first && p->last_line < p->first + p->nlines) {
            /* the memory after a line is attributed to it when the next line starts */
            int i = p->last_line - p->first;
            p->inc[i] += now - p->last_mem;
            p->mem[i] = now;
        }
        if (line >= p->first && line < p->first + p->nlines) p->occ[line - p->first]++;
        p->last_line = line;
        p->last_mem = now;
    }
}

static Obj *call_with(Vm *vm, Obj *f, Obj *args, Obj *kwargs) {
    if (!IS_TUPLE(args)) return vm_raise(vm, &Exc_TypeError, "args must be a tuple");
    ssize_t np = TUPLE_LEN(args), nk = kwargs && IS_DICT(kwargs) ? DICT_LEN(kwargs) : 0;
    Obj **argv = malloc(sizeof(Obj *) * (size_t)(np + nk + 1));
    for (ssize_t i = 0; i < np; i++)
        argv[i] = TUPLE_ITEM(args, i);
    Obj *kn = NULL;
    if (nk) {
        kn = tuple_new(vm, nk);
        ssize_t pos = 0, j = 0;
        Obj *k, *v;
        while (dict_next(kwargs, &pos, &k, &v)) {
            TUPLE_ITEM(kn, j) = obj_newref(k);
            argv[np + j++] = v;
        }
    }
    Obj *r = obj_call(vm, f, argv, (int)np, kn);
    XDECREF(vm, kn);
    free(argv);
    return r;
}

/* sample(f, args, kwargs, interval) -> (samples, result) */
static Obj *m_sample(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)self;
    if (!args_check(vm, "sample", nargs, 4, 4) || !args_no_kw(vm, "sample", kw)) return NULL;
    double interval = 0.1;
    if (IS_FLOAT(args[3]))
        interval = ((Float *)args[3])->v;
    else if (IS_INT(args[3])) {
        bool ok;
        interval = int_as_double(vm, args[3], &ok);
    }
    if (interval <= 0) interval = 0.1;
    MemProbe p = {0};
    p.samples = list_new(vm, 0);
    if (!p.samples) return NULL;
    p.every = (uint64_t)(interval * STEPS_PER_SECOND);
    if (!p.every) p.every = 1;
    Obj *first = float_new(vm, rss_mib(vm)); /* a sample as the function starts */
    list_append(vm, p.samples, first);
    DECREF(vm, first);
    p.next = vm->steps + p.every;
    p.outer = vm->probe;
    vm->probe = &p;
    Obj *r = call_with(vm, args[0], args[1], args[2]);
    vm->probe = p.outer;
    if (!r) {
        DECREF(vm, p.samples);
        return NULL;
    }
    Obj *last = float_new(vm, rss_mib(vm)); /* and one as it ends */
    list_append(vm, p.samples, last);
    DECREF(vm, last);
    Obj *t = tuple_pack(vm, 2, p.samples, r);
    DECREF(vm, p.samples);
    DECREF(vm, r);
    return t;
}

/* profile(f, args, kwargs) -> (result, [(line, mem, inc, occ), ...]) */
static Obj *m_profile(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)self;
    if (!args_check(vm, "profile", nargs, 3, 3) || !args_no_kw(vm, "profile", kw)) return NULL;
    Obj *f = args[0];
    if (KIND(f) != OBJ_FUNCTION) return vm_raise(vm, &Exc_TypeError, "profile() needs a function");
    Code *co = ((Function *)f)->code;
    int last = co->firstlineno;
    for (int i = 0; i < co->ncode; i++)
        if ((co->lines[i] & LINE_MASK) > last) last = co->lines[i] & LINE_MASK;
    MemProbe p = {0};
    p.code = co;
    p.first = co->firstlineno;
    p.nlines = last - co->firstlineno + 1;
    p.mem = calloc((size_t)p.nlines, sizeof(double));
    p.inc = calloc((size_t)p.nlines, sizeof(double));
    p.occ = calloc((size_t)p.nlines, sizeof(int));
    /* the def line: memory as the call starts */
    p.mem[0] = rss_mib(vm);
    p.inc[0] = p.mem[0];
    p.occ[0] = 1;
    p.last_mem = p.mem[0];
    p.outer = vm->probe;
    vm->probe = &p;
    Obj *r = call_with(vm, f, args[1], args[2]);
    vm->probe = p.outer;
    if (r && p.last_line >= p.first && p.last_line < p.first + p.nlines) {
        int i = p.last_line - p.first;
        double now = rss_mib(vm);
        p.inc[i] += now - p.last_mem;
        p.mem[i] = now;
    }
    Obj *rows = r ? list_new(vm, 0) : NULL;
    for (int i = 0; rows && i < p.nlines; i++) {
        if (!p.occ[i]) continue;
        Obj *ln = int_from_i64(vm, p.first + i), *m = float_new(vm, p.mem[i]),
            *inc = float_new(vm, p.inc[i]), *oc = int_from_i64(vm, p.occ[i]);
        Obj *row = tuple_pack(vm, 4, ln, m, inc, oc);
        list_append(vm, rows, row);
        DECREF(vm, row);
        DECREF(vm, ln);
        DECREF(vm, m);
        DECREF(vm, inc);
        DECREF(vm, oc);
    }
    free(p.mem);
    free(p.inc);
    free(p.occ);
    if (!r) return NULL;
    Obj *t = tuple_pack(vm, 2, r, rows);
    DECREF(vm, r);
    DECREF(vm, rows);
    return t;
}

static Obj *m_rss(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)self;
    (void)args;
    if (!args_check(vm, "rss", nargs, 0, 0) || !args_no_kw(vm, "rss", kw)) return NULL;
    return float_new(vm, rss_mib(vm));
}

/* source_lines(code) -> (filename, [lines of the main source]) */
static Obj *m_source(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)self;
    (void)args;
    if (!args_check(vm, "source", nargs, 0, 0) || !args_no_kw(vm, "source", kw)) return NULL;
    Obj *l = list_new(vm, 0);
    const char *p = vm->source ? vm->source : "", *end = p + (vm->source ? vm->source_len : 0);
    while (l && p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        Obj *s = str_new(vm, p, (size_t)(e - p));
        list_append(vm, l, s);
        DECREF(vm, s);
        p = nl ? nl + 1 : end;
    }
    Obj *fn = str_from_cstr(vm, vm->filename ? vm->filename : "");
    Obj *t = tuple_pack(vm, 2, fn, l);
    DECREF(vm, fn);
    DECREF(vm, l);
    return t;
}

const MethodDef memviz_funcs[] = {
    {"sample", m_sample}, {"profile", m_profile}, {"rss", m_rss},
    {"source", m_source}, {NULL, NULL},
};
