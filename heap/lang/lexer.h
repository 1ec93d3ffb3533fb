/*
 * lexer.h - Python 3.11 tokenizer.
 *
 * lex_tokenize turns a whole UTF-8 source into an array of tokens in one linear pass, the way
 * CPython's Parser/tokenizer.c would hand them to the parser one at a time: INDENT / DEDENT /
 * NEWLINE from the layout, keywords as their own kinds, string literals as one raw token each
 * (prefix and quotes included; the parser decodes them), numbers as raw text.
 *
 * The array always ends with TOK_ENDMARKER or, when tokenizing failed, with TOK_ERRORTOKEN
 * whose error is in TokenList.err. The parser raises that error only when it reaches the
 * token, as CPython does; a "hard" error (one CPython's tokenizer raises itself, such as an
 * unterminated string) also replaces a parser error found earlier in the file, because
 * CPython tokenizes the rest of the file before reporting a syntax error.
 */
#ifndef MEMVIZ_LEXER_H
#define MEMVIZ_LEXER_H

#include <stddef.h>

#include "heap/lang/ast.h"

/* The token kinds, once (X-macro). TOK_OP is a character that is no Python token ($ ? ! `),
 * which the parser rejects with "invalid syntax" as CPython does. */
// clang-format off
#define LEX_TOKEN_KINDS(X) \
    X(ENDMARKER) X(NAME) X(NUMBER) X(STRING) X(NEWLINE) X(INDENT) X(DEDENT) X(ERRORTOKEN) \
    X(OP) \
    X(LPAR) X(RPAR) X(LSQB) X(RSQB) X(LBRACE) X(RBRACE) X(COLON) X(COMMA) X(SEMI) \
    X(PLUS) X(MINUS) X(STAR) X(SLASH) X(VBAR) X(AMPER) X(LESS) X(GREATER) X(EQUAL) X(DOT) \
    X(PERCENT) X(EQEQUAL) X(NOTEQUAL) X(LESSEQUAL) X(GREATEREQUAL) X(TILDE) X(CIRCUMFLEX) \
    X(LEFTSHIFT) X(RIGHTSHIFT) X(DOUBLESTAR) X(PLUSEQUAL) X(MINEQUAL) X(STAREQUAL) \
    X(SLASHEQUAL) X(PERCENTEQUAL) X(AMPEREQUAL) X(VBAREQUAL) X(CIRCUMFLEXEQUAL) \
    X(LEFTSHIFTEQUAL) X(RIGHTSHIFTEQUAL) X(DOUBLESTAREQUAL) X(DOUBLESLASH) \
    X(DOUBLESLASHEQUAL) X(AT) X(ATEQUAL) X(RARROW) X(ELLIPSIS) X(COLONEQUAL) \
    X(FALSE) X(NONE) X(TRUE) X(AND) X(AS) X(ASSERT) X(ASYNC) X(AWAIT) X(BREAK) X(CLASS) \
    X(CONTINUE) X(DEF) X(DEL) X(ELIF) X(ELSE) X(EXCEPT) X(FINALLY) X(FOR) X(FROM) \
    X(GLOBAL) X(IF) X(IMPORT) X(IN) X(IS) X(LAMBDA) X(NONLOCAL) X(NOT) X(OR) X(PASS) \
    X(RAISE) X(RETURN) X(TRY) X(WHILE) X(WITH) X(YIELD)
// clang-format on

typedef enum {
#define X(name) TOK_##name,
    LEX_TOKEN_KINDS(X)
#undef X
        TOK__COUNT
} TokKind;

/* CPython's nesting limits (tokenizer.c MAXLEVEL, MAXINDENT). */
#define LEX_MAX_LEVEL 200
#define LEX_MAX_INDENT 100

typedef struct {
    TokKind kind;
    int line, col;         /* first byte: 1-based line, 0-based byte column */
    int end_line, end_col; /* just past the last byte */
    int ecol;              /* the 1-based column CPython reports for an error at this token */
    int level;             /* bracket nesting depth after this token */
    int len;               /* its length in bytes */
    const char *start;     /* the token's bytes (inside TokenList.buf) */
} Token;

typedef struct {
    Token *toks;
    int ntoks;
    int cap;
    char *buf; /* the normalized source the tokens point into (\r\n -> \n, final \n added) */
    size_t buflen;
    /* Set when the last token is TOK_ERRORTOKEN. */
    SyntaxErr err;
    int err_hard; /* raised by CPython's tokenizer itself: overrides earlier parser errors */
    /* The innermost bracket still open where tokenizing stopped (level 0 if none). */
    int open_level;
    char open_char;
    int open_line, open_col; /* 1-based line, 0-based byte column */
} TokenList;

/* Tokenizes src[0..len). first_line is the line number of the first line (1 for a file).
 * Returns 0 when the tokens could be produced (the last one may still be TOK_ERRORTOKEN), -1
 * only when memory ran out (err is filled). The list must be released with lex_free. */
int lex_tokenize(const char *src, size_t len, int first_line, TokenList *out);
void lex_free(TokenList *list);

/* The kind's name ("NAME", "LPAR", ...), for debugging and tests. */
const char *lex_kind_name(TokKind kind);

/* Decodes one UTF-8 sequence at s (at most n bytes). Returns its length (1..4) and stores the
 * code point, or returns 0 for an invalid or truncated sequence. */
int lex_utf8_decode(const unsigned char *s, size_t n, unsigned *cp);

/* Encodes a code point as UTF-8 into out (4 bytes available); returns the length. */
int lex_utf8_encode(unsigned cp, char *out);

#endif
