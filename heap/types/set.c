/*
 * set.c - set and frozenset, modelled on CPython 3.11's Objects/setobject.c.
 *
 * A set is a 200-byte object (+16 GC header) with an 8-entry table built in (`smalltable`);
 * bigger tables are separate blocks of 16 bytes (hash, key) per slot, so getsizeof is 216
 * until the table leaves the smalltable, then 216 + 16 * slots. The table is open addressing
 * with CPython's probe sequence: the start slot hash & mask, then up to LINEAR_PROBES (9)
 * neighbours, then `i = i * 5 + 1 + perturb` with perturb shifted right by 5 each round.
 *
 * Invariants, as CPython's:
 *  - An entry is empty (key NULL, hash 0), active, or a dummy (key &set_dummy, hash -1) left
 *    by a deletion; `fill` counts active + dummy entries, `used` the active ones.
 *  - After filling an empty slot, the table is resized when fill * 5 >= mask * 3, to the
 *    smallest power of two above used * 4 (used * 2 beyond 50000 entries); dummies are
 *    dropped then. Deleting never shrinks the table.
 *  - Iteration, repr and pop() follow table order, which is why `{3, 1, 2}` prints {1, 2, 3}.
 *  - Sets are GC-tracked as soon as they are allocated (PyType_GenericAlloc); there is no set
 *    free list in 3.11, and frozenset() is not a singleton.
 */
#include "heap/types/types.h"

#include "heap/lang/ast.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SET_MINSIZE 8 /* PySet_MINSIZE */
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define SET_BASICSIZE 200 /* sizeof(PySetObject) */

/* Additions to the set and dict APIs that types.h does not declare yet (see the report to
 * the lead); dict.c defines the dict ones. */
Obj *set_richcompare(Vm *vm, Obj *a, Obj *b, int op);
Obj *set_inplace(Vm *vm, Obj *a, Obj *b, int op);
int64_t set_hash(Obj *s);
int set_update(Vm *vm, Obj *s, Obj *iterable);
int set_difference_update(Vm *vm, Obj *s, Obj *other);
int set_symmetric_difference_update(Vm *vm, Obj *s, Obj *other);
Obj *set_intersection_multi(Vm *vm, Obj *s, Obj **others, int n);
void set_clear(Vm *vm, Obj *s);
size_t set_sizeof(Obj *s);
int dict_contains_hash(Vm *vm, Obj *d, Obj *key, int64_t hash);

/* The key of deleted entries (setobject.c's _dummy_struct); never a real object. */
static Obj set_dummy;
#define DUMMY (&set_dummy)

static bool is_anyset(Obj *o) {
    return KIND(o) == OBJ_SET || KIND(o) == OBJ_FROZENSET;
}

static int64_t key_hash(Vm *vm, Obj *key) {
    return IS_STR(key) ? str_hash(key) : obj_hash(vm, key);
}

static size_t table_bytes(ssize_t mask) {
    return 16 * (size_t)(mask + 1);
}

/* mirrors set_sizeof() */
size_t set_sizeof(Obj *o) {
    Set *so = (Set *)o;
    size_t res = TYPE(o)->basicsize ? TYPE(o)->basicsize : SET_BASICSIZE;
    if (so->table != so->small) res += table_bytes(so->mask);
    return res;
}

/* ---------------------------------------------------------------- probing */

/* mirrors set_lookkey(): the entry holding key, or the empty entry ending its probe sequence;
 * NULL with an exception set if a comparison failed. A comparison that changed the table
 * starts the search over. */
