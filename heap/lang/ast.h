/*
 * ast.h - the abstract syntax tree of lecture Python.
 *
 * The parser (parser.c) builds it from the token stream of lexer.c; the compiler (compiler.c)
 * walks it once to emit bytecode. Nodes live in an arena owned by the Ast (ast_free releases
 * everything at once), so nodes never own one another and never need individual frees.
 *
 * Shapes follow CPython's Python.asdl where the subset allows: an expression node is an Expr
 * with a kind (EXPR_*) and the fields that kind uses; a statement is a Stmt (STMT_*).
 * Lists of nodes are (pointer array, count) pairs allocated in the arena.
 * Every node carries the 1-based line and 0-based column of its first token, plus end_line /
 * end_col, which the compiler copies into the line table for tracebacks and line steps.
 */
#ifndef MEMVIZ_AST_H
#define MEMVIZ_AST_H

#include <stddef.h>
#include <stdint.h>

typedef struct Expr Expr;
typedef struct Stmt Stmt;

typedef enum {
    EXPR_NAME,      /* name */
    EXPR_CONST,     /* constant: see ConstKind */
    EXPR_FSTRING,   /* f-string: parts (EXPR_CONST str or EXPR_FORMATTED) */
    EXPR_FORMATTED, /* one {value!conv:spec} of an f-string: value, conv, spec (EXPR_FSTRING or
                       NULL) */
    EXPR_BINOP,     /* left op right */
    EXPR_UNARY,     /* op operand (left) */
    EXPR_BOOLOP,    /* values[] joined by op (OP_AND / OP_OR) */
    EXPR_COMPARE,   /* left, cmpops[i] values[i] (chained) */
    EXPR_CALL,      /* func(args..., keywords...) ; args may contain EXPR_STARRED */
    EXPR_ATTR,      /* value.name */
    EXPR_SUBSCRIPT, /* value[index] ; index may be EXPR_SLICE or EXPR_TUPLE of them */
    EXPR_SLICE,     /* lower:upper:step, each may be NULL */
    EXPR_LIST,      /* [values...] ; values may contain EXPR_STARRED */
    EXPR_TUPLE,     /* (values...) */
    EXPR_SET,       /* {values...} */
    EXPR_DICT,      /* {keys[i]: values[i]} ; keys[i] == NULL means **values[i] */
    EXPR_LISTCOMP,  /* [elt for ...] : elt, generators */
    EXPR_SETCOMP,   /* {elt for ...} */
    EXPR_DICTCOMP,  /* {key: elt for ...} : key (in `left`), elt */
    EXPR_GENEXP,    /* (elt for ...) */
    EXPR_IFEXP,     /* body if test else orelse : left=body, test, right=orelse */
    EXPR_LAMBDA,    /* lambda args: body (left) */
    EXPR_STARRED,   /* *value (left) */
    EXPR_WALRUS,    /* name := value (target in left, value in right) */
} ExprKind;

typedef enum {
    CONST_NONE,
    CONST_TRUE,
    CONST_FALSE,
    CONST_ELLIPSIS,
    CONST_INT,   /* decimal digits (no underscores, base 10) in str/len; see ast.c */
    CONST_FLOAT, /* fval */
    CONST_IMAG,  /* fval (imaginary literal; compiler rejects it) */
    CONST_STR,   /* UTF-8 bytes in str/len, escapes already processed */
    CONST_BYTES, /* raw bytes in str/len, escapes already processed */
} ConstKind;

typedef enum {
    /* binary and augmented operators, in CPython's NB_* order */
    OP_ADD,
    OP_AND_BIT,
    OP_FLOORDIV,
    OP_LSHIFT,
    OP_MATMUL,
    OP_MUL,
    OP_MOD,
    OP_OR_BIT,
    OP_POW,
    OP_RSHIFT,
    OP_SUB,
    OP_TRUEDIV,
    OP_XOR,
    /* unary */
    OP_NOT,
    OP_NEG,
    OP_POS,
    OP_INVERT,
    /* boolean */
    OP_AND,
    OP_OR,
} Operator;

typedef enum {
    CMP_LT,
    CMP_LE,
    CMP_EQ,
    CMP_NE,
    CMP_GT,
    CMP_GE, /* CPython's Py_LT.. order */
    CMP_IN,
    CMP_NOT_IN,
    CMP_IS,
    CMP_IS_NOT,
} CmpOp;

/* One `for target in iter if cond...` clause of a comprehension. */
typedef struct {
    Expr *target;
    Expr *iter;
    Expr **ifs;
    int nifs;
} Comprehension;

/* `name=value` in a call; name == NULL means `**value`. */
typedef struct {
    const char *name;
    Expr *value;
    int line, col;
} Keyword;

/* One parameter. */
typedef struct {
    const char *name;
    int line, col;
} Arg;

/* A parameter list: posonly + args (with defaults for the last ndefaults of them),
 * *vararg, kwonly (kw_defaults[i] may be NULL = required), **kwarg. */
typedef struct {
    Arg *posonly;
    int nposonly;
    Arg *args;
    int nargs;
    Expr **defaults; /* defaults for the LAST ndefaults of posonly+args */
    int ndefaults;
    Arg *vararg; /* NULL if none */
    Arg *kwonly;
    int nkwonly;
    Expr **kw_defaults; /* nkwonly entries, each may be NULL */
    Arg *kwarg;         /* NULL if none */
} Arguments;

