/*
 * test_int.c - int and bool arithmetic against CPython 3.11.7.
 *
 * Every expected value and error message below was printed by python3 (3.11.7), e.g.
 * `python3 -c "print((-2**100 + 12345) ^ (-2**70 - 1))"`. Results are compared through repr,
 * so a test fails when the value, the type (int / bool / float) or the message changes.
 */
#include <criterion/criterion.h>

#include "heap/lang/ast.h"
#include "heap/types/types.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Additions to the int API not (yet) declared in types.h. */
Obj *int_divmod(Vm *vm, Obj *a, Obj *b);
int int_compare_double(Obj *a, double d);
size_t int_bit_length(Obj *o);

static Vm *vm;

static void setup(void) {
    vm = vm_new();
}
static void teardown(void) {
    vm_free(vm);
}

TestSuite(int_, .init = setup, .fini = teardown);

/* An int from decimal text (a Python literal). NEW. */
static Obj *P(const char *s) {
    Obj *o = int_from_str(vm, s, strlen(s), 10);
    cr_assert_not_null(o, "int_from_str(%s)", s);
    return o;
}

/* repr(r), or "ExcType: message" when r is NULL; consumes r. */
static char *show(Obj *r) {
    static char buf[8192];
    if (!r) {
        cr_assert_not_null(vm->exc, "NULL result without an exception");
        Obj *e = vm_fetch_exc(vm);
        Obj *m = exc_str(vm, e);
        snprintf(buf, sizeof buf, "%s: %s", TYPE(e)->name, str_cstr(m));
        DECREF(vm, m);
        DECREF(vm, e);
        return buf;
    }
    Obj *s = obj_repr(vm, r);
    cr_assert_not_null(s);
    snprintf(buf, sizeof buf, "%s", str_cstr(s));
    DECREF(vm, s);
    DECREF(vm, r);
    return buf;
}

static const struct {
    const char *sym;
    int op;
} OPS[] = {{"+", OP_ADD},     {"-", OP_SUB},     {"*", OP_MUL},    {"//", OP_FLOORDIV},
           {"%", OP_MOD},     {"/", OP_TRUEDIV}, {"**", OP_POW},   {"<<", OP_LSHIFT},
           {">>", OP_RSHIFT}, {"&", OP_AND_BIT}, {"|", OP_OR_BIT}, {"^", OP_XOR}};

/* Evaluates `a op b` for decimal literals (or True/False) and checks repr of the result. */
static void check(const char *a, const char *op, const char *b, const char *expected) {
    Obj *x = !strcmp(a, "True")    ? obj_newref(Py_True)
             : !strcmp(a, "False") ? obj_newref(Py_False)
                                   : P(a);
    Obj *y = !strcmp(b, "True")    ? obj_newref(Py_True)
             : !strcmp(b, "False") ? obj_newref(Py_False)
                                   : P(b);
    int code = -1;
    for (size_t i = 0; i < sizeof OPS / sizeof OPS[0]; i++)
        if (!strcmp(OPS[i].sym, op)) code = OPS[i].op;
    cr_assert_neq(code, -1);
    const char *got = show(int_binop(vm, x, y, code));
    cr_assert_str_eq(got, expected, "%s %s %s: got %s, expected %s", a, op, b, got, expected);
    DECREF(vm, x);
    DECREF(vm, y);
}

static Obj *call(Obj *self, const char *name, Obj **args, int nargs) {
    for (Type *t = TYPE(self); t; t = t->base)
        for (const MethodDef *m = t->methods; m && m->name; m++)
            if (!strcmp(m->name, name)) return m->fn(vm, self, args, nargs, NULL);
    cr_assert_fail("no method %s", name);
    return NULL;
}

/* int(*args) through the type's call slot; kw (may be NULL) names the last nkw args. */
static char *int_call(Obj **args, int nargs, const char *kw) {
    Obj *kwnames = NULL;
    if (kw) {
        Obj *k = str_from_cstr(vm, kw);
        kwnames = tuple_pack(vm, 1, k);
        DECREF(vm, k);
        nargs -= 1;
    }
    char *r = show(IntType.new_(vm, &IntType, args, nargs, kwnames));
    XDECREF(vm, kwnames);
    return r;
}

static char *parse(const char *s, int base) {
    return show(int_from_str(vm, s, strlen(s), base));
}

/* ---------------------------------------------------------------------------------------- */

