/*
 * http.h - the HTTP layer: libmicrohttpd behind a small request / response interface.
 *
 * server/http.c is the only file that includes microhttpd.h. Everything above it (api.c,
 * static.c, sse.c) sees an HttpRequest (method, decoded path, query, headers, body) and fills
 * an HttpResponse: a status, headers, and exactly one body kind (memory, file descriptor,
 * or a stream read by a blocking callback). http.c writes the access log line of every request
 * when it completes: `METHOD PATH STATUS BYTES MS` on stderr (quiet with HttpConfig.quiet).
 *
 * Request bodies are collected up to HttpConfig.max_body bytes; a bigger body is discarded and
 * http_body_too_large() says so (a Content-Length over the limit is refused with 413 before
 * the body is read, through the same handler).
 */
#ifndef MEMVIZ_HTTP_H
#define MEMVIZ_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct HttpRequest HttpRequest;
typedef struct HttpServer HttpServer;

/* A stream body: called from the connection's own thread whenever the client can take more.
 * Writes up to `max` bytes into buf and returns how many (> 0); it may block until it has
 * something (thread-per-connection mode: blocking stalls only this connection). Returns
 * HTTP_STREAM_END to finish the response, HTTP_STREAM_ERROR to abort the connection. */
typedef ssize_t (*HttpStreamRead)(void *ctx, char *buf, size_t max);
typedef void (*HttpStreamFree)(void *ctx);
#define HTTP_STREAM_END ((ssize_t)-1)
#define HTTP_STREAM_ERROR ((ssize_t)-2)

#define HTTP_MAX_HEADERS 8

typedef struct {
    int status;               /* 0 until a handler sets it */
    const char *content_type; /* a string literal (or static storage) */
    /* body: memory (owned: free()d by http.c), or fd >= 0 (closed by http.c), or stream */
    char *body;
    size_t len;
    int fd;
    uint64_t fd_size;
    HttpStreamRead stream;
    HttpStreamFree stream_free;
    void *stream_ctx;
    struct {
        char name[40];
        char value[200];
    } headers[HTTP_MAX_HEADERS];
    int nheaders;
} HttpResponse;

/* Adds a response header (silently dropped beyond HTTP_MAX_HEADERS or if too long). */
void http_header_add(HttpResponse *r, const char *name, const char *value);

/* The application: fills resp for req. Runs on the connection's thread; may block. */
typedef void (*HttpHandler)(void *ctx, const HttpRequest *req, HttpResponse *resp);

typedef struct {
    const char *host; /* numeric address or name; default 127.0.0.1 */
    int port;         /* 0: any free port (see http_port) */
    bool quiet;       /* no access log */
    size_t max_body;  /* request body limit in bytes */
} HttpConfig;

/* Binds and starts serving on internal threads. NULL on failure, with a message in err. */
HttpServer *http_start(const HttpConfig *cfg, HttpHandler handler, void *ctx, char *err,
                       size_t errcap);
/* The bound port (useful with port 0). */
int http_port(const HttpServer *s);
/* Stops accepting new connections; open ones continue. */
void http_quiesce(HttpServer *s);
/* Waits up to `timeout` seconds until no request is in progress (idle keep-alive connections
 * do not count); true if that happened. Use between http_quiesce and http_stop so in-flight
 * requests finish and streams can send their last event. */
bool http_drain(HttpServer *s, double timeout);
/* Closes every connection after its current callback returns, joins the threads, frees s. */
void http_stop(HttpServer *s);

/* Request accessors. Strings are valid for the duration of the handler call. */
const char *http_method(const HttpRequest *r);
const char *http_path(const HttpRequest *r); /* percent-decoded by libmicrohttpd */
const char *http_query(const HttpRequest *r, const char *key);   /* NULL if absent */
const char *http_header(const HttpRequest *r, const char *name); /* case-insensitive */
const char *http_body(const HttpRequest *r, size_t *len);
bool http_body_too_large(const HttpRequest *r);

#endif
