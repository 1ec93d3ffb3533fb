/*
 * runtime.c - a run's lifecycle: creating the Vm and its statics, running __main__,
 * printing tracebacks as CPython 3.11 does (with its "Did you mean" suggestions), and the
 * interpreter's shutdown.
 */
#include "heap/runtime.h"

#include "heap/lang/compiler.h"
#include "heap/types/types.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern void str_init_statics(Vm *vm);
extern void vm_free_descrs(Vm *vm);

static Obj *new_static(Vm *vm, Type *t) {
    Obj *o = calloc(1, sizeof(Obj) + 64);
    if (!o) abort();
    obj_init_static(o, t, 1000000000);
    o->uid = vm->next_uid++;
    o->addr = 0x55d0c0a0b000ULL + (uint64_t)o->uid * 16;
    return o;
}

Vm *vm_new(void) {
    Vm *vm = calloc(1, sizeof(Vm));
    if (!vm) return NULL;
    alloc_init(&vm->alloc);
    vm->next_uid = 1;
    vm->recursion_limit = 1000;
    vm->limits.max_steps = 10000000;
    vm->limits.max_heap = (size_t)4 << 30;
    vm->limits.max_container = (ssize_t)1 << 31;
    vm->limits.max_str = (size_t)1 << 31;
    gc_init(vm);
    vm->none = new_static(vm, &NoneType);
    vm->notimpl = new_static(vm, &NotImplementedType);
    vm->ellipsis = new_static(vm, &EllipsisType);
    vm->none->refcnt = 5000;
    int_init_statics(vm);
    Tuple *et = calloc(1, sizeof(Tuple));
    if (!et) abort();
    obj_init_static((Obj *)et, &TupleType, 1000000000);
    et->ob.uid = vm->next_uid++;
    et->ob.addr = 0x55d0c0a00000ULL + 0x5a8;
    et->hash = -1;
    vm->empty_tuple = (Obj *)et;
    str_init_statics(vm);
    vm->interned = dict_new(vm);
    vm->modules = dict_new(vm);
    vm->consts_arena = list_new(vm, 0);
    builtins_init(vm);
    /* builtin strings that exist before the program starts (start-up objects) */
    return vm;
}

