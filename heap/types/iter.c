/*
 * iter.c - range, slice and the iterator types (list_iterator, tuple_iterator,
 * range_iterator, the dict and set iterators, enumerate, zip, reversed, map, filter).
 *
 * They all share the Iter layout (object.h). What matters for memory: the iterator holds a
 * strong reference to what it iterates (that is the +1 on `L` inside `for x in L`), most
 * iterators are GC types (count[0] += 1 when created), range_iterator is not, and the
 * item-tuple producers (dict items, enumerate, zip) recycle their result tuple when nobody
 * else holds it, as CPython does.
 */
#include "heap/lang/ast.h"
#include "heap/types/types.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- range */

/* mirrors compute_range_length(): (hi - lo - 1) // step + 1 with big ints when needed */
static Obj *range_len_obj(Vm *vm, Obj *start, Obj *stop, Obj *step) {
    int64_t lo, hi, st;
    if (int_as_i64(start, &lo) && int_as_i64(stop, &hi) && int_as_i64(step, &st)) {
        __int128 n = 0;
        if (st > 0 && lo < hi)
            n = ((__int128)hi - lo - 1) / st + 1;
        else if (st < 0 && lo > hi)
            n = ((__int128)lo - hi - 1) / (-(__int128)st) + 1;
        if (n <= INT64_MAX) return int_from_i64(vm, (int64_t)n);
    }
    int sgn = int_sign(step);
    Obj *lo_o = sgn > 0 ? start : stop, *hi_o = sgn > 0 ? stop : start;
    if (int_compare(lo_o, hi_o) >= 0) return int_from_i64(vm, 0);
    Obj *one = SMALL_INT(vm, 1);
    Obj *diff = obj_binop(vm, hi_o, lo_o, OP_SUB);
    Obj *d1 = diff ? obj_binop(vm, diff, one, OP_SUB) : NULL;
    Obj *ast = sgn > 0 ? obj_newref(step) : int_neg(vm, step);
    Obj *q = d1 && ast ? obj_binop(vm, d1, ast, OP_FLOORDIV) : NULL;
    Obj *n = q ? obj_binop(vm, q, one, OP_ADD) : NULL;
    XDECREF(vm, diff);
    XDECREF(vm, d1);
    XDECREF(vm, ast);
    XDECREF(vm, q);
    return n;
}

Obj *range_new(Vm *vm, Obj *start, Obj *stop, Obj *step) {
    if (int_sign(step) == 0) return vm_raise(vm, &Exc_ValueError, "range() arg 3 must not be zero");
    Obj *len = range_len_obj(vm, start, stop, step);
    if (!len) return NULL;
    Range *r = (Range *)obj_alloc(vm, &RangeType, sizeof(Range), 48);
    if (!r) {
        DECREF(vm, len);
        return NULL;
    }
    r->start = obj_newref(start);
    r->stop = obj_newref(stop);
    r->step = obj_newref(step);
    r->length = len;
    return (Obj *)r;
}

static void range_dealloc(Vm *vm, Obj *o) {
    Range *r = (Range *)o;
    DECREF(vm, r->start);
    DECREF(vm, r->stop);
    DECREF(vm, r->step);
    DECREF(vm, r->length);
    obj_free_mem(vm, o);
}

static Obj *range_repr(Vm *vm, Obj *o) {
    Range *r = (Range *)o;
    Obj *a = obj_repr(vm, r->start), *b = obj_repr(vm, r->stop), *c = NULL;
    Obj *res;
    int64_t st;
    if (int_as_i64(r->step, &st) && st == 1) {
        res = str_fromf(vm, "range(%s, %s)", str_cstr(a), str_cstr(b));
    } else {
        c = obj_repr(vm, r->step);
        res = str_fromf(vm, "range(%s, %s, %s)", str_cstr(a), str_cstr(b), str_cstr(c));
    }
    DECREF(vm, a);
    DECREF(vm, b);
    XDECREF(vm, c);
    return res;
}

