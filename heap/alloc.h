/*
 * alloc.h - the one allocation funnel: a model of CPython 3.11's pymalloc (Objects/obmalloc.c).
 *
 * Requests of 1..512 bytes are served from 16-byte size classes carved out of 16 KiB pools,
 * which are carved out of 1 MiB arenas; larger (and 0-byte) requests go to "malloc". No
 * memory is handed out: the model only computes the addresses CPython would return (id()
 * is such an address) and keeps the figures memviz shows (blocks, pools, arenas, bytes).
 *
 * Invariants: a pool is in usedpools[class] iff it has at least one free block and at least
 * one used block; an arena is released (munmap) when all its pools are free, except the
 * last usable arena, as CPython does (bpo-37257).
 */
#ifndef MEMVIZ_ALLOC_H
#define MEMVIZ_ALLOC_H

#include <stddef.h>
#include <stdint.h>

#define ALLOC_ALIGNMENT 16
#define ALLOC_SMALL_MAX 512
#define ALLOC_NCLASSES (ALLOC_SMALL_MAX / ALLOC_ALIGNMENT)
#define ALLOC_POOL_SIZE (16 * 1024)
#define ALLOC_ARENA_SIZE (1024 * 1024)
#define ALLOC_POOL_OVERHEAD 48

typedef struct AllocPool AllocPool;
typedef struct AllocArena AllocArena;

typedef struct Alloc {
    AllocArena **arenas; /* by arena index (NULL slot: released) */
    int narenas;         /* slots used in `arenas` */
    int arenas_cap;
    AllocPool *usedpools[ALLOC_NCLASSES];
    /* figures */
    size_t blocks_in_use; /* pymalloc blocks */
    size_t block_bytes;   /* bytes of those blocks (size-class rounded) */
    size_t pools_in_use;  /* pools with at least one block used */
    size_t arenas_live;
    size_t arenas_peak;
    size_t malloc_bytes; /* bytes handed to "malloc" (requests > 512) */
    size_t malloc_blocks;
    uint64_t malloc_next; /* next simulated malloc address */
} Alloc;

void alloc_init(Alloc *a);
void alloc_destroy(Alloc *a);
/* Returns the simulated address of a new block of n bytes (CPython's PyObject_Malloc). */
uint64_t alloc_malloc(Alloc *a, size_t n);
/* Releases the block at addr, which was allocated with the same n. */
void alloc_free(Alloc *a, uint64_t addr, size_t n);
/* Resizes a block as PyMem_Realloc does: pymalloc keeps the block when the new size fits
 * its class and shrinks by less than a quarter; otherwise allocates anew, then frees. */
uint64_t alloc_realloc(Alloc *a, uint64_t addr, size_t oldn, size_t newn);
/* Size class (1-based) a request of n bytes uses, 0 if it goes to malloc. */
int alloc_class(size_t n);
/* Simulated resident set size in bytes (a fixed interpreter baseline plus arenas and malloc
 * memory), used by the memory_profiler model. */
size_t alloc_rss(const Alloc *a);

#endif
