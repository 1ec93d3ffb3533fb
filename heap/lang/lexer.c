/*
 * lexer.c - Python 3.11 tokenization, modelled on CPython's Parser/tokenizer.c (tok_get).
 *
 * The source is first copied into a normalized buffer: a UTF-8 byte order mark is dropped,
 * "\r\n" and lone "\r" become "\n" (CPython's universal newlines), and a final "\n" is added
 * when missing (CPython fakes one too). Tokens point into that buffer.
 *
 * The scanner then reads the buffer a line at a time, exactly where CPython's tokenizer would
 * read it, because error positions depend on it: a line is checked for NUL bytes and invalid
 * UTF-8 when it is first entered; the line number advances when the first byte of the next
 * line is read, not when "\n" is. Layout follows CPython:
 *   - at the beginning of a logical line the indentation is measured twice, with tabs to
 *     8-column stops (col) and with tabs as 1 column (altcol); the two must order the lines
 *     the same way, or it is a TabError;
 *   - a deeper line pushes an INDENT, a shallower one pops DEDENTs down to a level that must
 *     exist ("unindent does not match any outer indentation level");
 *   - blank and comment-only lines, and every line inside brackets, produce no NEWLINE and
 *     do not touch the indentation;
 *   - a backslash before "\n" joins lines.
 *
 * Errors come in the two flavours CPython has. Hard ones are raised by its tokenizer at once
 * (unterminated strings, bad numbers, invalid characters, unbalanced brackets, NUL bytes, bad
 * UTF-8); they win over a parser error earlier in the file because CPython tokenizes the rest
 * of the file before reporting. Soft ones (bad dedent, TabError, too deep, bad character after
 * a line continuation, EOF inside brackets or after a backslash) are only reported when the
 * parser reaches them. Columns follow CPython's reporting: hard errors count characters up to
 * the tokenizer's read position, soft ones count bytes.
 */
#include "heap/lang/lexer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TABSIZE 8

enum { LX_OK, LX_EOF, LX_ERR };

typedef struct {
    const char *buf;
    size_t len;
    size_t pos;        /* next byte to read */
    size_t inp;        /* end of the loaded line (just past its "\n") */
    size_t line_start; /* first byte of the loaded line */
    size_t buf_start;  /* CPython's tok->buf: the first line read since the last token ended */
    int in_token;      /* a token is being scanned (CPython's tok->start != NULL) */
    int line;          /* number of the loaded line */
    int done;          /* LX_OK, LX_EOF, LX_ERR (an error is already recorded) */
    /* indentation */
    int atbol;
    int pendin;
    int indent;
    int indstack[LEX_MAX_INDENT + 1];
    int altindstack[LEX_MAX_INDENT + 1];
    /* brackets */
    int level;
    char parenstack[LEX_MAX_LEVEL];
    int parenline[LEX_MAX_LEVEL];
    int parencol[LEX_MAX_LEVEL];
    /* the token being scanned */
    size_t start;
    int first_line;          /* line where a (multi-line) string began */
    size_t multi_line_start; /* line_start of that line */
    TokenList *out;
} Lexer;

static const char *const kind_names[] = {
#define X(name) #name,
    LEX_TOKEN_KINDS(X)
#undef X
};

const char *lex_kind_name(TokKind kind) {
    if ((int)kind < 0 || kind >= TOK__COUNT) {
        return "?";
    }
    return kind_names[kind];
}

/* ------------------------------------------------------------------ UTF-8 */

int lex_utf8_decode(const unsigned char *s, size_t n, unsigned *cp) {
    if (n == 0) {
        return 0;
    }
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        c &= 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        c &= 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        c &= 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)len > n) {
        return 0;
    }
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        return 0;
    }
    *cp = c;
    return len;
}

int lex_utf8_encode(unsigned cp, char *out) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Characters (code points) in buf[from..to): the line is valid UTF-8, so every byte that is
 * not a continuation byte starts one. */
