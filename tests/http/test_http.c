/*
 * test_http.c - the HTTP tier: a real `memviz serve` on a loopback port, spoken to with libcurl.
 *
 * tests/http/run.sh starts two servers and passes their base URLs:
 *   MEMVIZ_URL        the main server (static folder MEMVIZ_STATIC, with a secret file next to
 *                     it and symlinks pointing out of it)
 *   MEMVIZ_URL_SMALL  a server with --max-runs 2 --run-timeout 2 --idle-expiry 3 (LRU
 *                     eviction, 429, run timeout, idle expiry; used by one test only)
 * Every route of docs/api.md and every error status is exercised; streams are read event by
 * event and the diffs of a whole run are applied to its first snapshot and compared with the
 * last one, as the page does.
 */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <curl/curl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

/* ---------------------------------------------------------------- a small HTTP client */

typedef struct {
    long status;
    char *body;
    size_t len;
    char headers[8192];
    size_t hlen;
} Resp;

static size_t on_body(char *p, size_t sz, size_t n, void *ud) {
    Resp *r = ud;
    size_t k = sz * n;
    r->body = realloc(r->body, r->len + k + 1);
    memcpy(r->body + r->len, p, k);
    r->len += k;
    r->body[r->len] = 0;
    return k;
}

static size_t on_header(char *p, size_t sz, size_t n, void *ud) {
    Resp *r = ud;
    size_t k = sz * n;
    if (r->hlen + k < sizeof r->headers) {
        memcpy(r->headers + r->hlen, p, k);
        r->hlen += k;
        r->headers[r->hlen] = 0;
    }
    return k;
}

static const char *base(void) {
    const char *u = getenv("MEMVIZ_URL");
    cr_assert(u, "MEMVIZ_URL is not set: run tests/http/run.sh");
    return u;
}

/* One request. extra: NULL-terminated header lines. body NULL: no body. */
static Resp req_full(const char *url_base, const char *method, const char *path, const char *body,
                     size_t bodylen, const char *const *extra, const char *accept_encoding) {
    Resp r = {0};
    r.body = calloc(1, 1);
    CURL *c = curl_easy_init();
    char url[4096];
    snprintf(url, sizeof url, "%s%s", url_base, path);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L); /* send ../ as it is */
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    if (!strcmp(method, "HEAD")) curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &r);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &r);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
    if (accept_encoding) curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, accept_encoding);
    struct curl_slist *h = NULL;
    h = curl_slist_append(h, "Expect:");
    for (int i = 0; extra && extra[i]; i++)
        h = curl_slist_append(h, extra[i]);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    if (body) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)bodylen);
    }
    CURLcode rc = curl_easy_perform(c);
    cr_assert_eq(rc, CURLE_OK, "%s %s: %s", method, path, curl_easy_strerror(rc));
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
    return r;
}

static Resp req(const char *method, const char *path, const char *body) {
    return req_full(base(), method, path, body, body ? strlen(body) : 0, NULL, NULL);
}

static void resp_free(Resp *r) {
    free(r->body);
}

/* The value of response header `name` (case-insensitive), copied into out; false if absent. */
static bool header(const Resp *r, const char *name, char *out, size_t cap) {
    size_t n = strlen(name);
    for (const char *p = r->headers; *p;) {
        const char *eol = strstr(p, "\r\n");
        if (!eol) break;
        if ((size_t)(eol - p) > n && !strncasecmp(p, name, n) && p[n] == ':') {
            const char *v = p + n + 1;
            while (*v == ' ')
                v++;
            size_t k = (size_t)(eol - v) < cap - 1 ? (size_t)(eol - v) : cap - 1;
            memcpy(out, v, k);
            out[k] = 0;
            return true;
        }
        p = eol + 2;
    }
    return false;
}

static cJSON *json_of(const Resp *r) {
    cJSON *j = cJSON_Parse(r->body);
    cr_assert(j, "response is not JSON: %.300s", r->body);
    return j;
}

/* Asserts an error response: status, the JSON error shape, and its code. */
static void expect_error(Resp r, long status, const char *code, const char *what) {
    cr_expect_eq(r.status, status, "%s: status %ld, want %ld (%.200s)", what, r.status, status,
                 r.body);
    char ct[128] = "";
    header(&r, "Content-Type", ct, sizeof ct);
    cr_expect(strstr(ct, "application/json") != NULL, "%s: error Content-Type %s", what, ct);
    cJSON *j = cJSON_Parse(r.body);
    cr_expect(j, "%s: error body is not JSON: %.200s", what, r.body);
    if (j) {
        cJSON *e = cJSON_GetObjectItem(j, "error");
        cr_expect(cJSON_IsObject(e), "%s: no error object", what);
        cJSON *c = cJSON_GetObjectItem(e, "code");
        cr_expect(cJSON_IsString(c) && cJSON_IsString(cJSON_GetObjectItem(e, "message")),
                  "%s: error.code / error.message missing", what);
        if (cJSON_IsString(c)) cr_expect_str_eq(c->valuestring, code, "%s", what);
        cJSON_Delete(j);
    }
    resp_free(&r);
}

static double jnum(const cJSON *j, const char *key) {
    const cJSON *v = cJSON_GetObjectItem(j, key);
    cr_assert(cJSON_IsNumber(v), "field %s is not a number", key);
    return v->valuedouble;
}

static const char *jstr(const cJSON *j, const char *key) {
    const cJSON *v = cJSON_GetObjectItem(j, key);
    cr_assert(cJSON_IsString(v), "field %s is not a string", key);
    return v->valuestring;
}

/* POSTs a program; returns the run id (static buffer per call site: copy it) and its steps. */
static void new_run(const char *source, char *id, size_t *nsteps) {
    cJSON *b = cJSON_CreateObject();
    cJSON_AddStringToObject(b, "source", source);
    char *body = cJSON_PrintUnformatted(b);
    cJSON_Delete(b);
    Resp r = req("POST", "/api/runs", body);
    free(body);
    cr_assert_eq(r.status, 201, "POST /api/runs: %ld %.300s", r.status, r.body);
    cJSON *j = json_of(&r);
    snprintf(id, 32, "%s", jstr(j, "id"));
    if (nsteps) *nsteps = (size_t)jnum(j, "steps");
    cJSON_Delete(j);
    resp_free(&r);
}

static const char refcount_src[] =
    "import sys\n"
    "a = [1, 2, 3]\n"
    "print('Reference count of a:', sys.getrefcount(a))\n"
    "b = a\n"
    "print('Reference count after creating b:', sys.getrefcount(a))\n"
    "del b\n"
    "print('Reference count after deleting b:', sys.getrefcount(a))\n";

static const char cycle_src[] = "import gc\n"
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
                                "print(gc.collect())\n";

/* ---------------------------------------------------------------- static files */

