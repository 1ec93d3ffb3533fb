/*
 * types.h - constructors and helpers of the builtin types (heap/types/).
 *
 * Every constructor returns a NEW reference or NULL with an exception set.
 */
#ifndef MEMVIZ_TYPES_H
#define MEMVIZ_TYPES_H

#include "heap/object.h"
#include "heap/runtime.h"

#include <stdarg.h>

/* ---- int (int.c) ---- */
Obj *int_from_i64(Vm *vm, int64_t v);
Obj *int_from_str(Vm *vm, const char *s, size_t n, int base); /* ValueError as CPython */
Obj *int_from_double(Vm *vm, double d);
/* true if o fits in int64; stores it */
bool int_as_i64(Obj *o, int64_t *out);
double int_as_double(Vm *vm, Obj *o, bool *ok);
Obj *int_binop(Vm *vm, Obj *a, Obj *b, int op); /* NotImplemented if b not int */
Obj *int_to_str(Vm *vm, Obj *o, int base);      /* NEW str */
int int_compare(Obj *a, Obj *b);                /* -1 0 1 */
int64_t int_hash(Obj *o);
int int_sign(Obj *o);
Obj *int_neg(Vm *vm, Obj *o);
Obj *int_invert(Vm *vm, Obj *o);
Obj *int_abs(Vm *vm, Obj *o);
size_t int_ndigits(Obj *o); /* 30-bit digits */
void int_init_statics(Vm *vm);
Obj *int_pow_mod(Vm *vm, Obj *a, Obj *b, Obj *m);
Obj *int_round(Vm *vm, Obj *o, Obj *ndigits);
Obj *int_format(Vm *vm, Obj *o, const char *spec, size_t n); /* NEW str */
#define SMALL_INT(vm, v) ((vm)->small_ints[(v) + 5])
Obj *int_alloc_i64(Vm *vm, int64_t v);    /* a fresh int, no small-int check */
Obj *int_divmod(Vm *vm, Obj *a, Obj *b);  /* (q, r) or NotImplemented */
int int_compare_double(Obj *a, double d); /* exact; d not NaN */
size_t int_bit_length(Obj *o);
void int_destroy_statics(Vm *vm);

/* ---- float (float.c) ---- */
Obj *float_new(Vm *vm, double v);
Obj *float_binop(Vm *vm, Obj *a, Obj *b, int op);
Obj *float_repr_str(Vm *vm, double v); /* NEW str, CPython's repr */
void float_repr_buf(double v, char *buf, size_t n);
int64_t float_hash(double v);
Obj *float_from_str(Vm *vm, const char *s, size_t n);
Obj *float_format(Vm *vm, double v, const char *spec, size_t n);
Obj *float_round(Vm *vm, double v, Obj *ndigits);

/* ---- str (str.c) ---- */
Obj *str_new(Vm *vm, const char *utf8, size_t nbytes); /* validates nothing: UTF-8 in */
Obj *str_from_cstr(Vm *vm, const char *s);
Obj *str_fromf(Vm *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
Obj *str_intern(Vm *vm, Obj *s);             /* steals s, returns the interned copy (NEW) */
Obj *str_intern_cstr(Vm *vm, const char *s); /* NEW */
Obj *str_concat(Vm *vm, Obj *a, Obj *b);
int64_t str_hash(Obj *s);
bool str_eq(Obj *a, Obj *b);
bool str_eq_cstr(Obj *a, const char *s);
int str_compare(Obj *a, Obj *b);
Obj *str_getitem(Vm *vm, Obj *s, Obj *key);
Obj *str_repr(Vm *vm, Obj *s);
Obj *str_mul(Vm *vm, Obj *s, ssize_t n);
Obj *str_mod(Vm *vm, Obj *fmt, Obj *args); /* printf-style % formatting */
bool str_contains(Obj *hay, Obj *needle);
Obj *str_format_spec(Vm *vm, Obj *s, const char *spec, size_t n); /* format(str, spec) */
Obj *str_format_method(Vm *vm, Obj *fmt, Obj **args, int nargs, Obj *kwnames);
Obj *str_iter_next(Vm *vm, Iter *it);
Obj *str_join(Vm *vm, Obj *sep, Obj *iterable);
/* code point at index i (0 <= i < len) */
uint32_t str_char_at(Obj *s, size_t i);
static inline const char *str_cstr(Obj *s) {
    return ((Str *)s)->s;
}
static inline size_t str_len(Obj *s) {
    return ((Str *)s)->len;
}

/* a growable UTF-8 buffer used to build strings */
typedef struct {
    char *s;
    size_t n, cap;
} StrBuf;
void sb_init(StrBuf *b);
void sb_add(StrBuf *b, const char *s, size_t n);
void sb_adds(StrBuf *b, const char *s);
void sb_addc(StrBuf *b, char c);
void sb_addf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_add_cp(StrBuf *b, uint32_t cp); /* one code point as UTF-8 */
void sb_add_obj(StrBuf *b, Obj *str);
Obj *sb_finish(Vm *vm, StrBuf *b); /* NEW str; frees the buffer */
void sb_free(StrBuf *b);
int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp); /* bytes consumed */

