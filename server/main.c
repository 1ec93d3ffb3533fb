/*
 * main.c - the command line: `memviz run FILE.py`, `memviz trace`, `memviz serve`.
 *
 * The only place that maps results to exit codes: run exits 0, 1 on an uncaught exception
 * or a syntax error (as python3 does), 2 on a usage error, 3 when a limit stopped the run.
 */
#include "heap/runtime.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void write_fd(void *ctx, const char *s, size_t n) { fwrite(s, 1, n, (FILE *)ctx); }

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap + 1);
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0) break;
        n += r;
    }
    fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

static int usage(void) {
    fprintf(stderr, "usage: memviz run [--max-steps N] [--gc-log] FILE.py\n"
                    "       memviz trace FILE.py [--step N] [--max-steps N]\n"
                    "       memviz serve [--host H] [--port P]\n");
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
        if (!strcmp(argv[i], "--max-steps") && i + 1 < argc) max_steps = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--gc-log")) gc_log = true;
        else if (!strcmp(argv[i], "--stress-gc")) stress = 1;
        else if (!strcmp(argv[i], "--time-gc")) time_gc = true;
        else if (argv[i][0] == '-' && argv[i][1]) return usage();
        else file = argv[i];
    }
    if (!file) return usage();
    size_t len;
    char *src = read_file(file, &len);
    if (!src) {
        fprintf(stderr, "memviz: can't open file '%s': [Errno %d] %s\n", file, errno, strerror(errno));
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

int main(int argc, char **argv) {
    if (argc < 2) return usage();
    if (!strcmp(argv[1], "run")) return cmd_run(argc - 2, argv + 2);
    if (!strcmp(argv[1], "serve") || !strcmp(argv[1], "trace")) {
        fprintf(stderr, "memviz: '%s' is not built yet\n", argv[1]);
        return 2;
    }
    return usage();
}
