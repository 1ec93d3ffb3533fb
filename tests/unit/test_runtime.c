/*
 * test_runtime.c - the core of the simulated runtime: the pymalloc model (heap/alloc.c), the
 * compiler (heap/lang/compiler.c), reference counting through the VM and from C, object sizes,
 * the cycle collector (heap/gc.c) and the limits of a run.
 *
 * Every expected number is CPython 3.11.7's: from /work/shared/cpython311.md, from
 * Objects/obmalloc.c (3.11) for the allocator, from `python3 -c "import dis; dis.dis(...)"`
 * for the bytecode shapes (memviz emits no RESUME / PRECALL / CACHE), and from running the
 * embedded programs under python3 for the printed refcounts and gc.collect() results.
 *
 * Tests marked `.disabled = true` document a difference from CPython found while writing them;
 * the comment above each says what CPython does and what memviz does instead.
 */
#include <criterion/criterion.h>
#include <criterion/redirect.h>

#include "heap/alloc.h"
#include "heap/gc.h"
#include "heap/lang/compiler.h"
#include "heap/types/types.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

static Vm *vm;

static void setup(void) {
    vm = vm_new();
    cr_assert_not_null(vm);
}
static void teardown(void) {
    vm_free(vm);
}

/* ======================================================================= allocator model */

TestSuite(alloc);

#define POOL_MASK (~(uint64_t)(ALLOC_POOL_SIZE - 1))
#define BLOCKS_PER_512_POOL ((ALLOC_POOL_SIZE - ALLOC_POOL_OVERHEAD) / 512) /* 31 */
#define POOLS_PER_ARENA 63 /* 64, minus the one lost to aligning an mmap'd arena */

Test(alloc, size_classes_are_16_byte_steps_up_to_512) {
    cr_assert_eq(alloc_class(0), 0, "0-byte requests go to malloc");
    cr_assert_eq(alloc_class(1), 1);
    cr_assert_eq(alloc_class(16), 1);
    cr_assert_eq(alloc_class(17), 2);
    cr_assert_eq(alloc_class(56), 4, "a list object (40 + 16 GC) uses the 64-byte class");
    cr_assert_eq(alloc_class(64), 4);
    cr_assert_eq(alloc_class(512), 32);
    cr_assert_eq(alloc_class(513), 0, "above SMALL_REQUEST_THRESHOLD: malloc");
}

Test(alloc, figures_count_rounded_blocks_and_malloc_bytes_separately) {
    Alloc a;
    alloc_init(&a);
    uint64_t p1 = alloc_malloc(&a, 56);
    uint64_t p2 = alloc_malloc(&a, 24);
    cr_assert_eq(a.blocks_in_use, 2);
    cr_assert_eq(a.block_bytes, 64 + 32, "block_bytes is rounded to the size class");
    cr_assert_eq(a.pools_in_use, 2, "two size classes, two pools");
    uint64_t big = alloc_malloc(&a, 800);
    cr_assert_eq(a.blocks_in_use, 2, "an 800-byte request is not a pymalloc block");
    cr_assert_eq(a.malloc_bytes, 800);
    cr_assert_eq(a.malloc_blocks, 1);
    alloc_free(&a, big, 800);
    alloc_free(&a, p2, 24);
    alloc_free(&a, p1, 56);
    cr_assert_eq(a.malloc_bytes, 0);
    cr_assert_eq(a.blocks_in_use, 0);
    cr_assert_eq(a.block_bytes, 0);
    cr_assert_eq(a.pools_in_use, 0);
    alloc_destroy(&a);
}

Test(alloc, blocks_of_one_class_are_carved_in_order_after_the_pool_header) {
    Alloc a;
    alloc_init(&a);
    uint64_t b0 = alloc_malloc(&a, 64);
    uint64_t b1 = alloc_malloc(&a, 64);
    uint64_t b2 = alloc_malloc(&a, 60);
    cr_assert_eq(b0 % ALLOC_POOL_SIZE, ALLOC_POOL_OVERHEAD,
                 "first block right after the 48-byte pool header");
    cr_assert_eq(b1 - b0, 64);
    cr_assert_eq(b2 - b1, 64, "60 bytes share the 64-byte class");
    cr_assert_eq(b0 & POOL_MASK, b2 & POOL_MASK, "same pool");
    uint64_t other = alloc_malloc(&a, 32);
    cr_assert_neq(other & POOL_MASK, b0 & POOL_MASK, "another size class gets its own pool");
    alloc_destroy(&a);
}

Test(alloc, freed_blocks_are_reused_last_in_first_out) {
    Alloc a;
    alloc_init(&a);
    uint64_t x = alloc_malloc(&a, 48), y = alloc_malloc(&a, 48), z = alloc_malloc(&a, 48);
    alloc_free(&a, y, 48);
    alloc_free(&a, x, 48);
    cr_assert_eq(alloc_malloc(&a, 48), x, "the most recently freed block first");
    cr_assert_eq(alloc_malloc(&a, 48), y);
    cr_assert_eq(alloc_malloc(&a, 48), z + 48, "free list empty: bump allocation resumes");
    alloc_destroy(&a);
}

Test(alloc, a_full_pool_that_gets_a_free_block_is_used_first_again) {
    Alloc a;
    alloc_init(&a);
    uint64_t first[BLOCKS_PER_512_POOL];
    for (int i = 0; i < BLOCKS_PER_512_POOL; i++)
        first[i] = alloc_malloc(&a, 512);
    cr_assert_eq(a.pools_in_use, 1);
    uint64_t next = alloc_malloc(&a, 512);
    cr_assert_eq(a.pools_in_use, 2, "31 blocks of 512 fill a 16 KiB pool");
    cr_assert_neq(next & POOL_MASK, first[0] & POOL_MASK);
    alloc_free(&a, first[7], 512);
    /* pymalloc_free: a pool that was full is linked at the front of usedpools */
    cr_assert_eq(alloc_malloc(&a, 512), first[7]);
    alloc_destroy(&a);
}

Test(alloc, an_empty_pool_goes_back_to_its_arena_and_serves_another_class) {
    Alloc a;
    alloc_init(&a);
    uint64_t b[3];
    for (int i = 0; i < 3; i++)
        b[i] = alloc_malloc(&a, 64);
    cr_assert_eq(a.pools_in_use, 1);
    for (int i = 0; i < 3; i++)
        alloc_free(&a, b[i], 64);
    cr_assert_eq(a.pools_in_use, 0, "an empty pool is returned to its arena");
    cr_assert_eq(a.arenas_live, 1, "the only arena is kept");
    uint64_t s = alloc_malloc(&a, 16);
    cr_assert_eq(s & POOL_MASK, b[0] & POOL_MASK, "the freed pool is reused for the 16-byte class");
    cr_assert_eq(s, b[0], "and carved from its start again");
    alloc_destroy(&a);
}

Test(alloc, a_new_pool_comes_from_the_most_full_arena) {
    Alloc a;
    alloc_init(&a);
    int n = POOLS_PER_ARENA * BLOCKS_PER_512_POOL + 5 * BLOCKS_PER_512_POOL;
    uint64_t *b = malloc(sizeof(uint64_t) * (size_t)n);
    for (int i = 0; i < n; i++)
        b[i] = alloc_malloc(&a, 512);
    cr_assert_eq(a.arenas_live, 2, "63 pools of 31 blocks fill one arena");
    /* empty 10 pools of the first arena: it has 10 free pools, the second 58 */
    for (int i = 0; i < 10 * BLOCKS_PER_512_POOL; i++)
        alloc_free(&a, b[i], 512);
    uint64_t s = alloc_malloc(&a, 16);
    /* usable_arenas is sorted most-full first; an arena's freepools list is LIFO */
    cr_assert_eq(s & POOL_MASK, b[10 * BLOCKS_PER_512_POOL - 1] & POOL_MASK,
                 "the last pool emptied in the fuller arena is reused");
    free(b);
    alloc_destroy(&a);
}