static Obj *range_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    (void)t;
    if (!args_no_kw(vm, "range", kw)) return NULL;
    if (nargs < 1 || nargs > 3) {
        if (nargs == 0)
            return vm_raise(vm, &Exc_TypeError, "range expected at least 1 argument, got 0");
        return vm_raise(vm, &Exc_TypeError, "range expected at most 3 arguments, got %d", nargs);
    }
    for (int i = 0; i < nargs; i++)
        if (!IS_INT(args[i]))
            return vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                            obj_type_name(args[i]));
    Obj *zero = SMALL_INT(vm, 0), *one = SMALL_INT(vm, 1);
    if (nargs == 1) return range_new(vm, zero, args[0], one);
    return range_new(vm, args[0], args[1], nargs == 3 ? args[2] : one);
}

Obj *range_item(Vm *vm, Obj *o, int64_t i) {
    Range *r = (Range *)o;
    int64_t lo, st, n, v;
    if (!int_as_i64(r->length, &n)) n = INT64_MAX;
    if (i < 0) i += n;
    if (i < 0 || i >= n) return vm_raise(vm, &Exc_IndexError, "range object index out of range");
    if (int_as_i64(r->start, &lo) && int_as_i64(r->step, &st) &&
        !__builtin_mul_overflow(i, st, &v) && !__builtin_add_overflow(lo, v, &v))
        return int_from_i64(vm, v);
    /* compute_item(): start + i * step in big ints */
    Obj *io = int_from_i64(vm, i);
    Obj *m = io ? obj_binop(vm, io, r->step, OP_MUL) : NULL;
    Obj *res = m ? obj_binop(vm, r->start, m, OP_ADD) : NULL;
    XDECREF(vm, io);
    XDECREF(vm, m);
    return res;
}

static Obj *range_count_index(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw, bool index) {
    if (!args_check(vm, index ? "index" : "count", nargs, 1, 1) || !args_no_kw(vm, "index", kw))
        return NULL;
    Range *r = (Range *)self;
    int64_t lo, st, n, v;
    int_as_i64(r->start, &lo);
    int_as_i64(r->step, &st);
    int_as_i64(r->length, &n);
    if (IS_INT(args[0]) && int_as_i64(args[0], &v)) {
        int64_t d = v - lo;
        if (d % st == 0 && d / st >= 0 && d / st < n)
            return index ? int_from_i64(vm, d / st) : int_from_i64(vm, 1);
    }
    if (!index) return int_from_i64(vm, 0);
    Obj *rep = obj_repr(vm, args[0]);
    if (!rep) return NULL;
    vm_raise(vm, &Exc_ValueError, "%s is not in range", str_cstr(rep));
    DECREF(vm, rep);
    return NULL;
}
static Obj *range_index(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return range_count_index(vm, self, args, nargs, kw, true);
}
static Obj *range_count(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return range_count_index(vm, self, args, nargs, kw, false);
}

static const MethodDef range_methods[] = {
    {"index", range_index}, {"count", range_count}, {NULL, NULL}};

Type RangeType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "range",
    .kind = OBJ_RANGE,
    .basicsize = 48,
    .dealloc = range_dealloc,
    .repr = range_repr,
    .methods = range_methods,
    .new_ = range_new_type,
    .base = &ObjectType,
};

/* ---------------------------------------------------------------- slice */

Obj *slice_new(Vm *vm, Obj *start, Obj *stop, Obj *step) {
    Slice *s = (Slice *)obj_alloc(vm, &SliceType, sizeof(Slice), 40);
    if (!s) return NULL;
    s->start = obj_newref(start ? start : Py_None);
    s->stop = obj_newref(stop ? stop : Py_None);
    s->step = obj_newref(step ? step : Py_None);
    gc_track(vm, (Obj *)s);
    return (Obj *)s;
}

static void slice_dealloc(Vm *vm, Obj *o) {
    Slice *s = (Slice *)o;
    gc_untrack(vm, o);
    DECREF(vm, s->start);
    DECREF(vm, s->stop);
    DECREF(vm, s->step);
    obj_free_mem(vm, o);
}

static void slice_traverse(Obj *o, VisitFn visit, void *arg) {
    Slice *s = (Slice *)o;
    visit(s->start, "start", -1, arg);
    visit(s->stop, "stop", -1, arg);
    visit(s->step, "step", -1, arg);
}

