/*
 * sessions.c - runs and rooms in memory: recorder threads, LRU, expiry, render cache.
 *
 * Invariants (under Sessions.mu):
 *  - a run in the table holds one reference for the table; refs == 0 => not in the table;
 *  - a run is freed only when refs drops to 0 *and* its recording is over (a recording run
 *    is never evicted or expired, and sessions_free waits for recordings to end);
 *  - a room holds one reference to its run for its whole life.
 */
#include "server/sessions.h"

#include "server/json.h"

#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* The recorder's stack: at least the 8 MiB a main thread gets (`memviz run` recurses there),
 * doubled for the sanitizer build's larger frames. Only touched pages become resident. */
#define RECORDER_STACK (16u * 1024 * 1024)
#define RENDER_CACHE 16
#define HOUSEKEEPING_TICK 0.1 /* seconds */

typedef struct {
    size_t from; /* SIZE_MAX: a snapshot of `to`; else a diff from -> to */
    size_t to;
    char *text; /* NULL while being rendered */
    size_t len;
    uint64_t used;
    bool busy;
} CacheEntry;

struct Run {
    char id[SESS_RUN_ID_LEN + 1];
    char *filename, *source;
    size_t len;
    uint64_t max_steps;
    /* recording (under Sessions.mu) */
    Trace *trace;
    bool done, joined, in_table;
    pthread_t thread;
    volatile int interrupt;
    double started, last_used;
    int refs;
    Sessions *owner;
    /* render cache */
    pthread_mutex_t cache_mu;
    pthread_cond_t cache_cv;
    CacheEntry cache[RENDER_CACHE];
    uint64_t cache_clock;
    char *meta;
    size_t meta_len;
};

struct Room {
    char code[SESS_ROOM_CODE_LEN + 1];
    char token[SESS_TOKEN_LEN + 1];
    Run *run;
    int refs;         /* under Sessions.mu */
    double last_used; /* under Sessions.mu */
    /* the cursor: atomics; `seq` counts moves and is the futex followers sleep on */
    size_t step;
    uint32_t seq;
    long followers;
    /* the last move's rendered diff */
    pthread_rwlock_t msg_lock;
    char *msg;
    size_t msg_len, msg_from, msg_to;
};

struct Sessions {
    SessionsConfig cfg;
    pthread_mutex_t mu;
    pthread_cond_t cv; /* a run finished; stopping */
    Run **runs;
    size_t nruns;
    Room **rooms;
    size_t nrooms;
    bool stopping; /* written under mu, read atomically anywhere */
    pthread_t housekeeper;
};

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void deadline_in(struct timespec *ts, double seconds) {
    clock_gettime(CLOCK_REALTIME, ts);
    long long add = (long long)(seconds * 1e9);
    ts->tv_sec += (time_t)(add / 1000000000LL);
    ts->tv_nsec += (long)(add % 1000000000LL);
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
}

/* Random bytes for ids and tokens: getrandom, with a clock-seeded fallback that is still
 * unique (ids are checked against the table) if the kernel call is unavailable. */
static void random_bytes(unsigned char *p, size_t n) {
    size_t got = 0;
    while (got < n) {
        ssize_t k = getrandom(p + got, n - got, 0);
        if (k <= 0) break;
        got += (size_t)k;
    }
    if (got < n) {
        static unsigned long long x = 0x9e3779b97f4a7c15ULL;
        x ^= (unsigned long long)(now_s() * 1e9);
        for (; got < n; got++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            p[got] = (unsigned char)x;
        }
    }
}

static void random_hex(char *out, size_t ndigits) {
    unsigned char b[32];
    random_bytes(b, (ndigits + 1) / 2);
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < ndigits; i++)
        out[i] = hex[(b[i / 2] >> (i % 2 ? 0 : 4)) & 15];
    out[ndigits] = 0;
}

/* ---------------------------------------------------------------- runs */