Test(int_, add_sub_mul_cross_the_int64_boundary) {
    check("9223372036854775807", "+", "1", "9223372036854775808");
    check("-9223372036854775808", "-", "1", "-9223372036854775809");
    check("9223372036854775808", "-", "1", "9223372036854775807");
    check("4294967296", "*", "4294967296", "18446744073709551616");
    check("99999999999999999999", "*", "99999999999999999999",
          "9999999999999999999800000000000000000001");
    check("-9223372036854775808", "*", "-1", "9223372036854775808");
    check("1267650600228229401496703205376", "-", "1267650600228229401496703205375", "1");
    check("-1267650600228229401496703205376", "+", "1267650600228229401496703205376", "0");
    check("True", "+", "True", "2");
}

Test(int_, results_in_small_range_are_the_shared_statics) {
    Obj *x = P("1000"), *y = P("744");
    Obj *r = int_binop(vm, x, y, OP_SUB);
    cr_assert_eq(r, SMALL_INT(vm, 256), "x = 1000; y = x - 744; y is 256");
    DECREF(vm, r);
    Obj *big = P("18446744073709551616"), *big1 = P("18446744073709551615");
    r = int_binop(vm, big, big1, OP_SUB);
    cr_assert_eq(r, SMALL_INT(vm, 1));
    DECREF(vm, r);
    Obj *a = P("256"), *b = P("257"), *c = P("-5"), *d = P("-6");
    cr_assert_eq(a, SMALL_INT(vm, 256), "int('256') is 256");
    cr_assert_eq(c, SMALL_INT(vm, -5));
    cr_assert(!(b->flags & OBJ_F_STATIC), "int('257') is not a static");
    cr_assert(!(d->flags & OBJ_F_STATIC));
    for (Obj **o = (Obj *[]){x, y, big, big1, a, b, c, d, NULL}; *o; o++)
        DECREF(vm, *o);
}

Test(int_, statics_layout) {
    Obj *zero = SMALL_INT(vm, 0), *one = SMALL_INT(vm, 1);
    cr_assert(zero->flags & OBJ_F_STATIC);
    cr_assert_geq(zero->refcnt, 1000000000);
    cr_assert_eq(one->addr - zero->addr, 32, "id(1) - id(0) == 32");
    cr_assert_eq(TYPE(Py_True), &BoolType);
    cr_assert_eq(((Int *)Py_True)->v, 1);
    cr_assert_eq(((Int *)Py_False)->v, 0);
    cr_assert_eq(Py_False->addr - Py_True->addr, 32);
    cr_assert_str_eq(show(obj_newref(Py_True)), "True");
    cr_assert_str_eq(show(obj_newref(Py_False)), "False");
}

Test(int_, sizeof_counts_30_bit_digits) {
    static const struct {
        const char *v;
        size_t size;
    } cases[] = {{"0", 28},
                 {"1", 28},
                 {"-1", 28},
                 {"1073741823", 28},
                 {"1073741824", 32},
                 {"1152921504606846975", 32},
                 {"1152921504606846976", 36},
                 {"9223372036854775807", 36},
                 {"9223372036854775808", 36},
                 {"1267650600228229401496703205376", 40}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Obj *o = P(cases[i].v);
        cr_assert_eq(obj_sizeof(vm, o), cases[i].size, "getsizeof(%s)", cases[i].v);
        DECREF(vm, o);
    }
    Obj *ten = P("10"), *k = P("1000"), *p = int_binop(vm, ten, k, OP_POW);
    cr_assert_eq(obj_sizeof(vm, p), 468, "getsizeof(10**1000)");
    cr_assert_eq(obj_sizeof(vm, Py_True), 28);
    DECREF(vm, ten);
    DECREF(vm, k);
    DECREF(vm, p);
}

Test(int_, floor_division_and_modulo_take_the_divisor_sign) {
    check("-7", "//", "2", "-4");
    check("-7", "%", "2", "1");
    check("7", "%", "-2", "-1");
    check("7", "//", "-2", "-4");
    check("-9223372036854775808", "//", "-1", "9223372036854775808");
    check("-9223372036854775808", "%", "-1", "0");
    check("10000000000000000000000000000000000000000", "//", "100000000000000000001",
          "99999999999999999999");
    check("10000000000000000000000000000000000000000", "%", "100000000000000000001", "1");
    check("-10000000000000000000000000000000000000000", "//", "100000000000000000001",
          "-100000000000000000000");
    check("-10000000000000000000000000000000000000000", "%", "100000000000000000001",
          "100000000000000000000");
    check("10000000000000000000000000000000000000000", "%", "-100000000000000000001",
          "-100000000000000000000");
    check("10000000000000000000000000000000000000000", "//", "7",
          "1428571428571428571428571428571428571428");
    check("-10000000000000000000000000000000000000000", "%", "7", "3");
    check("-262", "%", "-1237940039285380274899124224", "-262");
    Obj *a = P("-7"), *b = P("2");
    cr_assert_str_eq(show(int_divmod(vm, a, b)), "(-4, 1)");
    DECREF(vm, a);
    DECREF(vm, b);
}

