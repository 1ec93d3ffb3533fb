/*
 * list.c - the list type: a 40-byte object (+16 GC header) and a separate item array of
 * `allocated` pointers, as CPython's PyListObject.
 *
 * How much is allocated depends on how the list was made (cpython311.md 1b): list_resize's
 * over-allocation for appends, list_preallocate_exact's round-up-to-even for list(sized),
 * exact sizes for BUILD_LIST, repetition and slices. Freed list objects (not their arrays)
 * go on an 80-entry free list. A list decrefs its items last to first when it dies.
 */
#include "heap/types/types.h"

#include <stdlib.h>
#include <string.h>

#define LIST_MAXFREELIST 80

static int set_capacity(Vm *vm, List *l, ssize_t cap) {
    if (vm->limits.max_container && cap > vm->limits.max_container) {
        vm_nomem(vm);
        return -1;
    }
    if (cap > 0 && vm->limits.max_heap &&
        vm->alloc.block_bytes + vm->alloc.malloc_bytes + (size_t)cap * 8 > vm->limits.max_heap) {
        vm_nomem(vm);
        return -1;
    }
    Obj **items = realloc(l->items, sizeof(Obj *) * (size_t)(cap ? cap : 1));
    if (!items) {
        vm_nomem(vm);
        return -1;
    }
    l->items = items;
    l->items_addr = alloc_realloc(&vm->alloc, l->items_addr, (size_t)l->cap * 8, (size_t)cap * 8);
    l->cap = cap;
    return 0;
}

static Obj *list_alloc(Vm *vm, ssize_t n, bool use_freelist) {
    List *l;
    if (use_freelist && vm->nlist_free > 0) {
        l = (List *)vm->list_free[--vm->nlist_free];
        l->ob.refcnt = 1;
        l->ob.uid = vm->next_uid++;
        vm->live_objects++;
        vm_event(vm, EV_ALLOC, (Obj *)l, 0);
    } else {
        l = (List *)obj_alloc(vm, &ListType, sizeof(List), 40);
        if (!l) return NULL;
    }
    l->len = 0;
    l->cap = 0;
    l->items = NULL;
    l->items_addr = 0;
    if (n > 0) {
        if (set_capacity(vm, l, n) < 0) {
            DECREF(vm, l);
            return NULL;
        }
        memset(l->items, 0, sizeof(Obj *) * (size_t)n);
        l->len = n;
    }
    gc_track(vm, (Obj *)l);
    return (Obj *)l;
}

Obj *list_new(Vm *vm, ssize_t n) {
    return list_alloc(vm, n, true);
}

/* mirrors list_resize() in Objects/listobject.c */
int list_resize(Vm *vm, Obj *o, ssize_t newsize) {
    List *l = (List *)o;
    ssize_t allocated = l->cap;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        l->len = newsize;
        return 0;
    }
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - l->len > (ssize_t)(new_allocated - (size_t)newsize))
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0) new_allocated = 0;
    if (set_capacity(vm, l, (ssize_t)new_allocated) < 0) return -1;
    l->len = newsize;
    return 0;
}

/* mirrors list_preallocate_exact(): capacity rounded up to even */
int list_preallocate_exact(Vm *vm, Obj *o, ssize_t n) {
    List *l = (List *)o;
    return set_capacity(vm, l, (n + 1) & ~(ssize_t)1);
}

int list_append(Vm *vm, Obj *o, Obj *item) {
    List *l = (List *)o;
    ssize_t n = l->len;
    if (n < l->cap) { /* fast path of list_append: room left */
        l->items[n] = obj_newref(item);
        l->len = n + 1;
        return 0;
    }
    if (list_resize(vm, o, n + 1) < 0) return -1;
    l->items[n] = obj_newref(item);
    return 0;
}

