/*
 * http.c - libmicrohttpd wiring: the daemon, request bodies, responses, the access log.
 *
 * The only file that includes microhttpd.h. It turns MHD's access-handler protocol (first
 * call, upload chunks, final call) into one HttpHandler call per request with the whole body,
 * and turns an HttpResponse into an MHD response.
 *
 * Threading mode: MHD_USE_THREAD_PER_CONNECTION (with MHD's internal listen thread). Why not
 * the thread pool: memviz has two kinds of requests that *wait*: SSE streams (a room follower
 * waits minutes for the presenter's next move; a paced run stream sleeps between steps) and
 * POST /api/runs (waits for its recorder thread). In the pool modes a waiting content reader
 * must return 0 and be resumed through MHD_suspend_connection / MHD_resume_connection from
 * another thread, and 0 without suspension busy-loops the pool; with a thread per connection
 * a reader simply blocks on a condition variable and wakes when there is news, which keeps
 * sse.c and sessions.c plain blocking code. The cost is one thread per open connection: with
 * a 1 MiB stack reservation (MHD_OPTION_THREAD_STACK_SIZE; only touched pages are resident)
 * 1,000 followers take ~1,000 mostly idle threads, which Linux handles well (bench/server.sh
 * measures the fan-out); quick API calls never queue behind slow streams.
 */
#include "server/http.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define HTTP_THREAD_STACK (1024 * 1024)
#define HTTP_CONNECTION_LIMIT 8192
#define HTTP_IDLE_TIMEOUT 120 /* seconds without traffic before a connection is closed */

struct HttpServer {
    struct MHD_Daemon *daemon;
    HttpHandler handler;
    void *ctx;
    HttpConfig cfg;
    int port;
    MHD_socket listen_fd; /* returned by MHD_quiesce_daemon: ours to close after stopping */
    pthread_mutex_t mu;   /* guards `active` */
    pthread_cond_t idle;
    long active; /* requests begun and not yet completed (streams included) */
};

/* One request, across MHD's calls of the access handler. */
struct HttpRequest {
    struct MHD_Connection *conn;
    const char *method, *path; /* owned by MHD for the whole request */
    char *body;
    size_t len, cap;
    bool too_large;
    bool answered;
    struct timespec start;
    /* for the access log */
    char log_method[12];
    char log_path[256];
    int status;
    uint64_t bytes; /* body bytes handed to MHD */
    bool is_stream;
    HttpServer *server;
};

/* A stream response: the application's reader plus the byte count for the log. */
typedef struct {
    HttpRequest *req;
    HttpStreamRead read;
    HttpStreamFree free_fn;
    void *ctx;
} StreamCtx;

/* ---------------------------------------------------------------- request accessors */

const char *http_method(const HttpRequest *r) {
    return r->method;
}
const char *http_path(const HttpRequest *r) {
    return r->path;
}
const char *http_query(const HttpRequest *r, const char *key) {
    return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, key);
}
const char *http_header(const HttpRequest *r, const char *name) {
    return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}
const char *http_body(const HttpRequest *r, size_t *len) {
    if (len) *len = r->len;
    return r->body ? r->body : "";
}
bool http_body_too_large(const HttpRequest *r) {
    return r->too_large;
}

void http_header_add(HttpResponse *r, const char *name, const char *value) {
    if (r->nheaders >= HTTP_MAX_HEADERS) return;
    if (strlen(name) >= sizeof r->headers[0].name || strlen(value) >= sizeof r->headers[0].value)
        return;
    strcpy(r->headers[r->nheaders].name, name);
    strcpy(r->headers[r->nheaders].value, value);
    r->nheaders++;
}

/* ---------------------------------------------------------------- streams */

static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max) {
    (void)pos;
    StreamCtx *s = cls;
    ssize_t n = s->read(s->ctx, buf, max);
    if (n == HTTP_STREAM_END) return MHD_CONTENT_READER_END_OF_STREAM;
    if (n < 0) return MHD_CONTENT_READER_END_WITH_ERROR;
    if (s->req) s->req->bytes += (uint64_t)n;
    return n;
}

/* Called by MHD when the response is destroyed (after the request completed). */
static void stream_free(void *cls) {
    StreamCtx *s = cls;
    if (s->free_fn) s->free_fn(s->ctx);
    free(s);
}

/* ---------------------------------------------------------------- responses */

/* Turns resp into an MHD response and queues it. Takes ownership of resp's body / fd /
 * stream in every case. */
