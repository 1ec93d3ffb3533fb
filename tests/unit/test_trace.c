/*
 * test_trace.c - the recorder: seed examples stepped through, and diff(a, b) applied to
 * snapshot(a) giving snapshot(b) for every pair of consecutive steps of every conformance
 * program.
 */
#include "heap/trace.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static Trace *record(const char *src) {
    TraceOptions opt = {.max_steps = 1000000};
    Trace *t = trace_record("test.py", src, strlen(src), &opt);
    cr_assert_not_null(t);
    return t;
}

static const TraceObject *find_obj(const TraceSnapshot *s, uint32_t id) {
    for (uint32_t i = 0; i < s->nobjects; i++)
        if (s->objects[i].id == id) return &s->objects[i];
    return NULL;
}

static uint32_t var_ref(const TraceSnapshot *s, const char *name) {
    for (uint32_t f = s->nframes; f-- > 0;)
        for (uint32_t i = 0; i < s->frames[f].nlocals; i++)
            if (!strcmp(s->frames[f].locals[i].name, name)) return s->frames[f].locals[i].ref;
    return 0;
}

static const char refcount_seed[] =
    "import sys\n"
    "\n"
    "# Creating an object\n"
    "a = [1, 2, 3]\n"
    "print(\"Reference count of a:\", sys.getrefcount(a))\n"
    "\n"
    "# Creating another reference to the object\n"
    "b = a\n"
    "print(\"Reference count after creating b:\", sys.getrefcount(a))\n"
    "\n"
    "# Deleting a reference\n"
    "del b\n"
    "print(\"Reference count after deleting b:\", sys.getrefcount(a))\n";

/* The refcount seed: at each getrefcount call the list's count reads 2, 3, 2 (the argument
 * on the value stack is the +1), and the program's stdout is python3's. */
Test(trace, refcount_seed_reads_2_3_2_at_the_calls) {
    Trace *t = record(refcount_seed);
    size_t n = trace_nsteps(t);
    int64_t seen[8];
    int nseen = 0;
    uint32_t list = 0;
    for (size_t i = 0; i < n; i++) {
        TraceSnapshot *s = trace_snapshot(t, i);
        if (!list) list = var_ref(s, "a");
        /* a call step whose stack holds the list: sys.getrefcount(a) is being called */
        if (s->kind == STEP_CALL && list && s->nframes == 1) {
            const TraceFrame *f = &s->frames[0];
            for (uint32_t k = 0; k < f->nstack; k++)
                if (f->stack[k] == list && nseen < 8) {
                    seen[nseen++] = find_obj(s, list)->refcount;
                    break;
                }
        }
        trace_snapshot_free(s);
    }
    cr_assert_eq(nseen, 3);
    cr_expect_eq(seen[0], 2);
    cr_expect_eq(seen[1], 3);
    cr_expect_eq(seen[2], 2);
    size_t len;
    const char *out = trace_stdout(t, &len);
    cr_expect_str_eq(out, "Reference count of a: 2\nReference count after creating b: 3\n"
                          "Reference count after deleting b: 2\n");
    cr_expect_eq(trace_step(t, n - 1)->kind, STEP_END);
    trace_free(t);
}

static const char node_seed[] = "import gc\n"
                                "gc.enable()\n"
                                "class Node:\n"
                                "    def __init__(self, value):\n"
                                "        self.value = value\n"
                                "        self.next = None\n"
                                "node1 = Node(1)\n"
                                "node2 = Node(2)\n"
                                "node1.next = node2\n"
                                "node2.next = node1\n"
                                "del node1\n"
                                "del node2\n"
                                "gc.collect()\n";

/* The Node cycle: reachable while named, alive but unreachable after the dels, gc_refs 1 -> 0
 * during the collection, tentatively unreachable, then gone. */
