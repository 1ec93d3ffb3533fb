/*
 * test_parser.c - the lexer and parser (heap/lang/lexer.c, parser.c, ast.c).
 *
 * Trees are checked through a small S-expression dump of the AST (the same shape as
 * Python's ast.dump, abbreviated), so one line states a whole expected tree. Syntax errors are
 * checked by type, message, line and column exactly as CPython 3.11.7 reports them for a file
 * (`python3 file.py`, SyntaxError.offset); every expectation was measured with python3.
 */
#include <criterion/criterion.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap/lang/ast.h"
#include "heap/lang/lexer.h"

/* ------------------------------------------------------------------ dump */

typedef struct {
    char *buf;
    size_t len, cap;
} Out;

static void put(Out *o, const char *fmt, ...) {
    va_list ap;
    for (;;) {
        size_t room = o->cap - o->len;
        va_start(ap, fmt);
        int n = vsnprintf(o->buf + o->len, room, fmt, ap);
        va_end(ap);
        if ((size_t)n < room) {
            o->len += (size_t)n;
            return;
        }
        o->cap = o->cap * 2 + (size_t)n + 64;
        o->buf = realloc(o->buf, o->cap);
        cr_assert_not_null(o->buf);
    }
}

static const char *op_name(Operator op) {
    static const char *names[] = {"Add",  "BitAnd", "FloorDiv", "LShift", "MatMult",
                                  "Mult", "Mod",    "BitOr",    "Pow",    "RShift",
                                  "Sub",  "Div",    "BitXor",   "Not",    "USub",
                                  "UAdd", "Invert", "And",      "Or"};
    return names[op];
}

static const char *cmp_name(CmpOp op) {
    static const char *names[] = {"Lt",  "LtE", "Eq",    "NotEq", "Gt",
                                  "GtE", "In",  "NotIn", "Is",    "IsNot"};
    return names[op];
}

static void dump_expr(Out *o, const Expr *e);
static void dump_stmt(Out *o, const Stmt *s);

static void dump_opt(Out *o, const Expr *e) {
    if (e) {
        dump_expr(o, e);
    } else {
        put(o, "-");
    }
}

static void dump_list(Out *o, const char *head, Expr **v, int n) {
    put(o, "(%s", head);
    for (int i = 0; i < n; i++) {
        put(o, " ");
        dump_expr(o, v[i]);
    }
    put(o, ")");
}

static void dump_body(Out *o, Stmt **b, int n) {
    put(o, "(");
    for (int i = 0; i < n; i++) {
        put(o, i ? " " : "");
        dump_stmt(o, b[i]);
    }
    put(o, ")");
}

static void dump_args(Out *o, const Arguments *a) {
    put(o, "(args");
    for (int i = 0; i < a->nposonly; i++) {
        put(o, " %s", a->posonly[i].name);
    }
    if (a->nposonly) {
        put(o, " /");
    }
    for (int i = 0; i < a->nargs; i++) {
        put(o, " %s", a->args[i].name);
    }
    if (a->vararg) {
        put(o, " *%s", a->vararg->name);
    } else if (a->nkwonly) {
        put(o, " *");
    }
    for (int i = 0; i < a->nkwonly; i++) {
        put(o, " %s", a->kwonly[i].name);
        if (a->kw_defaults[i]) {
            put(o, "=");
            dump_expr(o, a->kw_defaults[i]);
        }
    }
    if (a->kwarg) {
        put(o, " **%s", a->kwarg->name);
    }
    if (a->ndefaults) {
        put(o, " ");
        dump_list(o, "defaults", a->defaults, a->ndefaults);
    }
    put(o, ")");
}

static void dump_gens(Out *o, const Comprehension *g, int n) {
    for (int i = 0; i < n; i++) {
        put(o, " (for ");
        dump_expr(o, g[i].target);
        put(o, " ");
        dump_expr(o, g[i].iter);
        for (int j = 0; j < g[i].nifs; j++) {
            put(o, " (if ");
            dump_expr(o, g[i].ifs[j]);
            put(o, ")");
        }
        put(o, ")");
    }
}

static void dump_bytes(Out *o, const char *tag, const char *s, size_t n) {
    put(o, "(%s '", tag);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7f && c != '\\' && c != '\'') {
            put(o, "%c", c);
        } else {
            put(o, "\\x%02x", c);
        }
    }
    put(o, "')");
}

