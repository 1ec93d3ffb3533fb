/*
 * test_dict.c - dict, dict views, set and frozenset against numbers measured with CPython
 * 3.11.7 (cpython311.md 1c and the scripts quoted next to each test).
 */
#include <criterion/criterion.h>

#include "heap/lang/ast.h"
#include "heap/types/types.h"

#include <string.h>

/* Additions to the dict/set API not yet declared in types.h. */
Obj *dict_new_split(Vm *vm, Type *cls);
Obj *dict_from_items(Vm *vm, Obj **keys, ssize_t kstride, Obj **values, ssize_t vstride, ssize_t n);
Obj *dict_fromkeys(Vm *vm, Obj *iterable, Obj *value);
int dict_contains(Vm *vm, Obj *d, Obj *key);
void dict_clear(Vm *vm, Obj *d);
Obj *set_richcompare(Vm *vm, Obj *a, Obj *b, int op);
Obj *set_inplace(Vm *vm, Obj *a, Obj *b, int op);
int64_t set_hash(Obj *s);
int set_update(Vm *vm, Obj *s, Obj *iterable);

static Vm *vm;

static void setup(void) {
    vm = vm_new();
}
static void teardown(void) {
    vm_free(vm);
}

TestSuite(dict, .init = setup, .fini = teardown);
TestSuite(set, .init = setup, .fini = teardown);

static size_t G(Obj *o) {
    return obj_sizeof(vm, o);
}
static Obj *I(int64_t v) {
    return int_from_i64(vm, v);
}
static Obj *S(const char *s) {
    return str_from_cstr(vm, s);
}
static Obj *Sf(const char *fmt, long v) {
    return str_fromf(vm, fmt, v);
}

/* d[k] = v, stealing k and v */
static void put(Obj *d, Obj *k, Obj *v) {
    cr_assert_eq(dict_set(vm, d, k, v), 0);
    DECREF(vm, k);
    DECREF(vm, v);
}

static void del(Obj *d, Obj *k) {
    cr_assert_eq(dict_del(vm, d, k), 0);
    DECREF(vm, k);
}

/* calls a builtin method by name: NEW result or NULL */
static Obj *call(Obj *self, const char *name, Obj **args, int nargs) {
    for (const MethodDef *m = TYPE(self)->methods; m && m->name; m++)
        if (!strcmp(m->name, name)) return m->fn(vm, self, args, nargs, NULL);
    cr_assert_fail("no method %s", name);
    return NULL;
}

static void assert_repr(Obj *o, const char *expected) {
    Obj *r = obj_repr(vm, o);
    cr_assert_not_null(r);
    cr_assert_str_eq(str_cstr(r), expected);
    DECREF(vm, r);
}

/* the breakpoints of getsizeof while inserting 0..2000 keys, measured with python3 3.11.7:
 * d = {}; for n in range(2001): print(sys.getsizeof(d)); d[key(n)] = n */
typedef struct {
    int from;
    size_t size;
} Step;
static const Step str_steps[] = {{0, 64},      {1, 184},     {6, 272},      {11, 464},
                                 {22, 832},    {43, 1584},   {86, 3328},    {171, 6576},
                                 {342, 13056}, {683, 26032}, {1366, 51968}, {2001, 0}};
static const Step int_steps[] = {{0, 64},      {1, 224},     {6, 352},      {11, 632},
                                 {22, 1168},   {43, 2264},   {86, 4688},    {171, 9304},
                                 {342, 18512}, {683, 36952}, {1366, 73808}, {2001, 0}};
static const Step set_steps[] = {{0, 216},     {5, 728},       {19, 2264}, {77, 8408},
                                 {307, 32984}, {1229, 131288}, {2001, 0}};

static size_t expected(const Step *steps, int n) {
    size_t s = 0;
    for (int i = 0; steps[i].from <= n && steps[i].size; i++)
        s = steps[i].size;
    return s;
}

Test(dict, growth_of_str_and_int_keys_matches_cpython) {
    Obj *ds = dict_new(vm), *di = dict_new(vm);
    for (int n = 0; n <= 2000; n++) {
        cr_assert_eq(G(ds), expected(str_steps, n), "str keys, n=%d: %zu", n, G(ds));
        cr_assert_eq(G(di), expected(int_steps, n), "int keys, n=%d: %zu", n, G(di));
        put(ds, Sf("k%ld", n), I(n));
        put(di, I(n), I(n));
    }
    DECREF(vm, ds);
    DECREF(vm, di);
}