static char *read_static(const char *name, size_t *len) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", getenv("MEMVIZ_STATIC"), name);
    FILE *f = fopen(path, "rb");
    cr_assert(f, "cannot read %s", path);
    char *buf = malloc(1 << 20);
    *len = fread(buf, 1, 1 << 20, f);
    buf[*len] = 0;
    fclose(f);
    return buf;
}

Test(static_files, index_types_and_caching_headers) {
    size_t flen;
    char *file = read_static("index.html", &flen);
    Resp r = req("GET", "/", NULL);
    cr_expect_eq(r.status, 200);
    cr_expect_eq(r.len, flen);
    cr_expect(r.len == flen && !memcmp(r.body, file, flen), "/ serves index.html");
    char v[256];
    cr_expect(header(&r, "Content-Type", v, sizeof v) && strstr(v, "text/html"), "type %s", v);
    char etag[256], lm[256];
    cr_assert(header(&r, "ETag", etag, sizeof etag), "ETag");
    cr_assert(header(&r, "Last-Modified", lm, sizeof lm), "Last-Modified");
    resp_free(&r);

    char h1[300];
    snprintf(h1, sizeof h1, "If-None-Match: %s", etag);
    const char *ex1[] = {h1, NULL};
    r = req_full(base(), "GET", "/index.html", NULL, 0, ex1, NULL);
    cr_expect_eq(r.status, 304, "If-None-Match -> 304, got %ld", r.status);
    cr_expect_eq(r.len, 0);
    resp_free(&r);
    snprintf(h1, sizeof h1, "If-Modified-Since: %s", lm);
    r = req_full(base(), "GET", "/index.html", NULL, 0, ex1, NULL);
    cr_expect_eq(r.status, 304, "If-Modified-Since -> 304, got %ld", r.status);
    resp_free(&r);
    const char *stale[] = {"If-None-Match: \"nope\"", NULL};
    r = req_full(base(), "GET", "/index.html", NULL, 0, stale, NULL);
    cr_expect_eq(r.status, 200);
    resp_free(&r);

    r = req("GET", "/js/app.js", NULL);
    cr_expect_eq(r.status, 200);
    cr_expect(header(&r, "Content-Type", v, sizeof v) && strstr(v, "text/javascript"), "js type %s",
              v);
    resp_free(&r);
    r = req("GET", "/css/site.css", NULL);
    cr_expect(header(&r, "Content-Type", v, sizeof v) && strstr(v, "text/css"), "css type %s", v);
    resp_free(&r);
    r = req("HEAD", "/", NULL);
    cr_expect_eq(r.status, 200);
    cr_expect_eq(r.len, 0, "HEAD has no body");
    resp_free(&r);
    free(file);
}

Test(static_files, gzip_when_accepted) {
    size_t flen;
    char *file = read_static("js/app.js", &flen);
    /* curl decodes gzip when it offers it: the decoded body must be the file */
    Resp r = req_full(base(), "GET", "/js/app.js", NULL, 0, NULL, "gzip");
    cr_expect_eq(r.status, 200);
    char v[256] = "";
    cr_expect(header(&r, "Content-Encoding", v, sizeof v) && !strcmp(v, "gzip"), "gzip: %s", v);
    cr_expect(header(&r, "Vary", v, sizeof v) && strstr(v, "Accept-Encoding"));
    cr_expect(r.len == flen && !memcmp(r.body, file, flen), "decoded gzip equals the file");
    char etag_gz[256], etag_id[256];
    header(&r, "ETag", etag_gz, sizeof etag_gz);
    resp_free(&r);
    r = req("GET", "/js/app.js", NULL); /* no Accept-Encoding: identity */
    cr_expect(!header(&r, "Content-Encoding", v, sizeof v), "no gzip unless accepted");
    header(&r, "ETag", etag_id, sizeof etag_id);
    cr_expect_str_neq(etag_gz, etag_id, "gzip and identity variants have different ETags");
    cr_expect(r.len == flen && !memcmp(r.body, file, flen));
    resp_free(&r);
    free(file);
}

Test(static_files, folders_serve_their_index) {
    const char *paths[] = {"/sub/", "/sub"};
    for (int i = 0; i < 2; i++) {
        Resp r = req("GET", paths[i], NULL);
        char v[128] = "";
        cr_expect_eq(r.status, 200, "%s", paths[i]);
        cr_expect(header(&r, "Content-Type", v, sizeof v) && strstr(v, "text/html"), "%s: %s",
                  paths[i], v);
        cr_expect(strstr(r.body, "<title>sub</title>") != NULL, "%s", paths[i]);
        resp_free(&r);
    }
    expect_error(req("GET", "/js/", NULL), 404, "not_found", "a folder without index.html");
}

Test(static_files, errors) {
    expect_error(req("GET", "/missing.html", NULL), 404, "not_found", "missing file");
    Resp r = req("POST", "/index.html", "x");
    char allow[128] = "";
    cr_expect(header(&r, "Allow", allow, sizeof allow) && strstr(allow, "GET"), "Allow: %s", allow);
    expect_error(r, 405, "method_not_allowed", "POST on a file");
    expect_error(req("DELETE", "/", NULL), 405, "method_not_allowed", "DELETE /");
}

Test(static_files, no_path_traversal) {
    const char *attempts[] = {
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/js/../../secret.txt",
        "/js/%2e%2e/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/%252e%252e/secret.txt",
        "//etc/passwd",
        "/link_out.txt",
        "/dir_out/secret.txt",
        "/..",
        "/js/..%5c..%5csecret.txt",
    };
    for (size_t i = 0; i < sizeof attempts / sizeof attempts[0]; i++) {
        Resp r = req("GET", attempts[i], NULL);
        cr_expect(r.status == 403 || r.status == 404 || r.status == 400, "%s -> %ld", attempts[i],
                  r.status);
        cr_expect(!strstr(r.body, "TOP-SECRET") && !strstr(r.body, "root:"), "%s leaked a file",
                  attempts[i]);
        resp_free(&r);
    }
    /* the ones that try to leave are refused as such */
    expect_error(req("GET", "/../secret.txt", NULL), 403, "forbidden", "..");
    expect_error(req("GET", "/%2e%2e/secret.txt", NULL), 403, "forbidden", "%2e%2e");
    expect_error(req("GET", "//etc/passwd", NULL), 403, "forbidden", "absolute");
    expect_error(req("GET", "/link_out.txt", NULL), 403, "forbidden", "symlink out");
    expect_error(req("GET", "/dir_out/secret.txt", NULL), 403, "forbidden", "dir symlink out");
    Resp ok = req("GET", "/link_in.txt", NULL); /* a symlink inside the folder is fine */
    cr_expect_eq(ok.status, 200, "symlink inside: %ld", ok.status);
    resp_free(&ok);
}