Test(trace, node_cycle_greyed_then_collected) {
    Trace *t = record(node_seed);
    size_t n = trace_nsteps(t);
    uint32_t n1 = 0, n2 = 0;
    bool saw_unreachable_alive = false, saw_refs1 = false, saw_refs0 = false, saw_mark = false;
    int freed_at = -1;
    for (size_t i = 0; i < n; i++) {
        TraceSnapshot *s = trace_snapshot(t, i);
        if (!n1) n1 = var_ref(s, "node1");
        if (!n2) n2 = var_ref(s, "node2");
        const TraceObject *a = n1 ? find_obj(s, n1) : NULL, *b = n2 ? find_obj(s, n2) : NULL;
        if (a && b && !var_ref(s, "node1") && !var_ref(s, "node2") && s->kind == STEP_LINE) {
            cr_expect(!a->reachable && !b->reachable, "the cycle is garbage after the dels");
            cr_expect_eq(a->refcount, 1);
            saw_unreachable_alive = true;
        }
        if (a && s->kind == STEP_GC) {
            if (s->gc_phase == 2 /* update_refs */ && a->gc_refs == 1) saw_refs1 = true;
            if (s->gc_phase == 3 /* subtract_refs */ && a->gc_refs == 0) saw_refs0 = true;
            if (s->gc_phase == 4 /* move_unreachable */ && a->gc_mark == GCMARK_UNREACHABLE &&
                b->gc_mark == GCMARK_UNREACHABLE)
                saw_mark = true;
        }
        if (n1 && !a && freed_at < 0) freed_at = (int)i;
        trace_snapshot_free(s);
    }
    cr_expect(saw_unreachable_alive);
    cr_expect(saw_refs1, "update_refs: gc_refs = refcount = 1");
    cr_expect(saw_refs0, "subtract_refs: the internal reference subtracted");
    cr_expect(saw_mark, "move_unreachable: both tentatively unreachable");
    cr_assert(freed_at > 0);
    cr_expect_eq(trace_step(t, (size_t)freed_at)->kind, STEP_GC, "freed during the collection");
    trace_free(t);
}

/* A program that never ends stops at the cap with a valid trace. */
Test(trace, step_cap_gives_a_stopped_last_step) {
    TraceOptions opt = {.max_steps = 500};
    const char *src = "x = 0\nwhile True:\n    x += 1\n";
    Trace *t = trace_record("loop.py", src, strlen(src), &opt);
    size_t n = trace_nsteps(t);
    cr_expect_leq(n, 502);
    cr_expect_eq(trace_step(t, n - 1)->kind, STEP_STOPPED);
    cr_expect_not_null(trace_error(t));
    cr_expect_eq(trace_exit_status(t), 3);
    TraceSnapshot *s = trace_snapshot(t, n - 1);
    cr_expect_not_null(s);
    trace_snapshot_free(s);
    trace_free(t);
}

Test(trace, syntax_and_runtime_errors_end_the_trace) {
    Trace *t = record("x = (1,\n");
    cr_expect_eq(trace_nsteps(t), 1);
    cr_expect_eq(trace_step(t, 0)->kind, STEP_ERROR);
    cr_expect(strstr(trace_error(t), "SyntaxError") != NULL);
    trace_free(t);
    t = record("a = 1\nprint(a)\nb = 1 / 0\n");
    size_t n = trace_nsteps(t);
    cr_expect_eq(trace_step(t, n - 1)->kind, STEP_ERROR);
    cr_expect(strstr(trace_error(t), "ZeroDivisionError: division by zero") != NULL);
    cr_expect_eq(trace_exit_status(t), 1);
    trace_free(t);
}

/* ---- diff(a, b) applied to snapshot(a) == snapshot(b) ---- */

static int cmp_id(const void *a, const void *b) {
    uint32_t x = ((const TraceObject *)a)->id, y = ((const TraceObject *)b)->id;
    return x < y ? -1 : x > y;
}