void str_init_statics(Vm *vm);
void str_free_statics(Vm *vm);
void str_clear_interned(Vm *vm);            /* gives back the interned dict's uncounted refs */
Obj *str_ascii(Vm *vm, Obj *o);             /* ascii(o) */
Obj *obj_format(Vm *vm, Obj *o, Obj *spec); /* format(o, spec); spec may be NULL */

/* ---- bytes (str.c) ---- */
int64_t bytes_hash(Obj *b);
bool bytes_eq(Obj *a, Obj *b);
int bytes_compare(Obj *a, Obj *b);
Obj *bytes_concat(Vm *vm, Obj *a, Obj *b);
Obj *bytes_mul(Vm *vm, Obj *b, ssize_t n);
Obj *bytes_getitem(Vm *vm, Obj *b, Obj *key);
int bytes_contains(Vm *vm, Obj *b, Obj *item);
Obj *bytes_new(Vm *vm, const unsigned char *s, size_t n);
Obj *bytes_repr(Vm *vm, Obj *b);

/* ---- tuple (tuple.c) ---- */
Obj *tuple_new(Vm *vm, ssize_t n);                     /* items NULL: fill them all */
Obj *tuple_pack(Vm *vm, int n, ...);                   /* items BORROWED (increfs them) */
Obj *tuple_from_array(Vm *vm, Obj **items, ssize_t n); /* increfs */
void tuple_maybe_untrack(Vm *vm, Obj *t);
#define TUPLE_ITEM(t, i) (((Tuple *)(t))->items[i])
#define TUPLE_LEN(t) (((Tuple *)(t))->len)

/* ---- list (list.c) ---- */
Obj *list_new(Vm *vm, ssize_t n);                 /* len n, capacity exactly n, items NULL */
int list_append(Vm *vm, Obj *l, Obj *item);       /* increfs item */
int list_resize(Vm *vm, Obj *l, ssize_t newsize); /* mirrors list_resize() */
int list_preallocate_exact(Vm *vm, Obj *l, ssize_t n);
int list_extend(Vm *vm, Obj *l, Obj *iterable);
Obj *list_getitem(Vm *vm, Obj *l, Obj *key);
int list_ass_item(Vm *vm, Obj *l, Obj *key, Obj *value); /* value NULL: delete */
Obj *list_sort(Vm *vm, Obj *l, Obj *key, bool reverse);  /* None or NULL */
Obj *list_repeat(Vm *vm, Obj *l, ssize_t n);
Obj *list_concat(Vm *vm, Obj *a, Obj *b);
Obj *list_slice(Vm *vm, Obj *l, ssize_t lo, ssize_t hi);
#define LIST_ITEM(l, i) (((List *)(l))->items[i])
#define LIST_LEN(l) (((List *)(l))->len)

/* ---- dict (dict.c) ---- */
Obj *dict_new(Vm *vm);
Obj *dict_get(Vm *vm, Obj *d, Obj *key); /* BORROWED or NULL (exc set only on hash error) */
Obj *dict_get_str(Obj *d, Obj *key);     /* BORROWED, key is a str: no errors */
Obj *dict_get_cstr(Vm *vm, Obj *d, const char *key); /* BORROWED */
int dict_set(Vm *vm, Obj *d, Obj *key, Obj *value);  /* increfs both */
int dict_set_cstr(Vm *vm, Obj *d, const char *key, Obj *value);
int dict_del(Vm *vm, Obj *d, Obj *key);                      /* KeyError if absent */
int dict_pop_str(Vm *vm, Obj *d, Obj *key);                  /* 1 removed, 0 absent */
int dict_next(Obj *d, ssize_t *pos, Obj **key, Obj **value); /* BORROWED */
Obj *dict_copy(Vm *vm, Obj *d);
int dict_update(Vm *vm, Obj *d, Obj *other);
int dict_merge_kw(Vm *vm, Obj *d, Obj *other); /* ** in calls: TypeError on dup */
size_t dict_sizeof(Obj *d);
Obj *dict_keys_list(Vm *vm, Obj *d);
void dict_maybe_untrack(Vm *vm, Obj *d);
Obj *dict_repr(Vm *vm, Obj *d);
#define DICT_LEN(d) (((Dict *)(d))->used)
Obj *dict_new_split(Vm *vm, Type *cls);
/* presized like _PyDict_FromItems; items BORROWED (BUILD_MAP: strides 2, const keys: 1) */
Obj *dict_from_items(Vm *vm, Obj **keys, ssize_t kstride, Obj **values, ssize_t vstride, ssize_t n);
Obj *dict_fromkeys(Vm *vm, Obj *iterable, Obj *value);
int dict_contains(Vm *vm, Obj *d, Obj *key);
Obj *dict_getitem(Vm *vm, Obj *d, Obj *key);
void dict_clear(Vm *vm, Obj *d);
void dict_clear_freelists(Vm *vm);
Obj *dict_richcompare(Vm *vm, Obj *a, Obj *b, int op);
Obj *dict_binop(Vm *vm, Obj *a, Obj *b, int op);
Obj *dict_inplace(Vm *vm, Obj *a, Obj *b, int op);
int dictview_contains(Vm *vm, Obj *view, Obj *item);
Obj *dictview_richcompare(Vm *vm, Obj *a, Obj *b, int op);
Obj *dictview_binop(Vm *vm, Obj *a, Obj *b, int op);

