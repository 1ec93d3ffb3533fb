/*
 * test_str.c - str, bytes and the formatting machinery (str.c, format.c) against values
 * printed by CPython 3.11.7 (PYTHONHASHSEED=0 for the hashes). Each expectation quotes the
 * Python expression it was measured with.
 */
#include <criterion/criterion.h>

#include "heap/types/types.h"

#include <math.h>
#include <string.h>

/* Additions to the str/bytes/format API not yet declared in types.h. */
Obj *str_ascii(Vm *vm, Obj *o);
Obj *obj_format(Vm *vm, Obj *o, Obj *spec);
int64_t bytes_hash(Obj *o);
Obj *bytes_getitem(Vm *vm, Obj *o, Obj *key);
Obj *bytes_concat(Vm *vm, Obj *a, Obj *b);
int bytes_contains(Vm *vm, Obj *b, Obj *x);

static Vm *vm;

static void setup(void) {
    vm = vm_new();
}
static void teardown(void) {
    vm_free(vm);
}

TestSuite(str, .init = setup, .fini = teardown);
TestSuite(format, .init = setup, .fini = teardown);
TestSuite(bytes, .init = setup, .fini = teardown);

static Obj *S(const char *s) {
    return str_from_cstr(vm, s);
}
static Obj *I(int64_t v) {
    return int_from_i64(vm, v);
}

/* Asserts that o is a str equal to `expect`, then releases o. */
static void eq_str(Obj *o, const char *expect) {
    cr_assert(o != NULL, "unexpected exception, expected '%s'", expect);
    cr_assert(IS_STR(o));
    cr_assert_str_eq(str_cstr(o), expect);
    DECREF(vm, o);
}

/* Asserts that the last call failed with `type` and message `msg`. */
static void eq_exc(Obj *r, Type *type, const char *msg) {
    cr_assert_null(r, "expected %s: %s", type->name, msg);
    cr_assert(vm->exc != NULL);
    cr_assert_eq(TYPE(vm->exc), type, "got %s", TYPE(vm->exc)->name);
    Obj *m = exc_str(vm, vm->exc);
    cr_assert_str_eq(str_cstr(m), msg);
    DECREF(vm, m);
    vm_clear_exc(vm);
}

/* Calls the str/bytes method `name` of self with positional args (BORROWED). NEW. */
static Obj *callv(Obj *self, const char *name, int nargs, Obj **args, Obj *kwnames) {
    for (const MethodDef *m = TYPE(self)->methods; m->name; m++)
        if (!strcmp(m->name, name)) return m->fn(vm, self, args, nargs, kwnames);
    cr_assert_fail("no method %s", name);
    return NULL;
}

static Obj *call0(Obj *self, const char *name) {
    return callv(self, name, 0, NULL, NULL);
}
static Obj *call1(Obj *self, const char *name, Obj *a) {
    return callv(self, name, 1, &a, NULL);
}
static Obj *call2(Obj *self, const char *name, Obj *a, Obj *b) {
    Obj *args[2] = {a, b};
    return callv(self, name, 2, args, NULL);
}

/* repr() of any result, for list/tuple results. */
static void eq_repr(Obj *o, const char *expect) {
    cr_assert(o != NULL);
    Obj *r = obj_repr(vm, o);
    cr_assert_str_eq(str_cstr(r), expect);
    DECREF(vm, r);
    DECREF(vm, o);
}

/* ---------------------------------------------------------------------------------------- */
/* Layout, shared strings, hashing, interning. */