Test(int_, zero_division_messages) {
    check("1", "/", "0", "ZeroDivisionError: division by zero");
    check("1", "//", "0", "ZeroDivisionError: integer division or modulo by zero");
    check("1", "%", "0", "ZeroDivisionError: integer modulo by zero");
    check("100000000000000000000", "//", "0",
          "ZeroDivisionError: integer division or modulo by zero");
    check("0", "**", "-1", "ZeroDivisionError: 0.0 cannot be raised to a negative power");
    Obj *a = P("1"), *z = P("0");
    cr_assert_str_eq(show(int_divmod(vm, a, z)),
                     "ZeroDivisionError: integer division or modulo by zero");
    DECREF(vm, a);
    DECREF(vm, z);
}

Test(int_, true_division_is_correctly_rounded) {
    check("1", "/", "3", "0.3333333333333333");
    check("-7", "/", "2", "-3.5");
    check("18446744073709551616", "/", "3", "6.148914691236517e+18");
    check("18446744073709551617", "/", "2", "9.223372036854776e+18");
    check("1000000000000000000000000000000", "/", "100000000000000000000000000000", "10.0");
    check("0", "/", "-5", "-0.0");
}

Test(int_, true_division_overflow_and_underflow) {
    Obj *one = P("1"), *two = P("2"), *three = P("3");
    Obj *e1024 = P("1024"), *e1074 = P("1074"), *e1075 = P("1075");
    Obj *p1024 = int_binop(vm, two, e1024, OP_POW); /* 2**1024 */
    Obj *p1074 = int_binop(vm, two, e1074, OP_POW);
    Obj *p1075 = int_binop(vm, two, e1075, OP_POW);
    Obj *below = int_binop(vm, p1024, one, OP_SUB); /* 2**1024 - 1 */
    cr_assert_str_eq(show(int_binop(vm, p1024, two, OP_TRUEDIV)), "8.98846567431158e+307");
    cr_assert_str_eq(show(int_binop(vm, below, one, OP_TRUEDIV)),
                     "OverflowError: integer division result too large for a float");
    cr_assert_str_eq(show(int_binop(vm, one, p1074, OP_TRUEDIV)), "5e-324");
    cr_assert_str_eq(show(int_binop(vm, one, p1075, OP_TRUEDIV)), "0.0");
    cr_assert_str_eq(show(int_binop(vm, three, p1075, OP_TRUEDIV)), "1e-323");
    for (Obj **o =
             (Obj *[]){one, two, three, e1024, e1074, e1075, p1024, p1074, p1075, below, NULL};
         *o; o++)
        DECREF(vm, *o);
}

Test(int_, power) {
    check("2", "**", "100", "1267650600228229401496703205376");
    check("-3", "**", "3", "-27");
    check("7", "**", "77", "118181386580595879976868414312001964434038548836769923458287039207");
    check("-3", "**", "100", "515377520732011331036461129765621272702107522001");
    check("2", "**", "-1", "0.5");
    check("-8", "**", "-1", "-0.125");
    check("0", "**", "0", "1");
    check("-1", "**", "100000000000000000001", "-1");
    check("True", "**", "-1", "1.0");
    /* (10**400) ** -1 goes through float(10**400) */
    Obj *ten = P("10"), *k = P("400"), *m1 = P("-1"), *big = int_binop(vm, ten, k, OP_POW);
    cr_assert_str_eq(show(int_binop(vm, big, m1, OP_POW)),
                     "OverflowError: int too large to convert to float");
    DECREF(vm, ten);
    DECREF(vm, k);
    DECREF(vm, m1);
    DECREF(vm, big);
}

static char *powmod(const char *a, const char *b, const char *m) {
    Obj *x = P(a), *y = P(b), *z = P(m);
    char *r = show(int_pow_mod(vm, x, y, z));
    DECREF(vm, x);
    DECREF(vm, y);
    DECREF(vm, z);
    return r;
}