/* ---------------------------------------------------------------- scenarios */

Test(scenarios, list_and_one) {
    Resp r = req("GET", "/api/scenarios", NULL);
    cr_assert_eq(r.status, 200);
    cJSON *j = json_of(&r);
    cJSON *list = cJSON_GetObjectItem(j, "scenarios");
    cr_assert(cJSON_IsArray(list) && cJSON_GetArraySize(list) >= 2);
    bool found = false;
    cJSON *s;
    cJSON_ArrayForEach(s, list) {
        jstr(s, "title");
        jstr(s, "source");
        cr_expect(cJSON_IsArray(cJSON_GetObjectItem(s, "notes")));
        if (!strcmp(jstr(s, "id"), "refcount.py")) {
            found = true;
            cr_expect(strstr(jstr(s, "title"), "Reference counting") != NULL, "title %s",
                      jstr(s, "title"));
            cJSON *n0 = cJSON_GetArrayItem(cJSON_GetObjectItem(s, "notes"), 0);
            cr_assert(n0, "refcount.py has notes");
            cr_expect(jnum(n0, "line") >= 1);
            jstr(n0, "text");
        }
    }
    cr_expect(found, "refcount.py is listed");
    cJSON_Delete(j);
    resp_free(&r);
    r = req("GET", "/api/scenarios/node_cycle.py", NULL);
    cr_expect_eq(r.status, 200);
    j = json_of(&r);
    cr_expect(strstr(jstr(j, "source"), "gc.collect()") != NULL);
    cJSON_Delete(j);
    resp_free(&r);
    expect_error(req("GET", "/api/scenarios/nope.py", NULL), 404, "not_found", "unknown scenario");
    expect_error(req("GET", "/api/scenarios/..%2fMakefile", NULL), 404, "not_found",
                 "scenario traversal");
    expect_error(req("POST", "/api/scenarios", "{}"), 405, "method_not_allowed", "POST scenarios");
    /* a run from a scenario */
    r = req("POST", "/api/runs", "{\"scenario\": \"refcount.py\"}");
    cr_expect_eq(r.status, 201);
    j = json_of(&r);
    cr_expect_str_eq(jstr(j, "stdout"),
                     "Reference count of a: 2\nReference count after creating b: 3\n"
                     "Reference count after deleting b: 2\n");
    cr_expect_str_eq(jstr(j, "filename"), "refcount.py");
    cJSON_Delete(j);
    resp_free(&r);
}

/* ---------------------------------------------------------------- runs */

Test(runs, create_meta_snapshot_diff) {
    Resp r = req("POST", "/api/runs",
                 "{\"source\": \"import sys\\na = [1, 2, 3]\\nprint(sys.getrefcount(a))\\n\"}");
    cr_assert_eq(r.status, 201, "%.300s", r.body);
    char loc[128] = "";
    cr_expect(header(&r, "Location", loc, sizeof loc) && !strncmp(loc, "/api/runs/r", 11),
              "Location %s", loc);
    cJSON *j = json_of(&r);
    char id[32];
    snprintf(id, sizeof id, "%s", jstr(j, "id"));
    cr_expect_str_eq(jstr(j, "state"), "done");
    cr_expect_str_eq(jstr(j, "status"), "end");
    cr_expect_str_eq(jstr(j, "stdout"), "2\n");
    cr_expect(cJSON_IsNull(cJSON_GetObjectItem(j, "error")));
    cr_expect_eq(jnum(j, "exit_status"), 0);
    size_t n = (size_t)jnum(j, "steps");
    cr_assert(n >= 3);
    cJSON_Delete(j);
    resp_free(&r);

    char path[256];
    snprintf(path, sizeof path, "/api/runs/%s", id);
    r = req("GET", path, NULL);
    cr_assert_eq(r.status, 200);
    j = json_of(&r);
    cr_expect_eq((size_t)jnum(j, "nsteps"), n);
    cr_expect_eq(jnum(j, "version"), 1);
    cr_expect(strstr(jstr(j, "source"), "getrefcount") != NULL);
    cJSON *steps = cJSON_GetObjectItem(j, "steps");
    cr_assert(cJSON_IsObject(steps));
    const char *cols[] = {"kind",  "line",    "events", "gc_phase",  "gc_generation",
                          "depth", "objects", "bytes",  "stdout_len"};
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        cr_expect_eq((size_t)cJSON_GetArraySize(cJSON_GetObjectItem(steps, cols[i])), n,
                     "column %s", cols[i]);
    cr_expect_str_eq(
        cJSON_GetArrayItem(cJSON_GetObjectItem(steps, "kind"), (int)n - 1)->valuestring, "end");
    cJSON_Delete(j);
    resp_free(&r);

    for (size_t s = 0; s < n; s++) {
        snprintf(path, sizeof path, "/api/runs/%s/steps/%zu", id, s);
        r = req("GET", path, NULL);
        cr_assert_eq(r.status, 200);
        j = json_of(&r);
        cr_expect_eq((size_t)jnum(j, "step"), s);
        cr_expect_eq(jnum(j, "version"), 1);
        cr_expect(cJSON_IsArray(cJSON_GetObjectItem(j, "objects")) &&
                  cJSON_IsArray(cJSON_GetObjectItem(j, "frames")));
        cJSON_Delete(j);
        resp_free(&r);
    }
    snprintf(path, sizeof path, "/api/runs/%s/diff?from=0&to=%zu", id, n - 1);
    r = req("GET", path, NULL);
    cr_assert_eq(r.status, 200);
    j = json_of(&r);
    cr_expect_eq(jnum(j, "from"), 0);
    cr_expect_eq((size_t)jnum(j, "to"), n - 1);
    cr_expect(cJSON_IsArray(cJSON_GetObjectItem(j, "added")));
    cJSON_Delete(j);
    resp_free(&r);

    snprintf(path, sizeof path, "/api/runs/%s/steps/%zu", id, n);
    expect_error(req("GET", path, NULL), 404, "not_found", "step == nsteps");
    snprintf(path, sizeof path, "/api/runs/%s/steps/abc", id);
    expect_error(req("GET", path, NULL), 400, "bad_request", "step abc");
    snprintf(path, sizeof path, "/api/runs/%s/steps/-1", id);
    expect_error(req("GET", path, NULL), 400, "bad_request", "step -1");
    snprintf(path, sizeof path, "/api/runs/%s/steps/99999999999999999999999", id);
    expect_error(req("GET", path, NULL), 400, "bad_request", "huge step");
    snprintf(path, sizeof path, "/api/runs/%s/diff?from=0", id);
    expect_error(req("GET", path, NULL), 400, "bad_request", "diff without to");
    snprintf(path, sizeof path, "/api/runs/%s/diff?from=x&to=1", id);
    expect_error(req("GET", path, NULL), 400, "bad_request", "diff from=x");
    snprintf(path, sizeof path, "/api/runs/%s/diff?from=0&to=%zu", id, n + 5);
    expect_error(req("GET", path, NULL), 404, "not_found", "diff out of range");
    snprintf(path, sizeof path, "/api/runs/%s/steps/0", id);
    expect_error(req("POST", path, "{}"), 405, "method_not_allowed", "POST a step");
    snprintf(path, sizeof path, "/api/runs/%s", id);
    expect_error(req("DELETE", path, NULL), 405, "method_not_allowed", "DELETE a run");
    expect_error(req("GET", "/api/runs/rdoesnotexist", NULL), 404, "not_found", "unknown run");
    expect_error(req("GET", "/api/runs/rdoesnotexist/steps/0", NULL), 404, "not_found",
                 "unknown run step");
    expect_error(req("GET", "/api/runs/rdoesnotexist/diff?from=0&to=1", NULL), 404, "not_found",
                 "unknown run diff");
    expect_error(req("GET", "/api/nope", NULL), 404, "not_found", "unknown route");
    expect_error(req("GET", "/api/runs/x/y/z/w/v/u/t", NULL), 404, "not_found", "deep route");
    Resp m = req("GET", "/api/runs", NULL);
    char allow[64] = "";
    cr_expect(header(&m, "Allow", allow, sizeof allow) && !strcmp(allow, "POST"), "Allow %s",
              allow);
    expect_error(m, 405, "method_not_allowed", "GET /api/runs");
}