Test(str, getsizeof_matches_cpython) {
    /* sys.getsizeof('') 49, 'a' 50, 'hello' 54, 'é' 74, '€' 76, '😀' 80, 'a'*100 149 */
    const char *texts[] = {"", "a", "hello", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80"};
    size_t sizes[] = {49, 50, 54, 74, 76, 80};
    for (int i = 0; i < 6; i++) {
        Obj *s = S(texts[i]);
        cr_assert_eq(obj_sizeof(vm, s), sizes[i], "%s", texts[i]);
        DECREF(vm, s);
    }
    Obj *a = S("a");
    Obj *h = str_mul(vm, a, 100);
    cr_assert_eq(obj_sizeof(vm, h), 149);
    /* '😀ab' 88 = 72 + 4 * 3; 'é' * 10 = 83 */
    Obj *e = S("\xf0\x9f\x98\x80"
               "ab");
    cr_assert_eq(obj_sizeof(vm, e), 88);
    cr_assert_eq(str_len(e), 3);
    DECREF(vm, e);
    DECREF(vm, h);
    DECREF(vm, a);
}

Test(str, empty_and_latin1_strings_are_shared) {
    /* str() is '', chr(65) is 'A', chr(233) is 'é'; '€' is not shared */
    Obj *e = S("");
    cr_assert_eq(e, vm->empty_str);
    Obj *a = S("A"), *a2 = str_new(vm, "ABC", 1);
    cr_assert_eq(a, a2);
    cr_assert_eq(a, vm->latin1['A']);
    Obj *eacute = S("\xc3\xa9");
    cr_assert_eq(eacute, vm->latin1[0xe9]);
    Obj *euro = S("\xe2\x82\xac"), *euro2 = S("\xe2\x82\xac");
    cr_assert_neq(euro, euro2);
    cr_assert(vm->empty_str->flags & OBJ_F_STATIC);
    DECREF(vm, e);
    DECREF(vm, a);
    DECREF(vm, a2);
    DECREF(vm, eacute);
    DECREF(vm, euro);
    DECREF(vm, euro2);
}

Test(str, hash_is_cpython_siphash13_with_seed_0) {
    /* PYTHONHASHSEED=0 python3 -c "print(hash('a'), hash('hello'), hash(''), hash('é'),
     * hash('€'), hash('😀'))" */
    struct {
        const char *s;
        int64_t h;
    } cases[] = {
        {"a", 4644417185603328019LL},
        {"hello", -2096571579003691106LL},
        {"", 0},
        {"\xc3\xa9", 6047309291227476195LL},
        {"\xe2\x82\xac", -5529981157763016009LL},
        {"\xf0\x9f\x98\x80", -3536540696076613844LL},
        {"hello world, longer string", -4913090315238366918LL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Obj *s = S(cases[i].s);
        cr_assert_eq(str_hash(s), cases[i].h, "%s", cases[i].s);
        DECREF(vm, s);
    }
    /* hash(b'abc') == -4594863902769663758 */
    Obj *b = bytes_new(vm, (const unsigned char *)"abc", 3);
    cr_assert_eq(bytes_hash(b), -4594863902769663758LL);
    DECREF(vm, b);
}

Test(str, compare_is_by_code_point) {
    Obj *a = S("abc"), *b = S("abd"), *up = S("B"), *lo = S("a"), *e = S("\xc3\xa9"), *z = S("z");
    cr_assert_lt(str_compare(a, b), 0);
    cr_assert_lt(str_compare(up, lo), 0); /* 'B' < 'a' */
    cr_assert_gt(str_compare(e, z), 0);   /* 'é' > 'z' */
    cr_assert_eq(str_compare(a, a), 0);
    cr_assert(str_eq_cstr(a, "abc"));
    cr_assert_not(str_eq(a, b));
    Obj *objs[] = {a, b, up, lo, e, z};
    for (int i = 0; i < 6; i++)
        DECREF(vm, objs[i]);
}

Test(str, interning_does_not_count_the_dict_references) {
    ssize_t before = DICT_LEN(vm->interned);
    Obj *s = str_intern(vm, S("spam_and_eggs"));
    cr_assert_eq(s->refcnt, 1);
    cr_assert(s->flags & OBJ_F_INTERNED);
    cr_assert_eq(DICT_LEN(vm->interned), before + 1);
    Obj *t = str_intern(vm, S("spam_and_eggs")); /* the copy is dropped, the first returned */
    cr_assert_eq(t, s);
    cr_assert_eq(s->refcnt, 2);
    DECREF(vm, t);
    DECREF(vm, s); /* dies: leaves the interned dict */
    cr_assert_eq(DICT_LEN(vm->interned), before);
    Obj *u = str_intern_cstr(vm, "spam_and_eggs");
    cr_assert_eq(u->refcnt, 1);
    DECREF(vm, u);
}

/* ---------------------------------------------------------------------------------------- */
/* repr, indexing, concatenation. */

Test(str, repr_quotes_and_escapes) {
    struct {
        const char *in, *out;
    } cases[] = {
        {"plain", "'plain'"},
        {"it's", "\"it's\""},
        {"say \"hi\"", "'say \"hi\"'"},
        {"both ' and \"", "'both \\' and \"'"},
        {"back\\slash", "'back\\\\slash'"},
        {"\t\n\r\x01\x7f", "'\\t\\n\\r\\x01\\x7f'"},
        {"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", "'\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80'"},
        /* repr('\x80\xa0\xad\u2028\u3000\U000e0001') */
        {"\xc2\x80\xc2\xa0\xc2\xad\xe2\x80\xa8\xe3\x80\x80\xf3\xa0\x80\x81",
         "'\\x80\\xa0\\xad\\u2028\\u3000\\U000e0001'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Obj *s = S(cases[i].in);
        eq_str(str_repr(vm, s), cases[i].out);
        DECREF(vm, s);
    }
    Obj *s = S("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"); /* ascii('é€😀') */
    eq_str(str_ascii(vm, s), "'\\xe9\\u20ac\\U0001f600'");
    DECREF(vm, s);
}

Test(str, getitem_indices_and_slices) {
    Obj *s = S("h\xc3\xa9llo"); /* 'héllo' */
    Obj *k = I(1);
    eq_str(str_getitem(vm, s, k), "\xc3\xa9");
    DECREF(vm, k);
    k = I(-1);
    eq_str(str_getitem(vm, s, k), "o");
    DECREF(vm, k);
    k = I(5);
    eq_exc(str_getitem(vm, s, k), &Exc_IndexError, "string index out of range");
    DECREF(vm, k);
    Obj *f = float_new(vm, 1.5);
    eq_exc(str_getitem(vm, s, f), &Exc_TypeError, "string indices must be integers, not 'float'");
    DECREF(vm, f);
    Obj *one = I(1), *four = I(4), *m1 = I(-1);
    Obj *sl = slice_new(vm, one, four, Py_None);
    eq_str(str_getitem(vm, s, sl), "\xc3\xa9ll");
    DECREF(vm, sl);
    sl = slice_new(vm, Py_None, Py_None, m1);
    eq_str(str_getitem(vm, s, sl), "oll\xc3\xa9h");
    DECREF(vm, sl);
    sl = slice_new(vm, Py_None, Py_None, Py_None); /* s[:] is s */
    Obj *all = str_getitem(vm, s, sl);
    cr_assert_eq(all, s);
    DECREF(vm, all);
    DECREF(vm, sl);
    DECREF(vm, one);
    DECREF(vm, four);
    DECREF(vm, m1);
    /* 'abc'[0] is 'a': one-character results are the shared strings */
    Obj *abc = S("abc"), *zero = I(0);
    Obj *c = str_getitem(vm, abc, zero);
    cr_assert_eq(c, vm->latin1['a']);
    DECREF(vm, c);
    DECREF(vm, zero);
    DECREF(vm, abc);
    DECREF(vm, s);
}

Test(str, mul_and_concat_keep_identity_where_cpython_does) {
    Obj *s = S("ab");
    Obj *r = str_mul(vm, s, 1); /* s * 1 is s */
    cr_assert_eq(r, s);
    DECREF(vm, r);
    eq_str(str_mul(vm, s, 3), "ababab");
    r = str_mul(vm, s, -2);
    cr_assert_eq(r, vm->empty_str);
    DECREF(vm, r);
    r = str_concat(vm, s, vm->empty_str); /* s + '' is s */
    cr_assert_eq(r, s);
    DECREF(vm, r);
    r = str_concat(vm, vm->empty_str, s);
    cr_assert_eq(r, s);
    DECREF(vm, r);
    Obj *e = S("\xc3\xa9");
    r = str_concat(vm, s, e);
    cr_assert_eq(str_len(r), 3);
    cr_assert_eq(obj_sizeof(vm, r), 76); /* getsizeof('abé') */
    eq_str(r, "ab\xc3\xa9");
    Obj *one = I(1);
    eq_exc(str_concat(vm, s, one), &Exc_TypeError, "can only concatenate str (not \"int\") to str");
    DECREF(vm, one);
    DECREF(vm, e);
    DECREF(vm, s);
}

Test(str, join_and_contains) {
    Obj *sep = S(", "), *a = S("a"), *b = S("b\xc3\xa9");
    Obj *l = list_new(vm, 0);
    list_append(vm, l, a);
    list_append(vm, l, b);
    eq_str(str_join(vm, sep, l), "a, b\xc3\xa9");
    Obj *one = list_new(vm, 0);
    list_append(vm, one, b);
    Obj *r = str_join(vm, sep, one); /* ''.join([s]) is s */
    cr_assert_eq(r, b);
    DECREF(vm, r);
    Obj *n = I(7);
    list_append(vm, l, n);
    eq_exc(str_join(vm, sep, l), &Exc_TypeError,
           "sequence item 2: expected str instance, int found");
    eq_exc(str_join(vm, sep, n), &Exc_TypeError, "can only join an iterable");
    cr_assert(str_contains(b, vm->latin1[0xe9]));
    cr_assert(str_contains(b, vm->empty_str));
    cr_assert_not(str_contains(a, b));
    DECREF(vm, n);
    DECREF(vm, one);
    DECREF(vm, l);
    DECREF(vm, a);
    DECREF(vm, b);
    DECREF(vm, sep);
}

Test(str, iterator_walks_code_points) {
    Obj *s = S("a\xc3\xa9\xf0\x9f\x98\x80");
    Obj *it = iter_new(vm, &StrIterType, s);
    Obj *c1 = str_iter_next(vm, (Iter *)it);
    Obj *c2 = str_iter_next(vm, (Iter *)it);
    Obj *c3 = str_iter_next(vm, (Iter *)it);
    cr_assert_eq(c1, vm->latin1['a']);
    cr_assert_eq(c2, vm->latin1[0xe9]);
    cr_assert_str_eq(str_cstr(c3), "\xf0\x9f\x98\x80");
    cr_assert_null(str_iter_next(vm, (Iter *)it));
    cr_assert_null(vm->exc);
    DECREF(vm, c1);
    DECREF(vm, c2);
    DECREF(vm, c3);
    DECREF(vm, it);
    DECREF(vm, s);
}

/* ---------------------------------------------------------------------------------------- */
/* Methods. */

Test(str, split_preallocates_like_cpython) {
    /* getsizeof(''.split()) 152: PREALLOC_SIZE is 12 slots; 'a b'.split(None, 1) 72 */
    Obj *e = S("");
    Obj *l = call0(e, "split");
    cr_assert_eq(LIST_LEN(l), 0);
    cr_assert_eq(obj_sizeof(vm, l), 152);
    DECREF(vm, l);
    Obj *ab = S("a b"), *none = Py_None, *one = I(1);
    l = call2(ab, "split", none, one);
    cr_assert_eq(obj_sizeof(vm, l), 72);
    eq_repr(l, "['a', 'b']");
    /* no separator found: the list holds the string itself */
    Obj *word = S("abcdef");
    l = call0(word, "split");
    cr_assert_eq(LIST_ITEM(l, 0), word);
    DECREF(vm, l);
    Obj *s = S("  many   spaces here ");
    eq_repr(call0(s, "split"), "['many', 'spaces', 'here']");
    eq_repr(call2(s, "split", none, one), "['many', 'spaces here ']");
    eq_repr(call2(s, "rsplit", none, one), "['  many   spaces', 'here']");
    Obj *csv = S("a,b,,c"), *comma = S(",");
    eq_repr(call1(csv, "split", comma), "['a', 'b', '', 'c']");
    eq_repr(call2(csv, "rsplit", comma, one), "['a,b,', 'c']");
    Obj *empty = S("");
    eq_exc(call1(csv, "split", empty), &Exc_ValueError, "empty separator");
    eq_exc(call1(csv, "split", one), &Exc_TypeError, "must be str or None, not int");
    Obj *args[3] = {comma, one, one};
    eq_exc(callv(csv, "split", 3, args, NULL), &Exc_TypeError,
           "split() takes at most 2 arguments (3 given)");
    /* 'a b c'.split(maxsplit=1) */
    Obj *abc = S("a b c"), *kw = S("maxsplit");
    Obj *kwn = tuple_pack(vm, 1, kw);
    eq_repr(callv(abc, "split", 0, &one, kwn), "['a', 'b c']");
    Obj *objs[] = {e, ab, one, word, s, csv, comma, empty, abc, kw, kwn};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++)
        DECREF(vm, objs[i]);
}

Test(str, splitlines_partition_strip_replace) {
    Obj *s = S("line1\nline2\r\nline3\x0bx\xe2\x80\xa8y\n");
    eq_repr(call0(s, "splitlines"), "['line1', 'line2', 'line3', 'x', 'y']");
    eq_repr(call1(s, "splitlines", Py_True),
            "['line1\\n', 'line2\\r\\n', 'line3\\x0b', 'x\\u2028', 'y\\n']");
    Obj *kv = S("key=value=more"), *eq = S("="), *x = S("xyz");
    eq_repr(call1(kv, "partition", eq), "('key', '=', 'value=more')");
    eq_repr(call1(kv, "rpartition", eq), "('key=value', '=', 'more')");
    eq_repr(call1(kv, "partition", x), "('key=value=more', '', '')");
    Obj *same = call0(kv, "strip"); /* nothing stripped: the same object */
    cr_assert_eq(same, kv);
    DECREF(vm, same);
    Obj *pad = S("\t\n both \xe3\x80\x80"), *xs = S("xxhixx"), *xc = S("x");
    eq_str(call0(pad, "strip"), "both");
    eq_str(call1(xs, "strip", xc), "hi");
    eq_str(call1(xs, "lstrip", xc), "hixx");
    eq_exc(call1(xs, "strip", Py_True), &Exc_TypeError, "strip arg must be None or str");
    Obj *l = S("l"), *L = S("L"), *one = I(1), *hello = S("hello"), *dash = S("-"), *abc = S("abc");
    eq_str(call2(hello, "replace", l, L), "heLLo");
    Obj *args[3] = {l, L, one};
    eq_str(callv(hello, "replace", 3, args, NULL), "heLlo");
    eq_str(call2(abc, "replace", vm->empty_str, dash), "-a-b-c-");
    same = call2(hello, "replace", x, dash);
    cr_assert_eq(same, hello);
    DECREF(vm, same);
    eq_exc(call2(hello, "replace", one, dash), &Exc_TypeError,
           "replace() argument 1 must be str, not int");
    eq_exc(call1(hello, "replace", l), &Exc_TypeError,
           "replace expected at least 2 arguments, got 1");
    Obj *objs[] = {s, kv, eq, x, pad, xs, xc, l, L, one, hello, dash, abc};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++)
        DECREF(vm, objs[i]);
}

Test(str, search_uses_code_point_indices) {
    Obj *s = S("h\xc3\xa9llo w\xc3\xb6rld"), *o = S("o"), *z = S("z"), *three = I(3), *m3 = I(-3);
    /* 'héllo wörld'.find('o') 4, rfind 4, find('o', 5) -1, count('l') 3 */
    Obj *r = call1(s, "find", o);
    cr_assert_eq(((Int *)r)->v, 4);
    DECREF(vm, r);
    r = call2(s, "find", o, three);
    cr_assert_eq(((Int *)r)->v, 4);
    DECREF(vm, r);
    Obj *l = S("l");
    r = call1(s, "count", l);
    cr_assert_eq(((Int *)r)->v, 3);
    DECREF(vm, r);
    r = call2(s, "rfind", l, m3);
    cr_assert_eq(((Int *)r)->v, 9);
    DECREF(vm, r);
    eq_exc(call1(s, "index", z), &Exc_ValueError, "substring not found");
    eq_exc(call1(s, "find", three), &Exc_TypeError, "must be str, not int");
    eq_exc(call0(s, "count"), &Exc_TypeError, "count() takes at least 1 argument (0 given)");
    Obj *h = S("h");
    r = call1(s, "startswith", h);
    cr_assert_eq(r, Py_True);
    DECREF(vm, r);
    Obj *tup = tuple_pack(vm, 2, z, l);
    r = call2(s, "startswith", tup, three); /* s.startswith(('z', 'l'), 3) */
    cr_assert_eq(r, Py_True);
    DECREF(vm, r);
    eq_exc(call1(s, "endswith", three), &Exc_TypeError,
           "endswith first arg must be str or a tuple of str, not int");
    Obj *objs[] = {s, o, z, three, m3, l, h, tup};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++)
        DECREF(vm, objs[i]);
}