Test(alloc, wholly_free_arenas_are_released_except_the_last) {
    Alloc a;
    alloc_init(&a);
    int per_arena = POOLS_PER_ARENA * BLOCKS_PER_512_POOL;
    int n = 2 * per_arena + 10;
    uint64_t *b = malloc(sizeof(uint64_t) * (size_t)n);
    size_t rss0 = alloc_rss(&a);
    for (int i = 0; i < per_arena; i++)
        b[i] = alloc_malloc(&a, 512);
    cr_assert_eq(a.arenas_live, 1);
    b[per_arena] = alloc_malloc(&a, 512);
    cr_assert_eq(a.arenas_live, 2, "block 1954 needs a second arena");
    for (int i = per_arena + 1; i < n; i++)
        b[i] = alloc_malloc(&a, 512);
    cr_assert_eq(a.arenas_live, 3);
    cr_assert_eq(alloc_rss(&a) - rss0, 3 * (size_t)ALLOC_ARENA_SIZE, "RSS moves in whole arenas");
    for (int i = 0; i < n; i++)
        alloc_free(&a, b[i], 512);
    cr_assert_eq(a.blocks_in_use, 0);
    cr_assert_eq(a.pools_in_use, 0);
    cr_assert_eq(a.arenas_live, 1, "one wholly free arena is kept (bpo-37257)");
    cr_assert_eq(a.arenas_peak, 3);
    alloc_malloc(&a, 512);
    cr_assert_eq(a.arenas_live, 1, "the kept arena serves the next allocation");
    free(b);
    alloc_destroy(&a);
}

/* BUG (reported, not fixed): CPython frees a wholly free arena only when it is not the last one
 * in `usable_arenas` (`nf == ao->ntotalpools && ao->nextarena != NULL` in
 * insert_to_freepool()). A full arena is not in usable_arenas, so when arena 1 is full and
 * arena 2's only pool empties, arena 2 is the last usable arena and CPython keeps it: 2 arenas
 * stay allocated. alloc_free() counts *any* other live arena ("others > 0") and releases it,
 * so arenas_live drops to 1. The same happens whenever the emptied arena is the most-free of
 * the usable ones (e.g. `del` of a big list of floats: CPython keeps one wholly free arena,
 * memviz none), which lowers the RSS the memory_profiler model reports. */
Test(alloc, a_wholly_free_arena_is_kept_while_it_is_the_last_usable_one) {
    Alloc a;
    alloc_init(&a);
    int per_arena = POOLS_PER_ARENA * BLOCKS_PER_512_POOL;
    uint64_t *b = malloc(sizeof(uint64_t) * (size_t)(per_arena + 1));
    for (int i = 0; i <= per_arena; i++)
        b[i] = alloc_malloc(&a, 512);
    cr_assert_eq(a.arenas_live, 2);
    alloc_free(&a, b[per_arena], 512); /* arena 2 wholly free; arena 1 full (not usable) */
    cr_assert_eq(a.arenas_live, 2, "CPython keeps the last usable arena");
    free(b);
    alloc_destroy(&a);
}

Test(alloc, realloc_keeps_the_block_unless_it_shrinks_by_a_quarter) {
    Alloc a;
    alloc_init(&a);
    uint64_t p = alloc_malloc(&a, 64);
    cr_assert_eq(alloc_realloc(&a, p, 64, 64), p);
    cr_assert_eq(alloc_realloc(&a, p, 64, 49), p, "49/64 > 3/4: pymalloc_realloc keeps the block");
    cr_assert_eq(a.block_bytes, 64);
    uint64_t q = alloc_realloc(&a, p, 49, 48);
    cr_assert_neq(q, p, "48/64 == 3/4: shrinking by a quarter moves the block");
    cr_assert_eq(a.blocks_in_use, 1, "the old block was freed");
    cr_assert_eq(a.block_bytes, 48);
    uint64_t r = alloc_realloc(&a, q, 48, 49);
    cr_assert_neq(r, q, "growing past the class moves the block");
    cr_assert_eq(a.block_bytes, 64);
    uint64_t s = alloc_malloc(&a, 50);
    cr_assert_eq(alloc_realloc(&a, s, 50, 64), s, "growing within the class keeps the block");
    uint64_t t = alloc_realloc(&a, 0, 0, 40);
    cr_assert_neq(t, 0, "realloc of NULL allocates");
    cr_assert_eq(a.blocks_in_use, 3);
    alloc_destroy(&a);
}

/* ======================================================================= compiler */

TestSuite(compiler, .init = setup, .fini = teardown);

static Code *compile_src(const char *src, bool main, SyntaxErr *err) {
    Ast ast;
    memset(err, 0, sizeof *err);
    int r = parse_module(src, strlen(src), &ast, err);
    cr_assert_eq(r, 0, "parse error in test source: %s (line %d)", err->msg, err->line);
    Code *co = comp_module(vm, &ast, "<test>", main, err);
    ast_free(&ast);
    return co;
}

static Code *compile_ok(const char *src) {
    SyntaxErr err;
    Code *co = compile_src(src, false, &err);
    cr_assert_not_null(co, "compile error: %s: %s (line %d)", err.type, err.msg, err.line);
    return co;
}

static bool uses_name(int op) {
    switch (op) {
    case OP_LOAD_NAME:
    case OP_STORE_NAME:
    case OP_DELETE_NAME:
    case OP_LOAD_GLOBAL:
    case OP_STORE_GLOBAL:
    case OP_DELETE_GLOBAL:
    case OP_LOAD_ATTR:
    case OP_STORE_ATTR:
    case OP_DELETE_ATTR:
    case OP_LOAD_METHOD:
    case OP_IMPORT_NAME:
    case OP_IMPORT_FROM:
        return true;
    default:
        return false;
    }
}

/* "OP arg; OP arg; ..." with names, locals and constants spelled out (a tiny dis.dis). */
static const char *dis(Code *co) {
    static char buf[8192];
    size_t n = 0;
    buf[0] = 0;
    for (int i = 0; i < co->ncode && n < sizeof buf - 256; i++) {
        const Instr *in = &co->code[i];
        char arg[200];
        if (uses_name(in->op)) {
            snprintf(arg, sizeof arg, " %s", str_cstr(TUPLE_ITEM(co->names, in->arg)));
        } else if (in->op == OP_LOAD_FAST || in->op == OP_STORE_FAST || in->op == OP_DELETE_FAST) {
            snprintf(arg, sizeof arg, " %s", str_cstr(TUPLE_ITEM(co->localsplusnames, in->arg)));
        } else if (in->op == OP_LOAD_CONST) {
            Obj *c = TUPLE_ITEM(co->consts, in->arg);
            if (KIND(c) == OBJ_CODE) {
                snprintf(arg, sizeof arg, " <code %s>", str_cstr(((Code *)c)->qualname));
            } else {
                Obj *r = obj_repr(vm, c);
                cr_assert_not_null(r);
                snprintf(arg, sizeof arg, " %s", str_cstr(r));
                DECREF(vm, r);
            }
        } else if (in->op == OP_NOP || in->op == OP_POP_TOP || in->op == OP_PUSH_NULL ||
                   in->op == OP_GET_ITER || in->op == OP_RETURN_VALUE ||
                   in->op == OP_BINARY_SUBSCR) {
            arg[0] = 0;
        } else {
            snprintf(arg, sizeof arg, " %d", in->arg);
        }
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s%s", i ? "; " : "",
                              opcode_names[in->op], arg);
    }
    return buf;
}