Test(int_, power_with_modulus) {
    cr_assert_str_eq(powmod("3", "-1", "7"), "5");
    cr_assert_str_eq(powmod("2", "-1", "4"),
                     "ValueError: base is not invertible for the given modulus");
    cr_assert_str_eq(powmod("0", "-1", "5"),
                     "ValueError: base is not invertible for the given modulus");
    cr_assert_str_eq(powmod("2", "3", "0"), "ValueError: pow() 3rd argument cannot be 0");
    cr_assert_str_eq(powmod("2", "3", "-5"), "-2");
    cr_assert_str_eq(powmod("2", "-1", "1"), "0");
    cr_assert_str_eq(powmod("0", "0", "1"), "0");
    cr_assert_str_eq(powmod("-3", "5", "7"), "2");
    cr_assert_str_eq(powmod("3", "-5", "-7"), "-4");
    cr_assert_str_eq(powmod("2", "100000000000000000000", "7"), "2");
    cr_assert_str_eq(powmod("1000000000000000000000000000003", "-1", "100000000000000000007"),
                     "89488636363835227279");
    cr_assert_str_eq(powmod("123456789123456789123456789", "987654321987654321",
                            "1000000000000000000000000000057"),
                     "78884636954535624770643018630");
    cr_assert_str_eq(powmod("-7", "3", "-10000000000000000000000009"), "-343");
}

Test(int_, shifts) {
    check("1", "<<", "-1", "ValueError: negative shift count");
    check("1", ">>", "-1", "ValueError: negative shift count");
    check("-5", ">>", "1", "-3");
    check("-5", ">>", "100", "-1");
    check("5", ">>", "100", "0");
    check("5", "<<", "100", "6338253001141147007483516026880");
    check("-5", "<<", "62", "-23058430092136939520");
    check("1", "<<", "63", "9223372036854775808");
    check("-1", "<<", "63", "-9223372036854775808");
    check("-1267650600228229401496703205376", ">>", "3", "-158456325028528675187087900672");
    check("-1267650600228229401496703205377", ">>", "3", "-158456325028528675187087900673");
    check("1", "<<", "18446744073709551616", "MemoryError: ");
    check("0", "<<", "18446744073709551616", "0");
    check("-1", ">>", "18446744073709551616", "-1");
    check("1", ">>", "18446744073709551616", "0");
}

Test(int_, bitwise_on_negative_big_ints_is_twos_complement) {
    /* a = -2**100 + 12345 */
    const char *a = "-1267650600228229401496703193031";
    check("-1267650600228229401496703205376", "&", "65535", "0");
    check(a, "&", "1180591620717411303423", "12345"); /* 2**70 - 1 */
    check(a, "|", "1180591620717411303423", "-1267650599047637780779291901953");
    check(a, "^", "-1180591620717411303425", "1267650599047637780779291889606"); /* -2**70-1 */
    check(a, "&", "-1180591620717411303425", "-1267650600228229401496703193031");
    check(a, "|", "-3", "-3");
    check("True", "&", "False", "False");
    check("True", "|", "False", "True");
    check("True", "^", "True", "False");
    check("True", "|", "2", "3");
    check("-6", "&", "13", "8");
    check("-6", "^", "13", "-9");
}

Test(int_, unary_operations) {
    Obj *min = P("-9223372036854775808"), *p100 = P("1267650600228229401496703205376");
    cr_assert_str_eq(show(int_neg(vm, min)), "9223372036854775808");
    cr_assert_str_eq(show(int_abs(vm, min)), "9223372036854775808");
    Obj *twice = int_neg(vm, min), *back = int_neg(vm, twice);
    int64_t v;
    cr_assert(((Int *)twice)->big, "2**63 is a big int");
    cr_assert(int_as_i64(back, &v) && v == INT64_MIN, "-(2**63) is back in canonical form");
    DECREF(vm, twice);
    DECREF(vm, back);
    cr_assert_str_eq(show(int_invert(vm, p100)), "-1267650600228229401496703205377");
    Obj *np = int_neg(vm, p100);
    cr_assert_str_eq(show(int_invert(vm, np)), "1267650600228229401496703205375");
    cr_assert_str_eq(show(int_invert(vm, Py_True)), "-2");
    cr_assert_str_eq(show(int_neg(vm, Py_True)), "-1");
    Obj *five = P("5");
    Obj *a = int_abs(vm, five);
    cr_assert_eq(a, five, "abs() of a non-negative int is the int itself");
    DECREF(vm, a);
    DECREF(vm, five);
    DECREF(vm, min);
    DECREF(vm, p100);
    DECREF(vm, np);
}