Test(str, case_mappings_follow_unicode) {
    Obj *s = S("stra\xc3\x9f"
               "e \xc3\x89"
               "COLE"); /* 'straße ÉCOLE' */
    eq_str(call0(s, "upper"), "STRASSE \xc3\x89"
                              "COLE");
    eq_str(call0(s, "lower"), "stra\xc3\x9f"
                              "e \xc3\xa9"
                              "cole");
    eq_str(call0(s, "casefold"), "strasse \xc3\xa9"
                                 "cole");
    eq_str(call0(s, "title"), "Stra\xc3\x9f"
                              "e \xc3\x89"
                              "cole");
    eq_str(call0(s, "swapcase"), "STRASSE \xc3\xa9"
                                 "cole");
    Obj *sigma = S("\xce\xa3\xce\x91\xce\xa3 \xce\x91\xce\xa3. \xce\xa3"); /* 'ΣΑΣ ΑΣ. Σ' */
    eq_str(call0(sigma, "lower"), "\xcf\x83\xce\xb1\xcf\x82 \xce\xb1\xcf\x82. \xcf\x83");
    Obj *q = S("they're bill's friends");
    eq_str(call0(q, "title"), "They'Re Bill'S Friends");
    eq_str(call0(q, "capitalize"), "They're bill's friends");
    Obj *dz = S("\xc7\x86"
                "a"); /* 'ǆa'.capitalize() == 'ǅa' */
    eq_str(call0(dz, "capitalize"), "\xc7\x85"
                                    "a");
    Obj *one = I(1);
    eq_exc(call1(s, "upper", one), &Exc_TypeError, "str.upper() takes no arguments (1 given)");
    Obj *objs[] = {s, sigma, q, dz, one};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++)
        DECREF(vm, objs[i]);
}

