/*
 * json.h - the only JSON writer: trace documents and API bodies as cJSON trees.
 *
 * Every document of docs/trace-format.md (snapshot, step index, diff, retainers) and every
 * API body of docs/api.md (run summary and metadata, rooms, scenarios, errors) is built here
 * and nowhere else, so the field names live in one file and the doc can be checked against
 * it (tests/unit/test_json.c). Reading request bodies is done by the callers with cJSON's
 * parser; writing is done only here.
 *
 * Borrowing: json_snapshot() and json_diff() *reference* the strings of the snapshot / diff
 * (no copies, they are the hot path), so render with json_print() before freeing the
 * TraceSnapshot / TraceDiff. Every other builder copies what it needs.
 */
#ifndef MEMVIZ_JSON_H
#define MEMVIZ_JSON_H

#include "heap/trace.h"
#include "server/scenarios.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The snapshot document of step s->step. New tree (borrows s's strings). */
cJSON *json_snapshot(const TraceSnapshot *s);

/* The diff document d->from -> d->to. New tree (borrows d's strings). */
cJSON *json_diff(const TraceDiff *d);

/* The step index of trace t: a new object with every index field. */
cJSON *json_index(const Trace *t, const char *filename);

/* Adds the index fields of t to obj (run metadata = {id, state, source} + index). */
void json_index_add(cJSON *obj, const Trace *t, const char *filename);

/* The retainer document: path[0..n) uids from the root's object down to `id`, labels[i] the
 * reference leading into path[i] (labels[0] ignored: null). reachable false: n must be 0. */
cJSON *json_retainers(size_t step, uint32_t id, const char *root, const uint32_t *path,
                      const char *const *labels, size_t n);

/* {"error": {"code", "message"}}. New tree. */
cJSON *json_error(const char *code, const char *message);

/* POST /api/runs answer. t NULL while recording (then only id, state, filename). */
cJSON *json_run_summary(const char *id, const char *filename, const Trace *t);

/* GET /api/runs/{id}: {id, state, source} plus, when t is non-NULL, the whole index. */
cJSON *json_run_meta(const char *id, const char *filename, const char *source, const Trace *t);

/* Rooms: token NULL leaves presenter_token out; followers < 0 leaves followers out. */
cJSON *json_room(const char *code, const char *token, const char *run_id, size_t step,
                 long followers);
cJSON *json_cursor(const char *code, size_t step);

/* One scenario, and {"scenarios": [...]} of a list. */
cJSON *json_scenario(const Scenario *s);
cJSON *json_scenarios(const ScenarioList *list);

/* The data of a stream's final `end` event: {"nsteps": n}. */
cJSON *json_stream_end(size_t nsteps);

/* Renders j without whitespace and deletes it. Returns a new malloc'd NUL-terminated string
 * (free()), its length in *len when len is non-NULL; NULL when out of memory (j is deleted
 * in every case). */
char *json_print(cJSON *j, size_t *len);

/* Names used in the JSON, exposed for tests and for the access to enum names. */
const char *json_step_kind_name(int kind);
const char *json_gc_phase_name(int phase); /* NULL for -1 */
const char *json_gc_mark_name(int mark);

#endif