/* The nested code object named `qualname` among co's constants (BORROWED). */
static Code *nested(Code *co, const char *qualname) {
    for (ssize_t i = 0; i < TUPLE_LEN(co->consts); i++) {
        Obj *c = TUPLE_ITEM(co->consts, i);
        if (KIND(c) == OBJ_CODE && str_eq_cstr(((Code *)c)->qualname, qualname)) return (Code *)c;
    }
    cr_assert_fail("no nested code object %s in: %s", qualname, dis(co));
    return NULL;
}

static void check_dis(const char *src, const char *expected) {
    Code *co = compile_ok(src);
    const char *got = dis(co);
    cr_assert_str_eq(got, expected, "%s\n  got:      %s\n  expected: %s", src, got, expected);
    DECREF(vm, co);
}

/* asserts that `needle` does (want = true) or does not occur in the module's disassembly */
static void check_has(const char *src, const char *needle, bool want) {
    Code *co = compile_ok(src);
    const char *got = dis(co);
    cr_assert_eq(strstr(got, needle) != NULL, want, "%s: '%s' %s in: %s", src, needle,
                 want ? "missing" : "unexpected", got);
    DECREF(vm, co);
}

Test(compiler, a_call_pushes_null_callable_then_arguments) {
    check_dis(
        "f(a)",
        "PUSH_NULL; LOAD_NAME f; LOAD_NAME a; CALL 1; POP_TOP; LOAD_CONST None; RETURN_VALUE");
    check_dis("f(a, k=1)",
              "PUSH_NULL; LOAD_NAME f; LOAD_NAME a; LOAD_CONST 1; KW_NAMES 1; CALL 2; POP_TOP; "
              "LOAD_CONST None; RETURN_VALUE");
}

Test(compiler, a_method_call_uses_load_method_and_no_bound_method) {
    check_dis(
        "o.m(1)",
        "LOAD_NAME o; LOAD_METHOD m; LOAD_CONST 1; CALL 1; POP_TOP; LOAD_CONST None; RETURN_VALUE");
    /* with *args CPython 3.11 falls back to LOAD_ATTR + CALL_FUNCTION_EX */
    check_has("o.m(*a)", "PUSH_NULL; LOAD_NAME o; LOAD_ATTR m; LOAD_NAME a", true);
    check_has("o.m(*a)", "CALL_FUNCTION_EX 0", true);
}

Test(compiler, a_constant_list_literal_extends_an_empty_list_from_a_tuple) {
    check_dis("x = [1, 2, 3]", "BUILD_LIST 0; LOAD_CONST (1, 2, 3); LIST_EXTEND 1; STORE_NAME x; "
                               "LOAD_CONST None; RETURN_VALUE");
    check_has("x = [1, 'a', -2, (3, 4)]",
              "BUILD_LIST 0; LOAD_CONST (1, 'a', -2, (3, 4)); LIST_EXTEND 1", true);
}

Test(compiler, short_or_variable_list_literals_use_build_list_n) {
    check_dis(
        "x = [a, b]",
        "LOAD_NAME a; LOAD_NAME b; BUILD_LIST 2; STORE_NAME x; LOAD_CONST None; RETURN_VALUE");
    check_dis(
        "x = [1, 2]",
        "LOAD_CONST 1; LOAD_CONST 2; BUILD_LIST 2; STORE_NAME x; LOAD_CONST None; RETURN_VALUE");
    check_has("x = [a, 1, 2]", "LOAD_NAME a; LOAD_CONST 1; LOAD_CONST 2; BUILD_LIST 3", true);
}

Test(compiler, constant_expressions_are_folded) {
    check_dis("x = 2 ** 10", "LOAD_CONST 1024; STORE_NAME x; LOAD_CONST None; RETURN_VALUE");
    check_dis("x = -5", "LOAD_CONST -5; STORE_NAME x; LOAD_CONST None; RETURN_VALUE");
    check_dis("x = 'a' * 3", "LOAD_CONST 'aaa'; STORE_NAME x; LOAD_CONST None; RETURN_VALUE");
    check_dis("x = (1, -2)", "LOAD_CONST (1, -2); STORE_NAME x; LOAD_CONST None; RETURN_VALUE");
    check_dis("x = 'ab' + 'cd'", "LOAD_CONST 'abcd'; STORE_NAME x; LOAD_CONST None; RETURN_VALUE");
}

Test(compiler, folding_respects_cpythons_size_limits) {
    /* safe_power: 2 bits * 200 > 128; safe_multiply: 5000 chars > 4096 */
    check_dis(
        "x = 2 ** 200",
        "LOAD_CONST 2; LOAD_CONST 200; BINARY_OP 8; STORE_NAME x; LOAD_CONST None; RETURN_VALUE");
    check_has("x = 'a' * 5000", "LOAD_CONST 'a'; LOAD_CONST 5000; BINARY_OP 5", true);
    check_has("x = a * 3", "BINARY_OP 5", true);
}

Test(compiler, equal_constants_are_shared_within_a_code_object) {
    Code *co = compile_ok("x = 1000\ny = 1000\nz = 'hello world!'\nw = 'hello world!'\n");
    cr_assert_eq(co->code[0].op, OP_LOAD_CONST);
    cr_assert_eq(co->code[2].op, OP_LOAD_CONST);
    cr_assert_eq(co->code[0].arg, co->code[2].arg, "both 1000s are one constant: %s", dis(co));
    cr_assert_eq(co->code[4].arg, co->code[6].arg, "both strings are one constant: %s", dis(co));
    cr_assert_eq(TUPLE_LEN(co->consts), 3, "1000, 'hello world!', None");
    DECREF(vm, co);
}

Test(compiler, for_over_a_list_literal_iterates_a_tuple) {
    check_has("for x in [1, 2]: pass", "LOAD_CONST (1, 2); GET_ITER; FOR_ITER", true);
    check_has("for x in [1, 2]: pass", "BUILD_LIST", false);
    check_has("for x in [a, b]: pass",
              "LOAD_NAME a; LOAD_NAME b; BUILD_TUPLE 2; GET_ITER; FOR_ITER", true);
    check_has("for x in y: pass", "LOAD_NAME y; GET_ITER; FOR_ITER", true);
}

Test(compiler, a_comprehension_is_a_nested_function_called_with_its_iterator) {
    Code *co = compile_ok("y = [x for x in z]");
    cr_assert_str_eq(
        dis(co), "LOAD_CONST <code <listcomp>>; MAKE_FUNCTION 0; LOAD_NAME z; GET_ITER; CALL 0; "
                 "STORE_NAME y; LOAD_CONST None; RETURN_VALUE");
    Code *lc = nested(co, "<listcomp>");
    cr_assert_eq(lc->argcount, 1);
    cr_assert(str_eq_cstr(TUPLE_ITEM(lc->localsplusnames, 0), ".0"),
              "the iterator arrives as local .0");
    const char *body = dis(lc);
    cr_assert(strncmp(body, "BUILD_LIST 0; LOAD_FAST .0; FOR_ITER", 36) == 0, "listcomp body: %s",
              body);
    cr_assert(strstr(body, "STORE_FAST x; LOAD_FAST x; LIST_APPEND 2") != NULL, "listcomp body: %s",
              body);
    cr_assert(strstr(body, "RETURN_VALUE") != NULL);
    cr_assert_eq(lc->flags & CO_GENERATOR, 0);
    DECREF(vm, co);
}