/* mirrors list_extend() */
int list_extend(Vm *vm, Obj *o, Obj *iterable) {
    List *l = (List *)o;
    Obj **src;
    ssize_t n;
    if (seq_fast(iterable, &src, &n)) {
        if (n == 0) return 0;
        ssize_t m = l->len;
        /* the list may extend itself: copy the source pointers first */
        Obj **tmp = malloc(sizeof(Obj *) * (size_t)n);
        if (!tmp) {
            vm_nomem(vm);
            return -1;
        }
        memcpy(tmp, src, sizeof(Obj *) * (size_t)n);
        if (l->items == NULL) {
            if (list_preallocate_exact(vm, o, n) < 0) {
                free(tmp);
                return -1;
            }
            l->len = n;
        } else if (list_resize(vm, o, m + n) < 0) {
            free(tmp);
            return -1;
        }
        for (ssize_t i = 0; i < n; i++)
            l->items[m + i] = obj_newref(tmp[i]);
        free(tmp);
        return 0;
    }
    Obj *it = obj_iter(vm, iterable);
    if (!it) return -1;
    /* guess a size: len() or __length_hint__, default 8 (PyObject_LengthHint) */
    ssize_t hint = 8;
    if (KIND(it) == OBJ_ITER) {
        Iter *ii = (Iter *)it;
        if (it->type == &ListIterType && ii->seq)
            hint = LIST_LEN(ii->seq) - ii->index;
        else if (it->type == &TupleIterType && ii->seq)
            hint = TUPLE_LEN(ii->seq) - ii->index;
        else if (it->type == &RangeIterType)
            hint = ii->len;
        else if (it->type == &StrIterType && ii->seq)
            hint = (ssize_t)str_len(ii->seq) - ii->index;
        else if (it->type == &DictKeyIterType || it->type == &DictValueIterType ||
                 it->type == &DictItemIterType || it->type == &SetIterType)
            hint = ii->len;
        if (hint < 0) hint = 0;
    }
    ssize_t m = l->len;
    if (l->items == NULL) {
        if (hint && list_preallocate_exact(vm, o, hint) < 0) goto error;
    } else {
        if (list_resize(vm, o, m + hint) < 0) goto error;
        l->len = m;
    }
    for (;;) {
        Obj *item = obj_next(vm, it);
        if (!item) {
            if (vm->exc) goto error;
            break;
        }
        if (l->len < l->cap) {
            l->items[l->len++] = item;
        } else {
            int r = list_append(vm, o, item);
            DECREF(vm, item);
            if (r < 0) goto error;
        }
    }
    if (l->len < l->cap && list_resize(vm, o, l->len) < 0) goto error;
    DECREF(vm, it);
    return 0;
error:
    DECREF(vm, it);
    return -1;
}

static void list_clear_items(Vm *vm, List *l) {
    Obj **items = l->items;
    ssize_t n = l->len;
    uint64_t addr = l->items_addr;
    ssize_t cap = l->cap;
    l->items = NULL;
    l->len = 0;
    l->cap = 0;
    l->items_addr = 0;
    if (items) {
        while (--n >= 0)
            XDECREF(vm, items[n]); /* last to first, as _list_clear */
        free(items);
        if (cap) alloc_free(&vm->alloc, addr, (size_t)cap * 8);
    }
}

static void list_dealloc(Vm *vm, Obj *o) {
    List *l = (List *)o;
    if (gc_is_tracked(o)) gc_untrack(vm, o);
    list_clear_items(vm, l);
    if (vm->nlist_free < LIST_MAXFREELIST) {
        vm_event(vm, EV_FREE, o, 0);
        vm->live_objects--;
        vm->list_free[vm->nlist_free++] = o;
        return;
    }
    obj_free_mem(vm, o);
}

static void list_clear_slot(Vm *vm, Obj *o) {
    list_clear_items(vm, (List *)o);
}

static void list_traverse(Obj *o, VisitFn visit, void *arg) {
    List *l = (List *)o;
    for (ssize_t i = l->len; --i >= 0;) /* back to front, as list_traverse */
        if (l->items[i]) visit(l->items[i], NULL, (long)i, arg);
}

static size_t list_size_of(Obj *o) {
    return 40 + 8 * (size_t)((List *)o)->cap;
}