Test(int_, comparisons) {
    static const struct {
        const char *a, *b;
        int c;
    } cases[] = {{"1", "2", -1},
                 {"18446744073709551616", "9223372036854775807", 1},
                 {"-18446744073709551616", "-9223372036854775808", -1},
                 {"-18446744073709551616", "5", -1},
                 {"1267650600228229401496703205376", "1267650600228229401496703205376", 0},
                 {"1267650600228229401496703205377", "1267650600228229401496703205376", 1},
                 {"-1267650600228229401496703205377", "-1267650600228229401496703205376", -1}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Obj *a = P(cases[i].a), *b = P(cases[i].b);
        cr_assert_eq(int_compare(a, b), cases[i].c, "cmp(%s, %s)", cases[i].a, cases[i].b);
        cr_assert_eq(int_compare(b, a), -cases[i].c);
        DECREF(vm, a);
        DECREF(vm, b);
    }
    Obj *x = P("9007199254740993"); /* 2**53 + 1 > 2.0**53, although float(x) == 2.0**53 */
    cr_assert_eq(int_compare_double(x, 9007199254740992.0), 1);
    cr_assert_eq(int_compare_double(x, 9007199254740993.5), -1);
    Obj *y = P("-1267650600228229401496703205376");
    cr_assert_eq(int_compare_double(y, -1267650600228229401496703205376.0), 0);
    cr_assert_eq(int_compare_double(y, nextafter(-1267650600228229401496703205376.0, 0)), -1);
    cr_assert_eq(int_compare_double(y, -1e300), 1);
    DECREF(vm, x);
    DECREF(vm, y);
}

Test(int_, hash_matches_cpython) {
    static const struct {
        const char *v;
        int64_t h;
    } cases[] = {{"-1", -2},
                 {"-2", -2},
                 {"12345", 12345},
                 {"2305843009213693951", 0}, /* 2**61 - 1 */
                 {"2305843009213693952", 1},
                 {"-2305843009213693952", -2},
                 {"-9223372036854775808", -4},
                 {"1267650600228229401496703205376", 549755813888},
                 {"-1267650600228229401496703205375", -549755813887},
                 {"1000000000000000000000000000000", 465258685558744706},
                 {"-1000000000000000000000000000000", -465258685558744706}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Obj *o = P(cases[i].v);
        cr_assert_eq(int_hash(o), cases[i].h, "hash(%s) = %lld", cases[i].v,
                     (long long)int_hash(o));
        DECREF(vm, o);
    }
    Obj *o = P("1180591620717411303424"); /* hash(2**70) == hash(2.0**70) */
    cr_assert_eq(int_hash(o), float_hash(1180591620717411303424.0));
    DECREF(vm, o);
}

Test(int_, float_conversions) {
    static const struct {
        const char *v, *f;
    } cases[] = {{"9007199254740993", "9007199254740992.0"},
                 {"18014398509481987", "1.8014398509481988e+16"},
                 {"-1208925819614629308317696", "-1.2089258196146292e+24"}}; /* -(2**80+2**27) */
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Obj *o = P(cases[i].v);
        bool ok;
        double d = int_as_double(vm, o, &ok);
        cr_assert(ok);
        cr_assert_str_eq(show(float_new(vm, d)), cases[i].f, "float(%s)", cases[i].v);
        DECREF(vm, o);
    }
    /* 2**1024 - 2**970 rounds up to 2**1024 */
    Obj *two = P("2"), *k = P("1024"), *j = P("970");
    Obj *a = int_binop(vm, two, k, OP_POW), *b = int_binop(vm, two, j, OP_POW);
    Obj *c = int_binop(vm, a, b, OP_SUB);
    bool ok;
    int_as_double(vm, c, &ok);
    cr_assert(!ok);
    cr_assert_str_eq(show(NULL), "OverflowError: int too large to convert to float");
    for (Obj **o = (Obj *[]){two, k, j, a, b, c, NULL}; *o; o++)
        DECREF(vm, *o);

    cr_assert_str_eq(show(int_from_double(vm, 1e300)),
                     "1000000000000000052504760255204420248704468581108159154915854115511802457988"
                     "908195786371375080447864043704443832883878176942523235360430575644792184786"
                     "706982848387200926575803737830233794788090059368953234970799945081119038967"
                     "640880074652742780142494579258788820056842838115669472196386865459400540160");
    cr_assert_str_eq(show(int_from_double(vm, -2.5)), "-2");
    cr_assert_str_eq(show(int_from_double(vm, -1e20)), "-100000000000000000000");
    cr_assert_str_eq(show(int_from_double(vm, 9223372036854775808.0)), "9223372036854775808");
    cr_assert_str_eq(show(int_from_double(vm, -9223372036854775808.0)), "-9223372036854775808");
    cr_assert_str_eq(show(int_from_double(vm, 1.0 / 0.0)),
                     "OverflowError: cannot convert float infinity to integer");
    cr_assert_str_eq(show(int_from_double(vm, 0.0 / 0.0)),
                     "ValueError: cannot convert float NaN to integer");
}