static Obj *slice_repr(Vm *vm, Obj *o) {
    Slice *s = (Slice *)o;
    Obj *a = obj_repr(vm, s->start), *b = obj_repr(vm, s->stop), *c = obj_repr(vm, s->step);
    Obj *r = str_fromf(vm, "slice(%s, %s, %s)", str_cstr(a), str_cstr(b), str_cstr(c));
    DECREF(vm, a);
    DECREF(vm, b);
    DECREF(vm, c);
    return r;
}

static bool slice_int(Vm *vm, Obj *o, ssize_t *out) {
    if (IS_INT(o)) {
        int64_t v;
        if (!int_as_i64(o, &v)) v = int_sign(o) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
        *out = (ssize_t)v;
        return true;
    }
    bool ok;
    *out = obj_as_index(vm, o, &ok);
    if (!ok) {
        vm_clear_exc(vm);
        vm_raise(vm, &Exc_TypeError,
                 "slice indices must be integers or None or have an __index__ method");
    }
    return ok;
}

/* mirrors PySlice_GetIndicesEx() */
int slice_indices(Vm *vm, Obj *o, ssize_t len, ssize_t *start, ssize_t *stop, ssize_t *step,
                  ssize_t *slicelen) {
    Slice *s = (Slice *)o;
    if (s->step == Py_None) {
        *step = 1;
    } else {
        if (!slice_int(vm, s->step, step)) return -1;
        if (*step == 0) {
            vm_raise(vm, &Exc_ValueError, "slice step cannot be zero");
            return -1;
        }
    }
    ssize_t defstart = *step < 0 ? len - 1 : 0;
    ssize_t defstop = *step < 0 ? -1 : len;
    if (s->start == Py_None) {
        *start = defstart;
    } else {
        if (!slice_int(vm, s->start, start)) return -1;
        if (*start < 0) {
            *start += len;
            if (*start < 0) *start = *step < 0 ? -1 : 0;
        } else if (*start >= len) {
            *start = *step < 0 ? len - 1 : len;
        }
    }
    if (s->stop == Py_None) {
        *stop = defstop;
    } else {
        if (!slice_int(vm, s->stop, stop)) return -1;
        if (*stop < 0) {
            *stop += len;
            if (*stop < 0) *stop = *step < 0 ? -1 : 0;
        } else if (*stop >= len) {
            *stop = *step < 0 ? len - 1 : len;
        }
    }
    if (*step < 0) {
        *slicelen = *stop < *start ? (*start - *stop - 1) / (-*step) + 1 : 0;
    } else {
        *slicelen = *start < *stop ? (*stop - *start - 1) / *step + 1 : 0;
    }
    return 0;
}

static Obj *slice_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    (void)t;
    if (!args_no_kw(vm, "slice", kw) || !args_check(vm, "slice", nargs, 1, 3)) return NULL;
    if (nargs == 1) return slice_new(vm, NULL, args[0], NULL);
    return slice_new(vm, args[0], args[1], nargs == 3 ? args[2] : NULL);
}

Type SliceType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "slice",
    .kind = OBJ_SLICE,
    .gc = true,
    .basicsize = 40,
    .traverse = slice_traverse,
    .dealloc = slice_dealloc,
    .repr = slice_repr,
    .new_ = slice_new_type,
    .base = &ObjectType,
};

/* ---------------------------------------------------------------- iterators */

Obj *iter_new(Vm *vm, Type *type, Obj *seq) {
    Iter *it = (Iter *)obj_alloc(vm, type, sizeof(Iter), type->basicsize);
    if (!it) return NULL;
    memset((char *)it + sizeof(Obj), 0, sizeof(Iter) - sizeof(Obj));
    it->seq = seq ? obj_newref(seq) : NULL;
    if (type->gc) gc_track(vm, (Obj *)it);
    return (Obj *)it;
}

static void iter_dealloc(Vm *vm, Obj *o) {
    Iter *it = (Iter *)o;
    if (gc_is_tracked(o)) gc_untrack(vm, o);
    XDECREF(vm, it->seq);
    XDECREF(vm, it->aux);
    XDECREF(vm, it->aux2);
    obj_free_mem(vm, o);
}

static void iter_traverse(Obj *o, VisitFn visit, void *arg) {
    Iter *it = (Iter *)o;
    if (it->seq) visit(it->seq, "seq", -1, arg);
    if (it->aux) visit(it->aux, "aux", -1, arg);
    if (it->aux2) visit(it->aux2, "aux2", -1, arg);
}