static void dump_expr(Out *o, const Expr *e) {
    switch (e->kind) {
    case EXPR_NAME:
        put(o, "%s", e->str);
        return;
    case EXPR_CONST:
        switch (e->ckind) {
        case CONST_NONE:
            put(o, "None");
            return;
        case CONST_TRUE:
            put(o, "True");
            return;
        case CONST_FALSE:
            put(o, "False");
            return;
        case CONST_ELLIPSIS:
            put(o, "...");
            return;
        case CONST_INT:
            put(o, "%s", e->str);
            return;
        case CONST_FLOAT:
            put(o, "%.17g", e->fval);
            return;
        case CONST_IMAG:
            put(o, "%.17gj", e->fval);
            return;
        case CONST_STR:
            dump_bytes(o, "str", e->str, e->len);
            return;
        case CONST_BYTES:
            dump_bytes(o, "bytes", e->str, e->len);
            return;
        }
        return;
    case EXPR_FSTRING:
        dump_list(o, "fstr", e->values, e->nvalues);
        return;
    case EXPR_FORMATTED:
        put(o, "(fmt ");
        dump_expr(o, e->left);
        put(o, " %c ", e->conversion ? e->conversion : '-');
        dump_opt(o, e->right);
        put(o, ")");
        return;
    case EXPR_BINOP:
    case EXPR_UNARY:
        put(o, "(%s ", op_name(e->op));
        dump_expr(o, e->left);
        if (e->kind == EXPR_BINOP) {
            put(o, " ");
            dump_expr(o, e->right);
        }
        put(o, ")");
        return;
    case EXPR_BOOLOP:
        dump_list(o, op_name(e->op), e->values, e->nvalues);
        return;
    case EXPR_COMPARE:
        put(o, "(cmp ");
        dump_expr(o, e->left);
        for (int i = 0; i < e->nvalues; i++) {
            put(o, " %s ", cmp_name(e->cmpops[i]));
            dump_expr(o, e->values[i]);
        }
        put(o, ")");
        return;
    case EXPR_CALL:
        put(o, "(call ");
        dump_expr(o, e->func);
        for (int i = 0; i < e->nargs; i++) {
            put(o, " ");
            dump_expr(o, e->args[i]);
        }
        for (int i = 0; i < e->nkeywords; i++) {
            put(o, " %s=", e->keywords[i].name ? e->keywords[i].name : "**");
            dump_expr(o, e->keywords[i].value);
        }
        put(o, ")");
        return;
    case EXPR_ATTR:
        put(o, "(attr ");
        dump_expr(o, e->left);
        put(o, " %s)", e->str);
        return;
    case EXPR_SUBSCRIPT:
        put(o, "(sub ");
        dump_expr(o, e->left);
        put(o, " ");
        dump_expr(o, e->right);
        put(o, ")");
        return;
    case EXPR_SLICE:
        put(o, "(slice ");
        dump_opt(o, e->left);
        put(o, " ");
        dump_opt(o, e->right);
        put(o, " ");
        dump_opt(o, e->test);
        put(o, ")");
        return;
    case EXPR_LIST:
        dump_list(o, "list", e->values, e->nvalues);
        return;
    case EXPR_TUPLE:
        dump_list(o, "tuple", e->values, e->nvalues);
        return;
    case EXPR_SET:
        dump_list(o, "set", e->values, e->nvalues);
        return;
    case EXPR_DICT:
        put(o, "(dict");
        for (int i = 0; i < e->nvalues; i++) {
            put(o, " ");
            if (e->keys[i]) {
                dump_expr(o, e->keys[i]);
                put(o, ":");
            } else {
                put(o, "**");
            }
            dump_expr(o, e->values[i]);
        }
        put(o, ")");
        return;
    case EXPR_LISTCOMP:
    case EXPR_SETCOMP:
    case EXPR_GENEXP:
        put(o, "(%s ",
            e->kind == EXPR_LISTCOMP  ? "listcomp"
            : e->kind == EXPR_SETCOMP ? "setcomp"
                                      : "genexp");
        dump_expr(o, e->elt);
        dump_gens(o, e->generators, e->ngenerators);
        put(o, ")");
        return;
    case EXPR_DICTCOMP:
        put(o, "(dictcomp ");
        dump_expr(o, e->left);
        put(o, ":");
        dump_expr(o, e->elt);
        dump_gens(o, e->generators, e->ngenerators);
        put(o, ")");
        return;
    case EXPR_IFEXP:
        put(o, "(ifexp ");
        dump_expr(o, e->test);
        put(o, " ");
        dump_expr(o, e->left);
        put(o, " ");
        dump_expr(o, e->right);
        put(o, ")");
        return;
    case EXPR_LAMBDA:
        put(o, "(lambda ");
        dump_args(o, e->params);
        put(o, " ");
        dump_expr(o, e->left);
        put(o, ")");
        return;
    case EXPR_STARRED:
        put(o, "(star ");
        dump_expr(o, e->left);
        put(o, ")");
        return;
    case EXPR_WALRUS:
        put(o, "(walrus ");
        dump_expr(o, e->left);
        put(o, " ");
        dump_expr(o, e->right);
        put(o, ")");
        return;
    }
}

static void dump_stmt(Out *o, const Stmt *s) {
    switch (s->kind) {
    case STMT_EXPR:
        dump_expr(o, s->value);
        return;
    case STMT_ASSIGN:
        put(o, "(assign");
        for (int i = 0; i < s->ntargets; i++) {
            put(o, " ");
            dump_expr(o, s->targets[i]);
        }
        put(o, " = ");
        dump_expr(o, s->value);
        put(o, ")");
        return;
    case STMT_AUGASSIGN:
        put(o, "(aug ");
        dump_expr(o, s->target);
        put(o, " %s= ", op_name(s->op));
        dump_expr(o, s->value);
        put(o, ")");
        return;
    case STMT_ANNASSIGN:
        put(o, "(ann ");
        dump_expr(o, s->target);
        put(o, " ");
        dump_expr(o, s->annotation);
        put(o, " ");
        dump_opt(o, s->value);
        put(o, ")");
        return;
    case STMT_DEL:
        dump_list(o, "del", s->targets, s->ntargets);
        return;
    case STMT_PASS:
        put(o, "pass");
        return;
    case STMT_BREAK:
        put(o, "break");
        return;
    case STMT_CONTINUE:
        put(o, "continue");
        return;
    case STMT_RETURN:
        put(o, "(return ");
        dump_opt(o, s->value);
        put(o, ")");
        return;
    case STMT_RAISE:
        put(o, "(raise ");
        dump_opt(o, s->value);
        put(o, " ");
        dump_opt(o, s->cause);
        put(o, ")");
        return;
    case STMT_GLOBAL:
    case STMT_NONLOCAL:
        put(o, "(%s", s->kind == STMT_GLOBAL ? "global" : "nonlocal");
        for (int i = 0; i < s->nnames; i++) {
            put(o, " %s", s->names[i]);
        }
        put(o, ")");
        return;
    case STMT_IF:
    case STMT_WHILE:
        put(o, "(%s ", s->kind == STMT_IF ? "if" : "while");
        dump_expr(o, s->test);
        put(o, " ");
        dump_body(o, s->body, s->nbody);
        put(o, " ");
        dump_body(o, s->orelse, s->norelse);
        put(o, ")");
        return;
    case STMT_FOR:
        put(o, "(for ");
        dump_expr(o, s->target);
        put(o, " ");
        dump_expr(o, s->iter);
        put(o, " ");
        dump_body(o, s->body, s->nbody);
        put(o, " ");
        dump_body(o, s->orelse, s->norelse);
        put(o, ")");
        return;
    case STMT_TRY:
        put(o, "(try ");
        dump_body(o, s->body, s->nbody);
        for (int i = 0; i < s->nhandlers; i++) {
            put(o, " (except ");
            dump_opt(o, s->handlers[i].type);
            put(o, " %s ", s->handlers[i].name ? s->handlers[i].name : "-");
            dump_body(o, s->handlers[i].body, s->handlers[i].nbody);
            put(o, ")");
        }
        put(o, " ");
        dump_body(o, s->orelse, s->norelse);
        put(o, " ");
        dump_body(o, s->finalbody, s->nfinalbody);
        put(o, ")");
        return;
    case STMT_FUNCDEF:
        put(o, "(def %s ", s->name);
        dump_args(o, s->params);
        if (s->ndecorators) {
            put(o, " ");
            dump_list(o, "@", s->decorators, s->ndecorators);
        }
        put(o, " ");
        dump_body(o, s->body, s->nbody);
        put(o, ")");
        return;
    case STMT_CLASSDEF:
        put(o, "(class %s", s->name);
        for (int i = 0; i < s->nbases; i++) {
            put(o, " ");
            dump_expr(o, s->bases[i]);
        }
        for (int i = 0; i < s->nkeywords; i++) {
            put(o, " %s=", s->keywords[i].name ? s->keywords[i].name : "**");
            dump_expr(o, s->keywords[i].value);
        }
        if (s->ndecorators) {
            put(o, " ");
            dump_list(o, "@", s->decorators, s->ndecorators);
        }
        put(o, " ");
        dump_body(o, s->body, s->nbody);
        put(o, ")");
        return;
    case STMT_IMPORT:
    case STMT_IMPORTFROM:
        if (s->kind == STMT_IMPORT) {
            put(o, "(import");
        } else {
            put(o, "(from %s", s->module);
        }
        for (int i = 0; i < s->nnames; i++) {
            put(o, " %s", s->names[i]);
            if (s->asnames[i]) {
                put(o, ":%s", s->asnames[i]);
            }
        }
        put(o, ")");
        return;
    case STMT_ASSERT:
        put(o, "(assert ");
        dump_expr(o, s->test);
        put(o, " ");
        dump_opt(o, s->value);
        put(o, ")");
        return;
    case STMT_WITH:
        put(o, "(with");
        for (int i = 0; i < s->nitems; i++) {
            put(o, " ");
            dump_expr(o, s->items[i]);
            put(o, ":");
            dump_opt(o, s->targets[i]);
        }
        put(o, " ");
        dump_body(o, s->body, s->nbody);
        put(o, ")");
        return;
    }
}

