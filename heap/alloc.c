/*
 * alloc.c - pymalloc, modelled (see alloc.h).
 *
 * Simulated addresses: arena k lives at ARENA_BASE + k * ARENA_STRIDE plus a small offset that
 * is not pool-aligned (CPython's arenas come from mmap, so one pool per arena is lost to
 * alignment: 63 usable pools). Because the stride is fixed, an address tells its arena,
 * pool and block without any lookup table. Blocks freed in a pool go on a LIFO free list,
 * exactly like pymalloc's `freeblock` chain, so id() reuse follows CPython's.
 */
#include "heap/alloc.h"

#include <stdlib.h>
#include <string.h>

#define ARENA_BASE 0x7f3a00000000ULL
#define ARENA_STRIDE (2ULL * 1024 * 1024)
#define ARENA_OFFSET 0x1010ULL /* mmap result is page- but not pool-aligned */
#define POOLS_PER_ARENA 63
#define MALLOC_BASE 0x5600a0000000ULL
#define RSS_BASELINE (13ULL * 1024 * 1024 + 400 * 1024) /* interpreter start, as measured */

struct AllocPool {
    AllocPool *next, *prev; /* usedpools ring of its class */
    AllocArena *arena;
    int index;      /* pool number within the arena */
    int szidx;      /* size class (0-based) */
    int ref;        /* blocks in use */
    int nextoffset; /* bump pointer (block number) */
    int maxblocks;
    uint16_t *freeblocks; /* LIFO of freed block numbers */
    int nfree, capfree;
    int in_used; /* linked in usedpools */
};

struct AllocArena {
    int index;
    uint64_t first_pool; /* address of pool 0 */
    int nfreepools;      /* free pools (never used + returned) */
    int pools_bumped;    /* pools carved so far */
    int freepool_stack[POOLS_PER_ARENA];
    int nfreepool_stack;
    AllocPool pools[POOLS_PER_ARENA];
};

void alloc_init(Alloc *a) {
    memset(a, 0, sizeof *a);
    a->malloc_next = MALLOC_BASE;
}

void alloc_destroy(Alloc *a) {
    for (int i = 0; i < a->narenas; i++) {
        AllocArena *ar = a->arenas[i];
        if (!ar) continue;
        for (int p = 0; p < POOLS_PER_ARENA; p++)
            free(ar->pools[p].freeblocks);
        free(ar);
    }
    free(a->arenas);
    memset(a, 0, sizeof *a);
}

int alloc_class(size_t n) {
    if (n == 0 || n > ALLOC_SMALL_MAX) return 0;
    return (int)((n - 1) >> 4) + 1;
}

size_t alloc_rss(const Alloc *a) {
    /* whole arenas are resident once touched; malloc memory by 4 KiB pages */
    size_t pages = (a->malloc_bytes + 4095) / 4096;
    return RSS_BASELINE + a->arenas_live * ALLOC_ARENA_SIZE + pages * 4096;
}

static void used_link(Alloc *a, AllocPool *p) {
    AllocPool **head = &a->usedpools[p->szidx];
    if (!*head) {
        p->next = p->prev = p;
        *head = p;
    } else { /* insert at the front, as pymalloc relinks a pool that just got a free block */
        AllocPool *h = *head;
        p->next = h;
        p->prev = h->prev;
        h->prev->next = p;
        h->prev = p;
        *head = p;
    }
    p->in_used = 1;
}

static void used_unlink(Alloc *a, AllocPool *p) {
    AllocPool **head = &a->usedpools[p->szidx];
    if (p->next == p) {
        *head = NULL;
    } else {
        p->prev->next = p->next;
        p->next->prev = p->prev;
        if (*head == p) *head = p->next;
    }
    p->next = p->prev = NULL;
    p->in_used = 0;
}

static AllocArena *new_arena(Alloc *a) {
    int slot = -1;
    for (int i = 0; i < a->narenas; i++)
        if (!a->arenas[i]) {
            slot = i;
            break;
        }
    if (slot < 0) {
        if (a->narenas == a->arenas_cap) {
            a->arenas_cap = a->arenas_cap ? a->arenas_cap * 2 : 16;
            a->arenas = realloc(a->arenas, sizeof(AllocArena *) * a->arenas_cap);
            if (!a->arenas) abort();
        }
        slot = a->narenas++;
    }
    AllocArena *ar = calloc(1, sizeof *ar);
    if (!ar) abort();
    ar->index = slot;
    uint64_t base = ARENA_BASE + (uint64_t)slot * ARENA_STRIDE + ARENA_OFFSET;
    ar->first_pool = (base + ALLOC_POOL_SIZE - 1) & ~(uint64_t)(ALLOC_POOL_SIZE - 1);
    ar->nfreepools = POOLS_PER_ARENA;
    for (int p = 0; p < POOLS_PER_ARENA; p++) {
        ar->pools[p].arena = ar;
        ar->pools[p].index = p;
    }
    a->arenas[slot] = ar;
    a->arenas_live++;
    if (a->arenas_live > a->arenas_peak) a->arenas_peak = a->arenas_live;
    return ar;
}