static Obj *list_repr(Vm *vm, Obj *o) {
    List *l = (List *)o;
    if (l->len == 0) return str_from_cstr(vm, "[]");
    if (vm_repr_enter(vm, o)) return str_from_cstr(vm, "[...]");
    StrBuf b;
    sb_init(&b);
    sb_addc(&b, '[');
    for (ssize_t i = 0; i < l->len; i++) {
        if (i) sb_adds(&b, ", ");
        Obj *item = obj_newref(l->items[i]);
        Obj *r = obj_repr(vm, item);
        DECREF(vm, item);
        if (!r) {
            sb_free(&b);
            vm_repr_leave(vm, o);
            return NULL;
        }
        sb_add_obj(&b, r);
        DECREF(vm, r);
    }
    sb_addc(&b, ']');
    vm_repr_leave(vm, o);
    return sb_finish(vm, &b);
}

Obj *list_slice(Vm *vm, Obj *o, ssize_t lo, ssize_t hi) {
    List *l = (List *)o;
    if (lo < 0) lo = 0;
    if (hi > l->len) hi = l->len;
    if (hi < lo) hi = lo;
    Obj *r = list_new(vm, hi - lo);
    if (!r) return NULL;
    for (ssize_t i = lo; i < hi; i++)
        LIST_ITEM(r, i - lo) = obj_newref(l->items[i]);
    return r;
}

Obj *list_getitem(Vm *vm, Obj *o, Obj *key) {
    List *l = (List *)o;
    if (IS_INT(key)) {
        int64_t i;
        if (!int_as_i64(key, &i)) i = l->len; /* huge: out of range */
        if (i < 0) i += l->len;
        if (i < 0 || i >= l->len) return vm_raise(vm, &Exc_IndexError, "list index out of range");
        return obj_newref(l->items[i]);
    }
    if (TYPE(key) == &SliceType) {
        ssize_t start, stop, step, n;
        if (slice_indices(vm, key, l->len, &start, &stop, &step, &n) < 0) return NULL;
        if (step == 1) return list_slice(vm, o, start, stop);
        Obj *r = list_new(vm, n);
        if (!r) return NULL;
        for (ssize_t i = 0, j = start; i < n; i++, j += step)
            LIST_ITEM(r, i) = obj_newref(l->items[j]);
        return r;
    }
    bool ok;
    ssize_t i = obj_as_index(vm, key, &ok);
    if (ok) {
        if (i < 0) i += l->len;
        if (i < 0 || i >= l->len) return vm_raise(vm, &Exc_IndexError, "list index out of range");
        return obj_newref(l->items[i]);
    }
    vm_clear_exc(vm);
    return vm_raise(vm, &Exc_TypeError, "list indices must be integers or slices, not %s",
                    obj_type_name(key));
}

/* slice assignment / deletion: mirrors list_ass_slice for step 1 */
static int list_ass_slice(Vm *vm, List *l, ssize_t lo, ssize_t hi, Obj *v) {
    Obj **src = NULL;
    ssize_t n = 0;
    Obj *vl = NULL;
    if (v) {
        if ((Obj *)l == v || !seq_fast(v, &src, &n)) {
            vl = obj_to_list(vm, v);
            if (!vl) {
                if (vm_exc_matches(vm, &Exc_TypeError)) {
                    vm_clear_exc(vm);
                    vm_raise(vm, &Exc_TypeError, "can only assign an iterable");
                }
                return -1;
            }
            src = ((List *)vl)->items;
            n = LIST_LEN(vl);
        }
    }
    if (lo < 0) lo = 0;
    if (lo > l->len) lo = l->len;
    if (hi < lo) hi = lo;
    if (hi > l->len) hi = l->len;
    ssize_t norig = hi - lo;
    ssize_t d = n - norig;
    Obj **recycle = NULL;
    if (norig) {
        recycle = malloc(sizeof(Obj *) * (size_t)norig);
        if (!recycle) abort();
        memcpy(recycle, l->items + lo, sizeof(Obj *) * (size_t)norig);
    }
    ssize_t oldlen = l->len;
    if (d < 0) {
        memmove(l->items + hi + d, l->items + hi, sizeof(Obj *) * (size_t)(oldlen - hi));
        list_resize(vm, (Obj *)l, oldlen + d);
    } else if (d > 0) {
        if (list_resize(vm, (Obj *)l, oldlen + d) < 0) {
            free(recycle);
            XDECREF(vm, vl);
            return -1;
        }
        memmove(l->items + hi + d, l->items + hi, sizeof(Obj *) * (size_t)(oldlen - hi));
    }
    for (ssize_t k = 0; k < n; k++)
        l->items[lo + k] = obj_newref(src[k]);
    for (ssize_t k = norig - 1; k >= 0; k--)
        XDECREF(vm, recycle[k]);
    free(recycle);
    XDECREF(vm, vl);
    return 0;
}