/* ------------------------------------------------------------------ helpers */

static Ast ast;
static SyntaxErr err;
static char *dumped;

static void fini(void) {
    ast_free(&ast);
    free(dumped);
    dumped = NULL;
}

TestSuite(lexer);
TestSuite(parser, .fini = fini);
TestSuite(fstrings, .fini = fini);
TestSuite(syntax_errors, .fini = fini);

/* Parses src (which must succeed) and returns the dump of its statements, one per line. */
static const char *parse(const char *src) {
    ast_free(&ast);
    int rc = parse_module(src, strlen(src), &ast, &err);
    cr_assert_eq(rc, 0, "parse failed: %s: %s at %d:%d\n--- source:\n%s", err.type, err.msg,
                 err.line, err.col, src);
    Out o = {NULL, 0, 0};
    o.cap = 256;
    o.buf = malloc(o.cap);
    o.buf[0] = '\0';
    for (int i = 0; i < ast.nbody; i++) {
        if (i) {
            put(&o, "\n");
        }
        dump_stmt(&o, ast.body[i]);
    }
    free(dumped);
    dumped = o.buf;
    return dumped;
}

#define TREE(src, expected) cr_assert_str_eq(parse(src), expected, "source: %s", src)

/* The first (only) statement of src. */
static const Stmt *stmt(const char *src) {
    parse(src);
    cr_assert_geq(ast.nbody, 1);
    return ast.body[0];
}

static void fails(const char *src, const char *type, const char *msg, int line, int col) {
    ast_free(&ast);
    int rc = parse_module(src, strlen(src), &ast, &err);
    cr_assert_eq(rc, -1, "expected %s for:\n%s", msg, src);
    cr_assert_str_eq(err.type, type, "source: %s", src);
    cr_assert_str_eq(err.msg, msg, "source: %s", src);
    cr_assert_eq(err.line, line, "line %d, expected %d for %s: %s", err.line, line, msg, src);
    cr_assert_eq(err.col, col, "col %d, expected %d for %s: %s", err.col, col, msg, src);
}

#define SYNTAX(src, msg, line, col) fails(src, "SyntaxError", msg, line, col)
#define INDENT(src, msg, line, col) fails(src, "IndentationError", msg, line, col)

/* The token kinds of src, space-separated. */
static char *kinds(const char *src) {
    TokenList tl;
    cr_assert_eq(lex_tokenize(src, strlen(src), 1, &tl), 0);
    Out o = {NULL, 0, 0};
    o.cap = 256;
    o.buf = malloc(o.cap);
    o.buf[0] = '\0';
    for (int i = 0; i < tl.ntoks; i++) {
        put(&o, "%s%s", i ? " " : "", lex_kind_name(tl.toks[i].kind));
    }
    lex_free(&tl);
    return o.buf;
}

#define KINDS(src, expected)                                                                       \
    do {                                                                                           \
        char *k_ = kinds(src);                                                                     \
        cr_assert_str_eq(k_, expected, "source: %s", src);                                         \
        free(k_);                                                                                  \
    } while (0)

/* ------------------------------------------------------------------ lexer */

Test(lexer, simple_statement) {
    KINDS("x = 1\n", "NAME EQUAL NUMBER NEWLINE ENDMARKER");
    KINDS("x = 1", "NAME EQUAL NUMBER NEWLINE ENDMARKER"); /* a final newline is implied */
    KINDS("", "ENDMARKER");
    KINDS("# only a comment\n\n   \n", "ENDMARKER");
}

Test(lexer, indentation_produces_indent_and_dedent) {
    KINDS("if x:\n    y\n    z\nw\n",
          "IF NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT NAME NEWLINE ENDMARKER");
    KINDS("if a:\n  if b:\n    c\nd\n",
          "IF NAME COLON NEWLINE INDENT IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT DEDENT "
          "NAME NEWLINE ENDMARKER");
    /* blank and comment lines do not change the indentation */
    KINDS("if a:\n    b\n\n# c\n    d\n",
          "IF NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT ENDMARKER");
}

Test(lexer, tabs_advance_to_multiples_of_eight) {
    /* a tab then a space is column 9 either way */
    KINDS("if a:\n\t b\n\t c\n",
          "IF NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT ENDMARKER");
    fails("if 1:\n    x\n\ty\n", "TabError", "inconsistent use of tabs and spaces in indentation",
          3, 1);
}

Test(lexer, brackets_and_backslashes_join_lines) {
    KINDS("x = (1,\n     2)\n", "NAME EQUAL LPAR NUMBER COMMA NUMBER RPAR NEWLINE ENDMARKER");
    KINDS("x = 1 + \\\n    2\n", "NAME EQUAL NUMBER PLUS NUMBER NEWLINE ENDMARKER");
    KINDS("d = {\n  'a': [\n 1]}\n",
          "NAME EQUAL LBRACE STRING COLON LSQB NUMBER RSQB RBRACE NEWLINE ENDMARKER");
}