/* Mirrors allocate_from_new_pool(): usable_arenas is kept most-full first. */
static AllocPool *new_pool(Alloc *a, int szidx) {
    AllocArena *best = NULL;
    for (int i = 0; i < a->narenas; i++) {
        AllocArena *ar = a->arenas[i];
        if (!ar || ar->nfreepools == 0) continue;
        if (!best || ar->nfreepools < best->nfreepools) best = ar;
    }
    if (!best) best = new_arena(a);
    int pi;
    if (best->nfreepool_stack > 0)
        pi = best->freepool_stack[--best->nfreepool_stack];
    else
        pi = best->pools_bumped++;
    best->nfreepools--;
    AllocPool *p = &best->pools[pi];
    p->szidx = szidx;
    p->ref = 0;
    p->nextoffset = 0;
    p->nfree = 0;
    p->maxblocks = (ALLOC_POOL_SIZE - ALLOC_POOL_OVERHEAD) / ((szidx + 1) * ALLOC_ALIGNMENT);
    a->pools_in_use++;
    used_link(a, p);
    return p;
}

static uint64_t pool_addr(AllocPool *p) {
    return p->arena->first_pool + (uint64_t)p->index * ALLOC_POOL_SIZE;
}

uint64_t alloc_malloc(Alloc *a, size_t n) {
    int cls = alloc_class(n);
    if (!cls) {
        uint64_t addr = a->malloc_next;
        size_t sz = n ? (n + 15) & ~(size_t)15 : 16;
        a->malloc_next += sz + 16;
        a->malloc_bytes += n;
        a->malloc_blocks++;
        return addr;
    }
    int szidx = cls - 1;
    AllocPool *p = a->usedpools[szidx];
    if (!p) p = new_pool(a, szidx);
    int block;
    if (p->nfree > 0)
        block = p->freeblocks[--p->nfree];
    else
        block = p->nextoffset++;
    p->ref++;
    if (p->nfree == 0 && p->nextoffset >= p->maxblocks) used_unlink(a, p); /* pool is full */
    a->blocks_in_use++;
    a->block_bytes += (size_t)cls * ALLOC_ALIGNMENT;
    return pool_addr(p) + ALLOC_POOL_OVERHEAD + (uint64_t)block * (uint64_t)(cls * ALLOC_ALIGNMENT);
}

void alloc_free(Alloc *a, uint64_t addr, size_t n) {
    int cls = alloc_class(n);
    if (!cls) {
        a->malloc_bytes -= n;
        a->malloc_blocks--;
        return;
    }
    int ai = (int)((addr - ARENA_BASE) / ARENA_STRIDE);
    if (ai < 0 || ai >= a->narenas || !a->arenas[ai]) abort(); /* not our block */
    AllocArena *ar = a->arenas[ai];
    int pi = (int)((addr - ar->first_pool) / ALLOC_POOL_SIZE);
    AllocPool *p = &ar->pools[pi];
    uint64_t bsize = (uint64_t)cls * ALLOC_ALIGNMENT;
    int block = (int)((addr - pool_addr(p) - ALLOC_POOL_OVERHEAD) / bsize);
    if (p->nfree == p->capfree) {
        p->capfree = p->capfree ? p->capfree * 2 : 16;
        p->freeblocks = realloc(p->freeblocks, sizeof(uint16_t) * p->capfree);
        if (!p->freeblocks) abort();
    }
    p->freeblocks[p->nfree++] = (uint16_t)block;
    p->ref--;
    a->blocks_in_use--;
    a->block_bytes -= bsize;
    if (p->ref == 0) { /* pool empty: back to its arena */
        if (p->in_used) used_unlink(a, p);
        p->nfree = 0;
        p->nextoffset = 0;
        a->pools_in_use--;
        ar->freepool_stack[ar->nfreepool_stack++] = pi;
        ar->nfreepools++;
        if (ar->nfreepools == POOLS_PER_ARENA) {
            /* all pools free: release the arena unless it would be the last one in
             * usable_arenas (sorted by free pools, so: unless another wholly free arena
             * follows it), as insert_to_freepool() does (bpo-37257) */
            int others = 0;
            for (int i = 0; i < a->narenas; i++)
                if (a->arenas[i] && a->arenas[i] != ar &&
                    a->arenas[i]->nfreepools == POOLS_PER_ARENA)
                    others++;
            if (others > 0) {
                for (int q = 0; q < POOLS_PER_ARENA; q++)
                    free(ar->pools[q].freeblocks);
                a->arenas[ai] = NULL;
                free(ar);
                a->arenas_live--;
            }
        }
        return;
    }
    if (!p->in_used) used_link(a, p); /* was full: usable again, at the front */
}

uint64_t alloc_realloc(Alloc *a, uint64_t addr, size_t oldn, size_t newn) {
    if (oldn == 0 && addr == 0) return newn ? alloc_malloc(a, newn) : 0;
    int cls = alloc_class(oldn);
    if (cls && newn > 0) { /* mirrors pymalloc_realloc() */
        size_t size = (size_t)cls * ALLOC_ALIGNMENT;
        if (newn <= size && 4 * newn > 3 * size) return addr;
    }
    uint64_t n = newn ? alloc_malloc(a, newn) : 0;
    alloc_free(a, addr, oldn);
    return n;
}