Test(runs, retainers) {
    char id[32];
    size_t n;
    new_run(refcount_src, id, &n);
    /* at the last step, `a` (a frame variable) names the list: its retainer path is [list] */
    char path[256];
    snprintf(path, sizeof path, "/api/runs/%s/steps/%zu", id, n - 1);
    Resp r = req("GET", path, NULL);
    cJSON *j = json_of(&r);
    cJSON *f0 = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "frames"), 0);
    cr_assert(f0, "a module frame at the end");
    long list_id = -1;
    cJSON *v;
    cJSON_ArrayForEach(v, cJSON_GetObjectItem(f0, "locals")) if (!strcmp(jstr(v, "name"), "a"))
        list_id = (long)jnum(v, "ref");
    cr_assert(list_id > 0, "variable a");
    /* one of the list's items is reachable through it */
    long item = -1;
    cJSON *o;
    cJSON_ArrayForEach(o, cJSON_GetObjectItem(j, "objects")) if ((long)jnum(o, "id") == list_id) {
        cJSON *e0 = cJSON_GetArrayItem(cJSON_GetObjectItem(o, "refs"), 0);
        if (e0) item = (long)jnum(e0, "ref");
    }
    cJSON_Delete(j);
    resp_free(&r);

    snprintf(path, sizeof path, "/api/runs/%s/objects/%ld/retainers?step=%zu", id, list_id, n - 1);
    r = req("GET", path, NULL);
    cr_assert_eq(r.status, 200, "%.300s", r.body);
    j = json_of(&r);
    cr_expect(cJSON_IsTrue(cJSON_GetObjectItem(j, "reachable")));
    cJSON *p = cJSON_GetObjectItem(j, "path");
    cr_assert(cJSON_GetArraySize(p) >= 1);
    cr_expect_eq((long)jnum(cJSON_GetArrayItem(p, cJSON_GetArraySize(p) - 1), "id"), list_id,
                 "path ends at the object");
    cr_expect_eq(jnum(j, "id"), list_id);
    cJSON_Delete(j);
    resp_free(&r);
    if (item > 0) {
        snprintf(path, sizeof path, "/api/runs/%s/objects/%ld/retainers?step=%zu", id, item, n - 1);
        r = req("GET", path, NULL);
        cr_expect_eq(r.status, 200);
        resp_free(&r);
    }
    snprintf(path, sizeof path, "/api/runs/%s/objects/%ld/retainers", id, list_id);
    expect_error(req("GET", path, NULL), 400, "bad_request", "retainers without step");
    snprintf(path, sizeof path, "/api/runs/%s/objects/4000000000/retainers?step=0", id);
    expect_error(req("GET", path, NULL), 404, "not_found", "retainers of no object");
    snprintf(path, sizeof path, "/api/runs/%s/objects/zz/retainers?step=0", id);
    expect_error(req("GET", path, NULL), 400, "bad_request", "retainers oid zz");
    snprintf(path, sizeof path, "/api/runs/%s/objects/%ld/retainers?step=%zu", id, list_id, n + 1);
    expect_error(req("GET", path, NULL), 404, "not_found", "retainers step out of range");
}