static int count_chars(const char *buf, size_t from, size_t to) {
    int n = 0;
    for (size_t i = from; i < to; i++) {
        if (((unsigned char)buf[i] & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

/* An approximation of Py_UNICODE_ISPRINTABLE for non-ASCII code points: separators, format
 * and control characters, private use. */
static int is_printable(unsigned cp) {
    if (cp < 0x20 || cp == 0x7F) {
        return 0;
    }
    if (cp < 0x80) {
        return 1;
    }
    static const unsigned ranges[][2] = {
        {0x80, 0xA0},        {0xAD, 0xAD},       {0x600, 0x605},     {0x61C, 0x61C},
        {0x6DD, 0x6DD},      {0x70F, 0x70F},     {0x1680, 0x1680},   {0x180E, 0x180E},
        {0x2000, 0x200F},    {0x2028, 0x202F},   {0x205F, 0x206F},   {0x3000, 0x3000},
        {0xD800, 0xF8FF},    {0xFEFF, 0xFEFF},   {0xFFF0, 0xFFFB},   {0xFFFE, 0xFFFF},
        {0x110BD, 0x110BD},  {0x1D173, 0x1D17A}, {0xE0000, 0xE00FF}, {0xE01F0, 0xE0FFF},
        {0xF0000, 0x10FFFF},
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
        if (cp >= ranges[i][0] && cp <= ranges[i][1]) {
            return 0;
        }
    }
    return 1;
}

/* An approximation of XID_Continue for non-ASCII code points: everything except the blocks of
 * punctuation, symbols, spaces and controls (which is where stray characters in lecture code
 * come from: smart quotes, dashes, non-breaking spaces, currency signs, arrows, emoji). */
static int is_xid_continue(unsigned cp) {
    static const unsigned not_ident[][2] = {
        {0x80, 0xA9},       {0xAB, 0xB4},       {0xB6, 0xB6},       {0xB8, 0xB9},
        {0xBB, 0xBF},       {0xD7, 0xD7},       {0xF7, 0xF7},       {0x2C2, 0x2C5},
        {0x2D2, 0x2DF},     {0x37E, 0x37E},     {0x384, 0x385},     {0x387, 0x387},
        {0x55A, 0x55F},     {0x589, 0x58A},     {0x5BE, 0x5BE},     {0x5C0, 0x5C0},
        {0x5C3, 0x5C3},     {0x5C6, 0x5C6},     {0x5F3, 0x5F4},     {0x600, 0x60F},
        {0x61B, 0x61F},     {0x66A, 0x66D},     {0x6D4, 0x6D4},     {0x6DD, 0x6DE},
        {0x964, 0x965},     {0x970, 0x970},     {0xE3F, 0xE3F},     {0xE4F, 0xE4F},
        {0xE5A, 0xE5B},     {0x1680, 0x1680},   {0x180E, 0x180E},   {0x2000, 0x203E},
        {0x2041, 0x2053},   {0x2055, 0x206F},   {0x207A, 0x207E},   {0x208A, 0x208E},
        {0x20A0, 0x20CF},   {0x2100, 0x2101},   {0x2103, 0x2106},   {0x2108, 0x2109},
        {0x2114, 0x2114},   {0x2116, 0x2118},   {0x211E, 0x2123},   {0x2125, 0x2125},
        {0x2127, 0x2127},   {0x2129, 0x2129},   {0x212E, 0x212E},   {0x213A, 0x213B},
        {0x2140, 0x2144},   {0x214A, 0x214D},   {0x214F, 0x215F},   {0x2189, 0x2BFF},
        {0x2CE5, 0x2CEA},   {0x2CF9, 0x2CFF},   {0x2E00, 0x2E7F},   {0x2FF0, 0x3004},
        {0x3008, 0x3020},   {0x3030, 0x3030},   {0x3036, 0x3037},   {0x303D, 0x303F},
        {0x309B, 0x309C},   {0x30A0, 0x30A0},   {0x30FB, 0x30FB},   {0x3200, 0x33FF},
        {0x4DC0, 0x4DFF},   {0xA490, 0xA4CF},   {0xD800, 0xF8FF},   {0xFD3E, 0xFD3F},
        {0xFDFC, 0xFDFF},   {0xFE10, 0xFE1F},   {0xFE30, 0xFE32},   {0xFE35, 0xFE4C},
        {0xFE50, 0xFE6F},   {0xFEFF, 0xFEFF},   {0xFF01, 0xFF0F},   {0xFF1A, 0xFF20},
        {0xFF3B, 0xFF3E},   {0xFF40, 0xFF40},   {0xFF5B, 0xFF65},   {0xFFE0, 0xFFFF},
        {0x1F000, 0x1FAFF}, {0xE0000, 0xE00FF}, {0xE01F0, 0xE0FFF}, {0xF0000, 0x10FFFF},
    };
    for (size_t i = 0; i < sizeof not_ident / sizeof not_ident[0]; i++) {
        if (cp < not_ident[i][0]) {
            return 1;
        }
        if (cp <= not_ident[i][1]) {
            return 0;
        }
    }
    return 1;
}

/* XID_Start: XID_Continue minus the combining marks, digits and connectors that may only
 * follow the first character. */
static int is_xid_start(unsigned cp) {
    static const unsigned continue_only[][2] = {
        {0xB7, 0xB7},     {0x300, 0x36F},   {0x483, 0x489},   {0x591, 0x5C7},   {0x610, 0x61A},
        {0x64B, 0x669},   {0x670, 0x670},   {0x6D6, 0x6E4},   {0x6E7, 0x6ED},   {0x6F0, 0x6F9},
        {0x900, 0x903},   {0x93A, 0x94F},   {0x951, 0x957},   {0x962, 0x963},   {0x966, 0x96F},
        {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x203F, 0x2040}, {0x2054, 0x2054}, {0x20D0, 0x20FF},
        {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFE33, 0xFE34}, {0xFE4D, 0xFE4F}, {0xFF10, 0xFF19},
        {0xFF3F, 0xFF3F},
    };
    if (!is_xid_continue(cp)) {
        return 0;
    }
    for (size_t i = 0; i < sizeof continue_only / sizeof continue_only[0]; i++) {
        if (cp >= continue_only[i][0] && cp <= continue_only[i][1]) {
            return 0;
        }
    }
    return 1;
}

/* ------------------------------------------------------------------ errors */

/* A hard error (CPython's syntaxerror()): the column is the number of characters from the
 * start of the line to the read position. */
static TokKind hard_error(Lexer *lx, const char *msg) {
    TokenList *out = lx->out;
    snprintf(out->err.type, sizeof out->err.type, "SyntaxError");
    snprintf(out->err.msg, sizeof out->err.msg, "%s", msg);
    out->err.line = lx->line;
    out->err.col = count_chars(lx->buf, lx->line_start, lx->pos);
    out->err.end_col = out->err.col;
    out->err_hard = 1;
    lx->done = LX_ERR;
    return TOK_ERRORTOKEN;
}

/* A soft error (reported by CPython's parser when it reaches the token). */
static TokKind soft_error(Lexer *lx, const char *type, const char *msg, int line, int col) {
    TokenList *out = lx->out;
    snprintf(out->err.type, sizeof out->err.type, "%s", type);
    snprintf(out->err.msg, sizeof out->err.msg, "%s", msg);
    out->err.line = line;
    out->err.col = col;
    out->err.end_col = 0;
    out->err_hard = 0;
    lx->done = LX_ERR;
    return TOK_ERRORTOKEN;
}

/* ------------------------------------------------------------------ reading */

/* Loads the next line; mirrors tok_underflow_file() and its checks. */
static int load_line(Lexer *lx) {
    if (lx->pos >= lx->len) {
        return 0;
    }
    const char *nl = memchr(lx->buf + lx->pos, '\n', lx->len - lx->pos);
    size_t end = nl ? (size_t)(nl - lx->buf) + 1 : lx->len;
    lx->line++;
    lx->line_start = lx->pos;
    if (!lx->in_token) {
        lx->buf_start = lx->pos;
    }
    lx->inp = end;
    if (memchr(lx->buf + lx->pos, '\0', end - lx->pos)) {
        soft_error(lx, "SyntaxError", "source code cannot contain null bytes", lx->line, 0);
        lx->out->err_hard = 1;
        return -1;
    }
    for (size_t i = lx->pos; i < end;) {
        unsigned char c = (unsigned char)lx->buf[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        unsigned cp;
        int n = lex_utf8_decode((const unsigned char *)lx->buf + i, end - i, &cp);
        if (n == 0) {
            char msg[200];
            snprintf(msg, sizeof msg,
                     "Non-UTF-8 code starting with '\\x%.2x' on line %d, but no encoding "
                     "declared; see https://peps.python.org/pep-0263/ for details",
                     c, lx->line);
            soft_error(lx, "SyntaxError", msg, lx->line, 0);
            lx->out->err_hard = 1;
            return -1;
        }
        i += (size_t)n;
    }
    return 1;
}

static int nextc(Lexer *lx) {
    if (lx->pos == lx->inp) {
        if (lx->done != LX_OK) {
            return -1;
        }
        int r = load_line(lx);
        if (r <= 0) {
            if (r == 0) {
                lx->done = LX_EOF;
            }
            return -1;
        }
    }
    return (unsigned char)lx->buf[lx->pos++];
}

static void backup(Lexer *lx, int c) {
    if (c != -1) {
        lx->pos--;
    }
}

/* ------------------------------------------------------------------ tokens */

static int push_token(Lexer *lx, TokKind kind, size_t start, size_t end, int line, int col) {
    TokenList *out = lx->out;
    if (out->ntoks == out->cap) {
        int ncap = out->cap ? out->cap * 2 : 256;
        Token *n = realloc(out->toks, (size_t)ncap * sizeof *n);
        if (!n) {
            return -1;
        }
        out->toks = n;
        out->cap = ncap;
    }
    Token *t = &out->toks[out->ntoks++];
    t->kind = kind;
    t->line = line;
    t->col = col;
    t->end_line = lx->line;
    t->end_col = (int)(end - lx->line_start);
    t->ecol = col + 1;
    t->level = lx->level;
    t->start = lx->buf + start;
    t->len = (int)(end - start);
    return 0;
}

static TokKind keyword_kind(const char *s, size_t n) {
    static const struct {
        const char *word;
        TokKind kind;
    } kw[] = {
        {"False", TOK_FALSE},
        {"None", TOK_NONE},
        {"True", TOK_TRUE},
        {"and", TOK_AND},
        {"as", TOK_AS},
        {"assert", TOK_ASSERT},
        {"async", TOK_ASYNC},
        {"await", TOK_AWAIT},
        {"break", TOK_BREAK},
        {"class", TOK_CLASS},
        {"continue", TOK_CONTINUE},
        {"def", TOK_DEF},
        {"del", TOK_DEL},
        {"elif", TOK_ELIF},
        {"else", TOK_ELSE},
        {"except", TOK_EXCEPT},
        {"finally", TOK_FINALLY},
        {"for", TOK_FOR},
        {"from", TOK_FROM},
        {"global", TOK_GLOBAL},
        {"if", TOK_IF},
        {"import", TOK_IMPORT},
        {"in", TOK_IN},
        {"is", TOK_IS},
        {"lambda", TOK_LAMBDA},
        {"nonlocal", TOK_NONLOCAL},
        {"not", TOK_NOT},
        {"or", TOK_OR},
        {"pass", TOK_PASS},
        {"raise", TOK_RAISE},
        {"return", TOK_RETURN},
        {"try", TOK_TRY},
        {"while", TOK_WHILE},
        {"with", TOK_WITH},
        {"yield", TOK_YIELD},
    };
    if (n < 2 || n > 8) {
        return TOK_NAME;
    }
    for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++) {
        if (kw[i].word[0] == s[0] && strlen(kw[i].word) == n && memcmp(kw[i].word, s, n) == 0) {
            return kw[i].kind;
        }
    }
    return TOK_NAME;
}

static TokKind one_char(int c) {
    switch (c) {
    case '%':
        return TOK_PERCENT;
    case '&':
        return TOK_AMPER;
    case '(':
        return TOK_LPAR;
    case ')':
        return TOK_RPAR;
    case '*':
        return TOK_STAR;
    case '+':
        return TOK_PLUS;
    case ',':
        return TOK_COMMA;
    case '-':
        return TOK_MINUS;
    case '.':
        return TOK_DOT;
    case '/':
        return TOK_SLASH;
    case ':':
        return TOK_COLON;
    case ';':
        return TOK_SEMI;
    case '<':
        return TOK_LESS;
    case '=':
        return TOK_EQUAL;
    case '>':
        return TOK_GREATER;
    case '@':
        return TOK_AT;
    case '[':
        return TOK_LSQB;
    case ']':
        return TOK_RSQB;
    case '^':
        return TOK_CIRCUMFLEX;
    case '{':
        return TOK_LBRACE;
    case '|':
        return TOK_VBAR;
    case '}':
        return TOK_RBRACE;
    case '~':
        return TOK_TILDE;
    default:
        return TOK_OP;
    }
}

/* PyToken_TwoChars; TOK_OP means "not a two-character token". "<>" is one in CPython (for
 * Barry as FLUFL) and is rejected by its parser: TOK_OP gives the same "invalid syntax". */
static TokKind two_chars(int c1, int c2) {
    switch (c1) {
    case '!':
        return c2 == '=' ? TOK_NOTEQUAL : TOK_OP;
    case '%':
        return c2 == '=' ? TOK_PERCENTEQUAL : TOK_OP;
    case '&':
        return c2 == '=' ? TOK_AMPEREQUAL : TOK_OP;
    case '*':
        return c2 == '*' ? TOK_DOUBLESTAR : c2 == '=' ? TOK_STAREQUAL : TOK_OP;
    case '+':
        return c2 == '=' ? TOK_PLUSEQUAL : TOK_OP;
    case '-':
        return c2 == '=' ? TOK_MINEQUAL : c2 == '>' ? TOK_RARROW : TOK_OP;
    case '/':
        return c2 == '/' ? TOK_DOUBLESLASH : c2 == '=' ? TOK_SLASHEQUAL : TOK_OP;
    case ':':
        return c2 == '=' ? TOK_COLONEQUAL : TOK_OP;
    case '<':
        return c2 == '<' ? TOK_LEFTSHIFT : c2 == '=' ? TOK_LESSEQUAL : TOK_OP;
    case '=':
        return c2 == '=' ? TOK_EQEQUAL : TOK_OP;
    case '>':
        return c2 == '=' ? TOK_GREATEREQUAL : c2 == '>' ? TOK_RIGHTSHIFT : TOK_OP;
    case '@':
        return c2 == '=' ? TOK_ATEQUAL : TOK_OP;
    case '^':
        return c2 == '=' ? TOK_CIRCUMFLEXEQUAL : TOK_OP;
    case '|':
        return c2 == '=' ? TOK_VBAREQUAL : TOK_OP;
    default:
        return TOK_OP;
    }
}

static TokKind three_chars(int c1, int c2, int c3) {
    if (c3 != '=') {
        return TOK_OP;
    }
    if (c1 == '*' && c2 == '*') {
        return TOK_DOUBLESTAREQUAL;
    }
    if (c1 == '/' && c2 == '/') {
        return TOK_DOUBLESLASHEQUAL;
    }
    if (c1 == '<' && c2 == '<') {
        return TOK_LEFTSHIFTEQUAL;
    }
    if (c1 == '>' && c2 == '>') {
        return TOK_RIGHTSHIFTEQUAL;
    }
    return TOK_OP;
}

static int is_digit(int c) {
    return c >= '0' && c <= '9';
}

static int is_xdigit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int is_ident_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static int is_ident_char(int c) {
    return is_ident_start(c) || is_digit(c);
}

/* Peeks whether the bytes after the read position spell `word` (CPython's lookahead()). */
static int lookahead(Lexer *lx, const char *word) {
    size_t n = strlen(word);
    if (lx->inp - lx->pos < n + 1) {
        return 0;
    }
    return memcmp(lx->buf + lx->pos, word, n) == 0 &&
           !is_ident_char((unsigned char)lx->buf[lx->pos + n]);
}

/* verify_end_of_number(): a number directly followed by a letter is an error, except before
 * the keywords that may follow a number (CPython only warns there). */
static int verify_end_of_number(Lexer *lx, int c, const char *kind) {
    int r = 0;
    if (c == 'a') {
        r = lookahead(lx, "nd");
    } else if (c == 'e') {
        r = lookahead(lx, "lse");
    } else if (c == 'f') {
        r = lookahead(lx, "or");
    } else if (c == 'i') {
        int c2 = lx->pos < lx->inp ? (unsigned char)lx->buf[lx->pos] : -1;
        r = c2 == 'f' || c2 == 'n' || c2 == 's';
    } else if (c == 'o') {
        r = lookahead(lx, "r");
    } else if (c == 'n') {
        r = lookahead(lx, "ot");
    }
    if (r) {
        return 1;
    }
    if (c != -1 && c < 128 && is_ident_char(c)) {
        backup(lx, c);
        char msg[64];
        snprintf(msg, sizeof msg, "invalid %s literal", kind);
        hard_error(lx, msg);
        return 0;
    }
    return 1;
}

/* tok_decimal_tail(): digits with single underscores between them. Returns the character
 * after them, or -2 after an error. */
static int decimal_tail(Lexer *lx) {
    int c;
    for (;;) {
        do {
            c = nextc(lx);
        } while (is_digit(c));
        if (c != '_') {
            break;
        }
        c = nextc(lx);
        if (!is_digit(c)) {
            backup(lx, c);
            hard_error(lx, "invalid decimal literal");
            return -2;
        }
    }
    return c;
}

/* Scans a number whose first character c has been read. Returns TOK_NUMBER or
 * TOK_ERRORTOKEN; on success the read position is just past the number. */
static TokKind scan_number(Lexer *lx, int c, int after_dot) {
    char msg[64];
    if (after_dot) {
        goto fraction;
    }
    if (c == '0') {
        c = nextc(lx);
        if (c == 'x' || c == 'X') {
            c = nextc(lx);
            do {
                if (c == '_') {
                    c = nextc(lx);
                }
                if (!is_xdigit(c)) {
                    backup(lx, c);
                    return hard_error(lx, "invalid hexadecimal literal");
                }
                do {
                    c = nextc(lx);
                } while (is_xdigit(c));
            } while (c == '_');
            if (!verify_end_of_number(lx, c, "hexadecimal")) {
                return TOK_ERRORTOKEN;
            }
        } else if (c == 'o' || c == 'O' || c == 'b' || c == 'B') {
            int octal = c == 'o' || c == 'O';
            int maxd = octal ? '8' : '2';
            const char *kind = octal ? "octal" : "binary";
            c = nextc(lx);
            do {
                if (c == '_') {
                    c = nextc(lx);
                }
                if (c < '0' || c >= maxd) {
                    if (is_digit(c)) {
                        snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
                        return hard_error(lx, msg);
                    }
                    backup(lx, c);
                    snprintf(msg, sizeof msg, "invalid %s literal", kind);
                    return hard_error(lx, msg);
                }
                do {
                    c = nextc(lx);
                } while (c >= '0' && c < maxd);
            } while (c == '_');
            if (is_digit(c)) {
                snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
                return hard_error(lx, msg);
            }
            if (!verify_end_of_number(lx, c, kind)) {
                return TOK_ERRORTOKEN;
            }
        } else {
            int nonzero = 0;
            for (;;) {
                if (c == '_') {
                    c = nextc(lx);
                    if (!is_digit(c)) {
                        backup(lx, c);
                        return hard_error(lx, "invalid decimal literal");
                    }
                }
                if (c != '0') {
                    break;
                }
                c = nextc(lx);
            }
            size_t zeros_end = lx->pos;
            if (is_digit(c)) {
                nonzero = 1;
                c = decimal_tail(lx);
                if (c == -2) {
                    return TOK_ERRORTOKEN;
                }
            }
            if (c == '.') {
                c = nextc(lx);
                goto fraction;
            } else if (c == 'e' || c == 'E') {
                goto exponent;
            } else if (c == 'j' || c == 'J') {
                goto imaginary;
            } else if (nonzero) {
                backup(lx, c);
                hard_error(lx, "leading zeros in decimal integer literals are not permitted; "
                               "use an 0o prefix for octal integers");
                lx->out->err.col = (int)(lx->start + 1 - lx->line_start);
                lx->out->err.end_col = (int)(zeros_end - lx->line_start);
                return TOK_ERRORTOKEN;
            }
            if (!verify_end_of_number(lx, c, "decimal")) {
                return TOK_ERRORTOKEN;
            }
        }
    } else {
        c = decimal_tail(lx);
        if (c == -2) {
            return TOK_ERRORTOKEN;
        }
        if (c == '.') {
            c = nextc(lx);
        fraction:
            if (is_digit(c)) {
                c = decimal_tail(lx);
                if (c == -2) {
                    return TOK_ERRORTOKEN;
                }
            }
        }
        if (c == 'e' || c == 'E') {
            int e;
        exponent:
            e = c;
            c = nextc(lx);
            if (c == '+' || c == '-') {
                c = nextc(lx);
                if (!is_digit(c)) {
                    backup(lx, c);
                    return hard_error(lx, "invalid decimal literal");
                }
            } else if (!is_digit(c)) {
                backup(lx, c);
                if (!verify_end_of_number(lx, e, "decimal")) {
                    return TOK_ERRORTOKEN;
                }
                backup(lx, e);
                return TOK_NUMBER;
            }
            c = decimal_tail(lx);
            if (c == -2) {
                return TOK_ERRORTOKEN;
            }
        }
        if (c == 'j' || c == 'J') {
        imaginary:
            c = nextc(lx);
            if (!verify_end_of_number(lx, c, "imaginary")) {
                return TOK_ERRORTOKEN;
            }
        } else if (!verify_end_of_number(lx, c, "decimal")) {
            return TOK_ERRORTOKEN;
        }
    }
    backup(lx, c);
    return TOK_NUMBER;
}

/* Scans a string literal whose opening quote has been read (the prefix, if any, is between
 * lx->start and the quote). */
static TokKind scan_string(Lexer *lx, int quote) {
    int quote_size = 1;
    int end_quote_size = 0;
    lx->first_line = lx->line;
    lx->multi_line_start = lx->line_start;
    int c = nextc(lx);
    if (c == quote) {
        c = nextc(lx);
        if (c == quote) {
            quote_size = 3;
        } else {
            end_quote_size = 1; /* empty string */
        }
    }
    if (c != quote) {
        backup(lx, c);
    }
    while (end_quote_size != quote_size) {
        c = nextc(lx);
        if (lx->done == LX_ERR) {
            return TOK_ERRORTOKEN;
        }
        if (c == -1 || (quote_size == 1 && c == '\n')) {
            /* Report from the start of the literal, as CPython does. */
            int detected = lx->line;
            char msg[96];
            lx->pos = lx->start + 1;
            lx->line_start = lx->multi_line_start;
            lx->line = lx->first_line;
            snprintf(msg, sizeof msg, "unterminated %sstring literal (detected at line %d)",
                     quote_size == 3 ? "triple-quoted " : "", detected);
            return hard_error(lx, msg);
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\') {
                nextc(lx); /* skip the escaped character */
            }
        }
    }
    return TOK_STRING;
}

/* Scans an identifier whose first character c has been read; handles string prefixes. */
static TokKind scan_name(Lexer *lx, int c) {
    int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
    for (;;) {
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
            saw_b = 1;
        } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
            saw_u = 1;
        } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
            saw_r = 1;
        } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
            saw_f = 1;
        } else {
            break;
        }
        c = nextc(lx);
        if (c == '"' || c == '\'') {
            return scan_string(lx, c);
        }
    }
    int nonascii = 0;
    while (c != -1 && is_ident_char(c)) {
        if (c >= 128) {
            nonascii = 1;
        }
        c = nextc(lx);
    }
    backup(lx, c);
    if (!nonascii) {
        return TOK_NAME;
    }
    /* verify_identifier(): find the first character that cannot be in an identifier. */
    size_t i = lx->start;
    int index = 0;
    while (i < lx->pos) {
        unsigned cp;
        int n = lex_utf8_decode((const unsigned char *)lx->buf + i, lx->pos - i, &cp);
        if (n == 0) {
            n = 1;
            cp = 0xFFFD;
        }
        int ok = cp < 128 ? (index == 0 ? is_ident_start((int)cp) && !is_digit((int)cp) : 1)
                          : (index == 0 ? is_xid_start(cp) : is_xid_continue(cp));
        if (!ok) {
            char msg[96];
            if (i + (size_t)n < lx->pos) {
                lx->pos = i + (size_t)n;
            }
            if (is_printable(cp)) {
                snprintf(msg, sizeof msg, "invalid character '%.*s' (U+%04X)", n, lx->buf + i, cp);
            } else {
                snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", cp);
            }
            return hard_error(lx, msg);
        }
        i += (size_t)n;
        index++;
    }
    return TOK_NAME;
}

