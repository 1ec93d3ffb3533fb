/*
 * vm.c - the bytecode interpreter: frames with an explicit value stack, calls, generators,
 * exception unwinding, class creation, imports, and the run's top level.
 *
 * Reference ownership follows CPython 3.11's ceval.c instruction by instruction: every value
 * stack slot owns a reference; CALL of a Python function *moves* the argument references from
 * the caller's stack into the callee's locals (_PyEvalFramePushAndInit), while a call coming
 * from C (a builtin, a special method) gives the callee new references (_PyEval_Vector).
 * That is why `f(a)` shows 3 for `getrefcount(x)` inside f, while `__init__` called through
 * `P(a)` shows 5 (stack, argument tuple, callee local).
 */
#include "heap/lang/compiler.h"
#include "heap/types/types.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const opcode_names[] = {
#define X(name) #name,
    OPCODES(X)
#undef X
};

/* ================================================================ frames */

static Frame *frame_new(Vm *vm, Code *code, Obj *func, Obj *globals, Obj *locals) {
    size_t n = (size_t)code->nlocalsplus + (size_t)code->stacksize;
    Frame *f = malloc(sizeof(Frame) + sizeof(Obj *) * n);
    if (!f) {
        vm_nomem(vm);
        return NULL;
    }
    f->back = NULL;
    f->code = (Code *)obj_newref((Obj *)code);
    f->func = func ? obj_newref(func) : NULL;
    f->globals = obj_newref(globals);
    f->builtins = vm->builtins;
    f->locals = locals ? obj_newref(locals) : NULL;
    f->ip = 0;
    f->line = code->firstlineno;
    f->nblocks = 0;
    f->gen = NULL;
    f->uid = vm->next_uid++;
    f->on_heap = false;
    f->stack_known = false;
    memset(f->localsplus, 0, sizeof(Obj *) * (size_t)code->nlocalsplus);
    f->sp = f->localsplus + code->nlocalsplus;
    return f;
}

/* Releases the frame's locals (in slot order, as frame_dealloc / _PyFrame_Clear) and stack. */
static void frame_clear(Vm *vm, Frame *f) {
    Obj **base = FRAME_STACK(f);
    while (f->sp > base) {
        Obj *v = *--f->sp;
        XDECREF(vm, v);
    }
    for (int i = 0; i < f->code->nlocalsplus; i++)
        CLEAR(vm, f->localsplus[i]);
}

static void frame_free(Vm *vm, Frame *f) {
    frame_clear(vm, f);
    XDECREF(vm, f->locals);
    DECREF(vm, f->globals);
    XDECREF(vm, f->func);
    DECREF(vm, (Obj *)f->code);
    free(f);
}

/* ================================================================ argument binding */

static void format_missing(Vm *vm, Code *co, const char *kind, Obj **names, int n) {
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < n; i++) {
        if (i > 0) sb_adds(&b, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        sb_addc(&b, '\'');
        sb_add_obj(&b, names[i]);
        sb_addc(&b, '\'');
    }
    sb_addc(&b, 0);
    vm_raise(vm, &Exc_TypeError, "%s() missing %d required %s argument%s: %s",
             str_cstr(co->qualname), n, kind, n == 1 ? "" : "s", b.s);
    sb_free(&b);
}

/* Binds arguments into f's locals. If `steal`, args[] references are moved into the frame
 * (and released on error); otherwise new references are taken. Returns 0 or -1. */
