/*
 * dict.c - the dict type and its views, modelled on CPython 3.11's Objects/dictobject.c.
 *
 * A dict is a 48-byte object (+16 GC header) pointing at a "keys object": a 32-byte header, an
 * index table of 2^log2 slots (1, 2 or 4 bytes each) and an array of USABLE_FRACTION (2/3)
 * entries filled in insertion order. Entries take 16 bytes while every key is an exact str
 * (DICT_KEYS_UNICODE, no stored hash) and 24 otherwise. The C structures here hold the same
 * state (index and entries arrays, log2, usable, nentries, the unicode flag); the keys
 * object's simulated memory comes from the allocator model (keys_addr).
 *
 * Invariants, as CPython's:
 *  - log2 == 0 is the shared empty keys object (`{}`, after clear()): no table, not counted.
 *  - Entries are only appended; a deleted entry keeps its place with key == value == NULL and
 *    its index slot becomes DKIX_DUMMY, so deletions never shrink a dict and `usable` only
 *    comes back with a resize. Iteration walks the entries and skips the deleted ones.
 *  - A resize happens when an insert finds usable == 0; the new size is
 *    calculate_log2_keysize(used * 3), which rounds 1..7 up to 16 slots (the 3.11 quirk).
 *  - A non-str key entering a unicode table forces a resize into a general table first.
 *  - New dicts are untracked by the GC; inserting a key or value that "may be tracked" tracks
 *    the dict (MAINTAIN_TRACKING); only a full collection untracks it again
 *    (dict_maybe_untrack).
 *  - 80 freed dict objects and 80 8-slot unicode keys objects are kept on free lists.
 *
 * Split dicts model an instance __dict__ of a class with shared keys (3.11's split table):
 * `split_cls` is set, the key strings belong to the class's SharedKeys (the dict holds no
 * reference to them) and getsizeof reports 48 + 8 * (shared nentries + shared usable). Such a
 * dict stays split when keys are deleted or re-added; a new str key is appended to the shared
 * keys while they have room; a non-str key, a str key once the shared keys are full, and
 * popitem() turn it into a combined dict, as dictresize() does. The entries kept here for a
 * split dict (a private table that never touches the allocator model) are in the instance's
 * insertion order, which is the order CPython iterates it in.
 */
#include "heap/types/types.h"

#include "heap/lang/ast.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DICT_LOG_MINSIZE 3  /* PyDict_LOG_MINSIZE: 8 slots */
#define DICT_MAXFREELIST 80 /* PyDict_MAXFREELIST, for dicts and for keys objects */
#define SHARED_KEYS_LOG2 6  /* NEXT_LOG2_SHARED_KEYS_MAX_SIZE */
#define DICT_BASICSIZE 48   /* sizeof(PyDictObject) */
#define KEYS_HEADER 32      /* sizeof(PyDictKeysObject) */
#define PERTURB_SHIFT 5
#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define USABLE_FRACTION(n) (((n) << 1) / 3)

/* A keys table being built, before it is installed in a dict (dictresize allocates the new
 * table before it releases the old one, and the allocator model sees that order). */
typedef struct {
    uint8_t log2;
    bool unicode;
    ssize_t usable;
    ssize_t nentries;
    int32_t *index;
    DictEntry *entries;
    uint64_t addr;   /* simulated address of the keys object; 0 for a split dict's table */
    Type *split_cls; /* set when the table is a split dict's private one */
} Keys;

/* Additions to the dict and set APIs that types.h does not declare yet (see the report to
 * the lead); set.c defines the set ones. */
Obj *dict_new_split(Vm *vm, Type *cls);
Obj *dict_from_items(Vm *vm, Obj **keys, ssize_t kstride, Obj **values, ssize_t vstride, ssize_t n);
Obj *dict_fromkeys(Vm *vm, Obj *iterable, Obj *value);
int dict_contains(Vm *vm, Obj *d, Obj *key);
int dict_contains_hash(Vm *vm, Obj *d, Obj *key, int64_t hash);
Obj *dict_getitem(Vm *vm, Obj *d, Obj *key);
void dict_clear(Vm *vm, Obj *d);
void dict_clear_freelists(Vm *vm);
Obj *dict_richcompare(Vm *vm, Obj *a, Obj *b, int op);
Obj *dict_binop(Vm *vm, Obj *a, Obj *b, int op);
Obj *dict_inplace(Vm *vm, Obj *a, Obj *b, int op);
int dictview_contains(Vm *vm, Obj *view, Obj *item);
Obj *dictview_richcompare(Vm *vm, Obj *a, Obj *b, int op);
Obj *dictview_binop(Vm *vm, Obj *a, Obj *b, int op);
int set_update(Vm *vm, Obj *s, Obj *iterable);
int set_difference_update(Vm *vm, Obj *s, Obj *other);
int set_symmetric_difference_update(Vm *vm, Obj *s, Obj *other);
Obj *set_intersection_multi(Vm *vm, Obj *s, Obj **others, int n);

static int dict_merge(Vm *vm, Obj *a, Obj *b, int override);
static Obj *dictview_new(Vm *vm, Obj *d, int sub);

/* ---------------------------------------------------------------- sizes */

static unsigned bit_length(size_t x) {
    return x ? 64u - (unsigned)__builtin_clzll(x) : 0u;
}

/* mirrors calculate_log2_keysize(): `(minsize | 8) - 1` before bit_length, so any minsize in
 * 1..7 gives 16 slots while 0 and 8 give 8 */
static uint8_t calculate_log2_keysize(ssize_t minsize) {
    size_t m = ((size_t)minsize | 8) - 1;
    return (uint8_t)bit_length(m | 7);
}

/* mirrors estimate_log2_keysize(): a table that holds n entries without a resize */
static uint8_t estimate_log2_keysize(ssize_t n) {
    return calculate_log2_keysize((n * 3 + 1) / 2);
}

/* mirrors _PyDict_KeysSize(): header + index bytes + entries */
static size_t keys_size(uint8_t log2, bool unicode) {
    unsigned log2_bytes = log2 < 8    ? log2
                          : log2 < 16 ? log2 + 1u
                          : log2 < 32 ? log2 + 2u
                                      : log2 + 3u;
    size_t usable = USABLE_FRACTION((size_t)1 << log2);
    return KEYS_HEADER + ((size_t)1 << log2_bytes) + usable * (unicode ? 16 : 24);
}

/* mirrors _PyDict_SizeOf() */
size_t dict_sizeof(Obj *o) {
    Dict *d = (Dict *)o;
    size_t res = TYPE(o)->basicsize ? TYPE(o)->basicsize : DICT_BASICSIZE;
    if (d->split_cls) {
        SharedKeys *sk = d->split_cls->cached_keys;
        return res + 8 * (size_t)(sk->nentries + sk->usable); /* shared_keys_usable_size */
    }
    if (d->log2) res += keys_size(d->log2, d->unicode);
    return res;
}

/* ---------------------------------------------------------------- keys objects */

static bool heap_full(Vm *vm, size_t bytes) {
    return vm->limits.max_heap &&
           vm->alloc.block_bytes + vm->alloc.malloc_bytes + bytes > vm->limits.max_heap;
}

/* mirrors new_keys_object(): an empty table of 2^log2 slots. Its memory comes from the keys
 * free list (8-slot unicode tables only) or from PyObject_Malloc; a split dict's private table
 * (simulated == false) has no memory of its own. */
static int keys_new(Vm *vm, Keys *k, uint8_t log2, bool unicode, bool simulated) {
    if (log2 >= 31) {
        vm_nomem(vm);
        return -1;
    }
    size_t n = (size_t)1 << log2;
    ssize_t usable = USABLE_FRACTION((ssize_t)n);
    size_t bytes = keys_size(log2, unicode);
    bool from_free = simulated && log2 == DICT_LOG_MINSIZE && unicode && vm->nkeys_free > 0;
    if (simulated && !from_free && heap_full(vm, bytes)) {
        vm_nomem(vm);
        return -1;
    }
    k->index = malloc(n * sizeof(int32_t));
    k->entries = calloc((size_t)usable, sizeof(DictEntry));
    if (!k->index || !k->entries) {
        free(k->index);
        free(k->entries);
        vm_nomem(vm);
        return -1;
    }
    memset(k->index, 0xff, n * sizeof(int32_t)); /* DKIX_EMPTY everywhere */
    k->log2 = log2;
    k->unicode = unicode;
    k->usable = usable;
    k->nentries = 0;
    k->split_cls = NULL;
    k->addr = 0;
    if (simulated)
        k->addr = from_free ? vm->keys_free[--vm->nkeys_free] : alloc_malloc(&vm->alloc, bytes);
    return 0;
}

/* Gives a keys object's memory back: to the keys free list if it is an 8-slot unicode table
 * and the list has room, else to the allocator (free_keys_object / dictresize). */
static void keys_release_mem(Vm *vm, const Keys *k) {
    if (k->split_cls || !k->log2) return;
    if (k->log2 == DICT_LOG_MINSIZE && k->unicode && vm->nkeys_free < DICT_MAXFREELIST) {
        vm->keys_free[vm->nkeys_free++] = k->addr;
        return;
    }
    alloc_free(&vm->alloc, k->addr, keys_size(k->log2, k->unicode));
}