static SetEntry *set_lookkey(Vm *vm, Set *so, Obj *key, int64_t hash) {
restart:;
    size_t perturb = (size_t)hash;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    for (;;) {
        SetEntry *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) return entry;
            if (entry->hash == hash) {
                Obj *startkey = entry->key;
                if (startkey == key) return entry;
                if (IS_STR(startkey) && IS_STR(key) && str_eq(startkey, key)) return entry;
                SetEntry *table = so->table;
                INCREF(startkey);
                int cmp = obj_eq(vm, startkey, key);
                DECREF(vm, startkey);
                if (cmp < 0) return NULL;
                if (table != so->table || entry->key != startkey) goto restart;
                if (cmp > 0) return entry;
                mask = (size_t)so->mask;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* mirrors set_insert_clean(): places a key known to be absent in a table without dummies */
static void set_insert_clean(SetEntry *table, size_t mask, Obj *key, int64_t hash) {
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    SetEntry *entry;
    for (;;) {
        entry = &table[i];
        if (entry->key == NULL) goto found_null;
        if (i + LINEAR_PROBES <= mask) {
            for (size_t j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL) goto found_null;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_null:
    entry->key = key;
    entry->hash = hash;
}

/* mirrors set_table_resize(): a table of the smallest power of two above minused (at least
 * 8: the smalltable), entries reinserted in old table order, dummies dropped. The new block
 * is allocated before the old one is freed. */
static int set_table_resize(Vm *vm, Set *so, ssize_t minused) {
    size_t newsize = SET_MINSIZE;
    while (newsize <= (size_t)minused)
        newsize <<= 1;
    SetEntry *oldtable = so->table;
    ssize_t oldmask = so->mask;
    uint64_t oldaddr = so->table_addr;
    bool old_malloced = oldtable != so->small;
    SetEntry small_copy[SET_MINSIZE];
    SetEntry *newtable;
    uint64_t newaddr = 0;
    if (newsize == SET_MINSIZE) {
        newtable = so->small;
        if (newtable == oldtable) {
            if (so->fill == so->used) return 0; /* no dummies: nothing to do */
            memcpy(small_copy, oldtable, sizeof small_copy);
            oldtable = small_copy;
        }
    } else {
        size_t bytes = 16 * newsize;
        if (vm->limits.max_heap &&
            vm->alloc.block_bytes + vm->alloc.malloc_bytes + bytes > vm->limits.max_heap) {
            vm_nomem(vm);
            return -1;
        }
        newtable = malloc(sizeof(SetEntry) * newsize);
        if (!newtable) {
            vm_nomem(vm);
            return -1;
        }
        newaddr = alloc_malloc(&vm->alloc, bytes);
    }
    memset(newtable, 0, sizeof(SetEntry) * newsize);
    so->mask = (ssize_t)newsize - 1;
    so->table = newtable;
    so->table_addr = newaddr;
    size_t newmask = newsize - 1;
    if (so->fill == so->used) {
        for (SetEntry *e = oldtable; e <= oldtable + oldmask; e++)
            if (e->key != NULL) set_insert_clean(newtable, newmask, e->key, e->hash);
    } else {
        so->fill = so->used;
        for (SetEntry *e = oldtable; e <= oldtable + oldmask; e++)
            if (e->key != NULL && e->key != DUMMY)
                set_insert_clean(newtable, newmask, e->key, e->hash);
    }
    if (old_malloced) {
        free(oldtable);
        alloc_free(&vm->alloc, oldaddr, table_bytes(oldmask));
    }
    return 0;
}

/* mirrors set_add_entry(): an equal key already present keeps its place and the new one is
 * dropped. Does not consume key. */
static int set_add_entry(Vm *vm, Set *so, Obj *key, int64_t hash) {
    SetEntry *freeslot, *entry;
    INCREF(key); /* a comparison must not free it before it is stored */
restart:;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    freeslot = NULL;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) goto found_unused_or_dummy;
            if (entry->hash == hash) {
                Obj *startkey = entry->key;
                if (startkey == key) goto found_active;
                if (IS_STR(startkey) && IS_STR(key) && str_eq(startkey, key)) goto found_active;
                SetEntry *table = so->table;
                INCREF(startkey);
                int cmp = obj_eq(vm, startkey, key);
                DECREF(vm, startkey);
                if (cmp > 0) goto found_active;
                if (cmp < 0) goto comparison_error;
                if (table != so->table || entry->key != startkey) goto restart;
                mask = (size_t)so->mask;
            } else if (entry->hash == -1) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (vm->limits.max_container && so->used >= vm->limits.max_container) {
        vm_nomem(vm);
        goto comparison_error;
    }
    if (freeslot == NULL) goto found_unused;
    so->used++;
    freeslot->key = key;
    freeslot->hash = hash;
    return 0;
found_unused:
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3) return 0;
    return set_table_resize(vm, so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    DECREF(vm, key);
    return 0;
comparison_error:
    DECREF(vm, key);
    return -1;
}

static int set_contains_entry(Vm *vm, Set *so, Obj *key, int64_t hash) {
    SetEntry *entry = set_lookkey(vm, so, key, hash);
    if (!entry) return -1;
    return entry->key != NULL;
}

/* mirrors set_discard_entry(): 1 found (now a dummy), 0 not found, -1 error */
static int set_discard_entry(Vm *vm, Set *so, Obj *key, int64_t hash) {
    SetEntry *entry = set_lookkey(vm, so, key, hash);
    if (!entry) return -1;
    if (entry->key == NULL) return 0;
    Obj *old_key = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    DECREF(vm, old_key);
    return 1;
}

static int set_add_key(Vm *vm, Set *so, Obj *key) {
    int64_t hash = key_hash(vm, key);
    if (hash == -1) return -1;
    return set_add_entry(vm, so, key, hash);
}

static int set_contains_key(Vm *vm, Set *so, Obj *key) {
    int64_t hash = key_hash(vm, key);
    if (hash == -1) return -1;
    return set_contains_entry(vm, so, key, hash);
}

static int set_discard_key(Vm *vm, Set *so, Obj *key) {
    int64_t hash = key_hash(vm, key);
    if (hash == -1) return -1;
    return set_discard_entry(vm, so, key, hash);
}

/* mirrors set_empty_to_minsize() */
static void set_empty_to_minsize(Set *so) {
    memset(so->small, 0, sizeof so->small);
    so->fill = 0;
    so->used = 0;
    so->mask = SET_MINSIZE - 1;
    so->table = so->small;
    so->table_addr = 0;
    so->hash = -1;
}

/* mirrors set_clear_internal(): the set is emptied first, then the old keys are decrefed in
 * table order and the old block freed */
void set_clear(Vm *vm, Obj *o) {
    Set *so = (Set *)o;
    SetEntry *table = so->table;
    ssize_t used = so->used;
    bool malloced = table != so->small;
    uint64_t addr = so->table_addr;
    ssize_t mask = so->mask;
    SetEntry small_copy[SET_MINSIZE];
    if (malloced) {
        set_empty_to_minsize(so);
    } else if (so->fill > 0) {
        memcpy(small_copy, table, sizeof small_copy);
        table = small_copy;
        set_empty_to_minsize(so);
    }
    for (SetEntry *e = table; used > 0; e++) {
        if (e->key && e->key != DUMMY) {
            used--;
            DECREF(vm, e->key);
        }
    }
    if (malloced) {
        free(table);
        alloc_free(&vm->alloc, addr, table_bytes(mask));
    }
}

int set_next(Obj *o, ssize_t *pos, Obj **key) {
    Set *so = (Set *)o;
    ssize_t i = *pos;
    if (i < 0) return 0;
    while (i <= so->mask && (so->table[i].key == NULL || so->table[i].key == DUMMY))
        i++;
    *pos = i + 1;
    if (i > so->mask) return 0;
    *key = so->table[i].key;
    return 1;
}

/* set_next that also gives the stored hash (_PySet_NextEntry) */
static int set_next_entry(Set *so, ssize_t *pos, SetEntry **entry) {
    Obj *key;
    if (!set_next((Obj *)so, pos, &key)) return 0;
    *entry = &so->table[*pos - 1];
    return 1;
}

/* ---------------------------------------------------------------- lifecycle */

/* mirrors make_new_set(): a GC-allocated set, tracked at once, filled from iterable */
static Obj *make_new_set(Vm *vm, Type *type, Obj *iterable) {
    size_t pysize = type->basicsize ? type->basicsize : SET_BASICSIZE;
    Set *so = (Set *)obj_alloc(vm, type, sizeof(Set), pysize);
    if (!so) return NULL;
    set_empty_to_minsize(so);
    so->finger = 0;
    gc_track(vm, (Obj *)so);
    if (iterable && set_update(vm, (Obj *)so, iterable) < 0) {
        DECREF(vm, so);
        return NULL;
    }
    return (Obj *)so;
}

/* mirrors make_new_set_basetype(): results of operations are plain sets or frozensets */
static Obj *make_new_set_basetype(Vm *vm, Type *type, Obj *iterable) {
    if (type != &SetType && type != &FrozenSetType)
        type = type_is_subtype(type, &SetType) ? &SetType : &FrozenSetType;
    return make_new_set(vm, type, iterable);
}

/* PySet_New / PyFrozenSet_New: always a new object */
Obj *set_new(Vm *vm, Type *type, Obj *iterable) {
    return make_new_set(vm, type, iterable);
}

static void set_dealloc(Vm *vm, Obj *o) {
    Set *so = (Set *)o;
    if (gc_is_tracked(o)) gc_untrack(vm, o); /* bpo-31095 */
    ssize_t used = so->used;
    for (SetEntry *e = so->table; used > 0; e++) {
        if (e->key && e->key != DUMMY) {
            used--;
            DECREF(vm, e->key);
        }
    }
    if (so->table != so->small) {
        free(so->table);
        alloc_free(&vm->alloc, so->table_addr, table_bytes(so->mask));
    }
    obj_free_mem(vm, o);
}

static void set_traverse(Obj *o, VisitFn visit, void *arg) {
    ssize_t pos = 0;
    Obj *key;
    while (set_next(o, &pos, &key))
        visit(key, NULL, (long)(pos - 1), arg);
}

static void set_clear_slot(Vm *vm, Obj *o) {
    set_clear(vm, o);
}

/* mirrors set_repr(): {1, 2}, set(), frozenset({1}), Sub({1}); "set(...)" when recursive */
static Obj *set_repr(Vm *vm, Obj *o) {
    Set *so = (Set *)o;
    const char *name = TYPE(o)->name;
    if (vm_repr_enter(vm, o)) return str_fromf(vm, "%s(...)", name);
    if (!so->used) {
        vm_repr_leave(vm, o);
        return str_fromf(vm, "%s()", name);
    }
    Obj *result = NULL;
    Obj *keys = obj_to_list(vm, o);
    if (keys) {
        Obj *listrepr = obj_repr(vm, keys);
        DECREF(vm, keys);
        if (listrepr) {
            StrBuf b;
            sb_init(&b);
            bool exact = TYPE(o) == &SetType;
            if (!exact) {
                sb_adds(&b, name);
                sb_addc(&b, '(');
            }
            sb_addc(&b, '{');
            sb_add(&b, str_cstr(listrepr) + 1, ((Str *)listrepr)->nbytes - 2); /* [1:-1] */
            sb_addc(&b, '}');
            if (!exact) sb_addc(&b, ')');
            DECREF(vm, listrepr);
            result = sb_finish(vm, &b);
        }
    }
    vm_repr_leave(vm, o);
    return result;
}

/* ---------------------------------------------------------------- public helpers */

int set_add(Vm *vm, Obj *s, Obj *key) {
    return set_add_key(vm, (Set *)s, key);
}

/* mirrors set_contains(): an unhashable set is looked up as a frozenset */
int set_contains(Vm *vm, Obj *s, Obj *key) {
    int rv = set_contains_key(vm, (Set *)s, key);
    if (rv < 0 && KIND(key) == OBJ_SET && vm_exc_matches(vm, &Exc_TypeError)) {
        vm_clear_exc(vm);
        Obj *tmp = make_new_set(vm, &FrozenSetType, key);
        if (!tmp) return -1;
        rv = set_contains_key(vm, (Set *)s, tmp);
        DECREF(vm, tmp);
    }
    return rv;
}

/* mirrors set_discard() (also remove()'s lookup): 1 found, 0 not, -1 error */
int set_discard(Vm *vm, Obj *s, Obj *key) {
    int rv = set_discard_key(vm, (Set *)s, key);
    if (rv < 0 && KIND(key) == OBJ_SET && vm_exc_matches(vm, &Exc_TypeError)) {
        vm_clear_exc(vm);
        Obj *tmp = make_new_set(vm, &FrozenSetType, key);
        if (!tmp) return -1;
        rv = set_discard_key(vm, (Set *)s, tmp);
        DECREF(vm, tmp);
    }
    return rv;
}

/* ---------------------------------------------------------------- bulk operations */

/* mirrors set_merge(): one resize up front, then a pointer copy (same size, no dummies), a
 * clean insertion (empty target) or ordinary adds */
static int set_merge(Vm *vm, Set *so, Set *other) {
    if (other == so || other->used == 0) return 0;
    if ((so->fill + other->used) * 5 >= so->mask * 3 &&
        set_table_resize(vm, so, (so->used + other->used) * 2) != 0)
        return -1;
    SetEntry *so_entry = so->table, *other_entry = other->table;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (ssize_t i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            Obj *key = other_entry->key;
            if (key != NULL) {
                so_entry->key = obj_newref(key);
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        SetEntry *newtable = so->table;
        size_t newmask = (size_t)so->mask;
        so->fill = other->used;
        so->used = other->used;
        for (ssize_t i = other->mask + 1; i > 0; i--, other_entry++) {
            Obj *key = other_entry->key;
            if (key != NULL && key != DUMMY)
                set_insert_clean(newtable, newmask, obj_newref(key), other_entry->hash);
        }
        return 0;
    }
    for (ssize_t i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        Obj *key = other_entry->key;
        if (key != NULL && key != DUMMY && set_add_entry(vm, so, key, other_entry->hash)) return -1;
    }
    return 0;
}

/* mirrors set_update_internal() (SET_UPDATE, set(x), update()): a set merges, a dict adds its
 * keys with their stored hashes, anything else is iterated */
int set_update(Vm *vm, Obj *s, Obj *other) {
    Set *so = (Set *)s;
    if (is_anyset(other)) return set_merge(vm, so, (Set *)other);
    if (TYPE(other) == &DictType) {
        Dict *d = (Dict *)other;
        ssize_t dictsize = d->used;
        if ((so->fill + dictsize) * 5 >= so->mask * 3 &&
            set_table_resize(vm, so, (so->used + dictsize) * 2) != 0)
            return -1;
        for (ssize_t i = 0; i < d->nentries; i++) {
            DictEntry *ep = &d->entries[i];
            if (ep->value && set_add_entry(vm, so, ep->key, ep->hash)) return -1;
        }
        return 0;
    }
    Obj *it = obj_iter(vm, other);
    if (!it) return -1;
    Obj *key;
    while ((key = obj_next(vm, it)) != NULL) {
        if (set_add_key(vm, so, key)) {
            DECREF(vm, it);
            DECREF(vm, key);
            return -1;
        }
        DECREF(vm, key);
    }
    DECREF(vm, it);
    return vm->exc ? -1 : 0;
}

/* mirrors set_swap_bodies() */
static void set_swap_bodies(Set *a, Set *b) {
    ssize_t t;
    t = a->fill;
    a->fill = b->fill;
    b->fill = t;
    t = a->used;
    a->used = b->used;
    b->used = t;
    t = a->mask;
    a->mask = b->mask;
    b->mask = t;
    uint64_t addr = a->table_addr;
    a->table_addr = b->table_addr;
    b->table_addr = addr;
    SetEntry *u = a->table == a->small ? b->small : a->table;
    a->table = b->table == b->small ? a->small : b->table;
    b->table = u;
    if (a->table == a->small || b->table == b->small) {
        SetEntry tab[SET_MINSIZE];
        memcpy(tab, a->small, sizeof tab);
        memcpy(a->small, b->small, sizeof tab);
        memcpy(b->small, tab, sizeof tab);
    }
    if (KIND((Obj *)a) == OBJ_FROZENSET && KIND((Obj *)b) == OBJ_FROZENSET) {
        int64_t h = a->hash;
        a->hash = b->hash;
        b->hash = h;
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

static Obj *set_copy(Vm *vm, Obj *so) {
    return make_new_set_basetype(vm, TYPE(so), so);
}

/* mirrors set_intersection() */
static Obj *set_intersection(Vm *vm, Obj *self, Obj *other) {
    if (self == other) return set_copy(vm, self);
    Obj *result = make_new_set_basetype(vm, TYPE(self), NULL);
    if (!result) return NULL;
    Set *so = (Set *)self;
    if (is_anyset(other)) {
        Set *ot = (Set *)other;
        if (ot->used > so->used) {
            Set *tmp = so;
            so = ot;
            ot = tmp;
        }
        ssize_t pos = 0;
        SetEntry *entry;
        while (set_next_entry(ot, &pos, &entry)) {
            Obj *key = obj_newref(entry->key);
            int64_t hash = entry->hash;
            int rv = set_contains_entry(vm, so, key, hash);
            if (rv > 0) rv = set_add_entry(vm, (Set *)result, key, hash);
            DECREF(vm, key);
            if (rv < 0) {
                DECREF(vm, result);
                return NULL;
            }
        }
        return result;
    }
    Obj *it = obj_iter(vm, other);
    if (!it) {
        DECREF(vm, result);
        return NULL;
    }
    Obj *key;
    while ((key = obj_next(vm, it)) != NULL) {
        int64_t hash = key_hash(vm, key);
        int rv = hash == -1 ? -1 : set_contains_entry(vm, so, key, hash);
        bool full = false;
        if (rv > 0) {
            rv = set_add_entry(vm, (Set *)result, key, hash);
            full = ((Set *)result)->used >= so->used; /* nothing more can match */
        }
        DECREF(vm, key);
        if (rv < 0) {
            DECREF(vm, it);
            DECREF(vm, result);
            return NULL;
        }
        if (full) break;
    }
    DECREF(vm, it);
    if (vm->exc) {
        DECREF(vm, result);
        return NULL;
    }
    return result;
}

/* mirrors set_intersection_multi(): NEW set */
Obj *set_intersection_multi(Vm *vm, Obj *self, Obj **others, int n) {
    if (n == 0) return set_copy(vm, self);
    Obj *result = obj_newref(self);
    for (int i = 0; i < n; i++) {
        Obj *newresult = set_intersection(vm, result, others[i]);
        if (!newresult) {
            DECREF(vm, result);
            return NULL;
        }
        SETREF(vm, result, newresult);
    }
    return result;
}

/* mirrors set_isdisjoint() */
static Obj *set_isdisjoint(Vm *vm, Obj *self, Obj *other) {
    Set *so = (Set *)self;
    if (self == other) return bool_from(so->used == 0);
    if (TYPE(other) == &SetType || TYPE(other) == &FrozenSetType) {
        Set *ot = (Set *)other;
        if (ot->used > so->used) {
            Set *tmp = so;
            so = ot;
            ot = tmp;
        }
        ssize_t pos = 0;
        SetEntry *entry;
        while (set_next_entry(ot, &pos, &entry)) {
            Obj *key = obj_newref(entry->key);
            int rv = set_contains_entry(vm, so, key, entry->hash);
            DECREF(vm, key);
            if (rv < 0) return NULL;
            if (rv) return bool_from(false);
        }
        return bool_from(true);
    }
    Obj *it = obj_iter(vm, other);
    if (!it) return NULL;
    Obj *key;
    while ((key = obj_next(vm, it)) != NULL) {
        int rv = set_contains_key(vm, so, key);
        DECREF(vm, key);
        if (rv != 0) {
            DECREF(vm, it);
            if (rv < 0) return NULL;
            return bool_from(false);
        }
    }
    DECREF(vm, it);
    if (vm->exc) return NULL;
    return bool_from(true);
}

/* mirrors set_difference_update_internal(): removing more than a quarter of the table in
 * dummies resizes them away */
int set_difference_update(Vm *vm, Obj *self, Obj *other) {
    Set *so = (Set *)self;
    if (self == other) {
        set_clear(vm, self);
        return 0;
    }
    if (is_anyset(other)) {
        if ((((Set *)other)->used >> 3) > so->used) {
            other = set_intersection(vm, self, other);
            if (!other) return -1;
        } else {
            INCREF(other);
        }
        ssize_t pos = 0;
        SetEntry *entry;
        while (set_next_entry((Set *)other, &pos, &entry)) {
            Obj *key = obj_newref(entry->key);
            int rv = set_discard_entry(vm, so, key, entry->hash);
            DECREF(vm, key);
            if (rv < 0) {
                DECREF(vm, other);
                return -1;
            }
        }
        DECREF(vm, other);
    } else {
        Obj *it = obj_iter(vm, other);
        if (!it) return -1;
        Obj *key;
        while ((key = obj_next(vm, it)) != NULL) {
            int rv = set_discard_key(vm, so, key);
            DECREF(vm, key);
            if (rv < 0) {
                DECREF(vm, it);
                return -1;
            }
        }
        DECREF(vm, it);
        if (vm->exc) return -1;
    }
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4) return 0;
    return set_table_resize(vm, so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static Obj *set_copy_and_difference(Vm *vm, Obj *self, Obj *other) {
    Obj *result = set_copy(vm, self);
    if (!result) return NULL;
    if (set_difference_update(vm, result, other) == 0) return result;
    DECREF(vm, result);
    return NULL;
}

/* mirrors set_difference() */
static Obj *set_difference(Vm *vm, Obj *self, Obj *other) {
    Set *so = (Set *)self;
    ssize_t other_size;
    if (is_anyset(other))
        other_size = ((Set *)other)->used;
    else if (TYPE(other) == &DictType)
        other_size = DICT_LEN(other);
    else
        return set_copy_and_difference(vm, self, other);
    if ((so->used >> 2) > other_size) return set_copy_and_difference(vm, self, other);
    Obj *result = make_new_set_basetype(vm, TYPE(self), NULL);
    if (!result) return NULL;
    bool is_dict = TYPE(other) == &DictType;
    ssize_t pos = 0;
    SetEntry *entry;
    while (set_next_entry(so, &pos, &entry)) {
        Obj *key = obj_newref(entry->key);
        int64_t hash = entry->hash;
        int rv = is_dict ? dict_contains_hash(vm, other, key, hash)
                         : set_contains_entry(vm, (Set *)other, key, hash);
        if (rv == 0) rv = set_add_entry(vm, (Set *)result, key, hash);
        DECREF(vm, key);
        if (rv < 0) {
            DECREF(vm, result);
            return NULL;
        }
    }
    return result;
}

/* mirrors set_symmetric_difference_update() */
int set_symmetric_difference_update(Vm *vm, Obj *self, Obj *other) {
    Set *so = (Set *)self;
    if (self == other) {
        set_clear(vm, self);
        return 0;
    }
    if (TYPE(other) == &DictType) {
        Dict *d = (Dict *)other;
        for (ssize_t i = 0; i < d->nentries; i++) {
            DictEntry *ep = &d->entries[i];
            if (!ep->value) continue;
            Obj *key = obj_newref(ep->key);
            int rv = set_discard_entry(vm, so, key, ep->hash);
            if (rv == 0) rv = set_add_entry(vm, so, key, ep->hash);
            DECREF(vm, key);
            if (rv < 0) return -1;
        }
        return 0;
    }
    Obj *otherset;
    if (is_anyset(other)) {
        otherset = obj_newref(other);
    } else {
        otherset = make_new_set_basetype(vm, TYPE(self), other);
        if (!otherset) return -1;
    }
    ssize_t pos = 0;
    SetEntry *entry;
    while (set_next_entry((Set *)otherset, &pos, &entry)) {
        Obj *key = obj_newref(entry->key);
        int64_t hash = entry->hash;
        int rv = set_discard_entry(vm, so, key, hash);
        if (rv == 0) rv = set_add_entry(vm, so, key, hash);
        DECREF(vm, key);
        if (rv < 0) {
            DECREF(vm, otherset);
            return -1;
        }
    }
    DECREF(vm, otherset);
    return 0;
}

/* mirrors set_symmetric_difference(): set(other) updated with self */
static Obj *set_symmetric_difference(Vm *vm, Obj *self, Obj *other) {
    Obj *otherset = make_new_set_basetype(vm, TYPE(self), other);
    if (!otherset) return NULL;
    if (set_symmetric_difference_update(vm, otherset, self) < 0) {
        DECREF(vm, otherset);
        return NULL;
    }
    return otherset;
}

/* mirrors set_issubset(): an iterable that is not a set is made one first */
static int set_issubset(Vm *vm, Obj *self, Obj *other) {
    if (!is_anyset(other)) {
        Obj *tmp = make_new_set(vm, &SetType, other);
        if (!tmp) return -1;
        int r = set_issubset(vm, self, tmp);
        DECREF(vm, tmp);
        return r;
    }
    Set *so = (Set *)self;
    if (so->used > ((Set *)other)->used) return 0;
    ssize_t pos = 0;
    SetEntry *entry;
    while (set_next_entry(so, &pos, &entry)) {
        Obj *key = obj_newref(entry->key);
        int rv = set_contains_entry(vm, (Set *)other, key, entry->hash);
        DECREF(vm, key);
        if (rv <= 0) return rv;
    }
    return 1;
}

/* mirrors set_issuperset() */
static int set_issuperset(Vm *vm, Obj *self, Obj *other) {
    if (!is_anyset(other)) {
        Obj *tmp = make_new_set(vm, &SetType, other);
        if (!tmp) return -1;
        int r = set_issuperset(vm, self, tmp);
        DECREF(vm, tmp);
        return r;
    }
    return set_issubset(vm, other, self);
}

/* mirrors frozenset_hash(): order-independent, from the stored entry hashes */
static uint64_t shuffle_bits(uint64_t h) {
    return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
}

int64_t set_hash(Obj *o) {
    Set *so = (Set *)o;
    if (so->hash != -1) return so->hash;
    uint64_t hash = 0;
    for (SetEntry *e = so->table; e <= &so->table[so->mask]; e++)
        hash ^= shuffle_bits((uint64_t)e->hash);
    if ((so->mask + 1 - so->fill) & 1) hash ^= shuffle_bits(0); /* odd number of empty slots */
    if ((so->fill - so->used) & 1) hash ^= shuffle_bits((uint64_t)-1); /* odd number of dummies */
    hash ^= ((uint64_t)so->used + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == (uint64_t)-1) hash = 590923713ULL;
    so->hash = (int64_t)hash;
    return so->hash;
}

/* ---------------------------------------------------------------- operators */

/* a | b, a & b, a - b, a ^ b for sets and frozensets (set_or, set_and, set_sub, set_xor):
 * NEW result of a's base type, or NotImplemented. As abstract.c calls it, op 100 + CMP_xx is
 * set_richcompare and op 200 + OP_xx is set_inplace. */
Obj *set_binop(Vm *vm, Obj *a, Obj *b, int op) {
    if (op >= 200) return set_inplace(vm, a, b, op - 200);
    if (op >= 100) return set_richcompare(vm, a, b, op - 100);
    if (!is_anyset(a) || !is_anyset(b)) return obj_newref(Py_NotImplemented);
    switch (op) {
    case OP_OR_BIT: {
        Obj *result = set_copy(vm, a);
        if (!result || a == b) return result;
        if (set_update(vm, result, b) < 0) {
            DECREF(vm, result);
            return NULL;
        }
        return result;
    }
    case OP_AND_BIT:
        return set_intersection(vm, a, b);
    case OP_SUB:
        return set_difference(vm, a, b);
    case OP_XOR:
        return set_symmetric_difference(vm, a, b);
    default:
        return obj_newref(Py_NotImplemented);
    }
}

/* a |= b, &=, -=, ^= on a mutable set (set_ior, set_iand, set_isub, set_ixor): NEW reference
 * to a, or NotImplemented (a frozenset, or b not a set: the VM falls back to set_binop) */
Obj *set_inplace(Vm *vm, Obj *a, Obj *b, int op) {
    if (KIND(a) != OBJ_SET || !is_anyset(b)) return obj_newref(Py_NotImplemented);
    int r;
    switch (op) {
    case OP_OR_BIT:
        r = set_update(vm, a, b);
        break;
    case OP_AND_BIT: {
        Obj *tmp = set_intersection(vm, a, b);
        if (!tmp) return NULL;
        set_swap_bodies((Set *)a, (Set *)tmp);
        DECREF(vm, tmp);
        r = 0;
        break;
    }
    case OP_SUB:
        r = set_difference_update(vm, a, b);
        break;
    case OP_XOR:
        r = set_symmetric_difference_update(vm, a, b);
        break;
    default:
        return obj_newref(Py_NotImplemented);
    }
    if (r < 0) return NULL;
    return obj_newref(a);
}

/* mirrors set_richcompare(): subset/superset order, NEW bool or NotImplemented */
Obj *set_richcompare(Vm *vm, Obj *v, Obj *w, int op) {
    if (!is_anyset(v) || !is_anyset(w)) return obj_newref(Py_NotImplemented);
    Set *a = (Set *)v, *b = (Set *)w;
    int r;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        if (a->used != b->used)
            r = 0;
        else if (a->hash != -1 && b->hash != -1 && a->hash != b->hash)
            r = 0;
        else
            r = set_issubset(vm, v, w);
        if (r >= 0 && op == CMP_NE) r = !r;
        break;
    case CMP_LE:
        r = set_issubset(vm, v, w);
        break;
    case CMP_GE:
        r = set_issuperset(vm, v, w);
        break;
    case CMP_LT:
        r = a->used >= b->used ? 0 : set_issubset(vm, v, w);
        break;
    case CMP_GT:
        r = a->used <= b->used ? 0 : set_issuperset(vm, v, w);
        break;
    default:
        return obj_newref(Py_NotImplemented);
    }
    if (r < 0) return NULL;
    return bool_from(r);
}

/* ---------------------------------------------------------------- methods */

/* "set.add" / "frozenset.copy": how CPython names a method in its argument errors */
static const char *qualname(Obj *self, const char *name, char *buf, size_t n) {
    snprintf(buf, n, "%s.%s", KIND(self) == OBJ_FROZENSET ? "frozenset" : "set", name);
    return buf;
}

#define NOARGS(name)                                                                               \
    char qn[48];                                                                                   \
    (void)args;                                                                                    \
    if (!args_no_kw(vm, qualname(self, name, qn, sizeof qn), kw) ||                                \
        !args_check(vm, qn, nargs, 0, 0))                                                          \
    return NULL
#define ONEARG(name)                                                                               \
    char qn[48];                                                                                   \
    if (!args_no_kw(vm, qualname(self, name, qn, sizeof qn), kw) ||                                \
        !args_check(vm, qn, nargs, 1, 1))                                                          \
    return NULL

static Obj *m_add(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    ONEARG("add");
    if (set_add_key(vm, (Set *)self, args[0])) return NULL;
    return obj_newref(vm->none);
}

static Obj *m_clear(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    NOARGS("clear");
    set_clear(vm, self);
    return obj_newref(vm->none);
}

static Obj *m_contains(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    ONEARG("__contains__");
    int r = set_contains(vm, self, args[0]);
    if (r < 0) return NULL;
    return bool_from(r);
}

static Obj *m_copy(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    NOARGS("copy");
    if (TYPE(self) == &FrozenSetType) return obj_newref(self); /* frozenset_copy */
    return set_copy(vm, self);
}

static Obj *m_discard(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    ONEARG("discard");
    if (set_discard(vm, self, args[0]) < 0) return NULL;
    return obj_newref(vm->none);
}

static Obj *m_remove(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    ONEARG("remove");
    int rv = set_discard(vm, self, args[0]);
    if (rv < 0) return NULL;
    if (rv == 0) return vm_raise_obj(vm, &Exc_KeyError, args[0]);
    return obj_newref(vm->none);
}

/* mirrors set_pop(): from the search finger on, in table order */
static Obj *m_pop(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    NOARGS("pop");
    Set *so = (Set *)self;
    if (so->used == 0) return vm_raise(vm, &Exc_KeyError, "pop from an empty set");
    SetEntry *entry = so->table + (so->finger & so->mask);
    SetEntry *limit = so->table + so->mask;
    while (entry->key == NULL || entry->key == DUMMY) {
        entry++;
        if (entry > limit) entry = so->table;
    }
    Obj *key = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

static Obj *m_union(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "union", kw)) return NULL;
    Obj *result = set_copy(vm, self);
    if (!result) return NULL;
    for (int i = 0; i < nargs; i++) {
        if (args[i] == self) continue;
        if (set_update(vm, result, args[i]) < 0) {
            DECREF(vm, result);
            return NULL;
        }
    }
    return result;
}

static Obj *m_update(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "update", kw)) return NULL;
    for (int i = 0; i < nargs; i++)
        if (set_update(vm, self, args[i]) < 0) return NULL;
    return obj_newref(vm->none);
}

static Obj *m_intersection(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "intersection", kw)) return NULL;
    return set_intersection_multi(vm, self, args, nargs);
}

static Obj *m_intersection_update(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "intersection_update", kw)) return NULL;
    Obj *tmp = set_intersection_multi(vm, self, args, nargs);
    if (!tmp) return NULL;
    set_swap_bodies((Set *)self, (Set *)tmp);
    DECREF(vm, tmp);
    return obj_newref(vm->none);
}

