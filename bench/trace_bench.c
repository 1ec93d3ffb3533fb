/*
 * trace_bench.c - the recorder's figures (issue: any step of a million-step run, fast).
 *
 *   build/trace_bench PROGRAM.py
 *
 * Records the program (cap 1,000,000 steps) and prints: steps/s recorded, bytes of trace
 * memory per event, the time to rebuild a random step's snapshot (mean and max over 200
 * random steps), JSON bytes per snapshot and per diff (server/json.c), and peak RSS.
 */
#include "heap/trace.h"
#include "server/json.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: trace_bench PROGRAM.py\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    static char src[1 << 20];
    size_t n = fread(src, 1, sizeof src - 1, f);
    fclose(f);
    src[n] = 0;
    TraceOptions opt = {.max_steps = 1000000};
    double t0 = now();
    Trace *t = trace_record(argv[1], src, n, &opt);
    double rec = now() - t0;
    size_t ns = trace_nsteps(t);
    uint64_t ev = trace_nevents(t);
    printf("steps recorded          %zu (last step: %s)\n", ns,
           trace_step_kind_names[trace_step(t, ns - 1)->kind]);
    printf("recording               %.3f s, %.0f steps/s (target >= 1,000,000)\n", rec,
           (double)ns / rec);
    printf("events                  %llu, %.1f bytes of trace memory per event (target <= 48)\n",
           (unsigned long long)ev, (double)trace_bytes(t) / (double)(ev ? ev : 1));
    srand(12345);
    double total = 0, worst = 0;
    size_t snap_json = 0, diff_json = 0;
    int k = 200;
    for (int i = 0; i < k; i++) {
        size_t step = (size_t)rand() % ns;
        double a = now();
        TraceSnapshot *s = trace_snapshot(t, step);
        double d = now() - a;
        total += d;
        if (d > worst) worst = d;
        cJSON *j = json_snapshot(s);
        size_t len;
        char *txt = json_print(j, &len);
        snap_json += len;
        free(txt); /* json_print deletes j */
        trace_snapshot_free(s);
        if (step + 1 < ns) {
            TraceDiff *df = trace_diff(t, step, step + 1);
            cJSON *jd = json_diff(df);
            char *dt = json_print(jd, &len);
            diff_json += len;
            free(dt);
            trace_diff_free(df);
        }
    }
    printf("random-step snapshot    %.2f ms mean, %.2f ms max over %d steps (target < 10 ms)\n",
           total / k * 1e3, worst * 1e3, k);
    printf("JSON                    %zu bytes per snapshot, %zu bytes per diff (mean)\n",
           snap_json / (size_t)k, diff_json / (size_t)k);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS                %.1f MiB (target < 512 MiB)\n", (double)ru.ru_maxrss / 1024.0);
    trace_free(t);
    return 0;
}