Test(lexer, operators) {
    KINDS("a := b -> c ** d // e ... @ f",
          "NAME COLONEQUAL NAME RARROW NAME DOUBLESTAR NAME DOUBLESLASH NAME ELLIPSIS AT NAME "
          "NEWLINE ENDMARKER");
    KINDS("a **= b //= c >>= d <<= e @= f",
          "NAME DOUBLESTAREQUAL NAME DOUBLESLASHEQUAL NAME RIGHTSHIFTEQUAL NAME LEFTSHIFTEQUAL "
          "NAME ATEQUAL NAME NEWLINE ENDMARKER");
    KINDS("a != b <= c >= d == e < f > g",
          "NAME NOTEQUAL NAME LESSEQUAL NAME GREATEREQUAL NAME EQEQUAL NAME LESS NAME GREATER "
          "NAME NEWLINE ENDMARKER");
    KINDS("x.y", "NAME DOT NAME NEWLINE ENDMARKER");
}

Test(lexer, keywords_and_names) {
    KINDS("if not None is True and print or lambda",
          "IF NOT NONE IS TRUE AND NAME OR LAMBDA NEWLINE ENDMARKER");
    KINDS("café = naïve", "NAME EQUAL NAME NEWLINE ENDMARKER");
    KINDS("match = case = _", "NAME EQUAL NAME EQUAL NAME NEWLINE ENDMARKER");
}

Test(lexer, numbers_and_strings) {
    KINDS("1 1_000 0x_ff 0o17 0b1 1.5 .5 1e-3 1.5j 3J 0",
          "NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NEWLINE "
          "ENDMARKER");
    KINDS("'a' \"b\" r'c' b'd' rb'e' BR'f' f'g' Rf'h' u'i' '''j''' \"\"\"k\"\"\"",
          "STRING STRING STRING STRING STRING STRING STRING STRING STRING STRING STRING NEWLINE "
          "ENDMARKER");
    KINDS("s = '''a\nb'''\n", "NAME EQUAL STRING NEWLINE ENDMARKER");
    KINDS("1if x else 2", "NUMBER IF NAME ELSE NUMBER NEWLINE ENDMARKER");
}

Test(lexer, token_positions) {
    TokenList tl;
    const char *src = "x = 'a\nb' if y else '''c\nd'''\n  # c\n";
    cr_assert_eq(lex_tokenize(src, strlen(src), 1, &tl), 0);
    cr_assert_eq(tl.toks[0].line, 1);
    cr_assert_eq(tl.toks[0].col, 0);
    cr_assert_eq(tl.toks[2].kind, TOK_ERRORTOKEN); /* the single-quoted string has no end */
    cr_assert_str_eq(tl.err.msg, "unterminated string literal (detected at line 1)");
    cr_assert_eq(tl.err_hard, 1);
    lex_free(&tl);

    src = "y = '''c\nd''' + z\n";
    cr_assert_eq(lex_tokenize(src, strlen(src), 1, &tl), 0);
    cr_assert_eq(tl.toks[2].kind, TOK_STRING);
    cr_assert_eq(tl.toks[2].line, 1);
    cr_assert_eq(tl.toks[2].col, 4);
    cr_assert_eq(tl.toks[2].end_line, 2);
    cr_assert_eq(tl.toks[2].end_col, 4);
    cr_assert_eq(tl.toks[4].kind, TOK_NAME);
    cr_assert_eq(tl.toks[4].line, 2);
    cr_assert_eq(tl.toks[4].col, 7);
    lex_free(&tl);
}

Test(lexer, crlf_and_bom) {
    KINDS("\xEF\xBB\xBFx = 1\r\ny = 2\r",
          "NAME EQUAL NUMBER NEWLINE NAME EQUAL NUMBER NEWLINE ENDMARKER");
}

Test(lexer, errors_are_left_for_the_parser) {
    TokenList tl;
    const char *src = "if x:\n        a\n    b\n";
    cr_assert_eq(lex_tokenize(src, strlen(src), 1, &tl), 0);
    Token *last = &tl.toks[tl.ntoks - 1];
    cr_assert_eq(last->kind, TOK_ERRORTOKEN);
    cr_assert_str_eq(tl.err.type, "IndentationError");
    cr_assert_str_eq(tl.err.msg, "unindent does not match any outer indentation level");
    cr_assert_eq(tl.err_hard, 0);
    lex_free(&tl);
}

/* ------------------------------------------------------------------ expressions */

Test(parser, precedence) {
    TREE("-2**2", "(USub (Pow 2 2))");
    TREE("2**-1", "(Pow 2 (USub 1))");
    TREE("2**3**2", "(Pow 2 (Pow 3 2))");
    TREE("a + b * c - d", "(Sub (Add a (Mult b c)) d)");
    TREE("a | b ^ c & d << e + f", "(BitOr a (BitXor b (BitAnd c (LShift d (Add e f)))))");
    TREE("a // b % c @ d / e", "(Div (MatMult (Mod (FloorDiv a b) c) d) e)");
    TREE("~a * -b", "(Mult (Invert a) (USub b))");
    TREE("not a == b", "(Not (cmp a Eq b))");
    TREE("a or b and not c", "(Or a (And b (Not c)))");
    TREE("a or b or c", "(Or a b c)");
    TREE("x if a else y if b else z", "(ifexp a x (ifexp b y z))");
    TREE("lambda: x if y else z", "(lambda (args) (ifexp y x z))");
    TREE("(a + b) * c", "(Mult (Add a b) c)");
}

Test(parser, comparisons_chain) {
    TREE("a < b <= c", "(cmp a Lt b LtE c)");
    TREE("a not in b is not c in d is e != f", "(cmp a NotIn b IsNot c In d Is e NotEq f)");
    TREE("a == b > c >= d", "(cmp a Eq b Gt c GtE d)");
}

Test(parser, atoms) {
    TREE("None, True, False, ...", "(tuple None True False ...)");
    TREE("()", "(tuple)");
    TREE("(x,)", "(tuple x)");
    TREE("(x)", "x");
    TREE("[]", "(list)");
    TREE("[1, *a, 2]", "(list 1 (star a) 2)");
    TREE("{}", "(dict)");
    TREE("{1: 2, **d, 3: 4}", "(dict 1:2 **d 3:4)");
    TREE("{1, 2}", "(set 1 2)");
    TREE("{*a}", "(set (star a))");
}

Test(parser, numbers) {
    TREE("1_000_000", "1000000");
    TREE("0xFF", "255");
    TREE("0o777", "511");
    TREE("0b1010", "10");
    TREE("0xFFFFFFFFFFFFFFFFFFFF", "1208925819614629174706175");
    TREE("0x_dead_beef", "3735928559");
    TREE("0", "0");
    TREE("00", "0");
    TREE("1.5", "1.5");
    TREE("1_0.2_5e1_0", "102500000000");
    TREE(".5", "0.5");
    TREE("1e400", "inf");
    TREE("2j", "2j");
    const Stmt *s = stmt("123456789012345678901234567890");
    cr_assert_eq(s->value->ckind, CONST_INT);
    cr_assert_eq(s->value->len, 30);
}