Test(dict, deletions_never_shrink_and_clear_returns_to_64) {
    Obj *d = dict_new(vm);
    for (int i = 0; i < 1000; i++)
        put(d, I(i), I(i));
    for (int i = 0; i < 999; i++)
        del(d, I(i));
    cr_assert_eq(G(d), 36952);
    Obj *c = dict_copy(vm, d); /* 1 live of 1000 entries: merged into a fresh table */
    cr_assert_eq(G(c), 352);
    DECREF(vm, c);
    dict_clear(vm, d);
    cr_assert_eq(G(d), 64);
    cr_assert_eq(DICT_LEN(d), 0);
    DECREF(vm, d);

    d = dict_new(vm);
    for (int i = 0; i < 10; i++)
        put(d, Sf("s%ld", i), I(i));
    for (int i = 0; i < 4; i++)
        del(d, Sf("s%ld", i));
    c = dict_copy(vm, d); /* 6 survivors of 10 entries: cloned */
    Obj *m = dict_new(vm);
    cr_assert_eq(dict_update(vm, m, d), 0);
    cr_assert_eq(G(d), 272);
    cr_assert_eq(G(c), 272);
    cr_assert_eq(G(m), 272);
    for (int i = 4; i < 10; i++)
        del(d, Sf("s%ld", i));
    cr_assert_eq(G(d), 272); /* 10 str keys, all deleted */
    DECREF(vm, c);
    DECREF(vm, m);
    DECREF(vm, d);
}

/* d = {}; for i in range(8): d['x%d' % i] = i; del d['x%d' % (i-1)]  (if i > 0) */
Test(dict, one_live_key_churn_resizes_to_16_slots) {
    Obj *d = dict_new(vm);
    size_t sizes[8];
    for (int i = 0; i < 8; i++) {
        put(d, Sf("x%ld", i), I(i));
        if (i > 0) del(d, Sf("x%ld", i - 1));
        sizes[i] = G(d);
    }
    size_t want[8] = {184, 184, 184, 184, 184, 272, 272, 272};
    for (int i = 0; i < 8; i++)
        cr_assert_eq(sizes[i], want[i], "step %d: %zu", i, sizes[i]);
    cr_assert_eq(((Dict *)d)->log2, 4);
    cr_assert_eq(((Dict *)d)->nentries, 4);
    DECREF(vm, d);
}

Test(dict, non_str_key_converts_a_unicode_table) {
    Obj *d = dict_new(vm);
    for (int i = 0; i < 5; i++)
        put(d, Sf("m%ld", i), I(i));
    cr_assert_eq(G(d), 184);
    put(d, I(7), I(7)); /* insertion_resize(used*3 = 15): 16 general slots */
    cr_assert_eq(G(d), 352);
    assert_repr(d, "{'m0': 0, 'm1': 1, 'm2': 2, 'm3': 3, 'm4': 4, 7: 7}");
    DECREF(vm, d);
}

Test(dict, literals_are_presized) {
    Obj *ks[6], *vs[6];
    for (int i = 0; i < 6; i++) {
        ks[i] = Sf("q%ld", i);
        vs[i] = I(i);
    }
    Obj *d = dict_from_items(vm, ks, 1, vs, 1, 6);
    cr_assert_eq(G(d), 272);
    Obj *one = dict_from_items(vm, ks, 1, vs, 1, 1);
    cr_assert_eq(G(one), 184);
    Obj *f = dict_fromkeys(vm, d, NULL); /* presized like d: 16 unicode slots */
    cr_assert_eq(G(f), 272);
    for (int i = 0; i < 6; i++) {
        DECREF(vm, ks[i]);
        DECREF(vm, vs[i]);
    }
    Obj *l = list_new(vm, 0);
    for (int i = 0; i < 10; i++) {
        Obj *x = I(i);
        list_append(vm, l, x);
        DECREF(vm, x);
    }
    Obj *r = dict_fromkeys(vm, l, NULL); /* dict.fromkeys(range(10)) */
    cr_assert_eq(G(r), 352);
    DECREF(vm, r);
    DECREF(vm, l);
    DECREF(vm, f);
    DECREF(vm, one);
    DECREF(vm, d);
}

Test(dict, insertion_order_and_reinsertion) {
    Obj *d = dict_new(vm);
    const char *names[] = {"zeta", "alpha", "mid", "beta"};
    for (int i = 0; i < 4; i++)
        put(d, S(names[i]), I((int64_t)strlen(names[i])));
    del(d, S("alpha"));
    put(d, S("alpha"), I(0));
    put(d, S("zeta"), I(99));
    assert_repr(d, "{'zeta': 99, 'mid': 3, 'beta': 4, 'alpha': 0}");
    DECREF(vm, d);
}

