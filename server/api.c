/*
 * api.c - the HTTP API: routing, request validation, and the error mapping.
 *
 * Every handler validates its input completely before acting, and every failure goes through
 * api_error(), the only place that chooses a status and writes {"error": {code, message}}.
 * Order of checks for a request: route (404), method (405), body size (413), the resource
 * (404; 403 for a room's token), the body (400), then the action (429 / 409 / ...). Bad input
 * never reaches a 500: a 500 means the server ran out of memory.
 */
#include "server/api.h"

#include "server/json.h"
#include "server/scenarios.h"
#include "server/sse.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define API_MAX_SEGS 6
#define RETAINER_MAX 4096

/* ---------------------------------------------------------------- responses */

/* The one error helper: status + {"error": {"code", "message"}}. */
static void api_error(HttpResponse *resp, int status, const char *code, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    resp->status = status;
    resp->content_type = "application/json; charset=utf-8";
    resp->body = json_print(json_error(code, msg), &resp->len);
    if (!resp->body) resp->len = 0;
    http_header_add(resp, "Cache-Control", "no-store");
}

static void err_bad_json(HttpResponse *r, const char *what) {
    api_error(r, 400, "bad_json", "%s", what);
}
static void err_bad_request(HttpResponse *r, const char *fmt, const char *arg) {
    api_error(r, 400, "bad_request", fmt, arg);
}
static void err_not_found(HttpResponse *r, const char *what, const char *name) {
    api_error(r, 404, "not_found", "no %s '%.100s'", what, name);
}
static void err_method(HttpResponse *r, const char *allow) {
    api_error(r, 405, "method_not_allowed", "use %s", allow);
    http_header_add(r, "Allow", allow);
}
static void err_nomem(HttpResponse *r) {
    api_error(r, 500, "internal", "out of memory");
}
static void err_not_ready(HttpResponse *r, const char *id) {
    api_error(r, 409, "not_ready", "run '%s' is still recording", id);
}

/* A rendered JSON body (taken over); NULL means out of memory. */
static void respond(HttpResponse *resp, int status, char *json, size_t len) {
    if (!json) {
        err_nomem(resp);
        return;
    }
    resp->status = status;
    resp->content_type = "application/json; charset=utf-8";
    resp->body = json;
    resp->len = len;
    http_header_add(resp, "Cache-Control", "no-store");
}

static void respond_tree(HttpResponse *resp, int status, cJSON *j) {
    size_t len = 0;
    char *text = json_print(j, &len);
    respond(resp, status, text, len);
}

/* ---------------------------------------------------------------- input helpers */

/* A non-negative decimal integer of at most 15 digits (exact in a double). */
static bool parse_index(const char *s, size_t *out) {
    if (!s || !*s || strlen(s) > 15) return false;
    size_t v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9') return false;
        v = v * 10 + (size_t)(*p - '0');
    }
    *out = v;
    return true;
}

/* The request body as a JSON object. Answers 400 itself and returns NULL when it is not. */
static cJSON *body_object(const HttpRequest *req, HttpResponse *resp) {
    size_t len = 0;
    const char *body = http_body(req, &len);
    if (!len) {
        err_bad_json(resp, "the request needs a JSON object body");
        return NULL;
    }
    cJSON *j = cJSON_ParseWithLength(body, len);
    if (!j) {
        err_bad_json(resp, "the body is not valid JSON");
        return NULL;
    }
    if (!cJSON_IsObject(j)) {
        cJSON_Delete(j);
        err_bad_json(resp, "the body must be a JSON object");
        return NULL;
    }
    return j;
}

/* A JSON number that is a whole number in [0, 2^53). */
static bool json_index_value(const cJSON *v, size_t *out) {
    if (!cJSON_IsNumber(v)) return false;
    double d = v->valuedouble;
    if (!(d >= 0) || d >= 9007199254740992.0 || floor(d) != d) return false;
    *out = (size_t)d;
    return true;
}