static void run_free(Run *r) {
    if (!r->joined) pthread_join(r->thread, NULL);
    if (r->trace) trace_free(r->trace);
    for (int i = 0; i < RENDER_CACHE; i++)
        free(r->cache[i].text);
    free(r->meta);
    pthread_mutex_destroy(&r->cache_mu);
    pthread_cond_destroy(&r->cache_cv);
    free(r->filename);
    free(r->source);
    free(r);
}

/* Drops one reference under s->mu; returns r if the caller must free it (outside the lock). */
static Run *run_unref_locked(Run *r) {
    if (--r->refs > 0) return NULL;
    return r; /* refs == 0 implies done: the table keeps a ref while recording */
}

void run_release(Sessions *s, Run *r) {
    if (!r) return;
    pthread_mutex_lock(&s->mu);
    Run *dead = run_unref_locked(r);
    pthread_mutex_unlock(&s->mu);
    if (dead) run_free(dead);
}

static void *recorder_main(void *arg) {
    Run *r = arg;
    Sessions *s = r->owner;
    TraceOptions opt = {0};
    opt.max_steps = r->max_steps;
    opt.interrupt = &r->interrupt;
    Trace *t = trace_record(r->filename, r->source, r->len, &opt);
    pthread_mutex_lock(&s->mu);
    r->trace = t;
    r->done = true;
    r->last_used = now_s();
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

/* Removes table entry i (its reference goes to the caller). */
static Run *table_remove(Sessions *s, size_t i) {
    Run *r = s->runs[i];
    s->runs[i] = s->runs[--s->nruns];
    r->in_table = false;
    return r;
}

static bool id_taken(Sessions *s, const char *id) {
    for (size_t i = 0; i < s->nruns; i++)
        if (!strcmp(s->runs[i]->id, id)) return true;
    return false;
}

SessResult sessions_run_new(Sessions *s, const char *src, size_t len, const char *filename,
                            uint64_t max_steps, Run **out) {
    *out = NULL;
    Run *r = calloc(1, sizeof *r);
    if (!r) return SESS_NOMEM;
    r->source = malloc(len + 1);
    r->filename = strdup(filename && filename[0] ? filename : "<input>");
    if (!r->source || !r->filename) {
        free(r->source);
        free(r->filename);
        free(r);
        return SESS_NOMEM;
    }
    memcpy(r->source, src, len);
    r->source[len] = 0;
    r->len = len;
    r->max_steps = max_steps && max_steps < s->cfg.max_steps ? max_steps : s->cfg.max_steps;
    r->owner = s;
    r->refs = 2; /* the table's and the caller's */
    pthread_mutex_init(&r->cache_mu, NULL);
    pthread_cond_init(&r->cache_cv, NULL);

    Run *evicted = NULL;
    pthread_mutex_lock(&s->mu);
    SessResult res = SESS_OK;
    if (s->stopping) res = SESS_STOPPING;
    if (res == SESS_OK && s->nruns >= s->cfg.max_runs) {
        size_t lru = SIZE_MAX;
        for (size_t i = 0; i < s->nruns; i++)
            if (s->runs[i]->done &&
                (lru == SIZE_MAX || s->runs[i]->last_used < s->runs[lru]->last_used))
                lru = i;
        if (lru == SIZE_MAX)
            res = SESS_FULL;
        else
            evicted = run_unref_locked(table_remove(s, lru));
    }
    if (res == SESS_OK) {
        do
            random_hex(r->id + 1, SESS_RUN_ID_LEN - 1);
        while (id_taken(s, (r->id[0] = 'r', r->id)));
        r->started = r->last_used = now_s();
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstacksize(&attr, RECORDER_STACK);
        if (pthread_create(&r->thread, &attr, recorder_main, r) != 0) res = SESS_NOMEM;
        pthread_attr_destroy(&attr);
        if (res == SESS_OK) {
            s->runs[s->nruns++] = r;
            r->in_table = true;
        }
    }
    pthread_mutex_unlock(&s->mu);
    if (evicted) run_free(evicted);
    if (res != SESS_OK) {
        r->joined = true; /* no thread was started */
        run_free(r);
        return res;
    }
    *out = r;
    return SESS_OK;
}

Run *sessions_run_get(Sessions *s, const char *id) {
    Run *found = NULL;
    pthread_mutex_lock(&s->mu);
    for (size_t i = 0; i < s->nruns; i++)
        if (!strcmp(s->runs[i]->id, id)) {
            found = s->runs[i];
            found->refs++;
            found->last_used = now_s();
            break;
        }
    pthread_mutex_unlock(&s->mu);
    return found;
}

const char *run_id(const Run *r) {
    return r->id;
}
const char *run_filename(const Run *r) {
    return r->filename;
}
const char *run_source(const Run *r) {
    return r->source;
}

const Trace *run_trace(Sessions *s, const Run *r) {
    pthread_mutex_lock(&s->mu);
    const Trace *t = r->done ? r->trace : NULL;
    pthread_mutex_unlock(&s->mu);
    return t;
}

const Trace *run_wait(Sessions *s, Run *r) {
    pthread_mutex_lock(&s->mu);
    while (!r->done)
        pthread_cond_wait(&s->cv, &s->mu);
    const Trace *t = r->trace;
    pthread_mutex_unlock(&s->mu);
    return t;
}

size_t sessions_nruns(Sessions *s) {
    pthread_mutex_lock(&s->mu);
    size_t n = s->nruns;
    pthread_mutex_unlock(&s->mu);
    return n;
}

/* ---------------------------------------------------------------- render cache */

/* Renders (from, to) of a finished run: from == SIZE_MAX a snapshot, else a diff. */
static char *render(const Trace *t, size_t from, size_t to, size_t *len) {
    if (from == SIZE_MAX) {
        TraceSnapshot *snap = trace_snapshot(t, to);
        if (!snap) return NULL;
        char *out = json_print(json_snapshot(snap), len);
        trace_snapshot_free(snap);
        return out;
    }
    TraceDiff *d = trace_diff(t, from, to);
    if (!d) return NULL;
    char *out = json_print(json_diff(d), len);
    trace_diff_free(d);
    return out;
}

static char *copy_text(const char *text, size_t n, size_t *len) {
    char *c = malloc(n + 1);
    if (!c) return NULL;
    memcpy(c, text, n + 1);
    if (len) *len = n;
    return c;
}

/* Cached render: one thread renders an entry while others asking for it wait for the result,
 * so a burst of followers renders each move once. */
static char *cached(Run *r, size_t from, size_t to, size_t *len) {
    const Trace *t = r->trace; /* only called on finished runs: immutable from here on */
    if (!t || to >= trace_nsteps(t) || (from != SIZE_MAX && from >= trace_nsteps(t))) return NULL;
    pthread_mutex_lock(&r->cache_mu);
    for (;;) {
        CacheEntry *e = NULL;
        for (int i = 0; i < RENDER_CACHE; i++)
            if ((r->cache[i].text || r->cache[i].busy) && r->cache[i].from == from &&
                r->cache[i].to == to)
                e = &r->cache[i];
        if (!e) break;
        if (e->busy) {
            pthread_cond_wait(&r->cache_cv, &r->cache_mu);
            continue;
        }
        e->used = ++r->cache_clock;
        char *c = copy_text(e->text, e->len, len);
        pthread_mutex_unlock(&r->cache_mu);
        return c;
    }
    /* miss: claim the least recently used idle entry, render without the lock */
    CacheEntry *victim = NULL;
    for (int i = 0; i < RENDER_CACHE; i++)
        if (!r->cache[i].busy && (!victim || r->cache[i].used < victim->used))
            victim = &r->cache[i];
    if (victim) {
        free(victim->text);
        victim->text = NULL;
        victim->busy = true;
        victim->from = from;
        victim->to = to;
    }
    pthread_mutex_unlock(&r->cache_mu);
    size_t n = 0;
    char *text = render(t, from, to, &n);
    if (!victim) return text ? (*len = n, text) : NULL;
    char *c = text ? copy_text(text, n, len) : NULL;
    pthread_mutex_lock(&r->cache_mu);
    victim->busy = false;
    victim->text = text;
    victim->len = n;
    victim->used = ++r->cache_clock;
    pthread_cond_broadcast(&r->cache_cv);
    pthread_mutex_unlock(&r->cache_mu);
    return c;
}

char *run_render_snapshot(Run *r, size_t step, size_t *len) {
    return cached(r, SIZE_MAX, step, len);
}
char *run_render_diff(Run *r, size_t from, size_t to, size_t *len) {
    return cached(r, from, to, len);
}

char *run_render_meta(Run *r, size_t *len) {
    if (!r->trace) return NULL;
    pthread_mutex_lock(&r->cache_mu);
    if (!r->meta)
        r->meta = json_print(json_run_meta(r->id, r->filename, r->source, r->trace), &r->meta_len);
    char *c = r->meta ? copy_text(r->meta, r->meta_len, len) : NULL;
    pthread_mutex_unlock(&r->cache_mu);
    return c;
}

/* ---------------------------------------------------------------- rooms */

static const char room_alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; /* no 0/O, 1/I */

static Room *room_find_locked(Sessions *s, const char *code) {
    for (size_t i = 0; i < s->nrooms; i++)
        if (!strcmp(s->rooms[i]->code, code)) return s->rooms[i];
    return NULL;
}

SessResult sessions_room_new(Sessions *s, Run *r, size_t step, Room **out) {
    *out = NULL;
    Room *room = calloc(1, sizeof *room);
    if (!room) return SESS_NOMEM;
    pthread_rwlock_init(&room->msg_lock, NULL);
    room->step = step;
    random_hex(room->token, SESS_TOKEN_LEN);
    pthread_mutex_lock(&s->mu);
    SessResult res = s->stopping                     ? SESS_STOPPING
                     : s->nrooms >= s->cfg.max_rooms ? SESS_FULL
                                                     : SESS_OK;
    if (res == SESS_OK) {
        do {
            unsigned char b[SESS_ROOM_CODE_LEN];
            random_bytes(b, sizeof b);
            for (int i = 0; i < SESS_ROOM_CODE_LEN; i++)
                room->code[i] = room_alphabet[b[i] % 32];
            room->code[SESS_ROOM_CODE_LEN] = 0;
        } while (room_find_locked(s, room->code));
        room->run = r;
        r->refs++;
        room->refs = 2; /* the table's and the caller's */
        room->last_used = now_s();
        s->rooms[s->nrooms++] = room;
    }
    pthread_mutex_unlock(&s->mu);
    if (res != SESS_OK) {
        pthread_rwlock_destroy(&room->msg_lock);
        free(room);
        return res;
    }
    *out = room;
    return SESS_OK;
}

Room *sessions_room_get(Sessions *s, const char *code) {
    pthread_mutex_lock(&s->mu);
    Room *room = room_find_locked(s, code);
    if (room) {
        room->refs++;
        room->last_used = now_s();
    }
    pthread_mutex_unlock(&s->mu);
    return room;
}

static void room_free(Sessions *s, Room *room) {
    run_release(s, room->run);
    pthread_rwlock_destroy(&room->msg_lock);
    free(room->msg);
    free(room);
}

void room_release(Sessions *s, Room *room) {
    if (!room) return;
    pthread_mutex_lock(&s->mu);
    bool dead = --room->refs == 0;
    room->last_used = now_s();
    pthread_mutex_unlock(&s->mu);
    if (dead) room_free(s, room);
}

const char *room_code(const Room *room) {
    return room->code;
}
const char *room_token(const Room *room) {
    return room->token;
}
Run *room_run(const Room *room) {
    return room->run;
}

size_t room_step(const Room *room) {
    return __atomic_load_n(&room->step, __ATOMIC_ACQUIRE);
}
long room_followers(const Room *room) {
    return __atomic_load_n(&room->followers, __ATOMIC_RELAXED);
}

bool room_token_ok(const Room *room, const char *token) {
    if (!token || strlen(token) != SESS_TOKEN_LEN) return false;
    unsigned char diff = 0;
    for (int i = 0; i < SESS_TOKEN_LEN; i++)
        diff |= (unsigned char)(token[i] ^ room->token[i]);
    return diff == 0;
}

static void futex_wake_all(uint32_t *addr) {
    syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
}

/* Publishes a new move: the step, then the counter (release), then wakes the sleepers. A
 * follower that reads the new counter therefore reads this step or a later one. */
static void room_bump(Room *room) {
    __atomic_add_fetch(&room->seq, 1, __ATOMIC_RELEASE);
    futex_wake_all(&room->seq);
}

void room_move(Room *room, size_t step, size_t from, char *diff_json, size_t len) {
    pthread_rwlock_wrlock(&room->msg_lock);
    free(room->msg);
    room->msg = diff_json;
    room->msg_len = len;
    room->msg_from = from;
    room->msg_to = step;
    pthread_rwlock_unlock(&room->msg_lock);
    if (__atomic_exchange_n(&room->step, step, __ATOMIC_ACQ_REL) != step) room_bump(room);
}

char *room_copy_diff(Room *room, size_t from, size_t to, size_t *len) {
    char *c = NULL;
    pthread_rwlock_rdlock(&room->msg_lock);
    if (room->msg && room->msg_from == from && room->msg_to == to)
        c = copy_text(room->msg, room->msg_len, len);
    pthread_rwlock_unlock(&room->msg_lock);
    return c;
}

uint32_t room_join(Room *room, size_t *step) {
    __atomic_add_fetch(&room->followers, 1, __ATOMIC_RELAXED);
    uint32_t seq = __atomic_load_n(&room->seq, __ATOMIC_ACQUIRE); /* counter first: a move */
    *step = __atomic_load_n(&room->step, __ATOMIC_ACQUIRE);       /* in between is seen again */
    return seq;
}

void room_leave(Room *room) {
    __atomic_sub_fetch(&room->followers, 1, __ATOMIC_RELAXED);
}

RoomWait room_wait(Sessions *s, Room *room, uint32_t *seq, size_t *step, double timeout) {
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        if (sessions_stopping(s)) return ROOM_CLOSED;
        uint32_t cur = __atomic_load_n(&room->seq, __ATOMIC_ACQUIRE);
        if (cur != *seq) {
            *seq = cur;
            *step = __atomic_load_n(&room->step, __ATOMIC_ACQUIRE);
            return ROOM_MOVED;
        }
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        double left = timeout - ((double)(now.tv_sec - start.tv_sec) +
                                 (double)(now.tv_nsec - start.tv_nsec) / 1e9);
        if (left <= 0) return ROOM_TIMEOUT;
        struct timespec rel = {(time_t)left, (long)((left - (double)(time_t)left) * 1e9)};
        /* sleeps only while seq still equals cur: a move (or shutdown) in between returns at once
         */
        syscall(SYS_futex, &room->seq, FUTEX_WAIT_PRIVATE, cur, &rel, NULL, 0);
    }
}