static bool obj_equal(const TraceObject *a, const TraceObject *b) {
    if (a->id != b->id || a->refcount != b->refcount || a->size != b->size ||
        a->generation != b->generation || a->reachable != b->reachable || a->nedges != b->nedges ||
        a->gc_refs != b->gc_refs || a->gc_mark != b->gc_mark || strcmp(a->repr, b->repr) ||
        strcmp(a->type, b->type))
        return false;
    for (uint32_t i = 0; i < a->nedges; i++)
        if (a->edges[i].ref != b->edges[i].ref || strcmp(a->edges[i].label, b->edges[i].label))
            return false;
    return true;
}

/* Applies d to a's object list: returns the objects of b, sorted (shallow copies). */
static TraceObject *apply_diff(const TraceSnapshot *a, const TraceDiff *d, uint32_t *n) {
    TraceObject *out = malloc(sizeof(TraceObject) * (a->nobjects + d->nadded + 1));
    uint32_t k = 0;
    for (uint32_t i = 0; i < a->nobjects; i++) {
        bool removed = false;
        for (uint32_t r = 0; r < d->nremoved; r++)
            if (d->removed[r] == a->objects[i].id) removed = true;
        if (removed) continue;
        const TraceObject *o = &a->objects[i];
        for (uint32_t c = 0; c < d->nchanged; c++)
            if (d->changed[c].id == o->id) o = &d->changed[c];
        out[k++] = *o;
    }
    for (uint32_t i = 0; i < d->nadded; i++)
        out[k++] = d->added[i];
    qsort(out, k, sizeof(TraceObject), cmp_id);
    *n = k;
    return out;
}

static void check_diffs(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return;
    static char src[1 << 20];
    size_t len = fread(src, 1, sizeof src - 1, f);
    fclose(f);
    src[len] = 0;
#ifdef MEMVIZ_DEBUG
    TraceOptions opt = {.max_steps = 400}; /* sanitizers make every snapshot ~10x slower */
#else
    TraceOptions opt = {.max_steps = 3000};
#endif
    Trace *t = trace_record(path, src, len, &opt);
    cr_assert_not_null(t, "%s", path);
    size_t n = trace_nsteps(t);
    TraceSnapshot *prev = trace_snapshot(t, 0);
    for (size_t i = 0; i + 1 < n; i++) {
        TraceSnapshot *next = trace_snapshot(t, i + 1);
        TraceDiff *d = trace_diff(t, i, i + 1);
        uint32_t m;
        TraceObject *got = apply_diff(prev, d, &m);
        cr_assert_eq(m, next->nobjects, "%s step %zu: %u objects from the diff, %u in the snapshot",
                     path, i + 1, m, next->nobjects);
        for (uint32_t k = 0; k < m; k++)
            cr_assert(obj_equal(&got[k], &next->objects[k]), "%s step %zu: object #%u differs",
                      path, i + 1, next->objects[k].id);
        cr_assert_eq(d->frames_changed ? d->nframes : prev->nframes, next->nframes,
                     "%s step %zu frames", path, i + 1);
        free(got);
        trace_diff_free(d);
        trace_snapshot_free(prev);
        prev = next;
    }
    trace_snapshot_free(prev);
    trace_free(t);
}

Test(trace, diff_applied_to_snapshot_gives_the_next_snapshot, .timeout = 1800) {
    const char *root = "tests/conformance";
    DIR *d = opendir(root);
    cr_assert_not_null(d, "run from the repository root");
    struct dirent *e;
    int programs = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char dir[512];
        snprintf(dir, sizeof dir, "%s/%s", root, e->d_name);
        DIR *sd = opendir(dir);
        if (!sd) continue;
        struct dirent *p;
        while ((p = readdir(sd))) {
            size_t l = strlen(p->d_name);
            if (l < 4 || strcmp(p->d_name + l - 3, ".py")) continue;
            char path[1024];
            snprintf(path, sizeof path, "%s/%s", dir, p->d_name);
            check_diffs(path);
            programs++;
        }
        closedir(sd);
    }
    closedir(d);
    cr_expect_gt(programs, 300);
}