Test(parser, strings_and_escapes) {
    TREE("'a' \"b\" '''c'''", "(str 'abc')");
    TREE("'\\n\\t\\\\\\'\\\"\\r\\a\\b\\f\\v'",
         "(str '\\x0a\\x09\\x5c\\x27\"\\x0d\\x07\\x08\\x0c\\x0b')");
    TREE("'\\x41\\101\\u00e9\\U0001F600'", "(str 'AA\\xc3\\xa9\\xf0\\x9f\\x98\\x80')");
    TREE("'a\\\nb'", "(str 'ab')");
    TREE("'\\d'", "(str '\\x5cd')");
    TREE("r'\\n\\d'", "(str '\\x5cn\\x5cd')");
    TREE("'\\N{EM DASH}'", "(str '\\xe2\\x80\\x94')");
    TREE("b'\\x00\\xff' B\"x\"", "(bytes '\\x00\\xffx')");
    TREE("rb'\\x00'", "(bytes '\\x5cx00')");
    TREE("u'x'", "(str 'x')");
    TREE("'''a\nb'''", "(str 'a\\x0ab')");
    const Stmt *s = stmt("'a\\0b'");
    cr_assert_eq(s->value->len, 3);
    cr_assert_eq(s->value->str[1], '\0');
    cr_assert_eq(s->value->str[3], '\0');
}

Test(parser, calls) {
    TREE("f()", "(call f)");
    TREE("f(a, *b, c=1, **d)", "(call f a (star b) c=1 **=d)");
    TREE("f(a, b=1, *c, d=2)", "(call f a (star c) b=1 d=2)");
    TREE("f(x for x in y)", "(call f (genexp x (for x y)))");
    TREE("f((x for x in y), z)", "(call f (genexp x (for x y)) z)");
    TREE("f(x := 1)", "(call f (walrus x 1))");
    TREE("a.b.c(d)(e)", "(call (call (attr (attr a b) c) d) e)");
    TREE("print(1, 2, sep='')", "(call print 1 2 sep=(str ''))");
}

Test(parser, subscripts_and_slices) {
    TREE("a[1]", "(sub a 1)");
    TREE("a[1:2]", "(sub a (slice 1 2 -))");
    TREE("a[::2]", "(sub a (slice - - 2))");
    TREE("a[:]", "(sub a (slice - - -))");
    TREE("a[1:2, 3]", "(sub a (tuple (slice 1 2 -) 3))");
    TREE("d[1, 2]", "(sub d (tuple 1 2))");
    TREE("a[x:=1]", "(sub a (walrus x 1))");
    TREE("a[b][c]", "(sub (sub a b) c)");
}

Test(parser, comprehensions) {
    TREE("[x for x in y]", "(listcomp x (for x y))");
    TREE("[x*y for x in a if x if x > 1 for y in b]",
         "(listcomp (Mult x y) (for x a (if x) (if (cmp x Gt 1))) (for y b))");
    TREE("{k: v for k, v in d}", "(dictcomp k:v (for (tuple k v) d))");
    TREE("{x for x in s}", "(setcomp x (for x s))");
    TREE("(x for x in s)", "(genexp x (for x s))");
    TREE("[(a, b) for a, (b, c) in z]", "(listcomp (tuple a b) (for (tuple a (tuple b c)) z))");
}

Test(parser, lambda_and_walrus) {
    TREE("lambda x, y=1, *a, k, m=2, **kw: 0", "(lambda (args x y *a k m=2 **kw (defaults 1)) 0)");
    TREE("lambda *, k: k", "(lambda (args * k) k)");
    TREE("lambda a, /, b: 0", "(lambda (args a / b) 0)");
    TREE("(y := f(x))", "(walrus y (call f x))");
    TREE("if (n := len(a)) > 10: pass", "(if (cmp (walrus n (call len a)) Gt 10) (pass) ())");
}

/* ------------------------------------------------------------------ f-strings */

Test(fstrings, parts) {
    TREE("f'a{x}b'", "(fstr (str 'a') (fmt x - -) (str 'b'))");
    TREE("f'{x!r}{y!s}{z!a}'", "(fstr (fmt x r -) (fmt y s -) (fmt z a -))");
    TREE("f'{x:>10}'", "(fstr (fmt x - (fstr (str '>10'))))");
    TREE("f'{x:{w}.{p}f}'", "(fstr (fmt x - (fstr (fmt w - -) (str '.') (fmt p - -) (str 'f'))))");
    TREE("f'{{}}{{x}}'", "(fstr (str '{}{x}'))");
    TREE("f''", "(fstr)");
    TREE("f'{x:}'", "(fstr (fmt x - (fstr)))");
    TREE("f'{a + b * 2}'", "(fstr (fmt (Add a (Mult b 2)) - -))");
    TREE("f'{x, y}'", "(fstr (fmt (tuple x y) - -))");
    TREE("f\"{d['k']}\"", "(fstr (fmt (sub d (str 'k')) - -))");
    TREE("f'{f\"{x}\"}'", "(fstr (fmt (fstr (fmt x - -)) - -))");
    TREE("rf'\\n{x}'", "(fstr (str '\\x5cn') (fmt x - -))");
    TREE("f'\\n{x}'", "(fstr (str '\\x0a') (fmt x - -))");
    TREE("f'{x!=y}'", "(fstr (fmt (cmp x NotEq y) - -))");
}

Test(fstrings, self_documenting) {
    TREE("f'{x=}'", "(fstr (str 'x=') (fmt x r -))");
    TREE("f'{x * 2 = }'", "(fstr (str 'x * 2 = ') (fmt (Mult x 2) r -))");
    TREE("f'{x=!s}'", "(fstr (str 'x=') (fmt x s -))");
    TREE("f'{x=:>5}'", "(fstr (str 'x=') (fmt x - (fstr (str '>5'))))");
    TREE("f'a{x=}b'", "(fstr (str 'ax=') (fmt x r -) (str 'b'))");
}

Test(fstrings, concatenation_merges_constants) {
    TREE("'a' f'b{x}c' 'd' f'e'", "(fstr (str 'ab') (fmt x - -) (str 'cde'))");
    TREE("'a' f'' 'b'", "(fstr (str 'ab'))");
}

Test(fstrings, node_lines) {
    const Stmt *s = stmt("x = 1\ny = (\n  f'{x + 1}')\n");
    (void)s;
    const Expr *f = ast.body[1]->value;
    cr_assert_eq(f->kind, EXPR_FSTRING);
    cr_assert_eq(f->line, 3);
    const Expr *add = f->values[0]->left;
    cr_assert_eq(add->kind, EXPR_BINOP);
    cr_assert_eq(add->line, 3);
    cr_assert_eq(add->col, 5);
}