/* tok_continuation_line(): a backslash has been read; the next character must be "\n". */
static int continuation_line(Lexer *lx) {
    int c = nextc(lx);
    if (c != '\n') {
        if (lx->done == LX_ERR) {
            return -1;
        }
        soft_error(lx, "SyntaxError", "unexpected character after line continuation character",
                   lx->line, (int)(lx->pos - lx->buf_start));
        return -1;
    }
    c = nextc(lx);
    if (c == -1) {
        if (lx->done == LX_ERR) {
            return -1;
        }
        lx->pos = lx->inp;
        if (lx->level > 0) {
            return -2; /* EOF inside brackets: the caller reports the open bracket */
        }
        soft_error(lx, "SyntaxError", "unexpected EOF while parsing", lx->line,
                   (int)(lx->pos - lx->line_start));
        return -1;
    }
    backup(lx, c);
    return c;
}

static TokKind eof_in_brackets(Lexer *lx) {
    char msg[64];
    int i = lx->level - 1;
    snprintf(msg, sizeof msg, "'%c' was never closed", lx->parenstack[i]);
    return soft_error(lx, "SyntaxError", msg, lx->parenline[i], lx->parencol[i] + 1);
}

/* One token (tok_get). Fills *line / *col with the token's start; INDENT, DEDENT and
 * ENDMARKER get CPython's error column in *ecol. */