int vm_enter_recursive(Vm *vm, const char *where) {
    if (++vm->depth > vm->recursion_limit) {
        vm->depth--;
        vm_raise(vm, &Exc_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    return 0;
}

void vm_write(Vm *vm, const char *s, size_t n) {
    if (vm->write_out) vm->write_out(vm->write_ctx, s, n);
    if (vm->hook) {
        Event ev = {EV_STDOUT, NULL, vm->frame, 0, s, n};
        vm->hook(vm, &ev, vm->hook_ctx);
    }
}

/* ---------------------------------------------------------------- dir() */

static int cmp_str(const void *a, const void *b) {
    return str_compare(*(Obj *const *)a, *(Obj *const *)b);
}

static void add_name(Vm *vm, Obj *set, Obj *name) {
    set_add(vm, set, name);
}

static const char *const object_attrs[] = {
    "__class__",   "__delattr__", "__dir__",           "__doc__",          "__eq__",
    "__format__",  "__ge__",      "__getattribute__",  "__getstate__",     "__gt__",
    "__hash__",    "__init__",    "__init_subclass__", "__le__",           "__lt__",
    "__ne__",      "__new__",     "__reduce__",        "__reduce_ex__",    "__repr__",
    "__setattr__", "__sizeof__",  "__str__",           "__subclasshook__", NULL};

/* dir(o): a sorted list of attribute names (NEW). */
Obj *obj_dir(Vm *vm, Obj *o) {
    Obj *set = set_new(vm, &SetType, NULL);
    if (!set) return NULL;
    if (KIND(o) == OBJ_MODULE) {
        ssize_t pos = 0;
        Obj *k, *v;
        while (dict_next(((Module *)o)->dict, &pos, &k, &v))
            add_name(vm, set, k);
    } else {
        Type *t = IS_TYPE(o) ? (Type *)o : o->type;
        if (!IS_TYPE(o) && (o->type->heap)) {
            Instance *in = (Instance *)o;
            if (in->dict) {
                ssize_t pos = 0;
                Obj *k, *v;
                while (dict_next(in->dict, &pos, &k, &v))
                    add_name(vm, set, k);
            } else if (in->values && t->cached_keys) {
                for (int i = 0; i < t->cached_keys->nentries && i < in->nvalues; i++)
                    if (in->values[i]) add_name(vm, set, t->cached_keys->names[i]);
            }
            for (int i = 0; t->nslots > 0 && i < t->nslots; i++)
                if (in->slots[i]) add_name(vm, set, TUPLE_ITEM(t->slot_names, i));
        }
        for (Type *b = t; b; b = b->base) {
            if (b->dict) {
                ssize_t pos = 0;
                Obj *k, *v;
                while (dict_next(b->dict, &pos, &k, &v))
                    add_name(vm, set, k);
            }
            if (b->methods)
                for (const MethodDef *m = b->methods; m->name; m++) {
                    Obj *n = str_intern_cstr(vm, m->name);
                    add_name(vm, set, n);
                    DECREF(vm, n);
                }
        }
        for (int i = 0; object_attrs[i]; i++) {
            Obj *n = str_intern_cstr(vm, object_attrs[i]);
            add_name(vm, set, n);
            DECREF(vm, n);
        }
        if (t->heap) {
            static const char *const extra[] = {"__dict__", "__module__", "__weakref__", NULL};
            for (int i = 0; extra[i]; i++) {
                if (!strcmp(extra[i], "__dict__") && t->nslots >= 0 && !t->managed_dict) continue;
                if (!strcmp(extra[i], "__weakref__") && !t->weaklist) continue;
                Obj *n = str_intern_cstr(vm, extra[i]);
                add_name(vm, set, n);
                DECREF(vm, n);
            }
        }
    }
    Obj *l = obj_to_list(vm, set);
    DECREF(vm, set);
    if (!l) return NULL;
    qsort(((List *)l)->items, (size_t)LIST_LEN(l), sizeof(Obj *), cmp_str);
    return l;
}

/* ---------------------------------------------------------------- suggestions */

#define MOVE_COST 2
#define CASE_COST 1
#define MAX_STRING_SIZE 40

static size_t subst_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return MOVE_COST;
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a += 'a' - 'A';
    if ('A' <= b && b <= 'Z') b += 'a' - 'A';
    return a == b ? CASE_COST : MOVE_COST;
}

/* mirrors levenshtein_distance() in Python/suggestions.c */
static size_t levenshtein(const char *a, size_t an, const char *b, size_t bn, size_t max_cost) {
    size_t buffer[MAX_STRING_SIZE];
    while (an && bn && a[0] == b[0]) {
        a++;
        an--;
        b++;
        bn--;
    }
    while (an && bn && a[an - 1] == b[bn - 1]) {
        an--;
        bn--;
    }
    if (an == 0 || bn == 0) return (an + bn) * MOVE_COST;
    if (an > MAX_STRING_SIZE || bn > MAX_STRING_SIZE) return max_cost + 1;
    if (bn < an) {
        const char *t = a;
        a = b;
        b = t;
        size_t tn = an;
        an = bn;
        bn = tn;
    }
    if ((bn - an) * MOVE_COST > max_cost) return max_cost + 1;
    size_t tmp = MOVE_COST;
    for (size_t i = 0; i < an; i++) {
        buffer[i] = tmp;
        tmp += MOVE_COST;
    }
    size_t result = 0;
    for (size_t bi = 0; bi < bn; bi++) {
        char code = b[bi];
        size_t distance = result = bi * MOVE_COST;
        size_t minimum = (size_t)-1;
        for (size_t i = 0; i < an; i++) {
            size_t substitute = distance + subst_cost(code, a[i]);
            distance = buffer[i];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[i] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

static Obj *suggest(Obj *dir, Obj *name) {
    ssize_t n = LIST_LEN(dir);
    if (n >= 750) return NULL;
    size_t best = (size_t)-1 >> 1;
    Obj *sugg = NULL;
    const char *ns = str_cstr(name);
    size_t nn = ((Str *)name)->nbytes;
    for (ssize_t i = 0; i < n; i++) {
        Obj *item = LIST_ITEM(dir, i);
        if (!IS_STR(item)) continue;
        if (str_eq(item, name)) continue;
        size_t in = ((Str *)item)->nbytes;
        size_t maxd = (nn + in + 3) * MOVE_COST / 6;
        if (best - 1 < maxd) maxd = best - 1;
        size_t d = levenshtein(ns, nn, str_cstr(item), in, maxd);
        if (d > maxd) continue;
        if (!sugg || d < best) {
            sugg = item;
            best = d;
        }
    }
    return sugg;
}

static Obj *dict_keys_sorted(Vm *vm, Obj *d) {
    Obj *l = dict_keys_list(vm, d);
    if (!l) return NULL;
    qsort(((List *)l)->items, (size_t)LIST_LEN(l), sizeof(Obj *), cmp_str);
    return l;
}

static Obj *compute_suggestion(Vm *vm, Obj *exc) {
    Instance *e = (Instance *)exc;
    if (!e->exc_name || !IS_STR(e->exc_name)) return NULL;
    if (type_is_subtype(exc->type, &Exc_AttributeError) && e->exc_obj) {
        Obj *dir = obj_dir(vm, e->exc_obj);
        if (!dir) {
            vm_clear_exc(vm);
            return NULL;
        }
        Obj *s = suggest(dir, e->exc_name);
        if (s) INCREF(s);
        DECREF(vm, dir);
        return s;
    }
    if (type_is_subtype(exc->type, &Exc_NameError)) {
        /* the innermost frame: its locals, then globals, then builtins */
        Traceback *tb = (Traceback *)e->traceback;
        while (tb && tb->next)
            tb = (Traceback *)tb->next;
        Obj *s = NULL;
        if (tb && tb->locals) {
            Code *co = (Code *)tb->code;
            Obj *l = list_new(vm, 0);
            for (int i = 0; i < tb->nlocals && i < co->nlocals; i++)
                if (tb->locals[i]) list_append(vm, l, TUPLE_ITEM(co->localsplusnames, i));
            qsort(((List *)l)->items, (size_t)LIST_LEN(l), sizeof(Obj *), cmp_str);
            s = suggest(l, e->exc_name);
            if (s) INCREF(s);
            DECREF(vm, l);
            if (s) return s;
        }
        Obj *g = vm->main_module ? ((Module *)vm->main_module)->dict : NULL;
        Obj *srcs[2] = {g, vm->builtins};
        for (int k = 0; k < 2; k++) {
            if (!srcs[k]) continue;
            Obj *l = dict_keys_sorted(vm, srcs[k]);
            if (!l) continue;
            s = suggest(l, e->exc_name);
            if (s) INCREF(s);
            DECREF(vm, l);
            if (s) return s;
        }
    }
    return NULL;
}

/* ---------------------------------------------------------------- tracebacks */

static void wr(Writer w, const char *s) {
    if (w.write) w.write(w.ctx, s, strlen(s));
}

static void source_line(Vm *vm, int line, char *buf, size_t n) {
    buf[0] = 0;
    if (!vm->source || line < 1) return;
    const char *p = vm->source, *end = vm->source + vm->source_len;
    for (int l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return;
        p = nl + 1;
    }
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\f'))
        p++;
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r')
        e++;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    size_t len = (size_t)(e - p);
    if (len >= n) len = n - 1;
    memcpy(buf, p, len);
    buf[len] = 0;
}

static void format_one(Vm *vm, Obj *exc, Writer w) {
    Instance *e = (Instance *)exc;
    if (e->traceback) {
        wr(w, "Traceback (most recent call last):\n");
        Code *last_co = NULL;
        int last_line = -1, repeat = 0;
        for (Traceback *tb = (Traceback *)e->traceback; tb; tb = (Traceback *)tb->next) {
            Code *co = (Code *)tb->code;
            char buf[1200];
            /* the same frame line more than 3 times in a row is summarized (traceback.c) */
            if (last_co && co->filename == last_co->filename && co->name == last_co->name &&
                tb->line == last_line) {
                if (++repeat >= 3) continue;
            } else {
                if (repeat >= 3) {
                    snprintf(buf, sizeof buf, "  [Previous line repeated %d more time%s]\n",
                             repeat - 2, repeat - 2 == 1 ? "" : "s");
                    wr(w, buf);
                }
                repeat = 0;
            }
            last_co = co;
            last_line = tb->line;
            snprintf(buf, sizeof buf, "  File \"%s\", line %d, in %s\n", str_cstr(co->filename),
                     tb->line, str_cstr(co->name));
            wr(w, buf);
            char src[1024];
            if (!strcmp(str_cstr(co->filename), vm->filename ? vm->filename : "")) {
                source_line(vm, tb->line, src, sizeof src);
                if (src[0]) {
                    snprintf(buf, sizeof buf, "    %s\n", src);
                    wr(w, buf);
                }
            }
        }
        if (repeat >= 3) {
            char buf[100];
            snprintf(buf, sizeof buf, "  [Previous line repeated %d more time%s]\n", repeat - 2,
                     repeat - 2 == 1 ? "" : "s");
            wr(w, buf);
        }
    }
    Type *t = exc->type;
    StrBuf b;
    sb_init(&b);
    if (t->heap) {
        Obj *mod = t->dict ? dict_get_cstr(vm, t->dict, "__module__") : NULL;
        if (mod && IS_STR(mod) && !str_eq_cstr(mod, "__main__") && !str_eq_cstr(mod, "builtins")) {
            sb_add_obj(&b, mod);
            sb_addc(&b, '.');
        }
        sb_add_obj(&b, t->qualname ? t->qualname : t->name_obj);
    } else {
        sb_adds(&b, t->name);
    }
    Obj *msg = obj_str(vm, exc);
    if (!msg) {
        vm_clear_exc(vm);
        sb_adds(&b, ": <exception str() failed>");
    } else {
        if (str_len(msg) > 0) {
            sb_adds(&b, ": ");
            sb_add_obj(&b, msg);
        }
        DECREF(vm, msg);
    }
    Obj *s = compute_suggestion(vm, exc);
    if (s) {
        sb_adds(&b, ". Did you mean: '");
        sb_add_obj(&b, s);
        sb_adds(&b, "'?");
        DECREF(vm, s);
    }
    sb_addc(&b, '\n');
    if (w.write) w.write(w.ctx, b.s, b.n);
    sb_free(&b);
}

void vm_format_exception(Vm *vm, Obj *exc, Writer w) {
    Instance *e = (Instance *)exc;
    Obj *saved = vm_fetch_exc(vm);
    if (e->cause) {
        vm_format_exception(vm, e->cause, w);
        wr(w, "\nThe above exception was the direct cause of the following exception:\n\n");
    } else if (e->context && !e->suppress_context) {
        vm_format_exception(vm, e->context, w);
        wr(w, "\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    format_one(vm, exc, w);
    vm_clear_exc(vm);
    vm->exc = saved;
}

/* ---------------------------------------------------------------- running __main__ */

static void format_syntax_error(Vm *vm, const char *filename, const char *src, size_t len,
                                SyntaxErr *se, Writer w) {
    (void)len;
    char buf[1400];
    snprintf(buf, sizeof buf, "  File \"%s\", line %d\n", filename, se->line);
    wr(w, buf);
    /* the offending line, stripped of leading blanks, with a caret under the column */
    const char *p = src, *end = src + len;
    for (int l = 1; l < se->line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) {
            p = end;
            break;
        }
        p = nl + 1;
    }
    if (p < end || se->line >= 1) {
        const char *e = p;
        while (e < end && *e != '\n')
            e++;
        int strip = 0;
        while (p + strip < e && (p[strip] == ' ' || p[strip] == '\t' || p[strip] == '\f'))
            strip++;
        const char *q = e;
        while (q > p + strip && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\r'))
            q--;
        if (q > p + strip) {
            snprintf(buf, sizeof buf, "    %.*s\n", (int)(q - (p + strip)), p + strip);
            wr(w, buf);
            int col = se->col - strip;
            if (col < 1) col = 1;
            int endc = se->end_col > se->col ? se->end_col - strip : col + 1;
            char caret[600];
            int k = 0;
            caret[k++] = ' ';
            caret[k++] = ' ';
            caret[k++] = ' ';
            caret[k++] = ' ';
            for (int i = 1; i < col && k < 500; i++)
                caret[k++] = ' ';
            for (int i = col; i < endc && k < 580; i++)
                caret[k++] = '^';
            caret[k++] = '\n';
            caret[k] = 0;
            wr(w, caret);
        }
    }
    (void)vm;
    snprintf(buf, sizeof buf, "%s: %s\n", se->type, se->msg);
    wr(w, buf);
}

int vm_run_main(Vm *vm, const char *filename, const char *src, size_t len, Writer err) {
    vm->filename = filename;
    vm->source = src;
    vm->source_len = len;
    Ast ast;
    SyntaxErr se;
    memset(&se, 0, sizeof se);
    if (parse_module(src, len, &ast, &se) < 0) {
        format_syntax_error(vm, filename, src, len, &se, err);
        return 2;
    }
    Code *co = comp_module(vm, &ast, filename, true, &se);
    ast_free(&ast);
    if (!co) {
        format_syntax_error(vm, filename, src, len, &se, err);
        return 2;
    }
    Obj *m = module_new(vm, "__main__");
    vm->main_module = m;
    Module *mm = (Module *)m;
    dict_set_cstr(vm, mm->dict, "__package__", Py_None);
    dict_set_cstr(vm, mm->dict, "__loader__", Py_None);
    dict_set_cstr(vm, mm->dict, "__spec__", Py_None);
    Obj *ann = dict_new(vm);
    dict_set_cstr(vm, mm->dict, "__annotations__", ann);
    DECREF(vm, ann);
    Obj *bm = dict_get_cstr(vm, vm->modules, "builtins");
    if (bm) dict_set_cstr(vm, mm->dict, "__builtins__", bm);
    Obj *fn = str_from_cstr(vm, filename);
    dict_set_cstr(vm, mm->dict, "__file__", fn);
    DECREF(vm, fn);
    dict_set_cstr(vm, mm->dict, "__cached__", Py_None);
    dict_set_cstr(vm, vm->modules, "__main__", m);
    extern Obj *vm_run_code(Vm * vm, Code * co, Obj * globals);
    for (int g = 0; g < GC_NGENS; g++)
        for (Obj *o = vm->gc.gen[g].head.gc_next; o != &vm->gc.gen[g].head; o = o->gc_next)
            vm->startup_tracked++;
    Obj *r = vm_run_code(vm, co, mm->dict);
    DECREF(vm, co);
    int status = 0;
    if (!r) {
        Obj *exc = vm_fetch_exc(vm);
        if (vm->stopped) {
            char buf[200];
            snprintf(buf, sizeof buf, "memviz: stopped after %llu steps (%s)\n",
                     (unsigned long long)(vm->steps ? vm->steps - 1 : 0),
                     vm->stop_reason ? vm->stop_reason : "limit");
            wr(err, buf);
            status = 3;
        } else if (exc && type_is_subtype(exc->type, &Exc_SystemExit)) {
            Instance *e = (Instance *)exc;
            Obj *code = e->args && TUPLE_LEN(e->args) ? TUPLE_ITEM(e->args, 0) : Py_None;
            int64_t v = 0;
            if (code == Py_None)
                status = 0;
            else if (IS_INT(code) && int_as_i64(code, &v))
                status = (int)v;
            else {
                Obj *s = obj_str(vm, code);
                if (s) {
                    wr(err, str_cstr(s));
                    wr(err, "\n");
                    DECREF(vm, s);
                }
                status = 1;
            }
        } else if (exc) {
            vm_format_exception(vm, exc, err);
            status = 1;
        }
        XDECREF(vm, exc);
    } else {
        DECREF(vm, r);
    }
    return status;
}

/* Clears a module dict as _PyModule_ClearDict: '_'-names first, then the rest, to None. */
static void clear_module_dict(Vm *vm, Obj *d) {
    for (int pass = 0; pass < 2; pass++) {
        ssize_t pos = 0;
        Obj *k, *v;
        while (dict_next(d, &pos, &k, &v)) {
            if (v == Py_None || !IS_STR(k)) continue;
            const char *s = str_cstr(k);
            bool underscore = s[0] == '_' && !(s[1] == '_' && !strcmp(s, "__builtins__"));
            if (!strcmp(s, "__builtins__")) continue;
            if ((pass == 0) != underscore) continue;
            INCREF(k);
            dict_set(vm, d, k, Py_None);
            DECREF(vm, k);
            if (vm->exc) vm_clear_exc(vm);
        }
    }
}

void vm_shutdown(Vm *vm) {
    /* the parser arena goes first (after __main__ finished), then __main__'s globals */
    if (vm->consts_arena) {
        Obj *a = vm->consts_arena;
        vm->consts_arena = NULL;
        DECREF(vm, a);
    }
    if (vm->main_module) clear_module_dict(vm, ((Module *)vm->main_module)->dict);
}

void vm_free(Vm *vm) {
    vm->gc_log = false;
    vm->hook = NULL;
    vm->write_out = NULL;
    vm->write_err = NULL;
    vm->limits.max_steps = 0;
    vm->stopped = false;
    XDECREF(vm, vm->consts_arena);
    vm->consts_arena = NULL;
    vm_clear_exc(vm);
    CLEAR(vm, vm->exc_info);
    if (vm->main_module) {
        Obj *d = ((Module *)vm->main_module)->dict;
        ssize_t pos = 0;
        Obj *k, *v;
        Obj *keys = dict_keys_list(vm, d);
        (void)pos;
        (void)k;
        (void)v;
        for (ssize_t i = 0; keys && i < LIST_LEN(keys); i++)
            dict_set(vm, d, LIST_ITEM(keys, i), Py_None);
        XDECREF(vm, keys);
        vm_clear_exc(vm);
        CLEAR(vm, vm->main_module);
    }
    CLEAR(vm, vm->modules);
    CLEAR(vm, vm->builtins);
    CLEAR(vm, vm->repr_state);
    gc_collect(vm, 2);
    vm_clear_exc(vm);
    gc_clear_freelists(vm);
    vm_free_descrs(vm);
    CLEAR(vm, vm->gc.garbage);
    CLEAR(vm, vm->gc.callbacks);
    gc_collect(vm, 2);
    extern void str_clear_interned(Vm * vm);
    str_clear_interned(vm);
    CLEAR(vm, vm->interned);
    gc_clear_freelists(vm);
    /* statics */
    extern void int_destroy_statics(Vm * vm);
    extern void str_free_statics(Vm * vm);
    int_destroy_statics(vm);
    str_free_statics(vm);
    free(vm->empty_tuple);
    free(vm->none);
    free(vm->notimpl);
    free(vm->ellipsis);
    for (int n = 0; n < 21; n++)
        free(vm->tuple_free[n]);
    free(vm->trash);
    alloc_destroy(&vm->alloc);
    free(vm);
}