Test(compiler, a_generator_expression_compiles_to_generator_code) {
    Code *co = compile_ok("g = (x for x in z)");
    Code *ge = nested(co, "<genexpr>");
    cr_assert_neq(ge->flags & CO_GENERATOR, 0);
    cr_assert(strstr(dis(ge), "YIELD_VALUE") != NULL, "%s", dis(ge));
    cr_assert(strstr(dis(co), "GET_ITER; CALL 0") != NULL, "%s", dis(co));
    DECREF(vm, co);
}

Test(compiler, function_bodies_use_fast_locals) {
    Code *co = compile_ok("def f(a):\n    b = a\n    return b\n");
    cr_assert_str_eq(
        dis(co),
        "LOAD_CONST <code f>; MAKE_FUNCTION 0; STORE_NAME f; LOAD_CONST None; RETURN_VALUE");
    Code *f = nested(co, "f");
    /* (memviz keeps the unreachable implicit `return None` CPython's optimizer drops) */
    cr_assert(strncmp(dis(f), "LOAD_FAST a; STORE_FAST b; LOAD_FAST b; RETURN_VALUE", 52) == 0,
              "%s", dis(f));
    cr_assert_eq(f->argcount, 1);
    cr_assert_eq(f->nlocals, 2);
    DECREF(vm, co);
}

static void check_syntax_error(const char *src, const char *msg, int line, int col) {
    SyntaxErr err;
    Code *co = compile_src(src, false, &err);
    cr_assert_null(co, "%s compiled", src);
    cr_assert_str_eq(err.type, "SyntaxError");
    cr_assert_str_eq(err.msg, msg);
    cr_assert_eq(err.line, line, "%s: line %d, expected %d", msg, err.line, line);
    cr_assert_eq(err.col, col, "%s: col %d, expected %d", msg, err.col, col);
}

Test(compiler, scope_errors_are_syntax_errors_with_their_line) {
    check_syntax_error("x = 1\nreturn x\n", "'return' outside function", 2, 1);
    check_syntax_error("x = 1\nif x:\n    break\n", "'break' outside loop", 3, 5);
    check_syntax_error("for i in x:\n    def f():\n        break\n", "'break' outside loop", 3, 9);
    check_syntax_error("while 1:\n    pass\nelse:\n    continue\n",
                       "'continue' not properly in loop", 4, 5);
    check_syntax_error("class C:\n    return 1\n", "'return' outside function", 2, 5);
}

/* Not a crash, a caret width: CPython 3.11 reports end_offset 9 for `return x` (compile(...)
 * raises SyntaxError with offset 1, end_offset 9), so its traceback underlines the whole
 * statement (`^^^^^^^^`); comp_error() always sets end_col = 0 and memviz prints one `^`. Only
 * stderr's body differs (the conformance suite compares the last stderr line). */
Test(compiler, scope_errors_underline_the_whole_statement, .disabled = true) {
    SyntaxErr err;
    Code *co = compile_src("return x\n", false, &err);
    cr_assert_null(co);
    cr_assert_eq(err.end_col, 9);
}

Test(compiler, main_module_constants_get_the_parser_arena_reference) {
    ssize_t arena0 = LIST_LEN(vm->consts_arena);
    SyntaxErr err;
    Code *plain = compile_src("x = 'hello world!'\n", false, &err);
    Code *mainc = compile_src("x = 'hello world!'\n", true, &err);
    cr_assert_not_null(plain);
    cr_assert_not_null(mainc);
    Obj *c1 = TUPLE_ITEM(plain->consts, plain->code[0].arg);
    Obj *c2 = TUPLE_ITEM(mainc->consts, mainc->code[0].arg);
    cr_assert(str_eq_cstr(c1, "hello world!") && str_eq_cstr(c2, "hello world!"));
    cr_assert_eq(c1->refcnt, 1, "only co_consts");
    cr_assert_eq(c2->refcnt, 2, "co_consts + the parser arena of __main__");
    cr_assert_eq(LIST_LEN(vm->consts_arena), arena0 + 1);
    DECREF(vm, plain);
    DECREF(vm, mainc);
}

/* ======================================================================= refcounts */

typedef struct {
    char buf[16384];
    size_t n;
} Out;

static Out out, errout;

static void out_write(void *ctx, const char *s, size_t n) {
    Out *o = ctx;
    if (o->n + n >= sizeof o->buf) n = sizeof o->buf - 1 - o->n;
    memcpy(o->buf + o->n, s, n);
    o->n += n;
    o->buf[o->n] = 0;
}

/* Runs src as __main__; stdout in out.buf, stderr (tracebacks) in errout.buf. */
static int run(const char *src) {
    out.n = errout.n = 0;
    out.buf[0] = errout.buf[0] = 0;
    vm->write_out = out_write;
    vm->write_ctx = &out;
    vm->write_err = out_write;
    vm->err_ctx = &errout;
    Writer w = {out_write, &errout};
    return vm_run_main(vm, "test.py", src, strlen(src), w);
}

static void check_run(const char *src, const char *expected) {
    int rc = run(src);
    cr_assert_eq(rc, 0, "exit %d, stderr:\n%s", rc, errout.buf);
    cr_assert_str_eq(out.buf, expected, "program:\n%s\ngot:\n%s\nexpected:\n%s", src, out.buf,
                     expected);
}

TestSuite(refcount, .init = setup, .fini = teardown);

Test(refcount, getrefcount_counts_its_own_argument) {
    check_run("import sys\n"
              "a = []\n"
              "print(sys.getrefcount(a))\n"
              "b = a\n"
              "print(sys.getrefcount(a))\n"
              "del b\n"
              "print(sys.getrefcount(a))\n"
              "print(sys.getrefcount([]))\n",
              "2\n3\n2\n1\n");
}

Test(refcount, a_call_moves_the_argument_into_the_callee_frame) {
    check_run("import sys\n"
              "a = []\n"
              "def f(x):\n"
              "    return sys.getrefcount(x)\n"
              "def g(x):\n"
              "    y = x\n"
              "    return sys.getrefcount(x)\n"
              "print(f(a), g(a))\n"
              "print(sys.getrefcount(a))\n",
              "3 4\n2\n");
}

Test(refcount, a_for_loop_holds_the_list_through_its_iterator) {
    check_run("import sys\n"
              "L = [object()]\n"
              "for x in L:\n"
              "    print(sys.getrefcount(L), sys.getrefcount(x))\n"
              "def f():\n"
              "    M = [object()]\n"
              "    for y in M:\n"
              "        print(sys.getrefcount(M), sys.getrefcount(y))\n"
              "f()\n"
              "print(sys.getrefcount(L))\n",
              "3 3\n3 3\n2\n");
}

Test(refcount, load_method_creates_no_bound_method) {
    check_run("import sys\n"
              "class M:\n"
              "    def meth(self):\n"
              "        return sys.getrefcount(self)\n"
              "m = M()\n"
              "print(m.meth(), M.meth(m))\n",
              "3 3\n");
}

Test(refcount, main_constants_carry_one_extra_reference) {
    check_run("import sys\n"
              "x = 300\n"
              "print(sys.getrefcount(x))\n"
              "def h():\n"
              "    v = 4567\n"
              "    return sys.getrefcount(v)\n"
              "print(h())\n"
              "print(sys.getrefcount('zq_unique_literal_y'))\n"
              "print(sys.getrefcount(float('1.5')))\n",
              "4\n4\n3\n1\n");
}