/* ---- set (set.c) ---- */
Obj *set_new(Vm *vm, Type *type, Obj *iterable); /* iterable may be NULL */
int set_add(Vm *vm, Obj *s, Obj *key);
int set_contains(Vm *vm, Obj *s, Obj *key);    /* 1/0/-1 */
int set_discard(Vm *vm, Obj *s, Obj *key);     /* 1 found, 0 not, -1 error */
int set_next(Obj *s, ssize_t *pos, Obj **key); /* BORROWED */
Obj *set_binop(Vm *vm, Obj *a, Obj *b, int op);
Obj *set_richcompare(Vm *vm, Obj *a, Obj *b, int op);
Obj *set_inplace(Vm *vm, Obj *a, Obj *b, int op);
int64_t set_hash(Obj *s);
int set_update(Vm *vm, Obj *s, Obj *iterable);
void set_clear(Vm *vm, Obj *s);

/* ---- range, slice, iterators (range.c / iter.c) ---- */
Obj *range_new(Vm *vm, Obj *start, Obj *stop, Obj *step); /* BORROWED args */
Obj *slice_new(Vm *vm, Obj *start, Obj *stop, Obj *step); /* BORROWED args */
/* Resolves a slice against a length, as PySlice_GetIndicesEx. 0 ok, -1 error */
int slice_indices(Vm *vm, Obj *slice, ssize_t len, ssize_t *start, ssize_t *stop, ssize_t *step,
                  ssize_t *slicelen);
Obj *iter_new(Vm *vm, Type *type, Obj *seq); /* generic sequence iterator; increfs seq */
Obj *iter_next(Vm *vm, Obj *it);             /* like obj_next */
extern Type ListIterType, ListRevIterType, TupleIterType, StrIterType, RangeIterType,
    DictKeyIterType, DictValueIterType, DictItemIterType, SetIterType, SeqIterType, EnumerateType,
    ZipType, ReversedType, MapType, FilterType, CallIterType, BytesIterType;

/* ---- function, code, cell, method (func.c) ---- */
Obj *cell_new(Vm *vm, Obj *ref);
Obj *method_new(Vm *vm, Obj *func, Obj *self);
Obj *builtin_new(Vm *vm, const MethodDef *def, Obj *self); /* self may be NULL */
Obj *property_new(Vm *vm, Type *t, Obj *fget);

/* ---- type, instance, object (typeobj.c) ---- */
Obj *type_new_class(Vm *vm, Obj *name, Obj *bases, Obj *ns); /* class statement */
Obj *instance_new(Vm *vm, Type *t);               /* uninitialized instance of a heap type */
Obj *instance_getdict(Vm *vm, Obj *o);            /* materializes __dict__: BORROWED */
Obj *instance_getattr(Vm *vm, Obj *o, Obj *name); /* generic getattr for instances */
int instance_setattr(Vm *vm, Obj *o, Obj *name, Obj *value);
Obj *type_call(Vm *vm, Type *t, Obj **args, int nargs, Obj *kwnames);
/* finds a special method (dunder) on the type; BORROWED or NULL */
Obj *type_special(Vm *vm, Type *t, const char *name);
/* calls a special method of o found by type_special: NEW or NULL */
Obj *call_special(Vm *vm, Obj *o, const char *name, Obj **args, int nargs, bool *found);
/* split-keys model of a class (3.11's CACHED_KEYS): shared attribute names */
typedef struct SharedKeys {
    Obj **names; /* Str (interned), nentries of them */
    int nentries;
    int usable;
    int cap;
} SharedKeys;
int shared_keys_index(SharedKeys *k, Obj *name);

/* ---- exceptions (exc.c) ---- */
Obj *exc_new(Vm *vm, Type *type, Obj *args); /* args: Tuple BORROWED */
Obj *exc_str(Vm *vm, Obj *exc);
void exc_types_init(void);
void exc_add_traceback(Vm *vm, Obj *exc, Obj *code, int line);

/* ---- module (module.c) ---- */
Obj *module_new(Vm *vm, const char *name);
int module_add_funcs(Vm *vm, Obj *m, const MethodDef *defs);

/* ---- helpers for C functions: argument parsing ---- */
/* Checks positional count; raises TypeError "name() takes ... " */
bool args_check(Vm *vm, const char *name, int nargs, int min, int max);
bool args_no_kw(Vm *vm, const char *name, Obj *kwnames);
/* Finds keyword `kw` among the call's keywords; BORROWED or NULL */
Obj *args_kw(Obj **args, int nargs, Obj *kwnames, const char *kw);
/* Generic sequence fast access: items of a list or tuple */
bool seq_fast(Obj *o, Obj ***items, ssize_t *n);
const char *obj_type_name(Obj *o);

#endif
