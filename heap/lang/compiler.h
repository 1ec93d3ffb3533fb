/*
 * compiler.h - AST to code objects (symbol table + code generation).
 */
#ifndef MEMVIZ_COMPILER_H
#define MEMVIZ_COMPILER_H

#include "heap/lang/ast.h"
#include "heap/lang/code.h"
#include "heap/runtime.h"

/* Compiles a module. Returns a NEW Code object, or NULL with *err filled (SyntaxError for
 * scoping errors such as 'return' outside function, NotImplementedError-like constructs
 * are reported as SyntaxError with a clear message). Every constant created from a literal
 * gets one extra reference held by vm->consts_arena when `main` is true (CPython's parser
 * arena keeps __main__'s constants alive while it runs). */
Code *comp_module(Vm *vm, Ast *ast, const char *filename, bool main, SyntaxErr *err);

#endif