Test(refcount, instances_of_a_class_reference_the_class) {
    check_run("import sys\n"
              "class P:\n"
              "    pass\n"
              "print(sys.getrefcount(P))\n"
              "ps = [P() for i in range(10)]\n"
              "print(sys.getrefcount(P))\n"
              "del ps\n"
              "print(sys.getrefcount(P))\n",
              "5\n15\n5\n");
}

Test(refcount, a_traceback_keeps_the_frame_locals_alive) {
    check_run("import sys\n"
              "class A:\n"
              "    pass\n"
              "a = A()\n"
              "def f(x):\n"
              "    y = x\n"
              "    1 / 0\n"
              "try:\n"
              "    f(a)\n"
              "except ZeroDivisionError as e:\n"
              "    print(sys.getrefcount(a))\n"
              "print(sys.getrefcount(a))\n"
              "err = None\n"
              "try:\n"
              "    f(a)\n"
              "except ZeroDivisionError as e:\n"
              "    err = e\n"
              "print(sys.getrefcount(a))\n"
              "err = None\n"
              "print(sys.getrefcount(a))\n",
              "4\n2\n4\n2\n");
}

Test(refcount, container_slots_own_their_references) {
    size_t live0 = vm->live_objects;
    Obj *s = str_from_cstr(vm, "hello world");
    cr_assert_eq(s->refcnt, 1);
    Obj *l = list_new(vm, 0);
    cr_assert_eq(list_append(vm, l, s), 0);
    cr_assert_eq(s->refcnt, 2);
    Obj *d = dict_new(vm);
    Obj *k = str_from_cstr(vm, "key");
    cr_assert_eq(dict_set(vm, d, k, s), 0);
    cr_assert_eq(s->refcnt, 3);
    cr_assert_eq(k->refcnt, 2);
    Obj *t = tuple_pack(vm, 2, s, s);
    cr_assert_eq(s->refcnt, 5);
    cr_assert_eq(vm->live_objects, live0 + 5, "str, list, dict, key, tuple");
    DECREF(vm, t);
    cr_assert_eq(s->refcnt, 3);
    DECREF(vm, l);
    cr_assert_eq(s->refcnt, 2);
    DECREF(vm, k);
    cr_assert_eq(k->refcnt, 1, "the dict still holds the key");
    DECREF(vm, d);
    cr_assert_eq(s->refcnt, 1);
    cr_assert_eq(vm->live_objects, live0 + 1);
    DECREF(vm, s);
    cr_assert_eq(vm->live_objects, live0);
}

typedef struct {
    uint32_t uids[64];
    int n;
} Freed;

static void record_frees(Vm *v, const Event *ev, void *ctx) {
    (void)v;
    Freed *f = ctx;
    if (ev->kind == EV_FREE && f->n < 64) f->uids[f->n++] = ev->o->uid;
}

Test(refcount, decref_to_zero_frees_a_list_and_then_its_items_last_to_first) {
    Obj *l = list_new(vm, 0);
    uint32_t item_uid[3];
    for (int i = 0; i < 3; i++) {
        Obj *v = int_from_i64(vm, 1000 + i);
        item_uid[i] = v->uid;
        list_append(vm, l, v);
        DECREF(vm, v);
        cr_assert_eq(v->refcnt, 1, "the list holds the only reference");
    }
    size_t live = vm->live_objects;
    Freed fr = {{0}, 0};
    vm->hook = record_frees;
    vm->hook_ctx = &fr;
    DECREF(vm, l);
    vm->hook = NULL;
    cr_assert_eq(vm->live_objects, live - 4);
    cr_assert_eq(fr.n, 4);
    /* _list_clear: items are decref'd from the last to the first, then the list goes */
    cr_assert_eq(fr.uids[0], item_uid[2]);
    cr_assert_eq(fr.uids[1], item_uid[1]);
    cr_assert_eq(fr.uids[2], item_uid[0]);
}

Test(refcount, freeing_a_container_cascades_through_nested_containers) {
    size_t live0 = vm->live_objects;
    Obj *d = dict_new(vm);
    Obj *inner = list_new(vm, 0);
    Obj *v = str_from_cstr(vm, "a value");
    list_append(vm, inner, v);
    DECREF(vm, v);
    dict_set_cstr(vm, d, "items", inner);
    DECREF(vm, inner);
    cr_assert_gt(vm->live_objects, live0 + 2);
    DECREF(vm, d);
    cr_assert_eq(vm->live_objects, live0, "dict, key, list and str are all gone");
}

/* A broken invariant panics (obj_dealloc aborts) rather than freeing a static object. */
Test(refcount, dropping_a_static_object_to_zero_aborts, .signal = SIGABRT) {
    cr_redirect_stderr(); /* the expected "memviz: refcount error" line */
    static Obj fake;
    obj_init_static(&fake, &ListType, 1);
    DECREF(vm, &fake);
}

/* ======================================================================= sizes */

TestSuite(sizes, .init = setup, .fini = teardown);

static ssize_t list_cap(Obj *l) {
    return ((ssize_t)obj_sizeof(vm, l) - 56) / 8;
}

Test(sizes, list_capacity_follows_list_resize_while_appending) {
    static const ssize_t expected[] = {0, 4, 8, 16, 24, 32, 40, 52, 64, 76};
    ssize_t seen[16];
    int nseen = 0;
    Obj *l = list_new(vm, 0);
    cr_assert_eq(obj_sizeof(vm, l), 56, "[] is 40 + 16 GC header");
    seen[nseen++] = list_cap(l);
    for (int i = 0; i < 76; i++) {
        cr_assert_eq(list_append(vm, l, Py_None), 0);
        ssize_t c = list_cap(l);
        if (c != seen[nseen - 1]) seen[nseen++] = c;
        cr_assert_eq(((List *)l)->cap, c, "obj_sizeof and the List capacity agree");
    }
    cr_assert_eq(nseen, 10);
    for (int i = 0; i < nseen; i++)
        cr_assert_eq(seen[i], expected[i], "capacity #%d: %zd, expected %zd", i, seen[i],
                     expected[i]);
    cr_assert_eq(obj_sizeof(vm, l), 56 + 8 * 76);
    DECREF(vm, l);
}

Test(sizes, list_capacity_shrinks_where_cpythons_does_when_popping) {
    /* cpython311.md 1b: popping shrinks at len -> cap 37->44, 21->28, 13->20, 9->16, 7->12,
     * 5->8, 1->4, 0->0 (from a capacity of 76) */
    static const ssize_t expected[][2] = {{37, 44}, {21, 28}, {13, 20}, {9, 16},
                                          {7, 12},  {5, 8},   {1, 4},   {0, 0}};
    Obj *l = list_new(vm, 0);
    for (int i = 0; i < 76; i++)
        list_append(vm, l, Py_None);
    cr_assert_eq(list_cap(l), 76);
    ssize_t got[16][2];
    int n = 0;
    ssize_t cap = 76;
    for (ssize_t len = 75; len >= 0; len--) {
        DECREF(vm, LIST_ITEM(l, len));
        cr_assert_eq(list_resize(vm, l, len), 0);
        if (list_cap(l) != cap && n < 16) {
            cap = list_cap(l);
            got[n][0] = len;
            got[n][1] = cap;
            n++;
        }
    }
    cr_assert_eq(n, 8);
    for (int i = 0; i < n; i++)
        cr_assert(got[i][0] == expected[i][0] && got[i][1] == expected[i][1],
                  "shrink #%d: %zd->%zd, expected %zd->%zd", i, got[i][0], got[i][1],
                  expected[i][0], expected[i][1]);
    DECREF(vm, l);
}