static int bind_args(Vm *vm, Frame *f, Function *func, Obj **args, int nargs, Obj *kwnames,
                     bool steal) {
    Code *co = f->code;
    Obj **loc = f->localsplus;
    int nkw = kwnames ? (int)TUPLE_LEN(kwnames) : 0;
    int total = co->argcount + co->kwonlyargcount;
    int n = nargs < co->argcount ? nargs : co->argcount;
    int i;
    for (i = 0; i < n; i++)
        loc[i] = steal ? args[i] : obj_newref(args[i]);
    Obj *kwdict = NULL;
    int var_index = total;
    if (co->flags & CO_VARARGS) {
        Obj *t = tuple_new(vm, nargs > n ? nargs - n : 0);
        if (!t) goto fail;
        for (int j = n; j < nargs; j++)
            TUPLE_ITEM(t, j - n) = steal ? args[j] : obj_newref(args[j]);
        loc[var_index++] = t;
    } else if (nargs > co->argcount) {
        int ndef = func->defaults ? (int)TUPLE_LEN(func->defaults) : 0;
        int given_kw = 0;
        for (int k = 0; k < nkw; k++) {
            Obj *kn = TUPLE_ITEM(kwnames, k);
            for (int j = co->argcount; j < total; j++)
                if (str_eq(kn, TUPLE_ITEM(co->localsplusnames, j))) given_kw++;
        }
        char kwbuf[128] = "";
        if (given_kw)
            snprintf(kwbuf, sizeof kwbuf, " positional argument%s (and %d keyword-only argument%s)",
                     nargs == 1 ? "" : "s", given_kw, given_kw == 1 ? "" : "s");
        if (ndef && co->argcount - ndef != co->argcount)
            vm_raise(vm, &Exc_TypeError,
                     "%s() takes from %d to %d positional arguments but %d%s %s given",
                     str_cstr(co->qualname), co->argcount - ndef, co->argcount, nargs,
                     given_kw ? kwbuf : "", (nargs == 1 && !given_kw) ? "was" : "were");
        else
            vm_raise(vm, &Exc_TypeError, "%s() takes %d positional argument%s but %d%s %s given",
                     str_cstr(co->qualname), co->argcount, co->argcount == 1 ? "" : "s", nargs,
                     given_kw ? kwbuf : "", (nargs == 1 && !given_kw) ? "was" : "were");
        if (steal)
            for (int j = n; j < nargs; j++)
                DECREF(vm, args[j]);
        goto fail_kw;
    }
    if (co->flags & CO_VARKEYWORDS) {
        kwdict = dict_new(vm);
        if (!kwdict) goto fail_kw;
        loc[var_index] = kwdict;
    }
    for (int k = 0; k < nkw; k++) {
        Obj *kn = TUPLE_ITEM(kwnames, k);
        Obj *v = args[nargs + k];
        int j;
        for (j = co->posonlyargcount; j < total; j++)
            if (TUPLE_ITEM(co->localsplusnames, j) == kn ||
                str_eq(kn, TUPLE_ITEM(co->localsplusnames, j)))
                break;
        if (j >= total) {
            if (!kwdict) {
                bool posonly = false;
                for (int q = 0; q < co->posonlyargcount; q++)
                    if (str_eq(kn, TUPLE_ITEM(co->localsplusnames, q))) posonly = true;
                if (posonly)
                    vm_raise(
                        vm, &Exc_TypeError,
                        "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                        str_cstr(co->qualname), str_cstr(kn));
                else
                    vm_raise(vm, &Exc_TypeError, "%s() got an unexpected keyword argument '%s'",
                             str_cstr(co->qualname), str_cstr(kn));
                if (steal)
                    for (int q = k; q < nkw; q++)
                        DECREF(vm, args[nargs + q]);
                goto fail_kw;
            }
            if (dict_set(vm, kwdict, kn, v) < 0) goto fail_kw;
            if (steal) DECREF(vm, v);
            continue;
        }
        if (loc[j]) {
            vm_raise(vm, &Exc_TypeError, "%s() got multiple values for argument '%s'",
                     str_cstr(co->qualname), str_cstr(kn));
            if (steal)
                for (int q = k; q < nkw; q++)
                    DECREF(vm, args[nargs + q]);
            goto fail_kw;
        }
        loc[j] = steal ? v : obj_newref(v);
    }
    /* defaults */
    if (nargs < co->argcount) {
        int ndef = func->defaults ? (int)TUPLE_LEN(func->defaults) : 0;
        int m = co->argcount - ndef;
        Obj *missing[64];
        int nmissing = 0;
        for (i = nargs; i < m; i++)
            if (!loc[i] && nmissing < 64) missing[nmissing++] = TUPLE_ITEM(co->localsplusnames, i);
        if (nmissing) {
            format_missing(vm, co, "positional", missing, nmissing);
            goto fail_kw;
        }
        for (i = m > nargs ? m : nargs; i < co->argcount; i++)
            if (!loc[i]) loc[i] = obj_newref(TUPLE_ITEM(func->defaults, i - m));
    }
    if (co->kwonlyargcount) {
        Obj *missing[64];
        int nmissing = 0;
        for (i = co->argcount; i < total; i++) {
            if (loc[i]) continue;
            Obj *name = TUPLE_ITEM(co->localsplusnames, i);
            Obj *d = func->kwdefaults ? dict_get_str(func->kwdefaults, name) : NULL;
            if (d)
                loc[i] = obj_newref(d);
            else if (nmissing < 64)
                missing[nmissing++] = name;
        }
        if (nmissing) {
            format_missing(vm, co, "keyword-only", missing, nmissing);
            goto fail_kw;
        }
    }
    return 0;
fail:
    if (steal)
        for (int j = i; j < nargs; j++)
            DECREF(vm, args[j]);
fail_kw:
    return -1;
}

/* ================================================================ calls */

static Obj *run_frame(Vm *vm, Frame *f);
static Obj *gen_new(Vm *vm, Frame *f, Function *func);

/* Calls a Python function. `steal`: args come from a value stack and are moved. */
static Obj *call_function(Vm *vm, Obj *fo, Obj **args, int nargs, Obj *kwnames, bool steal) {
    Function *func = (Function *)fo;
    Code *co = func->code;
    Frame *f = frame_new(vm, co, fo, func->globals, NULL);
    if (steal) DECREF(vm, fo); /* the frame now owns the caller's stack reference */
    if (!f) {
        if (steal) {
            int nkw = kwnames ? (int)TUPLE_LEN(kwnames) : 0;
            for (int i = 0; i < nargs + nkw; i++)
                DECREF(vm, args[i]);
        }
        return NULL;
    }
    if (bind_args(vm, f, func, args, nargs, kwnames, steal) < 0) {
        frame_free(vm, f);
        return NULL;
    }
    if (co->flags & CO_GENERATOR) {
        /* the closure must be copied now, as the generator may outlive the caller */
        return gen_new(vm, f, func);
    }
    return run_frame(vm, f);
}

/* A call from C into Python (_PyObject_Call / vectorcall from a slot): one more level of C
 * recursion, as Py_EnterRecursiveCall(" while calling a Python object") counts it. */
Obj *vm_call_function(Vm *vm, Obj *func, Obj **args, int nargs, Obj *kwnames) {
    if (vm_enter_recursive(vm, " while calling a Python object") < 0) return NULL;
    Obj *r = call_function(vm, func, args, nargs, kwnames, false);
    vm_leave_recursive(vm);
    return r;
}

/* Runs a class body with `ns` as its locals (__build_class__). */
static Obj *run_class_body(Vm *vm, Function *func, Obj *ns) {
    Frame *f = frame_new(vm, func->code, (Obj *)func, func->globals, ns);
    if (!f) return NULL;
    return run_frame(vm, f);
}

/* ================================================================ generators */

static void gen_dealloc(Vm *vm, Obj *o) {
    Generator *g = (Generator *)o;
    if (gc_is_tracked(o)) gc_untrack(vm, o);
    extern void weakref_clear_all(Vm * vm, Obj * o);
    if (g->weaklist) weakref_clear_all(vm, o);
    if (g->frame) {
        Frame *f = g->frame;
        g->frame = NULL;
        frame_free(vm, f);
    }
    XDECREF(vm, g->name);
    XDECREF(vm, g->qualname);
    obj_free_mem(vm, o);
}

static void gen_traverse(Obj *o, VisitFn visit, void *arg) {
    Generator *g = (Generator *)o;
    if (!g->frame) return;
    Frame *f = g->frame;
    for (int i = 0; i < f->code->nlocalsplus; i++)
        if (f->localsplus[i])
            visit(f->localsplus[i], str_cstr(TUPLE_ITEM(f->code->localsplusnames, i)), -2, arg);
    for (Obj **p = FRAME_STACK(f); p < f->sp; p++)
        if (*p) visit(*p, "<stack>", -1, arg);
}

static void gen_clear(Vm *vm, Obj *o) {
    Generator *g = (Generator *)o;
    if (g->frame) {
        Frame *f = g->frame;
        g->frame = NULL;
        frame_free(vm, f);
    }
}

static Obj *gen_repr(Vm *vm, Obj *o) {
    Generator *g = (Generator *)o;
    return str_fromf(vm, "<generator object %s at 0x%llx>", str_cstr(g->qualname),
                     (unsigned long long)o->addr);
}

Type GeneratorType = {
    .ob = {.refcnt = 1, .type = &TypeType, .flags = OBJ_F_STATIC},
    .name = "generator",
    .kind = OBJ_GENERATOR,
    .gc = true,
    .basicsize = 184,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .dealloc = gen_dealloc,
    .repr = gen_repr,
    .base = &ObjectType,
};

static Obj *gen_new(Vm *vm, Frame *f, Function *func) {
    Generator *g = (Generator *)obj_alloc(vm, &GeneratorType, sizeof(Generator), 184);
    if (!g) {
        frame_free(vm, f);
        return NULL;
    }
    g->frame = f;
    f->on_heap = true;
    f->gen = (Obj *)g;
    g->name = obj_newref(func->name);
    g->qualname = obj_newref(func->qualname);
    g->running = 0;
    g->weaklist = NULL;
    gc_track(vm, (Obj *)g);
    return (Obj *)g;
}

/* Resumes a generator. Returns the yielded value (NEW) with *returned = false, the return
 * value with *returned = true (generator finished), or NULL: exhausted / error (exc set). */
Obj *gen_send(Vm *vm, Obj *go, Obj *value, bool *returned) {
    Generator *g = (Generator *)go;
    *returned = false;
    if (!g->frame) return NULL;
    if (g->running) return vm_raise(vm, &Exc_ValueError, "generator already executing");
    Frame *f = g->frame;
    if (f->ip > 0) { /* resuming after YIELD_VALUE: push the sent value */
        *f->sp++ = value ? obj_newref(value) : obj_newref(Py_None);
    }
    g->running = 1;
    INCREF(go);
    Obj *r = run_frame(vm, f); /* frees the frame (and clears g->frame) when it finishes */
    g->running = 0;
    *returned = g->frame == NULL && r != NULL;
    DECREF(vm, go);
    return r;
}

/* ================================================================ helpers */

static Obj *name_error(Vm *vm, Obj *name) {
    vm_raise(vm, &Exc_NameError, "name '%s' is not defined", str_cstr(name));
    if (vm->exc) ((Instance *)vm->exc)->exc_name = obj_newref(name);
    return NULL;
}

static Obj *unbound_local(Vm *vm, Code *co, int i) {
    Obj *name = TUPLE_ITEM(co->localsplusnames, i);
    vm_raise(vm, &Exc_UnboundLocalError,
             "cannot access local variable '%s' where it is not associated with a value",
             str_cstr(name));
    return NULL;
}

static Obj *unbound_free(Vm *vm, Code *co, int i) {
    Obj *name = TUPLE_ITEM(co->localsplusnames, i);
    if (i < co->nlocals + co->ncellvars) return unbound_local(vm, co, i);
    vm_raise(vm, &Exc_NameError,
             "cannot access free variable '%s' where it is not associated with a value in "
             "enclosing scope",
             str_cstr(name));
    return NULL;
}

int vm_super_args(Vm *vm, Obj **type, Obj **obj) {
    Frame *f = vm->frame;
    if (!f || f->code->argcount == 0) {
        vm_raise(vm, &Exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    Obj *first = f->localsplus[0];
    /* the first argument may have been turned into a cell */
    if (!first) {
        for (int i = 0; i < f->code->ncellvars; i++) {
            Obj *c = f->localsplus[f->code->nlocals + i];
            if (c && KIND(c) == OBJ_CELL &&
                str_eq(TUPLE_ITEM(f->code->localsplusnames, f->code->nlocals + i),
                       TUPLE_ITEM(f->code->localsplusnames, 0)))
                first = ((Cell *)c)->ref;
        }
    }
    if (!first) {
        vm_raise(vm, &Exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = f->code->nlocals + f->code->ncellvars; i < f->code->nlocalsplus; i++) {
        if (str_eq_cstr(TUPLE_ITEM(f->code->localsplusnames, i), "__class__")) {
            Obj *cell = f->localsplus[i];
            if (!cell || !((Cell *)cell)->ref) {
                vm_raise(vm, &Exc_RuntimeError, "super(): empty __class__ cell");
                return -1;
            }
            *type = ((Cell *)cell)->ref;
            *obj = first;
            return 0;
        }
    }
    vm_raise(vm, &Exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

extern int vm_load_method(Vm *vm, Obj *o, Obj *name, Obj **out);

static Obj *format_value(Vm *vm, Obj *v, int conv, Obj *spec) {
    Obj *x;
    if (conv == 1)
        x = obj_str(vm, v);
    else if (conv == 2)
        x = obj_repr(vm, v);
    else if (conv == 3)
        x = str_ascii(vm, v);
    else
        x = obj_newref(v);
    if (!x) return NULL;
    if (!spec && IS_STR(x)) return x;
    Obj *r = obj_format(vm, x, spec);
    DECREF(vm, x);
    return r;
}

Obj *vm_import(Vm *vm, Obj *name) {
    Obj *m = dict_get_str(vm->modules, name);
    if (m) return obj_newref(m);
    vm->lib_depth++; /* the module's own objects are library objects, not the program's */
    if (str_eq_cstr(name, "sys"))
        m = sys_module_new(vm);
    else if (str_eq_cstr(name, "gc"))
        m = gc_module_new(vm);
    else {
        extern Obj *lib_module_new(Vm * vm, const char *name);
        m = lib_module_new(vm, str_cstr(name));
    }
    vm->lib_depth--;
    if (!m && !vm->exc) {
        vm_raise(vm, &Exc_ModuleNotFoundError, "No module named '%s'", str_cstr(name));
        if (vm->exc) ((Instance *)vm->exc)->exc_name = obj_newref(name);
    }
    if (!m) return NULL;
    dict_set(vm, vm->modules, name, m);
    return m;
}

static void on_line(Vm *vm, Frame *f, int line) {
    f->line = line;
    vm->steps++;
    if (vm->limits.max_steps && vm->steps > vm->limits.max_steps) {
        vm->stopped = true;
        if (!vm->stop_reason) vm->stop_reason = "step limit";
    }
    if (vm->interrupt && *vm->interrupt) {
        vm->stopped = true;
        if (!vm->stop_reason) vm->stop_reason = "time limit";
    }
    vm_event(vm, EV_LINE, NULL, line);
    if (vm->probe) {
        extern void memprobe_line(Vm * vm, Frame * f, int line);
        memprobe_line(vm, f, line);
    }
}

/* PyErr_WriteUnraisable: reports the pending exception as "Exception ignored in: <obj>" on
 * stderr with its traceback, and clears it. */
void vm_write_unraisable(Vm *vm, Obj *obj) {
    Obj *exc = vm_fetch_exc(vm);
    if (!exc || vm->stopped) {
        XDECREF(vm, exc);
        return;
    }
    Obj *r = obj ? obj_repr(vm, obj) : NULL;
    if (!r) vm_clear_exc(vm);
    char buf[600];
    snprintf(buf, sizeof buf, "Exception ignored in: %s\n",
             r ? str_cstr(r) : "<object repr() failed>");
    XDECREF(vm, r);
    Writer w = {vm->write_err, vm->err_ctx};
    if (w.write) {
        w.write(w.ctx, buf, strlen(buf));
        vm_format_exception(vm, exc, w);
    }
    DECREF(vm, exc);
}

void vm_call_finalizer(Vm *vm, Obj *o) {
    /* mirrors PyObject_CallFinalizer: errors are reported as "Exception ignored in" */
    Obj *saved = vm_fetch_exc(vm);
    bool found;
    Obj *r = call_special(vm, o, "__del__", NULL, 0, &found);
    if (!r && vm->exc && !vm->stopped) {
        Obj *exc = vm_fetch_exc(vm);
        Obj *del = type_lookup_cstr(vm, o->type, "__del__");
        char buf[512];
        if (del && KIND(del) == OBJ_FUNCTION)
            snprintf(buf, sizeof buf, "Exception ignored in: <function %s at 0x%llx>\n",
                     str_cstr(((Function *)del)->qualname), (unsigned long long)del->addr);
        else
            snprintf(buf, sizeof buf, "Exception ignored in: %s\n", "__del__");
        Writer w = {vm->write_err, vm->err_ctx};
        if (w.write) {
            w.write(w.ctx, buf, strlen(buf));
            vm_format_exception(vm, exc, w);
        }
        DECREF(vm, exc);
    }
    XDECREF(vm, r);
    if (vm->exc) vm_clear_exc(vm);
    vm->exc = saved;
}

/* ================================================================ the eval loop */

#define TOUCH(o)                                                                                   \
    do {                                                                                           \
        Obj *t_ = (Obj *)(o);                                                                      \
        if (t_->flags & OBJ_F_WATCH) trace_touch(t_);                                              \
    } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))

static Obj *run_frame(Vm *vm, Frame *f) {
    Code *co = f->code;
    const Instr *code = co->code;
    const int *lines = co->lines;
    Obj **sp = f->sp;
    Obj **localsplus = f->localsplus;
    Obj *consts_tuple = co->consts;
    Obj **consts = ((Tuple *)consts_tuple)->items;
    Obj **names = ((Tuple *)co->names)->items;
    Obj *kwnames = NULL;
    Obj *retval = NULL;
    bool reraise = false;
    int ip = f->ip;

    f->back = vm->frame;
    vm->frame = f;
    f->stack_known = false;
    if (++vm->depth > vm->recursion_limit) {
        vm->depth--;
        vm->frame = f->back;
        vm_raise(vm, &Exc_RecursionError, "maximum recursion depth exceeded");
        if (f->gen) {
            f->sp = sp;
            return NULL;
        }
        frame_free(vm, f);
        return NULL;
    }
    vm->nframes++;
    vm_event(vm, EV_CALL, NULL, ip != 0); /* a = 1: a generator resumes */

    for (;;) {
        if (lines[ip] & LINE_START) {
            f->sp = sp; /* the recorder reads the value stack at line steps */
            f->stack_known = true;
            on_line(vm, f, lines[ip] & LINE_MASK);
            f->stack_known = false;
            if (vm->stopped) {
                vm_raise(vm, &Exc_KeyboardInterrupt, "stopped after %llu steps (%s)",
                         (unsigned long long)(vm->steps ? vm->steps - 1 : 0), vm->stop_reason);
                goto error;
            }
        }
        const Instr *in = &code[ip++];
        int arg = in->arg;
        switch ((Opcode)in->op) {
        case OP_NOP:
            break;
        case OP_POP_TOP: {
            Obj *v = POP();
            XDECREF(vm, v);
            break;
        }
        case OP_PUSH_NULL:
            PUSH(NULL);
            break;
        case OP_COPY: {
            Obj *v = PEEK(arg);
            PUSH(obj_newref(v));
            break;
        }
        case OP_SWAP: {
            Obj *t = TOP();
            sp[-1] = PEEK(arg);
            sp[-arg] = t;
            break;
        }
        case OP_LOAD_CONST:
            PUSH(obj_newref(consts[arg]));
            break;
        case OP_LOAD_FAST: {
            Obj *v = localsplus[arg];
            if (!v) {
                unbound_local(vm, co, arg);
                goto error;
            }
            PUSH(obj_newref(v));
            break;
        }
        case OP_STORE_FAST: {
            Obj *old = localsplus[arg];
            localsplus[arg] = POP();
            XDECREF(vm, old);
            break;
        }
        case OP_DELETE_FAST: {
            Obj *old = localsplus[arg];
            if (!old) {
                unbound_local(vm, co, arg);
                goto error;
            }
            localsplus[arg] = NULL;
            DECREF(vm, old);
            break;
        }
        case OP_LOAD_NAME: {
            Obj *name = names[arg];
            Obj *v = NULL;
            if (f->locals) v = dict_get_str(f->locals, name);
            if (!v) v = dict_get_str(f->globals, name);
            if (!v) v = dict_get_str(f->builtins, name);
            if (!v) {
                name_error(vm, name);
                goto error;
            }
            PUSH(obj_newref(v));
            break;
        }
        case OP_STORE_NAME: {
            TOUCH(f->locals ? f->locals : f->globals);
            Obj *v = POP();
            int r = dict_set(vm, f->locals ? f->locals : f->globals, names[arg], v);
            DECREF(vm, v);
            if (r < 0) goto error;
            break;
        }
        case OP_DELETE_NAME: {
            TOUCH(f->locals ? f->locals : f->globals);
            int r = dict_pop_str(vm, f->locals ? f->locals : f->globals, names[arg]);
            if (r <= 0) {
                if (r == 0) name_error(vm, names[arg]);
                goto error;
            }
            break;
        }
        case OP_LOAD_GLOBAL: {
            Obj *name = names[arg];
            Obj *v = dict_get_str(f->globals, name);
            if (!v) v = dict_get_str(f->builtins, name);
            if (!v) {
                name_error(vm, name);
                goto error;
            }
            PUSH(obj_newref(v));
            break;
        }
        case OP_STORE_GLOBAL: {
            TOUCH(f->globals);
            Obj *v = POP();
            int r = dict_set(vm, f->globals, names[arg], v);
            DECREF(vm, v);
            if (r < 0) goto error;
            break;
        }
        case OP_DELETE_GLOBAL: {
            TOUCH(f->globals);
            int r = dict_pop_str(vm, f->globals, names[arg]);
            if (r <= 0) {
                if (r == 0) name_error(vm, names[arg]);
                goto error;
            }
            break;
        }
        case OP_MAKE_CELL: {
            int slot = arg & 0xffff, from = (arg >> 16) - 1;
            Obj *init = NULL;
            if (from >= 0) {
                init = localsplus[from];
                localsplus[from] = NULL;
            }
            Obj *cell = cell_new(vm, init);
            XDECREF(vm, init);
            if (!cell) goto error;
            localsplus[slot] = cell;
            break;
        }
        case OP_COPY_FREE_VARS: {
            Obj *closure = ((Function *)f->func)->closure;
            int off = co->nlocals + co->ncellvars;
            for (int i = 0; i < arg; i++)
                localsplus[off + i] = obj_newref(TUPLE_ITEM(closure, i));
            break;
        }
        case OP_LOAD_CLOSURE:
            PUSH(obj_newref(localsplus[arg]));
            break;
        case OP_LOAD_DEREF: {
            Obj *v = ((Cell *)localsplus[arg])->ref;
            if (!v) {
                unbound_free(vm, co, arg);
                goto error;
            }
            PUSH(obj_newref(v));
            break;
        }
        case OP_LOAD_CLASSDEREF: {
            Obj *name = TUPLE_ITEM(co->localsplusnames, arg);
            Obj *v = f->locals ? dict_get_str(f->locals, name) : NULL;
            if (!v) v = ((Cell *)localsplus[arg])->ref;
            if (!v) {
                unbound_free(vm, co, arg);
                goto error;
            }
            PUSH(obj_newref(v));
            break;
        }
        case OP_STORE_DEREF: {
            Cell *c = (Cell *)localsplus[arg];
            TOUCH((Obj *)c);
            Obj *old = c->ref;
            c->ref = POP();
            XDECREF(vm, old);
            break;
        }
        case OP_DELETE_DEREF: {
            Cell *c = (Cell *)localsplus[arg];
            TOUCH((Obj *)c);
            if (!c->ref) {
                unbound_free(vm, co, arg);
                goto error;
            }
            CLEAR(vm, c->ref);
            break;
        }
        case OP_LOAD_ATTR: {
            Obj *o = TOP();
            Obj *v = obj_getattr(vm, o, names[arg]);
            DECREF(vm, o);
            SET_TOP(v);
            if (!v) {
                sp--;
                goto error;
            }
            break;
        }
        case OP_LOAD_METHOD: {
            Obj *o = TOP();
            Obj *meth;
            int r = vm_load_method(vm, o, names[arg], &meth);
            if (r < 0) goto error;
            if (r == 1) { /* [meth, self] */
                SET_TOP(meth);
                PUSH(o);
            } else { /* [NULL, attr] */
                SET_TOP(NULL);
                DECREF(vm, o);
                PUSH(meth);
            }
            break;
        }
        case OP_STORE_ATTR: {
            Obj *o = POP();
            Obj *v = POP();
            int r = obj_setattr(vm, o, names[arg], v);
            DECREF(vm, v);
            DECREF(vm, o);
            if (r < 0) goto error;
            break;
        }
        case OP_DELETE_ATTR: {
            Obj *o = POP();
            int r = obj_setattr(vm, o, names[arg], NULL);
            DECREF(vm, o);
            if (r < 0) goto error;
            break;
        }
        case OP_BINARY_SUBSCR: {
            Obj *key = POP();
            Obj *o = TOP();
            Obj *v;
            if (IS_LIST(o) && IS_EXACT_INT(key) && !((Int *)key)->big) {
                int64_t i = ((Int *)key)->v;
                if (i < 0) i += LIST_LEN(o);
                if (i >= 0 && i < LIST_LEN(o))
                    v = obj_newref(LIST_ITEM(o, i));
                else
                    v = vm_raise(vm, &Exc_IndexError, "list index out of range");
            } else {
                v = obj_getitem(vm, o, key);
            }
            DECREF(vm, key);
            DECREF(vm, o);
            SET_TOP(v);
            if (!v) {
                sp--;
                goto error;
            }
            break;
        }
        case OP_STORE_SUBSCR: {
            Obj *key = POP();
            Obj *o = POP();
            Obj *v = POP();
            int r = obj_setitem(vm, o, key, v);
            DECREF(vm, v);
            DECREF(vm, o);
            DECREF(vm, key);
            if (r < 0) goto error;
            break;
        }
        case OP_DELETE_SUBSCR: {
            Obj *key = POP();
            Obj *o = POP();
            int r = obj_delitem(vm, o, key);
            DECREF(vm, o);
            DECREF(vm, key);
            if (r < 0) goto error;
            break;
        }
        case OP_BUILD_SLICE: {
            Obj *step = arg == 3 ? POP() : NULL;
            Obj *stop = POP();
            Obj *start = TOP();
            Obj *s = slice_new(vm, start, stop, step);
            DECREF(vm, start);
            DECREF(vm, stop);
            XDECREF(vm, step);
            SET_TOP(s);
            if (!s) {
                sp--;
                goto error;
            }
            break;
        }
        case OP_BINARY_OP: {
            Obj *b = POP();
            Obj *a = TOP();
            Obj *r;
            int op = arg & 15;
            if (IS_EXACT_INT(a) && IS_EXACT_INT(b) && !((Int *)a)->big && !((Int *)b)->big &&
                (op == OP_ADD || op == OP_SUB)) {
                int64_t x = ((Int *)a)->v, y = ((Int *)b)->v, z;
                bool ovf = op == OP_ADD ? __builtin_add_overflow(x, y, &z)
                                        : __builtin_sub_overflow(x, y, &z);
                r = ovf ? int_binop(vm, a, b, op) : int_from_i64(vm, z);
            } else if (arg & 16) {
                r = obj_inplace(vm, a, b, op);
            } else {
                r = obj_binop(vm, a, b, op);
            }
            DECREF(vm, a);
            DECREF(vm, b);
            SET_TOP(r);
            if (!r) {
                sp--;
                goto error;
            }
            break;
        }
        case OP_UNARY_NEGATIVE:
        case OP_UNARY_POSITIVE:
        case OP_UNARY_INVERT:
        case OP_UNARY_NOT: {
            Obj *a = TOP();
            int op = in->op == OP_UNARY_NEGATIVE   ? OP_NEG
                     : in->op == OP_UNARY_POSITIVE ? OP_POS
                     : in->op == OP_UNARY_INVERT   ? OP_INVERT
                                                   : OP_NOT;
            Obj *r = obj_unary(vm, a, op);
            DECREF(vm, a);
            SET_TOP(r);
            if (!r) {
                sp--;
                goto error;
            }
            break;
        }
        case OP_COMPARE_OP: {
            Obj *b = POP();
            Obj *a = TOP();
            Obj *r;
            if (IS_EXACT_INT(a) && IS_EXACT_INT(b) && !((Int *)a)->big && !((Int *)b)->big) {
                int64_t x = ((Int *)a)->v, y = ((Int *)b)->v;
                bool t = false;
                switch (arg) {
                case CMP_LT:
                    t = x < y;
                    break;
                case CMP_LE:
                    t = x <= y;
                    break;
                case CMP_EQ:
                    t = x == y;
                    break;
                case CMP_NE:
                    t = x != y;
                    break;
                case CMP_GT:
                    t = x > y;
                    break;
                case CMP_GE:
                    t = x >= y;
                    break;
                }
                r = bool_from(t);
            } else {
                r = obj_richcompare(vm, a, b, arg);
            }
            DECREF(vm, a);
            DECREF(vm, b);
            SET_TOP(r);
            if (!r) {
                sp--;
                goto error;
            }
            break;
        }
        case OP_IS_OP: {
            Obj *b = POP();
            Obj *a = TOP();
            bool t = (a == b) ^ (arg != 0);
            DECREF(vm, a);
            DECREF(vm, b);
            SET_TOP(bool_from(t));
            break;
        }
        case OP_CONTAINS_OP: {
            Obj *b = POP();
            Obj *a = TOP();
            int r = obj_contains(vm, b, a);
            DECREF(vm, a);
            DECREF(vm, b);
            if (r < 0) {
                sp--;
                goto error;
            }
            SET_TOP(bool_from((r != 0) ^ (arg != 0)));
            break;
        }
        case OP_BUILD_TUPLE: {
            Obj *t = tuple_new(vm, arg);
            if (!t) goto error;
            for (int i = arg - 1; i >= 0; i--)
                TUPLE_ITEM(t, i) = POP();
            PUSH(t);
            break;
        }
        case OP_BUILD_LIST: {
            Obj *l = list_new(vm, arg);
            if (!l) goto error;
            for (int i = arg - 1; i >= 0; i--)
                LIST_ITEM(l, i) = POP();
            PUSH(l);
            break;
        }
        case OP_BUILD_SET: {
            Obj *s = set_new(vm, &SetType, NULL);
            if (!s) goto error;
            int err = 0;
            for (int i = arg; i >= 1; i--)
                if (!err && set_add(vm, s, PEEK(i)) < 0) err = 1;
            for (int i = 0; i < arg; i++) {
                Obj *v = POP();
                DECREF(vm, v);
            }
            if (err) {
                DECREF(vm, s);
                goto error;
            }
            PUSH(s);
            break;
        }
        case OP_BUILD_MAP: {
            Obj *d = dict_from_items(vm, sp - 2 * arg, 2, sp - 2 * arg + 1, 2, arg);
            for (int i = 0; i < 2 * arg; i++) {
                Obj *v = POP();
                DECREF(vm, v);
            }
            if (!d) goto error;
            PUSH(d);
            break;
        }
        case OP_BUILD_CONST_KEY_MAP: {
            Obj *keys = POP();
            Obj *d = dict_from_items(vm, ((Tuple *)keys)->items, 1, sp - arg, 1, arg);
            for (int i = 0; i < arg; i++) {
                Obj *v = POP();
                DECREF(vm, v);
            }
            DECREF(vm, keys);
            if (!d) goto error;
            PUSH(d);
            break;
        }
        case OP_LIST_APPEND: {
            TOUCH(PEEK(arg + 1)); /* the target, under what this pops */
            Obj *v = POP();
            int r = list_append(vm, PEEK(arg), v);
            DECREF(vm, v);
            if (r < 0) goto error;
            break;
        }
        case OP_SET_ADD: {
            TOUCH(PEEK(arg + 1)); /* the target, under what this pops */
            Obj *v = POP();
            int r = set_add(vm, PEEK(arg), v);
            DECREF(vm, v);
            if (r < 0) goto error;
            break;
        }
        case OP_MAP_ADD: {
            TOUCH(PEEK(arg + 2)); /* the target, under what this pops */
            Obj *v = POP();
            Obj *k = POP();
            int r = dict_set(vm, PEEK(arg), k, v);
            DECREF(vm, k);
            DECREF(vm, v);
            if (r < 0) goto error;
            break;
        }
        case OP_LIST_EXTEND: {
            TOUCH(PEEK(arg + 1)); /* the target, under what this pops */
            Obj *it = POP();
            int r = list_extend(vm, PEEK(arg), it);
            if (r < 0 && vm_exc_matches(vm, &Exc_TypeError) && KIND(it) != OBJ_GENERATOR &&
                !it->type->heap) {
                vm_clear_exc(vm);
                vm_raise(vm, &Exc_TypeError, "Value after * must be an iterable, not %s",
                         obj_type_name(it));
            }
            DECREF(vm, it);
            if (r < 0) goto error;
            break;
        }
        case OP_SET_UPDATE: {
            TOUCH(PEEK(arg + 1)); /* the target, under what this pops */
            Obj *it = POP();
            extern int set_update(Vm * vm, Obj * s, Obj * it);
            int r = set_update(vm, PEEK(arg), it);
            DECREF(vm, it);
            if (r < 0) goto error;
            break;
        }
        case OP_DICT_UPDATE: {
            TOUCH(PEEK(arg + 1)); /* the target, under what this pops */
            Obj *o = POP();
            int r = dict_update(vm, PEEK(arg), o);
            if (r < 0 && vm_exc_matches(vm, &Exc_AttributeError)) {
                vm_clear_exc(vm);
                vm_raise(vm, &Exc_TypeError, "'%s' object is not a mapping", obj_type_name(o));
            }
            DECREF(vm, o);
            if (r < 0) goto error;
            break;
        }
        case OP_DICT_MERGE: {
            TOUCH(PEEK(arg + 1)); /* the target, under what this pops */
            Obj *o = POP();
            int r = dict_merge_kw(vm, PEEK(arg), o);
            if (r < 0) {
                /* format_kwargs_error(): the callable is 2 + arg slots below */
                Obj *fn = PEEK(arg + 2);
                Obj *fname = fn ? obj_getattr_cstr(vm, fn, "__qualname__") : NULL;
                if (!fname) {
                    if (vm->exc && !vm_exc_matches(vm, &Exc_KeyError) &&
                        !vm_exc_matches(vm, &Exc_AttributeError)) {
                    }
                }
                const char *fnm = fname && IS_STR(fname) ? str_cstr(fname) : "function";
                if (vm_exc_matches(vm, &Exc_KeyError)) {
                    Obj *key = ((Instance *)vm->exc)->args && TUPLE_LEN(((Instance *)vm->exc)->args)
                                   ? obj_newref(TUPLE_ITEM(((Instance *)vm->exc)->args, 0))
                                   : NULL;
                    vm_clear_exc(vm);
                    vm_raise(vm, &Exc_TypeError,
                             "%s() got multiple values for keyword argument '%s'", fnm,
                             key && IS_STR(key) ? str_cstr(key) : "?");
                    XDECREF(vm, key);
                } else if (vm_exc_matches(vm, &Exc_AttributeError)) {
                    vm_clear_exc(vm);
                    vm_raise(vm, &Exc_TypeError, "%s() argument after ** must be a mapping, not %s",
                             fnm, obj_type_name(o));
                }
                XDECREF(vm, fname);
                DECREF(vm, o);
                goto error;
            }
            DECREF(vm, o);
            break;
        }
        case OP_LIST_TO_TUPLE: {
            Obj *l = TOP();
            Obj *t;
            if (arg == 1 && IS_TUPLE(l)) {
                break;
            }
            if (arg == 1) {
                Obj *tmp = obj_to_list(vm, l);
                if (!tmp) {
                    if (vm_exc_matches(vm, &Exc_TypeError)) {
                        vm_clear_exc(vm);
                        vm_raise(vm, &Exc_TypeError, "Value after * must be an iterable, not %s",
                                 obj_type_name(l));
                    }
                    goto error;
                }
                t = tuple_from_array(vm, ((List *)tmp)->items, LIST_LEN(tmp));
                DECREF(vm, tmp);
            } else {
                t = tuple_from_array(vm, ((List *)l)->items, LIST_LEN(l));
            }
            if (!t) goto error;
            DECREF(vm, l);
            SET_TOP(t);
            break;
        }
        case OP_BUILD_STRING: {
            StrBuf b;
            sb_init(&b);
            for (int i = arg; i >= 1; i--)
                sb_add_obj(&b, PEEK(i));
            for (int i = 0; i < arg; i++) {
                Obj *v = POP();
                DECREF(vm, v);
            }
            Obj *s = sb_finish(vm, &b);
            if (!s) goto error;
            PUSH(s);
            break;
        }
        case OP_FORMAT_VALUE: {
            Obj *spec = (arg & 4) ? POP() : NULL;
            Obj *v = TOP();
            Obj *r = format_value(vm, v, arg & 3, spec);
            XDECREF(vm, spec);
            DECREF(vm, v);
            SET_TOP(r);
            if (!r) {
                sp--;
                goto error;
            }
            break;
        }
        case OP_UNPACK_SEQUENCE: {
            Obj *seq = POP();
            Obj **items;
            ssize_t n;
            if (seq_fast(seq, &items, &n)) {
                if (n != arg) {
                    if (n < arg)
                        vm_raise(vm, &Exc_ValueError,
                                 "not enough values to unpack (expected %d, got %zd)", arg, n);
                    else
                        vm_raise(vm, &Exc_ValueError, "too many values to unpack (expected %d)",
                                 arg);
                    DECREF(vm, seq);
                    goto error;
                }
                for (ssize_t i = n - 1; i >= 0; i--)
                    PUSH(obj_newref(items[i]));
                DECREF(vm, seq);
                break;
            }
            Obj *it = obj_iter(vm, seq);
            if (!it) {
                if (vm_exc_matches(vm, &Exc_TypeError)) {
                    vm_clear_exc(vm);
                    vm_raise(vm, &Exc_TypeError, "cannot unpack non-iterable %s object",
                             obj_type_name(seq));
                }
                DECREF(vm, seq);
                goto error;
            }
            Obj **tmp = malloc(sizeof(Obj *) * (size_t)(arg + 1));
            int got = 0;
            bool bad = false;
            for (; got < arg; got++) {
                tmp[got] = obj_next(vm, it);
                if (!tmp[got]) {
                    if (!vm->exc)
                        vm_raise(vm, &Exc_ValueError,
                                 "not enough values to unpack (expected %d, got %d)", arg, got);
                    bad = true;
                    break;
                }
            }
            if (!bad) {
                Obj *extra = obj_next(vm, it);
                if (extra) {
                    DECREF(vm, extra);
                    vm_raise(vm, &Exc_ValueError, "too many values to unpack (expected %d)", arg);
                    bad = true;
                } else if (vm->exc) {
                    bad = true;
                }
            }
            DECREF(vm, it);
            DECREF(vm, seq);
            if (bad) {
                for (int i = 0; i < got; i++)
                    DECREF(vm, tmp[i]);
                free(tmp);
                goto error;
            }
            for (int i = arg - 1; i >= 0; i--)
                PUSH(tmp[i]);
            free(tmp);
            break;
        }
        case OP_UNPACK_EX: {
            int before = arg & 0xff, after = arg >> 8;
            Obj *seq = POP();
            Obj *l = obj_to_list(vm, seq);
            if (!l) {
                if (vm_exc_matches(vm, &Exc_TypeError)) {
                    vm_clear_exc(vm);
                    vm_raise(vm, &Exc_TypeError, "cannot unpack non-iterable %s object",
                             obj_type_name(seq));
                }
                DECREF(vm, seq);
                goto error;
            }
            DECREF(vm, seq);
            ssize_t n = LIST_LEN(l);
            if (n < before + after) {
                vm_raise(vm, &Exc_ValueError,
                         "not enough values to unpack (expected at least %d, got %zd)",
                         before + after, n);
                DECREF(vm, l);
                goto error;
            }
            for (int i = after - 1; i >= 0; i--)
                PUSH(obj_newref(LIST_ITEM(l, n - after + i)));
            Obj *mid = list_slice(vm, l, before, n - after);
            PUSH(mid);
            for (int i = before - 1; i >= 0; i--)
                PUSH(obj_newref(LIST_ITEM(l, i)));
            DECREF(vm, l);
            break;
        }
        case OP_JUMP:
            if (arg < ip) {
                ip = arg;
                if (!(lines[ip] & LINE_START)) {
                    f->sp = sp;
                    f->stack_known = true;
                    on_line(vm, f, lines[ip] & LINE_MASK);
                    f->stack_known = false;
                    if (vm->stopped) {
                        vm_raise(vm, &Exc_KeyboardInterrupt, "stopped after %llu steps (%s)",
                                 (unsigned long long)(vm->steps ? vm->steps - 1 : 0),
                                 vm->stop_reason);
                        goto error;
                    }
                }
            } else {
                ip = arg;
            }
            break;
        case OP_POP_JUMP_IF_FALSE:
        case OP_POP_JUMP_IF_TRUE: {
            Obj *v = POP();
            int t;
            if (v == Py_True)
                t = 1;
            else if (v == Py_False || v == Py_None)
                t = 0;
            else {
                t = obj_truth(vm, v);
                if (t < 0) {
                    DECREF(vm, v);
                    goto error;
                }
            }
            DECREF(vm, v);
            if (t == (in->op == OP_POP_JUMP_IF_TRUE)) ip = arg;
            break;
        }
        case OP_POP_JUMP_IF_NONE:
        case OP_POP_JUMP_IF_NOT_NONE: {
            Obj *v = POP();
            bool none = v == Py_None;
            DECREF(vm, v);
            if (none == (in->op == OP_POP_JUMP_IF_NONE)) ip = arg;
            break;
        }
        case OP_JUMP_IF_FALSE_OR_POP:
        case OP_JUMP_IF_TRUE_OR_POP: {
            Obj *v = TOP();
            int t = obj_truth(vm, v);
            if (t < 0) goto error;
            if (t == (in->op == OP_JUMP_IF_TRUE_OR_POP)) {
                ip = arg;
            } else {
                sp--;
                DECREF(vm, v);
            }
            break;
        }
        case OP_GET_ITER: {
            Obj *o = TOP();
            Obj *it = obj_iter(vm, o);
            DECREF(vm, o);
            SET_TOP(it);
            if (!it) {
                sp--;
                goto error;
            }
            break;
        }
        case OP_FOR_ITER: {
            Obj *it = TOP();
            Obj *v;
            if (it->type == &RangeIterType) {
                Iter *ri = (Iter *)it;
                if (ri->len > 0) {
                    ri->len--;
                    v = int_from_i64(vm, ri->cur);
                    ri->cur += ri->step;
                } else {
                    v = NULL;
                }
            } else if (it->type == &ListIterType) {
                Iter *li = (Iter *)it;
                if (li->seq && li->index < LIST_LEN(li->seq)) {
                    v = obj_newref(LIST_ITEM(li->seq, li->index++));
                } else {
                    if (li->seq) CLEAR(vm, li->seq);
                    v = NULL;
                }
            } else {
                v = obj_next(vm, it);
            }
            if (v) {
                PUSH(v);
                break;
            }
            if (vm->exc) {
                if (!vm_exc_matches(vm, &Exc_StopIteration)) goto error;
                vm_clear_exc(vm);
            }
            sp--;
            DECREF(vm, it);
            ip = arg;
            break;
        }
        case OP_END_FOR:
            break;
        case OP_RETURN_VALUE:
            retval = POP();
            goto exit_frame;
        case OP_YIELD_VALUE: {
            retval = POP();
            f->ip = ip;
            f->sp = sp;
            f->stack_known = true;              /* suspended */
            vm_event(vm, EV_RETURN, retval, 1); /* a = 1: the generator yields */
            vm->frame = f->back;
            vm->depth--;
            vm->nframes--;
            return retval;
        }
        case OP_RETURN_GENERATOR:
            break;
        case OP_KW_NAMES:
            kwnames = consts[arg];
            break;
        case OP_CALL: {
            int total = arg;
            Obj **base = sp - arg - 2;
            Obj *callable;
            Obj **args;
            if (base[0]) { /* [meth, self, args...] */
                callable = base[0];
                args = base + 1;
                total++;
            } else {
                callable = base[1];
                args = base + 2;
            }
            Obj *kw = kwnames;
            kwnames = NULL;
            int nkw = kw ? (int)TUPLE_LEN(kw) : 0;
            int npos = total - nkw;
            if (KIND(callable) == OBJ_METHOD && !base[0]) {
                /* unpack a bound method: [func, self, args] as CPython's CALL */
                Method *m = (Method *)callable;
                base[0] = obj_newref(m->func);
                base[1] = obj_newref(m->self);
                DECREF(vm, callable);
                callable = base[0];
                args = base + 1;
                total++;
                npos++;
            }
            Obj *r;
            f->ip = ip;
            if (KIND(callable) == OBJ_FUNCTION) {
                /* Python function: argument references move into the new frame */
                sp = base;
                f->sp = sp;
                f->stack_known = true;
                r = call_function(vm, callable, args, npos, kw, true);
                f->stack_known = false;
            } else {
                f->sp = sp;
                f->stack_known = true;
                vm_event(vm, EV_CALL, callable,
                         2); /* a = 2: a C function, arguments on the stack */
                r = obj_call(vm, callable, args, npos, kw);
                f->stack_known = false;
                for (int i = 0; i < total; i++)
                    DECREF(vm, args[i]);
                DECREF(vm, callable);
                sp = base;
            }
            if (!r) goto error;
            PUSH(r);
            break;
        }
        case OP_CALL_FUNCTION_EX: {
            Obj *kwargs = (arg & 1) ? POP() : NULL;
            Obj *pargs = POP();
            Obj *callable = POP();
            Obj *nul = POP();
            (void)nul;
            int np = (int)TUPLE_LEN(pargs);
            int nk = kwargs ? (int)DICT_LEN(kwargs) : 0;
            Obj **argv = malloc(sizeof(Obj *) * (size_t)(np + nk + 1));
            for (int i = 0; i < np; i++)
                argv[i] = TUPLE_ITEM(pargs, i);
            Obj *kn = NULL;
            if (nk) {
                kn = tuple_new(vm, nk);
                ssize_t pos = 0;
                Obj *k, *v;
                int j = 0;
                while (dict_next(kwargs, &pos, &k, &v)) {
                    TUPLE_ITEM(kn, j) = obj_newref(k);
                    argv[np + j] = v;
                    j++;
                }
            }
            f->ip = ip;
            f->sp = sp;
            f->stack_known = true;
            Obj *r = obj_call(vm, callable, argv, np, kn);
            f->stack_known = false;
            free(argv);
            XDECREF(vm, kn);
            DECREF(vm, pargs);
            XDECREF(vm, kwargs);
            DECREF(vm, callable);
            if (!r) goto error;
            PUSH(r);
            break;
        }
        case OP_MAKE_FUNCTION: {
            Code *fc = (Code *)POP();
            Function *fn = (Function *)obj_alloc(vm, &FunctionType, sizeof(Function), 136);
            if (!fn) {
                DECREF(vm, fc);
                goto error;
            }
            memset((char *)fn + sizeof(Obj), 0, sizeof(Function) - sizeof(Obj));
            fn->code = fc;
            fn->globals = obj_newref(f->globals);
            fn->builtins = obj_newref(vm->builtins);
            fn->name = obj_newref(fc->name);
            fn->qualname = obj_newref(fc->qualname);
            fn->closure = (arg & MF_CLOSURE) ? POP() : NULL;
            fn->kwdefaults = (arg & MF_KWDEFAULTS) ? POP() : NULL;
            fn->defaults = (arg & MF_DEFAULTS) ? POP() : NULL;
            Obj *mod = dict_get_cstr(vm, f->globals, "__name__");
            fn->module = mod ? obj_newref(mod) : NULL;
            Obj *doc = TUPLE_LEN(fc->consts) > 0 && IS_STR(TUPLE_ITEM(fc->consts, 0)) &&
                               (fc->flags & CO_OPTIMIZED)
                           ? TUPLE_ITEM(fc->consts, 0)
                           : NULL;
            fn->doc = doc ? obj_newref(doc) : NULL;
            gc_track(vm, (Obj *)fn);
            PUSH((Obj *)fn);
            break;
        }
        case OP_LOAD_BUILD_CLASS: {
            Obj *bc = dict_get_cstr(vm, f->builtins, "__build_class__");
            if (!bc) {
                vm_raise(vm, &Exc_NameError, "__build_class__ not found");
                goto error;
            }
            PUSH(obj_newref(bc));
            break;
        }
        case OP_SETUP_FINALLY: {
            if (f->nblocks >= MAX_BLOCKS) {
                vm_raise(vm, &Exc_SystemError, "too many statically nested blocks");
                goto error;
            }
            Block *b = &f->blocks[f->nblocks++];
            b->handler = arg;
            b->level = (int)(sp - FRAME_STACK(f)) + in->aux;
            break;
        }
        case OP_POP_BLOCK:
            f->nblocks--;
            break;
        case OP_PUSH_EXC_INFO: {
            Obj *exc = POP();
            Obj *prev = vm->exc_info ? vm->exc_info : obj_newref(Py_None);
            PUSH(prev);
            vm->exc_info = obj_newref(exc);
            PUSH(exc);
            break;
        }
        case OP_POP_EXCEPT: {
            Obj *prev = POP();
            Obj *cur = vm->exc_info;
            vm->exc_info = prev == Py_None ? NULL : prev;
            if (prev == Py_None) DECREF(vm, prev);
            XDECREF(vm, cur);
            break;
        }
        case OP_RERAISE: {
            Obj *exc = POP();
            XDECREF(vm, vm->exc);
            vm->exc = exc;
            reraise = true;
            goto error;
        }
        case OP_RAISE_VARARGS: {
            if (arg == 0) {
                if (!vm->exc_info) {
                    vm_raise(vm, &Exc_RuntimeError, "No active exception to reraise");
                    goto error;
                }
                XDECREF(vm, vm->exc);
                vm->exc = obj_newref(vm->exc_info);
                reraise = true;
                goto error;
            }
            Obj *cause = arg == 2 ? POP() : NULL;
            Obj *exc = POP();
            if (!IS_TYPE(exc) && !exc->type->is_exc) {
                DECREF(vm, exc);
                XDECREF(vm, cause);
                vm_raise(vm, &Exc_TypeError, "exceptions must derive from BaseException");
                goto error;
            }
            if (IS_TYPE(exc) && !((Type *)exc)->is_exc) {
                DECREF(vm, exc);
                XDECREF(vm, cause);
                vm_raise(vm, &Exc_TypeError, "exceptions must derive from BaseException");
                goto error;
            }
            vm_raise_exc(vm, exc);
            DECREF(vm, exc);
            if (cause && vm->exc && vm->exc->type->is_exc) {
                Instance *e = (Instance *)vm->exc;
                Obj *c = cause;
                if (IS_TYPE(cause)) {
                    c = obj_call0(vm, cause);
                    if (!c) {
                        DECREF(vm, cause);
                        goto error;
                    }
                } else {
                    INCREF(c);
                }
                if (c == Py_None) {
                    DECREF(vm, c);
                    c = NULL;
                } else if (!c->type->is_exc) {
                    DECREF(vm, c);
                    DECREF(vm, cause);
                    vm_raise(vm, &Exc_TypeError, "exception causes must derive from BaseException");
                    goto error;
                }
                SETREF(vm, e->cause, c);
                e->suppress_context = true;
            }
            XDECREF(vm, cause);
            goto error;
        }
        case OP_CHECK_EXC_MATCH: {
            Obj *t = POP();
            Obj *exc = TOP();
            bool ok = true;
            if (IS_TUPLE(t)) {
                for (ssize_t i = 0; i < TUPLE_LEN(t); i++)
                    if (!IS_TYPE(TUPLE_ITEM(t, i)) || !((Type *)TUPLE_ITEM(t, i))->is_exc)
                        ok = false;
            } else if (!IS_TYPE(t) || !((Type *)t)->is_exc) {
                ok = false;
            }
            if (!ok) {
                DECREF(vm, t);
                vm_raise(vm, &Exc_TypeError,
                         "catching classes that do not inherit from BaseException is not allowed");
                goto error;
            }
            int r = obj_isinstance(vm, exc, t);
            DECREF(vm, t);
            PUSH(bool_from(r > 0));
            break;
        }
        case OP_LOAD_ASSERTION_ERROR:
            PUSH(obj_newref((Obj *)&Exc_AssertionError));
            break;
        case OP_IMPORT_NAME: {
            Obj *fromlist = POP();
            Obj *level = POP();
            DECREF(vm, fromlist);
            DECREF(vm, level);
            Obj *m = vm_import(vm, names[arg]);
            if (!m) goto error;
            PUSH(m);
            break;
        }
        case OP_IMPORT_FROM: {
            Obj *m = TOP();
            Obj *v = KIND(m) == OBJ_MODULE ? dict_get_str(((Module *)m)->dict, names[arg]) : NULL;
            if (!v) {
                vm_raise(vm, &Exc_ImportError,
                         "cannot import name '%s' from '%s' (unknown location)",
                         str_cstr(names[arg]),
                         KIND(m) == OBJ_MODULE ? str_cstr(((Module *)m)->name) : "?");
                goto error;
            }
            PUSH(obj_newref(v));
            break;
        }
        case OP_IMPORT_STAR: {
            Obj *m = POP();
            ssize_t pos = 0;
            Obj *k, *v;
            Obj *target = f->locals ? f->locals : f->globals;
            while (dict_next(((Module *)m)->dict, &pos, &k, &v))
                if (str_cstr(k)[0] != '_') dict_set(vm, target, k, v);
            DECREF(vm, m);
            break;
        }
        case OP_BEFORE_WITH:
        case OP_WITH_EXCEPT_START:
        case OP_SETUP_ANNOTATIONS:
        case OP_PRINT_EXPR:
        case OP__COUNT:
            vm_raise(vm, &Exc_NotImplementedError, "opcode %s is not supported",
                     opcode_names[in->op]);
            goto error;
        }
        continue;

    error:
        /* an exception: record where, then unwind to the innermost handler */
        if (!reraise && vm->exc && vm->exc->type->is_exc) {
            int line = lines[ip - 1 >= 0 ? ip - 1 : 0] & LINE_MASK;
            f->line = line;
            exc_add_traceback(vm, vm->exc, (Obj *)co, line);
            vm_event(vm, EV_EXCEPTION, vm->exc, line);
        }
        reraise = false;
        kwnames = NULL;
        if (!vm->stopped && f->nblocks > 0) {
            Block *b = &f->blocks[--f->nblocks];
            Obj **lvl = FRAME_STACK(f) + b->level;
            while (sp > lvl) {
                Obj *v = POP();
                XDECREF(vm, v);
            }
            PUSH(vm_fetch_exc(vm));
            ip = b->handler;
            continue;
        }
        retval = NULL;
        goto exit_frame;
    }

exit_frame:
    f->sp = sp;
    f->stack_known = true;
    vm_event(vm, EV_RETURN, retval, 0); /* while the frame is still the current one */
    vm->frame = f->back;
    vm->depth--;
    vm->nframes--;
    if (f->gen) {
        /* a finished generator frame: detach and free it */
        ((Generator *)f->gen)->frame = NULL;
        f->gen = NULL;
        frame_free(vm, f);
        return retval;
    }
    if (!retval && vm->exc && vm->exc->type->is_exc) {
        /* the traceback keeps the frame's locals alive (it references the frame object) */
        Instance *e = (Instance *)vm->exc;
        Traceback *tb = (Traceback *)e->traceback;
        if (tb && tb->code == (Obj *)co) {
            extern void tb_keep_locals(Vm * vm, Obj * tb, Obj * *locals, int n);
            tb_keep_locals(vm, (Obj *)tb, f->localsplus, co->nlocalsplus);
        }
    }
    frame_free(vm, f);
    return retval;
}

/* Runs module-level code with `globals` as its namespace. NEW result or NULL. */
Obj *vm_run_code(Vm *vm, Code *co, Obj *globals) {
    Frame *f = frame_new(vm, co, NULL, globals, globals);
    if (!f) return NULL;
    return run_frame(vm, f);
}

/* __build_class__(func, name, *bases) */
Obj *vm_build_class(Vm *vm, Obj *self, Obj **args, int nargs, Obj *kwnames) {
    (void)self;
    if (kwnames && TUPLE_LEN(kwnames))
        return vm_raise(vm, &Exc_TypeError, "__build_class__() keywords are not supported");
    if (nargs < 2) return vm_raise(vm, &Exc_TypeError, "__build_class__: not enough arguments");
    Obj *func = args[0], *name = args[1];
    if (KIND(func) != OBJ_FUNCTION)
        return vm_raise(vm, &Exc_TypeError, "__build_class__: func must be a function");
    Obj *bases = tuple_from_array(vm, args + 2, nargs - 2);
    if (!bases) return NULL;
    Obj *ns = dict_new(vm);
    if (!ns) {
        DECREF(vm, bases);
        return NULL;
    }
    Obj *cell = run_class_body(vm, (Function *)func, ns);
    Obj *cls = NULL;
    if (cell) {
        cls = type_new_class(vm, name, bases, ns);
        DECREF(vm, cell);
    }
    DECREF(vm, ns);
    DECREF(vm, bases);
    return cls;
}