static void iter_clear(Vm *vm, Obj *o) {
    Iter *it = (Iter *)o;
    CLEAR(vm, it->seq);
    CLEAR(vm, it->aux);
    CLEAR(vm, it->aux2);
}

/* Returns a 2-tuple (a, b), recycling *cache when the iterator is its only owner (as
 * dictiter_iternextitem / enum_next / zip_next do). Steals a and b. */
static Obj *pair(Vm *vm, Obj **cache, Obj *a, Obj *b) {
    Obj *r = *cache;
    if (r && r->refcnt == 1) {
        Obj *oa = TUPLE_ITEM(r, 0), *ob = TUPLE_ITEM(r, 1);
        TUPLE_ITEM(r, 0) = a;
        TUPLE_ITEM(r, 1) = b;
        INCREF(r);
        DECREF(vm, oa);
        DECREF(vm, ob);
        if (!gc_is_tracked(r)) gc_track(vm, r);
        return r;
    }
    r = tuple_new(vm, 2);
    if (!r) {
        DECREF(vm, a);
        DECREF(vm, b);
        return NULL;
    }
    TUPLE_ITEM(r, 0) = a;
    TUPLE_ITEM(r, 1) = b;
    return r;
}

Obj *iter_next(Vm *vm, Obj *o) {
    Iter *it = (Iter *)o;
    Type *t = o->type;
    if (t == &ListIterType) {
        if (!it->seq) return NULL;
        if (it->index < LIST_LEN(it->seq)) return obj_newref(LIST_ITEM(it->seq, it->index++));
        CLEAR(vm, it->seq);
        return NULL;
    }
    if (t == &RangeIterType) {
        if (it->len <= 0) return NULL;
        it->len--;
        int64_t v = it->cur;
        it->cur += it->step;
        return int_from_i64(vm, v);
    }
    if (t == &TupleIterType) {
        if (!it->seq) return NULL;
        if (it->index < TUPLE_LEN(it->seq)) return obj_newref(TUPLE_ITEM(it->seq, it->index++));
        CLEAR(vm, it->seq);
        return NULL;
    }
    if (t == &ListRevIterType) {
        if (!it->seq) return NULL;
        if (it->index >= 0 && it->index < LIST_LEN(it->seq))
            return obj_newref(LIST_ITEM(it->seq, it->index--));
        CLEAR(vm, it->seq);
        return NULL;
    }
    if (t == &StrIterType) {
        if (!it->seq) return NULL;
        Obj *r = str_iter_next(vm, it);
        if (!r && !vm->exc) CLEAR(vm, it->seq);
        return r;
    }
    if (t == &BytesIterType) {
        if (!it->seq) return NULL;
        Bytes *b = (Bytes *)it->seq;
        if ((size_t)it->index < b->len) return int_from_i64(vm, b->s[it->index++]);
        CLEAR(vm, it->seq);
        return NULL;
    }
    if (t == &DictKeyIterType || t == &DictValueIterType || t == &DictItemIterType) {
        if (!it->seq) return NULL;
        if (it->len != DICT_LEN(it->seq)) {
            it->len = -1; /* keep failing, as CPython */
            return vm_raise(vm, &Exc_RuntimeError, "dictionary changed size during iteration");
        }
        ssize_t pos = it->index;
        Obj *k, *v;
        if (!dict_next(it->seq, &pos, &k, &v)) {
            CLEAR(vm, it->seq);
            return NULL;
        }
        it->index = pos;
        it->cur++;
        if (t == &DictKeyIterType) return obj_newref(k);
        if (t == &DictValueIterType) return obj_newref(v);
        return pair(vm, &it->aux, obj_newref(k), obj_newref(v));
    }
    if (t == &SetIterType) {
        if (!it->seq) return NULL;
        if (it->len != ((Set *)it->seq)->used) {
            it->len = -1;
            return vm_raise(vm, &Exc_RuntimeError, "Set changed size during iteration");
        }
        ssize_t pos = it->index;
        Obj *k;
        if (!set_next(it->seq, &pos, &k)) {
            CLEAR(vm, it->seq);
            return NULL;
        }
        it->index = pos;
        return obj_newref(k);
    }
    if (t == &EnumerateType) {
        Obj *item = obj_next(vm, it->seq);
        if (!item) return NULL;
        Obj *n = int_from_i64(vm, it->cur++);
        if (!n) {
            DECREF(vm, item);
            return NULL;
        }
        return pair(vm, &it->aux, n, item);
    }
    if (t == &ZipType) {
        Obj *iters = it->seq;
        ssize_t n = TUPLE_LEN(iters);
        if (n == 0) return NULL;
        Obj *items[16];
        Obj **buf = n <= 16 ? items : malloc(sizeof(Obj *) * (size_t)n);
        for (ssize_t i = 0; i < n; i++) {
            buf[i] = obj_next(vm, TUPLE_ITEM(iters, i));
            if (!buf[i]) {
                for (ssize_t j = 0; j < i; j++)
                    DECREF(vm, buf[j]);
                if (buf != items) free(buf);
                return NULL;
            }
        }
        Obj *r;
        if (n == 2) {
            r = pair(vm, &it->aux, buf[0], buf[1]);
        } else {
            Obj *cache = it->aux;
            if (cache && cache->refcnt == 1) {
                r = cache;
                INCREF(r);
                for (ssize_t i = 0; i < n; i++) {
                    Obj *old = TUPLE_ITEM(r, i);
                    TUPLE_ITEM(r, i) = buf[i];
                    DECREF(vm, old);
                }
                if (!gc_is_tracked(r)) gc_track(vm, r);
            } else {
                r = tuple_new(vm, n);
                if (r)
                    for (ssize_t i = 0; i < n; i++)
                        TUPLE_ITEM(r, i) = buf[i];
            }
        }
        if (buf != items) free(buf);
        return r;
    }
    if (t == &ReversedType) { /* reversed() over a sequence: __getitem__ from the end */
        if (!it->seq || it->index < 0) return NULL;
        Obj *idx = int_from_i64(vm, it->index--);
        Obj *r = obj_getitem(vm, it->seq, idx);
        DECREF(vm, idx);
        if (!r && (vm_exc_matches(vm, &Exc_IndexError) || vm_exc_matches(vm, &Exc_StopIteration))) {
            vm_clear_exc(vm);
            CLEAR(vm, it->seq);
        }
        return r;
    }
    if (t == &SeqIterType) { /* iteration through __getitem__ */
        if (!it->seq) return NULL;
        Obj *idx = int_from_i64(vm, it->index++);
        Obj *r = obj_getitem(vm, it->seq, idx);
        DECREF(vm, idx);
        if (!r && (vm_exc_matches(vm, &Exc_IndexError) || vm_exc_matches(vm, &Exc_StopIteration))) {
            vm_clear_exc(vm);
            CLEAR(vm, it->seq);
        }
        return r;
    }
    if (t == &MapType) {
        Obj *iters = it->seq;
        ssize_t n = TUPLE_LEN(iters);
        Obj *args[8];
        if (n > 8)
            return vm_raise(vm, &Exc_NotImplementedError, "map() with more than 8 iterables");
        for (ssize_t i = 0; i < n; i++) {
            args[i] = obj_next(vm, TUPLE_ITEM(iters, i));
            if (!args[i]) {
                for (ssize_t j = 0; j < i; j++)
                    DECREF(vm, args[j]);
                return NULL;
            }
        }
        Obj *r = obj_call(vm, it->aux, args, (int)n, NULL);
        for (ssize_t i = 0; i < n; i++)
            DECREF(vm, args[i]);
        return r;
    }
    if (t == &FilterType) {
        for (;;) {
            Obj *item = obj_next(vm, it->seq);
            if (!item) return NULL;
            int ok;
            if (it->aux == NULL || it->aux == Py_None) {
                ok = obj_truth(vm, item);
            } else {
                Obj *r = obj_call1(vm, it->aux, item);
                if (!r) {
                    DECREF(vm, item);
                    return NULL;
                }
                ok = obj_truth(vm, r);
                DECREF(vm, r);
            }
            if (ok < 0) {
                DECREF(vm, item);
                return NULL;
            }
            if (ok) return item;
            DECREF(vm, item);
        }
    }
    return vm_raise(vm, &Exc_TypeError, "'%s' object is not an iterator", t->name);
}

