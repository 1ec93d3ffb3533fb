/*
 * test_json.c - server/json.c renders exactly the fields docs/trace-format.md documents.
 *
 * The field lists are read from the ```fields NAME blocks of docs/trace-format.md (the tests
 * run from the repository root, as `make unit` does), so the doc is the single list: a field
 * added to json.c without the doc, or documented but not rendered, fails here.
 */
#include "server/json.h"

#include "heap/gc.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DOC "docs/trace-format.md"
#define MAXPATHS 256

typedef struct {
    char *p[MAXPATHS];
    int optional[MAXPATHS];
    int n;
} PathSet;

static int has(const PathSet *s, const char *p) {
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->p[i], p)) return 1;
    return 0;
}

static void add(PathSet *s, const char *p, int optional) {
    if (has(s, p)) return;
    cr_assert(s->n < MAXPATHS);
    s->p[s->n] = strdup(p);
    s->optional[s->n] = optional;
    s->n++;
}

static void clear(PathSet *s) {
    for (int i = 0; i < s->n; i++)
        free(s->p[i]);
    s->n = 0;
}

/* Reads the ```fields NAME block of the doc. */
static void doc_fields(const char *name, PathSet *out) {
    FILE *f = fopen(DOC, "r");
    cr_assert(f, "cannot open %s (run from the repository root)", DOC);
    char line[512], head[128];
    snprintf(head, sizeof head, "```fields %s", name);
    int in = 0, found = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!in) {
            if (!strcmp(line, head)) in = found = 1;
            continue;
        }
        if (!strncmp(line, "```", 3)) break;
        if (!line[0]) continue;
        size_t n = strlen(line);
        int opt = line[n - 1] == '?';
        if (opt) line[n - 1] = 0;
        add(out, line, opt);
    }
    fclose(f);
    cr_assert(found, "no ```fields %s block in %s", name, DOC);
    cr_assert(out->n > 0);
}

/* Every field path of a rendered document: "a.b", arrays "a[]", elements "a[].b". */
static void collect(const cJSON *j, const char *prefix, PathSet *out) {
    char path[512];
    if (cJSON_IsObject(j)) {
        for (const cJSON *c = j->child; c; c = c->next) {
            snprintf(path, sizeof path, "%s%s%s", prefix, prefix[0] ? "." : "", c->string);
            add(out, path, 0);
            collect(c, path, out);
        }
    } else if (cJSON_IsArray(j)) {
        snprintf(path, sizeof path, "%s[]", prefix);
        for (const cJSON *c = j->child; c; c = c->next)
            if (cJSON_IsObject(c) || cJSON_IsArray(c)) collect(c, path, out);
    }
}

/* The rendered paths must equal the documented ones (optional ones only when `with_optional`,
 * and then the optional subtree is either wholly there or wholly absent). */
static void check_paths(const char *doc_name, const char *json, int with_optional) {
    cJSON *j = cJSON_Parse(json);
    cr_assert(j, "rendered %s is not valid JSON", doc_name);
    PathSet got = {0}, want = {0};
    collect(j, "", &got);
    doc_fields(doc_name, &want);
    /* Paths below an optional field are optional too. */
    for (int i = 0; i < want.n; i++) {
        int opt = want.optional[i];
        for (int k = 0; k < want.n && !opt; k++) {
            size_t n = strlen(want.p[k]);
            if (want.optional[k] && !strncmp(want.p[i], want.p[k], n) &&
                (want.p[i][n] == '.' || want.p[i][n] == '['))
                opt = 1;
        }
        if (opt && !with_optional) {
            cr_expect(!has(&got, want.p[i]), "%s: optional field %s rendered", doc_name, want.p[i]);
            continue;
        }
        cr_expect(has(&got, want.p[i]), "%s: documented field %s not rendered", doc_name,
                  want.p[i]);
    }
    for (int i = 0; i < got.n; i++)
        cr_expect(has(&want, got.p[i]), "%s: rendered field %s not documented in %s", doc_name,
                  got.p[i], DOC);
    clear(&got);
    clear(&want);
    cJSON_Delete(j);
}

/* ---------------------------------------------------------------- a hand-made step */