/* Gives d the shared empty keys (Py_EMPTY_KEYS, which is a DICT_KEYS_UNICODE table). */
static void table_reset(Dict *d) {
    d->log2 = 0;
    d->unicode = 1;
    d->usable = 0;
    d->nentries = 0;
    d->index = NULL;
    d->entries = NULL;
    d->keys_addr = 0;
    d->split_cls = NULL;
}

/* Takes the table out of d, leaving the shared empty keys (PyDict_Clear's first half). */
static Keys table_detach(Dict *d) {
    Keys k = {d->log2,  d->unicode, d->usable,    d->nentries,
              d->index, d->entries, d->keys_addr, d->split_cls};
    table_reset(d);
    return k;
}

static void table_install(Dict *d, const Keys *k) {
    d->log2 = k->log2;
    d->unicode = k->unicode;
    d->usable = k->usable;
    d->nentries = k->nentries;
    d->index = k->index;
    d->entries = k->entries;
    d->keys_addr = k->addr;
    d->split_cls = k->split_cls;
}

/* A split dict's entries in the class's shared-key order (the order of its values array),
 * which is the order CPython's dealloc, traverse and clear visit the values in. Returns the
 * number of live entries stored in out (malloc'ed, caller frees). */
static ssize_t split_order(DictEntry *entries, ssize_t nentries, Type *cls, DictEntry ***out) {
    DictEntry **v = malloc(sizeof(DictEntry *) * (size_t)(nentries ? nentries : 1));
    int *rank = malloc(sizeof(int) * (size_t)(nentries ? nentries : 1));
    if (!v || !rank) abort();
    ssize_t n = 0;
    for (ssize_t i = 0; i < nentries; i++) {
        if (!entries[i].value) continue;
        int r = shared_keys_index(cls->cached_keys, entries[i].key);
        ssize_t j = n++;
        for (; j > 0 && rank[j - 1] > r; j--) { /* insertion sort: at most 30 entries */
            v[j] = v[j - 1];
            rank[j] = rank[j - 1];
        }
        v[j] = &entries[i];
        rank[j] = r;
    }
    free(rank);
    *out = v;
    return n;
}

/* Releases a detached table: decrefs key then value of each entry in entry order and frees
 * the keys object (free_keys_object), or, for a split dict, decrefs the values in shared-key
 * order (dict_dealloc / PyDict_Clear on ma_values). */
static void table_free(Vm *vm, Keys *k) {
    if (k->split_cls) {
        DictEntry **order;
        ssize_t n = split_order(k->entries, k->nentries, k->split_cls, &order);
        for (ssize_t i = 0; i < n; i++) {
            Obj *v = order[i]->value;
            order[i]->value = NULL;
            DECREF(vm, v);
        }
        free(order);
    } else {
        for (ssize_t i = 0; i < k->nentries; i++) {
            XDECREF(vm, k->entries[i].key);
            XDECREF(vm, k->entries[i].value);
        }
        keys_release_mem(vm, k);
    }
    free(k->index);
    free(k->entries);
}

/* ---------------------------------------------------------------- probing */

static size_t dict_mask(const Dict *d) {
    return ((size_t)1 << d->log2) - 1;
}

