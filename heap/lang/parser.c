/*
 * parser.c - recursive-descent parser for lecture Python, producing ast.h nodes: the grammar of
 * CPython 3.11's Grammar/python.gram without type comments. `yield`, `await`, `async` and
 * `match` are parsed (so the errors around them are CPython's) but reported as unsupported
 * once the parse has succeeded, since ast.h has no nodes for them.
 *
 * The whole token array comes from lex_tokenize first, so the parser can look ahead and back
 * freely; nodes, arrays and strings are allocated from the Ast's arena. Lists are collected on
 * one scratch stack (Shared.items) and copied to the arena when complete, so nothing but the
 * arena outlives a parse. Errors unwind with longjmp to parse_module or to a try_ctx point;
 * every allocation is arena-owned or registered in Shared, so unwinding leaks nothing.
 *
 * Where CPython's PEG parser backtracks and the outcome matters, so does this one: an operand
 * after a binary operator, comparison, 'and'/'or', 'if'/'else', a call or subscript trailer, a
 * target in a for-loop or del statement that does not parse leaves the expression before it
 * (try_ctx), which is what makes `1 if x <= else 2` report the missing 'else'.
 *
 * Syntax errors imitate CPython's two-pass parser:
 *   - a generic failure ("invalid syntax") is reported at the furthest token the first pass
 *     looked at (Parser.maxpos), or as "unexpected indent" when that token is an INDENT;
 *   - CPython's second pass runs the invalid_* rules to find a better message; here those
 *     checks run inline where the rule would match (forgot a comma, missing ':', bad
 *     assignment targets, misplaced arguments, ...). Their lookahead (recovery mode) moves
 *     Parser.fillpos (CPython's p->fill) but not maxpos;
 *   - lexer errors are raised when the parser first looks at the error token; a "hard" lexer
 *     error anywhere later in the file, or a bracket left open on an earlier line than the
 *     furthest token looked at, replaces a parser error (_PyPegen_set_syntax_error).
 * Error columns are 1-based byte offsets, as CPython reports them for a file. The behaviour was
 * checked by differential fuzzing against python3 3.11.7 (mutated lecture programs, random
 * token soup) and the ASTs, positions included, against ast.parse on ~27,000 real files.
 *
 * f-strings follow 3.11's Parser/string_parser.c: the literal is split into text and
 * replacement fields by scanning the raw source; each field's expression is tokenized and
 * parsed by a sub-parser from "(" + text + ")", whose errors carry the "f-string: " prefix and
 * columns relative to that buffer, as CPython's do.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap/lang/ast.h"
#include "heap/lang/lexer.h"

#define MAX_DEPTH 600       /* nested expressions (C stack guard) */
#define MAX_FSTRING_NEST 8  /* f-strings inside f-string expressions */
#define MAX_INT_DIGITS 4300 /* sys.int_info.default_max_str_digits */

enum { JMP_GENERIC = 1, JMP_ERROR = 2 };

/* State shared by a parser and its f-string sub-parsers. */
typedef struct {
    void **items; /* scratch stack for lists under construction */
    int n, cap;
    TokenList *subs[MAX_FSTRING_NEST + 2]; /* sub-lexer outputs alive (freed on unwind) */
    int nsubs;
    /* The first construct CPython accepts but memviz cannot run (yield, async, await, match):
     * parsing goes on, so real syntax errors are still reported as CPython would, and this
     * error is returned only when the parse succeeds. */
    int has_unsupported;
    SyntaxErr unsupported;
} Shared;

typedef struct Parser {
    struct AstArena *arena;
    Shared *sh;
    const TokenList *tl;
    const Token *toks;
    int pos;
    int maxpos;  /* furthest token looked at by the "first pass": generic error location */
    int fillpos; /* furthest token looked at overall (CPython's p->fill - 1) */
    SyntaxErr *err;
    jmp_buf *jb;
    int depth;
    int spec;           /* > 0 inside a speculative parse */
    int recovering;     /* > 0: error recovery is looking ahead; maxpos stays put */
    int no_invalid;     /* > 0: the invalid_* checks are off (CPython's *_without_invalid) */
    int no_override;    /* the error must not be replaced by a later lexer error */
    int juxt_off_depth; /* expression depth at which the forgot-a-comma check is off */
    /* noinv[i]: an expression starting at token i was already parsed with the invalid_* checks
     * off. CPython memoizes `expression`, so its second pass then reuses that result and does
     * not run the checks there again. */
    unsigned char *noinv;
    /* f-string replacement-field sub-parser */
    int fstring;
    int fs_line, fs_colshift;
    int fs_nest;
} Parser;

/* ================================================================== errors */

/* Fills the caller's SyntaxErr; the caller then calls unwind(). */
static void set_error(Parser *p, const char *type, int line, int col, const char *fmt, va_list ap) {
    SyntaxErr *e = p->err;
    char msg[sizeof e->msg - 16];
    vsnprintf(msg, sizeof msg, fmt, ap);
    snprintf(e->type, sizeof e->type, "%s", type);
    if (p->fstring && strcmp(type, "MemoryError") != 0) {
        snprintf(e->msg, sizeof e->msg, "f-string: %s", msg);
    } else {
        snprintf(e->msg, sizeof e->msg, "%s", msg);
    }
    e->line = line;
    e->col = col;
    e->end_col = 0;
}

static _Noreturn void unwind(Parser *p) {
    longjmp(*p->jb, JMP_ERROR);
}

/* An error at an explicit place (col is CPython's 1-based offset). */
static _Noreturn void error_at(Parser *p, const char *type, int line, int col, const char *fmt,
                               ...) {
    va_list ap;
    va_start(ap, fmt);
    set_error(p, type, line, col, fmt, ap);
    va_end(ap);
    unwind(p);
}

/* The column CPython reports for a node starting at (line, col): nodes of a sub-parser carry
 * columns shifted into the file, CPython's messages use the buffer's. */
static int node_ecol(const Parser *p, int line, int col) {
    if (p->fstring && line == p->fs_line) {
        col -= p->fs_colshift;
    }
    return col + 1;
}

/* RAISE_SYNTAX_ERROR_KNOWN_LOCATION(node, ...) */
static _Noreturn void error_node(Parser *p, const Expr *e, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    set_error(p, "SyntaxError", e->line, node_ecol(p, e->line, e->col), fmt, ap);
    va_end(ap);
    unwind(p);
}

/* The column RAISE_SYNTAX_ERROR_KNOWN_LOCATION gives a token: INDENT, DEDENT and ENDMARKER
 * have no column in CPython (-1), which becomes 0. */
static int known_col(const Token *t) {
    if (t->kind == TOK_INDENT || t->kind == TOK_DEDENT || t->kind == TOK_ENDMARKER) {
        return 0;
    }
    return t->ecol;
}

/* RAISE_SYNTAX_ERROR_KNOWN_LOCATION(token, ...) */
static _Noreturn void error_tok(Parser *p, const Token *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    set_error(p, "SyntaxError", t->line, known_col(t), fmt, ap);
    va_end(ap);
    unwind(p);
}

/* RAISE_SYNTAX_ERROR(...): at the last token CPython fetched. */
static _Noreturn void error_last(Parser *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    const Token *t = &p->toks[p->fillpos];
    set_error(p, "SyntaxError", t->line, t->ecol, fmt, ap);
    va_end(ap);
    unwind(p);
}

/* RAISE_INDENTATION_ERROR(...): at the last token fetched. */
static _Noreturn void indent_error_last(Parser *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    const Token *t = &p->toks[p->fillpos];
    set_error(p, "IndentationError", t->line, t->ecol, fmt, ap);
    va_end(ap);
    unwind(p);
}

static _Noreturn void out_of_memory(Parser *p) {
    snprintf(p->err->type, sizeof p->err->type, "MemoryError");
    snprintf(p->err->msg, sizeof p->err->msg, "out of memory");
    p->err->line = p->err->col = p->err->end_col = 0;
    p->no_override = 1;
    longjmp(*p->jb, JMP_ERROR);
}

/* Records an unsupported construct starting at token t (reported if the parse succeeds). */
static void unsupported(Parser *p, const Token *t, const char *what) {
    Shared *sh = p->sh;
    if (sh->has_unsupported || p->recovering) {
        return;
    }
    sh->has_unsupported = 1;
    snprintf(sh->unsupported.type, sizeof sh->unsupported.type, "SyntaxError");
    snprintf(sh->unsupported.msg, sizeof sh->unsupported.msg, "'%s' is not supported by memviz",
             what);
    sh->unsupported.line = t->line;
    sh->unsupported.col = t->ecol;
    sh->unsupported.end_col = 0;
}

/* The first pass could not go on: "invalid syntax" at the furthest token it looked at. */
static _Noreturn void generic_error_at(Parser *p, int tokidx) {
    if (p->spec) {
        longjmp(*p->jb, JMP_GENERIC);
    }
    const Token *t = &p->toks[tokidx];
    if (t->kind == TOK_INDENT || t->kind == TOK_DEDENT) {
        p->no_override = 1;
        error_at(p, "IndentationError", t->line, t->ecol,
                 t->kind == TOK_INDENT ? "unexpected indent" : "unexpected unindent");
    }
    error_at(p, "SyntaxError", t->line, known_col(t), "invalid syntax");
}

static _Noreturn void generic_error(Parser *p) {
    generic_error_at(p, p->maxpos);
}

/* ================================================================== tokens */

static _Noreturn void raise_lexer_error(Parser *p) {
    *p->err = p->tl->err;
    p->no_override = 1;
    longjmp(*p->jb, JMP_ERROR);
}

static void touch(Parser *p, int idx) {
    if (idx > p->maxpos && !p->recovering) {
        p->maxpos = idx;
    }
    if (idx > p->fillpos) {
        p->fillpos = idx;
    }
    if (p->toks[idx].kind == TOK_ERRORTOKEN) {
        raise_lexer_error(p);
    }
}

static const Token *peek(Parser *p) {
    touch(p, p->pos);
    return &p->toks[p->pos];
}

static TokKind cur(Parser *p) {
    return peek(p)->kind;
}

/* The kind of the token after the current one (a second token of lookahead). */
static TokKind peek2(Parser *p) {
    const Token *t = peek(p);
    if (t->kind == TOK_ENDMARKER) {
        return TOK_ENDMARKER;
    }
    touch(p, p->pos + 1);
    return p->toks[p->pos + 1].kind;
}

static const Token *advance(Parser *p) {
    const Token *t = peek(p);
    if (t->kind != TOK_ENDMARKER) {
        p->pos++;
    }
    return t;
}

static int accept(Parser *p, TokKind k) {
    if (cur(p) == k) {
        p->pos++;
        return 1;
    }
    return 0;
}

static const Token *expect(Parser *p, TokKind k) {
    if (cur(p) != k) {
        generic_error(p);
    }
    return advance(p);
}

/* &&'x': the token is required, "expected 'x'" at the current token otherwise. */
static const Token *expect_forced(Parser *p, TokKind k, const char *text) {
    const Token *t = peek(p);
    if (t->kind != k) {
        error_tok(p, t, "expected '%s'", text);
    }
    return advance(p);
}

static const Token *prev_tok(Parser *p) {
    return &p->toks[p->pos > 0 ? p->pos - 1 : 0];
}

static int tok_is(const Token *t, const char *s) {
    size_t n = strlen(s);
    return (size_t)t->len == n && memcmp(t->start, s, n) == 0;
}

/* ================================================================== allocation */

static void *alloc(Parser *p, size_t size) {
    void *m = ast_arena_alloc(p->arena, size);
    if (!m) {
        out_of_memory(p);
    }
    return m;
}

static char *strdup_arena(Parser *p, const char *s, size_t n) {
    char *d = ast_arena_strdup(p->arena, s, n);
    if (!d) {
        out_of_memory(p);
    }
    return d;
}

static int sp_mark(Parser *p) {
    return p->sh->n;
}

static void sp_push(Parser *p, void *item) {
    Shared *sh = p->sh;
    if (sh->n == sh->cap) {
        int ncap = sh->cap ? sh->cap * 2 : 256;
        void **n = realloc(sh->items, (size_t)ncap * sizeof *n);
        if (!n) {
            out_of_memory(p);
        }
        sh->items = n;
        sh->cap = ncap;
    }
    sh->items[sh->n++] = item;
}

static Expr **sp_exprs(Parser *p, int mark, int *count) {
    int n = p->sh->n - mark;
    *count = n;
    Expr **a = NULL;
    if (n > 0) {
        a = alloc(p, (size_t)n * sizeof *a);
        for (int i = 0; i < n; i++) {
            a[i] = p->sh->items[mark + i];
        }
    }
    p->sh->n = mark;
    return a;
}

static Stmt **sp_stmts(Parser *p, int mark, int *count) {
    int n = p->sh->n - mark;
    *count = n;
    Stmt **a = NULL;
    if (n > 0) {
        a = alloc(p, (size_t)n * sizeof *a);
        for (int i = 0; i < n; i++) {
            a[i] = p->sh->items[mark + i];
        }
    }
    p->sh->n = mark;
    return a;
}

static const char **sp_names(Parser *p, int mark, int *count) {
    int n = p->sh->n - mark;
    *count = n;
    const char **a = NULL;
    if (n > 0) {
        a = alloc(p, (size_t)n * sizeof *a);
        for (int i = 0; i < n; i++) {
            a[i] = p->sh->items[mark + i];
        }
    }
    p->sh->n = mark;
    return a;
}

/* ================================================================== nodes */

static void tok_start_pos(const Parser *p, const Token *t, int *line, int *col) {
    *line = t->line;
    *col = t->col + (p->fstring && t->line == p->fs_line ? p->fs_colshift : 0);
}

static void tok_end_pos(const Parser *p, const Token *t, int *line, int *col) {
    *line = t->end_line;
    *col = t->end_col + (p->fstring && t->end_line == p->fs_line ? p->fs_colshift : 0);
}

static Expr *new_expr(Parser *p, ExprKind kind, const Token *t) {
    Expr *e = alloc(p, sizeof *e);
    e->kind = kind;
    tok_start_pos(p, t, &e->line, &e->col);
    tok_end_pos(p, t, &e->end_line, &e->end_col);
    return e;
}

/* The last token consumed that is part of a statement (not NEWLINE/INDENT/DEDENT). */
static const Token *last_real(Parser *p) {
    int i = p->pos - 1;
    while (i > 0 && (p->toks[i].kind == TOK_NEWLINE || p->toks[i].kind == TOK_INDENT ||
                     p->toks[i].kind == TOK_DEDENT)) {
        i--;
    }
    return &p->toks[i < 0 ? 0 : i];
}

static void end_expr(Parser *p, Expr *e) {
    tok_end_pos(p, prev_tok(p), &e->end_line, &e->end_col);
}

static Stmt *new_stmt(Parser *p, StmtKind kind, const Token *t) {
    Stmt *s = alloc(p, sizeof *s);
    s->kind = kind;
    tok_start_pos(p, t, &s->line, &s->col);
    tok_end_pos(p, t, &s->end_line, &s->end_col);
    return s;
}

static void end_stmt(Parser *p, Stmt *s) {
    tok_end_pos(p, last_real(p), &s->end_line, &s->end_col);
}

static Expr *new_const(Parser *p, ConstKind ck, const Token *t) {
    Expr *e = new_expr(p, EXPR_CONST, t);
    e->ckind = ck;
    return e;
}

static Expr *new_name(Parser *p, const Token *t) {
    Expr *e = new_expr(p, EXPR_NAME, t);
    e->str = strdup_arena(p, t->start, (size_t)t->len);
    e->len = (size_t)t->len;
    return e;
}

static void enter(Parser *p) {
    if (++p->depth > MAX_DEPTH) {
        const Token *t = peek(p);
        p->no_override = 1;
        error_at(p, "SyntaxError", t->line, t->ecol, "too many nested parentheses");
    }
}

static void leave(Parser *p) {
    p->depth--;
}

/* ================================================================== speculation */

typedef Expr *(*ExprFn)(Parser *);
typedef Expr *(*CtxFn)(Parser *, void *ctx);

typedef struct {
    ExprFn fn;
} PlainCtx;

static Expr *call_plain(Parser *p, void *ctx) {
    return ((PlainCtx *)ctx)->fn(p);
}

/* Runs fn(p, ctx) so that a generic failure returns NULL with the position restored instead
 * of failing the parse; a real error (lexer error, specific message) still propagates.
 * With `recovery`, the parse emulates CPython's second pass trying an invalid_* rule and the
 * first-pass furthest position (maxpos) is left as it was; without it, it is an ordinary PEG
 * backtrack and what it looked at counts. */