static Obj *iter_repr(Vm *vm, Obj *o) {
    return str_fromf(vm, "<%s object at 0x%llx>", o->type->name, (unsigned long long)o->addr);
}

static Obj *enumerate_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    (void)t;
    Obj *start = args_kw(args, nargs, kw, "start");
    int npos = nargs;
    if (npos < 1)
        return vm_raise(vm, &Exc_TypeError, "enumerate() missing required argument 'iterable'");
    if (npos > 2)
        return vm_raise(vm, &Exc_TypeError, "enumerate() takes at most 2 arguments (%d given)",
                        npos);
    if (npos == 2) start = args[1];
    Obj *inner = obj_iter(vm, args[0]);
    if (!inner) return NULL;
    Obj *e = iter_new(vm, &EnumerateType, NULL);
    if (!e) {
        DECREF(vm, inner);
        return NULL;
    }
    ((Iter *)e)->seq = inner;
    ((Iter *)e)->aux = tuple_pack(vm, 2, Py_None, Py_None); /* en_result, recycled */
    if (start) {
        int64_t v;
        if (!IS_INT(start) || !int_as_i64(start, &v)) {
            DECREF(vm, e);
            return vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                            obj_type_name(start));
        }
        ((Iter *)e)->cur = v;
    }
    return e;
}