static enum MHD_Result queue(HttpRequest *req, HttpResponse *resp) {
    struct MHD_Response *r = NULL;
    if (resp->stream) {
        StreamCtx *s = malloc(sizeof *s);
        if (s) {
            *s = (StreamCtx){req, resp->stream, resp->stream_free, resp->stream_ctx};
            r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 16 * 1024, stream_read, s,
                                                  stream_free);
            if (!r) free(s);
        }
        if (!r && resp->stream_free) resp->stream_free(resp->stream_ctx);
        req->is_stream = true;
    } else if (resp->fd >= 0) {
        r = MHD_create_response_from_fd64(resp->fd_size, resp->fd);
        if (!r)
            close(resp->fd);
        else
            req->bytes = resp->fd_size;
    } else {
        r = MHD_create_response_from_buffer(resp->len, resp->body ? resp->body : (char *)"",
                                            resp->body ? MHD_RESPMEM_MUST_FREE
                                                       : MHD_RESPMEM_PERSISTENT);
        if (!r)
            free(resp->body);
        else
            req->bytes = resp->len;
    }
    resp->body = NULL;
    resp->fd = -1;
    resp->stream = NULL;
    if (!r) return MHD_NO; /* out of memory: MHD closes the connection */
    if (resp->content_type)
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, resp->content_type);
    for (int i = 0; i < resp->nheaders; i++)
        MHD_add_response_header(r, resp->headers[i].name, resp->headers[i].value);
    req->status = resp->status ? resp->status : 200;
    req->answered = true;
    enum MHD_Result ok = MHD_queue_response(req->conn, (unsigned)req->status, r);
    MHD_destroy_response(r);
    return ok;
}

static void dispatch(HttpServer *s, HttpRequest *req) {
    HttpResponse resp;
    memset(&resp, 0, sizeof resp);
    resp.fd = -1;
    s->handler(s->ctx, req, &resp);
    if (!resp.status) resp.status = 500;
    queue(req, &resp);
}

/* ---------------------------------------------------------------- access handler */

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls) {
    (void)version;
    HttpServer *s = cls;
    HttpRequest *req = *con_cls;
    if (!req) { /* first call: headers only */
        req = calloc(1, sizeof *req);
        if (!req) return MHD_NO;
        req->conn = conn;
        req->method = method;
        req->path = url;
        req->server = s;
        clock_gettime(CLOCK_MONOTONIC, &req->start);
        snprintf(req->log_method, sizeof req->log_method, "%s", method);
        snprintf(req->log_path, sizeof req->log_path, "%s", url);
        *con_cls = req;
        pthread_mutex_lock(&s->mu);
        s->active++;
        pthread_mutex_unlock(&s->mu);
        /* A declared body over the limit is refused before it is read. */
        const char *cl =
            MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl && strtoull(cl, NULL, 10) > s->cfg.max_body) {
            req->too_large = true;
            dispatch(s, req);
        }
        return MHD_YES;
    }
    if (*upload_data_size) { /* a piece of the body */
        size_t n = *upload_data_size;
        *upload_data_size = 0;
        if (req->answered || req->too_large) return MHD_YES;
        if (req->len + n > s->cfg.max_body) {
            req->too_large = true; /* keep reading and discarding; answer 413 at the end */
            free(req->body);
            req->body = NULL;
            req->len = req->cap = 0;
            return MHD_YES;
        }
        if (req->len + n + 1 > req->cap) {
            size_t cap = req->cap ? req->cap : 1024;
            while (cap < req->len + n + 1)
                cap *= 2;
            char *nb = realloc(req->body, cap);
            if (!nb) return MHD_NO;
            req->body = nb;
            req->cap = cap;
        }
        memcpy(req->body + req->len, upload_data, n);
        req->len += n;
        req->body[req->len] = 0;
        return MHD_YES;
    }
    if (req->answered) return MHD_YES;
    dispatch(s, req); /* the whole request is here */
    return MHD_YES;
}