Test(runs, program_errors_are_traces_not_http_errors) {
    struct {
        const char *src, *status, *error_has;
    } cases[] = {
        {"x = 1\nprint(x\n", "error", "SyntaxError"},
        {"print('before')\nprint(undefined_name)\n", "error", "NameError"},
        {"while True:\n    pass\n", "stopped", NULL},
        {"x = []\nwhile True:\n    x.append('a' * 100000)\n", NULL, NULL},
        {"def f():\n    return f()\nf()\n", "error", "RecursionError"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cJSON *b = cJSON_CreateObject();
        cJSON_AddStringToObject(b, "source", cases[i].src);
        cJSON_AddNumberToObject(b, "max_steps", 20000);
        char *body = cJSON_PrintUnformatted(b);
        cJSON_Delete(b);
        Resp r = req("POST", "/api/runs", body);
        free(body);
        cr_assert_eq(r.status, 201, "case %zu: %ld %.300s", i, r.status, r.body);
        cJSON *j = json_of(&r);
        const char *status = jstr(j, "status");
        if (cases[i].status)
            cr_expect_str_eq(status, cases[i].status, "case %zu", i);
        else
            cr_expect(!strcmp(status, "error") || !strcmp(status, "stopped"), "case %zu: %s", i,
                      status);
        const cJSON *err = cJSON_GetObjectItem(j, "error");
        cr_expect(cJSON_IsString(err), "case %zu has an error text", i);
        if (cases[i].error_has && cJSON_IsString(err))
            cr_expect(strstr(err->valuestring, cases[i].error_has) != NULL, "case %zu: %s", i,
                      err->valuestring);
        /* the trace up to the stop is served */
        char path[128];
        snprintf(path, sizeof path, "/api/runs/%s/steps/%d", jstr(j, "id"),
                 (int)jnum(j, "steps") - 1);
        Resp s = req("GET", path, NULL);
        cr_expect_eq(s.status, 200, "case %zu: last step", i);
        cJSON *sj = json_of(&s);
        cr_expect_str_eq(jstr(sj, "kind"), status, "case %zu: last step's kind", i);
        cJSON_Delete(sj);
        resp_free(&s);
        cJSON_Delete(j);
        resp_free(&r);
    }
}

Test(runs, bad_bodies) {
    expect_error(req("POST", "/api/runs", "{\"source\": "), 400, "bad_json", "truncated JSON");
    expect_error(req("POST", "/api/runs", "not json"), 400, "bad_json", "not JSON");
    expect_error(req("POST", "/api/runs", ""), 400, "bad_json", "empty body");
    expect_error(req("POST", "/api/runs", "[1, 2]"), 400, "bad_json", "array body");
    expect_error(req("POST", "/api/runs", "\"x\""), 400, "bad_json", "string body");
    expect_error(req("POST", "/api/runs", "{}"), 400, "bad_request", "no source");
    expect_error(req("POST", "/api/runs", "{\"source\": 5}"), 400, "bad_request", "source 5");
    expect_error(req("POST", "/api/runs", "{\"source\": null}"), 400, "bad_request", "source null");
    expect_error(req("POST", "/api/runs", "{\"source\": \"x=1\", \"scenario\": \"refcount.py\"}"),
                 400, "bad_request", "both");
    expect_error(req("POST", "/api/runs", "{\"source\": \"x=1\", \"max_steps\": -1}"), 400,
                 "bad_request", "max_steps -1");
    expect_error(req("POST", "/api/runs", "{\"source\": \"x=1\", \"max_steps\": 1.5}"), 400,
                 "bad_request", "max_steps 1.5");
    expect_error(req("POST", "/api/runs", "{\"source\": \"x=1\", \"max_steps\": \"9\"}"), 400,
                 "bad_request", "max_steps str");
    expect_error(req("POST", "/api/runs", "{\"source\": \"x=1\", \"wait\": \"yes\"}"), 400,
                 "bad_request", "wait str");
    expect_error(req("POST", "/api/runs", "{\"source\": \"x=1\", \"filename\": 3}"), 400,
                 "bad_request", "filename 3");
    expect_error(req("POST", "/api/runs", "{\"scenario\": \"nope.py\"}"), 404, "not_found",
                 "unknown scenario");
    expect_error(req("POST", "/api/runs", "{\"scenario\": \"../Makefile\"}"), 404, "not_found",
                 "scenario traversal");
    /* deep nesting must not crash the parser */
    char *deep = malloc(200001);
    memset(deep, '[', 200000);
    deep[200000] = 0;
    expect_error(req("POST", "/api/runs", deep), 400, "bad_json", "deep nesting");
    free(deep);
    /* bytes that are not UTF-8 and NULs */
    Resp r =
        req_full(base(), "POST", "/api/runs", "{\"source\": \"\xff\xfe\x00\"}", 16, NULL, NULL);
    cr_expect(r.status == 400 || r.status == 201, "binary body: %ld", r.status);
    resp_free(&r);
}

Test(runs, oversized_bodies_get_413) {
    size_t n = (1u << 20) + 100;
    char *big = malloc(n + 1);
    memset(big, ' ', n);
    memcpy(big, "{\"source\": \"", 12);
    big[n - 2] = '"';
    big[n - 1] = '}';
    big[n] = 0;
    expect_error(req_full(base(), "POST", "/api/runs", big, n, NULL, NULL), 413, "too_large",
                 "2 MiB body");
    /* chunked: no Content-Length, the limit is found while reading */
    const char *chunked[] = {"Transfer-Encoding: chunked", NULL};
    expect_error(req_full(base(), "POST", "/api/runs", big, n, chunked, NULL), 413, "too_large",
                 "chunked body");
    free(big);
    /* the server still answers */
    Resp r = req("GET", "/api/scenarios", NULL);
    cr_expect_eq(r.status, 200);
    resp_free(&r);
}

Test(runs, no_wait_then_poll) {
    Resp r = req("POST", "/api/runs",
                 "{\"source\": \"s = 0\\nfor i in range(2000):\\n    s += i\\nprint(s)\\n\", "
                 "\"wait\": false}");
    cr_assert_eq(r.status, 202, "%.300s", r.body);
    cJSON *j = json_of(&r);
    char path[128];
    snprintf(path, sizeof path, "/api/runs/%s", jstr(j, "id"));
    cJSON_Delete(j);
    resp_free(&r);
    for (int tries = 0; tries < 600; tries++) {
        r = req("GET", path, NULL);
        cr_assert_eq(r.status, 200);
        j = json_of(&r);
        bool done = !strcmp(jstr(j, "state"), "done");
        if (done)
            cr_expect_str_eq(jstr(j, "stdout"), "1999000\n");
        else
            cr_expect_null(cJSON_GetObjectItem(j, "nsteps"), "no index while running");
        cJSON_Delete(j);
        resp_free(&r);
        if (done) return;
        usleep(50000);
    }
    cr_assert_fail("the run never finished");
}

/* Several runs recorded at once, each in its own thread, each with its own output. */
typedef struct {
    int k;
    long status;
    char out[128];
} ConcArg;

static void *conc_main(void *p) {
    ConcArg *a = p;
    char body[256];
    snprintf(body, sizeof body,
             "{\"source\": \"t = 0\\nfor i in range(%d):\\n    t += [i][0]\\nprint(t)\\n\"}",
             3000 + a->k);
    Resp r = req("POST", "/api/runs", body);
    a->status = r.status;
    cJSON *j = cJSON_Parse(r.body);
    const cJSON *o = j ? cJSON_GetObjectItem(j, "stdout") : NULL;
    snprintf(a->out, sizeof a->out, "%s", cJSON_IsString(o) ? o->valuestring : "?");
    cJSON_Delete(j);
    resp_free(&r);
    return NULL;
}

Test(runs, concurrent_runs) {
    enum { N = 8 };
    pthread_t th[N];
    ConcArg args[N];
    for (int i = 0; i < N; i++) {
        args[i].k = i;
        pthread_create(&th[i], NULL, conc_main, &args[i]);
    }
    for (int i = 0; i < N; i++)
        pthread_join(th[i], NULL);
    for (int i = 0; i < N; i++) {
        long n = 3000 + i;
        char want[64];
        snprintf(want, sizeof want, "%ld\n", n * (n - 1) / 2);
        cr_expect_eq(args[i].status, 201, "run %d", i);
        cr_expect_str_eq(args[i].out, want, "run %d", i);
    }
}

/* ---------------------------------------------------------------- SSE */

typedef struct {
    long long id;
    char event[32];
    char *data;
} Event;

/* A stream reader on its own thread: parses events into a queue the test waits on. */
typedef struct {
    char url[512];
    char extra[256];
    pthread_t th;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    Event ev[4096];
    int nev;
    char line[1 << 20];
    size_t llen;
    long long cur_id;
    char cur_event[32];
    char *cur_data;
    size_t dlen;
    volatile int stop;
    int finished;
    long status;
} Stream;

static void stream_line(Stream *s, const char *line) {
    if (!*line) { /* dispatch */
        if (s->cur_data || s->cur_event[0]) {
            pthread_mutex_lock(&s->mu);
            if (s->nev < 4096) {
                Event *e = &s->ev[s->nev++];
                e->id = s->cur_id;
                snprintf(e->event, sizeof e->event, "%s",
                         s->cur_event[0] ? s->cur_event : "message");
                e->data = s->cur_data ? s->cur_data : strdup("");
                s->cur_data = NULL;
            }
            pthread_cond_broadcast(&s->cv);
            pthread_mutex_unlock(&s->mu);
        }
        free(s->cur_data);
        s->cur_data = NULL;
        s->cur_event[0] = 0;
        s->cur_id = -1;
        return;
    }
    if (line[0] == ':') return; /* comment / ping */
    if (!strncmp(line, "id: ", 4))
        s->cur_id = atoll(line + 4);
    else if (!strncmp(line, "event: ", 7))
        snprintf(s->cur_event, sizeof s->cur_event, "%s", line + 7);
    else if (!strncmp(line, "data: ", 6))
        s->cur_data = strdup(line + 6);
}

static size_t stream_body(char *p, size_t sz, size_t n, void *ud) {
    Stream *s = ud;
    size_t k = sz * n;
    for (size_t i = 0; i < k; i++) {
        if (p[i] == '\n') {
            s->line[s->llen] = 0;
            stream_line(s, s->line);
            s->llen = 0;
        } else if (s->llen + 1 < sizeof s->line) {
            s->line[s->llen++] = p[i];
        }
    }
    return s->stop ? 0 : k;
}

static int stream_progress(void *ud, curl_off_t a, curl_off_t b, curl_off_t c, curl_off_t d) {
    (void)a, (void)b, (void)c, (void)d;
    return ((Stream *)ud)->stop ? 1 : 0;
}

static void *stream_main(void *p) {
    Stream *s = p;
    CURL *c = curl_easy_init();
    curl_easy_setopt(c, CURLOPT_URL, s->url);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, stream_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, s);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, stream_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, s);
    struct curl_slist *h = NULL;
    if (s->extra[0]) h = curl_slist_append(h, s->extra);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &s->status);
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
    pthread_mutex_lock(&s->mu);
    s->finished = 1;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