static Expr *try_ctx(Parser *p, CtxFn fn, void *ctx, int no_invalid, int recovery) {
    jmp_buf jb;
    jmp_buf *saved = p->jb;
    int pos = p->pos, maxpos = p->maxpos, depth = p->depth, sn = p->sh->n;
    int spec = p->spec, recovering = p->recovering, noinv = p->no_invalid;
    Expr *volatile r = NULL;
    p->jb = &jb;
    p->spec = spec + 1;
    p->recovering = recovering + (recovery ? 1 : 0);
    p->no_invalid = noinv + no_invalid;
    int code = setjmp(jb);
    if (code == 0) {
        r = fn(p, ctx);
    }
    p->jb = saved;
    p->spec = spec;
    p->recovering = recovering;
    p->no_invalid = noinv;
    if (recovery) {
        p->maxpos = maxpos;
    }
    if (code == JMP_ERROR) {
        longjmp(*saved, JMP_ERROR);
    }
    if (code == JMP_GENERIC) {
        p->pos = pos;
        p->depth = depth;
        p->sh->n = sn;
        return NULL;
    }
    return r;
}

/* try_ctx for a plain parse function, in recovery mode. */
static Expr *try_parse(Parser *p, ExprFn fn, int no_invalid) {
    PlainCtx c = {fn};
    return try_ctx(p, call_plain, &c, no_invalid, 1);
}

/* ================================================================== forward declarations */

static Expr *parse_expression(Parser *p);
static Expr *parse_named_expression(Parser *p);
static Expr *parse_star_expressions(Parser *p);
static Expr *parse_star_named_expression(Parser *p);
static Expr *parse_disjunction(Parser *p);
static Expr *parse_bitwise_or(Parser *p);
static Expr *parse_primary(Parser *p);
static Expr *parse_strings(Parser *p);
static Arguments *parse_params(Parser *p, int lambda);
static void parse_statement(Parser *p);
static void check_walrus_target(Parser *p, const Expr *e);
static void check_named_assign(Parser *p, const Expr *a, int start);
static void parse_call_args(Parser *p, Expr ***args_out, int *nargs, Keyword **kw_out, int *nkw);
static Expr *parse_slices(Parser *p);
static Expr *parse_star_targets(Parser *p);
static Expr *parse_rhs(Parser *p);

/* ================================================================== helpers on nodes */

/* _PyPegen_get_expr_name */
static const char *expr_name(const Expr *e) {
    switch (e->kind) {
    case EXPR_ATTR:
        return "attribute";
    case EXPR_SUBSCRIPT:
        return "subscript";
    case EXPR_STARRED:
        return "starred";
    case EXPR_NAME:
        return "name";
    case EXPR_LIST:
        return "list";
    case EXPR_TUPLE:
        return "tuple";
    case EXPR_LAMBDA:
        return "lambda";
    case EXPR_CALL:
        return "function call";
    case EXPR_BOOLOP:
    case EXPR_BINOP:
    case EXPR_UNARY:
        return "expression";
    case EXPR_GENEXP:
        return "generator expression";
    case EXPR_LISTCOMP:
        return "list comprehension";
    case EXPR_SETCOMP:
        return "set comprehension";
    case EXPR_DICTCOMP:
        return "dict comprehension";
    case EXPR_DICT:
        return "dict literal";
    case EXPR_SET:
        return "set display";
    case EXPR_FSTRING:
    case EXPR_FORMATTED:
        return "f-string expression";
    case EXPR_CONST:
        switch (e->ckind) {
        case CONST_NONE:
            return "None";
        case CONST_TRUE:
            return "True";
        case CONST_FALSE:
            return "False";
        case CONST_ELLIPSIS:
            return "ellipsis";
        default:
            return "literal";
        }
    case EXPR_COMPARE:
        return "comparison";
    case EXPR_IFEXP:
        return "conditional expression";
    case EXPR_WALRUS:
        return "named expression";
    case EXPR_SLICE:
        return "slice";
    }
    return "expression";
}

enum { TARGETS_STAR, TARGETS_DEL, TARGETS_FOR };

/* _PyPegen_get_invalid_target: the first sub-expression that cannot be assigned to. */
static const Expr *invalid_target(const Expr *e, int type) {
    if (!e) {
        return NULL;
    }
    switch (e->kind) {
    case EXPR_LIST:
    case EXPR_TUPLE:
        for (int i = 0; i < e->nvalues; i++) {
            const Expr *c = invalid_target(e->values[i], type);
            if (c) {
                return c;
            }
        }
        return NULL;
    case EXPR_STARRED:
        if (type == TARGETS_DEL) {
            return e;
        }
        return invalid_target(e->left, type);
    case EXPR_COMPARE:
        if (type == TARGETS_FOR) {
            if (e->cmpops[0] == CMP_IN) {
                return invalid_target(e->left, type);
            }
            return NULL;
        }
        return e;
    case EXPR_NAME:
    case EXPR_SUBSCRIPT:
    case EXPR_ATTR:
        return NULL;
    default:
        return e;
    }
}

/* A valid star_targets / del_targets tree. */
static int is_valid_target(const Expr *e, int type) {
    switch (e->kind) {
    case EXPR_NAME:
    case EXPR_ATTR:
    case EXPR_SUBSCRIPT:
        return 1;
    case EXPR_STARRED:
        return type != TARGETS_DEL && e->left->kind != EXPR_STARRED &&
               is_valid_target(e->left, type);
    case EXPR_LIST:
    case EXPR_TUPLE:
        for (int i = 0; i < e->nvalues; i++) {
            if (!is_valid_target(e->values[i], type)) {
                return 0;
            }
        }
        return 1;
    default:
        return 0;
    }
}

static int is_legacy_name(const Expr *e) {
    return e->kind == EXPR_NAME && (strcmp(e->str, "print") == 0 || strcmp(e->str, "exec") == 0);
}

static int starts_expression(TokKind k) {
    switch (k) {
    case TOK_NAME:
    case TOK_NUMBER:
    case TOK_STRING:
    case TOK_LPAR:
    case TOK_LSQB:
    case TOK_LBRACE:
    case TOK_MINUS:
    case TOK_PLUS:
    case TOK_TILDE:
    case TOK_NOT:
    case TOK_LAMBDA:
    case TOK_NONE:
    case TOK_TRUE:
    case TOK_FALSE:
    case TOK_ELLIPSIS:
    case TOK_AWAIT:
        return 1;
    default:
        return 0;
    }
}

/* ================================================================== numbers */

/* Converts digits of a power-of-two base to decimal (arbitrary length). */
static char *radix_to_decimal(Parser *p, const char *digits, size_t n, int bits, size_t *outlen) {
    /* base 10^9 limbs, least significant first */
    size_t cap = n * (size_t)bits / 29 + 2;
    uint32_t *limbs = alloc(p, cap * sizeof *limbs);
    size_t nl = 0;
    int per_chunk = 28 / bits;
    size_t i = 0;
    while (i < n) {
        uint64_t mul = 1, add = 0;
        for (int k = 0; k < per_chunk && i < n; k++, i++) {
            char c = digits[i];
            unsigned v = c <= '9' ? (unsigned)(c - '0') : (unsigned)((c | 0x20) - 'a' + 10);
            mul <<= bits;
            add = (add << bits) | v;
        }
        uint64_t carry = add;
        for (size_t j = 0; j < nl; j++) {
            uint64_t x = (uint64_t)limbs[j] * mul + carry;
            limbs[j] = (uint32_t)(x % 1000000000u);
            carry = x / 1000000000u;
        }
        while (carry) {
            limbs[nl++] = (uint32_t)(carry % 1000000000u);
            carry /= 1000000000u;
        }
    }
    if (nl == 0) {
        *outlen = 1;
        return strdup_arena(p, "0", 1);
    }
    char *out = alloc(p, nl * 9 + 1);
    int len = snprintf(out, 10, "%u", limbs[nl - 1]);
    for (size_t j = nl - 1; j-- > 0;) {
        snprintf(out + len, 10, "%09u", limbs[j]);
        len += 9;
    }
    *outlen = (size_t)len;
    return out;
}

static Expr *parse_number(Parser *p) {
    const Token *t = advance(p);
    char *clean = alloc(p, (size_t)t->len + 1);
    size_t n = 0;
    for (int i = 0; i < t->len; i++) {
        if (t->start[i] != '_') {
            clean[n++] = t->start[i];
        }
    }
    clean[n] = '\0';
    if (n > 0 && (clean[n - 1] == 'j' || clean[n - 1] == 'J')) {
        Expr *e = new_const(p, CONST_IMAG, t);
        clean[n - 1] = '\0';
        e->fval = strtod(clean, NULL);
        return e;
    }
    if (n > 1 && clean[0] == '0' && strchr("xXoObB", clean[1])) {
        int bits = (clean[1] == 'x' || clean[1] == 'X')   ? 4
                   : (clean[1] == 'o' || clean[1] == 'O') ? 3
                                                          : 1;
        Expr *e = new_const(p, CONST_INT, t);
        e->str = radix_to_decimal(p, clean + 2, n - 2, bits, &e->len);
        return e;
    }
    if (strpbrk(clean, ".eE")) {
        Expr *e = new_const(p, CONST_FLOAT, t);
        e->fval = strtod(clean, NULL);
        return e;
    }
    size_t z = 0;
    while (z + 1 < n && clean[z] == '0') {
        z++;
    }
    if (n - z > MAX_INT_DIGITS) {
        error_at(p, "SyntaxError", t->line, 0, /* CPython gives no column */
                 "Exceeds the limit (%d digits) for integer string conversion: value has %zu "
                 "digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
                 "hexadecimal for huge integer literals to avoid decimal conversion limits.",
                 MAX_INT_DIGITS, n - z);
    }
    Expr *e = new_const(p, CONST_INT, t);
    e->str = strdup_arena(p, clean + z, n - z);
    e->len = n - z;
    return e;
}

/* ================================================================== string literals */

/* A byte buffer that grows inside the arena. */
typedef struct {
    char *data;
    size_t len, cap;
} StrBuf;

static void sb_reserve(Parser *p, StrBuf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) {
        return;
    }
    size_t ncap = b->cap ? b->cap * 2 : 64;
    while (ncap < b->len + extra + 1) {
        ncap *= 2;
    }
    char *d = alloc(p, ncap);
    if (b->len) {
        memcpy(d, b->data, b->len);
    }
    b->data = d;
    b->cap = ncap;
}

static void sb_add(Parser *p, StrBuf *b, const char *s, size_t n) {
    sb_reserve(p, b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void sb_addc(Parser *p, StrBuf *b, char c) {
    sb_add(p, b, &c, 1);
}

static void sb_add_cp(Parser *p, StrBuf *b, unsigned cp) {
    char u[4] = {0};
    sb_add(p, b, u, (size_t)lex_utf8_encode(cp, u));
}

/* A few common \N{...} names; any other name is reported as unknown. */
static int lookup_unicode_name(const char *name, size_t n, unsigned *cp) {
    static const struct {
        const char *name;
        unsigned cp;
    } names[] = {
        {"BULLET", 0x2022},
        {"COPYRIGHT SIGN", 0xA9},
        {"DEGREE SIGN", 0xB0},
        {"EM DASH", 0x2014},
        {"EN DASH", 0x2013},
        {"EURO SIGN", 0x20AC},
        {"GREEK CAPITAL LETTER DELTA", 0x394},
        {"GREEK CAPITAL LETTER OMEGA", 0x3A9},
        {"GREEK CAPITAL LETTER SIGMA", 0x3A3},
        {"GREEK SMALL LETTER ALPHA", 0x3B1},
        {"GREEK SMALL LETTER BETA", 0x3B2},
        {"GREEK SMALL LETTER GAMMA", 0x3B3},
        {"GREEK SMALL LETTER DELTA", 0x3B4},
        {"GREEK SMALL LETTER LAMDA", 0x3BB},
        {"GREEK SMALL LETTER MU", 0x3BC},
        {"GREEK SMALL LETTER PI", 0x3C0},
        {"GREEK SMALL LETTER SIGMA", 0x3C3},
        {"HORIZONTAL ELLIPSIS", 0x2026},
        {"INFINITY", 0x221E},
        {"LATIN SMALL LETTER E WITH ACUTE", 0xE9},
        {"LEFT DOUBLE QUOTATION MARK", 0x201C},
        {"LEFTWARDS ARROW", 0x2190},
        {"MICRO SIGN", 0xB5},
        {"MULTIPLICATION SIGN", 0xD7},
        {"NO-BREAK SPACE", 0xA0},
        {"PILCROW SIGN", 0xB6},
        {"PLUS-MINUS SIGN", 0xB1},
        {"POUND SIGN", 0xA3},
        {"REGISTERED SIGN", 0xAE},
        {"RIGHT DOUBLE QUOTATION MARK", 0x201D},
        {"RIGHTWARDS ARROW", 0x2192},
        {"SECTION SIGN", 0xA7},
        {"SNOWMAN", 0x2603},
        {"SPACE", 0x20},
        {"TRADE MARK SIGN", 0x2122},
        {"YEN SIGN", 0xA5},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strlen(names[i].name) == n && strncasecmp(names[i].name, name, n) == 0) {
            *cp = names[i].cp;
            return 1;
        }
    }
    return 0;
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* The 'unicodeescape' codec's error, with positions in the buffer CPython decodes (where each
 * non-ASCII character was rewritten as a 10-byte \UXXXXXXXX escape). */
static _Noreturn void unicode_escape_error(Parser *p, long start, long end, const char *reason) {
    if (end - start <= 1) {
        error_last(
            p, "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position %ld: %s",
            start, reason);
    }
    error_last(p,
               "(unicode error) 'unicodeescape' codec can't decode bytes in position %ld-%ld: %s",
               start, end - 1, reason);
}

/* decode_unicode_with_escapes(): appends the decoded text of s[0..n) to out. */
static void decode_str_escapes(Parser *p, const char *s, size_t n, StrBuf *out) {
    const char *end = s + n;
    long vpos = 0; /* position in CPython's rewritten buffer */
    sb_reserve(p, out, n);
    while (s < end) {
        unsigned char c = (unsigned char)*s;
        if (c != '\\') {
            if (c >= 0x80) {
                unsigned cp;
                int k = lex_utf8_decode((const unsigned char *)s, (size_t)(end - s), &cp);
                if (k == 0) {
                    k = 1;
                }
                sb_add(p, out, s, (size_t)k);
                s += k;
                vpos += 10;
            } else {
                sb_addc(p, out, (char)c);
                s++;
                vpos++;
            }
            continue;
        }
        long start = vpos;
        s++;
        if (s >= end) {
            sb_addc(p, out, '\\');
            break;
        }
        c = (unsigned char)*s;
        if (c >= 0x80) {
            sb_addc(p, out, '\\'); /* "\é" keeps its backslash (invalid escape) */
            vpos += 6;
            continue;
        }
        s++;
        vpos += 2;
        switch (c) {
        case '\n':
            break;
        case '\\':
            sb_addc(p, out, '\\');
            break;
        case '\'':
            sb_addc(p, out, '\'');
            break;
        case '"':
            sb_addc(p, out, '"');
            break;
        case 'b':
            sb_addc(p, out, '\b');
            break;
        case 'f':
            sb_addc(p, out, '\f');
            break;
        case 't':
            sb_addc(p, out, '\t');
            break;
        case 'n':
            sb_addc(p, out, '\n');
            break;
        case 'r':
            sb_addc(p, out, '\r');
            break;
        case 'v':
            sb_addc(p, out, '\v');
            break;
        case 'a':
            sb_addc(p, out, '\a');
            break;
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7': {
            unsigned v = c - '0';
            if (s < end && *s >= '0' && *s <= '7') {
                v = v * 8 + (unsigned)(*s++ - '0');
                vpos++;
                if (s < end && *s >= '0' && *s <= '7') {
                    v = v * 8 + (unsigned)(*s++ - '0');
                    vpos++;
                }
            }
            sb_add_cp(p, out, v);
            break;
        }
        case 'x':
        case 'u':
        case 'U': {
            int count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            const char *msg = c == 'x'   ? "truncated \\xXX escape"
                              : c == 'u' ? "truncated \\uXXXX escape"
                                         : "truncated \\UXXXXXXXX escape";
            unsigned v = 0;
            for (int i = 0; i < count; i++) {
                int h = s < end ? hexval((unsigned char)*s) : -1;
                if (h < 0) {
                    unicode_escape_error(p, start, vpos, msg);
                }
                v = v * 16 + (unsigned)h;
                s++;
                vpos++;
            }
            if (v > 0x10FFFF) {
                unicode_escape_error(p, start, vpos, "illegal Unicode character");
            }
            sb_add_cp(p, out, v);
            break;
        }
        case 'N': {
            const char *msg = "malformed \\N character escape";
            if (s < end && *s == '{') {
                const char *name = ++s;
                vpos++;
                while (s < end && *s != '}') {
                    s++;
                    vpos++;
                }
                if (s < end && s > name) {
                    size_t nlen = (size_t)(s - name);
                    s++;
                    vpos++;
                    unsigned cp;
                    if (lookup_unicode_name(name, nlen, &cp)) {
                        sb_add_cp(p, out, cp);
                        break;
                    }
                    msg = "unknown Unicode character name";
                } else if (s < end) {
                    /* "\N{}": the codec stops at the '}' */
                }
            }
            unicode_escape_error(p, start, vpos, msg);
        }
        default:
            sb_addc(p, out, '\\');
            sb_addc(p, out, (char)c);
            break;
        }
    }
}