/* Request completed (answered, or the client went away): access log line, free. */
static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe) {
    (void)conn;
    (void)toe;
    HttpServer *s = cls;
    HttpRequest *req = *con_cls;
    if (!req) return;
    if (!s->cfg.quiet) {
        struct timespec end;
        clock_gettime(CLOCK_MONOTONIC, &end);
        double ms = (double)(end.tv_sec - req->start.tv_sec) * 1e3 +
                    (double)(end.tv_nsec - req->start.tv_nsec) / 1e6;
        /* the path is printed with control characters replaced, so a log line stays a line */
        char path[256];
        size_t k = 0;
        for (const char *p = req->log_path; *p && k + 1 < sizeof path; p++)
            path[k++] = (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p;
        path[k] = 0;
        fprintf(stderr, "%s %s %d %llu %.1fms\n", req->log_method, path,
                req->answered ? req->status : 0, (unsigned long long)req->bytes, ms);
    }
    free(req->body);
    free(req);
    *con_cls = NULL;
    pthread_mutex_lock(&s->mu);
    if (--s->active == 0) pthread_cond_broadcast(&s->idle);
    pthread_mutex_unlock(&s->mu);
}

static void mhd_log(void *cls, const char *fmt, va_list ap) {
    HttpServer *s = cls;
    if (s->cfg.quiet) return;
    fputs("memviz: http: ", stderr);
    vfprintf(stderr, fmt, ap);
}

/* ---------------------------------------------------------------- daemon */

HttpServer *http_start(const HttpConfig *cfg, HttpHandler handler, void *ctx, char *err,
                       size_t errcap) {
    HttpServer *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errcap, "out of memory");
        return NULL;
    }
    s->cfg = *cfg;
    s->handler = handler;
    s->ctx = ctx;
    s->listen_fd = MHD_INVALID_SOCKET;
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->idle, NULL);
    const char *host = cfg->host && cfg->host[0] ? cfg->host : "127.0.0.1";
    char port[16];
    snprintf(port, sizeof port, "%d", cfg->port);
    struct addrinfo hints = {0}, *ai = NULL;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    int rc = getaddrinfo(host, port, &hints, &ai);
    if (rc != 0 || !ai) {
        snprintf(err, errcap, "cannot resolve --host %s: %s", host, gai_strerror(rc));
        pthread_mutex_destroy(&s->mu);
        pthread_cond_destroy(&s->idle);
        free(s);
        return NULL;
    }
    unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
                     MHD_USE_AUTO | MHD_USE_ITC | MHD_USE_ERROR_LOG;
    if (ai->ai_family == AF_INET6) flags |= MHD_USE_IPv6;
    s->daemon = MHD_start_daemon(
        flags, (uint16_t)cfg->port, NULL, NULL, on_request, s, MHD_OPTION_EXTERNAL_LOGGER, mhd_log,
        s, MHD_OPTION_SOCK_ADDR, ai->ai_addr, MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
        MHD_OPTION_THREAD_STACK_SIZE, (size_t)HTTP_THREAD_STACK, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)HTTP_CONNECTION_LIMIT, MHD_OPTION_PER_IP_CONNECTION_LIMIT, 0u,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)HTTP_IDLE_TIMEOUT, MHD_OPTION_LISTEN_BACKLOG_SIZE,
        4096u, MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u, MHD_OPTION_END);
    freeaddrinfo(ai);
    if (!s->daemon) {
        snprintf(err, errcap,
                 "cannot listen on %s port %d (in use, or not an address of this "
                 "machine)",
                 host, cfg->port);
        pthread_mutex_destroy(&s->mu);
        pthread_cond_destroy(&s->idle);
        free(s);
        return NULL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : cfg->port;
    return s;
}

int http_port(const HttpServer *s) {
    return s->port;
}

void http_quiesce(HttpServer *s) {
    if (s->listen_fd == MHD_INVALID_SOCKET) s->listen_fd = MHD_quiesce_daemon(s->daemon);
}

bool http_drain(HttpServer *s, double timeout) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    long long ns = (long long)until.tv_nsec + (long long)(timeout * 1e9);
    until.tv_sec += (time_t)(ns / 1000000000LL);
    until.tv_nsec = (long)(ns % 1000000000LL);
    pthread_mutex_lock(&s->mu);
    while (s->active > 0)
        if (pthread_cond_timedwait(&s->idle, &s->mu, &until) != 0) break;
    bool idle = s->active == 0;
    pthread_mutex_unlock(&s->mu);
    return idle;
}

void http_stop(HttpServer *s) {
    if (!s) return;
    MHD_stop_daemon(s->daemon);
    if (s->listen_fd != MHD_INVALID_SOCKET) close(s->listen_fd);
    pthread_mutex_destroy(&s->mu);
    pthread_cond_destroy(&s->idle);
    free(s);
}