static Stream *stream_open(const char *path, const char *extra_header) {
    Stream *s = calloc(1, sizeof *s);
    snprintf(s->url, sizeof s->url, "%s%s", base(), path);
    if (extra_header) snprintf(s->extra, sizeof s->extra, "%s", extra_header);
    s->cur_id = -1;
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    pthread_create(&s->th, NULL, stream_main, s);
    return s;
}

/* Waits until the stream has more than `k` events (or ended); returns event k or NULL. */
static Event *stream_event(Stream *s, int k, double timeout) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += (time_t)timeout;
    pthread_mutex_lock(&s->mu);
    while (s->nev <= k && !s->finished)
        if (pthread_cond_timedwait(&s->cv, &s->mu, &until) != 0) break;
    Event *e = s->nev > k ? &s->ev[k] : NULL;
    pthread_mutex_unlock(&s->mu);
    return e;
}

static void stream_close(Stream *s) {
    s->stop = 1;
    pthread_join(s->th, NULL);
    for (int i = 0; i < s->nev; i++)
        free(s->ev[i].data);
    free(s->cur_data);
    free(s);
}

/* ---- applying a diff to a snapshot, as docs/trace-format.md says the page does ---- */

static int cmp_obj_id(const void *a, const void *b) {
    double x = cJSON_GetObjectItem(*(cJSON *const *)a, "id")->valuedouble;
    double y = cJSON_GetObjectItem(*(cJSON *const *)b, "id")->valuedouble;
    return x < y ? -1 : x > y;
}

static void apply_diff(cJSON *snap, const cJSON *diff) {
    cJSON *objs = cJSON_GetObjectItem(snap, "objects");
    int n = cJSON_GetArraySize(objs);
    cJSON **v = calloc((size_t)n + 4096, sizeof *v);
    int k = 0;
    const cJSON *removed = cJSON_GetObjectItem(diff, "removed"),
                *changed = cJSON_GetObjectItem(diff, "changed"),
                *added = cJSON_GetObjectItem(diff, "added");
    cJSON *o;
    cJSON_ArrayForEach(o, objs) {
        double id = jnum(o, "id");
        bool drop = false;
        const cJSON *x;
        cJSON_ArrayForEach(x, removed) if (x->valuedouble == id) drop = true;
        cJSON_ArrayForEach(x, changed) if (jnum(x, "id") == id) drop = true;
        if (!drop) v[k++] = cJSON_Duplicate(o, 1);
    }
    const cJSON *x;
    cJSON_ArrayForEach(x, changed) v[k++] = cJSON_Duplicate(x, 1);
    cJSON_ArrayForEach(x, added) v[k++] = cJSON_Duplicate(x, 1);
    qsort(v, (size_t)k, sizeof *v, cmp_obj_id);
    cJSON *nobjs = cJSON_CreateArray();
    for (int i = 0; i < k; i++)
        cJSON_AddItemToArray(nobjs, v[i]);
    free(v);
    cJSON_ReplaceItemInObject(snap, "objects", nobjs);
    const cJSON *frames = cJSON_GetObjectItem(diff, "frames");
    if (frames) cJSON_ReplaceItemInObject(snap, "frames", cJSON_Duplicate(frames, 1));
    const char *header[] = {"version", "step",   "kind",   "line", "gc",
                            "events",  "memory", "stdout", "error"};
    for (size_t i = 0; i < sizeof header / sizeof header[0]; i++)
        cJSON_ReplaceItemInObject(snap, header[i],
                                  cJSON_Duplicate(cJSON_GetObjectItem(diff, header[i]), 1));
}

static cJSON *get_snapshot(const char *id, size_t step) {
    char path[128];
    snprintf(path, sizeof path, "/api/runs/%s/steps/%zu", id, step);
    Resp r = req("GET", path, NULL);
    cr_assert_eq(r.status, 200);
    cJSON *j = json_of(&r);
    resp_free(&r);
    return j;
}