static TraceEdge edges[] = {{"[0]", 2, false}, {".next", 3, true}};
static TraceObject objs[] = {
    {.id = 1,
     .type = "list",
     .repr = "[1, <Node>]",
     .refcount = 2,
     .size = 72,
     .address = 140000,
     .generation = 0,
     .is_static = false,
     .reachable = true,
     .len = 2,
     .edges = edges,
     .nedges = 2,
     .gc_refs = 1,
     .gc_mark = GCMARK_REACHABLE},
    {.id = 2,
     .type = "int",
     .repr = "1",
     .refcount = 1000000,
     .size = 28,
     .address = 9000,
     .generation = -1,
     .is_static = true,
     .reachable = true,
     .len = 0,
     .gc_refs = -1},
};
static TraceVar vars[] = {{"a", 1}, {"b", 0}};
static uint32_t stackv[] = {1, 0};
static TraceFrame frames[] = {{.id = 1,
                               .name = "<module>",
                               .line = 3,
                               .locals = vars,
                               .nlocals = 2,
                               .stack = stackv,
                               .nstack = 2}};
static TraceEvent events[] = {{"refcount", 1, 1, 2, "name a"}, {"alloc", 2, 0, 1, NULL}};

static TraceSnapshot make_snap(void) {
    TraceSnapshot s = {.step = 4,
                       .kind = STEP_GC,
                       .line = 3,
                       .gc_phase = 2,
                       .gc_generation = 0,
                       .frames = frames,
                       .nframes = 1,
                       .objects = objs,
                       .nobjects = 2,
                       .events = events,
                       .nevents = 2,
                       .gc_count = {1, 2, 3},
                       .gc_threshold = {700, 10, 10},
                       .gc_enabled = true,
                       .mem_objects = 2,
                       .mem_bytes = 100,
                       .mem_blocks = 3,
                       .mem_pools = 1,
                       .mem_arenas = 1,
                       .stdout_text = "hi\nXX",
                       .stdout_len = 3,
                       .error = NULL};
    return s;
}

Test(json, snapshot_has_exactly_the_documented_fields) {
    TraceSnapshot s = make_snap();
    char *out = json_print(json_snapshot(&s), NULL);
    cr_assert(out);
    check_paths("snapshot", out, 1);
    free(out);
}

Test(json, snapshot_values) {
    TraceSnapshot s = make_snap();
    char *out = json_print(json_snapshot(&s), NULL);
    cJSON *j = cJSON_Parse(out);
    cr_assert(j);
    cr_expect_eq(cJSON_GetObjectItem(j, "version")->valueint, TRACE_FORMAT_VERSION);
    cr_expect_str_eq(cJSON_GetObjectItem(j, "kind")->valuestring, "gc");
    cr_expect_str_eq(cJSON_GetObjectItem(j, "stdout")->valuestring, "hi\n"); /* stdout_len bytes */
    cr_expect(cJSON_IsNull(cJSON_GetObjectItem(j, "error")));
    cJSON *gc = cJSON_GetObjectItem(j, "gc");
    cr_expect_eq(cJSON_GetArrayItem(cJSON_GetObjectItem(gc, "threshold"), 0)->valueint, 700);
    cr_expect_eq(cJSON_GetObjectItem(gc, "generation")->valueint, 0);
    cJSON *f = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "frames"), 0);
    cJSON *b = cJSON_GetArrayItem(cJSON_GetObjectItem(f, "locals"), 1);
    cr_expect(cJSON_IsNull(cJSON_GetObjectItem(b, "ref")), "an unbound variable is null");
    cr_expect(cJSON_IsNull(cJSON_GetArrayItem(cJSON_GetObjectItem(f, "stack"), 1)));
    cJSON *o2 = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "objects"), 1);
    cr_expect(cJSON_IsNull(cJSON_GetObjectItem(o2, "generation")), "untracked -> null");
    cr_expect(cJSON_IsNull(cJSON_GetObjectItem(o2, "gc_refs")), "not collected -> null");
    cr_expect(cJSON_IsTrue(cJSON_GetObjectItem(o2, "static")));
    cJSON *o1 = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "objects"), 0);
    cr_expect_str_eq(cJSON_GetObjectItem(o1, "gc_mark")->valuestring, "reachable");
    cJSON *e1 = cJSON_GetArrayItem(cJSON_GetObjectItem(o1, "refs"), 1);
    cr_expect_str_eq(cJSON_GetObjectItem(e1, "label")->valuestring, ".next");
    cr_expect(cJSON_IsTrue(cJSON_GetObjectItem(e1, "weak")));
    cJSON *ev = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "events"), 0);
    cr_expect_eq(cJSON_GetObjectItem(ev, "new")->valueint, 2);
    cr_expect_str_eq(cJSON_GetObjectItem(ev, "by")->valuestring, "name a");
    cJSON_Delete(j);
    free(out);
}