Test(int_, to_str_in_power_of_two_bases_and_the_4300_digit_limit) {
    Obj *o = P("-255");
    const int bases[3] = {16, 2, 8};
    const char *want[3] = {"-ff", "-11111111", "-377"};
    for (int i = 0; i < 3; i++) {
        Obj *s = int_to_str(vm, o, bases[i]);
        cr_assert_str_eq(str_cstr(s), want[i]);
        DECREF(vm, s);
    }
    DECREF(vm, o);
    Obj *ten = P("10"), *k = P("4299"), *k2 = P("4300");
    Obj *a = int_binop(vm, ten, k, OP_POW), *b = int_binop(vm, ten, k2, OP_POW);
    Obj *na = int_neg(vm, a);
    Obj *s = int_to_str(vm, na, 10);
    cr_assert_not_null(s);
    cr_assert_eq(str_len(s), 4301, "str(-10**4299) has 4300 digits and a sign");
    cr_assert_eq(str_cstr(s)[1], '1');
    DECREF(vm, s);
    cr_assert_str_eq(show(int_to_str(vm, b, 10)),
                     "ValueError: Exceeds the limit (4300 digits) for integer string conversion; "
                     "use sys.set_int_max_str_digits() to increase the limit");
    s = int_to_str(vm, b, 16); /* power-of-two bases have no limit */
    cr_assert_not_null(s);
    DECREF(vm, s);
    for (Obj **p = (Obj *[]){ten, k, k2, a, b, na, NULL}; *p; p++)
        DECREF(vm, *p);
}

Test(int_, from_str_syntax) {
    cr_assert_str_eq(parse("0x1f", 0), "31");
    cr_assert_str_eq(parse("0x1f", 16), "31");
    cr_assert_str_eq(parse("0x_1f", 16), "31");
    cr_assert_str_eq(parse("  -0b_1010_1010  ", 0), "-170");
    cr_assert_str_eq(parse("Zz", 36), "1295");
    cr_assert_str_eq(parse("  +00_00  ", 0), "0");
    cr_assert_str_eq(parse("-0x10", 0), "-16");
    cr_assert_str_eq(parse("\t\n 42\v\f\r", 10), "42");
    cr_assert_str_eq(parse("\u0663", 10), "3");          /* ARABIC-INDIC DIGIT THREE */
    cr_assert_str_eq(parse("\uff11\uff12", 10), "12");   /* fullwidth digits */
    cr_assert_str_eq(parse("\u00a012\u2003", 10), "12"); /* non-ASCII spaces */
    cr_assert_str_eq(parse("1_000_000", 10), "1000000");
    cr_assert_str_eq(parse("07", 8), "7");
    cr_assert_str_eq(parse("0o7", 8), "7");
    cr_assert_str_eq(parse("-9223372036854775809", 10), "-9223372036854775809");
    cr_assert_str_eq(parse("abc", 10), "ValueError: invalid literal for int() with base 10: 'abc'");
    cr_assert_str_eq(parse("0123", 0), "ValueError: invalid literal for int() with base 0: '0123'");
    cr_assert_str_eq(parse("00_1", 0), "ValueError: invalid literal for int() with base 0: '00_1'");
    cr_assert_str_eq(parse("0x", 0), "ValueError: invalid literal for int() with base 0: '0x'");
    cr_assert_str_eq(parse("0o7", 10), "ValueError: invalid literal for int() with base 10: '0o7'");
    cr_assert_str_eq(parse("1__0", 10),
                     "ValueError: invalid literal for int() with base 10: '1__0'");
    cr_assert_str_eq(parse("_10", 10), "ValueError: invalid literal for int() with base 10: '_10'");
    cr_assert_str_eq(parse("10_", 10), "ValueError: invalid literal for int() with base 10: '10_'");
    cr_assert_str_eq(parse("+_1", 10), "ValueError: invalid literal for int() with base 10: '+_1'");
    cr_assert_str_eq(parse("", 10), "ValueError: invalid literal for int() with base 10: ''");
    cr_assert_str_eq(parse("-", 10), "ValueError: invalid literal for int() with base 10: '-'");
    cr_assert_str_eq(parse(" -  5", 10),
                     "ValueError: invalid literal for int() with base 10: ' -  5'");
    cr_assert_str_eq(parse("12\u00e9", 10),
                     "ValueError: invalid literal for int() with base 10: '12\u00e9'");
    cr_assert_str_eq(parse("10", 37), "ValueError: int() base must be >= 2 and <= 36, or 0");
}