Test(sse, run_stream_event_by_event_replays_the_run, .timeout = 60) {
    char id[32];
    size_t n;
    new_run(cycle_src, id, &n);
    char path[128];
    snprintf(path, sizeof path, "/api/runs/%s/stream?from=0", id);
    Stream *s = stream_open(path, NULL);
    Event *e = stream_event(s, 0, 20);
    cr_assert(e, "first event");
    cr_expect_str_eq(e->event, "snapshot");
    cr_expect_eq(e->id, 0);
    cJSON *state = cJSON_Parse(e->data);
    cr_assert(state);
    for (size_t k = 1; k < n; k++) {
        e = stream_event(s, (int)k, 20);
        cr_assert(e, "event %zu of %zu", k, n);
        cr_assert_str_eq(e->event, "diff", "event %zu", k);
        cr_assert_eq(e->id, (long long)k);
        cJSON *d = cJSON_Parse(e->data);
        cr_assert(d);
        cr_expect_eq((size_t)jnum(d, "from"), k - 1);
        cr_expect_eq((size_t)jnum(d, "to"), k);
        apply_diff(state, d);
        cJSON_Delete(d);
        if (k == n / 2 || k == n - 1) { /* the replayed state is the server's snapshot */
            cJSON *want = get_snapshot(id, k);
            cr_expect(cJSON_Compare(state, want, 1), "diffs 0..%zu applied == snapshot %zu", k, k);
            cJSON_Delete(want);
        }
    }
    e = stream_event(s, (int)n, 20);
    cr_assert(e, "end event");
    cr_expect_str_eq(e->event, "end");
    cJSON *end = cJSON_Parse(e->data);
    cr_expect_eq((size_t)jnum(end, "nsteps"), n);
    cJSON_Delete(end);
    cJSON_Delete(state);
    stream_event(s, (int)n + 1, 20); /* the stream closes after `end` */
    cr_expect(s->finished && s->status == 200);
    stream_close(s);
}

Test(sse, resume_with_last_event_id_and_pace, .timeout = 60) {
    char id[32];
    size_t n;
    new_run(refcount_src, id, &n);
    cr_assert(n >= 6);
    char path[128];
    snprintf(path, sizeof path, "/api/runs/%s/stream", id);
    Stream *s = stream_open(path, "Last-Event-ID: 3");
    Event *e = stream_event(s, 0, 20);
    cr_assert(e);
    cr_expect_str_eq(e->event, "diff", "resume starts with a diff");
    cr_expect_eq(e->id, 4);
    cJSON *d = cJSON_Parse(e->data);
    cr_expect_eq(jnum(d, "from"), 3);
    cJSON_Delete(d);
    stream_close(s);

    /* speed=20 steps/s: n-1 diffs take at least (n-1)/20 s (a lower bound only) */
    snprintf(path, sizeof path, "/api/runs/%s/stream?from=0&speed=20", id);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    s = stream_open(path, NULL);
    e = stream_event(s, (int)n, 30);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    cr_assert(e && !strcmp(e->event, "end"));
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    cr_expect(secs >= (double)(n - 1) / 20 * 0.8, "paced: %.2fs for %zu steps", secs, n);
    stream_close(s);

    snprintf(path, sizeof path, "/api/runs/%s/stream?speed=fast", id);
    expect_error(req("GET", path, NULL), 400, "bad_request", "speed=fast");
    snprintf(path, sizeof path, "/api/runs/%s/stream?speed=-1", id);
    expect_error(req("GET", path, NULL), 400, "bad_request", "speed=-1");
    snprintf(path, sizeof path, "/api/runs/%s/stream?from=%zu", id, n);
    expect_error(req("GET", path, NULL), 404, "not_found", "from out of range");
    const char *lei[] = {"Last-Event-ID: abc", NULL};
    snprintf(path, sizeof path, "/api/runs/%s/stream", id);
    expect_error(req_full(base(), "GET", path, NULL, 0, lei, NULL), 400, "bad_request",
                 "Last-Event-ID abc");
    expect_error(req("GET", "/api/runs/rnope/stream", NULL), 404, "not_found",
                 "stream of unknown run");
}

/* ---------------------------------------------------------------- rooms */

static cJSON *room_info(const char *code) {
    char path[64];
    snprintf(path, sizeof path, "/api/rooms/%s", code);
    Resp r = req("GET", path, NULL);
    cr_assert_eq(r.status, 200);
    cJSON *j = json_of(&r);
    resp_free(&r);
    return j;
}

static Resp move(const char *code, const char *token, const char *body) {
    char path[64], auth[128];
    snprintf(path, sizeof path, "/api/rooms/%s/cursor", code);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", token ? token : "");
    const char *extra[] = {auth, NULL};
    return req_full(base(), "POST", path, body, strlen(body), token ? extra : NULL, NULL);
}