/* mirrors find_empty_slot(): the first EMPTY or DUMMY slot of hash's probe sequence */
static size_t find_empty_slot(const int32_t *index, size_t mask, int64_t hash) {
    size_t i = (size_t)hash & mask;
    for (size_t perturb = (size_t)hash; index[i] >= 0;) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* mirrors build_indices_generic() / build_indices_unicode() */
static void build_indices(int32_t *index, size_t mask, const DictEntry *ep, ssize_t n) {
    for (ssize_t ix = 0; ix < n; ix++) {
        size_t i = (size_t)ep[ix].hash & mask;
        for (size_t perturb = (size_t)ep[ix].hash; index[i] != DKIX_EMPTY;) {
            perturb >>= PERTURB_SHIFT;
            i = mask & (i * 5 + perturb + 1);
        }
        index[i] = (int32_t)ix;
    }
}

/* mirrors lookdict_index(): the slot holding entry number ix */
static size_t lookdict_index(const Dict *d, int64_t hash, ssize_t ix) {
    size_t mask = dict_mask(d);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        if (d->index[i] == ix) return i;
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

/* mirrors _Py_dict_lookup(): the entry number of key, DKIX_EMPTY, or DKIX_ERROR with an
 * exception set. *value gets the entry's value (NULL when absent). Two str keys compare
 * without user code (unicode_eq); anything else goes through ==, and if that comparison
 * changed the table the lookup starts over (DKIX_KEY_CHANGED). */
static ssize_t dict_lookup(Vm *vm, Dict *d, Obj *key, int64_t hash, Obj **value) {
restart:
    *value = NULL;
    if (!d->log2) return DKIX_EMPTY;
    size_t mask = dict_mask(d);
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    bool str_key = IS_STR(key);
    for (;;) {
        ssize_t ix = d->index[i];
        if (ix >= 0) {
            DictEntry *ep = &d->entries[ix];
            Obj *startkey = ep->key;
            if (startkey == key) {
                *value = ep->value;
                return ix;
            }
            if (ep->hash == hash) {
                if (str_key && IS_STR(startkey)) {
                    if (str_eq(startkey, key)) {
                        *value = ep->value;
                        return ix;
                    }
                } else {
                    DictEntry *entries = d->entries;
                    INCREF(startkey);
                    int cmp = obj_eq(vm, startkey, key);
                    DECREF(vm, startkey);
                    if (cmp < 0) return DKIX_ERROR;
                    if (entries != d->entries || ep->key != startkey) goto restart;
                    if (cmp > 0) {
                        *value = ep->value;
                        return ix;
                    }
                }
            }
        } else if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

static int64_t key_hash(Vm *vm, Obj *key) {
    return IS_STR(key) ? str_hash(key) : obj_hash(vm, key);
}

/* ---------------------------------------------------------------- GC tracking */

/* mirrors _PyObject_GC_MAY_BE_TRACKED(): a GC object, but not an untracked tuple, and not a
 * static type (type_is_gc() is false for them) */
static bool may_be_tracked(Obj *o) {
    if (!o->type->gc) return false;
    if (o->type == &TupleType) return gc_is_tracked(o);
    if (KIND(o) == OBJ_TYPE) return ((Type *)o)->heap;
    return true;
}

/* mirrors MAINTAIN_TRACKING() */
static void maintain_tracking(Vm *vm, Dict *d, Obj *key, Obj *value) {
    if (!gc_is_tracked((Obj *)d) && (may_be_tracked(key) || may_be_tracked(value)))
        gc_track(vm, (Obj *)d);
}

/* mirrors _PyDict_MaybeUntrack(): used by full collections */
void dict_maybe_untrack(Vm *vm, Obj *o) {
    Dict *d = (Dict *)o;
    if (KIND(o) != OBJ_DICT || TYPE(o) != &DictType || !gc_is_tracked(o)) return;
    for (ssize_t i = 0; i < d->nentries; i++) {
        DictEntry *ep = &d->entries[i];
        if (!ep->value) continue;
        if (may_be_tracked(ep->value)) return;
        if (!d->unicode && may_be_tracked(ep->key)) return;
    }
    gc_untrack(vm, o);
}

/* ---------------------------------------------------------------- resizing and inserting */

/* mirrors dictresize(): moves the live entries, in order, into a new combined table of
 * 2^log2 slots. A split dict becomes combined here (its keys are increfed: they now belong
 * to the dict). */
static int dictresize(Vm *vm, Dict *d, uint8_t log2, bool unicode) {
    if (!d->unicode) unicode = false;
    Keys k;
    if (keys_new(vm, &k, log2, unicode, true) < 0) return -1;
    ssize_t n = 0;
    for (ssize_t i = 0; i < d->nentries; i++) {
        DictEntry *ep = &d->entries[i];
        if (!ep->value) continue;
        k.entries[n++] = *ep;
        if (d->split_cls) INCREF(ep->key);
    }
    build_indices(k.index, ((size_t)1 << log2) - 1, k.entries, n);
    Keys old = table_detach(d);
    keys_release_mem(vm, &old); /* the entries' references moved: no decrefs */
    free(old.index);
    free(old.entries);
    k.usable -= n;
    k.nentries = n;
    table_install(d, &k);
    return 0;
}

/* mirrors insertion_resize() */
static int insertion_resize(Vm *vm, Dict *d, bool unicode) {
    return dictresize(vm, d, calculate_log2_keysize(d->used * 3), unicode);
}

/* Appends an entry (the tail of insertdict's DKIX_EMPTY branch). There must be room. */
static void append_entry(Dict *d, Obj *key, int64_t hash, Obj *value) {
    size_t pos = find_empty_slot(d->index, dict_mask(d), hash);
    d->index[pos] = (int32_t)d->nentries;
    d->entries[d->nentries] = (DictEntry){hash, key, value};
    d->used++;
    d->version++;
    d->usable--;
    d->nentries++;
}

/* A split dict's private table filled up with deleted entries: rebuild it without them.
 * CPython needs no such step (its values array is indexed by shared key); nothing here is
 * visible to the program or the allocator model. */
static void split_compact(Dict *d) {
    size_t n = (size_t)1 << d->log2;
    ssize_t j = 0;
    for (ssize_t i = 0; i < d->nentries; i++)
        if (d->entries[i].value) d->entries[j++] = d->entries[i];
    memset(d->entries + j, 0, sizeof(DictEntry) * (size_t)(d->nentries - j));
    memset(d->index, 0xff, n * sizeof(int32_t));
    build_indices(d->index, n - 1, d->entries, j);
    d->usable = USABLE_FRACTION((ssize_t)n) - j;
    d->nentries = j;
}

/* A key that is not in a split dict yet (3.11 insertdict on a split table): a key the class
 * already shares keeps the dict split, and so does a new str key while the shared keys have
 * room, which appends it to them (for every instance: that is why later instances' __dict__
 * sizes shrink). Returns 1 when inserted (key and value consumed), 0 when the shared keys are
 * full and the caller must convert the dict. */
static int split_insert(Vm *vm, Dict *d, Obj *key, int64_t hash, Obj *value) {
    SharedKeys *sk = d->split_cls->cached_keys;
    bool shared = shared_keys_index(sk, key) >= 0;
    if (!shared) {
        if (sk->usable <= 0) return 0;
        if (sk->nentries == sk->cap) { /* as typeobj.c's shared_keys_insert */
            sk->cap = sk->cap ? sk->cap * 2 : 8;
            sk->names = realloc(sk->names, sizeof(Obj *) * (size_t)sk->cap);
            if (!sk->names) abort();
        }
        sk->names[sk->nentries++] = key; /* the shared keys take the reference */
        sk->usable--;
    }
    if (d->usable <= 0) split_compact(d);
    append_entry(d, key, hash, value);
    if (shared) DECREF(vm, key); /* a split dict holds no reference to its keys */
    return 1;
}

/* Inserts a key known to be absent. Consumes key and value on success only. */
static int insert_new(Vm *vm, Dict *d, Obj *key, int64_t hash, Obj *value) {
    if (vm->limits.max_container && d->used >= vm->limits.max_container) {
        vm_nomem(vm);
        return -1;
    }
    if (d->split_cls) {
        if (split_insert(vm, d, key, hash, value)) return 0;
        if (insertion_resize(vm, d, true) < 0) return -1;
    } else if (d->usable <= 0) {
        if (insertion_resize(vm, d, true) < 0) return -1;
    }
    append_entry(d, key, hash, value);
    return 0;
}

/* mirrors insert_to_emptydict(): the first key gets an 8-slot table, unicode or not by the
 * kind of the key. Consumes key and value. */
static int insert_to_emptydict(Vm *vm, Dict *d, Obj *key, int64_t hash, Obj *value) {
    if (vm->limits.max_container && vm->limits.max_container < 1) {
        DECREF(vm, key);
        DECREF(vm, value);
        vm_nomem(vm);
        return -1;
    }
    Keys k;
    if (keys_new(vm, &k, DICT_LOG_MINSIZE, IS_STR(key), true) < 0) {
        DECREF(vm, key);
        DECREF(vm, value);
        return -1;
    }
    table_install(d, &k);
    maintain_tracking(vm, d, key, value);
    d->index[(size_t)hash & (8 - 1)] = 0;
    d->entries[0] = (DictEntry){hash, key, value};
    d->used++;
    d->version++;
    d->usable--;
    d->nentries++;
    return 0;
}

static bool is_empty_keys(const Dict *d) {
    return !d->log2 && !d->split_cls;
}

/* mirrors insertdict() (and _PyDict_SetItem_Take2's empty-dict shortcut). Consumes key and
 * value. Replacing a value decrefs the old value, then the extra key reference. */
static int insertdict(Vm *vm, Dict *d, Obj *key, int64_t hash, Obj *value) {
    if (is_empty_keys(d)) return insert_to_emptydict(vm, d, key, hash, value);
    Obj *old_value;
    if (d->unicode && !IS_STR(key) && insertion_resize(vm, d, false) < 0) goto fail;
    ssize_t ix = dict_lookup(vm, d, key, hash, &old_value);
    if (ix == DKIX_ERROR) goto fail;
    maintain_tracking(vm, d, key, value);
    if (ix == DKIX_EMPTY) {
        if (insert_new(vm, d, key, hash, value) < 0) goto fail;
        return 0;
    }
    if (old_value != value) {
        d->entries[ix].value = value;
        d->version++;
    }
    XDECREF(vm, old_value); /* may run a __del__ */
    DECREF(vm, key);
    return 0;
fail:
    DECREF(vm, value);
    DECREF(vm, key);
    return -1;
}

/* mirrors delitem_common(): decrefs the key (combined dicts only) and then the value */
static void delitem_common(Vm *vm, Dict *d, int64_t hash, ssize_t ix, Obj *old_value) {
    size_t pos = lookdict_index(d, hash, ix);
    d->used--;
    d->version++;
    d->index[pos] = DKIX_DUMMY;
    DictEntry *ep = &d->entries[ix];
    Obj *old_key = ep->key;
    ep->key = NULL;
    ep->value = NULL;
    ep->hash = 0;
    if (!d->split_cls) DECREF(vm, old_key);
    DECREF(vm, old_value);
}

/* ---------------------------------------------------------------- creation */

/* A dict object with the shared empty keys, untracked. new_dict() (PyDict_New, `{}`, copies)
 * takes it from the free list; dict() and subclasses go through tp_alloc, which never does. */
static Dict *dict_alloc(Vm *vm, Type *type, bool use_freelist) {
    Dict *d;
    bool from_free = use_freelist && type == &DictType && vm->ndict_free > 0;
    if (from_free) {
        d = (Dict *)vm->dict_free[--vm->ndict_free];
    } else {
        size_t pysize = type->basicsize ? type->basicsize : DICT_BASICSIZE;
        d = (Dict *)obj_alloc(vm, type, sizeof(Dict), pysize);
        if (!d) return NULL;
    }
    d->used = 0;
    d->version = 0;
    table_reset(d);
    if (from_free) { /* alive again, without touching the GC count */
        d->ob.refcnt = 1;
        d->ob.uid = vm->next_uid++;
        d->ob.flags = 0; /* no collector marks left from the dict's previous life */
        d->ob.gc_refs = 0;
        vm->live_objects++;
        vm_event(vm, EV_ALLOC, (Obj *)d, 0);
    }
    return d;
}

/* new_dict(): a dict from the free list when possible */
static Obj *new_dict(Vm *vm) {
    return (Obj *)dict_alloc(vm, &DictType, true);
}

Obj *dict_new(Vm *vm) {
    return new_dict(vm);
}

/* Returns a NEW empty dict that is the split __dict__ of an instance of cls (3.11's
 * make_dict_from_instance_attributes: a dict from the free list sharing the class's keys).
 * Fill it with dict_set in the instance's attribute insertion order. If cls has no shared
 * keys this is a plain empty dict. */
Obj *dict_new_split(Vm *vm, Type *cls) {
    Obj *o = new_dict(vm);
    if (!o || !cls->cached_keys) return o;
    Keys k;
    if (keys_new(vm, &k, SHARED_KEYS_LOG2, true, false) < 0) {
        DECREF(vm, o);
        return NULL;
    }
    k.split_cls = cls;
    table_install((Dict *)o, &k);
    return o;
}

/* mirrors dict_new_presized() */
static Obj *dict_new_presized(Vm *vm, ssize_t minused, bool unicode) {
    if (minused <= USABLE_FRACTION(8)) return new_dict(vm);
    uint8_t log2 =
        minused > USABLE_FRACTION((ssize_t)1 << 17) ? 17 : estimate_log2_keysize(minused);
    Keys k;
    if (keys_new(vm, &k, log2, unicode, true) < 0) return NULL;
    Obj *o = new_dict(vm);
    if (!o) {
        keys_release_mem(vm, &k);
        free(k.index);
        free(k.entries);
        return NULL;
    }
    table_install((Dict *)o, &k);
    return o;
}

/* Returns a NEW dict built from n keys and values (mirrors _PyDict_FromItems, used by
 * BUILD_MAP with strides 2 and BUILD_CONST_KEY_MAP with strides 1): presized for n, unicode
 * if every key is a str, then filled with PyDict_SetItem in order. */
Obj *dict_from_items(Vm *vm, Obj **keys, ssize_t kstride, Obj **values, ssize_t vstride,
                     ssize_t n) {
    bool unicode = true;
    for (ssize_t i = 0; i < n; i++) {
        if (!IS_STR(keys[i * kstride])) {
            unicode = false;
            break;
        }
    }
    Obj *d = dict_new_presized(vm, n, unicode);
    if (!d) return NULL;
    for (ssize_t i = 0; i < n; i++) {
        if (dict_set(vm, d, keys[i * kstride], values[i * vstride]) < 0) {
            DECREF(vm, d);
            return NULL;
        }
    }
    return d;
}

/* ---------------------------------------------------------------- dealloc, GC slots */

static void dict_dealloc(Vm *vm, Obj *o) {
    Dict *d = (Dict *)o;
    if (gc_is_tracked(o)) gc_untrack(vm, o); /* bpo-31095: before any callback */
    Keys k = table_detach(d);
    d->used = 0;
    if (k.log2 || k.split_cls) table_free(vm, &k);
    if (TYPE(o) == &DictType && vm->ndict_free < DICT_MAXFREELIST) {
        vm_event(vm, EV_FREE, o, 0);
        vm->live_objects--;
        vm->dict_free[vm->ndict_free++] = o;
        return;
    }
    obj_free_mem(vm, o);
}

/* Empties the dict free lists (a full collection's _PyDict_ClearFreeList): the dict objects
 * go back to the allocator (counting as GC frees) and so do the keys objects. */
void dict_clear_freelists(Vm *vm) {
    while (vm->ndict_free > 0) {
        Obj *o = vm->dict_free[--vm->ndict_free];
        alloc_free(&vm->alloc, o->addr - 16, o->alloc_size);
        gc_on_free(vm);
        free(o);
    }
    while (vm->nkeys_free > 0)
        alloc_free(&vm->alloc, vm->keys_free[--vm->nkeys_free], keys_size(DICT_LOG_MINSIZE, true));
}

/* mirrors dict_traverse(): values only for unicode tables, value then key otherwise, a split
 * dict's values in shared-key order */
static void dict_traverse(Obj *o, VisitFn visit, void *arg) {
    Dict *d = (Dict *)o;
    if (d->split_cls) {
        DictEntry **order;
        ssize_t n = split_order(d->entries, d->nentries, d->split_cls, &order);
        for (ssize_t i = 0; i < n; i++)
            visit(order[i]->value, "value", (long)i, arg);
        free(order);
        return;
    }
    for (ssize_t i = 0; i < d->nentries; i++) {
        DictEntry *ep = &d->entries[i];
        if (!ep->value) continue;
        visit(ep->value, "value", (long)i, arg);
        if (!d->unicode) visit(ep->key, "key", (long)i, arg);
    }
}

/* mirrors PyDict_Clear(): back to the shared empty keys (64 bytes), then the old entries are
 * released */
void dict_clear(Vm *vm, Obj *o) {
    Dict *d = (Dict *)o;
    if (is_empty_keys(d)) return;
    Keys k = table_detach(d);
    d->used = 0;
    d->version++;
    table_free(vm, &k);
}

/* ---------------------------------------------------------------- lookups */

Obj *dict_get(Vm *vm, Obj *o, Obj *key) {
    int64_t hash = key_hash(vm, key);
    if (hash == -1) return NULL;
    Obj *value;
    if (dict_lookup(vm, (Dict *)o, key, hash, &value) == DKIX_ERROR) return NULL;
    return value;
}

Obj *dict_get_str(Obj *o, Obj *key) {
    Dict *d = (Dict *)o;
    if (!d->log2) return NULL;
    int64_t hash = str_hash(key);
    size_t mask = dict_mask(d);
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        ssize_t ix = d->index[i];
        if (ix >= 0) {
            DictEntry *ep = &d->entries[ix];
            if (ep->key == key || (ep->hash == hash && IS_STR(ep->key) && str_eq(ep->key, key)))
                return ep->value;
        } else if (ix == DKIX_EMPTY) {
            return NULL;
        }
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

/* Looks a C string up without allocating: an ASCII key is wrapped in a Str on the C stack
 * (str_hash and str_eq only read its bytes); anything else is compared entry by entry. */
Obj *dict_get_cstr(Vm *vm, Obj *o, const char *key) {
    (void)vm;
    Dict *d = (Dict *)o;
    size_t n = strlen(key);
    bool ascii = true;
    for (size_t i = 0; i < n && ascii; i++)
        ascii = (unsigned char)key[i] < 0x80;
    if (ascii) {
        Str tmp;
        memset(&tmp, 0, sizeof tmp);
        tmp.ob.type = &StrType;
        tmp.ob.refcnt = 1;
        tmp.ob.flags = OBJ_F_STATIC;
        tmp.len = n;
        tmp.nbytes = n;
        tmp.hash = -1;
        tmp.kind = 1;
        tmp.ascii = 1;
        tmp.s = (char *)key;
        return dict_get_str(o, (Obj *)&tmp);
    }
    for (ssize_t i = 0; i < d->nentries; i++) {
        DictEntry *ep = &d->entries[i];
        if (ep->value && IS_STR(ep->key) && str_eq_cstr(ep->key, key)) return ep->value;
    }
    return NULL;
}

/* Returns 1 if key is in the dict, 0 if not, -1 on error (PyDict_Contains). */
int dict_contains(Vm *vm, Obj *o, Obj *key) {
    int64_t hash = key_hash(vm, key);
    if (hash == -1) return -1;
    Obj *value;
    ssize_t ix = dict_lookup(vm, (Dict *)o, key, hash, &value);
    if (ix == DKIX_ERROR) return -1;
    return ix != DKIX_EMPTY && value != NULL;
}

/* _PyDict_Contains_KnownHash(): as dict_contains, with the key's hash already known */
int dict_contains_hash(Vm *vm, Obj *o, Obj *key, int64_t hash) {
    Obj *value;
    ssize_t ix = dict_lookup(vm, (Dict *)o, key, hash, &value);
    if (ix == DKIX_ERROR) return -1;
    return ix != DKIX_EMPTY && value != NULL;
}

/* Returns a NEW reference to d[key] (mirrors dict_subscript: a subclass's __missing__ is
 * called for an absent key), or NULL with KeyError(key) set. */
Obj *dict_getitem(Vm *vm, Obj *o, Obj *key) {
    int64_t hash = key_hash(vm, key);
    if (hash == -1) return NULL;
    Obj *value;
    ssize_t ix = dict_lookup(vm, (Dict *)o, key, hash, &value);
    if (ix == DKIX_ERROR) return NULL;
    if (value) return obj_newref(value);
    if (TYPE(o) != &DictType) {
        bool found;
        Obj *r = call_special(vm, o, "__missing__", &key, 1, &found);
        if (found || vm->exc) return r;
    }
    return vm_raise_obj(vm, &Exc_KeyError, key);
}

/* ---------------------------------------------------------------- mutation */

int dict_set(Vm *vm, Obj *o, Obj *key, Obj *value) {
    int64_t hash = key_hash(vm, key);
    if (hash == -1) return -1;
    INCREF(key);
    INCREF(value);
    return insertdict(vm, (Dict *)o, key, hash, value);
}

int dict_set_cstr(Vm *vm, Obj *o, const char *key, Obj *value) {
    Obj *k = str_intern_cstr(vm, key); /* PyDict_SetItemString interns the key */
    if (!k) return -1;
    int r = dict_set(vm, o, k, value);
    DECREF(vm, k);
    return r;
}

int dict_del(Vm *vm, Obj *o, Obj *key) {
    int64_t hash = key_hash(vm, key);
    if (hash == -1) return -1;
    Obj *old_value;
    Dict *d = (Dict *)o;
    ssize_t ix = dict_lookup(vm, d, key, hash, &old_value);
    if (ix == DKIX_ERROR) return -1;
    if (ix == DKIX_EMPTY || !old_value) {
        vm_raise_obj(vm, &Exc_KeyError, key);
        return -1;
    }
    delitem_common(vm, d, hash, ix, old_value);
    return 0;
}

/* mirrors _PyDict_Pop(): NEW reference to the removed value, deflt (NEW) if absent and deflt
 * is given, else NULL with KeyError(key). An empty dict does not even hash the key. */
static Obj *dict_pop(Vm *vm, Obj *o, Obj *key, Obj *deflt) {
    Dict *d = (Dict *)o;
    if (d->used == 0) {
        if (deflt) return obj_newref(deflt);
        return vm_raise_obj(vm, &Exc_KeyError, key);
    }
    int64_t hash = key_hash(vm, key);
    if (hash == -1) return NULL;
    Obj *old_value;
    ssize_t ix = dict_lookup(vm, d, key, hash, &old_value);
    if (ix == DKIX_ERROR) return NULL;
    if (ix == DKIX_EMPTY || !old_value) {
        if (deflt) return obj_newref(deflt);
        return vm_raise_obj(vm, &Exc_KeyError, key);
    }
    INCREF(old_value);
    delitem_common(vm, d, hash, ix, old_value);
    return old_value;
}

int dict_pop_str(Vm *vm, Obj *o, Obj *key) {
    Dict *d = (Dict *)o;
    if (d->used == 0) return 0;
    int64_t hash = str_hash(key);
    Obj *old_value;
    ssize_t ix = dict_lookup(vm, d, key, hash, &old_value);
    if (ix == DKIX_ERROR) return -1;
    if (ix == DKIX_EMPTY || !old_value) return 0;
    delitem_common(vm, d, hash, ix, old_value);
    return 1;
}

/* mirrors PyDict_SetDefault(): BORROWED reference to the value now stored under key */
static Obj *dict_setdefault(Vm *vm, Obj *o, Obj *key, Obj *deflt) {
    Dict *d = (Dict *)o;
    int64_t hash = key_hash(vm, key);
    if (hash == -1) return NULL;
    if (is_empty_keys(d)) {
        INCREF(key);
        INCREF(deflt);
        if (insert_to_emptydict(vm, d, key, hash, deflt) < 0) return NULL;
        return deflt;
    }
    if (d->unicode && !IS_STR(key) && insertion_resize(vm, d, false) < 0) return NULL;
    Obj *value;
    ssize_t ix = dict_lookup(vm, d, key, hash, &value);
    if (ix == DKIX_ERROR) return NULL;
    if (ix == DKIX_EMPTY) {
        INCREF(key);
        INCREF(deflt);
        if (insert_new(vm, d, key, hash, deflt) < 0) {
            DECREF(vm, deflt);
            DECREF(vm, key);
            return NULL;
        }
        maintain_tracking(vm, d, key, deflt);
        return deflt;
    }
    return value;
}

/* ---------------------------------------------------------------- iteration, copies */

int dict_next(Obj *o, ssize_t *pos, Obj **key, Obj **value) {
    Dict *d = (Dict *)o;
    ssize_t i = *pos;
    if (i < 0) return 0;
    while (i < d->nentries && !d->entries[i].value)
        i++;
    if (i >= d->nentries) return 0;
    *pos = i + 1;
    if (key) *key = d->entries[i].key;
    if (value) *value = d->entries[i].value;
    return 1;
}

/* mirrors PyDict_Keys(): a list of exactly len(d) keys */
Obj *dict_keys_list(Vm *vm, Obj *o) {
    for (;;) {
        ssize_t n = DICT_LEN(o);
        Obj *l = list_new(vm, n);
        if (!l) return NULL;
        if (n != DICT_LEN(o)) { /* the allocation ran a collection that changed the dict */
            DECREF(vm, l);
            continue;
        }
        ssize_t pos = 0, j = 0;
        Obj *k;
        while (dict_next(o, &pos, &k, NULL))
            LIST_ITEM(l, j++) = obj_newref(k);
        return l;
    }
}

/* mirrors clone_combined_dict_keys(): a byte copy of the keys object (deleted entries and
 * all) from PyObject_Malloc, not the free list; the live keys and values are increfed */
static int keys_clone(Vm *vm, const Dict *o, Keys *k) {
    size_t n = (size_t)1 << o->log2;
    ssize_t cap = USABLE_FRACTION((ssize_t)n);
    size_t bytes = keys_size(o->log2, o->unicode);
    if (heap_full(vm, bytes)) {
        vm_nomem(vm);
        return -1;
    }
    k->index = malloc(n * sizeof(int32_t));
    k->entries = malloc(sizeof(DictEntry) * (size_t)cap);
    if (!k->index || !k->entries) {
        free(k->index);
        free(k->entries);
        vm_nomem(vm);
        return -1;
    }
    memcpy(k->index, o->index, n * sizeof(int32_t));
    memcpy(k->entries, o->entries, sizeof(DictEntry) * (size_t)cap);
    k->log2 = o->log2;
    k->unicode = o->unicode;
    k->usable = o->usable;
    k->nentries = o->nentries;
    k->split_cls = NULL;
    k->addr = alloc_malloc(&vm->alloc, bytes);
    for (ssize_t i = 0; i < k->nentries; i++) {
        if (k->entries[i].value) {
            INCREF(k->entries[i].value);
            INCREF(k->entries[i].key);
        }
    }
    return 0;
}

static bool has_dict_iter(Vm *vm, Obj *o) {
    return KIND(o) == OBJ_DICT && (TYPE(o) == &DictType || !type_special(vm, TYPE(o), "__iter__"));
}

/* mirrors PyDict_Copy() */
Obj *dict_copy(Vm *vm, Obj *o) {
    Dict *mp = (Dict *)o;
    if (mp->used == 0) return new_dict(vm);
    if (mp->split_cls) {
        /* a split copy shares the class's keys; it is a fresh GC object, not from the free
         * list */
        Keys k;
        if (keys_new(vm, &k, SHARED_KEYS_LOG2, true, false) < 0) return NULL;
        Dict *c = dict_alloc(vm, &DictType, false);
        if (!c) {
            free(k.index);
            free(k.entries);
            return NULL;
        }
        k.split_cls = mp->split_cls;
        table_install(c, &k);
        for (ssize_t i = 0; i < mp->nentries; i++) {
            DictEntry *ep = &mp->entries[i];
            if (ep->value) append_entry(c, ep->key, ep->hash, obj_newref(ep->value));
        }
        if (gc_is_tracked(o)) gc_track(vm, (Obj *)c);
        return (Obj *)c;
    }
    if (has_dict_iter(vm, o) && mp->used >= (mp->nentries * 2) / 3) {
        Keys k;
        if (keys_clone(vm, mp, &k) < 0) return NULL;
        Obj *c = new_dict(vm);
        if (!c) {
            table_free(vm, &k);
            return NULL;
        }
        table_install((Dict *)c, &k);
        ((Dict *)c)->used = mp->used;
        if (gc_is_tracked(o)) gc_track(vm, c);
        return c;
    }
    Obj *c = new_dict(vm);
    if (!c) return NULL;
    if (dict_merge(vm, c, o, 1) < 0) {
        DECREF(vm, c);
        return NULL;
    }
    return c;
}

/* ---------------------------------------------------------------- merging */

/* mirrors PyMapping_Keys(): NEW list of a mapping's keys */
static Obj *mapping_keys(Vm *vm, Obj *b) {
    if (TYPE(b) == &DictType) return dict_keys_list(vm, b);
    Obj *meth = obj_getattr_cstr(vm, b, "keys");
    if (!meth) return NULL;
    Obj *out = obj_call0(vm, meth);
    DECREF(vm, meth);
    if (!out || IS_LIST(out)) return out;
    Obj *l = obj_to_list(vm, out);
    DECREF(vm, out);
    return l;
}

/* mirrors dict_merge(). override: 0 keep existing keys (setdefault), 1 replace (update),
 * 2 a duplicate key is an error: KeyError(key), which the caller turns into "got multiple
 * values for keyword argument". */
static int dict_merge(Vm *vm, Obj *a, Obj *b, int override) {
    Dict *mp = (Dict *)a;
    if (has_dict_iter(vm, b)) {
        Dict *other = (Dict *)b;
        if (other == mp || other->used == 0) return 0;
        if (mp->used == 0) {
            override = 1; /* nothing to collide with */
            if (!other->split_cls && other->used == other->nentries &&
                (other->log2 == DICT_LOG_MINSIZE ||
                 USABLE_FRACTION(((ssize_t)1 << other->log2) / 2) < other->used)) {
                /* other is clean and freshly built: clone its keys */
                Keys k;
                if (keys_clone(vm, other, &k) < 0) return -1;
                Keys old = table_detach(mp);
                if (old.log2 || old.split_cls) table_free(vm, &old);
                table_install(mp, &k);
                mp->used = other->used;
                mp->version++;
                if (gc_is_tracked(b) && !gc_is_tracked(a)) gc_track(vm, a);
                return 0;
            }
        }
        /* one big resize at the start rather than incremental ones */
        ssize_t size = is_empty_keys(mp) ? 1 : (ssize_t)1 << mp->log2;
        if (USABLE_FRACTION(size) < other->used &&
            dictresize(vm, mp, estimate_log2_keysize(mp->used + other->used), other->unicode) < 0)
            return -1;
        ssize_t orig_size = other->nentries;
        for (ssize_t i = 0; i < other->nentries; i++) {
            DictEntry *ep = &other->entries[i];
            if (!ep->value) continue;
            Obj *key = ep->key, *value = ep->value;
            int64_t hash = ep->hash;
            INCREF(key);
            INCREF(value);
            int err = 0;
            if (override == 1) {
                INCREF(key);
                INCREF(value);
                err = insertdict(vm, mp, key, hash, value);
            } else {
                err = dict_contains_hash(vm, a, key, hash);
                if (err == 0) {
                    INCREF(key);
                    INCREF(value);
                    err = insertdict(vm, mp, key, hash, value);
                } else if (err > 0) {
                    if (override != 0) {
                        vm_raise_obj(vm, &Exc_KeyError, key);
                        DECREF(vm, value);
                        DECREF(vm, key);
                        return -1;
                    }
                    err = 0;
                }
            }
            DECREF(vm, value);
            DECREF(vm, key);
            if (err != 0) return -1;
            if (orig_size != other->nentries) {
                vm_raise(vm, &Exc_RuntimeError, "dict mutated during update");
                return -1;
            }
        }
        return 0;
    }
    /* the generic way: keys() then b[key] */
    Obj *keys = mapping_keys(vm, b);
    if (!keys) return -1;
    Obj *it = obj_iter(vm, keys);
    DECREF(vm, keys);
    if (!it) return -1;
    Obj *key;
    while ((key = obj_next(vm, it)) != NULL) {
        if (override != 1) {
            int status = dict_contains(vm, a, key);
            if (status != 0) {
                if (status > 0) {
                    if (override == 0) {
                        DECREF(vm, key);
                        continue;
                    }
                    vm_raise_obj(vm, &Exc_KeyError, key);
                }
                DECREF(vm, key);
                DECREF(vm, it);
                return -1;
            }
        }
        Obj *value = obj_getitem(vm, b, key);
        if (!value) {
            DECREF(vm, key);
            DECREF(vm, it);
            return -1;
        }
        int status = dict_set(vm, a, key, value);
        DECREF(vm, key);
        DECREF(vm, value);
        if (status < 0) {
            DECREF(vm, it);
            return -1;
        }
    }
    DECREF(vm, it);
    return vm->exc ? -1 : 0;
}

/* PyDict_Update (DICT_UPDATE, {**a}): b must be a mapping. A b without keys() raises
 * AttributeError, which DICT_UPDATE reports as "'int' object is not a mapping". */
int dict_update(Vm *vm, Obj *d, Obj *other) {
    return dict_merge(vm, d, other, 1);
}

/* _PyDict_MergeEx(d, other, 2) (DICT_MERGE, f(**other)): a duplicate key raises
 * KeyError(key); the caller formats "f() got multiple values for keyword argument 'k'". */
int dict_merge_kw(Vm *vm, Obj *d, Obj *other) {
    return dict_merge(vm, d, other, 2);
}

/* mirrors PyDict_MergeFromSeq2(): an iterable of 2-item sequences */
static int merge_from_seq2(Vm *vm, Obj *d, Obj *seq2, int override) {
    Obj *it = obj_iter(vm, seq2);
    if (!it) return -1;
    Obj *item;
    for (ssize_t i = 0; (item = obj_next(vm, it)) != NULL; i++) {
        Obj *fast;
        Obj **items;
        ssize_t n;
        if (IS_LIST(item) || IS_TUPLE(item)) {
            fast = obj_newref(item);
        } else {
            fast = obj_to_list(vm, item);
            if (!fast) {
                if (vm_exc_matches(vm, &Exc_TypeError)) {
                    vm_clear_exc(vm);
                    vm_raise(vm, &Exc_TypeError,
                             "cannot convert dictionary update sequence element #%zd to a sequence",
                             i);
                }
                goto fail_item;
            }
        }
        seq_fast(fast, &items, &n);
        if (n != 2) {
            vm_raise(vm, &Exc_ValueError,
                     "dictionary update sequence element #%zd has length %zd; 2 is required", i, n);
            DECREF(vm, fast);
            goto fail_item;
        }
        Obj *key = obj_newref(items[0]), *value = obj_newref(items[1]);
        int status;
        if (override) {
            status = dict_set(vm, d, key, value);
        } else {
            Obj *r = dict_setdefault(vm, d, key, value);
            status = r ? 0 : -1;
        }
        DECREF(vm, key);
        DECREF(vm, value);
        DECREF(vm, fast);
        DECREF(vm, item);
        if (status < 0) {
            DECREF(vm, it);
            return -1;
        }
    }
    DECREF(vm, it);
    return vm->exc ? -1 : 0;
fail_item:
    DECREF(vm, item);
    DECREF(vm, it);
    return -1;
}

/* mirrors dict_update_arg(): a dict or anything with keys() merges as a mapping, anything
 * else as an iterable of pairs */
static int dict_update_arg(Vm *vm, Obj *d, Obj *arg) {
    if (TYPE(arg) == &DictType) return dict_merge(vm, d, arg, 1);
    Obj *func = obj_getattr_cstr(vm, arg, "keys");
    if (func) {
        DECREF(vm, func);
        return dict_merge(vm, d, arg, 1);
    }
    if (!vm_exc_matches(vm, &Exc_AttributeError)) return -1;
    vm_clear_exc(vm);
    return merge_from_seq2(vm, d, arg, 1);
}

/* mirrors _PyDict_FromKeys() for cls == dict: d = dict() (tp_alloc, no free list), presized
 * for a dict or set argument. value NULL means None. Returns NEW. */
Obj *dict_fromkeys(Vm *vm, Obj *iterable, Obj *value) {
    if (!value) value = vm->none;
    Dict *d = dict_alloc(vm, &DictType, false);
    if (!d) return NULL;
    Obj *o = (Obj *)d;
    if (TYPE(iterable) == &DictType) {
        Dict *src = (Dict *)iterable;
        if (dictresize(vm, d, estimate_log2_keysize(src->used), src->unicode) < 0) goto fail;
        for (ssize_t i = 0; i < src->nentries; i++) {
            DictEntry *ep = &src->entries[i];
            if (!ep->value) continue;
            INCREF(ep->key);
            INCREF(value);
            if (insertdict(vm, d, ep->key, ep->hash, value) < 0) goto fail;
        }
        return o;
    }
    if (TYPE(iterable) == &SetType || TYPE(iterable) == &FrozenSetType) {
        Set *s = (Set *)iterable;
        if (dictresize(vm, d, estimate_log2_keysize(s->used), false) < 0) goto fail;
        ssize_t pos = 0;
        Obj *key;
        while (set_next(iterable, &pos, &key)) {
            INCREF(key);
            INCREF(value);
            if (insertdict(vm, d, key, s->table[pos - 1].hash, value) < 0) goto fail;
        }
        return o;
    }
    Obj *it = obj_iter(vm, iterable);
    if (!it) goto fail;
    Obj *key;
    while ((key = obj_next(vm, it)) != NULL) {
        int status = dict_set(vm, o, key, value);
        DECREF(vm, key);
        if (status < 0) {
            DECREF(vm, it);
            goto fail;
        }
    }
    DECREF(vm, it);
    if (vm->exc) goto fail;
    return o;
fail:
    DECREF(vm, o);
    return NULL;
}

/* ---------------------------------------------------------------- repr, compare, operators */

Obj *dict_repr(Vm *vm, Obj *o) {
    if (vm_repr_enter(vm, o)) return str_from_cstr(vm, "{...}");
    if (DICT_LEN(o) == 0) {
        vm_repr_leave(vm, o);
        return str_from_cstr(vm, "{}");
    }
    StrBuf b;
    sb_init(&b);
    sb_addc(&b, '{');
    ssize_t pos = 0;
    Obj *k, *v;
    bool first = true;
    while (dict_next(o, &pos, &k, &v)) {
        INCREF(k); /* repr() may mutate the dict */
        INCREF(v);
        if (!first) sb_adds(&b, ", ");
        first = false;
        Obj *s = obj_repr(vm, k);
        if (s) {
            sb_add_obj(&b, s);
            DECREF(vm, s);
            sb_adds(&b, ": ");
            s = obj_repr(vm, v);
        }
        DECREF(vm, k);
        DECREF(vm, v);
        if (!s) {
            sb_free(&b);
            vm_repr_leave(vm, o);
            return NULL;
        }
        sb_add_obj(&b, s);
        DECREF(vm, s);
    }
    sb_addc(&b, '}');
    vm_repr_leave(vm, o);
    return sb_finish(vm, &b);
}

/* mirrors dict_equal(): 1, 0, or -1 on error */
static int dict_equal(Vm *vm, Dict *a, Dict *b) {
    if (a->used != b->used) return 0;
    for (ssize_t i = 0; i < a->nentries; i++) {
        DictEntry *ep = &a->entries[i];
        Obj *aval = ep->value;
        if (!aval) continue;
        Obj *key = ep->key;
        INCREF(aval);
        INCREF(key);
        Obj *bval;
        ssize_t ix = dict_lookup(vm, b, key, ep->hash, &bval);
        if (ix == DKIX_ERROR || !bval) {
            DECREF(vm, key);
            DECREF(vm, aval);
            return ix == DKIX_ERROR ? -1 : 0;
        }
        INCREF(bval);
        int cmp = obj_richcompare_bool(vm, aval, bval, CMP_EQ);
        DECREF(vm, key);
        DECREF(vm, aval);
        DECREF(vm, bval);
        if (cmp <= 0) return cmp;
    }
    return 1;
}

/* dict == / != (NEW bool), NotImplemented for other operators and non-dicts */
Obj *dict_richcompare(Vm *vm, Obj *a, Obj *b, int op) {
    if (KIND(a) != OBJ_DICT || KIND(b) != OBJ_DICT || (op != CMP_EQ && op != CMP_NE))
        return obj_newref(Py_NotImplemented);
    int cmp = dict_equal(vm, (Dict *)a, (Dict *)b);
    if (cmp < 0) return NULL;
    return bool_from(cmp == (op == CMP_EQ));
}

/* d | other (PEP 584): NEW dict, or NotImplemented */
Obj *dict_binop(Vm *vm, Obj *a, Obj *b, int op) {
    if (op != OP_OR_BIT || KIND(a) != OBJ_DICT || KIND(b) != OBJ_DICT)
        return obj_newref(Py_NotImplemented);
    Obj *n = dict_copy(vm, a);
    if (!n) return NULL;
    if (dict_update_arg(vm, n, b) < 0) {
        DECREF(vm, n);
        return NULL;
    }
    return n;
}

/* d |= other: NEW reference to d, or NotImplemented for other operators */
Obj *dict_inplace(Vm *vm, Obj *a, Obj *b, int op) {
    if (op != OP_OR_BIT) return obj_newref(Py_NotImplemented);
    if (dict_update_arg(vm, a, b) < 0) return NULL;
    return obj_newref(a);
}

/* ---------------------------------------------------------------- methods */

static Obj *m_get(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "dict.get", kw) || !args_check(vm, "get", nargs, 1, 2)) return NULL;
    Obj *v = dict_get(vm, self, args[0]);
    if (!v && vm->exc) return NULL;
    return obj_newref(v ? v : nargs == 2 ? args[1] : vm->none);
}

static Obj *m_getitem(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "dict.__getitem__", kw) || !args_check(vm, "dict.__getitem__", nargs, 1, 1))
        return NULL;
    return dict_getitem(vm, self, args[0]);
}

static Obj *m_contains(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "dict.__contains__", kw) ||
        !args_check(vm, "dict.__contains__", nargs, 1, 1))
        return NULL;
    int r = dict_contains(vm, self, args[0]);
    if (r < 0) return NULL;
    return bool_from(r);
}

