/*
 * compiler.c - lecture Python's AST to bytecode modelled on CPython 3.11.
 *
 * Two passes, as CPython: the symbol table (which names are local, global, free, cell in each
 * scope) and code generation. The code generator emits the instruction sequences CPython 3.11
 * emits where they decide reference counts and sizes:
 *   - calls: PUSH_NULL f args CALL n, or obj LOAD_METHOD m args CALL n;
 *   - list literals of more than two constants: BUILD_LIST 0, LOAD_CONST tuple, LIST_EXTEND
 *     (capacity rounded up to even), otherwise BUILD_LIST n (exact), over 30 items appends;
 *   - comprehensions and generator expressions are nested functions called with the
 *     iterator of their outermost iterable;
 *   - the AST optimizer's constant folding (-5, 2**10, 'a'*3, constant tuples, `in [...]`
 *     and `for x in [...]` turned into tuples), with CPython's size limits.
 * Exception handling uses a block stack (SETUP_FINALLY / POP_BLOCK) instead of 3.11's
 * exception table; the stack holds the same values at every handler.
 */
#include "heap/lang/compiler.h"

#include "heap/types/types.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ================================================================ symbol table */

enum { DEF_LOCAL = 1, DEF_PARAM = 2, DEF_GLOBAL = 4, DEF_NONLOCAL = 8, USE = 16 };
enum { SC_UNKNOWN, SC_LOCAL, SC_GLOBAL_EXPLICIT, SC_GLOBAL_IMPLICIT, SC_FREE, SC_CELL };
typedef enum { SK_MODULE, SK_FUNCTION, SK_CLASS } ScopeKind;

typedef struct {
    const char *name;
    int flags;
    int scope;
} Sym;

typedef struct Scope {
    ScopeKind kind;
    const char *name;
    const void *node;
    struct Scope *parent;
    Sym *syms;
    int nsyms, capsyms;
    struct Scope **kids;
    int nkids, capkids;
    bool comprehension;
    bool generator;
    int line;
} Scope;

typedef struct Compiler Compiler;

static void comp_error(Compiler *c, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5), noreturn));

static Sym *sym_find(Scope *s, const char *name) {
    for (int i = 0; i < s->nsyms; i++)
        if (!strcmp(s->syms[i].name, name)) return &s->syms[i];
    return NULL;
}

static Sym *sym_add(Scope *s, const char *name, int flags) {
    Sym *y = sym_find(s, name);
    if (y) {
        y->flags |= flags;
        return y;
    }
    if (s->nsyms == s->capsyms) {
        s->capsyms = s->capsyms ? s->capsyms * 2 : 8;
        s->syms = realloc(s->syms, sizeof(Sym) * (size_t)s->capsyms);
        if (!s->syms) abort();
    }
    y = &s->syms[s->nsyms++];
    y->name = name;
    y->flags = flags;
    y->scope = SC_UNKNOWN;
    return y;
}

static Scope *scope_new(Scope *parent, ScopeKind kind, const char *name, const void *node,
                        int line) {
    Scope *s = calloc(1, sizeof(Scope));
    if (!s) abort();
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->parent = parent;
    s->line = line;
    if (parent) {
        if (parent->nkids == parent->capkids) {
            parent->capkids = parent->capkids ? parent->capkids * 2 : 4;
            parent->kids = realloc(parent->kids, sizeof(Scope *) * (size_t)parent->capkids);
            if (!parent->kids) abort();
        }
        parent->kids[parent->nkids++] = s;
    }
    return s;
}

static void scope_free(Scope *s) {
    for (int i = 0; i < s->nkids; i++)
        scope_free(s->kids[i]);
    free(s->kids);
    free(s->syms);
    free(s);
}

static Scope *scope_of(Scope *root, const void *node) {
    if (root->node == node) return root;
    for (int i = 0; i < root->nkids; i++) {
        Scope *r = scope_of(root->kids[i], node);
        if (r) return r;
    }
    return NULL;
}

struct Compiler {
    Vm *vm;
    SyntaxErr *err;
    jmp_buf jb;
    Scope *top;
    Scope *cur; /* symtable pass */
    const char *filename;
    Obj *filename_obj;
    bool main;
    Obj *cache_str, *cache_int, *cache_float, *cache_other; /* Dicts of constants */
    struct Unit *u;
    int nesting;
};

static void comp_error(Compiler *c, int line, int col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    snprintf(c->err->type, sizeof c->err->type, "SyntaxError");
    vsnprintf(c->err->msg, sizeof c->err->msg, fmt, ap);
    va_end(ap);
    c->err->line = line;
    c->err->col = col + 1;
    c->err->end_col = 0;
    longjmp(c->jb, 1);
}

static void st_expr(Compiler *c, Expr *e);
static void st_stmts(Compiler *c, Stmt **b, int n);

static void st_exprs(Compiler *c, Expr **es, int n) {
    for (int i = 0; i < n; i++)
        if (es[i]) st_expr(c, es[i]);
}

static void st_target(Compiler *c, Expr *e) {
    switch (e->kind) {
    case EXPR_NAME:
        sym_add(c->cur, e->str, DEF_LOCAL);
        break;
    case EXPR_TUPLE:
    case EXPR_LIST:
        for (int i = 0; i < e->nvalues; i++)
            st_target(c, e->values[i]);
        break;
    case EXPR_STARRED:
        st_target(c, e->left);
        break;
    case EXPR_ATTR:
        st_expr(c, e->left);
        break;
    case EXPR_SUBSCRIPT:
        st_expr(c, e->left);
        st_expr(c, e->right);
        break;
    default:
        break; /* errors reported by codegen */
    }
}

static void st_params(Compiler *c, Arguments *a) {
    if (!a) return;
    for (int i = 0; i < a->nposonly; i++)
        sym_add(c->cur, a->posonly[i].name, DEF_PARAM);
    for (int i = 0; i < a->nargs; i++)
        sym_add(c->cur, a->args[i].name, DEF_PARAM);
    if (a->vararg) sym_add(c->cur, a->vararg->name, DEF_PARAM);
    for (int i = 0; i < a->nkwonly; i++)
        sym_add(c->cur, a->kwonly[i].name, DEF_PARAM);
    if (a->kwarg) sym_add(c->cur, a->kwarg->name, DEF_PARAM);
}

static void st_defaults(Compiler *c, Arguments *a) {
    if (!a) return;
    st_exprs(c, a->defaults, a->ndefaults);
    st_exprs(c, a->kw_defaults, a->nkwonly);
}

static void st_comprehension(Compiler *c, Expr *e, const char *name) {
    /* the outermost iterable is evaluated in the enclosing scope */
    st_expr(c, e->generators[0].iter);
    Scope *s = scope_new(c->cur, SK_FUNCTION, name, e, e->line);
    s->comprehension = true;
    s->generator = e->kind == EXPR_GENEXP;
    Scope *saved = c->cur;
    c->cur = s;
    sym_add(s, ".0", DEF_PARAM);
    for (int i = 0; i < e->ngenerators; i++) {
        Comprehension *g = &e->generators[i];
        if (i > 0) st_expr(c, g->iter);
        st_target(c, g->target);
        st_exprs(c, g->ifs, g->nifs);
    }
    if (e->kind == EXPR_DICTCOMP) st_expr(c, e->left);
    st_expr(c, e->elt);
    c->cur = saved;
}

static void st_expr(Compiler *c, Expr *e) {
    if (!e) return;
    switch (e->kind) {
    case EXPR_NAME:
        sym_add(c->cur, e->str, USE);
        if (!strcmp(e->str, "super") && c->cur->kind == SK_FUNCTION)
            sym_add(c->cur, "__class__", USE);
        break;
    case EXPR_CONST:
        break;
    case EXPR_FSTRING:
        st_exprs(c, e->values, e->nvalues);
        break;
    case EXPR_FORMATTED:
        st_expr(c, e->left);
        st_expr(c, e->right);
        break;
    case EXPR_BINOP:
    case EXPR_IFEXP:
        st_expr(c, e->left);
        st_expr(c, e->right);
        st_expr(c, e->test);
        break;
    case EXPR_UNARY:
        st_expr(c, e->left);
        break;
    case EXPR_BOOLOP:
    case EXPR_LIST:
    case EXPR_TUPLE:
    case EXPR_SET:
        st_exprs(c, e->values, e->nvalues);
        break;
    case EXPR_COMPARE:
        st_expr(c, e->left);
        st_exprs(c, e->values, e->nvalues);
        break;
    case EXPR_CALL:
        st_expr(c, e->func);
        st_exprs(c, e->args, e->nargs);
        for (int i = 0; i < e->nkeywords; i++)
            st_expr(c, e->keywords[i].value);
        break;
    case EXPR_ATTR:
    case EXPR_STARRED:
        st_expr(c, e->left);
        break;
    case EXPR_SUBSCRIPT:
        st_expr(c, e->left);
        st_expr(c, e->right);
        break;
    case EXPR_SLICE:
        st_expr(c, e->left);
        st_expr(c, e->right);
        st_expr(c, e->test);
        break;
    case EXPR_DICT:
        st_exprs(c, e->keys, e->nvalues);
        st_exprs(c, e->values, e->nvalues);
        break;
    case EXPR_LISTCOMP:
        st_comprehension(c, e, "<listcomp>");
        break;
    case EXPR_SETCOMP:
        st_comprehension(c, e, "<setcomp>");
        break;
    case EXPR_DICTCOMP:
        st_comprehension(c, e, "<dictcomp>");
        break;
    case EXPR_GENEXP:
        st_comprehension(c, e, "<genexpr>");
        break;
    case EXPR_LAMBDA: {
        st_defaults(c, e->params);
        Scope *s = scope_new(c->cur, SK_FUNCTION, "<lambda>", e, e->line);
        Scope *saved = c->cur;
        c->cur = s;
        st_params(c, e->params);
        st_expr(c, e->left);
        c->cur = saved;
        break;
    }
    case EXPR_WALRUS: {
        Scope *s = c->cur;
        while (s->comprehension && s->parent)
            s = s->parent;
        sym_add(s, e->left->str, DEF_LOCAL);
        if (s != c->cur) sym_add(c->cur, e->left->str, USE);
        st_expr(c, e->right);
        break;
    }
    }
}

