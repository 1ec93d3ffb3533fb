/*
 * sse.c - Server-Sent Events streams for runs and rooms.
 *
 * A stream is a small state machine: `next_event` produces the next event's text into
 * `pending`, and the reader hands `pending` to the connection in pieces of whatever size the
 * connection asks for (a snapshot can be bigger than one write).
 */
#include "server/sse.h"

#include "server/json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef enum { SSE_RUN, SSE_ROOM } SseKind;

typedef struct {
    SseKind kind;
    Sessions *s;
    Run *run;   /* a reference (SSE_RUN), or the room's run (borrowed) */
    Room *room; /* a reference (SSE_ROOM) */
    char *pending;
    size_t plen, ppos;
    bool started, finished;
    bool joined;  /* room: counted as a follower */
    bool resumed; /* run: Last-Event-ID, the client has `have` already */
    size_t have;  /* the step the client has */
    size_t nsteps;
    double speed, next_due;
    uint32_t seq; /* room moves seen */
} SseStream;

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

char *sse_format(long long id, const char *event, const char *data, size_t datalen, size_t *len) {
    char head[96];
    int h = id >= 0 ? snprintf(head, sizeof head, "id: %lld\nevent: %s\ndata: ", id, event)
                    : snprintf(head, sizeof head, "event: %s\ndata: ", event);
    size_t n = (size_t)h + datalen + 2;
    char *out = malloc(n + 1);
    if (!out) return NULL;
    memcpy(out, head, (size_t)h);
    memcpy(out + h, data, datalen); /* JSON from json_print has no newline */
    memcpy(out + h + datalen, "\n\n", 3);
    *len = n;
    return out;
}

/* Sets pending to event (id, name) whose data is `json` (taken over). false on OOM. */
static bool emit(SseStream *st, long long id, const char *name, char *json, size_t jlen) {
    if (!json) return false;
    st->pending = sse_format(id, name, json, jlen, &st->plen);
    st->ppos = 0;
    free(json);
    return st->pending != NULL;
}

static bool emit_text(SseStream *st, const char *text) {
    st->pending = strdup(text);
    st->plen = st->pending ? strlen(text) : 0;
    st->ppos = 0;
    return st->pending != NULL;
}

static bool emit_snapshot(SseStream *st, size_t step) {
    size_t n = 0;
    char *j = run_render_snapshot(st->run, step, &n);
    st->have = step;
    return emit(st, (long long)step, "snapshot", j, n);
}

static bool emit_diff(SseStream *st, size_t to) {
    size_t n = 0;
    char *j = st->room ? room_copy_diff(st->room, st->have, to, &n) : NULL; /* a room's move */
    if (!j) j = run_render_diff(st->run, st->have, to, &n);
    st->have = to;
    return emit(st, (long long)to, "diff", j, n);
}

/* The next event of a run stream. false: out of memory. */
static bool next_run_event(SseStream *st) {
    if (sessions_stopping(st->s)) {
        st->finished = true;
        return emit_text(st, "event: bye\ndata: {}\n\n");
    }
    if (!st->started) {
        st->started = true;
        st->next_due = now_s();
        if (!st->resumed) return emit_snapshot(st, st->have);
    }
    if (st->have + 1 < st->nsteps) {
        if (st->speed > 0) {
            st->next_due += 1.0 / st->speed;
            double wait = st->next_due - now_s();
            if (wait > 0 && !sessions_sleep(st->s, wait)) return next_run_event(st);
        }
        return emit_diff(st, st->have + 1);
    }
    st->finished = true;
    size_t n = 0;
    char *j = json_print(json_stream_end(st->nsteps), &n);
    return emit(st, -1, "end", j, n);
}

/* The next event of a room stream: blocks until the presenter moves. */
static bool next_room_event(SseStream *st) {
    if (!st->started) {
        st->started = true;
        size_t step;
        st->seq = room_join(st->room, &step);
        st->joined = true;
        return emit_snapshot(st, step);
    }
    for (;;) {
        size_t step = st->have;
        switch (room_wait(st->s, st->room, &st->seq, &step, SSE_PING_SECONDS)) {
        case ROOM_MOVED:
            if (step == st->have) continue; /* moved away and back: nothing to send */
            return emit_diff(st, step);
        case ROOM_TIMEOUT:
            return emit_text(st, ": ping\n\n");
        case ROOM_CLOSED:
            st->finished = true;
            return emit_text(st, "event: bye\ndata: {}\n\n");
        }
    }
}

static ssize_t sse_read(void *ctx, char *buf, size_t max) {
    SseStream *st = ctx;
    while (st->ppos >= st->plen) {
        free(st->pending);
        st->pending = NULL;
        st->plen = st->ppos = 0;
        if (st->finished) return HTTP_STREAM_END;
        bool ok = st->kind == SSE_RUN ? next_run_event(st) : next_room_event(st);
        if (!ok) return HTTP_STREAM_ERROR;
    }
    size_t n = st->plen - st->ppos;
    if (n > max) n = max;
    memcpy(buf, st->pending + st->ppos, n);
    st->ppos += n;
    if (st->ppos == st->plen) { /* free it now, not when the next event comes: a follower's */
        free(st->pending);      /* join snapshot is big, and a thousand of them freed at the */
        st->pending = NULL;     /* moment of a cursor move delayed the move's delivery */
        st->plen = st->ppos = 0;
    }
    return (ssize_t)n;
}

static void sse_free(void *ctx) {
    SseStream *st = ctx;
    free(st->pending);
    if (st->kind == SSE_RUN) {
        run_release(st->s, st->run);
    } else {
        if (st->joined) room_leave(st->room);
        room_release(st->s, st->room);
    }
    free(st);
}

static void stream_response(HttpResponse *resp, SseStream *st) {
    resp->status = 200;
    resp->content_type = "text/event-stream; charset=utf-8";
    http_header_add(resp, "Cache-Control", "no-cache");
    http_header_add(resp, "X-Accel-Buffering", "no");
    resp->stream = sse_read;
    resp->stream_free = sse_free;
    resp->stream_ctx = st;
}

bool sse_run_stream(Sessions *s, Run *r, size_t from, bool resume, double speed,
                    HttpResponse *resp) {
    SseStream *st = calloc(1, sizeof *st);
    if (!st) {
        run_release(s, r);
        return false;
    }
    st->kind = SSE_RUN;
    st->s = s;
    st->run = r;
    st->have = from;
    st->resumed = resume;
    st->speed = speed;
    st->nsteps = trace_nsteps(run_trace(s, r));
    stream_response(resp, st);
    return true;
}

bool sse_room_stream(Sessions *s, Room *room, HttpResponse *resp) {
    SseStream *st = calloc(1, sizeof *st);
    if (!st) {
        room_release(s, room);
        return false;
    }
    st->kind = SSE_ROOM;
    st->s = s;
    st->room = room;
    st->run = room_run(room);
    st->nsteps = trace_nsteps(run_trace(s, st->run));
    stream_response(resp, st);
    return true;
}