Test(fstrings, errors) {
    SYNTAX("x = f\"{}\"", "f-string: empty expression not allowed", 1, 10);
    SYNTAX("x = f\"{a\"", "f-string: expecting '}'", 1, 10);
    SYNTAX("x = f\"}\"", "f-string: single '}' is not allowed", 1, 9);
    SYNTAX("x = f\"{a!x}\"", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1,
           13);
    SYNTAX("f\"{a b}\"", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2);
    SYNTAX("f\"{x:{y:{z}}}\"", "f-string: expressions nested too deeply", 1, 15);
    SYNTAX("f\"{a#}\"", "f-string expression part cannot include '#'", 1, 8);
    SYNTAX("f\"{*a}\"", "f-string: cannot use starred expression here", 1, 2);
    SYNTAX("x = (\nf\"{a b}\")", "f-string: invalid syntax. Perhaps you forgot a comma?", 2, 2);
    SYNTAX("x = 'a' b'c'", "cannot mix bytes and nonbytes literals", 1, 13);
}

/* ------------------------------------------------------------------ statements */

Test(parser, assignments) {
    TREE("a = b = 1", "(assign a b = 1)");
    TREE("a, b = b, a", "(assign (tuple a b) = (tuple b a))");
    TREE("a, *b = x", "(assign (tuple a (star b)) = x)");
    TREE("[a, (b, c)] = x", "(assign (list a (tuple b c)) = x)");
    TREE("x.y[0] = 1, 2", "(assign (sub (attr x y) 0) = (tuple 1 2))");
    TREE("x: int = 3", "(ann x int 3)");
    TREE("x: int", "(ann x int -)");
    TREE("a.b: list[int] = []", "(ann (attr a b) (sub list int) (list))");
    TREE("x += 1\nx -= 1\nx *= 1\nx @= 1\nx /= 1\nx %= 1\nx &= 1\nx |= 1\nx ^= 1\nx <<= 1\n"
         "x >>= 1\nx **= 1\nx //= 1",
         "(aug x Add= 1)\n(aug x Sub= 1)\n(aug x Mult= 1)\n(aug x MatMult= 1)\n(aug x Div= 1)\n"
         "(aug x Mod= 1)\n(aug x BitAnd= 1)\n(aug x BitOr= 1)\n(aug x BitXor= 1)\n"
         "(aug x LShift= 1)\n(aug x RShift= 1)\n(aug x Pow= 1)\n(aug x FloorDiv= 1)");
    TREE("a[i] += f(x)", "(aug (sub a i) Add= (call f x))");
}

Test(parser, simple_statements) {
    TREE("pass; break; continue", "pass\nbreak\ncontinue");
    TREE("x = 1;", "(assign x = 1)");
    TREE("return", "(return -)");
    TREE("return a, b", "(return (tuple a b))");
    TREE("raise", "(raise - -)");
    TREE("raise E from e", "(raise E e)");
    TREE("global a, b\nnonlocal c", "(global a b)\n(nonlocal c)");
    TREE("del a, b[0], c.d", "(del a (sub b 0) (attr c d))");
    TREE("del (a, b)", "(del (tuple a b))");
    TREE("assert x, 'msg'", "(assert x (str 'msg'))");
    TREE("assert x", "(assert x -)");
}

Test(parser, imports) {
    TREE("import a.b as c, d", "(import a.b:c d)");
    TREE("from x.y import a as b, c", "(from x.y a:b c)");
    TREE("from x import (a,\n b,)", "(from x a b)");
    TREE("from x import *", "(from x *)");
    TREE("from . import a\nfrom ..m import b", "(from . a)\n(from ..m b)");
}

Test(parser, if_elif_else) {
    TREE("if a:\n    x\nelif b:\n    y\nelif c: z\nelse:\n    w\n",
         "(if a (x) ((if b (y) ((if c (z) (w))))))");
    TREE("if a: x; y", "(if a (x y) ())");
    /* elif is a nested STMT_IF in orelse */
    const Stmt *s = stmt("if a:\n  pass\nelif b:\n  pass\n");
    cr_assert_eq(s->norelse, 1);
    cr_assert_eq(s->orelse[0]->kind, STMT_IF);
    cr_assert_eq(s->orelse[0]->line, 3);
}

Test(parser, loops) {
    TREE("while x:\n  x -= 1\nelse:\n  pass\n", "(while x ((aug x Sub= 1)) (pass))");
    TREE("for i, (a, b) in enumerate(z):\n  break\n",
         "(for (tuple i (tuple a b)) (call enumerate z) (break) ())");
    TREE("for x in 1, 2:\n  pass\nelse:\n  continue\n", "(for x (tuple 1 2) (pass) (continue))");
    TREE("for *a, b in c: pass", "(for (tuple (star a) b) c (pass) ())");
}

Test(parser, try_statements) {
    TREE("try:\n  a\nexcept:\n  b\n", "(try (a) (except - - (b)) () ())");
    TREE("try:\n  a\nexcept E:\n  b\nexcept (A, B) as e:\n  c\nelse:\n  d\nfinally:\n  f\n",
         "(try (a) (except E - (b)) (except (tuple A B) e (c)) (d) (f))");
    TREE("try:\n  a\nfinally:\n  f\n", "(try (a) () (f))");
}

Test(parser, with_statements) {
    TREE("with open(p) as f, lock:\n  pass\n", "(with (call open p):f lock:- (pass))");
    TREE("with (a as b, c as d):\n  pass\n", "(with a:b c:d (pass))");
    TREE("with (a, b) as (c, d):\n  pass\n", "(with (tuple a b):(tuple c d) (pass))");
    TREE("with (a):\n  pass\n", "(with a:- (pass))");
}

Test(parser, functions) {
    TREE("def f(a, b=1, *args, c, d=2, **kw) -> int:\n  return a\n",
         "(def f (args a b *args c d=2 **kw (defaults 1)) ((return a)))");
    TREE("def f(a, /, b, *, c): pass", "(def f (args a / b * c) (pass))");
    TREE("def f(a: int = 1, *b: str, **c: dict) -> None: pass",
         "(def f (args a *b **c (defaults 1)) (pass))");
    TREE("@dec\n@mod.dec(1)\ndef f():\n  pass\n",
         "(def f (args) (@ dec (call (attr mod dec) 1)) (pass))");
    const Stmt *s = stmt("@dec\ndef f():\n  pass\n");
    cr_assert_eq(s->line, 2); /* the def line, as CPython */
    cr_assert_eq(s->params->nargs, 0);
    cr_assert_null(s->params->vararg);
    s = stmt("def g(a, b=2, *, k, m=3): pass");
    cr_assert_eq(s->params->nargs, 2);
    cr_assert_eq(s->params->ndefaults, 1);
    cr_assert_eq(s->params->nkwonly, 2);
    cr_assert_null(s->params->kw_defaults[0]);
    cr_assert_not_null(s->params->kw_defaults[1]);
}