static Obj *m_difference(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "difference", kw)) return NULL;
    if (nargs == 0) return set_copy(vm, self);
    Obj *result = set_difference(vm, self, args[0]);
    if (!result) return NULL;
    for (int i = 1; i < nargs; i++) {
        if (set_difference_update(vm, result, args[i]) < 0) {
            DECREF(vm, result);
            return NULL;
        }
    }
    return result;
}

static Obj *m_difference_update(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "difference_update", kw)) return NULL;
    for (int i = 0; i < nargs; i++)
        if (set_difference_update(vm, self, args[i]) < 0) return NULL;
    return obj_newref(vm->none);
}

static Obj *m_symmetric_difference(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    ONEARG("symmetric_difference");
    return set_symmetric_difference(vm, self, args[0]);
}

static Obj *m_symmetric_difference_update(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    ONEARG("symmetric_difference_update");
    if (set_symmetric_difference_update(vm, self, args[0]) < 0) return NULL;
    return obj_newref(vm->none);
}

static Obj *m_isdisjoint(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    ONEARG("isdisjoint");
    return set_isdisjoint(vm, self, args[0]);
}

static Obj *m_issubset(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    ONEARG("issubset");
    int r = set_issubset(vm, self, args[0]);
    if (r < 0) return NULL;
    return bool_from(r);
}

