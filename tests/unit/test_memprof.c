/*
 * test_memprof.c - the simulated memory_profiler runs the seed lecture's example as written:
 * the part python3 can check (sys.getsizeof) is exact, and memory_usage returns the model's
 * deterministic MiB samples; @profile prints memory_profiler's table.
 */
#include "heap/runtime.h"

#include <criterion/criterion.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char buf[8192];
    size_t n;
} Out;

static void out_write(void *ctx, const char *s, size_t n) {
    Out *o = ctx;
    if (o->n + n >= sizeof o->buf) n = sizeof o->buf - 1 - o->n;
    memcpy(o->buf + o->n, s, n);
    o->n += n;
    o->buf[o->n] = 0;
}

static int run(const char *src, Out *out, Out *err) {
    Vm *vm = vm_new();
    vm->write_out = out_write;
    vm->write_ctx = out;
    vm->write_err = out_write;
    vm->err_ctx = err;
    Writer w = {out_write, err};
    int status = vm_run_main(vm, "seed.py", src, strlen(src), w);
    vm_free(vm);
    return status;
}

static const char seed[] =
    "import sys\n"
    "from memory_profiler import memory_usage\n"
    "\n"
    "# Example function to monitor memory usage\n"
    "def example_function():\n"
    "    a = [i for i in range(10000)]\n"
    "    print(\"Memory usage of list a:\", sys.getsizeof(a))\n"
    "\n"
    "if __name__ == '__main__':\n"
    "    mem_usage = memory_usage((example_function,))\n"
    "    print(\"Memory usage during the function execution:\", mem_usage)\n";

Test(memprof, seed_example_runs_as_written) {
    Out out = {0}, err = {0};
    cr_assert_eq(run(seed, &out, &err), 0, "stderr: %s", err.buf);
    regex_t re;
    regcomp(&re,
            "^Memory usage of list a: 85176\nMemory usage during the function execution: "
            "\\[[0-9]+\\.[0-9]+(, [0-9]+\\.[0-9]+)+\\]\n$",
            REG_EXTENDED);
    cr_expect_eq(regexec(&re, out.buf, 0, NULL, 0), 0, "got: %s", out.buf);
    regfree(&re);
    Out again = {0};
    run(seed, &again, &err);
    cr_expect_str_eq(out.buf, again.buf, "the figures are deterministic");
}

Test(memprof, profile_prints_per_line_increments) {
    const char *src = "from memory_profiler import profile\n"
                      "\n"
                      "@profile\n"
                      "def my_func():\n"
                      "    a = [1] * (10 ** 6)\n"
                      "    b = [2] * (2 * 10 ** 7)\n"
                      "    del b\n"
                      "    return a\n"
                      "\n"
                      "my_func()\n";
    Out out = {0}, err = {0};
    cr_assert_eq(run(src, &out, &err), 0, "stderr: %s", err.buf);
    cr_expect(strstr(out.buf, "Line #    Mem usage    Increment  Occurrences   Line Contents") !=
                  NULL,
              "%s", out.buf);
    /* [2] * (2 * 10**7): 160,000,056 bytes from malloc = 152.6 MiB, given back by del b */
    cr_expect(strstr(out.buf, "152.6 MiB           1       b = [2] * (2 * 10 ** 7)") != NULL, "%s",
              out.buf);
    cr_expect(strstr(out.buf, "-152.6 MiB           1       del b") != NULL, "%s", out.buf);
    cr_expect(strstr(out.buf, "     3 ") != NULL, "the @profile line starts the table");
}