static Obj *m_sizeof(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (!args_no_kw(vm, "dict.__sizeof__", kw) || !args_check(vm, "dict.__sizeof__", nargs, 0, 0))
        return NULL;
    return int_from_i64(vm, (int64_t)dict_sizeof(self));
}

static Obj *m_view(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw, const char *name, int sub) {
    (void)args;
    if (!args_no_kw(vm, name, kw) || !args_check(vm, name, nargs, 0, 0)) return NULL;
    return dictview_new(vm, self, sub);
}

static Obj *m_keys(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return m_view(vm, self, args, nargs, kw, "dict.keys", 0);
}

static Obj *m_values(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return m_view(vm, self, args, nargs, kw, "dict.values", 1);
}

static Obj *m_items(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    return m_view(vm, self, args, nargs, kw, "dict.items", 2);
}

static Obj *m_pop(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "dict.pop", kw) || !args_check(vm, "pop", nargs, 1, 2)) return NULL;
    return dict_pop(vm, self, args[0], nargs == 2 ? args[1] : NULL);
}

/* mirrors dict_popitem_impl(): LIFO; the result tuple is allocated first; a split dict is
 * made combined (64 slots, the shared keys' size) before the last entry goes */
static Obj *m_popitem(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (!args_no_kw(vm, "dict.popitem", kw) || !args_check(vm, "dict.popitem", nargs, 0, 0))
        return NULL;
    Dict *d = (Dict *)self;
    Obj *res = tuple_new(vm, 2);
    if (!res) return NULL;
    if (d->used == 0) {
        DECREF(vm, res);
        return vm_raise(vm, &Exc_KeyError, "popitem(): dictionary is empty");
    }
    if (d->split_cls && dictresize(vm, d, SHARED_KEYS_LOG2, true) < 0) {
        DECREF(vm, res);
        return NULL;
    }
    ssize_t i = d->nentries - 1;
    while (i >= 0 && !d->entries[i].value)
        i--;
    DictEntry *ep = &d->entries[i];
    Obj *key = ep->key, *value = ep->value;
    int64_t hash = ep->hash;
    ep->key = NULL;
    ep->value = NULL;
    ep->hash = 0;
    d->index[lookdict_index(d, hash, i)] = DKIX_DUMMY;
    TUPLE_ITEM(res, 0) = key;
    TUPLE_ITEM(res, 1) = value;
    d->nentries = i; /* no usable++: the DUMMY slot stays */
    d->used--;
    d->version++;
    return res;
}