Test(str, predicates) {
    struct {
        const char *s, *method;
        bool expect;
    } cases[] = {
        {"123", "isdigit", true},
        {"\xc2\xb2", "isdigit", true}, /* '²' */
        {"\xc2\xb2", "isdecimal", false},
        {"\xc2\xbd", "isnumeric", true}, /* '½' */
        {"", "isdigit", false},
        {"\xc3\xa9", "isalpha", true},
        {"ab1", "isalnum", true},
        {" \t\n\x1c", "isspace", true},
        {"\xc2\xa0", "isspace", true},
        {"", "isspace", false},
        {"ABC", "isupper", true},
        {"Abc", "isupper", false},
        {"abc1", "islower", true},
        {"123", "islower", false},
        {"Hello World", "istitle", true},
        {"Hello world", "istitle", false},
        {"_a", "isidentifier", true},
        {"1a", "isidentifier", false},
        {"\xc3\xa9", "isidentifier", true},
        {"", "isprintable", true},
        {"a\x7f", "isprintable", false},
        {"\xc3\xa9", "isascii", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Obj *s = S(cases[i].s);
        Obj *r = call0(s, cases[i].method);
        cr_assert_eq(r, cases[i].expect ? Py_True : Py_False, "'%s'.%s()", cases[i].s,
                     cases[i].method);
        DECREF(vm, r);
        DECREF(vm, s);
    }
}

Test(str, padding_methods) {
    Obj *hi = S("hi"), *nine = I(9), *ten = I(10), *star = S("*"), *xy = S("xy"), *two = I(2);
    eq_str(call2(hi, "center", nine, star), "****hi***");
    eq_str(call1(hi, "center", ten), "    hi    ");
    Obj *r = call1(hi, "ljust", two); /* no padding: the same object */
    cr_assert_eq(r, hi);
    DECREF(vm, r);
    eq_str(call2(hi, "rjust", nine, star), "*******hi");
    eq_exc(call2(hi, "center", nine, xy), &Exc_TypeError,
           "The fill character must be exactly one character long");
    eq_exc(call1(hi, "center", hi), &Exc_TypeError,
           "'str' object cannot be interpreted as an integer");
    Obj *neg = S("-42"), *six = I(6);
    eq_str(call1(neg, "zfill", six), "-00042");
    Obj *tabs = S("a\tbc\td");
    eq_str(call0(tabs, "expandtabs"), "a       bc      d");
    Obj *objs[] = {hi, nine, ten, star, xy, two, neg, six, tabs};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++)
        DECREF(vm, objs[i]);
}