static Obj *m_issuperset(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    ONEARG("issuperset");
    int r = set_issuperset(vm, self, args[0]);
    if (r < 0) return NULL;
    return bool_from(r);
}

static Obj *m_sizeof(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kw) {
    NOARGS("__sizeof__");
    return int_from_i64(vm, (int64_t)set_sizeof(self));
}

static const MethodDef set_methods[] = {
    {"add", m_add},
    {"clear", m_clear},
    {"__contains__", m_contains},
    {"copy", m_copy},
    {"discard", m_discard},
    {"difference", m_difference},
    {"difference_update", m_difference_update},
    {"intersection", m_intersection},
    {"intersection_update", m_intersection_update},
    {"isdisjoint", m_isdisjoint},
    {"issubset", m_issubset},
    {"issuperset", m_issuperset},
    {"pop", m_pop},
    {"remove", m_remove},
    {"__sizeof__", m_sizeof},
    {"symmetric_difference", m_symmetric_difference},
    {"symmetric_difference_update", m_symmetric_difference_update},
    {"union", m_union},
    {"update", m_update},
    {NULL, NULL},
};

static const MethodDef frozenset_methods[] = {
    {"__contains__", m_contains},
    {"copy", m_copy},
    {"difference", m_difference},
    {"intersection", m_intersection},
    {"isdisjoint", m_isdisjoint},
    {"issubset", m_issubset},
    {"issuperset", m_issuperset},
    {"__sizeof__", m_sizeof},
    {"symmetric_difference", m_symmetric_difference},
    {"union", m_union},
    {NULL, NULL},
};