Test(parser, classes) {
    TREE("class A: pass", "(class A (pass))");
    TREE("class B(A, metaclass=M):\n  x = 1\n  def m(self): pass\n",
         "(class B A metaclass=M ((assign x = 1) (def m (args self) (pass))))");
    TREE("@dataclass\nclass C(): pass", "(class C (@ dataclass) (pass))");
}

Test(parser, positions) {
    const Stmt *s = stmt("x = 1\nif a:\n    y = foo(b, c.d)\n");
    (void)s;
    const Stmt *ifs = ast.body[1];
    cr_assert_eq(ifs->line, 2);
    cr_assert_eq(ifs->end_line, 3);
    cr_assert_eq(ifs->end_col, 19);
    const Stmt *asg = ifs->body[0];
    cr_assert_eq(asg->line, 3);
    cr_assert_eq(asg->col, 4);
    const Expr *call = asg->value;
    cr_assert_eq(call->col, 8);
    cr_assert_eq(call->end_col, 19);
    cr_assert_eq(call->args[1]->kind, EXPR_ATTR);
    cr_assert_eq(call->args[1]->col, 15);
    /* a binary operation starts at the parenthesis of a grouped left operand */
    s = stmt("(a + b) * c");
    cr_assert_eq(s->value->col, 0);
    cr_assert_eq(s->value->left->col, 1);
}

Test(parser, names_are_nul_terminated_arena_strings) {
    const Stmt *s = stmt("spam.eggs = ham");
    cr_assert_str_eq(s->targets[0]->str, "eggs");
    cr_assert_eq(s->targets[0]->len, 4);
    cr_assert_str_eq(s->targets[0]->left->str, "spam");
    cr_assert_str_eq(s->value->str, "ham");
}

Test(parser, deep_nesting) {
    char src[1024];
    int n = 0;
    n += sprintf(src + n, "x = ");
    for (int i = 0; i < 200; i++) {
        src[n++] = '(';
    }
    src[n++] = '1';
    for (int i = 0; i < 200; i++) {
        src[n++] = ')';
    }
    src[n] = '\0';
    TREE(src, "(assign x = 1)");
    n = sprintf(src, "x = ");
    for (int i = 0; i < 201; i++) {
        src[n++] = '[';
    }
    src[n] = '\0';
    SYNTAX(src, "too many nested parentheses", 1, 205);
}

Test(parser, deep_unary_chains_fail_cleanly) {
    size_t n = 100000;
    char *src = malloc(n + 2);
    memset(src, '-', n);
    src[n] = '1';
    src[n + 1] = '\0';
    int rc = parse_module(src, n + 1, &ast, &err);
    cr_assert_eq(rc, -1);
    cr_assert_str_eq(err.type, "SyntaxError");
    free(src);
}

Test(parser, unsupported_constructs_are_reported_after_a_clean_parse) {
    SYNTAX("def g():\n    yield 1\n", "'yield' is not supported by memviz", 2, 5);
    SYNTAX("async def f(): pass", "'async' is not supported by memviz", 1, 1);
    SYNTAX("print(await x)", "'await' is not supported by memviz", 1, 7);
    SYNTAX("y = f(x)[(yield)]", "'yield' is not supported by memviz", 1, 11);
    /* a real syntax error elsewhere wins, as CPython reports it */
    SYNTAX("def g():\n    yield 1\nx = (1 2)\n", "invalid syntax. Perhaps you forgot a comma?", 3,
           6);
}

Test(parser, garbage_never_crashes) {
    static const char *inputs[] = {
        "\xff\xfe",
        "(((",
        ")))",
        "'''",
        "f'{",
        "f'{x!",
        "\\",
        "x = \\",
        "@",
        "if",
        ":",
        "\t\t x",
        "lambda",
        "def",
        "class",
        "\x01",
        "0x",
        "1__1",
        "\"\\N{",
        "\"\\x",
        "b'\\x",
        "a[",
        "a.",
        "from",
        "import",
        "with (",
        "try:\n",
        "x = [i for i in",
        "f'{x:{y:{z:{w}}}}'",
        "{**}",
        "(*)",
        "(yield",
        "a :=",
        "print >>x, 1",
        "if x:\n  pass\n else:\n  pass\n",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        Ast a;
        SyntaxErr e;
        int rc = parse_module(inputs[i], strlen(inputs[i]), &a, &e);
        if (rc == 0) {
            ast_free(&a);
        } else {
            cr_assert(e.msg[0] != '\0', "no message for input %zu", i);
        }
    }
}

/* ------------------------------------------------------------------ syntax errors */

Test(syntax_errors, generic_and_missing_colon) {
    SYNTAX("x = 1 +", "invalid syntax", 1, 8);
    SYNTAX("x = 1 2", "invalid syntax", 1, 7);
    SYNTAX("a = 1; b = 2;;", "invalid syntax", 1, 14);
    SYNTAX("if x\n    pass", "expected ':'", 1, 5);
    SYNTAX("while x", "expected ':'", 1, 8);
    SYNTAX("def f()\n    pass\n", "expected ':'", 1, 8);
    SYNTAX("class A\n    pass\n", "expected ':'", 1, 8);
    SYNTAX("for x in y\n  pass\n", "expected ':'", 1, 11);
    SYNTAX("else if x:\n    pass", "invalid syntax", 1, 1);
    SYNTAX("x = 1 if y", "expected 'else' after 'if' expression", 1, 5);
    SYNTAX("try:\n    pass\nx = 1", "expected 'except' or 'finally' block", 3, 1);
}

Test(syntax_errors, brackets) {
    SYNTAX("x = (1,\ny = 2", "'(' was never closed", 1, 5);
    SYNTAX("x = [1, 2\ny = 3\n", "'[' was never closed", 1, 5);
    SYNTAX("print(f(x)", "'(' was never closed", 1, 6);
    SYNTAX("x = )", "unmatched ')'", 1, 5);
    SYNTAX("x = (]", "closing parenthesis ']' does not match opening parenthesis '('", 1, 6);
    SYNTAX("x = (\n]", "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
           2, 1);
    SYNTAX("f(a b)", "invalid syntax. Perhaps you forgot a comma?", 1, 3);
    SYNTAX("print(\"a\" \"b\" c)", "invalid syntax. Perhaps you forgot a comma?", 1, 7);
    /* a later unterminated string wins over an earlier parser error, as in CPython */
    SYNTAX("x = 1 2\ny = 'abc\n", "unterminated string literal (detected at line 2)", 2, 5);
}