Test(dict, popitem_is_lifo_and_fails_when_empty) {
    Obj *d = dict_new(vm);
    put(d, S("a"), I(1));
    put(d, S("b"), I(2));
    Obj *t = call(d, "popitem", NULL, 0);
    assert_repr(t, "('b', 2)");
    DECREF(vm, t);
    t = call(d, "popitem", NULL, 0);
    assert_repr(t, "('a', 1)");
    DECREF(vm, t);
    cr_assert_null(call(d, "popitem", NULL, 0));
    cr_assert(vm_exc_matches(vm, &Exc_KeyError));
    vm_clear_exc(vm);
    cr_assert_eq(G(d), 184); /* popitem does not shrink either */
    DECREF(vm, d);
}

Test(dict, missing_key_and_unhashable_key_raise) {
    Obj *d = dict_new(vm);
    Obj *k = S("nope");
    cr_assert_eq(dict_del(vm, d, k), -1);
    cr_assert(vm_exc_matches(vm, &Exc_KeyError));
    vm_clear_exc(vm);
    Obj *l = list_new(vm, 0);
    cr_assert_eq(dict_set(vm, d, l, k), -1);
    cr_assert(vm_exc_matches(vm, &Exc_TypeError));
    vm_clear_exc(vm);
    DECREF(vm, l);
    DECREF(vm, k);
    DECREF(vm, d);
}

Test(dict, references_are_taken_and_released) {
    Obj *d = dict_new(vm);
    Obj *k = S("key"), *v = list_new(vm, 0);
    ssize_t kr = k->refcnt, vr = v->refcnt;
    cr_assert_eq(dict_set(vm, d, k, v), 0);
    cr_assert_eq(k->refcnt, kr + 1);
    cr_assert_eq(v->refcnt, vr + 1);
    Obj *v2 = I(5);
    cr_assert_eq(dict_set(vm, d, k, v2), 0); /* replacing keeps the first key object */
    cr_assert_eq(k->refcnt, kr + 1);
    cr_assert_eq(v->refcnt, vr);
    DECREF(vm, d);
    cr_assert_eq(k->refcnt, kr);
    DECREF(vm, v2);
    DECREF(vm, k);
    DECREF(vm, v);
}

Test(dict, gc_tracking_follows_contents) {
    Obj *d = dict_new(vm);
    cr_assert(!gc_is_tracked(d), "new dicts are untracked");
    put(d, S("a"), I(1));
    put(d, S("b"), S("x"));
    cr_assert(!gc_is_tracked(d));
    Obj *t = tuple_pack(vm, 2, vm->none, vm->none);
    tuple_maybe_untrack(vm, t);
    put(d, S("t"), t); /* an untracked tuple may not be tracked */
    cr_assert(!gc_is_tracked(d));
    put(d, S("l"), list_new(vm, 0));
    cr_assert(gc_is_tracked(d));
    del(d, S("l"));
    cr_assert(gc_is_tracked(d), "only a full collection untracks");
    dict_maybe_untrack(vm, d);
    cr_assert(!gc_is_tracked(d));
    Obj *c = dict_copy(vm, d);
    cr_assert(!gc_is_tracked(c));
    DECREF(vm, c);
    DECREF(vm, d);
}

Test(dict, free_lists_reuse_objects_and_keys) {
    Obj *d = dict_new(vm);
    put(d, S("a"), I(1));
    uint64_t addr = d->addr, keys = ((Dict *)d)->keys_addr;
    int count = vm->gc.gen[0].count;
    DECREF(vm, d);
    cr_assert_eq(vm->gc.gen[0].count, count, "freed to the free list: no GC free");
    Obj *e = dict_new(vm);
    cr_assert_eq(e->addr, addr);
    cr_assert_eq(vm->gc.gen[0].count, count);
    put(e, S("b"), I(2));
    cr_assert_eq(((Dict *)e)->keys_addr, keys, "8-slot unicode keys come from the keys free list");
    DECREF(vm, e);
    Obj *f = DictType.new_(vm, &DictType, NULL, 0, NULL); /* dict(): tp_alloc, no free list */
    cr_assert_neq(f->addr, addr);
    DECREF(vm, f);
}

