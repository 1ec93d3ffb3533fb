/*
 * json.c - the only JSON writer (cJSON): trace documents and API bodies.
 *
 * The field names below are the contract of docs/trace-format.md and docs/api.md;
 * tests/unit/test_json.c renders every document and compares its field paths with the
 * `fields` blocks of trace-format.md, so a field added here without the doc (or the other way
 * round) fails the test.
 *
 * Speed: a snapshot is rendered per request and per stream event, so its tree uses constant
 * keys (cJSON_AddItemToObjectCS) and references to the snapshot's strings
 * (cJSON_CreateStringReference): the only allocations are the nodes. The step index of a
 * million-step run would need ~9 million nodes, so its columns are written straight into a
 * text buffer (numbers and fixed names only, nothing to escape) and attached as a raw node.
 */
#include "server/json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- names */

static const char *const step_kind_names[] = {"line", "call", "return", "exception",
                                              "gc",   "end",  "error",  "stopped"};
static const char *const gc_mark_names[] = {"none", "reachable", "unreachable", "finalized",
                                            "garbage"};
/* Indexed by GcPhase (heap/gc.h); the same names as gc.c's gc_phase_names (checked by
 * tests/unit/test_json.c) and docs/trace-format.md. */
static const char *const gc_phase_names_json[] = {
    "start",   "merge",    "update_refs", "subtract_refs", "move_unreachable",
    "promote", "weakrefs", "finalize",    "resurrect",     "delete",
    "done"};

#define NELEMS(a) (sizeof(a) / sizeof((a)[0]))

const char *json_step_kind_name(int kind) {
    if (kind >= 0 && (size_t)kind < NELEMS(step_kind_names)) {
        const char *n = trace_step_kind_names[kind];
        return n ? n : step_kind_names[kind];
    }
    return "line";
}

const char *json_gc_phase_name(int phase) {
    if (phase < 0 || (size_t)phase >= NELEMS(gc_phase_names_json)) return NULL;
    return gc_phase_names_json[phase];
}

const char *json_gc_mark_name(int mark) {
    return mark >= 0 && (size_t)mark < NELEMS(gc_mark_names) ? gc_mark_names[mark] : "none";
}

/* ---------------------------------------------------------------- small builders */

/* Constant key, no copy. Every key in this file is a string literal. */
#define ADD(obj, key, item) cJSON_AddItemToObjectCS((obj), (key), (item))

/* An integer. cJSON 1.7.15 prints every number with sprintf("%1.15g") and checks it with
 * sscanf, which took most of a snapshot's rendering time (a snapshot is mostly integers), so
 * integers are written as raw decimal text instead: same JSON, ~3x faster. */
static cJSON *num_i64(int64_t v) {
    char tmp[24];
    int k = (int)sizeof tmp - 1;
    tmp[k] = 0;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[--k] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) tmp[--k] = '-';
    return cJSON_CreateRaw(tmp + k);
}
static cJSON *num(double v) {
    return num_i64((int64_t)v);
} /* every number here is whole */
/* A borrowed string (NULL -> null). */
static cJSON *sref(const char *s) {
    return s ? cJSON_CreateStringReference(s) : cJSON_CreateNull();
}
/* A copied string (NULL -> null). */
static cJSON *scopy(const char *s) {
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}
/* A copied string of n bytes that need not be NUL-terminated. */
static cJSON *scopy_n(const char *s, size_t n) {
    if (!s) return cJSON_CreateString("");
    char *tmp = malloc(n + 1);
    if (!tmp) return NULL;
    memcpy(tmp, s, n);
    tmp[n] = 0;
    cJSON *r = cJSON_CreateString(tmp);
    free(tmp);
    return r;
}
/* An id, with 0 (unbound / NULL slot) -> null. */
static cJSON *ref_or_null(uint32_t id) {
    return id ? num(id) : cJSON_CreateNull();
}
static cJSON *int3(const int v[3]) {
    cJSON *a = cJSON_CreateArray();
    for (int i = 0; i < 3; i++)
        cJSON_AddItemToArray(a, num_i64(v[i]));
    return a;
}