Test(str, encode_and_decode) {
    Obj *s = S("h\xc3\xa9llo"), *ascii = S("ascii"), *latin = S("latin-1"), *bogus = S("bogus"),
        *replace = S("replace");
    eq_repr(call0(s, "encode"), "b'h\\xc3\\xa9llo'");
    eq_repr(call1(s, "encode", latin), "b'h\\xe9llo'");
    eq_repr(call2(s, "encode", ascii, replace), "b'h?llo'");
    eq_exc(call1(s, "encode", ascii), &Exc_UnicodeError,
           "'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)");
    eq_exc(call1(s, "encode", bogus), &Exc_LookupError, "unknown encoding: bogus");
    Obj *bad = bytes_new(vm, (const unsigned char *)"\xe2\x82x", 3);
    eq_exc(call0(bad, "decode"), &Exc_UnicodeError,
           "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte");
    Obj *good = call0(s, "encode");
    eq_str(call0(good, "decode"), "h\xc3\xa9llo");
    Obj *objs[] = {s, ascii, latin, bogus, replace, bad, good};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++)
        DECREF(vm, objs[i]);
}

/* ---------------------------------------------------------------------------------------- */
/* format(), str.format, %, round. */

static void fmt_int(int64_t v, const char *spec, const char *expect) {
    Obj *o = I(v);
    eq_str(int_format(vm, o, spec, strlen(spec)), expect);
    DECREF(vm, o);
}