struct Expr {
    ExprKind kind;
    int line, col, end_line, end_col;
    /* EXPR_CONST */
    ConstKind ckind;
    const char *str; /* CONST_INT digits, CONST_STR/BYTES data; EXPR_NAME/EXPR_ATTR name */
    size_t len;
    double fval;
    /* operators */
    Operator op;
    Expr *left, *right, *test;
    /* lists */
    Expr **values;
    int nvalues;
    Expr **keys;   /* EXPR_DICT */
    CmpOp *cmpops; /* EXPR_COMPARE: nvalues of them */
    /* EXPR_CALL */
    Expr *func;
    Expr **args;
    int nargs;
    Keyword *keywords;
    int nkeywords;
    /* EXPR_ATTR / EXPR_SUBSCRIPT: value in left; EXPR_SUBSCRIPT index in right */
    /* comprehensions */
    Expr *elt;
    Comprehension *generators;
    int ngenerators;
    /* EXPR_LAMBDA */
    Arguments *params;
    /* EXPR_FORMATTED: value in left, conversion char ('r','s','a' or 0), spec in right */
    int conversion;
};

typedef enum {
    STMT_EXPR,      /* value */
    STMT_ASSIGN,    /* targets[ntargets] = value */
    STMT_AUGASSIGN, /* target op= value */
    STMT_ANNASSIGN, /* target: annotation [= value] (value may be NULL) */
    STMT_DEL,       /* del targets */
    STMT_PASS,
    STMT_BREAK,
    STMT_CONTINUE,
    STMT_RETURN,     /* value may be NULL */
    STMT_RAISE,      /* value (exc) and cause, both may be NULL */
    STMT_GLOBAL,     /* names */
    STMT_NONLOCAL,   /* names */
    STMT_IF,         /* test, body, orelse */
    STMT_WHILE,      /* test, body, orelse */
    STMT_FOR,        /* target in iter: body, orelse */
    STMT_TRY,        /* body, handlers, orelse, finalbody */
    STMT_FUNCDEF,    /* name, params, body, decorators */
    STMT_CLASSDEF,   /* name, bases (args, keywords), body, decorators */
    STMT_IMPORT,     /* names[i] as asnames[i] (asname may be NULL) */
    STMT_IMPORTFROM, /* from module import names[i] as asnames[i]; names[0]=="*" for star */
    STMT_ASSERT,     /* test, msg (value) may be NULL */
    STMT_WITH,       /* items (values = context exprs, targets = optional vars), body */
} StmtKind;

typedef struct {
    Expr *type;       /* NULL for bare except */
    const char *name; /* `as name`, or NULL */
    Stmt **body;
    int nbody;
    int line, col;
} ExceptHandler;

struct Stmt {
    StmtKind kind;
    int line, col, end_line, end_col;
    Expr *value;
    Expr **targets;
    int ntargets;
    Expr *target;
    Operator op;
    Expr *test;
    Expr *iter;
    Expr *cause;
    Stmt **body;
    int nbody;
    Stmt **orelse;
    int norelse;
    Stmt **finalbody;
    int nfinalbody;
    ExceptHandler *handlers;
    int nhandlers;
    /* def / class / global / nonlocal / import */
    const char *name;
    const char *module; /* STMT_IMPORTFROM */
    const char **names;
    const char **asnames;
    int nnames;
    Arguments *params;
    Expr **decorators;
    int ndecorators;
    Expr **bases; /* class bases */
    int nbases;
    Keyword *keywords; /* class keywords (metaclass=...), rejected by the compiler */
    int nkeywords;
    Expr **items; /* STMT_WITH context managers; targets[i] optional vars (may be NULL) */
    int nitems;
    Expr *annotation; /* STMT_ANNASSIGN */
};

/* A parsed module: its statements and the arena that owns every node and string. */
typedef struct Ast {
    Stmt **body;
    int nbody;
    struct AstArena *arena;
} Ast;

/* A syntax error: CPython's class name ("SyntaxError", "IndentationError", "TabError"),
 * message ("invalid syntax", "expected ':'", ...), 1-based line, 1-based column as CPython
 * prints the caret (offset), and end offset (0 if unknown). */
typedef struct {
    char type[32];
    char msg[256];
    int line;
    int col;
    int end_col;
} SyntaxErr;

/* Parses UTF-8 source. Returns 0 and fills *out, or -1 and fills *err.
 * The Ast must be released with ast_free. */
int parse_module(const char *src, size_t len, Ast *out, SyntaxErr *err);
void ast_free(Ast *ast);

/* The arena (ast.c). Every allocation is zeroed and lives until ast_arena_free.
 * ast_arena_alloc / ast_arena_strdup return NULL only when malloc fails. */
struct AstArena *ast_arena_new(void);
void *ast_arena_alloc(struct AstArena *arena, size_t size);
char *ast_arena_strdup(struct AstArena *arena, const char *s, size_t len); /* NUL-terminated copy */
void ast_arena_free(struct AstArena *arena);

#endif