int list_ass_item(Vm *vm, Obj *o, Obj *key, Obj *value) {
    List *l = (List *)o;
    if (TYPE(key) == &SliceType) {
        ssize_t start, stop, step, n;
        if (slice_indices(vm, key, l->len, &start, &stop, &step, &n) < 0) return -1;
        if (step == 1) return list_ass_slice(vm, l, start, stop, value);
        if (!value) { /* extended slice deletion */
            if (n <= 0) return 0;
            if (step < 0) {
                stop = start + 1;
                start = stop + step * (n - 1) - 1;
                step = -step;
            }
            Obj **garbage = malloc(sizeof(Obj *) * (size_t)n);
            ssize_t cur, i, j = 0;
            for (cur = start, i = 0; cur < stop; cur += step, i++) {
                ssize_t lim = step - 1;
                garbage[i] = l->items[cur];
                if (cur + step >= l->len) lim = l->len - cur - 1;
                memmove(l->items + cur - i, l->items + cur + 1, sizeof(Obj *) * (size_t)lim);
            }
            cur = start + n * step;
            if (cur < l->len)
                memmove(l->items + cur - n, l->items + cur, sizeof(Obj *) * (size_t)(l->len - cur));
            list_resize(vm, o, l->len - n);
            for (j = 0; j < n; j++)
                DECREF(vm, garbage[j]);
            free(garbage);
            return 0;
        }
        Obj *seq = obj_to_list(vm, value);
        if (!seq) return -1;
        if (LIST_LEN(seq) != n) {
            vm_raise(vm, &Exc_ValueError,
                     "attempt to assign sequence of size %zd to extended slice of size %zd",
                     LIST_LEN(seq), n);
            DECREF(vm, seq);
            return -1;
        }
        for (ssize_t i = 0, j = start; i < n; i++, j += step) {
            Obj *old = l->items[j];
            l->items[j] = obj_newref(LIST_ITEM(seq, i));
            DECREF(vm, old);
        }
        DECREF(vm, seq);
        return 0;
    }
    bool ok;
    ssize_t i = IS_INT(key) ? 0 : -1;
    int64_t iv;
    if (IS_INT(key)) {
        if (!int_as_i64(key, &iv)) iv = l->len;
        i = (ssize_t)iv;
    } else {
        i = obj_as_index(vm, key, &ok);
        if (!ok) {
            vm_clear_exc(vm);
            vm_raise(vm, &Exc_TypeError, "list indices must be integers or slices, not %s",
                     obj_type_name(key));
            return -1;
        }
    }
    if (i < 0) i += l->len;
    if (i < 0 || i >= l->len) {
        vm_raise(vm, &Exc_IndexError,
                 value ? "list assignment index out of range"
                       : "list assignment index out of range");
        return -1;
    }
    if (!value) return list_ass_slice(vm, l, i, i + 1, NULL);
    Obj *old = l->items[i];
    l->items[i] = obj_newref(value);
    DECREF(vm, old);
    return 0;
}

Obj *list_repeat(Vm *vm, Obj *o, ssize_t n) {
    List *l = (List *)o;
    if (n < 0) n = 0;
    if (l->len &&
        n > (vm->limits.max_container ? vm->limits.max_container : ((ssize_t)1 << 40)) / l->len)
        return vm_nomem(vm);
    ssize_t size = l->len * n;
    Obj *r = list_new(vm, size);
    if (!r) return NULL;
    for (ssize_t k = 0; k < size; k++)
        LIST_ITEM(r, k) = obj_newref(l->items[k % l->len]);
    return r;
}