/* _PyBytes_DecodeEscape(): appends the decoded bytes of s[0..n) to out. */
static void decode_bytes_escapes(Parser *p, const char *s, size_t n, StrBuf *out) {
    const char *begin = s, *end = s + n;
    sb_reserve(p, out, n);
    while (s < end) {
        if (*s != '\\') {
            sb_addc(p, out, *s++);
            continue;
        }
        s++;
        if (s >= end) {
            error_last(p, "(value error) Trailing \\ in string");
        }
        char c = *s++;
        switch (c) {
        case '\n':
            break;
        case '\\':
            sb_addc(p, out, '\\');
            break;
        case '\'':
            sb_addc(p, out, '\'');
            break;
        case '"':
            sb_addc(p, out, '"');
            break;
        case 'b':
            sb_addc(p, out, '\b');
            break;
        case 'f':
            sb_addc(p, out, '\f');
            break;
        case 't':
            sb_addc(p, out, '\t');
            break;
        case 'n':
            sb_addc(p, out, '\n');
            break;
        case 'r':
            sb_addc(p, out, '\r');
            break;
        case 'v':
            sb_addc(p, out, '\v');
            break;
        case 'a':
            sb_addc(p, out, '\a');
            break;
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7': {
            unsigned v = (unsigned)(c - '0');
            if (s < end && *s >= '0' && *s <= '7') {
                v = v * 8 + (unsigned)(*s++ - '0');
                if (s < end && *s >= '0' && *s <= '7') {
                    v = v * 8 + (unsigned)(*s++ - '0');
                }
            }
            sb_addc(p, out, (char)(v & 0xFF));
            break;
        }
        case 'x': {
            int h1 = s < end ? hexval((unsigned char)s[0]) : -1;
            int h2 = s + 1 < end ? hexval((unsigned char)s[1]) : -1;
            if (h1 < 0 || h2 < 0) {
                error_last(p, "(value error) invalid \\x escape at position %ld",
                           (long)(s - 2 - begin));
            }
            sb_addc(p, out, (char)(h1 * 16 + h2));
            s += 2;
            break;
        }
        default:
            sb_addc(p, out, '\\');
            sb_addc(p, out, c);
            break;
        }
    }
}

/* The parts of a string token. */
typedef struct {
    int bytes, raw, fmode;
    const char *body; /* between the quotes */
    size_t len;
} StrTok;

static StrTok split_string_token(const Token *t) {
    StrTok st = {0, 0, 0, NULL, 0};
    const char *s = t->start;
    const char *end = t->start + t->len;
    while (s < end && *s != '\'' && *s != '"') {
        char c = (char)(*s | 0x20);
        if (c == 'b') {
            st.bytes = 1;
        } else if (c == 'r') {
            st.raw = 1;
        } else if (c == 'f') {
            st.fmode = 1;
        }
        s++;
    }
    size_t rest = (size_t)(end - s);
    size_t q = (rest >= 6 && s[1] == s[0] && s[2] == s[0]) ? 3 : 1;
    st.body = s + q;
    st.len = rest >= 2 * q ? rest - 2 * q : 0;
    return st;
}

/* ------------------------------------------------------------------ f-strings */

/* FstringParser: the parts of the string being built. Parts live on the scratch stack from
 * `mark`; `last` holds the text not yet turned into a constant. */
typedef struct {
    int fmode;
    int mark;
    StrBuf last;
    const Token *first, *lastt; /* the span of the parts (CPython's first_token, last_token) */
} FBuilder;

/* Turns the pending text into a constant part spanning tokens first..last. */
static void fb_flush(Parser *p, FBuilder *b, const Token *first, const Token *last) {
    if (b->last.len > 0) {
        Expr *e = new_expr(p, EXPR_CONST, first);
        tok_end_pos(p, last, &e->end_line, &e->end_col);
        e->ckind = CONST_STR;
        e->str = strdup_arena(p, b->last.data, b->last.len);
        e->len = b->last.len;
        sp_push(p, e);
        b->last.len = 0;
        b->last.data[0] = '\0';
    }
}

static void fstring_concat(Parser *p, FBuilder *b, const char **str, const char *end, int raw,
                           int recurse_lvl, const Token *t);

/* fstring_compile_expr(): parses one replacement field's expression with a sub-parser. */
static Expr *fstring_compile_expr(Parser *p, const char *expr_start, const char *expr_end,
                                  const Token *t) {
    const char *s = expr_start;
    while (s < expr_end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f')) {
        s++;
    }
    if (s == expr_end) {
        if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=') {
            error_last(p, "f-string: expression required before '%c'", *expr_end);
        }
        error_last(p, "f-string: empty expression not allowed");
    }
    if (p->fs_nest >= MAX_FSTRING_NEST) {
        error_last(p, "f-string: expressions nested too deeply");
    }
    size_t len = (size_t)(expr_end - expr_start);
    char *buf = alloc(p, len + 3);
    buf[0] = '(';
    memcpy(buf + 1, expr_start, len);
    buf[len + 1] = ')';
    /* fstring_find_expr_location() */
    int lines = 0, cols = 0;
    const char *brace = expr_start - 1;
    int newline_after_brace = 1;
    for (const char *q = expr_start; q < expr_end && *q != '}' && *q != '\n'; q++) {
        if (*q != ' ' && *q != '\t' && *q != '\f') {
            newline_after_brace = 0;
            break;
        }
    }
    if (!newline_after_brace) {
        const char *q = brace;
        while (q > t->start && *q != '\n') {
            q--;
        }
        cols = (int)(brace - q);
        if (*q == '\n') {
            cols--;
        }
    }
    for (const char *q = t->start; q < brace; q++) {
        if (*q == '\n') {
            lines++;
        }
    }
    Shared *sh = p->sh;
    TokenList *tl = calloc(1, sizeof *tl);
    if (!tl) {
        out_of_memory(p);
    }
    if (lex_tokenize(buf, len + 2, t->line + lines, tl) != 0) {
        free(tl);
        out_of_memory(p);
    }
    sh->subs[sh->nsubs++] = tl;

    Parser q = *p;
    jmp_buf jb;
    q.tl = tl;
    q.toks = tl->toks;
    q.pos = q.maxpos = q.fillpos = 0;
    q.jb = &jb;
    q.spec = 0;
    q.no_invalid = 0;
    q.no_override = 0;
    q.fstring = 1;
    q.fs_line = t->line + lines;
    int tline, tcol; /* the string token's column in the file (shifted when nested) */
    tok_start_pos(p, t, &tline, &tcol);
    q.fs_colshift = lines != 0 ? cols : tcol + cols;
    q.fs_nest = p->fs_nest + 1;
    q.juxt_off_depth = 0;
    q.noinv = alloc(p, (size_t)tl->ntoks + 1);
    Expr *volatile e = NULL;
    if (setjmp(jb) == 0) {
        e = parse_star_expressions(&q);
    } else {
        /* The sub-parse failed: CPython's _PyPegen_set_syntax_error for the sub-parser, then
         * the error travels to the outer parser as an already-raised SyntaxError. */
        if (!q.no_override && strcmp(p->err->type, "MemoryError") != 0) {
            if (tl->err_hard) {
                *p->err = tl->err;
            } else if (tl->open_level > 0 && tl->toks[q.fillpos].line > tl->open_line) {
                snprintf(p->err->type, sizeof p->err->type, "SyntaxError");
                snprintf(p->err->msg, sizeof p->err->msg, "f-string: '%c' was never closed",
                         tl->open_char);
                p->err->line = tl->open_line;
                p->err->col = tl->open_col + 1;
            }
        }
        longjmp(*p->jb, JMP_ERROR);
    }
    sh->nsubs--;
    lex_free(tl);
    free(tl);
    return e;
}

/* fstring_find_expr(): one replacement field starting at the '{' at *str. */
static void fstring_find_expr(Parser *p, FBuilder *b, const char **str, const char *end, int raw,
                              int recurse_lvl, const Token *t) {
    char parenstack[LEX_MAX_LEVEL];
    int depth = 0;
    char quote_char = 0;
    int string_type = 0;
    if (recurse_lvl >= 2) {
        error_last(p, "f-string: expressions nested too deeply");
    }
    *str += 1;
    const char *expr_start = *str;
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\') {
            error_last(p, "f-string expression part cannot include a backslash");
        }
        if (quote_char) {
            if (ch == quote_char) {
                if (string_type == 3) {
                    if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                        *str += 2;
                        string_type = 0;
                        quote_char = 0;
                    }
                } else {
                    string_type = 0;
                    quote_char = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                string_type = 3;
                *str += 2;
            } else {
                string_type = 1;
            }
            quote_char = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= LEX_MAX_LEVEL) {
                error_last(p, "f-string: too many nested parenthesis");
            }
            parenstack[depth++] = ch;
        } else if (ch == '#') {
            error_last(p, "f-string expression part cannot include '#'");
        } else if (depth == 0 &&
                   (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (*str + 1 < end) {
                char next = (*str)[1];
                if ((ch == '!' && next == '=') || (ch == '=' && next == '=') ||
                    (ch == '<' && next == '=') || (ch == '>' && next == '=')) {
                    *str += 1;
                    continue;
                }
            }
            if (ch == '>' || ch == '<') {
                continue;
            }
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth) {
                error_last(p, "f-string: unmatched '%c'", ch);
            }
            char opening = parenstack[--depth];
            if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
                  (opening == '{' && ch == '}'))) {
                error_last(p,
                           "f-string: closing parenthesis '%c' does not match opening "
                           "parenthesis '%c'",
                           ch, opening);
            }
        }
    }
    const char *expr_end = *str;
    if (quote_char) {
        error_last(p, "f-string: unterminated string");
    }
    if (depth) {
        error_last(p, "f-string: unmatched '%c'", parenstack[depth - 1]);
    }
    if (*str >= end) {
        error_last(p, "f-string: expecting '}'");
    }
    Expr *value = fstring_compile_expr(p, expr_start, expr_end, t);
    int has_text = 0;
    if (**str == '=') {
        *str += 1;
        while (*str < end && (**str == ' ' || **str == '\t' || **str == '\n' || **str == '\r' ||
                              **str == '\f' || **str == '\v')) {
            *str += 1;
        }
        if (*str >= end) {
            error_last(p, "f-string: expecting '}'");
        }
        sb_add(p, &b->last, expr_start, (size_t)(*str - expr_start));
        has_text = 1;
    }
    int conversion = -1;
    if (**str == '!') {
        *str += 1;
        if (*str >= end) {
            error_last(p, "f-string: expecting '}'");
        }
        conversion = (unsigned char)**str;
        *str += 1;
        if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
            error_last(p, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
    }
    Expr *spec = NULL;
    if (*str < end && **str == ':') {
        *str += 1;
        if (*str >= end) {
            error_last(p, "f-string: expecting '}'");
        }
        FBuilder sb = {0, sp_mark(p), {NULL, 0, 0}, b->first, b->lastt};
        fstring_concat(p, &sb, str, end, raw, recurse_lvl + 1, t);
        fb_flush(p, &sb, t, t);
        spec = new_expr(p, EXPR_FSTRING, t);
        spec->values = sp_exprs(p, sb.mark, &spec->nvalues);
    }
    if (*str >= end || **str != '}') {
        error_last(p, "f-string: expecting '}'");
    }
    *str += 1;
    if (has_text && spec == NULL && conversion == -1) {
        conversion = 'r';
    }
    fb_flush(p, b, b->first, b->lastt);
    Expr *fv = new_expr(p, EXPR_FORMATTED, b->first);
    tok_end_pos(p, b->lastt, &fv->end_line, &fv->end_col);
    fv->left = value;
    fv->conversion = conversion < 0 ? 0 : conversion;
    fv->right = spec;
    sp_push(p, fv);
}

/* _PyPegen_FstringParser_ConcatFstring(): the literal text and fields of one f-string body (or
 * of a format spec when recurse_lvl > 0), up to `end` or the closing '}'. */
static void fstring_concat(Parser *p, FBuilder *b, const char **str, const char *end, int raw,
                           int recurse_lvl, const Token *t) {
    b->fmode = 1;
    for (;;) {
        /* fstring_find_literal() */
        const char *s = *str;
        const char *literal_start = s;
        int doubled = 0;
        while (s < end) {
            char ch = *s++;
            if (!raw && ch == '\\' && s < end) {
                ch = *s++;
                if (ch == 'N') {
                    if (s < end && *s++ == '{') {
                        while (s < end && *s++ != '}') {
                        }
                        continue;
                    }
                    continue;
                }
            }
            if (ch == '{' || ch == '}') {
                if (recurse_lvl == 0) {
                    if (s < end && *s == ch) {
                        *str = s + 1;
                        doubled = 1;
                        break;
                    }
                    if (ch == '}') {
                        *str = s - 1;
                        error_last(p, "f-string: single '}' is not allowed");
                    }
                }
                s--;
                break;
            }
        }
        if (!doubled) {
            *str = s;
        }
        if (s > literal_start) {
            if (raw) {
                sb_add(p, &b->last, literal_start, (size_t)(s - literal_start));
            } else {
                decode_str_escapes(p, literal_start, (size_t)(s - literal_start), &b->last);
            }
        }
        if (doubled) {
            continue;
        }
        if (*str >= end || **str == '}') {
            break;
        }
        fstring_find_expr(p, b, str, end, raw, recurse_lvl, t);
    }
    if (recurse_lvl == 0 && *str < end) {
        error_last(p, "f-string: unexpected end of string");
    }
    if (recurse_lvl != 0 && (*str >= end || **str != '}')) {
        error_last(p, "f-string: expecting '}'");
    }
}

/* strings: STRING+ (adjacent literals concatenate). */
static Expr *parse_strings(Parser *p) {
    int first = p->pos;
    while (cur(p) == TOK_STRING) {
        p->pos++;
    }
    cur(p); /* CPython's STRING+ looks at the token after the last string */
    int last = p->pos - 1;
    const Token *ft = &p->toks[first], *lt = &p->toks[last];
    FBuilder b = {0, sp_mark(p), {NULL, 0, 0}, ft, lt};
    sb_reserve(p, &b.last, 16);
    b.last.data[0] = '\0';
    int bytesmode = 0;
    for (int i = first; i <= last; i++) {
        const Token *t = &p->toks[i];
        StrTok st = split_string_token(t);
        if (i != first && bytesmode != st.bytes) {
            error_last(p, "cannot mix bytes and nonbytes literals");
        }
        bytesmode = st.bytes;
        if (st.fmode) {
            const char *s = st.body;
            fstring_concat(p, &b, &s, st.body + st.len, st.raw, 0, t);
            continue;
        }
        if (st.bytes) {
            for (size_t k = 0; k < st.len; k++) {
                if ((unsigned char)st.body[k] >= 0x80) {
                    error_tok(p, t, "bytes can only contain ASCII literal characters");
                }
            }
        }
        if (st.raw || !memchr(st.body, '\\', st.len)) {
            sb_add(p, &b.last, st.body, st.len);
        } else if (st.bytes) {
            decode_bytes_escapes(p, st.body, st.len, &b.last);
        } else {
            decode_str_escapes(p, st.body, st.len, &b.last);
        }
    }
    if (!b.fmode) {
        Expr *e = new_expr(p, EXPR_CONST, ft);
        tok_end_pos(p, lt, &e->end_line, &e->end_col);
        e->ckind = bytesmode ? CONST_BYTES : CONST_STR;
        e->str = strdup_arena(p, b.last.data, b.last.len);
        e->len = b.last.len;
        return e;
    }
    fb_flush(p, &b, ft, lt);
    Expr *e = new_expr(p, EXPR_FSTRING, ft);
    tok_end_pos(p, lt, &e->end_line, &e->end_col);
    e->values = sp_exprs(p, b.mark, &e->nvalues);
    return e;
}

/* ================================================================== comprehensions */