Test(int_, from_str_limits) {
    char buf[6001];
    memset(buf, 'x', 300);
    buf[300] = 0;
    char expected[400];
    snprintf(expected, sizeof expected,
             "ValueError: invalid literal for int() with base 10: '%.199s", buf);
    cr_assert_str_eq(parse(buf, 10), expected, "the repr is cut to 200 characters");

    memset(buf, '1', 5000);
    buf[5000] = 0;
    cr_assert_str_eq(
        parse(buf, 10),
        "ValueError: Exceeds the limit (4300 digits) for integer string conversion: "
        "value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit");
    buf[4300] = 0;
    Obj *o = int_from_str(vm, buf, 4300, 10);
    cr_assert_not_null(o, "4300 digits are allowed");
    DECREF(vm, o);
    memset(buf, 'f', 6000);
    buf[6000] = 0;
    o = int_from_str(vm, buf, 6000, 16);
    cr_assert_not_null(o, "power-of-two bases have no limit");
    cr_assert_eq(int_bit_length(o), 24000);
    DECREF(vm, o);
}

Test(int_, int_call) {
    Obj *s12 = str_from_cstr(vm, "12"), *three = P("3"), *ten = P("10"), *one = P("1");
    Obj *f = float_new(vm, 3.99), *l = list_new(vm, 0), *s0x = str_from_cstr(vm, "0x1f");
    Obj *zero = P("0");
    cr_assert_str_eq(int_call(NULL, 0, NULL), "0");
    cr_assert_str_eq(int_call((Obj *[]){s12}, 1, NULL), "12");
    cr_assert_str_eq(int_call((Obj *[]){s12, three}, 2, "base"), "5");
    cr_assert_str_eq(int_call((Obj *[]){s0x, zero}, 2, NULL), "31");
    cr_assert_str_eq(int_call((Obj *[]){f}, 1, NULL), "3");
    cr_assert_str_eq(int_call((Obj *[]){Py_True}, 1, NULL), "1");
    Obj *r = IntType.new_(vm, &IntType, (Obj *[]){Py_True}, 1, NULL);
    cr_assert_eq(r, SMALL_INT(vm, 1), "int(True) is the int 1");
    DECREF(vm, r);
    cr_assert_str_eq(int_call((Obj *[]){l}, 1, NULL),
                     "TypeError: int() argument must be a string, a bytes-like object or a real "
                     "number, not 'list'");
    cr_assert_str_eq(int_call((Obj *[]){f, ten}, 2, NULL),
                     "TypeError: int() can't convert non-string with explicit base");
    cr_assert_str_eq(int_call((Obj *[]){s12, one}, 2, NULL),
                     "ValueError: int() base must be >= 2 and <= 36, or 0");
    cr_assert_str_eq(int_call((Obj *[]){ten}, 1, "base"),
                     "TypeError: int() missing string argument");
    cr_assert_str_eq(int_call((Obj *[]){s12, ten, three}, 3, NULL),
                     "TypeError: int() takes at most 2 arguments (3 given)");
    cr_assert_str_eq(int_call((Obj *[]){s12}, 1, "x"),
                     "TypeError: 'x' is an invalid keyword argument for int()");
    for (Obj **o = (Obj *[]){s12, three, ten, one, f, l, s0x, zero, NULL}; *o; o++)
        DECREF(vm, *o);
}

Test(int_, bool_call) {
    Obj *five = P("5"), *zero = P("0");
    cr_assert_str_eq(show(BoolType.new_(vm, &BoolType, NULL, 0, NULL)), "False");
    cr_assert_str_eq(show(BoolType.new_(vm, &BoolType, (Obj *[]){five}, 1, NULL)), "True");
    cr_assert_str_eq(show(BoolType.new_(vm, &BoolType, (Obj *[]){zero}, 1, NULL)), "False");
    DECREF(vm, five);
    DECREF(vm, zero);
}