static Obj *m_setdefault(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "dict.setdefault", kw) || !args_check(vm, "setdefault", nargs, 1, 2))
        return NULL;
    Obj *v = dict_setdefault(vm, self, args[0], nargs == 2 ? args[1] : vm->none);
    return v ? obj_newref(v) : NULL;
}

static Obj *m_update(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (nargs > 1)
        return vm_raise(vm, &Exc_TypeError, "update expected at most 1 argument, got %d", nargs);
    if (nargs == 1 && dict_update_arg(vm, self, args[0]) < 0) return NULL;
    if (kw && TUPLE_LEN(kw) > 0) {
        /* the keywords arrive as a dict (_PyStack_AsDict), merged in one go */
        Obj *kwd = dict_from_items(vm, &TUPLE_ITEM(kw, 0), 1, args + nargs, 1, TUPLE_LEN(kw));
        if (!kwd) return NULL;
        int r = dict_merge(vm, self, kwd, 1);
        DECREF(vm, kwd);
        if (r < 0) return NULL;
    }
    return obj_newref(vm->none);
}

static Obj *m_copy(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (!args_no_kw(vm, "dict.copy", kw) || !args_check(vm, "dict.copy", nargs, 0, 0)) return NULL;
    return dict_copy(vm, self);
}

static Obj *m_clear(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    (void)args;
    if (!args_no_kw(vm, "dict.clear", kw) || !args_check(vm, "dict.clear", nargs, 0, 0))
        return NULL;
    dict_clear(vm, self);
    return obj_newref(vm->none);
}