/* for_if_clauses: ('for' star_targets 'in' disjunction ('if' disjunction)*)+ */
static Comprehension *parse_comp_clauses(Parser *p, int *count) {
    int n = 0, cap = 2;
    Comprehension *gens = alloc(p, (size_t)cap * sizeof *gens);
    while (cur(p) == TOK_FOR || cur(p) == TOK_ASYNC) {
        if (cur(p) == TOK_ASYNC) {
            unsupported(p, peek(p), "async");
            advance(p);
            if (cur(p) != TOK_FOR) {
                generic_error(p);
            }
        }
        advance(p);
        if (n == cap) {
            Comprehension *ng = alloc(p, (size_t)cap * 2 * sizeof *ng);
            memcpy(ng, gens, (size_t)n * sizeof *ng);
            gens = ng;
            cap *= 2;
        }
        Comprehension *c = &gens[n++];
        c->target = parse_star_targets(p);
        advance(p); /* 'in' (checked by parse_star_targets) */
        c->iter = parse_disjunction(p);
        int mark = sp_mark(p);
        while (accept(p, TOK_IF)) {
            sp_push(p, parse_disjunction(p));
        }
        c->ifs = sp_exprs(p, mark, &c->nifs);
    }
    *count = n;
    return gens;
}

static int is_comp_start(Parser *p) {
    return cur(p) == TOK_FOR || (cur(p) == TOK_ASYNC && peek2(p) == TOK_FOR);
}

static Expr *parse_comp_clauses_only(Parser *p) {
    int n;
    parse_comp_clauses(p, &n);
    return new_const(p, CONST_NONE, prev_tok(p));
}

/* Whether for_if_clauses parse here (second-pass lookahead; errors inside still count). */
static int comp_clauses_follow(Parser *p) {
    int save = p->pos;
    p->recovering++;
    Expr *r = try_parse(p, parse_comp_clauses_only, 0);
    p->recovering--;
    p->pos = save;
    return r != NULL;
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]. memviz has no
 * generators: the expression is parsed, recorded as unsupported and stands as None. */
static Expr *parse_yield(Parser *p) {
    const Token *t = advance(p);
    unsupported(p, t, "yield");
    if (accept(p, TOK_FROM)) {
        parse_expression(p);
    } else if (starts_expression(cur(p)) || cur(p) == TOK_STAR) {
        parse_star_expressions(p);
    }
    Expr *e = new_const(p, CONST_NONE, t);
    end_expr(p, e);
    return e;
}

/* ================================================================== atoms */

/* '(' ... ')': tuple, group or generator expression. */
static Expr *parse_paren(Parser *p) {
    const Token *open = advance(p);
    if (cur(p) == TOK_RPAR) {
        advance(p);
        Expr *e = new_expr(p, EXPR_TUPLE, open);
        end_expr(p, e);
        return e;
    }
    if (cur(p) == TOK_YIELD) {
        Expr *y = parse_yield(p);
        expect(p, TOK_RPAR);
        return y;
    }
    if (cur(p) == TOK_DOUBLESTAR) {
        /* invalid_group: '(' '**' expression ')' */
        const Token *st = peek(p);
        int maxpos = p->maxpos;
        advance(p);
        p->recovering++;
        if (try_parse(p, parse_expression, 1) && cur(p) == TOK_RPAR) {
            error_tok(p, st, "cannot use double starred expression here");
        }
        generic_error_at(p, maxpos);
    }
    Expr *first = parse_star_named_expression(p);
    if (is_comp_start(p)) {
        if (first->kind == EXPR_STARRED) {
            error_node(p, first, "iterable unpacking cannot be used in comprehension");
        }
        Expr *g = new_expr(p, EXPR_GENEXP, open);
        g->elt = first;
        g->generators = parse_comp_clauses(p, &g->ngenerators);
        expect(p, TOK_RPAR);
        end_expr(p, g);
        return g;
    }
    if (cur(p) == TOK_COMMA) {
        int mark = sp_mark(p);
        sp_push(p, first);
        while (accept(p, TOK_COMMA)) {
            if (cur(p) == TOK_RPAR) {
                break;
            }
            sp_push(p, parse_star_named_expression(p));
        }
        expect(p, TOK_RPAR);
        Expr *t = new_expr(p, EXPR_TUPLE, open);
        t->values = sp_exprs(p, mark, &t->nvalues);
        end_expr(p, t);
        return t;
    }
    if (cur(p) != TOK_RPAR) {
        generic_error(p);
    }
    advance(p);
    if (first->kind == EXPR_STARRED) {
        error_node(p, first, "cannot use starred expression here");
    }
    return first;
}

/* '[' ... ']': list display or list comprehension. */
static Expr *parse_list(Parser *p) {
    const Token *open = advance(p);
    if (accept(p, TOK_RSQB)) {
        Expr *e = new_expr(p, EXPR_LIST, open);
        end_expr(p, e);
        return e;
    }
    Expr *first = parse_star_named_expression(p);
    if (is_comp_start(p)) {
        if (first->kind == EXPR_STARRED) {
            error_node(p, first, "iterable unpacking cannot be used in comprehension");
        }
        Expr *e = new_expr(p, EXPR_LISTCOMP, open);
        e->elt = first;
        e->generators = parse_comp_clauses(p, &e->ngenerators);
        expect(p, TOK_RSQB);
        end_expr(p, e);
        return e;
    }
    int mark = sp_mark(p);
    sp_push(p, first);
    while (accept(p, TOK_COMMA)) {
        if (cur(p) == TOK_RSQB || cur(p) == TOK_FOR) {
            break;
        }
        sp_push(p, parse_star_named_expression(p));
    }
    if (is_comp_start(p) && !p->no_invalid && comp_clauses_follow(p)) {
        error_node(p, first, "did you forget parentheses around the comprehension target?");
    }
    expect(p, TOK_RSQB);
    Expr *e = new_expr(p, EXPR_LIST, open);
    e->values = sp_exprs(p, mark, &e->nvalues);
    end_expr(p, e);
    return e;
}

/* The value after "key:" in a dict display, with CPython's errors for a missing or starred
 * value. */
static Expr *parse_dict_value(Parser *p) {
    const Token *colon = prev_tok(p);
    if (!p->no_invalid) {
        if (cur(p) == TOK_STAR) {
            const Token *star = peek(p);
            error_tok(p, star, "cannot use a starred expression in a dictionary value");
        }
        if (cur(p) == TOK_RBRACE || cur(p) == TOK_COMMA) {
            error_tok(p, colon, "expression expected after dictionary key and ':'");
        }
    }
    return parse_expression(p);
}

/* '{' ... '}': dict, set, dict comprehension or set comprehension. */
static Expr *parse_brace(Parser *p) {
    const Token *open = advance(p);
    if (accept(p, TOK_RBRACE)) {
        Expr *e = new_expr(p, EXPR_DICT, open);
        end_expr(p, e);
        return e;
    }
    int is_dict;
    Expr *k0 = NULL, *v0 = NULL;
    if (cur(p) == TOK_DOUBLESTAR) {
        advance(p);
        v0 = parse_bitwise_or(p);
        is_dict = 1;
        if (is_comp_start(p)) {
            error_tok(p, open + 1, "dict unpacking cannot be used in dict comprehension");
        }
    } else {
        /* an unparenthesized `name := value` can only be a set element */
        int walrus = cur(p) == TOK_NAME && peek2(p) == TOK_COLONEQUAL;
        Expr *e = parse_star_named_expression(p);
        if (cur(p) == TOK_COLON && e->kind != EXPR_STARRED && !walrus) {
            advance(p);
            k0 = e;
            v0 = parse_dict_value(p);
            is_dict = 1;
        } else {
            k0 = e;
            is_dict = 0;
        }
    }
    if (is_dict) {
        if (k0 && is_comp_start(p)) {
            Expr *e = new_expr(p, EXPR_DICTCOMP, open);
            e->left = k0;
            e->elt = v0;
            e->generators = parse_comp_clauses(p, &e->ngenerators);
            expect(p, TOK_RBRACE);
            end_expr(p, e);
            return e;
        }
        int kmark = sp_mark(p);
        sp_push(p, k0);
        sp_push(p, v0);
        while (accept(p, TOK_COMMA)) {
            if (cur(p) == TOK_RBRACE) {
                break;
            }
            if (accept(p, TOK_DOUBLESTAR)) {
                sp_push(p, NULL);
                sp_push(p, parse_bitwise_or(p));
                continue;
            }
            /* invalid_kvpair wins over a missing comma inside the key (observed in 3.11) */
            int saved_off = p->juxt_off_depth;
            p->juxt_off_depth = p->depth + 1;
            Expr *k = parse_expression(p);
            p->juxt_off_depth = saved_off;
            if (cur(p) != TOK_COLON) {
                if (!p->no_invalid) {
                    error_at(p, "SyntaxError", k->end_line,
                             node_ecol(p, k->end_line, k->end_col) - 1,
                             "':' expected after dictionary key");
                }
                generic_error(p);
            }
            advance(p);
            sp_push(p, k);
            sp_push(p, parse_dict_value(p));
        }
        expect(p, TOK_RBRACE);
        int n = (p->sh->n - kmark) / 2;
        Expr *d = new_expr(p, EXPR_DICT, open);
        d->keys = alloc(p, (size_t)n * sizeof *d->keys);
        d->values = alloc(p, (size_t)n * sizeof *d->values);
        for (int i = 0; i < n; i++) {
            d->keys[i] = p->sh->items[kmark + 2 * i];
            d->values[i] = p->sh->items[kmark + 2 * i + 1];
        }
        d->nvalues = n;
        p->sh->n = kmark;
        end_expr(p, d);
        return d;
    }
    if (is_comp_start(p)) {
        if (k0->kind == EXPR_STARRED) {
            error_node(p, k0, "iterable unpacking cannot be used in comprehension");
        }
        Expr *e = new_expr(p, EXPR_SETCOMP, open);
        e->elt = k0;
        e->generators = parse_comp_clauses(p, &e->ngenerators);
        expect(p, TOK_RBRACE);
        end_expr(p, e);
        return e;
    }
    int mark = sp_mark(p);
    sp_push(p, k0);
    while (accept(p, TOK_COMMA)) {
        if (cur(p) == TOK_RBRACE || cur(p) == TOK_FOR) {
            break;
        }
        sp_push(p, parse_star_named_expression(p));
    }
    if (is_comp_start(p) && !p->no_invalid && comp_clauses_follow(p)) {
        error_node(p, k0, "did you forget parentheses around the comprehension target?");
    }
    if (cur(p) == TOK_COLON && !p->no_invalid && p->sh->n - mark >= 1) {
        generic_error(p);
    }
    expect(p, TOK_RBRACE);
    Expr *e = new_expr(p, EXPR_SET, open);
    e->values = sp_exprs(p, mark, &e->nvalues);
    end_expr(p, e);
    return e;
}

static Expr *parse_atom(Parser *p) {
    const Token *t = peek(p);
    switch (t->kind) {
    case TOK_NAME:
        advance(p);
        return new_name(p, t);
    case TOK_NUMBER:
        return parse_number(p);
    case TOK_STRING:
        return parse_strings(p);
    case TOK_NONE:
        advance(p);
        return new_const(p, CONST_NONE, t);
    case TOK_TRUE:
        advance(p);
        return new_const(p, CONST_TRUE, t);
    case TOK_FALSE:
        advance(p);
        return new_const(p, CONST_FALSE, t);
    case TOK_ELLIPSIS:
        advance(p);
        return new_const(p, CONST_ELLIPSIS, t);
    case TOK_LPAR:
        return parse_paren(p);
    case TOK_LSQB:
        return parse_list(p);
    case TOK_LBRACE:
        return parse_brace(p);
    default:
        generic_error(p);
    }
}

/* ================================================================== calls and subscripts */

/* arguments: positional (incl. *x), then keywords (name=x, **x). Called after '('. Fills the
 * call's args and keywords; consumes ')'. */