Test(dict, repr_of_a_recursive_dict_and_of_views) {
    Obj *d = dict_new(vm);
    put(d, S("k"), obj_newref(d));
    assert_repr(d, "{'k': {...}}");
    Obj *ks = call(d, "keys", NULL, 0), *its = call(d, "items", NULL, 0);
    assert_repr(ks, "dict_keys(['k'])");
    assert_repr(its, "dict_items([('k', {'k': {...}})])");
    cr_assert_eq(G(ks), 40);
    cr_assert(gc_is_tracked(ks));
    DECREF(vm, ks);
    DECREF(vm, its);
    dict_clear(vm, d);
    DECREF(vm, d);
}

/* class A: def __init__(self): self.a = 1; self.b = 2; then vars() of instances */
Test(dict, split_dicts_follow_the_shared_keys) {
    static Type A = {.name = "A", .kind = OBJ_INSTANCE, .gc = true, .heap = true};
    SharedKeys *sk = calloc(1, sizeof *sk);
    sk->usable = 30;
    A.cached_keys = sk;
    Obj *a = str_intern_cstr(vm, "a"), *b = str_intern_cstr(vm, "b"), *c = str_intern_cstr(vm, "c");
    sk->cap = 8;
    sk->names = calloc(8, sizeof(Obj *));
    sk->usable--; /* the instance: init_inline_values */
    sk->names[sk->nentries++] = obj_newref(a);
    sk->names[sk->nentries++] = obj_newref(b);
    sk->usable -= 2;
    Obj *d = dict_new_split(vm, &A);
    put(d, obj_newref(a), I(1));
    put(d, obj_newref(b), I(2));
    cr_assert_eq(G(d), 296);
    del(d, obj_newref(a)); /* stays split */
    cr_assert_eq(G(d), 296);
    put(d, obj_newref(a), I(5));
    assert_repr(d, "{'b': 2, 'a': 5}");
    put(d, obj_newref(c), I(3)); /* appended to the shared keys */
    cr_assert_eq(sk->nentries, 3);
    cr_assert_eq(G(d), 296);
    Obj *copy = dict_copy(vm, d);
    cr_assert_eq(G(copy), 296);
    Obj *merged = dict_new(vm);
    cr_assert_eq(dict_update(vm, merged, d), 0);
    cr_assert_eq(G(merged), 272);
    put(d, I(1), I(2)); /* a non-str key makes it combined: 16 general slots */
    cr_assert_eq(G(d), 352);
    cr_assert_null(((Dict *)d)->split_cls);
    DECREF(vm, merged);
    DECREF(vm, copy);
    DECREF(vm, d);
    DECREF(vm, a);
    DECREF(vm, b);
    DECREF(vm, c);
}

/* ---------------------------------------------------------------- sets */

static Obj *int_list(const int *v, int n) {
    Obj *l = list_new(vm, 0);
    for (int i = 0; i < n; i++) {
        Obj *x = I(v[i]);
        list_append(vm, l, x);
        DECREF(vm, x);
    }
    return l;
}

Test(set, growth_matches_cpython) {
    Obj *s = set_new(vm, &SetType, NULL);
    cr_assert(gc_is_tracked(s), "sets are tracked from the start");
    for (int n = 0; n <= 2000; n++) {
        cr_assert_eq(G(s), expected(set_steps, n), "n=%d: %zu", n, G(s));
        Obj *k = I(n * 7 % 3001);
        cr_assert_eq(set_add(vm, s, k), 0);
        DECREF(vm, k);
    }
    DECREF(vm, s);
    Obj *f = set_new(vm, &FrozenSetType, NULL);
    Obj *f2 = set_new(vm, &FrozenSetType, NULL);
    cr_assert_eq(G(f), 216);
    cr_assert_neq(f, f2, "frozenset() is not a singleton");
    DECREF(vm, f);
    DECREF(vm, f2);
}

Test(set, iteration_follows_the_table) {
    int v[] = {100, 8, 16, 3, 64};
    Obj *l = int_list(v, 5);
    Obj *s = set_new(vm, &SetType, l); /* set([100, 8, 16, 3, 64]) */
    assert_repr(s, "{64, 3, 100, 8, 16}");
    cr_assert_eq(G(s), 728);
    /* the literal {100, 8, 16, 3, 64}: BUILD_SET 0; SET_UPDATE of a frozenset constant that
     * the compiler built twice (merge_consts_recursive) */
    Obj *f1 = set_new(vm, &FrozenSetType, l);
    Obj *t = obj_to_list(vm, f1);
    Obj *f2 = set_new(vm, &FrozenSetType, t);
    Obj *lit = set_new(vm, &SetType, NULL);
    cr_assert_eq(set_update(vm, lit, f2), 0);
    assert_repr(lit, "{64, 16, 3, 100, 8}");
    cr_assert_eq(G(lit), 472);
    assert_repr(f2, "frozenset({64, 3, 100, 8, 16})");
    DECREF(vm, lit);
    DECREF(vm, f2);
    DECREF(vm, t);
    DECREF(vm, f1);
    DECREF(vm, s);
    DECREF(vm, l);
}