static char *round_(const char *v, const char *nd) {
    Obj *o = P(v), *n = nd ? P(nd) : NULL;
    char *r = show(int_round(vm, o, n));
    DECREF(vm, o);
    XDECREF(vm, n);
    return r;
}

Test(int_, round_half_to_even_at_negative_ndigits) {
    cr_assert_str_eq(round_("1250", "-2"), "1200");
    cr_assert_str_eq(round_("1350", "-2"), "1400");
    cr_assert_str_eq(round_("-1250", "-2"), "-1200");
    cr_assert_str_eq(round_("15", "-1"), "20");
    cr_assert_str_eq(round_("5", "-1"), "0");
    cr_assert_str_eq(round_("-25", "-1"), "-20");
    cr_assert_str_eq(round_("-35", "-1"), "-40");
    cr_assert_str_eq(round_("123", "-100000000000000000000"), "0");
    cr_assert_str_eq(round_("1000000000000000000005000000000", "-10"),
                     "1000000000000000000000000000000");
    cr_assert_str_eq(round_("123456789123456789123456789", "-20"), "123456800000000000000000000");
    cr_assert_str_eq(round_("-50000000000000000000000000", "-26"), "0");
    cr_assert_str_eq(round_("150000000000000000000000000", "-26"), "200000000000000000000000000");
    cr_assert_str_eq(round_("7", NULL), "7");
    cr_assert_str_eq(round_("7", "3"), "7");
    Obj *r = int_round(vm, Py_True, NULL);
    cr_assert_eq(TYPE(r), &IntType, "round(True) is an int");
    DECREF(vm, r);
}

Test(int_, methods) {
    Obj *a = P("255"), *b = P("-9223372036854775808"), *c = P("-1267650600228229401496703205376");
    cr_assert_str_eq(show(call(a, "bit_length", NULL, 0)), "8");
    cr_assert_str_eq(show(call(SMALL_INT(vm, 0), "bit_length", NULL, 0)), "0");
    cr_assert_str_eq(show(call(b, "bit_length", NULL, 0)), "64");
    cr_assert_str_eq(show(call(SMALL_INT(vm, -1), "bit_count", NULL, 0)), "1");
    cr_assert_str_eq(show(call(c, "bit_count", NULL, 0)), "1");
    cr_assert_str_eq(show(call(a, "bit_count", NULL, 0)), "8");
    cr_assert_str_eq(show(call(Py_True, "conjugate", NULL, 0)), "1");
    cr_assert_str_eq(show(call(Py_True, "as_integer_ratio", NULL, 0)), "(1, 1)");
    cr_assert_str_eq(show(call(a, "bit_length", (Obj *[]){a}, 1)),
                     "TypeError: int.bit_length() takes no arguments (1 given)");
    Obj *seven = P("7"), *two = P("2"), *f = float_new(vm, 2.0);
    cr_assert_str_eq(show(call(a, "__add__", (Obj *[]){f}, 1)), "NotImplemented");
    cr_assert_str_eq(show(call(a, "__radd__", (Obj *[]){two}, 1)), "257");
    cr_assert_str_eq(show(call(SMALL_INT(vm, 5), "__pow__", (Obj *[]){two, seven}, 2)), "4");
    cr_assert_str_eq(show(call(SMALL_INT(vm, 5), "__rpow__", (Obj *[]){two}, 1)), "32");
    cr_assert_str_eq(show(call(SMALL_INT(vm, 5), "__lt__", (Obj *[]){seven}, 1)), "True");
    cr_assert_str_eq(show(call(Py_True, "__and__", (Obj *[]){Py_False}, 1)), "False");
    for (Obj **o = (Obj *[]){a, b, c, seven, two, f, NULL}; *o; o++)
        DECREF(vm, *o);
}

Test(int_, no_leaks_across_big_arithmetic) {
    size_t before = vm->live_objects;
    Obj *x = P("123456789012345678901234567890");
    for (int i = 0; i < 50; i++) {
        Obj *y = int_binop(vm, x, x, OP_MUL);
        Obj *z = int_binop(vm, y, x, OP_FLOORDIV);
        cr_assert_eq(int_compare(z, x), 0);
        Obj *w = int_binop(vm, y, SMALL_INT(vm, 3), OP_RSHIFT);
        Obj *s = int_to_str(vm, w, 10);
        DECREF(vm, s);
        DECREF(vm, w);
        DECREF(vm, y);
        DECREF(vm, z);
    }
    DECREF(vm, x);
    cr_assert_eq(vm->live_objects, before);
}