Obj *list_concat(Vm *vm, Obj *a, Obj *b) {
    ssize_t na = LIST_LEN(a), nb = LIST_LEN(b);
    Obj *r = list_new(vm, na + nb);
    if (!r) return NULL;
    for (ssize_t i = 0; i < na; i++)
        LIST_ITEM(r, i) = obj_newref(LIST_ITEM(a, i));
    for (ssize_t i = 0; i < nb; i++)
        LIST_ITEM(r, na + i) = obj_newref(LIST_ITEM(b, i));
    return r;
}

/* ---- sort: a stable merge sort calling __lt__ as list.sort does ---- */

typedef struct {
    Obj *key;
    Obj *value;
} SortItem;

static int sort_lt(Vm *vm, Obj *a, Obj *b) {
    return obj_richcompare_bool(vm, a, b, 0 /*LT*/);
}

static int merge_sort(Vm *vm, SortItem *a, SortItem *tmp, ssize_t n) {
    if (n < 2) return 0;
    if (n <= 8) { /* binary-insertion-like simple insertion sort for small runs */
        for (ssize_t i = 1; i < n; i++) {
            SortItem x = a[i];
            ssize_t j = i;
            while (j > 0) {
                int lt = sort_lt(vm, x.key, a[j - 1].key);
                if (lt < 0) return -1;
                if (!lt) break;
                a[j] = a[j - 1];
                j--;
            }
            a[j] = x;
        }
        return 0;
    }
    ssize_t h = n / 2;
    if (merge_sort(vm, a, tmp, h) < 0 || merge_sort(vm, a + h, tmp, n - h) < 0) return -1;
    ssize_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        int lt = sort_lt(vm, a[j].key, a[i].key);
        if (lt < 0) return -1;
        tmp[k++] = lt ? a[j++] : a[i++];
    }
    while (i < h)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, sizeof(SortItem) * (size_t)n);
    return 0;
}

Obj *list_sort(Vm *vm, Obj *o, Obj *key, bool reverse) {
    List *l = (List *)o;
    ssize_t n = l->len;
    /* as list.sort: the list appears empty while sorting */
    Obj **saved = l->items;
    ssize_t saved_cap = l->cap;
    uint64_t saved_addr = l->items_addr;
    l->items = NULL;
    l->len = 0;
    l->cap = 0;
    l->items_addr = 0;
    SortItem *items = malloc(sizeof(SortItem) * (size_t)(n ? n : 1));
    SortItem *tmp = malloc(sizeof(SortItem) * (size_t)(n ? n : 1));
    int rc = 0;
    ssize_t nkeys = 0;
    for (ssize_t i = 0; i < n; i++) {
        items[i].value = saved[i];
        if (key) {
            items[i].key = obj_call1(vm, key, saved[i]);
            if (!items[i].key) {
                rc = -1;
                break;
            }
            nkeys++;
        } else {
            items[i].key = saved[i];
        }
    }
    if (rc == 0) {
        if (reverse) /* reverse, stable-sort, reverse: keeps equal items in order */
            for (ssize_t i = 0; i < n / 2; i++) {
                SortItem t = items[i];
                items[i] = items[n - 1 - i];
                items[n - 1 - i] = t;
            }
        rc = merge_sort(vm, items, tmp, n);
        if (rc == 0 && reverse)
            for (ssize_t i = 0; i < n / 2; i++) {
                SortItem t = items[i];
                items[i] = items[n - 1 - i];
                items[n - 1 - i] = t;
            }
        if (rc == 0)
            for (ssize_t i = 0; i < n; i++)
                saved[i] = items[i].value;
    }
    if (key)
        for (ssize_t i = 0; i < nkeys; i++)
            DECREF(vm, items[i].key);
    free(items);
    free(tmp);
    bool modified = l->items != NULL;
    /* anything appended during the sort is dropped, as CPython does */
    list_clear_items(vm, l);
    l->items = saved;
    l->len = n;
    l->cap = saved_cap;
    l->items_addr = saved_addr;
    if (rc < 0) return NULL;
    if (modified) return vm_raise(vm, &Exc_ValueError, "list modified during sort");
    return obj_newref(Py_None);
}

/* ---- methods ---- */