static const MethodDef dict_methods[] = {
    {"__contains__", m_contains},
    {"__getitem__", m_getitem},
    {"__sizeof__", m_sizeof},
    {"get", m_get},
    {"setdefault", m_setdefault},
    {"pop", m_pop},
    {"popitem", m_popitem},
    {"keys", m_keys},
    {"items", m_items},
    {"values", m_values},
    {"update", m_update},
    {"clear", m_clear},
    {"copy", m_copy},
    {NULL, NULL},
};

/* mirrors dict_vectorcall(): dict(), dict(mapping), dict(iterable of pairs), dict(**kw). The
 * object comes from tp_alloc (never the free list); a subclass instance is tracked at once. */
static Obj *dict_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    if (nargs > 1)
        return vm_raise(vm, &Exc_TypeError, "dict expected at most 1 argument, got %d", nargs);
    Dict *d = dict_alloc(vm, t, false);
    if (!d) return NULL;
    Obj *o = (Obj *)d;
    if (t != &DictType) gc_track(vm, o);
    if (nargs == 1 && dict_update_arg(vm, o, args[0]) < 0) {
        DECREF(vm, o);
        return NULL;
    }
    if (kw) {
        for (ssize_t i = 0; i < TUPLE_LEN(kw); i++) {
            if (dict_set(vm, o, TUPLE_ITEM(kw, i), args[nargs + i]) < 0) {
                DECREF(vm, o);
                return NULL;
            }
        }
    }
    return o;
}