Test(syntax_errors, strings_and_numbers) {
    SYNTAX("s = 'abc", "unterminated string literal (detected at line 1)", 1, 5);
    SYNTAX("s = \"\"\"abc\ndef", "unterminated triple-quoted string literal (detected at line 2)",
           1, 5);
    SYNTAX("x = 1abc", "invalid decimal literal", 1, 5);
    SYNTAX("x = 1_", "invalid decimal literal", 1, 6);
    SYNTAX("x = 0x", "invalid hexadecimal literal", 1, 6);
    SYNTAX("x = 0b12", "invalid digit '2' in binary literal", 1, 8);
    SYNTAX("x = 08",
           "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
           "octal integers",
           1, 5);
    SYNTAX("x = '\\x1'",
           "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated "
           "\\xXX escape",
           1, 10);
    SYNTAX("x = b'\\x4'", "(value error) invalid \\x escape at position 0", 1, 11);
    SYNTAX("x = b'\xc3\xa9'", "bytes can only contain ASCII literal characters", 1, 5);
    SYNTAX("x = 5 \\ 3", "unexpected character after line continuation character", 1, 8);
}

Test(syntax_errors, characters) {
    SYNTAX("x = \xe2\x82\xac", "invalid character '\xe2\x82\xac' (U+20AC)", 1, 5);
    SYNTAX("print(\xe2\x80\x9chi\xe2\x80\x9d)", "invalid character '\xe2\x80\x9c' (U+201C)", 1, 7);
    SYNTAX("x = 1\xc2\xa0+ 2", "invalid non-printable character U+00A0", 1, 6);
    SYNTAX("x = $", "invalid syntax", 1, 5);
}

Test(syntax_errors, indentation) {
    INDENT("if x:\npass", "expected an indented block after 'if' statement on line 1", 2, 1);
    INDENT("for x in y:\nx", "expected an indented block after 'for' statement on line 1", 2, 1);
    INDENT("while 1:\n    if x:", "expected an indented block after 'if' statement on line 2", 2,
           10);
    INDENT("def f():\nreturn", "expected an indented block after function definition on line 1", 2,
           1);
    INDENT("class A:\n", "expected an indented block after class definition on line 1", 1, 9);
    INDENT("try:\nx", "expected an indented block after 'try' statement on line 1", 2, 1);
    INDENT("try:\n    pass\nexcept:\npass",
           "expected an indented block after 'except' statement on line 3", 4, 1);
    INDENT("try:\n  a\nfinally:\nb",
           "expected an indented block after 'finally' statement on line 3", 4, 1);
    INDENT("if a:\n  b\nelif c:\nd", "expected an indented block after 'elif' statement on line 3",
           4, 1);
    INDENT("for x in y:\n    pass\nelse:",
           "expected an indented block after 'else' statement on line 3", 3, 6);
    INDENT("with a:\npass", "expected an indented block after 'with' statement on line 1", 2, 1);
    INDENT("  x = 1", "unexpected indent", 1, 2);
    INDENT("x = 1\n    y = 2\n", "unexpected indent", 2, 4);
    INDENT("if x:\n        a\n    b", "unindent does not match any outer indentation level", 3, 6);
    INDENT("if x:\n    y\n  z  # comment", "unindent does not match any outer indentation level", 3,
           15);
}

Test(syntax_errors, assignment_targets) {
    SYNTAX("1 = x", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1);
    SYNTAX("f() = 1", "cannot assign to function call here. Maybe you meant '==' instead of '='?",
           1, 1);
    SYNTAX("x = 1 = 2", "cannot assign to literal", 1, 5);
    SYNTAX("a + 1 = 2", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1,
           1);
    SYNTAX("[a, 1] = x", "cannot assign to literal", 1, 5);
    SYNTAX("True = 1", "cannot assign to True", 1, 1);
    SYNTAX("f() = lambda: 1", "cannot assign to function call", 1, 1);
    SYNTAX("1, a = x", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4);
    SYNTAX("if x = 1:\n    pass", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1,
           4);
    SYNTAX("(a, b) += 1", "'tuple' is an illegal expression for augmented assignment", 1, 1);
    SYNTAX("a, b: int", "only single target (not tuple) can be annotated", 1, 1);
    SYNTAX("del f()", "cannot delete function call", 1, 5);
    SYNTAX("for 1 in x: pass", "cannot assign to literal", 1, 5);
    SYNTAX("with a as 1:\n    pass", "cannot assign to literal", 1, 11);
}

Test(syntax_errors, calls_and_parameters) {
    SYNTAX("print \"hello\"", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1,
           1);
    SYNTAX("print x", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1);
    SYNTAX("f(a=1, b)", "positional argument follows keyword argument", 1, 9);
    SYNTAX("f(**k, *a)", "iterable argument unpacking follows keyword argument unpacking", 1, 8);
    SYNTAX("f(x for x in y, z)", "Generator expression must be parenthesized", 1, 3);
    SYNTAX("f(a.b=1)", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3);
    SYNTAX("def f(a=1, b): pass", "non-default argument follows default argument", 1, 12);
    SYNTAX("def f(*): pass", "named arguments must follow bare *", 1, 7);
    SYNTAX("def f(**k, a): pass", "arguments cannot follow var-keyword argument", 1, 12);
    SYNTAX("def f((a)): pass", "Function parameters cannot be parenthesized", 1, 7);
    SYNTAX("[a, b for a in c]", "did you forget parentheses around the comprehension target?", 1,
           2);
    SYNTAX("{a: 1, b}", "':' expected after dictionary key", 1, 8);
    SYNTAX("(*a)", "cannot use starred expression here", 1, 2);
}

Test(syntax_errors, null_bytes_and_encoding) {
    const char src[] = "x = 1\ny = \0\n";
    int rc = parse_module(src, sizeof src - 1, &ast, &err);
    cr_assert_eq(rc, -1);
    cr_assert_str_eq(err.msg, "source code cannot contain null bytes");
    cr_assert_eq(err.line, 2);
    rc = parse_module("x = 1 2\n# \xff\n", 12, &ast, &err);
    cr_assert_eq(rc, -1);
    cr_assert(strncmp(err.msg, "Non-UTF-8 code starting with '\\xff'", 35) == 0, "%s", err.msg);
}