Test(rooms, presenter_and_followers, .timeout = 60) {
    char id[32];
    size_t n;
    new_run(cycle_src, id, &n);
    char body[128];
    snprintf(body, sizeof body, "{\"run\": \"%s\"}", id);
    Resp r = req("POST", "/api/rooms", body);
    cr_assert_eq(r.status, 201, "%.300s", r.body);
    cJSON *j = json_of(&r);
    char code[16], token[64];
    snprintf(code, sizeof code, "%s", jstr(j, "code"));
    snprintf(token, sizeof token, "%s", jstr(j, "presenter_token"));
    cr_expect_eq(strlen(code), 6);
    cr_expect_eq(strlen(token), 32);
    cr_expect_str_eq(jstr(j, "run"), id);
    cr_expect_eq(jnum(j, "step"), 0);
    cJSON_Delete(j);
    resp_free(&r);

    enum { F = 4 };
    Stream *f[F];
    char path[64];
    snprintf(path, sizeof path, "/api/rooms/%s/events", code);
    for (int i = 0; i < F; i++)
        f[i] = stream_open(path, NULL);
    for (int i = 0; i < F; i++) {
        Event *e = stream_event(f[i], 0, 20);
        cr_assert(e, "follower %d joined", i);
        cr_expect_str_eq(e->event, "snapshot");
        cr_expect_eq(e->id, 0);
    }
    j = room_info(code);
    cr_expect_eq(jnum(j, "followers"), F);
    cr_expect(!cJSON_GetObjectItem(j, "presenter_token"), "the token is shown only once");
    cJSON_Delete(j);

    size_t moves[] = {3, n - 1, 5};
    size_t prev = 0;
    for (int m = 0; m < 3; m++) {
        snprintf(body, sizeof body, "{\"step\": %zu}", moves[m]);
        r = move(code, token, body);
        cr_assert_eq(r.status, 200, "move %d: %.200s", m, r.body);
        j = json_of(&r);
        cr_expect_eq((size_t)jnum(j, "step"), moves[m]);
        cJSON_Delete(j);
        resp_free(&r);
        for (int i = 0; i < F; i++) {
            Event *e = stream_event(f[i], m + 1, 20);
            cr_assert(e, "follower %d got move %d", i, m);
            cr_expect_str_eq(e->event, "diff");
            cr_expect_eq(e->id, (long long)moves[m]);
            cJSON *d = cJSON_Parse(e->data);
            cr_expect_eq((size_t)jnum(d, "from"), prev);
            cr_expect_eq((size_t)jnum(d, "to"), moves[m]);
            cJSON_Delete(d);
        }
        prev = moves[m];
    }
    /* without the right token nothing moves */
    expect_error(move(code, NULL, "{\"step\": 1}"), 403, "forbidden", "no token");
    expect_error(move(code, "0123456789abcdef0123456789abcdef", "{\"step\": 1}"), 403, "forbidden",
                 "wrong token");
    expect_error(move(code, "short", "{\"step\": 1}"), 403, "forbidden", "short token");
    j = room_info(code);
    cr_expect_eq(jnum(j, "step"), 5, "the cursor did not move");
    cJSON_Delete(j);
    usleep(200000);
    for (int i = 0; i < F; i++)
        cr_expect_eq(f[i]->nev, 4, "follower %d got nothing more", i);

    expect_error(move(code, token, "{\"step\": \"x\"}"), 400, "bad_request", "step x");
    expect_error(move(code, token, "{}"), 400, "bad_request", "no step");
    expect_error(move(code, token, "{nope"), 400, "bad_json", "bad JSON cursor");
    snprintf(body, sizeof body, "{\"step\": %zu}", n);
    expect_error(move(code, token, body), 404, "not_found", "cursor out of range");
    expect_error(move("ZZZZZZ", token, "{\"step\": 1}"), 404, "not_found", "unknown room cursor");
    expect_error(req("GET", "/api/rooms/ZZZZZZ", NULL), 404, "not_found", "unknown room");
    expect_error(req("GET", "/api/rooms/ZZZZZZ/events", NULL), 404, "not_found",
                 "unknown room events");
    snprintf(path, sizeof path, "/api/rooms/%s/cursor", code);
    expect_error(req("GET", path, NULL), 405, "method_not_allowed", "GET cursor");
    expect_error(req("GET", "/api/rooms", NULL), 405, "method_not_allowed", "GET rooms");
    expect_error(req("POST", "/api/rooms", "{}"), 400, "bad_request", "room without run");
    expect_error(req("POST", "/api/rooms", "{\"run\": 7}"), 400, "bad_request", "room run 7");
    expect_error(req("POST", "/api/rooms", "{\"run\": \"rnope\"}"), 404, "not_found",
                 "room of unknown run");
    snprintf(body, sizeof body, "{\"run\": \"%s\", \"step\": 100000}", id);
    expect_error(req("POST", "/api/rooms", body), 404, "not_found", "room step out of range");
    for (int i = 0; i < F; i++)
        stream_close(f[i]);

    /* a late follower joins at the current step */
    snprintf(path, sizeof path, "/api/rooms/%s/events", code);
    Stream *late = stream_open(path, NULL);
    Event *e = stream_event(late, 0, 20);
    cr_assert(e);
    cr_expect_str_eq(e->event, "snapshot");
    cr_expect_eq(e->id, 5);
    stream_close(late);
}

/* ---------------------------------------------------------------- limits (small server) */

static Resp req_small(const char *method, const char *path, const char *body) {
    const char *u = getenv("MEMVIZ_URL_SMALL");
    cr_assert(u, "MEMVIZ_URL_SMALL is not set");
    return req_full(u, method, path, body, body ? strlen(body) : 0, NULL, NULL);
}

static void small_run(const char *body, char *id, long want_status) {
    Resp r = req_small("POST", "/api/runs", body);
    cr_assert_eq(r.status, want_status, "%.300s", r.body);
    cJSON *j = json_of(&r);
    snprintf(id, 32, "%s", jstr(j, "id"));
    cJSON_Delete(j);
    resp_free(&r);
}

Test(limits, lru_eviction_429_run_timeout_idle_expiry, .timeout = 120) {
    /* the small server keeps 2 runs, stops a run after 2 s, drops runs idle for 3 s */
    char a[32], b[32], c[32], path[64];
    small_run("{\"source\": \"x = 1\\n\"}", a, 201);
    small_run("{\"source\": \"y = 2\\n\"}", b, 201);
    snprintf(path, sizeof path, "/api/runs/%s", b);
    Resp r = req_small("GET", path, NULL); /* b is now more recently used than a */
    resp_free(&r);
    small_run("{\"source\": \"z = 3\\n\"}", c, 201);
    snprintf(path, sizeof path, "/api/runs/%s", a);
    expect_error(req_small("GET", path, NULL), 404, "not_found", "a was evicted (LRU)");
    snprintf(path, sizeof path, "/api/runs/%s", b);
    r = req_small("GET", path, NULL);
    cr_expect_eq(r.status, 200, "b is kept");
    resp_free(&r);

    /* two endless runs fill both slots: a third run is refused with 429 */
    char l1[32], l2[32];
    /* slow lines (a big sum each): the 2 s timeout, not the step cap, stops them */
    const char *loop =
        "{\"source\": \"while True:\\n    x = sum(range(300000))\\n\", \"wait\": false}";
    small_run(loop, l1, 202);
    small_run(loop, l2, 202);
    expect_error(req_small("POST", "/api/runs", "{\"source\": \"x = 1\\n\"}"), 429, "too_many_runs",
                 "full");
    r = req_small("GET", "/api/scenarios", NULL); /* the server keeps serving */
    cr_expect_eq(r.status, 200);
    resp_free(&r);
    snprintf(path, sizeof path, "/api/runs/%s/steps/0", l1);
    expect_error(req_small("GET", path, NULL), 409, "not_ready", "steps of a recording run");

    /* the run timeout stops them; their traces so far are served */
    for (int tries = 0; tries < 300; tries++) {
        snprintf(path, sizeof path, "/api/runs/%s", l1);
        r = req_small("GET", path, NULL);
        cJSON *j = json_of(&r);
        bool done = !strcmp(jstr(j, "state"), "done");
        if (done) {
            cr_expect_str_eq(jstr(j, "status"), "stopped");
            cr_expect(cJSON_IsString(cJSON_GetObjectItem(j, "error")), "a stop reason");
            cr_expect(jnum(j, "nsteps") > 1);
        }
        cJSON_Delete(j);
        resp_free(&r);
        if (done) break;
        cr_assert(tries < 299, "the run timeout never stopped the run");
        usleep(100000);
    }
    snprintf(path, sizeof path, "/api/runs/%s/steps/1", l1);
    r = req_small("GET", path, NULL);
    cr_expect_eq(r.status, 200);
    resp_free(&r);

    /* runs unused for 3 s are dropped (in this test, not another: the small server's two
     * slots are this test's) */
    char idle[32];
    small_run("{\"source\": \"x = 1\\n\"}", idle, 201);
    snprintf(path, sizeof path, "/api/runs/%s", idle);
    r = req_small("GET", path, NULL);
    cr_expect_eq(r.status, 200);
    resp_free(&r);
    sleep(5);
    expect_error(req_small("GET", path, NULL), 404, "not_found", "an idle run expires");
}