static void parse_call_args(Parser *p, Expr ***args_out, int *nargs, Keyword **kw_out, int *nkw) {
    int amark = sp_mark(p);
    /* Positional arguments are pushed first; keywords are collected on a second list after
     * them (kept in kwlist to avoid interleaving on the stack). */
    Keyword **kwlist = NULL;
    int nk = 0, kcap = 0;
    int seen_kw = 0, seen_kwunpack = 0, seen_star = 0;
    int bad_positional = 0;
    int first_arg = 1;
    while (cur(p) != TOK_RPAR) {
        const Token *st = peek(p);
        if (st->kind == TOK_STAR) {
            advance(p);
            Expr *v;
            if (!first_arg && !p->no_invalid) {
                /* invalid_arguments: args ',' '*' fires when a starred argument after a
                 * starred or keyword argument does not parse (as measured in 3.11.7) */
                PlainCtx c = {parse_expression};
                v = try_ctx(p, call_plain, &c, 0, 0);
                if (!v) {
                    if (seen_kw || seen_star) {
                        error_tok(p, st,
                                  "iterable argument unpacking follows keyword argument unpacking");
                    }
                    generic_error(p);
                }
            } else {
                v = parse_expression(p);
            }
            seen_star = 1;
            Expr *s = new_expr(p, EXPR_STARRED, st);
            s->left = v;
            end_expr(p, s);
            if (!p->no_invalid && cur(p) == TOK_EQUAL) {
                generic_error(p);
            }
            if (seen_kwunpack && !p->no_invalid) {
                error_tok(p, st, "iterable argument unpacking follows keyword argument unpacking");
            }
            sp_push(p, s);
        } else if (st->kind == TOK_DOUBLESTAR) {
            advance(p);
            Expr *v = parse_expression(p);
            Keyword *k = alloc(p, sizeof *k);
            k->name = NULL;
            k->value = v;
            tok_start_pos(p, st, &k->line, &k->col);
            if (nk == kcap) {
                kcap = kcap ? kcap * 2 : 4;
                Keyword **nl = alloc(p, (size_t)kcap * sizeof *nl);
                if (nk) {
                    memcpy(nl, kwlist, (size_t)nk * sizeof *nl);
                }
                kwlist = nl;
            }
            kwlist[nk++] = k;
            seen_kw = seen_kwunpack = 1;
        } else if ((st->kind == TOK_NAME || st->kind == TOK_TRUE || st->kind == TOK_FALSE ||
                    st->kind == TOK_NONE) &&
                   peek2(p) == TOK_EQUAL) {
            if (st->kind != TOK_NAME) {
                error_tok(p, st, "cannot assign to %.*s", st->len, st->start);
            }
            advance(p);
            advance(p);
            Expr *v = parse_expression(p);
            if (is_comp_start(p) && !p->no_invalid && comp_clauses_follow(p)) {
                error_tok(p, st, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            }
            Keyword *k = alloc(p, sizeof *k);
            k->name = strdup_arena(p, st->start, (size_t)st->len);
            k->value = v;
            tok_start_pos(p, st, &k->line, &k->col);
            if (nk == kcap) {
                kcap = kcap ? kcap * 2 : 4;
                Keyword **nl = alloc(p, (size_t)kcap * sizeof *nl);
                if (nk) {
                    memcpy(nl, kwlist, (size_t)nk * sizeof *nl);
                }
                kwlist = nl;
            }
            kwlist[nk++] = k;
            seen_kw = 1;
        } else {
            Expr *e;
            if (st->kind == TOK_NAME && peek2(p) == TOK_COLONEQUAL) {
                e = parse_named_expression(p);
            } else {
                e = parse_expression(p);
            }
            if (!first_arg && (cur(p) == TOK_FOR || cur(p) == TOK_ASYNC)) {
                /* invalid_arguments: a generator expression after other arguments (only the
                 * second pass looks at its clauses) */
                int maxpos = p->maxpos;
                if (!p->no_invalid) {
                    p->recovering++;
                    if (comp_clauses_follow(p)) {
                        error_node(p, e, "Generator expression must be parenthesized");
                    }
                    p->recovering--;
                }
                generic_error_at(p, maxpos);
            }
            if (first_arg && is_comp_start(p)) {
                Expr *g = new_expr(p, EXPR_GENEXP, st);
                g->elt = e;
                g->generators = parse_comp_clauses(p, &g->ngenerators);
                end_expr(p, g);
                if (cur(p) != TOK_RPAR) {
                    /* invalid_arguments: a generator expression followed by more arguments */
                    if (cur(p) == TOK_COMMA && !p->no_invalid) {
                        error_node(p, e, "Generator expression must be parenthesized");
                    }
                    generic_error(p);
                }
                /* f(x for x in y): the generator expression spans the call's parentheses */
                const Token *open = st - 1;
                tok_start_pos(p, open, &g->line, &g->col);
                tok_end_pos(p, peek(p), &g->end_line, &g->end_col);
                e = g;
            } else if (cur(p) == TOK_EQUAL && !p->no_invalid) {
                error_node(p, e, "expression cannot contain assignment, perhaps you meant \"==\"?");
            }
            if (seen_kw) {
                bad_positional = bad_positional ? bad_positional : (seen_kwunpack ? 2 : 1);
            }
            sp_push(p, e);
        }
        first_arg = 0;
        if (!accept(p, TOK_COMMA)) {
            break;
        }
    }
    if (bad_positional && !p->no_invalid) {
        /* invalid_arguments: args ',' args (whatever follows) */
        error_last(p, bad_positional == 2 ? "positional argument follows keyword argument unpacking"
                                          : "positional argument follows keyword argument");
    }
    if (cur(p) != TOK_RPAR) {
        generic_error(p);
    }
    advance(p);
    *args_out = sp_exprs(p, amark, nargs);
    Keyword *ks = NULL;
    if (nk) {
        ks = alloc(p, (size_t)nk * sizeof *ks);
        for (int i = 0; i < nk; i++) {
            ks[i] = *kwlist[i];
        }
    }
    *kw_out = ks;
    *nkw = nk;
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static Expr *parse_slice(Parser *p) {
    const Token *st = peek(p);
    Expr *lower = NULL;
    if (st->kind == TOK_STAR) {
        advance(p);
        Expr *s = new_expr(p, EXPR_STARRED, st);
        s->left = parse_bitwise_or(p);
        end_expr(p, s);
        return s;
    }
    if (st->kind != TOK_COLON) {
        if (st->kind == TOK_NAME && peek2(p) == TOK_COLONEQUAL) {
            return parse_named_expression(p);
        }
        int start = p->pos;
        lower = parse_expression(p);
        if (cur(p) != TOK_COLON) {
            if (cur(p) == TOK_COLONEQUAL && !p->no_invalid) {
                check_walrus_target(p, lower);
            }
            if (cur(p) == TOK_EQUAL && !p->no_invalid) {
                check_named_assign(p, lower, start);
            }
            return lower;
        }
    }
    Expr *s = new_expr(p, EXPR_SLICE, st);
    advance(p); /* ':' */
    s->left = lower;
    if (cur(p) != TOK_COLON && cur(p) != TOK_COMMA && cur(p) != TOK_RSQB) {
        s->right = parse_expression(p);
    }
    if (accept(p, TOK_COLON)) {
        if (cur(p) != TOK_COMMA && cur(p) != TOK_RSQB) {
            s->test = parse_expression(p);
        }
    }
    end_expr(p, s);
    return s;
}

/* slices: slice !',' | ','.(slice | starred_expression)+ [','] */
static Expr *parse_slices(Parser *p) {
    const Token *st = peek(p);
    Expr *first = parse_slice(p);
    if (cur(p) != TOK_COMMA && first->kind != EXPR_STARRED) {
        return first;
    }
    int mark = sp_mark(p);
    sp_push(p, first);
    while (accept(p, TOK_COMMA)) {
        if (cur(p) == TOK_RSQB) {
            break;
        }
        sp_push(p, parse_slice(p));
    }
    Expr *t = new_expr(p, EXPR_TUPLE, st);
    t->values = sp_exprs(p, mark, &t->nvalues);
    end_expr(p, t);
    return t;
}

typedef struct {
    Expr *base;
    const Token *start;
} TrailerCtx;

/* One '(' args ')' or '[' slices ']' trailer applied to ctx->base. */
static Expr *parse_trailer(Parser *p, void *vctx) {
    TrailerCtx *ctx = vctx;
    if (cur(p) == TOK_LPAR) {
        advance(p);
        Expr *c = new_expr(p, EXPR_CALL, ctx->start);
        c->func = ctx->base;
        parse_call_args(p, &c->args, &c->nargs, &c->keywords, &c->nkeywords);
        end_expr(p, c);
        return c;
    }
    advance(p);
    Expr *s = new_expr(p, EXPR_SUBSCRIPT, ctx->start);
    s->left = ctx->base;
    s->right = parse_slices(p);
    expect(p, TOK_RSQB);
    end_expr(p, s);
    return s;
}

/* primary: atom ('.' NAME | '(' args ')' | '[' slices ']')*. A call or subscript that does
 * not parse leaves the primary before it, as PEG backtracking does; the caller then fails at
 * the bracket (or finds a better message, e.g. a missing comma). */
static Expr *parse_primary(Parser *p) {
    const Token *st = peek(p);
    Expr *e = parse_atom(p);
    for (;;) {
        TokKind k = cur(p);
        if (k == TOK_DOT) {
            advance(p);
            const Token *name = peek(p);
            if (name->kind != TOK_NAME) {
                p->pos--; /* PEG backtracks to the primary before the '.' */
                return e;
            }
            advance(p);
            Expr *a = new_expr(p, EXPR_ATTR, st);
            a->left = e;
            a->str = strdup_arena(p, name->start, (size_t)name->len);
            a->len = (size_t)name->len;
            end_expr(p, a);
            e = a;
        } else if (k == TOK_LPAR || k == TOK_LSQB) {
            TrailerCtx ctx = {e, st};
            Expr *t = try_ctx(p, parse_trailer, &ctx, 0, 0);
            if (!t) {
                return e;
            }
            e = t;
        } else {
            return e;
        }
    }
}

/* ================================================================== operators */

typedef struct {
    Expr *(*fn)(Parser *, int);
    int arg;
} OperandCtx;

static Expr *call_operand(Parser *p, void *vctx) {
    OperandCtx *c = vctx;
    return c->fn(p, c->arg);
}

/* The operand after a binary operator, comparison, 'and'/'or', 'if' or 'else'. When it does
 * not parse, NULL is returned and the caller backs up to before the operator, as PEG
 * backtracking does (`1 if k <= else 2` is then reported as a missing 'else'). */
static Expr *try_operand(Parser *p, Expr *(*fn)(Parser *, int), int arg) {
    if (!starts_expression(cur(p))) {
        return NULL;
    }
    OperandCtx c = {fn, arg};
    return try_ctx(p, call_operand, &c, 0, 0);
}

/* power: await_primary ['**' factor] */
static Expr *parse_factor(Parser *p);

static Expr *parse_factor_arg(Parser *p, int unused) {
    (void)unused;
    return parse_factor(p);
}

static Expr *parse_power(Parser *p) {
    const Token *st = peek(p);
    Expr *e;
    if (st->kind == TOK_AWAIT) {
        /* memviz has no coroutines: `await x` stands as x, starting at 'await' */
        unsupported(p, advance(p), "await");
        e = parse_primary(p);
        tok_start_pos(p, st, &e->line, &e->col);
    } else {
        e = parse_primary(p);
    }
    if (cur(p) == TOK_DOUBLESTAR) {
        int oppos = p->pos;
        advance(p);
        enter(p);
        Expr *r = try_operand(p, parse_factor_arg, 0);
        leave(p);
        if (!r) {
            p->pos = oppos;
            return e;
        }
        Expr *b = new_expr(p, EXPR_BINOP, st);
        b->op = OP_POW;
        b->left = e;
        b->right = r;
        end_expr(p, b);
        return b;
    }
    return e;
}

/* factor: ('+' | '-' | '~') factor | power */
static Expr *parse_factor(Parser *p) {
    const Token *t = peek(p);
    Operator op;
    switch (t->kind) {
    case TOK_PLUS:
        op = OP_POS;
        break;
    case TOK_MINUS:
        op = OP_NEG;
        break;
    case TOK_TILDE:
        op = OP_INVERT;
        break;
    default:
        return parse_power(p);
    }
    advance(p);
    enter(p);
    Expr *u = new_expr(p, EXPR_UNARY, t);
    u->op = op;
    u->left = parse_factor(p);
    leave(p);
    end_expr(p, u);
    return u;
}

static int binop_prec(TokKind k, Operator *op) {
    switch (k) {
    case TOK_VBAR:
        *op = OP_OR_BIT;
        return 1;
    case TOK_CIRCUMFLEX:
        *op = OP_XOR;
        return 2;
    case TOK_AMPER:
        *op = OP_AND_BIT;
        return 3;
    case TOK_LEFTSHIFT:
        *op = OP_LSHIFT;
        return 4;
    case TOK_RIGHTSHIFT:
        *op = OP_RSHIFT;
        return 4;
    case TOK_PLUS:
        *op = OP_ADD;
        return 5;
    case TOK_MINUS:
        *op = OP_SUB;
        return 5;
    case TOK_STAR:
        *op = OP_MUL;
        return 6;
    case TOK_SLASH:
        *op = OP_TRUEDIV;
        return 6;
    case TOK_DOUBLESLASH:
        *op = OP_FLOORDIV;
        return 6;
    case TOK_PERCENT:
        *op = OP_MOD;
        return 6;
    case TOK_AT:
        *op = OP_MATMUL;
        return 6;
    default:
        return 0;
    }
}

/* bitwise_or .. term by precedence climbing (all left-associative). */
static Expr *parse_binary(Parser *p, int minprec) {
    const Token *st = peek(p);
    Expr *left = parse_factor(p);
    for (;;) {
        Operator op;
        int prec = binop_prec(cur(p), &op);
        if (prec == 0 || prec < minprec) {
            return left;
        }
        int oppos = p->pos;
        advance(p);
        Expr *right = prec == 6 ? try_operand(p, parse_factor_arg, 0)
                                : try_operand(p, parse_binary, prec + 1);
        if (!right) {
            p->pos = oppos;
            return left;
        }
        Expr *b = new_expr(p, EXPR_BINOP, st);
        b->op = op;
        b->left = left;
        b->right = right;
        end_expr(p, b);
        left = b;
    }
}

static Expr *parse_bitwise_or(Parser *p) {
    return parse_binary(p, 1);
}

static int compare_op(Parser *p, CmpOp *op) {
    switch (cur(p)) {
    case TOK_EQEQUAL:
        *op = CMP_EQ;
        return 1;
    case TOK_NOTEQUAL:
        *op = CMP_NE;
        return 1;
    case TOK_LESS:
        *op = CMP_LT;
        return 1;
    case TOK_LESSEQUAL:
        *op = CMP_LE;
        return 1;
    case TOK_GREATER:
        *op = CMP_GT;
        return 1;
    case TOK_GREATEREQUAL:
        *op = CMP_GE;
        return 1;
    case TOK_IN:
        *op = CMP_IN;
        return 1;
    case TOK_NOT:
        if (peek2(p) == TOK_IN) {
            *op = CMP_NOT_IN;
            return 2;
        }
        return 0;
    case TOK_IS:
        if (peek2(p) == TOK_NOT) {
            *op = CMP_IS_NOT;
            return 2;
        }
        *op = CMP_IS;
        return 1;
    default:
        return 0;
    }
}

/* comparison: bitwise_or (compare_op bitwise_or)* */
static Expr *parse_comparison(Parser *p) {
    const Token *st = peek(p);
    Expr *left = parse_bitwise_or(p);
    CmpOp op;
    int ntok = compare_op(p, &op);
    if (!ntok) {
        return left;
    }
    int mark = sp_mark(p);
    int n = 0, cap = 4;
    CmpOp *ops = alloc(p, (size_t)cap * sizeof *ops);
    while (ntok) {
        int oppos = p->pos;
        p->pos += ntok;
        Expr *r = try_operand(p, parse_binary, 1);
        if (!r) {
            p->pos = oppos;
            break;
        }
        if (n == cap) {
            CmpOp *no = alloc(p, (size_t)cap * 2 * sizeof *no);
            memcpy(no, ops, (size_t)n * sizeof *no);
            ops = no;
            cap *= 2;
        }
        ops[n++] = op;
        sp_push(p, r);
        ntok = compare_op(p, &op);
    }
    if (n == 0) {
        return left;
    }
    Expr *c = new_expr(p, EXPR_COMPARE, st);
    c->left = left;
    c->values = sp_exprs(p, mark, &c->nvalues);
    c->cmpops = ops;
    end_expr(p, c);
    return c;
}

/* inversion: 'not' inversion | comparison */
static Expr *parse_inversion(Parser *p) {
    const Token *t = peek(p);
    if (t->kind == TOK_NOT) {
        advance(p);
        enter(p);
        Expr *u = new_expr(p, EXPR_UNARY, t);
        u->op = OP_NOT;
        u->left = parse_inversion(p);
        leave(p);
        end_expr(p, u);
        return u;
    }
    return parse_comparison(p);
}

static Expr *parse_boolop(Parser *p, TokKind tk, Operator op, Expr *(*sub)(Parser *, int)) {
    const Token *st = peek(p);
    Expr *first = sub(p, 0);
    if (cur(p) != tk) {
        return first;
    }
    int mark = sp_mark(p);
    sp_push(p, first);
    while (cur(p) == tk) {
        int oppos = p->pos;
        advance(p);
        Expr *r = try_operand(p, sub, 0);
        if (!r) {
            p->pos = oppos;
            break;
        }
        sp_push(p, r);
    }
    if (p->sh->n - mark == 1) {
        p->sh->n = mark;
        return first;
    }
    Expr *b = new_expr(p, EXPR_BOOLOP, st);
    b->op = op;
    b->values = sp_exprs(p, mark, &b->nvalues);
    end_expr(p, b);
    return b;
}

static Expr *parse_inversion_arg(Parser *p, int unused) {
    (void)unused;
    return parse_inversion(p);
}

static Expr *parse_conjunction(Parser *p, int unused) {
    (void)unused;
    return parse_boolop(p, TOK_AND, OP_AND, parse_inversion_arg);
}

static Expr *parse_disjunction(Parser *p) {
    return parse_boolop(p, TOK_OR, OP_OR, parse_conjunction);
}

static Expr *parse_disjunction_arg(Parser *p, int unused) {
    (void)unused;
    return parse_disjunction(p);
}

static Expr *parse_expression_arg(Parser *p, int unused) {
    (void)unused;
    return parse_expression(p);
}

/* ================================================================== expressions */

static Expr *parse_lambdef(Parser *p) {
    const Token *t = advance(p);
    Expr *l = new_expr(p, EXPR_LAMBDA, t);
    l->params = parse_params(p, 1);
    expect(p, TOK_COLON);
    l->left = parse_expression(p);
    end_expr(p, l);
    return l;
}

static Expr *parse_expression_inner(Parser *p);

/* expression_without_invalid (a rule of its own in CPython: it is not memoized as
 * `expression`, only the expressions nested inside it are) */
static Expr *parse_expression_plain(Parser *p) {
    return parse_expression_inner(p);
}

/* The invalid_expression / invalid_legacy_expression checks after a disjunction `a` that is
 * followed by something that starts an expression. */
static void check_juxtaposed(Parser *p, Expr *a, int start) {
    const Token *st = &p->toks[start];
    /* CPython's SOFT_KEYWORD test matches any prefix of "match" or "case" (a quirk) */
    int soft =
        st->kind == TOK_NAME &&
        ((st->len <= 5 && memcmp(st->start, "match", (size_t)st->len) == 0) ||
         (st->len <= 4 && memcmp(st->start, "case", (size_t)st->len) == 0) || tok_is(st, "_"));
    int name_string = st->kind == TOK_NAME && p->toks[start + 1].kind == TOK_STRING;
    int single_name = a->kind == EXPR_NAME && p->pos == start + 1;
    int save = p->pos;
    if (p->juxt_off_depth == p->depth) {
        return;
    }
    if (!soft && !name_string && !(single_name && is_legacy_name(a))) {
        Expr *b = try_parse(p, parse_expression_plain, 1);
        if (b) {
            int level = p->toks[p->pos - 1].level;
            if (level > 0) {
                error_node(p, a, "invalid syntax. Perhaps you forgot a comma?");
            }
        }
        p->pos = save;
    }
    /* invalid_legacy_expression: NAME !'(' star_expressions (with the invalid_* rules on) */
    if (st->kind == TOK_NAME && p->toks[start + 1].kind != TOK_LPAR) {
        p->pos = start + 1;
        Expr *b = try_parse(p, parse_star_expressions, 0);
        if (b && (tok_is(st, "print") || tok_is(st, "exec"))) {
            error_tok(p, st, "Missing parentheses in call to '%.*s'. Did you mean %.*s(...)?",
                      st->len, st->start, st->len, st->start);
        }
        p->pos = save;
    }
}

/* expression: disjunction ['if' disjunction 'else' expression] | lambdef */
static Expr *parse_expression(Parser *p) {
    int start = p->pos;
    int memo = 0;
    if (p->no_invalid) {
        p->noinv[start] = 1;
    } else if (p->noinv[start]) {
        memo = 1;
        p->no_invalid++;
    }
    Expr *e = parse_expression_inner(p);
    if (memo) {
        p->no_invalid--;
    }
    return e;
}

static Expr *parse_expression_inner(Parser *p) {
    if (cur(p) == TOK_LAMBDA) {
        enter(p);
        Expr *l = parse_lambdef(p);
        leave(p);
        return l;
    }
    enter(p);
    int start = p->pos;
    const Token *st = peek(p);
    Expr *a = parse_disjunction(p);
    if (!p->no_invalid && starts_expression(cur(p))) {
        int save = p->pos;
        check_juxtaposed(p, a, start);
        p->pos = save;
    }
    if (cur(p) == TOK_IF) {
        int ifpos = p->pos;
        advance(p);
        Expr *test = try_operand(p, parse_disjunction_arg, 0);
        if (test && cur(p) == TOK_ELSE) {
            advance(p);
            Expr *orelse = try_operand(p, parse_expression_arg, 0);
            if (orelse) {
                Expr *e = new_expr(p, EXPR_IFEXP, st);
                e->left = a;
                e->test = test;
                e->right = orelse;
                end_expr(p, e);
                leave(p);
                return e;
            }
        } else if (test && !p->no_invalid && cur(p) != TOK_COLON) {
            error_node(p, a, "expected 'else' after 'if' expression");
        }
        p->pos = ifpos;
    }
    leave(p);
    return a;
}

static Expr *parse_bitwise_or_then_check(Parser *p) {
    return parse_bitwise_or(p);
}

/* The leftmost atom of an expression (for the !(list|tuple|genexp|True|None|False) lookahead
 * of invalid_named_expression). */
static const Expr *leftmost(const Expr *e) {
    for (;;) {
        switch (e->kind) {
        case EXPR_BINOP:
        case EXPR_ATTR:
        case EXPR_SUBSCRIPT:
        case EXPR_COMPARE:
            e = e->left;
            break;
        case EXPR_CALL:
            e = e->func;
            break;
        case EXPR_BOOLOP:
            e = e->values[0];
            break;
        default:
            return e;
        }
    }
}

/* invalid_named_expression, alternatives 2 and 3: `a = b` where a named expression was
 * expected. `a` spans tokens [start, p->pos) and the current token is '='. */
static void check_named_assign(Parser *p, const Expr *a, int start) {
    int save = p->pos;
    const Token *st = &p->toks[start];
    int single_name = a->kind == EXPR_NAME && save == start + 1;
    const Expr *lm = leftmost(a);
    int starts_display = (lm->kind == EXPR_LIST && lm->line == a->line && lm->col == a->col) ||
                         ((lm->kind == EXPR_TUPLE || lm->kind == EXPR_GENEXP) &&
                          lm->line == st->line && lm->col == a->col && st->kind == TOK_LPAR) ||
                         st->kind == TOK_TRUE || st->kind == TOK_NONE || st->kind == TOK_FALSE;
    int is_bitwise_or = a->kind != EXPR_COMPARE && a->kind != EXPR_BOOLOP &&
                        !(a->kind == EXPR_UNARY && a->op == OP_NOT) && a->kind != EXPR_IFEXP &&
                        a->kind != EXPR_LAMBDA && a->kind != EXPR_STARRED;
    if (!single_name && (starts_display || !is_bitwise_or)) {
        return; /* neither alternative applies: the right side is not even looked at */
    }
    p->pos++; /* '=' */
    p->recovering++;
    Expr *b = try_parse(p, parse_bitwise_or_then_check, 0);
    int ok = b && cur(p) != TOK_EQUAL && cur(p) != TOK_COLONEQUAL;
    p->recovering--;
    p->pos = save;
    if (!ok) {
        return;
    }
    if (single_name) {
        error_node(p, a, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    error_node(p, a, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
               expr_name(a));
}

/* invalid_named_expression: `e := x` where e is not a name (the current token is ':='). */
static void check_walrus_target(Parser *p, const Expr *e) {
    int save = p->pos;
    p->recovering++;
    p->pos++;
    if (try_parse(p, parse_expression, 0)) {
        error_node(p, e, "cannot use assignment expressions with %s", expr_name(e));
    }
    p->recovering--;
    p->pos = save;
}

/* named_expression: NAME ':=' expression | expression !':=' */
static Expr *parse_named_expression(Parser *p) {
    const Token *t = peek(p);
    if (t->kind == TOK_NAME && peek2(p) == TOK_COLONEQUAL) {
        advance(p);
        advance(p);
        Expr *w = new_expr(p, EXPR_WALRUS, t);
        w->left = new_name(p, t);
        w->right = parse_expression(p);
        end_expr(p, w);
        return w;
    }
    int start = p->pos;
    Expr *e = parse_expression(p);
    if (!p->no_invalid) {
        if (cur(p) == TOK_COLONEQUAL) {
            check_walrus_target(p, e);
        }
        if (cur(p) == TOK_EQUAL) {
            check_named_assign(p, e, start);
        }
    }
    return e;
}

/* star_named_expression: '*' bitwise_or | named_expression */
static Expr *parse_star_named_expression(Parser *p) {
    const Token *t = peek(p);
    if (t->kind == TOK_STAR) {
        advance(p);
        Expr *s = new_expr(p, EXPR_STARRED, t);
        s->left = parse_bitwise_or(p);
        end_expr(p, s);
        return s;
    }
    return parse_named_expression(p);
}

/* star_expression: '*' bitwise_or | expression */
static Expr *parse_star_expression(Parser *p) {
    const Token *t = peek(p);
    if (t->kind == TOK_STAR) {
        advance(p);
        Expr *s = new_expr(p, EXPR_STARRED, t);
        s->left = parse_bitwise_or(p);
        end_expr(p, s);
        return s;
    }
    return parse_expression(p);
}

/* star_expressions: star_expression (',' star_expression)* [','] ; *is_tuple tells whether
 * top-level commas made a tuple. */
static Expr *parse_star_expressions_ex(Parser *p, int *is_tuple, int *last_start) {
    const Token *st = peek(p);
    *last_start = p->pos;
    Expr *first = parse_star_expression(p);
    *is_tuple = 0;
    if (cur(p) != TOK_COMMA) {
        return first;
    }
    *is_tuple = 1;
    int mark = sp_mark(p);
    sp_push(p, first);
    while (accept(p, TOK_COMMA)) {
        if (!starts_expression(cur(p)) && cur(p) != TOK_STAR) {
            break;
        }
        *last_start = p->pos;
        sp_push(p, parse_star_expression(p));
    }
    Expr *t = new_expr(p, EXPR_TUPLE, st);
    t->values = sp_exprs(p, mark, &t->nvalues);
    end_expr(p, t);
    return t;
}

static Expr *parse_star_expressions(Parser *p) {
    int is_tuple, last_start;
    return parse_star_expressions_ex(p, &is_tuple, &last_start);
}

/* ================================================================== targets */

/* star_target: '*' star_target | target with trailers | star_atom. Parsed as a primary and
 * checked by the caller. */
static Expr *parse_star_target(Parser *p) {
    const Token *t = peek(p);
    if (t->kind == TOK_STAR) {
        advance(p);
        Expr *s = new_expr(p, EXPR_STARRED, t);
        enter(p);
        s->left = parse_star_target(p);
        leave(p);
        end_expr(p, s);
        return s;
    }
    return parse_primary(p);
}

/* star_targets for `for` loops and comprehensions; on an invalid target, CPython's
 * invalid_for_target reparses the text as star_expressions to name the culprit. */
static Expr *parse_star_targets(Parser *p) {
    int start = p->pos;
    const Token *st = peek(p);
    PlainCtx c = {parse_star_target};
    /* star_target (',' star_target)* [','] : a target that does not parse ends the list */
    Expr *first = try_ctx(p, call_plain, &c, 0, 0);
    Expr *e = first;
    if (first && cur(p) == TOK_COMMA) {
        int mark = sp_mark(p);
        sp_push(p, first);
        while (accept(p, TOK_COMMA)) {
            if (cur(p) == TOK_IN) {
                break;
            }
            Expr *t = try_ctx(p, call_plain, &c, 0, 0);
            if (!t) {
                break;
            }
            sp_push(p, t);
        }
        e = new_expr(p, EXPR_TUPLE, st);
        e->values = sp_exprs(p, mark, &e->nvalues);
        end_expr(p, e);
    }
    if (e && cur(p) == TOK_IN && is_valid_target(e, TARGETS_FOR)) {
        return e;
    }
    /* invalid_for_target: 'for' star_expressions */
    int maxpos = p->maxpos;
    if (!p->no_invalid) {
        p->pos = start;
        Expr *all = try_parse(p, parse_star_expressions, 0);
        if (all) {
            const Expr *bad = invalid_target(all, TARGETS_FOR);
            if (bad) {
                error_node(p, bad, "cannot assign to %s", expr_name(bad));
            }
        }
    }
    generic_error_at(p, maxpos);
}

/* ================================================================== parameters */

static Arg *new_arg(Parser *p, const Token *t) {
    Arg *a = alloc(p, sizeof *a);
    a->name = strdup_arena(p, t->start, (size_t)t->len);
    tok_start_pos(p, t, &a->line, &a->col);
    return a;
}

/* params (def) or lambda_params: NAME [':' annotation] ['=' default], '/', '*' [NAME], '**'
 * NAME, separated by commas, up to ')' (def) or ':' (lambda). Annotations are discarded. */
static Arguments *parse_params(Parser *p, int lambda) {
    TokKind close = lambda ? TOK_COLON : TOK_RPAR;
    Arguments *a = alloc(p, sizeof *a);
    int cap_pos = 4, npos = 0;
    Arg *pos = alloc(p, (size_t)cap_pos * sizeof *pos);
    Expr **defs = alloc(p, (size_t)cap_pos * sizeof *defs);
    int ndefs = 0;
    int cap_kw = 4, nkw = 0;
    Arg *kw = alloc(p, (size_t)cap_kw * sizeof *kw);
    Expr **kwdefs = alloc(p, (size_t)cap_kw * sizeof *kwdefs);
    int nposonly = -1; /* index of '/' */
    int star = 0;      /* seen '*' */
    const char *what = "argument";
    while (cur(p) != close) {
        const Token *t = peek(p);
        if (t->kind == TOK_LPAR && nposonly < 0 && !star && ndefs == 0 && !p->no_invalid) {
            /* invalid_parameters: '(' NAME (',' NAME)* [','] ')' */
            int i = p->pos + 1;
            while (p->toks[i].kind == TOK_NAME) {
                i++;
                if (p->toks[i].kind != TOK_COMMA) {
                    break;
                }
                i++;
            }
            if (i > p->pos + 1 && p->toks[i].kind == TOK_RPAR) {
                error_tok(p, t,
                          lambda ? "Lambda expression parameters cannot be parenthesized"
                                 : "Function parameters cannot be parenthesized");
            }
        }
        if (a->kwarg) {
            if (t->kind == TOK_NAME || t->kind == TOK_STAR || t->kind == TOK_DOUBLESTAR ||
                t->kind == TOK_SLASH) {
                error_tok(p, t, "arguments cannot follow var-keyword argument");
            }
            generic_error(p);
        }
        if (t->kind == TOK_SLASH) {
            if (nposonly >= 0) {
                error_tok(p, t, "/ may appear only once");
            }
            if (star) {
                error_tok(p, t, "/ must be ahead of *");
            }
            if (npos == 0) {
                error_tok(p, t, "at least one %s must precede /", what);
            }
            advance(p);
            nposonly = npos;
        } else if (t->kind == TOK_STAR) {
            if (star) {
                error_tok(p, t, "* argument may appear only once");
            }
            advance(p);
            star = 1;
            if (cur(p) == TOK_NAME) {
                const Token *n = advance(p);
                a->vararg = new_arg(p, n);
                if (!lambda && accept(p, TOK_COLON)) {
                    parse_star_expression(p);
                }
                if (cur(p) == TOK_EQUAL) {
                    error_tok(p, peek(p), "var-positional argument cannot have default value");
                }
            } else if (cur(p) == close ||
                       (cur(p) == TOK_COMMA && (peek2(p) == close || peek2(p) == TOK_DOUBLESTAR))) {
                if (lambda) {
                    error_last(p, "named arguments must follow bare *");
                }
                error_tok(p, t, "named arguments must follow bare *");
            } else if (cur(p) != TOK_COMMA) {
                generic_error(p);
            }
        } else if (t->kind == TOK_DOUBLESTAR) {
            advance(p);
            const Token *n = peek(p);
            if (n->kind != TOK_NAME) {
                generic_error(p);
            }
            advance(p);
            a->kwarg = new_arg(p, n);
            if (!lambda && accept(p, TOK_COLON)) {
                parse_expression(p);
            }
            if (cur(p) == TOK_EQUAL) {
                error_tok(p, peek(p), "var-keyword argument cannot have default value");
            }
        } else if (t->kind == TOK_NAME) {
            advance(p);
            Arg *arg = new_arg(p, t);
            if (!lambda && accept(p, TOK_COLON)) {
                parse_expression(p);
            }
            Expr *def = NULL;
            if (cur(p) == TOK_EQUAL) {
                const Token *eq = advance(p);
                if (cur(p) == close || cur(p) == TOK_COMMA) {
                    error_tok(p, eq, "expected default value expression");
                }
                def = parse_expression(p);
            }
            if (star) {
                if (nkw == cap_kw) {
                    Arg *nk = alloc(p, (size_t)cap_kw * 2 * sizeof *nk);
                    Expr **nd = alloc(p, (size_t)cap_kw * 2 * sizeof *nd);
                    memcpy(nk, kw, (size_t)nkw * sizeof *nk);
                    memcpy(nd, kwdefs, (size_t)nkw * sizeof *nd);
                    kw = nk;
                    kwdefs = nd;
                    cap_kw *= 2;
                }
                kw[nkw] = *arg;
                kwdefs[nkw++] = def;
            } else {
                if (!def && ndefs > 0) {
                    if (cur(p) == TOK_COMMA || cur(p) == close) {
                        error_tok(p, t, "non-default argument follows default argument");
                    }
                    generic_error(p);
                }
                if (npos == cap_pos) {
                    Arg *np = alloc(p, (size_t)cap_pos * 2 * sizeof *np);
                    Expr **nd = alloc(p, (size_t)cap_pos * 2 * sizeof *nd);
                    memcpy(np, pos, (size_t)npos * sizeof *np);
                    memcpy(nd, defs, (size_t)ndefs * sizeof *nd);
                    pos = np;
                    defs = nd;
                    cap_pos *= 2;
                }
                pos[npos++] = *arg;
                if (def) {
                    defs[ndefs++] = def;
                }
            }
        } else {
            generic_error(p);
        }
        if (!accept(p, TOK_COMMA)) {
            break;
        }
    }
    if (cur(p) != close) {
        generic_error(p);
    }
    if (nposonly < 0) {
        nposonly = 0;
    }
    a->posonly = nposonly ? pos : NULL;
    a->nposonly = nposonly;
    a->args = npos - nposonly ? pos + nposonly : NULL;
    a->nargs = npos - nposonly;
    a->defaults = ndefs ? defs : NULL;
    a->ndefaults = ndefs;
    a->kwonly = nkw ? kw : NULL;
    a->nkwonly = nkw;
    a->kw_defaults = nkw ? kwdefs : NULL;
    return a;
}

/* ================================================================== statements */

static const char *block_what(TokKind k) {
    switch (k) {
    case TOK_IF:
        return "'if' statement";
    case TOK_ELIF:
        return "'elif' statement";
    case TOK_ELSE:
        return "'else' statement";
    case TOK_WHILE:
        return "'while' statement";
    case TOK_FOR:
        return "'for' statement";
    case TOK_TRY:
        return "'try' statement";
    case TOK_EXCEPT:
        return "'except' statement";
    case TOK_FINALLY:
        return "'finally' statement";
    case TOK_WITH:
        return "'with' statement";
    case TOK_DEF:
        return "function definition";
    case TOK_CLASS:
        return "class definition";
    default:
        return "statement";
    }
}

static void parse_simple_stmts(Parser *p);

/* block: NEWLINE INDENT statements DEDENT | simple_stmts. `kw` is the statement's keyword
 * (for "expected an indented block after ..."). */
static Stmt **parse_block(Parser *p, const Token *kw, int *n) {
    int mark = sp_mark(p);
    if (cur(p) == TOK_NEWLINE) {
        advance(p);
        if (cur(p) != TOK_INDENT) {
            indent_error_last(p, "expected an indented block after %s on line %d",
                              block_what(kw->kind), kw->line);
        }
        advance(p);
        while (cur(p) != TOK_DEDENT && cur(p) != TOK_ENDMARKER) {
            parse_statement(p);
        }
        accept(p, TOK_DEDENT);
    } else {
        parse_simple_stmts(p);
    }
    return sp_stmts(p, mark, n);
}

/* ':' after a compound statement's header: "expected ':'" when a NEWLINE comes instead (or at
 * any token when CPython's grammar forces the colon). */
static void expect_colon(Parser *p, int forced) {
    if (cur(p) == TOK_COLON) {
        advance(p);
        return;
    }
    if (forced || cur(p) == TOK_NEWLINE) {
        error_tok(p, peek(p), "expected ':'");
    }
    generic_error(p);
}

static Stmt *parse_if(Parser *p) {
    const Token *kw = advance(p);
    Stmt *s = new_stmt(p, STMT_IF, kw);
    s->test = parse_named_expression(p);
    expect_colon(p, 0);
    s->body = parse_block(p, kw, &s->nbody);
    if (cur(p) == TOK_ELIF) {
        Stmt *e = parse_if(p);
        s->orelse = alloc(p, sizeof *s->orelse);
        s->orelse[0] = e;
        s->norelse = 1;
    } else if (cur(p) == TOK_ELSE) {
        const Token *ek = advance(p);
        expect_colon(p, 1);
        s->orelse = parse_block(p, ek, &s->norelse);
    }
    end_stmt(p, s);
    return s;
}

static Stmt *parse_while(Parser *p) {
    const Token *kw = advance(p);
    Stmt *s = new_stmt(p, STMT_WHILE, kw);
    s->test = parse_named_expression(p);
    expect_colon(p, 0);
    s->body = parse_block(p, kw, &s->nbody);
    if (cur(p) == TOK_ELSE) {
        const Token *ek = advance(p);
        expect_colon(p, 1);
        s->orelse = parse_block(p, ek, &s->norelse);
    }
    end_stmt(p, s);
    return s;
}

static Stmt *parse_for(Parser *p) {
    const Token *kw = advance(p);
    Stmt *s = new_stmt(p, STMT_FOR, kw);
    s->target = parse_star_targets(p);
    expect(p, TOK_IN);
    s->iter = parse_star_expressions(p);
    expect_colon(p, 0);
    s->body = parse_block(p, kw, &s->nbody);
    if (cur(p) == TOK_ELSE) {
        const Token *ek = advance(p);
        expect_colon(p, 1);
        s->orelse = parse_block(p, ek, &s->norelse);
    }
    end_stmt(p, s);
    return s;
}

/* with_item: expression ['as' star_target] */
static void parse_with_item(Parser *p) {
    Expr *e = parse_expression(p);
    Expr *target = NULL;
    if (accept(p, TOK_AS)) {
        int start = p->pos;
        target = parse_star_target(p);
        TokKind k = cur(p);
        if (!is_valid_target(target, TARGETS_STAR) ||
            !(k == TOK_COMMA || k == TOK_RPAR || k == TOK_COLON || k == TOK_NEWLINE)) {
            /* invalid_with_item: expression 'as' expression &(',' | ')' | ':') */
            int maxpos = p->maxpos;
            p->pos = start;
            p->recovering++;
            Expr *t = try_parse(p, parse_expression, 0);
            if (t && (cur(p) == TOK_COMMA || cur(p) == TOK_RPAR || cur(p) == TOK_COLON)) {
                const Expr *bad = invalid_target(t, TARGETS_STAR);
                if (bad) {
                    error_node(p, bad, "cannot assign to %s", expr_name(bad));
                }
            }
            generic_error_at(p, maxpos);
        }
    }
    sp_push(p, e);
    sp_push(p, target);
}

static Stmt *parse_with(Parser *p) {
    const Token *kw = advance(p);
    Stmt *s = new_stmt(p, STMT_WITH, kw);
    int mark = sp_mark(p);
    int parenthesized = 0;
    if (cur(p) == TOK_LPAR) {
        /* 'with' '(' items ')' ':' is tried first; it applies when the matching ')' is
         * followed by ':'. */
        int depth = 0, i = p->pos;
        for (;; i++) {
            TokKind k = p->toks[i].kind;
            if (k == TOK_LPAR || k == TOK_LSQB || k == TOK_LBRACE) {
                depth++;
            } else if (k == TOK_RPAR || k == TOK_RSQB || k == TOK_RBRACE) {
                if (--depth == 0) {
                    break;
                }
            } else if (k == TOK_ENDMARKER || k == TOK_ERRORTOKEN || k == TOK_NEWLINE) {
                break;
            }
        }
        if (depth == 0 && p->toks[i].kind == TOK_RPAR && p->toks[i + 1].kind == TOK_COLON) {
            int j, commas = 0, has_as = 0;
            depth = 0;
            for (j = p->pos + 1; j < i; j++) {
                TokKind k = p->toks[j].kind;
                if (k == TOK_LPAR || k == TOK_LSQB || k == TOK_LBRACE) {
                    depth++;
                } else if (k == TOK_RPAR || k == TOK_RSQB || k == TOK_RBRACE) {
                    depth--;
                } else if (depth == 0 && k == TOK_COMMA) {
                    commas++;
                } else if (depth == 0 && k == TOK_AS) {
                    has_as = 1;
                }
            }
            parenthesized = has_as || commas > 0;
        }
    }
    if (parenthesized) {
        advance(p);
        for (;;) {
            parse_with_item(p);
            if (!accept(p, TOK_COMMA) || cur(p) == TOK_RPAR) {
                break;
            }
        }
        expect(p, TOK_RPAR);
    } else {
        for (;;) {
            parse_with_item(p);
            if (!accept(p, TOK_COMMA)) {
                break;
            }
        }
    }
    expect_colon(p, 0);
    int n = (p->sh->n - mark) / 2;
    s->items = alloc(p, (size_t)n * sizeof *s->items);
    s->targets = alloc(p, (size_t)n * sizeof *s->targets);
    for (int i = 0; i < n; i++) {
        s->items[i] = p->sh->items[mark + 2 * i];
        s->targets[i] = p->sh->items[mark + 2 * i + 1];
    }
    s->nitems = s->ntargets = n;
    p->sh->n = mark;
    s->body = parse_block(p, kw, &s->nbody);
    end_stmt(p, s);
    return s;
}

static Stmt *parse_try(Parser *p) {
    const Token *kw = advance(p);
    Stmt *s = new_stmt(p, STMT_TRY, kw);
    expect_forced(p, TOK_COLON, ":");
    s->body = parse_block(p, kw, &s->nbody);
    int nh = 0, cap = 2;
    ExceptHandler *hs = alloc(p, (size_t)cap * sizeof *hs);
    while (cur(p) == TOK_EXCEPT) {
        const Token *ek = advance(p);
        if (nh == cap) {
            ExceptHandler *n = alloc(p, (size_t)cap * 2 * sizeof *n);
            memcpy(n, hs, (size_t)nh * sizeof *n);
            hs = n;
            cap *= 2;
        }
        ExceptHandler *h = &hs[nh++];
        tok_start_pos(p, ek, &h->line, &h->col);
        if (cur(p) == TOK_STAR) {
            error_tok(p, peek(p), "except* is not supported");
        }
        if (cur(p) != TOK_COLON) {
            if (cur(p) == TOK_NEWLINE) {
                error_last(p, "expected ':'");
            }
            h->type = parse_expression(p);
            if (cur(p) == TOK_COMMA && !p->no_invalid) {
                /* invalid_except_stmt: 'except' expression ',' expressions ['as' NAME] ':' */
                int save = p->pos;
                p->recovering++;
                int nexpr = 0;
                while (accept(p, TOK_COMMA)) {
                    if (!try_parse(p, parse_expression, 0)) {
                        break;
                    }
                    nexpr++;
                }
                if (accept(p, TOK_AS)) {
                    accept(p, TOK_NAME);
                }
                if (nexpr > 0 && cur(p) == TOK_COLON) {
                    error_node(p, h->type, "multiple exception types must be parenthesized");
                }
                p->recovering--;
                p->pos = save;
            }
            if (accept(p, TOK_AS)) {
                const Token *n = peek(p);
                if (n->kind != TOK_NAME) {
                    generic_error(p);
                }
                advance(p);
                h->name = strdup_arena(p, n->start, (size_t)n->len);
            }
            if (cur(p) == TOK_NEWLINE) {
                error_last(p, "expected ':'");
            }
        }
        expect(p, TOK_COLON);
        h->body = parse_block(p, ek, &h->nbody);
    }
    s->handlers = nh ? hs : NULL;
    s->nhandlers = nh;
    if (nh > 0 && cur(p) == TOK_ELSE) {
        const Token *ek = advance(p);
        expect_colon(p, 1);
        s->orelse = parse_block(p, ek, &s->norelse);
    }
    if (cur(p) == TOK_FINALLY) {
        const Token *fk = advance(p);
        expect_forced(p, TOK_COLON, ":");
        s->finalbody = parse_block(p, fk, &s->nfinalbody);
    } else if (nh == 0) {
        error_last(p, "expected 'except' or 'finally' block");
    }
    end_stmt(p, s);
    return s;
}

static Stmt *parse_funcdef(Parser *p, Expr **decos, int ndecos) {
    const Token *kw = advance(p);
    Stmt *s = new_stmt(p, STMT_FUNCDEF, kw);
    const Token *name = peek(p);
    if (name->kind != TOK_NAME) {
        generic_error(p);
    }
    advance(p);
    s->name = strdup_arena(p, name->start, (size_t)name->len);
    expect_forced(p, TOK_LPAR, "(");
    s->params = parse_params(p, 0);
    expect(p, TOK_RPAR);
    if (accept(p, TOK_RARROW)) {
        parse_expression(p);
    }
    expect_forced(p, TOK_COLON, ":");
    s->body = parse_block(p, kw, &s->nbody);
    s->decorators = decos;
    s->ndecorators = ndecos;
    end_stmt(p, s);
    return s;
}

static Stmt *parse_classdef(Parser *p, Expr **decos, int ndecos) {
    const Token *kw = advance(p);
    Stmt *s = new_stmt(p, STMT_CLASSDEF, kw);
    const Token *name = peek(p);
    if (name->kind != TOK_NAME) {
        generic_error(p);
    }
    advance(p);
    s->name = strdup_arena(p, name->start, (size_t)name->len);
    if (accept(p, TOK_LPAR)) {
        parse_call_args(p, &s->bases, &s->nbases, &s->keywords, &s->nkeywords);
    }
    expect_colon(p, 0);
    s->body = parse_block(p, kw, &s->nbody);
    s->decorators = decos;
    s->ndecorators = ndecos;
    end_stmt(p, s);
    return s;
}

static Stmt *parse_decorated(Parser *p) {
    int mark = sp_mark(p);
    while (accept(p, TOK_AT)) {
        sp_push(p, parse_named_expression(p));
        expect(p, TOK_NEWLINE);
    }
    int n;
    Expr **decos = sp_exprs(p, mark, &n);
    if (cur(p) == TOK_DEF) {
        return parse_funcdef(p, decos, n);
    }
    if (cur(p) == TOK_CLASS) {
        return parse_classdef(p, decos, n);
    }
    if (cur(p) == TOK_ASYNC && peek2(p) == TOK_DEF) {
        unsupported(p, advance(p), "async");
        return parse_funcdef(p, decos, n);
    }
    generic_error(p);
}

/* dotted_name: NAME ('.' NAME)* as one arena string. */
static const char *parse_dotted_name(Parser *p) {
    const Token *t = peek(p);
    if (t->kind != TOK_NAME) {
        generic_error(p);
    }
    advance(p);
    StrBuf b = {NULL, 0, 0};
    sb_add(p, &b, t->start, (size_t)t->len);
    while (cur(p) == TOK_DOT) {
        advance(p);
        const Token *n = peek(p);
        if (n->kind != TOK_NAME) {
            generic_error(p);
        }
        advance(p);
        sb_addc(p, &b, '.');
        sb_add(p, &b, n->start, (size_t)n->len);
    }
    return b.data;
}

static Stmt *parse_import(Parser *p) {
    const Token *kw = advance(p);
    Stmt *s = new_stmt(p, STMT_IMPORT, kw);
    int mark = sp_mark(p);
    for (;;) {
        const char *name = parse_dotted_name(p);
        const char *as = NULL;
        if (accept(p, TOK_AS)) {
            const Token *n = peek(p);
            if (n->kind != TOK_NAME) {
                generic_error(p);
            }
            advance(p);
            as = strdup_arena(p, n->start, (size_t)n->len);
        }
        sp_push(p, (void *)name);
        sp_push(p, (void *)as);
        if (!accept(p, TOK_COMMA)) {
            break;
        }
    }
    int n = (p->sh->n - mark) / 2;
    s->names = alloc(p, (size_t)n * sizeof *s->names);
    s->asnames = alloc(p, (size_t)n * sizeof *s->asnames);
    for (int i = 0; i < n; i++) {
        s->names[i] = p->sh->items[mark + 2 * i];
        s->asnames[i] = p->sh->items[mark + 2 * i + 1];
    }
    s->nnames = n;
    p->sh->n = mark;
    end_stmt(p, s);
    return s;
}

static Stmt *parse_from_import(Parser *p) {
    const Token *kw = advance(p);
    Stmt *s = new_stmt(p, STMT_IMPORTFROM, kw);
    StrBuf mod = {NULL, 0, 0};
    sb_reserve(p, &mod, 8);
    mod.data[0] = '\0';
    int dots = 0;
    while (cur(p) == TOK_DOT || cur(p) == TOK_ELLIPSIS) {
        sb_add(p, &mod, "...", cur(p) == TOK_DOT ? 1 : 3);
        advance(p);
        dots = 1;
    }
    if (cur(p) != TOK_IMPORT || !dots) {
        const char *name = parse_dotted_name(p);
        sb_add(p, &mod, name, strlen(name));
    }
    s->module = mod.data;
    expect(p, TOK_IMPORT);
    int mark = sp_mark(p);
    if (cur(p) == TOK_STAR) {
        advance(p);
        sp_push(p, (void *)"*");
        sp_push(p, NULL);
    } else {
        int paren = accept(p, TOK_LPAR);
        for (;;) {
            const Token *n = peek(p);
            if (n->kind != TOK_NAME) {
                generic_error(p);
            }
            advance(p);
            const char *as = NULL;
            if (accept(p, TOK_AS)) {
                const Token *a = peek(p);
                if (a->kind != TOK_NAME) {
                    generic_error(p);
                }
                advance(p);
                as = strdup_arena(p, a->start, (size_t)a->len);
            }
            sp_push(p, strdup_arena(p, n->start, (size_t)n->len));
            sp_push(p, (void *)as);
            if (!accept(p, TOK_COMMA)) {
                break;
            }
            if (paren && cur(p) == TOK_RPAR) {
                break;
            }
            if (!paren && cur(p) == TOK_NEWLINE) {
                error_last(p, "trailing comma not allowed without surrounding parentheses");
            }
        }
        if (paren) {
            expect(p, TOK_RPAR);
        }
    }
    int n = (p->sh->n - mark) / 2;
    s->names = alloc(p, (size_t)n * sizeof *s->names);
    s->asnames = alloc(p, (size_t)n * sizeof *s->asnames);
    for (int i = 0; i < n; i++) {
        s->names[i] = p->sh->items[mark + 2 * i];
        s->asnames[i] = p->sh->items[mark + 2 * i + 1];
    }
    s->nnames = n;
    p->sh->n = mark;
    end_stmt(p, s);
    return s;
}

static Stmt *parse_names_stmt(Parser *p, StmtKind kind) {
    const Token *kw = advance(p);
    Stmt *s = new_stmt(p, kind, kw);
    int mark = sp_mark(p);
    for (;;) {
        const Token *n = peek(p);
        if (n->kind != TOK_NAME) {
            generic_error(p);
        }
        advance(p);
        sp_push(p, strdup_arena(p, n->start, (size_t)n->len));
        if (!accept(p, TOK_COMMA)) {
            break;
        }
    }
    s->names = sp_names(p, mark, &s->nnames);
    end_stmt(p, s);
    return s;
}

static Stmt *parse_del(Parser *p) {
    const Token *kw = advance(p);
    Stmt *s = new_stmt(p, STMT_DEL, kw);
    int start = p->pos;
    int mark = sp_mark(p);
    /* del_targets: ','.del_target+ [','] where a del_target is a name, attribute, subscript or
     * a parenthesized / bracketed list of them */
    PlainCtx c = {parse_primary};
    while (starts_expression(cur(p))) {
        Expr *t = try_ctx(p, call_plain, &c, 0, 0);
        if (!t) {
            break;
        }
        sp_push(p, t);
        if (!accept(p, TOK_COMMA)) {
            break;
        }
    }
    s->targets = sp_exprs(p, mark, &s->ntargets);
    int valid = s->ntargets > 0;
    for (int i = 0; i < s->ntargets; i++) {
        if (!is_valid_target(s->targets[i], TARGETS_DEL)) {
            valid = 0;
        }
    }
    if (valid && (cur(p) == TOK_SEMI || cur(p) == TOK_NEWLINE)) {
        end_stmt(p, s);
        return s;
    }
    /* invalid_del_stmt: 'del' star_expressions */
    int maxpos = p->maxpos;
    p->pos = start;
    Expr *all = try_parse(p, parse_star_expressions, 0);
    if (all) {
        const Expr *bad = invalid_target(all, TARGETS_DEL);
        if (bad) {
            error_node(p, bad, "cannot delete %s", expr_name(bad));
        }
    }
    generic_error_at(p, maxpos);
}

/* The statement-level invalid_assignment rule for `parts[0] = ... = parts[n-1]` where a
 * target is invalid; starts[i] is the token index where parts[i] begins. */
/* The statement-level invalid_assignment rule, when `bad` (a part followed by '=') is not a
 * valid target. p0 is the first part, its last element starting at token p0_last_start, and
 * first_eq the index of the first '='. */
static _Noreturn void assignment_error(Parser *p, Expr *p0, int p0_is_tuple, int p0_last_start,
                                       int first_eq, Expr *bad, int bad_is_yield, int maxpos) {
    /* star_named_expression on the elements of the first target: invalid_named_expression
     * fires on the element followed by '='. */
    Expr *last = p0_is_tuple ? p0->values[p0->nvalues - 1] : p0;
    if (last->kind != EXPR_STARRED && p->toks[first_eq - 1].kind != TOK_COMMA) {
        int save = p->pos;
        p->pos = first_eq;
        check_named_assign(p, last, p0_last_start);
        p->pos = save;
    }
    if (bad_is_yield) {
        error_node(p, bad, "assignment to yield expression not possible");
    }
    /* (star_targets '=')* star_expressions '=' */
    const Expr *culprit = invalid_target(bad, TARGETS_STAR);
    if (culprit) {
        error_node(p, culprit, "cannot assign to %s", expr_name(culprit));
    }
    generic_error_at(p, maxpos);
}

static Operator augassign_op(TokKind k, int *ok) {
    *ok = 1;
    switch (k) {
    case TOK_PLUSEQUAL:
        return OP_ADD;
    case TOK_MINEQUAL:
        return OP_SUB;
    case TOK_STAREQUAL:
        return OP_MUL;
    case TOK_ATEQUAL:
        return OP_MATMUL;
    case TOK_SLASHEQUAL:
        return OP_TRUEDIV;
    case TOK_PERCENTEQUAL:
        return OP_MOD;
    case TOK_AMPEREQUAL:
        return OP_AND_BIT;
    case TOK_VBAREQUAL:
        return OP_OR_BIT;
    case TOK_CIRCUMFLEXEQUAL:
        return OP_XOR;
    case TOK_LEFTSHIFTEQUAL:
        return OP_LSHIFT;
    case TOK_RIGHTSHIFTEQUAL:
        return OP_RSHIFT;
    case TOK_DOUBLESTAREQUAL:
        return OP_POW;
    case TOK_DOUBLESLASHEQUAL:
        return OP_FLOORDIV;
    default:
        *ok = 0;
        return OP_ADD;
    }
}

static Expr *parse_rhs(Parser *p) {
    if (cur(p) == TOK_YIELD) {
        return parse_yield(p);
    }
    return parse_star_expressions(p);
}

/* assignment | star_expressions */
static Stmt *parse_expr_stmt(Parser *p) {
    const Token *st = peek(p);
    int start = p->pos;
    int is_tuple, last_start;
    Expr *e = parse_star_expressions_ex(p, &is_tuple, &last_start);
    TokKind k = cur(p);
    if (k == TOK_COLON) {
        /* annotated assignment */
        const Expr *t = e;
        int ok = !is_tuple &&
                 (t->kind == EXPR_NAME || t->kind == EXPR_ATTR || t->kind == EXPR_SUBSCRIPT);
        if (!ok) {
            /* invalid_assignment: the annotation must parse for the specific messages */
            int maxpos = p->maxpos;
            p->recovering++;
            advance(p);
            if (!p->no_invalid && try_parse(p, parse_expression, 0)) {
                if (is_tuple) {
                    error_node(p, e->values[0], "only single target (not tuple) can be annotated");
                }
                if (e->kind == EXPR_LIST || e->kind == EXPR_TUPLE) {
                    error_node(p, e, "only single target (not %s) can be annotated", expr_name(e));
                }
                error_node(p, e, "illegal target for annotation");
            }
            generic_error_at(p, maxpos);
        }
        advance(p);
        Expr *ann = parse_expression(p);
        Stmt *s = new_stmt(p, STMT_ANNASSIGN, st);
        s->target = e;
        s->annotation = ann;
        if (accept(p, TOK_EQUAL)) {
            s->value = parse_rhs(p);
        }
        end_stmt(p, s);
        return s;
    }
    if (k == TOK_COLONEQUAL && !p->no_invalid) {
        /* CPython's second pass parses the element before ':=' as a named expression:
         * `1 := x` is reported, and for `x := ...` the right side is parsed (and its own
         * errors reported) before the statement fails */
        Expr *last = is_tuple ? e->values[e->nvalues - 1] : e;
        if (last->kind != EXPR_STARRED) {
            int maxpos = p->maxpos;
            if (last->kind != EXPR_NAME) {
                check_walrus_target(p, last);
            } else {
                p->recovering++;
                p->pos++;
                try_parse(p, parse_expression, 0);
                p->recovering--;
            }
            generic_error_at(p, maxpos);
        }
    }
    int isaug;
    Operator op = augassign_op(k, &isaug);
    if (isaug) {
        int ok = !is_tuple &&
                 (e->kind == EXPR_NAME || e->kind == EXPR_ATTR || e->kind == EXPR_SUBSCRIPT);
        if (!ok) {
            /* invalid_assignment: star_expressions augassign (yield_expr | star_expressions),
             * a second-pass rule: the right side must parse */
            int maxpos = p->maxpos;
            p->recovering++;
            advance(p);
            if (!p->no_invalid && try_parse(p, parse_rhs, 0)) {
                error_node(p, e, "'%s' is an illegal expression for augmented assignment",
                           expr_name(e));
            }
            generic_error_at(p, maxpos);
        }
        advance(p);
        Expr *v = parse_rhs(p);
        Stmt *s = new_stmt(p, STMT_AUGASSIGN, st);
        s->target = e;
        s->op = op;
        s->value = v;
        end_stmt(p, s);
        return s;
    }
    if (k == TOK_EQUAL) {
        int mark = sp_mark(p);
        int first_eq = p->pos;
        int part_start = start;
        sp_push(p, e);
        for (;;) {
            Expr *part = p->sh->items[p->sh->n - 1];
            int is_yield = p->toks[part_start].kind == TOK_YIELD;
            if (is_yield || !is_valid_target(part, TARGETS_STAR)) {
                assignment_error(p, e, is_tuple, last_start, first_eq, part, is_yield, p->maxpos);
            }
            advance(p); /* '=' */
            part_start = p->pos;
            sp_push(p, parse_rhs(p));
            if (cur(p) != TOK_EQUAL) {
                break;
            }
        }
        int count;
        Expr **parts = sp_exprs(p, mark, &count);
        Stmt *s = new_stmt(p, STMT_ASSIGN, st);
        s->targets = parts;
        s->ntargets = count - 1;
        s->value = parts[count - 1];
        end_stmt(p, s);
        return s;
    }
    if (k != TOK_NEWLINE && k != TOK_SEMI && is_tuple && !p->no_invalid) {
        /* invalid_assignment: star_named_expression ',' star_named_expressions* ':' expression
         * parses the elements again as named expressions, where `x, y z = 1` finds `z = 1` */
        int maxpos = p->maxpos;
        p->recovering++;
        p->pos = start;
        if (try_parse(p, parse_star_named_expression, 0) && accept(p, TOK_COMMA)) {
            while (starts_expression(cur(p)) || cur(p) == TOK_STAR) {
                if (!try_parse(p, parse_star_named_expression, 0)) {
                    break;
                }
                accept(p, TOK_COMMA);
            }
        }
        generic_error_at(p, maxpos);
    }
    Stmt *s = new_stmt(p, STMT_EXPR, st);
    s->value = e;
    end_stmt(p, s);
    return s;
}

static Stmt *parse_simple_stmt(Parser *p) {
    const Token *t = peek(p);
    Stmt *s;
    switch (t->kind) {
    case TOK_PASS:
    case TOK_BREAK:
    case TOK_CONTINUE:
        advance(p);
        s = new_stmt(p,
                     t->kind == TOK_PASS    ? STMT_PASS
                     : t->kind == TOK_BREAK ? STMT_BREAK
                                            : STMT_CONTINUE,
                     t);
        return s;
    case TOK_RETURN:
        advance(p);
        s = new_stmt(p, STMT_RETURN, t);
        if (starts_expression(cur(p)) || cur(p) == TOK_STAR) {
            s->value = parse_star_expressions(p);
        }
        end_stmt(p, s);
        return s;
    case TOK_RAISE:
        advance(p);
        s = new_stmt(p, STMT_RAISE, t);
        if (starts_expression(cur(p))) {
            s->value = parse_expression(p);
            if (accept(p, TOK_FROM)) {
                s->cause = parse_expression(p);
            }
        }
        end_stmt(p, s);
        return s;
    case TOK_GLOBAL:
        return parse_names_stmt(p, STMT_GLOBAL);
    case TOK_NONLOCAL:
        return parse_names_stmt(p, STMT_NONLOCAL);
    case TOK_DEL:
        return parse_del(p);
    case TOK_ASSERT:
        advance(p);
        s = new_stmt(p, STMT_ASSERT, t);
        s->test = parse_expression(p);
        if (accept(p, TOK_COMMA)) {
            s->value = parse_expression(p);
        }
        end_stmt(p, s);
        return s;
    case TOK_IMPORT:
        return parse_import(p);
    case TOK_FROM:
        return parse_from_import(p);
    case TOK_YIELD:
        s = new_stmt(p, STMT_EXPR, t);
        s->value = parse_yield(p);
        if (cur(p) == TOK_EQUAL) {
            error_node(p, s->value, "assignment to yield expression not possible");
        }
        end_stmt(p, s);
        return s;
    default:
        return parse_expr_stmt(p);
    }
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static void parse_simple_stmts(Parser *p) {
    for (;;) {
        sp_push(p, parse_simple_stmt(p));
        if (!accept(p, TOK_SEMI)) {
            break;
        }
        if (cur(p) == TOK_NEWLINE) {
            break;
        }
    }
    if (cur(p) != TOK_NEWLINE) {
        generic_error(p);
    }
    advance(p);
}

/* parse_simple_stmts as an ExprFn (for speculation); the statements stay on the stack. */
static Expr *parse_simple_stmts_expr(Parser *p) {
    int mark = sp_mark(p);
    parse_simple_stmts(p);
    p->sh->n = mark;
    return new_const(p, CONST_NONE, prev_tok(p));
}

/* A `match` statement (soft keyword): memviz does not run it, so when the tokens look like
 * `match subject:` NEWLINE INDENT `case` ..., the whole statement is skipped and recorded as
 * unsupported. Returns 0 (nothing consumed) when it is not a match statement. */
static int skip_match_statement(Parser *p) {
    int i = p->pos + 1, depth = 0;
    const Token *t = &p->toks[i];
    if (!starts_expression(t->kind) && t->kind != TOK_STAR) {
        return 0;
    }
    for (;; i++) {
        TokKind k = p->toks[i].kind;
        if (k == TOK_ENDMARKER || k == TOK_ERRORTOKEN) {
            return 0;
        }
        if (k == TOK_NEWLINE && depth == 0) {
            return 0;
        }
        if (k == TOK_LPAR || k == TOK_LSQB || k == TOK_LBRACE) {
            depth++;
        } else if (k == TOK_RPAR || k == TOK_RSQB || k == TOK_RBRACE) {
            depth--;
        } else if (k == TOK_COLON && depth == 0) {
            break;
        }
    }
    if (p->toks[i + 1].kind != TOK_NEWLINE || p->toks[i + 2].kind != TOK_INDENT ||
        p->toks[i + 3].kind != TOK_NAME || !tok_is(&p->toks[i + 3], "case")) {
        return 0;
    }
    unsupported(p, peek(p), "match");
    int level = 0;
    for (i = i + 2;; i++) {
        TokKind k = p->toks[i].kind;
        if (k == TOK_ERRORTOKEN) {
            p->pos = i;
            peek(p); /* raises the lexer error */
        }
        if (k == TOK_ENDMARKER) {
            break;
        }
        if (k == TOK_INDENT) {
            level++;
        } else if (k == TOK_DEDENT && --level == 0) {
            i++;
            break;
        }
    }
    p->pos = i;
    return 1;
}

/* statement: compound_stmt | simple_stmts ; pushes the statement(s) on the scratch stack. */
static void parse_statement(Parser *p) {
    const Token *t = peek(p);
    switch (t->kind) {
    case TOK_IF:
        sp_push(p, parse_if(p));
        return;
    case TOK_WHILE:
        sp_push(p, parse_while(p));
        return;
    case TOK_FOR:
        sp_push(p, parse_for(p));
        return;
    case TOK_TRY:
        sp_push(p, parse_try(p));
        return;
    case TOK_WITH:
        sp_push(p, parse_with(p));
        return;
    case TOK_DEF:
        sp_push(p, parse_funcdef(p, NULL, 0));
        return;
    case TOK_CLASS:
        sp_push(p, parse_classdef(p, NULL, 0));
        return;
    case TOK_AT:
        sp_push(p, parse_decorated(p));
        return;
    case TOK_ASYNC: {
        TokKind k = peek2(p);
        if (k == TOK_DEF || k == TOK_FOR || k == TOK_WITH) {
            unsupported(p, advance(p), "async");
            parse_statement(p);
            return;
        }
        generic_error(p);
    }
    case TOK_NAME:
        if (tok_is(t, "match")) {
            if (skip_match_statement(p)) {
                return;
            }
            /* CPython tries match_stmt first: its subject is looked at before the statement
             * fails as an expression (which moves the furthest position) */
            TokKind k = peek2(p);
            int expected_colon = 0;
            if (starts_expression(k) || k == TOK_STAR) {
                int save = p->pos;
                p->pos++;
                PlainCtx c = {parse_star_named_expression};
                if (try_ctx(p, call_plain, &c, 0, 0)) {
                    expected_colon = cur(p) == TOK_NEWLINE;
                    if (accept(p, TOK_COLON) && accept(p, TOK_NEWLINE)) {
                        cur(p);
                    }
                }
                p->pos = save;
            }
            if (expected_colon && !p->no_invalid) {
                /* invalid_match_stmt: "match" subject_expr NEWLINE, tried before the line is
                 * parsed as an expression statement, so it applies if that fails */
                int save = p->pos;
                PlainCtx c = {parse_simple_stmts_expr};
                if (!try_ctx(p, call_plain, &c, 0, 0)) {
                    error_last(p, "expected ':'");
                }
                p->pos = save;
            }
        }
        parse_simple_stmts(p);
        return;
    default:
        parse_simple_stmts(p);
        return;
    }
}

/* ================================================================== entry point */

int parse_module(const char *src, size_t len, Ast *out, SyntaxErr *err) {
    memset(out, 0, sizeof *out);
    memset(err, 0, sizeof *err);
    TokenList tl;
    if (lex_tokenize(src, len, 1, &tl) != 0) {
        *err = tl.err;
        return -1;
    }
    struct AstArena *arena = ast_arena_new();
    if (!arena) {
        lex_free(&tl);
        snprintf(err->type, sizeof err->type, "MemoryError");
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return -1;
    }
    Shared sh;
    memset(&sh, 0, sizeof sh);
    Parser p;
    memset(&p, 0, sizeof p);
    jmp_buf jb;
    p.arena = arena;
    p.sh = &sh;
    p.tl = &tl;
    p.toks = tl.toks;
    p.err = err;
    p.jb = &jb;
    int rc;
    if (setjmp(jb) == 0) {
        p.noinv = alloc(&p, (size_t)tl.ntoks + 1);
        int mark = sp_mark(&p);
        while (cur(&p) != TOK_ENDMARKER) {
            parse_statement(&p);
        }
        out->body = sp_stmts(&p, mark, &out->nbody);
        out->arena = arena;
        rc = 0;
        if (sh.has_unsupported) {
            *err = sh.unsupported;
            ast_free(out);
            rc = -1;
        }
    } else {
        /* _PyPegen_set_syntax_error: CPython tokenizes the rest of the file and lets a
         * tokenizer error, or a bracket left open before the error, take precedence. */
        if (!p.no_override) {
            if (tl.err_hard) {
                *err = tl.err;
            } else if (tl.open_level > 0 && tl.toks[p.fillpos].line > tl.open_line) {
                snprintf(err->type, sizeof err->type, "SyntaxError");
                snprintf(err->msg, sizeof err->msg, "'%c' was never closed", tl.open_char);
                err->line = tl.open_line;
                err->col = tl.open_col + 1;
                err->end_col = 0;
            }
        }
        ast_arena_free(arena);
        rc = -1;
    }
    for (int i = 0; i < sh.nsubs; i++) {
        lex_free(sh.subs[i]);
        free(sh.subs[i]);
    }
    free(sh.items);
    lex_free(&tl);
    return rc;
}