static void fmt_float(double v, const char *spec, const char *expect) {
    eq_str(float_format(vm, v, spec, strlen(spec)), expect);
}

Test(format, int_specs) {
    fmt_int(1234567, ",", "1,234,567");
    fmt_int(1234567, "_", "1_234_567");
    fmt_int(-1234567, ",", "-1,234,567");
    fmt_int(1234, "010,", "00,001,234"); /* zero padding is grouped too */
    fmt_int(1234, "08,", "0,001,234");
    fmt_int(255, "#010x", "0x000000ff");
    fmt_int(255, "#X", "0XFF");
    fmt_int(5, "08b", "00000101");
    fmt_int(65, "c", "A");
    fmt_int(65, ">5c", "    A");
    fmt_int(-12, "=8", "-     12");
    fmt_int(-12, "08", "-0000012");
    fmt_int(-12, "<08", "-1200000");
    fmt_int(42, "+d", "+42");
    fmt_int(42, " d", " 42");
    fmt_int(5, ".2f", "5.00");
    fmt_int(5, "%", "500.000000%");
    fmt_int(3, "*^7", "***3***");
    Obj *o = I(5);
    eq_exc(int_format(vm, o, "s", 1), &Exc_ValueError,
           "Unknown format code 's' for object of type 'int'");
    eq_exc(int_format(vm, o, ",b", 2), &Exc_ValueError, "Cannot specify ',' with 'b'.");
    eq_exc(int_format(vm, o, ".2d", 3), &Exc_ValueError,
           "Precision not allowed in integer format specifier");
    eq_exc(int_format(vm, o, "xx", 2), &Exc_ValueError,
           "Invalid format specifier 'xx' for object of type 'int'");
    eq_exc(int_format(vm, o, "_,", 2), &Exc_ValueError, "Cannot specify both ',' and '_'.");
    DECREF(vm, o);
    o = I(-1);
    eq_exc(int_format(vm, o, "c", 1), &Exc_OverflowError, "%c arg not in range(0x110000)");
    DECREF(vm, o);
    /* format(True, '') 'True', format(True, '>5') '    1' */
    Obj *t = obj_newref(Py_True);
    eq_str(int_format(vm, t, "", 0), "True");
    eq_str(int_format(vm, t, ">5", 2), "    1");
    DECREF(vm, t);
}

Test(format, float_specs) {
    fmt_float(3.14159265, ".2f", "3.14");
    fmt_float(3.14159265, "08.3f", "0003.142");
    fmt_float(-3.14159265, "08.3f", "-003.142");
    fmt_float(2.5, ".0f", "2");
    fmt_float(2.675, ".2f", "2.67");
    fmt_float(1234567.891, ",.2f", "1,234,567.89");
    fmt_float(0.25, ".1%", "25.0%");
    fmt_float(12345.678, "e", "1.234568e+04");
    fmt_float(1e20, "g", "1e+20");
    fmt_float(0.00001, "g", "1e-05");
    fmt_float(1.0, "", "1.0");
    fmt_float(0.1 + 0.2, ".3", "0.3");
    fmt_float(123.0, ".3", "1.23e+02");
    fmt_float(1.0, ".3", "1.0");
    fmt_float(1e16, "", "1e+16");
    fmt_float(1.0, "#.0f", "1.");
    fmt_float(1.0, "#g", "1.00000");
    fmt_float(-0.0, "z.1f", "0.0");
    fmt_float(NAN, "+", "+nan");
    fmt_float(-INFINITY, "010", "-000000inf");
    fmt_float(INFINITY, "F", "INF");
    fmt_float(3.5, "*^+12.3e", "*+3.500e+00*");
    eq_exc(float_format(vm, 1.5, "d", 1), &Exc_ValueError,
           "Unknown format code 'd' for object of type 'float'");
    eq_exc(float_format(vm, 1.5, ",n", 2), &Exc_ValueError, "Cannot specify ',' with 'n'.");
    eq_exc(float_format(vm, 1.5, ".", 1), &Exc_ValueError, "Format specifier missing precision");
}

