/*
 * ast.c - the arena that owns an Ast.
 *
 * The parser allocates every node, every node array and every string (identifiers, constant
 * data) from one AstArena, so an Ast is released with a single ast_free and nodes never own
 * each other. The arena is a list of blocks; an allocation is carved from the newest block, a
 * new block (twice the previous size, up to a cap) is chained when it does not fit, and a
 * request larger than a block gets a block of its own. Memory is zeroed, so a fresh node has
 * every pointer NULL and every count 0.
 *
 * Constant representation (what the parser stores, what the compiler reads):
 *   CONST_INT    str/len: base-10 digits, no sign, no underscores, no leading zeros (except
 *                "0"). Hex/octal/binary literals are already converted, whatever their length.
 *   CONST_FLOAT  fval (strtod of the literal without underscores); CONST_IMAG likewise, for
 *                the literal without its 'j'.
 *   CONST_STR    str/len: the UTF-8 bytes after escape processing; may contain NUL bytes, and
 *                str[len] is always a NUL terminator.
 *   CONST_BYTES  str/len: the raw bytes after escape processing (NUL-terminated as well).
 * Identifiers (EXPR_NAME / EXPR_ATTR str, Arg.name, Keyword.name, Stmt.name, names[]) are
 * NUL-terminated arena strings.
 */
#include "heap/lang/ast.h"

#include <stdlib.h>
#include <string.h>

#define ARENA_FIRST_BLOCK 16384
#define ARENA_MAX_BLOCK (1u << 20)
#define ARENA_ALIGN 16

typedef struct ArenaBlock {
    struct ArenaBlock *next;
    size_t size; /* usable bytes after the header */
    size_t used;
} ArenaBlock;

struct AstArena {
    ArenaBlock *blocks; /* newest first */
    size_t next_size;
};

/* The header is padded so the first allocation in a block is ARENA_ALIGN-aligned. */
#define BLOCK_HEADER ((sizeof(ArenaBlock) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))

struct AstArena *ast_arena_new(void) {
    struct AstArena *arena = calloc(1, sizeof *arena);
    if (arena) {
        arena->next_size = ARENA_FIRST_BLOCK;
    }
    return arena;
}

static ArenaBlock *arena_add_block(struct AstArena *arena, size_t size) {
    ArenaBlock *b = calloc(1, BLOCK_HEADER + size);
    if (!b) {
        return NULL;
    }
    b->size = size;
    b->used = 0;
    b->next = arena->blocks;
    arena->blocks = b;
    return b;
}

void *ast_arena_alloc(struct AstArena *arena, size_t size) {
    if (size == 0) {
        size = 1;
    }
    if (size > (size_t)-1 / 2) {
        return NULL;
    }
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    ArenaBlock *b = arena->blocks;
    if (!b || b->size - b->used < size) {
        if (size > arena->next_size / 4) {
            /* A big request gets a block of its own, behind the current one, so the
             * current block keeps serving small allocations. */
            ArenaBlock *big = calloc(1, BLOCK_HEADER + size);
            if (!big) {
                return NULL;
            }
            big->size = size;
            big->used = size;
            if (arena->blocks) {
                big->next = arena->blocks->next;
                arena->blocks->next = big;
            } else {
                big->next = NULL;
                arena->blocks = big;
            }
            return (char *)big + BLOCK_HEADER;
        }
        b = arena_add_block(arena, arena->next_size);
        if (!b) {
            return NULL;
        }
        if (arena->next_size < ARENA_MAX_BLOCK) {
            arena->next_size *= 2;
        }
    }
    void *p = (char *)b + BLOCK_HEADER + b->used;
    b->used += size;
    return p;
}

char *ast_arena_strdup(struct AstArena *arena, const char *s, size_t len) {
    if (len == (size_t)-1) {
        return NULL;
    }
    char *d = ast_arena_alloc(arena, len + 1);
    if (d && len) {
        memcpy(d, s, len);
    }
    return d; /* zeroed, so already terminated */
}

void ast_arena_free(struct AstArena *arena) {
    if (!arena) {
        return;
    }
    ArenaBlock *b = arena->blocks;
    while (b) {
        ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    free(arena);
}

void ast_free(Ast *ast) {
    if (!ast) {
        return;
    }
    ast_arena_free(ast->arena);
    ast->arena = NULL;
    ast->body = NULL;
    ast->nbody = 0;
}