static Obj *m_append(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "append", kw)) return NULL;
    if (nargs != 1)
        return vm_raise(vm, &Exc_TypeError, "list.append() takes exactly one argument (%d given)",
                        nargs);
    if (list_append(vm, self, args[0]) < 0) return NULL;
    return obj_newref(Py_None);
}

static Obj *m_extend(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "extend", kw)) return NULL;
    if (nargs != 1)
        return vm_raise(vm, &Exc_TypeError, "list.extend() takes exactly one argument (%d given)",
                        nargs);
    if (list_extend(vm, self, args[0]) < 0) return NULL;
    return obj_newref(Py_None);
}

static Obj *m_insert(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "insert", kw)) return NULL;
    if (nargs != 2)
        return vm_raise(vm, &Exc_TypeError, "insert expected 2 arguments, got %d", nargs);
    bool ok;
    ssize_t where = obj_as_index(vm, args[0], &ok);
    if (!ok) return NULL;
    List *l = (List *)self;
    ssize_t n = l->len;
    if (list_resize(vm, self, n + 1) < 0) return NULL;
    if (where < 0) {
        where += n;
        if (where < 0) where = 0;
    }
    if (where > n) where = n;
    memmove(l->items + where + 1, l->items + where, sizeof(Obj *) * (size_t)(n - where));
    l->items[where] = obj_newref(args[1]);
    return obj_newref(Py_None);
}

static Obj *m_pop(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "pop", kw)) return NULL;
    if (nargs > 1)
        return vm_raise(vm, &Exc_TypeError, "pop expected at most 1 argument, got %d", nargs);
    List *l = (List *)self;
    ssize_t i = -1;
    if (nargs == 1) {
        bool ok;
        i = obj_as_index(vm, args[0], &ok);
        if (!ok) return NULL;
    }
    if (l->len == 0) return vm_raise(vm, &Exc_IndexError, "pop from empty list");
    if (i < 0) i += l->len;
    if (i < 0 || i >= l->len) return vm_raise(vm, &Exc_IndexError, "pop index out of range");
    Obj *v = l->items[i];
    if (i == l->len - 1) {
        if (list_resize(vm, self, l->len - 1) < 0) return NULL;
        return v;
    }
    INCREF(v);
    if (list_ass_slice(vm, l, i, i + 1, NULL) < 0) {
        DECREF(vm, v);
        return NULL;
    }
    return v;
}

static Obj *m_remove(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "remove", kw)) return NULL;
    if (nargs != 1)
        return vm_raise(vm, &Exc_TypeError, "list.remove() takes exactly one argument (%d given)",
                        nargs);
    List *l = (List *)self;
    for (ssize_t i = 0; i < l->len; i++) {
        Obj *item = obj_newref(l->items[i]);
        int r = obj_eq(vm, item, args[0]);
        DECREF(vm, item);
        if (r < 0) return NULL;
        if (r) {
            if (list_ass_slice(vm, l, i, i + 1, NULL) < 0) return NULL;
            return obj_newref(Py_None);
        }
    }
    return vm_raise(vm, &Exc_ValueError, "list.remove(x): x not in list");
}

static Obj *m_index(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "index", kw) || !args_check(vm, "index", nargs, 1, 3)) return NULL;
    List *l = (List *)self;
    ssize_t start = 0, stop = l->len;
    bool ok;
    if (nargs > 1) {
        start = obj_as_index(vm, args[1], &ok);
        if (!ok) return NULL;
        if (start < 0) {
            start += l->len;
            if (start < 0) start = 0;
        }
    }
    if (nargs > 2) {
        stop = obj_as_index(vm, args[2], &ok);
        if (!ok) return NULL;
        if (stop < 0) stop += l->len;
    }
    for (ssize_t i = start; i < stop && i < l->len; i++) {
        Obj *item = obj_newref(l->items[i]);
        int r = obj_eq(vm, item, args[0]);
        DECREF(vm, item);
        if (r < 0) return NULL;
        if (r) return int_from_i64(vm, i);
    }
    Obj *rep = obj_repr(vm, args[0]);
    if (!rep) return NULL;
    vm_raise(vm, &Exc_ValueError, "%s is not in list", str_cstr(rep));
    DECREF(vm, rep);
    return NULL;
}

