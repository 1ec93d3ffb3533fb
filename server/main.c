/*
 * main.c - the command line: `memviz run FILE.py`, `memviz trace`, `memviz serve`.
 *
 * The only place that maps results to exit codes: run exits 0, 1 on an uncaught exception
 * or a syntax error (as python3 does), 2 on a usage error, 3 when a limit stopped the run.
 * trace exits 0 when it printed its JSON (the program's own outcome is inside it), 2 on a
 * usage error, 1 when out of memory. serve runs until SIGINT / SIGTERM and exits 0 after a
 * clean shutdown, 2 if it cannot listen or find its static folder.
 */
#include "heap/runtime.h"
#include "heap/trace.h"
#include "server/api.h"
#include "server/http.h"
#include "server/json.h"
#include "server/sessions.h"
#include "server/static.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static void write_fd(void *ctx, const char *s, size_t n) {
    fwrite(s, 1, n, (FILE *)ctx);
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (!buf) break;
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0) break;
        n += r;
    }
    fclose(f);
    if (!buf) {
        errno = ENOMEM;
        return NULL;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

static int usage(void) {
    fprintf(stderr, "usage: memviz run [--max-steps N] [--gc-log] FILE.py\n"
                    "       memviz trace FILE.py [--step N | --diff A B] [--max-steps N]\n"
                    "       memviz serve [--host 127.0.0.1] [--port 8000] [--static DIR]\n"
                    "                    [--scenarios DIR] [--max-runs N] [--run-timeout SEC]\n"
                    "                    [--max-steps N] [--idle-expiry SEC] [-q]\n");
    return 2;
}

extern void vm_shutdown(Vm *vm);

static int cmd_run(int argc, char **argv) {
    const char *file = NULL;
    unsigned long long max_steps = 10000000ULL;
    bool gc_log = false;
    int stress = 0;
    bool time_gc = false;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--max-steps") && i + 1 < argc)
            max_steps = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--gc-log"))
            gc_log = true;
        else if (!strcmp(argv[i], "--stress-gc"))
            stress = 1;
        else if (!strcmp(argv[i], "--time-gc"))
            time_gc = true;
        else if (argv[i][0] == '-' && argv[i][1])
            return usage();
        else
            file = argv[i];
    }
    if (!file) return usage();
    size_t len;
    char *src = read_file(file, &len);
    if (!src) {
        fprintf(stderr, "memviz: can't open file '%s': [Errno %d] %s\n", file, errno,
                strerror(errno));
        return 2;
    }
    Vm *vm = vm_new();
    vm->limits.max_steps = max_steps;
    vm->gc_log = gc_log;
    vm->stress_gc = stress;
    vm->time_gc = time_gc;
    vm->write_out = write_fd;
    vm->write_ctx = stdout;
    vm->write_err = write_fd;
    vm->err_ctx = stderr;
    Writer err = {write_fd, stderr};
    int status = vm_run_main(vm, file, src, len, err);
    if (status == 0 || status == 1) vm_shutdown(vm);
    fflush(stdout);
    vm_free(vm);
    free(src);
    if (status == 2) return 1; /* syntax error: python3 exits 1 */
    return status;
}

/* A whole decimal number in [min, max]; false otherwise. */
static bool parse_u64(const char *s, unsigned long long min, unsigned long long max,
                      unsigned long long *out) {
    if (!s || *s < '0' || *s > '9') return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v < min || v > max) return false;
    *out = v;
    return true;
}

/* ---------------------------------------------------------------- trace */

/* `memviz trace`: the step index, one snapshot (--step) or one diff (--diff) as JSON on
 * stdout. The program's own outcome (error, stopped) is inside the JSON; the exit status is
 * 0 when the document was printed, 2 on a usage error (bad option, unreadable file, step out
 * of range), 1 when out of memory. */
static int cmd_trace(int argc, char **argv) {
    const char *file = NULL;
    unsigned long long max_steps = 1000000ULL, step = 0, da = 0, db = 0;
    bool want_step = false, want_diff = false;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--max-steps") && i + 1 < argc) {
            if (!parse_u64(argv[++i], 0, UINT64_MAX, &max_steps)) return usage();
        } else if (!strcmp(argv[i], "--step") && i + 1 < argc) {
            if (!parse_u64(argv[++i], 0, UINT64_MAX, &step)) return usage();
            want_step = true;
        } else if (!strcmp(argv[i], "--diff") && i + 2 < argc) {
            if (!parse_u64(argv[i + 1], 0, UINT64_MAX, &da) ||
                !parse_u64(argv[i + 2], 0, UINT64_MAX, &db))
                return usage();
            i += 2;
            want_diff = true;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return usage();
        } else if (file) {
            return usage();
        } else {
            file = argv[i];
        }
    }
    if (!file || (want_step && want_diff)) return usage();
    size_t len;
    char *src = read_file(file, &len);
    if (!src) {
        fprintf(stderr, "memviz: can't open file '%s': [Errno %d] %s\n", file, errno,
                strerror(errno));
        return 2;
    }
    TraceOptions opt = {0};
    opt.max_steps = max_steps;
    Trace *t = trace_record(file, src, len, &opt);
    free(src);
    if (!t) {
        fprintf(stderr, "memviz: out of memory\n");
        return 1;
    }
    size_t nsteps = trace_nsteps(t);
    int status = 0;
    char *out = NULL;
    if (want_step || want_diff) {
        unsigned long long bad = want_step ? step : (da >= nsteps ? da : db);
        if ((want_step && step >= nsteps) || (want_diff && (da >= nsteps || db >= nsteps))) {
            fprintf(stderr, "memviz: no step %llu (the trace has %zu steps: 0..%zu)\n", bad, nsteps,
                    nsteps ? nsteps - 1 : 0);
            trace_free(t);
            return 2;
        }
    }
    if (want_step) {
        TraceSnapshot *snap = trace_snapshot(t, (size_t)step);
        if (snap) out = json_print(json_snapshot(snap), NULL);
        trace_snapshot_free(snap);
    } else if (want_diff) {
        TraceDiff *d = trace_diff(t, (size_t)da, (size_t)db);
        if (d) out = json_print(json_diff(d), NULL);
        trace_diff_free(d);
    } else {
        out = json_print(json_index(t, file), NULL);
    }
    if (out) {
        fputs(out, stdout);
        fputc('\n', stdout);
        free(out);
    } else {
        fprintf(stderr, "memviz: out of memory\n");
        status = 1;
    }
    trace_free(t);
    return status;
}