Test(format, str_specs) {
    Obj *s = S("abcdef");
    Obj *r = str_format_spec(vm, s, ">2", 2); /* format(s, '>2') is s */
    cr_assert_eq(r, s);
    DECREF(vm, r);
    eq_str(str_format_spec(vm, s, "^10", 3), "  abcdef  ");
    eq_str(str_format_spec(vm, s, ".3", 2), "abc");
    eq_str(str_format_spec(vm, s, "*>8.2", 5), "******ab");
    eq_str(str_format_spec(vm, s, "010", 3), "abcdef0000"); /* '0' keeps '<' for str */
    eq_exc(str_format_spec(vm, s, "+", 1), &Exc_ValueError,
           "Sign not allowed in string format specifier");
    eq_exc(str_format_spec(vm, s, "=5", 2), &Exc_ValueError,
           "'=' alignment not allowed in string format specifier");
    eq_exc(str_format_spec(vm, s, "d", 1), &Exc_ValueError,
           "Unknown format code 'd' for object of type 'str'");
    Obj *e = S("\xc3\xa9");
    eq_str(str_format_spec(vm, e, "\xe2\x82\xac^5", 5),
           "\xe2\x82\xac\xe2\x82\xac\xc3\xa9\xe2\x82\xac\xe2\x82\xac");
    DECREF(vm, e);
    DECREF(vm, s);
}

/* fmt.format(*args) with positional args only */
static Obj *fmtv(const char *fmt, int nargs, Obj **args) {
    Obj *f = S(fmt);
    Obj *r = str_format_method(vm, f, args, nargs, NULL);
    DECREF(vm, f);
    return r;
}

Test(format, format_method) {
    Obj *a = S("a"), *b = S("b"), *n = I(255), *pi = float_new(vm, 3.14159), *w = I(8);
    Obj *ab[] = {a, b};
    eq_str(fmtv("{} and {}", 2, ab), "a and b");
    eq_str(fmtv("{1} before {0}", 2, ab), "b before a");
    eq_str(fmtv("{{literal}} {}", 1, &a), "{literal} a");
    eq_str(fmtv("{0!r:>5}", 1, &a), "  'a'");
    eq_str(fmtv("{0:x} {0:#o}", 1, &n), "ff 0o377");
    Obj *pw[] = {pi, w};
    eq_str(fmtv("[{:{}.2f}]", 2, pw), "[    3.14]"); /* nested spec */
    Obj *l = list_new(vm, 0);
    list_append(vm, l, a);
    eq_str(fmtv("{0[0]}", 1, &l), "a");
    Obj *r = fmtv("{}", 1, &b); /* '{}'.format(s) is s */
    cr_assert_eq(r, b);
    DECREF(vm, r);
    /* keywords */
    Obj *name = S("name"), *kwn = tuple_pack(vm, 1, name);
    Obj *f = S("{name}!"), *args[1] = {a};
    eq_str(str_format_method(vm, f, args, 0, kwn), "a!");
    DECREF(vm, f);
    f = S("{other}");
    eq_exc(str_format_method(vm, f, args, 0, kwn), &Exc_KeyError, "'other'");
    DECREF(vm, f);
    eq_exc(fmtv("{} {0}", 1, &a), &Exc_ValueError,
           "cannot switch from automatic field numbering to manual field specification");
    eq_exc(fmtv("{1}", 1, &a), &Exc_IndexError,
           "Replacement index 1 out of range for positional args tuple");
    eq_exc(fmtv("}", 0, NULL), &Exc_ValueError, "Single '}' encountered in format string");
    eq_exc(fmtv("{0", 1, &a), &Exc_ValueError, "expected '}' before end of string");
    eq_exc(fmtv("{0!x}", 1, &a), &Exc_ValueError, "Unknown conversion specifier x");
    Obj *three[] = {a, a, a};
    eq_exc(fmtv("{:{:{}}}", 3, three), &Exc_ValueError, "Max string recursion exceeded");
    Obj *objs[] = {a, b, n, pi, w, l, name, kwn};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++)
        DECREF(vm, objs[i]);
}

/* fmt % args */
static Obj *mod(const char *fmt, Obj *args) {
    Obj *f = S(fmt);
    Obj *r = str_mod(vm, f, args);
    DECREF(vm, f);
    DECREF(vm, args);
    return r;
}