Test(set, pop_and_remove) {
    int v[] = {5, 3, 1, 4, 2};
    Obj *l = int_list(v, 5);
    Obj *s = set_new(vm, &SetType, l);
    int64_t got[5];
    for (int i = 0; i < 5; i++) {
        Obj *x = call(s, "pop", NULL, 0);
        cr_assert(int_as_i64(x, &got[i]));
        DECREF(vm, x);
    }
    for (int i = 0; i < 5; i++)
        cr_assert_eq(got[i], i + 1);
    cr_assert_null(call(s, "pop", NULL, 0));
    cr_assert(vm_exc_matches(vm, &Exc_KeyError));
    vm_clear_exc(vm);
    Obj *k = I(9);
    cr_assert_null(call(s, "remove", &k, 1));
    cr_assert(vm_exc_matches(vm, &Exc_KeyError));
    vm_clear_exc(vm);
    DECREF(vm, k);
    cr_assert_eq(G(s), 728, "deleting never shrinks");
    DECREF(vm, s);
    DECREF(vm, l);
}

Test(set, operators_and_comparisons) {
    int va[] = {1, 2, 3, 4}, vb[] = {3, 4, 5, 6}, vc[] = {5, 1}, vd[] = {1, 9, 17};
    Obj *la = int_list(va, 4), *lb = int_list(vb, 4), *lc = int_list(vc, 2), *ld = int_list(vd, 3);
    Obj *a = set_new(vm, &SetType, la), *b = set_new(vm, &SetType, lb);
    Obj *c = set_new(vm, &SetType, lc), *d = set_new(vm, &FrozenSetType, ld);
    const char *want[] = {"{1, 2, 3, 4, 5, 6}", "{3, 4}", "{1, 2}", "{1, 2, 5, 6}"};
    int ops[] = {OP_OR_BIT, OP_AND_BIT, OP_SUB, OP_XOR};
    for (int i = 0; i < 4; i++) {
        Obj *r = set_binop(vm, a, b, ops[i]);
        assert_repr(r, want[i]);
        DECREF(vm, r);
    }
    Obj *x = set_binop(vm, c, d, OP_XOR); /* {5, 1} ^ {1, 9, 17} */
    assert_repr(x, "{5, 9, 17}");
    DECREF(vm, x);
    x = set_binop(vm, d, c, OP_OR_BIT);
    cr_assert_eq(TYPE(x), &FrozenSetType, "the left operand's type wins");
    DECREF(vm, x);
    x = set_richcompare(vm, c, a, CMP_LE);
    cr_assert_eq(x, vm->false_);
    DECREF(vm, x);
    x = set_inplace(vm, a, c, OP_SUB); /* a -= {5, 1} */
    cr_assert_eq(x, a);
    DECREF(vm, x);
    assert_repr(a, "{2, 3, 4}");
    x = set_binop(vm, a, la, OP_OR_BIT);
    cr_assert_eq(x, vm->notimpl);
    DECREF(vm, x);
    DECREF(vm, a);
    DECREF(vm, b);
    DECREF(vm, c);
    DECREF(vm, d);
    DECREF(vm, la);
    DECREF(vm, lb);
    DECREF(vm, lc);
    DECREF(vm, ld);
}

Test(set, frozenset_hash_matches_cpython) {
    Obj *e = set_new(vm, &FrozenSetType, NULL);
    cr_assert_eq(set_hash(e), 133146708735736LL);
    int v[] = {1, 2, 3};
    Obj *l = int_list(v, 3);
    Obj *f = set_new(vm, &FrozenSetType, l);
    cr_assert_eq(set_hash(f), -272375401224217160LL);
    DECREF(vm, f);
    DECREF(vm, l);
    DECREF(vm, e);
}

Test(set, repr_forms) {
    Obj *s = set_new(vm, &SetType, NULL);
    assert_repr(s, "set()");
    Obj *f = set_new(vm, &FrozenSetType, NULL);
    assert_repr(f, "frozenset()");
    Obj *one = I(1);
    cr_assert_eq(set_add(vm, s, one), 0);
    assert_repr(s, "{1}");
    DECREF(vm, one);
    DECREF(vm, f);
    DECREF(vm, s);
}