/* ---------------------------------------------------------------- snapshot parts */

static cJSON *object_json(const TraceObject *o) {
    cJSON *j = cJSON_CreateObject();
    ADD(j, "id", num(o->id));
    ADD(j, "type", sref(o->type ? o->type : "?"));
    ADD(j, "repr", sref(o->repr ? o->repr : ""));
    ADD(j, "refcount", num_i64(o->refcount));
    ADD(j, "size", num(o->size));
    ADD(j, "address", num_i64((int64_t)o->address));
    ADD(j, "generation", o->generation >= 0 ? num(o->generation) : cJSON_CreateNull());
    ADD(j, "static", cJSON_CreateBool(o->is_static));
    ADD(j, "reachable", cJSON_CreateBool(o->reachable));
    ADD(j, "len", num(o->len));
    cJSON *refs = cJSON_CreateArray();
    for (uint32_t i = 0; i < o->nedges; i++) {
        const TraceEdge *e = &o->edges[i];
        cJSON *ej = cJSON_CreateObject();
        ADD(ej, "label", sref(e->label));
        ADD(ej, "ref", num(e->ref));
        ADD(ej, "weak", cJSON_CreateBool(e->weak));
        cJSON_AddItemToArray(refs, ej);
    }
    ADD(j, "refs", refs);
    ADD(j, "gc_refs", o->gc_refs >= 0 ? num_i64(o->gc_refs) : cJSON_CreateNull());
    ADD(j, "gc_mark", cJSON_CreateStringReference(json_gc_mark_name(o->gc_mark)));
    return j;
}

static cJSON *objects_json(const TraceObject *objs, uint32_t n) {
    cJSON *a = cJSON_CreateArray();
    for (uint32_t i = 0; i < n; i++)
        cJSON_AddItemToArray(a, object_json(&objs[i]));
    return a;
}

static cJSON *frames_json(const TraceFrame *frames, uint32_t n) {
    cJSON *a = cJSON_CreateArray();
    for (uint32_t i = 0; i < n; i++) {
        const TraceFrame *f = &frames[i];
        cJSON *fj = cJSON_CreateObject();
        ADD(fj, "id", num(f->id));
        ADD(fj, "name", sref(f->name ? f->name : "?"));
        ADD(fj, "line", num(f->line));
        cJSON *locals = cJSON_CreateArray();
        for (uint32_t k = 0; k < f->nlocals; k++) {
            cJSON *v = cJSON_CreateObject();
            ADD(v, "name", sref(f->locals[k].name ? f->locals[k].name : "?"));
            ADD(v, "ref", ref_or_null(f->locals[k].ref));
            cJSON_AddItemToArray(locals, v);
        }
        ADD(fj, "locals", locals);
        cJSON *stack = cJSON_CreateArray();
        for (uint32_t k = 0; k < f->nstack; k++)
            cJSON_AddItemToArray(stack, ref_or_null(f->stack[k]));
        ADD(fj, "stack", stack);
        cJSON_AddItemToArray(a, fj);
    }
    return a;
}

static cJSON *events_json(const TraceEvent *ev, uint32_t n) {
    cJSON *a = cJSON_CreateArray();
    for (uint32_t i = 0; i < n; i++) {
        cJSON *e = cJSON_CreateObject();
        ADD(e, "op", sref(ev[i].op ? ev[i].op : "?"));
        ADD(e, "id", num(ev[i].id));
        ADD(e, "old", num_i64(ev[i].old_value));
        ADD(e, "new", num_i64(ev[i].new_value));
        ADD(e, "by", sref(ev[i].by));
        cJSON_AddItemToArray(a, e);
    }
    return a;
}

static cJSON *gc_json(const TraceSnapshot *s) {
    cJSON *g = cJSON_CreateObject();
    const char *phase = json_gc_phase_name(s->gc_phase);
    ADD(g, "phase", phase ? cJSON_CreateStringReference(phase) : cJSON_CreateNull());
    ADD(g, "generation", s->gc_generation >= 0 ? num(s->gc_generation) : cJSON_CreateNull());
    ADD(g, "count", int3(s->gc_count));
    ADD(g, "threshold", int3(s->gc_threshold));
    ADD(g, "enabled", cJSON_CreateBool(s->gc_enabled));
    return g;
}