/* Run `id` (a new reference) that has finished recording; answers 404/409 and returns NULL
 * otherwise. */
static Run *finished_run(Api *api, const char *id, HttpResponse *resp, const Trace **t) {
    Run *r = sessions_run_get(api->sessions, id);
    if (!r) {
        err_not_found(resp, "run", id);
        return NULL;
    }
    *t = run_trace(api->sessions, r);
    if (!*t) {
        err_not_ready(resp, id);
        run_release(api->sessions, r);
        return NULL;
    }
    return r;
}

static bool step_in_range(const Trace *t, size_t n, HttpResponse *resp) {
    if (n < trace_nsteps(t)) return true;
    api_error(resp, 404, "not_found", "no step %zu (the run has %zu steps)", n, trace_nsteps(t));
    return false;
}

static bool query_index(const HttpRequest *req, const char *key, size_t *out, bool required,
                        HttpResponse *resp) {
    const char *v = http_query(req, key);
    if (!v) {
        if (!required) return true;
        err_bad_request(resp, "query parameter '%s' is required", key);
        return false;
    }
    if (!parse_index(v, out)) {
        err_bad_request(resp, "query parameter '%s' must be a non-negative integer", key);
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------- scenarios */

static void get_scenarios(Api *api, HttpResponse *resp) {
    ScenarioList list;
    scenarios_load(api->scenario_dir, &list);
    respond_tree(resp, 200, json_scenarios(&list));
    scenarios_free(&list);
}

static void get_scenario(Api *api, const char *id, HttpResponse *resp) {
    Scenario sc;
    if (scenarios_load_one(api->scenario_dir, id, &sc) != 0) {
        err_not_found(resp, "scenario", id);
        return;
    }
    respond_tree(resp, 200, json_scenario(&sc));
    scenario_destroy(&sc);
}

/* ---------------------------------------------------------------- runs */

static void post_run(Api *api, const HttpRequest *req, HttpResponse *resp) {
    cJSON *body = body_object(req, resp);
    if (!body) return;
    const cJSON *source = cJSON_GetObjectItemCaseSensitive(body, "source");
    const cJSON *scenario = cJSON_GetObjectItemCaseSensitive(body, "scenario");
    const cJSON *filename = cJSON_GetObjectItemCaseSensitive(body, "filename");
    const cJSON *max_steps = cJSON_GetObjectItemCaseSensitive(body, "max_steps");
    const cJSON *wait = cJSON_GetObjectItemCaseSensitive(body, "wait");
    size_t steps = 0;
    Scenario sc = {0};
    const char *src = NULL, *fname = "<input>";
    size_t srclen = 0;
    if (!!source == !!scenario) {
        err_bad_request(resp, "give exactly one of 'source' and 'scenario'%s", "");
        goto done;
    }
    if (source && !cJSON_IsString(source)) {
        err_bad_request(resp, "'%s' must be a string", "source");
        goto done;
    }
    if (scenario && !cJSON_IsString(scenario)) {
        err_bad_request(resp, "'%s' must be a string", "scenario");
        goto done;
    }
    if (filename && (!cJSON_IsString(filename) || !filename->valuestring[0] ||
                     strlen(filename->valuestring) > 255)) {
        err_bad_request(resp, "'%s' must be a non-empty string of at most 255 bytes", "filename");
        goto done;
    }
    if (max_steps && (!json_index_value(max_steps, &steps) || steps < 1)) {
        err_bad_request(resp, "'%s' must be an integer >= 1", "max_steps");
        goto done;
    }
    if (wait && !cJSON_IsBool(wait)) {
        err_bad_request(resp, "'%s' must be true or false", "wait");
        goto done;
    }
    if (scenario) {
        if (scenarios_load_one(api->scenario_dir, scenario->valuestring, &sc) != 0) {
            err_not_found(resp, "scenario", scenario->valuestring);
            goto done;
        }
        src = sc.source;
        srclen = sc.source_len;
        fname = sc.id;
    } else {
        src = source->valuestring;
        srclen = strlen(src);
    }
    if (filename) fname = filename->valuestring;

    Run *r = NULL;
    switch (sessions_run_new(api->sessions, src, srclen, fname, steps, &r)) {
    case SESS_OK:
        break;
    case SESS_FULL:
        api_error(resp, 429, "too_many_runs", "all %zu run slots are recording; try again soon",
                  sessions_config(api->sessions)->max_runs);
        goto done;
    case SESS_STOPPING:
        api_error(resp, 503, "shutting_down", "the server is stopping");
        goto done;
    case SESS_NOMEM:
        err_nomem(resp);
        goto done;
    }
    char location[64];
    snprintf(location, sizeof location, "/api/runs/%s", run_id(r));
    if (wait && cJSON_IsFalse(wait)) {
        respond_tree(resp, 202, json_run_summary(run_id(r), run_filename(r), NULL));
    } else {
        const Trace *t = run_wait(api->sessions, r);
        if (t)
            respond_tree(resp, 201, json_run_summary(run_id(r), run_filename(r), t));
        else
            err_nomem(resp);
    }
    if (resp->status == 201 || resp->status == 202) http_header_add(resp, "Location", location);
    run_release(api->sessions, r);
done:
    if (sc.id) scenario_destroy(&sc);
    cJSON_Delete(body);
}

static void get_run(Api *api, const char *id, HttpResponse *resp) {
    Run *r = sessions_run_get(api->sessions, id);
    if (!r) {
        err_not_found(resp, "run", id);
        return;
    }
    if (!run_trace(api->sessions, r)) {
        respond_tree(resp, 200, json_run_meta(run_id(r), run_filename(r), run_source(r), NULL));
    } else {
        size_t len = 0;
        char *text = run_render_meta(r, &len);
        respond(resp, 200, text, len);
    }
    run_release(api->sessions, r);
}

static void get_step(Api *api, const char *id, const char *nstr, HttpResponse *resp) {
    size_t n;
    if (!parse_index(nstr, &n)) {
        err_bad_request(resp, "step '%.40s' is not a non-negative integer", nstr);
        return;
    }
    const Trace *t;
    Run *r = finished_run(api, id, resp, &t);
    if (!r) return;
    if (step_in_range(t, n, resp)) {
        size_t len = 0;
        char *text = run_render_snapshot(r, n, &len);
        respond(resp, 200, text, len);
    }
    run_release(api->sessions, r);
}

static void get_diff(Api *api, const HttpRequest *req, const char *id, HttpResponse *resp) {
    size_t from = 0, to = 0;
    if (!query_index(req, "from", &from, true, resp) || !query_index(req, "to", &to, true, resp))
        return;
    const Trace *t;
    Run *r = finished_run(api, id, resp, &t);
    if (!r) return;
    if (step_in_range(t, from, resp) && step_in_range(t, to, resp)) {
        size_t len = 0;
        char *text = run_render_diff(r, from, to, &len);
        respond(resp, 200, text, len);
    }
    run_release(api->sessions, r);
}

static bool object_alive(const TraceSnapshot *s, uint32_t id) {
    uint32_t lo = 0, hi = s->nobjects; /* objects are sorted by id */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (s->objects[mid].id == id) return true;
        if (s->objects[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

static void get_retainers(Api *api, const HttpRequest *req, const char *id, const char *oidstr,
                          HttpResponse *resp) {
    size_t oid, step = 0;
    if (!parse_index(oidstr, &oid) || oid == 0 || oid > UINT32_MAX) {
        err_bad_request(resp, "object id '%.40s' is not a positive integer", oidstr);
        return;
    }
    if (!query_index(req, "step", &step, true, resp)) return;
    const Trace *t;
    Run *r = finished_run(api, id, resp, &t);
    if (!r) return;
    if (!step_in_range(t, step, resp)) goto done;
    TraceSnapshot *snap = trace_snapshot(t, step);
    if (!snap) {
        err_nomem(resp);
        goto done;
    }
    bool alive = object_alive(snap, (uint32_t)oid);
    trace_snapshot_free(snap);
    if (!alive) {
        api_error(resp, 404, "not_found", "no object %zu alive at step %zu", oid, step);
        goto done;
    }
    uint32_t *path = malloc(RETAINER_MAX * sizeof *path);
    const char **labels = calloc(RETAINER_MAX, sizeof *labels);
    char root[256] = "";
    if (!path || !labels) {
        free(path);
        free(labels);
        err_nomem(resp);
        goto done;
    }
    size_t n =
        trace_retainers(t, step, (uint32_t)oid, path, labels, RETAINER_MAX, root, sizeof root);
    respond_tree(resp, 200, json_retainers(step, (uint32_t)oid, root, path, labels, n));
    free(path);
    free(labels);
done:
    run_release(api->sessions, r);
}

static void get_stream(Api *api, const HttpRequest *req, const char *id, HttpResponse *resp) {
    size_t from = 0, last = 0;
    double speed = 0;
    if (!query_index(req, "from", &from, false, resp)) return;
    const char *sp = http_query(req, "speed");
    if (sp) {
        char *end = NULL;
        speed = strtod(sp, &end);
        if (!*sp || *end || !(speed >= 0) || speed > 1000) {
            err_bad_request(resp, "'speed' must be a number of steps per second in [0, 1000]%s",
                            "");
            return;
        }
    }
    const char *lei = http_header(req, "Last-Event-ID");
    bool resume = lei && *lei;
    if (resume && !parse_index(lei, &last)) {
        err_bad_request(resp, "Last-Event-ID '%.40s' is not a step number", lei);
        return;
    }
    const Trace *t;
    Run *r = finished_run(api, id, resp, &t);
    if (!r) return;
    if (resume) from = last;
    if (!step_in_range(t, from, resp)) {
        run_release(api->sessions, r);
        return;
    }
    if (!sse_run_stream(api->sessions, r, from, resume, speed, resp)) err_nomem(resp);
}

/* ---------------------------------------------------------------- rooms */

static void post_room(Api *api, const HttpRequest *req, HttpResponse *resp) {
    cJSON *body = body_object(req, resp);
    if (!body) return;
    const cJSON *run = cJSON_GetObjectItemCaseSensitive(body, "run");
    const cJSON *stepj = cJSON_GetObjectItemCaseSensitive(body, "step");
    size_t step = 0;
    if (!cJSON_IsString(run)) {
        err_bad_request(resp, "'%s' (a run id string) is required", "run");
    } else if (stepj && !json_index_value(stepj, &step)) {
        err_bad_request(resp, "'%s' must be a non-negative integer", "step");
    } else {
        const Trace *t;
        Run *r = finished_run(api, run->valuestring, resp, &t);
        if (r && step_in_range(t, step, resp)) {
            Room *room = NULL;
            switch (sessions_room_new(api->sessions, r, step, &room)) {
            case SESS_OK:
                respond_tree(resp, 201,
                             json_room(room_code(room), room_token(room), run_id(r), step, -1));
                room_release(api->sessions, room);
                break;
            case SESS_FULL:
                api_error(resp, 429, "too_many_runs", "too many rooms (%zu)",
                          sessions_config(api->sessions)->max_rooms);
                break;
            case SESS_STOPPING:
                api_error(resp, 503, "shutting_down", "the server is stopping");
                break;
            case SESS_NOMEM:
                err_nomem(resp);
                break;
            }
        }
        if (r) run_release(api->sessions, r);
    }
    cJSON_Delete(body);
}

static void get_room(Api *api, const char *code, HttpResponse *resp) {
    Room *room = sessions_room_get(api->sessions, code);
    if (!room) {
        err_not_found(resp, "room", code);
        return;
    }
    respond_tree(resp, 200,
                 json_room(room_code(room), NULL, run_id(room_run(room)), room_step(room),
                           room_followers(room)));
    room_release(api->sessions, room);
}

/* The token of an `Authorization: Bearer <token>` header, or NULL. */
static const char *bearer(const HttpRequest *req) {
    const char *h = http_header(req, "Authorization");
    if (!h) return NULL;
    while (*h == ' ')
        h++;
    if (strncasecmp(h, "Bearer", 6) != 0 || (h[6] != ' ' && h[6] != '\t')) return NULL;
    h += 6;
    while (*h == ' ' || *h == '\t')
        h++;
    return h;
}

static void post_cursor(Api *api, const HttpRequest *req, const char *code, HttpResponse *resp) {
    Room *room = sessions_room_get(api->sessions, code);
    if (!room) {
        err_not_found(resp, "room", code);
        return;
    }
    if (!room_token_ok(room, bearer(req))) {
        api_error(resp, 403, "forbidden",
                  "moving the cursor of room %s needs its presenter token "
                  "(Authorization: Bearer <token>)",
                  code);
        room_release(api->sessions, room);
        return;
    }
    cJSON *body = body_object(req, resp);
    if (body) {
        const cJSON *stepj = cJSON_GetObjectItemCaseSensitive(body, "step");
        size_t step;
        const Trace *t = run_trace(api->sessions, room_run(room));
        if (!json_index_value(stepj, &step)) {
            err_bad_request(resp, "'%s' (a non-negative integer) is required", "step");
        } else if (step_in_range(t, step, resp)) {
            /* The followers' diff is rendered once, here, before they are woken. */
            size_t from = room_step(room), len = 0;
            char *diff = run_render_diff(room_run(room), from, step, &len);
            room_move(room, step, from, diff, len);
            respond_tree(resp, 200, json_cursor(room_code(room), step));
        }
        cJSON_Delete(body);
    }
    room_release(api->sessions, room);
}

static void get_room_events(Api *api, const char *code, HttpResponse *resp) {
    Room *room = sessions_room_get(api->sessions, code);
    if (!room) {
        err_not_found(resp, "room", code);
        return;
    }
    if (!sse_room_stream(api->sessions, room, resp)) err_nomem(resp);
}

/* ---------------------------------------------------------------- routing */

/* Splits "/api/a/b/c" into segments after "api"; false if there are too many. */
static int split(const char *path, char *buf, size_t cap, char **segs) {
    snprintf(buf, cap, "%s", path + 5); /* after "/api/" */
    int n = 0;
    for (char *p = buf; *p;) {
        if (n == API_MAX_SEGS) return -1;
        segs[n++] = p;
        char *slash = strchr(p, '/');
        if (!slash) break;
        *slash = 0;
        p = slash + 1;
        if (!*p) return -1; /* trailing slash: no such route */
    }
    return n;
}

static bool is(const char *a, const char *b) {
    return strcmp(a, b) == 0;
}

/* Checks the method of a matched route: answers 405 (with Allow) and returns false if wrong. */
static bool method_ok(const HttpRequest *req, const char *want, HttpResponse *resp) {
    const char *m = http_method(req);
    if (is(m, want) || (is(want, "GET") && is(m, "HEAD"))) return true;
    err_method(resp, is(want, "GET") ? "GET, HEAD" : want);
    return false;
}

static void route_api(Api *api, const HttpRequest *req, HttpResponse *resp) {
    const char *path = http_path(req);
    char buf[1024];
    char *seg[API_MAX_SEGS];
    int n = strlen(path) < sizeof buf ? split(path, buf, sizeof buf, seg) : -1;
    const char *want = NULL; /* the method of the matched route */
    enum {
        R_NONE,
        R_SCENARIOS,
        R_SCENARIO,
        R_RUNS,
        R_RUN,
        R_STEP,
        R_DIFF,
        R_RETAINERS,
        R_STREAM,
        R_ROOMS,
        R_ROOM,
        R_CURSOR,
        R_EVENTS
    } route = R_NONE;
    if (n == 1 && is(seg[0], "scenarios"))
        route = R_SCENARIOS, want = "GET";
    else if (n == 2 && is(seg[0], "scenarios"))
        route = R_SCENARIO, want = "GET";
    else if (n == 1 && is(seg[0], "runs"))
        route = R_RUNS, want = "POST";
    else if (n == 2 && is(seg[0], "runs"))
        route = R_RUN, want = "GET";
    else if (n == 4 && is(seg[0], "runs") && is(seg[2], "steps"))
        route = R_STEP, want = "GET";
    else if (n == 3 && is(seg[0], "runs") && is(seg[2], "diff"))
        route = R_DIFF, want = "GET";
    else if (n == 3 && is(seg[0], "runs") && is(seg[2], "stream"))
        route = R_STREAM, want = "GET";
    else if (n == 5 && is(seg[0], "runs") && is(seg[2], "objects") && is(seg[4], "retainers"))
        route = R_RETAINERS, want = "GET";
    else if (n == 1 && is(seg[0], "rooms"))
        route = R_ROOMS, want = "POST";
    else if (n == 2 && is(seg[0], "rooms"))
        route = R_ROOM, want = "GET";
    else if (n == 3 && is(seg[0], "rooms") && is(seg[2], "cursor"))
        route = R_CURSOR, want = "POST";
    else if (n == 3 && is(seg[0], "rooms") && is(seg[2], "events"))
        route = R_EVENTS, want = "GET";

    if (route == R_NONE) {
        api_error(resp, 404, "not_found", "no route %s %.200s", http_method(req), path);
        return;
    }
    if (!method_ok(req, want, resp)) return;
    if (http_body_too_large(req)) {
        api_error(resp, 413, "too_large", "the request body is over the 1 MiB limit");
        return;
    }
    switch (route) {
    case R_SCENARIOS:
        get_scenarios(api, resp);
        break;
    case R_SCENARIO:
        get_scenario(api, seg[1], resp);
        break;
    case R_RUNS:
        post_run(api, req, resp);
        break;
    case R_RUN:
        get_run(api, seg[1], resp);
        break;
    case R_STEP:
        get_step(api, seg[1], seg[3], resp);
        break;
    case R_DIFF:
        get_diff(api, req, seg[1], resp);
        break;
    case R_RETAINERS:
        get_retainers(api, req, seg[1], seg[3], resp);
        break;
    case R_STREAM:
        get_stream(api, req, seg[1], resp);
        break;
    case R_ROOMS:
        post_room(api, req, resp);
        break;
    case R_ROOM:
        get_room(api, seg[1], resp);
        break;
    case R_CURSOR:
        post_cursor(api, req, seg[1], resp);
        break;
    case R_EVENTS:
        get_room_events(api, seg[1], resp);
        break;
    case R_NONE:
        break;
    }
}

void api_handle(void *ctx, const HttpRequest *req, HttpResponse *resp) {
    Api *api = ctx;
    const char *path = http_path(req);
    if (!strncmp(path, "/api/", 5)) {
        route_api(api, req, resp);
        return;
    }
    if (http_body_too_large(req)) {
        api_error(resp, 413, "too_large", "the request body is over the 1 MiB limit");
        return;
    }
    switch (static_serve(api->statics, req, resp)) {
    case STATIC_OK:
        break;
    case STATIC_NOT_FOUND:
        api_error(resp, 404, "not_found", "no file %.200s", path);
        break;
    case STATIC_FORBIDDEN:
        api_error(resp, 403, "forbidden", "the path leaves the static folder");
        break;
    case STATIC_METHOD:
        err_method(resp, "GET, HEAD");
        break;
    case STATIC_NOMEM:
        err_nomem(resp);
        break;
    }
}