static TokKind next_token(Lexer *lx, int *line, int *col, int *ecol) {
    int c;
    int blankline;
    *ecol = -1;
nextline:
    blankline = 0;
    lx->in_token = 0;
    if (lx->atbol) {
        int icol = 0, altcol = 0, cont_line_col = 0;
        lx->atbol = 0;
        for (;;) {
            c = nextc(lx);
            if (c == ' ') {
                icol++, altcol++;
            } else if (c == '\t') {
                icol = (icol / TABSIZE + 1) * TABSIZE;
                altcol = altcol + 1;
            } else if (c == '\f') {
                icol = altcol = 0;
            } else if (c == '\\') {
                cont_line_col = cont_line_col ? cont_line_col : icol;
                c = continuation_line(lx);
                if (c == -2) {
                    return eof_in_brackets(lx);
                }
                if (c == -1) {
                    return TOK_ERRORTOKEN;
                }
            } else {
                break;
            }
        }
        backup(lx, c);
        if (lx->done == LX_ERR) {
            return TOK_ERRORTOKEN;
        }
        if (c == '#' || c == '\n') {
            blankline = 1;
        }
        if (!blankline && lx->level == 0) {
            icol = cont_line_col ? cont_line_col : icol;
            altcol = cont_line_col ? cont_line_col : altcol;
            if (icol == lx->indstack[lx->indent]) {
                if (altcol != lx->altindstack[lx->indent]) {
                    lx->pos = lx->inp;
                    return soft_error(lx, "TabError",
                                      "inconsistent use of tabs and spaces in indentation",
                                      lx->line, 1);
                }
            } else if (icol > lx->indstack[lx->indent]) {
                if (lx->indent + 1 >= LEX_MAX_INDENT) {
                    lx->pos = lx->inp;
                    return soft_error(lx, "IndentationError", "too many levels of indentation",
                                      lx->line, 1);
                }
                if (altcol <= lx->altindstack[lx->indent]) {
                    lx->pos = lx->inp;
                    return soft_error(lx, "TabError",
                                      "inconsistent use of tabs and spaces in indentation",
                                      lx->line, 1);
                }
                lx->pendin++;
                lx->indstack[++lx->indent] = icol;
                lx->altindstack[lx->indent] = altcol;
            } else {
                while (lx->indent > 0 && icol < lx->indstack[lx->indent]) {
                    lx->pendin--;
                    lx->indent--;
                }
                if (icol != lx->indstack[lx->indent]) {
                    lx->pos = lx->inp;
                    return soft_error(lx, "IndentationError",
                                      "unindent does not match any outer indentation level",
                                      lx->line, (int)(lx->pos - lx->line_start));
                }
                if (altcol != lx->altindstack[lx->indent]) {
                    lx->pos = lx->inp;
                    return soft_error(lx, "TabError",
                                      "inconsistent use of tabs and spaces in indentation",
                                      lx->line, 1);
                }
            }
        }
    }
    lx->start = lx->pos;
    *line = lx->line;
    *col = (int)(lx->pos - lx->line_start);
    if (lx->pendin != 0) {
        *ecol = (int)(lx->pos - lx->line_start);
        if (lx->pendin < 0) {
            lx->pendin++;
            return TOK_DEDENT;
        }
        lx->pendin--;
        return TOK_INDENT;
    }
again:
    lx->in_token = 0;
    do {
        c = nextc(lx);
    } while (c == ' ' || c == '\t' || c == '\f');
    lx->start = c == -1 ? lx->pos : lx->pos - 1;
    lx->in_token = c != -1;
    *line = lx->line;
    *col = (int)(lx->start - lx->line_start);
    if (c == '#') {
        while (c != -1 && c != '\n') {
            c = nextc(lx);
        }
    }
    if (c == -1) {
        if (lx->done == LX_ERR) {
            return TOK_ERRORTOKEN;
        }
        if (lx->level) {
            return eof_in_brackets(lx);
        }
        *ecol = (int)(lx->pos - lx->line_start);
        return TOK_ENDMARKER;
    }
    if (is_ident_start(c)) {
        return scan_name(lx, c);
    }
    if (c == '\n') {
        lx->atbol = 1;
        if (blankline || lx->level > 0) {
            goto nextline;
        }
        return TOK_NEWLINE;
    }
    if (c == '.') {
        c = nextc(lx);
        if (is_digit(c)) {
            return scan_number(lx, c, 1);
        }
        if (c == '.') {
            c = nextc(lx);
            if (c == '.') {
                return TOK_ELLIPSIS;
            }
            backup(lx, c);
            backup(lx, '.');
        } else {
            backup(lx, c);
        }
        return TOK_DOT;
    }
    if (is_digit(c)) {
        return scan_number(lx, c, 0);
    }
    if (c == '\'' || c == '"') {
        return scan_string(lx, c);
    }
    if (c == '\\') {
        c = continuation_line(lx);
        if (c == -2) {
            return eof_in_brackets(lx);
        }
        if (c == -1) {
            return TOK_ERRORTOKEN;
        }
        goto again;
    }
    {
        int c2 = nextc(lx);
        TokKind k = two_chars(c, c2);
        if (k == TOK_OP && c == '<' && c2 == '>') {
            return TOK_OP;
        }
        if (k != TOK_OP) {
            int c3 = nextc(lx);
            TokKind k3 = three_chars(c, c2, c3);
            if (k3 != TOK_OP) {
                return k3;
            }
            backup(lx, c3);
            return k;
        }
        backup(lx, c2);
    }
    switch (c) {
    case '(':
    case '[':
    case '{':
        if (lx->level >= LEX_MAX_LEVEL) {
            return hard_error(lx, "too many nested parentheses");
        }
        lx->parenstack[lx->level] = (char)c;
        lx->parenline[lx->level] = lx->line;
        lx->parencol[lx->level] = (int)(lx->start - lx->line_start);
        lx->level++;
        break;
    case ')':
    case ']':
    case '}': {
        char msg[128];
        if (!lx->level) {
            snprintf(msg, sizeof msg, "unmatched '%c'", c);
            return hard_error(lx, msg);
        }
        lx->level--;
        int opening = lx->parenstack[lx->level];
        if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
              (opening == '{' && c == '}'))) {
            if (lx->parenline[lx->level] != lx->line) {
                snprintf(msg, sizeof msg,
                         "closing parenthesis '%c' does not match opening parenthesis '%c' on "
                         "line %d",
                         c, opening, lx->parenline[lx->level]);
            } else {
                snprintf(msg, sizeof msg,
                         "closing parenthesis '%c' does not match opening parenthesis '%c'", c,
                         opening);
            }
            return hard_error(lx, msg);
        }
        break;
    }
    default:
        break;
    }
    if (!is_printable((unsigned)c)) {
        char msg[64];
        snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", (unsigned)c);
        return hard_error(lx, msg);
    }
    return one_char(c);
}