Type DictType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "dict",
    .kind = OBJ_DICT,
    .gc = true,
    .basicsize = DICT_BASICSIZE,
    .traverse = dict_traverse,
    .clear = dict_clear,
    .dealloc = dict_dealloc,
    .repr = dict_repr,
    .size_of = dict_sizeof,
    .methods = dict_methods,
    .new_ = dict_new_type,
    .base = &ObjectType,
};

/* ---------------------------------------------------------------- views */

/* mirrors _PyDictView_New(): a tracked 24-byte object holding the dict */
static Obj *dictview_new(Vm *vm, Obj *d, int sub) {
    Type *t = sub == 0 ? &DictKeysType : sub == 1 ? &DictValuesType : &DictItemsType;
    DictView *v = (DictView *)obj_alloc(vm, t, sizeof(DictView), 24);
    if (!v) return NULL;
    v->dict = obj_newref(d);
    v->sub = sub;
    gc_track(vm, (Obj *)v);
    return (Obj *)v;
}

static void dictview_dealloc(Vm *vm, Obj *o) {
    if (gc_is_tracked(o)) gc_untrack(vm, o);
    XDECREF(vm, ((DictView *)o)->dict);
    obj_free_mem(vm, o);
}

static void dictview_traverse(Obj *o, VisitFn visit, void *arg) {
    DictView *v = (DictView *)o;
    if (v->dict) visit(v->dict, "mapping", -1, arg);
}

static void dictview_clear(Vm *vm, Obj *o) {
    CLEAR(vm, ((DictView *)o)->dict);
}

/* mirrors dictview_repr(): dict_keys(['a', 'b']) from list(view); "..." when recursive */
static Obj *dictview_repr(Vm *vm, Obj *o) {
    if (vm_repr_enter(vm, o)) return str_from_cstr(vm, "...");
    Obj *seq = obj_to_list(vm, o);
    Obj *r = NULL;
    if (seq) {
        Obj *lr = obj_repr(vm, seq);
        DECREF(vm, seq);
        if (lr) {
            r = str_fromf(vm, "%s(%s)", TYPE(o)->name, str_cstr(lr));
            DECREF(vm, lr);
        }
    }
    vm_repr_leave(vm, o);
    return r;
}

/* mirrors dictitems_contains(): (key, value) in d.items() */
static int dictitems_contains(Vm *vm, Obj *dict, Obj *obj) {
    if (!IS_TUPLE(obj) || TUPLE_LEN(obj) != 2) return 0;
    Obj *found = dict_get(vm, dict, TUPLE_ITEM(obj, 0));
    if (!found) return vm->exc ? -1 : 0;
    INCREF(found);
    int r = obj_richcompare_bool(vm, found, TUPLE_ITEM(obj, 1), CMP_EQ);
    DECREF(vm, found);
    return r;
}

/* `item in view`: 1, 0, or -1 on error. Values views search by iteration, as
 * PySequence_Contains does for them. */
int dictview_contains(Vm *vm, Obj *view, Obj *item) {
    DictView *v = (DictView *)view;
    if (!v->dict) return 0;
    if (v->sub == 0) return dict_contains(vm, v->dict, item);
    if (v->sub == 2) return dictitems_contains(vm, v->dict, item);
    Obj *it = obj_iter(vm, view);
    if (!it) return -1;
    Obj *x;
    while ((x = obj_next(vm, it)) != NULL) {
        int cmp = obj_richcompare_bool(vm, x, item, CMP_EQ);
        DECREF(vm, x);
        if (cmp != 0) {
            DECREF(vm, it);
            return cmp;
        }
    }
    DECREF(vm, it);
    return vm->exc ? -1 : 0;
}

static bool is_setlike_view(Obj *o) {
    return TYPE(o) == &DictKeysType || TYPE(o) == &DictItemsType;
}

static bool is_anyset(Obj *o) {
    return KIND(o) == OBJ_SET || KIND(o) == OBJ_FROZENSET;
}