Test(sizes, list_resize_jumps_to_the_exact_size_rounded_to_4) {
    Obj *l = list_new(vm, 0);
    cr_assert_eq(list_resize(vm, l, 10), 0);
    for (int i = 0; i < 10; i++)
        LIST_ITEM(l, i) = obj_newref(Py_None);
    /* 10 - 0 > 16 - 10: new_allocated = (10 + 3) & ~3 */
    cr_assert_eq(list_cap(l), 12);
    DECREF(vm, l);
}

Test(sizes, extending_an_empty_list_preallocates_an_even_capacity) {
    Obj *three = tuple_pack(vm, 3, Py_None, Py_None, Py_None);
    Obj *l = list_new(vm, 0);
    cr_assert_eq(list_extend(vm, l, three), 0);
    cr_assert_eq(obj_sizeof(vm, l), 88, "[1,2,3] / list(range(3)) is 88 (capacity 4)");
    cr_assert_eq(list_extend(vm, l, three), 0);
    cr_assert_eq(list_cap(l), 12,
                 "extending a non-empty list goes through list_resize(6): (6 + 0 + 6) & ~3");
    DECREF(vm, l);
    Obj *exact = list_new(vm, 3);
    for (int i = 0; i < 3; i++)
        LIST_ITEM(exact, i) = obj_newref(Py_None);
    cr_assert_eq(obj_sizeof(vm, exact), 80, "BUILD_LIST 3 / [None]*3 is exact");
    DECREF(vm, exact);
    DECREF(vm, three);
}

static size_t dict_size_with(int nkeys, bool str_keys) {
    Obj *d = dict_new(vm);
    for (int i = 0; i < nkeys; i++) {
        Obj *k = str_keys ? str_fromf(vm, "key%d", i) : int_from_i64(vm, i);
        cr_assert_eq(dict_set(vm, d, k, Py_None), 0);
        DECREF(vm, k);
    }
    size_t n = obj_sizeof(vm, d);
    DECREF(vm, d);
    return n;
}

Test(sizes, dict_size_by_number_of_keys) {
    static const struct {
        int keys;
        size_t str, num;
    } cases[] = {{0, 64, 64},    {1, 184, 224},  {5, 184, 224},  {6, 272, 352},
                 {10, 272, 352}, {11, 464, 632}, {21, 464, 632}, {22, 832, 1168}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t s = dict_size_with(cases[i].keys, true), n = dict_size_with(cases[i].keys, false);
        cr_assert_eq(s, cases[i].str, "%d str keys: %zu, expected %zu", cases[i].keys, s,
                     cases[i].str);
        cr_assert_eq(n, cases[i].num, "%d int keys: %zu, expected %zu", cases[i].keys, n,
                     cases[i].num);
    }
}

Test(sizes, set_size_by_number_of_elements) {
    static const struct {
        int n;
        size_t size;
    } cases[] = {{0, 216}, {4, 216}, {5, 728}, {18, 728}, {19, 2264}, {23, 2264}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Obj *s = set_new(vm, &SetType, NULL);
        for (int j = 0; j < cases[i].n; j++) {
            Obj *k = int_from_i64(vm, j);
            cr_assert_eq(set_add(vm, s, k), 0);
            DECREF(vm, k);
        }
        cr_assert_eq(obj_sizeof(vm, s), cases[i].size, "%d elements: %zu, expected %zu", cases[i].n,
                     obj_sizeof(vm, s), cases[i].size);
        DECREF(vm, s);
    }
}

Test(sizes, tuple_is_40_plus_8_per_item) {
    for (int n = 0; n <= 5; n++) {
        Obj *t = tuple_new(vm, n);
        for (int i = 0; i < n; i++)
            TUPLE_ITEM(t, i) = obj_newref(Py_None);
        cr_assert_eq(obj_sizeof(vm, t), 40 + 8 * (size_t)n, "len %d", n);
        DECREF(vm, t);
    }
}

Test(sizes, str_size_follows_pep_393) {
    static const struct {
        const char *utf8;
        size_t size;
    } cases[] = {{"", 49},
                 {"a", 50},
                 {"hello", 54},
                 {"\xc3\xa9", 74},
                 {"\xe2\x82\xac", 76},
                 {"\xf0\x9f\x98\x80", 80}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Obj *s = str_new(vm, cases[i].utf8, strlen(cases[i].utf8));
        cr_assert_eq(obj_sizeof(vm, s), cases[i].size, "'%s': %zu, expected %zu", cases[i].utf8,
                     obj_sizeof(vm, s), cases[i].size);
        DECREF(vm, s);
    }
    char hundred[101];
    memset(hundred, 'x', 100);
    hundred[100] = 0;
    Obj *s = str_from_cstr(vm, hundred);
    cr_assert_eq(obj_sizeof(vm, s), 149);
    DECREF(vm, s);
}

Test(sizes, int_and_float_sizes) {
    static const struct {
        const char *dec;
        size_t size;
    } cases[] = {{"0", 28},
                 {"1073741823", 28},
                 {"1073741824", 32},
                 {"1152921504606846976", 36},
                 {"1267650600228229401496703205376", 40}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Obj *v = int_from_str(vm, cases[i].dec, strlen(cases[i].dec), 10);
        cr_assert_not_null(v);
        cr_assert_eq(obj_sizeof(vm, v), cases[i].size, "%s", cases[i].dec);
        DECREF(vm, v);
    }
    Obj *f = float_new(vm, 1.5);
    cr_assert_eq(obj_sizeof(vm, f), 24);
    DECREF(vm, f);
}

Test(sizes, instances_and_functions_as_getsizeof_reports_them) {
    check_run("import sys\n"
              "class N:\n"
              "    def __init__(self):\n"
              "        self.a = 1\n"
              "        self.b = 2\n"
              "def f():\n"
              "    pass\n"
              "n = N()\n"
              "print(sys.getsizeof(n), sys.getsizeof(f), sys.getsizeof(N.__init__))\n",
              "56 152 152\n");
}

/* ======================================================================= collector */

TestSuite(gc, .init = setup, .fini = teardown);

static bool in_list(Obj *head, Obj *o) {
    for (Obj *p = head->gc_next; p != head; p = p->gc_next)
        if (p == o) return true;
    return false;
}

Test(gc, track_and_untrack_move_an_object_in_and_out_of_generation_0) {
    Obj *l = list_new(vm, 0);
    Obj *g0 = &vm->gc.gen[0].head;
    cr_assert(gc_is_tracked(l), "lists are tracked when created");
    cr_assert(in_list(g0, l));
    cr_assert_eq(g0->gc_prev, l, "appended at the tail");
    gc_untrack(vm, l);
    cr_assert_not(gc_is_tracked(l));
    cr_assert_not(in_list(g0, l));
    gc_untrack(vm, l); /* idempotent */
    gc_track(vm, l);
    cr_assert(in_list(g0, l));
    cr_assert_eq(l->gen, 0);
    gc_track(vm, l); /* idempotent: still linked once */
    int count = 0;
    for (Obj *p = g0->gc_next; p != g0; p = p->gc_next)
        count += p == l;
    cr_assert_eq(count, 1);
    DECREF(vm, l);
}

