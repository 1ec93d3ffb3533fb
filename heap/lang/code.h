/*
 * code.h - code objects, frames and the instruction set.
 *
 * The instruction set is CPython 3.11's where it matters for reference counts: the value
 * stack holds strong references; LOAD_METHOD pushes (function, self) so `obj.m()` creates no
 * bound method; CALL moves the caller's stack references into a Python callee's frame;
 * GET_ITER replaces the iterable by its iterator; comprehensions are nested functions.
 * Exception handling uses a block stack (SETUP_FINALLY / POP_BLOCK, as CPython up to 3.10)
 * rather than 3.11's exception table: it gives the same stack contents at every handler.
 */
#ifndef MEMVIZ_CODE_H
#define MEMVIZ_CODE_H

#include "heap/object.h"

/* clang-format off */
#define OPCODES(X)                                                                                 \
    X(NOP)                                                                                         \
    X(POP_TOP)                                                                                     \
    X(PUSH_NULL) X(COPY) X(SWAP) X(LOAD_CONST) X(LOAD_FAST) X(STORE_FAST) X(DELETE_FAST) X(        \
        LOAD_NAME) X(STORE_NAME) X(DELETE_NAME) X(LOAD_GLOBAL) X(STORE_GLOBAL) X(DELETE_GLOBAL)    \
        X(LOAD_DEREF) X(STORE_DEREF) X(DELETE_DEREF) X(LOAD_CLOSURE) X(LOAD_CLASSDEREF) X(         \
            MAKE_CELL) X(COPY_FREE_VARS) X(LOAD_ATTR) X(STORE_ATTR) X(DELETE_ATTR) X(LOAD_METHOD)  \
            X(BINARY_SUBSCR) X(STORE_SUBSCR) X(DELETE_SUBSCR) X(BUILD_SLICE) X(BINARY_OP) X(       \
                UNARY_NEGATIVE) X(UNARY_POSITIVE) X(UNARY_INVERT) X(UNARY_NOT) X(COMPARE_OP)       \
                X(IS_OP) X(CONTAINS_OP) X(BUILD_TUPLE) X(BUILD_LIST) X(BUILD_SET) X(BUILD_MAP) X(  \
                    BUILD_CONST_KEY_MAP) X(LIST_APPEND) X(SET_ADD) X(MAP_ADD) X(LIST_EXTEND)       \
                    X(SET_UPDATE) X(DICT_UPDATE) X(DICT_MERGE) X(LIST_TO_TUPLE) X(BUILD_STRING) X( \
                        FORMAT_VALUE) X(UNPACK_SEQUENCE) X(UNPACK_EX) X(JUMP) X(POP_JUMP_IF_FALSE) \
                        X(POP_JUMP_IF_TRUE) X(POP_JUMP_IF_NONE) X(POP_JUMP_IF_NOT_NONE)            \
                            X(JUMP_IF_FALSE_OR_POP) X(JUMP_IF_TRUE_OR_POP) X(GET_ITER) X(FOR_ITER) \
                                X(END_FOR) X(RETURN_VALUE) X(YIELD_VALUE) X(RETURN_GENERATOR)      \
                                    X(KW_NAMES) X(CALL) X(CALL_FUNCTION_EX) X(MAKE_FUNCTION)       \
                                        X(LOAD_BUILD_CLASS) X(SETUP_FINALLY) X(POP_BLOCK)          \
                                            X(PUSH_EXC_INFO) X(POP_EXCEPT) X(RERAISE)              \
                                                X(RAISE_VARARGS) X(CHECK_EXC_MATCH)                \
                                                    X(LOAD_ASSERTION_ERROR) X(IMPORT_NAME)         \
                                                        X(IMPORT_FROM) X(IMPORT_STAR)              \
                                                            X(BEFORE_WITH) X(WITH_EXCEPT_START)    \
                                                                X(SETUP_ANNOTATIONS) X(PRINT_EXPR)

/* clang-format on */

typedef enum {
#define X(name) OP_##name,
    OPCODES(X)
#undef X
        OP__COUNT
} Opcode;

extern const char *const opcode_names[];

/* MAKE_FUNCTION flags (as CPython) */
#define MF_DEFAULTS 0x01
#define MF_KWDEFAULTS 0x02
#define MF_CLOSURE 0x08

/* Code flags */
#define CO_OPTIMIZED 0x0001
#define CO_NEWLOCALS 0x0002
#define CO_VARARGS 0x0004
#define CO_VARKEYWORDS 0x0008
#define CO_NESTED 0x0010
#define CO_GENERATOR 0x0020

typedef struct {
    uint8_t op;
    int8_t aux; /* SETUP_FINALLY: handler stack level adjustment (0 or -1) */
    int32_t arg;
} Instr;

#define LINE_START 0x40000000 /* lines[i] flag: first instruction of a line */
#define LINE_MASK 0x3fffffff

/* localsplus kinds */
#define CO_FAST_LOCAL 0x20
#define CO_FAST_CELL 0x40
#define CO_FAST_FREE 0x80

typedef struct Code {
    Obj ob;
    Instr *code;
    int ncode;
    int *lines;           /* source line of each instruction */
    Obj *consts;          /* Tuple */
    Obj *names;           /* Tuple of interned str */
    Obj *localsplusnames; /* Tuple: plain locals, then cells, then free vars */
    uint8_t *localspluskinds;
    int nlocalsplus;
    int nlocals; /* variables that are plain locals (incl. args that are not cells) */
    int ncellvars;
    int nfreevars;
    int argcount, posonlyargcount, kwonlyargcount;
    int flags;
    int stacksize;
    Obj *name;     /* Str */
    Obj *qualname; /* Str */
    Obj *filename; /* Str */
    int firstlineno;
} Code;

extern Type CodeType;

#define MAX_BLOCKS 20
typedef struct {
    int handler; /* instruction index */
    int level;   /* stack depth to unwind to */
} Block;

typedef struct Frame {
    struct Frame *back;
    Code *code;
    Obj *func;     /* Function (strong) or NULL for module code */
    Obj *globals;  /* Dict (strong) */
    Obj *builtins; /* Dict (borrowed) */
    Obj *locals;   /* Dict for module / class bodies (strong), else NULL */
    int ip;
    int line;
    int nblocks;
    Block blocks[MAX_BLOCKS];
    Obj **sp;          /* next free stack slot */
    Obj *gen;          /* the generator owning this frame, or NULL */
    uint32_t uid;      /* per-run frame id */
    bool on_heap;      /* owned by a generator */
    bool stack_known;  /* sp is exact: at a line event, or suspended in a call / yield */
    Obj *localsplus[]; /* nlocalsplus locals, then the value stack */
} Frame;

#define FRAME_STACK(f) ((f)->localsplus + (f)->code->nlocalsplus)

/* Generators: a frame that survives between next() calls. */
typedef struct {
    Obj ob;
    Frame *frame; /* NULL once finished */
    Obj *name, *qualname;
    int running;
    Obj *weaklist;
} Generator;

extern Type GeneratorType;

#endif