static Obj *zip_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    (void)t;
    if (!args_no_kw(vm, "zip", kw)) return NULL;
    Obj *iters = tuple_new(vm, nargs);
    if (!iters) return NULL;
    for (int i = 0; i < nargs; i++) {
        Obj *it = obj_iter(vm, args[i]);
        if (!it) {
            if (vm_exc_matches(vm, &Exc_TypeError)) {
                vm_clear_exc(vm);
                vm_raise(vm, &Exc_TypeError, "'%s' object is not iterable", obj_type_name(args[i]));
            }
            DECREF(vm, iters);
            return NULL;
        }
        TUPLE_ITEM(iters, i) = it;
    }
    Obj *z = iter_new(vm, &ZipType, NULL);
    if (!z) {
        DECREF(vm, iters);
        return NULL;
    }
    ((Iter *)z)->seq = iters;
    Obj *res = tuple_new(vm, nargs); /* zip's recycled result tuple */
    for (int i = 0; res && i < nargs; i++)
        TUPLE_ITEM(res, i) = obj_newref(Py_None);
    ((Iter *)z)->aux = res;
    return z;
}

static Obj *map_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    (void)t;
    if (!args_no_kw(vm, "map", kw)) return NULL;
    if (nargs < 2) return vm_raise(vm, &Exc_TypeError, "map() must have at least two arguments.");
    Obj *iters = tuple_new(vm, nargs - 1);
    if (!iters) return NULL;
    for (int i = 1; i < nargs; i++) {
        Obj *it = obj_iter(vm, args[i]);
        if (!it) {
            DECREF(vm, iters);
            return NULL;
        }
        TUPLE_ITEM(iters, i - 1) = it;
    }
    Obj *m = iter_new(vm, &MapType, NULL);
    if (!m) {
        DECREF(vm, iters);
        return NULL;
    }
    ((Iter *)m)->seq = iters;
    ((Iter *)m)->aux = obj_newref(args[0]);
    return m;
}

static Obj *filter_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    (void)t;
    if (!args_no_kw(vm, "filter", kw)) return NULL;
    if (nargs != 2)
        return vm_raise(vm, &Exc_TypeError, "filter expected 2 arguments, got %d", nargs);
    Obj *it = obj_iter(vm, args[1]);
    if (!it) return NULL;
    Obj *f = iter_new(vm, &FilterType, NULL);
    if (!f) {
        DECREF(vm, it);
        return NULL;
    }
    ((Iter *)f)->seq = it;
    ((Iter *)f)->aux = obj_newref(args[0]);
    return f;
}