Test(format, percent_formatting) {
    Obj *bob = S("Bob"), *forty = I(40), *x15 = float_new(vm, 1.5);
    eq_str(mod("%s is %d years, %.2f", tuple_pack(vm, 3, bob, forty, x15)),
           "Bob is 40 years, 1.50");
    eq_str(mod("%5s|%-5s|%05.1f", tuple_pack(vm, 3, bob, bob, x15)), "  Bob|Bob  |001.5");
    eq_str(mod("%-6d|%06d|%+d|% d", tuple_pack(vm, 4, forty, forty, forty, forty)),
           "40    |000040|+40| 40");
    eq_str(mod("%#o %#x %#X %x", tuple_pack(vm, 4, forty, forty, forty, forty)),
           "0o50 0x28 0X28 28");
    eq_str(mod("%r %%", obj_newref(bob)), "'Bob' %");
    eq_str(mod("%.3d|%c", tuple_pack(vm, 2, forty, forty)), "040|(");
    eq_str(mod("%e %g", tuple_pack(vm, 2, x15, x15)), "1.500000e+00 1.5");
    Obj *key = S("name"), *d = dict_new(vm);
    dict_set(vm, d, key, bob);
    eq_str(mod("%(name)s!", obj_newref(d)), "Bob!");
    eq_exc(mod("%s %s", tuple_pack(vm, 1, bob)), &Exc_TypeError,
           "not enough arguments for format string");
    eq_exc(mod("%s", tuple_pack(vm, 2, bob, bob)), &Exc_TypeError,
           "not all arguments converted during string formatting");
    eq_exc(mod("abc", obj_newref(forty)), &Exc_TypeError,
           "not all arguments converted during string formatting");
    eq_str(mod("abc", obj_newref(d)), "abc"); /* a mapping argument is not "too many" */
    eq_exc(mod("%d", obj_newref(bob)), &Exc_TypeError,
           "%d format: a real number is required, not str");
    eq_exc(mod("%x", obj_newref(x15)), &Exc_TypeError,
           "%x format: an integer is required, not float");
    eq_exc(mod("%z", obj_newref(forty)), &Exc_ValueError,
           "unsupported format character 'z' (0x7a) at index 1");
    eq_exc(mod("%(name)s", obj_newref(forty)), &Exc_TypeError, "format requires a mapping");
    eq_exc(mod("abc%", tuple_new(vm, 0)), &Exc_ValueError, "incomplete format");
    Obj *r = mod("%s", tuple_pack(vm, 1, bob)); /* '%s' % (s,) is s */
    cr_assert_eq(r, bob);
    DECREF(vm, r);
    Obj *objs[] = {bob, forty, x15, key, d};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++)
        DECREF(vm, objs[i]);
}

static void round_to(double x, int64_t nd, double expect) {
    Obj *n = I(nd);
    Obj *r = float_round(vm, x, n);
    DECREF(vm, n);
    cr_assert(r && IS_FLOAT(r));
    cr_assert(((Float *)r)->v == expect && signbit(((Float *)r)->v) == signbit(expect),
              "round(%r, %ld) = %r, expected %r", x, (long)nd, ((Float *)r)->v, expect);
    DECREF(vm, r);
}

Test(format, round_float) {
    round_to(2.675, 2, 2.67); /* 2.675 is really 2.67499999... */
    round_to(0.125, 2, 0.12); /* exact tie: to even */
    round_to(1234.5678, -2, 1200.0);
    round_to(1250.0, -2, 1200.0);
    round_to(1350.0, -2, 1400.0);
    round_to(-0.4, -1, -0.0);
    round_to(1.5, 400, 1.5);
    round_to(-1.5, -400, -0.0);
    Obj *r = float_round(vm, 2.5, NULL); /* round(2.5) == 2, an int */
    cr_assert(r && IS_INT(r));
    cr_assert_eq(((Int *)r)->v, 2);
    DECREF(vm, r);
    r = float_round(vm, -0.5, Py_None);
    cr_assert_eq(((Int *)r)->v, 0);
    DECREF(vm, r);
    Obj *n = I(-308);
    eq_exc(float_round(vm, 1.7976931348623157e308, n), &Exc_OverflowError,
           "rounded value too large to represent");
    DECREF(vm, n);
}

/* ---------------------------------------------------------------------------------------- */
/* bytes. */

Test(bytes, layout_repr_and_items) {
    Obj *e = bytes_new(vm, NULL, 0);
    cr_assert_eq(e, vm->empty_bytes);
    cr_assert_eq(obj_sizeof(vm, e), 33);
    DECREF(vm, e);
    Obj *b = bytes_new(vm, (const unsigned char *)"a'\\\t\x80\xff", 6);
    cr_assert_eq(obj_sizeof(vm, b), 39);
    eq_str(bytes_repr(vm, b), "b\"a'\\\\\\t\\x80\\xff\"");
    Obj *k = I(-1);
    Obj *r = bytes_getitem(vm, b, k);
    cr_assert_eq(((Int *)r)->v, 255);
    DECREF(vm, r);
    DECREF(vm, k);
    eq_str(call0(b, "hex"), "61275c0980ff");
    Obj *a = bytes_new(vm, (const unsigned char *)"a", 1);
    cr_assert_eq(bytes_contains(vm, b, a), 1);
    Obj *cat = bytes_concat(vm, a, a);
    eq_str(bytes_repr(vm, cat), "b'aa'");
    Obj *one = I(1);
    eq_exc(bytes_concat(vm, a, one), &Exc_TypeError, "can't concat int to bytes");
    DECREF(vm, one);
    DECREF(vm, cat);
    DECREF(vm, a);
    DECREF(vm, b);
}