Test(gc, collect_frees_a_self_referencing_list) {
    gc_collect(vm, 2);
    Obj *l = list_new(vm, 0);
    list_append(vm, l, l);
    cr_assert_eq(l->refcnt, 2);
    size_t live = vm->live_objects;
    DECREF(vm, l);
    cr_assert_eq(vm->live_objects, live, "refcounting alone cannot free a cycle");
    ssize_t runs = vm->gc.stat_collections[0];
    cr_assert_eq(gc_collect(vm, 0), 1);
    cr_assert_eq(vm->live_objects, live - 1);
    cr_assert_eq(vm->gc.stat_collections[0], runs + 1);
}

Test(gc, collect_counts_every_object_of_a_cycle) {
    Obj *a = list_new(vm, 0), *b = list_new(vm, 0), *c = list_new(vm, 0);
    list_append(vm, a, b);
    list_append(vm, b, c);
    list_append(vm, c, a);
    size_t live = vm->live_objects;
    DECREF(vm, a);
    DECREF(vm, b);
    DECREF(vm, c);
    cr_assert_eq(gc_collect(vm, 2), 3);
    cr_assert_eq(vm->live_objects, live - 3);
}

Test(gc, a_referenced_cycle_survives_and_is_promoted) {
    Obj *l = list_new(vm, 0);
    list_append(vm, l, l);
    cr_assert_eq(gc_collect(vm, 0), 0, "l is referenced from outside generation 0 (by us)");
    cr_assert_eq(l->gen, 1);
    cr_assert(in_list(&vm->gc.gen[1].head, l));
    cr_assert_not(in_list(&vm->gc.gen[0].head, l));
    cr_assert_eq(l->flags & (OBJ_F_COLLECTING | OBJ_F_UNREACHABLE), 0,
                 "no collector flags left behind");
    cr_assert_eq(gc_collect(vm, 1), 0);
    cr_assert_eq(l->gen, 2);
    cr_assert(in_list(&vm->gc.gen[2].head, l));
    DECREF(vm, l);
    /* garbage in generation 2 is only found by a full collection */
    cr_assert_eq(gc_collect(vm, 0), 0);
    cr_assert_eq(gc_collect(vm, 1), 0);
    cr_assert_eq(gc_collect(vm, 2), 1);
}

Test(gc, collecting_a_generation_updates_the_counts) {
    gc_collect(vm, 2);
    cr_assert_eq(vm->gc.gen[0].count, 0);
    cr_assert_eq(vm->gc.gen[1].count, 0);
    cr_assert_eq(vm->gc.gen[2].count, 0);
    Obj *s = set_new(vm, &SetType, NULL);
    cr_assert_eq(vm->gc.gen[0].count, 1);
    gc_collect(vm, 0);
    cr_assert_eq(vm->gc.gen[0].count, 0);
    cr_assert_eq(vm->gc.gen[1].count, 1, "collect(0): (n,0,0) -> (0,1,0)");
    gc_collect(vm, 1);
    cr_assert_eq(vm->gc.gen[1].count, 0);
    cr_assert_eq(vm->gc.gen[2].count, 1, "collect(1): (0,1,0) -> (0,0,1)");
    gc_collect(vm, 2);
    cr_assert_eq(vm->gc.gen[2].count, 0);
    DECREF(vm, s);
}

Test(gc, count0_counts_gc_allocations_but_not_free_list_reuse) {
    gc_collect(vm, 2); /* empties the free lists and the counts */
    cr_assert_eq(vm->nlist_free, 0);
    int c0 = vm->gc.gen[0].count;
    Obj *l = list_new(vm, 0);
    cr_assert_eq(vm->gc.gen[0].count, c0 + 1, "a new list (free list empty): +1");
    DECREF(vm, l);
    cr_assert_eq(vm->nlist_free, 1);
    cr_assert_eq(vm->gc.gen[0].count, c0 + 1, "a list going to the free list: 0");
    l = list_new(vm, 0);
    cr_assert_eq(vm->gc.gen[0].count, c0 + 1, "a list from the free list: 0");
    DECREF(vm, l);
    Obj *s = str_from_cstr(vm, "not a gc type");
    Obj *f = float_new(vm, 2.5);
    cr_assert_eq(vm->gc.gen[0].count, c0 + 1, "str and float are not GC types");
    DECREF(vm, s);
    DECREF(vm, f);
    Obj *st = set_new(vm, &SetType, NULL);
    cr_assert_eq(vm->gc.gen[0].count, c0 + 2);
    DECREF(vm, st);
    cr_assert_eq(vm->gc.gen[0].count, c0 + 1, "a set is really freed (no set free list): -1");
}

Test(gc, crossing_threshold0_runs_an_automatic_collection) {
    gc_collect(vm, 2);
    vm->gc.gen[0].threshold = 5;
    ssize_t runs = vm->gc.stat_collections[0];
    Obj *keep[6];
    for (int i = 0; i < 5; i++)
        keep[i] = set_new(vm, &SetType, NULL);
    cr_assert_eq(vm->gc.gen[0].count, 5);
    cr_assert_eq(vm->gc.stat_collections[0], runs, "count == threshold: no collection yet");
    keep[5] = set_new(vm, &SetType, NULL);
    cr_assert_eq(vm->gc.stat_collections[0], runs + 1, "count > threshold: collection");
    cr_assert_eq(vm->gc.gen[0].count, 0, "the triggering allocation is not counted afterwards");
    cr_assert_eq(vm->gc.gen[1].count, 1);
    cr_assert_eq(keep[0]->gen, 1, "survivors were promoted");
    cr_assert_eq(keep[5]->gen, 0, "the new object was allocated after the collection");
    for (int i = 0; i < 6; i++)
        DECREF(vm, keep[i]);
}

Test(gc, no_automatic_collection_while_disabled) {
    gc_collect(vm, 2);
    vm->gc.gen[0].threshold = 3;
    vm->gc.enabled = 0;
    ssize_t runs = vm->gc.stat_collections[0];
    Obj *keep[10];
    for (int i = 0; i < 10; i++)
        keep[i] = set_new(vm, &SetType, NULL);
    cr_assert_eq(vm->gc.stat_collections[0], runs);
    cr_assert_eq(vm->gc.gen[0].count, 10);
    for (int i = 0; i < 10; i++)
        DECREF(vm, keep[i]);
}

Test(gc, tuples_of_untracked_items_are_untracked_by_a_collection) {
    Obj *a = int_from_i64(vm, 1000), *b = int_from_i64(vm, 1001);
    Obj *t = tuple_pack(vm, 2, a, b);
    Obj *l = list_new(vm, 0);
    Obj *tl = tuple_pack(vm, 1, l);
    cr_assert(gc_is_tracked(t), "a new tuple is tracked");
    gc_collect(vm, 0);
    cr_assert_not(gc_is_tracked(t), "untrack_tuples: nothing trackable inside");
    cr_assert(gc_is_tracked(tl), "a tuple holding a list stays tracked");
    DECREF(vm, t);
    DECREF(vm, tl);
    DECREF(vm, l);
    DECREF(vm, a);
    DECREF(vm, b);
}

Test(gc, dicts_start_untracked_and_only_a_full_collection_untracks_them) {
    Obj *d = dict_new(vm);
    cr_assert_not(gc_is_tracked(d), "{} starts untracked");
    Obj *k = str_from_cstr(vm, "k");
    dict_set(vm, d, k, Py_None);
    cr_assert_not(gc_is_tracked(d), "atomic values keep it untracked");
    Obj *l = list_new(vm, 0);
    Obj *k2 = str_from_cstr(vm, "l");
    dict_set(vm, d, k2, l);
    cr_assert(gc_is_tracked(d), "a list value tracks the dict");
    dict_del(vm, d, k2);
    cr_assert(gc_is_tracked(d));
    gc_collect(vm, 0);
    gc_collect(vm, 1);
    cr_assert(gc_is_tracked(d), "collect(0) and collect(1) leave it tracked");
    gc_collect(vm, 2);
    cr_assert_not(gc_is_tracked(d), "untrack_dicts runs on full collections");
    DECREF(vm, l);
    DECREF(vm, k);
    DECREF(vm, k2);
    DECREF(vm, d);
}