static Obj *reversed_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    (void)t;
    if (!args_no_kw(vm, "reversed", kw)) return NULL;
    if (nargs != 1)
        return vm_raise(vm, &Exc_TypeError, "reversed expected 1 argument, got %d", nargs);
    Obj *seq = args[0];
    if (IS_LIST(seq)) {
        Obj *r = iter_new(vm, &ListRevIterType, seq);
        if (r) ((Iter *)r)->index = LIST_LEN(seq) - 1;
        return r;
    }
    if (KIND(seq) == OBJ_RANGE) {
        Range *rg = (Range *)seq;
        int64_t lo, st, n;
        int_as_i64(rg->start, &lo);
        int_as_i64(rg->step, &st);
        int_as_i64(rg->length, &n);
        Obj *r = iter_new(vm, &RangeIterType, NULL);
        if (!r) return NULL;
        Iter *it = (Iter *)r;
        it->cur = lo + (n - 1) * st;
        it->step = -st;
        it->len = n;
        return r;
    }
    bool found;
    Obj *r = call_special(vm, seq, "__reversed__", NULL, 0, &found);
    if (found) return r;
    if (KIND(seq) == OBJ_DICT || KIND(seq) == OBJ_SET || KIND(seq) == OBJ_FROZENSET)
        return vm_raise(vm, &Exc_TypeError, "'%s' object is not reversible", obj_type_name(seq));
    ssize_t n = obj_len(vm, seq);
    if (n < 0) {
        vm_clear_exc(vm);
        return vm_raise(vm, &Exc_TypeError, "'%s' object is not reversible", obj_type_name(seq));
    }
    r = iter_new(vm, &ReversedType, seq);
    if (r) ((Iter *)r)->index = n - 1;
    return r;
}

static Obj *iter_length_hint(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    (void)nargs;
    (void)kw;
    Iter *it = (Iter *)self;
    ssize_t n = 0;
    if (self->type == &ListIterType && it->seq)
        n = LIST_LEN(it->seq) - it->index;
    else if (self->type == &TupleIterType && it->seq)
        n = TUPLE_LEN(it->seq) - it->index;
    else if (self->type == &RangeIterType)
        n = it->len;
    if (n < 0) n = 0;
    return int_from_i64(vm, n);
}

static const MethodDef iter_methods[] = {{"__length_hint__", iter_length_hint}, {NULL, NULL}};

#define ITER_TYPE(var, tpname, isgc, size, newfn)                                                  \
    Type var = {                                                                                   \
        .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},                             \
        .name = tpname,                                                                            \
        .kind = OBJ_ITER,                                                                          \
        .gc = isgc,                                                                                \
        .basicsize = size,                                                                         \
        .traverse = iter_traverse,                                                                 \
        .clear = iter_clear,                                                                       \
        .dealloc = iter_dealloc,                                                                   \
        .repr = iter_repr,                                                                         \
        .methods = iter_methods,                                                                   \
        .new_ = newfn,                                                                             \
        .base = &ObjectType,                                                                       \
    };

ITER_TYPE(ListIterType, "list_iterator", true, 32, NULL)
ITER_TYPE(ListRevIterType, "list_reverseiterator", true, 32, NULL)
ITER_TYPE(TupleIterType, "tuple_iterator", true, 32, NULL)
ITER_TYPE(StrIterType, "str_ascii_iterator", true, 32, NULL)
ITER_TYPE(BytesIterType, "bytes_iterator", true, 32, NULL)
ITER_TYPE(RangeIterType, "range_iterator", false, 40, NULL)
ITER_TYPE(DictKeyIterType, "dict_keyiterator", true, 56, NULL)
ITER_TYPE(DictValueIterType, "dict_valueiterator", true, 56, NULL)
ITER_TYPE(DictItemIterType, "dict_itemiterator", true, 56, NULL)
ITER_TYPE(SetIterType, "set_iterator", true, 48, NULL)
ITER_TYPE(SeqIterType, "iterator", true, 32, NULL)
ITER_TYPE(CallIterType, "callable_iterator", true, 32, NULL)
ITER_TYPE(EnumerateType, "enumerate", true, 48, enumerate_new_type)
ITER_TYPE(ZipType, "zip", true, 48, zip_new_type)
ITER_TYPE(ReversedType, "reversed", true, 32, reversed_new_type)
ITER_TYPE(MapType, "map", true, 32, map_new_type)
ITER_TYPE(FilterType, "filter", true, 32, filter_new_type)