/* mirrors set_vectorcall(): set() / set(iterable) */
static Obj *set_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "set", kw)) return NULL;
    if (nargs > 1)
        return vm_raise(vm, &Exc_TypeError, "set expected at most 1 argument, got %d", nargs);
    return make_new_set(vm, t, nargs ? args[0] : NULL);
}

/* mirrors frozenset_vectorcall(): frozenset(f) of an exact frozenset is f itself */
static Obj *frozenset_new_type(Vm *vm, Type *t, Obj **args, int nargs, Obj *kw) {
    if (!args_no_kw(vm, "frozenset", kw)) return NULL;
    if (nargs > 1)
        return vm_raise(vm, &Exc_TypeError, "frozenset expected at most 1 argument, got %d", nargs);
    Obj *iterable = nargs ? args[0] : NULL;
    if (t == &FrozenSetType && iterable && TYPE(iterable) == &FrozenSetType)
        return obj_newref(iterable);
    return make_new_set(vm, t, iterable);
}

Type SetType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "set",
    .kind = OBJ_SET,
    .gc = true,
    .basicsize = SET_BASICSIZE,
    .traverse = set_traverse,
    .clear = set_clear_slot,
    .dealloc = set_dealloc,
    .repr = set_repr,
    .size_of = set_sizeof,
    .methods = set_methods,
    .new_ = set_new_type,
    .base = &ObjectType,
};

Type FrozenSetType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "frozenset",
    .kind = OBJ_FROZENSET,
    .gc = true,
    .basicsize = SET_BASICSIZE,
    .traverse = set_traverse,
    .clear = set_clear_slot,
    .dealloc = set_dealloc,
    .repr = set_repr,
    .size_of = set_sizeof,
    .methods = frozenset_methods,
    .new_ = frozenset_new_type,
    .base = &ObjectType,
};