static cJSON *memory_json(const TraceSnapshot *s) {
    cJSON *m = cJSON_CreateObject();
    ADD(m, "objects", num(s->mem_objects));
    ADD(m, "bytes", num_i64((int64_t)s->mem_bytes));
    ADD(m, "blocks", num(s->mem_blocks));
    ADD(m, "pools", num(s->mem_pools));
    ADD(m, "arenas", num(s->mem_arenas));
    return m;
}

/* The header fields shared by snapshot and diff, in document order around the body. */
static void header_head(cJSON *j, const TraceSnapshot *s) {
    ADD(j, "step", num(s->step));
    ADD(j, "kind", cJSON_CreateStringReference(json_step_kind_name(s->kind)));
    ADD(j, "line", num(s->line));
    ADD(j, "gc", gc_json(s));
}

static void header_tail(cJSON *j, const TraceSnapshot *s) {
    ADD(j, "events", events_json(s->events, s->nevents));
    ADD(j, "memory", memory_json(s));
    ADD(j, "stdout", scopy_n(s->stdout_text, s->stdout_text ? s->stdout_len : 0));
    ADD(j, "error", sref(s->error));
}

/* ---------------------------------------------------------------- documents */

cJSON *json_snapshot(const TraceSnapshot *s) {
    cJSON *j = cJSON_CreateObject();
    ADD(j, "version", num(TRACE_FORMAT_VERSION));
    header_head(j, s);
    ADD(j, "frames", frames_json(s->frames, s->nframes));
    ADD(j, "objects", objects_json(s->objects, s->nobjects));
    header_tail(j, s);
    return j;
}

cJSON *json_diff(const TraceDiff *d) {
    cJSON *j = cJSON_CreateObject();
    ADD(j, "version", num(TRACE_FORMAT_VERSION));
    ADD(j, "from", num(d->from));
    ADD(j, "to", num(d->to));
    TraceSnapshot empty = {0};
    const TraceSnapshot *s = d->to_snap;
    if (!s) { /* defensive: the recorder always fills to_snap */
        empty.step = d->to;
        empty.gc_phase = -1;
        empty.gc_generation = -1;
        s = &empty;
    }
    header_head(j, s);
    ADD(j, "added", objects_json(d->added, d->nadded));
    cJSON *removed = cJSON_CreateArray();
    for (uint32_t i = 0; i < d->nremoved; i++)
        cJSON_AddItemToArray(removed, num(d->removed[i]));
    ADD(j, "removed", removed);
    ADD(j, "changed", objects_json(d->changed, d->nchanged));
    if (d->frames_changed) ADD(j, "frames", frames_json(d->frames, d->nframes));
    header_tail(j, s);
    return j;
}

/* ---------------------------------------------------------------- step index */

/* A growable text buffer for the index columns. */
typedef struct {
    char *p;
    size_t n, cap;
    int oom;
} Buf;