typedef struct {
    long phases[64];
    int n;
} Phases;

static void record_phases(Vm *v, const Event *ev, void *ctx) {
    (void)v;
    Phases *p = ctx;
    if (ev->kind == EV_GC && p->n < 64) p->phases[p->n++] = ev->a;
}

Test(gc, a_collection_emits_its_phases_in_cpythons_order) {
    Obj *l = list_new(vm, 0);
    list_append(vm, l, l);
    DECREF(vm, l);
    Phases p = {{0}, 0};
    vm->hook = record_phases;
    vm->hook_ctx = &p;
    ssize_t r = gc_collect(vm, 0);
    vm->hook = NULL;
    cr_assert_eq(r, 1);
    static const long expected[] = {
        GC_PHASE_START, GC_PHASE_MERGE, GC_PHASE_UPDATE_REFS, GC_PHASE_SUBTRACT_REFS,
        GC_PHASE_MOVE_UNREACHABLE, GC_PHASE_PROMOTE, GC_PHASE_WEAKREFS, GC_PHASE_FINALIZE,
        /* handle_resurrected_objects runs deduce_unreachable again */
        GC_PHASE_UPDATE_REFS, GC_PHASE_SUBTRACT_REFS, GC_PHASE_MOVE_UNREACHABLE, GC_PHASE_RESURRECT,
        GC_PHASE_DELETE, GC_PHASE_DONE};
    int n = (int)(sizeof expected / sizeof expected[0]);
    cr_assert_eq(p.n, n, "%d phase events, expected %d", p.n, n);
    for (int i = 0; i < n; i++)
        cr_assert_eq(p.phases[i], expected[i], "phase #%d: %ld, expected %ld", i, p.phases[i],
                     expected[i]);
}

Test(gc, collect_results_for_python_programs) {
    check_run("import gc\n"
              "class Node:\n"
              "    def __init__(self, v):\n"
              "        self.value = v\n"
              "        self.next = None\n"
              "gc.collect()\n"
              "gc.disable()\n"
              "a = Node(1); b = Node(2); a.next = b; b.next = a\n"
              "del a, b\n"
              "print(gc.collect())\n"
              "a = Node(1); b = Node(2); a.next = b; b.next = a\n"
              "vars(a); vars(b)\n"
              "del a, b\n"
              "print(gc.collect())\n"
              "x = Node(1); y = Node(2); x.next = y; y.next = x\n"
              "gc.collect(0)\n"
              "del x, y\n"
              "print(gc.collect(0), gc.collect(1), gc.get_count())\n"
              "a = Node(1); a.next = Node(2)\n"
              "del a\n"
              "print(gc.collect())\n",
              "2\n4\n0 2 (0, 0, 1)\n0\n");
}

Test(gc, finalizers_run_once_and_resurrection_is_detected) {
    check_run("import gc\n"
              "saved = []\n"
              "class R:\n"
              "    def __del__(self):\n"
              "        print('del', self.name)\n"
              "        saved.append(self)\n"
              "gc.disable()\n"
              "a = R(); a.name = 'a'; a.me = a\n"
              "del a\n"
              "print(gc.collect())\n"
              "saved.clear()\n"
              "print(gc.collect())\n",
              "del a\n0\n1\n");
}

Test(gc, weakref_module_from_python_source_clears_dead_entries) {
    check_run("import weakref, gc\n"
              "class T:\n"
              "    pass\n"
              "d = weakref.WeakValueDictionary()\n"
              "t = T()\n"
              "d['x'] = t\n"
              "print(len(d), 'x' in d)\n"
              "def cb(r):\n"
              "    print('callback', r() is None)\n"
              "r = weakref.ref(t, cb)\n"
              "del t\n"
              "print(len(d), 'x' in d, r())\n",
              "1 True\ncallback True\n0 False None\n");
}

/* ======================================================================= limits, errors */

TestSuite(limits, .init = setup, .fini = teardown);

Test(limits, the_step_cap_stops_an_infinite_loop) {
    vm->limits.max_steps = 50;
    int rc = run("print('start')\ni = 0\nwhile True:\n    i += 1\n");
    cr_assert_eq(rc, 3, "a limit stop is status 3");
    cr_assert(vm->stopped);
    cr_assert_str_eq(out.buf, "start\n", "output up to the stop is kept");
    cr_assert(strstr(errout.buf, "stopped after") != NULL, "stderr: %s", errout.buf);
}

Test(limits, unbounded_recursion_raises_recursion_error) {
    int rc = run("def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    "
                 "print(e)\n"
                 "import sys\nprint(sys.getrecursionlimit())\n");
    cr_assert_eq(rc, 0, "stderr: %s", errout.buf);
    cr_assert_str_eq(out.buf, "maximum recursion depth exceeded\n1000\n");
    cr_assert_eq(vm->depth, 0, "every frame was popped");
}

Test(limits, the_heap_cap_raises_memory_error) {
    vm->limits.max_heap = vm->alloc.block_bytes + vm->alloc.malloc_bytes + 1000000;
    int rc = run("try:\n    x = [0] * 10000000\nexcept MemoryError:\n    "
                 "print('MemoryError')\nprint('after')\n");
    cr_assert_eq(rc, 0, "stderr: %s", errout.buf);
    cr_assert_str_eq(out.buf, "MemoryError\nafter\n");
}

Test(limits, an_uncaught_exception_is_status_1_with_a_cpython_traceback) {
    int rc = run("def g():\n    pritn('x')\ng()\n");
    cr_assert_eq(rc, 1);
    /* (3.11 also prints PEP 657 carets under `pritn`; they are not compared here) */
    const char *head = "Traceback (most recent call last):\n"
                       "  File \"test.py\", line 3, in <module>\n"
                       "    g()\n"
                       "  File \"test.py\", line 2, in g\n"
                       "    pritn('x')\n";
    const char *last = "NameError: name 'pritn' is not defined. Did you mean: 'print'?\n";
    cr_assert(strncmp(errout.buf, head, strlen(head)) == 0, "stderr:\n%s", errout.buf);
    size_t n = strlen(errout.buf), m = strlen(last);
    cr_assert(n >= m && strcmp(errout.buf + n - m, last) == 0, "stderr:\n%s", errout.buf);
}

Test(limits, a_syntax_error_is_status_2) {
    int rc = run("x = 1\nreturn x\n");
    cr_assert_eq(rc, 2);
    cr_assert(strstr(errout.buf, "  File \"test.py\", line 2\n") != NULL, "%s", errout.buf);
    cr_assert(strstr(errout.buf, "SyntaxError: 'return' outside function\n") != NULL, "%s",
              errout.buf);
}

/* CPython's traceback printer collapses a frame repeated more than 3 times into
 * "  [Previous line repeated 996 more times]" (14 lines for an uncaught RecursionError);
 * vm_format_exception() prints every one of the ~1000 entries (2002 lines). Only stderr's
 * body differs: the last line, which the conformance suite compares, is the same. */
Test(limits, a_deep_traceback_collapses_repeated_frames) {
    int rc = run("def f(n):\n    return f(n + 1)\nf(0)\n");
    cr_assert_eq(rc, 1);
    cr_assert(strstr(errout.buf, "[Previous line repeated 996 more times]") != NULL);
}
