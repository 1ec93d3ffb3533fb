/*
 * sessions.h - the server's state: runs (recorded traces) and rooms, in memory.
 *
 * A Run is one program recorded by trace_record() in a thread of its own (8+ MiB stack: the
 * simulator recurses on the C stack). Runs are reference counted: the run table holds one
 * reference, and so does every request, stream and room using it, so a run evicted from the
 * table stays valid until its last user lets go. The table is an LRU of at most max_runs
 * entries: a new run evicts the least recently used *finished* run; when every entry is still
 * recording, sessions_run_new() answers SESS_FULL (HTTP 429). Runs and rooms unused for
 * idle_expiry seconds are dropped by a housekeeping thread, which also stops runs that record
 * longer than run_timeout (TraceOptions.interrupt).
 *
 * A Room shares one run between a presenter (who holds the token) and followers, who block in
 * room_wait() until the presenter moves the cursor. A move is built for fan-out: the presenter's
 * request renders the followers' diff once (room_move takes it), and followers sleep on a
 * futex on the room's move counter rather than a condition variable, so a move to a thousand
 * followers wakes a thousand threads that do not then queue on one mutex; they copy the diff
 * under a read lock that never makes readers wait for each other.
 *
 * Rendered JSON of snapshots and diffs is cached per run (a few entries), so a hundred
 * followers or a burst of requests for the same step render it once.
 *
 * Locking: one mutex for the tables and reference counts, one per run for its render cache, a
 * read-write lock per room for its rendered move (the cursor itself is atomic). No lock is held
 * while recording or rendering.
 */
#ifndef MEMVIZ_SESSIONS_H
#define MEMVIZ_SESSIONS_H

#include "heap/trace.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Sessions Sessions;
typedef struct Run Run;
typedef struct Room Room;

typedef struct {
    size_t max_runs;    /* runs kept (default 64) */
    double run_timeout; /* seconds of recording before a run is stopped (default 10) */
    double idle_expiry; /* seconds without use before a run or room is dropped (default 1800) */
    uint64_t max_steps; /* step cap per run (default 200,000) */
    size_t max_rooms;   /* default 256 */
} SessionsConfig;

typedef enum {
    SESS_OK,
    SESS_FULL, /* every run slot is recording, or too many rooms */
    SESS_NOMEM,
    SESS_STOPPING, /* the server is shutting down */
} SessResult;

#define SESS_RUN_ID_LEN 12 /* "r" + 11 hex digits */
#define SESS_ROOM_CODE_LEN 6
#define SESS_TOKEN_LEN 32

/* Lifecycle. sessions_shutdown() interrupts every recording, wakes every waiter (they see
 * sessions_stopping()) and refuses new runs; sessions_free() then waits for the recorder
 * threads and frees everything (call it after the HTTP server has stopped). */
Sessions *sessions_new(const SessionsConfig *cfg);
void sessions_shutdown(Sessions *s);
bool sessions_stopping(Sessions *s);
void sessions_free(Sessions *s);
const SessionsConfig *sessions_config(const Sessions *s);

/* Sleeps up to `seconds`; returns false at once if the server is stopping. */
bool sessions_sleep(Sessions *s, double seconds);

/* ---- runs ---- */

/* Copies src and starts recording it. *out receives a new reference. max_steps 0: the
 * server's cap (a larger value is clamped to it). */
SessResult sessions_run_new(Sessions *s, const char *src, size_t len, const char *filename,
                            uint64_t max_steps, Run **out);
/* New reference to the run `id`, or NULL. Marks it used (LRU, idle expiry). */
Run *sessions_run_get(Sessions *s, const char *id);
void run_release(Sessions *s, Run *r);

const char *run_id(const Run *r);
const char *run_filename(const Run *r);
const char *run_source(const Run *r);
/* The recorded trace (borrowed, valid while the reference is held), NULL while recording. */
const Trace *run_trace(Sessions *s, const Run *r);
/* Blocks until recording is over; returns the trace, NULL if it failed (out of memory) or
 * the server is stopping. */
const Trace *run_wait(Sessions *s, Run *r);
size_t sessions_nruns(Sessions *s);

/* Rendered documents of a finished run, through the run's cache. Each returns a new malloc'd
 * copy (free()) and its length, NULL when out of memory or out of range. */
char *run_render_snapshot(Run *r, size_t step, size_t *len);
char *run_render_diff(Run *r, size_t from, size_t to, size_t *len);
char *run_render_meta(Run *r, size_t *len); /* GET /api/runs/{id} */

/* ---- rooms ---- */

/* A room on run r (which must be recorded) at `step`. *out: new reference. */
SessResult sessions_room_new(Sessions *s, Run *r, size_t step, Room **out);
Room *sessions_room_get(Sessions *s, const char *code); /* new reference or NULL */
void room_release(Sessions *s, Room *room);

const char *room_code(const Room *room);
const char *room_token(const Room *room);
Run *room_run(const Room *room); /* borrowed */
size_t room_step(const Room *room);
long room_followers(const Room *room);
/* Constant-time comparison with the presenter token. */
bool room_token_ok(const Room *room, const char *token);
/* Moves the cursor to `step` and wakes every follower. diff_json (taken over, may be NULL) is
 * the rendered diff from `from` (the step before the move) to `step`, handed to followers by
 * room_copy_diff. */
void room_move(Room *room, size_t step, size_t from, char *diff_json, size_t len);
/* A copy of the last move's diff if it is from -> to, else NULL. */
char *room_copy_diff(Room *room, size_t from, size_t to, size_t *len);

typedef enum { ROOM_MOVED, ROOM_TIMEOUT, ROOM_CLOSED } RoomWait;
/* Follower side: *seq is the move the follower has seen (start with room_join's value).
 * Blocks up to `timeout` seconds for a newer move; on ROOM_MOVED sets *seq and *step. */
uint32_t room_join(Room *room, size_t *step); /* counts a follower; returns the current seq */
void room_leave(Room *room);
RoomWait room_wait(Sessions *s, Room *room, uint32_t *seq, size_t *step, double timeout);

#endif