static Obj *m_count(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "count", kw)) return NULL;
    if (nargs != 1)
        return vm_raise(vm, &Exc_TypeError, "list.count() takes exactly one argument (%d given)",
                        nargs);
    List *l = (List *)self;
    int64_t c = 0;
    for (ssize_t i = 0; i < l->len; i++) {
        Obj *item = obj_newref(l->items[i]);
        int r = obj_eq(vm, item, args[0]);
        DECREF(vm, item);
        if (r < 0) return NULL;
        c += r;
    }
    return int_from_i64(vm, c);
}

static Obj *m_reverse(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (!args_no_kw(vm, "reverse", kw) || !args_check(vm, "reverse", nargs, 0, 0)) return NULL;
    List *l = (List *)self;
    for (ssize_t i = 0; i < l->len / 2; i++) {
        Obj *t = l->items[i];
        l->items[i] = l->items[l->len - 1 - i];
        l->items[l->len - 1 - i] = t;
    }
    return obj_newref(Py_None);
}

static Obj *m_copy(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (!args_no_kw(vm, "copy", kw) || !args_check(vm, "copy", nargs, 0, 0)) return NULL;
    return list_slice(vm, self, 0, LIST_LEN(self));
}

static Obj *m_clear(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (!args_no_kw(vm, "clear", kw) || !args_check(vm, "clear", nargs, 0, 0)) return NULL;
    list_clear_items(vm, (List *)self);
    return obj_newref(Py_None);
}

static Obj *m_sort(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (nargs > 0) return vm_raise(vm, &Exc_TypeError, "sort() takes no positional arguments");
    Obj *key = args_kw(args, nargs, kw, "key");
    Obj *rev = args_kw(args, nargs, kw, "reverse");
    if (key == Py_None) key = NULL;
    int r = 0;
    if (rev) {
        r = obj_truth(vm, rev);
        if (r < 0) return NULL;
    }
    return list_sort(vm, self, key, r);
}

static Obj *list_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    (void)t;
    if (!args_no_kw(vm, "list", kw)) return NULL;
    if (nargs > 1)
        return vm_raise(vm, &Exc_TypeError, "list expected at most 1 argument, got %d", nargs);
    Obj *l = list_alloc(vm, 0, false); /* list_vectorcall: PyType_GenericAlloc, no free list */
    if (!l || nargs == 0) return l;
    Obj *it = args[0];
    /* list___init___impl: preallocate exactly when the argument has a length */
    ssize_t n = -1;
    if (IS_LIST(it))
        n = LIST_LEN(it);
    else if (IS_TUPLE(it))
        n = TUPLE_LEN(it);
    else if (IS_DICT(it))
        n = DICT_LEN(it);
    else if (KIND(it) == OBJ_STR || KIND(it) == OBJ_SET || KIND(it) == OBJ_FROZENSET ||
             KIND(it) == OBJ_RANGE || KIND(it) == OBJ_DICTVIEW || KIND(it) == OBJ_BYTES) {
        n = obj_len(vm, it);
        if (n < 0) {
            DECREF(vm, l);
            return NULL;
        }
    }
    if (n > 0 && list_preallocate_exact(vm, l, n) < 0) {
        DECREF(vm, l);
        return NULL;
    }
    if (list_extend(vm, l, it) < 0) {
        DECREF(vm, l);
        return NULL;
    }
    return l;
}

static const MethodDef list_methods[] = {
    {"append", m_append}, {"extend", m_extend}, {"insert", m_insert}, {"pop", m_pop},
    {"remove", m_remove}, {"index", m_index},   {"count", m_count},   {"reverse", m_reverse},
    {"copy", m_copy},     {"clear", m_clear},   {"sort", m_sort},     {NULL, NULL},
};

Type ListType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "list",
    .kind = OBJ_LIST,
    .gc = true,
    .basicsize = 40,
    .traverse = list_traverse,
    .clear = list_clear_slot,
    .dealloc = list_dealloc,
    .repr = list_repr,
    .size_of = list_size_of,
    .methods = list_methods,
    .new_ = list_new_type,
    .base = &ObjectType,
};