/* ---------------------------------------------------------------- serve */

/* More open files for many SSE followers: the soft limit up to the hard one. */
static void raise_fd_limit(void) {
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
}

static int stop_pipe[2] = {-1, -1};

static void on_stop_signal(int sig) {
    unsigned char c = (unsigned char)sig;
    ssize_t n = write(stop_pipe[1], &c, 1); /* async-signal-safe; a full pipe is already a stop */
    (void)n;
}

/* `memviz serve`: runs until SIGINT / SIGTERM, then shuts down cleanly (exit 0). */
static int cmd_serve(int argc, char **argv) {
    HttpConfig hc = {.host = "127.0.0.1", .port = 8000, .quiet = false, .max_body = 1 << 20};
    SessionsConfig sc = {.max_runs = 64,
                         .run_timeout = 10,
                         .idle_expiry = 1800,
                         .max_steps = 200000,
                         .max_rooms = 256};
    const char *static_dir = "static", *scenario_dir = "scenarios";
    unsigned long long v;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (!strcmp(a, "--host") && has)
            hc.host = argv[++i];
        else if (!strcmp(a, "--port") && has && parse_u64(argv[i + 1], 0, 65535, &v))
            hc.port = (int)v, i++;
        else if (!strcmp(a, "--static") && has)
            static_dir = argv[++i];
        else if (!strcmp(a, "--scenarios") && has)
            scenario_dir = argv[++i];
        else if (!strcmp(a, "--max-runs") && has && parse_u64(argv[i + 1], 1, 100000, &v))
            sc.max_runs = v, i++;
        else if (!strcmp(a, "--run-timeout") && has && parse_u64(argv[i + 1], 1, 86400, &v))
            sc.run_timeout = (double)v, i++;
        else if (!strcmp(a, "--max-steps") && has && parse_u64(argv[i + 1], 1, 100000000, &v))
            sc.max_steps = v, i++;
        else if (!strcmp(a, "--idle-expiry") && has && parse_u64(argv[i + 1], 1, 86400 * 30, &v))
            sc.idle_expiry = (double)v, i++;
        else if (!strcmp(a, "-q") || !strcmp(a, "--quiet"))
            hc.quiet = true;
        else
            return usage();
    }
    Static *st = static_new(static_dir);
    if (!st) {
        fprintf(stderr, "memviz: static folder '%s': %s\n", static_dir, strerror(errno));
        return 2;
    }
    /* SIGINT / SIGTERM go to a handler that writes to a pipe this thread reads (a self-pipe:
     * portable, and works under valgrind, unlike sigwait). They are blocked while the server's
     * threads are created, so every thread but this one inherits the block, and unblocked
     * here afterwards. A closed client socket must not kill the server: SIGPIPE ignored. */
    if (pipe(stop_pipe) != 0) {
        static_free(st);
        fprintf(stderr, "memviz: pipe: %s\n", strerror(errno));
        return 1;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    raise_fd_limit();

    Sessions *sessions = sessions_new(&sc);
    if (!sessions) {
        static_free(st);
        fprintf(stderr, "memviz: out of memory\n");
        return 1;
    }
    Api api = {.sessions = sessions, .statics = st, .scenario_dir = scenario_dir};
    char err[256];
    HttpServer *http = http_start(&hc, api_handle, &api, err, sizeof err);
    if (!http) {
        fprintf(stderr, "memviz: %s\n", err);
        sessions_free(sessions);
        static_free(st);
        return 2;
    }
    const char *host = hc.host;
    bool v6 = strchr(host, ':') != NULL;
    fprintf(stderr, "memviz: serving http://%s%s%s:%d\n", v6 ? "[" : "", host, v6 ? "]" : "",
            http_port(http));
    fflush(stderr);

    pthread_sigmask(SIG_UNBLOCK, &sigs, NULL);
    unsigned char sig = 0;
    while (read(stop_pipe[0], &sig, 1) < 0 && errno == EINTR) {
    }
    if (!hc.quiet)
        fprintf(stderr, "memviz: %s, shutting down\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    http_quiesce(http);          /* no new connections */
    sessions_shutdown(sessions); /* recordings stop, streams say bye, waiters wake */
    http_drain(http, 5.0);       /* in-flight requests finish, streams end */
    http_stop(http);             /* connections close, threads joined */
    sessions_free(sessions);     /* every run and room freed */
    static_free(st);
    close(stop_pipe[0]);
    close(stop_pipe[1]);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) return usage();
    if (!strcmp(argv[1], "run")) return cmd_run(argc - 2, argv + 2);
    if (!strcmp(argv[1], "trace")) return cmd_trace(argc - 2, argv + 2);
    if (!strcmp(argv[1], "serve")) return cmd_serve(argc - 2, argv + 2);
    return usage();
}