static void st_stmt(Compiler *c, Stmt *s) {
    switch (s->kind) {
    case STMT_EXPR:
    case STMT_RETURN:
        st_expr(c, s->value);
        break;
    case STMT_ASSIGN:
        st_expr(c, s->value);
        for (int i = 0; i < s->ntargets; i++)
            st_target(c, s->targets[i]);
        break;
    case STMT_AUGASSIGN:
        st_expr(c, s->value);
        if (s->target->kind == EXPR_NAME)
            sym_add(c->cur, s->target->str, DEF_LOCAL | USE);
        else
            st_target(c, s->target);
        break;
    case STMT_ANNASSIGN:
        st_expr(c, s->value);
        if (s->value || s->target->kind != EXPR_NAME)
            st_target(c, s->target);
        else if (c->cur->kind != SK_MODULE)
            sym_add(c->cur, s->target->str, DEF_LOCAL);
        break;
    case STMT_DEL:
        for (int i = 0; i < s->ntargets; i++)
            st_target(c, s->targets[i]);
        break;
    case STMT_RAISE:
        st_expr(c, s->value);
        st_expr(c, s->cause);
        break;
    case STMT_GLOBAL:
    case STMT_NONLOCAL:
        for (int i = 0; i < s->nnames; i++) {
            Sym *y = sym_find(c->cur, s->names[i]);
            const char *what = s->kind == STMT_GLOBAL ? "global" : "nonlocal";
            if (y && (y->flags & DEF_PARAM))
                comp_error(c, s->line, s->col, "name '%s' is parameter and %s", s->names[i], what);
            if (y && (y->flags & (DEF_LOCAL | USE)) && !(y->flags & (DEF_GLOBAL | DEF_NONLOCAL)))
                comp_error(c, s->line, s->col, "name '%s' is %s prior to %s declaration",
                           s->names[i], (y->flags & USE) ? "used" : "assigned to", what);
            if (s->kind == STMT_NONLOCAL && c->cur->kind == SK_MODULE)
                comp_error(c, s->line, s->col, "nonlocal declaration not allowed at module level");
            sym_add(c->cur, s->names[i], s->kind == STMT_GLOBAL ? DEF_GLOBAL : DEF_NONLOCAL);
        }
        break;
    case STMT_IF:
    case STMT_WHILE:
        st_expr(c, s->test);
        st_stmts(c, s->body, s->nbody);
        st_stmts(c, s->orelse, s->norelse);
        break;
    case STMT_FOR:
        st_expr(c, s->iter);
        st_target(c, s->target);
        st_stmts(c, s->body, s->nbody);
        st_stmts(c, s->orelse, s->norelse);
        break;
    case STMT_TRY:
        st_stmts(c, s->body, s->nbody);
        for (int i = 0; i < s->nhandlers; i++) {
            ExceptHandler *h = &s->handlers[i];
            st_expr(c, h->type);
            if (h->name) sym_add(c->cur, h->name, DEF_LOCAL);
            st_stmts(c, h->body, h->nbody);
        }
        st_stmts(c, s->orelse, s->norelse);
        st_stmts(c, s->finalbody, s->nfinalbody);
        break;
    case STMT_WITH:
        for (int i = 0; i < s->nitems; i++) {
            st_expr(c, s->items[i]);
            if (s->targets && s->targets[i]) st_target(c, s->targets[i]);
        }
        st_stmts(c, s->body, s->nbody);
        break;
    case STMT_FUNCDEF: {
        st_exprs(c, s->decorators, s->ndecorators);
        st_defaults(c, s->params);
        sym_add(c->cur, s->name, DEF_LOCAL);
        Scope *sc = scope_new(c->cur, SK_FUNCTION, s->name, s, s->line);
        Scope *saved = c->cur;
        c->cur = sc;
        st_params(c, s->params);
        st_stmts(c, s->body, s->nbody);
        c->cur = saved;
        break;
    }
    case STMT_CLASSDEF: {
        st_exprs(c, s->decorators, s->ndecorators);
        st_exprs(c, s->bases, s->nbases);
        for (int i = 0; i < s->nkeywords; i++)
            st_expr(c, s->keywords[i].value);
        sym_add(c->cur, s->name, DEF_LOCAL);
        Scope *sc = scope_new(c->cur, SK_CLASS, s->name, s, s->line);
        Scope *saved = c->cur;
        c->cur = sc;
        st_stmts(c, s->body, s->nbody);
        c->cur = saved;
        break;
    }
    case STMT_IMPORT:
        for (int i = 0; i < s->nnames; i++) {
            const char *n = s->asnames && s->asnames[i] ? s->asnames[i] : s->names[i];
            if (!(s->asnames && s->asnames[i])) {
                /* `import a.b` binds `a` */
                const char *dot = strchr(n, '.');
                if (dot) {
                    size_t len = (size_t)(dot - n);
                    char *top = malloc(len + 1);
                    memcpy(top, n, len);
                    top[len] = 0;
                    /* leak-free: intern through the vm later; keep the module name as is */
                    Obj *t = str_intern_cstr(c->vm, top);
                    free(top);
                    n = str_cstr(t);
                    DECREF(c->vm, t); /* interned strings stay alive in the interned dict */
                }
            }
            sym_add(c->cur, n, DEF_LOCAL);
        }
        break;
    case STMT_IMPORTFROM:
        for (int i = 0; i < s->nnames; i++) {
            if (!strcmp(s->names[i], "*")) continue;
            sym_add(c->cur, s->asnames && s->asnames[i] ? s->asnames[i] : s->names[i], DEF_LOCAL);
        }
        break;
    case STMT_ASSERT:
        st_expr(c, s->test);
        st_expr(c, s->value);
        break;
    case STMT_PASS:
    case STMT_BREAK:
    case STMT_CONTINUE:
        break;
    }
}

static void st_stmts(Compiler *c, Stmt **b, int n) {
    for (int i = 0; i < n; i++)
        st_stmt(c, b[i]);
}

typedef struct {
    const char **names;
    int n;
} NameSet;

static bool ns_has(NameSet *s, const char *name) {
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->names[i], name)) return true;
    return false;
}

/* mirrors analyze_block() in Python/symtable.c, for the subset */
static void st_analyze(Compiler *c, Scope *s, NameSet *bound) {
    for (int i = 0; i < s->nsyms; i++) {
        Sym *y = &s->syms[i];
        if (y->flags & DEF_GLOBAL)
            y->scope = SC_GLOBAL_EXPLICIT;
        else if (y->flags & DEF_NONLOCAL) {
            if (!ns_has(bound, y->name))
                comp_error(c, s->line, 0, "no binding for nonlocal '%s' found", y->name);
            y->scope = SC_FREE;
        } else if (y->flags & (DEF_LOCAL | DEF_PARAM))
            y->scope = SC_LOCAL;
        else if (s->kind != SK_MODULE && ns_has(bound, y->name))
            y->scope = SC_FREE;
        else
            y->scope = SC_GLOBAL_IMPLICIT;
    }
    NameSet nb = {NULL, 0};
    if (s->kind != SK_MODULE) {
        nb.names = malloc(sizeof(char *) * (size_t)(bound->n + s->nsyms + 1));
        for (int i = 0; i < bound->n; i++)
            nb.names[nb.n++] = bound->names[i];
        if (s->kind == SK_FUNCTION) {
            for (int i = 0; i < s->nsyms; i++)
                if (s->syms[i].scope == SC_LOCAL && !ns_has(&nb, s->syms[i].name))
                    nb.names[nb.n++] = s->syms[i].name;
        } else if (!ns_has(&nb, "__class__")) {
            nb.names[nb.n++] = "__class__";
        }
    }
    for (int k = 0; k < s->nkids; k++) {
        Scope *kid = s->kids[k];
        st_analyze(c, kid, &nb);
        for (int i = 0; i < kid->nsyms; i++) {
            Sym *ky = &kid->syms[i];
            if (ky->scope != SC_FREE) continue;
            Sym *y = sym_find(s, ky->name);
            if (s->kind == SK_CLASS && !strcmp(ky->name, "__class__")) {
                y = sym_add(s, "__class__", 0);
                y->scope = SC_CELL;
                continue;
            }
            if (s->kind == SK_FUNCTION && y && (y->scope == SC_LOCAL || y->scope == SC_CELL)) {
                y->scope = SC_CELL;
            } else if (!y || y->scope == SC_GLOBAL_IMPLICIT || y->scope == SC_UNKNOWN) {
                y = sym_add(s, ky->name, 0);
                y->scope = SC_FREE;
            } else if (s->kind == SK_CLASS && y->scope == SC_LOCAL) {
                /* a class-local name that methods see from further out: passes through */
            }
        }
    }
    free(nb.names);
}

/* ================================================================ code units */

typedef enum {
    FB_LOOP,
    FB_FOR_LOOP,
    FB_TRY_EXCEPT,
    FB_FINALLY_TRY,
    FB_HANDLER,
    FB_FINALLY_END
} FbKind;

typedef struct {
    FbKind kind;
    int start, exit; /* labels */
    Stmt *node;      /* FB_FINALLY_TRY: the try statement; FB_HANDLER: name cleanup */
    const char *name;
} FBlock;

typedef struct Unit {
    Scope *scope;
    Instr *code;
    int *lines;
    int n, cap;
    int *labels; /* label id -> instruction index */
    int nlabels, caplabels;
    Obj **consts;
    int nconsts, capconsts;
    Obj **names;
    int nnames, capnames;
    const char **varnames;
    int nvarnames;
    const char **cellvars;
    int ncellvars;
    const char **freevars;
    int nfreevars;
    int line;
    int last_line;
    bool line_pending;
    FBlock fb[64];
    int nfb;
    Obj *qualname;
    int argcount, posonly, kwonly, flags, firstlineno;
    struct Unit *parent;
} Unit;

static int emit(Compiler *c, int op, int arg) {
    Unit *u = c->u;
    if (u->n == u->cap) {
        u->cap = u->cap ? u->cap * 2 : 64;
        u->code = realloc(u->code, sizeof(Instr) * (size_t)u->cap);
        u->lines = realloc(u->lines, sizeof(int) * (size_t)u->cap);
        if (!u->code || !u->lines) abort();
    }
    u->code[u->n].op = (uint8_t)op;
    u->code[u->n].aux = 0;
    u->code[u->n].arg = arg;
    int l = u->line;
    if (u->line_pending) {
        if (l != u->last_line) l |= LINE_START;
        u->line_pending = false;
        u->last_line = u->line;
    }
    u->lines[u->n] = l;
    return u->n++;
}