Test(json, diff_has_exactly_the_documented_fields) {
    TraceSnapshot s = make_snap();
    uint32_t removed[] = {9};
    TraceDiff d = {.from = 3,
                   .to = 4,
                   .added = objs,
                   .nadded = 1,
                   .removed = removed,
                   .nremoved = 1,
                   .changed = objs,
                   .nchanged = 2,
                   .frames = frames,
                   .nframes = 1,
                   .frames_changed = true,
                   .to_snap = &s};
    char *out = json_print(json_diff(&d), NULL);
    check_paths("diff", out, 1);
    free(out);
    d.frames_changed = false; /* frames are left out when no frame changed */
    out = json_print(json_diff(&d), NULL);
    check_paths("diff", out, 0);
    free(out);
}

Test(json, retainers_have_exactly_the_documented_fields) {
    uint32_t path[] = {1, 3};
    const char *labels[] = {NULL, "[0]"};
    char *out = json_print(json_retainers(5, 3, "a", path, labels, 2), NULL);
    check_paths("retainers", out, 1);
    cJSON *j = cJSON_Parse(out);
    cr_expect(cJSON_IsTrue(cJSON_GetObjectItem(j, "reachable")));
    cr_expect_str_eq(cJSON_GetObjectItem(j, "root")->valuestring, "a");
    cJSON_Delete(j);
    free(out);
}

Test(json, error_body) {
    char *out = json_print(json_error("not_found", "no run 'x\"'"), NULL);
    cJSON *j = cJSON_Parse(out);
    cJSON *e = cJSON_GetObjectItem(j, "error");
    cr_expect_str_eq(cJSON_GetObjectItem(e, "code")->valuestring, "not_found");
    cr_expect_str_eq(cJSON_GetObjectItem(e, "message")->valuestring, "no run 'x\"'");
    cJSON_Delete(j);
    free(out);
}

/* ---------------------------------------------------------------- a recorded run */

static const char refcount_src[] = "import sys\n"
                                   "a = [1, 2, 3]\n"
                                   "print(sys.getrefcount(a))\n"
                                   "b = a\n"
                                   "print(sys.getrefcount(a))\n";

Test(json, index_has_exactly_the_documented_fields) {
    TraceOptions opt = {0};
    Trace *t = trace_record("refcount.py", refcount_src, sizeof refcount_src - 1, &opt);
    cr_assert(t);
    char *out = json_print(json_index(t, "refcount.py"), NULL);
    check_paths("index", out, 1);
    cJSON *j = cJSON_Parse(out);
    size_t n = trace_nsteps(t);
    cr_expect_eq((size_t)cJSON_GetObjectItem(j, "nsteps")->valuedouble, n);
    cJSON *steps = cJSON_GetObjectItem(j, "steps");
    for (cJSON *c = steps->child; c; c = c->next)
        cr_expect_eq((size_t)cJSON_GetArraySize(c), n, "column %s has one entry per step",
                     c->string);
    cr_expect_str_eq(cJSON_GetObjectItem(j, "stdout")->valuestring, "2\n3\n");
    cr_expect_str_eq(cJSON_GetObjectItem(j, "status")->valuestring, "end");
    cJSON_Delete(j);
    free(out);
    trace_free(t);
}

Test(json, recorded_snapshots_use_only_documented_fields) {
    TraceOptions opt = {0};
    Trace *t = trace_record("refcount.py", refcount_src, sizeof refcount_src - 1, &opt);
    cr_assert(t);
    PathSet want = {0};
    doc_fields("snapshot", &want);
    for (size_t i = 0; i < trace_nsteps(t); i++) {
        TraceSnapshot *s = trace_snapshot(t, i);
        cr_assert(s);
        char *out = json_print(json_snapshot(s), NULL);
        trace_snapshot_free(s);
        cJSON *j = cJSON_Parse(out);
        cr_assert(j, "step %zu: invalid JSON", i);
        PathSet got = {0};
        collect(j, "", &got);
        for (int k = 0; k < got.n; k++)
            cr_expect(has(&want, got.p[k]), "step %zu: undocumented field %s", i, got.p[k]);
        cr_expect(has(&got, "objects") && has(&got, "frames") && has(&got, "gc.threshold"));
        clear(&got);
        cJSON_Delete(j);
        free(out);
    }
    clear(&want);
    trace_free(t);
}

extern const char *const gc_phase_names[]; /* heap/gc.c */

Test(json, gc_phase_names_match_the_collector) {
    for (int p = GC_PHASE_START; p <= GC_PHASE_DONE; p++)
        cr_expect_str_eq(json_gc_phase_name(p), gc_phase_names[p], "phase %d", p);
    cr_expect_null(json_gc_phase_name(-1));
}