/* mirrors all_contained_in(): every item of self is in other */
static int all_contained_in(Vm *vm, Obj *self, Obj *other) {
    Obj *it = obj_iter(vm, self);
    if (!it) return -1;
    int ok = 1;
    for (;;) {
        Obj *next = obj_next(vm, it);
        if (!next) {
            if (vm->exc) ok = -1;
            break;
        }
        ok = obj_contains(vm, other, next);
        DECREF(vm, next);
        if (ok <= 0) break;
    }
    DECREF(vm, it);
    return ok;
}

/* mirrors dictview_richcompare() for keys and items views (NEW bool or NotImplemented) */
Obj *dictview_richcompare(Vm *vm, Obj *self, Obj *other, int op) {
    if (!is_setlike_view(self) || (!is_anyset(other) && !is_setlike_view(other)))
        return obj_newref(Py_NotImplemented);
    ssize_t len_self = obj_len(vm, self);
    if (len_self < 0) return NULL;
    ssize_t len_other = obj_len(vm, other);
    if (len_other < 0) return NULL;
    int ok = 0;
    switch (op) {
    case CMP_NE:
    case CMP_EQ:
        if (len_self == len_other) ok = all_contained_in(vm, self, other);
        if (op == CMP_NE && ok >= 0) ok = !ok;
        break;
    case CMP_LT:
        if (len_self < len_other) ok = all_contained_in(vm, self, other);
        break;
    case CMP_LE:
        if (len_self <= len_other) ok = all_contained_in(vm, self, other);
        break;
    case CMP_GT:
        if (len_self > len_other) ok = all_contained_in(vm, other, self);
        break;
    case CMP_GE:
        if (len_self >= len_other) ok = all_contained_in(vm, other, self);
        break;
    default:
        return obj_newref(Py_NotImplemented);
    }
    if (ok < 0) return NULL;
    return bool_from(ok);
}

/* mirrors dictviews_to_set(): set(dict) for a keys view (the dict fast path), else set(x) */
static Obj *dictviews_to_set(Vm *vm, Obj *self) {
    Obj *left = self;
    if (TYPE(self) == &DictKeysType && TYPE(((DictView *)self)->dict) == &DictType)
        left = ((DictView *)self)->dict;
    return set_new(vm, &SetType, left);
}

/* mirrors _PyDictView_Intersect() */
static Obj *dictview_intersect(Vm *vm, Obj *self, Obj *other) {
    if (!is_setlike_view(self)) {
        Obj *tmp = other;
        other = self;
        self = tmp;
    }
    ssize_t len_self = DICT_LEN(((DictView *)self)->dict);
    if (TYPE(other) == &SetType && len_self <= ((Set *)other)->used) {
        Obj *arg = self;
        return set_intersection_multi(vm, other, &arg, 1);
    }
    if (is_setlike_view(other) && DICT_LEN(((DictView *)other)->dict) > len_self) {
        Obj *tmp = other;
        other = self;
        self = tmp;
    }
    Obj *result = set_new(vm, &SetType, NULL);
    if (!result) return NULL;
    Obj *it = obj_iter(vm, other);
    if (!it) {
        DECREF(vm, result);
        return NULL;
    }
    Obj *key;
    Obj *dict = ((DictView *)self)->dict;
    bool keys = TYPE(self) == &DictKeysType;
    while ((key = obj_next(vm, it)) != NULL) {
        int rv = keys ? dict_contains(vm, dict, key) : dictitems_contains(vm, dict, key);
        if (rv > 0) rv = set_add(vm, result, key);
        DECREF(vm, key);
        if (rv < 0) {
            DECREF(vm, it);
            DECREF(vm, result);
            return NULL;
        }
    }
    DECREF(vm, it);
    if (vm->exc) {
        DECREF(vm, result);
        return NULL;
    }
    return result;
}

/* mirrors dictitems_xor(): items views on both sides */
static Obj *dictitems_xor(Vm *vm, Obj *self, Obj *other) {
    Obj *d2 = ((DictView *)other)->dict;
    Obj *temp = dict_copy(vm, ((DictView *)self)->dict);
    if (!temp) return NULL;
    Obj *result = set_new(vm, &SetType, NULL);
    if (!result) {
        DECREF(vm, temp);
        return NULL;
    }
    Dict *od = (Dict *)d2;
    for (ssize_t i = 0; i < od->nentries; i++) {
        DictEntry *ep = &od->entries[i];
        if (!ep->value) continue;
        Obj *key = obj_newref(ep->key), *val2 = obj_newref(ep->value);
        int64_t hash = ep->hash;
        Obj *val1;
        ssize_t ix = dict_lookup(vm, (Dict *)temp, key, hash, &val1);
        int to_delete = 0, err = ix == DKIX_ERROR;
        if (!err && val1) {
            INCREF(val1);
            to_delete = obj_richcompare_bool(vm, val1, val2, CMP_EQ);
            err = to_delete < 0;
        }
        if (!err && to_delete > 0) {
            /* _PyDict_DelItem_KnownHash: looked up again, == may have changed temp */
            Obj *old;
            ix = dict_lookup(vm, (Dict *)temp, key, hash, &old);
            err = ix == DKIX_ERROR;
            if (!err && old)
                delitem_common(vm, (Dict *)temp, hash, ix, old);
            else if (!err)
                err = !vm_raise_obj(vm, &Exc_KeyError, key);
        } else if (!err) {
            Obj *pair = tuple_pack(vm, 2, key, val2);
            err = !pair || set_add(vm, result, pair) < 0;
            XDECREF(vm, pair);
        }
        DECREF(vm, key);
        XDECREF(vm, val1);
        DECREF(vm, val2);
        if (err) {
            DECREF(vm, temp);
            DECREF(vm, result);
            return NULL;
        }
    }
    Obj *remaining = dictview_new(vm, temp, 2);
    int r = remaining ? set_update(vm, result, remaining) : -1;
    XDECREF(vm, remaining);
    DECREF(vm, temp);
    if (r < 0) {
        DECREF(vm, result);
        return NULL;
    }
    return result;
}

/* keys and items views: | & - ^ build a set (mirrors dictviews_or / _and / _sub / _xor).
 * Either operand may be the view (the reflected call passes the view second). NEW or
 * NotImplemented. */
Obj *dictview_binop(Vm *vm, Obj *a, Obj *b, int op) {
    if (!is_setlike_view(a) && !is_setlike_view(b)) return obj_newref(Py_NotImplemented);
    if (op == OP_AND_BIT) return dictview_intersect(vm, a, b);
    if (op == OP_XOR && TYPE(a) == &DictItemsType && TYPE(b) == &DictItemsType)
        return dictitems_xor(vm, a, b);
    if (op != OP_OR_BIT && op != OP_SUB && op != OP_XOR) return obj_newref(Py_NotImplemented);
    Obj *result = dictviews_to_set(vm, a);
    if (!result) return NULL;
    int r;
    if (op == OP_OR_BIT)
        r = set_update(vm, result, b);
    else if (op == OP_SUB)
        r = set_difference_update(vm, result, b);
    else
        r = set_symmetric_difference_update(vm, result, b);
    if (r < 0) {
        DECREF(vm, result);
        return NULL;
    }
    return result;
}

/* view.isdisjoint(other), mirrors dictviews_isdisjoint() */
static Obj *m_view_isdisjoint(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    char name[40];
    snprintf(name, sizeof name, "%s.isdisjoint", TYPE(self)->name);
    if (!args_no_kw(vm, name, kw) || !args_check(vm, name, nargs, 1, 1)) return NULL;
    Obj *other = args[0];
    if (self == other) return bool_from(DICT_LEN(((DictView *)self)->dict) == 0);
    Obj *it;
    if (is_anyset(other) || is_setlike_view(other)) {
        ssize_t len_self = DICT_LEN(((DictView *)self)->dict);
        ssize_t len_other = obj_len(vm, other);
        if (len_other < 0) return NULL;
        if (len_other > len_self) {
            Obj *tmp = other;
            other = self;
            self = tmp;
        }
    }
    it = obj_iter(vm, other);
    if (!it) return NULL;
    Obj *item;
    while ((item = obj_next(vm, it)) != NULL) {
        int contains = obj_contains(vm, self, item);
        DECREF(vm, item);
        if (contains != 0) {
            DECREF(vm, it);
            if (contains < 0) return NULL;
            return bool_from(false);
        }
    }
    DECREF(vm, it);
    if (vm->exc) return NULL;
    return bool_from(true);
}

static const MethodDef dictview_setlike_methods[] = {
    {"isdisjoint", m_view_isdisjoint},
    {NULL, NULL},
};

static const MethodDef dictview_methods[] = {{NULL, NULL}};

#define DICTVIEW_TYPE(var, tpname, meths)                                                          \
    Type var = {                                                                                   \
        .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},                             \
        .name = tpname,                                                                            \
        .kind = OBJ_DICTVIEW,                                                                      \
        .gc = true,                                                                                \
        .basicsize = 24,                                                                           \
        .traverse = dictview_traverse,                                                             \
        .clear = dictview_clear,                                                                   \
        .dealloc = dictview_dealloc,                                                               \
        .repr = dictview_repr,                                                                     \
        .methods = meths,                                                                          \
        .base = &ObjectType,                                                                       \
    };

DICTVIEW_TYPE(DictKeysType, "dict_keys", dictview_setlike_methods)
DICTVIEW_TYPE(DictValuesType, "dict_values", dictview_methods)
DICTVIEW_TYPE(DictItemsType, "dict_items", dictview_setlike_methods)