static int label_new(Compiler *c) {
    Unit *u = c->u;
    if (u->nlabels == u->caplabels) {
        u->caplabels = u->caplabels ? u->caplabels * 2 : 16;
        u->labels = realloc(u->labels, sizeof(int) * (size_t)u->caplabels);
        if (!u->labels) abort();
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

static void label_set(Compiler *c, int l) {
    c->u->labels[l] = c->u->n;
}

static bool is_jump(int op) {
    return op == OP_JUMP || op == OP_POP_JUMP_IF_FALSE || op == OP_POP_JUMP_IF_TRUE ||
           op == OP_POP_JUMP_IF_NONE || op == OP_POP_JUMP_IF_NOT_NONE ||
           op == OP_JUMP_IF_FALSE_OR_POP || op == OP_JUMP_IF_TRUE_OR_POP || op == OP_FOR_ITER ||
           op == OP_SETUP_FINALLY;
}

static void set_line(Compiler *c, int line) {
    c->u->line = line;
    c->u->line_pending = true;
}

static int add_name(Compiler *c, const char *name) {
    Unit *u = c->u;
    for (int i = 0; i < u->nnames; i++)
        if (str_eq_cstr(u->names[i], name)) return i;
    if (u->nnames == u->capnames) {
        u->capnames = u->capnames ? u->capnames * 2 : 16;
        u->names = realloc(u->names, sizeof(Obj *) * (size_t)u->capnames);
        if (!u->names) abort();
    }
    u->names[u->nnames] = str_intern_cstr(c->vm, name);
    return u->nnames++;
}

/* adds a constant (steals the reference); equal constants share one slot */
static int add_const(Compiler *c, Obj *v) {
    Unit *u = c->u;
    for (int i = 0; i < u->nconsts; i++)
        if (u->consts[i] == v) {
            DECREF(c->vm, v);
            return i;
        }
    if (u->nconsts == u->capconsts) {
        u->capconsts = u->capconsts ? u->capconsts * 2 : 16;
        u->consts = realloc(u->consts, sizeof(Obj *) * (size_t)u->capconsts);
        if (!u->consts) abort();
    }
    u->consts[u->nconsts] = v;
    return u->nconsts++;
}

static int load_const(Compiler *c, Obj *v) {
    return emit(c, OP_LOAD_CONST, add_const(c, v));
}

static int idx_of(const char **arr, int n, const char *name) {
    for (int i = 0; i < n; i++)
        if (!strcmp(arr[i], name)) return i;
    return -1;
}

/* ================================================================ constants */

static bool is_identifier(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (!(ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (ch >= '0' && ch <= '9')))
            return false;
    }
    return true;
}

/* Returns the shared constant for `v` (steals v): one object per value per module. `leaf`
 * marks literals from the source, which __main__'s parser arena keeps one extra ref on. */
static Obj *intern_const(Compiler *c, Obj *v, bool leaf) {
    Vm *vm = c->vm;
    Obj *cache;
    if (IS_STR(v))
        cache = c->cache_str;
    else if (KIND(v) == OBJ_INT)
        cache = c->cache_int;
    else if (IS_FLOAT(v))
        cache = c->cache_float;
    else
        cache = c->cache_other;
    if (KIND(v) == OBJ_TUPLE || KIND(v) == OBJ_FROZENSET || KIND(v) == OBJ_BYTES || IS_STR(v) ||
        KIND(v) == OBJ_INT || IS_FLOAT(v)) {
        Obj *key = v;
        if (IS_FLOAT(v)) {
            key = float_repr_str(vm, ((Float *)v)->v);
        } else if (KIND(v) == OBJ_TUPLE || KIND(v) == OBJ_FROZENSET) {
            Obj *r = obj_repr(vm, v);
            key = str_concat(vm, r, str_from_cstr(vm, KIND(v) == OBJ_TUPLE ? "t" : "f"));
            DECREF(vm, r);
        } else {
            INCREF(key);
        }
        Obj *found = key ? dict_get(vm, cache, key) : NULL;
        vm_clear_exc(vm);
        if (found) {
            DECREF(vm, key);
            DECREF(vm, v);
            return obj_newref(found);
        }
        if (key) {
            dict_set(vm, cache, key, v);
            DECREF(vm, key);
        }
    }
    if (leaf && c->main && !(v->flags & OBJ_F_STATIC)) list_append(vm, vm->consts_arena, v);
    return v;
}

static Obj *const_leaf(Compiler *c, Expr *e) {
    Vm *vm = c->vm;
    Obj *v = NULL;
    switch (e->ckind) {
    case CONST_NONE:
        return obj_newref(Py_None);
    case CONST_TRUE:
        return obj_newref(Py_True);
    case CONST_FALSE:
        return obj_newref(Py_False);
    case CONST_ELLIPSIS:
        return obj_newref(Py_Ellipsis);
    case CONST_INT:
        v = int_from_str(vm, e->str, e->len, 10);
        break;
    case CONST_FLOAT:
        v = float_new(vm, e->fval);
        break;
    case CONST_IMAG:
        comp_error(c, e->line, e->col, "complex numbers are not supported by memviz");
    case CONST_STR:
        v = str_new(vm, e->str, e->len);
        if (v && is_identifier(e->str, e->len) && !(v->flags & OBJ_F_STATIC)) v = str_intern(vm, v);
        break;
    case CONST_BYTES:
        v = bytes_new(vm, (const unsigned char *)e->str, e->len);
        break;
    }
    if (!v) {
        vm_clear_exc(vm);
        comp_error(c, e->line, e->col, "invalid constant");
    }
    return intern_const(c, v, true);
}

static size_t int_bits(Obj *o) {
    return int_bit_length(o);
}

/* The AST optimizer's folding (Python/ast_opt.c). NEW constant or NULL when not foldable. */
static Obj *fold(Compiler *c, Expr *e) {
    Vm *vm = c->vm;
    switch (e->kind) {
    case EXPR_CONST:
        return const_leaf(c, e);
    case EXPR_TUPLE: {
        Obj **items = malloc(sizeof(Obj *) * (size_t)(e->nvalues + 1));
        int i;
        for (i = 0; i < e->nvalues; i++) {
            if (e->values[i]->kind == EXPR_STARRED) break;
            items[i] = fold(c, e->values[i]);
            if (!items[i]) break;
        }
        Obj *r = NULL;
        if (i == e->nvalues) {
            r = tuple_new(vm, e->nvalues);
            for (int j = 0; j < e->nvalues; j++)
                TUPLE_ITEM(r, j) = items[j];
            r = intern_const(c, r, true);
        } else {
            for (int j = 0; j < i; j++)
                DECREF(vm, items[j]);
        }
        free(items);
        return r;
    }
    case EXPR_UNARY: {
        if (e->op == OP_NOT) return NULL;
        Obj *v = fold(c, e->left);
        if (!v) return NULL;
        Obj *r = NULL;
        if (IS_INT(v) || IS_FLOAT(v)) {
            if (!(e->op == OP_INVERT && IS_FLOAT(v))) r = obj_unary(vm, v, e->op);
        }
        DECREF(vm, v);
        if (!r) {
            vm_clear_exc(vm);
            return NULL;
        }
        return intern_const(c, r, true);
    }
    case EXPR_BINOP: {
        Obj *a = fold(c, e->left);
        if (!a) return NULL;
        Obj *b = fold(c, e->right);
        if (!b) {
            DECREF(vm, a);
            return NULL;
        }
        bool ok = true;
        int op = e->op;
        if (op == OP_MATMUL) ok = false;
        /* safe_multiply / safe_power / safe_lshift / safe_mod limits */
        if (op == OP_MUL) {
            if (IS_INT(a) && IS_INT(b)) {
                if (int_sign(a) && int_sign(b) && int_bits(a) + int_bits(b) > 128) ok = false;
            } else if (IS_INT(b) || IS_INT(a)) {
                Obj *seq = IS_INT(a) ? b : a, *n = IS_INT(a) ? a : b;
                int64_t k;
                if (!int_as_i64(n, &k))
                    ok = false;
                else if (IS_STR(seq) && k > 0 && (int64_t)str_len(seq) * k > 4096)
                    ok = false;
                else if (KIND(seq) == OBJ_BYTES && k > 0 && (int64_t)((Bytes *)seq)->len * k > 4096)
                    ok = false;
                else if (KIND(seq) == OBJ_TUPLE && k > 0 && TUPLE_LEN(seq) * k > 256)
                    ok = false;
            }
        } else if (op == OP_POW) {
            if (IS_INT(a) && IS_INT(b)) {
                int64_t w;
                if (!int_as_i64(b, &w))
                    ok = false;
                else if (w >= 0 && int_bits(a) > 0 && (uint64_t)int_bits(a) * (uint64_t)w > 128)
                    ok = false;
            }
        } else if (op == OP_LSHIFT) {
            if (IS_INT(a) && IS_INT(b)) {
                int64_t w;
                if (!int_as_i64(b, &w) || w < 0 || w > 128 || int_bits(a) + (size_t)w > 128)
                    ok = false;
            }
        } else if (op == OP_MOD) {
            if (IS_STR(a) || KIND(a) == OBJ_BYTES) ok = false;
        }
        Obj *r = NULL;
        if (ok) {
            r = obj_binop(vm, a, b, op);
            if (!r) vm_clear_exc(vm);
        }
        DECREF(vm, a);
        DECREF(vm, b);
        if (!r) return NULL;
        return intern_const(c, r, true);
    }
    case EXPR_SUBSCRIPT: {
        if (e->right->kind == EXPR_SLICE) return NULL;
        Obj *a = fold(c, e->left);
        if (!a) return NULL;
        Obj *b = fold(c, e->right);
        Obj *r = NULL;
        if (b) {
            r = obj_getitem(vm, a, b);
            if (!r) vm_clear_exc(vm);
            DECREF(vm, b);
        }
        DECREF(vm, a);
        return r ? intern_const(c, r, true) : NULL;
    }
    default:
        return NULL;
    }
}

/* ================================================================ codegen: names */

static void compile_name(Compiler *c, const char *name, int ctx /* 0 load 1 store 2 del */,
                         int line, int col) {
    Unit *u = c->u;
    Scope *s = u->scope;
    Sym *y = sym_find(s, name);
    int sc = y ? y->scope : SC_GLOBAL_IMPLICIT;
    if (!strcmp(name, "__debug__")) {
        if (ctx) comp_error(c, line, col, "cannot assign to __debug__");
        load_const(c, obj_newref(c->vm->true_));
        return;
    }
    static const int ops_fast[] = {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST};
    static const int ops_deref[] = {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF};
    static const int ops_global[] = {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL};
    static const int ops_name[] = {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME};
    if (sc == SC_FREE || sc == SC_CELL) {
        int i = idx_of(u->cellvars, u->ncellvars, name);
        if (i >= 0)
            i += u->nvarnames;
        else
            i = u->nvarnames + u->ncellvars + idx_of(u->freevars, u->nfreevars, name);
        if (s->kind == SK_CLASS && ctx == 0 && sc == SC_FREE) {
            emit(c, OP_LOAD_CLASSDEREF, i);
            return;
        }
        if (s->kind == SK_CLASS && sc == SC_CELL && strcmp(name, "__class__")) {
            emit(c, ops_name[ctx], add_name(c, name));
            return;
        }
        emit(c, ops_deref[ctx], i);
        return;
    }
    if (s->kind == SK_FUNCTION) {
        if (sc == SC_LOCAL) {
            emit(c, ops_fast[ctx], idx_of(u->varnames, u->nvarnames, name));
            return;
        }
        emit(c, ops_global[ctx], add_name(c, name));
        return;
    }
    if (sc == SC_GLOBAL_EXPLICIT) {
        emit(c, ops_global[ctx], add_name(c, name));
        return;
    }
    emit(c, ops_name[ctx], add_name(c, name));
}

/* ================================================================ codegen */

static void compile_expr(Compiler *c, Expr *e);
static void compile_stmts(Compiler *c, Stmt **b, int n);
static Code *compile_unit_end(Compiler *c);
static void unit_begin(Compiler *c, Scope *s, const char *qualname, int line);

static void compile_exprs(Compiler *c, Expr **es, int n) {
    for (int i = 0; i < n; i++)
        compile_expr(c, es[i]);
}

static bool has_starred(Expr **es, int n) {
    for (int i = 0; i < n; i++)
        if (es[i]->kind == EXPR_STARRED) return true;
    return false;
}

static bool all_const(Compiler *c, Expr **es, int n) {
    (void)c;
    for (int i = 0; i < n; i++) {
        Expr *e = es[i];
        if (e->kind == EXPR_CONST) continue;
        if (e->kind == EXPR_TUPLE && all_const(c, e->values, e->nvalues)) continue;
        if (e->kind == EXPR_UNARY && e->op == OP_NEG && e->left->kind == EXPR_CONST) continue;
        return false;
    }
    return true;
}

/* mirrors starunpack_helper(): list/set/tuple displays */
static void compile_display(Compiler *c, Expr *e) {
    int n = e->nvalues;
    int build = e->kind == EXPR_LIST  ? OP_BUILD_LIST
                : e->kind == EXPR_SET ? OP_BUILD_SET
                                      : OP_BUILD_TUPLE;
    int extend = e->kind == EXPR_SET ? OP_SET_UPDATE : OP_LIST_EXTEND;
    int add = e->kind == EXPR_SET ? OP_SET_ADD : OP_LIST_APPEND;
    bool starred = has_starred(e->values, n);
    if (!starred && n > 2 && all_const(c, e->values, n)) {
        Obj **items = malloc(sizeof(Obj *) * (size_t)n);
        bool ok = true;
        for (int i = 0; i < n; i++) {
            items[i] = fold(c, e->values[i]);
            if (!items[i]) {
                for (int j = 0; j < i; j++)
                    DECREF(c->vm, items[j]);
                ok = false;
                break;
            }
        }
        if (ok) {
            Obj *t = tuple_new(c->vm, n);
            for (int i = 0; i < n; i++)
                TUPLE_ITEM(t, i) = items[i];
            free(items);
            if (e->kind == EXPR_SET) {
                /* merge_consts_recursive rebuilds a frozenset constant from its own order */
                Obj *fs1 = set_new(c->vm, &FrozenSetType, t);
                DECREF(c->vm, t);
                Obj *l = obj_to_list(c->vm, fs1);
                DECREF(c->vm, fs1);
                Obj *t2 = tuple_from_array(c->vm, ((List *)l)->items, LIST_LEN(l));
                DECREF(c->vm, l);
                t = set_new(c->vm, &FrozenSetType, t2);
                DECREF(c->vm, t2);
            }
            t = intern_const(c, t, false);
            if (e->kind == EXPR_TUPLE) {
                load_const(c, t);
                return;
            }
            emit(c, build, 0);
            load_const(c, t);
            emit(c, extend, 1);
            return;
        }
        free(items);
    }
    bool big = n > 30;
    if (!starred && !big) {
        compile_exprs(c, e->values, n);
        emit(c, build, n);
        return;
    }
    /* starred items or a big display: build empty (a list for tuples), then extend/append */
    int seen = 0;
    bool built = false;
    for (int i = 0; i < n; i++) {
        Expr *v = e->values[i];
        if (v->kind == EXPR_STARRED) {
            if (!built) {
                emit(c, e->kind == EXPR_SET ? OP_BUILD_SET : OP_BUILD_LIST, seen);
                built = true;
                seen = 0;
            }
            compile_expr(c, v->left);
            emit(c, extend, 1);
        } else if (!built && !big) {
            compile_expr(c, v);
            seen++;
        } else {
            if (!built) {
                emit(c, e->kind == EXPR_SET ? OP_BUILD_SET : OP_BUILD_LIST, 0);
                built = true;
            }
            compile_expr(c, v);
            emit(c, add, 1);
        }
    }
    if (!built) emit(c, e->kind == EXPR_SET ? OP_BUILD_SET : OP_BUILD_LIST, seen);
    if (e->kind == EXPR_TUPLE) emit(c, OP_LIST_TO_TUPLE, 0);
}

/* mirrors compiler_subdict(): items [begin, end) of a dict display */
static void compile_subdict(Compiler *c, Expr *e, int begin, int end) {
    int n = end - begin;
    bool big = n * 2 > 30; /* STACK_USE_GUIDELINE */
    if (n > 1 && !big && all_const(c, e->keys + begin, n)) {
        Obj *t = tuple_new(c->vm, n);
        bool ok = true;
        for (int i = 0; i < n; i++) {
            TUPLE_ITEM(t, i) = fold(c, e->keys[begin + i]);
            if (!TUPLE_ITEM(t, i)) {
                ok = false;
                TUPLE_ITEM(t, i) = obj_newref(c->vm->none);
            }
        }
        if (ok) {
            compile_exprs(c, e->values + begin, n);
            load_const(c, intern_const(c, t, false));
            emit(c, OP_BUILD_CONST_KEY_MAP, n);
            return;
        }
        DECREF(c->vm, t);
    }
    if (big) {
        emit(c, OP_BUILD_MAP, 0);
        for (int i = begin; i < end; i++) {
            compile_expr(c, e->keys[i]);
            compile_expr(c, e->values[i]);
            emit(c, OP_MAP_ADD, 1);
        }
        return;
    }
    for (int i = begin; i < end; i++) {
        compile_expr(c, e->keys[i]);
        compile_expr(c, e->values[i]);
    }
    emit(c, OP_BUILD_MAP, n);
}

/* mirrors compiler_dict() */
static void compile_dict(Compiler *c, Expr *e) {
    int n = e->nvalues, elements = 0;
    bool have_dict = false;
    for (int i = 0; i < n; i++) {
        if (!e->keys[i]) {
            if (elements) {
                compile_subdict(c, e, i - elements, i);
                if (have_dict) emit(c, OP_DICT_UPDATE, 1);
                have_dict = true;
                elements = 0;
            }
            if (!have_dict) {
                emit(c, OP_BUILD_MAP, 0);
                have_dict = true;
            }
            compile_expr(c, e->values[i]);
            emit(c, OP_DICT_UPDATE, 1);
        } else if (elements * 2 > 30) {
            compile_subdict(c, e, i - elements, i + 1);
            if (have_dict) emit(c, OP_DICT_UPDATE, 1);
            have_dict = true;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        compile_subdict(c, e, n - elements, n);
        if (have_dict) emit(c, OP_DICT_UPDATE, 1);
        have_dict = true;
    }
    if (!have_dict) emit(c, OP_BUILD_MAP, 0);
}

static const char *qualname_for(Compiler *c, const char *name) {
    static char buf[512];
    Unit *u = c->u;
    if (u->scope->kind == SK_MODULE || !u->qualname) {
        snprintf(buf, sizeof buf, "%s", name);
    } else if (u->scope->kind == SK_CLASS) {
        snprintf(buf, sizeof buf, "%s.%s", str_cstr(u->qualname), name);
    } else {
        snprintf(buf, sizeof buf, "%s.<locals>.%s", str_cstr(u->qualname), name);
    }
    return buf;
}

/* pushes the closure tuple for `child` (if it has free variables) and returns MAKE_FUNCTION flags
 */
static int compile_closure(Compiler *c, Code *child) {
    if (child->nfreevars == 0) return 0;
    Unit *u = c->u;
    for (int i = 0; i < child->nfreevars; i++) {
        Obj *nm = TUPLE_ITEM(child->localsplusnames, child->nlocals + child->ncellvars + i);
        const char *name = str_cstr(nm);
        int idx = idx_of(u->cellvars, u->ncellvars, name);
        if (idx >= 0)
            idx += u->nvarnames;
        else {
            idx = idx_of(u->freevars, u->nfreevars, name);
            if (idx < 0) comp_error(c, u->line, 0, "internal error: no cell for '%s'", name);
            idx += u->nvarnames + u->ncellvars;
        }
        emit(c, OP_LOAD_CLOSURE, idx);
    }
    emit(c, OP_BUILD_TUPLE, child->nfreevars);
    return MF_CLOSURE;
}

/* pushes defaults / kwdefaults; returns flags */
static int compile_defaults(Compiler *c, Arguments *a) {
    int flags = 0;
    if (!a) return 0;
    if (a->ndefaults) {
        Expr tmp = {0};
        tmp.kind = EXPR_TUPLE;
        tmp.values = a->defaults;
        tmp.nvalues = a->ndefaults;
        compile_display(c, &tmp);
        flags |= MF_DEFAULTS;
    }
    int nkw = 0;
    for (int i = 0; i < a->nkwonly; i++)
        if (a->kw_defaults[i]) {
            load_const(c, str_intern_cstr(c->vm, a->kwonly[i].name));
            compile_expr(c, a->kw_defaults[i]);
            nkw++;
        }
    if (nkw) {
        emit(c, OP_BUILD_MAP, nkw);
        flags |= MF_KWDEFAULTS;
    }
    return flags;
}

static void set_params(Compiler *c, Arguments *a) {
    Unit *u = c->u;
    if (!a) return;
    u->posonly = a->nposonly;
    u->argcount = a->nposonly + a->nargs;
    u->kwonly = a->nkwonly;
    if (a->vararg) u->flags |= CO_VARARGS;
    if (a->kwarg) u->flags |= CO_VARKEYWORDS;
}

static void make_function(Compiler *c, Code *code, int flags, const char *qualname) {
    (void)qualname;
    flags |= compile_closure(c, code);
    load_const(c, (Obj *)code);
    emit(c, OP_MAKE_FUNCTION, flags);
}

static void compile_lambda(Compiler *c, Expr *e) {
    int flags = compile_defaults(c, e->params);
    Scope *s = scope_of(c->top, e);
    const char *qn = qualname_for(c, "<lambda>");
    unit_begin(c, s, qn, e->line);
    set_params(c, e->params);
    compile_expr(c, e->left);
    emit(c, OP_RETURN_VALUE, 0);
    Code *code = compile_unit_end(c);
    make_function(c, code, flags, qn);
}

static void compile_comprehension_body(Compiler *c, Expr *e, int gen, int depth) {
    Comprehension *g = &e->generators[gen];
    int start = label_new(c), end = label_new(c), skip = label_new(c);
    if (gen == 0) {
        emit(c, OP_LOAD_FAST, 0); /* .0 */
    } else {
        compile_expr(c, g->iter);
        emit(c, OP_GET_ITER, 0);
    }
    label_set(c, start);
    emit(c, OP_FOR_ITER, end);
    extern void compile_store(Compiler * c, Expr * t);
    compile_store(c, g->target);
    for (int i = 0; i < g->nifs; i++) {
        compile_expr(c, g->ifs[i]);
        emit(c, OP_POP_JUMP_IF_FALSE, skip);
    }
    if (gen + 1 < e->ngenerators) {
        compile_comprehension_body(c, e, gen + 1, depth + 1);
    } else {
        switch (e->kind) {
        case EXPR_LISTCOMP:
            compile_expr(c, e->elt);
            emit(c, OP_LIST_APPEND, gen + 2);
            break;
        case EXPR_SETCOMP:
            compile_expr(c, e->elt);
            emit(c, OP_SET_ADD, gen + 2);
            break;
        case EXPR_DICTCOMP:
            compile_expr(c, e->left);
            compile_expr(c, e->elt);
            emit(c, OP_MAP_ADD, gen + 2);
            break;
        default: /* genexp */
            compile_expr(c, e->elt);
            emit(c, OP_YIELD_VALUE, 0);
            emit(c, OP_POP_TOP, 0);
            break;
        }
    }
    label_set(c, skip);
    emit(c, OP_JUMP, start);
    label_set(c, end);
}

static void compile_comprehension(Compiler *c, Expr *e) {
    Scope *s = scope_of(c->top, e);
    const char *nm = s->name;
    const char *qn = qualname_for(c, nm);
    int outer_line = c->u->line;
    unit_begin(c, s, qn, e->line);
    c->u->argcount = 1;
    if (e->kind == EXPR_GENEXP) c->u->flags |= CO_GENERATOR;
    switch (e->kind) {
    case EXPR_LISTCOMP:
        emit(c, OP_BUILD_LIST, 0);
        break;
    case EXPR_SETCOMP:
        emit(c, OP_BUILD_SET, 0);
        break;
    case EXPR_DICTCOMP:
        emit(c, OP_BUILD_MAP, 0);
        break;
    default:
        break;
    }
    compile_comprehension_body(c, e, 0, e->kind == EXPR_GENEXP ? -1 : 0);
    if (e->kind == EXPR_GENEXP) load_const(c, obj_newref(c->vm->none));
    emit(c, OP_RETURN_VALUE, 0);
    Code *code = compile_unit_end(c);
    c->u->line = outer_line;
    make_function(c, code, 0, qn);
    Expr *it = e->generators[0].iter;
    if (it->kind == EXPR_LIST && !has_starred(it->values, it->nvalues)) {
        Expr tmp = *it;
        tmp.kind = EXPR_TUPLE;
        compile_expr(c, &tmp);
    } else {
        compile_expr(c, it);
    }
    emit(c, OP_GET_ITER, 0);
    emit(c, OP_CALL, 0);
}

static void compile_call(Compiler *c, Expr *e) {
    Expr *f = e->func;
    bool method = false;
    bool starred = has_starred(e->args, e->nargs);
    bool dstar = false;
    for (int i = 0; i < e->nkeywords; i++)
        if (!e->keywords[i].name) dstar = true;
    if (f->kind == EXPR_ATTR && !starred && !dstar) {
        compile_expr(c, f->left);
        emit(c, OP_LOAD_METHOD, add_name(c, f->str));
        method = true;
    } else {
        emit(c, OP_PUSH_NULL, 0);
        compile_expr(c, f);
    }
    if (starred || dstar) {
        if (e->nargs == 1 && e->args[0]->kind == EXPR_STARRED) {
            compile_expr(c, e->args[0]->left);
            emit(c, OP_LIST_TO_TUPLE, 1); /* arg 1: convert any iterable to a tuple */
        } else {
            /* build list then tuple */
            int seen = 0;
            bool built = false;
            for (int i = 0; i < e->nargs; i++) {
                Expr *a = e->args[i];
                if (a->kind == EXPR_STARRED) {
                    if (!built) {
                        emit(c, OP_BUILD_LIST, seen);
                        built = true;
                    }
                    compile_expr(c, a->left);
                    emit(c, OP_LIST_EXTEND, 1);
                } else if (!built) {
                    compile_expr(c, a);
                    seen++;
                } else {
                    compile_expr(c, a);
                    emit(c, OP_LIST_APPEND, 1);
                }
            }
            if (!built)
                emit(c, OP_BUILD_TUPLE, seen);
            else
                emit(c, OP_LIST_TO_TUPLE, 0);
        }
        int has_kw = e->nkeywords > 0;
        if (has_kw) {
            int pending = 0;
            bool built = false;
            for (int i = 0; i < e->nkeywords; i++) {
                Keyword *k = &e->keywords[i];
                if (!k->name) {
                    if (!built || pending) {
                        emit(c, OP_BUILD_MAP, pending);
                        if (built) emit(c, OP_DICT_MERGE, 1);
                        built = true;
                        pending = 0;
                    }
                    compile_expr(c, k->value);
                    emit(c, OP_DICT_MERGE, 1);
                } else {
                    load_const(c, str_intern_cstr(c->vm, k->name));
                    compile_expr(c, k->value);
                    pending++;
                }
            }
            if (!built || pending) {
                emit(c, OP_BUILD_MAP, pending);
                if (built) emit(c, OP_DICT_MERGE, 1);
            }
        }
        emit(c, OP_CALL_FUNCTION_EX, has_kw);
        return;
    }
    compile_exprs(c, e->args, e->nargs);
    if (e->nkeywords) {
        Obj *names = tuple_new(c->vm, e->nkeywords);
        for (int i = 0; i < e->nkeywords; i++) {
            for (int j = 0; j < i; j++)
                if (!strcmp(e->keywords[j].name, e->keywords[i].name))
                    comp_error(c, e->keywords[i].line, e->keywords[i].col,
                               "keyword argument repeated: %s", e->keywords[i].name);
            TUPLE_ITEM(names, i) = str_intern_cstr(c->vm, e->keywords[i].name);
            compile_expr(c, e->keywords[i].value);
        }
        emit(c, OP_KW_NAMES, add_const(c, intern_const(c, names, false)));
    }
    (void)method;
    emit(c, OP_CALL, e->nargs + e->nkeywords);
}

static void compile_compare(Compiler *c, Expr *e) {
    compile_expr(c, e->left);
    int n = e->nvalues;
    int cleanup = label_new(c), end = label_new(c);
    for (int i = 0; i < n; i++) {
        Expr *rhs = e->values[i];
        CmpOp op = e->cmpops[i];
        if ((op == CMP_IN || op == CMP_NOT_IN) && rhs->kind == EXPR_LIST &&
            !has_starred(rhs->values, rhs->nvalues)) {
            Expr tmp = *rhs;
            tmp.kind = EXPR_TUPLE;
            compile_expr(c, &tmp);
        } else if ((op == CMP_IN || op == CMP_NOT_IN) && rhs->kind == EXPR_SET &&
                   rhs->nvalues > 0 && all_const(c, rhs->values, rhs->nvalues)) {
            Expr tmp = *rhs;
            tmp.kind = EXPR_TUPLE;
            Obj *t = fold(c, &tmp);
            if (t) {
                Obj *fs = set_new(c->vm, &FrozenSetType, t);
                DECREF(c->vm, t);
                load_const(c, intern_const(c, fs, true));
            } else {
                compile_expr(c, rhs);
            }
        } else {
            compile_expr(c, rhs);
        }
        if (i < n - 1) {
            emit(c, OP_SWAP, 2);
            emit(c, OP_COPY, 2);
        }
        switch (op) {
        case CMP_IN:
            emit(c, OP_CONTAINS_OP, 0);
            break;
        case CMP_NOT_IN:
            emit(c, OP_CONTAINS_OP, 1);
            break;
        case CMP_IS:
            emit(c, OP_IS_OP, 0);
            break;
        case CMP_IS_NOT:
            emit(c, OP_IS_OP, 1);
            break;
        default:
            emit(c, OP_COMPARE_OP, op);
            break;
        }
        if (i < n - 1) emit(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    if (n > 1) {
        emit(c, OP_JUMP, end);
        label_set(c, cleanup);
        emit(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP, 0);
        label_set(c, end);
    }
}

static void compile_subscript_index(Compiler *c, Expr *idx) {
    if (idx->kind == EXPR_SLICE) {
        if (idx->left)
            compile_expr(c, idx->left);
        else
            load_const(c, obj_newref(c->vm->none));
        if (idx->right)
            compile_expr(c, idx->right);
        else
            load_const(c, obj_newref(c->vm->none));
        if (idx->test) {
            compile_expr(c, idx->test);
            emit(c, OP_BUILD_SLICE, 3);
        } else {
            emit(c, OP_BUILD_SLICE, 2);
        }
        return;
    }
    compile_expr(c, idx);
}

static void compile_fstring(Compiler *c, Expr *e) {
    int n = 0;
    for (int i = 0; i < e->nvalues; i++) {
        Expr *p = e->values[i];
        if (p->kind == EXPR_CONST) {
            if (p->len == 0) continue;
            compile_expr(c, p);
        } else {
            compile_expr(c, p->left);
            int flags = 0;
            if (p->conversion == 's')
                flags = 1;
            else if (p->conversion == 'r')
                flags = 2;
            else if (p->conversion == 'a')
                flags = 3;
            if (p->right) {
                compile_fstring(c, p->right);
                flags |= 4;
            }
            emit(c, OP_FORMAT_VALUE, flags);
        }
        n++;
    }
    if (n == 0)
        load_const(c, obj_newref(c->vm->empty_str));
    else if (n > 1 || e->nvalues != 1 || e->values[0]->kind == EXPR_CONST) {
        if (n > 1) emit(c, OP_BUILD_STRING, n);
    }
}

static void compile_expr(Compiler *c, Expr *e) {
    if (e->line != c->u->line && e->line > 0) c->u->line = e->line;
    switch (e->kind) {
    case EXPR_NAME:
        compile_name(c, e->str, 0, e->line, e->col);
        return;
    case EXPR_CONST:
        load_const(c, const_leaf(c, e));
        return;
    case EXPR_FSTRING:
        compile_fstring(c, e);
        return;
    case EXPR_FORMATTED:
        compile_expr(c, e->left);
        return;
    case EXPR_BINOP: {
        Obj *v = fold(c, e);
        if (v) {
            load_const(c, v);
            return;
        }
        compile_expr(c, e->left);
        compile_expr(c, e->right);
        emit(c, OP_BINARY_OP, e->op);
        return;
    }
    case EXPR_UNARY: {
        if (e->op != OP_NOT && e->left->kind == EXPR_CONST) {
            Obj *v = fold(c, e);
            if (v) {
                load_const(c, v);
                return;
            }
        }
        compile_expr(c, e->left);
        emit(c,
             e->op == OP_NOT   ? OP_UNARY_NOT
             : e->op == OP_NEG ? OP_UNARY_NEGATIVE
             : e->op == OP_POS ? OP_UNARY_POSITIVE
                               : OP_UNARY_INVERT,
             0);
        return;
    }
    case EXPR_BOOLOP: {
        int end = label_new(c);
        for (int i = 0; i < e->nvalues; i++) {
            compile_expr(c, e->values[i]);
            if (i < e->nvalues - 1)
                emit(c, e->op == OP_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP, end);
        }
        label_set(c, end);
        return;
    }
    case EXPR_COMPARE:
        compile_compare(c, e);
        return;
    case EXPR_CALL:
        compile_call(c, e);
        return;
    case EXPR_ATTR:
        compile_expr(c, e->left);
        emit(c, OP_LOAD_ATTR, add_name(c, e->str));
        return;
    case EXPR_SUBSCRIPT: {
        Obj *v = fold(c, e);
        if (v) {
            load_const(c, v);
            return;
        }
        compile_expr(c, e->left);
        compile_subscript_index(c, e->right);
        emit(c, OP_BINARY_SUBSCR, 0);
        return;
    }
    case EXPR_SLICE:
        compile_subscript_index(c, e);
        return;
    case EXPR_TUPLE: {
        Obj *v = has_starred(e->values, e->nvalues) ? NULL : fold(c, e);
        if (v) {
            load_const(c, v);
            return;
        }
        compile_display(c, e);
        return;
    }
    case EXPR_LIST:
    case EXPR_SET:
        compile_display(c, e);
        return;
    case EXPR_DICT:
        compile_dict(c, e);
        return;
    case EXPR_LISTCOMP:
    case EXPR_SETCOMP:
    case EXPR_DICTCOMP:
    case EXPR_GENEXP:
        compile_comprehension(c, e);
        return;
    case EXPR_IFEXP: {
        int orelse = label_new(c), end = label_new(c);
        compile_expr(c, e->test);
        emit(c, OP_POP_JUMP_IF_FALSE, orelse);
        compile_expr(c, e->left);
        emit(c, OP_JUMP, end);
        label_set(c, orelse);
        compile_expr(c, e->right);
        label_set(c, end);
        return;
    }
    case EXPR_LAMBDA:
        compile_lambda(c, e);
        return;
    case EXPR_STARRED:
        comp_error(c, e->line, e->col, "can't use starred expression here");
    case EXPR_WALRUS:
        compile_expr(c, e->right);
        emit(c, OP_COPY, 1);
        compile_name(c, e->left->str, 1, e->line, e->col);
        return;
    }
}

void compile_store(Compiler *c, Expr *t) {
    switch (t->kind) {
    case EXPR_NAME:
        compile_name(c, t->str, 1, t->line, t->col);
        return;
    case EXPR_ATTR:
        compile_expr(c, t->left);
        emit(c, OP_STORE_ATTR, add_name(c, t->str));
        return;
    case EXPR_SUBSCRIPT:
        compile_expr(c, t->left);
        compile_subscript_index(c, t->right);
        emit(c, OP_STORE_SUBSCR, 0);
        return;
    case EXPR_TUPLE:
    case EXPR_LIST: {
        int star = -1;
        for (int i = 0; i < t->nvalues; i++)
            if (t->values[i]->kind == EXPR_STARRED) {
                if (star >= 0)
                    comp_error(c, t->line, t->col, "multiple starred expressions in assignment");
                star = i;
            }
        if (star >= 0)
            emit(c, OP_UNPACK_EX, star | ((t->nvalues - star - 1) << 8));
        else
            emit(c, OP_UNPACK_SEQUENCE, t->nvalues);
        for (int i = 0; i < t->nvalues; i++)
            compile_store(c,
                          t->values[i]->kind == EXPR_STARRED ? t->values[i]->left : t->values[i]);
        return;
    }
    case EXPR_STARRED:
        comp_error(c, t->line, t->col, "starred assignment target must be in a list or tuple");
    case EXPR_CALL:
        comp_error(c, t->line, t->col,
                   "cannot assign to function call here. Maybe you meant '==' instead of '='?");
    case EXPR_CONST:
        comp_error(c, t->line, t->col,
                   "cannot assign to literal here. Maybe you meant '==' instead of '='?");
    default:
        comp_error(c, t->line, t->col,
                   "cannot assign to expression here. Maybe you meant '==' instead of '='?");
    }
}

static void compile_delete(Compiler *c, Expr *t) {
    switch (t->kind) {
    case EXPR_NAME:
        compile_name(c, t->str, 2, t->line, t->col);
        return;
    case EXPR_ATTR:
        compile_expr(c, t->left);
        emit(c, OP_DELETE_ATTR, add_name(c, t->str));
        return;
    case EXPR_SUBSCRIPT:
        compile_expr(c, t->left);
        compile_subscript_index(c, t->right);
        emit(c, OP_DELETE_SUBSCR, 0);
        return;
    case EXPR_TUPLE:
    case EXPR_LIST:
        for (int i = 0; i < t->nvalues; i++)
            compile_delete(c, t->values[i]);
        return;
    default:
        comp_error(c, t->line, t->col, "cannot delete expression");
    }
}

static void push_fb(Compiler *c, FbKind k, int start, int exit, Stmt *node, const char *name) {
    Unit *u = c->u;
    if (u->nfb >= 64) comp_error(c, u->line, 0, "too many statically nested blocks");
    u->fb[u->nfb].kind = k;
    u->fb[u->nfb].start = start;
    u->fb[u->nfb].exit = exit;
    u->fb[u->nfb].node = node;
    u->fb[u->nfb].name = name;
    u->nfb++;
}

static void setup_finally(Compiler *c, int label, int aux) {
    int i = emit(c, OP_SETUP_FINALLY, label);
    c->u->code[i].aux = (int8_t)aux;
}

/* Unwinds one frame block for break/continue/return (compiler_unwind_fblock). */
static void unwind_fb(Compiler *c, FBlock *fb, bool preserve_tos) {
    switch (fb->kind) {
    case FB_LOOP:
        break;
    case FB_FOR_LOOP:
        if (preserve_tos) emit(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP, 0);
        break;
    case FB_TRY_EXCEPT:
        emit(c, OP_POP_BLOCK, 0);
        break;
    case FB_FINALLY_TRY: {
        emit(c, OP_POP_BLOCK, 0);
        /* run the finally body; it must not see this block again */
        Unit *u = c->u;
        FBlock saved = *fb;
        int idx = (int)(fb - u->fb);
        int saved_n = u->nfb;
        u->nfb = idx; /* statements in finally see only outer blocks */
        compile_stmts(c, saved.node->finalbody, saved.node->nfinalbody);
        u->nfb = saved_n;
        break;
    }
    case FB_FINALLY_END:
        emit(c, OP_POP_BLOCK, 0); /* cleanup block */
        if (preserve_tos) emit(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP, 0); /* the exception */
        if (preserve_tos) emit(c, OP_SWAP, 2);
        emit(c, OP_POP_EXCEPT, 0);
        break;
    case FB_HANDLER:
        if (fb->name) {
            emit(c, OP_POP_BLOCK, 0); /* name cleanup */
        }
        emit(c, OP_POP_BLOCK, 0); /* handler cleanup */
        if (preserve_tos) emit(c, OP_SWAP, 2);
        emit(c, OP_POP_EXCEPT, 0);
        if (fb->name) {
            load_const(c, obj_newref(c->vm->none));
            compile_name(c, fb->name, 1, c->u->line, 0);
            compile_name(c, fb->name, 2, c->u->line, 0);
        }
        break;
    }
}

static void compile_break_continue(Compiler *c, Stmt *s, bool is_break) {
    Unit *u = c->u;
    int i;
    for (i = u->nfb - 1; i >= 0; i--)
        if (u->fb[i].kind == FB_LOOP || u->fb[i].kind == FB_FOR_LOOP) break;
    if (i < 0) {
        if (is_break) comp_error(c, s->line, s->col, "'break' outside loop");
        comp_error(c, s->line, s->col, "'continue' not properly in loop");
    }
    int saved = u->nfb;
    for (int j = u->nfb - 1; j > i; j--) {
        u->nfb = j;
        unwind_fb(c, &u->fb[j], false);
    }
    u->nfb = saved;
    if (is_break) {
        if (u->fb[i].kind == FB_FOR_LOOP) emit(c, OP_POP_TOP, 0);
        emit(c, OP_JUMP, u->fb[i].exit);
    } else {
        emit(c, OP_JUMP, u->fb[i].start);
    }
}

static void compile_return(Compiler *c, Stmt *s) {
    Unit *u = c->u;
    if (u->scope->kind != SK_FUNCTION) comp_error(c, s->line, s->col, "'return' outside function");
    if (s->value)
        compile_expr(c, s->value);
    else
        load_const(c, obj_newref(c->vm->none));
    int saved = u->nfb;
    for (int j = u->nfb - 1; j >= 0; j--) {
        u->nfb = j;
        unwind_fb(c, &u->fb[j], true);
    }
    u->nfb = saved;
    emit(c, OP_RETURN_VALUE, 0);
}

static void compile_try_except(Compiler *c, Stmt *s) {
    int handler = label_new(c), end = label_new(c), cleanup = label_new(c), orelse = label_new(c);
    setup_finally(c, handler, 0);
    push_fb(c, FB_TRY_EXCEPT, -1, -1, s, NULL);
    compile_stmts(c, s->body, s->nbody);
    c->u->nfb--;
    emit(c, OP_POP_BLOCK, 0);
    label_set(c, orelse);
    compile_stmts(c, s->orelse, s->norelse);
    emit(c, OP_JUMP, end);
    label_set(c, handler);
    /* stack: [exc] */
    emit(c, OP_PUSH_EXC_INFO, 0); /* [prev, exc] */
    setup_finally(c, cleanup, -1);
    for (int i = 0; i < s->nhandlers; i++) {
        ExceptHandler *h = &s->handlers[i];
        set_line(c, h->line);
        if (!h->type && i < s->nhandlers - 1)
            comp_error(c, h->line, h->col, "default 'except:' must be last");
        int next = label_new(c);
        if (h->type) {
            compile_expr(c, h->type);
            emit(c, OP_CHECK_EXC_MATCH, 0);
            emit(c, OP_POP_JUMP_IF_FALSE, next);
        }
        if (h->name) {
            compile_name(c, h->name, 1, h->line, h->col);
            int name_cleanup = label_new(c);
            setup_finally(c, name_cleanup, 0); /* the exception is in the name: stack [prev] */
            push_fb(c, FB_HANDLER, -1, -1, NULL, h->name);
            compile_stmts(c, h->body, h->nbody);
            c->u->nfb--;
            emit(c, OP_POP_BLOCK, 0);
            emit(c, OP_POP_BLOCK, 0);
            emit(c, OP_POP_EXCEPT, 0);
            load_const(c, obj_newref(c->vm->none));
            compile_name(c, h->name, 1, h->line, h->col);
            compile_name(c, h->name, 2, h->line, h->col);
            emit(c, OP_JUMP, end);
            /* an exception inside the handler: clear the name, re-raise */
            label_set(c, name_cleanup); /* [prev, new_exc] */
            load_const(c, obj_newref(c->vm->none));
            compile_name(c, h->name, 1, h->line, h->col);
            compile_name(c, h->name, 2, h->line, h->col);
            emit(c, OP_RERAISE, 0);
        } else {
            emit(c, OP_POP_TOP, 0);
            push_fb(c, FB_HANDLER, -1, -1, NULL, NULL);
            compile_stmts(c, h->body, h->nbody);
            c->u->nfb--;
            emit(c, OP_POP_BLOCK, 0);
            emit(c, OP_POP_EXCEPT, 0);
            emit(c, OP_JUMP, end);
        }
        label_set(c, next);
    }
    emit(c, OP_RERAISE, 0); /* no handler matched: [prev, exc] -> cleanup */
    label_set(c, cleanup);  /* [prev, exc] */
    emit(c, OP_SWAP, 2);
    emit(c, OP_POP_EXCEPT, 0);
    emit(c, OP_RERAISE, 0);
    label_set(c, end);
}

static void compile_try(Compiler *c, Stmt *s) {
    if (s->nfinalbody == 0) {
        compile_try_except(c, s);
        return;
    }
    int final_exc = label_new(c), end = label_new(c), cleanup = label_new(c);
    setup_finally(c, final_exc, 0);
    push_fb(c, FB_FINALLY_TRY, -1, -1, s, NULL);
    if (s->nhandlers)
        compile_try_except(c, s);
    else
        compile_stmts(c, s->body, s->nbody);
    c->u->nfb--;
    emit(c, OP_POP_BLOCK, 0);
    compile_stmts(c, s->finalbody, s->nfinalbody);
    emit(c, OP_JUMP, end);
    label_set(c, final_exc); /* [exc] */
    emit(c, OP_PUSH_EXC_INFO, 0);
    setup_finally(c, cleanup, -1);
    push_fb(c, FB_FINALLY_END, -1, -1, s, NULL);
    compile_stmts(c, s->finalbody, s->nfinalbody);
    c->u->nfb--;
    emit(c, OP_RERAISE, 0);
    label_set(c, cleanup);
    emit(c, OP_SWAP, 2);
    emit(c, OP_POP_EXCEPT, 0);
    emit(c, OP_RERAISE, 0);
    label_set(c, end);
}

static Code *compile_function_body(Compiler *c, Stmt *s, const char *qn) {
    Scope *sc = scope_of(c->top, s);
    /* co_firstlineno is the first decorator's line, as CPython's */
    unit_begin(c, sc, qn, s->ndecorators ? s->decorators[0]->line : s->line);
    set_params(c, s->params);
    /* docstring */
    int start = 0;
    if (s->nbody > 0 && s->body[0]->kind == STMT_EXPR && s->body[0]->value->kind == EXPR_CONST &&
        s->body[0]->value->ckind == CONST_STR) {
        add_const(c, const_leaf(c, s->body[0]->value));
        start = 1;
    } else {
        add_const(c, obj_newref(c->vm->none));
    }
    compile_stmts(c, s->body + start, s->nbody - start);
    load_const(c, obj_newref(c->vm->none));
    emit(c, OP_RETURN_VALUE, 0);
    return compile_unit_end(c);
}

static void compile_funcdef(Compiler *c, Stmt *s) {
    compile_exprs(c, s->decorators, s->ndecorators);
    int flags = compile_defaults(c, s->params);
    char qn[512];
    snprintf(qn, sizeof qn, "%s", qualname_for(c, s->name));
    int line = c->u->line;
    Code *code = compile_function_body(c, s, qn);
    c->u->line = line;
    make_function(c, code, flags, qn);
    for (int i = 0; i < s->ndecorators; i++)
        emit(c, OP_CALL, 0);
    compile_name(c, s->name, 1, s->line, s->col);
}

static void compile_classdef(Compiler *c, Stmt *s) {
    if (s->nkeywords)
        comp_error(c, s->line, s->col,
                   "class keywords (metaclass=...) are not supported by memviz");
    compile_exprs(c, s->decorators, s->ndecorators);
    emit(c, OP_PUSH_NULL, 0);
    emit(c, OP_LOAD_BUILD_CLASS, 0);
    char qn[512];
    snprintf(qn, sizeof qn, "%s", qualname_for(c, s->name));
    int line = c->u->line;
    Scope *sc = scope_of(c->top, s);
    unit_begin(c, sc, qn, s->line);
    compile_name(c, "__name__", 0, s->line, s->col);
    compile_name(c, "__module__", 1, s->line, s->col);
    load_const(c, str_from_cstr(c->vm, qn));
    compile_name(c, "__qualname__", 1, s->line, s->col);
    int start = 0;
    if (s->nbody > 0 && s->body[0]->kind == STMT_EXPR && s->body[0]->value->kind == EXPR_CONST &&
        s->body[0]->value->ckind == CONST_STR) {
        set_line(c, s->body[0]->line);
        load_const(c, const_leaf(c, s->body[0]->value));
        compile_name(c, "__doc__", 1, s->line, s->col);
        start = 1;
    }
    compile_stmts(c, s->body + start, s->nbody - start);
    Sym *cls = sym_find(sc, "__class__");
    if (cls && cls->scope == SC_CELL) {
        int i = idx_of(c->u->cellvars, c->u->ncellvars, "__class__") + c->u->nvarnames;
        emit(c, OP_LOAD_CLOSURE, i);
        emit(c, OP_COPY, 1);
        compile_name(c, "__classcell__", 1, s->line, s->col);
        emit(c, OP_RETURN_VALUE, 0);
    } else {
        load_const(c, obj_newref(c->vm->none));
        emit(c, OP_RETURN_VALUE, 0);
    }
    Code *code = compile_unit_end(c);
    c->u->line = line;
    make_function(c, code, 0, qn);
    load_const(c, str_from_cstr(c->vm, s->name));
    compile_exprs(c, s->bases, s->nbases);
    emit(c, OP_CALL, 2 + s->nbases);
    for (int i = 0; i < s->ndecorators; i++)
        emit(c, OP_CALL, 0);
    compile_name(c, s->name, 1, s->line, s->col);
}

static void compile_stmt(Compiler *c, Stmt *s) {
    set_line(c, s->line);
    switch (s->kind) {
    case STMT_EXPR:
        if (s->value->kind == EXPR_CONST && c->u->scope->kind != SK_MODULE)
            return; /* docstring-like */
        compile_expr(c, s->value);
        emit(c, OP_POP_TOP, 0);
        return;
    case STMT_ASSIGN:
        compile_expr(c, s->value);
        for (int i = 0; i < s->ntargets; i++) {
            if (i < s->ntargets - 1) emit(c, OP_COPY, 1);
            compile_store(c, s->targets[i]);
        }
        return;
    case STMT_ANNASSIGN:
        if (s->value) {
            compile_expr(c, s->value);
            compile_store(c, s->target);
        }
        return;
    case STMT_AUGASSIGN: {
        Expr *t = s->target;
        if (t->kind == EXPR_NAME) {
            compile_name(c, t->str, 0, t->line, t->col);
            compile_expr(c, s->value);
            emit(c, OP_BINARY_OP, s->op + 16);
            compile_name(c, t->str, 1, t->line, t->col);
        } else if (t->kind == EXPR_ATTR) {
            compile_expr(c, t->left);
            emit(c, OP_COPY, 1);
            emit(c, OP_LOAD_ATTR, add_name(c, t->str));
            compile_expr(c, s->value);
            emit(c, OP_BINARY_OP, s->op + 16);
            emit(c, OP_SWAP, 2);
            emit(c, OP_STORE_ATTR, add_name(c, t->str));
        } else if (t->kind == EXPR_SUBSCRIPT) {
            compile_expr(c, t->left);
            compile_subscript_index(c, t->right);
            emit(c, OP_COPY, 2);
            emit(c, OP_COPY, 2);
            emit(c, OP_BINARY_SUBSCR, 0);
            compile_expr(c, s->value);
            emit(c, OP_BINARY_OP, s->op + 16);
            emit(c, OP_SWAP, 3);
            emit(c, OP_SWAP, 2);
            emit(c, OP_STORE_SUBSCR, 0);
        } else {
            comp_error(c, t->line, t->col, "'%s' is an illegal expression for augmented assignment",
                       t->kind == EXPR_CONST   ? "literal"
                       : t->kind == EXPR_TUPLE ? "tuple"
                       : t->kind == EXPR_LIST  ? "list"
                                               : "expression");
        }
        return;
    }
    case STMT_DEL:
        for (int i = 0; i < s->ntargets; i++)
            compile_delete(c, s->targets[i]);
        return;
    case STMT_PASS:
        emit(c, OP_NOP, 0);
        return;
    case STMT_BREAK:
        compile_break_continue(c, s, true);
        return;
    case STMT_CONTINUE:
        compile_break_continue(c, s, false);
        return;
    case STMT_RETURN:
        compile_return(c, s);
        return;
    case STMT_RAISE:
        if (s->value) compile_expr(c, s->value);
        if (s->cause) compile_expr(c, s->cause);
        emit(c, OP_RAISE_VARARGS, s->cause ? 2 : s->value ? 1 : 0);
        return;
    case STMT_GLOBAL:
    case STMT_NONLOCAL:
        emit(c, OP_NOP, 0);
        return;
    case STMT_IF: {
        int orelse = label_new(c), end = label_new(c);
        compile_expr(c, s->test);
        emit(c, OP_POP_JUMP_IF_FALSE, orelse);
        compile_stmts(c, s->body, s->nbody);
        if (s->norelse) emit(c, OP_JUMP, end);
        label_set(c, orelse);
        compile_stmts(c, s->orelse, s->norelse);
        label_set(c, end);
        return;
    }
    case STMT_WHILE: {
        int start = label_new(c), orelse = label_new(c), end = label_new(c);
        label_set(c, start);
        set_line(c, s->line);
        compile_expr(c, s->test);
        emit(c, OP_POP_JUMP_IF_FALSE, orelse);
        push_fb(c, FB_LOOP, start, end, s, NULL);
        compile_stmts(c, s->body, s->nbody);
        c->u->nfb--;
        set_line(c, s->line);
        emit(c, OP_JUMP, start);
        label_set(c, orelse);
        compile_stmts(c, s->orelse, s->norelse);
        label_set(c, end);
        return;
    }
    case STMT_FOR: {
        int start = label_new(c), cleanup = label_new(c), end = label_new(c);
        Expr *it = s->iter;
        if (it->kind == EXPR_LIST && !has_starred(it->values, it->nvalues)) {
            Expr tmp = *it;
            tmp.kind = EXPR_TUPLE;
            compile_expr(c, &tmp);
        } else {
            compile_expr(c, it);
        }
        emit(c, OP_GET_ITER, 0);
        label_set(c, start);
        set_line(c, s->line);
        emit(c, OP_FOR_ITER, cleanup);
        push_fb(c, FB_FOR_LOOP, start, end, s, NULL);
        compile_store(c, s->target);
        compile_stmts(c, s->body, s->nbody);
        c->u->nfb--;
        set_line(c, s->line);
        emit(c, OP_JUMP, start);
        label_set(c, cleanup);
        compile_stmts(c, s->orelse, s->norelse);
        label_set(c, end);
        return;
    }
    case STMT_TRY:
        compile_try(c, s);
        return;
    case STMT_FUNCDEF:
        compile_funcdef(c, s);
        return;
    case STMT_CLASSDEF:
        compile_classdef(c, s);
        return;
    case STMT_IMPORT:
        for (int i = 0; i < s->nnames; i++) {
            load_const(c, obj_newref(c->vm->small_ints[5]));
            load_const(c, obj_newref(c->vm->none));
            emit(c, OP_IMPORT_NAME, add_name(c, s->names[i]));
            if (s->asnames && s->asnames[i]) {
                compile_name(c, s->asnames[i], 1, s->line, s->col);
            } else {
                const char *dot = strchr(s->names[i], '.');
                if (dot) {
                    char top[256];
                    size_t len = (size_t)(dot - s->names[i]);
                    if (len >= sizeof top) len = sizeof top - 1;
                    memcpy(top, s->names[i], len);
                    top[len] = 0;
                    Obj *t = str_intern_cstr(c->vm, top);
                    compile_name(c, str_cstr(t), 1, s->line, s->col);
                    DECREF(c->vm, t);
                } else {
                    compile_name(c, s->names[i], 1, s->line, s->col);
                }
            }
        }
        return;
    case STMT_IMPORTFROM: {
        load_const(c, obj_newref(c->vm->small_ints[5]));
        Obj *names = tuple_new(c->vm, s->nnames);
        for (int i = 0; i < s->nnames; i++)
            TUPLE_ITEM(names, i) = str_intern_cstr(c->vm, s->names[i]);
        load_const(c, intern_const(c, names, false));
        emit(c, OP_IMPORT_NAME, add_name(c, s->module));
        if (s->nnames == 1 && !strcmp(s->names[0], "*")) {
            if (c->u->scope->kind != SK_MODULE)
                comp_error(c, s->line, s->col, "import * only allowed at module level");
            emit(c, OP_IMPORT_STAR, 0);
            return;
        }
        for (int i = 0; i < s->nnames; i++) {
            emit(c, OP_IMPORT_FROM, add_name(c, s->names[i]));
            compile_name(c, s->asnames && s->asnames[i] ? s->asnames[i] : s->names[i], 1, s->line,
                         s->col);
        }
        emit(c, OP_POP_TOP, 0);
        return;
    }
    case STMT_ASSERT: {
        int ok = label_new(c);
        compile_expr(c, s->test);
        emit(c, OP_POP_JUMP_IF_TRUE, ok);
        emit(c, OP_LOAD_ASSERTION_ERROR, 0);
        if (s->value) {
            compile_expr(c, s->value);
            emit(c, OP_CALL, 0);
        }
        emit(c, OP_RAISE_VARARGS, 1);
        label_set(c, ok);
        return;
    }
    case STMT_WITH:
        comp_error(c, s->line, s->col, "the 'with' statement is not supported by memviz");
    }
}

static void compile_stmts(Compiler *c, Stmt **b, int n) {
    for (int i = 0; i < n; i++)
        compile_stmt(c, b[i]);
}

/* ================================================================ units */

static void unit_begin(Compiler *c, Scope *s, const char *qualname, int line) {
    Unit *u = calloc(1, sizeof(Unit));
    if (!u) abort();
    u->scope = s;
    u->parent = c->u;
    u->line = line;
    u->last_line = -1;
    u->line_pending = true;
    u->firstlineno = line;
    u->qualname = qualname ? str_from_cstr(c->vm, qualname) : NULL;
    if (s->kind == SK_FUNCTION) u->flags = CO_OPTIMIZED | CO_NEWLOCALS;
    /* varnames: parameters first, in order, then other locals */
    int cap = s->nsyms + 1;
    u->varnames = malloc(sizeof(char *) * (size_t)cap);
    u->cellvars = malloc(sizeof(char *) * (size_t)cap);
    u->freevars = malloc(sizeof(char *) * (size_t)cap);
    if (s->kind == SK_FUNCTION) {
        const void *node = s->node;
        Arguments *a = NULL;
        if (s->comprehension) {
            u->varnames[u->nvarnames++] = ".0";
        } else if (((const Expr *)node)->kind == EXPR_LAMBDA && s->name[0] == '<') {
            a = ((const Expr *)node)->params;
        } else {
            a = ((const Stmt *)node)->params;
        }
        if (a) {
            for (int i = 0; i < a->nposonly; i++)
                u->varnames[u->nvarnames++] = a->posonly[i].name;
            for (int i = 0; i < a->nargs; i++)
                u->varnames[u->nvarnames++] = a->args[i].name;
            for (int i = 0; i < a->nkwonly; i++)
                u->varnames[u->nvarnames++] = a->kwonly[i].name;
            if (a->vararg) u->varnames[u->nvarnames++] = a->vararg->name;
            if (a->kwarg) u->varnames[u->nvarnames++] = a->kwarg->name;
        }
        for (int i = 0; i < s->nsyms; i++)
            if (s->syms[i].scope == SC_LOCAL &&
                idx_of(u->varnames, u->nvarnames, s->syms[i].name) < 0)
                u->varnames[u->nvarnames++] = s->syms[i].name;
    }
    for (int i = 0; i < s->nsyms; i++) {
        if (s->syms[i].scope == SC_CELL) u->cellvars[u->ncellvars++] = s->syms[i].name;
        if (s->syms[i].scope == SC_FREE) u->freevars[u->nfreevars++] = s->syms[i].name;
    }
    c->u = u;
    if (++c->nesting > 100) comp_error(c, line, 0, "too many nested scopes");
    /* prologue: cells for parameters are made from the argument (MAKE_CELL) */
    for (int i = 0; i < u->ncellvars; i++) {
        int arg = idx_of(u->varnames, u->nvarnames, u->cellvars[i]);
        emit(c, OP_MAKE_CELL, (u->nvarnames + i) | ((arg + 1) << 16));
    }
    if (u->nfreevars) emit(c, OP_COPY_FREE_VARS, u->nfreevars);
    u->line_pending = true;
}

static int stack_effect(const Instr *in, bool jump) {
    int a = in->arg;
    switch ((Opcode)in->op) {
    case OP_NOP:
    case OP_SWAP:
    case OP_JUMP:
    case OP_UNARY_NEGATIVE:
    case OP_UNARY_POSITIVE:
    case OP_UNARY_INVERT:
    case OP_UNARY_NOT:
    case OP_GET_ITER:
    case OP_LOAD_ATTR:
    case OP_LIST_TO_TUPLE:
    case OP_MAKE_CELL:
    case OP_COPY_FREE_VARS:
    case OP_KW_NAMES:
    case OP_POP_BLOCK:
    case OP_SETUP_ANNOTATIONS:
        return 0;
    case OP_FORMAT_VALUE:
        return (a & 4) ? -1 : 0;
    case OP_POP_TOP:
    case OP_STORE_FAST:
    case OP_STORE_NAME:
    case OP_STORE_GLOBAL:
    case OP_STORE_DEREF:
    case OP_BINARY_SUBSCR:
    case OP_BINARY_OP:
    case OP_COMPARE_OP:
    case OP_IS_OP:
    case OP_CONTAINS_OP:
    case OP_LIST_APPEND:
    case OP_SET_ADD:
    case OP_LIST_EXTEND:
    case OP_SET_UPDATE:
    case OP_DICT_UPDATE:
    case OP_DICT_MERGE:
    case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE:
    case OP_POP_JUMP_IF_NONE:
    case OP_POP_JUMP_IF_NOT_NONE:
    case OP_RETURN_VALUE:
    case OP_DELETE_ATTR:
    case OP_IMPORT_NAME:
    case OP_PRINT_EXPR:
    case OP_POP_EXCEPT:
    case OP_RERAISE:
    case OP_IMPORT_STAR:
        return -1;
    case OP_PUSH_NULL:
    case OP_COPY:
    case OP_LOAD_CONST:
    case OP_LOAD_FAST:
    case OP_LOAD_NAME:
    case OP_LOAD_GLOBAL:
    case OP_LOAD_DEREF:
    case OP_LOAD_CLOSURE:
    case OP_LOAD_CLASSDEREF:
    case OP_LOAD_BUILD_CLASS:
    case OP_LOAD_ASSERTION_ERROR:
    case OP_IMPORT_FROM:
    case OP_PUSH_EXC_INFO:
    case OP_LOAD_METHOD:
        return 1;
    case OP_DELETE_FAST:
    case OP_DELETE_NAME:
    case OP_DELETE_GLOBAL:
    case OP_DELETE_DEREF:
    case OP_YIELD_VALUE:
    case OP_RETURN_GENERATOR:
    case OP_END_FOR:
    case OP_CHECK_EXC_MATCH:
        return 0;
    case OP_STORE_ATTR:
        return -2;
    case OP_STORE_SUBSCR:
        return -3;
    case OP_DELETE_SUBSCR:
        return -2;
    case OP_BUILD_SLICE:
        return 1 - a;
    case OP_BUILD_TUPLE:
    case OP_BUILD_LIST:
    case OP_BUILD_SET:
    case OP_BUILD_STRING:
        return 1 - a;
    case OP_BUILD_MAP:
        return 1 - 2 * a;
    case OP_BUILD_CONST_KEY_MAP:
        return -a;
    case OP_MAP_ADD:
        return -2;
    case OP_UNPACK_SEQUENCE:
        return a - 1;
    case OP_UNPACK_EX:
        return (a & 0xff) + (a >> 8);
    case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP:
        return jump ? 0 : -1;
    case OP_FOR_ITER:
        return jump ? -1 : 1;
    case OP_CALL:
        return -a - 1;
    case OP_CALL_FUNCTION_EX:
        return -2 - (a & 1);
    case OP_MAKE_FUNCTION:
        return -((a & MF_DEFAULTS) != 0) - ((a & MF_KWDEFAULTS) != 0) - ((a & MF_CLOSURE) != 0);
    case OP_SETUP_FINALLY:
        return jump ? 1 + in->aux : 0;
    case OP_RAISE_VARARGS:
        return -a;
    case OP_BEFORE_WITH:
        return 1;
    case OP_WITH_EXCEPT_START:
        return 1;
    case OP__COUNT:
        return 0;
    }
    return 0;
}

static int compute_stackdepth(Compiler *c, Unit *u) {
    int n = u->n;
    int *depth = malloc(sizeof(int) * (size_t)(n + 1));
    int *work = malloc(sizeof(int) * (size_t)(n + 1) * 2);
    for (int i = 0; i <= n; i++)
        depth[i] = -1;
    int nw = 0, maxd = 0;
    depth[0] = 0;
    work[nw++] = 0;
    while (nw > 0) {
        int i = work[--nw];
        int d = depth[i];
        for (; i < n; i++) {
            if (depth[i] >= 0 && depth[i] != d && i != work[nw]) {
                if (depth[i] >= d) break;
            }
            depth[i] = d;
            Instr *in = &u->code[i];
            if (is_jump(in->op)) {
                int t = in->arg;
                int td = d + stack_effect(in, true);
                if (td > maxd) maxd = td;
                if (depth[t] < td) {
                    depth[t] = td;
                    work[nw++] = t;
                }
            }
            d += stack_effect(in, false);
            if (d > maxd) maxd = d;
            if (d < 0) d = 0;
            int op = in->op;
            if (op == OP_JUMP || op == OP_RETURN_VALUE || op == OP_RERAISE ||
                op == OP_RAISE_VARARGS)
                break;
            if (i + 1 < n && depth[i + 1] >= d) break;
        }
    }
    free(depth);
    free(work);
    (void)c;
    return maxd + 2;
}

static Code *compile_unit_end(Compiler *c) {
    Unit *u = c->u;
    Vm *vm = c->vm;
    /* resolve labels */
    for (int i = 0; i < u->n; i++)
        if (is_jump(u->code[i].op)) u->code[i].arg = u->labels[u->code[i].arg];
    Code *co = (Code *)obj_alloc(vm, &CodeType, sizeof(Code), 176 + 2 * (size_t)u->n);
    if (!co) abort();
    memset((char *)co + sizeof(Obj), 0, sizeof(Code) - sizeof(Obj));
    co->code = u->code;
    co->lines = u->lines;
    co->ncode = u->n;
    co->consts = tuple_new(vm, u->nconsts);
    for (int i = 0; i < u->nconsts; i++)
        TUPLE_ITEM(co->consts, i) = u->consts[i];
    co->names = tuple_new(vm, u->nnames);
    for (int i = 0; i < u->nnames; i++)
        TUPLE_ITEM(co->names, i) = u->names[i];
    int nlp = u->nvarnames + u->ncellvars + u->nfreevars;
    co->localsplusnames = tuple_new(vm, nlp);
    co->localspluskinds = calloc((size_t)nlp + 1, 1);
    int k = 0;
    for (int i = 0; i < u->nvarnames; i++, k++) {
        TUPLE_ITEM(co->localsplusnames, k) = str_intern_cstr(vm, u->varnames[i]);
        co->localspluskinds[k] = CO_FAST_LOCAL;
    }
    for (int i = 0; i < u->ncellvars; i++, k++) {
        TUPLE_ITEM(co->localsplusnames, k) = str_intern_cstr(vm, u->cellvars[i]);
        co->localspluskinds[k] = CO_FAST_CELL;
    }
    for (int i = 0; i < u->nfreevars; i++, k++) {
        TUPLE_ITEM(co->localsplusnames, k) = str_intern_cstr(vm, u->freevars[i]);
        co->localspluskinds[k] = CO_FAST_FREE;
    }
    co->nlocalsplus = nlp;
    co->nlocals = u->nvarnames;
    co->ncellvars = u->ncellvars;
    co->nfreevars = u->nfreevars;
    co->argcount = u->argcount;
    co->posonlyargcount = u->posonly;
    co->kwonlyargcount = u->kwonly;
    co->flags = u->flags | (u->nfreevars ? CO_NESTED : 0);
    co->stacksize = compute_stackdepth(c, u);
    const char *nm = u->scope->kind == SK_MODULE ? "<module>" : u->scope->name;
    co->name = str_intern_cstr(vm, nm);
    co->qualname = u->qualname ? obj_newref(u->qualname) : obj_newref(co->name);
    co->filename = obj_newref(c->filename_obj);
    co->firstlineno = u->firstlineno;
    /* the untracked-until-collected constant tuples: code objects are not GC in our model */
    free(u->consts);
    free(u->names);
    free(u->labels);
    free(u->varnames);
    free(u->cellvars);
    free(u->freevars);
    XDECREF(vm, u->qualname);
    c->u = u->parent;
    free(u);
    c->nesting--;
    return co;
}

static void unit_discard(Compiler *c) {
    while (c->u) {
        Unit *u = c->u;
        for (int i = 0; i < u->nconsts; i++)
            DECREF(c->vm, u->consts[i]);
        for (int i = 0; i < u->nnames; i++)
            DECREF(c->vm, u->names[i]);
        free(u->consts);
        free(u->names);
        free(u->labels);
        free(u->varnames);
        free(u->cellvars);
        free(u->freevars);
        free(u->code);
        free(u->lines);
        XDECREF(c->vm, u->qualname);
        c->u = u->parent;
        free(u);
    }
}

Code *comp_module(Vm *vm, Ast *ast, const char *filename, bool main, SyntaxErr *err) {
    Compiler *c = calloc(1, sizeof(Compiler));
    if (!c) abort();
    c->vm = vm;
    c->err = err;
    c->filename = filename;
    c->main = main;
    c->filename_obj = str_from_cstr(vm, filename);
    c->cache_str = dict_new(vm);
    c->cache_int = dict_new(vm);
    c->cache_float = dict_new(vm);
    c->cache_other = dict_new(vm);
    Code *co = NULL;
    if (setjmp(c->jb) == 0) {
        c->top = scope_new(NULL, SK_MODULE, "<module>", ast, 1);
        c->cur = c->top;
        st_stmts(c, ast->body, ast->nbody);
        NameSet empty = {NULL, 0};
        st_analyze(c, c->top, &empty);
        unit_begin(c, c->top, NULL, 1);
        c->u->line = ast->nbody ? ast->body[0]->line : 1;
        compile_stmts(c, ast->body, ast->nbody);
        set_line(c, c->u->line);
        load_const(c, obj_newref(vm->none));
        c->u->line_pending = false;
        emit(c, OP_RETURN_VALUE, 0);
        co = compile_unit_end(c);
    } else {
        unit_discard(c);
    }
    if (c->top) scope_free(c->top);
    DECREF(vm, c->filename_obj);
    DECREF(vm, c->cache_str);
    DECREF(vm, c->cache_int);
    DECREF(vm, c->cache_float);
    DECREF(vm, c->cache_other);
    free(c);
    return co;
}