/* ---------------------------------------------------------------- housekeeping */

/* Every tick: stop runs over their time limit; drop idle finished runs and idle rooms. */
static void *housekeeping_main(void *arg) {
    Sessions *s = arg;
    pthread_mutex_lock(&s->mu);
    while (!s->stopping) {
        struct timespec until;
        deadline_in(&until, HOUSEKEEPING_TICK);
        pthread_cond_timedwait(&s->cv, &s->mu, &until);
        if (s->stopping) break;
        double now = now_s();
        Run *dead[16];
        Room *dead_rooms[16];
        int ndead = 0, ndead_rooms = 0;
        for (size_t i = 0; i < s->nruns; i++) {
            Run *r = s->runs[i];
            if (!r->done && s->cfg.run_timeout > 0 && now - r->started > s->cfg.run_timeout)
                r->interrupt = 1;
        }
        for (size_t i = 0; i < s->nrooms && ndead_rooms < 16;) {
            Room *room = s->rooms[i];
            if (room->refs == 1 && now - room->last_used > s->cfg.idle_expiry) {
                s->rooms[i] = s->rooms[--s->nrooms];
                room->refs = 0;
                dead_rooms[ndead_rooms++] = room;
            } else {
                i++;
            }
        }
        for (size_t i = 0; i < s->nruns && ndead < 16;) {
            Run *r = s->runs[i];
            if (r->done && r->refs == 1 && now - r->last_used > s->cfg.idle_expiry) {
                Run *d = run_unref_locked(table_remove(s, i));
                if (d) dead[ndead++] = d;
            } else {
                i++;
            }
        }
        if (ndead || ndead_rooms) {
            pthread_mutex_unlock(&s->mu);
            for (int i = 0; i < ndead_rooms; i++)
                room_free(s, dead_rooms[i]);
            for (int i = 0; i < ndead; i++)
                run_free(dead[i]);
            pthread_mutex_lock(&s->mu);
        }
    }
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

/* ---------------------------------------------------------------- lifecycle */

Sessions *sessions_new(const SessionsConfig *cfg) {
    Sessions *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->cfg = *cfg;
    if (!s->cfg.max_runs) s->cfg.max_runs = 64;
    if (!s->cfg.max_rooms) s->cfg.max_rooms = 256;
    if (!s->cfg.max_steps) s->cfg.max_steps = 200000;
    if (s->cfg.idle_expiry <= 0) s->cfg.idle_expiry = 1800;
    s->runs = calloc(s->cfg.max_runs, sizeof *s->runs);
    s->rooms = calloc(s->cfg.max_rooms, sizeof *s->rooms);
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    if (!s->runs || !s->rooms || pthread_create(&s->housekeeper, NULL, housekeeping_main, s) != 0) {
        free(s->runs);
        free(s->rooms);
        free(s);
        return NULL;
    }
    return s;
}

const SessionsConfig *sessions_config(const Sessions *s) {
    return &s->cfg;
}

bool sessions_stopping(Sessions *s) {
    return __atomic_load_n(&s->stopping, __ATOMIC_ACQUIRE);
}

bool sessions_sleep(Sessions *s, double seconds) {
    struct timespec until;
    deadline_in(&until, seconds);
    pthread_mutex_lock(&s->mu);
    while (!s->stopping)
        if (pthread_cond_timedwait(&s->cv, &s->mu, &until) == ETIMEDOUT) break;
    bool ok = !s->stopping;
    pthread_mutex_unlock(&s->mu);
    return ok;
}

void sessions_shutdown(Sessions *s) {
    pthread_mutex_lock(&s->mu);
    bool first = !s->stopping;
    __atomic_store_n(&s->stopping, true, __ATOMIC_RELEASE);
    for (size_t i = 0; i < s->nruns; i++)
        s->runs[i]->interrupt = 1;
    pthread_cond_broadcast(&s->cv);
    /* Wake followers: bumping the counter makes a follower about to sleep return at once and
     * see `stopping`, so none misses it. */
    for (size_t i = 0; i < s->nrooms; i++)
        room_bump(s->rooms[i]);
    pthread_mutex_unlock(&s->mu);
    if (first) pthread_join(s->housekeeper, NULL);
}

void sessions_free(Sessions *s) {
    if (!s) return;
    sessions_shutdown(s);
    pthread_mutex_lock(&s->mu);
    for (size_t i = 0; i < s->nruns; i++)
        while (!s->runs[i]->done)
            pthread_cond_wait(&s->cv, &s->mu);
    pthread_mutex_unlock(&s->mu);
    /* The HTTP server is stopped: the tables hold the last references. */
    for (size_t i = 0; i < s->nrooms; i++)
        room_free(s, s->rooms[i]);
    for (size_t i = 0; i < s->nruns; i++)
        run_free(s->runs[i]);
    free(s->rooms);
    free(s->runs);
    pthread_mutex_destroy(&s->mu);
    pthread_cond_destroy(&s->cv);
    free(s);
}