static void buf_put(Buf *b, const char *s, size_t n) {
    if (b->oom) return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (b->n + n + 1 > cap)
            cap *= 2;
        char *np = realloc(b->p, cap);
        if (!np) {
            b->oom = 1;
            return;
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

static void buf_str(Buf *b, const char *s) {
    buf_put(b, s, strlen(s));
}

static void buf_u64(Buf *b, uint64_t v) {
    char tmp[24];
    int k = 0;
    do {
        tmp[sizeof tmp - 1 - k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    buf_put(b, tmp + sizeof tmp - k, (size_t)k);
}

enum {
    COL_KIND,
    COL_LINE,
    COL_EVENTS,
    COL_GC_PHASE,
    COL_GC_GEN,
    COL_DEPTH,
    COL_OBJECTS,
    COL_BYTES,
    COL_STDOUT_LEN,
    NCOLS
};
static const char *const col_names[NCOLS] = {"kind",     "line",          "events",
                                             "gc_phase", "gc_generation", "depth",
                                             "objects",  "bytes",         "stdout_len"};

/* Writes column c of every step of t as a JSON array. */
static void index_column(Buf *b, const Trace *t, size_t nsteps, int c) {
    buf_str(b, "[");
    for (size_t i = 0; i < nsteps; i++) {
        const TraceStep *st = trace_step(t, i);
        if (i) buf_str(b, ",");
        if (!st) {
            buf_str(b, "null");
            continue;
        }
        switch (c) {
        case COL_KIND:
            buf_str(b, "\"");
            buf_str(b, json_step_kind_name(st->kind));
            buf_str(b, "\"");
            break;
        case COL_LINE:
            buf_u64(b, st->line);
            break;
        case COL_EVENTS:
            buf_u64(b, st->nevents);
            break;
        case COL_GC_PHASE: {
            const char *ph = st->kind == STEP_GC ? json_gc_phase_name(st->gc_phase) : NULL;
            if (ph) {
                buf_str(b, "\"");
                buf_str(b, ph);
                buf_str(b, "\"");
            } else {
                buf_str(b, "null");
            }
            break;
        }
        case COL_GC_GEN:
            if (st->gc_gen >= 0)
                buf_u64(b, (uint64_t)st->gc_gen);
            else
                buf_str(b, "null");
            break;
        case COL_DEPTH:
            buf_u64(b, st->depth);
            break;
        case COL_OBJECTS:
            buf_u64(b, st->objects);
            break;
        case COL_BYTES:
            buf_u64(b, st->bytes);
            break;
        case COL_STDOUT_LEN:
            buf_u64(b, st->stdout_len);
            break;
        }
    }
    buf_str(b, "]");
}

void json_index_add(cJSON *j, const Trace *t, const char *filename) {
    size_t nsteps = trace_nsteps(t);
    ADD(j, "version", num(TRACE_FORMAT_VERSION));
    ADD(j, "filename", scopy(filename ? filename : "<input>"));
    ADD(j, "nsteps", num((double)nsteps));
    ADD(j, "nevents", num((double)trace_nevents(t)));
    const TraceStep *last = nsteps ? trace_step(t, nsteps - 1) : NULL;
    ADD(j, "status", cJSON_CreateStringReference(last ? json_step_kind_name(last->kind) : "end"));
    ADD(j, "exit_status", num(trace_exit_status(t)));
    size_t outlen = 0;
    const char *out = trace_stdout(t, &outlen);
    ADD(j, "stdout", scopy_n(out, out ? outlen : 0));
    ADD(j, "error", scopy(trace_error(t)));
    ADD(j, "trace_bytes", num((double)trace_bytes(t)));

    Buf b = {0};
    buf_str(&b, "{");
    for (int c = 0; c < NCOLS; c++) {
        if (c) buf_str(&b, ",");
        buf_str(&b, "\"");
        buf_str(&b, col_names[c]);
        buf_str(&b, "\":");
        index_column(&b, t, nsteps, c);
    }
    buf_str(&b, "}");
    ADD(j, "steps", b.oom ? cJSON_CreateNull() : cJSON_CreateRaw(b.p));
    free(b.p);
}

cJSON *json_index(const Trace *t, const char *filename) {
    cJSON *j = cJSON_CreateObject();
    json_index_add(j, t, filename);
    return j;
}

/* ---------------------------------------------------------------- retainers, errors, API */

cJSON *json_retainers(size_t step, uint32_t id, const char *root, const uint32_t *path,
                      const char *const *labels, size_t n) {
    cJSON *j = cJSON_CreateObject();
    ADD(j, "step", num((double)step));
    ADD(j, "id", num(id));
    ADD(j, "reachable", cJSON_CreateBool(n > 0));
    ADD(j, "root", n > 0 && root && root[0] ? scopy(root) : cJSON_CreateNull());
    cJSON *p = cJSON_CreateArray();
    for (size_t i = 0; i < n; i++) {
        cJSON *e = cJSON_CreateObject();
        ADD(e, "id", num(path[i]));
        ADD(e, "label", i > 0 && labels ? scopy(labels[i]) : cJSON_CreateNull());
        cJSON_AddItemToArray(p, e);
    }
    ADD(j, "path", p);
    return j;
}

cJSON *json_error(const char *code, const char *message) {
    cJSON *j = cJSON_CreateObject();
    cJSON *e = cJSON_CreateObject();
    ADD(e, "code", scopy(code));
    ADD(e, "message", scopy(message ? message : ""));
    ADD(j, "error", e);
    return j;
}

cJSON *json_run_summary(const char *id, const char *filename, const Trace *t) {
    cJSON *j = cJSON_CreateObject();
    ADD(j, "id", scopy(id));
    ADD(j, "state", cJSON_CreateStringReference(t ? "done" : "running"));
    ADD(j, "filename", scopy(filename ? filename : "<input>"));
    if (!t) return j;
    size_t nsteps = trace_nsteps(t);
    ADD(j, "steps", num((double)nsteps));
    const TraceStep *last = nsteps ? trace_step(t, nsteps - 1) : NULL;
    ADD(j, "status", cJSON_CreateStringReference(last ? json_step_kind_name(last->kind) : "end"));
    ADD(j, "exit_status", num(trace_exit_status(t)));
    size_t outlen = 0;
    const char *out = trace_stdout(t, &outlen);
    ADD(j, "stdout", scopy_n(out, out ? outlen : 0));
    ADD(j, "error", scopy(trace_error(t)));
    return j;
}

cJSON *json_run_meta(const char *id, const char *filename, const char *source, const Trace *t) {
    cJSON *j = cJSON_CreateObject();
    ADD(j, "id", scopy(id));
    ADD(j, "state", cJSON_CreateStringReference(t ? "done" : "running"));
    ADD(j, "source", scopy(source ? source : ""));
    if (t)
        json_index_add(j, t, filename);
    else
        ADD(j, "filename", scopy(filename ? filename : "<input>"));
    return j;
}

cJSON *json_room(const char *code, const char *token, const char *run_id, size_t step,
                 long followers) {
    cJSON *j = cJSON_CreateObject();
    ADD(j, "code", scopy(code));
    if (token) ADD(j, "presenter_token", scopy(token));
    ADD(j, "run", scopy(run_id));
    ADD(j, "step", num((double)step));
    if (followers >= 0) ADD(j, "followers", num((double)followers));
    return j;
}

cJSON *json_cursor(const char *code, size_t step) {
    cJSON *j = cJSON_CreateObject();
    ADD(j, "code", scopy(code));
    ADD(j, "step", num((double)step));
    return j;
}

cJSON *json_scenario(const Scenario *s) {
    cJSON *j = cJSON_CreateObject();
    ADD(j, "id", scopy(s->id));
    ADD(j, "title", scopy(s->title ? s->title : s->id));
    ADD(j, "section", s->section ? scopy(s->section) : cJSON_CreateNull());
    ADD(j, "summary", s->summary ? scopy(s->summary) : cJSON_CreateNull());
    ADD(j, "source", scopy_n(s->source, s->source ? s->source_len : 0));
    cJSON *notes = cJSON_CreateArray();
    for (size_t i = 0; i < s->nnotes; i++) {
        cJSON *n = cJSON_CreateObject();
        ADD(n, "line", num(s->notes[i].line));
        ADD(n, "text", scopy(s->notes[i].text));
        cJSON_AddItemToArray(notes, n);
    }
    ADD(j, "notes", notes);
    return j;
}

cJSON *json_scenarios(const ScenarioList *list) {
    cJSON *j = cJSON_CreateObject();
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; i < list->n; i++)
        cJSON_AddItemToArray(a, json_scenario(&list->items[i]));
    ADD(j, "scenarios", a);
    return j;
}

cJSON *json_stream_end(size_t nsteps) {
    cJSON *j = cJSON_CreateObject();
    ADD(j, "nsteps", num((double)nsteps));
    return j;
}

char *json_print(cJSON *j, size_t *len) {
    if (!j) return NULL;
    char *s = cJSON_PrintUnformatted(j);
    cJSON_Delete(j);
    if (s && len) *len = strlen(s);
    return s;
}