/* Copies src into out->buf with newlines normalized and a final "\n". */
static int normalize(const char *src, size_t len, TokenList *out) {
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        len -= 3;
    }
    char *buf = malloc(len + 2);
    if (!buf) {
        return -1;
    }
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        char c = src[i];
        if (c == '\r') {
            if (i + 1 < len && src[i + 1] == '\n') {
                i++;
            }
            c = '\n';
        }
        buf[n++] = c;
    }
    if (n > 0 && buf[n - 1] != '\n') {
        buf[n++] = '\n';
    }
    buf[n] = '\0';
    out->buf = buf;
    out->buflen = n;
    return 0;
}

int lex_tokenize(const char *src, size_t len, int first_line, TokenList *out) {
    memset(out, 0, sizeof *out);
    if (len > (size_t)0x7FFFFFF0) {
        snprintf(out->err.type, sizeof out->err.type, "MemoryError");
        snprintf(out->err.msg, sizeof out->err.msg, "source too large");
        return -1;
    }
    if (normalize(src, len, out) != 0) {
        snprintf(out->err.type, sizeof out->err.type, "MemoryError");
        snprintf(out->err.msg, sizeof out->err.msg, "out of memory");
        return -1;
    }
    Lexer *lx = calloc(1, sizeof *lx);
    if (!lx) {
        lex_free(out);
        snprintf(out->err.type, sizeof out->err.type, "MemoryError");
        snprintf(out->err.msg, sizeof out->err.msg, "out of memory");
        return -1;
    }
    lx->buf = out->buf;
    lx->len = out->buflen;
    lx->line = first_line - 1;
    lx->atbol = 1;
    lx->out = out;
    for (;;) {
        int line = 0, col = 0, ecol = -1;
        TokKind kind = next_token(lx, &line, &col, &ecol);
        if (kind == TOK_NAME) {
            kind = keyword_kind(lx->buf + lx->start, lx->pos - lx->start);
        }
        size_t start = lx->start, end = kind == TOK_NEWLINE ? lx->pos - 1 : lx->pos;
        if (kind == TOK_ERRORTOKEN) {
            start = end = lx->pos;
            line = out->err.line;
            col = out->err.col > 0 ? out->err.col - 1 : 0;
        }
        if (push_token(lx, kind, start, end, line, col) != 0) {
            free(lx);
            lex_free(out);
            snprintf(out->err.type, sizeof out->err.type, "MemoryError");
            snprintf(out->err.msg, sizeof out->err.msg, "out of memory");
            return -1;
        }
        Token *t = &out->toks[out->ntoks - 1];
        if (ecol >= 0) {
            t->ecol = ecol;
        }
        if (kind == TOK_ENDMARKER || kind == TOK_ERRORTOKEN) {
            break;
        }
    }
    out->open_level = lx->level;
    if (lx->level > 0) {
        out->open_char = lx->parenstack[lx->level - 1];
        out->open_line = lx->parenline[lx->level - 1];
        out->open_col = lx->parencol[lx->level - 1];
    }
    free(lx);
    return 0;
}

void lex_free(TokenList *list) {
    if (!list) {
        return;
    }
    free(list->toks);
    free(list->buf);
    list->toks = NULL;
    list->buf = NULL;
    list->ntoks = list->cap = 0;
}
